"""Build contexts44: scanner fixtures and fresh draws in thirty tools' configs, command lines and posts no earlier corpus visited (blind).

``python bench/contexts44/make.py`` writes secrets.jsonl and benign.jsonl (seed 44044). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 44044) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: self-hosted PaaS
(Dokku, Piku, CapRover), Kamal and Capistrano deploys, Cloudflare wrangler, browser policies (Chrome,
Firefox, `reg add`, `defaults write`), CUPS printer URIs, Kafka Connect and Debezium connectors, data
quality tools (dbt, Great Expectations, Soda, Meltano), log shippers (Promtail, Fluent Bit, Logstash,
Filebeat, collectd), chat-ops (Hubot, errbot, a Slack export, a chat line), Q&A posts (a Stack
Overflow-style question), automation servers (StackStorm, AWX, Rundeck, ansible-playbook -e),
OpenStack CLIs, small clouds' CLIs (doctl, linode-cli, vultr-cli, exoscale, civo), code scanners'
CLIs (snyk, codecov, sonar-scanner, fossa), release tools (goreleaser, semantic-release, twine, ghr),
remote build caches (Nx Cloud, Turborepo, Gradle, sccache), environment managers (direnv, mise,
devbox), OCI registry CLIs (crane, oras, skopeo, regctl, buildah), remote dev (Gitpod, Coder,
DevPod), APM agents (New Relic, AppDynamics, Dynatrace, Elastic APM), mobile CI (Bitrise, Codemagic,
App Center), game engines (Godot, Unreal, Unity), rsync daemons, backup servers (Bacula, Bareos,
UrBackup, Amanda), search servers (Kibana, OpenSearch Dashboards, Elasticsearch keystore,
Typesense), desktop automation (AutoHotkey, AppleScript, xdotool, pyautogui), time-series DBs
(QuestDB, VictoriaMetrics, TDengine), coordination services (ZooKeeper, Curator, Solr), warehouse
SQL (Snowflake stages, Redshift UNLOAD, ClickHouse s3(), bq transfer configs) and ML trackers
(Kaggle, ClearML, Comet, Neptune).
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts43; a context may return (text, written) when the text holds the value encoded.
"""

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

SEED = 44044
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
SSH_FINGERPRINT = re.compile(
    r"SHA256:[A-Za-z0-9+/]{43}|(?<![0-9a-f:])(?:[0-9a-f]{2}:){15}[0-9a-f]{2}(?![0-9a-f:])"
)
# fixtures24's SECRET_NAME in the grammars it misses: a key word inside a longer key
# (``"secret_key" =>``, ``db_pass[] =``, ``aws_secret_access_key = @'V'``) and .NET's
# ``<add key="ClearTextPassword" value="V" />``: a literal under a key naming a secret, which
# fedlearn redacts by design (labelled after the first measurement, rows unchanged).
SECRET_KEYED = re.compile(
    r"(?i)(?:pass(?:word|wd)?|pwd|secret|token)[\w\[\]]*[\"']?\s*(?:=>|[:=])\s*@?[\"']([^\s\"']{6,})"
    r"|key=\"[^\"]*pass[^\"]*\"\s+value=\"([^\"]{6,})\""
)


def secret_shaped(line: str) -> str:
    """`secret-shaped` for a fixture line holding a literal under a key naming a secret."""
    m = SECRET_KEYED.search(line)
    if m is None:
        return ""
    value = m.group(1) or m.group(2)
    if f24.PLACEHOLDER.search(value) or value.startswith(("$", "{", "<", "%")):
        return ""
    return "secret-shaped"


# A home directory's path: fedlearn replaces it by design (``<home>``; root's home `/root/` too,
# labelled after the first measurement, rows unchanged).
HOME = re.compile(r"(?<![\w/])(?:(?:/home|/Users)/[a-z][\w.-]*|/root(?=/))")
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


# ---------------------------------------------------------------- helpers of this corpus
def py_body(v: str, q: str = "'") -> str:
    """A str's body inside Python's repr quoted with `q` (ASCII printable values, \\n, \\r, \\t)."""
    return (
        v.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace(q, "\\" + q)
    )


def tool(n: Name) -> str:
    return f"{ident(n)}_connect"


def b62(k: int) -> str:
    return "".join(
        RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in range(k)
    )


def call_id() -> str:
    return "call_" + b62(24)


def prose(n: Name) -> str:
    return " ".join(n.words)


def reg_sz(v: str) -> str:
    """A .reg file's REG_SZ body (regedit escapes `\\` and `"`)."""
    return v.replace("\\", "\\\\").replace('"', '\\"')


def reg_hex2(v: str) -> str:
    """regedit's hex(2) (REG_EXPAND_SZ) bytes of a string: UTF-16LE, comma-separated."""
    return ",".join(f"{b:02x}" for b in v.encode("utf-16-le"))


def floats(k: int) -> str:
    return "[" + ", ".join(f"{RNG.uniform(-0.2, 0.2):.4f}" for _ in range(k)) + "]"


def shq1(v: str) -> str:
    """A word always single-quoted for a POSIX shell ('\\'' for a quote)."""
    return "'" + v.replace("'", "'\\''") + "'"


def libpq(v: str) -> str:
    """A libpq keyword/value connection string's value: bare when safe, else single-quoted with \\ escapes."""
    if re.fullmatch(r"[^\s'\\]+", v):
        return v
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def dn() -> str:
    return "cn=admin,dc=acme,dc=example"


# ---------------------------------------------------------------- secret contexts (contexts44)
def ctx_tuple(forms):
    """Pick one of `forms` (each a text or a (text, written) pair)."""
    return RNG.choice([f for f in forms if f is not None])


def c_paas_selfhost(r, pairs):
    n, v = pairs[-1]
    app = svc(r)
    return choose(
        v,
        esc=(
            f"$ cat env.json\n{jdump({'appName': app, 'envVars': [{'key': 'NODE_ENV', 'value': 'production'}, {'key': n.env, 'value': v}]})}\n"
            f"$ caprover api --path /user/apps/appDefinitions/update --method POST --data @env.json\nSuccessful.",
        ),
        line=(
            f"$ dokku config:set --no-restart {app} {n.env}={shq(v)}\n-----> Setting config vars\n       {n.env}:  {v}",
            f"$ piku config:set {app} {n.env}={shq(v)}\n-----> Setting {n.env} for {app}",
            f"# ~/.piku/envs/{app}/ENV\nPORT=8000\nWSGI_PROCESSES=2\n{n.env}={v}",
        ),
        bare=(
            f"$ caprover deploy -h https://captain.{host(r)} -p {v} -b main -a {app}\nBuild started for {app}",
        ),
    )


