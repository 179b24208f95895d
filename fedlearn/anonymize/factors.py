"""Second factors and stored passwords (DESIGN.md guarantee 1): OTP seeds, recovery codes, hashes.

Found missing by the held-out audit bench/audit16g. Two kinds of rule:

- Keyed, whatever the syntax around the key: a key that names the secret (``mfa_secret``,
  ``otpSetupKey``, ``AWS_MFA_SEED``; ``gitlab_recovery_code``, ``duoBypassCode``,
  ``X-Bw-Recovery-Code``; ``NTLM_HASH``, ``nt-hash``), then what any syntax puts between a key and
  its value (blanks, quotes, ``=``, ``:``, ``=>``, ``<<``, brackets, a fish ``[1]``, XML tags and
  attributes, a line break: ``</key>`` ↵ ``<string>``), then a value of the shape the key names:
  - ``otp-seed``: an RFC 4226/6238 seed, 16 to 128 Base32 characters of one case, plain or in
    groups of four (``u6di nzv2 xnmt …``), with a digit or not reading as words;
  - ``recovery-code``: a recovery, backup, bypass, scratch or emergency code or key: one run of 8
    to 64 letters and digits with a digit that reads as generated (or 8 digits or more), or
    groups of one length (4 or more) joined by ``-`` or a blank (``dce51-a8fb1``, ``2251 7569``,
    a BitLocker key's eight groups of six digits, ``zkgv-ioyw-…``) that do not read as words;
  - ``password-hash``: an NTLM (or LM) hash, 32 hex digits, or ``LM:NT``.
  The key must end at its secret word (``mfa_secret_id``, ``recoveryCodeTtl`` stay).
- By shape, wherever they stand (``password-hash``): Werkzeug's ``pbkdf2:sha256:<n>$…$<hex>``
  and ``scrypt:<n>:<r>:<p>$…``, LDAP's ``{SSHA384}``, ``{SHA384}``, ``{MD5}`` with 20 or more
  base64 characters and ``{PBKDF2-SHA256}<n>$…$…``, PostgreSQL's ``md5`` + 32 hex digits (a
  role's stored password) and ``SCRAM-SHA-256$…``, and the hashes of a pwdump/secretsdump line
  (``user:rid:<LM>:<NT>:::``). crypt(3) ``$…$``, Django ``pbkdf2_sha256$…`` and LDAP ``{SSHA}``,
  ``{SHA256}``… are ``credentials``' rule.
- Named XML elements: the text of an element whose ``Name``/``key``/``id`` attribute names a
  secret (Windows events ``<Data Name="K">V</Data>``, SAML ``<Attribute Name="K">`` ``<…Value>V``,
  ``<entry key="K">V</entry>``, ``<property name="K">V</property>``), judged as a JSON field
  under that key (``key_names.field_secret``), under the rule the key names.
- A JSON string value a terminal wrapped: ``"key":"first part`` at a line's end and ``rest"``
  at the next line's start (a raw line break, which JSON never holds), judged whole under its
  key, or as a crypt(3) hash or BIP32 extended private key by its shape; both parts redacted.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names, references, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

# A key that names the secret, in the lower-case copy of the text (camelCase keys run together).
OTP_KEY = Lazy(
    r"(?:otp|mfa|2fa|authenticator|two[_.-]?factor)(?:[a-z0-9]|[_.-](?=[a-z0-9])){0,24}?"
    r"(?:seed|secret|key)(?![\w.-]*\w)"
)
CODE_KEY = Lazy(r"(?:recovery|backup|bypass|scratch|emergency)[_. -]?(?:codes?|keys?)(?![\w.-]*\w)")
HASH_KEY = Lazy(r"(?:ntlm|nt|lm|lanman)[_. -]?hash(?:es)?(?![\w.-]*\w)")
# What any syntax puts between a key and its value: blanks, quotes, ``=``, ``:``, brackets, an
# ``=>`` or ``<<``, a fish ``[1]``, an XML tag or attribute, one line break, ``value`` in a query.
BETWEEN = Lazy(
    r"(?:\[\d{1,3}\]|[ \t\"'`=:>|,{(\[*]|\\\"|<<|</?[A-Za-z][\w:.-]*(?:[ \t][^<>\n]*)?>"
    r"|(?<=[ \t])[a-z][\w:.-]*=\"[^\"\n]*\"|\r?\n[ \t]*|\\n|(?<=[\"'{:])value[a-z]{0,12}(?=[\"':]))*"
)
MAX_BETWEEN = 160
BASE32 = Lazy(r"(?:[a-z2-7]{4}(?: [a-z2-7]{4}){3,31}|[a-z2-7]{16,128}=*)(?![\w+/=-])")
CODE = Lazy(r"[a-z0-9]{3,16}([- ])[a-z0-9]{3,16}(?:\1[a-z0-9]{3,16}){0,15}(?![\w+/=-])")
ONE_CODE = Lazy(r"[a-z0-9]{8,64}(?![\w+/=-])")
NT_HASH = Lazy(r"[0-9a-f]{32}(?::[0-9a-f]{32})?(?![\w+/=-])")
DIGIT = Lazy(r"[0-9]")


def value_after(text: str, lower: str, end: int) -> int:
    """Return where a value starts after a key ending at ``end`` (past ``BETWEEN``), or -1."""
    between = BETWEEN.match(lower, end, end + MAX_BETWEEN)
    start = between.end() if between is not None else end
    if start == end or start >= len(text) or text.count("\n", end, start) > 1:
        return -1
    return start


def key_start_ok(text: str, start: int) -> bool:
    """Return whether a key word starts where a key may (``nt`` not inside ``content``)."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    return text[start].isupper() and not text[start - 1].isupper()  # ``userNtlmHash``


