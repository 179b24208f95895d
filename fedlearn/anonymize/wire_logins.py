"""Passwords a wire protocol's own framing carries (DESIGN.md guarantee 1; from ``bench/contexts35``).

A protocol transcript (``openssl s_client``, ``nc``, ``tcpflow``, ``strace``, an expect script)
names no key beside its password: the protocol's grammar says which word is one. All report
``password``:

- Redis RESP: an array (its bulk strings read by their declared lengths as far as they parse,
  whatever the header's count says) whose command is ``AUTH`` (``*2 $4 AUTH $n V``; ``*3 … AUTH $n USER $m V``)
  or holds ``AUTH`` (``HELLO 3 AUTH USER V``), or ``CONFIG SET requirepass|masterauth V``: the
  bulk string read by its declared length, the lines split by line breaks or by ``\\r\\n`` as
  ``strace`` and a C string print them;
- SMTP/IMAP ``AUTH PLAIN`` (``AUTHENTICATE PLAIN``) and its base64 when it decodes to
  ``authzid NUL user NUL password`` (RFC 4616), on the command's line or alone on a following
  one; ``AUTH LOGIN``'s base64 line right after the server's ``334 UGFzc3dvcmQ6`` ("Password:");
- IMAP ``TAG LOGIN user password`` (a tag of letters and digits, or ``.``; unquoted, two kinds of
  character), and a query console's ``login user password`` alone on its line (TeamSpeak's
  ServerQuery; the command in lower case, the user no option, two kinds of character); POP3 and FTP ``PASS V`` when
  ``USER …`` came within the three lines before, with the same prefix (``C: ``, ``ftp> quote ``);
- STOMP's ``passcode:`` header in a ``CONNECT``/``STOMP`` frame;
- an expect script's ``send "V\\r"`` right after it expects a password prompt (``assword``,
  ``passphrase``), on the same line or the next.

A value is 4 or more characters and no ``$reference`` or placeholder (``checks.is_literal``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

SEPARATOR = r"(?:\\r\\n|\r?\n)"
# An array's header, then its bulk strings are read one by one (``bulks``).
ARRAY = Lazy(rf"\*[0-9]{{1,2}}(?P<sep>{SEPARATOR})")
# Bulk strings read after an array's header: as many as parse (a transcript's count may be wrong).
MOST_BULKS = 16
BULK_HEAD = Lazy(r"\$(?P<length>[0-9]{1,5})")
# One character as a C string prints it (``\\"``, ``\\x1b``, ``\\t``) or as it is.
ESCAPE = Lazy(r"\\(?:x[0-9a-fA-F]{2}|[0-7]{1,3}|.)")
PLAIN = Lazy(
    r"(?i:auth(?:enticate)?[ \t]+plain)(?:[ \t]+|[ \t]*\r?\n(?:[^\n]*\r?\n){0,2}?[ \t\f\r]*(?:C:[ \t]*)?)"
    r"(?P<value>[A-Za-z0-9+/]{8,}={0,2})[ \t]*(?=\r?\n|\Z)"
)
LOGIN_PROMPT = Lazy(
    r"334[ \t]+(?:UGFzc3dvcmQ6|cGFzc3dvcmQ6)[ \t]*\r?\n[ \t\f\r]*(?:C:[ \t]*)?"
    r"(?P<value>[A-Za-z0-9+/]{4,}={0,2})[ \t]*(?=\r?\n|\Z)"
)
IMAP_LOGIN = Lazy(
    r"(?m:^)[ \t\f\r]*(?:C:[ \t]*)?(?:(?=[0-9]{0,9}[A-Za-z])(?=[A-Za-z]{0,9}[0-9])[A-Za-z0-9]{2,10}|\.)"
    r"[ \t]+(?i:login)[ \t]+"
    r"(?:\"(?:[^\"\\\n]|\\.)*\"|[^\s\"]+)[ \t]+"
    r"(?:\"(?P<quoted>(?:[^\"\\\n]|\\.){4,256})\"|(?P<value>[^\s\"]{4,256}))[ \t]*\r?(?=\n|\Z)"
)
USER_PASS = Lazy(
    r"(?m:^)(?P<prefix>[^\n]{0,24}?)USER[ \t]+[^\s]+[ \t]*\r?\n(?:[^\n]*\n){0,2}?"
    r"(?P=prefix)PASS[ \t]+(?P<value>[^\s]{4,1024})[ \t]*\r?(?=\n|\Z)"
)
# A query console's ``login USER PASSWORD`` alone on its line (TeamSpeak's ServerQuery): the command
# in lower case, a user that is no option, a value of two kinds of character (``literal_judge``).
QUERY_LOGIN = Lazy(
    r"(?m:^)[ \t\f\r]*login[ \t]+[^\s\"'=-][^\s\"'=]{0,63}[ \t]+"
    r"(?P<value>[^\s\"'=]{4,256})[ \t]*\r?(?=\n|\Z)"
)
STOMP = Lazy(
    r"(?m:^)(?:[^\w\n]{1,3}[ \t])?(?:CONNECT|STOMP)\r?\n(?:[A-Za-z-]{1,40}:[^\n]*\n){0,12}?passcode:(?P<value>[^\r\n]{4,256})"
)
EXPECT_SEND = Lazy(
    r"(?i:assword|passphrase)[^\n]*?(?:\n[ \t]*)?\bsend[ \t]+(?:--[ \t]+)?"
    r"\"(?P<value>(?:[^\"\\\n]|\\(?![rn]\")[^\n]){4,256}?)(?:\\r|\\n)?\""
)
# In a RESP array: the command names whose password follows ``AUTH`` or is ``CONFIG SET``'s value.
CONFIG_PASSWORDS = frozenset({"requirepass", "masterauth"})


def bulks(text: str, start: int, count: int, sep: str) -> list[tuple[int, int]]:
    """Return the spans of up to ``count`` RESP bulk strings from ``start``, lines split by ``sep``."""
    found: list[tuple[int, int]] = []
    position = start
    for _ in range(count):
        head = BULK_HEAD.compiled.match(text, position)
        if head is None or not text.startswith(sep, head.end()):
            break
        length, value_start = int(head.group("length")), head.end() + len(sep)
        end = value_start
        escaped = sep == "\\r\\n"
        for _ in range(length):
            if end >= len(text):
                return found
            if escaped and text[end] == "\\":
                step = ESCAPE.compiled.match(text, end)
                end = step.end() if step is not None else end + 1
            else:
                end += 1
        if end < len(text) and not text.startswith(sep, end):
            break  # the declared length ends elsewhere: no bulk string (the text may end after one)
        found.append((value_start, end))
        position = end + len(sep)
    return found


def resp_passwords(text: str) -> Iterator[re.Match[str]]:
    """Yield a match for each password a RESP array carries (see the module's docstring)."""
    for array in ARRAY.compiled.finditer(text):
        spans = bulks(text, array.end(), MOST_BULKS, array.group("sep"))
        items = [text[a:b].lower() for a, b in spans]
        chosen = None
        if "auth" in items:
            after = len(items) - items.index("auth") - 1
            if after >= 1:
                chosen = spans[items.index("auth") + (2 if after >= 2 else 1)]
        elif items[:2] == ["config", "set"] and len(items) >= 4 and items[2] in CONFIG_PASSWORDS:
            chosen = spans[3]
        if chosen is not None and checks.is_literal(text[chosen[0] : chosen[1]]):
            yield span_match(text, *chosen)  # 4+ characters: never empty


def plain_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of an ``AUTH PLAIN`` response that decodes to ``authzid NUL user NUL password``."""
    decoded = checks.unpadded_base64(match.group("value"))
    if decoded is None:
        return None
    parts = decoded.split(b"\0")
    if len(parts) != 3 or not parts[1] or len(parts[2]) < 4:
        return None
    return match.start("value"), match.end("value"), "password"


def login_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of ``AUTH LOGIN``'s base64 password when it decodes to printable text."""
    decoded = checks.unpadded_base64(match.group("value"))
    if decoded is None:
        return None
    if len(decoded) < 4 or not decoded.isascii() or not decoded.decode().isprintable():
        return None
    return match.start("value"), match.end("value"), "password"


def literal_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the ``value`` (or ``quoted``) group when it is a literal password; an
    IMAP or query ``LOGIN``'s unquoted one needs two kinds of character (``login user failed``)."""
    group = "quoted" if "quoted" in match.re.groupindex and match.group("quoted") else "value"
    value = match.group(group).rstrip()
    if not checks.is_literal(value):
        return None
    imap = match.re.pattern in (IMAP_LOGIN.pattern, QUERY_LOGIN.pattern)
    if imap and group == "value" and checks.character_classes(value) < 2:
        return None
    return match.start(group), match.start(group) + len(value), "password"


def rules() -> list[Rule]:
    """Return the rules for passwords in wire protocols' framing."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=resp_passwords),),
            trigger=Trigger(words=("$4", "requirepass", "masterauth"), lower=True),
            gate=rf"(?i)\$4{SEPARATOR}auth|(?:requirepass|masterauth){SEPARATOR}\$",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(PLAIN.pattern), judge=plain_judge),),
            trigger=Trigger(words=("plain",), lower=True),
            gate=r"(?i)auth(?:enticate)?[ \t]+plain",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(LOGIN_PROMPT.pattern), judge=login_judge),),
            trigger=Trigger(words=("UGFzc3dvcmQ6", "cGFzc3dvcmQ6")),
            gate=r"334[ \t]+(?:UGFzc3dvcmQ6|cGFzc3dvcmQ6)",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(IMAP_LOGIN.pattern), judge=literal_judge),),
            trigger=Trigger(words=("login",), lower=True),
            gate=r"(?i)[a-z0-9.][ \t]+login[ \t]",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(QUERY_LOGIN.pattern), judge=literal_judge),),
            trigger=Trigger(words=("login",)),
            gate=r"(?m:^)[ \t\f\r]*login[ \t]",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(USER_PASS.pattern), judge=literal_judge),),
            trigger=Trigger(words=("PASS",)),
            gate=r"PASS[ \t]",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(STOMP.pattern), judge=literal_judge),),
            trigger=Trigger(words=("passcode:",)),
            gate=r"passcode:",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(EXPECT_SEND.pattern), judge=literal_judge),),
            trigger=Trigger(words=("send",), lower=True),
            gate=r"(?i)(?:assword|passphrase)[^\n]*(?:\n[ \t]*)?send[ \t]",
        ),
    ]