def c_kamal_cap(r, pairs):
    n, v = pairs[-1]
    app = svc(r)
    return choose(
        v,
        esc=(
            f"# config/deploy.yml\nservice: {app}\nimage: acme/{app}\nservers:\n  web:\n    - web1.{host(r)}\nenv:\n  clear:\n    {n.env}: {yq(v)}\n  secret:\n    - RAILS_MASTER_KEY",
            f'# config/deploy/production.rb\nserver "app1.{host(r)}", user: "deploy", roles: %w{{app web}}\nset :default_env, {{ "{n.env}" => {dq(v)} }}',
        ),
        line=(
            f"# .kamal/secrets\nKAMAL_REGISTRY_PASSWORD=$(cat .registry_pw)\n{n.env}={shq1(v)}",
            f'# config/deploy.rb\nlock "~> 3.19"\nset :application, "{app}"\nset :{n.snake}, {sq(v)}\nappend :linked_files, "config/master.key"',
        ),
    )


def c_wrangler_cf(r, pairs):
    n, v = pairs[-1]
    app = svc(r)
    return choose(
        v,
        esc=(
            f'# wrangler.toml\nname = "{app}"\nmain = "src/index.ts"\ncompatibility_date = "2026-11-01"\n\n[vars]\nENVIRONMENT = "staging"\n{n.env} = {dq(v)}',
            f"$ cat .secrets.json\n{jdump({n.env: v})}\n$ npx wrangler secret bulk .secrets.json\n✨ Successfully created secret for key: {n.env}",
            f"# .dev.vars\n{n.env}={dq(v)}",
        ),
        line=(
            f'$ echo {shq(v)} | npx wrangler secret put {n.env}\n🌀 Creating the secret for the Worker "{app}"\n✨ Success! Uploaded secret {n.env}',
        ),
        bare=(f"$ npx wrangler dev --var {n.env}:{v} --port 8787",),
    )


def ext_id(r: str) -> str:
    return "".join(
        "abcdefghijklmnop"[int(c, 16)]
        for c in hashlib.md5(r.encode(), usedforsecurity=False).hexdigest()
    )


def c_browser_policy(r, pairs):
    n, v = pairs[-1]
    eid = ext_id(r)
    return choose(
        v,
        esc=(
            f"# /etc/opt/chrome/policies/managed/{svc(r)}.json\n"
            + jdump(
                {
                    "ExtensionInstallForcelist": [
                        f"{eid};https://clients2.google.com/service/update2/crx"
                    ],
                    "3rdparty": {"extensions": {eid: {n.camel: v}}},
                }
            ),
            "# C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json\n"
            + jdump(
                {
                    "policies": {
                        "3rdparty": {
                            "Extensions": {f"{svc(r)}@{host(r)}": {n.camel: v, "region": "eu"}}
                        }
                    }
                }
            ),
        ),
        line=(
            f"$ sudo defaults write /Library/Managed\\ Preferences/com.google.Chrome.extensions.{eid} {n.camel} -string {shq1(v)}",
        ),
        bare=(
            f'C:\\> reg add "HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\{eid}\\policy" /v {n.camel} /t REG_SZ /d "{v}" /f\nThe operation completed successfully.',
        ),
    )


def c_cups_print(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    p = pct(v)
    return ctx_tuple(
        [
            (
                f"$ sudo lpadmin -p {svc(r)}-laser -E -v ipp://{pct(u)}:{p}@print.{host(r)}:631/printers/laser -m everywhere\n$ lpstat -p {svc(r)}-laser\nprinter {svc(r)}-laser is idle.  enabled since Mon 07 Dec 2026 09:14:02 AM UTC",
                p,
            ),
            (
                f"# /etc/cups/printers.conf\n<Printer {svc(r)}-laser>\nInfo Laser 3rd floor\nDeviceURI smb://{pct(u)}:{p}@fs.{host(r)}/laser3\nState Idle\nAccepting Yes\n</Printer>",
                p,
            ),
            f"$ lp -d {svc(r)}-laser -o job-password={v} payroll.pdf\nrequest id is {svc(r)}-laser-42 (1 file(s))"
            if ok_bare(v)
            else None,
        ]
    )


def c_kafka_connect(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    key = RNG.choice(["connection.password", "database.password", n.dotted])
    cfg = {
        "connector.class": RNG.choice(
            [
                "io.confluent.connect.jdbc.JdbcSinkConnector",
                "io.debezium.connector.postgresql.PostgresConnector",
            ]
        ),
        "tasks.max": "1",
        "database.hostname": f"db.{host(r)}",
        "database.user": u,
        key: v,
        "topic.prefix": svc(r),
    }
    return choose(
        v,
        esc=(
            f"$ curl -s -X PUT -H 'Content-Type: application/json' localhost:8083/connectors/{svc(r)}-cdc/config -d @- <<'EOF'\n{jdump(cfg)}\nEOF",
            f"$ curl -s localhost:8083/connectors/{svc(r)}-cdc | jq .\n{jdump({'name': svc(r) + '-cdc', 'config': cfg, 'tasks': [{'connector': svc(r) + '-cdc', 'task': 0}], 'type': 'source'})}",
        ),
        line=(
            f"# conf/application.properties (Debezium Server)\ndebezium.sink.type=kafka\ndebezium.source.connector.class=io.debezium.connector.mysql.MySqlConnector\ndebezium.source.database.hostname=db.{host(r)}\ndebezium.source.database.user={u}\ndebezium.source.{key}={pesc(v)}",
            f"# config/{svc(r)}-sink.properties\nname={svc(r)}-sink\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector\ntopics={svc(r)}.events\n{key}={pesc(v)}\nauto.create=true",
        ),
    )


def c_data_quality(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"# ~/.dbt/profiles.yml\n{ident(n)}:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: db.{host(r)}\n      user: {yq(u)}\n      password: {yq(v)}\n      port: 5432\n      dbname: analytics\n      schema: dbt_dev\n      threads: 4",
            f"# gx/uncommitted/config_variables.yml\n{n.snake}: {yq(v)}\n{ident(n)}_host: db.{host(r)}",
            f"# soda/configuration.yml\ndata_source {ident(n)}:\n  type: postgres\n  host: db.{host(r)}\n  username: {yq(u)}\n  password: {yq(v)}\n  database: analytics",
        ),
        line=(
            f"$ meltano config tap-{svc(r)} set {n.snake} {shq(v)}\nExtractor 'tap-{svc(r)}' setting '{n.snake}' was set in `.env`: (redacted)",
        ),
    )


def c_log_shippers(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"# /etc/promtail/config.yml\nclients:\n  - url: https://logs.{host(r)}/loki/api/v1/push\n    basic_auth:\n      username: {yq(u)}\n      password: {yq(v)}\npositions:\n  filename: /tmp/positions.yaml",
            f'output {{\n  elasticsearch {{\n    hosts => ["https://es.{host(r)}:9200"]\n    user => "{u}"\n    password => {dq(v)}\n    index => "{svc(r)}-%{{+YYYY.MM.dd}}"\n  }}\n}}',
            f'# filebeat.yml\noutput.elasticsearch:\n  hosts: ["https://es.{host(r)}:9200"]\n  username: {yq(u)}\n  password: {yq(v)}',
        ),
        line=(
            f"[OUTPUT]\n    Name        http\n    Match       *\n    Host        logs.{host(r)}\n    Port        443\n    tls         On\n    HTTP_User   {u}\n    HTTP_Passwd {v}",
            f'<Plugin write_http>\n  <Node "{svc(r)}">\n    URL "https://metrics.{host(r)}/collectd"\n    User "{u}"\n    Password "{cq(v)}"\n    Format "JSON"\n  </Node>\n</Plugin>',
        ),
    )


