"""Build contexts38: scanner fixtures and fresh draws in process and OS introspection, histories, debuggers, OS stores and tool reports (blind).

``python bench/contexts38/make.py`` writes secrets.jsonl and benign.jsonl (seed 38038). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 38038) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: process and OS
introspection (strace/ltrace, auditd records with hex-encoded arguments, /proc/PID/environ with NUL
separators, ps/pstree/top, gdb/delve/coredumpctl, eBPF tools and runtime-security events, D-Bus
monitors), histories and editor state (mysql/psql/redis/python/node REPL histories, .viminfo,
.lesshst, IPython), web framework debug pages and consoles, API clients' exports (Thunder Client,
Hoppscotch, newman, hurl), Windows (event logs, netsh/GPP/IIS/sc.exe/unattend), macOS defaults and
launchd plists, Android/iOS runtime logs and prefs, ssh environment passing, batch schedulers (at,
Slurm, PBS, HTCondor), database server logs, application and desktop preference stores (prefs.js,
Chromium, dconf/gsettings/KConfig/xfconf), wire decoders (protoc, bsondump, pickletools, msgpack,
capnp), strings in binaries, build flags, OS installer answer files, security tools' findings, test
reports, Kubernetes audit logs, git plumbing, proxy configs, debug/language-server protocol traces.
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts35; a context may return (text, written) when the text holds the value encoded.
"""

