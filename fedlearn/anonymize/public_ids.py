"""Generated-looking values that are public identifiers or hashes, not secrets (guarantee 1).

The look rule (``entropy.bare``) redacts a long run of mixed letters and digits; some such runs
say by their shape or their key that they are no secret (``is_public``):

- an object id with a public prefix of a payment API (Stripe's ``pi_``, ``ch_``, ``cus_``,
  ``evt_``…: the prefix, ``_`` and 8 to 24 letters and digits). Secret keys have other prefixes
  (``sk_``, ``rk_``, ``whsec_``) and a client secret has a second part (``pi_…_secret_…``);
- a Matrix event id: ``$`` and 43 URL-safe base64 characters, standing alone;
- a device or resource id: one word and a UUID of one case (``GPU-<uuid>``, ``MIG-<uuid>``);
- a value under a key whose last word names a hash, a challenge, a nonce, an index, a page's
  position or an id (``code_challenge=``, ``"cluster_uuid":``, ``clusterId:``, ``Thread-Index:``,
  ``next_page_token:``, ``If-None-Match:``, ``"id":``, ``record id=``); for an id, unless a word of the key, or for a bare ``id`` the word right
  before it, says secret (``session_id``, ``secret_id``, ``key_id``, ``session id=`` stay
  redacted). ``DATA_WORDS`` (the hash and id words) is what ``key_shapes`` reads too. The key is
  read before the value's dotted parts (``dotted_start``): ``x-amz-version-id: D.fFjj…``'s run
  starts after the ``D.`` (bench/contexts35).

``is_hash_qualified`` tells a key path qualified by a hash word (``checksum/secret``: the
checksum of a Secret object, a Helm annotation) from a key that names a secret.
"""

from __future__ import annotations

from fedlearn.anonymize import mail_ids, public_keys, public_stamps, words
from fedlearn.anonymize.rules import Lazy

