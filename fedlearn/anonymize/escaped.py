"""Secrets behind escapes (DESIGN.md guarantee 1): ``\\u0022``, ``%3D``, ``&quot;``, ``=3D``.

``{"Body":"{\\u0022TOKEN\\u0022:\\u0022v\\u0022}"}`` (System.Text.Json), ``?cfg=KEY%3Dv``,
``{&quot;password&quot;: &quot;v&quot;}`` and a quoted-printable ``KEY=3Dv`` each hold a key and
its value that the rules cannot see as such: the quote, the ``=`` or the ``:`` between them is
escaped. The rules judge the text with those escapes decoded: JSON's ``\\uXXXX``, URL
percent-escapes of ASCII (``%00``-``%7F``), HTML's character references (``&quot;``, ``&amp;``,
``&lt;``, ``&gt;``, ``&apos;``, ``&#NN;``, ``&#xNN;``), and, in a text that says it is
``quoted-printable``, ``=XX`` of ASCII and its soft line breaks (``=`` at a line's end). Each
redaction found there is mapped back to the span of the text it was decoded from, escapes
included (``\\u0022v`` ends at ``v``; a value split by a soft line break is redacted across it).
One level: an escape that decodes to another escape is not decoded again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fedlearn.anonymize.hits import Hit
from fedlearn.anonymize.rules import Lazy

ESCAPE = Lazy(
    r"\\u(?P<u>[0-9a-fA-F]{4})|%(?P<p>[0-7][0-9a-fA-F])"
    r"|&(?:(?P<named>quot|amp|lt|gt|apos)|#(?P<dec>[0-9]{2,3})|#[xX](?P<hex>[0-9a-fA-F]{2}));"
)
QUOTED_PRINTABLE = Lazy(r"=(?P<q>[0-7][0-9A-F])|(?P<soft>=\r?\n)")
NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"}
# The word that makes ``=XX`` an escape; ASCII case only, as ``str.lower`` reads these letters.
# Led by its hyphen, which has no case: a pattern led by a cased letter under IGNORECASE is
# tried at every position, a literal one is found at memory speed (6x faster on a bench text).
QUOTED_PRINTABLE_WORD = Lazy(r"-(?<=quoted-)printable", re.IGNORECASE | re.ASCII)


def decoded(match_groups: dict[str, str | None]) -> str | None:
    """Return the character an escape stands for, or None to leave it as it is."""
    if match_groups.get("u"):
        code = int(match_groups["u"] or "", 16)
        return None if 0xD800 <= code <= 0xDFFF else chr(code)
    if match_groups.get("p"):
        return chr(int(match_groups["p"] or "", 16))
    if match_groups.get("named"):
        return NAMED[match_groups["named"] or ""]
    number = match_groups.get("dec")
    if number:
        return chr(int(number)) if int(number) < 0x80 else None
    if match_groups.get("hex"):
        return (
            chr(int(match_groups["hex"] or "", 16))
            if int(match_groups["hex"] or "", 16) < 0x80
            else None
        )
    if match_groups.get("q"):
        return chr(int(match_groups["q"] or "", 16))
    return "" if match_groups.get("soft") else None


class Decoded:
    """
    A text with its escapes decoded, and how its positions map back.

    Attributes:
        text: the decoded text ("" when the original holds no escape).
        starts: per character of ``text``, where what it was decoded from starts in the original.
        ends: per character of ``text``, where that ends.
    """

    def __init__(self, original: str) -> None:
        found = []
        if "\\u" in original or "%" in original or "&" in original:
            found = [
                (m.start(), m.end(), decoded(m.groupdict())) for m in ESCAPE.finditer(original)
            ]
        if says_quoted_printable(original):
            found += [
                (m.start(), m.end(), decoded(m.groupdict()))
                for m in QUOTED_PRINTABLE.finditer(original)
            ]
            found.sort()
        parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        position = 0
        for start, end, char in found:
            if char is None or start < position:
                continue
            parts.append(original[position:start])
            self.starts.extend(range(position, start))
            self.ends.extend(range(position + 1, start + 1))
            parts.append(char)
            self.starts.extend([start] * len(char))
            self.ends.extend([end] * len(char))
            position = end
        self.text = ""
        if parts:
            parts.append(original[position:])
            self.starts.extend(range(position, len(original)))
            self.ends.extend(range(position + 1, len(original) + 1))
            self.text = "".join(parts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span in the original text of the decoded span ``[start, end)``."""
        return self.starts[start], self.ends[end - 1]


def says_quoted_printable(text: str) -> bool:
    """Return whether ``text`` has an ``=`` and says ``quoted-printable`` (any ASCII case)."""
    return "=" in text and QUOTED_PRINTABLE_WORD.search(text) is not None


def with_decoded(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """
    Return the redactions in ``text`` found in it (``own``, first: where both find a secret, its
    name is the one the text's own rules gave) and in it decoded (``find``), each mapped back;
    merge them with ``hits.disjoint``. ``own`` alone when the text holds no escape.
    """
    # One character is found at memory speed (``memchr``), two a character at a time.
    has_u = "\\" in text and "\\u" in text
    if not (has_u or "%" in text or "&" in text or says_quoted_printable(text)):
        return own
    view = Decoded(text)
    if not view.text:
        return own
    mapped = [
        (*view.span(start, end), name, rule)
        for start, end, name, rule in find(view.text)
        if start < end
    ]
    return own + mapped
