"""Tokens that are a URL's path segment or host label (DESIGN.md guarantee 1): webhooks, key paths.

A webhook URL is its own credential: whoever has ``https://chat.acme.lan/hooks/0v4is3w16pmjf…``
can post. A path segment is redacted (``webhook``) when it is 16 or more of ``A-Za-z0-9_+=.:~-``
with a letter and a digit, looks generated (not words, a versioned name, a file or host name or a
labelled hash: ``app.3f9a8b7c.js``, ``sha256:…``), and the URL is a hook's: its host starts with a
``hook``/``hooks``/``webhook(s)`` label (``hook.eu1.make.com``, ``hooks.acme.dev``), or a path
segment before it is a hook word (``/hooks/``, ``/webhook/``, ``/webhook-test/``, ``/trigger/``,
``/callback/``, ``/incoming/``, ``/catch/``). Hex-only segments there count when 32 or more long
or a UUID (n8n's ``/webhook/<uuid>``), not shorter (ids, short commits). Right after a key word
segment (``/keys/``, ``/token/``, ``/secrets/``, ``/api-key/``) such a segment (not hex) is a key
in a path (``url-token``: ``/v1/keys/tvly-dev-…/revoke``), as is a URL's user name of 32 or more
hex before its password (Sentry's DSN ``https://<key>:<secret>@o1.ingest.sentry.io/1``). Hosts
whose first label is the token: Pipedream's ``<token>.m.pipedream.net``. The query and fragment
are the other rules' (``token=…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, entropy, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

HOOK_WORDS = frozenset(
    [
        "hook",
        "hooks",
        "webhook",
        "webhooks",
        "webhook-test",
        "webhook-waiting",
        "webhookb2",
        "trigger",
        "triggers",
        "callback",
        "callbacks",
        "incoming",
        "incoming-webhook",
        "incoming-webhooks",
        "catch",
    ]
)
HOOK_HOSTS = frozenset(("hook", "hooks", "webhook", "webhooks"))
KEY_WORDS = frozenset(
    [
        "key",
        "keys",
        "token",
        "tokens",
        "secret",
        "secrets",
        "apikey",
        "apikeys",
        "api-key",
        "api-keys",
        "api_key",
    ]
)
# Hosts whose first label is a webhook's token.
TOKEN_HOSTS = (".m.pipedream.net", ".x.pipedream.net")
# What the trigger and the gate look for: every finding's URL holds one (lower case).
TRIGGER_WORDS = (
    "hook",
    "trigger",
    "callback",
    "incoming",
    "catch",
    "/key",
    "/token",
    "/secret",
    "/apikey",
    "/api-key",
    "/api_key",
    "pipedream",
)
# Every finding's URL (what follows ``://`` up to a blank, quote or bracket) holds a word.
GATE = (
    r"(?i)://[^\s\"'<>]*(?:hook|trigger|callback|incoming|catch|/key|/token|/secret|/api[_-]?key"
    r"|pipedream)"
)
# A URL after its ``://``: the host (and port), then the path up to a query, fragment or blank.
AUTHORITY = Lazy(r"(?P<host>[A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?(?P<path>/[^\s?#\"'<>\\`|{}]*)?")
# A URL's user name that is a key, 32 or more hex, before a password (Sentry's old DSN form
# ``https://<key>:<secret>@o1.ingest…``; alone before ``@`` it is the ``url-credentials`` rule's).
KEY_USER = r"://(?P<value>[0-9a-fA-F]{32,}):"
AUTHORITY_REST = Lazy(r"[^\s/?#\"'<>]*")
SEGMENT = Lazy(r"[A-Za-z0-9_+=.:~-]*")
GENERATED = Lazy(r"[A-Za-z0-9_+=.:~-]{16,}")
UUID = Lazy(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
LETTER = Lazy(r"[A-Za-z]")
DIGIT = Lazy(r"[0-9]")
# What may end a URL in prose without being a piece of its last segment.
TRAILING = ".,:;!)]"


def hook_tokens(subject: str) -> Iterator[re.Match[str]]:
    """Yield each webhook token (a path segment or host label) of the URLs in ``subject``."""
    for url in urls(subject):
        yield from url_tokens(subject, url, keyed=False)


def key_tokens(subject: str) -> Iterator[re.Match[str]]:
    """Yield each path segment right after a key word of the URLs in ``subject``."""
    for url in urls(subject):
        yield from url_tokens(subject, url, keyed=True)


def urls(subject: str) -> Iterator[re.Match[str]]:
    """Yield the host and path of each URL in ``subject`` (what follows each ``://``)."""
    at = subject.find("://")
    while at >= 0:
        found = AUTHORITY.match(subject, at + 3)
        if found is not None:
            yield found
            at = subject.find("://", found.end())
        else:
            at = subject.find("://", at + 3)


def url_tokens(subject: str, url: re.Match[str], *, keyed: bool) -> Iterator[re.Match[str]]:
    """
    Yield the token segments of one URL: with ``keyed`` those right after a key word (not after a
    hook word: those are the webhook's), else the webhook's (a token host label too).
    """
    host = url.group("host").lower()
    start = url.start("host")
    if not keyed and host.endswith(TOKEN_HOSTS):
        label = SEGMENT.match(subject, start, start + host.find("."))
        if label is not None and is_token(label.group(), hex_ok=False, named_ok=True):
            yield label
    hooked = host.split(".", 1)[0] in HOOK_HOSTS
    path = url.group("path")
    if not path:
        return
    position = url.start("path")
    end = url.end("path")
    while end > position and subject[end - 1] in TRAILING:
        end -= 1
    before = ""
    for segment in subject[position + 1 : end].split("/"):
        position += 1
        lower = segment.lower()
        wanted = (before in KEY_WORDS and not hooked) if keyed else hooked
        if wanted and is_token(segment, hex_ok=hooked):
            found = SEGMENT.match(subject, position, position + len(segment))
            if found is not None and found.end() == position + len(segment):
                yield found
        hooked = hooked or lower in HOOK_WORDS
        before = lower
        position += len(segment)


def is_token(segment: str, *, hex_ok: bool, named_ok: bool = False) -> bool:
    """
    Return whether a path segment reads as a generated token: 16 or more ``A-Za-z0-9_+=.:~-`` with
    a letter and a digit, varied, not words, a versioned name, a file, host or labelled hash
    (unless ``named_ok``: where the host says the label is a token); hex only with ``hex_ok``, and
    then 32 or more or a UUID.
    """
    if GENERATED.fullmatch(segment) is None:
        return False
    if LETTER.search(segment) is None or DIGIT.search(segment) is None:
        return False
    if checks.is_hexadecimal(segment):
        return hex_ok and (UUID.fullmatch(segment) is not None or len(segment) >= 32)
    if entropy.is_host_or_file(segment) or entropy.is_labelled(segment):
        return False  # ``app.3f9a8b7c6d5e4f3a.js``, ``sha256:…``, ``v1.2.3``
    return checks.looks_random(segment) and (named_ok or not words.is_named(segment))


def key_user(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a URL's user name that is a hex key before a password and ``@``."""
    end = match.end()
    rest = AUTHORITY_REST.match(text, end)
    if rest is None or "@" not in rest.group():
        return None
    return match.start("value"), match.end("value"), "url-token"


def in_path(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a key found in a URL's path, as ``url-token``."""
    return match.start(), match.end(), "url-token"


def rules() -> list[Rule]:
    """Return the rule for tokens in a URL's path or host."""
    return [
        Rule(
            ("webhook", "url-token"),
            (
                Matcher(Lazy(SEGMENT.pattern), find=hook_tokens),
                Matcher(Lazy(SEGMENT.pattern), find=key_tokens, judge=in_path),
            ),
            trigger=Trigger(words=TRIGGER_WORDS, lower=True, needs="://"),
            gate=GATE,
        ),
        Rule(
            ("url-token",),
            (Matcher(Lazy(KEY_USER), judge=key_user),),
            trigger=Trigger(words=("://",), needs="@"),
            gate=r"://[0-9a-fA-F]{32,}:",
        ),
    ]