def otp_seed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a Base32 seed after an OTP key, or None."""
    lower = match.string
    start = value_after(text, lower, match.end())
    value = BASE32.match(lower, start) if start >= 0 else None
    if value is None:
        return None
    original = text[value.start() : value.end()].rstrip("=")
    if original != original.lower() and original != original.upper():
        return None  # one case, as Base32 is written
    letters = original.replace(" ", "")
    if DIGIT.search(letters) is None and (words.is_wordy(letters) or checks.entropy(letters) < 3):
        return None  # letters alone must read as drawn (``PASSWORDPASSWORD`` stays)
    return value.start(), value.end(), "otp-seed"


def recovery_code(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a recovery, backup or bypass code after its key, or None."""
    lower = match.string
    start = value_after(text, lower, match.end())
    if start < 0:
        return None
    for pattern in (CODE, ONE_CODE):  # groups, else the first run alone (``812866500 retries``)
        value = pattern.match(lower, start)
        if value is not None and is_code(
            value.group(), value.group(1) if value.re.groups else None
        ):
            if references.is_reference(text[value.start() : value.end()]):
                return None
            return value.start(), value.end(), "recovery-code"
    return None


def is_code(code: str, separator: str | None) -> bool:
    """Return whether a run (``separator``: its groups' joint) reads as a generated code."""
    if separator is None:
        if len(code) < 8 or DIGIT.search(code) is None:
            return False
        return code.isdigit() or words.is_token_body(code)
    groups = code.split(separator)
    if len({len(group) for group in groups}) != 1 or len(groups[0]) < 4:
        return False  # a date, a UUID, a name: codes are groups of one length
    return DIGIT.search(code) is not None or (
        len(groups) >= 4 and not words.is_wordy("".join(groups))
    )


