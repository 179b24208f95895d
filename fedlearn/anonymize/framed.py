"""Secrets inside a frame the key rules stop at (DESIGN.md guarantee 1).

- ``password``: a database account's password in SQL: ``CREATE|ALTER USER … IDENTIFIED [WITH
  plugin] BY 'V'`` (Oracle's unquoted ``IDENTIFIED BY V`` too), ``GRANT … IDENTIFIED BY 'V'``,
  ``CREATE ROLE|USER|LOGIN … [WITH] [ENCRYPTED] PASSWORD [=] 'V'`` and ``SET PASSWORD [FOR u] =
  [PASSWORD(]'V'``; not a ``$reference``, bind variable (``:pw``, ``?``) or ``VALUES`` hash list;
- a key's own rule: the text of an XML element named after a secret in a CDATA section
  (``<password><![CDATA[V]]></password>``), a value in square brackets after a secret's name
  (``password=[V]``, logged as Java and Go log libraries bracket them), and a JVM system property
  ``-Dpwd=V`` (``-D`` is no part of the key), each judged as ``KEY=V``;
- ``secret-value``: prose that says what a secret is: a secret's name, up to four words (``the
  db password for staging``), then ``is``/``was``/``to``, then the value, bare or
  in quotes or backticks (``Set `password` to `V```); the value must read as generated or as a
  password a person chose (letters, digits and a symbol; after a password's name or ``secret``
  from 8 characters, a token's or key's from 12), no name, host, path, URL or address
  (an ``@`` elsewhere is a password's); also the
  value an error names as refused (``rejected secret key V``, ``invalid api key: V``); what a sentence uses as, introduces by or names
  as a secret is ``prose_values``'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import (
    assignments,
    checks,
    entropy,
    key_names,
    key_shapes,
    per_text,
    public_ids,
    references,
    sql,
    weak_values,
    words,
)
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.value_spans import TOLD_END

CDATA = r"<!\[CDATA\[(?P<value>[^\]\n]{1,300})\]\]>"
# The element a CDATA section opens in: its tag right before it.
OPEN_TAG = Lazy(r"<(?P<key>[A-Za-z_][\w.:-]{0,80})(?:[ \t][^<>\n]{0,200})?>\Z")
BRACKETED = (
    r"=[ \t]?\[(?P<value>[^\[\]\s,\"']{1,300})\]",
    r":[ \t]?\[(?P<value>[^\[\]\s,\"']{1,300})\]",
)
JVM = r"-D(?P<key>[A-Za-z_][\w.-]{0,80})=(?:(?P<q>[\"'])(?P<quoted>[^\"'\n]{1,300})(?P=q)|(?P<value>[^\s\"'`;|&]{1,300}))"
TOLD = (
    r"(?P<name>passw(?:or)?d|passphrase|pwd|pass|pw|secret|token|credentials?"
    r"|(?:api|access|private)[ _-]?key)"
    r"`?(?P<gap>(?:[ \t]{1,4}(?:[a-z0-9_.()-]{1,24}|'[^'\s]{1,100}')){0,4}?)"
    r"(?:[ \t]{1,4}(?:is|was|to|->|=>)|(?P<colon>:))[ \t]{1,4}"
    r"(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>]{6,200}?)(?P=q)" + TOLD_END
)
TOLD_PATTERN = Lazy(TOLD)
# A clause between a secret's name and a colon says whose or which it is (``the token you asked
# for: V``, ``Slack token (prod): V``), unless it says what else the value is (``the token's id``).
NOT_CLAUSE_WORDS = """
    id ids fingerprint hash digest checksum name file path size length type prefix format url
    endpoint count usage limit scope scopes expiry ttl policy header
