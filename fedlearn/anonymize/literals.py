"""Secrets in a quoted literal that holds a backslash escape or a backtick (DESIGN.md guarantee 1).

``password = "pa\\"ss9Xk…"``, ``process.env.X_KEY || "=4bA@yM\\??h)fm…"``, Java's
``"ey…\\\\Hq5…"``: the rules read a quoted value up to a backslash, so a drawn value with an escape
in it is judged by its first piece alone. The rules judge the text with each such literal
unescaped: a ``"…"`` or ``'…'`` literal with no blank, whose opening quote is no escape's and no
word's (``\\"`` of JSON inside JSON, ``it's``), of 8 to 1,000 characters, holding an escape of a
symbol or a letter that is no control escape (``\\"``, ``\\\\``, ``\\?``, ``\\H``; not ``\\n``,
``\\t``, ``\\u…``, ``\\x…``, ``\\0``: those are ``escaped``'s or text) between two characters of a
value, or holding a backtick between two letters or digits, with letters and digits in it and no
structure next to a quote (a drawn value's symbol: ``"Mx^Idc…Y.u`jxsO…"``; not ``'{"a":1}'``;
another quote inside a value is ``value_spans.past_other_quote``'s). In the view an escaped quote
or backslash and any other quote are dropped (a reader stops at one) and any other escape is its
character. What the
view finds that overlaps such a literal, where the text's own rules found nothing, is mapped back
(escapes included; a redaction to the literal's end ends at its closing quote).
"""

from __future__ import annotations

from collections.abc import Callable

from fedlearn.anonymize.escaped import overlaps
from fedlearn.anonymize.hits import Hit
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy

# A quoted literal with no blank, escapes allowed, its quote no escape's nor a word's.
DOUBLE = Lazy(r"\"(?<![\\\w]\")(?P<body>(?:[^\"\\\s]|\\\S){8,1000})\"(?![\w])")
# PowerShell's: a backtick escapes the next character (`` `" ``), a quote after one opens none; read
# only where ``HINT_POWERSHELL`` is (a quote in the body would let each opening scan past the next).
POWERSHELL = Lazy(r"\"(?<![\\\w`]\")(?P<body>(?:[^\"\\\s`]|[\\`]\S){8,1000})\"(?![\w])")
SINGLE = Lazy(r"'(?<![\\\w]')(?P<body>(?:[^'\\\s]|\\\S){8,1000})'(?![\w])")
DROPPED = frozenset("\"'\\")
QUOTES = frozenset("\"'`")
# What a qualifying literal holds, found at memory speed by its first character: a backslash or a
# backtick between two characters of a value, the escape no control one (``pa\\"ss``, ``Y.u`jx``);
# JSON's escaped structure (``\\"key\\": \\"v\\"``, ``ok\\nAKIA``) has none. A text without one
# costs this search alone; the literals are looked for only in the rest.
HINT_ESCAPE = Lazy(
    r"\\(?:[^\s,:}\])=nrtbfvux0-9\"'\\]|\\(?=[^\s,:}\])=nrtu\\\"'])|[\"'](?=[^\s,:}\])=\\]))"
    r"(?<=[^\s\"'\\,:{\[(=]\\.)"
)
HINT_BACKTICK = Lazy(r"`(?<=[A-Za-z0-9]`)(?=[A-Za-z0-9])")  # each led by a literal: a fast scan
# PowerShell's escaped quote between two characters of a value (``Wn4`"pLx9``).
HINT_POWERSHELL = Lazy(r"`\"(?<=[^\s\"'`\\]`\")(?=[^\s\"'`\\,;)\]}])")
# Another quote next to structure: a JSON or code literal inside the literal (``'{"a":1}'``).
STRUCTURED = Lazy(r"[{\[(,:=][\"'`]|[\"'`][:,}\])=]")


# A Windows path with its backslashes escaped, a drive's or a UNC share's (``C:`` or two escaped
# backslashes, then pieces each after an escaped one): no reader joins its pieces into one word.
WINDOWS_PATH = Lazy(r"(?:[A-Za-z]:|(?:\\\\){2}[\w.$-]+)(?:\\\\[\w.$ -]+)+(?:\\\\)?")


