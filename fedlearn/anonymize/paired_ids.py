"""The identifier half of a credential pair whose secret half was redacted (DESIGN.md guarantee 1).

Many services issue a credential as two values: an id that names it (an API key id, an app or
client id, an account id or SID, a user) and the secret that proves it. Scanners report the pair
(Confluent's 16-character key next to its secret, ``curl -u ID:SECRET``, an app id next to its app
secret), and the id alone is what an attacker needs to look the secret up or to aim a guessed
one. So once a pass has redacted a secret, the next pass (``engine``) sees its placeholder, and
this rule redacts an id that stands paired with it, as ``<redacted:paired-id>``:

- the user of a basic-auth pair whose secret is a placeholder (``curl -u ID:<redacted:…>``,
  ``https://ID:<redacted:…>@host``);
- a value under a name of two words or more whose last names a credential's id (``id``,
  ``user``, ``username``, ``login``, ``account``, ``sid``, ``public key`` with a value shorter than
  key material: ``STACKPATH_CLIENT_ID``, ``coinpayments.id``, ``sucuriId``, ``PUSHER_USER``,
  ``<worldline.api.key.id>``, ``- name: RAPYD_KEY_ID`` then ``value: …``,
  ``Client(account_id="…"``, prose ``use app id … and key …``), under a bare ``user``,
  ``username`` or ``account`` with 16 characters or more (``the Confluent account is …``), or a
  subscript chain's bare ``id`` (``$config['sacloud']['id']``), in the same block as the
  placeholder: its line, the four lines above it or the two below, no blank line between.

Only values that read as drawn count: hex or a UUID of 16 hex digits or more, 16 characters or
more that read as generated (``key_names.reads_generated``, not words or a dashed name), or a
shorter run of letters and digits that switches between them twice or more (``DB14UTN0``); never
a number (numeric app ids), a name (``deploy-bot``, ``john1234``), a host or a file. A name whose
id is of data (``request_id``, ``trace_id``, ``order_id``, ``tenant_id``, ``session_id``…) keeps
its value, and a text with no redacted secret is never touched (a client id alone, a request id,
Google OAuth client ids, which hold dots).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import bound, checks, key_names, words
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

NAME = "paired-id"
PLACEHOLDER = Lazy(r"<redacted:(?!paired-id>)[\w.-]+>")
# A value: letters, digits and ``_+/=-``, whole (what stands around it is checked in ``drawn_at``).
VALUE = Lazy(r"[A-Za-z0-9][A-Za-z0-9_+/-]{7,200}={0,2}")
# Identifiers before a value on its line (``STACKPATH_CLIENT_ID``, ``worldline.api.key.id``).
IDENTIFIER = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]*")
# What a value may follow and be followed by.
BEFORE = frozenset(" \t\"'`=:>(,[{")
AFTER = frozenset(" \t\"'`;,)<]}\n&")
# Words between a name and its value that name nothing (``key="ClientId" value="…"``,
# ``the account is …``, ``os.Setenv("X_ID", "…")``, ``env('X_ID', '…')``).
TRANSPARENT = frozenset(("value", "is", "was", "be", "to", "as", "string", "str"))
# The last word of a name that names a credential's id.
ID_WORDS = frozenset(("id", "user", "username", "login", "account", "sid", "appid", "clientid"))
# The word before ``id`` in a name whose id is of data, not of a credential.
DATA_WORDS = frozenset(
    (
        "request", "req", "trace", "span", "session", "order", "transaction", "txn", "event",
        "message", "msg", "correlation", "build", "run", "job", "commit", "node", "device",
        "instance", "container", "image", "task", "process", "thread", "customer", "invoice",
        "kernel", "payment", "charge", "item", "product", "file", "object", "record", "row", "page",
        "post", "issue", "ticket", "project", "repo", "tenant", "subscription", "directory",
        "channel", "chat", "conversation", "parent", "deployment", "release", "version",
        "region", "zone", "vpc", "subnet", "cluster", "resource", "tracking", "measurement",
        "property", "experiment", "folder", "sheet", "spreadsheet", "document", "doc", "video",
        "group", "org", "organization", "team", "workspace", "database", "db", "table", "query",
        "upload", "batch", "operation", "execution", "workflow", "pipeline", "alert",
        "incident", "log", "stream", "snapshot", "volume", "disk", "bucket", "queue", "topic",
        "partition", "pod", "model", "dataset", "calendar", "contact", "cart", "site", "store",
        "merchant", "location", "place", "network", "container", "vm", "host", "machine",
        "account_number", "tax", "client_request", "idempotency", "nonce", "sequence",
        "revision", "change", "asset", "media", "track", "playlist", "album", "artist",
        "tool", "call", "use", "function", "response", "completion", "choice", "step", "turn",
        "part", "block", "content", "reply", "thread", "span", "parent", "trace",
    )
)  # fmt: skip
# A subscript chain's owner before a bare name (``['sacloud']['id'] = '``).
SUBSCRIPT_OWNER = Lazy(
    r"\[[ \t]*['\"][A-Za-z][\w-]*['\"][ \t]*\][ \t]*\[[ \t]*['\"][A-Za-z]+['\"][ \t]*\][ \t]*=[ \t]*['\"]\Z"
)
# ``name: X`` on the line above a ``value:`` line (a Kubernetes env entry).
ENV_NAME = Lazy(r"[ \t]*-?[ \t]*name[\"']?[ \t]*:[ \t]*[\"']?(?P<name>[A-Za-z_][A-Za-z0-9_.-]*)")
VALUE_LINE = Lazy(r"[ \t]*-?[ \t]*value[\"']?[ \t]*:[ \t]*[\"']?\Z")
# A value under a ``public key`` name this long is key material (WireGuard's 44), not an id.
PUBLIC_KEY_MATERIAL = 40
# Lines above and below the placeholder's line that are its block.
ABOVE = 4
BELOW = 2


# Values judged: every pass after a redaction reads the same blocks again (agent16j: ~1,900 values
# judged a round, most of them twice or more).
@functools.lru_cache(maxsize=4096)
def is_drawn(value: str) -> bool:
    """Return whether ``value`` reads as a drawn id (see the module's docstring; a pure function
    of the value, so kept)."""
    if "." in value or value.isdigit():
        return False
    if "_" in value and all(part.isalpha() for part in value.split("_") if part):
        return False  # an identifier (``PERPLEXITY_API_KEY``, ``api_secret``)
    body = value.replace("-", "")
    if checks.is_hexadecimal(value):
        return (
            len(body) >= 16
            and not body.isdigit()
            and not body.isalpha()
            and checks.entropy(body) >= 2.5
        )
    if len(value) >= 16:
        if words.is_named(value) or words.is_dashed_name(value):
            return False
        return key_names.reads_generated(value, 16)
    if not value.isalnum():
        return False
    letters = sum(c.isalpha() for c in value)
    if letters < 2 or letters == len(value) or words.is_named(value):
        return False
    if len(value) - letters < 2 and not value.isupper():
        return False  # one digit in lower-case letters: a name (``zigbee2mqtt``, ``k3sadmin``)
    switches = sum(a.isdigit() != b.isdigit() for a, b in itertools.pairwise(value))
    return switches >= 2 and checks.entropy(value) >= 2.0


def name_words(name: str) -> list[str]:
    """Return a name's words in lower case (camel humps, ``_``, ``.``, ``-`` and blanks split)."""
    return [w for w in re.split(r"[_.\- ]+", bound.CAMEL.compiled.sub("_", name).lower()) if w]