def c_chat_ops(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "$ jq '.[3]' general/2026-12-07.json\n"
            + jdump(
                {
                    "type": "message",
                    "user": "U04QX7K2LMN",
                    "text": f"can someone retry the {svc(r)} sync with {n.env}={v} ? the old one was revoked",
                    "ts": "1733567642.123459",
                }
            ),
        ),
        line=(
            f"devops  10:14 AM\n@hubot secrets set {svc(r)} {n.env} {v}\nhubot  APP  10:14 AM\nStored {n.env} for {svc(r)} (staging).",
            f"[10:14] <marta> here's the staging {prose(n)} for the demo: {v} (rotate after)\n[10:15] <jon> thx",
            f"!vault write secret/{svc(r)} {n.snake}={shq(v)}\n[errbot] Success! Data written to: secret/{svc(r)}",
        ),
    )


def c_qa_forum(r, pairs):
    n, v = pairs[-1]
    c = cls(n)
    return choose(
        v,
        esc=(
            f"Title: 401 Unauthorized from the {c} API with requests\n\nI'm calling the API like the docs say, here's my code:\n\n```python\nimport requests\n\n"
            f'resp = requests.get("{http(r)}/items", headers={{"Authorization": "Bearer " + {pyr(v)}}})\nprint(resp.status_code)\n```\n\nI always get 401. What am I doing wrong?\n\nTags: python, python-requests, {svc(r)}',
            f'Title: {c}Client throws "invalid credentials" in Node 22\n\n```js\nconst client = new {c}Client({{ {n.camel}: {jsq(v)} }});\nawait client.ping();\n```\n\nWorks in Postman though. Any idea?',
        ),
        line=(
            f"**Edit:** the key is `{v}`, I already regenerated it twice and it's still rejected.\n\n-- asked Dec 7, 2026 at 9:14",
            f"Answer (score 3):\n\nYou're sending it as a query parameter. Use the header instead:\n\n    curl -H 'X-Api-Key: {v}' {http(r)}/me\n\nand it works.",
        ),
    )


def c_automation_servers(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    body = json.dumps(v)[1:-1]
    text = (
        f"$ awx credentials create --name {svc(r)}-deploy --credential_type Machine --organization Default "
        f'--inputs \'{{"username": "{u}", "password": "{body.replace(chr(39), chr(39) + chr(92) + chr(39) + chr(39))}"}}\''
    )
    forms = [(text, body.replace("'", "'\\''"))]
    if "\n" not in v:
        forms += [
            f"$ st2 key set {n.snake} {shq(v)}\n+------------+----------------------+\n| Property   | Value                |\n+------------+----------------------+\n| name       | {n.snake} |\n| value      | {v} |\n+------------+----------------------+",
            f"$ rd keys create -p keys/{svc(r)}/{n.snake} -t password -f /dev/stdin <<< {shq(v)}",
            f"$ ansible-playbook -i inventories/prod deploy.yml -e {shq(n.snake + '=' + v)}",
        ]
    return ctx_tuple(forms)


def c_openstack_cli(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"# ~/.config/openstack/clouds.yaml\nclouds:\n  {svc(r)}:\n    auth:\n      auth_url: https://keystone.{host(r)}:5000/v3\n      username: {yq(u)}\n      password: {yq(v)}\n      project_name: {svc(r)}\n      user_domain_name: Default\n    region_name: RegionOne",
            f"# ~/.config/openstack/clouds.yaml\nclouds:\n  {svc(r)}:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: https://keystone.{host(r)}:5000/v3\n      application_credential_id: {hexid(32)}\n      application_credential_secret: {yq(v)}",
        ),
        line=(
            f"$ openstack --os-auth-url https://keystone.{host(r)}:5000/v3 --os-username {u} --os-password {shq(v)} --os-project-name {svc(r)} server list",
            f"# {svc(r)}-openrc.sh\nexport OS_AUTH_URL=https://keystone.{host(r)}:5000/v3\nexport OS_USERNAME={shq(u)}\nexport OS_PASSWORD={shq1(v)}\nexport OS_REGION_NAME=RegionOne",
            f"$ swift -A https://keystone.{host(r)}:5000/auth/v1.0 -U {svc(r)}:{u} -K {shq(v)} list",
        ),
    )


def c_small_clouds(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"# ~/.vultr-cli.yaml\napi-key: {yq(v)}\noutput: text",
            f'# ~/.config/exoscale/exoscale.toml\ndefaultaccount = "{svc(r)}"\n\n[[accounts]]\n  account = "{svc(r)}"\n  defaultZone = "ch-gva-2"\n  name = "{svc(r)}"\n  secret = {dq(v)}',
        ),
        line=(
            f"# ~/.config/linode-cli\n[DEFAULT]\ndefault-user = {u}\n\n[{u}]\ntoken = {v}\nregion = eu-central\ntype = g6-standard-2",
        ),
        bare=(
            f"$ doctl auth init --context {svc(r)} --access-token {v}\nValidating token... ✔",
            f"$ civo apikey save {svc(r)} {v}\nSaved the API Key {svc(r)}",
        ),
    )