def qualifies(body: str) -> bool:
    """Return whether ``body`` holds a backslash escape of a symbol or a non-control letter between
    two characters of a value (``HINT_ESCAPE``), or a backtick between two letters or digits of a
    drawn value with no structure next to a quote (``'{"a":1}'`` is none); not an escaped Windows
    path (``WINDOWS_PATH``)."""
    if WINDOWS_PATH.fullmatch(body) is not None:
        return False
    if HINT_ESCAPE.search(body) is not None or HINT_POWERSHELL.search(body) is not None:
        return True
    if HINT_BACKTICK.search(body) is None:
        return False
    drawn = any(c.isdigit() for c in body) and any(c.isalpha() for c in body)
    return drawn and STRUCTURED.search(body) is None


class Unescaped:
    """
    The lines of a text that hold escaped literals, those unescaped, and how positions map back.

    Attributes:
        text: the view ("" when no literal qualifies).
        starts, ends: per character of ``text``, the span of the original it stands for.
        literals: the view's spans of the unescaped literals' bodies, and the original's.
    """

    def __init__(self, original: str) -> None:
        found = []
        patterns = [DOUBLE, SINGLE]
        if '`"' in original and HINT_POWERSHELL.search(original) is not None:
            patterns.append(POWERSHELL)
        for pattern in patterns:
            found += [m.span("body") for m in pattern.finditer(original) if qualifies(m["body"])]
        found.sort()
        parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.literals: list[tuple[int, int, int, int]] = []
        self.text = ""
        if not found:
            return
        # The view holds the lines of those literals alone: what is found there counts only in them.
        position = line_start(original, found[0][0])
        window_end = original.find("\n", found[-1][1])
        window_end = len(original) if window_end < 0 else window_end
        length = 0
        for start, end in found:
            if start < position:
                continue  # a literal inside another's quotes
            parts.append(original[position:start])
            self.starts.extend(range(position, start))
            self.ends.extend(range(position + 1, start + 1))
            length += start - position
            view_start = length
            at = start
            while at < end:
                if original[at] == "\\":
                    if original[at + 1] not in DROPPED:
                        parts.append(original[at + 1])
                        self.starts.append(at)
                        self.ends.append(at + 2)
                        length += 1
                    at += 2
                elif original[at] in QUOTES:
                    at += 1  # another quote: a reader stops at it too
                else:
                    parts.append(original[at])
                    self.starts.append(at)
                    self.ends.append(at + 1)
                    length += 1
                    at += 1
            self.literals.append((view_start, length, start, end))
            position = end
        parts.append(original[position:window_end])
        self.starts.extend(range(position, window_end))
        self.ends.extend(range(position + 1, window_end + 1))
        self.text = "".join(parts)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the original span of the view's ``[start, end)`` when it overlaps a literal's
        body (widened to the body's edges it reaches), else None."""
        for view_start, view_end, body_start, body_end in self.literals:
            if start < view_end and end > view_start:
                mapped_start = body_start if start == view_start else self.starts[start]
                mapped_end = body_end if end == view_end else self.ends[end - 1]
                return mapped_start, mapped_end
        return None


def with_unescaped(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """Return ``own`` and what the view of ``text`` with its escaped literals unescaped finds in
    them, mapped back: where ``own`` found nothing, or found a part of it only (a value read up
    to a backslash: the view's wider redaction takes its place). ``own`` alone when no literal
    qualifies."""
    if not (
        ("\\" in text and HINT_ESCAPE.search(text) is not None)
        or (
            "`" in text
            and (
                HINT_BACKTICK.search(text) is not None
                or ('`"' in text and HINT_POWERSHELL.search(text) is not None)
            )
        )
    ):
        return own
    view = Unescaped(text)
    if not view.text:
        return own
    added = []
    for start, end, name, rule in find(view.text):
        span = view.span(start, end) if start < end else None
        if span is None:
            continue
        inside = [hit for hit in own if span[0] <= hit[0] and hit[1] <= span[1]]
        rest = [hit for hit in own if not (span[0] <= hit[0] and hit[1] <= span[1])]
        if inside and all(hit[:2] == span for hit in inside):
            continue  # the text's own rules found the same
        if not overlaps(sorted((hit[0], hit[1]) for hit in rest), span):
            own = rest
            added.append((*span, name, rule))
    return own + added if added else own
