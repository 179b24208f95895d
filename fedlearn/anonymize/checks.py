"""Value checks: whether a candidate the patterns found is really a secret or personal datum.

The patterns find shapes; these decide (their own patterns compile on first use), so that ``password=$DB_PASSWORD``, ``api_key: YOUR_KEY``,
``token: str`` or ``127.0.0.1`` stay as they are (the benign corpus in tests/data/ holds them).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import itertools
import math
import re
from collections import Counter

from fedlearn.anonymize import rules, words

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
CHAIN = rules.Lazy(r"\.|::|->")
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
# An ASCII dotted quad that can name a machine: octets up to 255 without leading zeros, the first
# not 0, 127, 224-239 (multicast) or 255: ``is_kept_ipv4``'s octet tests as one match.
OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
MACHINE_IPV4 = rules.Lazy(
    r"(?:[1-9][0-9]?|1[01][0-9]|12[0-689]|1[3-9][0-9]|2[01][0-9]|22[0-3]|24[0-9]|25[0-4])"
    rf"(?:\.{OCTET}){{3}}"
)
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
    path (``self.token``, ``std::env::var``; not when a name in it reads as generated), a name passed on before ``,`` ``)`` ``|`` ``]`` ``=``
    (``password=password,``; a literal with symbols is no name), a variable
    named after it (``new_password``), or a type (``password: str = None``).
    """
    stripped = following.lstrip(" \t")
    if following.startswith(("(", "[", ".")):
        return True
    value = value.rstrip(":,")
    if IDENTIFIER_CHAIN.fullmatch(value) and not any(
        map(is_generated_name, CHAIN.compiled.split(value))
    ):
        return True
    if CMDLET.fullmatch(value):
        return True
    if stripped.startswith(("=", ")", ",", "|", "]")) and IDENTIFIER.fullmatch(value.lstrip("&")):
        # a name passed on (``f(password=pw, …)``), not ``password=Zq8#v1:x,`` nor hex (C#
        # records and Kotlin data classes print ``MasterKey = 9f86d0…, Retries = 3``)
        return not (len(value) >= 16 and is_hexadecimal(value) and not value.isalpha())
    if not key:
        return False
    if value.lower().strip("-_.") == key.lower().strip("-_."):
        return True
    if IDENTIFIER.fullmatch(value) and "_" in value:
        return word.lower() in value.lower() if word else words.is_wordy(value)
    return False


def is_generated_name(part: str) -> bool:
    """
    Return whether one name of a dotted chain reads as generated (``Zq8vT1mN4p`` in
    ``password=Zq8vT1mN4p.x2`` is a password, not an attribute): 8 or more characters mixing
    upper and lower case and two digits or more, not words (``getV2Token`` is a name).
    """
    letters = part.replace("_", "")
    if len(letters) < 8 or character_classes(letters) < 3 or sum(map(str.isdigit, part)) < 2:
        return False
    return not words.is_wordy(part)


def is_prose(value: str, following: str) -> bool:
    """
    Return whether an unquoted one-word ``value`` starts a sentence (``password: must be``).

    A word of 10 or more letters must read as one (``required``): random letters before the next
    field (``SecretKey=dswlenfcykm status=401``) are a value.
    """
    if not (value.isalpha() and value.islower() and re.match(r" [a-z]", following)):
        return False
    return len(value) < 10 or words.is_wordy(value)


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
    if value.isascii():  # the common case, one match (other decimal digits are read below)
        if MACHINE_IPV4.fullmatch(value) is None:
            return True
        return (
            value in PUBLIC_RESOLVERS
            or value.startswith(KEPT_PREFIXES)
            or value == "169.254.169.254"
        )
    octets = value.split(".")
    if len(octets) != 4:
        return True
    for octet in octets:
        if not octet.isdecimal() or int(octet) > 255 or (len(octet) > 1 and octet[0] == "0"):
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


# The check letter of a Spanish DNI or NIE: the letter at the number modulo 23.
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
# Letters no UK National Insurance number starts with, has second, or starts with as a pair.
NINO_NOT_FIRST = frozenset("DFIQUV")
NINO_NOT_SECOND = frozenset("DFIOQUV")
NINO_NOT_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def is_ssn(digits: str) -> bool:
    """Return whether 9 digits can be a US Social Security number (area, group, serial rules)."""
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if len(digits) != 9 or area in ("000", "666") or area[0] == "9":
        return False
    return group != "00" and serial != "0000"


