"""Files whose lines are credentials (DESIGN.md guarantee 1): .pgpass, sasl_passwd, amandapass, OpenVPN's.

``password``: a ``.pgpass`` line ``host:port:database:user:password`` (``*`` wildcards, ``\\:``
escapes; the user has a letter, the password is the last field); a postfix ``sasl_passwd`` line
``[smtp.host]:587 user:password`` (or ``smtp.host:587 user:password``; the bracketed form inside
a line too, when its value looks generated); the password line of an OpenVPN ``auth-user-pass``
file (after a line naming ``auth-user-pass``: a user line, then the password line; not a
directive such as ``persist-key``), also where a ``cat`` prints the file an ``auth-user-pass PATH``
of the same text names (the same file name: its two lines follow the ``cat`` line). A ``%VAR%`` is no placeholder there: no shell reads these
files. Amanda's ``amandapass`` line ``//host/share user%password`` (bench/contexts44): the
part after ``%``. Lines end at a line break or a JSON-escaped ``\\n`` (``LINE_END``, ``configfiles``' too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import Lazy, Many, Matcher, Rule, Trigger, secret

# .pgpass: from the port on (the host is read backwards from the match).
PGPASS = Lazy(
    r":(?:\*|[0-9]{1,5}):(?P<db>\*|[A-Za-z0-9_.$-]+):(?P<user>\*|[A-Za-z0-9_.@$+-]+)"
    r":(?P<value>(?:[^\s:\\\"']|\\[:\\])+)"
)
HOST = Lazy(r"(?:\*|[A-Za-z0-9][A-Za-z0-9_.-]*|\[[0-9A-Fa-f:.]+\])\Z")
LETTER = Lazy(r"[A-Za-z]")
# What may come before a line's first field: a line or string start, a blank, a quote, ``=``.
LINE_STARTS = frozenset(" \t\r\n\"'`=(>,|")
SASL = Lazy(
    r"[ \t]*(?:\[[A-Za-z0-9.-]+\](?::[A-Za-z0-9]{2,12})?"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+:[0-9]{2,5})"
    r"[ \t]+[^\s:\"\\]+:(?P<value>[^\s\"\\]+)"
)
# The bracketed form inside a line: ``… [smtp.host]:587 user:password …`` (a dotted host, a port).
SASL_INSIDE = Lazy(
    r"\[[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\]:[A-Za-z0-9]{2,12}[ \t]+[^\s:\"\\]+:"
    r"(?P<value>[^\s\"\\]+)"
)
VALUE_END = Lazy(r"[\s\"'`]|\\[nrt\"]|\Z")
LINE_START = Lazy(r"[\n\"'`]|\\[nr]")
PGPASS_GATE = r":(?:\*|[0-9]{1,5}):[^\s:]+:[^\s:]+:[^\s:]"
SASL_GATE = (
    r"\[[A-Za-z0-9.-]+\](?::[A-Za-z0-9]{2,12})?[ \t]+[^\s:\"\\]+:"
    r"|\.[A-Za-z0-9-]+:[0-9]{2,5}[ \t]+[^\s:\"\\]+:"
)
LINE_END = Lazy(r"[ \t]*(?:\r?\n|\\r|\\n|\"|\\\"|\Z)")
OPENVPN = Lazy(r"auth-user-pass[^\n\\]*")
LINE_BREAK = Lazy(r"[ \t]*(?:\r?\n|\\r\\n|\\n)[ \t]*")
LINE = Lazy(r"[^\s\"\\<]+")
DIRECTIVE = Lazy(r"[a-z]+(?:-[a-z]+)*")
# The file an ``auth-user-pass`` option names, and a ``cat`` line printing a file.
AUTH_FILE = Lazy(r"auth-user-pass[ \t]+[\"']?(?P<path>[^\s\"'\\]+)")
CAT = Lazy(r"\bcat[ \t]+[\"']?(?P<path>[^\s\"'\\|;&<>]+)[\"']?[ \t]*(?=\r?\n|\\r|\\n)")


def file_name(path: str) -> str:
    """Return a path's last part (``/etc/openvpn/client/a.auth`` → ``a.auth``)."""
    return path.rpartition("/")[2]


def printed_auth_files(text: str) -> Iterator[re.Match[str]]:
    """Yield each ``cat`` line that prints a file an ``auth-user-pass PATH`` in ``text`` names."""
    names = {file_name(found.group("path")) for found in AUTH_FILE.compiled.finditer(text)}
    names.discard("")
    if not names:
        return
    for found in CAT.compiled.finditer(text):
        if file_name(found.group("path")) in names:
            yield found