# ruff: noqa: S608  (box-drawing tables and arrows; SQL text printed, never run)
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
sys.path.insert(0, str(HERE.parent / "draws29"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

SEED = 38038
RNG = random.Random(SEED)

KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
    ["client", "secret"],
]

# An SSH key fingerprint: fedlearn replaces it by design (docs/anonymization.md's table).
SSH_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
# A home directory's path: fedlearn replaces it by design (``<home>``; labelled after the first
# measurement, rows unchanged).
HOME = re.compile(r"(?<![\w/])(?:/home|/Users)/[a-z][\w.-]*")
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
BARE = re.compile(r"[^\s'\"#;$`\\,&|<>(){}\[\]*?!%]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str], split: int = 0) -> None:
        self.words = words
        self.split = split

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    pascal = property(lambda s: "".join(w.title() for w in s.words))
    kebab = property(lambda s: "-".join(s.words))
    dotted = property(lambda s: ".".join(s.words))
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)
    vendor = property(lambda s: "-".join(s.words[: s.split]) or "app")


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v


def secret_name(rule: str) -> Name:
    v = vendor_words(rule)
    return Name(v + RNG.choice(KEY_WORDS), len(v))


def extra_name(rule: str, value: str, is_secret: bool, label: str = "") -> Name:
    v = vendor_words(rule)
    if label:
        kind = [w for w in re.split(r"[_\W]+", label.lower()) if w][-1:] or ["id"]
    elif is_secret:
        kind = ["secret"]
    elif "@" in value:
        kind = ["user"]
    elif value.startswith("http"):
        kind = ["url"]
    elif "." in value and " " not in value:
        kind = ["host"]
    else:
        kind = ["id"]
    return Name(v + kind, len(v))


def svc(r: str) -> str:
    return f24.vendor(r).replace("_", "-")


def host(r: str) -> str:
    return f24.vendor(r).replace("_", "") + ".example.com"


def dq(v: str) -> str:
    """A double-quoted string literal (JSON escapes: Python, JS, Go, Java, C#, Rust, PHP, HCL)."""
    return json.dumps(v)


def sq(v: str) -> str:
    """A single-quoted literal (Python, JS, PHP, Ruby)."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def yq(v: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    return v if re.fullmatch(r"[A-Za-z0-9_./+=~-][^\s:#'\"{}\[\],&*!|>%@`]*", v) else dq(v)


def x(v: str) -> str:
    return xml_escape(v, {'"': "&quot;"})


def others(pairs):
    return pairs[:-1]


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def pick(*forms):
    return RNG.choice(forms)


def ident(n: Name) -> str:
    return n.vendor.replace("-", "_")


def cls(n: Name) -> str:
    return n.vendor.title().replace("-", "")


def pyr(v: str) -> str:
    """Python's repr of a str (escapes newlines; picks its quote as Python does)."""
    return repr(v)


def jsq(v: str) -> str:
    """Node util.inspect's single-quoted string."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def shq(v: str) -> str:
    """How bash's xtrace and `set` print a word: bare when safe, else single-quoted."""
    if BARE.fullmatch(v):
        return v
    return "'" + v.replace("'", "'\\''") + "'"


def psq(v: str) -> str:
    """A PowerShell single-quoted string."""
    return "'" + v.replace("'", "''") + "'"


def nq(v: str) -> str:
    """A Nix double-quoted string."""
    return json.dumps(v).replace("${", "\\${")


def ok_bare(v: str) -> bool:
    return BARE.fullmatch(v) is not None


def choose(v: str, esc=(), line=(), bare=()):
    """One form: `esc` take any value (they escape newlines), `line` one-line values, `bare` bare words."""
    forms = list(esc)
    if "\n" not in v:
        forms += list(line)
    if ok_bare(v):
        forms += list(bare)
    return RNG.choice(forms)


def hexid(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text, or
# (text, written) when the text holds the value encoded (percent-encoding, base64, quoted-printable).
# Where values travel through process introspection, histories, debuggers, OS stores and tool reports.


def sqlq(v: str) -> str:
    """An SQL string literal ('' doubles a quote)."""
    return "'" + v.replace("'", "''") + "'"


def csvq(v: str) -> str:
    """A CSV field as spreadsheets export it (quoted when it must be)."""
    return '"' + v.replace('"', '""') + '"' if re.search(r'[",\n]', v) else v


def pct(v: str, safe: str = "") -> str:
    from urllib.parse import quote

    return quote(v, safe=safe)


def cq(v: str) -> str:
    """A C string literal's body as strace, gdb and ltrace print it (backslash escapes)."""
    out = []
    for ch in v:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isascii() and ch.isprintable():
            out.append(ch)
        else:
            out.extend(f"\\{b:o}" for b in ch.encode())
    return "".join(out)


def pbq(v: str) -> str:
    """A protobuf text-format string body (C escapes, the single quote too)."""
    return cq(v).replace("'", "\\'")


def hexup(v: str) -> str:
    """auditd's hex encoding of an argument (uppercase, UTF-8 bytes)."""
    return v.encode().hex().upper()


def at_escape(v: str) -> str:
    """How `at` writes an environment value into a job: a backslash before each special character."""
    return re.sub(r"([^A-Za-z0-9_/.:=,+@%-])", r"\\\1", v)


def mysql_hist(v: str) -> str:
    """libedit's history file (~/.mysql_history): a space as \\040, a backslash as \\134."""
    return v.replace("\\", "\\134").replace(" ", "\\040")


def plist_old(v: str) -> str:
    """An old-style (NeXT) plist string as `defaults read` prints it: bare when safe, else quoted."""
    if re.fullmatch(r"[A-Za-z0-9_.$/:-]+", v):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def http(r: str) -> str:
    return f"https://api.{host(r)}/v1"


def c_strace(r, pairs):
    n, v = pairs[-1]
    c = cq(v)
    text = pick(
        f'$ strace -f -s 256 -e trace=execve ./deploy.sh\nexecve("./deploy.sh", ["./deploy.sh"], 0x7ffd3c2a1e58 /* 31 vars */) = 0\n'
        f'[pid  4212] execve("/usr/bin/curl", ["curl", "-sS", "-H", "Authorization: Bearer {c}", "{http(r)}/ping"], 0x55d0c2a1e2a8 /* 31 vars */) = 0\n'
        f"[pid  4212] +++ exited with 0 +++",
        f"$ strace -f -s 256 -e trace=write,sendto -p 4230\nstrace: Process 4230 attached\n"
        f'[pid  4231] write(7, "POST /v1/events HTTP/1.1\\r\\nHost: api.{host(r)}\\r\\nX-Api-Key: {c}\\r\\nContent-Length: 2\\r\\n\\r\\n{{}}", 112) = 112',
        f'$ strace -v -s 256 -e trace=execve python3 worker.py\nexecve("/usr/bin/python3", ["python3", "worker.py"], ["PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "{n.env}={c}", "PYTHONUNBUFFERED=1"]) = 0',
        f'$ ltrace -e getenv+setenv ./agent\nagent->getenv("{n.env}") = "{c}"\nagent->setenv("{svc(r).upper().replace("-", "_")}_READY", "1", 1) = 0\n+++ exited (status 0) +++',
        f'$ strace -e trace=openat,read -s 256 ./sync\nopenat(AT_FDCWD, ".env", O_RDONLY|O_CLOEXEC) = 3\nread(3, "{n.env}={c}\\nLOG_LEVEL=info\\n", 4096) = 58\nread(3, "", 4096)                       = 0',
        f'[pid  4240] execve("/usr/local/bin/{svc(r)}-cli", ["{svc(r)}-cli", "login", "--{n.tail.kebab}", "{c}"], 0x7ffc8e1f0a40 /* 28 vars */) = 0',
    )
    return text, c


def c_auditd(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    h = hexup(v)
    ts = "msg=audit(1765099242.123:4211)"
    forms = [
        (
            f'type=SYSCALL {ts}: arch=c000003e syscall=59 success=yes exit=0 a0=55d0c2a1f2a0 a1=55d0c2a1e6b0 a2=55d0c2a1e2a8 a3=8 items=2 ppid=4200 pid=4212 auid=1001 uid=1001 comm="curl" exe="/usr/bin/curl" key="exec"\n'
            f'type=EXECVE {ts}: argc=5 a0="curl" a1="-sS" a2="-H" a3={hexup("X-Api-Key: " + v)} a4="{http(r)}/ping"',
            h,
        ),
        (
            f'$ sudo ausearch -k exec --raw | tail -2\ntype=EXECVE {ts}: argc=3 a0="{svc(r)}-cli" a1="login" a2={hexup("--" + n.tail.kebab + " " + v)}\n'
            f"type=PROCTITLE {ts}: proctitle={hexup(svc(r) + '-cli' + chr(0) + 'login' + chr(0) + '--' + n.tail.kebab + ' ' + v)}",
            h,
        ),
        (
            f"type=PROCTITLE {ts}: proctitle={hexup('python3' + chr(0) + 'sync.py' + chr(0) + '--' + n.tail.kebab + chr(0) + v)}",
            h,
        ),
    ]
    if ok_bare(v):
        forms += [
            (f'type=EXECVE {ts}: argc=3 a0="mysql" a1="-u{u}" a2="-p{v}"', v),
            (
                f"$ sudo ausearch -i -k exec | tail -3\ntype=PROCTITLE msg=audit(12/07/2026 09:14:02.123:4211) : proctitle={svc(r)}-cli login --{n.tail.kebab}={v}\n"
                f"type=EXECVE msg=audit(12/07/2026 09:14:02.123:4211) : argc=3 a0={svc(r)}-cli a1=login a2=--{n.tail.kebab}={v}",
                v,
            ),
        ]
    return RNG.choice(forms)


def c_proc_environ(r, pairs):
    n, v = pairs[-1]
    forms = []
    if "\n" not in v:
        forms += [
            f"$ sudo cat -v /proc/4211/environ\nPATH=/usr/local/bin:/usr/bin:/bin^@LANG=C.UTF-8^@{n.env}={v}^@INVOCATION_ID={hexid(32)}^@JOURNAL_STREAM=8:41211^@",
            f"$ env -0 | sed 's/\\x0/\\\\0/g'\nSHELL=/bin/bash\\0LANG=C.UTF-8\\0{n.env}={v}\\0TERM=xterm-256color\\0",
            f"$ sudo strings /proc/$(pgrep -f {svc(r)}-worker)/environ | grep -i {n.words[-1]}\n{n.env}={v}",
        ]
    if v.isascii():
        forms.append(
            f">>> open('/proc/4211/environ', 'rb').read()\n{('PATH=/usr/bin' + chr(0) + n.env + '=' + v + chr(0) + 'HOME=/var/lib/' + svc(r) + chr(0)).encode()!r}"
        )
    if ok_bare(v):
        forms.append(
            f"$ ps eww -p 4211\n    PID TTY      STAT   TIME COMMAND\n   4211 ?        Ssl    0:42 /usr/bin/node server.js PATH=/usr/bin NODE_ENV=production {n.env}={v} PORT=8080"
        )
    return RNG.choice(forms)


def c_ps_tree(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    k = n.tail.kebab
    return choose(
        v,
        line=(
            f"$ cat -v /proc/4211/cmdline; echo\n/usr/bin/java^@-Xmx512m^@-D{n.dotted}={v}^@-jar^@/srv/{svc(r)}/app.jar^@",
            f"$ ps -o pid=,args= -C curl\n   4212 curl -sS -H X-Api-Key: {v} {http(r)}/ping",
        ),
        bare=(
            f"$ ps auxww | grep [w]orker\nsvc-{svc(r)}   4211  2.1  1.3 912344 108232 ?  Ssl  09:14   0:42 /usr/bin/python3 -m worker --{k} {v} --queue default",
            f"$ pstree -a -p 4200\nsystemd,1\n  └─node,4211 server.js --{k}={v}\n      ├─{{node}},4212\n      └─{{node}},4213",
            f"$ pgrep -af rclone\n4211 rclone serve webdav --addr :8081 --user {u} --pass {v} {svc(r)}:backups",
            f"$ top -b -c -n1 | sed -n 7,9p\n    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n   4211 svc       20   0  912344 108232  12344 S   6.2   1.3   0:42.17 /usr/local/bin/{svc(r)}-agent --{k}={v} --interval 30s",
        ),
    )


def c_gdb_bt(r, pairs):
    n, v = pairs[-1]
    c = cq(v)
    text = pick(
        f"(gdb) bt full\n#0  0x00007ffff7e9a8ed in __GI___poll (fds=0x7fffffffd8a0, nfds=1, timeout=5000) at ../sysdeps/unix/sysv/linux/poll.c:29\n"
        f'#1  0x0000555555556a1c in http_send (c=0x5555555592a0, req=0x7fffffffda10) at src/http.c:212\n        hdr = "X-Api-Key: {c}"\n        n = 96\n'
        f'#2  0x0000555555556f3e in main (argc=3, argv=0x7fffffffe0b8) at src/main.c:41\n        cfg = {{host = 0x55555555a2c0 "api.{host(r)}", {n.snake} = 0x55555555a300 "{c}", port = 443}}',
        f'(gdb) frame 2\n#2  0x0000555555556f3e in main (argc=3, argv=0x7fffffffe0b8) at src/main.c:41\n41\t    rc = client_connect(&cfg);\n(gdb) info locals\n{n.snake} = 0x55555555a300 "{c}"\nrc = -1',
        f'(gdb) x/s $rsi\n0x7fffffffe3a0:\t"{c}"',
        f'(gdb) p cfg->{n.snake}\n$2 = 0x55555555a300 "{c}"',
        f'(dlv) locals\ncfg = main.Config {{Host: "api.{host(r)}", {n.pascal}: "{c}", Timeout: 30000000000}}\nerr = error nil',
    )
    if ok_bare(v) and v.isascii() and RNG.random() < 0.3:
        text = (
            f"$ coredumpctl info 4211\n           PID: 4211 ({svc(r)}-agent)\n           UID: 1001 (svc)\n        Signal: 11 (SEGV)\n"
            f"  Command Line: /usr/local/bin/{svc(r)}-agent --{n.tail.kebab} {v} --interval 30s\n    Executable: /usr/local/bin/{svc(r)}-agent"
        )
    return text, c


def c_repl_histories(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        (
            f'$ tail -3 ~/.python_history\nimport os\nos.environ["{n.env}"] = {pyr(v)}\nclient = {cls(n)}Client()',
            None,
        ),
        (
            f"$ head -2 ~/.node_repl_history\nprocess.env.{n.env} = {jsq(v)}\nconst {{ {cls(n)} }} = require('{svc(r)}')",
            None,
        ),
        (
            f'$ tail -2 ~/.irb_history\nENV["{n.env}"] = {dq(v)}\n{cls(n)}.configure {{ |c| c.{n.tail.snake} = ENV["{n.env}"] }}',
            None,
        ),
        (
            f"$ ipython -c '%history -g {n.tail.snake}'\n  12/3: os.environ['{n.env}'] = {pyr(v)}\n  14/1: %env {n.env}",
            None,
        ),
    ]
    if "\n" not in v:
        forms += [
            (
                f"$ cat ~/.mysql_history\n_HiStOrY_V2_\nSELECT\\040*\\040FROM\\040integrations;\n"
                f"UPDATE\\040integrations\\040SET\\040{n.tail.snake}='{mysql_hist(v)}'\\040WHERE\\040name='{svc(r)}';",
                mysql_hist(v),
            ),
            (
                f"$ tail -3 ~/.psql_history\n\\c billing\n\\du\nALTER ROLE {u} WITH PASSWORD {sqlq(v)};",
                None,
            ),
            (
                f"$ tail -2 ~/.sqlite_history\n.tables\nINSERT INTO credentials(name, value) VALUES('{n.snake}', {sqlq(v)});",
                None,
            ),
        ]
    if ok_bare(v):
        forms += [
            (f"$ cat ~/.rediscli_history\nAUTH {v}\nKEYS session:*\nTTL session:4211", v),
            (f"$ tail -2 ~/.rediscli_history\nCONFIG SET requirepass {v}\nCONFIG REWRITE", v),
        ]
    text, written = RNG.choice(forms)
    return (text, written) if written else text


def c_web_debug(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'[console ready]\n>>> from flask import current_app\n>>> current_app.config["{n.env}"]\n{pyr(v)}',
            f"<Config {{'DEBUG': True, 'TESTING': False, '{n.env}': {pyr(v)}, 'SESSION_COOKIE_NAME': 'session'}}>",
            f"$ php artisan tinker\nPsy Shell v0.12.4 (PHP 8.3.14 — cli) by Justin Hileman\n> config('services.{ident(n)}.{n.tail.snake}')\n= {dq(v)}",
            f"$ bin/rails console\nirb(main):001> Rails.application.credentials.{n.snake}\n=> {dq(v)}",
        ),
        line=(
            f'<tr><td class="e">{n.env} </td><td class="v">{x(v)} </td></tr>\n<tr><td class="e">APP_ENV </td><td class="v">production </td></tr>',
            f'<tr><td class="e">$_ENV[\'{n.env}\']</td><td class="v">{x(v)}</td></tr>',
            f"$ bin/console debug:dotenv\n\nVariables\n---------\n\n ------------ ------------ ------------ -------------\n  Variable     Value        .env.local   .env\n ------------ ------------ ------------ -------------\n  {n.env}   {v}   {v}   n/a\n ------------ ------------ ------------ -------------",
        ),
    )


def c_api_exports(r, pairs):
    n, v = pairs[-1]
    j = dq(v)
    return choose(
        v,
        esc=(
            f'{{\n  "_id": "{uuid.UUID(int=RNG.getrandbits(128))}",\n  "name": "prod",\n  "default": false,\n  "sortNum": 10000,\n  "data": [\n    {{ "name": "{n.camel}", "value": {j} }}\n  ]\n}}',
            f'    {{\n      "_id": "{uuid.UUID(int=RNG.getrandbits(128))}",\n      "name": "ping",\n      "url": "{http(r)}/ping",\n      "method": "GET",\n      "headers": [\n        {{ "name": "X-Api-Key", "value": {j} }}\n      ]\n    }}',
            f'{{\n  "v": 2,\n  "name": "{svc(r)}",\n  "requests": [],\n  "auth": {{ "authType": "bearer", "authActive": true, "token": {j} }}\n}}',
            f'{{"model": "environment", "name": "Production", "variables": [{{"name": "{n.snake}", "value": {j}, "enabled": true}}]}}',
        ),
        line=(
            f"$ newman run {svc(r)}.postman_collection.json --env-var {shq(n.camel + '=' + v)} -r cli",
            f'# {svc(r)}.hurl\nGET {http(r)}/ping\nX-Api-Key: {v}\nHTTP 200\n[Asserts]\njsonpath "$.ok" == true',
            f"$ hurl --variable {shq(n.snake + '=' + v)} --test smoke.hurl",
        ),
    )


def c_win_events(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f'<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Sysmon" Guid="{{5770385f-c22a-43e0-bf4c-06f5698ffbd9}}"/>'
            f'<EventID>1</EventID><Computer>WS-0142.corp.example.com</Computer></System><EventData><Data Name="Image">C:\\Program Files\\curl\\bin\\curl.exe</Data>'
            f'<Data Name="CommandLine">curl.exe -H &quot;X-Api-Key: {x(v)}&quot; {http(r)}/ping</Data><Data Name="User">CORP\\{u}</Data></EventData></Event>',
            f"A new process has been created.\n\nProcess Information:\n\tNew Process ID:\t\t0x1a3c\n\tNew Process Name:\tC:\\Windows\\System32\\cmd.exe\n"
            f'\tToken Elevation Type:\t%%1936\n\tCreator Process Name:\tC:\\Windows\\explorer.exe\n\tProcess Command Line:\tcmd.exe /c "set {n.env}={v}&& deploy.cmd"',
            f"Creating Scriptblock text (1 of 1):\n$env:{n.env} = {psq(v)}\nInvoke-RestMethod -Uri {http(r)}/ping -Headers @{{ 'X-Api-Key' = $env:{n.env} }}\n\n"
            f"ScriptBlock ID: {uuid.UUID(int=RNG.getrandbits(128))}\nPath: C:\\ops\\deploy.ps1",
        ),
        bare=(
            f'> wevtutil qe Security /q:"*[System[(EventID=4688)]]" /c:1 /rd:true /f:text\nEvent[0]:\n  Log Name: Security\n  Source: Microsoft-Windows-Security-Auditing\n  Event ID: 4688\n'
            f'  Description:\nA new process has been created.\n\tProcess Command Line:\t"C:\\Program Files\\{cls(n)}\\agent.exe" --{n.tail.kebab} {v} --service',
        ),
    )


def c_win_setup(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'<system.applicationHost>\n  <applicationPools>\n    <add name="{svc(r)}" managedRuntimeVersion="">\n'
            f'      <processModel identityType="SpecificUser" userName="CORP\\{x(u)}" password="{x(v)}" />\n    </add>\n  </applicationPools>\n</system.applicationHost>',
        ),
        line=(
            f'> netsh wlan show profile name="{svc(r)}" key=clear\n\nProfile {svc(r)} on interface Wi-Fi:\n=======================================================================\n\n'
            f"Security settings\n-----------------\n    Authentication         : WPA2-Personal\n    Cipher                 : CCMP\n    Security key           : Present\n    Key Content            : {v}",
            f'<User clsid="{{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}}" name="{x(u)}" image="2" changed="2026-12-07 09:14:02" uid="{{{str(uuid.UUID(int=RNG.getrandbits(128))).upper()}}}">'
            f'<Properties action="U" newName="" fullName="" description="" cpassword="{x(v)}" changeLogon="0" noChange="1" neverExpires="1" acctDisabled="0" userName="{x(u)}"/></User>',
            f'> sc.exe config {svc(r)}Svc obj= ".\\{u}" password= "{v}"\n[SC] ChangeServiceConfig SUCCESS',
        ),
        bare=(
            f"> net user {u} {v} /add /y\nThe command completed successfully.",
            f"> %windir%\\system32\\inetsrv\\appcmd set apppool /apppool.name:{svc(r)} /processModel.userName:CORP\\{u} /processModel.password:{v}",
        ),
    )


def c_macos_defaults(r, pairs):
    n, v = pairs[-1]
    dom = f"com.{ident(n).replace('_', '')}.agent"
    pv = plist_old(v)
    text = choose(
        v,
        esc=(
            f'$ defaults read {dom}\n{{\n    {n.camel} = {plist_old(v)};\n    SUEnableAutomaticChecks = 1;\n    lastSync = "2026-12-07 09:14:02 +0000";\n}}',
            f'$ plutil -p ~/Library/Preferences/{dom}.plist\n{{\n  "launchCount" => 42\n  "{n.camel}" => {dq(v)}\n}}',
            f"<key>Label</key>\n<string>{dom}</string>\n<key>EnvironmentVariables</key>\n<dict>\n    <key>{n.env}</key>\n    <string>{x(v)}</string>\n</dict>",
            f"<key>ProgramArguments</key>\n<array>\n    <string>/usr/local/bin/{svc(r)}-agent</string>\n    <string>--{n.tail.kebab}</string>\n    <string>{x(v)}</string>\n</array>",
        ),
        line=(f'$ /usr/libexec/PlistBuddy -c "Print :{n.camel}" {dom}.plist\n{v}',),
        bare=(
            f"$ launchctl setenv {n.env} {v}\n$ launchctl getenv {n.env}\n{v}",
            f"$ defaults write {dom} {n.camel} -string {v}",
        ),
    )
    if f"{n.camel} = {pv};" in text:
        return text, pv[1:-1] if pv != v else v
    return text


def c_mobile_runtime(r, pairs):
    n, v = pairs[-1]
    pkg = f"com.{ident(n).replace('_', '')}.app"
    return choose(
        v,
        esc=(
            f"$ adb shell run-as {pkg} cat shared_prefs/{ident(n)}_prefs.xml\n<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
            f'    <string name="{n.snake}">{x(v)}</string>\n    <boolean name="onboarded" value="true" />\n</map>',
            f'2026-12-07 09:14:02.123456+0000 0x1a3c     Default     0x0                  4211   0    {cls(n)}[4211:1a3c] [Network] request headers: ["Authorization": {dq("Bearer " + v)}]',
            f' LOG  Config {{"apiBase": "{http(r)}", "{n.camel}": {dq(v)}, "retries": 3}}',
        ),
        line=(
            f"$ adb logcat -s OkHttp\n12-07 09:14:02.123  4211  4290 D OkHttp  : --> POST {http(r)}/events\n12-07 09:14:02.124  4211  4290 D OkHttp  : X-Api-Key: {v}\n12-07 09:14:02.124  4211  4290 D OkHttp  : --> END POST (212-byte body)",
            f"12-07 09:14:02.311  4211  4211 I flutter : {n.tail.snake}: {v}",
            f"$ adb shell getprop | grep {ident(n)}\n[debug.{ident(n)}.{n.tail.snake}]: [{v}]",
        ),
        bare=(
            f"$ adb shell am start -n {pkg}/.MainActivity --es {n.snake} {v}\nStarting: Intent {{ cmp={pkg}/.MainActivity (has extras) }}",
            f"$ adb shell setprop debug.{ident(n)}.{n.tail.snake} {v}",
        ),
    )


def c_ssh_env(r, pairs):
    n, v = pairs[-1]
    simple = '"' not in v and "\\" not in v
    line = [
        f"$ cat ~/.ssh/environment\nLANG=C.UTF-8\n{n.env}={v}",
        f'$ ssh -v build-01 ./deploy.sh 2>&1 | grep env\ndebug1: Sending environment.\ndebug1: channel 0: setting env LANG = "C.UTF-8"\ndebug1: channel 0: setting env {n.env} = "{v}"',
    ]
    if simple:
        line += [
            f'$ cat ~/.ssh/authorized_keys\nenvironment="{n.env}={v}",no-port-forwarding,no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPk3d7Xq0eZ2WmW1rD0f8n6sQf9h1Hq2Y4o1s0bV2jJc backup@ci',
            f'Host build-01\n    HostName build-01.{host(r)}\n    User deploy\n    SetEnv {n.env}="{v}"\n    SendEnv LANG LC_*',
        ]
    bare = [
        f"$ ssh -o SetEnv={n.env}={v} deploy@build-01.{host(r)} ./deploy.sh",
        f'command="/usr/local/bin/{svc(r)}-backup --{n.tail.kebab} {v}",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2n4Zk1vQm8cH7xJ5tP0aR3yL6uW9eS2dF4gK7hN1oM backup@nas',
    ]
    return choose(v, line=line, bare=bare)


def c_hpc_jobs(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = []
    if "\n" not in v:
        forms.append(
            (
                f"$ at -c 42\n#!/bin/sh\n# atrun uid=1001 gid=1001\n# mail {u} 0\numask 22\nPATH=/usr/local/bin:/usr/bin:/bin; export PATH\n"
                f"{n.env}={at_escape(v)}; export {n.env}\ncd /srv/{svc(r)} || {{\n\t echo 'Execution directory inaccessible' >&2\n\t exit 1\n}}\n./sync.sh",
                at_escape(v),
            )
        )
    if ok_bare(v):
        forms += [
            (
                f"$ scontrol show job 4211\nJobId=4211 JobName=ingest\n   UserId={u}(1001) GroupId=svc(1001) MCS_label=N/A\n   JobState=RUNNING Reason=None Dependency=(null)\n"
                f"   Command=/srv/jobs/ingest.sh --{n.tail.kebab} {v}\n   WorkDir=/srv/jobs\n   StdOut=/srv/jobs/slurm-4211.out",
                v,
            ),
            (f"$ sbatch --export=ALL,{n.env}={v} ingest.sh\nSubmitted batch job 4211", v),
            (
                f"$ qstat -f 4211.pbs01 | grep -A2 Variable_List\n    Variable_List = PBS_O_LANG=C.UTF-8,PBS_O_SHELL=/bin/bash,{n.env}={v},\n\tPBS_O_WORKDIR=/srv/jobs,PBS_O_QUEUE=batch",
                v,
            ),
            (
                f'$ cat ingest.sub\nexecutable   = ingest.sh\narguments    = --{n.tail.kebab} {v}\nenvironment  = "LANG=C.UTF-8 {n.env}={v}"\nlog          = ingest.log\nqueue',
                v,
            ),
        ]
    return RNG.choice(forms)


def c_db_logs(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'{{"t":{{"$date":"2026-12-07T09:14:02.123+00:00"}},"s":"I","c":"COMMAND","id":51803,"ctx":"conn42","msg":"Slow query","attr":{{"type":"command","ns":"app.settings",'
            f'"command":{{"update":"settings","updates":[{{"q":{{"_id":"{svc(r)}"}},"u":{{"$set":{{"{n.camel}":{dq(v)}}}}}}}]}},"durationMillis":212}}}}',
        ),
        line=(
            f"2026-12-07 09:14:02.123 UTC [4211] postgres@billing LOG:  statement: ALTER ROLE {u} WITH PASSWORD {sqlq(v)};",
            f"2026-12-07T09:14:02.123456Z\t   42 Query\tINSERT INTO integrations (name, {n.tail.snake}) VALUES ('{svc(r)}', {sqlq(v)})",
            f"mysql> SHOW FULL PROCESSLIST;\n+----+------+-----------------+---------+---------+------+----------+------------------------------------------+\n"
            f"| Id | User | Host            | db      | Command | Time | State    | Info                                     |\n"
            f"| 42 | app  | 10.20.0.12:51432 | billing | Query   |    0 | updating | UPDATE vendors SET {n.tail.snake} = {sqlq(v)} WHERE id = 7 |",
            f"billing=# SELECT pid, state, query FROM pg_stat_activity WHERE usename = 'app';\n pid  | state  |                 query\n------+--------+----------------------------------------\n"
            f" 4211 | active | SELECT set_config('app.{n.snake}', {sqlq(v)}, false)\n(1 row)",
        ),
    )


def c_app_prefs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'// Mozilla User Preferences\n\nuser_pref("browser.startup.homepage_override.buildID", "20261201094302");\nuser_pref("extensions.{ident(n)}.{n.tail.camel}", {dq(v)});',
            f'user_pref("mail.server.server2.hostname", "imap.{host(r)}");\nuser_pref("mail.server.server2.{n.tail.camel}", {dq(v)});',
            f'{{"browser":{{"window_placement":{{"maximized":true}}}},"{ident(n)}":{{"{n.tail.camel}":{dq(v)},"sync_enabled":true}},"profile":{{"name":"Person 1"}}}}',
            f'$ cat ~/.config/{svc(r)}/config.json\n{{\n\t"windowBounds": {{"width": 1280, "height": 800}},\n\t"{n.camel}": {dq(v)}\n}}',
        ),
        line=(
            f"$ cat ~/.config/{cls(n)}/{cls(n)}.conf\n[General]\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3)\n\n[Account]\n{n.tail.camel}={v}",
        ),
    )