def is_cpf(digits: str) -> bool:
    """Return whether 11 digits are a Brazilian CPF: both check digits right, not one digit."""
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    values = [int(digit) for digit in digits]
    for size in (9, 10):
        total = sum(
            value * weight for value, weight in zip(values, range(size + 1, 1, -1), strict=False)
        )
        if values[size] != (0 if total % 11 < 2 else 11 - total % 11):
            return False
    return True


def is_bsn(digits: str) -> bool:
    """Return whether 9 digits pass the Dutch BSN 11-test (the last digit weighs -1)."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(
        int(digit) * weight
        for digit, weight in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)
    )
    return total % 11 == 0


def is_dni(value: str) -> bool:
    """Return whether ``value`` (upper case, no blanks) is a Spanish DNI or NIE with its letter."""
    if len(value) != 9 or not value[-1].isalpha():
        return False
    number = value[:-1]
    if number[0] in "XYZ":
        number = str("XYZ".index(number[0])) + number[1:]
    return number.isdigit() and DNI_LETTERS[int(number) % 23] == value[-1]


def is_nino(value: str) -> bool:
    """Return whether ``value`` (upper case, no blanks) is a UK National Insurance number."""
    if len(value) not in (8, 9) or not value[2:8].isdigit() or not value[:2].isalpha():
        return False
    if value[0] in NINO_NOT_FIRST or value[1] in NINO_NOT_SECOND or value[:2] in NINO_NOT_PREFIXES:
        return False
    return len(value) == 8 or value[8] in "ABCD"


BASE58 = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")


def is_base58(value: str) -> bool:
    """Return whether ``value`` is in base58 (Bitcoin's alphabet: no ``0``, ``O``, ``I``, ``l``)."""
    return not set(value) - BASE58


def is_minisign_public_key(value: str) -> bool:
    """Return whether base64 ``value`` is a minisign public key: ``Ed``, a key id, 32 bytes."""
    if len(value) != 56:
        return False
    try:
        blob = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(blob) == 42 and blob.startswith(b"Ed")


# A base64 blob from its first character; the words right before a Solana address.
BASE64_RUN = rules.Lazy(r"[A-Za-z0-9+/]+={0,2}")
ADDRESS_WORD = rules.Lazy(
    r"(?i)(?<![a-z])(?:address|addr|pubkey|public[ _-]?key|program[ _-]?id|wallet|mint)"
    r"[\s:=\"'`]{1,3}\Z"
)
CSS_NAME = rules.Lazy(r"[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z][A-Za-z0-9]*)+")
# Text that says its hex values are published test values (``FIPS-197 test vector``).
TEST_VECTOR = rules.Lazy(r"(?i)test[ _-]?vectors?|known[ _-]?answer|test[ _-]?case")


def is_public_address(text: str, start: int, value: str) -> bool:
    """
    Return whether a run is a public key or address, which names an account but opens nothing.

    An Ethereum address is ``0x`` and 40 hex digits (a private key has 64); a minisign public
    key is base64 of ``Ed``, a key id and 32 bytes (56 characters; a secret key file is longer);
    a Solana address is base58 of 32 bytes (32 to 44 characters) right after a word that says
    address (``program id``, ``pubkey``, ``wallet``…; a secret key is 64 bytes, 87 or 88).
    """
    if value.startswith("0x"):
        return len(value) == 42 and is_hexadecimal(value[2:])
    if value.startswith("RW"):
        blob = BASE64_RUN.match(text, start)
        return blob is not None and is_minisign_public_key(blob.group())
    if 32 <= len(value) <= 44 and ADDRESS_WORD.search(text, max(0, start - 24), start):
        return is_base58(value)
    return False


def is_test_vector(text: str, value: str) -> bool:
    """
    Return whether hex is a published test value: its bytes count up (``000102…``) or the text
    calls it a test vector or known answer (``FIPS-197 test vector``).
    """
    digits = value.replace("-", "")
    pairs = [int(digits[at : at + 2], 16) for at in range(0, len(digits) - 1, 2)]
    if len(pairs) >= 8 and all(b - a == 1 for a, b in itertools.pairwise(pairs)):
        return True
    return TEST_VECTOR.compiled.search(text) is not None


def is_css_module_class(value: str) -> bool:
    """
    Return whether a run is a CSS module's class name (``Button_primary__b9eS-``): a component
    and class name that read as words, ``__`` and the 5 characters of css-loader's hash.
    """
    head, separator, tail = value.rpartition("__")
    if not separator or len(tail) != 5 or not CSS_NAME.fullmatch(head):
        return False
    return words.is_wordy(head)
