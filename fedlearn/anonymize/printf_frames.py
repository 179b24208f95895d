"""Wire frames a shell's ``printf`` writes from its arguments (DESIGN.md guarantee 1; from ``bench/contexts35``).

``printf '*2\\r\\n$4\\r\\nAUTH\\r\\n$16\\r\\n%s\\r\\n' V | nc host 6379`` sends a Redis RESP frame
whose password is an argument, not a word of the format: the format's conversions (``%s``,
``%b``, ``%d``; ``%%`` is a percent sign; ``\\r``, ``\\n`` line breaks) are filled with the arguments in order, each with its
shell quotes removed (``'a'\\''b'`` is ``a'b``), and the frame is read as ``wire_logins`` reads
one (the bulk strings by their declared lengths). When the password it chooses is an argument,
that argument is redacted in the text (inside its quotes). Reports ``password``; a value is 4+
characters and no ``$reference`` or placeholder (``"$REDIS_PASSWORD"`` stays). A frame whose
password is in the format itself is ``wire_logins``' already.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import wire_logins
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

# One shell word: quoted parts, escapes and plain characters up to a blank or an operator.
WORD = r"(?:'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"|\\.|[^\s'\"|;&<>()\\])+"
PRINTF = Lazy(
    rf"\bprintf[ \t]+(?P<format>'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\")(?P<args>(?:[ \t]+{WORD}){{1,16}})"
)
ARGUMENT = Lazy(WORD)
CONVERSION = Lazy(r"%(?:%|[-+ #0-9.]{0,8}[a-zA-Z])")
# A word's quoted parts and escapes, for its value (``unquoted``).
WORD_PART = Lazy(
    r"'(?P<single>[^'\n]*)'|\"(?P<double>(?:[^\"\\\n]|\\.)*)\"|\\(?P<escaped>.)|(?P<plain>[^'\"\\]+)"
)
DOUBLE_ESCAPE = Lazy(r"\\([\"\\$`])")
# The escapes ``printf`` reads in its format: a line break and a carriage return, a backslash.
FORMAT_ESCAPES = {"\\n": "\n", "\\r": "\r", "\\\\": "\\"}
FORMAT_ESCAPE = Lazy(r"\\[nr\\]")


def unquoted(word: str) -> str:
    """Return the value the shell makes of one word (quotes removed, escapes read)."""
    parts = []
    for part in WORD_PART.compiled.finditer(word):
        if part.group("double") is not None:
            parts.append(DOUBLE_ESCAPE.compiled.sub(r"\1", part.group("double")))
        else:
            parts.append(next(group for group in part.groups() if group is not None))
    return "".join(parts)


def inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a word's span without one pair of outer quotes of the same kind, if it has them."""
    if end - start >= 2 and text[start] in "'\"" and text[end - 1] == text[start]:
        return start + 1, end - 1
    return start, end


def escaped(literal: str) -> str:
    """Return a part of a ``printf`` format as it prints it (``\\r\\n`` a line break)."""
    return FORMAT_ESCAPE.compiled.sub(lambda found: FORMAT_ESCAPES[found.group()], literal)


def filled(format_body: str, arguments: list[str]) -> tuple[str, dict[tuple[int, int], int]]:
    """Return ``format_body`` with its conversions filled by ``arguments``, and where each went."""
    pieces: list[str] = []
    placed: dict[tuple[int, int], int] = {}
    length, position, index = 0, 0, 0
    for conversion in CONVERSION.compiled.finditer(format_body):
        literal = escaped(format_body[position : conversion.start()])
        pieces.append(literal)
        length += len(literal)
        if conversion.group() == "%%":
            value = "%"
        else:
            value = arguments[index] if index < len(arguments) else ""
            placed[(length, length + len(value))] = index
            index += 1
        pieces.append(value)
        length += len(value)
        position = conversion.end()
    pieces.append(escaped(format_body[position:]))
    return "".join(pieces), placed


def printf_passwords(text: str) -> Iterator[re.Match[str]]:
    """Yield the argument of each ``printf`` whose frame's password it is (see the docstring)."""
    for call in PRINTF.compiled.finditer(text):
        words = list(ARGUMENT.compiled.finditer(text, call.start("args"), call.end("args")))
        body = call.group("format")[1:-1]
        frame, placed = filled(body, [unquoted(word.group()) for word in words])
        for password in wire_logins.resp_passwords(frame):
            index = placed.get(password.span())
            if index is None:
                continue
            start, end = inner(text, *words[index].span())
            if start < end:
                yield span_match(text, start, end)


def rules() -> list[Rule]:
    """Return the rule for a password ``printf`` fills into a Redis RESP frame."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=printf_passwords),),
            trigger=Trigger(words=("printf",)),
            gate=r"printf[ \t]+['\"][^\n]*%",
        ),
    ]
