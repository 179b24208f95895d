"""API keys a client library is built with, given by position (DESIGN.md guarantee 1).

From ``bench/contexts30`` (JS/TS clients): two places where a call's literal is an API key
though no key word names it:

- a module's factory called with the key: ``require('stripe')('…')``, ``require("twilio")(…)``:
  the literal right after ``require('NAME')``;
- a client built from its endpoint and key: ``createClient('https://x.supabase.co', '…')``,
  ``new Client("https://api.example.com", "…")``: a call of exactly two literals, a URL then
  the key.

No name vouches for the value, so it must read as drawn (``words.is_token_body``: hex with a
digit, or not words), 16 characters or more of ``[A-Za-z0-9_+=-]`` (no path, host or version;
base64's ``/`` inside a value of 32 or more, not doubled);
in the second form not 40 or 64 hex, a commit or content hash pinned to its URL
(``fetch_archive("https://…", "<sha1>")``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, secret

# A literal right after ``require('NAME')`` and ``(``.
FACTORY = Lazy(
    r"require\([ \t]*(?P<m>[\"'])[\w@./-]{1,80}(?P=m)[ \t]*\)\([ \t]*"
    r"(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{16,400})(?P=q)[ \t]*[,)]"
)
# A URL literal then a second literal closing the call.
ENDPOINT_KEY = Lazy(
    r"https?://[^\s\"'`]{3,200}(?P<u>[\"'`])[ \t]*,[ \t]*"
    r"(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{16,400})(?P=q)[ \t]*\)"
)
# An opening ``(`` and the URL's quote right before ``http``: the URL is the call's first argument.
CALL_OPEN = Lazy(r"[\w$]\([ \t]*\Z")
# Base64's ``/`` only inside a long value (Cosmos DB's keys), never doubled: no path.
KEY_CHARACTERS = Lazy(r"[A-Za-z0-9_+=-]{16,400}|(?!/)(?!.*//)[A-Za-z0-9_+=/-]{32,400}(?<!/)")
HASH = Lazy(r"[0-9a-f]{40}|[0-9a-f]{64}")


def is_drawn_key(value: str) -> bool:
    """Return whether a literal no name vouches for reads as a drawn API key."""
    return KEY_CHARACTERS.fullmatch(value) is not None and words.is_token_body(value)


def factory_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the literal a required module's factory is called with, or None."""
    if not is_drawn_key(match.group("value")):
        return None
    return match.start("value"), match.end("value"), "api-key"


def endpoint_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the key a client is built with after its URL, or None."""
    start = match.start()
    if start == 0 or text[start - 1] != match.group("u"):
        return None  # the URL is no literal of its own
    if CALL_OPEN.search(text, max(0, start - 80), start - 1) is None:
        return None  # not the call's first argument
    value = match.group("value")
    if HASH.fullmatch(value) or not is_drawn_key(value):
        return None
    return match.start("value"), match.end("value"), "api-key"


def rules() -> list[Rule]:
    """Return the rules for a client library's positional API key."""
    return [
        secret(
            "api-key",
            Matcher(Lazy(FACTORY.pattern), judge=factory_key),
            Matcher(Lazy(ENDPOINT_KEY.pattern), judge=endpoint_key),
            # The URL's opening: a thread over the URL up to its quote (``https?://[^\n]*…``) lived
            # where the vendors' counted runs live (+5 MB of the case-sensitive set on audit16).
            gate=r"require\([^\n]*\)\([ \t]*[\"'`]|\([ \t]*[\"'`]https?://",
        ),
    ]
