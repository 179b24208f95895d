"""Secrets an exception or a rotation note quotes (DESIGN.md guarantee 1).

A Python traceback ends with the frame's source line and the exception: ``File "…", line 12``,
``TIMEOUT = int(os.environ["SMTP_PASSWORD"])``, ``ValueError: invalid literal for int() with base
10: '…'``. The value the message quotes is what the line read, so it is judged as it would be
after ``NAME=`` (``tables.judged``) under the last name of that line that names a secret (a
string literal or an identifier), and redacted under that name's rule.

A line that says a credential was rotated or regenerated (``rotat``, ``regenerat``, ``reissu``,
``new value``) and then gives the new value (``… new value is <v>``, ``… regenerated it: <v>``)
gives a secret when the value reads as generated: hex of 32 or more (``0x`` too, or after the
last ``:``: Asana's ``2/<id>/<id>:<hex>``), or 24 or more
base64 characters with upper and lower case and digits, varied like random text
(``secret-value``); from ``bench/scanners16i``, also 16 or more letters and digits of one case or
fewer than 24 that read as drawn (``key_names.reads_generated``: ``zg2yr3odbfzqjhk10gqr…``; with a
``.`` only beside a symbol no file or version holds, ``*~#%!``: ``S.U~bfhCacI*bO+5YY…``) and a
password a person chose (``key_shapes.is_chosen``); hashes, hosts, files, versions and labelled
values (``sha256:…``) stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import apart, checks, entropy, key_names, key_shapes, words
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# The quoted value of an exception's message (``b'…'`` too), on the exception's line.
QUOTED = r"[^\n]{0,300}?b?(?P<q>['\"])(?P<value>[^'\"\n]{8,400})(?P=q)"
ERROR = Lazy(r"Error: " + QUOTED)
EXCEPTION = Lazy(r"Exception: " + QUOTED)
# What starts the exception's line before ``Error: ``: its (dotted) class name.
RAISED = Lazy(r"[A-Za-z_][A-Za-z0-9_.]{0,120}\Z")
FRAME = Lazy(r"[ \t]*File \"[^\"\n]{1,500}\", line [0-9]+")
NAME = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")
# A rotation note and the new value after it (on the lower-case line).
HASH_WORDS = ("commit", "sha", "hash", "digest", "checksum", "revision", "etag", "fingerprint")
# Each at a word's start, a snake_case part's too (``commits``, ``image_digest``, ``new_sha``,
# ``sha256sum``, ``hashes``), not inside a word: ``ayrshare``, ``shared``, ``marshal``,
# ``metagame`` name no hash (``bench/draws29``). ``sha`` is a word of its own (digits, ``sum``).
HASH_WORD = Lazy(
    r"(?<![a-z])(?:sha(?:[0-9]{1,3})?(?:sum)?(?![a-z])|"
    + "|".join(word for word in HASH_WORDS if word != "sha")
    + ")"
)
ROTATION_WORDS = ("rotat", "regenerat", "reissu", "new value")
CREDENTIAL_WORDS = ("token", "key", "secret", "password", "credential")
# Symbols of a drawn password that no file or version name holds (``bK*Opux+h13.kP4r``).
DRAWN_SYMBOLS = frozenset("*~#%!")
# From ``bench/draws29``: hex groups joined by dashes other than a UUID's (Everhour's
# ``5976-80a0-add793-d2b266-ff888e4e``, Avaza's ``60343888-<hex40>``), judged as a UUID is where
# the note names the credential.
DASHED_HEX = Lazy(r"[0-9a-f]{4,64}(?:-[0-9a-f]{4,64}){1,7}")
ROTATED = Lazy(
    r"(?:rotat|regenerat|reissu|new value)[^\n]{0,60}?(?:\bis|:|=|\bto)[ \t]+[\"'`]?"
    r"(?P<value>[a-z0-9+/_=~*#%!-][a-z0-9+/_.=:~*#%!-]{11,400})"
)


def source_key(text: str, line: int) -> str | None:
    """
    Return the last name that names a secret on the source line above the exception's line at
    ``line``, when a traceback frame (``File "…", line N``) heads that source line; else None.
    """
    if line == 0:
        return None
    source = line_start(text, line - 1)
    if source == 0 or not text[source : source + 1].isspace():
        return None
    frame = line_start(text, source - 1)
    if FRAME.match(text, frame, source - 1) is None:
        return None
    found = None
    for name in NAME.compiled.finditer(text, source, line - 1):
        part = name.group().rsplit(".", 1)[-1]
        if key_names.classify_key(part) is not None:
            found = part
    return found


def raised(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value an exception quotes under its source line's secret name, or None."""
    line = line_start(text, match.start())
    name_end = match.start() + (5 if match.group().startswith("Error") else 9)
    if RAISED.match(text, line, name_end) is None:
        return None
    key = source_key(text, line)
    if key is None:
        return None
    return judged(key, match.group("value"), match.end("value"))


