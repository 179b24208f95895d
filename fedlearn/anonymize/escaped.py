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
A terminal's colour escapes (ANSI SGR, ``ESC[1m``, ``ESC[33m``, ``ESC[0m``: a ``tmux
capture-pane -e``, a ``script`` typescript, a coloured CLI's ``key = value``) decode to nothing,
so a key and its value they wrap read as written (bench/contexts35). nginx's
``escape=default`` logs a request body's quotes and backslashes as ``\\x22`` and ``\\x5C``
(``{\\x22api_key\\x22: \\x22v\\x22}``, bench/contexts41): ``\\x22``, ``\\x27`` and ``\\x5C``
decode to ``"``, ``'`` and ``\\`` (no other ``\\xHH``: a bytes literal's ``\\x00`` is data).
HTML's inline phrase tags (``<span …>``, ``<code>``, ``<b>``, ``<strong>``, ``<em>``, ``<kbd>``…)
decode to nothing too, in a text that closes one: they mark a run up without breaking it, so
``client secret: <span>v</span>`` reads as ``client secret: v`` (bench/contexts41's rendered
pages); an opening one only right after ``:`` or ``=`` (and blanks), where a value starts
(``Bearer <code>process.env.API_TOKEN</code>`` keeps its markup: prose naming a reference). A CSV cell holding JSON doubles its quotes
(``"{""api_key"": ""v""}"``): in a text with a key so quoted, ``""`` decodes to ``"``.
One level: an escape that decodes to another escape is not decoded again.

