"""Tokens in a URL's path, host label or user name (DESIGN.md guarantee 1): webhooks, key paths.

A webhook URL is its own credential: whoever has ``https://chat.acme.lan/hooks/0v4is3w16pmjf…``
can post. A path segment is redacted (``webhook``) when it is 16 or more of ``A-Za-z0-9_+=.:~-``
with a letter and a digit, looks generated (not words, a versioned name, a file or host name or a
labelled hash: ``app.3f9a8b7c.js``, ``sha256:…``), and the URL is a hook's: its host starts with a
``hook``/``hooks``/``webhook(s)`` label (``hook.eu1.make.com``, ``hooks.acme.dev``), or a path
segment before it is a hook word (``/hooks/``, ``/webhook/``, ``/webhook-test/``, ``/trigger/``,
``/callback/``, ``/incoming/``, ``/catch/``; a ping or log intake's ``/ping/``, ``/heartbeat/``,
``/inputs/``), or its first host label is ``ping``/``heartbeat``, alone or between ``-``
(``hc-ping.com``). Hex-only segments there count when 32 or more long or a UUID (n8n's
``/webhook/<uuid>``), not shorter (ids, short commits). Right after a key word
segment (``/keys/``, ``/token/``, ``/secrets/``, ``/api-key/``) such a segment (not hex) is a key
in a path (``url-token``: ``/v1/keys/tvly-dev-…/revoke``), as is a URL's user name of 32 or more
hex before its password (Sentry's DSN ``https://<key>:<secret>@o1.ingest.sentry.io/1``). Hosts
whose first label is the token: Pipedream's ``<token>.m.pipedream.net``. A URL's first path segment
is a token by itself (``url-token``) when it is 20 or more letters and digits mixing cases and
digits, drawn (push services: ``api.pushcut.io/<token>/notifications/…``). Also from
``bench/scanners16i``: a ping host's path (``cronitor.link/p/<hex32>/<job>``), a receiver path
whose rest is one token, ``/`` and all (Sumo Logic's ``/receiver/v1/http/<base64>``), and an Uptime
Kuma push token (``/api/push/<token>?status=…``). The query and fragment are the other rules'
(``token=…``; ``key=``, ``appid=``, ``code=``: ``query_keys``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import authorized_urls, checks, entropy, key_names, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match

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
        "ping",
        "heartbeat",
        "heartbeats",
        "inputs",
        "receiver",
    ]
)
HOOK_HOSTS = frozenset(("hook", "hooks", "webhook", "webhooks", "ping", "heartbeat"))
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
# Hosts whose every path is a ping URL with its key (Cronitor's ``cronitor.link/p/<key>/<job>``).
PING_HOSTS = frozenset(("cronitor.link",))
# What the trigger and the gate look for: every finding's URL holds one (lower case).
TRIGGER_WORDS = (
    "hook",
    "trigger",
    "callback",
    "incoming",
    "catch",
    "ping",
    "heartbeat",
    "/inputs/",
    "/receiver/",
    "cronitor.link",
    "/api/push/",
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
    r"(?i)://[^\s\"'<>]*(?:hook|trigger|callback|incoming|catch|ping|heartbeat|/inputs/|/receiver/"
    r"|cronitor\.link|/api/push/|/key|/token"
    r"|/secret|/api[_-]?key"
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
LETTER = Lazy(r"[A-Za-z]")
DIGIT = Lazy(r"[0-9]")
# A URL's first path segment that may be a token by itself, and what may follow it.
FIRST = Lazy(r"[A-Za-z0-9_-]{20,200}")
FIRST_ENDS = "/?#\"'<>` \t\n)]"
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
    hooked = any(part in HOOK_HOSTS for part in host.split(".", 1)[0].split("-"))
    hooked = hooked or host in PING_HOSTS
    path = url.group("path")
    if not path or (not keyed and not hooked and authorized_urls.is_authorized(subject, start)):
        return
    position = url.start("path")
    end = url.end("path")
    while end > position and subject[end - 1] in TRAILING:
        end -= 1
    if not keyed:
        whole = RECEIVER.match(subject, position, end)
        if whole is not None and whole.end() == end:
            pieces = whole.group("value").split("/")
            if any(is_token(piece, hex_ok=False) for piece in pieces):
                yield span_match(subject, whole.start("value"), end)
                return
    before = earlier = ""
    for segment in subject[position + 1 : end].split("/"):
        position += 1
        lower = segment.lower()
        wanted = (before in KEY_WORDS and not hooked) if keyed else hooked
        if (
            not keyed
            and (earlier, before) == ("api", "push")
            and is_push_token(subject, position, segment)
        ):
            found = SEGMENT.match(subject, position, position + len(segment))
            if found is not None:
                yield found
        elif wanted and is_token(segment, hex_ok=hooked):
            found = SEGMENT.match(subject, position, position + len(segment))
            if found is not None and found.end() == position + len(segment):
                yield found
        hooked = hooked or lower in HOOK_WORDS
        earlier, before = before, lower
        position += len(segment)


# A log intake's receiver path whose rest is one token, ``/`` and all (Sumo Logic's HTTP source
# ``…/receiver/v1/http/<base64 token>``).
RECEIVER = Lazy(r"/receiver/v[0-9]/[a-z]{2,8}/(?P<value>[A-Za-z0-9+/=_-]{20,})")
PUSH_TOKEN = Lazy(r"[A-Za-z0-9]{8,64}")


def is_push_token(subject: str, start: int, segment: str) -> bool:
    """
    Return whether ``segment``, the last of a path ending ``/api/push/<segment>`` and followed by a
    ``?status=`` query, is an Uptime Kuma push token: 8 to 64 letters and digits that look drawn.
    """
    if not subject.startswith("?status=", start + len(segment)):
        return False
    return PUSH_TOKEN.fullmatch(segment) is not None and key_names.reads_generated(segment, 8)


def first_tokens(subject: str) -> Iterator[re.Match[str]]:
    """
    Yield each URL's first path segment that is a token by itself: 20 or more letters and digits
    (``_``/``-`` between) mixing cases and digits, drawn (push services' ``api.pushcut.io/<token>/…``,
    ``api.day.app/<token>/…``); hex, words, names and files stay.
    """
    for url in urls(subject):
        path = url.group("path")
        if not path or url.group("host").count(".") < 1:
            continue
        start = url.start("path") + 1
        found = FIRST.match(subject, start)
        if found is None or (found.end() < len(subject) and subject[found.end()] not in FIRST_ENDS):
            continue
        segment = found.group()
        if entropy.has_mixed_ascii(segment) and is_token(segment, hex_ok=False):
            yield found


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
        return hex_ok and (checks.UUID.fullmatch(segment) is not None or len(segment) >= 32)
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
    """Return the rules for tokens in a URL's path, host or user name."""
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
        Rule(
            ("url-token",),
            (Matcher(Lazy(FIRST.pattern), find=first_tokens),),
            trigger=Trigger(words=("://",)),
            gate=r"://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/[A-Za-z0-9_-]{20}",
        ),
    ]