def c_code_scanners(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ sonar-scanner -Dsonar.projectKey={svc(r)} -Dsonar.host.url=https://sonar.{host(r)} -Dsonar.token={shq(v)}",
            f"# sonar-project.properties\nsonar.projectKey={svc(r)}\nsonar.sources=src\nsonar.login={pesc(v)}",
            f"$ FOSSA_API_KEY={shq(v)} fossa analyze --project {svc(r)}",
        ),
        bare=(
            f"$ snyk auth {v}\nYour account has been authenticated. Snyk is now ready to be used.",
            f"$ snyk config set api={v}\napi updated",
            f"$ codecovcli upload-process -t {v} -f coverage.xml --git-service github",
        ),
    )


def c_release_tools(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"# .goreleaser.yaml\nversion: 2\nenv:\n  - {yq(n.env + '=' + v)}\nbuilds:\n  - main: ./cmd/{svc(r)}\n    goos: [linux, darwin]",
        ),
        line=(
            f"$ GH_TOKEN={shq(v)} npx semantic-release --dry-run\n[semantic-release] \u203a ✔  Allowed to push to the Git repository",
            f"$ twine upload --repository-url https://pypi.{host(r)}/ -u __token__ -p {shq(v)} dist/*\nUploading distributions to https://pypi.{host(r)}/",
        ),
        bare=(f"$ ghr -t {v} -u acme -r {svc(r)} v1.4.2 dist/",),
    )


def c_build_caches(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            "# nx.json\n"
            + jdump(
                {
                    "tasksRunnerOptions": {
                        "default": {
                            "runner": "nx-cloud",
                            "options": {
                                "accessToken": v,
                                "cacheableOperations": ["build", "test", "lint"],
                            },
                        }
                    }
                }
            ),
            "# .turbo/config.json\n"
            + jdump(
                {"teamid": "team_" + b62(24), "token": v, "apiurl": f"https://cache.{host(r)}"}
            ),
            f'// settings.gradle.kts\nbuildCache {{\n    remote<HttpBuildCache> {{\n        url = uri("https://cache.{host(r)}/cache/")\n        isPush = true\n        credentials {{\n            username = "{u}"\n            password = {dq(v)}\n        }}\n    }}\n}}',
        ),
        line=(
            f"$ npx turbo run build --team={svc(r)} --token={shq(v)} --api=https://cache.{host(r)}",
            f"$ SCCACHE_WEBDAV_ENDPOINT=https://cache.{host(r)} SCCACHE_WEBDAV_PASSWORD={shq(v)} sccache --start-server",
        ),
    )


def c_env_managers(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'# .mise.toml\n[tools]\nnode = "22"\npython = "3.12"\n\n[env]\n{n.env} = {dq(v)}',
            "# devbox.json\n"
            + jdump(
                {
                    "packages": ["nodejs@22", "postgresql@16"],
                    "env": {n.env: v},
                    "shell": {"init_hook": ["echo ready"]},
                }
            ),
        ),
        line=(
            f"# .envrc\nuse flake\nexport {n.env}={shq1(v)}\ndotenv_if_exists .env.local\n$ direnv allow\ndirenv: loading ~/src/{svc(r)}/.envrc\ndirenv: export +{n.env}",
            f"$ mise set {n.env}={shq(v)}\n$ mise env | grep {n.env}",
        ),
    )


def c_registry_clis(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    reg = f"registry.{host(r)}"
    return choose(
        v,
        esc=(
            "# ~/.regctl/config.json\n"
            + jdump({"hosts": {reg: {"tls": "enabled", "user": u, "pass": v, "reqPerSec": 10}}}),
        ),
        line=(
            f"$ crane auth login {reg} -u {u} -p {shq(v)}\n2026/12/07 09:14:02 logged in via /root/.docker/config.json",
            f"$ oras login {reg} -u {u} -p {shq(v)}\nLogin Succeeded",
            f"$ skopeo copy --dest-creds {shq(u + ':' + v)} docker://docker.io/library/alpine:3.20 docker://{reg}/mirror/alpine:3.20",
            f"$ regctl registry login {reg} -u {u} -p {shq(v)}",
            f"$ buildah login -u {u} -p {shq(v)} {reg}\nLogin Succeeded!",
        ),
    )


def c_remote_dev(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"# .gitpod.yml\nimage: gitpod/workspace-full\ntasks:\n  - name: api\n    env:\n      {n.env}: {yq(v)}\n    init: npm ci\n    command: npm run dev",
        ),
        line=(
            f"$ gp env {n.env}={shq(v)}",
            f"$ CODER_SESSION_TOKEN={shq(v)} coder ssh {svc(r)}-ws",
        ),
        bare=(f"$ devpod provider set-options aws -o {n.env}={v}",),
    )


def c_apm_agents(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"# newrelic.yml\ncommon: &default_settings\n  license_key: {yq(v)}\n  app_name: {svc(r)}\n  distributed_tracing:\n    enabled: true",
        ),
        line=(
            f"# newrelic.ini\n[newrelic]\nlicense_key = {v}\napp_name = {svc(r)}\nmonitor_mode = true",
            f"<controller-info>\n  <controller-host>{svc(r)}.saas.appdynamics.com</controller-host>\n  <controller-port>443</controller-port>\n  <account-name>{svc(r)}</account-name>\n  <account-access-key>{x(v)}</account-access-key>\n</controller-info>",
            f"# elasticapm.properties\nservice_name={svc(r)}\nserver_url=https://apm.{host(r)}\nsecret_token={pesc(v)}",
        ),
        bare=(
            f"$ sudo /opt/dynatrace/oneagent/agent/tools/oneagentctl --set-tenant-token={v} --restart-service",
        ),
    )


def c_mobile_ci(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'# bitrise.yml\nformat_version: "13"\napp:\n  envs:\n  - {n.env}: {yq(v)}\n    opts:\n      is_expand: false\nworkflows:\n  deploy:\n    steps:\n    - git-clone@8: {{}}',
            f"# codemagic.yaml\nworkflows:\n  ios-release:\n    environment:\n      vars:\n        {n.env}: {yq(v)}\n      xcode: latest\n    scripts:\n      - name: Build\n        script: xcode-project build-ipa",
        ),
        bare=(
            f"$ appcenter login --token {v}\nLogged in as ci",
            f"$ appcenter codepush release-react -a acme/{svc(r)} -d Production --token {v}",
        ),
    )


