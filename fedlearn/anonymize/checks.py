"""Value checks: whether a candidate the patterns found is really a secret or personal datum.

The patterns find shapes; these decide (their own patterns compile on first use), so that ``password=$DB_PASSWORD``, ``api_key: YOUR_KEY``,
``token: str`` or ``127.0.0.1`` stay as they are (the benign corpus in tests/data/ holds them).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import math
import re
from collections import Counter

from fedlearn.anonymize import rules

# Values that refer to a secret instead of being one: variables, templates, placeholders, masks.
REFERENCE = rules.Lazy(
    r"""
    [${<\[]                                    # $VAR ${VAR} $(cmd) {{ t }} <your-key> [..]
    | %\(\w+\)[sdr] | %[A-Za-z_]\w*% | %[sdr]\Z  # %(x)s %ENV% %s
    | ![A-Za-z_]+\Z                           # YAML tags: !vault, !secret
    | (?:\.{0,2}|~)/                          # a file that holds it: /run/secrets/x, ~/.token
    | file:|env:|vault:|op://|sops:|keyring:
    | .*(?:your|xxx|\*\*\*|\.\.\.|\u2026|\u2022\u2022|example|placeholder|redacted|changeme
         |replace[-_ ]?me|insert[-_ ]|paste[-_ ]|-here\b|_here\b)
    | (?:none|null|nil|undefined|true|false|yes|no|on|off|str|string|int|integer|bytes|bool
         |boolean|any|object|optional|secretstr|secretbytes|required|hidden|masked|secret
         |password|passwd|token|apikey|api_key|key|value|todo|tbd|n/?a|empty|default|test
         |dummy|fake|sample|foo|bar|foobar|x+)\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)
CRYPT_HASH = rules.Lazy(r"\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2[\w-]*)\$")
IDENTIFIER_CHAIN = rules.Lazy(r"[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)+")
IDENTIFIER = rules.Lazy(r"[A-Za-z_]\w*")
CMDLET = rules.Lazy(r"(?:Get|Set|New|Read|ConvertTo|ConvertFrom|Import|Invoke)-[A-Z][A-Za-z]+")
SAME_CHARACTER = rules.Lazy(r"(.)\1*")
HEX = rules.Lazy(r"[0-9a-fA-F-]+")

# Readable on purpose: loopback, unspecified, documentation, and addresses that name no machine.
KEPT_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "127.0.0.0/8",
        "0.0.0.0/32",
        "255.255.255.255/32",
        "192.0.2.0/24",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "169.254.169.254/32",
        "::/128",
        "::1/128",
        "2001:db8::/32",
        "ff00::/8",
    )
)
KEPT_PREFIXES = ("192.0.2.", "198.51.100.", "203.0.113.")
PUBLIC_RESOLVERS = frozenset({"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"})
KEPT_MACS = frozenset({"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"})


def entropy(value: str) -> float:
    """Return the Shannon entropy of ``value`` in bits per character (0 for "")."""
    if not value:
        return 0.0
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in Counter(value).values())


def is_reference(value: str) -> bool:
    """Return whether ``value`` refers to a secret (variable, template, placeholder) or masks it."""
    if CRYPT_HASH.match(value):
        return False
    return bool(REFERENCE.match(value) or SAME_CHARACTER.fullmatch(value))


LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGITS = frozenset("0123456789")
ALPHANUMERIC = LOWER | UPPER | DIGITS


def character_classes(value: str) -> int:
    """Return how many of lower case, upper case, digits and other characters ``value`` has."""
    present = set(value)
    return (
        (not present.isdisjoint(LOWER))
        + (not present.isdisjoint(UPPER))
        + (not present.isdisjoint(DIGITS))
        + (not present <= ALPHANUMERIC)
    )


