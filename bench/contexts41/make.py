"""Build contexts41: scanner fixtures and fresh draws in transformed texts (a second layer of encoding) and in places secrets travel that no earlier corpus visited (blind).

``python bench/contexts41/make.py`` writes secrets.jsonl and benign.jsonl (seed 41041). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 41041) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS. Fifteen give the
value a second layer a real pipeline applies (JSON in a JSON string in a log, nginx's `\\xHH` log
escapes, page state embedded in HTML, RSS/Atom escaped HTML, `$'…'`/`printf %q`/`'\\''` quoting,
ANSI colour, a terminal's 80-column wrap, mysql/sqlcmd batch TSV, doubled quotes in CSV/SQL/VB,
YAML folded scalars, backslash-continued lines, wiki tables, `\\/` and sed escapes, numeric HTML
entities, functional languages' printed terms); fifteen are new places (IDE run configurations,
database client exports, API test tools, password-manager exports, proxy sessions, mobile profiles,
network device configs, smart-home configs, remote desktop files, FTP clients, LLM front-ends,
backup jobs, identity provider exports, load-test scripts, crash reports' environment blocks).
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts40; a context may return (text, written) when the text holds the value encoded.
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

SEED = 41041
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


def pesc(v: str) -> str:
    """A java.util.Properties value as Properties.store writes it (\\uXXXX for non-ASCII, \\:, \\=, \\#, \\!)."""
    out = []
    for i, ch in enumerate(v):
        if ch == "\\":
            out.append("\\\\")
        elif ch in ":=#!":
            out.append("\\" + ch)
        elif ch == " " and i == 0:
            out.append("\\ ")
        elif not (ch.isascii() and ch.isprintable()):
            out.append(f"\\u{ord(ch):04X}" if ord(ch) < 0x10000 else ch)
        else:
            out.append(ch)
    return "".join(out)


def when() -> str:
    return f"2026-12-07T09:{RNG.randint(10, 59)}:{RNG.randint(10, 59)}.{RNG.randint(100, 999)}Z"


def rid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128)))


