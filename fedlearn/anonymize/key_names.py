"""Which keys name a secret, and which values under such a key are secrets.

A key counts when it *ends* with a secret word (``DB_PASSWORD``, ``clientSecret``, ``openai_key``),
or with one qualifier after a strong one (``api_key_prod``), so ``password_file``, ``max_tokens``
and ``token_type`` are not secrets (``classify_key``). Under a key, a literal is judged by the
rule the key names (``is_secret_value``): a password by its length, a token by looking generated,
a weak key's value (``key``, ``session``) only when it is no hash, id or name. ``assignments`` and
``beside_keys`` find the keys and values in text; JSON fields are judged here (``field_secret``).
The password flags of well-known commands are in ``password_commands``.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from fedlearn.anonymize import (
    checks,
    key_endings,
    key_shapes,
    public_ids,
    references,
    rules,
    weak_values,
    words,
)

WEAK_ENDINGS = (
    "auth",
    "credential",
    "credentials",
    "cred",
    "creds",
    "session",
    "sessionid",
    "session_id",
    "session-id",
    "session.id",
    "sessid",
    "cookie",
    "signature",
    "sig",
    "bearer",
    "key",
)
NAMES = (
    "aws-secret-key",
    "azure-storage-key",
    "api-key",
    "password",
    "secret",
    "token",
    "authorization",
    "high-entropy",
)
# An Azure storage account's host after a setting's name: Hadoop's per-account settings
# (``fs.azure.account.key.<account>.dfs.core.windows.net``, ``fs.azure.account.oauth2.client.
# secret.<account>.blob.core.windows.net``; bench/probes43's ``spark.conf.set``) name the setting
# before it.
STORAGE_HOST = rules.Lazy(
    r"\.[a-z0-9-]{1,63}\.(?:blob|dfs|file|queue|table)\.core"
    r"\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)\Z"
)
# A key naming the ``Authorization`` header, whose value it holds (a webhook's
# ``"authorization_header": "Bearer …"``, bench/contexts40): ``header`` names no data here.
AUTHORIZATION_HEADERS = tuple(
    f"authorization{separator}header" for separator in ("", "_", "-", ".")
)
BARE_PASSWORDS = frozenset(("pass", "pwd", "pw", *key_endings.JOINED_PASSWORDS))
# What a person keeps to get back into an account (``recovery_code``, ``BACKUP_CODES``,
# ``duo_bypass_code``, an authenticator's ``mfa_seed``) and a password's equivalent
# (``ntlm_hash``: NT hashes authenticate as they are; not ``nt_hash``, the end of ``content_hash``):
# the rule each names.
KEPT_ENDINGS = {
    **{f"{word}{sep}code{s}": "secret" for word in ("recovery", "backup", "bypass", "scratch")
       for sep in ("", "_", "-", ".") for s in ("", "s")},
    **{f"{word}{sep}seed": "secret" for word in ("mfa", "otp", "totp", "hotp", "2fa")
       for sep in ("", "_", "-", ".")},
    **{f"ntlm{sep}hash": "password" for sep in ("", "_", "-")},
    # What a password is hashed with (Nextcloud's ``passwordsalt``, a ``PASSWORD_PEPPER``): as
    # ``<owner>_key``, only a value that reads as generated. Not what it is hashed into
    # (``password_hash``, ``passwordHash``, ``PWHASH``): a digest's key, as ``content_hash``.
    **{f"{word}{sep}{end}": "high-entropy" for word in ("password", "passwd", "pwd", "pw")
       for sep in ("", "_", "-", ".") for end in ("salt", "pepper")},
    "pepper": "high-entropy",
    "sonar.login": "token",  # SonarQube's token property (``-Dsonar.login=…``, cli40)
    "remotepass": "password",  # offlineimap's remote repository's password
    # contexts43: offlineimap's ``remotepasseval = 'V'`` (a Python expression: a literal is the
    # password), himalaya's ``backend.auth.raw = "V"`` (its ``auth.type = "password"``), Icinga 2's
    # ``const TicketSalt = "V"`` (the CA's secret that signs agents' tickets: a generated value)
    "passeval": "password",
    "auth.raw": "password",
    "passwd.raw": "password",
    "ticketsalt": "high-entropy",
}  # fmt: skip
# Names that start with a secret's prefix whatever ends them: Terraform's ``TF_TOKEN_<host>``.
KEPT_PREFIXES = {"tf_token_": "token"}
# Less sure secret words (Wi-Fi/IPsec ``psk``, SNMP ``community``, sssd's ``authtok``, SCRAM
# ``verifier``, a wallet's ``mnemonic``, LND's ``macaroon``, NATS ``nkey-seed``, ``_ak``/``_sk``):
# the rule each names; the value must look generated (``is_guarded``), or be 12+ words (mnemonic).
GUARDED = {
    "psk": "password",
    "keymaterial": "password",  # a Windows WLAN profile's PSK (``netsh … keyMaterial=V``)
    "authtok": "password",
    "community": "password",
    "verifier": "password",
    "mnemonic": "secret",
    "macaroon": "token",
    "nkey-seed": "secret",
    "nkey_seed": "secret",
    **dict.fromkeys((f"{separator}ak" for separator in "_.-"), "api-key"),
    **dict.fromkeys((f"{separator}sk" for separator in "_.-"), "secret"),
    **dict.fromkeys((f"{separator}pat" for separator in "_.-"), "token"),  # ``ASANA_PAT``
    # A code that lets a person in (LobeChat's ``ACCESS_CODE``, a door's or a share's): a password.
    **dict.fromkeys((f"access{separator}code" for separator in ("", "_", "-", ".")), "password"),
    **key_shapes.GUARDED_NAMES,  # ``encrypt``, ``S2_AccessControl``, ``sumologic.accessId``
}
# Secret words of other languages as a key's last word (``Passwort``, ``пароль``, ``パスワード``),
# each named by the rule of its English word; a word for key as ``key`` alone.
FOREIGN_KEYS = {
    word: {"api key": "high-entropy"}.get(english, english)
    for word, english in words.FOREIGN.items()
    if " " not in word
}
# A key that says where a secret comes from, whose value is the secret's name (bench/contexts34).
FROM_SECRET = rules.Lazy(r"(?i)from[_-]?secret")
# An option's spelling: ``--password-file``, ``-p``, ``-rf``, ``--key=v``, ``-Dname=v``; dashes.
OPTION = rules.Lazy(
    r"-{1,2}[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*(?:=\S*)?|-[A-Za-z]{1,3}|-D[\w.-]+(?:=\S*)?|-+"
)
IDENTIFIER = rules.Lazy(r"[A-Za-z_][A-Za-z0-9_.-]{0,80}")
PHRASE = rules.Lazy(r"[a-z]{3,8}(?: [a-z]{3,8}){11,23}")
KEY_WORD_PARTS = rules.Lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# Words that own a key holding data, not a credential (``cache_key``, ``sortKey``).
DATA_OWNER_WORDS = """
    cache hash sort partition primary foreign unique composite natural surrogate row object
    dict map lookup index idempotency dedup dedupe routing shard group file public pub ssh host
    gpg pgp config translation i18n message cursor next page join bucket prefix item entry
    state event field column table record checksum content etag version build commit release
    asset image layer blob order product sku region zone node peer channel topic stream queue
    job task run lock sequence metric label tag attribute property param option setting feature
    flag experiment locale lang type kind name id sorting grouping range hotkey short shortcut
    keyboard dictionary registry crashreporter