def pgpass(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password of a ``.pgpass`` line, or None."""
    start = match.start()
    host = HOST.search(text, max(0, start - 253), start)
    if host is None:
        return None
    begin = host.start()
    if begin >= 1 and text[begin - 1] == "\\" and text[begin] in "nrt":
        begin += 1  # the host follows a JSON-escaped line break: ``\n*:5432:…``
    elif begin > 0 and text[begin - 1] not in LINE_STARTS and text[begin - 2 : begin] != "\\n":
        return None
    hostname = text[begin:start]
    if HOST.fullmatch(hostname) is None:
        return None
    if hostname[0] not in "*[" and LETTER.search(hostname) is None and hostname.count(".") != 3:
        return None  # a number, not a host (``00:11:22:33:44``)
    user, value = match.group("user"), match.group("value")
    end = match.end()
    if end < len(text) and text[end] == ":":
        return None  # more fields: IPv6, a MAC address, a time
    if user != "*" and LETTER.search(user) is None:
        return None
    if len(value) < 3 or value.isdigit() or is_placeholder(value):
        return None
    if value.isalpha() and value.islower():
        return None  # a word: ``main.c:12:5:warning:unused``
    return match.start("value"), match.end("value"), "password"


def is_placeholder(value: str) -> bool:
    """
    Return whether a value in a file no shell reads is a placeholder or template, not a secret.

    ``%t%OTdz…`` is a password there: ``%VAR%`` means nothing in ``.pgpass`` or ``sasl_passwd``.
    """
    if value.startswith("%") and not value.startswith("%("):
        return False
    return checks.is_reference(value)


def at_line_start(text: str, start: int) -> bool:
    """Return whether ``start`` begins a line (or a string, or follows a JSON-escaped break)."""
    if start == 0 or text[start - 1] in "\r\n\"'`":
        return True
    return start >= 2 and text[start - 2 : start] in ("\\n", "\\r")


def line_starts(subject: str) -> Iterator[int]:
    """Yield where a line or string starts: 0, after a line break (real or escaped), a quote."""
    yield 0
    for found in LINE_START.finditer(subject):
        yield found.end()


def sasl_lines(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``sasl_passwd``-shaped line start (``[host]:port user:password``)."""
    starts = set()
    for start in line_starts(subject):
        found = SASL.match(subject, start)
        if found is not None:
            starts.add(found.start("value"))
            yield found
    if "[" in subject:
        for found in SASL_INSIDE.finditer(subject):
            if found.start("value") not in starts:
                yield found


def sasl(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password of a postfix ``sasl_passwd`` line (a whole line), or None."""
    value = match.group("value")
    if len(value) < 4 or is_placeholder(value):
        return None
    if not at_line_start(text, match.start()) or LINE_END.match(text, match.end()) is None:
        # Inside a line: the bracketed form only, a value that ends there and looks generated.
        if match.re.pattern != SASL_INSIDE.pattern or VALUE_END.match(text, match.end()) is None:
            return None
        if checks.character_classes(value) < 3:
            return None
    return match.start("value"), match.end("value"), "password"


def openvpn(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password line of an OpenVPN ``auth-user-pass`` file, or None."""
    end = match.end()
    found = []
    for _ in range(2):
        gap = LINE_BREAK.match(text, end)
        line = LINE.match(text, gap.end()) if gap is not None else None
        if line is None:
            return None
        found.append(line)
        end = line.end()
    user, password = found
    value = password.group()
    if LINE_END.match(text, user.end()) is None:
        return None
    if LINE_END.match(text, end) is None and not text.startswith("</", end):
        return None
    if DIRECTIVE.fullmatch(value) or len(value) < 4 or is_placeholder(value):
        return None
    return password.start(), password.end(), "password"


# Amanda's ``/etc/amandapass`` (smbclient's shares): ``//host/share user%password [domain]``.
AMANDAPASS = Lazy(
    r"(?m:^)[ \t]*//[A-Za-z0-9][A-Za-z0-9_.-]*/[^\s%]+[ \t]+[^\s%/]{1,64}%(?P<value>[^\s]{1,200})"
)
AMANDAPASS_GATE = r"(?:^|\n)[ \t]*//[A-Za-z0-9][A-Za-z0-9_.-]*/[^\n]*%"


def amandapass(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password of an ``amandapass`` line, or None (a placeholder, a reference)."""
    value = match.group("value")
    if len(value) < 4 or is_placeholder(value):
        return None
    return match.start("value"), match.end("value"), "password"


def rules() -> list[Rule]:
    """Return the rules for ``.pgpass``, ``sasl_passwd``, ``amandapass`` and OpenVPN
    ``auth-user-pass`` lines."""
    return [
        secret(
            "password",
            Matcher(Lazy(PGPASS.pattern), judge=pgpass),
            trigger=Trigger(patterns=(Many(Lazy(PGPASS_GATE), 4),)),
            gate=PGPASS_GATE,
        ),
        secret(
            "password",
            Matcher(Lazy(SASL.pattern), find=sasl_lines, judge=sasl),
            trigger=Trigger(patterns=tuple(Lazy(part) for part in SASL_GATE.split("|"))),
            gate=SASL_GATE,
        ),
        secret(
            "password",
            Matcher(Lazy(AMANDAPASS.pattern), judge=amandapass),
            trigger=Trigger(words=("//",)),
            gate=AMANDAPASS_GATE,
        ),
        secret(
            "password",
            Matcher(Lazy(OPENVPN.pattern), judge=openvpn),
            trigger=Trigger(words=("auth-user-pass",)),
            gate=r"auth-user-pass",
        ),
        secret(
            "password",
            Matcher(Lazy(CAT.pattern), find=printed_auth_files, judge=openvpn),
            trigger=Trigger(words=("auth-user-pass",)),
            gate=r"auth-user-pass[ \t]",
        ),
    ]
