"""Values whose key is a neighbouring slot of their structure, not beside them (DESIGN.md guarantee 1;
from ``bench/contexts38``).

- XML whose element above names the value: Windows answer files' ``<AdministratorPassword>`` /
  ``<AutoLogon><Password>`` hold it in a ``<Value>`` child (``<Password>\\n <Value>V</Value>``);
- an argument vector as XML strings (a launchd plist's ``ProgramArguments``): ``<string>--flag
  </string>`` then ``<string>V</string>``, the flag naming a secret;
- Python bytecode (``python -m dis``): ``LOAD_CONST n ('V')`` then ``STORE_NAME``/``STORE_FAST``/
  ``STORE_GLOBAL``/``STORE_ATTR`` ``n (NAME)`` on the next line, the name naming a secret;
- ``pickletools``' dis of a dict: ``SHORT_BINUNICODE 'NAME'`` then (past a ``MEMOIZE`` line) the
  value's string opcode;
- an HTML table row whose first cell names the second's value (``phpinfo()``: ``<td class="e">
  DB_PASSWORD </td><td class="v">V </td>``, ``$_ENV['DB_PASSWORD']``);
- a console's echo: ``> config('services.x.api_key')`` then ``= "V"`` (PsySH) or ``=> "V"``;
- proxychains' ``socks5 HOST PORT USER PASSWORD`` line (its password literal);
- D-Bus messages (``dbus-monitor``, ``busctl monitor``): the value of a Secret Service ``Secret``
  struct (``array of bytes "V"`` in a call on ``org.freedesktop.Secret.*``), and the last string
  argument of a method whose member names a secret (``member=SetToken`` … ``string "V"``;
  ``Member=SetPassword`` … ``STRING "V";``);
- squid's ``cache_peer … login=USER:PASSWORD`` (the pair's second slot, a login's password);
- Robot Framework's log of an assignment, ``${NAME} = V`` (the variable's name in its braces);
- a call typed on a command line or sent as JSON, its method a login or naming a secret, its last
  argument the secret: ``gdbus call … --method a.b.Login USER V``, ``busctl call DEST PATH IFACE
  SetToken s V``, ``dbus-send … a.b.SignIn string:USER string:V``, an LSP ``workspace/
  executeCommand`` of ``"command": "x.login"`` with ``"arguments": ["V"]``; a login's password
  needs a character that is no letter or to read as drawn (``failed``, ``true`` stay).

A name is judged by ``key_names.classify_key`` and its value by ``key_names.is_secret_value``, as
after ``NAME=``; a Secret struct's bytes need 4 characters and no reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged, literal_password

XML_VALUE = Lazy(
    r"<(?P<key>[A-Za-z][\w.:-]{0,63})>[ \t]*\r?\n?[ \t]*<(?P<tag>[Vv]alue)>"
    r"(?P<value>[^<\n]{1,512})</(?P=tag)>"
)
ARGV_STRING = Lazy(
    r"<string>-{1,2}(?P<key>[A-Za-z][\w.-]{0,63})</string>[ \t]*\r?\n?[ \t]*"
    r"<string>(?P<value>[^<\n]{1,512})</string>"
)
BYTECODE = Lazy(
    r"LOAD_CONST[ \t]+[0-9]+[ \t]+\((?P<quote>['\"])(?P<value>(?:\\.|(?!(?P=quote))[^\\\n]){1,512})(?P=quote)\)"
    r"[ \t]*\r?\n[^\n]{0,40}?STORE_(?:NAME|FAST|GLOBAL|ATTR|DEREF)[ \t]+[0-9]+[ \t]+\((?P<key>[A-Za-z_]\w{0,63})\)"
)
# ``pickletools``: a dict's key and value as two string opcodes, a ``MEMOIZE`` line between them.
PICKLED = Lazy(
    r"(?:SHORT_BINUNICODE|BINUNICODE8?|UNICODE)[ \t]+'(?P<key>[A-Za-z_][\w.-]{0,63})'[ \t]*\r?\n"
    r"(?:[^\n]{0,40}MEMOIZE[^\n]*\n)?[^\n]{0,40}?(?:SHORT_BINUNICODE|BINUNICODE8?|UNICODE)[ \t]+"
    r"(?P<quote>['\"])(?P<value>(?:\\.|(?!(?P=quote))[^\\\n]){1,512})(?P=quote)"
)
# An HTML table row: the first cell names the value in the second (phpinfo()'s ``e``/``v`` cells).
HTML_ROW = Lazy(
    r"<tr>[ \t]*<td[^>\n]{0,40}>(?:[^<\n]{0,40}?\[')?(?P<key>[A-Za-z_][\w.-]{0,63})(?:'\])?[ \t]*</td>"
    r"[ \t]*<td[^>\n]{0,40}>(?P<value>[^<\s][^<\n]{0,511}?)[ \t]*</td>"
)
# A console's echo of an expression naming a secret: PsySH (``artisan tinker``) prints ``= "V"``
# under ``> config('services.x.key')``, IRB ``=> "V"``.
ECHOED = Lazy(
    r"(?m:^)[ \t]*>{1,3}[ \t][^\n]*?(?P<key>[A-Za-z_][\w-]{0,63})['\"]?\)*[ \t]*\r?\n"
    r"[ \t]*=>?[ \t]+\"(?P<value>(?:[^\"\\\n]|\\.){1,1024})\"[ \t]*(?=\r?\n|\Z)"
)
# proxychains' ``[ProxyList]`` SOCKS line: type, host, port, then a user and its password.
PROXY_LINE = Lazy(
    r"(?m:^)socks[45][ \t]+[^\s]{1,253}[ \t]+[0-9]{1,5}[ \t]+[^\s]{1,64}[ \t]+"
    r"(?P<value>[^\s]{4,4096})[ \t]*(?=\r?\n|\Z)"
)
SECRET_STRUCT = Lazy(
    r"(?i:interface)=org\.freedesktop\.Secret\.[^\n]*\n(?:[^\n]*\n){0,40}?"
    r"[ \t]*array of bytes \"(?P<value>[^\"\n]{4,1024})\""
)
# A D-Bus call and its arguments: dbus-monitor's indented lines after ``member=NAME``, or
# busctl's ``Member=NAME`` then its ``MESSAGE "sig" { … };`` block.
MONITOR_CALL = Lazy(
    r"member=(?P<key>[A-Za-z_]\w{2,63})[ \t]*\r?\n(?P<args>(?:[ \t]+[^\n]*(?:\n|\Z)){1,40})"
)
BUSCTL_CALL = Lazy(
    r"Member=(?P<key>[A-Za-z_]\w{2,63})[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*MESSAGE \"[^\"\n]*\" \{[ \t]*\r?\n"
    r"(?P<args>(?:(?![ \t]*\};)[^\n]*\n){1,40})"
)
STRING_ARG = Lazy(
    r"(?m:^)[ \t]*(?:string|STRING) \"(?P<value>(?:[^\"\\\n]|\\.){1,1024})\";?[ \t]*$"
)

# A method that logs in (its last argument is the password): ``Login``, ``LogOn``, ``sign_in``…
LOGIN_MEMBER = re.compile(r"(?i)(?:log_?(?:in|on)|sign_?in|authenticate)(?:with_?password)?")
# One argument on a command line: quoted or bare.
ARG = r"(?:'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|[^\s'\"|;&<>]+)"
ARGS = re.compile(ARG)
# A D-Bus call on a command line: gdbus's ``--method IFACE.MEMBER ARGS``, busctl's ``call DEST
# PATH IFACE MEMBER SIGNATURE ARGS``, dbus-send's ``/PATH IFACE.MEMBER TYPE:ARG``.
DBUS_COMMAND = Lazy(
    r"(?:gdbus[ \t]+call[ \t][^\n]*?--method[ \t]+(?:[\w-]+\.)*"
    r"|busctl[ \t][^\n]*?call[ \t]+[^\s/]+[ \t]+/[^\s]*[ \t]+[\w.-]+[ \t]+"
    r"|dbus-send[ \t][^\n]*?[ \t]/[^\s]*[ \t]+(?:[\w-]+\.)+)"
    r"(?P<key>[A-Za-z_]\w{1,63})(?P<args>(?:[ \t]+" + ARG + r")+)[ \t]*(?=\r?\n|\Z)"
)
# dbus-send's typed argument: ``string:V``.
TYPED = re.compile(r"(?:string|objpath|variant):")
# An LSP ``workspace/executeCommand``'s params: the command's id, then its arguments' array.
LSP_COMMAND = Lazy(
    r"\"command\"[ \t]*:[ \t]*\"(?:[\w-]+[.:/])*(?P<key>[A-Za-z_][\w-]{1,63})\"[ \t]*,\s*"
    r"\"arguments\"[ \t]*:[ \t]*\[(?P<args>[^\[\]]{1,4096})\]"
)
JSON_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"")

# squid's ``cache_peer HOST TYPE PORT ICP OPTIONS``: ``login=USER:PASSWORD`` among the options.
CACHE_PEER = Lazy(
    r"(?m:^)[ \t]*cache_peer[ \t][^\n]*?[ \t]login=[^\s:]{1,128}:(?P<value>[^\s]{1,1024})"
)
# Robot Framework's log line of a keyword's result assigned: ``${NAME} = V``.
ROBOT_ASSIGNED = Lazy(
    r"\$\{(?P<key>[A-Za-z_][\w.-]{0,63})\}[ \t]=[ \t](?P<value>[^\s<]{1,1024})(?=[ \t]*(?:<|\r?\n|\Z))"
)


def peer_login(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a ``cache_peer``'s login password."""
    return login_password(match.group("value"), match.end("value"))