def c_game_engines(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'# export_presets.cfg\n[preset.0]\nname="Android"\nplatform="Android"\n\n[preset.0.options]\nkeystore/release="res://{svc(r)}.keystore"\nkeystore/release_user="{u}"\nkeystore/release_password={dq(v)}',
        ),
        line=(
            f"; Config/DefaultEngine.ini\n[OnlineSubsystem]\nDefaultPlatformService=Null\n\n[/Script/{cls(n)}Plugin.{cls(n)}Settings]\n{n.tail.pascal}={v}\nbEnabled=True",
            f"$ /opt/unity/Editor/Unity -batchmode -quit -nographics -username ci@{host(r)} -password {shq(v)} -projectPath . -executeMethod Build.Android",
        ),
    )


def c_rsync_sync(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"# /etc/rsyncd.secrets\n{u}:{v}\n# /etc/rsyncd.conf\n[{svc(r)}]\n  path = /srv/{svc(r)}\n  auth users = {u}\n  secrets file = /etc/rsyncd.secrets",
            f"$ RSYNC_PASSWORD={shq(v)} rsync -av --delete /srv/{svc(r)}/ rsync://{u}@nas.{host(r)}/{svc(r)}/",
            f"$ echo {shq(v)} > /etc/rsync.pw && chmod 600 /etc/rsync.pw\n$ rsync -a --password-file=/etc/rsync.pw /srv/ {u}@nas.{host(r)}::{svc(r)}",
        ),
    )


def c_backup_servers(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f'# /etc/bacula/bacula-dir.conf\nDirector {{\n  Name = {svc(r)}-dir\n  DIRport = 9101\n  Password = "{v}"\n  Messages = Daemon\n}}',
            f'# /etc/bareos/bconsole.conf\nDirector {{\n  Name = {svc(r)}-dir\n  Address = backup.{host(r)}\n  Password = "{v}"\n}}',
            f"$ urbackupclientctl set-settings -k internet_authkey -v {shq(v)}",
            f"# /etc/amandapass\n//fs.{host(r)}/{svc(r)} {u}%{v}",
        ),
    )


def c_search_servers(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'# kibana.yml\nserver.host: "0.0.0.0"\nelasticsearch.hosts: ["https://es.{host(r)}:9200"]\nelasticsearch.username: "kibana_system"\nelasticsearch.password: {yq(v)}',
            f"# opensearch_dashboards.yml\nopensearch.hosts: [https://search.{host(r)}:9200]\nopensearch.username: kibanaserver\nopensearch.password: {yq(v)}",
        ),
        line=(
            f"$ echo {shq(v)} | bin/elasticsearch-keystore add --stdin {RNG.choice(['s3.client.default.secret_key', 'xpack.security.http.ssl.keystore.secure_password', n.dotted])}",
        ),
        bare=(f"$ typesense-server --data-dir=/var/lib/typesense --api-key={v} --enable-cors",),
    )


def c_desktop_automation(r, pairs):
    n, v = pairs[-1]
    forms = [
        f"import pyautogui\n\npyautogui.click(640, 400)\npyautogui.write({pyr(v)}, interval=0.05)\npyautogui.press('enter')"
    ]
    if "\n" not in v:
        asq = v.replace("\\", "\\\\").replace('"', '\\"')
        forms += [
            f"; {svc(r)}.ahk\n#IfWinActive, {cls(n)} Login\n^!p::\nSendRaw {v}\nSend {{Enter}}\nreturn",
            (
                f'tell application "{cls(n)}" to activate\ndelay 1\ntell application "System Events" to keystroke "{asq}"\ntell application "System Events" to key code 36',
                asq,
            ),
            f"$ xdotool search --name '{cls(n)} Login' windowactivate --sync type --delay 50 {shq1(v)}",
        ]
    return ctx_tuple(forms)


def c_tsdb_servers(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'# vmagent scrape config\nscrape_configs:\n  - job_name: {svc(r)}\n    basic_auth:\n      username: {yq(u)}\n      password: {yq(v)}\n    static_configs:\n      - targets: ["{svc(r)}:9100"]',
        ),
        line=(
            f"# /var/lib/questdb/conf/server.conf\npg.enabled=true\npg.user={u}\npg.password={v}\nhttp.bind.to=0.0.0.0:9000",
            f"$ taos -h tsdb.{host(r)} -u {u} -p{shq(v)}",
        ),
        bare=(
            f"$ ./victoria-metrics-prod -retentionPeriod=12 -httpAuth.username={u} -httpAuth.password={v}",
            f"$ ./vmagent-prod -promscrape.config=scrape.yml -remoteWrite.url=https://vm.{host(r)}/api/v1/write -remoteWrite.bearerToken={v}",
        ),
    )


def c_coord_services(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'CuratorFramework client = CuratorFrameworkFactory.builder()\n    .connectString("zk1.{host(r)}:2181")\n    .authorization("digest", {dq(u + ":" + v)}.getBytes(StandardCharsets.UTF_8))\n    .retryPolicy(new ExponentialBackoffRetry(1000, 3))\n    .build();',
        ),
        line=(
            f"[zk: zk1.{host(r)}:2181(CONNECTED) 0] addauth digest {u}:{v}\n[zk: zk1.{host(r)}:2181(CONNECTED) 1] ls /{svc(r)}\n[config, leader]",
            f'# /etc/default/solr.in.sh\nSOLR_AUTH_TYPE="basic"\nSOLR_AUTHENTICATION_OPTS="-Dbasicauth={u}:{v}"',
        ),
    )


def c_warehouse_sql(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    b = f"acme-{svc(r)}"
    forms = [
        f"CREATE OR REPLACE STAGE {ident(n)}_stage\n  URL = 's3://{b}/raw/'\n  CREDENTIALS = (AWS_KEY_ID = '{u}' AWS_SECRET_KEY = {sqlq(v)})\n  FILE_FORMAT = (TYPE = PARQUET);",
        f"UNLOAD ('SELECT * FROM events WHERE day = ''2026-12-07''')\nTO 's3://{b}/unload/events_'\nACCESS_KEY_ID '{u}'\nSECRET_ACCESS_KEY {sqlq(v)}\nFORMAT AS PARQUET;",  # noqa: S608
        f"SELECT count() FROM s3('https://{b}.s3.amazonaws.com/raw/*.parquet', '{u}', {sqlq(v)}, 'Parquet');",  # noqa: S608
    ]
    if "\n" not in v and "'" not in v:
        forms.append(
            (
                f'$ bq mk --transfer_config --data_source=amazon_s3 --target_dataset={ident(n)} --display_name={svc(r)} --params=\'{{"data_path":"s3://{b}/*","access_key_id":"{u}","secret_access_key":"{json.dumps(v)[1:-1]}"}}\'',
                json.dumps(v)[1:-1],
            )
        )
    return ctx_tuple(forms)


def c_ml_trackers(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"$ cat ~/.kaggle/kaggle.json\n{jline({'username': u, 'key': v})}",
            f'# ~/clearml.conf\napi {{\n    web_server: https://app.clear.ml\n    api_server: https://api.clear.ml\n    credentials {{\n        "access_key" = "{svc(r)}-ci"\n        "secret_key" = {dq(v)}\n    }}\n}}',
        ),
        line=(
            f"# ~/.comet.config\n[comet]\napi_key = {v}\nworkspace = {svc(r)}",
            f"$ NEPTUNE_API_TOKEN={shq(v)} python train.py --project acme/{svc(r)}",
        ),
    )