def jdump(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


def jline(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- second-layer encoders
def nginx_esc(v: str) -> str:
    """nginx's log_format escape=default: `"`, `\\` and bytes outside printable ASCII as \\xHH."""
    out = []
    for b in v.encode():
        ch = chr(b)
        out.append(f"\\x{b:02X}" if ch in '"\\' or not (32 <= b < 127) else ch)
    return "".join(out)


def ent_num(v: str) -> str:
    """OWASP ESAPI/Encoder's encodeForHTML: every character but letters, digits, `,.-_ ` as &#xHH;."""
    return "".join(
        ch if (ch.isalnum() and ch.isascii()) or ch in ",.-_ " else f"&#x{ord(ch):x};" for ch in v
    )


def ansi_c(v: str) -> str:
    """The body of bash's $'…' quoting as `declare -p` and `printf %q` write it."""
    return (
        v.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )


def printf_q(v: str) -> str:
    """bash's printf %q of a one-line word: a backslash before each shell-special character."""
    return re.sub(r"([^A-Za-z0-9_./:=,+@%^-])", r"\\\1", v)


def nested_sq(v: str) -> str:
    """A word single-quoted inside a single-quoted `bash -c` argument ('\\'' twice over)."""
    inner = "'" + v.replace("'", "'\\''") + "'"
    return inner.replace("'", "'\\''")


def mysql_b(v: str) -> str:
    """mysql --batch's cell escaping: backslash, tab, newline, NUL."""
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\0", "\\0")


def php_json(v: str) -> str:
    """PHP json_encode's string body (slashes escaped as \\/)."""
    return json.dumps(v)[1:-1].replace("/", "\\/")


def sed_rhs(v: str) -> str:
    """A value as a sed replacement: `\\`, the delimiter `/` and `&` backslash-escaped."""
    return v.replace("\\", "\\\\").replace("/", "\\/").replace("&", "\\&")


def csv_json(v: str) -> str:
    """A value inside a JSON string inside a CSV cell (the JSON's quotes doubled)."""
    return json.dumps(v)[1:-1].replace('"', '""')


def vbq(v: str) -> str:
    """A VB/VBA string literal ("" doubles a quote)."""
    return '"' + v.replace('"', '""') + '"'


def erl_bin(v: str) -> str:
    """An Erlang binary <<"…">> as io:format's ~p prints it."""
    return '<<"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '">>'


def hs_show(v: str) -> str:
    """Haskell's show of a String (like JSON for ASCII; newline as \\n)."""
    return json.dumps(v, ensure_ascii=False)


def ansi(code: str, s: str) -> str:
    return f"\x1b[{code}m{s}\x1b[0m"


def jesc(v: str, n: int) -> str:
    """The value as a JSON string's body, escaped `n` times over (a JSON string in a JSON string)."""
    for _ in range(n):
        v = json.dumps(v, ensure_ascii=False)[1:-1]
    return v


def b64s(v: str) -> str:
    return base64.b64encode(v.encode()).decode()


# ---------------------------------------------------------------- secret contexts (second layer)
def c_json2_logs(r, pairs):
    n, v = pairs[-1]
    inner = json.dumps(
        {"level": "info", "msg": "loaded config", n.camel: v, "ts": when()}, ensure_ascii=False
    )
    return choose(
        v,
        esc=(
            (
                jline(
                    {
                        "messageType": "DATA_MESSAGE",
                        "logGroup": f"/ecs/{svc(r)}",
                        "logEvents": [
                            {
                                "id": str(RNG.getrandbits(60)),
                                "timestamp": 1765099242000,
                                "message": inner,
                            }
                        ],
                    }
                ),
                jesc(v, 2),
            ),
            (
                jdump(
                    {
                        "insertId": hexid(14),
                        "resource": {
                            "type": "cloud_run_revision",
                            "labels": {"service_name": svc(r)},
                        },
                        "textPayload": "request body: "
                        + json.dumps({n.snake: v}, ensure_ascii=False),
                        "timestamp": when(),
                    }
                ),
                jesc(v, 2),
            ),
            (
                jline(
                    {
                        "file": f"/var/log/pods/{svc(r)}_0.log",
                        "message": json.dumps(
                            {"log": inner + "\n", "stream": "stdout", "time": when()},
                            ensure_ascii=False,
                        ),
                        "source_type": "file",
                    }
                ),
                jesc(v, 3),
            ),
        ),
    )


def c_nginx_escaped(r, pairs):
    n, v = pairs[-1]
    ip = f"10.4.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
    head = f'{ip} - - [07/Dec/2026:09:14:02 +0000] "POST /v1/{svc(r)}/token HTTP/1.1" 200 312 "-" "curl/8.5.0"'
    j = nginx_esc(json.dumps({n.snake: v, "grant_type": "client_credentials"}))
    f = pct(v)
    forms = [
        (
            f'log_format body escape=default \'$remote_addr "$request" $status "$request_body"\';\n{ip} "POST /v1/auth HTTP/1.1" 200 "{j}"',
            nginx_esc(json.dumps(v)[1:-1]),
        ),
        (f'{head} "client_id={svc(r)}&{n.snake}={f}&grant_type=client_credentials"', f),
        (
            jline(
                {
                    "time": when(),
                    "remote_addr": ip,
                    "request": f"GET /v1/{svc(r)}?{n.snake}={f}&page=2 HTTP/1.1",
                    "status": 200,
                }
            ),
            f,
        ),
    ]
    return RNG.choice(forms)


def c_page_state(r, pairs):
    n, v = pairs[-1]
    state = {
        "props": {"pageProps": {"config": {n.camel: v, "region": "eu-west-1"}}},
        "page": "/settings",
        "buildId": hexid(21),
    }
    props = x(json.dumps({n.camel: v, "endpoint": http(r)}, ensure_ascii=False))
    js = json.dumps(
        json.dumps({n.camel: v, "env": "production"}, ensure_ascii=False), ensure_ascii=False
    )
    return choose(
        v,
        esc=(
            (
                f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>',
                jesc(v, 1),
            ),
            (
                f'<div id="app" data-react-class="SettingsForm" data-react-props="{props}"></div>',
                x(jesc(v, 1)),
            ),
            (f"<script>window.__APP_CONFIG__ = JSON.parse({js});</script>", jesc(v, 2)),
        ),
    )


def c_feeds(r, pairs):
    n, v = pairs[-1]
    code = f"<pre><code>{x(n.env)}={x(v)}</code></pre>"
    return choose(
        v,
        line=(
            (
                f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>{svc(r)} ops</title>\n<item><title>Rotated the {svc(r)} key</title>\n'
                f"<description>{x(code)}</description><pubDate>Mon, 07 Dec 2026 09:14:02 +0000</pubDate></item></channel></rss>",
                x(x(v)),
            ),
            (
                f'<entry><title>deploy notes</title><content type="html">&lt;p&gt;set &lt;code&gt;{x(n.env)}=&amp;quot;{x(x(v))}&amp;quot;&lt;/code&gt;&lt;/p&gt;</content></entry>',
                x(x(v)),
            ),
            (
                jdump(
                    {
                        "version": "https://jsonfeed.org/version/1.1",
                        "items": [
                            {
                                "id": "42",
                                "content_html": f"<p>the {svc(r)} {n.tail.snake.replace('_', ' ')}: <code>{x(v)}</code></p>",
                            }
                        ],
                    }
                ),
                jesc(x(v), 1),
            ),
        ),
    )


def c_shell_quoting(r, pairs):
    n, v = pairs[-1]
    forms = [(f"$ declare -p {n.env}\ndeclare -x {n.env}=$'{ansi_c(v)}'", ansi_c(v))]
    if "\n" not in v:
        q = printf_q(v)
        forms += [
            (
                f"$ printf 'export %s=%q\\n' {n.env} \"${n.env}\" >> deploy.env\n$ cat deploy.env\nexport {n.env}={q}",
                q,
            ),
            (
                f"+ ssh deploy@{host(r)} 'bash -c '\\''export {n.env}={nested_sq(v)}; ./restart.sh'\\'''",
                nested_sq(v),
            ),
            (f"$ env -0 | grep -z {n.env} | xargs -0 printf '%q\\n'\n{n.env}={q}", q),
        ]
    return RNG.choice(forms)


def c_ansi_colour(r, pairs):
    n, v = pairs[-1]
    k = n.env
    return choose(
        v,
        esc=(
            "$ jq -C . config.json\n"
            + ansi("1;39", "{")
            + "\n  "
            + ansi("34;1", f'"{n.camel}"')
            + ansi("1;39", ":")
            + " "
            + ansi("0;32", json.dumps(v))
            + "\n"
            + ansi("1;39", "}"),
        ),
        line=(
            f"$ env | grep --color=always {svc(r).upper().split('-')[0]}\n\x1b[01;31m\x1b[K{k}\x1b[m\x1b[K={v}",
            f"$ bat --paging=never .env\n\x1b[38;5;238m   1\x1b[0m \x1b[38;5;238m│\x1b[0m \x1b[38;2;249;38;114m{k}\x1b[0m\x1b[38;2;248;248;242m=\x1b[0m\x1b[38;2;230;219;116m{v}\x1b[0m",
            f"\x1b[32mINFO\x1b[0m [{svc(r)}] using \x1b[1m{n.snake}\x1b[22m=\x1b[36m{v}\x1b[39m",
        ),
    )


def c_term_wrap(r, pairs):
    n, v = pairs[-1]
    if len(v) > 78:
        return f"$ tmux capture-pane -pJ -t ops:1\nops@bastion:~$ export {n.env}={shq(v)}\nops@bastion:~$ ./sync.sh"
    head = RNG.choice(
        (
            f"$ kubectl describe pod {svc(r)}-7d9f -n prod | sed -n 20,24p\n    Environment:\n      {n.env}:  ",
            f"C:\\deploy> set {n.env[:3]}\r\n{n.env}=",
            f"ops@bastion:~/{svc(r)}$ ./configure --with-{n.tail.kebab}=",
        )
    )
    last = head.split("\n")[-1]
    pad = max(0, 80 - len(last))
    head += " " * pad if RNG.random() < 0.5 else ""
    return head + "\n" + v + "\n" + ("ops@bastion:~$ " if RNG.random() < 0.5 else "")


def c_tsv_exports(r, pairs):
    n, v = pairs[-1]
    m = mysql_b(v)
    forms = [
        (
            f"$ mysql -B -e \"SELECT name, value FROM settings WHERE name LIKE '{n.snake}%'\"\nname\tvalue\n{n.snake}\t{m}\n{n.snake}_rotated_at\t2026-12-07",
            m,
        ),
        (
            f"$ mysql --batch --raw=false -e 'SELECT service, {n.snake} FROM creds'\nservice\t{n.snake}\n{svc(r)}\t{m}",
            m,
        ),
    ]
    if "\n" not in v:
        forms += [
            (
                f'PS> Import-Csv creds.csv | Export-Csv -Delimiter "`t" -NoTypeInformation out.tsv; type out.tsv\r\n"Service"\t"{n.pascal}"\r\n"{svc(r)}"\t"{v.replace(chr(34), chr(34) * 2)}"\r\n',
                v.replace('"', '""'),
            ),
            (
                f'> sqlcmd -S db01 -Q "SELECT Name, Value FROM dbo.Settings" -s "\t" -W\r\nName\tValue\r\n----\t-----\r\n{n.pascal}\t{v}\r\n\r\n(1 rows affected)\r\n',
                v,
            ),
        ]
    return RNG.choice(forms)


def c_doubled_quotes(r, pairs):
    n, v = pairs[-1]
    cj = csv_json(v)
    payload = sqlq(json.dumps({n.snake: v, "note": "it's rotated"}))
    forms = [
        (
            f'id,service,settings_json,updated\n17,{svc(r)},"{{""{n.snake}"": ""{cj}"", ""region"": ""eu-west-1""}}",2026-12-07',
            cj,
        ),
        (
            f"INSERT INTO app_settings (service, payload) VALUES ('{svc(r)}', {payload});",
            sqlq(json.dumps(v))[2:-2],
        ),
    ]
    if "\n" not in v:
        forms.append(
            (
                f"Const {n.pascal} As String = {vbq(v)}\nDim client = New {cls(n)}Client({n.pascal})",
                v.replace('"', '""'),
            )
        )
        forms.append(
            (
                f'=HYPERLINK("https://{host(r)}/login?{n.snake}=" & "{v.replace(chr(34), chr(34) * 2)}", "open")',
                v.replace('"', '""'),
            )
        )
    return RNG.choice(forms)


def c_yaml_folded(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'jobs:\n  deploy:\n    steps:\n      - name: smoke\n        run: >\n          curl -fsS -H "Authorization: Bearer {v}"\n          {http(r)}/health',
            f"  - name: register\n    shell: >-\n      {svc(r)}-cli register\n      --{n.tail.kebab} {shq(v)}\n      --region eu-west-1",
            f"description: >\n  Service account for {svc(r)}.\n  The {n.tail.snake.replace('_', ' ')} is\n  {v}\n  until the rotation on Friday.",
            f"data:\n  setup.sh: |2\n      #!/bin/sh\n      export {n.env}={shq(v)}\n      exec /app/server",
        ),
    )


def c_line_continued(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'FROM python:3.12-slim\nENV LOG_LEVEL=info \\\n    {n.env}={shq(v)} \\\n    PORT=8080\nCMD ["python", "-m", "app"]',
            f"docker run -d --name {svc(r)} \\\n  -e REGION=eu-west-1 \\\n  -e {n.env}={shq(v)} \\\n  ghcr.io/acme/{svc(r)}:1.4",
            f'PS> Invoke-RestMethod -Uri {http(r)}/sync `\n>>   -Method Post `\n>>   -Headers @{{ Authorization = "Bearer {v}" }} `\n>>   -ContentType application/json',
            f'#define {ident(n).upper()}_DEFAULTS \\\n    .endpoint = "{http(r)}", \\\n    .{n.tail.snake} = {dq(v)}, \\\n    .timeout_ms = 3000',
        ),
    )


