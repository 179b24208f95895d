"""How a key is spelt and how a value under it is shaped, for ``key_names`` (DESIGN.md guarantee 1).

camelCase and PascalCase keys read as their snake_case spellings do: an ending word
(``OraclePwd``, OpenLDAP's ``olcRootPW``, ``IpsecPsk``, ``RabbitmqDefaultPass``, ``HuaweicloudAk``, ``ObsSk``, ``AsanaPat``)
as ``_pwd``, ``_pw``, ``_psk``, ``_pass``, ``_ak``, ``_sk``, ``_pat``, all but ``Pwd`` guarded (the value must look generated: ``maxPW: 2500`` is a power),
and one last capitalized qualifier (``SecretKeyBase``, ``apiTokenProd``) as ``secret_key_base``.

Under an explicit token or API key word two shapes that read as names or hashes elsewhere are
secrets: hex of 12 or more with letters and digits (``CUSTOMERIO_API_KEY='aaf39fd9fff30ee4c90e'``;
not under a key that also says hash, sha, checksum, digest, id, fingerprint, etag or commit), and a
short word before a UUID or long hex (``AXIOM_TOKEN=xapt-<uuid>``). Under a key tied to its
secret word by a qualifier only (``SECRET_KEY_BASE``, ``MJ_APIKEY_PRIVATE``) hex of 32 or more is
a secret too (shorter hex there stays: an id or a short hash). A password a person chose
(``Tr0ub4dor!3``: letters, digits and a symbol names, versions and paths do not hold) reads as
generated wherever 8 characters are enough (``is_chosen``). Whether a value names where its
secret is, not it (a reference, a store's command, sops' ciphertext), is ``references``'.
"""

from __future__ import annotations

import itertools
import math

from fedlearn.anonymize import checks, drawn, value_spans, words
from fedlearn.anonymize.public_ids import DATA_WORDS
from fedlearn.anonymize.rules import Lazy