CONTEXTS = {
    "paas_selfhost": c_paas_selfhost,
    "kamal_cap": c_kamal_cap,
    "wrangler_cf": c_wrangler_cf,
    "browser_policy": c_browser_policy,
    "cups_print": c_cups_print,
    "kafka_connect": c_kafka_connect,
    "data_quality": c_data_quality,
    "log_shippers": c_log_shippers,
    "chat_ops": c_chat_ops,
    "qa_forum": c_qa_forum,
    "automation_servers": c_automation_servers,
    "openstack_cli": c_openstack_cli,
    "small_clouds": c_small_clouds,
    "code_scanners": c_code_scanners,
    "release_tools": c_release_tools,
    "build_caches": c_build_caches,
    "env_managers": c_env_managers,
    "registry_clis": c_registry_clis,
    "remote_dev": c_remote_dev,
    "apm_agents": c_apm_agents,
    "mobile_ci": c_mobile_ci,
    "game_engines": c_game_engines,
    "rsync_sync": c_rsync_sync,
    "backup_servers": c_backup_servers,
    "search_servers": c_search_servers,
    "desktop_automation": c_desktop_automation,
    "tsdb_servers": c_tsdb_servers,
    "coord_services": c_coord_services,
    "warehouse_sql": c_warehouse_sql,
    "ml_trackers": c_ml_trackers,
}

HAS_ESC = set(CONTEXTS) - {"code_scanners", "rsync_sync", "backup_servers"}


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "fluentbit_stdout": lambda s: each('[0] app.log: [1733567642.123456789, {"log"=>"{}"}]', s),
    "kafka_connect_log": lambda s: each(
        "[2026-12-07 09:14:02,123] INFO [billing-cdc|task-0] {} (org.apache.kafka.connect.runtime.WorkerSourceTask:281)",
        s,
    ),
    "dbt_log": lambda s: "09:14:02  Running with dbt=1.8.7\n" + each("09:14:02  {}", s),
    "hubot_log": lambda s: each("[Mon Dec 07 2026 09:14:02 GMT+0000 (UTC)] DEBUG {}", s),
    "bacula_job_log": lambda s: each("07-Dec 09:14 backup-dir JobId 4821: {}", s),
    "kibana_discover": lambda s: each("Dec 7, 2026 @ 09:14:02.123\tmessage: {}", s),
    "wrangler_tail": lambda s: (
        "GET https://api.acme.workers.dev/health - Ok @ 12/7/2026, 9:14:02 AM\n"
        + each("  (log) {}", s)
    ),
    "unity_editor_log": lambda s: (
        s + "\nUnityEngine.Debug:Log (object)\n(Filename: Assets/Scripts/Net.cs Line: 42)"
    ),
    "rsync_log": lambda s: each("2026/12/07 09:14:02 [4821] {}", s),
    "so_comment": lambda s: "**Comment** by dev123 (Dec 7 at 9:14):\n\n" + each("> {}", s),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


KIND_NAMES = [
    "dokku-git-revs",
    "kamal-versions",
    "wrangler-ids",
    "chrome-extension-ids",
    "cups-job-uuids",
    "connect-offsets",
    "dbt-manifest-ids",
    "log-positions-traces",
    "slack-export-ids",
    "forum-post-hashes",
    "automation-exec-ids",
    "openstack-ids",
    "cloud-cli-ids",
    "scanner-issue-ids",
    "release-checksums",
    "build-cache-hashes",
    "env-lock-hashes",
    "oci-digests",
    "workspace-ids",
    "apm-trace-ids",
    "mobile-build-ids",
    "game-asset-guids",
    "backup-volume-ids",
    "search-doc-ids",
    "ml-run-ids",
]