def looks_random(value: str, *, minimum: int = 16) -> bool:
    """Return whether ``value`` looks generated: long, varied, several character classes."""
    if len(value) < minimum or len(value.split(None, 1)) > 1 or value != value.strip():
        return False
    return character_classes(value) >= 2 and entropy(value) >= 3.0


def is_hexadecimal(value: str) -> bool:
    """Return whether ``value`` holds only hex digits and dashes (hashes, UUIDs)."""
    return bool(HEX.fullmatch(value))


def is_code(value: str, key: str, word: str, following: str) -> bool:
    """
    Return whether an unquoted ``value`` after ``key`` (ending in the secret ``word``) is code.

    ``following`` is the text right after the value: a call (``get_password()``), an attribute or
    path (``self.token``, ``std::env::var``), the key passed on (``password=password``), a variable
    named after it (``new_password``), or a type (``password: str = None``).
    """
    stripped = following.lstrip(" \t")
    if following.startswith(("(", "[", ".")) or stripped.startswith(("=", ")", ",", "|", "]")):
        return True
    value = value.rstrip(":,")
    if IDENTIFIER_CHAIN.fullmatch(value) or CMDLET.fullmatch(value):
        return True
    if not key:
        return False
    if value.lower().strip("-_.") == key.lower().strip("-_."):
        return True
    if IDENTIFIER.fullmatch(value) and "_" in value:
        return word.lower() in value.lower() if word else is_wordy(value)
    return False


def is_prose(value: str, following: str) -> bool:
    """Return whether an unquoted one-word ``value`` starts a sentence (``password: must be``)."""
    return value.isalpha() and value.islower() and bool(re.match(r" [a-z]", following))


def is_kept_ip(value: str) -> bool:
    """
    Return whether the address ``value`` stays readable (or is no address at all).

    Loopback, unspecified, documentation, multicast and the cloud metadata address name no machine;
    neither do netmasks, network prefixes (``fe80::``) and the best-known public resolvers.
    """
    if ":" not in value:
        return is_kept_ipv4(value)
    bare = value.split("%")[0]
    try:
        address = ipaddress.ip_address(bare)
    except ValueError:
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_kept_ipv4(str(address.ipv4_mapped))
    if bare.endswith("::"):
        return True
    return any(
        address in network for network in KEPT_NETWORKS if network.version == address.version
    )


def is_kept_ipv4(value: str) -> bool:
    """Return whether dotted-quad ``value`` stays readable (see ``is_kept_ip``) or is no address."""
    octets = value.split(".")
    if len(octets) != 4:
        return True
    for octet in octets:
        if not octet.isdigit() or int(octet) > 255 or (len(octet) > 1 and octet[0] == "0"):
            return True
    first = int(octets[0])
    if first in (0, 127, 255) or 224 <= first <= 239 or value in PUBLIC_RESOLVERS:
        return True
    return value.startswith(KEPT_PREFIXES) or value == "169.254.169.254"


def is_ipv6(value: str) -> bool:
    """Return whether ``value`` is an IPv6 address with a digit (``cafe::babe`` reads as code)."""
    try:
        ipaddress.IPv6Address(value.split("%")[0])
    except ValueError:
        return False
    return any(c.isdigit() for c in value)


def is_basic_credentials(value: str) -> bool:
    """Return whether ``value`` is base64 of ``user:password`` (an HTTP Basic credential)."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("ascii")
    except (binascii.Error, ValueError):
        return False
    return ":" in decoded and decoded.isprintable()


def is_snowflake(value: str) -> bool:
    """Return whether ``value`` is base64 of a Discord id (the first part of a bot token)."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return False
    return 15 <= len(decoded) <= 20 and decoded.isdigit()