# A set's name: lower-case letters, digits and ``-``/``_``/``.`` (a DNS-1123 name, a file's stem).
COLLECTION_NAME = Lazy(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*")
# A key's words (``workspace_secrets``, ``appSecrets``): its last tells what it holds.
KEY_PARTS = Lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

CAMEL_ENDINGS = {
    "Psk": "password",
    "Pwd": "password",
    "PW": "password",  # OpenLDAP's ``olcRootPW``, ``rootPW``: capitals after a lower-case word
    "Pw": "password",  # ``bindPw``
    "Pass": "password",
    "Ak": "api-key",
    "Sk": "secret",
    "Pat": "token",
}
GUARDED_ENDINGS = ("Psk", "Pass", "PW", "Pw", "Ak", "Sk", "Pat")
AFFIXED = Lazy(
    r"(?:^|[_.-])(?:(?:secret|password|passwd|pwd|api_?key)[a-z0-9]{1,2}"
    r"|(?:(?:key|trust)_?store|store|key|db)_?pass|(?:bind|root)_?pw)\Z"
)
# The secret words ``AFFIXED`` reads with a short tail, and that tail: what the assignment gates
# add after them (``secrete = "…"``, ``passwords: …``).
AFFIXED_STEMS = ("secret", "password", "passwd", "pwd", "api_key", "apikey")
AFFIX_TAIL = "[a-z0-9]{1,2}"
AFFIXED_RULES = (
    ("pass", "password"),
    ("pwd", "password"),
    ("pw", "password"),
    ("secret", "secret"),
    ("key", "api-key"),
)
CAMEL_TAIL = Lazy(r"(?<=[a-z0-9])[A-Z][a-z0-9]{1,11}\Z")
# Symbols a chosen password holds and a name, version, path, URL or expression does not.
CHOSEN_SYMBOLS = frozenset("!#%*^~@")
# Less sure key words of one product each (``key_names.GUARDED``): Consul's and Nomad's gossip key
# ``encrypt`` and Z-Wave JS's security classes, each the name of a network key (``S2_AccessControl``,
# ``--s2-access-control``). A key is 16 bytes or more, so a shorter value is none.
NETWORK_KEY_NAMES = (
    "encrypt",
    "s2_accesscontrol",
    "s2_access_control",
    "s2-access-control",
    "s2_authenticated",
    "s2-authenticated",
    "s2_unauthenticated",
    "s2-unauthenticated",
    "s0_legacy",
    "s0-legacy",
)
HEX_RUN = Lazy(r"[0-9a-f]{8,}|[0-9A-F]{8,}")
# A key drawn as decimal digits: 20 or more, longer than a timestamp in nanoseconds or an int64 id.
DIGIT_KEY = 12
# Lower-case letters and digits drawn under a token or API key: 16 or more, switching between
# letter and digit 4 times or more and at a fifth of its characters.
DRAWN_LOWER, DRAWN_LOWER_SWITCHES = 16, 4
# The seconds of the Unix times ``is_epoch_time`` keeps: 2015-01-22 to 2034-12-12 (a drawn
# number of 13 or 16 digits falls in this window once in fifteen).
EPOCH_FIRST, EPOCH_LAST = 1_422_000_000, 2_049_000_000
PREFIXED_HEX = Lazy(
    r"[A-Za-z]{2,8}[-_](?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[0-9a-f]{24,}|[0-9A-F]{24,})"
)


def camel_ending(key: str) -> str | None:
    """Return the rule a camelCase key's last word names (``OraclePwd`` → password), or None
    (``affixed``'s when it reads one)."""
    for ending, name in CAMEL_ENDINGS.items():
        if key.endswith(ending) and key[-len(ending) - 1 : -len(ending)].islower():
            return name
    return affixed(key.lower())


def affixed(name: str) -> str | None:
    """
    Return the rule a lower-case key's last word names when it is a secret word with a tail of
    one or two letters or digits (``secrete``, ``passwords``, ``pwd1``, ``apikey2``) or a key or
    database password (``keypass``, ``dbpass``), a store's (keytool's ``storepass``) or a directory
    bind's password (``bindpw``, slapd's ``rootpw``), as detect-secrets' keyword plugin reads them
    (``secret\\w*``); ``secretary`` and ``passwordless`` are other words. None: it is not one.
    """
    found = AFFIXED.search(name)
    if found is None:
        return None
    word = found.group().lstrip("_.-")
    return next(rule for stem, rule in AFFIXED_RULES if stem in word)


def is_camel_guarded(key: str) -> bool:
    """Return whether a camelCase key ends in a less sure word (``IpsecPsk``, ``HuaweicloudAk``)."""
    return any(
        key.endswith(ending) and key[-len(ending) - 1 : -len(ending)].islower()
        for ending in GUARDED_ENDINGS
    )


def camel_tail(key: str) -> tuple[str, str]:
    """Return a camelCase key without its last word, and that word (``("", "")``: none)."""
    found = CAMEL_TAIL.search(key)
    return ("", "") if found is None else (key[: found.start()], found.group())


def names_data(key: str) -> bool:
    """Return whether a word of ``key`` names a hash or an id (``API_KEY_SHA``, ``tokenId``)."""
    return any(part.lower() in DATA_WORDS for part in KEY_PARTS.compiled.findall(key))


def is_long_hex_under(key: str, value: str) -> bool:
    """
    Return whether hex under a key tied to its secret word by a qualifier only is a secret: 32
    or more, not under a key that names a hash or id (``SECRET_KEY_BASE``'s 128 hex,
    ``MJ_APIKEY_PRIVATE``'s 32).
    """
    return len(value.replace("-", "")) >= 32 and not names_data(key)


# The least entropy of a capitals-and-digits draw under a token key (``is_generated_under``): a
# placeholder's repeats (``XXXX1234XXXX5678``: 2.3) fall below it, a 16-character draw rarely.
CAPS_DRAW_ENTROPY = 3.0


def is_generated_under(key: str, value: str) -> bool:
    """
    Return whether ``value`` under a token or API key ``key`` is generated though it reads as a
    hash or a name elsewhere: capitals drawn between digit runs (``words.CAPS_DRAW``, entropy 3 or
    more), hex with letters and digits, 12 or more and varied (``hex_entropy_bound``;
    8 to 11: no character repeated more than once), or ``DIGIT_KEY`` decimal digits or more, varied and no Unix time, unless
    a word of the key names a hash or id; a short word and a UUID or 24 or more hex (``xapt-<uuid>``).
    """
    if PREFIXED_HEX.fullmatch(value) or is_chosen(value, 8):
        return True  # ``xapt-<uuid>``; a chosen password, wordy as it may be (``Seughtmi#51``)
    if value.isascii() and value.isdigit():
        if len(value) < DIGIT_KEY or names_data(key) or checks.entropy(value) < 2.6:
            return False
        if is_epoch_time(value):
            return False  # a time in milli- or microseconds (``expires: 1733420183412``)
        # A tenth of a draw's neighbours count up: half is a placeholder (``1234567890…``).
        return not is_counted(value, 10, 2)
    if words.CAPS_DRAW.fullmatch(value) and checks.entropy(value) >= CAPS_DRAW_ENTROPY:
        # Capitals drawn between digit runs, whose letter runs a syllable draw makes read as
        # words (``DGQ28MIVAVEROTI879YERVTRQ``, tests/data ``caps-draw-under-key``): under a token
        # key the digit runs inside the letters tell the draw.
        return not names_data(key)
    switches = max(DRAWN_LOWER_SWITCHES, -(-len(value) // 5))  # a fifth of it, four at least
    if drawn.is_drawn_lower(value, DRAWN_LOWER, switches):
        return not names_data(key)  # ``0mompvorgkar4f9sephy``: wordy pairs, drawn digits
    user, colon, password = value.partition(":")
    if colon and HEX_RUN.fullmatch(user) and HEX_RUN.fullmatch(password):
        value = user + password  # a pair of hex (``cafeb4b3:d3adb33f``: Sidekiq's user:password)
    if not HEX_RUN.fullmatch(value) or value.isalpha():
        return False
    if len(value) < 12 and (max(map(value.count, value)) > 2 or is_counted(value.lower(), 16)):
        return False  # a short hex with a character thrice, or counted, is made up, not drawn
    return not names_data(key) and checks.entropy(value) >= hex_entropy_bound(len(value))


def hex_entropy_bound(length: int) -> float:
    """
    Return the least entropy a drawn hex value of ``length`` (12 or more) has under a token key:
    ``log2(length) - 1.5``, at most 2.5. A short draw repeats digits, the shorter the more: 2.5
    alone dropped 2.8% of 12-digit and 0.7% of 14-digit draws (``792722a99fbf7f``: 2.45); this
    bound about 1 in 1000 at each length (12: 2.09, 14: 2.31, 16 and more: 2.5).
    """
    return min(2.5, math.log2(max(length, 1)) - 1.5)


def is_epoch_time(value: str) -> bool:
    """Return whether decimal ``value`` is a Unix time in milli- or microseconds (13 or 16
    digits whose seconds fall between 2015 and 2034)."""
    return len(value) in (13, 16) and EPOCH_FIRST <= int(value[:10]) <= EPOCH_LAST


def is_counted(value: str, base: int, share: int = 3) -> bool:
    """Return whether a ``share``-th or more of the neighbours in ``value`` count up by one in
    ``base`` (a third by default)."""
    digits = [int(c, base) for c in value]
    steps = sum((b - a) % base == 1 for a, b in itertools.pairwise(digits))
    return steps * share >= len(value)


def is_chosen(value: str, minimum: int) -> bool:
    """
    Return whether ``value`` reads as a password a person chose, where ``minimum`` (the length a
    generated value needs there) is 10 or less: 8 to 64 characters without blanks, with letters,
    digits and a symbol of ``CHOSEN_SYMBOLS`` (``G4l4xy!86``), not an e-mail address.
    """
    if minimum > 10 or not 8 <= len(value) <= 64 or CHOSEN_SYMBOLS.isdisjoint(value):
        return False
    if not value.isascii() or len(value.split()) != 1 or ("@" in value and "." in value):
        return False
    return value_spans.has_letters_and_digits(value)


def names_network_key(key: str) -> bool:
    """Return whether ``key`` ends in a name of ``NETWORK_KEY_NAMES``."""
    return key.lower().strip("-_.").endswith(NETWORK_KEY_NAMES)


def is_counted_hex(value: str) -> bool:
    """Return whether ``value`` is hex digits counted out (``1234567890abcdef…``), a made-up
    value, not a drawn one."""
    return value.isalnum() and checks.is_hexadecimal(value) and is_counted(value, 16)


def is_short_or_counted(key: str, value: str) -> bool:
    """Return whether a guarded key's value is too short for a network key (16 bytes or more) or
    is counted hex (``is_counted_hex``)."""
    return (len(value) < 16 and names_network_key(key)) or is_counted_hex(value)


# An access id is half a credential, as AWS's access key id is (``key_names.GUARDED``).
ACCESS_IDS = tuple(f"access{separator}id" for separator in ("", "_", "-", "."))
GUARDED_NAMES = {
    **dict.fromkeys(NETWORK_KEY_NAMES, "secret"),
    **dict.fromkeys(ACCESS_IDS, "api-key"),
}


def is_named_by_key(key: str, value: str) -> bool:
    """
    Return whether ``value`` is a name its key gives: a constant naming itself, an enum
    (``INVALID_TOKEN = "invalid_token"``), or the name of a set of secrets (``is_collection_name``).
    """
    if "_" in key and key.isupper() and value == key.lower():
        return True
    return is_collection_name(key, value) or is_field_name(value)


# A field's name that is about a secret, not one (``token_type``, ``password_file``,
# ``api_key_name``): lower-case words joined by ``_``, a secret's word among them, the last
# saying what about it (session 39: bandit's ``Possible hardcoded password: 'token_type'``, the
# OAuth response's field it flags, bench/benign16j).
FIELD_NAME = Lazy(r"[a-z]+(?:_[a-z]+){1,3}")
FIELD_SECRET_WORDS = frozenset(
    ("password", "passwd", "pwd", "secret", "token", "key", "apikey", "credential", "auth")
)
FIELD_TAIL_WORDS = """
    type kind name file path field id url uri env var header prefix format label length ttl
    expiry expires hash scope scopes endpoint location source store policy mode
"""
FIELD_TAILS = frozenset(FIELD_TAIL_WORDS.split())


def is_field_name(value: str) -> bool:
    """Return whether ``value`` names a field about a secret (see ``FIELD_NAME``): no secret."""
    if not FIELD_NAME.compiled.fullmatch(value):
        return False
    *head, tail = value.split("_")
    return tail in FIELD_TAILS and not FIELD_SECRET_WORDS.isdisjoint(head)


def is_collection_name(key: str, value: str) -> bool:
    """
    Return whether ``value`` under a key that ends in the plural ``secrets`` (``workspace_secrets``,
    ``APP_SECRETS``) names that set: a Kubernetes Secret, a secrets file or store holds many
    secrets, and its name is lower-case words with ``secrets`` among them (``workspacesecrets``,
    ``billing-app-secrets``).
    """
    parts = KEY_PARTS.compiled.findall(key)
    if not parts or parts[-1].lower() != "secrets" or not COLLECTION_NAME.compiled.fullmatch(value):
        return False
    if "secrets" not in value:
        return False  # a password (``hunter2hunter2``), not a set's name
    return words.is_wordy(value, dashed=True)


def is_short_draw(value: str) -> bool:
    """
    Return whether ``value``, 8 to 15 characters of two classes or more, reads as a short random
    draw: no word in it (``server01``), no parts of a name when under 10 (``eu-west-1``), and
    varied for its alphabet (``short_margin``): short draws repeat a character or two
    (``G8I0OSZGIZ``, ``mlm9iqkm``), the more the narrower their alphabet.
    """
    if len(value) < 10 and not checks.ALPHANUMERIC.issuperset(value):
        return False
    if words.is_wordy(value):
        return False
    return checks.entropy(value) >= math.log2(len(value)) - short_margin(value)


def short_margin(value: str) -> float:
    """
    Return how far below ``log2(len(value))`` the entropy of a short draw (10 to 15) may fall.

    Narrower alphabets repeat more; about 1 in 100 draws or fewer falls below the margin, from
    62 characters (mixed case and digits: 0.7), 36 (one case and digits, ``mlm9iqkmq2zz``: 0.9)
    or 16 (hex of 12 or more, ``3ff77bb6fe6885``: 1.3; shorter hex keeps 0.7, as ids do).
    """
    if not checks.ALPHANUMERIC.issuperset(value) or (
        value != value.lower() and value != value.upper()
    ):
        return 0.7
    if checks.is_hexadecimal(value):  # letters and digits alone here: no dash
        if len(value) < 12 or is_counted(value.lower(), 16):
            return 0.7  # shorter or counted hex: a made-up id (``7ffd7c5d4d6``, ``abcabc123123``)
        return 1.3
    return 0.9