def rotated(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the new value a rotation note gives when it reads as generated, or None."""
    start, end = match.span("value")
    while end > start and text[end - 1] in ".:":
        end -= 1  # the sentence's end
    value = text[start:end]
    if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        return None
    # Base64 may start with ``/``, which reads as a path: judged without it (``apart.json_pair``).
    judged_as = "A" + value[1:] if value.startswith("/") and "/" not in value[1:12] else value
    if checks.is_reference(judged_as) or entropy.is_labelled(value):
        return None
    if entropy.is_host_or_file(value):
        return None
    if entropy.HASH_MARK.search(text, max(0, start - 16), start):
        return None
    line = text[text.rfind("\n", 0, start) + 1 : start].lower()
    if HASH_WORD.compiled.search(line):
        return None  # ``rotated to commit <sha>``, a new digest or checksum
    named = any(word in line for word in CREDENTIAL_WORDS)
    if named and is_hex_credential(value):
        return start, end, "secret-value"
    digits = value[2:] if value.startswith(("0x", "0X")) else value.rsplit(":", 1)[-1]
    if checks.is_hexadecimal(digits) and "-" not in digits:
        return (start, end, "secret-value") if len(digits) >= 32 else None
    body = value.replace("+", "").replace("/", "").replace("=", "")
    if len(body) >= 24 and ":" not in body and entropy.has_mixed_ascii(body):
        return (start, end, "secret-value") if apart.is_token(judged_as) else None
    # Shorter, one case, or with a symbol: drawn (``zg2yr3odbfzqjhk10gqr…``) or a chosen password.
    if ":" in value or "/" in value:
        return None
    if len(value) < 16 and not named:
        return None  # 12 to 15 characters only where the note names the credential
    if key_shapes.is_chosen(value, 12):
        return start, end, "secret-value"
    # From ``bench/fixtures24``: a note that names the credential (``rotated the X token``) gives
    # it when it is a UUID (many providers' keys) or 12 or more drawn characters.
    if named and (checks.UUID.fullmatch(value) or is_dashed_hex(value)):
        return start, end, "secret-value"
    if ("." in value and DRAWN_SYMBOLS.isdisjoint(value)) or words.is_named(value):
        return None  # a file or version (no password symbol), a name
    if checks.is_hexadecimal(value):
        return None  # a short hash
    minimum = 12 if named else 16
    return (start, end, "secret-value") if key_names.reads_generated(value, minimum) else None


def is_hex_credential(value: str) -> bool:
    """
    Return whether a rotation note that names the credential gives hex a provider issues as one:
    a pair of hex runs joined by ``:`` (Sidekiq's ``user:password``, ``b489bfbe:432b0845``) or 12
    to 31 hex digits, varied, not counted, with letters and digits (``key_shapes.is_generated_under``).
    """
    pair = value.split(":")
    if len(pair) > 2 or not all(map(checks.is_hexadecimal, pair)) or "-" in value:
        return False
    if len(pair) == 1 and not 12 <= len(value) < 32:
        return False
    if key_shapes.is_counted("".join(pair).lower(), 16):
        return False  # a counted placeholder (``12345678:abcdef12``)
    return key_shapes.is_generated_under("token", value)


def is_dashed_hex(value: str) -> bool:
    """
    Return whether ``value`` is hex digits in dash-joined groups (``DASHED_HEX``), 16 or more in
    three groups or more, 32 or more in two (Avaza's ``<id>-<hex40>``), varied, not counted, with
    letters and digits: a key a provider prints grouped.
    """
    if not DASHED_HEX.compiled.fullmatch(value):
        return False
    digits = value.replace("-", "")
    if len(digits) < (32 if value.count("-") == 1 else 16) or key_shapes.is_counted(digits, 16):
        return False
    return key_shapes.is_generated_under("token", digits)


def rules() -> list[Rule]:
    """Return the rule for a value an exception quotes under its source line's secret name."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(ERROR.pattern), judge=raised),
                Matcher(Lazy(EXCEPTION.pattern), judge=raised),
            ),
            trigger=Trigger(words=("Error: ", "Exception: "), needs='File "'),
            # The frame line, the source line, the exception's line.
            gate=(
                r"File \"[^\"\n]+\", line [0-9]+[^\n]*\n[^\n]*\n"
                r"[A-Za-z0-9_.]*(?:Error|Exception): "
            ),
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(ROTATED.pattern), judge=rotated),),
            trigger=Trigger(words=ROTATION_WORDS, lower=True),
            lower=True,
            gate=r"(?i)rotat|regenerat|reissu|new value",
        ),
    ]
