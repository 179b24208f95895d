"""Build contexts43: scanner fixtures and fresh draws in thirty tools' configs and command lines no earlier corpus visited (blind).

``python bench/contexts43/make.py`` writes secrets.jsonl and benign.jsonl (seed 43043). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 43043) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: mail fetchers
(offlineimap, isync, getmail) and mail TUIs (aerc, himalaya, meli), duply/duplicity, PostgreSQL poolers
(pgbouncer, Odyssey, PgCat) and MySQL proxies (ProxySQL, MaxScale), game servers, embedded firmware
(Arduino, PlatformIO, MicroPython, ESP-IDF), routing daemons (keepalived, FRR, BIRD, Junos), monitoring
agents (Nagios, Zabbix, Icinga 2, Telegraf, Netdata), editor-extension and package publishers (vsce,
ovsx, web-ext, choco, conan), Java servers (Tomcat, WildFly, Jetty, WebLogic), proxies (3proxy,
tinyproxy, redsocks, shadowsocks), ACME DNS credentials (certbot, acme.sh, lego, ddclient), archivers and
file encryption (7z, zip, gpg, openssl), other SCMs (Mercurial, Bazaar, Fossil, Subversion's auth cache,
CVS), new shells (nushell, xonsh, tcsh, elvish), macOS admin CLIs, browser automation (Puppeteer,
Playwright, Selenium, Cypress, Robot Framework), office scripts (Apps Script, Power Query, VBA, Excel),
BI tools (Superset, Metabase, Redash, Grafana), message brokers (ActiveMQ, Artemis, Pulsar, Redpanda),
downloaders (aria2, yt-dlp, wget), torrent clients, IRC clients and bridges, LDAP clients, HPC
schedulers (Slurm, PBS, LSF), VoIP PBXs (Asterisk, FreeSWITCH, baresip), NUT (UPS), graph databases
(Neo4j, SurrealDB, ArangoDB) and IaC not visited (CDK, Crossplane, Butane).
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts42; a context may return (text, written) when the text holds the value encoded.
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

SEED = 43043
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


# ---------------------------------------------------------------- secret contexts (tools people run at home and at work)
def c_mail_sync(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"[Repository {cls(n)}Remote]\ntype = IMAP\nremotehost = imap.{host(r)}\nremoteuser = {u}\nremotepasseval = {pyr(v)}\nsslcacertfile = OS-DEFAULT",
        ),
        line=(
            f"[Repository {cls(n)}Remote]\ntype = IMAP\nremotehost = imap.{host(r)}\nremoteuser = {u}\nremotepass = {v}\nsslcacertfile = /etc/ssl/certs/ca-certificates.crt",
            f"[retriever]\ntype = SimpleIMAPSSLRetriever\nserver = imap.{host(r)}\nusername = {u}\npassword = {v}\n\n[destination]\ntype = Maildir\npath = ~/Mail/{svc(r)}/",
        ),
        bare=(
            f'IMAPAccount {svc(r)}\nHost imap.{host(r)}\nUser {u}\nPassCmd "echo {v}"\nTLSType IMAPS\n\nIMAPStore {svc(r)}-remote\nAccount {svc(r)}',
            f"IMAPAccount {svc(r)}\nHost imap.{host(r)}\nUser {u}\nPass {v}\nSSLType IMAPS",
        ),
    )


def c_mail_tui(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        f'[accounts.{svc(r)}]\nemail = "ci@{host(r)}"\nbackend.type = "imap"\nbackend.host = "imap.{host(r)}"\nbackend.port = 993\n'
        f'backend.login = "{u}"\nbackend.auth.type = "password"\nbackend.auth.raw = {dq(v)}',
        f'[accounts.{svc(r)}]\nroot_mailbox = "INBOX"\nformat = "imap"\nserver_hostname = "imap.{host(r)}"\nserver_username = "{u}"\nserver_password = {dq(v)}',
    ]
    if "\n" not in v:
        forms.append(
            (
                f"[{cls(n)}]\nsource        = imaps://{pct(u)}:{pct(v)}@imap.{host(r)}:993\noutgoing      = smtps+plain://{pct(u)}@smtp.{host(r)}:465\n"
                f"default       = INBOX\nfrom          = CI <ci@{host(r)}>",
                pct(v),
            )
        )
        forms.append(
            f"[{cls(n)}]\nsource = imaps://{pct(u)}@imap.{host(r)}:993\nsource-cred-cmd = printf '%s' {shq1(v)}\noutgoing = smtps://{pct(u)}@smtp.{host(r)}"
        )
    return RNG.choice(forms)


def c_duply_dup(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"[Service]\nType=oneshot\nEnvironment={dq('PASSPHRASE=' + v)}\nExecStart=/usr/bin/duplicity incremental /srv sftp://backup@nas.{host(r)}/{svc(r)}",
        ),
        line=(
            f"# ~/.duply/{svc(r)}/conf\nGPG_KEY='disabled'\nGPG_PW={shq1(v)}\nTARGET='sftp://backup@nas.{host(r)}/{svc(r)}'\nSOURCE='/srv/{svc(r)}'\nMAX_AGE=6M",
            f"# ~/.duply/{svc(r)}/conf\nTARGET='ftp://nas.{host(r)}/{svc(r)}'\nTARGET_USER='backup'\nTARGET_PASS={shq1(v)}\nSOURCE='/srv'",
            f"$ PASSPHRASE={shq(v)} duplicity --full-if-older-than 1M /srv/{svc(r)} sftp://backup@nas.{host(r)}//backups/{svc(r)}\nLocal and Remote metadata are synchronized, no sync needed.",
            f"$ FTP_PASSWORD={shq(v)} duplicity collection-status ftp://backup@nas.{host(r)}/{svc(r)}\nLast full backup date: Sun Dec  6 03:00:02 2026",
        ),
    )


def c_pg_poolers(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        f'storage "postgres_server" {{\n\ttype "remote"\n\thost "db.{host(r)}"\n\tport 5432\n}}\ndatabase "{svc(r)}" {{\n\tuser "{u}" {{\n'
        f'\t\tauthentication "scram-sha-256"\n\t\tpassword {dq(v)}\n\t\tstorage "postgres_server"\n\t\tpool "transaction"\n\t}}\n}}',
        f'# pgcat.toml\n[pools.{ident(n)}.users.0]\nusername = "{u}"\npassword = {dq(v)}\npool_size = 20\nstatement_timeout = 0',
    ]
    if "\n" not in v:
        quoted = '"' + v.replace('"', '""') + '"'
        forms.append(
            (
                f'# /etc/pgbouncer/userlist.txt\n"postgres" "SCRAM-SHA-256$4096:c2FsdA==$a:b"\n"{u}" {quoted}',
                quoted[1:-1],
            )
        )
        forms.append(
            (
                f"[databases]\n{ident(n)} = host=db.{host(r)} port=5432 dbname={ident(n)} user={u} password={libpq(v)}\n\n[pgbouncer]\nlisten_port = 6432\nauth_type = scram-sha-256",
                libpq(v)[1:-1] if libpq(v) != v else v,
            )
        )
    return RNG.choice(forms)


def c_mysql_proxies(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'mysql_users =\n(\n\t{{\n\t\tusername = "{u}"\n\t\tpassword = {dq(v)}\n\t\tdefault_hostgroup = 10\n\t\tactive = 1\n\t}}\n)',
        ),
        line=(
            f"Admin> INSERT INTO mysql_users(username,password,default_hostgroup) VALUES ('{u}',{sqlq(v)},10);\nQuery OK, 1 row affected (0.00 sec)\n\nAdmin> LOAD MYSQL USERS TO RUNTIME;",  # noqa: S608
            f"[{svc(r)}-service]\ntype=service\nrouter=readwritesplit\nservers=db1,db2\nuser=maxscale\npassword={v}\n\n[{svc(r)}-listener]\ntype=listener\nservice={svc(r)}-service\nport=4006",
            f"$ maxctrl create user {u} {shq(v)} --type=admin\nOK",
        ),
        bare=(
            f'admin_variables=\n{{\n\tadmin_credentials="admin:{v}"\n\tmysql_ifaces="0.0.0.0:6032"\n}}',
        ),
    )


def c_game_servers(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'services:\n  mc:\n    image: itzg/minecraft-server\n    environment:\n      EULA: "TRUE"\n      ENABLE_RCON: "true"\n      RCON_PASSWORD: {yq(v)}\n    ports:\n      - 25565:25565',
        ),
        line=(
            f"#Minecraft server properties\nenable-rcon=true\nrcon.port=25575\nrcon.password={pesc(v)}\nmotd=A {svc(r)} server\nmax-players=20",
            f'$ rcon-cli --host mc.{host(r)} --port 25575 --password {shq(v)} "whitelist add steve"\nAdded steve to the whitelist',
            f"$ steamcmd +force_install_dir /srv/cs2 +login {u} {shq(v)} +app_update 730 validate +quit\nSuccess! App '730' fully installed.",
        ),
        bare=(
            f'[/Script/Pal.PalGameWorldSettings]\nOptionSettings=(Difficulty=None,ServerName="{svc(r)}",AdminPassword="{v}",ServerPassword="",PublicPort=8211)',
            f'hostname "{svc(r)} scrim"\nrcon_password "{v}"\nsv_lan 0\nsv_cheats 0',
        ),
    )


def c_embedded_fw(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'// arduino_secrets.h\n#define SECRET_SSID "{svc(r)}-iot"\n#define SECRET_{n.tail.env} {dq(v)}',
            f">>> import network\n>>> wlan = network.WLAN(network.STA_IF)\n>>> wlan.active(True)\n>>> wlan.connect('{svc(r)}-iot', {pyr(v)})",
            f'CONFIG_ESP_WIFI_SSID="{svc(r)}-iot"\nCONFIG_{n.env}={dq(v)}\nCONFIG_ESP_MAXIMUM_RETRY=5',
        ),
        bare=(
            f'[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nframework = arduino\nbuild_flags =\n    -D WIFI_SSID=\\"{svc(r)}-iot\\"\n    -D {n.env}=\\"{v}\\"',
        ),
    )


def c_routing_daemons(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"protocol bgp upstream_{ident(n)} {{\n  local as 65001;\n  neighbor 192.0.2.1 as 65002;\n  password {dq(v)};\n  ipv4 {{ import all; export none; }};\n}}",
        ),
        line=(f"set protocols bgp group upstream neighbor 192.0.2.1 authentication-key {dq(v)}",),
        bare=(
            f"vrrp_instance VI_1 {{\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n    authentication {{\n        auth_type PASS\n        auth_pass {v}\n    }}\n}}",
            f"router bgp 65001\n neighbor 192.0.2.1 remote-as 65002\n neighbor 192.0.2.1 password {v}\n address-family ipv4 unicast",
            f"interface eth1\n ip ospf authentication message-digest\n ip ospf message-digest-key 1 md5 {v}",
        ),
    )


def c_monitoring_agents(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'/* /etc/icinga2/constants.conf */\nconst PluginDir = "/usr/lib/nagios/plugins"\nconst NodeName = "mon01"\nconst TicketSalt = {dq(v)}',
            f'object ApiUser "{svc(r)}" {{\n  password = {dq(v)}\n  permissions = [ "objects/query/*", "status/query" ]\n}}',
            f'[[outputs.influxdb_v2]]\n  urls = ["http://influx:8086"]\n  token = {dq(v)}\n  organization = "acme"\n  bucket = "{svc(r)}"',
        ),
        line=(
            f"# /usr/local/nagios/etc/resource.cfg\n$USER1$=/usr/lib/nagios/plugins\n# $USER3$: the {prose(n)}\n$USER3$={v}",
            f"LogFile=/var/log/zabbix/zabbix_server.log\nDBHost=localhost\nDBName=zabbix\nDBUser=zabbix\nDBPassword={v}\nStartPollers=5",
            f"[stream]\n    enabled = yes\n    destination = parent.{host(r)}:19999\n    api key = {v}",
        ),
    )


def c_ext_publish(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ npx @vscode/vsce publish -p {shq(v)}\n INFO  Publishing 'acme.{svc(r)}-vscode v1.4.0'...\n DONE  Published acme.{svc(r)}-vscode v1.4.0.",
            f"$ npx ovsx publish {svc(r)}-1.4.0.vsix -p {shq(v)}\n🚀  Published acme.{svc(r)} v1.4.0",
            f"$ web-ext sign --channel=listed --api-key=user:12345:678 --api-secret={shq(v)}",
            f"PS> choco apikey --key {psq(v)} --source https://push.chocolatey.org/\nAdded ApiKey for https://push.chocolatey.org/",
            f"$ conan remote login artifactory ci -p {shq(v)}\nChanged user of remote 'artifactory' from 'None' (anonymous) to 'ci' (authenticated)",
        ),
    )


def c_java_servers(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'<datasource jndi-name="java:jboss/datasources/{cls(n)}DS" pool-name="{cls(n)}DS">\n    <connection-url>jdbc:postgresql://db.{host(r)}/{ident(n)}</connection-url>\n'
            f"    <security>\n        <user-name>{x(u)}</user-name>\n        <password>{x(v)}</password>\n    </security>\n</datasource>",
        ),
        line=(
            f'<tomcat-users>\n  <role rolename="manager-gui"/>\n  <user username="{x(u)}" password="{x(v)}" roles="manager-gui,manager-script"/>\n</tomcat-users>',
            f"$ ./bin/add-user.sh -u admin -p {shq(v)} -g admin\nAdded user 'admin' to file '/opt/wildfly/standalone/configuration/mgmt-users.properties'",
            f"# servers/AdminServer/security/boot.properties\nusername=weblogic\npassword={pesc(v)}",
        ),
        bare=(
            f"# etc/realm.properties\n{ident(n)}: {v},admin,user\nguest: OBF:1xmk1w261u9r1w1c1xmq,user",
            f"[standalone@localhost:9990 /] data-source add --name={cls(n)}DS --jndi-name=java:/jdbc/{cls(n)} --driver-name=postgresql "
            f"--connection-url=jdbc:postgresql://db.{host(r)}/{ident(n)} --user-name={ident(n)} --password={v}",
        ),
    )


def c_proxy_tools(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        f'redsocks {{\n\tlocal_ip = 127.0.0.1;\n\tlocal_port = 12345;\n\tip = proxy.{host(r)};\n\tport = 1080;\n\ttype = socks5;\n\tlogin = "{u}";\n\tpassword = {dq(v)};\n}}',
        jdump(
            {
                "server": f"proxy.{host(r)}",
                "server_port": 8388,
                "password": v,
                "method": "chacha20-ietf-poly1305",
                "mode": "tcp_and_udp",
            }
        ),
    ]
    if "\n" not in v:
        enc = b64url(f"chacha20-ietf-poly1305:{v}".encode())
        forms.append((f"ss://{enc}@proxy.{host(r)}:8388#{svc(r)}", enc))
    if ok_bare(v):
        forms.append(f"nserver 1.1.1.1\nauth strong\nusers {u}:CL:{v}\nallow {u}\nproxy -p3128 -a")
        forms.append(f"Port 8888\nListen 127.0.0.1\nBasicAuth {u} {v}\nAllow 127.0.0.1")
    return RNG.choice(forms)


def c_acme_dns(r, pairs):
    n, v = pairs[-1]
    env = f"{ident(n).upper()}_{n.tail.env}"
    forms = [
        f"# /etc/letsencrypt/{svc(r)}.ini\ndns_{ident(n)}_{n.tail.snake} = {v}\n$ certbot certonly --dns-{svc(r)} --dns-{svc(r)}-credentials /etc/letsencrypt/{svc(r)}.ini -d {host(r)}",
        f"$ export {env}={shq(v)}\n$ acme.sh --issue --dns dns_{ident(n)} -d {host(r)} -d '*.{host(r)}'",
        f"# ~/.acme.sh/account.conf\nLOG_FILE='/root/.acme.sh/acme.sh.log'\nSAVED_{env}={shq1(v)}\nUSER_PATH='/usr/local/bin:/usr/bin'",
        f"$ {env}={shq(v)} lego --email ops@{host(r)} --dns {ident(n)} --domains '*.{host(r)}' run",
    ]
    if ok_bare(v):
        forms.append(
            f"daemon=300\nprotocol=dyndns2\nuse=web\nserver=members.dyndns.org\nlogin=acme-{svc(r)}\npassword='{v}'\n{svc(r)}.dyndns.org"
        )
    return RNG.choice(forms)


def c_archive_crypto(r, pairs):
    _n, v = pairs[-1]
    forms = [
        f"$ 7z a -t7z -mhe=on -p{shq(v)} backup-{svc(r)}.7z ./data\nEverything is Ok",
        f"$ zip -r -P {shq(v)} {svc(r)}-export.zip export/\n  adding: export/ (stored 0%)",
        f"$ gpg --batch --yes --pinentry-mode loopback --passphrase {shq(v)} -c {svc(r)}.tar",
        f"$ unzip -P {shq(v)} {svc(r)}-export.zip\nArchive:  {svc(r)}-export.zip\n  inflating: export/users.csv",
    ]
    if ok_bare(v):
        forms.append(
            f"$ openssl enc -aes-256-cbc -pbkdf2 -salt -in db.sql -out db.sql.enc -pass pass:{v}"
        )
        forms.append(
            f"$ openssl pkcs12 -export -in cert.pem -inkey key.pem -out {svc(r)}.p12 -passout pass:{v}"
        )
    return RNG.choice(forms)


def c_scm_auth(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    forms = [
        f"[auth]\n{ident(n)}.prefix = https://hg.{host(r)}/\n{ident(n)}.username = {u}\n{ident(n)}.password = {v}",
        f"[{svc(r)}]\nscheme=https\nhost=bzr.{host(r)}\nuser={u}\npassword={v}",
        (
            f"$ fossil clone https://{pct(u)}:{pct(v)}@fossil.{host(r)}/{svc(r)} {svc(r)}.fossil\nRound-trips: 3   Artifacts sent: 0  received: 812",
            pct(v),
        ),
        f"$ cat ~/.subversion/auth/svn.simple/{hexid(32)}\nK 8\npassword\nV {len(v.encode())}\n{v}\nK 15\nsvn:realmstring\nV 43\n<https://svn.{host(r)}:443> Subversion\nK 8\nusername\nV {len(u)}\n{u}\nEND",
    ]
    if re.fullmatch(r"[^\s@:'\"$`\\;&|<>()]+", v):
        forms.append(
            f"$ cvs -d :pserver:{u.split('@')[0]}:{v}@cvs.{host(r)}:/cvsroot/{svc(r)} checkout {svc(r)}"
        )
    return RNG.choice(forms)


def c_shells_new(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'# ~/.config/nushell/env.nu\n$env.EDITOR = "hx"\n$env.{n.env} = {dq(v)}',
            f"# ~/.xonshrc\n$PATH.append('/opt/{svc(r)}/bin')\n${n.env} = {pyr(v)}",
        ),
        line=(
            f"# ~/.tcshrc\nsetenv EDITOR vi\nsetenv {n.env} {shq(v)}",
            f"# ~/.config/elvish/rc.elv\nset E:EDITOR = vi\nset E:{n.env} = {psq(v)}",
        ),
    )


def c_mac_admin(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    return choose(
        v,
        line=(
            f'$ sudo sysadminctl -addUser {u} -fullName "CI Runner" -password {shq(v)} -admin\n2026-12-07 09:14:02.123 sysadminctl[812:4411] Creating user record…',
            f"$ sudo dscl . -passwd /Users/{u} {shq(v)}",
            f'$ networksetup -setairportnetwork en0 "{svc(r)}-corp" {shq(v)}',
            f"$ security unlock-keychain -p {shq(v)} build.keychain-db\n$ security set-keychain-settings -lut 21600 build.keychain-db",
        ),
    )


def c_browser_automation(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"const page = await browser.newPage();\nawait page.authenticate({{ username: '{u}', password: {jsq(v)} }});\nawait page.goto('https://staging.{host(r)}/admin');",
            f"export default defineConfig({{\n  use: {{\n    baseURL: 'https://staging.{host(r)}',\n    httpCredentials: {{ username: '{u}', password: {jsq(v)} }},\n  }},\n}});",
            f'driver.get("https://staging.{host(r)}/login")\ndriver.find_element(By.NAME, "{n.snake}").send_keys({pyr(v)})\ndriver.find_element(By.ID, "submit").click()',
            f"cy.visit('/login')\ncy.get('input[name=\"{n.camel}\"]').type({jsq(v)}, {{ log: false }})\ncy.get('button[type=submit]').click()",
        ),
        bare=(
            f"*** Test Cases ***\nValid Login\n    Open Browser    https://staging.{host(r)}/login    chrome\n    Input Text    id:username    {u}\n    Input Password    id:password    {v}\n    Click Button    Sign in",
        ),
    )


def c_office_scripts(r, pairs):
    n, v = pairs[-1]
    forms = [
        f"function setup() {{\n  PropertiesService.getScriptProperties().setProperty('{n.env}', {jsq(v)});\n}}",
    ]
    if "\n" not in v:
        mq = v.replace('"', '""')
        forms.append(
            (
                f'let\n    Source = Json.Document(Web.Contents("{http(r)}/reports", [Headers=[Authorization="Bearer {mq}"]])),\n    Data = Source[data]\nin\n    Data',
                mq,
            )
        )
        forms.append(
            (
                f'Set http = CreateObject("MSXML2.XMLHTTP")\nhttp.Open "GET", "{http(r)}/rates", False\nhttp.setRequestHeader "X-Api-Key", {vbq(v)}\nhttp.Send',
                vbq(v)[1:-1],
            )
        )
        forms.append((f'=WEBSERVICE("{http(r)}/rates?{n.snake}={pct(v)}&base=EUR")', pct(v)))
    return RNG.choice(forms)


def c_bi_tools(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'# superset_config.py\nSECRET_KEY = {pyr(v)}\nSQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://superset@db:5432/superset"\nFEATURE_FLAGS = {{"ALERT_REPORTS": True}}',
            jline(
                {
                    "engine": "postgres",
                    "name": svc(r),
                    "details": {
                        "host": f"db.{host(r)}",
                        "port": 5432,
                        "dbname": ident(n),
                        "user": "metabase",
                        "password": v,
                        "ssl": True,
                    },
                }
            ),
        ),
        line=(
            f"MB_DB_TYPE=postgres\nMB_DB_DBNAME=metabase\nMB_DB_USER=metabase\nMB_DB_PASS={v}\nMB_DB_HOST=db",
            f"REDASH_REDIS_URL=redis://redis:6379/0\nREDASH_{n.tail.env}={v}\nREDASH_LOG_LEVEL=INFO",
            f"[security]\nadmin_user = admin\nadmin_password = {v}\ncookie_secure = true",
        ),
    )


def c_mq_new(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    return choose(
        v,
        esc=(
            f'PulsarClient client = PulsarClient.builder()\n    .serviceUrl("pulsar+ssl://pulsar.{host(r)}:6651")\n    .authentication(AuthenticationFactory.token({dq(v)}))\n    .build();',
        ),
        line=(
            f"# conf/credentials.properties\nactivemq.username=system\nactivemq.password={pesc(v)}\nguest.password=password",
            f"$ ./bin/artemis create /var/lib/{svc(r)}-broker --user admin --password {shq(v)} --require-login\nCreating ActiveMQ Artemis instance at: /var/lib/{svc(r)}-broker",
            f'$ rpk acl user create {u} -p {shq(v)} --mechanism SCRAM-SHA-256\nCreated user "{u}".',
        ),
        bare=(
            f"webServiceUrl=https://pulsar.{host(r)}:8443/\nbrokerServiceUrl=pulsar+ssl://pulsar.{host(r)}:6651/\nauthPlugin=org.apache.pulsar.client.impl.auth.AuthenticationToken\nauthParams=token:{v}",
        ),
    )


def c_downloaders(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            jline(
                {
                    "jsonrpc": "2.0",
                    "id": "qwer",
                    "method": "aria2.addUri",
                    "params": [f"token:{v}", [f"https://dl.{host(r)}/{svc(r)}.iso"]],
                }
            ),
        ),
        line=(
            f"$ aria2c --enable-rpc --rpc-listen-all=false --rpc-secret={shq(v)} --dir=/srv/downloads",
            f"dir=/srv/downloads\nenable-rpc=true\nrpc-secret={v}\nrpc-listen-port=6800\nmax-concurrent-downloads=3",
            f"$ yt-dlp --username {shq(u)} --password {shq(v)} -f bestvideo+bestaudio https://video.{host(r)}/watch/{hexid(8)}",
            f"# ~/.config/yt-dlp/config\n-o ~/Videos/%(title)s.%(ext)s\n--username {u}\n--password {v}",
            f"$ wget --http-user={shq(u)} --http-password={shq(v)} https://dl.{host(r)}/{svc(r)}-latest.tar.gz",
        ),
    )


def c_torrent_clients(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    forms = [
        jdump(
            {
                "download-dir": "/srv/torrents",
                "rpc-authentication-required": True,
                "rpc-username": u,
                "rpc-password": v,
                "rpc-port": 9091,
                "rpc-whitelist-enabled": False,
            }
        ),
    ]
    if "\n" not in v:
        forms.append(
            (
                f"$ curl -i --data 'username={u}&password={pct(v)}' http://localhost:8080/api/v2/auth/login\nHTTP/1.1 200 OK\nset-cookie: SID=…; HttpOnly; path=/",
                pct(v),
            )
        )
    if ok_bare(v):
        forms.append(
            f"$ transmission-remote localhost:9091 -n {u}:{v} -l\nID   Done  Have  ETA  Up  Down  Ratio  Status  Name"
        )
        if ":" not in v:
            forms.append(f"# ~/.config/deluge/auth\n{u}:{v}:10")
    return RNG.choice(forms)


def c_irc_clients(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    forms = [
        f'[discord.{ident(n)}]\nToken={dq(v)}\nServer="acme"\nAutoWebhooks=true\nRemoteNickFormat="[{{PROTOCOL}}] <{{NICK}}> "'
    ]
    if "\n" not in v:
        plain = b64s(f"{u}\0{u}\0{v}")
        forms.append(
            (
                f"CAP REQ :sasl\nAUTHENTICATE PLAIN\nAUTHENTICATE +\nAUTHENTICATE {plain}\n:tantalum.libera.chat 903 {u} :SASL authentication successful",
                plain,
            )
        )
        forms.append(
            f"supybot.networks.libera.servers: irc.libera.chat:6697\nsupybot.networks.libera.password: {v}\nsupybot.networks.libera.ssl: True"
        )
    if ok_bare(v):
        forms.append(f"/msg NickServ IDENTIFY {u} {v}")
        forms.append(f"PASS {v}\nNICK {u}\nUSER {u} 0 * :CI bot")
        forms.append(f"/quote PASS {u}/libera:{v}")
    return RNG.choice(forms)


def c_ldap_clients(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'import ldap\nconn = ldap.initialize("ldaps://ldap.{host(r)}")\nconn.simple_bind_s("{dn()}", {pyr(v)})',
            f'from ldap3 import Server, Connection\nconn = Connection(Server("ldap.{host(r)}", use_ssl=True), user="{dn()}", password={pyr(v)}, auto_bind=True)',
        ),
        line=(
            f"# /etc/nslcd.conf\nuri ldaps://ldap.{host(r)}\nbase dc=acme,dc=example\nbinddn cn=nslcd,ou=svc,dc=acme,dc=example\nbindpw {v}",
            f'$ ldapmodify -H ldaps://ldap.{host(r)} -D "{dn()}" -w {shq(v)} -f add-{svc(r)}.ldif\nmodifying entry "cn={svc(r)},ou=groups,dc=acme,dc=example"',
        ),
        bare=(
            f'<Location "/{svc(r)}">\n  AuthType Basic\n  AuthBasicProvider ldap\n  AuthLDAPURL "ldaps://ldap.{host(r)}/dc=acme,dc=example?uid"\n'
            f'  AuthLDAPBindDN "cn=apache,ou=svc,dc=acme,dc=example"\n  AuthLDAPBindPassword "{v}"\n  Require valid-user\n</Location>',
        ),
    )


def c_hpc_sched(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# /etc/slurm/slurmdbd.conf\nAuthType=auth/munge\nStorageType=accounting_storage/mysql\nStorageHost=db.{host(r)}\nStorageUser=slurm\nStoragePass={v}",
        ),
        bare=(
            f"$ qsub -v {n.env}={v},OMP_NUM_THREADS=8 -l select=1:ncpus=8 job.pbs\n4821.pbs-head",
            f'$ bsub -env "all, {n.env}={v}" -q gpu -n 4 ./run.sh\nJob <4821> is submitted to queue <gpu>.',
            f"#!/bin/bash\n#PBS -N {svc(r)}-etl\n#PBS -l walltime=02:00:00\n#PBS -v {n.env}={v}\ncd $PBS_O_WORKDIR\n./etl.sh",
        ),
    )


def c_voip_pbx(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    forms = [
        f"[{svc(r)}-trunk]\ntype=peer\nhost=sip.{host(r)}\nusername={u}\nsecret={v}\ninsecure=invite\ncontext=from-trunk",
        f"[{svc(r)}-auth]\ntype=auth\nauth_type=userpass\nusername={u}\npassword={v}\n\n[{svc(r)}-reg]\ntype=registration\noutbound_auth={svc(r)}-auth",
        f'<gateway name="{svc(r)}">\n  <param name="username" value="{x(u)}"/>\n  <param name="password" value="{x(v)}"/>\n  <param name="proxy" value="sip.{host(r)}"/>\n</gateway>',
    ]
    if ok_bare(v):
        forms.append(
            f'<sip:{u}@sip.{host(r)}>;auth_pass={v};outbound="sip:sip.{host(r)};transport=tls";regint=600'
        )
    return RNG.choice(forms)


def c_ups_power(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# /etc/nut/upsd.users\n[upsmon]\n    password = {v}\n    upsmon primary",
            f"$ upsrw -s input.transfer.low=100 -u admin -p {shq(v)} {svc(r)}@localhost\nOK",
            f"$ upscmd -u admin -p {shq(v)} {svc(r)}@localhost test.battery.start.quick\nOK",
            f"[{svc(r)}]\n  driver = snmp-ups\n  port = pdu.{host(r)}\n  snmp_version = v3\n  secLevel = authPriv\n  secName = nut\n  authPassword = {v}",
        ),
        bare=(
            f'# /etc/nut/upsmon.conf\nMONITOR {svc(r)}@localhost 1 upsmon {v} primary\nSHUTDOWNCMD "/sbin/shutdown -h +0"',
        ),
    )


def c_graph_dbs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'from neo4j import GraphDatabase\ndriver = GraphDatabase.driver("neo4j+s://db.{host(r)}", auth=("neo4j", {pyr(v)}))',
        ),
        line=(
            f'$ cypher-shell -a neo4j+s://db.{host(r)} -u neo4j -p {shq(v)} "MATCH (n) RETURN count(n);"\ncount(n)\n48211',
            f"$ surreal sql --endpoint http://localhost:8000 --user root --pass {shq(v)} --ns acme --db {ident(n)}",
            f"$ arangosh --server.endpoint ssl://db.{host(r)}:8529 --server.username root --server.password {shq(v)}",
        ),
        bare=(
            f'services:\n  neo4j:\n    image: neo4j:5\n    environment:\n      - NEO4J_AUTH=neo4j/{v}\n      - NEO4J_PLUGINS=["apoc"]',
        ),
    )


def c_iac_new(r, pairs):
    n, v = pairs[-1]
    forms = [
        jdump(
            {
                "@aws-cdk/core:newStyleStackSynthesis": True,
                "acme:region": "eu-west-1",
                f"acme:{n.camel}": v,
            }
        ),
    ]
    if "\n" not in v:
        forms.append(
            f"$ npx cdk deploy {cls(n)}Stack --parameters {cls(n)}Stack:{n.pascal}={shq(v)} --require-approval never"
        )
        forms.append(f"$ npx cdk synth -c {n.camel}={shq(v)} -c stage=prod")
        forms.append(
            f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {svc(r)}-creds\n  namespace: crossplane-system\ntype: Opaque\nstringData:\n  credentials: |\n    [default]\n    {n.snake} = {v}\n---\n"
            f"apiVersion: {ident(n)}.upbound.io/v1beta1\nkind: ProviderConfig\nmetadata:\n  name: default\nspec:\n  credentials:\n    source: Secret\n    secretRef:\n      namespace: crossplane-system\n      name: {svc(r)}-creds\n      key: credentials"
        )
        forms.append(
            f"variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/{svc(r)}/env\n      mode: 0600\n      contents:\n        inline: |\n          {n.env}={v}\n          LOG_LEVEL=info"
        )
        forms.append(
            (
                f"variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/{svc(r)}/{n.kebab}\n      mode: 0600\n      contents:\n        source: data:,{pct(v)}",
                pct(v),
            )
        )
    return RNG.choice(forms)


CONTEXTS = {
    "mail_sync": c_mail_sync,
    "mail_tui": c_mail_tui,
    "duply_dup": c_duply_dup,
    "pg_poolers": c_pg_poolers,
    "mysql_proxies": c_mysql_proxies,
    "game_servers": c_game_servers,
    "embedded_fw": c_embedded_fw,
    "routing_daemons": c_routing_daemons,
    "monitoring_agents": c_monitoring_agents,
    "ext_publish": c_ext_publish,
    "java_servers": c_java_servers,
    "proxy_tools": c_proxy_tools,
    "acme_dns": c_acme_dns,
    "archive_crypto": c_archive_crypto,
    "scm_auth": c_scm_auth,
    "shells_new": c_shells_new,
    "mac_admin": c_mac_admin,
    "browser_automation": c_browser_automation,
    "office_scripts": c_office_scripts,
    "bi_tools": c_bi_tools,
    "mq_new": c_mq_new,
    "downloaders": c_downloaders,
    "torrent_clients": c_torrent_clients,
    "irc_clients": c_irc_clients,
    "ldap_clients": c_ldap_clients,
    "hpc_sched": c_hpc_sched,
    "voip_pbx": c_voip_pbx,
    "ups_power": c_ups_power,
    "graph_dbs": c_graph_dbs,
    "iac_new": c_iac_new,
}

HAS_ESC = set(CONTEXTS) - {
    "ext_publish",
    "acme_dns",
    "archive_crypto",
    "scm_auth",
    "mac_admin",
    "hpc_sched",
    "voip_pbx",
    "ups_power",
}


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "irc_log": lambda s: each("2026-12-07 09:14:02\tdevops\t{}", s),
    "nagios_alert": lambda s: each(
        "[1733567642] SERVICE ALERT: web01;check_scanner;WARNING;SOFT;1;{}", s
    ),
    "mc_console": lambda s: each("[09:14:02] [Server thread/INFO]: <steve> {}", s),
    "arduino_serial": lambda s: (
        "---- Opened the serial port /dev/ttyUSB0 ----\n" + each("09:14:02.123 -> {}", s)
    ),
    "aria2_log": lambda s: each("2026-12-07 09:14:02.123456 [INFO] [RequestGroup.cc:345] {}", s),
    "slurm_out": lambda s: "==> slurm-4821.out <==\n" + s + "\n==> slurm-4821.err <==",
    "asterisk_verbose": lambda s: each("[Dec  7 09:14:02] VERBOSE[2231][C-00000004] pbx.c: {}", s),
    "apps_script_log": lambda s: each("9:14:02 AM\tInfo\t{}", s),
    "tomcat_log": lambda s: each(
        "07-Dec-2026 09:14:02.123 INFO [main] org.apache.catalina.startup.HostConfig.deployWAR {}",
        s,
    ),
    "grafana_annotation": lambda s: jdump(
        {"dashboardUID": "scanner-fx", "panelId": 4, "text": s, "tags": ["scanner", "fixture"]}
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


KIND_NAMES = [
    "maildir-uids",
    "duplicity-manifests",
    "pgbouncer-pointers",
    "proxysql-checksums",
    "minecraft-uuids",
    "esp-idf-lockhashes",
    "icinga-fingerprints",
    "vsix-choco-checksums",
    "wildfly-content-hashes",
    "acme-order-ids",
    "gpg-fingerprints",
    "hg-fossil-nodes",
    "mac-hardware-ids",
    "browser-target-ids",
    "apps-script-ids",
    "bi-dashboard-uids",
    "mq-message-ids",
    "ytdlp-aria2-ids",
    "torrent-infohashes",
    "irc-certfp-tags",
    "ldap-guids",
    "slurm-job-ids",
    "sip-call-ids",
    "graph-element-ids",
    "cdk-asset-hashes",
]


def lookalike(i: int, k: int) -> str:
    """The i-th look-alike text, of kind k (KIND_NAMES[k])."""
    seed = f"c43-lookalike-{i}".encode()
    h256 = hashlib.sha256(seed).hexdigest()
    h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
    md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
    raw = hashlib.sha256(seed + b"raw").digest()
    raw512 = hashlib.sha512(seed).digest()
    u = str(uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4))
    u2 = str(uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4))
    ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
    s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    url64 = alnum + "-_"
    rb = random.Random(seed)

    def tok(k2: int, alphabet: str = alnum) -> str:
        return "".join(rb.choice(alphabet) for _ in range(k2))

    ts = 1733567642 + i * 37
    if k == 0:
        return (
            f"$ ls ~/Mail/{s}/INBOX/cur | head -3\n{ts}.M{rb.randint(100000, 999999)}P{rb.randint(1000, 99999)}.mx1,U={i + 100},FMD5={md5}:2,S\n"
            f"{ts + 9}.R{h1[:16]}.mx1,U={i + 101}:2,RS\n$ cat ~/Mail/{s}/INBOX/.uidvalidity\n1\n{ts}\n"
            f"# mbsync state\nMaxPulledUid {i + 101}\nMaxExpiredFarUid 0\n{i + 100} {i + 100} {md5[:8]}"
        )
    if k == 1:
        return (
            f'Hostname nas01\nLocaldir /srv/{s}\nVolume 1:\n    StartingPath   .\n    EndingPath     "srv/{s}/data/part-{i:04d}.parquet" {rb.randint(1, 9)}\n'
            f"    Hash SHA1 {h1}\n$ duplicity list-current-files --time 2026-12-06 sftp://nas/{s}\nduplicity-full.20261206T030002Z.vol1.difftar.gpg  sha256={h256}"
        )
    if k == 2:
        return (
            "pgbouncer=# SHOW SERVERS;\n type | user | database | state  | addr      | port | local_addr | local_port | connect_time        | ptr            | link | remote_pid\n"
            f"------+------+----------+--------+-----------+------+------------+------------+---------------------+----------------+------+-----------\n"
            f" S    | app  | {s.replace('-', '_')} | idle   | 127.0.0.1 | 5432 | 127.0.0.1  | {rb.randint(30000, 60000)}      | 2026-12-07 09:14:02 | 0x{h1[:12]} |      | {rb.randint(1000, 99999)}\n"
            f" S    | app  | {s.replace('-', '_')} | used   | 127.0.0.1 | 5432 | 127.0.0.1  | {rb.randint(30000, 60000)}      | 2026-12-07 09:14:03 | 0x{md5[:12]} | 0x{h256[:12]} | {rb.randint(1000, 99999)}"
        )
    if k == 3:
        return (
            "Admin> SELECT name, version, epoch, checksum FROM stats_proxysql_servers_checksums;\n"  # noqa: S608
            + "\n".join(
                f"| {nm:<18} | {rb.randint(1, 40):>3} | {ts + j} | 0x{hashlib.sha1(seed + nm.encode(), usedforsecurity=False).hexdigest()[:16].upper()} |"
                for j, nm in enumerate(
                    ["admin_variables", "mysql_query_rules", "mysql_servers", "mysql_users"]
                )
            )
            + f"\nmysql_query_rules digest: 0x{md5[:16].upper()}"
        )
    if k == 4:
        return (
            jdump(
                [
                    {"uuid": u, "name": f"steve{i}", "level": 4, "bypassesPlayerLimit": False},
                    {"uuid": u2, "name": f"alex{i}", "level": 0, "bypassesPlayerLimit": False},
                ]
            )
            + f"\nlevel-seed={rb.randint(-(2**62), 2**62)}\nresource-pack-sha1={h1}"
        )
    if k == 5:
        return (
            f"dependencies:\n  espressif/mdns:\n    component_hash: {h256}\n    source:\n      service_url: https://api.components.espressif.com/\n      type: service\n    version: {ver}\n"
            f"  idf:\n    component_hash: null\n    source:\n      type: idf\n    version: 5.3.1\nmanifest_hash: {hashlib.sha256(seed + b'm').hexdigest()}\ntarget: esp32s3\nversion: 2.0.0"
        )
    if k == 6:
        fp = ":".join(h256[j : j + 2].upper() for j in range(0, 64, 2))
        return (
            f"$ icinga2 pki verify --cert /var/lib/icinga2/certs/{s}.crt\ninformation/cli: Verifying certificate '/var/lib/icinga2/certs/{s}.crt'\n"
            f"  Subject:     CN = {s}.acme.example\n  Issuer:      CN = Icinga CA\n  Valid From:  Dec  7 09:14:02 2026 GMT\n  Serial:      {h1[:32]}\n  Fingerprint: {fp}"
        )
    if k == 7:
        return (
            f"$packageArgs = @{{\n  packageName   = '{s}'\n  url64bit      = 'https://github.com/acme/{s}/releases/download/v{ver}/{s}-{ver}-x64.msi'\n"
            f"  checksum64    = '{h256.upper()}'\n  checksumType64= 'sha256'\n  silentArgs    = '/qn /norestart'\n}}\n"
            f'<Identity Language="en-US" Id="{s}-vscode" Version="{ver}" Publisher="acme" />\n<Property Id="Microsoft.VisualStudio.Services.Links.Source" Value="https://github.com/acme/{s}" />\nextension id: {u}'
        )
    if k == 8:
        return (
            f'<deployments>\n    <deployment name="{s}.war" runtime-name="{s}.war">\n        <content sha1="{h1}"/>\n    </deployment>\n</deployments>\n'
            f"$ ls standalone/data/content/{h1[:2]}/{h1[2:]}/\ncontent\n14:02:11,802 INFO  [org.jboss.as.repository] (management-handler-thread - 1) WFLYDR0001: Content added at location "
            f"/opt/wildfly/standalone/data/content/{h1[:2]}/{h1[2:]}/content"
        )
    if k == 9:
        return (
            f"$ certbot certificates\n  Certificate Name: {s}.acme.example\n    Serial Number: {h1[:36]}\n    Key Type: ECDSA\n    Domains: {s}.acme.example\n"
            f"    Expiry Date: 2027-03-07 09:14:02+00:00 (VALID: 89 days)\n# ~/.acme.sh/ca/acme-v02.api.letsencrypt.org/directory/ca.conf\n"
            f"ACCOUNT_URL='https://acme-v02.api.letsencrypt.org/acme/acct/{rb.randint(10**8, 10**9)}'\nCA_KEY_HASH='{b64(raw[:24])}'\nACCOUNT_THUMBPRINT='{b64url(raw)}'\n"
            f"Le_LinkOrder='https://acme-v02.api.letsencrypt.org/acme/order/{rb.randint(10**8, 10**9)}/{rb.randint(10**10, 10**11)}'"
        )
    if k == 10:
        fpr = h1.upper()
        return (
            f"$ gpg --list-keys --with-colons ops@{s}.invalid | grep -E '^(pub|fpr)'\npub:u:255:22:{fpr[-16:]}:{ts}:::u:::scESC:::::ed25519:::0:\nfpr:::::::::{fpr}:\n"
            f"$ gpg --list-secret-keys --keyid-format=long\nsec   ed25519/{fpr[-16:]} 2026-12-07 [SC]\n      {fpr}\nssb   cv25519/{md5[:16].upper()} 2026-12-07 [E]"
        )
    if k == 11:
        return (
            f"$ hg log -l 2 --debug\nchangeset:   {i + 4210}:{h1}\nparent:      {i + 4209}:{hashlib.sha1(seed + b'p', usedforsecurity=False).hexdigest()}\nmanifest:    {i + 4210}:{md5}{h1[:8]}\n"
            f"$ fossil timeline -n 2\n=== 2026-12-07 ===\n09:14:02 [{h256[:10]}] Merge {s} fixes. (user: dev tags: trunk)\n$ fossil info\ncheckout:     {h256} 2026-12-07 09:14:02 UTC"
        )
    if k == 12:
        udid = hashlib.sha1(seed + b"udid", usedforsecurity=False).hexdigest()
        return (
            f'$ ioreg -rd1 -c IOPlatformExpertDevice | grep -E "UUID|Serial"\n    "IOPlatformUUID" = "{u.upper()}"\n    "IOPlatformSerialNumber" = "C02{tok(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")}"\n'
            f"$ system_profiler SPHardwareDataType | grep -i uuid\n      Hardware UUID: {u.upper()}\n      Provisioning UDID: 0000{rb.randint(6000, 8999)}-{h1[:16].upper()}\n$ instruments -s devices | tail -1\niPhone ({ver}) [{udid}]"
        )
    if k == 13:
        return (
            jline(
                {
                    "method": "Target.targetCreated",
                    "params": {
                        "targetInfo": {
                            "targetId": md5.upper(),
                            "type": "page",
                            "title": f"{s} dashboard",
                            "url": f"https://staging.acme.example/{s}",
                            "attached": False,
                            "browserContextId": h1[:32].upper(),
                        }
                    },
                }
            )
            + f"\nPlaywright trace: test-results/{s}-login-chromium/trace.zip (sha1 {h1})"
        )
    if k == 14:
        return (
            f"$ clasp deployments\nFound 2 deployments.\n- AKfycb{tok(66, url64)} @HEAD\n- AKfycb{tok(66, url64)} @{i % 9 + 1} - v{ver}\n"
            f'$ cat .clasp.json\n{{"scriptId":"1{tok(56, url64)}","rootDir":"src"}}'
        )
    if k == 15:
        return (
            f"https://grafana.acme.example/d/{tok(14, alnum)}/{s}-overview?orgId=1&refresh=30s\n"
            f"https://metabase.acme.example/public/dashboard/{u}\n"
            f'{{"dashboard_title": "{s}", "uuid": "{u2}", "slug": "{s}", "certified_by": null, "changed_by_name": "admin", "thumbnail_url": "/api/v1/dashboard/{i + 7}/thumbnail/{md5}/"}}'
        )
    if k == 16:
        return (
            f"JMSMessageID: ID:{s}-host-{rb.randint(30000, 60000)}-{ts}123-1:{i % 9 + 1}:1:1:{i + 1}\nJMSCorrelationID: {u}\n"
            f"pulsar message id: ({rb.randint(1000, 99999)},{i},-1,0)\nledgerId={rb.randint(10**5, 10**6)} entryId={i}\n"
            f"rpk topic consume {s} -n 1 → key: {h1[:20]} offset: {i * 31}"
        )
    if k == 17:
        return (
            f"$ yt-dlp -j https://video.acme.example/watch?v={tok(11, url64)} | jq '{{id,format_id,display_id}}'\n"
            + jline(
                {
                    "id": tok(11, url64),
                    "format_id": "137+140",
                    "display_id": tok(11, url64),
                    "_filename": f"{s}-{tok(11, url64)}.mp4",
                }
            )
            + f"\n$ aria2c ... \n[#{h1[:6]} 14MiB/1.1GiB(1%) CN:16 DL:24MiB ETA:45s]\nDownload complete: /srv/downloads/{s}.iso\ngid {md5[:16]}"
        )
    if k == 18:
        return (
            f"magnet:?xt=urn:btih:{h1}&dn={s}-{ver}.iso&tr=udp%3A%2F%2Ftracker.opentrackr.org%3A1337%2Fannounce\n"
            f"magnet:?xt=urn:btmh:1220{h256}&dn={s}-{ver}-v2.iso\n"
            f"peer_id=-TR4060-{tok(12, alnum.lower())} info_hash_v1={h1.upper()} pieces=0x{md5[:12]}"
        )
    if k == 19:
        return (
            f"@time=2026-12-07T09:14:02.123Z;msgid={tok(26, alnum)};account={s} :{s}!~{s}@user/{s} PRIVMSG #ops :deploy done\n"
            f"/msg NickServ CERT ADD {raw512.hex()}\n-NickServ- Added fingerprint {raw512.hex()[:40]}… to your fingerprint list."
        )
    if k == 20:
        return (
            f"dn: cn={s},ou=groups,dc=acme,dc=example\nobjectGUID:: {b64(raw[:16])}\nobjectSid:: {b64(bytes([1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0]) + raw[16:28])}\n"
            f"entryUUID: {u}\ncontextCSN: 20261207091402.{rb.randint(100000, 999999)}Z#000000#000#000000\nentryCSN: 20261207091402.{rb.randint(100000, 999999)}Z#000000#001#000000\nuSNChanged: {i * 113 + 20000}"
        )
    if k == 21:
        return (
            f"$ sacct -j {48210 + i} --format=JobID,JobName,State,ExitCode\n{48210 + i}       {s}-etl  COMPLETED      0:0\n{48210 + i}.batch      batch  COMPLETED      0:0\n"
            f'$ condor_q -l {i + 100}.0 | grep GlobalJobId\nGlobalJobId = "submit01#{i + 100}.0#{ts}"\nMunge cred: MUNGE:{hexid(4)}…(redacted by munge -n | unmunge)'
        )
    if k == 22:
        return (
            f"INVITE sip:1000@pbx.acme.example SIP/2.0\nVia: SIP/2.0/TLS 198.51.100.7:5061;branch=z9hG4bK{tok(24, alnum)}\nFrom: <sip:2000@pbx.acme.example>;tag={rb.randint(10**9, 10**10)}\n"
            f"Call-ID: {md5}\nCSeq: 102 INVITE\nX-Asterisk-Linkedid: {ts}.{i}\nP-Charging-Vector: icid-value={h1[:32].upper()}"
        )
    if k == 23:
        return (
            f"neo4j@neo4j> MATCH (n:Service {{name: '{s}'}}) RETURN elementId(n);\n\"4:{u}:{i * 7}\"\n"  # noqa: S608
            f'surreal> SELECT * FROM service:⟨{u2}⟩;\n[{{ id: service:⟨{u2}⟩, name: "{s}" }}]\n'
            + jline(
                {
                    "_key": str(rb.randint(10**6, 10**7)),
                    "_id": f"services/{rb.randint(10**6, 10**7)}",
                    "_rev": "_" + tok(9, url64) + "---",
                }
            )
        )
    return jdump(
        {
            "version": "36.0.0",
            "files": {
                h256: {
                    "source": {"path": f"asset.{h256}", "packaging": "zip"},
                    "destinations": {
                        "current_account-current_region": {
                            "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
                            "objectKey": f"{hashlib.sha256(seed + b'o').hexdigest()}.zip",
                        }
                    },
                }
            },
            "ami": f"ami-0{h1[:16]}",
            "stackId": f"arn:aws:cloudformation:eu-west-1:{rb.randint(10**11, 10**12)}:stack/{s}/{u}",
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