def c_desktop_settings(r, pairs):
    n, v = pairs[-1]
    path = f"org/{ident(n).replace('_', '-')}/sync"
    return choose(
        v,
        esc=(
            f"$ dconf dump /{path}/\n[/]\n{n.tail.kebab}={jsq(v)}\nsync-interval=uint32 300",
            f"$ gsettings get {path.replace('/', '.')} {n.tail.kebab}\n{jsq(v)}",
        ),
        line=(
            f"$ gsettings set {path.replace('/', '.')} {n.tail.kebab} {shq(v)}",
            f"$ cat ~/.config/{ident(n)}rc\n[General]\nFirstRun=false\n\n[Account]\n{n.tail.camel}={v}",
        ),
        bare=(
            f"$ kwriteconfig6 --file {ident(n)}rc --group Account --key {n.tail.camel} {v}",
            f"$ xfconf-query -c {ident(n)} -p /account/{n.tail.snake} -s {v}\n$ xfconf-query -c {ident(n)} -lv\n/account/{n.tail.snake}          {v}\n/general/autostart        true",
        ),
    )


def c_wire_decoders(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        (
            f'$ protoc --decode_raw < login_request.bin\n1: "{svc(r)}"\n2 {{\n  1: "{u}"\n  2: "{pbq(v)}"\n}}\n3: 1765099242',
            pbq(v),
        ),
        (
            f'$ protoc --decode={svc(r).replace("-", "_")}.v1.Credentials creds.proto < creds.bin\nname: "{svc(r)}"\n{n.tail.snake}: "{pbq(v)}"\nexpires_at: 1765099242',
            pbq(v),
        ),
        (
            f'$ bsondump settings.bson\n{{"_id":{{"$oid":"{hexid(24)}"}},"service":"{svc(r)}","{n.camel}":{dq(v)}}}\n2026-12-07T09:14:02.123+0000\t1 objects found',
            None,
        ),
        (
            f"$ python -m pickletools cfg.pkl | sed -n 5,9p\n   18: \\x8c SHORT_BINUNICODE '{n.snake}'\n   30: \\x94 MEMOIZE    (as 2)\n"
            f"   31: \\x8c SHORT_BINUNICODE {pyr(v)}\n   72: \\x94 MEMOIZE    (as 3)\n   73: s    SETITEM",
            None,
        ),
        (
            f'$ msgpack2json -d -i token.msgpack\n{{\n    "{n.camel}": {dq(v)},\n    "exp": 1765099242\n}}',
            None,
        ),
        (
            f'$ capnp decode schema.capnp Credentials < creds.bin\n(name = "{svc(r)}", {n.tail.camel} = {dq(v)}, expiresAt = 1765099242)',
            None,
        ),
    ]
    text, written = RNG.choice(forms)
    return (text, written) if written else text


