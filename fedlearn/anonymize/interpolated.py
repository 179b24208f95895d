"""A string literal interpolated into another string (DESIGN.md guarantee 1; from ``bench/contexts31``).

``f"Bearer {'V'}"`` (Python), `` `Bearer ${"V"}` `` (JavaScript, Kotlin, Groovy), ``"#{'V'}"``
(Ruby) hold the value as a literal inside braces: the rules read a token after ``Bearer`` or a key
up to the brace or quote. The rules judge the text with each such interpolation's braces and
quotes removed (``{'``/``${"``/``#{'`` before, the same quote and ``}`` after, nothing between
them but the literal: no quote, backslash, brace or line break in it), and what they find there
that starts, ends or crosses at a removed piece, by a rule that names what it found, is mapped
back to the literal (``continued.with_gaps``). The interpolating string's own prefix goes too
(Python's ``f``/``rf``, C#'s ``$``): without the interpolation it is a plain literal, read as
one (``api_key = f"{'V'}"`` as ``api_key = "V"``). ``{"a": "b"}`` is no interpolation (a colon
follows the first literal), and a literal found by no rule in the joined text stays.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

# The interpolation of one literal: an optional ``$``/``#``, ``{``, a quote, the literal, the
# same quote, ``}``.
INTERPOLATION = Lazy(r"[$#]?\{(?P<q>[\"'])(?P<value>[^\"'\\\n{}]{1,300})(?P=q)\}")
# The interpolating string's prefix before its opening quote, at the end of the text before it.
PREFIX = Lazy(r"(?<![\w$@])(?:[fF][rR]?|[rR][fF]|\$@?|@\$)\Z")


def has_interpolation(text: str) -> bool:
    """Return whether ``text`` may hold an interpolated literal (found at memory speed: a lone
    ``{`` by ``memchr`` first, most texts have none; a pair is looked for a character at a time)."""
    return "{" in text and (("{'" in text and "'}" in text) or ('{"' in text and '"}' in text))


def gaps(text: str) -> list[tuple[int, int]]:
    """Return the spans around each interpolated literal's value: its opening, then its closing."""
    found = set()
    for match in INTERPOLATION.finditer(text):
        found.add((match.start(), match.start("value")))
        found.add((match.end("value"), match.end()))
        prefix = string_prefix(text, match.start(), match.group("q"))
        if prefix is not None:
            found.add(prefix)
    return sorted(found)


def string_prefix(text: str, at: int, quote: str) -> tuple[int, int] | None:
    """Return the span of the prefix (``f``, ``$``) of the string an interpolation at ``at`` is in:
    the nearest quote before it on its line that is not the literal's ``quote``."""
    line = text.rfind("\n", 0, at) + 1
    other = '"' if quote == "'" else "'"
    opening = text.rfind(other, line, at)
    if opening < 0:
        return None
    found = PREFIX.search(text, max(line, opening - 3), opening)
    return None if found is None else found.span()
