"""Value checks: whether a candidate the patterns found is really a secret.

The patterns find shapes; these decide (their own patterns compile on first use), so that
``password=$DB_PASSWORD``, ``api_key: YOUR_KEY`` or ``token: str`` stay as they are (the benign
corpus in tests/data/ holds them): references and placeholders, code, prose, what looks random,
base64 credentials. The check digits of numbers are in ``check_digits``; the IP and MAC addresses
that stay readable in ``addresses``; public keys and addresses, test vectors, CSS class names and
mangled symbols that read generated in ``public_runs``.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import re
from collections import Counter

from fedlearn.anonymize import code_values, counted, rules, value_spans, words

# Values that refer to a secret instead of being one: variables, templates, placeholders, masks.
REFERENCE = rules.Lazy(
    r"""
    [${<\[]                                    # $VAR ${VAR} $(cmd) {{ t }} <your-key> [..]
    | %\(\w+\)[sdr] | %[A-Za-z_]\w*% | %[sdr]\Z  # %(x)s %ENV% %s
    | ![A-Za-z_]+\Z                           # YAML tags: !vault, !secret
    | (?:\.{0,2}|~)/                          # a file that holds it: /run/secrets/x, ~/.token
    | file:|env:|vault:|op://|sops:|keyring:
    | hmac-sha(?:1|224|256|384|512):[0-9a-f]{32,}\Z  # an audit log's HMAC of it (Vault's)
    | (?:none|null|nil|undefined|true|false|yes|no|on|off|str|string|int|integer|bytes|bool
         |boolean|any|object|optional|secretstr|secretbytes|required|hidden|masked|secret
         |credentials?|creds|options?|flags?|arguments?|parameters?
         |password|passwd|pass|token|apikey|api_key|key|value|todo|tbd|n/?a|empty|default|test
         |dummy|fake|sample|foo|bar|foobar|x+)\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words that make a value a placeholder wherever they are in its first line (``REFERENCE``'s
# matches too; a mask: ``***``, ``####``): searched, where ``.*(?:…)`` after the others backtracked over the value trying
# each word at every position (~10 µs a value).
PLACEHOLDER_WORDS = rules.Lazy(
    r"""
    your|xxx|\*\*\*|\#\#\#\#|\.\.\.|\u2026|\u2022\u2022|example|placeholder|redacted|changeme
    |replace[-_ ]?me|insert[-_ ]|paste[-_ ]|-here\b|_here\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The same, case-sensitive, for an ASCII value lowered: ``re.IGNORECASE`` tries each word's
# letters both ways at every position (~1 µs a character), the lowered value once. On ASCII text
# the two agree (their words are lower case: tests/anonymize/test_checks.py).
REFERENCE_LOWER = rules.Lazy(REFERENCE.pattern, re.VERBOSE)
PLACEHOLDER_WORDS_LOWER = rules.Lazy(PLACEHOLDER_WORDS.pattern, re.VERBOSE)
CRYPT_HASH = rules.Lazy(r"\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2[\w-]*)\$")
IDENTIFIER_CHAIN = rules.Lazy(r"[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)+")
IDENTIFIER = rules.Lazy(r"[A-Za-z_]\w*")
CHAIN = rules.Lazy(r"\.|::|->")
CMDLET = rules.Lazy(r"(?:Get|Set|New|Read|ConvertTo|ConvertFrom|Import|Invoke)-[A-Z][A-Za-z]+")
SAME_CHARACTER = rules.Lazy(r"(.)\1*")
HEX = rules.Lazy(r"[0-9a-fA-F-]+")
# A UUID in either case (8-4-4-4-12 hex digits); ``session_ids`` wants one case throughout.
UUID = rules.Lazy(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def entropy(value: str) -> float:
    """Return the Shannon entropy of ``value`` in bits per character (0 for "")."""
    if not value:
        return 0.0
    if len(value) <= MEMO_SIZE:
        return memo_entropy(value)
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in Counter(value).values())


# Values up to this long have their entropy kept: the passes and views of one text judge the
# same values again (agent16j: 3,501 computations of 1,680 values).
MEMO_SIZE = 256


@functools.lru_cache(maxsize=4096)
def memo_entropy(value: str) -> float:
    """Return ``entropy`` of a short value, computed once."""
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in Counter(value).values())


# File name extensions that are no top-level domain: ``icon@2x.png`` names a file, not a mailbox.
FILE_EXTENSION = rules.Lazy(
    r"png|jpe?g|gif|webp|svg|ico|bmp|tiff?|avif|heic|psd|s?css|[mc]?js|jsx|tsx?|map|json|ya?ml"
    r"|toml|ini|txt|html?|xml|lock|woff2?|ttf|otf|eot|mp[34]|wav|ogg|webm|mkv|avi|flac|t?gz|bz2|xz"
    r"|zst|tar|rar|exe|dll|dylib|jar|whl|deb|rpm|dmg|iso|img|bin|dat|log|[ct]sv|sql(?:ite)?|db"
    r"|[ch]pp|java|kt|swift|vue|svelte",
    re.IGNORECASE,
)


def is_fill(token: str) -> bool:
    """
    Return whether a token is a placeholder's fill rather than drawn: one character, either case,
    fills it (12 or more of it, twice as many as all its other letters and digits:
    ``glpat-XXXXXXXXXXX-XXXXXXXX``, ``s.xxxx…``, ``sntryu_aaaa…``, ``glc_1111…=``), or it counts
    the alphabet (10 or more letters of one case in a row, each the one after the last:
    ``…abcdefghij…``), as
    documentation and test fixtures write one. Digits that count stay drawn: ids and test tokens
    count (``xoxb-1234567890-…``).
    """
    characters = NOT_ASCII_ALNUM.compiled.sub("", token)
    size = len(characters)
    if size >= 16:
        # 12 or more of one, twice the others (``3 * most >= 2 * size``): such a character is
        # among the first third and one, and the last (else it fits in the rest: too short).
        lowered = characters.lower()
        most, third = max(12, -(-2 * size // 3)), size // 3 + 1
        if any(
            lowered.count(c) >= most for c in set(lowered[:third]).intersection(lowered[-third:])
        ):
            return True
    # Each letter the one after the last: a run of 10 is a piece of the alphabet (a digit is
    # followed by no letter, ``Z`` and ``z`` by none).
    return any(piece in characters for piece in ALPHABET_PIECES)


NOT_ASCII_ALNUM = rules.Lazy(r"[^A-Za-z0-9]+")
ALPHABET_PIECES = tuple(
    letters[start : start + 10]
    for letters in ("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for start in range(17)
)


def is_literal(value: str) -> bool:
    """Return whether a password is written out: 4 or more characters that refer to none
    (``is_reference``: no variable, template or placeholder)."""
    return len(value) >= 4 and not is_reference(value)


def is_reference(value: str) -> bool:
    """Return whether ``value`` refers to a secret (variable, template, placeholder) or masks it."""
    if CRYPT_HASH.match(value):
        return False
    if SAME_CHARACTER.fullmatch(value):
        return True
    if value[:1] in OPENERS and is_drawn_opened(value):
        return False  # ``[yKX%w;MPef…iG4``, ``<,(Jqhz2jy}[n*t…``: a draw that starts with a bracket
    if counted.is_counted(value):
        return True  # typed by counting: ``1234567890abcdef…``, ``sk_abcdefghij…`` (``counted``)
    reference, words = REFERENCE, PLACEHOLDER_WORDS
    if value.isascii():
        value, reference, words = value.lower(), REFERENCE_LOWER, PLACEHOLDER_WORDS_LOWER
    if reference.match(value):
        return True
    line = value.find("\n")  # ``.`` stops at a line break: the words count in the first line
    return words.search(value, 0, line if line >= 0 else len(value)) is not None


# What a reference or template opens with (``REFERENCE``): a drawn value may start with it too.
OPENERS = frozenset("[{<$")
CLOSERS = {"[": "]", "{": "}", "<": ">"}
# Symbols no template, placeholder, list or format field holds, and a printable draw does.
DRAWN_SYMBOLS = frozenset("!#&*;?@^|~")


def is_drawn_opened(value: str) -> bool:
    """
    Return whether ``value``, which starts as a reference or template does (``[``, ``{``, ``<``,
    ``$``), is a printable draw instead: no blank, 12 or more characters that look generated
    (``looks_random``) with letters and digits, and either its opening bracket never closes
    (``[yKX%w;…iG4``, ``<,(Jqhz2jy}[n*t{*c;2VA+=``; a template, list or placeholder closes:
    ``{{ secret }}``, ``<your-key>``, ``[REDACTED]``, ``{base64(user:password)}``), or it holds
    three kinds of symbol no template holds (``{3JgJm@(,:ZmV;e…|O0b?…#Eu…}``); a
    ``$`` opens a reference only before a name, ``{``, ``(``, a digit or a special parameter
    (``$,qv@8^c9…`` is none).
    """
    if len(value) < 12 or any(c.isspace() for c in value) or not looks_random(value, minimum=12):
        return False
    if not value_spans.has_letters_and_digits(value):
        return False
    if value[0] == "$":
        return not (value[1].isalnum() or value[1] in "_{(@#?*!$-")
    return CLOSERS[value[0]] not in value or len(DRAWN_SYMBOLS.intersection(value)) >= 3


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


def is_code(value: str, key: str, word: str, following: str, paired: bool = False) -> bool:
    """
    Return whether an unquoted ``value`` after ``key`` (ending in the secret ``word``) is code.

    ``following`` is the text right after the value: a call (``get_password()``), an attribute or
    path (``self.token``, ``std::env::var``; not when a name in it reads as generated), a name passed on before ``,`` ``)`` ``|`` ``]`` ``=``
    (``password=password,``; a literal with symbols is no name), a variable
    named after it (``new_password``), or a type (``password: str = None``). ``paired``: the key
    follows another ``key=value`` and a blank (a log's pairs in brackets, ``(endpoint=… key=V)``),
    where a ``)`` closes the pairs, not a call's keyword arguments (those follow ``(`` or ``,``).
    """
    stripped = following.lstrip(" \t")
    if following.startswith(("(", ".")) or (
        following.startswith("[") and not is_wire_break(following)
    ):
        return True
    value = value.rstrip(":,")
    if IDENTIFIER_CHAIN.fullmatch(value) and not is_drawn_chain(value):
        return True
    if CMDLET.fullmatch(value) or code_values.is_call(value):
        return True  # a cmdlet, a call cut at its first blank (``enforce_bytes(auth[1],``)
    passed_on = stripped.startswith(("=", ",", "|", "]")) or (
        stripped.startswith(")") and not paired
    )
    if passed_on and IDENTIFIER.fullmatch(value.lstrip("&")):
        # a name passed on (``f(password=pw, …)``), not ``password=Zq8#v1:x,`` nor hex (C#
        # records and Kotlin data classes print ``MasterKey = 9f86d0…, Retries = 3``) nor a drawn
        # name (Make's ``$(eval X_TOKEN := Y2qJTT8j…)``)
        hexadecimal = len(value) >= 16 and is_hexadecimal(value) and not value.isalpha()
        return not (hexadecimal or is_generated_name(value))
    if not key:
        return False
    if value.lower().strip("-_.") == key.lower().strip("-_."):
        return True
    if IDENTIFIER.fullmatch(value) and "_" in value and not has_drawn_part(value):
        return word.lower() in value.lower() if word else words.is_wordy(value)
    return False


def is_wire_break(following: str) -> bool:
    """
    Return whether ``following`` opens a wire log's line break, ``[\\r][\\n]`` (Apache HttpClient's
    ``http-outgoing-0 >> "X-Api-Key: …[\\r][\\n]"``, escapes decoded or not): the value's line
    ends there, no subscript follows it.
    """
    return following.startswith(("[\\r", "[\\n", "[\r]", "[\n]"))


def has_drawn_part(value: str) -> bool:
    """
    Return whether a snake_case word holds a drawn part, so it names nothing: 16 or more hex
    digits mixing letters and digits (``sk_pr_mykey2_509b8c07454aca24…``) or a generated name.
    """
    for part in value.split("_"):
        if len(part) >= 16 and is_hexadecimal(part) and not part.isdigit() and not part.isalpha():
            return True
        if is_generated_name(part):
            return True
    return False


def is_drawn_chain(value: str) -> bool:
    """
    Return whether a dotted chain of names reads as drawn, not as code: a name in it reads as
    generated (``is_generated_name``), or it is 16 or more characters, a name of 10 or more mixes
    upper and lower case, a third or more of its letters are capitals and a third or more not (as
    drawn, not camel humps), and no name in it reads as words (``Zn_.StoDro5HeiryTNyz``: a password
    drawn with ``._``; ``settings.SMTP_PASS``, ``cfg.db.mysqlRootPwd`` are names).
    """
    parts = CHAIN.compiled.split(value)
    if any(map(is_generated_name, parts)):
        return True
    two = len(parts) == 2 and "_" not in value and not (parts[1].islower() and len(parts[1]) <= 5)
    if two and words.is_random_case("".join(parts)):
        return True  # a drawn password with a dot: ``hYIcy.iEZGKqW``, not ``Gtk.main`` (forms41)
    if len(value) < 16 or not any(
        len(part) >= 10 and not part.islower() and not part.isupper() for part in parts
    ):
        return False
    letters = [c for c in value if c.isalpha()]
    upper = sum(map(str.isupper, letters))
    if not 0.3 <= upper / len(letters) <= 0.7:
        return False  # camel humps: a capital per word (``cfg.db.mysqlRootPwd``)
    return not any(words.is_wordy(part) for part in parts)


def is_generated_name(part: str) -> bool:
    """
    Return whether one name of a dotted chain reads as generated (``Zq8vT1mN4p`` in
    ``password=Zq8vT1mN4p.x2`` is a password, not an attribute): 8 or more characters mixing
    upper and lower case and two digits or more, not words (``getV2Token`` is a name).
    """
    letters = part.replace("_", "")
    if words.is_random_case(part) or words.is_drawn_lower_name(part):
        return True
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


def unpadded_base64(value: str, altchars: bytes | None = None) -> bytes | None:
    """Return the bytes of base64 written with or without its ``=`` padding, or None."""
    try:
        return base64.b64decode(value + "=" * (-len(value) % 4), altchars=altchars, validate=True)
    except (binascii.Error, ValueError):
        return None


def is_basic_credentials(value: str) -> bool:
    """Return whether ``value`` is base64 of ``user:password`` (an HTTP Basic credential)."""
    decoded = unpadded_base64(value)
    if decoded is None or not decoded.isascii():
        return False
    text = decoded.decode("ascii")
    return ":" in text and text.isprintable()


def is_snowflake(value: str) -> bool:
    """Return whether ``value`` is base64 of a Discord id (the first part of a bot token)."""
    decoded = unpadded_base64(value, b"-_")
    return decoded is not None and 15 <= len(decoded) <= 20 and decoded.isdigit()


BASE58 = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")


def is_base58(value: str) -> bool:
    """Return whether ``value`` is in base58 (Bitcoin's alphabet: no ``0``, ``O``, ``I``, ``l``)."""
    return not set(value) - BASE58


# A grep frame before a command at a line's start: ``config/app.conf:12:curl …`` (``-n``) or
# ``deploy.sh:curl …``; its path has no blank or colon.
GREP_FRAME = rules.Lazy(r"(?:^|\n)[^\s:]{1,200}(?::[0-9]{1,9})?:\Z")


def is_framed(text: str, start: int) -> bool:
    """Return whether the command at ``start`` follows a grep frame (``file:12:``) at its line's
    start."""
    return (
        text[start - 1] == ":" and GREP_FRAME.search(text, max(0, start - 212), start) is not None
    )


def one_bytes(text: str, table: bytes) -> bytes:
    """Return the UTF-8 of ``text`` (lone surrogates too) mapped through a 256-byte ``table``."""
    return text.encode("utf-8", "surrogatepass").translate(table)