def c_binary_strings(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ python -m dis settings.pyc | head -4\n  0           0 RESUME                   0\n\n  2           2 LOAD_CONST               0 ({pyr(v)})\n              4 STORE_NAME               0 ({n.env})",
        ),
        line=(
            f"$ strings -n 12 ./dist/{svc(r)}-agent | grep -A1 -i {n.words[-1]}\n{n.snake}\n{v}\n{http(r)}",
            f"$ readelf -p .rodata ./{svc(r)}-agent | sed -n 1,6p\n\nString dump of section '.rodata':\n  [    10]  {http(r)}\n  [    2c]  {v}\n  [    58]  {n.env}",
            f"$ rabin2 -z ./{svc(r)}-agent | head -4\n[Strings]\nnth paddr      vaddr      len size section type  string\n"
            f"―――――――――――――――――――――――――――――――――――――――――――――――――――――――\n0   0x00002004 0x00002004 40  41   .rodata ascii {v}",
        ),
        bare=(
            f'$ go version -m ./bin/{svc(r)}-agent\n./bin/{svc(r)}-agent: go1.23.4\n\tpath\tgithub.com/acme/{svc(r)}-agent\n\tbuild\t-ldflags="-X main.{n.camel}={v} -s -w"\n\tbuild\tCGO_ENABLED=0',
        ),
    )


def c_build_flags(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ grep -B1 {n.env} build/CMakeCache.txt\n//Key the client sends to the vendor\n{n.env}:STRING={v}",
            f"   Compiling {svc(r)}-client v0.4.1 (/srv/src/{svc(r)}-client)\nwarning: {svc(r)}-client@0.4.1: cargo:rustc-env={n.env}={v}",
        ),
        bare=(
            f'[\n  {{\n    "directory": "/srv/src/{svc(r)}/build",\n    "command": "/usr/bin/cc -D{n.env}=\\\\\\"{v}\\\\\\" -O2 -o CMakeFiles/client.dir/src/client.c.o -c /srv/src/{svc(r)}/src/client.c",\n    "file": "/srv/src/{svc(r)}/src/client.c"\n  }}\n]',
            f"$ cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -D{n.env}={v}",
            f"$ meson setup build --buildtype=release -D{n.tail.snake}={v}",
            f"$ go build -ldflags \"-X 'main.{n.camel}={v}'\" -o bin/{svc(r)}-agent ./cmd/agent",
            f"$ cat .bazelrc\nbuild --action_env={n.env}={v}\nbuild --define={n.tail.snake}={v}",
        ),
    )


def c_os_install(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"<UserAccounts>\n  <AdministratorPassword>\n    <Value>{x(v)}</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n</UserAccounts>",
            f"<AutoLogon>\n  <Password>\n    <Value>{x(v)}</Value>\n    <PlainText>true</PlainText>\n  </Password>\n  <Enabled>true</Enabled>\n  <Username>{x(u)}</Username>\n</AutoLogon>",
            f'$ cat user_credentials.json\n{{\n    "!users": [\n        {{\n            "!password": {dq(v)},\n            "sudo": true,\n            "username": "{u}"\n        }}\n    ]\n}}',
        ),
        line=(
            f"d-i passwd/user-fullname string {u}\nd-i passwd/username string {u}\nd-i passwd/user-password password {v}\nd-i passwd/user-password-again password {v}",
        ),
        bare=(
            f"# ks.cfg\nlang en_US.UTF-8\nkeyboard us\ntimezone Etc/UTC --utc\nrootpw --plaintext {v}\nuser --name={u} --groups=wheel --password={v} --plaintext",
            f"autoinstall:\n  version: 1\n  late-commands:\n    - curtin in-target -- sh -c 'echo {n.env}={v} >> /etc/environment'",
        ),
    )