def c_wiki_tables(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"====== {svc(r)} ======\n^ Setting ^ Value ^\n| endpoint | {http(r)} |\n| {n.snake} | ''{v}'' |",
            f'{{| class="wikitable"\n! Setting !! Value\n|-\n| endpoint || {http(r)}\n|-\n| {n.snake} || <code>{v}</code>\n|}}',
            f"| Setting | Value |\n|---------+-------|\n| {n.snake} | ={v}= |\n| region | eu-west-1 |",
            f'<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[export {n.env}={shq(v)}]]></ac:plain-text-body></ac:structured-macro>',
        ),
    )


def c_slash_escapes(r, pairs):
    n, v = pairs[-1]
    forms = [
        (
            f'$ php -r \'echo json_encode(require "config.php");\'\n{{"endpoint":"{php_json(http(r))}","{n.snake}":"{php_json(v)}"}}',
            php_json(v),
        )
    ]
    if "\n" not in v:
        s = sed_rhs(v)
        forms += [
            (f"sed -i 's/^{n.env}=.*/{n.env}={s}/' /etc/{svc(r)}/env", s),
            (f"perl -pi -e 's/__{n.env}__/{s}/g' config/{svc(r)}.yml", s),
        ]
    return RNG.choice(forms)


def c_entity_pages(r, pairs):
    n, v = pairs[-1]
    e = ent_num(v)
    forms = [
        (
            f'<table class="env"><tr><td class="name">{n.env}</td><td class="value">{e}</td></tr></table>',
            e,
        ),
        (f'<input type="hidden" name="{n.snake}" value="{e}"/>', e),
        (f"<p>Configured {n.tail.snake.replace('_', ' ')}: <span>{e}</span></p>", e),
    ]
    return RNG.choice(forms)