def is_id_name(name: str) -> bool:
    """Return whether ``name`` names a credential's id (``STACKPATH_CLIENT_ID``, ``tidbUser``)."""
    parts = name_words(name)
    if len(parts) < 2:
        return False  # a bare ``id`` or ``user`` is an object's (``owned_id`` judges those)
    last = parts[-1]
    if last == "key":
        return parts[-2] == "public"
    if last not in ID_WORDS:
        return False
    if len(parts) >= 2 and parts[-2] in DATA_WORDS:
        return False
    return key_names.classify_key(name) is None


def owned_id(text: str, line: int, start: int, name: str) -> bool:
    """
    Return whether a bare ``id``/``user``/``username``/``login``/``account`` before a value at
    ``start`` names a credential's: a subscript chain's (``$config['sacloud']['id'] = '…'``), or,
    for the others, a value of 16 or more (``USERNAME=<hex32>``, ``the account is …``; an
    object's bare ``id`` and a chat's ``user`` hold short or prefixed ids of messages and people).
    """
    word = name.lower()
    if word not in ("id", "user", "username", "login", "account"):
        return False
    if SUBSCRIPT_OWNER.search(text, max(line, start - 120), start) is not None:
        return True
    if word == "id":
        return False
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "_+/=-"):
        end += 1
    return end - start >= 16