def nt_hash(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of an NTLM hash after its key, or None."""
    lower = match.string
    if not key_start_ok(text, match.start()):
        return None
    start = value_after(text, lower, match.end())
    value = NT_HASH.match(lower, start) if start >= 0 else None
    if value is None:
        return None
    return value.start(), value.end(), "password-hash"


# fmt: off
HASH_SHAPES = (
    r"pbkdf2:sha(?:1|256|512)(?::[0-9]{3,8})?\$[A-Za-z0-9./+]{4,64}\$[0-9a-f]{32,}",
    r"scrypt:[0-9]{2,8}:[0-9]{1,3}:[0-9]{1,3}\$[A-Za-z0-9./+]{4,64}\$[0-9a-f]{32,}",
    r"\{(?:SSHA384|SHA384|MD5)\}[A-Za-z0-9+/]{20,}={0,2}",
    r"\{PBKDF2[-_]SHA(?:1|256|512)?\}[0-9]{3,8}\$[A-Za-z0-9./+]{4,}\$[A-Za-z0-9./+]{20,}={0,2}",
    r"SCRAM-SHA-(?:1|256|512)\$[0-9]{3,8}:[A-Za-z0-9+/]{12,}={0,2}\$[A-Za-z0-9+/]{20,}={0,2}:[A-Za-z0-9+/]{20,}={0,2}",
)
# fmt: on
POSTGRES_MD5 = Lazy(r"md5[0-9a-f]{32}(?![\w+/=-])")
PWDUMP = Lazy(r":(?P<value>[0-9a-fA-F]{32}:[0-9a-fA-F]{32}):::")
WORD_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/")


def starts_alone(match: re.Match[str], text: str) -> bool:
    """Return whether a match does not continue a word or a base64 run before it."""
    return match.start() == 0 or text[match.start() - 1] not in WORD_BEFORE


# ``<Data Name="K">V<``, ``<Attribute Name="K" …><AttributeValue …>V<`` (one inner tag between).
NAMED_ELEMENT = Lazy(
    r"(?:name|key|id)=\"(?P<key>[A-Za-z0-9_.:-]{1,80})\"[^<>\n]{0,200}?>(?:<[A-Za-z][^<>/\n]{0,200}>)?"
    r"(?P<value>[^<>\n]{1,512})<"
)
NAMED_WORDS = ('name="', 'key="', 'id="')


def named_element(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a named XML element's text when its name names a secret, or None."""
    start = match.start()
    if start == 0 or text[start - 1] not in " \t":
        return None  # an attribute of its own (``Name=``), not the end of ``FriendlyName=``
    key = text[match.start("key") : match.end("key")]
    value = text[match.start("value") : match.end("value")]
    name = key_names.field_secret(key, value.strip())
    if name is None:
        return None
    return match.start("value"), match.end("value"), name


WRAPPED = Lazy(
    r"\"(?P<key>[A-Za-z0-9_.-]{1,80})\"[ \t]*:[ \t]*\"(?P<a>[^\"\\\r\n]{1,400})\r?\n"
    r"(?P<b>[^\"\\\n \t]{1,400})\""
)
EXTENDED_PRIVATE = Lazy(r"[xtyzuv]prv[1-9A-HJ-NP-Za-km-z]{100,}")


def wrapped_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a wrapped JSON value (both parts) when it is a secret, or None."""
    value = match.group("a") + match.group("b")
    name = key_names.field_secret(match.group("key"), value)
    if name is None and checks.CRYPT_HASH.match(value):
        name = "password-hash"
    if name is None and EXTENDED_PRIVATE.fullmatch(value):
        name = "wallet-key"
    return None if name is None else (match.start("a"), match.end("b"), name)


def rules() -> list[Rule]:
    """Return the keyed rules (OTP seeds, recovery codes, NTLM hashes) and the hash shapes."""
    return [
        secret(
            "otp-seed",
            Matcher(Lazy(OTP_KEY.pattern), judge=otp_seed),
            trigger=Trigger(words=("otp", "mfa", "2fa", "authenticator", "factor"), lower=True),
            gate=r"(?i)otp|mfa|2fa|authenticator|two[_.-]?factor",
            lower=True,
        ),
        secret(
            "recovery-code",
            Matcher(Lazy(CODE_KEY.pattern), judge=recovery_code),
            trigger=Trigger(
                words=("recovery", "backup", "bypass", "scratch", "emergency"), lower=True
            ),
            gate=r"(?i)recovery|backup|bypass|scratch|emergency",
            lower=True,
        ),
        secret(
            "password-hash",
            Matcher(Lazy(HASH_KEY.pattern), judge=nt_hash),
            trigger=Trigger(words=("hash",), lower=True),
            gate=r"(?i)hash",
            lower=True,
        ),
        secret(
            "password-hash",
            *(Matcher(Lazy(shape), check=starts_alone) for shape in HASH_SHAPES),
            Matcher(Lazy(POSTGRES_MD5.pattern), check=starts_alone),
            Matcher(Lazy(PWDUMP.pattern)),
            trigger=Trigger(words=("pbkdf2", "scrypt:", "SHA", "MD5}", "SCRAM-SHA-", ":::", "md5")),
            gate=r"pbkdf2|scrypt:|SHA|MD5\}|SCRAM-SHA-|:::|md5",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(NAMED_ELEMENT.pattern), judge=named_element),),
            trigger=Trigger(words=NAMED_WORDS, lower=True),
            gate=r"(?i)(?:name|key|id)=\"",
            lower=True,
        ),
        Rule(
            (*key_names.NAMES, "password-hash", "wallet-key"),
            (Matcher(Lazy(WRAPPED.pattern), judge=wrapped_value),),
            trigger=Trigger(words=("\n",), needs=":"),
            gate=r"\"[ \t]*:[ \t]*\"[^\"\\\n]+\r?\n[^\"\\\n \t]+\"",
        ),
    ]