def c_security_tools(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"Hydra v9.5 (c) 2023 by van Hauser/THC & David Maciejak\n[DATA] attacking ssh://10.20.0.5:22/\n[22][ssh] host: 10.20.0.5   login: {u}   password: {v}\n1 of 1 target successfully completed, 1 valid password found",
            f"$ hashcat -m 0 hashes.txt --show\n{hexid(32)}:{v}",
            f"$ john --show shadow.txt\n{u}:{v}:1001:1001::/var/lib/{u}:/bin/bash\n\n1 password hash cracked, 0 left",
            f"SMB         10.20.0.5       445    FS01             [+] CORP\\{u}:{v} (Pwn3d!)",
            f"| http-brute:\n|   Accounts:\n|     {u}:{v} - Valid credentials\n|_  Statistics: Performed 812 guesses in 31 seconds, average tps: 26.2",
            f"Found verified result 🐷🔑\nDetector Type: {cls(n)}\nDecoder Type: PLAIN\nRaw result: {v}\nFile: config/{svc(r)}.env\nLine: 3",
            f"Finding:     {n.env}={v}\nSecret:      {v}\nRuleID:      generic-api-key\nEntropy:     4.62\nFile:        deploy/{svc(r)}.env\nLine:        3",
        ),
    )


def c_test_reports(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'{{"uuid": "{uuid.UUID(int=RNG.getrandbits(128))}", "name": "test_auth", "status": "passed", "parameters": [{{"name": "{n.snake}", "value": {dq(v)}}}]}}',
            f'{{"keyword": "Given ", "name": {dq("the header X-Api-Key is " + v)}, "line": 7, "result": {{"status": "passed", "duration": 1200000}}}}',
        ),
        line=(
            f'<testsuite name="com.acme.{cls(n)}ClientTest" time="1.42" tests="4" errors="0" skipped="0" failures="0">\n  <properties>\n'
            f'    <property name="java.version" value="21.0.5"/>\n    <property name="{n.dotted}" value="{x(v)}"/>\n  </properties>',
            f'<testcase classname="tests.test_client" name="test_auth" time="0.12"><properties><property name="{n.snake}" value="{x(v)}"/></properties></testcase>',
            f'<UnitTestResult testName="AuthTest" outcome="Failed"><Output><StdOut>Using {n.env}={x(v)} against https://staging.{host(r)}</StdOut></Output></UnitTestResult>',
            f'<msg timestamp="20261207 09:14:02.123" level="INFO">${{{n.snake}}} = {x(v)}</msg>',
        ),
    )


def c_k8s_audit(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    body = f'{{"kind":"Secret","apiVersion":"v1","metadata":{{"name":"{s}-creds","namespace":"{s}"}},"stringData":{{"{n.snake}":{dq(v)}}},"type":"Opaque"}}'
    return choose(
        v,
        esc=(
            f'{{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"{uuid.UUID(int=RNG.getrandbits(128))}","stage":"ResponseComplete",'
            f'"requestURI":"/api/v1/namespaces/{s}/secrets","verb":"create","user":{{"username":"system:serviceaccount:ci:deployer"}},'
            f'"objectRef":{{"resource":"secrets","namespace":"{s}","name":"{s}-creds","apiVersion":"v1"}},"requestObject":{body}}}',
            f"$ kubectl get secret {s}-creds -o yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {body}\n  name: {s}-creds",
            f"I1207 09:14:02.123456    4211 round_trippers.go:463] POST https://10.96.0.1:443/api/v1/namespaces/{s}/secrets\nI1207 09:14:02.123789    4211 request.go:1212] Request Body: {body}",
        ),
    )


def c_git_plumbing(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    forms = [
        f"$ git cat-file -p HEAD:config/{s}.yml\n{s}:\n  endpoint: {http(r)}\n  {n.tail.snake}: {yq(v)}",
        f"$ git grep -n {n.env}\nconfig/settings.py:14:{n.env} = {pyr(v)}",
    ]
    if "\n" not in v:
        line = f"{n.env}={v}\nLOG_LEVEL=info\n"
        forms += [
            f"$ git fast-export --all | head -8\nblob\nmark :1\ndata {len(line.encode())}\n{line}\nreset refs/heads/main\ncommit refs/heads/main\nmark :2",
            f"$ git stash show -p stash@{{0}}\ndiff --git a/.env b/.env\nindex {hexid(7)}..{hexid(7)} 100644\n--- a/.env\n+++ b/.env\n@@ -1,2 +1,3 @@\n LOG_LEVEL=info\n+{n.env}={v}",
            f"$ git notes --ref=deploy show HEAD\ndeployed by ci, {n.tail.snake}={v}",
        ]
    return RNG.choice(forms)


def c_dbus_ipc(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"method call time=1765099242.123456 sender=:1.42 -> destination=org.freedesktop.secrets serial=17 path=/org/freedesktop/secrets/collection/login; "
            f'interface=org.freedesktop.Secret.Collection; member=CreateItem\n   struct {{\n      object path "/org/freedesktop/secrets/session/1"\n      array of bytes [\n      ]\n'
            f'      array of bytes "{v}"\n      string "text/plain"\n   }}',
            f"$ busctl --user call org.{ident(n)}.Agent /org/{ident(n)}/Agent org.{ident(n)}.Agent SetToken s {dq(v)}",
            f"$ gdbus call --session --dest org.{ident(n)}.Agent --object-path /org/{ident(n)}/Agent --method org.{ident(n)}.Agent.Login {shq(u)} {shq(v)}\n(true,)",
            f'‣ Type=method_call  Endian=l  Flags=0  Version=1 Cookie=42  Timestamp="Mon 2026-12-07 09:14:02.123456 UTC"\n  Sender=:1.42  Destination=org.{ident(n)}.Agent  Path=/org/{ident(n)}/Agent  Member=SetToken\n'
            f'  MESSAGE "s" {{\n          STRING "{v}";\n  }};',
        ),
        bare=(
            f"$ qdbus org.kde.kwalletd6 /modules/kwalletd6 writePassword 42 {svc(r)} {n.snake} {v} {svc(r)}-sync\n0",
        ),
    )


def c_editor_state(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"In [3]: %history -n 1-3\n   1: import os\n   2: os.environ['{n.env}'] = {pyr(v)}\n   3: client = {cls(n)}Client()",
        ),
        line=(
            f"$ sed -n '/Command Line History/,/^$/p' ~/.viminfo\n# Command Line History (newest to oldest):\n:let ${n.env} = {sqlq(v)}\n:w",
            f"$ sed -n '/^# Registers/,+3p' ~/.viminfo\n# Registers:\n\"0\tLINE\t0\n\t{n.env}={v}\n|3,1,0,1,1,0,1765099242",
            f'$ cat ~/.lesshst\n.less-history-file:\n.search\n"{n.tail.snake}\n"{v}',
            f'$ cat ~/.emacs.d/history\n(setq shell-command-history \'({dq("curl -H " + chr(39) + "X-Api-Key: " + v + chr(39) + " " + http(r) + "/ping")} "make test"))',
        ),
    )


def c_proxy_cfg(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    forms = []
    if "\n" not in v:
        forms += [
            (
                f'$ cat /etc/apt/apt.conf.d/95proxy\nAcquire::http::Proxy "http://{u}:{pct(v)}@proxy.{host(r)}:3128/";',
                pct(v),
            ),
            (
                f'$ cat /etc/docker/daemon.json\n{{\n  "proxies": {{\n    "http-proxy": "http://{u}:{pct(v)}@proxy.{host(r)}:3128",\n    "no-proxy": "localhost,127.0.0.0/8"\n  }}\n}}',
                pct(v),
            ),
            (
                f"Username\t{u}\nDomain\t\tCORP\nPassword\t{v}\nProxy\t\tproxy.{host(r)}:8080\nListen\t\t3128",
                v,
            ),
            (
                f"$ cat ~/.wgetrc\nuse_proxy = on\nhttp_proxy = http://proxy.{host(r)}:3128/\nproxy_user = {u}\nproxy_password = {v}",
                v,
            ),
        ]
    if ok_bare(v):
        forms += [
            (f"[ProxyList]\n# type  ip  port [user pass]\nsocks5\t10.20.0.9\t1080\t{u}\t{v}", v),
            (f"cache_peer parent.{host(r)} parent 3128 0 no-query default login={u}:{v}", v),
        ]
    return RNG.choice(forms)


def c_ebpf_trace(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'{{"hostname":"k8s-w1","output":"09:14:02.123456789: Notice Unexpected outbound connection (proc.cmdline=curl ...)","output_fields":{{"proc.cmdline":{dq("curl -sS -H X-Api-Key: " + v + " " + http(r) + "/ping")},"proc.name":"curl","proc.pid":4212}},"priority":"Notice","rule":"Unexpected outbound connection"}}',
            f'{{"process_exec":{{"process":{{"pid":4212,"uid":1001,"cwd":"/srv/app","binary":"/usr/bin/curl","arguments":{dq("-sS -H " + chr(34) + "X-Api-Key: " + v + chr(34) + " " + http(r) + "/ping")},"flags":"execve clone"}}}},"node_name":"k8s-w1","time":"2026-12-07T09:14:02.123Z"}}',
        ),
        line=(
            f"$ sudo execsnoop-bpfcc\nPCOMM            PID     PPID    RET ARGS\ncurl             4212    4200      0 /usr/bin/curl -sS -H X-Api-Key: {v} {http(r)}/ping",
            f"$ sudo sslsniff-bpfcc -p 4211\nFUNC         TIME(s)            COMM             PID     LEN\nWRITE/SEND   0.000000000        python3          4211    212\n----- DATA -----\n"
            f"POST /v1/events HTTP/1.1\nHost: api.{host(r)}\nAuthorization: Bearer {v}\nContent-Type: application/json\n\n----- END DATA -----",
            f"$ sudo bpftrace -e 'uprobe:/usr/lib/libc.so.6:setenv {{ printf(\"%s=%s\\n\", str(arg0), str(arg1)); }}'\nAttaching 1 probe...\n{n.env}={v}",
        ),
    )