"""
NOT_CLAUSES = frozenset(NOT_CLAUSE_WORDS.split())
# An error that names the secret it refused, the value right after (``rejected secret key V``).
REFUSED = (
    r"(?P<verb>rejected|invalid|unknown|expired|revoked|incorrect|wrong|bad)"
    r"(?P<gap>(?:[ \t]{1,4}[a-z0-9_-]{1,24}){0,2}?)[ \t]{1,4}"
    r"(?P<name>(?:secret|api|access)[ _-]?key|token|password|secret|credentials?)"
    r"[ \t]{0,4}:?[ \t]{1,4}(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>]{8,200}?)(?P=q)" + TOLD_END
)
REFUSED_PATTERN = Lazy(REFUSED)
# From ``bench/telemetry27``: an error that names the secret, then the value, then says it is
# refused (``token V is not valid for this resource``, ``API key V has expired``); from
# ``bench/contexts28``, or exposed (``the old password V was pushed``, ``token V was leaked``).
REFUSED_AFTER = (
    r"(?P<name>(?:secret|api|access)[ _-]?key|key|token|password|secret|credentials?)"
    r"[ \t]{1,4}(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>]{8,200}?)(?P=q)[ \t]{1,4}"
    r"(?:(?:is|was|has[ \t]{1,4}been|has)[ \t]{1,4}(?:not[ \t]{1,4}(?:valid|recogni[sz]ed|authori[sz]ed)"
    r"|invalid|expired|revoked|rejected|incorrect|wrong|disabled|unknown"
    r"|leaked|exposed|compromised|committed|pushed|published)"
    r"|(?:did|does|do)(?:n't|[ \t]{1,4}not)[ \t]{1,4}work)\b"
)
REFUSED_AFTER_PATTERN = Lazy(REFUSED_AFTER)
REFUSED_AFTER_STARTS = ("key", "token", "pass", "secret", "cred", "api", "access")
REFUSED_VERBS = (
    "rejected",
    "invalid",
    "unknown",
    "expired",
    "revoked",
    "incorrect",
    "wrong",
    "bad",
)
BASE64 = Lazy(r"[A-Za-z0-9+/]{20,}={0,2}")
# A password a person chose: a word, then three or more digits or two and a symbol or two
# (``Summer2024``, ``Dragon55!``; ``Windows11`` names a product), or four or more words joined by
# hyphens (``correct-horse-battery-staple``), none a function word.
WORD_DIGITS = re.compile(
    r"[A-Za-z]{3,}(?:[0-9]{3,}[!-/:-@\[-`{-~]{0,2}|[0-9]{2}[!-/:-@\[-`{-~]{1,2})"
)
DICEWARE = re.compile(r"[a-z]{3,}(?:-[a-z]{3,}){3,}")
FUNCTION_WORDS = frozenset(
    {"the", "and", "for", "your", "our", "from", "with", "via", "into", "onto", "this", "that"}
)
PASSWORD_NAMES = frozenset({"password", "passwd", "passphrase", "pwd", "pass", "pw"})
TOLD_WORDS = ("pw", "pass", "secret", "token", "cred", "key")
# Where a name ``TOLD`` reads may start (``passw…`` starts with ``pass``, ``api key`` has ``key``).
TOLD_STARTS = ("pw", "pass", "secret", "token", "cred", "api", "access", "private")


def keyed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a CDATA, bracketed or ``-D`` value under a secret's name."""
    if match.re.pattern.startswith("-D"):
        key = match.group("key")
        if match.start() and not text[match.start() - 1].isspace():
            return None  # ``-D`` starts a word of a command line
    elif match.re.pattern.startswith("<"):
        tag = OPEN_TAG.search(text, max(0, match.start() - 300), match.start())
        if tag is None:
            return None
        key = tag.group("key")
    else:
        key, _ = assignments.key_before(text, match.start())
    group = "quoted" if "quoted" in match.re.groupindex and match.group("quoted") else "value"
    value = match.group(group)
    name = key_names.classify_key(key) if key else None
    if name is None or value is None or references.is_reference(value):
        return None
    if not key_names.is_secret_value(name, key, value):
        return None
    return match.start(group), match.end(group), name


def told(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value prose says a secret is, or an error names as refused, when it reads as one."""
    start = match.start()
    if "verb" in match.re.groupindex:
        if start and text[start - 1].isalnum():
            return None  # the verb starts a word
        if entropy.is_host_or_file(text[match.start("value") : match.end("value")]):
            return None
        return judged_value(match, text)
    if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        key, _ = assignments.key_before(text, match.end("name"))
        if key_names.classify_key(key) is None:
            return None  # a word with the name in it (``bypass``), not a key (``SMTP_PASS``)
    if public_ids.is_hash_qualified(text, start):
        return None  # ``checksum/secret: <sha256>``
    gap = match.group("gap").split()
    if any(word in ("not", "the", "a", "an") for word in gap[-1:]):
        return None  # ``the password is not …``, ``the token is the …``
    if match.group("colon") and not is_clause_value(match, gap, text):
        return None
    return judged_value(match, text)


def refused_after(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a value an error names before saying it is refused, when it reads as a secret."""
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "_-."):
        return None  # the name ends a word (``monkey``, ``cache_key``): no secret's name
    if entropy.is_host_or_file(text[match.start("value") : match.end("value")]):
        return None
    return judged_value(match, text)


