"""Shell words on a command line: their spans, without their quotes, and a ``user:password``
word's password part (``commands``' and ``stored``' command lines)."""

from __future__ import annotations

import re

from fedlearn.anonymize.password_commands import ARGUMENT
from fedlearn.anonymize.rules import Lazy, Span
from fedlearn.anonymize.value_spans import MARKUP_CLOSE

# Where a command line quoted inside a JSON string may end: a quote or a line-break escape, each
# with the backslashes before it (how many says which level of escaping it closes or breaks).
STRING_END = Lazy(r"\\*\"|\\+[nr]")


def unquoted(start: int, end: int, text: str) -> Span:
    """Return the span of a word without its quotes (``'…'``, ``"…"``, ``\\"…\\"``, and
    ``\\\\\\"…\\\\\\"`` in a JSON string in a JSON string; ``'\\''…'\\''``, a quote
    written inside a single-quoted string, ``sh -c 'curl -u '\\''u:pw'\\'' …'``)."""
    for quote in ("'\\''", '\\\\\\"', '\\"', '"', "'"):
        inside = text.startswith(quote, start) and text.endswith(quote, 0, end)
        if inside and end - start >= 2 * len(quote):
            return start + len(quote), end - len(quote)
    return start, end


def after_separator(text: str, word: Span, separator: str) -> Span | None:
    """
    Return the span of what follows the first ``separator`` in a ``user:password`` word, without
    its shell quotes: the word's (``"ops:pw"``), the part's own (``ops:"pw"``) or the part's that
    reopen the word's (``"${user}":"${pass}"``, two quoted pieces of one word); None without one.
    """
    start, end = unquoted(*word, text)
    at = text.find(separator, start, end)
    if at < 0 or (text.startswith("<", start) and text.endswith(">", 0, end)):
        return None  # none, or a placeholder for the pair (``-u <user:password>``)
    quote = text[word[0] : start]
    if not quote:
        return unquoted(at + 1, word[1], text)
    if text.endswith(quote, 0, at) and text.startswith(quote, at + 1):
        return at + 1 + len(quote), end  # its closing quote is the word's, cut off already
    return at + 1, end


def quote_level(backslashes: int) -> int:
    """Return the level of JSON string a quote after ``backslashes`` backslashes opens or closes:
    1 bare, 2 after one (``\\"``), 3 after three (``\\\\\\"``): the lowest set bit of their count + 1."""
    return ((backslashes + 1) & -(backslashes + 1)).bit_length()


# The last text and line ``string_depth`` read, how far, and the levels of odd quote counts there:
# a long line with a command every few words read its start again for each (quadratic).
_counted: tuple[str, int, int, frozenset[int]] = ("", 0, 0, frozenset())


def string_depth(text: str, start: int) -> int:
    """
    Return how deep in JSON strings ``start`` is on its line: 0 outside any, 1 inside a string (an
    odd number of bare ``"`` before it: a tool call's ``"command": "curl …"``), 2 inside a string
    inside that one (also an odd number of ``\\"``: a tool result's JSON logged as a string), …
    """
    global _counted
    held, line, counted, levels = _counted
    if held is text and line <= counted <= start and text.find("\n", counted, start) < 0:
        odd = set(levels)  # the same line, read up to ``counted`` already
    else:
        line = text.rfind("\n", 0, start) + 1
        odd, counted = set(), line
    at = text.find('"', counted, start)
    while at >= 0:
        run = at
        while run > line and text[run - 1] == "\\":
            run -= 1
        odd ^= {quote_level(at - run)}
        at = text.find('"', at + 1, start)
    _counted = (text, line, start, frozenset(odd))
    depth = 0
    while depth + 1 in odd:
        depth += 1
    return depth


def line_end(text: str, start: int) -> int:
    """
    Return where the command line from ``start`` ends: a newline, or 400 characters on; inside a
    JSON string (``string_depth``), that string's closing quote or a line-break escape of its
    level or a shallower one (``\\n`` in a string, ``\\\\n`` in a string in a string).
    """
    stop = text.find("\n", start, start + 400)
    stop = stop if stop >= 0 else min(len(text), start + 400)
    if '"' not in text[start:stop] and "\\" not in text[start:stop]:
        return stop
    depth = string_depth(text, start)
    if not depth:
        return stop
    for match in STRING_END.compiled.finditer(text, start, stop):
        found = match.group()
        # A quote after n backslashes closes level quote_level(n); a line break escaped by n
        # (n >= 1) breaks the level whose quote n - 1 backslashes would close.
        level = quote_level(len(found) - (1 if found[-1] == '"' else 2))
        if level <= depth:
            return match.start()
    return stop


def arguments(text: str, start: int) -> list[Span]:
    """Return the spans of a command line's words from ``start`` to its end (``line_end``: a
    newline, or the end of the JSON string it is quoted in; or a bare ``|``, ``;``, ``&``, ``)``
    or backtick word: the next command; or a closing tag or CDATA end in an unquoted word, markup
    that rendered the command: ``<pre>curl -u u:pw</pre>``), 400 characters at most."""
    stop = line_end(text, start)
    found = []
    for match in ARGUMENT.compiled.finditer(text, start, stop):
        if text[match.start()] in "|;&)`":
            break
        close = MARKUP_CLOSE.compiled.search(text, match.start(), match.end())
        if close is not None and text[match.start()] not in "'\"":
            # markup rendered the command and closes after it: ``<pre>curl -u u:pw</pre>``
            if close.start() > match.start():
                found.append((match.start(), close.start()))
            break
        found.append(match.span())
    return found


def on_its_line(command: str, need: str) -> str:
    """
    Return a regex finding ``command`` then, later on its line, ``need`` (a regex matching no
    blank): found where ``command [^\\n]*need`` is, read linearly. That form read a long line to its
    end from each ``command`` on it (``echo`` 4,000 times and no ``|``: quadratic); this one
    stops at the command's next occurrence, which reads on from there (the last occurrence before
    ``need`` reaches it: ``need`` has no blank, so overlaps no ``command ``).
    """
    head = re.escape(command) + " "
    return f"{head}(?:(?!{head}|{need})[^\\n])*+{need}"