def name_before(text: str, line: int, start: int) -> str | None:
    """Return the name a value at ``start`` stands under on its line (from ``line``), or None."""
    prefix = text[max(line, start - 120) : start]
    names = [m.group() for m in IDENTIFIER.compiled.finditer(prefix)]
    while names and names[-1].lower() in TRANSPARENT:
        names.pop()
    if names:
        found = names[-1]
        # ``app id …``, ``client id …``: a bare ``id`` in prose takes the word before it.
        if found.lower() == "id" and len(names) >= 2 and prefix.rstrip().endswith(found):
            return names[-2] + " " + found
        return found
    if line == 0 or VALUE_LINE.match(text, line, start) is None:
        return None
    above = line_start(text, line - 1)
    entry = ENV_NAME.match(text, above, line - 1)
    return entry.group("name") if entry is not None else None


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Return the spans of the blocks around each secret placeholder, merged, in order."""
    spans: list[tuple[int, int]] = []
    line = -1
    for placeholder in PLACEHOLDER.compiled.finditer(text):
        start = line_start(text, placeholder.start())
        if start == line:
            continue  # a placeholder's block is its line's: this line's is in ``spans``
        line = start
        for _ in range(ABOVE):
            if start == 0:
                break
            above = line_start(text, start - 1)
            if not text[above : start - 1].strip():
                break
            start = above
        end = text.find("\n", placeholder.end())
        end = len(text) if end < 0 else end
        for _ in range(BELOW):
            if end == len(text):
                break
            below = text.find("\n", end + 1)
            below = len(text) if below < 0 else below
            if not text[end + 1 : below].strip():
                break
            end = below
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    yield from spans


def finds(subject: str) -> Iterator[re.Match[str]]:
    """Return the ids paired with a redacted secret in ``subject`` (see the module's docstring)."""
    if "<redacted:" not in subject:
        return
    for block_start, block_end in blocks(subject):
        for match in VALUE.compiled.finditer(subject, block_start, block_end):
            start, end = match.span()
            # The user of a basic-auth pair (``-u ID:SECRET``, ``//ID:SECRET@``).
            pair = subject.startswith(":<redacted:", end) and not subject.startswith(
                ":<redacted:paired-id>", end
            )
            before = subject[start - 1] if start > 0 else " "
            if before not in BEFORE and not (pair and before == "/"):
                continue
            if not pair and end < len(subject) and subject[end] not in AFTER:
                continue
            if not is_drawn(match.group()):
                continue
            if pair:
                yield match
                continue
            line = line_start(subject, start)
            name = name_before(subject, line, start)
            if name is None:
                continue
            if is_id_name(name):
                if name_words(name)[-1] != "key" or end - start < PUBLIC_KEY_MATERIAL:
                    yield match  # a public key's id (TiDB's 8), not key material (WireGuard's 44)
            elif owned_id(subject, line, start, name):
                yield match


def rules() -> list[Rule]:
    """Return the rule for the id paired with a redacted secret."""
    return [
        Rule(
            (NAME,),
            (Matcher(Lazy(r"(?s).+"), find=finds),),
            trigger=Trigger(words=("<redacted:",)),
            gate=r"<redacted:",
        )
    ]