def lookalike(i: int, k: int) -> str:
    """The i-th look-alike text, of kind k (KIND_NAMES[k])."""
    seed = f"c44-lookalike-{i}".encode()
    h256 = hashlib.sha256(seed).hexdigest()
    h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
    md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
    raw = hashlib.sha256(seed + b"raw").digest()
    u = str(uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4))
    u2 = str(uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4))
    ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
    s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    url64 = alnum + "-_"
    b36 = "abcdefghijklmnopqrstuvwxyz0123456789"
    rb = random.Random(seed)

    def tok(k2: int, alphabet: str = alnum) -> str:
        return "".join(rb.choice(alphabet) for _ in range(k2))

    ts = 1733567642 + i * 37
    if k == 0:
        return (
            f"$ dokku ps:report {s}\n=====> {s} ps information\n       Deployed:                      true\n       Processes:                     2\n"
            f"       Running:                       true\n$ dokku git:report {s}\n       Git deploy branch:             main\n       Git sha:                       {h1}\n"
            f"       Git last updated at:           {ts}\n       Git rev env var:               GIT_REV\n$ dokku config:get {s} GIT_REV\n{h1}"
        )
    if k == 1:
        return (
            f"$ kamal app version\nApp Host: web1\n{h1}\n\n$ kamal app containers\nCONTAINER ID   IMAGE                              STATUS\n"
            f"{md5[:12]}   acme/{s}:{h1}   Up 3 hours\n$ kamal lock status\nThere is no deploy lock\n# .kamal/apps/{s}/assets/extracted/{s}-web-{h1[:12]}"
        )
    if k == 2:
        return (
            f'# wrangler.toml\nname = "{s}"\naccount_id = "{md5}"\nworkers_dev = true\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "{h1[:32]}"\n\n'
            f'[[d1_databases]]\nbinding = "DB"\ndatabase_name = "{s}-prod"\ndatabase_id = "{u}"\n\n$ npx wrangler deployments list\nDeployment ID: {u2}\nVersion ID:    {rid()}\nSource:        Upload'
        )
    if k == 3:
        eid = "".join("abcdefghijklmnop"[int(c, 16)] for c in md5)
        eid2 = "".join("abcdefghijklmnop"[int(c, 16)] for c in h1[:32])
        return (
            "# /etc/opt/chrome/policies/managed/extensions.json\n"
            + jdump(
                {
                    "ExtensionInstallForcelist": [
                        f"{eid};https://clients2.google.com/service/update2/crx"
                    ],
                    "ExtensionSettings": {
                        eid2: {"installation_mode": "blocked"},
                        "*": {"blocked_install_message": "Ask IT"},
                    },
                    "BrowserSwitcherChromePath": "${chrome}",
                }
            )
            + f"\n$ google-chrome --version\nGoogle Chrome 13{rb.randint(0, 9)}.0.{rb.randint(6000, 7000)}.{rb.randint(10, 200)}"
        )
    if k == 4:
        return (
            f"$ lpstat -W completed -o {s}-laser | tail -2\n{s}-laser-{i + 40}     ci              {rb.randint(10000, 99999)}   Mon 07 Dec 2026 09:14:02 AM UTC\n"
            f"$ ipptool -tv ipp://localhost/printers/{s}-laser get-job-attributes.test | grep uuid\n        job-uuid (uri) = urn:uuid:{u}\n"
            f"        printer-uuid (uri) = urn:uuid:{u2}\n$ ls /var/spool/cups\nc{i + 40:05d}  d{i + 40:05d}-001  tmp"
        )
    if k == 5:
        return (
            f"$ curl -s localhost:8083/connectors/{s}-cdc/status\n"
            + jline(
                {
                    "name": f"{s}-cdc",
                    "connector": {"state": "RUNNING", "worker_id": "connect-1:8083"},
                    "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "connect-1:8083"}],
                }
            )
            + "\n$ kcat -b kafka:9092 -C -t connect-offsets -o -1 -e\n"
            + jline(
                {
                    "transaction_id": None,
                    "lsn_proc": 2345 + i,
                    "lsn": 2345 + i,
                    "txId": 790 + i,
                    "ts_usec": ts * 1000000,
                }
            )
            + "\n"
            + jline({"file": "mysql-bin.000003", "pos": 1543 + i, "gtids": f"{u}:1-{i + 42}"})
        )
    if k == 6:
        return (
            "$ jq '.metadata, .nodes[\"model."
            + s.replace("-", "_")
            + ".stg_orders\"].checksum' target/manifest.json\n"
            + jdump(
                {
                    "dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                    "dbt_version": ver,
                    "generated_at": when(),
                    "invocation_id": u,
                    "project_id": md5,
                    "user_id": u2,
                }
            )
            + "\n"
            + jdump({"name": "sha256", "checksum": h256})
        )
    if k == 7:
        return (
            f'# /tmp/positions.yaml\npositions:\n  /var/log/{s}/app.log: "{rb.randint(1000, 999999)}"\n  /var/log/{s}/access.log: "{rb.randint(1000, 999999)}"\n'
            f'level=info ts={when()} caller=tailer.go:147 component=tailer msg="tail routine: started" path=/var/log/{s}/app.log\n'
            f'level=debug ts={when()} caller=push.go:211 msg="batch sent" traceID={h1[:16]} fingerprint={rb.randint(10**18, 10**19)}\n'
            f"[2026/12/07 09:14:02] [ info] [input:tail:tail.0] inode={rb.randint(100000, 9999999)} handle rotation(): /var/log/{s}/app.log => /var/log/{s}/app.log.1"
        )
    if k == 8:
        return f"$ jq '.[0]' {s}/2026-12-07.json\n" + jdump(
            {
                "client_msg_id": u,
                "type": "message",
                "text": f"deploy of {s} {ver} done :tada:",
                "user": "U0" + tok(9, upper),
                "ts": f"{ts}.{rb.randint(100000, 999999)}",
                "team": "T0" + tok(9, upper),
                "blocks": [
                    {"type": "rich_text", "block_id": tok(5, alnum + "+/="), "elements": []}
                ],
            }
        )
    if k == 9:
        return (
            f"Title: pip install fails with hash mismatch for {s}-client\n\nI pinned the hashes with pip-compile:\n\n```\n{s}-client=={ver} \\\n    --hash=sha256:{h256}\n```\n\n"
            f"but pip says:\n\n```\nTHESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.\n    {s}-client=={ver} from https://files.pythonhosted.org/packages/{h256[:2]}/{h256[2:4]}/{h256[4:]}/{s}_client-{ver}.tar.gz:\n"
            f"        Expected sha256 {h256}\n             Got        {hashlib.sha256(seed + b'got').hexdigest()}\n```\n\nasked Dec 7, 2026 · commit {h1[:7]} of my repo"
        )
    if k == 10:
        return (
            f"$ st2 execution list -n 2\n+--------------------------+---------------+-----------+\n| id                       | action.ref    | status    |\n+--------------------------+---------------+-----------+\n"
            f"| {md5[:24]} | core.local    | succeeded |\n| {h1[:24]} | {s}.deploy | running   |\n+--------------------------+---------------+-----------+\n"
            f"$ rd executions list -p {s}\n{i + 1200} succeeded {u} Deploy {s}"
        )
    if k == 11:
        return (
            f"$ openstack server show {s}-01 -c id -c image -c project_id -c user_id\n+------------+----------------------------------+\n"
            f"| id         | {u}     |\n| image      | ubuntu-24.04 ({u2}) |\n| project_id | {md5} |\n| user_id    | {h1[:32]} |\n+------------+----------------------------------+\n"
            f"x-openstack-request-id: req-{rid()}"
        )
    if k == 12:
        fp = ":".join(md5[j : j + 2] for j in range(0, 32, 2))
        return (
            f"$ doctl compute ssh-key list\nID          Name        FingerPrint\n{rb.randint(10**7, 10**8)}    ci-{s}     {fp}\n"
            f"$ doctl compute droplet list --format ID,Name,Status\nID           Name        Status\n{rb.randint(10**8, 10**9)}    {s}-01     active\n"
            f"$ linode-cli linodes list --text\nid\tlabel\tregion\n{rb.randint(10**7, 10**8)}\t{s}-01\teu-central"
        )
    if k == 13:
        return (
            f"$ snyk test\nTesting /src/{s}...\n\n ✗ Prototype Pollution [High Severity][https://security.snyk.io/vuln/SNYK-JS-LODASH-{rb.randint(100000, 999999)}] in lodash@4.17.15\n\n"
            f"Organization:      acme-{s}\nPackage manager:   npm\n\nINFO: ANALYSIS SUCCESSFUL, you can find the results at: https://sonar.acme.dev/dashboard?id={s}\n"
            f"INFO: More about the report processing at https://sonar.acme.dev/api/ce/task?id=AY{tok(18, url64)}\n[codecov] commit sha: {h1}"
        )
    if k == 14:
        return (
            f"$ cat dist/checksums.txt\n{h256}  {s}_{ver}_linux_amd64.tar.gz\n{hashlib.sha256(seed + b'2').hexdigest()}  {s}_{ver}_darwin_arm64.tar.gz\n"
            f"$ twine upload dist/*\nUploading {s}-{ver}-py3-none-any.whl\nView at:\nhttps://pypi.org/project/{s}/{ver}/"
        )
    if k == 15:
        return (
            f"$ npx turbo run build\n{s}:build: cache hit, replaying logs {h1[:16]}\n{s}:test: cache miss, executing {md5[:16]}\n\n Tasks:    2 successful, 2 total\n"
            f"Cached:    1 cached, 2 total\n$ ./gradlew build --build-cache --info | grep 'cache key'\nBuild cache key for task ':app:compileJava' is {md5}\n"
            f"Nx read the output from the cache instead of running the command for 3 out of 5 tasks. hash: {rb.randint(10**18, 10**19)}"
        )
    if k == 16:
        return (
            f'# mise.lock\n[tools.node]\nversion = "22.11.0"\nbackend = "core:node"\n\n[tools.node.checksums]\n"node-v22.11.0-linux-x64.tar.gz" = "sha256:{h256}"\n\n'
            f'# devbox.lock\n{{\n  "lockfile_version": "1",\n  "packages": {{\n    "nodejs@22": {{\n      "resolved": "github:NixOS/nixpkgs/{h1}#nodejs_22",\n      "source": "devbox-search",\n      "version": "22.11.0",\n'
            f'      "outputs": [{{"name": "out", "path": "/nix/store/{tok(32, "0123456789abcdfghijklmnpqrsvwxyz")}-nodejs-22.11.0"}}]\n    }}\n  }}\n}}'
        )
    if k == 17:
        return (
            f"$ crane digest registry.acme.dev/{s}:{ver}\nsha256:{h256}\n$ oras push registry.acme.dev/{s}/sbom:{ver} sbom.spdx.json\nUploading {h1[:12]} sbom.spdx.json\n"
            f"Pushed [registry] registry.acme.dev/{s}/sbom:{ver}\nArtifactType: application/vnd.unknown.artifact.v1\nDigest: sha256:{hashlib.sha256(seed + b'm').hexdigest()}"
        )
    if k == 18:
        return (
            f"$ gp info\nWorkspace ID    : acme-{s}-{tok(11, b36)}\nInstance ID     : {u}\nWorkspace class : g1-standard\n"
            f"$ coder list\nWORKSPACE          TEMPLATE   STATUS\nci/{s}-ws   docker     Started\n$ coder show {s}-ws | grep agent\n  agent id: {u2}"
        )
    if k == 19:
        guid = b64(
            f"{rb.randint(1000000, 9999999)}|APM|APPLICATION|{rb.randint(10**8, 10**9)}".encode()
        ).rstrip("=")
        return (
            f"entity.guid={guid} entity.name={s} trace.id={md5} span.id={h1[:16]}\n"
            f"dt.entity.host=HOST-{h1[16:32].upper()} dt.entity.process_group_instance=PROCESS_GROUP_INSTANCE-{md5[:16].upper()}\n"
            f"requestGUID={u} bt=/{s}/checkout elastic.transaction.id={h1[24:40]}"
        )
    if k == 20:
        return (
            f"Bitrise build #{i + 300}: https://app.bitrise.io/build/{u}\nApp slug: {h1[:16]}\nCodemagic build {md5[:24]} finished: ios-release\n"
            f"Provisioning profile: {u2.upper()}\nTeam ID: {tok(10, upper)}\nApp Center release id: {i + 88}"
        )
    if k == 21:
        return (
            f"# Assets/Scripts/Net.cs.meta\nfileFormatVersion: 2\nguid: {md5}\nMonoImporter:\n  serializedVersion: 2\n"
            f'# scenes/main.tscn\n[gd_scene load_steps=3 format=3 uid="uid://{tok(13, b36)}"]\n[ext_resource type="Script" uid="uid://{tok(12, b36)}" path="res://scripts/net.gd" id="1_{tok(5, b36)}"]\n'
            f"LogPackageName: Display: PackageGuid {h1[:32].upper()}"
        )
    if k == 22:
        return (
            f"*list jobid={i + 4800}\n+-------+---------------+---------+----------+\n| jobid | name          | jobbytes | volumename |\n| {i + 4800} | {s}-nightly   | 1,234,567 | Vol-{i:04d} |\n"
            f"Volume Session Id:      {i + 3}\nVolume Session Time:    {ts}\nMD5 checksum of /srv/{s}/data.db: {b64(raw[:16]).rstrip('=')}\n"
            f"$ rsync -avc --itemize-changes /srv/{s}/ nas::{s} | head -1\n>fc.t...... data/{md5[:8]}.parquet"
        )
    if k == 23:
        return (
            f"$ curl -s es:9200/{s}-2026.12.07/_search?size=1 | jq '.hits.hits[0] | {{_id, _seq_no, _primary_term}}'\n"
            + jline({"_id": tok(20, url64), "_seq_no": i + 17, "_primary_term": 1})
            + f'\n$ curl -s es:9200/ | jq .cluster_uuid\n"{tok(22, url64)}"\nKibana saved object: dashboard:{u}\nTypesense document id: {s}-{i:06d}'
        )
    return (
        f"ClearML Task: created new task id={md5}\nClearML results page: https://app.clear.ml/projects/{h1[:32]}/experiments/{md5}/output/log\n"
        f"COMET INFO: Experiment is live on comet.com https://www.comet.com/acme/{s}/{h1[8:40]}\nhttps://app.neptune.ai/acme/{s}/e/{s[:3].upper()}-{i + 12}\n"
        f"kaggle datasets version -p data -m 'v{i}' -> https://www.kaggle.com/datasets/acme/{s}/versions/{i + 2}"
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
                        "label": pii_label(LINE_CONTEXTS[context](line)) or secret_shaped(line),
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
