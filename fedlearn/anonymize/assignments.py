"""Secrets known by their key: ``key=value``, JSON, YAML, TOML, env, ``--flag=``, XML, URLs, CLIs.

The key stays and the value goes (``password=<redacted:password>``). A key counts when it *ends*
with a secret word (``DB_PASSWORD``, ``clientSecret``), so ``password_file``, ``max_tokens`` and
``token_type`` are not secrets. Matching is anchored on the separator (``=``, ``:``, ``>``) and a
lookbehind trie of the key words asserts what precedes it: one memory-speed scan per separator
character finds every key form, whatever the word. A value beside a key word with no separator
(quoted, compared, a flag's) is ``beside_keys``'; the key words and the judgement are here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from fedlearn.anonymize import checks, heads, rules, words
from fedlearn.anonymize.rules import Matcher, Rule, Span

KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
FILLER_CHARACTERS = frozenset("\"'`]\\ \t:?.+!")
# What may stand between a key and its separator: quotes, a subscript's bracket, blanks.
FILLERS = ("", '"', "'", "`", '"]', "']", " ", "  ", "\t", '" ', "' ", '\\"', "\\'", '"] ', "'] ")
# What may stand before ``=`` in an assignment operator: Make ``::=`` ``?=`` ``+=``, PHP ``.=``,
# and in a comparison (``api_key != "…"``, ``!==``).
OPERATORS = tuple(
    f"{blank}{operator}" for operator in (":", "::", "?", ".", "+", "!") for blank in ("", " ")
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
    "key",
)
GATE_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "pass",
    "pwd",
    "pw",
    "secret",
    "token",
    "authorization",
    *WEAK_ENDINGS,
)
# The gate words no other one is part of: one of them is in every key a rule here redacts after.
KEY_WORDS = tuple(
    word for word in GATE_WORDS if not any(other != word and other in word for other in GATE_WORDS)
)
# A value ends at a quote, a separator or a shell expansion (``${``, ``$(``), which refers to one.
# An Objective-C string literal's ``@`` before the quote is no part of it (``@"…"``).
VALUE = (
    r"(?:@(?=[\"']))?(?P<q>\\?[\"'`])?"
    r"(?P<value>(?(q)[^\"'`\n\\]+|(?:[^\s\"'`,;&|<>(){}\[\]\\$]|\$(?![{(]))+))"
)
# What may follow an unquoted value's comma up to the next blank or quote (``past_commas``).
VALUE_RUN_END = rules.Lazy(r",[^\s\"'`]*")
# After a colon (YAML, headers, prose) an ``&`` is part of the value, not a query separator.
COLON_VALUE = VALUE.replace(",;&|", ",;|")
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
KEY_OWNERS = (
    "api",
    "access",
    "private",
    "signing",
    "encryption",
    "master",
    "subscription",
    "client",
    "app",
    "license",
    "auth",
    "hmac",
    "openai",
    "anthropic",
    "mistral",
    "cohere",
    "groq",
    "together",
    "perplexity",
    "replicate",
    "gemini",
    "google",
    "hf",
    "huggingface",
    "stripe",
    "sendgrid",
    "mailgun",
    "deepseek",
    "xai",
    "fireworks",
    "secret",
)
KEY_ENDINGS = tuple(
    f"{owner}{separator}key" for owner in KEY_OWNERS for separator in ("", "_", ".", "-")
)
PASSWORD_ENDINGS = (
    "password",
    "passwd",
    "passphrase",
    *(f"{separator}{word}" for word in ("pass", "pwd", "pw") for separator in ("_", ".", "-")),
)
SCHEMES = frozenset(
    {
        "bearer",
        "basic",
        "token",
        "bot",
        "apikey",
        "api-key",
        "key",
        "sso-key",
        "digest",
        "negotiate",
        "api-token",
        "apitoken",
        "ssws",
        "oauth",
        "splunk",
        "geniekey",
        "klaviyo-api-key",
        "zoho-oauthtoken",
        "access-token",
    }
)
SECRET_WORDS = {"password": "pass", "secret": "secret", "token": "token", "api-key": "key"}
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
    keyboard dictionary registry
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
    validator generator strength confirmation confirm salt rounds iterations cost
"""
DATA_SUFFIXES = frozenset(DATA_SUFFIX_WORDS.split())
# The rules a qualifier may follow: the strong words, not ``key`` alone or ``auth``/``session``.
SUFFIXED_RULES = frozenset({"password", "secret", "token", "api-key", "aws-secret-key"})