def c_fp_prints(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'1> {ident(n)}_cfg:get().\n#{{endpoint => <<"{http(r)}">>,\n  {n.snake} => {erl_bin(v)}}}',
            f'user=> (config/load)\n#{ident(n)}.config.Settings{{:endpoint "{http(r)}", :{n.kebab} {json.dumps(v)}}}',
            f'ghci> loadConfig\nConfig {{configEndpoint = "{http(r)}", config{n.pascal} = {hs_show(v)}}}',
            f'> printfn "%A" settings;;\n{{ Endpoint = "{http(r)}"\n  {n.pascal} = {json.dumps(v)} }}',
            f'utop # Config.load ();;\n- : Config.t = {{Config.endpoint = "{http(r)}"; {n.snake} = {json.dumps(v)}}}',
        ),
    )


# ---------------------------------------------------------------- secret contexts (new places)
def c_ide_runs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "profiles": {
                        svc(r): {
                            "commandName": "Project",
                            "environmentVariables": {
                                "ASPNETCORE_ENVIRONMENT": "Development",
                                n.env: v,
                            },
                        }
                    }
                }
            ),
        ),
        line=(
            f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<launchConfiguration type="org.eclipse.jdt.launching.localJavaApplication">\n'
            f'<mapAttribute key="org.eclipse.debug.core.environmentVariables">\n<mapEntry key="{x(n.env)}" value="{x(v)}"/>\n</mapAttribute>\n</launchConfiguration>',
            f'<LaunchAction buildConfiguration = "Debug">\n   <EnvironmentVariables>\n      <EnvironmentVariable\n         key = "{x(n.env)}"\n         value = "{x(v)}"\n         isEnabled = "YES">\n      </EnvironmentVariable>\n   </EnvironmentVariables>\n</LaunchAction>',
            f'<component name="ProjectRunConfigurationManager">\n  <configuration name="{svc(r)}" type="Application">\n    <envs>\n      <env name="{x(n.env)}" value="{x(v)}" />\n    </envs>\n  </configuration>\n</component>',
        ),
    )


def c_db_clients(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'<value type="object" struct-name="db.mgmt.Connection" id="{rid()}">\n  <value type="dict" key="parameterValues">\n'
            f'    <value type="string" key="hostName">{host(r)}</value>\n    <value type="string" key="password">{x(v)}</value>\n    <value type="string" key="userName">svc</value>\n  </value>\n</value>',
            f"<dict>\n\t<key>connection</key>\n\t<dict>\n\t\t<key>host</key>\n\t\t<string>{host(r)}</string>\n\t\t<key>password</key>\n\t\t<string>{x(v)}</string>\n\t</dict>\n</dict>",
            f"Servers\\{svc(r)}\\Host<|||>1<|||>{host(r)}\nServers\\{svc(r)}\\User<|||>1<|||>svc\nServers\\{svc(r)}\\Password<|||>1<|||>{v}\nServers\\{svc(r)}\\Port<|||>1<|||>3306",
        ),
        esc=(
            jdump(
                {
                    "Servers": {
                        "1": {
                            "Name": svc(r),
                            "Host": host(r),
                            "Username": "svc",
                            "PassFile": "/pgpass",
                            "Comment": f"password: {v}",
                        }
                    }
                }
            ),
        ),
    )


def c_api_tools(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(jdump({"dev": {"host": http(r)}, "prod": {"host": http(r), n.camel: v}}),),
        line=(
            f"<con:credentials><con:username>svc</con:username><con:password>{x(v)}</con:password><con:authType>Basic</con:authType></con:credentials>",
            f'<elementProp name="" elementType="Header">\n  <stringProp name="Header.name">Authorization</stringProp>\n  <stringProp name="Header.value">Bearer {x(v)}</stringProp>\n</elementProp>',
            f'<elementProp name="{x(n.snake)}" elementType="Argument">\n  <stringProp name="Argument.name">{x(n.snake)}</stringProp>\n  <stringProp name="Argument.value">{x(v)}</stringProp>\n</elementProp>',
        ),
    )


def c_pm_exports(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "items": [
                        {
                            "title": f"{svc(r)} console",
                            "category": "login",
                            "fields": [
                                {"label": "Username", "type": "username", "value": "svc"},
                                {"label": "Password", "type": "password", "value": v},
                            ],
                        }
                    ]
                }
            ),
        ),
        line=(
            f"name,url,username,password,note\n{svc(r)},https://{host(r)}/login,svc,{csvq(v)},",
            f"$ keepassxc-cli show -s vault.kdbx ops/{svc(r)}\nTitle: {svc(r)}\nUserName: svc\nPassword: {v}\nURL: https://{host(r)}\nNotes:",
            f"username,username2,username3,title,password,note,url,category,otpSecret\nsvc,,,{svc(r)},{csvq(v)},,https://{host(r)},Work,",
        ),
    )


def c_proxy_sessions(r, pairs):
    n, v = pairs[-1]
    req = f"GET /v1/me HTTP/1.1\r\nHost: api.{host(r)}\r\nAuthorization: Bearer {v}\r\nAccept: */*\r\n\r\n"
    return choose(
        v,
        esc=(
            jdump(
                [
                    {
                        "status": "COMPLETE",
                        "method": "GET",
                        "protocolVersion": "HTTP/1.1",
                        "host": f"api.{host(r)}",
                        "path": "/v1/me",
                        "request": {
                            "header": {
                                "headers": [
                                    {"name": "Host", "value": f"api.{host(r)}"},
                                    {"name": n.kebab.title(), "value": v},
                                ]
                            }
                        },
                    }
                ]
            ),
        ),
        line=(
            f'<items burpVersion="2026.10"><item><url><![CDATA[https://api.{host(r)}/v1/me]]></url><method><![CDATA[GET]]></method>'
            f'<request base64="false"><![CDATA[{req}]]></request><status>200</status></item></items>',
            f"GET https://api.{host(r)}/v1/me?{n.snake}={pct(v)} HTTP/1.1\r\nHost: api.{host(r)}\r\nUser-Agent: Fiddler\r\n\r\n",
        ),
    )