VERSION_RUN = rules.Lazy(r"[0-9]+(?:\.[0-9]+)+")
VERSION = rules.Lazy(r"(?<![\w.])v?[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,6}(?!\w|\.[0-9])")
PARTS = rules.Lazy(r"[A-Za-z0-9]+")
SEGMENTS = rules.Lazy(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
HEX_PART = rules.Lazy(r"[0-9a-f]+|[0-9A-F]+")
LONG_HEX = rules.Lazy(r"[0-9a-f]{16}|[0-9A-F]{16}")
# Letter pairs common in English words and names: most pairs of an identifier's words are among
# them, about half of a random run's are not.
COMMON_PAIRS = frozenset(
    [
        "th",
        "he",
        "in",
        "er",
        "an",
        "re",
        "on",
        "at",
        "en",
        "nd",
        "ti",
        "es",
        "or",
        "te",
        "of",
        "ed",
        "is",
        "it",
        "al",
        "ar",
        "st",
        "to",
        "nt",
        "ng",
        "se",
        "ha",
        "as",
        "ou",
        "io",
        "le",
        "ve",
        "co",
        "me",
        "de",
        "hi",
        "ri",
        "ro",
        "ic",
        "ne",
        "ea",
        "ra",
        "ce",
        "li",
        "ch",
        "ll",
        "be",
        "ma",
        "si",
        "om",
        "ur",
        "ca",
        "el",
        "ta",
        "la",
        "ns",
        "di",
        "fo",
        "ho",
        "pe",
        "ec",
        "pr",
        "no",
        "ct",
        "us",
        "ac",
        "ot",
        "il",
        "tr",
        "ly",
        "nc",
        "et",
        "ut",
        "ss",
        "so",
        "rs",
        "un",
        "lo",
        "wa",
        "ge",
        "ie",
        "wh",
        "ee",
        "wi",
        "em",
        "ad",
        "ol",
        "rt",
        "po",
        "we",
        "na",
        "ul",
        "ni",
        "ts",
        "mo",
        "ow",
        "pa",
        "im",
        "mi",
        "ai",
        "sh",
        "ir",
        "su",
        "id",
        "os",
        "iv",
        "ia",
        "am",
        "fi",
        "ci",
        "vi",
        "pl",
        "ig",
        "tu",
        "ev",
        "ld",
        "ry",
        "mp",
        "fe",
        "bl",
        "ab",
        "gh",
        "ty",
        "op",
        "wo",
        "sa",
        "ay",
        "ex",
        "ke",
        "fr",
        "oo",
        "av",
        "ag",
        "if",
        "ap",
        "gr",
        "od",
        "bo",
        "sp",
        "rd",
        "do",
        "uc",
        "bu",
        "ei",
        "ov",
        "by",
        "rm",
        "ep",
        "tt",
        "oc",
        "fa",
        "ef",
        "cu",
        "rn",
        "sc",
        "gi",
        "da",
        "yo",
        "cr",
        "cl",
        "du",
        "ga",
        "qu",
        "ue",
        "ff",
        "ba",
        "ey",
        "ls",
        "va",
        "um",
        "pp",
        "ua",
        "up",
        "lu",
        "go",
        "ht",
        "ru",
        "ug",
        "ds",
        "lt",
        "pi",
        "rc",
        "rr",
        "eg",
        "au",
        "ck",
        "ew",
        "mu",
        "br",
        "bi",
        "pt",
        "ak",
        "pu",
        "ui",
        "rg",
        "ib",
        "tl",
        "ny",
        "ki",
        "rk",
        "ys",
        "ob",
        "mm",
        "fu",
        "ph",
        "og",
        "ms",
        "ye",
        "ud",
        "mb",
        "ip",
        "ub",
        "oi",
        "rl",
        "gu",
        "dr",
        "hr",
        "cc",
        "tw",
        "ft",
        "wn",
        "nu",
        "af",
        "hu",
        "nn",
        "eo",
        "vo",
        "rv",
        "nf",
        "xp",
        "gn",
        "sm",
        "fl",
        "iz",
        "ok",
        "nl",
        "my",
        "gl",
        "aw",
        "ju",
        "oa",
        "eq",
        "sy",
        "sl",
        "ps",
        "jo",
        "lf",
        "nv",
        "je",
        "nk",
        "kn",
        "gs",
        "dy",
        "hy",
        "ze",
        "ks",
        "xt",
        "bs",
        "ik",
        "dd",
        "cy",
        "rp",
        "sk",
        "xi",
        "oe",
        "oy",
        "ws",
        "lv",
        "dl",
        "rf",
        "eu",
        "dg",
        "wr",
        "xa",
        "yi",
        "nm",
        "eb",
        "rb",
        "tm",
        "xc",
        "eh",
        "tc",
        "gy",
        "ja",
        "hn",
        "yp",
        "za",
        "ka",
        "nx",
        "gx",
        "bj",
        "sv",
        "pg",
        "js",
        "ql",
        "db",
        "qt",
        "vm",
        "cp",
        "wt",
        "ix",
        "ux",
        "ax",
        "dn",
        "sq",
        "fs",
        "kt",
        "ky",
        "tp",
        "lm",
        "ln",
        "np",
        "ko",
        "ku",
        "hm",
        "zi",
        "zo",
        "ya",
    ]
)


def segments(value: str) -> list[str]:
    """
    Return the segments of ``value``: words of its camelCase or snake_case names, digit runs.

    A version (``0.11.2``) and a whole hex part (``5f2c1d``) are one segment each (``"0"`` and
    ``"#"``): an identifier has few and long ones, a generated token many and short ones.
    """
    found = []
    for part in PARTS.compiled.findall(VERSION_RUN.compiled.sub("0", value)):
        if HEX_PART.fullmatch(part) and not part.isdigit() and not part.isalpha():
            found.append("#" * len(part))
        else:
            found += SEGMENTS.compiled.findall(part)
    return found


def is_wordy(value: str) -> bool:
    """
    Return whether ``value`` reads as words, names and versions (``jetbrains.mps.core``).

    Few, long segments; at most three digit runs; few one- or two-letter words; and every longer
    word has a vowel (a run of random letters often has none).
    """
    if HEX.fullmatch(value) or LONG_HEX.search(value):
        return False
    found = segments(value)
    size = sum(len(segment) for segment in found)
    if len(found) * 10 > size * 3 or not any(s.isalpha() and len(s) >= 3 for s in found):
        return False
    digits = sum(segment.isdigit() for segment in found)
    short = sum(segment.isalpha() and len(segment) <= 2 for segment in found)
    if digits > 3 or short > max(1, len(found) // 4):
        return False
    pairs = [
        word[index : index + 2]
        for segment in found
        if segment.isalpha() and not (segment.isupper() and len(segment) <= 5)
        for word in (segment.lower(),)
        for index in range(len(word) - 1)
    ]
    return sum(pair in COMMON_PAIRS for pair in pairs) >= 0.8 * len(pairs)


def is_named(value: str) -> bool:
    """Return whether ``value`` is a name, path or coordinate: wordy, or holding a version."""
    return VERSION.search(value) is not None or is_wordy(value)


def is_token_body(value: str) -> bool:
    """
    Return whether the body of a prefixed token reads as generated.

    Hex with a digit is (a hash-shaped secret after a provider's prefix); otherwise it must not
    read as words (``hf_AutoModelForCausalLM`` is an identifier), and without a digit it must be
    long as well.
    """
    has_digit = any(c.isdigit() for c in value)
    if has_digit and HEX_PART.fullmatch(value.replace("-", "")):
        return True
    if not has_digit and len(value) < 20:
        return False
    return not is_wordy(value)


def is_luhn(digits: str) -> bool:
    """Return whether the digit string passes the Luhn check (payment card numbers)."""
    total = 0
    for index, character in enumerate(reversed(digits)):
        digit = int(character)
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def is_iban(value: str) -> bool:
    """Return whether ``value`` (no blanks) passes the IBAN mod-97 check."""
    moved = value[4:] + value[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1