@functools.lru_cache(maxsize=4096)
def classify_key(key: str) -> str | None:
    """
    Return the rule a key names (``DB_PASSWORD`` → password, ``apiKey`` → api-key), or None.

    A key with one qualifier after a strong secret word (``api_key_prod``) names that word's rule
    (see ``SUFFIX``; ``is_suffixed`` tells, and its values are judged more strictly).
    """
    found = classify_whole(key)
    if found is not None:
        return found
    base = unsuffixed(key)
    if base is None:
        return None
    found = classify_whole(base)
    return found if found in SUFFIXED_RULES else None


def unsuffixed(key: str) -> str | None:
    """Return ``key`` without a last qualifier part that names no data (``SUFFIX``), or None."""
    head, separator, tail = max(key.rpartition(mark) for mark in "_.-")
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
    if name.endswith(KEY_ENDINGS):
        return "api-key"
    if name.endswith(PASSWORD_ENDINGS) or name in ("pass", "pwd", "pw"):
        return "password"
    for word in ("secret", "token", "authorization"):
        if name.endswith(word):
            return word
    return "high-entropy" if name.endswith(WEAK_ENDINGS) else None


def is_secret_value(name: str, key: str, value: str) -> bool:
    """Return whether a literal ``value`` under ``key`` (classified ``name``) is a secret."""
    if len(value) < MINIMUM.get(name, 8) or checks.is_reference(value):
        return False
    if is_suffixed(key):
        # Only a qualifier ties the key to its secret word: the value must look generated.
        return (
            checks.looks_random(value, minimum=12)
            and not checks.is_hexadecimal(value)
            and not words.is_named(value)
        )
    if value.startswith("-") and (len(value) < 16 or not checks.looks_random(value)):
        return False  # an option (``--password-file``), not a value
    if name in ("token", "api-key"):
        return reads_generated(value, 8) and not words.is_named(value)
    if name == "high-entropy":
        return is_generated(value, is_loose(key))
    return True


def reads_generated(value: str, minimum: int) -> bool:
    """
    Return whether ``value`` looks generated (``checks.looks_random``), or is a run of random
    letters of one case, 10 or more (``jdkhsnsbovkzzya``, ``NUZVODQOOKUPKHBCTSRA``): varied,
    and its letter pairs not those of words (``YOURAPIKEYHERE``, ``changeme`` stay).
    """
    if checks.looks_random(value, minimum=minimum):
        return True
    if len(value) < max(10, minimum) or not value.isascii():
        return False
    if len(value) < 16 and checks.character_classes(value) >= 2:
        # Short draws repeat a character or two: varied for their length (``G8I0OSZGIZ``).
        return checks.entropy(value) >= math.log2(len(value)) - 0.7
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
    hashes and ids. Names, paths and versions (``jetbrains.mps.core``) never count.
    """
    if not reads_generated(value, 20 if is_loose else 10) or words.is_named(value):
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


def key_before(text: str, separator: int) -> tuple[str, int]:
    """Return the key ending before the separator at ``separator`` (past quotes), and its start."""
    end = separator
    while end > 0 and separator - end < 4 and text[end - 1] in FILLER_CHARACTERS:
        end -= 1
    start = end
    while start > 0 and text[start - 1] in KEY_CHARACTERS:
        start -= 1
    return text[start:end], start


def scheme_skipped(text: str, start: int, end: int) -> Span:
    """Return the span of the credential after an authorization scheme word (``Bearer x`` → x)."""
    words = text[start:end].split(None, 1)
    if words and words[0].lower() in SCHEMES:
        if len(words) == 2:
            return end - len(words[1]), end
        after = re.match(r"[ \t]+([^\s\"'`,;]+)", text[end : end + 4096])
        if after:
            return end + after.start(1), end + after.end(1)
    return start, end


def assignment(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span and rule of the value after a separator, when its key names a secret.

    The key is read backwards from the separator; the value must be a literal, not a reference,
    code or prose; after an ``Authorization`` key the scheme word (``Bearer``) stays.
    """
    key, key_start = key_before(text, match.start())
    if match.re.pattern == VALUE_AFTER[">"].pattern and not text.startswith("<", key_start - 1):
        return None
    if text.endswith("${", 0, key_start):
        return None  # ${NAME:-default}: a shell expansion, not an assignment
    name = classify_key(key)
    if name is None:
        return None
    start, end = match.span("value")
    if name == "authorization":
        start, end = scheme_skipped(text, start, end)
    elif match.group("q") is None:
        end = past_commas(text, end)
    value = text[start:end]
    if match.group("q") is None and name != "authorization":
        following = text[end : end + 3]
        word = SECRET_WORDS.get(name, "")
        if checks.is_code(value, key, word, following) or checks.is_prose(value, following):
            return None
    return (start, end, name) if is_secret_value(name, key, value) else None