OBJECT_PREFIXES = (
    "pi ch cus evt in txn price prod sub seti pm src re po acct py tr ba card si dp ii il"
)
OBJECT_ID = Lazy(rf"(?:{'|'.join(OBJECT_PREFIXES.split())})_[A-Za-z0-9]{{8,24}}")
DEVICE_ID = Lazy(
    r"[A-Za-z]{2,8}-(?:[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}"
    r"|[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12})"
)
# The key right before a value: the key, a closing quote, ``:`` or ``=``, an HTTP entity tag's
# weak mark (``ETag: W/"…``), an opening quote (a tag's quote inside a string's: ``etag: '"…``,
# ``"etag": "\"…``) and a sigil (``"event_id": "$…``,
# ``code_challenge=…``); or a label of two words starting its line
# (``Cluster ID: …``, a tool's output).
KEYED = Lazy(
    r"(?P<key>[A-Za-z][A-Za-z0-9_.-]*)[\"']?[ \t]*[:=][ \t]*[\"']?(?:W/)?(?:\\?[\"'])?[$!]?\Z"
    r"|(?m:^)[ \t]*(?P<label>[A-Za-z]+ [A-Za-z]+):[ \t]*\Z"
)
KEY_WORDS = Lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# Last words of a key that hold public material: hashes, one-time public values, positions.
HASH_WORD_LIST = """
    checksum checksums hash hashes digest sha sha1 sha224 sha256 sha384 sha512 md5 fingerprint
    fpr etag integrity thumbprint
"""
HASH_WORDS = frozenset(HASH_WORD_LIST.split())
# Tailscale prints its public keys typed: ``nodekey:``, ``discokey:``, ``nlpub:`` (``privkey:`` and
# ``nlpriv:`` are its private ones).
PUBLIC_WORDS = HASH_WORDS | {
    "challenge",
    "nonce",
    "index",
    "pubkey",
    "publickey",
    "nodekey",
    "discokey",
    "mkey",  # a machine's public key (``mkey:``; its private one prints ``privkey:``)
    "nlpub",
    "cursor",  # a page's position (``next_cursor``)
    "if-match",  # the entity tags of a conditional request (``If-None-Match: W/"…"``)
    "if-none-match",
}
# Words that make ``key`` a record's or cache entry's key: hex after ``cache key`` or
# ``idempotency key`` is a hash or an id (``secret_words.is_keyed``), not a secret.
RECORD_KEY_WORDS = """
    cache idempotency dedup dedupe sort partition primary foreign unique composite natural
    surrogate row lookup routing shard
"""
RECORD_KEY_OWNERS = frozenset(RECORD_KEY_WORDS.split())
# A key that names a page's position: a cursor, the next or previous page's token
# (``next_page_token``, ``nextPageToken``, AWS's ``NextToken``) or a continuation token. Not
# ``page_token`` alone: a Facebook Page's access token (``fb_page_token``) is a credential. Nor
# a request's idempotency token, which the caller makes up so that a retry is not done twice and
# the service echoes back (AWS's ``ClientRequestToken``, ``idempotency_token``; bench/contexts34):
# it grants nothing; nor MCP's ``progressToken``, a request's id for its progress notifications
# (bench/contexts42). ``client_token`` alone stays a secret's key (Vault's, ``*_CLIENT_TOKEN``).
PAGE_KEY = Lazy(
    r"(?i)(?:(?:\A|[^a-z])(?:next|prev|previous)[_.-]?(?:page[_.-]?)?"
    r"|(?:\A|[^a-z]|next)(?:pagination|continuation)[_.-]?"
    r"|(?:\A|[^a-z])(?:client[_.-]?request|idempotency|progress)[_.-]?)tokens?\Z|cursors?\Z"
)
# Last words of a key that name an identifier (``uid``: a user's, ``oid``: an object's).
# ``msgid``: a message's (IRCv3's ``@msgid=…`` tag, bench/contexts43; gettext's ``msgid``).
ID_WORDS = frozenset(
    {"id", "ids", "uuid", "uuids", "guid", "guids", "ulid", "ksuid", "uid", "oid", "msgid"}
)
# Words of a key that say its value names data, not a secret (``key_shapes.names_data``).
DATA_WORDS = HASH_WORDS | ID_WORDS | {"commit"}
# Words of a key that make an id a credential (``session_id``, ``secret_id``, ``api_key_id``).
CREDENTIAL_WORD_LIST = """
    secret secrets token tokens key keys auth pass password passwd pwd credential credentials cred
    creds session sess sid cookie private priv api access refresh csrf xsrf signature sig bearer
    reporter
"""
CREDENTIAL_WORDS = frozenset(CREDENTIAL_WORD_LIST.split())
# Words before a UUID that make it a key (``sk-<uuid>``), not a device's id.
SECRET_PREFIXES = CREDENTIAL_WORDS | {"sk", "rk", "pk", "pat", "tok", "apikey", "hook"}
# What may stand before a Matrix id's ``$``: nothing, a blank, a quote, a bracket or a ``/``.
SIGIL_AFTER = frozenset(" \t\n\"'`([{,=:/")
# The segment of a key path before its last one (``checksum`` of ``checksum/secret``).
PATH_HEAD = Lazy(r"[A-Za-z0-9]+\Z")
# What owns a bare key: the word of prose right before it (``session id=…``), or the key of the
# object or mapping that the key opens (``"session": {"id": …``, ``session:\n  id: …``).
OWNER_BEFORE = Lazy(
    r"(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_-]*)"
    r"(?:[ \t]|[\"']?[ \t]*[:=][ \t]*\{[ \t]*[\"']?|:[ \t]*\r?\n[ \t]+)\Z"
)
# The end of the words between a secret word and a value that make the value the id of what the
# secret belongs to (``invalid api key for project <uuid>``, ``token of the workspace <id>``).
OWNER_GAP = Lazy(
    r"(?i)(?<![a-z])(?:for|of)[ \t]+(?:the[ \t]+|this[ \t]+)?(?:project|user|org|organi[sz]ation"
    r"|account|tenant|workspace|team|app|application|service|connector|customer|repo|repository"
    r"|environment|cluster|namespace|instance|device|node|subscription)(?:[ \t]+id)?[ \t]+\Z"
)
# The end of the words between a secret word and a value: an option that names the value
# (``nix key generate-secret --key-name cache.nixos.org-1``, ``--secret-name``, ``--name=``).
NAME_OPTION_GAP = Lazy(r"(?i)(?<![a-z0-9-])--(?:[a-z0-9]+-)*name(?:[ \t]+|[ \t]*=[ \t]*)\Z")
# A lower-case host name (two or more labels, a last label of letters), then a path.
HOST_PATH = Lazy(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/(?P<path>[a-z0-9_.-]+(?:/[a-z0-9_.-]+)*)")
# An analytics cookie's client or session id in its published layout: Google Analytics' ``GA1.`` /
# GA4's ``GS1.``/``GS2.``, Meta's pixel ``fb.``, then the count of the cookie domain's parts and
# dotted decimal numbers (a random number, the first visit's Unix time…), maybe as the cookie's
# ``name=value`` (``_ga=GA1.2.497113585.1643096872``): numbers that tell visits apart, no login.
ANALYTICS_ID = Lazy(r"(?:[A-Za-z_][A-Za-z0-9_-]*=)?(?:G[AS][12]|fb)\.[0-9]\.[0-9]+(?:\.[0-9]+)+")
# The dotted parts a value may start with before a run (``dotted_start``), and how far back.
HEAD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
DOTTED_HEAD = 64
KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def is_public(text: str, start: int, value: str) -> bool:
    """Return whether the run ``value`` at ``start`` in ``text`` is a public id or hash."""
    if "_" in value[:6] and OBJECT_ID.fullmatch(value):
        return True
    if "-" in value[2:9] and DEVICE_ID.fullmatch(value):
        return value.partition("-")[0].lower() not in SECRET_PREFIXES
    if start > 0 and text[start - 1] == "$" and is_matrix_event(text, start, value):
        return True
    if "RW" in value[:3] and public_keys.is_key_line(text, start, value):
        return True  # a minisign or signify public key file's key line
    if mail_ids.is_trace_value(text, start):
        return True  # ``X-Google-Smtp-Source: …``, a DKIM ``bh=``: a mail's public stamps
    if public_stamps.is_stamp(text, start, value):
        return True  # a SIP branch, an IPFS CID, a CI cache's key (``public_stamps``)
    return is_keyed_public(text, dotted_start(text, start))


def dotted_start(text: str, start: int) -> int:
    """
    Return where the value holding the run at ``start`` starts: before the dotted parts of
    letters, digits, ``_`` and ``-`` right before it (an S3 version id ``D.fFjj…``, whose run
    starts after its ``.``), or ``start`` when no ``.`` stands before it.
    """
    at = start
    while at > 1 and text[at - 1] == "." and at > start - DOTTED_HEAD:
        head = at - 1
        while head > 0 and text[head - 1] in HEAD_CHARACTERS and head > start - DOTTED_HEAD:
            head -= 1
        if head == at - 1:
            break  # ``..`` or a blank before the dot: no part
        at = head
    return at


def is_analytics_id(value: str) -> bool:
    """Return whether ``value`` is an analytics cookie's id (``ANALYTICS_ID``), not a session's."""
    return "." in value and ANALYTICS_ID.compiled.fullmatch(value) is not None


def is_keyed_public(text: str, start: int) -> bool:
    """Return whether the value at ``start`` is under a key or label that names a hash or id."""
    if not ends_keyed(text, max(0, start - 64), start):
        return False  # no ``:``/``=`` where ``KEYED`` wants one: spare its search
    found = KEYED.compiled.search(text, max(0, start - 64), start)
    if found is None:
        return False
    if found.group("label") is not None:
        return is_public_key(found.group("label"))
    before = OWNER_BEFORE.compiled.search(text, max(0, found.start() - 64), found.start())
    return is_public_key(found.group("key"), "" if before is None else before.group(1))


def ends_keyed(text: str, window: int, end: int) -> bool:
    """
    Return whether ``text[window:end]`` ends as each of ``KEYED``'s matches ends: ``:`` or ``=``,
    then blanks, ``W/``, a quote, ``$`` or ``!`` (each optional, in this order). ``KEYED``'s
    search tries every start in the window and backtracks from each over the key (quadratic);
    most values stand after no ``:`` or ``=`` (prose), which this tells from the end.
    """
    at = end
    if at > window and text[at - 1] in "$!":
        at -= 1
    if at > window and text[at - 1] in "\"'":
        at -= 1
        if at > window and text[at - 1] == "\\":
            at -= 1  # a quote escaped in a JSON string (``"etag": "\"…``)
    if at - 2 >= window and text.startswith("W/", at - 2):
        at -= 2
    if at > window and text[at - 1] in "\"'":
        at -= 1  # a quoted tag in a quoted string (YAML's ``etag: '"…"'``)
    while at > window and text[at - 1] in " \t":
        at -= 1
    return at > window and text[at - 1] in ":="


def is_matrix_event(text: str, start: int, value: str) -> bool:
    """Return whether ``$`` + ``value`` is a Matrix event id (43 characters, standing alone)."""
    end = start + len(value)
    if len(value) != 43 or (end < len(text) and text[end] not in "\"' \t\n,;)]}:/"):
        return False
    return start == 1 or text[start - 2] in SIGIL_AFTER


def is_public_key(key: str, before: str = "") -> bool:
    """
    Return whether a key's last word names a hash, challenge, nonce, index or public id.

    An id is public unless a word that owns it says secret: a word of the key before its id word
    (``session_id``, ``apiKeyId``) or, for a key that is an id word alone, a word of ``before``:
    the word of prose right before the key or the key of the object it opens (``session id=``,
    ``"session": {"id": …``; ``record id=`` and ``{"id": …}`` stay). A key is public when
    ``public`` or ``pub`` owns it (``public_key:``, ``public key:``).
    """
    parts = [part.lower() for part in KEY_WORDS.compiled.findall(key)]
    if len(parts) > 1 and parts[-1].isdigit():
        parts.pop()  # a numbered key names what its word names (S3's ``x-amz-id-2``)
    if not parts:
        return False
    if PAGE_KEY.compiled.search(key):
        return True
    if parts[-1] in PUBLIC_WORDS or key.lower() in PUBLIC_WORDS:
        return True  # also a hash word spelled with capitals inside (``ETag``, ``SHA256``)
    owners = parts[:-1] or [word.lower() for word in KEY_WORDS.compiled.findall(before)]
    if parts[-1] == "key":
        return owners[-1:] in (["public"], ["pub"])  # ``public_key:``, ``public key:``
    return parts[-1] in ID_WORDS and not CREDENTIAL_WORDS.intersection(owners)


def is_hash_qualified(text: str, key_start: int) -> bool:
    """
    Return whether the key at ``key_start`` is the last segment of a path qualified by a hash word
    (``checksum/secret:``, ``sha256/credentials=``): it holds a hash of the secret, not the secret.
    """
    window = max(0, key_start - 64)
    if "/" not in text[window:key_start]:
        return False
    slash = key_start - 1  # before the key's start (``checksum/tls-secret`` is read at ``secret``)
    while slash > window and text[slash] in KEY_CHARACTERS:
        slash -= 1
    if slash < 1 or text[slash] != "/":
        return False
    found = PATH_HEAD.compiled.search(text, max(0, slash - 64), slash)
    return found is not None and found.group().lower() in HASH_WORDS


def is_secret_gap(gap: str, most: int = 4) -> bool:
    """
    Return whether the words between a secret word and a value in prose leave the value the
    secret: ``most`` words at most (four; six after a word of another language, whose word
    order puts what the key is for between: ``clave de API de Stripe es …``), not ending in what the secret is for or of (``api key for
    project <uuid>``: the value names the project) nor in an option that names the value
    (``generate-secret --key-name cache.nixos.org-1``).
    """
    if len(gap.split()) > most or OWNER_GAP.compiled.search(gap) is not None:
        return False
    return "name" not in gap.lower() or NAME_OPTION_GAP.compiled.search(gap) is None


def is_host_path(value: str) -> bool:
    """
    Return whether a value is a lower-case host name and a path of words or short segments
    (``client.authentication.k8s.io/v1``, ``ghcr.io/acme/web-app``): an API group and its
    version, an image, a module. A segment of 9 or more characters that does not read as words
    (``hooks.example.com/services/3f9a…``: a token in a URL's path) makes it a value.
    """
    found = HOST_PATH.compiled.fullmatch(value)
    if found is None:
        return False
    return all(
        len(segment) <= 8 or words.is_wordy(segment) for segment in found.group("path").split("/")
    )