def c_dap_lsp(r, pairs):
    n, v = pairs[-1]
    inner = pyr(v)
    forms = [
        (
            f'[DAP] --> {{"seq": 3, "type": "request", "command": "launch", "arguments": {{"type": "debugpy", "program": "app.py", "env": {{"{n.env}": {dq(v)}}}}}}}',
            None,
        ),
        (
            f'{{"seq":7,"type":"request","command":"runInTerminal","arguments":{{"kind":"integrated","cwd":"/srv/app","args":["/usr/bin/python3","app.py","--{n.tail.kebab}",{dq(v)}]}}}}',
            None,
        ),
        (
            f'{{"seq":12,"type":"response","request_seq":11,"success":true,"command":"variables","body":{{"variables":[{{"name":"{n.snake}","value":{json.dumps(inner)},"type":"str","variablesReference":0}}]}}}}',
            json.dumps(inner[1:-1])[1:-1],
        ),
        (
            f'[Trace - 09:14:02 AM] Sending request \'workspace/executeCommand - (12)\'.\nParams: {{\n    "command": "{ident(n)}.login",\n    "arguments": [\n        {dq(v)}\n    ]\n}}',
            None,
        ),
        (
            f'[Trace - 09:14:02 AM] Received notification \'window/logMessage\'.\nParams: {{"type": 3, "message": {dq("using " + n.env + "=" + v)}}}',
            None,
        ),
    ]
    text, written = RNG.choice(forms)
    return (text, written) if written else text


CONTEXTS = {
    "strace": c_strace,
    "auditd": c_auditd,
    "proc_environ": c_proc_environ,
    "ps_tree": c_ps_tree,
    "gdb_bt": c_gdb_bt,
    "repl_histories": c_repl_histories,
    "web_debug": c_web_debug,
    "api_exports": c_api_exports,
    "win_events": c_win_events,
    "win_setup": c_win_setup,
    "macos_defaults": c_macos_defaults,
    "mobile_runtime": c_mobile_runtime,
    "ssh_env": c_ssh_env,
    "hpc_jobs": c_hpc_jobs,
    "db_logs": c_db_logs,
    "app_prefs": c_app_prefs,
    "desktop_settings": c_desktop_settings,
    "wire_decoders": c_wire_decoders,
    "binary_strings": c_binary_strings,
    "build_flags": c_build_flags,
    "os_install": c_os_install,
    "security_tools": c_security_tools,
    "test_reports": c_test_reports,
    "k8s_audit": c_k8s_audit,
    "git_plumbing": c_git_plumbing,
    "dbus_ipc": c_dbus_ipc,
    "editor_state": c_editor_state,
    "proxy_cfg": c_proxy_cfg,
    "ebpf_trace": c_ebpf_trace,
    "dap_lsp": c_dap_lsp,
}
# Contexts with a form for a multi-line value (it escapes or encodes it).
HAS_ESC = {
    "strace", "auditd", "gdb_bt", "repl_histories", "web_debug", "api_exports", "win_setup",
    "macos_defaults", "mobile_runtime", "wire_decoders", "binary_strings", "db_logs", "app_prefs",
    "desktop_settings", "os_install", "test_reports", "k8s_audit", "git_plumbing", "editor_state",
    "ebpf_trace", "dap_lsp",
}  # fmt: skip


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "strace_write": lambda s: "\n".join(
        f'[pid  4231] write(1, "{cq(ln)}\\n", {len(ln.encode()) + 1}) = {len(ln.encode()) + 1}'
        for ln in s.splitlines()
    ),
    "logcat": lambda s: each("12-07 09:14:02.123  4211  4290 I ScannerDemo: {}", s),
    "gdb_xs": lambda s: f'(gdb) x/s line\n0x55555555a300:\t"{cq(s)}"',
    "sysmon_xml": lambda s: (
        '<EventData><Data Name="Image">C:\\Tools\\scan.exe</Data><Data Name="CommandLine">scan.exe --show-line &quot;'
        + x(s).replace('"', "&quot;")
        + "&quot;</Data></EventData>"
    ),
    "junit_sysout": lambda s: (
        '<testcase classname="tests.test_scanner" name="test_false_positive" time="0.01">\n<system-out><![CDATA[\n'
        + s
        + "\n]]></system-out>\n</testcase>"
    ),
    "dap_output": lambda s: json.dumps(
        {
            "seq": 9,
            "type": "event",
            "event": "output",
            "body": {"category": "stdout", "output": s + "\n"},
        }
    ),
    "viminfo_reg": lambda s: (
        '# Registers:\n""1\tLINE\t0\n' + each("\t{}", s) + "\n|3,0,1,1,1,0,1765099242"
    ),
    "mongo_log": lambda s: json.dumps(
        {
            "t": {"$date": "2026-12-07T09:14:02.123+00:00"},
            "s": "I",
            "c": "-",
            "id": 4211,
            "ctx": "conn42",
            "msg": "Scanner note",
            "attr": {"line": s},
        },
        separators=(",", ":"),
    ),
    "at_job": lambda s: (
        "$ at -c 43 | tail -4\ncd /srv/scanner || {\n\t echo 'Execution directory inaccessible' >&2\n\t exit 1\n}\n"
        + s
    ),
    "protoc_raw": lambda s: f'$ protoc --decode_raw < finding.bin\n1: 4211\n2: "{pbq(s)}"\n3: 0',
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