def call_secret(member: str, value: str, end: int) -> tuple[int, int, str] | None:
    """Return the span and rule of a call's last argument when its method names a secret
    (judged as ``MEMBER=value``) or logs in (a password: a character that is no letter, or
    drawn), else None."""
    if key_names.classify_key(member) is not None:
        return judged(member, value, end)
    return login_password(value, end) if LOGIN_MEMBER.fullmatch(member) is not None else None


def login_password(value: str, end: int) -> tuple[int, int, str] | None:
    """Return the span and rule of a login's password (ending at ``end``): judged as
    ``password=value``, with a character that is no letter or drawn, no name; else None."""
    if words.is_named(value) or (value.isalpha() and not key_names.reads_generated(value, 8)):
        return None
    return judged("password", value, end)


def command_call(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the last argument of a D-Bus call typed on a command line."""
    last = list(ARGS.finditer(text, match.start("args"), match.end("args")))[-1]
    start, end = last.span()
    if text[start] in "'\"":
        start, end = start + 1, end - 1
    typed = TYPED.match(text, start, end)
    start = typed.end() if typed is not None else start
    return call_secret(match.group("key"), text[start:end], end) if start < end else None


def lsp_call(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the last string argument of an LSP command."""
    strings = list(JSON_STRING.finditer(text, match.start("args"), match.end("args")))
    if not strings:
        return None
    start, end = strings[-1].span(1)
    return call_secret(match.group("key"), text[start:end], end) if start < end else None


def keyed_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the ``value`` span when the ``key`` group names a secret it passes as ``NAME=value``."""
    key, value = match.group("key"), match.group("value")
    name = key_names.classify_key(key)
    if name is None or not key_names.is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


def struct_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a Secret Service struct's value span when it is literal."""
    value = match.group("value")
    if checks.is_reference(value):
        return None
    return match.start("value"), match.end("value"), "password"


def call_arguments(text: str) -> Iterator[re.Match[str]]:
    """Yield the last string argument of each D-Bus call whose member names a secret."""
    for pattern in (MONITOR_CALL, BUSCTL_CALL):
        for call in pattern.compiled.finditer(text):
            key = call.group("key")
            name = key_names.classify_key(key)
            if name is None:
                continue
            strings = list(STRING_ARG.compiled.finditer(text, call.start("args"), call.end("args")))
            if not strings:
                continue
            last = strings[-1]
            if key_names.is_secret_value(name, key, last.group("value")):
                yield span_match(text, last.start("value"), last.end("value"))


def rules() -> list[Rule]:
    """Return the rules for values whose key is a neighbouring slot."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(XML_VALUE.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("<value>",), lower=True),
            gate=r"<[Vv]alue>",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ARGV_STRING.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("<string>-",)),
            gate=r"<string>-",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(BYTECODE.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("LOAD_CONST",)),
            gate=r"LOAD_CONST[ \t]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PICKLED.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("UNICODE",)),
            gate=r"UNICODE[ \t]+'",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(HTML_ROW.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("<tr>",), lower=True),
            gate=r"<tr>[ \t]*<td",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ECHOED.pattern), judge=keyed_judge),),
            trigger=Trigger(patterns=(Lazy(r"\n[ \t]*=>?[ \t]+\""),)),
            gate=r"\n[ \t]*=>?[ \t]+\"",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(PROXY_LINE.pattern), judge=literal_password),),
            trigger=Trigger(words=("socks4", "socks5")),
            gate=r"socks[45][ \t]+[^ \t\n]+[ \t]+[0-9]{1,5}[ \t]",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(SECRET_STRUCT.pattern), judge=struct_judge),),
            trigger=Trigger(words=("org.freedesktop.secret.",), lower=True),
            gate=r"(?i)interface=org\.freedesktop\.Secret\.",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=call_arguments),),
            trigger=Trigger(words=("member=",), lower=True),
            gate=r"(?i)member=[A-Za-z_]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(CACHE_PEER.pattern), judge=peer_login),),
            trigger=Trigger(words=("cache_peer",)),
            gate=r"cache_peer[ \t][^\n]*login=",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ROBOT_ASSIGNED.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("} = ",)),
            gate=r"\$\{[A-Za-z_][A-Za-z0-9_.-]*\}[ \t]=[ \t]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(DBUS_COMMAND.pattern), judge=command_call),),
            trigger=Trigger(words=("gdbus", "busctl", "dbus-send")),
            gate=r"gdbus[ \t]+call|busctl[ \t]|dbus-send[ \t]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(LSP_COMMAND.pattern), judge=lsp_call),),
            trigger=Trigger(words=('"arguments"',)),
            gate=r"\"arguments\"[ \t]*:[ \t]*\[",
        ),
    ]