def c_mobile_profiles(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"<dict>\n\t<key>PayloadType</key>\n\t<string>com.apple.wifi.managed</string>\n\t<key>SSID_STR</key>\n\t<string>{svc(r)}-corp</string>\n\t<key>Password</key>\n\t<string>{x(v)}</string>\n</dict>",
            (
                f"<dict>\n\t<key>PayloadType</key>\n\t<string>com.apple.vpn.managed</string>\n\t<key>IPSec</key>\n\t<dict>\n\t\t<key>AuthenticationMethod</key>\n\t\t<string>SharedSecret</string>\n\t\t<key>SharedSecret</key>\n\t\t<data>{b64s(v)}</data>\n\t</dict>\n</dict>",
                b64s(v),
            ),
            f'<restrictions xmlns:android="http://schemas.android.com/apk/res/android">\n  <restriction android:key="{n.camel}" android:restrictionType="string" android:defaultValue="{x(v)}" />\n</restrictions>',
        ),
        esc=(
            jdump(
                {
                    "expo": {
                        "name": svc(r),
                        "slug": svc(r),
                        "extra": {n.camel: v, "eas": {"projectId": rid()}},
                    }
                }
            ),
        ),
    )


def c_net_configs(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"service {{\n    pppoe-server {{\n        authentication {{\n            local-users {{\n                username {svc(r)} {{\n                    password {shq(v)}\n                }}\n            }}\n        }}\n    }}\n}}",
            f'config vpn ipsec phase1-interface\n    edit "{svc(r)}"\n        set interface "wan1"\n        set psksecret {dq(v)}\n    next\nend',
            f"interface Tunnel0\n crypto isakmp key {v} address 203.0.113.7\n!\nsnmp-server community {v} RO",
            f'wlan ssid-profile "{svc(r)}"\n   essid "{svc(r)}"\n   opmode wpa2-psk-aes\n   wpa-passphrase {v}\n!',
        ),
    )


def c_smart_home(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "bridge": {"name": "Homebridge", "port": 51826},
                    "platforms": [{"platform": svc(r).title(), n.camel: v, "refreshInterval": 60}],
                }
            ),
        ),
        line=(
            f'Bridge mqtt:broker:{ident(n)} "MQTT" [ host="{host(r)}", secure=true, username="svc", password="{v}" ]',
            f"15:02:11.412 CMD: Backlog MqttHost {host(r)}; MqttUser svc; MqttPassword {v}; Restart 1",
            f"org.openhab.{ident(n)}:{n.camel}={v}\norg.openhab.{ident(n)}:refresh=60",
        ),
    )


def c_remote_desktop(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'<authorize username="ops" password="{x(v)}">\n  <connection name="{svc(r)}">\n    <protocol>rdp</protocol>\n    <param name="hostname">{host(r)}</param>\n    <param name="password">{x(v)}</param>\n  </connection>\n</authorize>',
            f"xfreerdp /v:{host(r)} /u:Administrator /p:{shq(v)} /cert:ignore +clipboard",
            f"[remmina]\nname={svc(r)}\nprotocol=VNC\nserver={host(r)}:5900\npassword={v}\ncolordepth=32",
        ),
    )


def c_ftp_clients(r, pairs):
    _n, v = pairs[-1]
    forms = [
        (
            f'<Server>\n  <Host>ftp.{host(r)}</Host>\n  <Port>21</Port>\n  <User>svc</User>\n  <Pass encoding="base64">{b64s(v)}</Pass>\n  <Name>{svc(r)}</Name>\n</Server>',
            b64s(v),
        ),
    ]
    if "\n" not in v:
        forms += [
            (
                f'winscp.com /command "open sftp://svc:{pct(v)}@{host(r)}/ -hostkey=*" "put backup.tgz" "exit"',
                pct(v),
            ),
            (
                f"$ lftp -u svc,{shq(v)} sftp://{host(r)}\nlftp svc@{host(r)}:~> ls",
                shq(v).strip("'"),
            ),
            (
                f"<dict>\n\t<key>Hostname</key>\n\t<string>{host(r)}</string>\n\t<key>Username</key>\n\t<string>svc</string>\n\t<key>Password</key>\n\t<string>{x(v)}</string>\n</dict>",
                x(v),
            ),
        ]
    return RNG.choice(forms)


def c_llm_frontends(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump({f"api_key_{ident(n)}": v, "api_key_custom": ""}),
            jdump(
                {
                    "openai": {"enable": True, "api_base_urls": [http(r)], "api_keys": [v]},
                    "ui": {"default_models": "gpt-4o"},
                }
            ),
            jdump(
                {
                    "_comment": "engines/openai.json",
                    "full_url": f"{http(r)}/chat/completions",
                    "api_key": v,
                }
            ),
        ),
        line=(f"$ python server.py --listen --api --api-key {shq(v)} --model {svc(r)}-7b",),
    )


def c_backup_jobs(r, pairs):
    _n, v = pairs[-1]
    forms = [
        (
            jdump(
                {
                    "Backup": {
                        "Name": svc(r),
                        "TargetURL": f"s3://{svc(r)}-backups/nightly?auth-username=AKIA&auth-password={pct(v)}",
                        "Settings": [],
                    }
                }
            ),
            pct(v),
        )
    ]
    if "\n" not in v:
        forms += [
            (
                f"$ kopia repository connect s3 --bucket={svc(r)}-backups --access-key=svc --secret-access-key={shq(v)} --password=hunter",
                shq(v).strip("'"),
            ),
            (
                f"pbs: {svc(r)}\n\tdatastore main\n\tserver {host(r)}\n\tusername backup@pbs\n\tpassword {v}\n\tfingerprint 00:11",
                v,
            ),
            (
                f"[{svc(r)}]\ntype = s3\nprovider = Other\nsecret_access_key = {v}\nendpoint = https://{host(r)}",
                v,
            ),
        ]
    return RNG.choice(forms)