def nix32(b: bytes) -> str:
    alphabet = "0123456789abcdfghijklmnpqrsvwxyz"
    n = int.from_bytes(b[:20], "big")
    return "".join(alphabet[(n >> (5 * i)) & 31] for i in range(32))


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    out = []
    kinds = 25
    for i in range(kinds * 16):
        seed = f"c38-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        h1b = hashlib.sha1(seed + b"b", usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        md5b = hashlib.md5(seed + b"b", usedforsecurity=False).hexdigest()
        raw = hashlib.sha256(seed + b"raw").digest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        u2 = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
        pid = RNG.randint(1200, 65000)
        kind = i % kinds
        if kind == 0:
            t = (
                f"$ strace -f -e trace=openat,mmap python3 -c 'import {s.replace('-', '_')}'\n"
                f'openat(AT_FDCWD, "/nix/store/{nix32(raw)}-python3-3.12.8/lib/python3.12/encodings/__init__.py", O_RDONLY|O_CLOEXEC) = 3\n'
                f'openat(AT_FDCWD, "/nix/store/{nix32(raw[4:] + raw[:4])}-{s}-{ver}/lib/python3.12/site-packages/{s.replace("-", "_")}/__pycache__/__init__.cpython-312.pyc", O_RDONLY|O_CLOEXEC) = 4\n'
                f"mmap(NULL, 262144, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f{h1[:10]}"
            )
            out.append(("strace-store-paths", t))
        elif kind == 1:
            cmd = f"sha256sum /var/lib/{s}/releases/{s}-{ver}.tar.gz"
            t = (
                f"type=SYSCALL msg=audit(1765099242.{pid % 1000:03d}:{pid}): arch=c000003e syscall=59 success=yes exit=0 items=2 ppid=4200 pid={pid} "
                f'auid=1001 uid=1001 comm="sha256sum" exe="/usr/bin/sha256sum" key="{md5[:8]}"\n'
                f'type=PATH msg=audit(1765099242.{pid % 1000:03d}:{pid}): item=0 name="/usr/bin/sha256sum" inode={RNG.randint(100000, 9999999)} dev=fd:01 mode=0100755 nametype=NORMAL\n'
                f"type=PROCTITLE msg=audit(1765099242.{pid % 1000:03d}:{pid}): proctitle={hexup(cmd.replace(' ', chr(0)))}"
            )
            out.append(("auditd-benign-proctitle", t))
        elif kind == 2:
            t = (
                f"$ sudo cat -v /proc/{pid}/environ\nLANG=C.UTF-8^@INVOCATION_ID={md5}^@JOURNAL_STREAM=8:{pid * 3}^@SYSTEMD_EXEC_PID={pid}^@"
                f"GIT_COMMIT={h1}^@BUILD_ID={s}-{ver}+{h1b[:8]}^@OTEL_RESOURCE_ATTRIBUTES=service.instance.id={u}^@"
            )
            out.append(("environ-ids", t))
        elif kind == 3:
            t = (
                f"$ ps auxww | grep -E '[c]ontainerd-shim|[d]bus-daemon'\n"
                f"root      {pid}  0.0  0.1 1238200 14512 ?   Sl   09:14   0:01 /usr/bin/containerd-shim-runc-v2 -namespace moby -id {h256} -address /run/containerd/containerd.sock\n"
                f"message+   812  0.0  0.0   9876  5120 ?   Ss   08:01   0:00 /usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only\n"
                f"$ echo $DBUS_SESSION_BUS_ADDRESS\nunix:path=/run/user/1001/bus,guid={md5b}"
            )
            out.append(("ps-container-ids", t))
        elif kind == 4:
            t = (
                f"$ coredumpctl info {pid}\n           PID: {pid} ({s})\n        Signal: 6 (ABRT)\n       Boot ID: {md5}\n    Machine ID: {md5b}\n"
                f"       Storage: /var/lib/systemd/coredump/core.{s}.1001.{md5}.{pid}.1765099242000000.zst (present)\n"
                f"  Module /usr/bin/{s} with build-id {h1}\n(gdb) bt\n#0  0x00007ffff7e9a8ed in __pthread_kill_implementation (threadid=<optimized out>, signo=6, no_tid=0) at ./nptl/pthread_kill.c:44"
            )
            out.append(("coredump-ids", t))
        elif kind == 5:
            t = (
                f"$ tail -3 ~/.mysql_history\nSELECT\\040id,\\040sha\\040FROM\\040builds\\040WHERE\\040sha='{h1}';\n"
                f"SELECT\\040key_prefix,\\040LEFT(key_hash,12)\\040FROM\\040api_keys\\040WHERE\\040revoked_at\\040IS\\040NULL;\n"
                f"DELETE\\040FROM\\040sessions\\040WHERE\\040id='{u}';\n$ tail -1 ~/.psql_history\nSELECT * FROM uploads WHERE checksum = '{h256}';"
            )
            out.append(("sql-history-ids", t))
        elif kind == 6:
            t = (
                f'{{"process_exec":{{"process":{{"exec_id":"{b64(f"k8s-w1:{pid}000000:{pid}".encode())}","pid":{pid},"uid":0,"binary":"/usr/bin/sha256sum",'
                f'"arguments":"/srv/{s}/{s}-{ver}.tar.gz","docker":"{h256[:31]}","pod":{{"namespace":"{s}","name":"{s}-{md5[:10]}-{md5b[:5]}",'
                f'"container":{{"id":"containerd://{h256}","image":{{"id":"docker.io/library/{s}@sha256:{hashlib.sha256(seed + b"i").hexdigest()}"}}}}}}}}}},"node_name":"k8s-w1"}}'
            )
            out.append(("tetragon-ids", t))
        elif kind == 7:
            t = (
                f'{{\n  "_id": "{u}",\n  "colId": "{u2}",\n  "containerId": "",\n  "name": "download {s}",\n  "url": "https://releases.example.com/{s}/{ver}/{s}.tar.gz",\n'
                f'  "method": "GET",\n  "sortNum": {RNG.randint(10000, 90000)},\n  "created": "2026-12-07T09:14:02.123Z",\n  "tests": [{{ "type": "res-header", "custom": "etag", "action": "equal", "value": "\\"{md5}\\"" }}]\n}}\n'
                f"# {s}.hurl\nGET https://releases.example.com/{s}/{ver}/{s}.tar.gz\nHTTP 200\n[Asserts]\nsha256 == hex,{h256};"
            )
            out.append(("api-export-ids", t))
        elif kind == 8:
            t = (
                f"Process Create:\nRuleName: -\nUtcTime: 2026-12-07 09:14:02.123\nProcessGuid: {{{u}}}\nProcessId: {pid}\nImage: C:\\Program Files\\{s}\\{s}.exe\n"
                f"FileVersion: {ver}\nHashes: SHA1={h1.upper()},MD5={md5.upper()},SHA256={h256.upper()},IMPHASH={md5b.upper()}\n"
                f"ParentProcessGuid: {{{u2}}}\nLogonGuid: {{{str(uuid.UUID(int=int(md5b, 16))).upper()}}}"
            )
            out.append(("sysmon-hashes", t))
        elif kind == 9:
            t = (
                f'> dsregcmd /status | findstr /i "Id Thumbprint"\n             DeviceId : {u}\n           Thumbprint : {h1.upper()}\n             TenantId : {u2}\n'
                f"> wmic csproduct get UUID\nUUID\n{str(uuid.UUID(int=int(md5, 16))).upper()}\n"
                f'> netsh wlan show profile name="{s}"\n    Authentication         : WPA2-Personal\n    Security key           : Present'
            )
            out.append(("windows-device-ids", t))
        elif kind == 10:
            t = (
                f"$ codesign -dvvv /Applications/{s.title()}.app 2>&1 | sed -n 2,8p\nIdentifier=com.example.{s.replace('-', '')}\nFormat=app bundle with Mach-O universal (x86_64 arm64)\n"
                f"CodeDirectory v=20500 size={RNG.randint(2000, 90000)} flags=0x10000(runtime) hashes=1200+7 location=embedded\nHash choices=sha256\nCDHash={h1}\n"
                f"TeamIdentifier={b32(raw)[:10]}\n$ system_profiler SPHardwareDataType | grep UUID\n      Hardware UUID: {str(uuid.UUID(int=int(md5, 16))).upper()}"
            )
            out.append(("macos-codesign", t))
        elif kind == 11:
            t = (
                f"$ apksigner verify --print-certs {s}-{ver}.apk\nSigner #1 certificate DN: CN={s.title()} Release, O=Example\n"
                f"Signer #1 certificate SHA-256 digest: {h256}\nSigner #1 certificate SHA-1 digest: {h1}\nSigner #1 certificate MD5 digest: {md5}\n"
                f"$ adb shell dumpsys package com.example.{s.replace('-', '')} | grep -E 'versionCode|signatures'\n    versionCode={RNG.randint(100, 99999)} minSdk=26 targetSdk=35\n"
                f"    signatures=PackageSignatures{{{h1b[:7]} version:3, signatures:[{md5b[:8]}], past signatures:[]}}"
            )
            out.append(("android-signing", t))
        elif kind == 12:
            t = (
                f"$ ssh -G build-01 | grep -E '^(controlpath|hostkeyalias|userknownhostsfile)'\ncontrolpath ~/.ssh/cm-%C\nhostkeyalias build-01\n"
                f"$ ssh -O check build-01\nMaster running (pid={pid})\n$ ls ~/.ssh/\ncm-{h1}  config  known_hosts\n$ ssh -v build-01 true 2>&1 | grep kex:\n"
                f"debug1: kex: algorithm: sntrup761x25519-sha512@openssh.com\ndebug1: kex: host key algorithm: ssh-ed25519"
            )
            out.append(("ssh-control-paths", t))
        elif kind == 13:
            t = (
                f"$ nextflow log {s}_{md5[:6]} -f hash,name,status,workdir | head -2\n{h1[:2]}/{h1[2:8]}\tALIGN (sample_{pid % 97})\tCOMPLETED\t/srv/nf/work/{h1[:2]}/{h1[2:32]}\n"
                f"{h1b[:2]}/{h1b[2:8]}\tQC (sample_{pid % 89})\tCOMPLETED\t/srv/nf/work/{h1b[:2]}/{h1b[2:32]}\n"
                f"$ scontrol show job {pid} | grep -E 'JobId|StdOut'\nJobId={pid} ArrayJobId={pid} ArrayTaskId=3 JobName={s}\n   StdOut=/srv/jobs/slurm-{pid}_3.out"
            )
            out.append(("workflow-hashes", t))
        elif kind == 14:
            qid = RNG.randint(10**18, 9 * 10**18)
            t = (
                f"2026-12-07 09:14:02.123 UTC [{pid}] app@{s} LOG:  duration: 0.212 ms  execute <unnamed>: SELECT id FROM uploads WHERE checksum = $1\n"
                f"2026-12-07 09:14:02.123 UTC [{pid}] app@{s} DETAIL:  parameters: $1 = '{h256}'\n"
                f"{s}=# SELECT queryid, calls FROM pg_stat_statements ORDER BY calls DESC LIMIT 1;\n       queryid        | calls\n----------------------+-------\n -{qid} |  4211\n"
                f'{{"t":{{"$date":"2026-12-07T09:14:02.123+00:00"}},"s":"I","c":"COMMAND","msg":"Slow query","attr":{{"queryHash":"{md5[:8].upper()}","planCacheKey":"{md5b[:8].upper()}","lsid":{{"id":{{"$uuid":"{u}"}}}}}}}}'
            )
            out.append(("db-log-ids", t))
        elif kind == 15:
            t = (
                f'user_pref("app.normandy.user_id", "{u}");\nuser_pref("toolkit.telemetry.cachedClientID", "{u2}");\n'
                f'user_pref("browser.startup.homepage_override.buildID", "2026120{i % 9}094302");\n'
                f'user_pref("extensions.webextensions.uuids", "{{\\"{s}@example.com\\":\\"{uuid.UUID(int=int(md5, 16))!s}\\"}}");\n'
                f'user_pref("services.sync.client.GUID", "{b64(raw)[:12].replace("+", "-").replace("/", "_")}");'
            )
            out.append(("firefox-prefs-ids", t))
        elif kind == 16:
            t = (
                f"$ dconf dump /org/gnome/terminal/legacy/profiles:/\n[/]\ndefault='{u}'\nlist=['{u}', '{u2}']\n\n[:{u}]\nvisible-name='Default'\n\n[:{u2}]\nvisible-name='{s}'\n"
                f"$ gsettings get org.gnome.shell enabled-extensions\n['{s}@example.com', 'appindicatorsupport@rgcjonas.gmail.com']"
            )
            out.append(("dconf-profile-ids", t))
        elif kind == 17:
            t = (
                f'$ protoc --decode_raw < artifact.bin\n1: "{s}"\n2: "sha256:{h256}"\n3: 0x{h1[:16]}\n4 {{\n  1: "{ver}"\n  2: {RNG.randint(10**9, 2 * 10**9)}\n}}\n'
                f'$ bsondump blobs.bson\n{{"_id":{{"$oid":"{md5[:24]}"}},"uuid":{{"$binary":{{"base64":"{b64(bytes.fromhex(u.replace("-", "")))}","subType":"04"}}}},"md5":"{md5b}"}}'
            )
            out.append(("decoded-wire-ids", t))
        elif kind == 18:
            t = (
                f"$ go version -m ./bin/{s}\n./bin/{s}: go1.23.4\n\tpath\tgithub.com/acme/{s}\n\tmod\tgithub.com/acme/{s}\t(devel)\t\n"
                f"\tdep\tgolang.org/x/sys\tv0.28.0\th1:{b64(raw)}\n\tbuild\tvcs.revision={h1}\n\tbuild\tvcs.time=2026-12-07T09:14:02Z\n"
                f"$ readelf -n ./bin/{s} | grep 'Build ID'\n    Build ID: {h1b}"
            )
            out.append(("binary-build-ids", t))
        elif kind == 19:
            t = (
                f'[\n  {{\n    "directory": "/srv/src/{s}/build",\n    "command": "/usr/bin/cc -DGIT_SHA=\\\\\\"{h1}\\\\\\" -DBUILD_ID={md5} -O2 -c /srv/src/{s}/src/main.c",\n    "file": "/srv/src/{s}/src/main.c"\n  }}\n]\n'
                f"$ grep -E 'URL_HASH|_SHA' build/CMakeCache.txt\nFETCHCONTENT_{s.upper().replace('-', '_')}_URL_HASH:STRING=SHA256={h256}\nGIT_SHA:STRING={h1}"
            )
            out.append(("build-flag-hashes", t))
        elif kind == 20:
            t = (
                f'{{\n  "ignition": {{ "version": "3.4.0" }},\n  "storage": {{\n    "files": [{{\n      "path": "/opt/{s}/{s}.tar.gz",\n'
                f'      "contents": {{ "source": "https://releases.example.com/{s}/{ver}/{s}.tar.gz", "verification": {{ "hash": "sha512-{hashlib.sha512(seed).hexdigest()}" }} }}\n    }}]\n  }}\n}}\n'
                f"<ComputerName>{s.upper()[:8]}-{md5[:4].upper()}</ComputerName>\n<DiskID>0</DiskID>\n<RegisteredOrganization>Example</RegisteredOrganization>"
            )
            out.append(("install-verification", t))
        elif kind == 21:
            t = (
                f"$ gitleaks detect --redact -v | tail -8\nFinding:     {s.upper().replace('-', '_')}_API_KEY=REDACTED\nSecret:      REDACTED\nRuleID:      generic-api-key\n"
                f"Entropy:     4.62\nFile:        deploy/{s}.env\nCommit:      {h1}\nFingerprint: {h1}:deploy/{s}.env:generic-api-key:3\n"
                f"| ssl-cert: Subject: commonName={s}.example.com\n| SHA-1: {' '.join(h1b[j : j + 4] for j in range(0, 40, 4))}\n|_MD5:   {' '.join(md5[j : j + 4] for j in range(0, 32, 4))}"
            )
            out.append(("scanner-redacted", t))
        elif kind == 22:
            t = (
                f'<testsuite name="com.acme.{s.title().replace("-", "")}Test" tests="3" failures="0">\n  <properties>\n    <property name="java.vm.version" value="21.0.5+11-LTS"/>\n'
                f'    <property name="sun.boot.library.path" value="/usr/lib/jvm/java-21/lib"/>\n  </properties>\n'
                f'  <testcase name="test_digest[sha256-{h256[:16]}]" classname="tests.test_digest" time="0.01"/>\n</testsuite>\n'
                f'{{"uuid": "{u}", "historyId": "{md5}", "testCaseId": "{md5b}", "status": "passed"}}'
            )
            out.append(("test-report-ids", t))
        elif kind == 23:
            t = (
                f'{{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"{u}","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/{s}/secrets/{s}-creds",'
                f'"verb":"get","objectRef":{{"resource":"secrets","namespace":"{s}","name":"{s}-creds","uid":"{u2}","resourceVersion":"{RNG.randint(10**5, 10**7)}"}},'
                f'"annotations":{{"authorization.k8s.io/decision":"allow"}}}}\n'
                f'  annotations:\n    checksum/config: {h256}\n    kubectl.kubernetes.io/restartedAt: "2026-12-07T09:14:02Z"'
            )
            out.append(("k8s-audit-metadata", t))
        else:
            t = (
                f"$ git cat-file -p HEAD\ntree {h1}\nparent {h1b}\nauthor CI Bot <> 1765099242 +0000\ncommitter CI Bot <> 1765099242 +0000\n\nrelease {s} {ver}\n"
                f"$ git ls-tree HEAD deploy/\n100644 blob {hashlib.sha1(seed + b'c', usedforsecurity=False).hexdigest()}\tdeploy/{s}.yaml\n"
                f"$ git verify-pack -v .git/objects/pack/pack-{md5}{md5b[:8]}.idx | head -1\n{h1b} commit 243 170 12"
            )
            out.append(("git-object-ids", t))
    return out