# An e-mail or SSH address: a user, ``@``, a host; a password may hold ``@`` otherwise.
ADDRESS = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.?|[^@]*@[^@]*\.[A-Za-z]{2,}[^@]*")


def is_address(match: re.Match[str], value: str) -> bool:
    """
    Return whether a told or refused value is an e-mail or SSH address: a user, ``@``, a host.
    A chosen password may hold ``@`` (``lWjJOYC57n@02Q``, ``admin@123``): without a dot it is
    an address only where the prose sends something to it (``the token was pushed to git@forge``).
    """
    if not ADDRESS.fullmatch(value):
        return False
    if "." in value or not key_shapes.is_chosen(value, 8):
        return True
    if "name" not in match.re.groupindex:
        return False  # a value alone (``handed``'s code span): no prose sends it anywhere
    said = match.string[match.end("name") : match.start("value")].lower()
    return "to" in said.split()


def is_chosen_password(value: str) -> bool:
    """Return whether a value prose calls a password reads as one a person chose (``WORD_DIGITS``,
    ``DICEWARE``): ``Winter1049$``, ``correct-horse-battery-staple``; not ``set-in-the-env``."""
    if WORD_DIGITS.fullmatch(value):
        return True
    return DICEWARE.fullmatch(value) is not None and FUNCTION_WORDS.isdisjoint(value.split("-"))


def judged_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a told or refused value when it reads as generated or chosen."""
    value = text[match.start("value") : match.end("value")].rstrip(".,;:")
    if references.is_reference(value) or "://" in value or is_address(match, value):
        return None  # a reference, a URL, an address (``ops@acme.example``, ``git@forge``)
    if "/" in value and not (BASE64.fullmatch(value) and checks.looks_random(value)):
        return None  # a path, unless base64
    chosen = key_shapes.is_chosen(value, 8)  # wordy as it may be (``Weeayeix#16``)
    drawn = key_shapes.is_generated_under("told", value)  # decimal digits, drawn lower, hex pairs
    # A password is often short (``8xNbe3nNyj``) or a word with digits (``Winter1049$``); a
    # token or key told in prose is drawn long.
    name = match.group("name") if "name" in match.re.groupindex else ""
    password = name in PASSWORD_NAMES or words.FOREIGN.get(name) == "password"
    # ``Winter1049$``; ``orange45``, ``MG1qxvv``: a word and digits, a short draw (``weak_values``)
    chosen_password = len(value) >= 8 and is_chosen_password(value)
    if password and (chosen_password or weak_values.is_told(value)):
        return match.start("value"), match.start("value") + len(value), "secret-value"
    # A secret told by that name is as short as a password may be (a webhook's signing secret,
    # ``Your webhook signing secret is XjPSUOhREIN``, bench/contexts40); a token or key, 12.
    minimum = 8 if password or name == "secret" else 12
    if not (chosen or drawn or key_names.reads_generated(value, minimum)):
        return None
    named = words.is_named(value) and not (chosen or drawn)  # a draw may hold syllables
    if named or (checks.is_hexadecimal(value) and len(value) < 16):
        return None
    if checks.IDENTIFIER_CHAIN.fullmatch(value) and not any(
        map(checks.is_generated_name, checks.CHAIN.compiled.split(value))
    ):
        return None  # an attribute (``token is client.getV2Token``)
    return match.start("value"), match.start("value") + len(value), "secret-value"


def told_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``TOLD`` match in the lower-case text, tried only where a secret's name starts."""
    return matches_at(subject, TOLD_STARTS, TOLD_PATTERN)


def refused_after_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``REFUSED_AFTER`` match in the lower-case text, tried where a name starts."""
    return matches_at(subject, REFUSED_AFTER_STARTS, REFUSED_AFTER_PATTERN)


def refused_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``REFUSED`` match in the lower-case text, tried only where a verb starts."""
    return matches_at(subject, REFUSED_VERBS, REFUSED_PATTERN)