JSON's blank escapes ``\\n``, ``\\r``, ``\\t`` (an agent's tool result, ``"stdout": "ok\\nAKIA…"``)
are decoded too, in a text where one has a run of 16 token characters glued after it, when not
themselves escaped (``\\\\n`` is a backslash and an ``n``): a token
glued to one starts no run of its own in the text. No redaction starts or ends inside one of
them (``edges``): a run read from the text would take its letter (``\\nAKIA…`` as ``nAKIA…``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from fedlearn.anonymize.hits import Hit
from fedlearn.anonymize.rules import Lazy

# HTML's inline phrase tags, which mark a run of text up without breaking it.
INLINE_TAGS = "span|code|b|strong|em|i|tt|kbd|samp|mark|var|font"
ESCAPE = Lazy(
    r"\\u(?P<u>[0-9a-fA-F]{4})|%(?P<p>[0-7][0-9a-fA-F])"
    r"|&(?:(?P<named>quot|amp|lt|gt|apos)|#(?P<dec>[0-9]{2,3})|#[xX](?P<hex>[0-9a-fA-F]{2}));"
    r"|(?P<sgr>\x1b\[[0-9;]{0,24}m)"
    r"|\\x(?P<x>2[27]|5[cC])"
    rf"|(?P<inline></(?:{INLINE_TAGS})>)"
    rf"|(?<=[:=])(?P<lead>[ \t]{{0,8}})<(?:{INLINE_TAGS})(?:[ \t][^<>\n]{{0,200}})?>"
)
# A closing inline tag: only a text with one gets the view for its tags.
INLINE = Lazy(rf"</(?:{INLINE_TAGS})>")
# A JSON object in a CSV cell has its quotes doubled (``"{""api_key"": ""v""}"``): a key so quoted
# makes every ``""`` of the text a quote.
DOUBLED_KEY = Lazy(r'""[A-Za-z_][\w.-]{0,80}""[ \t]*:')
DOUBLED = Lazy(r'""')
QUOTED_PRINTABLE = Lazy(r"=(?P<q>[0-7][0-9A-F])|(?P<soft>=\r?\n)")
NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"}
# JSON's blank escapes; one counts when an even run of backslashes (none too) stands before it.
BLANK = Lazy(r"\\[nrt]")
BLANKS = {"n": "\n", "r": "\r", "t": "\t"}
# A blank escape a long run of token characters follows: only then is the view worth a pass.
GLUED = Lazy(r"\\[nrt][A-Za-z0-9_+/=.-]{16}")
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
    if match_groups.get("x"):
        return chr(int(match_groups["x"] or "", 16))
    if match_groups.get("q"):
        return chr(int(match_groups["q"] or "", 16))
    if match_groups.get("lead") is not None:
        return match_groups["lead"]  # an inline tag opening right after ``:`` or ``=``
    inline = match_groups.get("inline")
    return "" if match_groups.get("soft") or match_groups.get("sgr") or inline else None


class Decoded:
    """
    A text with its escapes decoded, and how its positions map back.

    Attributes:
        text: the decoded text ("" when the original holds no escape).
        starts: per character of ``text``, where what it was decoded from starts in the original.
        ends: per character of ``text``, where that ends.
    """

    def __init__(self, original: str, *, blanks: bool = False) -> None:
        found: list[tuple[int, int, str | None]] = []
        if blanks:  # the blank escapes alone (``with_decoded``'s second view)
            found = [
                (m.start(), m.end(), BLANKS[original[m.end() - 1]])
                for m in BLANK.finditer(original)
                if unescaped(original, m.start())
            ]
        elif (
            "\\u" in original
            or "%" in original
            or "&" in original
            or "\x1b" in original
            or "\\x" in original
            or has_inline_tag(original)
        ):
            found = [
                (m.start(), m.end(), decoded(m.groupdict())) for m in ESCAPE.finditer(original)
            ]
        if says_doubled(original):
            found = sorted(found + [(m.start(), m.end(), '"') for m in DOUBLED.finditer(original)])
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


def has_inline_tag(text: str) -> bool:
    """Return whether ``text`` closes an inline HTML tag (``</span>``, ``</code>``, ``</b>``…)."""
    return "</" in text and INLINE.search(text) is not None


def says_doubled(text: str) -> bool:
    """Return whether ``text`` holds a key in doubled quotes (``""api_key"":``, a CSV cell's JSON)."""
    has_pair = '"":' in text or '"" :' in text
    return has_pair and DOUBLED_KEY.search(text) is not None


def says_quoted_printable(text: str) -> bool:
    """Return whether ``text`` has an ``=`` and says ``quoted-printable`` (any ASCII case)."""
    return "=" in text and QUOTED_PRINTABLE_WORD.search(text) is not None


def has_blank_escape(text: str) -> bool:
    """Return whether ``text`` may hold a JSON ``\\n``, ``\\r`` or ``\\t`` escape."""
    return "\\" in text and ("\\n" in text or "\\t" in text or "\\r" in text)


def has_glued_run(text: str) -> bool:
    """Return whether a blank escape (not itself escaped) has 16 token characters right after it."""
    return any(unescaped(text, found.start()) for found in GLUED.finditer(text))


def unescaped(text: str, at: int) -> bool:
    """Return whether the character at ``at`` is no escape's second (an even run of backslashes,
    none too, stands before it): a backslash there starts an escape, a quote closes a string."""
    run = at
    while run > 0 and text[run - 1] == "\\":
        run -= 1
    return (at - run) % 2 == 0


def edges(text: str, hits: list[Hit]) -> list[Hit]:
    """
    Return ``hits`` with none starting on a blank escape's letter (``\\n`` + ``AKIA…`` read as
    ``nAKIA…``) nor ending on its backslash or after it (a value read to the string's quote):
    the escape stays whole beside the placeholder.
    """
    if not hits or not has_blank_escape(text):
        return hits
    kept = []
    for start, end, name, rule in hits:
        if (
            start >= 1
            and text[start] in "nrt"
            and text[start - 1] == "\\"
            and unescaped(text, start - 1)
        ):
            start += 1
        if 1 <= end < len(text) and text[end - 1] == "\\" and text[end] in "nrt":
            end -= unescaped(text, end - 1)
        while end - start > 2 and text[end - 2] == "\\" and text[end - 1] in "nrt":
            if not unescaped(text, end - 2):
                break
            end -= 2
        if start < end:
            kept.append((start, end, name, rule))
    return kept


def with_decoded(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """
    Return the redactions in ``text`` found in it (``own``, first: where both find a secret, its
    name is the one the text's own rules gave) and in it decoded (``find``), each mapped back;
    merge them with ``hits.disjoint``. ``own`` alone when the text holds no escape. Then, with
    JSON's blank escapes decoded alone, what that view finds where nothing was found yet.
    """
    # One character is found at memory speed (``memchr``), two a character at a time.
    has_u = "\\" in text and ("\\u" in text or "\\x" in text)
    if (
        has_u
        or "%" in text
        or "&" in text
        or "\x1b" in text
        or says_quoted_printable(text)
        or has_inline_tag(text)
        or says_doubled(text)
    ):
        view = Decoded(text)
        if view.text:
            own = own + [
                (*view.span(start, end), name, rule)
                for start, end, name, rule in find(view.text)
                if start < end
            ]
    if not has_blank_escape(text) or not has_glued_run(text):
        return own
    view = Decoded(text, blanks=True)
    if not view.text:
        return own
    taken = sorted((start, end) for start, end, _, _ in own)
    return own + [
        (*span, name, rule)
        for start, end, name, rule in find(view.text)
        if start < end and not overlaps(taken, span := view.span(start, end))
    ]


def overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Return whether ``span`` overlaps any of the sorted ``spans``."""
    index = bisect.bisect_left(spans, span[1], key=lambda other: other[0])
    return any(other[1] > span[0] for other in spans[:index])