def c_idp_exports(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "client_id": f"{svc(r)}-web",
                    "client_name": svc(r),
                    "client_secret": v,
                    "grant_types": ["client_credentials"],
                    "token_endpoint_auth_method": "client_secret_post",
                }
            ),
        ),
        line=(
            f"clients:\n  - name: {svc(r)}\n    app_type: non_interactive\n    client_secret: {yq(v)}\n    grant_types:\n      - client_credentials",
            f"entries:\n  - model: authentik_providers_oauth2.oauth2provider\n    identifiers:\n      name: {svc(r)}\n    attrs:\n      client_id: {svc(r)}\n      client_secret: {yq(v)}",
        ),
    )


def c_load_tests(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"import http from 'k6/http';\nconst TOKEN = __ENV.{n.env} || {jsq(v)};\nexport default function () {{\n  http.get('{http(r)}/me', {{ headers: {{ Authorization: `Bearer ${{TOKEN}}` }} }});\n}}",
            f'val httpProtocol = http\n  .baseUrl("{http(r)}")\n  .header("Authorization", "Bearer {v}")\n  .acceptHeader("application/json")',
            f"config:\n  target: {http(r)}\n  defaults:\n    headers:\n      x-api-key: {yq(v)}\nscenarios:\n  - flow:\n      - get:\n          url: /me",
            f"class User(HttpUser):\n    def on_start(self):\n        self.client.headers[{dq(n.kebab)}] = {dq(v)}",
        ),
    )


def c_crash_env(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "header": {
                        "reportVersion": 3,
                        "event": "Exception",
                        "trigger": "Exception",
                        "nodejsVersion": "v22.11.0",
                    },
                    "environmentVariables": {"NODE_ENV": "production", n.env: v},
                }
            ),
        ),
        line=(
            f"0:000> !peb\nPEB at 000000a1b2c3d000\n    Environment:  000001e4f2a01230\n        =C:=C:\\app\n        COMPUTERNAME=WEB01\n        {n.env}={v}\n        PATH=C:\\Windows\\system32",
            f"---------------  S Y S T E M  ---------------\n\nEnvironment Variables:\nJAVA_HOME=/usr/lib/jvm/java-21\n{n.env}={v}\nPATH=/usr/bin:/bin\nSHELL=/bin/bash",
            f"$ coredumpctl info {RNG.randint(1000, 9999)} | sed -n '/Environment/,$p'\n   Environment:\n           HOME=/srv/app\n           {n.env}={v}",
        ),
    )