def matches_at(subject: str, words: tuple[str, ...], pattern: Lazy) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` at each place one of ``words`` starts."""
    starts: set[int] = set()
    for word in words:
        position = subject.find(word)
        while position >= 0:
            if position not in starts:
                starts.add(position)
                found = pattern.compiled.match(subject, position)
                if found is not None:
                    yield found
            position = subject.find(word, position + 1)


TOLD_VALUE = r"(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>]{8,200}?)(?P=q)" + TOLD_END


def is_clause_value(match: re.Match[str], gap: list[str], text: str) -> bool:
    """
    Return whether a ``TOLD`` match with a colon after a clause may hold a secret: a clause that
    says whose it is, after a noun (not ``pass the tests with: …``), and a value that mixes
    digits or cases as a draw does (``pytest-xdist`` stays). ``token: V`` is an assignment's.
    """
    if not gap or gap[0].strip("()") in NOT_CLAUSES or match.group("name") in ("pass", "pwd"):
        return False
    value = text[match.start("value") : match.end("value")]
    return any(c.isdigit() for c in value) or value.lower() != value != value.upper()


# From ``bench/fixtures24``: a line that reports an authentication failure and the value it says
# it sent (``keeps returning 401? I'm using V``, ``403 Forbidden when passing V``).
SENT = Lazy(r"\b(?:using|sending|passing) {1,4}" + TOLD_VALUE)
AUTH_FAILED = Lazy(r"\b(?:401|403|unauthori[sz]ed|forbidden)\b")
HEX_KEY = re.compile(r"[0-9a-f]+")  # on the lower-case text


FAILED_LINES = per_text.lines_matching(AUTH_FAILED)  # once per text, not per candidate


def auth_failed(match: re.Match[str], text: str) -> bool:
    """Return whether the line of ``match`` reports an authentication failure (``AUTH_FAILED``)."""
    return per_text.any_line_in(text, FAILED_LINES(text), *match.span())


def rules() -> list[Rule]:
    """Return the rules for SQL account passwords, framed values and secrets told in prose."""
    return [
        Rule(
            ("password",),
            tuple(Matcher(Lazy(pattern), judge=sql.sql_password) for pattern in sql.ACCOUNT_SQL),
            trigger=Trigger(words=("identified", "password"), lower=True),
            lower=True,
            gate=r"(?i)identified[ \t]|password[ \t]*=?[ \t]*['\"(]|set[ \t]+password",
        ),
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(CDATA), judge=keyed),
                *(Matcher(Lazy(pattern), judge=keyed) for pattern in BRACKETED),
                Matcher(Lazy(JVM), judge=keyed),
            ),
            trigger=Trigger(words=("<![CDATA[", "=[", "= [", "=\t[", ":[", ": [", ":\t[", "-D")),
            # A value's first character after ``<![CDATA[`` and a bracketed value to its ``]``
            # (``= [ 8080 ]``, ``: [Errno 13] …`` hold none: no blank, comma or quote inside).
            gate=r"<!\[CDATA\[[^\]\n]|[=:][ \t]?\[[^\[\]\s,\"']+\]|-D[A-Za-z_]",
        ),
        Rule(
            ("secret-value",),
            (
                Matcher(Lazy(TOLD), find=told_values, judge=told),
                Matcher(Lazy(REFUSED), find=refused_values, judge=told),
                Matcher(Lazy(REFUSED_AFTER), find=refused_after_values, judge=refused_after),
            ),
            trigger=Trigger(words=TOLD_WORDS, lower=True),
            lower=True,
            gate=r"(?i)(?:pw|pass|secret|token|cred|key)[^\n]*[ \t](?:is|was|to|->|=>)[ \t]"
            r"|(?:pw|pass|secret|token|cred|key)[a-z0-9_.()' \t-]*[ \t][a-z0-9_.()'-]+:[ \t]"
            r"|(?:pw|pass|secret|token|cred|key)[a-z0-9_.()' \t-]*[ \t]'[^'\s]+':[ \t]"
            r"|(?:rejected|invalid|unknown|expired|revoked|incorrect|wrong|bad)[ \t][^\n]*"
            r"(?:key|token|password|secret|cred)"
            r"|(?:key|token|password|secret|cred)[^\n]*[ \t](?:is|was|been|has)[ \t]+"
            r"(?:not|invalid|expired|revoked|rejected|incorrect|wrong|disabled|unknown|leaked"
            r"|exposed|compromised|committed|pushed|published)"
            r"|(?:key|token|password|secret|cred)[^\n]*[ \t](?:did|does|do)(?:n't|[ \t]+not)[ \t]",
        ),
    ]
