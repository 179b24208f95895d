"""Shell words on a command line: their spans, without their quotes, and a ``user:password``
word's password part (``commands``' and ``stored``' command lines)."""

from __future__ import annotations

from fedlearn.anonymize.key_names import ARGUMENT
from fedlearn.anonymize.rules import Span


def unquoted(start: int, end: int, text: str) -> Span:
    """Return the span of a word without its quotes (``'…'``, ``"…"``, ``\\"…\\"``)."""
    for quote in ('\\"', '"', "'"):
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


def arguments(text: str, start: int) -> list[Span]:
    """Return the spans of a command line's words from ``start`` to its end (a newline, or a bare
    ``|``, ``;``, ``&``, ``)`` or backtick word: the next command), 400 characters at most."""
    stop = text.find("\n", start, start + 400)
    found = []
    for match in ARGUMENT.compiled.finditer(text, start, stop if stop >= 0 else start + 400):
        if text[match.start()] in "|;&)`":
            break
        found.append(match.span())
    return found