def past_commas(text: str, end: int) -> int:
    """
    Return where an unquoted value that stops at a ``,`` really ends.

    A comma with no blank after it is part of the value (``secret := gc,kgq8Jr!%…``): the value
    runs on to the next blank, quote or line end, unless another ``key=value`` follows
    (``password=x,user=y``) or it is a list (``a, b``), where the comma ends it.
    """
    if not text.startswith(",", end):
        return end
    found = VALUE_RUN_END.compiled.match(text, end)
    if found is None or "=" in found.group() or found.group() == ",":
        return end
    return found.end()


def fillers_of(separator: str) -> tuple[str, ...]:
    """Return what may stand between a key and ``separator`` ("" included)."""
    if separator == ">":
        return ("",)
    return (*FILLERS, *OPERATORS) if separator == "=" else FILLERS


@functools.cache
def key_gate(separator: str) -> re.Pattern[str]:
    """
    Return the pattern, over the *reversed* text, of a separator preceded by a key word.

    Reversed, ``api_key": "…`` reads ``…" :"yek_ipa``: the separator comes first, so the pattern
    starts with a literal, an optional filler follows, then the words as a trie. Neither fillers nor
    words hold a separator, so a match holds only the one it starts with and ``finditer`` finds
    every separator after a key word. Compiled on first use (see ``assignments``).
    """
    fillers = (filler[::-1] for filler in fillers_of(separator) if filler)
    # Not a trie: a filler that extends another (`` "`` after `` ``) must stay, words follow it.
    filler = "|".join(re.escape(filler) for filler in sorted(fillers, key=len, reverse=True))
    words = heads.trie_pattern(word[::-1] for word in GATE_WORDS)
    suffix = r"(?:[a-z0-9]{1,12}[_.-])?"  # ``SUFFIX`` reversed
    return re.compile(re.escape(separator) + (f"(?:{filler})?" if filler else "") + suffix + words)


VALUE_AFTER = {
    "=": rules.Lazy(r"=(?:==?|>)?[ \t]*" + VALUE),
    ":": rules.Lazy(r":=?[ \t]*" + COLON_VALUE),
    ">": rules.Lazy(r">(?P<q>)(?P<value>[^<\n]{1,200})</"),
}


def assignments(separator: str) -> Callable[[str], Iterator[re.Match[str]]]:
    """
    Return a finder of ``<separator><value>`` after every key word.

    It scans the reversed text for the separator followed by a reversed key word, and yields the
    match of separator and value at that place in the text; ``assignment`` reads the key before it.
    """
    value = VALUE_AFTER[separator]

    def find(subject: str) -> Iterator[re.Match[str]]:
        last = len(subject) - 1
        for found in key_gate(separator).finditer(subject[::-1]):
            match = value.match(subject, last - found.start())
            if match:
                yield match

    return find


def keyed() -> list[Rule]:
    """Return the rules for secrets after a key word and a separator (``=``, ``:``, ``>``), in
    priority order; ``beside_keys.keyed`` (quoted, compared, a flag's) follows them."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            NAMES,
            (Matcher(VALUE_AFTER[separator], find=assignments(separator), judge=assignment),),
            trigger=rules.Trigger(words=KEY_WORDS, lower=True, needs=separator),
            lower=True,
            gate=rf"(?i)(?:{words}){SUFFIX}{filler}{re.escape(separator)}",
        )
        for separator, filler in (
            ("=", r"[\"'`\]\\ \t:?.+!]{0,3}"),
            (":", r"[\"'`\]\\ \t]{0,3}"),
            (">", ""),
        )
    ]