# ---------------------------------------------------------------- fresh draws (draws29's sampler)
def fresh_draws() -> list[dict]:
    """One value per gitleaks rule and per trufflehog detector draws29's sampler translates."""
    import tomllib

    import draw  # draws29's sampler (reads the mirrors when called)

    draw.RNG = random.Random(SEED)
    out: list[dict] = []
    config = tomllib.loads(draw.git_show(draw.GITLEAKS, "HEAD:config/gitleaks.toml"))
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        try:
            pattern = draw.go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        out.append({"source": "gitleaks", "rule": rule["id"], "value": values[0], "extra": []})
    files = draw.subprocess.run(
        [
            "git",
            "-C",
            str(draw.TRUFFLEHOG),
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "pkg/detectors/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(draw.git_show(draw.TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = draw.detector_patterns(src)
        if not pats:
            continue
        name = draw.key_name(list(pats))
        if name is None or isinstance(pats[name], draw.Untranslatable):
            continue
        try:
            pattern = draw.go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, draw.Untranslatable):
                    continue
                if not draw.IDISH.search(other):
                    continue
                try:
                    op = draw.go_to_python(p)
                    ov = draw.draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (draw.Untranslatable, re.error, RecursionError):
                    continue
                extra.append((re.sub(r"(?i)_?pat(?:tern)?$", "", other) or "id", ov))
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        kw = draw.KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        out.append(
            {
                "source": "trufflehog",
                "rule": det,
                "context_rule": word.lower() if word else det,
                "value": values[0],
                "extra": extra[:2],
            }
        )
    for d in out:
        d["label"] = draw.label(d["value"])
    return out


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (
        v,
        json.dumps(v)[1:-1],
        sq(v)[1:-1],
        x(v),
        json.dumps(json.dumps(v)[1:-1])[1:-1],
        json.dumps(v)[1:-1].replace('"', '\\"'),
        repr(v)[1:-1],
        jsq(v)[1:-1],
        psq(v)[1:-1],
        nq(v)[1:-1],
        shq(v).strip("'"),
        sqlq(v)[1:-1],
        csvq(v).strip('"'),
        sqlq(json.dumps(v))[2:-2],
    ):
        if form in text:
            return form
    return v


def emit(rows, family, source, rule, context_rule, value, pairs_extra, also, label):
    pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
    for context in RNG.sample(pool, 2):
        pairs = [(n, w) for n, w in pairs_extra]
        pairs.append((secret_name(context_rule), value))
        made = CONTEXTS[context](context_rule, pairs)
        text, secret = made if isinstance(made, tuple) else (made, as_written(value, made))
        assert secret in text, (context, value, text)
        rows.append(
            {
                "family": family,
                "context": context,
                "text": text,
                "secret": secret,
                "source": source,
                "also": [a for a in also if a in text],
                "rule": rule,
                "kind": "value" if source != "draw" else "draw",
                "label": label,
            }
        )


def main() -> None:
    data = json.loads((HERE.parent / "fixtures24" / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    for scanner, block in data.items():
        for s in block["tps"]:
            value = (s.get("secret") or "").strip().strip("'\"=: ")
            extra_with = list(s.get("with", []))
            if scanner == "trufflehog" and value == s.get("want"):
                value, beside = f24.split_want(value)
                extra_with += beside
            if len(value) < 6 or (s["rule"], value) in seen or f24.secret_label(value):
                continue
            seen.add((s["rule"], value))
            also = [a for a in s.get("also", []) if len(a) >= 6]
            extra = [(extra_name(s["rule"], a, a in also), a) for a in also + extra_with][:3]
            emit(
                rows,
                f"{scanner}:{s['rule']}",
                scanner,
                s["rule"],
                s["rule"],
                value,
                extra,
                also,
                "",
            )
    n_fixture = len(rows)
    for d in fresh_draws():
        rule = d["rule"]
        crule = d.get("context_rule", rule)
        extra = [(extra_name(crule, w, False, lab), w) for lab, w in d["extra"]]
        emit(
            rows,
            f"draw-{d['source']}:{rule}",
            "draw",
            rule,
            crule,
            d["value"],
            extra,
            [],
            d["label"],
        )
        rows[-1]["draw_source"] = rows[-2]["draw_source"] = d["source"]
    benign, seen_b = [], set()
    for scanner, block in data.items():
        for f in block.get("fps", []):
            line = f["line"].strip("\n")
            if not line.strip() or line in seen_b or f24.benign_label(line):
                continue
            seen_b.add(line)
            for context in RNG.sample(sorted(LINE_CONTEXTS), 2 if RNG.random() < 0.5 else 1):
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": LINE_CONTEXTS[context](line),
                        "source": scanner,
                        "kind": "fixture",
                    }
                )
    for kind, text in lookalikes():
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": kind,
                "text": text,
                "source": "lookalike",
                "kind": "lookalike",
                "label": "pii"
                if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text)
                else "",
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows (", n_fixture, "fixture rows,", len(rows) - n_fixture, "draw rows,",
        sum(1 for r in rows if r["label"]), "labelled ) in", len({r["family"] for r in rows}),
        "families;", len(benign), "benign rows (", len(seen_b), "fixtures )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