"""
DATA_OWNERS = frozenset(DATA_OWNER_WORDS.split())
MINIMUM = {"password": 4, "secret": 6, "aws-secret-key": 8, "azure-storage-key": 20}
# A key may end in one qualifier after its secret word (``api_key_prod``, ``SECRET_KEY_BASE``,
# ``token_v2``, ``db_pass_secure``): a part of up to 12 letters and digits. Not one that names
# data about the secret (``password_file``, ``token_type``, ``secret_name``, ``token_ttl``).
SUFFIX = r"(?:[_.-][a-z0-9]{1,12})?"
DATA_SUFFIX_WORDS = """
    file path dir type name names length len size ttl expiry expires expiration exp url uri
    endpoint id ids hash sha sha1 sha256 sha512 md5 digest env var field count limit policy
    header prefix suffix format fmt min max regex pattern hint reset label ref arn version source
    store provider mode method kind host port user username login required enabled enable
    disabled set changed updated at date time timeout secs seconds ms minutes hours days age
    lifetime rotation refresh issuer audience scope scopes algorithm alg location loc secret
    key token password pass mount engine backend manager helper cmd command script output input
    param params arg args text label placeholder prompt form reader loader getter setter
    validator generator strength confirmation confirm salt rounds iterations cost accessor
"""
DATA_SUFFIXES = frozenset(DATA_SUFFIX_WORDS.split())
# The rules a qualifier may follow: the strong words, not ``key`` alone or ``auth``/``session``.
SUFFIXED_RULES = frozenset({"password", "secret", "token", "api-key", "aws-secret-key"})


# A key that negates its secret word (``not_secret``, ``NON_SECRET``, ``notAPassword``,
# ``non-secret``; detect-secrets' ``not_secret = notapassword``, bench/fixtures24): no
# credential's name. Only the word itself: ``non_prod_password`` negates ``prod``.
NEGATED = rules.Lazy(
    r"[^\w]{0,2}(?i:no[nt])[_.-]?(?:(?i:an?)(?:[_.-]|(?=[A-Z])))?"
    r"(?i:secret|password|passwd|pwd|token|key|credentials?)[^\w]{0,2}\Z"
)


@functools.lru_cache(maxsize=4096)
def classify_key(key: str) -> str | None:
    """
    Return the rule a key names (``DB_PASSWORD`` → password, ``apiKey`` → api-key), or None.

    A key with one qualifier after a strong secret word (``api_key_prod``) names that word's rule
    (see ``SUFFIX``; ``is_suffixed`` tells, and its values are judged more strictly).
    """
    if NEGATED.compiled.match(key):
        return None  # ``not_secret``, ``nonSecret``: the key says its value is none
    found = classify_whole(key)
    if found is not None:
        return found
    if (host := STORAGE_HOST.compiled.search(key)) is not None:
        return classify_whole(key[: host.start()])  # ``fs.azure.account.key.<account>.dfs…``
    base = unsuffixed(key)
    if base is None:
        return None
    found = classify_whole(base)
    return found if found in SUFFIXED_RULES else None


def unsuffixed(key: str) -> str | None:
    """Return ``key`` without a last qualifier part that names no data (``SUFFIX``), or None."""
    head, separator, tail = max(key.rpartition(mark) for mark in "_.-")
    if not separator:  # a camelCase qualifier (``SecretKeyBase``)
        head, tail = key_shapes.camel_tail(key)
        separator = tail[:1]
    if not separator or not head or not 1 <= len(tail) <= 12 or not tail.isalnum():
        return None
    return None if tail.lower() in DATA_SUFFIXES else head


def is_suffixed(key: str) -> bool:
    """Return whether ``key`` names a secret only through a qualifier (``api_key_prod``)."""
    return classify_whole(key) is None and classify_key(key) is not None


@functools.lru_cache(maxsize=4096)
def classify_whole(key: str) -> str | None:
    """Return the rule a key names by its ending alone, or None (see ``classify_key``)."""
    name = key.lower().strip("-_.")
    if name.endswith(("secret_access_key", "secretaccesskey", "secret-access-key")):
        return "aws-secret-key"
    if name.endswith(("accountkey", "sharedaccesskey")):
        return "azure-storage-key"
    if name.endswith(key_endings.KEY_ENDINGS):
        return "api-key"
    if (
        name.endswith(key_endings.PASSWORD_ENDINGS + key_endings.JOINED_ENDINGS)
        or name in BARE_PASSWORDS
    ):
        return "password"
    if name.endswith(tuple(KEPT_ENDINGS)):
        return next(KEPT_ENDINGS[end] for end in KEPT_ENDINGS if name.endswith(end))
    if (camel := key_shapes.camel_ending(key)) is not None:  # ``OraclePwd``, ``HuaweicloudAk``
        return camel
    if name.startswith(tuple(KEPT_PREFIXES)):
        return next(KEPT_PREFIXES[start] for start in KEPT_PREFIXES if name.startswith(start))
    if name.endswith(AUTHORIZATION_HEADERS):
        return "authorization"  # the header's value: ``"authorization_header": "Bearer …"``
    for word in ("secret", "token", "authorization"):
        if name.endswith(word):  # not a page's token (``next_page_token``: a position)
            return None if public_ids.PAGE_KEY.compiled.search(name) else word
    if name.endswith(WEAK_ENDINGS):
        return "high-entropy"
    found = next((GUARDED[word] for word in GUARDED if name.endswith(word)), None)
    if found is None:
        found = next((FOREIGN_KEYS[word] for word in FOREIGN_KEYS if name.endswith(word)), None)
    return found


def is_guarded(key: str) -> bool:
    """Return whether ``key`` names a secret only by a less sure word (``GUARDED``, ``Psk``)."""
    name = key.lower().strip("-_.")
    return name.endswith(tuple(GUARDED)) or key_shapes.is_camel_guarded(key)


def is_secret_value(name: str, key: str, value: str) -> bool:
    """Return whether a literal ``value`` under ``key`` (classified ``name``) is a secret."""
    if references.is_reference(value):
        return False
    # A token's or API key's chosen password may be shorter (``tiger17``: ``weak_values``).
    short_chosen = name in ("token", "api-key") and weak_values.is_chosen_under(key, value)
    if len(value) < MINIMUM.get(name, 8) and not short_chosen:
        return False
    if key.endswith(("Id", "ID", "id")) and "/" in value and words.is_named(value):
        return False  # a secret's id that is its path in a store (``SecretId: "app/db/password"``)
    named = IDENTIFIER.compiled.fullmatch(value) and words.is_named(value)
    if FROM_SECRET.compiled.fullmatch(key) and named:
        return False  # Drone/Woodpecker ``from_secret: deploy_token``: the secret's name
    if key_shapes.is_named_by_key(key, value):
        return False  # ``INVALID_TOKEN = "invalid_token"``, ``app_secrets = "app-secrets"``
    if is_guarded(key) and classify_whole(key) in GUARDED.values():
        if key.lower().endswith("mnemonic") and PHRASE.fullmatch(value):
            return True  # a wallet's seed phrase: 12 to 24 words
        short = key_shapes.is_short_or_counted(key, value)  # a network key, counted hex
        return not short and reads_drawn(value)
    if is_suffixed(key):
        # Only a qualifier ties the key to its secret word: the value must look generated.
        return (
            checks.looks_random(value, minimum=12)
            and (not checks.is_hexadecimal(value) or key_shapes.is_long_hex_under(key, value))
            and not words.is_named(value)
        )
    if value.startswith("-") and not is_drawn_dash(value):
        return False  # an option (``--password-file``), not a value
    if name in ("token", "api-key"):
        generated = reads_drawn(value)
        if generated or key_shapes.is_generated_under(key, value):
            return True
        return weak_values.is_chosen_under(key, value)  # ``token=football84`` (``weak_values``)
    if name == "high-entropy":
        if public_ids.is_analytics_id(value):
            return False  # a cookie's ``_ga=GA1.2.<number>.<time>``: no session, no login
        return is_generated(value, is_loose(key)) and not public_ids.is_public_key(key)
    return True


def is_drawn_dash(value: str) -> bool:
    """
    Return whether a value starting with ``-`` is a drawn one, not an option: a long random run,
    or one no option's spelling reads (lower-case words joined by ``-``/``_``/``.``, maybe
    ``=…``; a cluster of up to three letters; dashes alone): ``-9AH-EOVezxZ``, ``-pEoKmyaIg2lJO``
    (the lead's probe: a generated password starts with ``-`` once in ~70 draws).
    """
    if any(mark in value for mark in ("${", "$(", "{{", "%(")):
        return False  # a reference between dashes (a word diff's ``[-${API_TOKEN}-]``)
    if len(value) >= 16 and checks.looks_random(value):
        return True
    return OPTION.compiled.fullmatch(value) is None and reads_generated(value, 8)


def reads_drawn(value: str, minimum: int = 8) -> bool:
    """Return whether ``value`` reads as drawn: generated (``reads_generated``, ``minimum``
    characters or more) and no name (``words.is_named``: no word, path or identifier)."""
    return reads_generated(value, minimum) and not words.is_named(value)


def reads_generated(value: str, minimum: int) -> bool:
    """
    Return whether ``value`` looks generated (``checks.looks_random``), is a short draw of two
    classes, not wordy (``mlm9iqkm``; ``server01``, ``eu-west-1`` stay), or is a run of random
    letters of one case, 10 or more (``jdkhsnsbovkzzya``), its letter pairs not words' (``changeme``).
    """
    if checks.looks_random(value, minimum=minimum) or key_shapes.is_chosen(value, minimum):
        return True
    if len(value) < max(8, minimum) or not value.isascii():
        return False
    if len(value) < 16 and checks.character_classes(value) >= 2:
        return key_shapes.is_short_draw(value)
    if not value.isalpha():
        return False
    if value != value.lower() and value != value.upper():
        return False
    threshold = min(3.0, math.log2(len(value)) - 1.0)  # ``chheohjxluch``: 12 letters, 4 ``h``
    return checks.entropy(value) >= threshold and not words.is_wordy(value)


def is_loose(key: str) -> bool:
    """
    Return whether a key ending in ``key``, ``salt`` or ``seed`` names no credential.

    ``key`` alone and keys owned by a word that names data (``cache_key``, ``primaryKey``,
    ``sortKey``) usually hold hashes and ids; ``algolia_key`` or ``signingKey`` hold credentials.
    """
    parts = KEY_WORD_PARTS.compiled.findall(key)
    if not parts or parts[-1].lower() not in ("key", "salt", "seed"):
        return False
    return len(parts) < 2 or parts[-2].lower() in DATA_OWNERS


def is_generated(value: str, is_loose: bool) -> bool:
    """
    Return whether ``value`` after a weak key name (``key``, ``auth``, ``session``) looks generated.

    Hex strings and UUIDs count only after names that hold credentials (session, cookie, auth,
    signature, ``<provider>_key``), not after a loose one (``is_loose``), where they are usually
    hashes and ids. Names, paths, versions and fills (``checks.is_fill``) never count.
    """
    if not reads_drawn(value, 20 if is_loose else 10):
        return False
    if checks.is_fill(value):  # a placeholder's fill, a counted alphabet (``sk_abcdefghij…123``)
        return False
    if is_loose:
        return (
            words.LONG_HEX.search(value) is None
            and not checks.is_hexadecimal(value)
            and checks.entropy(value) >= 3.7
        )
    return True


def field_secret(key: str, value: Any) -> str | None:
    """Return the rule that makes ``value`` a secret under the JSON object key ``key``, or None."""
    if not isinstance(value, str):
        return None
    name = classify_key(key)
    return name if name is not None and is_secret_value(name, key, value) else None