CONTEXTS = {
    "json2_logs": c_json2_logs,
    "nginx_escaped": c_nginx_escaped,
    "page_state": c_page_state,
    "feeds": c_feeds,
    "shell_quoting": c_shell_quoting,
    "ansi_colour": c_ansi_colour,
    "term_wrap": c_term_wrap,
    "tsv_exports": c_tsv_exports,
    "doubled_quotes": c_doubled_quotes,
    "yaml_folded": c_yaml_folded,
    "line_continued": c_line_continued,
    "wiki_tables": c_wiki_tables,
    "slash_escapes": c_slash_escapes,
    "entity_pages": c_entity_pages,
    "fp_prints": c_fp_prints,
    "ide_runs": c_ide_runs,
    "db_clients": c_db_clients,
    "api_tools": c_api_tools,
    "pm_exports": c_pm_exports,
    "proxy_sessions": c_proxy_sessions,
    "mobile_profiles": c_mobile_profiles,
    "net_configs": c_net_configs,
    "smart_home": c_smart_home,
    "remote_desktop": c_remote_desktop,
    "ftp_clients": c_ftp_clients,
    "llm_frontends": c_llm_frontends,
    "backup_jobs": c_backup_jobs,
    "idp_exports": c_idp_exports,
    "load_tests": c_load_tests,
    "crash_env": c_crash_env,
}
# Contexts with a form for a multi-line value (it escapes or encodes it).
HAS_ESC = {
    "json2_logs", "nginx_escaped", "page_state", "shell_quoting", "ansi_colour",
    "tsv_exports", "doubled_quotes", "slash_escapes", "entity_pages", "fp_prints", "ide_runs",
    "db_clients", "api_tools", "pm_exports", "proxy_sessions", "mobile_profiles", "smart_home",
    "ftp_clients", "llm_frontends", "backup_jobs", "idp_exports", "crash_env",
}  # fmt: skip


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "json2_message": lambda s: jline(
        {
            "logGroup": "/ecs/scanner",
            "logEvents": [{"id": "3891", "message": json.dumps({"level": "info", "note": s})}],
        }
    ),
    "nginx_body": lambda s: (
        '10.4.0.7 - - [07/Dec/2026:09:14:02 +0000] "POST /notes HTTP/1.1" 201 "'
        + nginx_esc(json.dumps({"note": s}))
        + '"'
    ),
    "rss_description": lambda s: (
        "<item><title>Scanner test line</title><description>"
        + x("<pre>" + x(s) + "</pre>")
        + "</description></item>"
    ),
    "ansi_grep": lambda s: (
        "$ grep --color=always -n . notes.txt\n"
        + "\n".join(
            f"\x1b[32m\x1b[K{i}\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K{ln}"
            for i, ln in enumerate(s.splitlines(), 1)
        )
    ),
    "mysql_batch": lambda s: (
        "$ mysql -B -e 'SELECT id, note FROM notes'\nid\tnote\n42\t" + mysql_b(s)
    ),
    "csv_doubled": lambda s: 'id,note,status\n42,"' + s.replace('"', '""') + '",open',
    "dokuwiki_code": lambda s: "===== Scanner test =====\n<code>\n" + s + "\n</code>",
    "keepass_notes": lambda s: (
        "<Entry><String><Key>Title</Key><Value>scanner notes</Value></String>"
        "<String><Key>Notes</Key><Value>" + x(s) + "</Value></String></Entry>"
    ),
    "burp_body": lambda s: (
        '<item><url><![CDATA[https://notes.example.com/]]></url><request base64="false"><![CDATA['
        "POST /notes HTTP/1.1\r\nHost: notes.example.com\r\nContent-Type: text/plain\r\n\r\n"
        + s
        + "]]></request></item>"
    ),
    "peb_comment": lambda s: (
        "0:000> * scanner note follows\n" + each("0:000> * {}", s) + "\n0:000> g"
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


KIND_NAMES = [
    "nginx-request-ids",
    "next-build-ids",
    "rss-guids",
    "printf-q-digests",
    "ansi-git-log",
    "wrapped-image-ids",
    "mysql-batch-checksums",
    "csv-json-etags",
    "folded-cosign",
    "continued-sha256sum",
    "dokuwiki-checksums",
    "php-json-etags",
    "esapi-encoded-paths",
    "erlang-clojure-refs",
    "xcode-object-ids",
    "workbench-conn-ids",
    "jmeter-soapui-ids",
    "keepass-uuids",
    "proxy-etags-traces",
    "mobileconfig-uuids",
    "fortigate-uuids",
    "zigbee-ieee-addrs",
    "rdp-signatures",
    "kopia-snapshot-ids",
    "node-report-addrs",
]


def lookalike(i: int, k: int) -> str:
    """The i-th look-alike text, of kind k (KIND_NAMES[k])."""
    seed = f"c41-lookalike-{i}".encode()
    h256 = hashlib.sha256(seed).hexdigest()
    h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
    md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
    raw = hashlib.sha256(seed + b"raw").digest()
    raw512 = hashlib.sha512(seed).digest()
    u = str(uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4))
    u2 = str(uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4))
    ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
    s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
    if k == 0:
        return (
            f'10.4.0.{i % 250 + 1} - - [07/Dec/2026:09:14:02 +0000] "GET /api/{s}/items HTTP/1.1" 200 512 '
            f'"{nginx_esc(json.dumps({"request_id": md5, "trace": h1[:32]}))}" rt=0.0{i % 9} req_id={h1[:32]}'
        )
    if k == 1:
        build = b64(raw)[:21].replace("+", "-").replace("/", "_")
        return (
            f'<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{}}}},"page":"/{s}",'
            f'"query":{{}},"buildId":"{build}","isFallback":false,"gssp":true,"scriptLoader":[]}}</script>'
            f'\n<link rel="preload" href="/_next/static/chunks/pages/{s}-{h1[:16]}.js" as="script"/>'
        )
    if k == 2:
        return (
            f'<item><title>{s} {ver} released</title><guid isPermaLink="false">{u}</guid>'
            f"<description>{x(x('<p>commit <code>' + h1 + '</code></p>'))}</description></item>"
        )
    if k == 3:
        return (
            f'$ printf \'%q\\n\' "$IMAGE" "$GIT_SHA"\nghcr.io/acme/{s}@sha256:{h256}\n{h1}\n'
            f"$ declare -p BUILD_ID\ndeclare -x BUILD_ID=$'{s}-{h1[:10]}\\n'"
        )
    if k == 4:
        return (
            "$ git log --color=always --oneline -3\n"
            + "\n".join(
                f"\x1b[33m{hashlib.sha1(seed + bytes([j]), usedforsecurity=False).hexdigest()[:12]}\x1b[m {s}: bump to {ver}"
                for j in range(3)
            )
            + f"\n\x1b[1msha256:{h256}\x1b[0m"
        )
    if k == 5:
        line = f"    Image ID:       docker-pullable://ghcr.io/acme/{s}@sha256:{h256}"
        return (
            "$ kubectl describe pod "
            + s
            + "-0\n"
            + line[:80]
            + "\n"
            + line[80:]
            + "\n    Port:           8080/TCP"
        )
    if k == 6:
        return (
            "$ mysql -B -e 'SELECT version, checksum, installed_by FROM flyway_schema_history'\n"
            f"version\tchecksum\tinstalled_by\n{i % 30 + 1}\t{-RNG.randint(10**8, 2 * 10**9)}\tflyway\n"
            f"{i % 30 + 2}\t{md5}\tflyway"
        )
    if k == 7:
        return f'key,etag,meta\n{s}/{u}.json,"W/""{md5}""","{{""sha1"": ""{h1}""}}"'
    if k == 8:
        return (
            f"      - name: verify\n        run: >\n          cosign verify ghcr.io/acme/{s}@sha256:{h256}\n"
            f"          --certificate-identity-regexp 'https://github.com/acme/.*'\n"
            f"          --certificate-oidc-issuer https://token.actions.githubusercontent.com"
        )
    if k == 9:
        return (
            f"RUN curl -fsSLo /tmp/{s}.tgz https://dl.example.com/{s}-{ver}.tgz \\\n"
            f'    && echo "{h256}  /tmp/{s}.tgz" | sha256sum -c - \\\n    && tar -xzf /tmp/{s}.tgz -C /opt'
        )
    if k == 10:
        return (
            f"^ File ^ SHA-256 ^\n| {s}-{ver}.tar.gz | ''{h256}'' |\n"
            f"| {s}-{ver}.zip | ''{hashlib.sha256(seed + b'z').hexdigest()}'' |"
        )
    if k == 11:
        return (
            f'{{"url":"https:\\/\\/cdn.example.com\\/{s}\\/{h1[:8]}.js","etag":"\\"{md5}\\"",'
            f'"integrity":"sha384-{b64(raw512[:48])}"}}'
        )
    if k == 12:
        return f"<td>{ent_num('/var/lib/' + s + '/objects/' + h1[:2] + '/' + h1[2:])}</td><td>{ent_num('sha1=' + h1)}</td>"
    if k == 13:
        return (
            f"1> {s.replace('-', '_')}_srv:state().\n#{{ref => #Ref<0.{RNG.randint(10**8, 10**9)}.{RNG.randint(10**8, 10**9)}.{RNG.randint(10**5, 10**6)}>,\n"
            f'  etag => <<"{md5}">>, node => \'{s}@app-01\'}}\nuser=> (:build app)\n#app.Build{{:sha "{h1}", :id #uuid "{u}"}}'
        )
    if k == 14:
        bid = h256[:24].upper()
        return (
            f'<BuildActionEntry buildForTesting = "YES" buildForRunning = "YES">\n   <BuildableReference\n      BuildableIdentifier = "primary"\n'
            f'      BlueprintIdentifier = "{bid}"\n      BuildableName = "{s}.app"\n      ReferencedContainer = "container:{s}.xcodeproj">\n'
            f"   </BuildableReference>\n</BuildActionEntry>"
        )
    if k == 15:
        return (
            f'<value type="object" struct-name="db.mgmt.Connection" id="{{{u.upper()}}}" struct-checksum="0x{h1[:8]}">\n'
            f'  <value type="string" key="hostIdentifier">Mysql@{s}.db.internal:3306</value>\n'
            f'  <value type="string" key="name">{s}</value>\n</value>'
        )
    if k == 16:
        return (
            f'<TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="{s}" enabled="true">\n'
            f'  <stringProp name="TestPlan.comments">build {h1}</stringProp>\n</TestPlan>\n'
            f'<con:testCase id="{u}" name="{s} smoke"><con:settings id="{u2}"/></con:testCase>'
        )
    if k == 17:
        return (
            f"<Entry>\n  <UUID>{b64(raw[:16])}</UUID>\n  <IconID>0</IconID>\n  <Times><LastModificationTime>{b64(raw[16:24])}</LastModificationTime></Times>\n"
            f"  <String><Key>Title</Key><Value>{s}</Value></String>\n  <String><Key>URL</Key><Value>https://{s}.example.com</Value></String>\n</Entry>"
        )
    if k == 18:
        return (
            f'GET /api/{s}/items HTTP/1.1\r\nHost: {s}.example.com\r\nIf-None-Match: W/"{md5}"\r\n'
            f"traceparent: 00-{h1[:32]}-{h256[:16]}-01\r\nX-Request-ID: {u}\r\n\r\n"
        )
    if k == 19:
        return (
            f"<dict>\n\t<key>PayloadIdentifier</key>\n\t<string>com.example.{s}.{u.upper()}</string>\n\t<key>PayloadUUID</key>\n"
            f"\t<string>{u2.upper()}</string>\n\t<key>PayloadType</key>\n\t<string>Configuration</string>\n\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n</dict>"
        )
    if k == 20:
        return (
            f'config firewall policy\n    edit {i % 90 + 1}\n        set name "{s}"\n        set uuid {u}\n'
            f'        set srcintf "port1"\n        set action accept\n    next\nend\n#config-version=FGT60F-7.4.{i % 5}-FW-build{RNG.randint(1000, 2999)}:opmode=0:vdom=0'
        )
    if k == 21:
        ieee = h1[:16]
        return (
            f'Thing zigbee:device:{h1[16:24]}:{ieee} "{s} sensor" (zigbee:coordinator_ember:{h1[24:32]}) [ zigbee_macaddress="{ieee}" ]\n'
            f'15:02:11.412 RSL: STATUS2 = {{"StatusFWR":{{"Version":"14.{i % 5}.0(tasmota)","BuildDateTime":"2026-11-02T10:11:12","Core":"{h1[:7]}"}}}}'
        )
    if k == 22:
        sig = b64(raw512 + raw + raw512[:40])
        return (
            f"full address:s:{s}.rds.example.com\nusername:s:\nprompt for credentials:i:1\ngatewayhostname:s:gw.example.com\n"
            f"signscope:s:Full Address,Alternate Full Address,Server Port,GatewayHostname\nsignature:s:{sig}"
        )
    if k == 23:
        return (
            f"$ kopia snapshot list /srv/{s}\nops@backup:/srv/{s}\n"
            f"  2026-12-06 02:00:01 UTC k{md5} 1.2 GB drwxr-xr-x files:{RNG.randint(1000, 9999)} dirs:{RNG.randint(10, 99)} (daily-1)\n"
            f"  2026-12-07 02:00:01 UTC k{h1[:32]} 1.2 GB drwxr-xr-x files:{RNG.randint(1000, 9999)} dirs:{RNG.randint(10, 99)} (latest-1)"
        )
    return jdump(
        {
            "header": {
                "reportVersion": 3,
                "event": "JavaScript API",
                "filename": f"report.20261207.091402.{RNG.randint(1000, 9999)}.0.001.json",
                "nodejsVersion": "v22.11.0",
                "commandLine": ["node", f"/srv/{s}/server.js"],
            },
            "libuv": [{"type": "async", "is_active": True, "address": f"0x0000{h1[:12]}"}],
            "sharedObjects": [f"/lib/x86_64-linux-gnu/libc.so.6 ({h1[12:32]})"],
        }
    )


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    kinds = len(KIND_NAMES)
    return [(KIND_NAMES[i % kinds], lookalike(i, i % kinds)) for i in range(kinds * 16)]


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
        pesc(v),
        cq(v),
        x(sqlq(v))[1:-1],
        x(sq(v))[1:-1],
        sqlq(v)[1:-1].replace('"', '\\"'),
        json.dumps(json.dumps(v))[1:-1],
        jesc(v, 2),
        jesc(v, 3),
        ansi_c(v),
        mysql_b(v),
        php_json(v),
        ent_num(v),
        x(x(v)),
        pct(v),
        printf_q(v),
        nginx_esc(v),
        sed_rhs(v),
    ):
        if form in text:
            return form
    return v


def pii_label(text: str) -> str:
    """`pii` for a text holding an IP, an e-mail-like address, an SSH fingerprint or a home path."""
    return (
        "pii" if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text) else ""
    )


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
                        "label": pii_label(LINE_CONTEXTS[context](line)),
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
                "label": pii_label(text),
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
