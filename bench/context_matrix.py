"""Cross secret kinds, key spellings, syntaxes and quoting; print the combinations that leak (issue 16).

Run from the repository root:

    .venv/bin/python bench/context_matrix.py [--tree DIR] [--seed 16] [--examples 2] [--write DIR]

Each fresh secrets corpus found leaks mostly from known token families written in a syntax the
rules did not parse. This generates every combination of (a) a secret kind whose detection
depends on its context (a generated password, a short human one, hex 32/40/64, base64, a JWT, a
UUID, a few prefixed tokens), (b) a key spelling (``password`` … ``DB_PASSWORD``, camelCase,
kebab, dotted, upper) and (c) a syntax (env, shell, CLI flags, URLs, headers, config formats,
source code, connection strings, manifests, log formats), each in every quoting the syntax
allows (none, ``'``, ``"``, backticks, ``\\"``). It runs each through the anonymizer of ``--tree``
(default: this checkout) in process. A combination leaks when its secret is still in the output.

Then (added in session 21, drawn after the rest so the combinations above keep their text and
value) more languages' syntaxes (Erlang, Elixir, Clojure, Haskell, Julia, Lua, Perl, R, Scala,
Kotlin, Dart, Groovy, PowerShell hashtables, protobuf text, GraphQL, plists, CSV, logfmt,
Ansible inventories, systemd, nginx, Apache, ``.reg``, git config, ``.netrc``, ``pg_service.conf``,
``odbc.ini``) and encodings of existing ones (``%xx`` in form bodies and queries, JSON escaped
twice, ``\\u00XX`` as .NET and Go write ``+<>&'``, HTML entities, XML CDATA): an encoded value
leaks when its written (encoded) form is still in the output.

A benign column writes the same keys and syntaxes with values that are not secrets (``${VAR}``,
``<redacted>``, ``changeme``, file paths, booleans, numbers, ``null``, ``$(cat /run/secrets/x)``,
``vault:secret/data/x#key``…): each must come out unchanged. Decided: ``changeme`` is a
placeholder (kept); a number under a password key is a PIN, so numbers are benign under the
other keys only.

It prints the gaps grouped by syntax, then by key and kind, then examples, and the totals.
``--write DIR`` also writes DIR/secrets.jsonl and DIR/benign.jsonl (the corpus shape
``bench/audit16d/through_sync.py --corpus DIR`` reads; ``--per-cell N``: N rows of each
syntax/quoting cell, drawn at random) to confirm the gaps end to end. Values
are drawn from ``random.Random(seed)``: the same seed gives the same matrix.
"""

from __future__ import annotations

import argparse
import base64
import collections
import html
import json
import random
import string
import sys
import urllib.parse
from pathlib import Path

ALNUM = string.ascii_letters + string.digits


def draw(kind: str, rng: random.Random) -> str:
    """Return a fresh secret of ``kind``."""
    pick = lambda chars, n: "".join(rng.choice(chars) for _ in range(n))  # noqa: E731
    if kind == "generated":
        while True:
            value = pick(ALNUM + "!*_-.", 20)
            if value[0].isalnum() and value[-1].isalnum():
                return value
    if kind == "short":
        word = rng.choice(["Troubador", "Sunflower", "Galaxy", "Monsoon", "Piranha", "Walrus"])
        leet = word.translate(str.maketrans("aeo", "430"))
        return leet[:1] + leet[1:] + rng.choice("!#%*") + str(rng.randrange(10, 99))
    if kind.startswith("hex"):
        return pick("0123456789abcdef", int(kind[3:]))
    if kind == "base64":
        return base64.b64encode(rng.randbytes(30)).decode()
    if kind == "jwt":
        head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        body = f'{{"sub":"{rng.randrange(10**6)}","iat":{rng.randrange(10**9, 2 * 10**9)}}}'
        body64 = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
        return f"{head}.{body64}.{pick(ALNUM + '-_', 43)}"
    if kind == "uuid":
        hexes = pick("0123456789abcdef", 32)
        return f"{hexes[:8]}-{hexes[8:12]}-4{hexes[13:16]}-a{hexes[17:20]}-{hexes[20:]}"
    if kind == "github":
        return "ghp_" + pick(ALNUM, 36)
    if kind == "gitlab":
        return "glpat-" + pick(ALNUM + "-_", 20)
    if kind == "stripe":
        return "sk_live_" + pick(ALNUM, 24)
    raise ValueError(kind)


KINDS = ("generated", "short", "hex32", "hex40", "hex64", "base64", "jwt", "uuid")
PREFIXED = ("github", "gitlab", "stripe")
KEYS = (
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "token",
    "api_key",
    "apiKey",
    "API-KEY",
    "x-api-key",
    "auth_token",
    "access_key",
    "client_secret",
    "private_key",
    "credentials",
    "DB_PASSWORD",
    "MYSQL_PASSWORD",
    "REDIS_PASSWORD",
    "SMTP_PASS",
    "dbPassword",
    "db-password",
    "spring.datasource.password",
    "PASSWORD",
    "accessToken",
)
BENIGN = (
    "${DB_PASSWORD}",
    "$DB_PASSWORD",
    "<redacted>",
    "changeme",
    "/run/secrets/db_password",
    "true",
    "false",
    "8080",
    "null",
    "$(cat /run/secrets/db)",
    "vault:secret/data/db#password",
    "{{ .Values.db.password }}",
    "%(DB_PASSWORD)s",
    "********",
)
QUOTES = {
    "none": "{v}",
    "single": "'{v}'",
    "double": '"{v}"',
    "backtick": "`{v}`",
    "escaped": '\\"{v}\\"',
}


def styled(key: str, style: str) -> str:
    """Return ``key`` written as a syntax wants it (identifier, env name, header, flag...)."""
    words = key.replace(".", "_").replace("-", "_")
    if style == "any":
        return key
    if style == "ident":
        return words
    if style == "env":
        snake = "".join(
            "_" + c if c.isupper() and i and key[i - 1].islower() else c
            for i, c in enumerate(words)
        )
        return snake.upper()
    if style == "flag":
        return styled(key, "env").lower().replace("_", "-")
    if style == "snake":
        return styled(key, "env").lower()
    if style == "pascal":
        return "".join(part[:1].upper() + part[1:] for part in styled(key, "flag").split("-"))
    if style == "header":
        return "-".join(part.capitalize() for part in styled(key, "flag").split("-"))
    raise ValueError(style)


# (group, name, template, quotings, key style); ``{k}`` the key, ``{V}`` the quoted value.
Q_ANY = ("none", "single", "double")
Q_D = ("double",)
Q_NS = ("none", "single", "double")
KEYED: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("env", "dotenv", "{k}={V}", Q_ANY, "env"),
    ("env", "dotenv-spaced", "{k} = {V}", Q_ANY, "env"),
    ("shell", "export", "export {k}={V}", Q_ANY, "env"),
    ("shell", "inline", "{k}={V} ./bin/server --port 8080", Q_ANY, "env"),
    ("shell", "env-cmd", "env {k}={V} python app.py", Q_ANY, "env"),
    ("shell", "declare", "declare -x {k}={V}", Q_ANY, "env"),
    ("windows", "set", "set {k}={V}", ("none", "double"), "env"),
    ("windows", "set-quoted", 'set "{k}={v}"', ("none",), "env"),
    ("windows", "setx", "setx {k} {V}", ("none", "double"), "env"),
    ("windows", "ps-env", "$env:{k} = {V}", ("single", "double"), "env"),
    ("windows", "ps-env-tight", "$env:{k}={V}", ("single", "double"), "env"),
    ("windows", "ps-param", "Connect-Db -Server db01 -{k} {V}", Q_ANY, "pascal"),
    ("cli", "flag-eq", "myapp serve --{k}={V} --verbose", Q_ANY, "flag"),
    ("cli", "flag-space", "myapp serve --{k} {V} --verbose", Q_ANY, "flag"),
    ("url", "query-first", "GET https://api.example.com/v2/items?{k}={v}", ("none",), "ident"),
    (
        "url",
        "query-later",
        "curl 'https://api.example.com/v2/items?page=2&{k}={v}'",
        ("none",),
        "ident",
    ),
    ("http", "header", "{k}: {v}", ("none",), "header"),
    ("http", "header-x", "X-{k}: {v}", ("none",), "header"),
    (
        "http",
        "curl-header",
        "curl -H {q}{k}: {v}{q} https://api.example.com/v1/me",
        ("none",),
        "header",
    ),
    ("json", "json", '{{"{k}": "{v}"}}', ("none",), "any"),
    ("json", "json-nested", '{{"db": {{"host": "db01", "{k}": "{v}"}}}}', ("none",), "any"),
    (
        "json",
        "json-escaped",
        '{{"msg": "config loaded: {{\\"{k}\\": \\"{v}\\"}}"}}',
        ("none",),
        "any",
    ),
    ("yaml", "yaml", "{k}: {V}", Q_ANY, "any"),
    ("yaml", "yaml-nested", "database:\n  host: db01\n  {k}: {V}\n", Q_ANY, "any"),
    ("yaml", "yaml-list", "env:\n  - {k}={V}\n", ("none",), "env"),
    ("toml", "toml", '[database]\nhost = "db01"\n{k} = {V}\n', ("single", "double"), "any"),
    ("ini", "ini", "[database]\nhost = db01\n{k} = {V}\n", Q_ANY, "any"),
    ("ini", "ini-tight", "[database]\n{k}={V}\n", Q_ANY, "any"),
    ("hcl", "hcl", 'resource "db" "main" {{\n  {k} = {V}\n}}', Q_D, "ident"),
    ("xml", "xml-attr", '<database host="db01" {k}={V} />', ("single", "double"), "ident"),
    ("xml", "xml-element", "<{k}>{v}</{k}>", ("none",), "ident"),
    ("xml", "xml-add", '<add key="{k}" value="{v}" />', ("none",), "any"),
    ("properties", "properties", "{k}={v}", ("none",), "any"),
    ("properties", "properties-colon", "{k}: {v}", ("none",), "any"),
    ("python", "py-assign", "{k} = {V}", ("single", "double"), "ident"),
    ("python", "py-dict", "config = {{{q}{k}{q}: {V}}}", ("single", "double"), "any"),
    ("python", "py-kwarg", "client = Client(host='db01', {k}={V})", ("single", "double"), "ident"),
    ("python", "py-subscript", "settings[{q}{k}{q}] = {V}", ("single", "double"), "any"),
    ("python", "py-environ", "os.environ[{q}{k}{q}] = {V}", ("single", "double"), "env"),
    ("python", "py-repr", "{{'{k}': '{v}', 'host': 'db01'}}", ("none",), "any"),
    ("js", "js-const", "const {k} = {V};", ("single", "double", "backtick"), "ident"),
    (
        "js",
        "js-object",
        "const config = {{ host: 'db01', {k}: {V} }};",
        ("single", "double", "backtick"),
        "ident",
    ),
    ("js", "js-process-env", "process.env.{k} = {V};", ("single", "double"), "env"),
    ("go", "go-short", "{k} := {V}", ("double", "backtick"), "ident"),
    (
        "go",
        "go-struct",
        'cfg := Config{{Host: "db01", {k}: {V}}}',
        ("double", "backtick"),
        "pascal",
    ),
    ("go", "go-map", 'm := map[string]string{{"{k}": {V}}}', ("double",), "any"),
    ("java", "java-field", "private static final String {k} = {V};", ("double",), "env"),
    ("java", "java-put", "props.put({q}{k}{q}, {V});", ("double",), "any"),
    ("java", "java-setproperty", 'System.setProperty("{k}", {V});', ("double",), "any"),
    ("csharp", "cs-var", "var {k} = {V};", ("double",), "ident"),
    (
        "csharp",
        "cs-dict",
        'var d = new Dictionary<string, string> {{ ["{k}"] = {V} }};',
        ("double",),
        "any",
    ),
    ("ruby", "rb-assign", "{k} = {V}", ("single", "double"), "ident"),
    ("ruby", "rb-hash", "config = {{ {k}: {V} }}", ("single", "double"), "ident"),
    ("ruby", "rb-rocket", "config = {{ :{k} => {V} }}", ("single", "double"), "ident"),
    ("php", "php-var", "${k} = {V};", ("single", "double"), "ident"),
    ("php", "php-array", "'{k}' => {V},", ("single", "double"), "any"),
    ("php", "php-define", "define('{k}', {V});", ("single", "double"), "env"),
    ("rust", "rs-let", "let {k} = {V};", ("double",), "ident"),
    ("rust", "rs-const", "const {k}: &str = {V};", ("double",), "env"),
    ("kotlin", "kt-val", "val {k} = {V}", ("double",), "ident"),
    ("swift", "swift-let", "let {k} = {V}", ("double",), "ident"),
    ("docker", "docker-e", "docker run -d -e {k}={V} postgres:16", Q_ANY, "env"),
    ("docker", "docker-env", "docker run --env {k}={V} app", Q_ANY, "env"),
    ("docker", "dockerfile-env", "FROM alpine\nENV {k}={V}\n", Q_ANY, "env"),
    ("docker", "dockerfile-env-space", "FROM alpine\nENV {k} {V}\n", Q_ANY, "env"),
    ("docker", "dockerfile-arg", "FROM alpine\nARG {k}={V}\n", Q_ANY, "env"),
    ("k8s", "k8s-env", "env:\n  - name: {k}\n    value: {V}\n", Q_ANY, "env"),
    ("nix", "nix-attr", "services.app = {{\n  {k} = {V};\n}};", Q_D, "ident"),
    ("make", "make-eq", "{k} = {V}", ("none",), "env"),
    ("make", "make-colon", "{k} := {V}", ("none",), "env"),
    ("make", "make-question", "{k} ?= {V}", ("none",), "env"),
    (
        "log",
        "logfmt",
        "level=info msg={q}db connect{q} {k}={V} host=db01",
        ("none", "double"),
        "ident",
    ),
    ("log", "log-colon", "2026-12-05 10:00:01 INFO connecting with {k}: {V}", Q_ANY, "any"),
    ("log", "log-quoted-pair", '"{k}"="{v}"', ("none",), "any"),
    ("log", "log-json", '{{"level":"info","msg":"connect","{k}":"{v}"}}', ("none",), "any"),
    ("env", "dotenv-escaped", "{k}={V}", ("escaped",), "env"),
    ("shell", "heredoc", "cat > .env <<EOF\nHOST=db01\n{k}={V}\nEOF", Q_ANY, "env"),
    ("shell", "systemd-env", '[Service]\nEnvironment="{k}={v}"\n', ("none",), "env"),
    ("shell", "systemd-env-bare", "[Service]\nEnvironment={k}={V}\n", ("none", "single"), "env"),
    ("cli", "jvm-property", "java -D{k}={V} -jar app.jar", Q_ANY, "any"),
    ("cli", "spring-arg", "java -jar app.jar --{k}={V}", Q_ANY, "any"),
    ("cli", "helm-set", "helm upgrade app ./chart --set db.{k}={V}", Q_ANY, "ident"),
    ("cli", "tf-var", "terraform apply -var {q}{k}={v}{q}", ("none", "single", "double"), "ident"),
    ("cli", "ansible-extra", 'ansible-playbook site.yml -e "{k}={v}"', ("none",), "ident"),
    (
        "cli",
        "curl-data",
        "curl -X POST https://x.example.com/login -d {q}user=app&{k}={v}{q}",
        ("none", "single", "double"),
        "ident",
    ),
    (
        "cli",
        "curl-json",
        'curl -d \'{{"user":"app","{k}":"{v}"}}\' https://x.example.com',
        ("none",),
        "any",
    ),
    (
        "http",
        "form-body",
        "POST /login HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nuser=app&{k}={v}",
        ("none",),
        "ident",
    ),
    ("http", "cookie", "Cookie: theme=dark; {k}={v}; lang=en", ("none",), "ident"),
    ("json", "json-tight", '{{"{k}":"{v}","user":"app"}}', ("none",), "any"),
    ("json", "json-array", '[{{"user": "app", "{k}": "{v}"}}]', ("none",), "any"),
    ("yaml", "yaml-flow", "db: {{host: db01, {k}: {V}}}", Q_ANY, "any"),
    ("yaml", "yaml-list-item", "users:\n  - name: app\n    {k}: {V}\n", Q_ANY, "any"),
    (
        "yaml",
        "gha-with",
        "    - uses: acme/deploy@v2\n      with:\n        {k}: {V}\n",
        Q_ANY,
        "ident",
    ),
    ("toml", "toml-inline", 'db = {{ host = "db01", {k} = {V} }}', ("single", "double"), "ident"),
    ("xml", "xml-cdata", "<{k}><![CDATA[{v}]]></{k}>", ("none",), "ident"),
    ("xml", "xml-property", '<property name="{k}" value="{v}"/>', ("none",), "any"),
    (
        "xml",
        "maven-settings",
        "<server>\n  <id>repo</id>\n  <{k}>{v}</{k}>\n</server>",
        ("none",),
        "ident",
    ),
    ("python", "py-getenv-default", "os.getenv({q}{k}{q}, {V})", ("single", "double"), "env"),
    (
        "python",
        "py-setdefault",
        "os.environ.setdefault({q}{k}{q}, {V})",
        ("single", "double"),
        "env",
    ),
    (
        "python",
        "py-dataclass-repr",
        "Settings(host='db01', {k}='{v}', debug=False)",
        ("none",),
        "ident",
    ),
    (
        "python",
        "py-nested-subscript",
        "config[{q}db{q}][{q}{k}{q}] = {V}",
        ("single", "double"),
        "any",
    ),
    (
        "js",
        "js-env-default",
        "const key = process.env.{k} || {V};",
        ("single", "double", "backtick"),
        "env",
    ),
    ("js", "js-nullish", "const key = process.env.{k} ?? {V};", ("single", "double"), "env"),
    ("go", "go-setenv", "os.Setenv({q}{k}{q}, {V})", ("double",), "env"),
    ("go", "go-printf", "config: {{Host:db01 {k}:{v} Port:5432}}", ("none",), "pascal"),
    ("java", "java-tostring", "Config{{host='db01', {k}='{v}', port=5432}}", ("none",), "ident"),
    ("java", "java-map-tostring", "{{host=db01, {k}={v}, port=5432}}", ("none",), "ident"),
    ("kotlin", "kt-data-tostring", "Config(host=db01, {k}={v}, port=5432)", ("none",), "ident"),
    ("rust", "rs-debug", 'Config {{ host: "db01", {k}: "{v}", port: 5432 }}', ("none",), "ident"),
    ("ruby", "rb-env-fetch", "ENV.fetch({q}{k}{q}, {V})", ("single", "double"), "env"),
    ("ruby", "rb-env-set", "ENV[{q}{k}{q}] = {V}", ("single", "double"), "env"),
    ("elixir", "ex-map", '%{{host: "db01", {k}: {V}}}', ("double",), "ident"),
    ("php", "php-nested", "$config['db']['{k}'] = {V};", ("single", "double"), "any"),
    ("csharp", "cs-appsettings", '{{"Db": {{"{k}": "{v}"}}}}', ("none",), "pascal"),
    ("log", "log-brackets", "INFO login attempt {k}=[{v}] user=app", ("none",), "ident"),
    ("log", "log-arrow", "config: {k} => {V}", Q_ANY, "ident"),
    ("log", "log-equals-spaced", "DEBUG {k} = {V}", Q_ANY, "ident"),
    ("log", "log-tab", "{k}\t{v}", ("none",), "any"),
    (
        "sql",
        "sql-insert",
        "INSERT INTO settings (name, value) VALUES ('{k}', '{v}');",
        ("none",),
        "any",
    ),
    (
        "sql",
        "sql-update",
        "UPDATE settings SET value = '{v}' WHERE name = '{k}';",
        ("none",),
        "any",
    ),
    ("markdown", "md-table", "| name | value |\n|---|---|\n| {k} | {v} |", ("none",), "any"),
    ("markdown", "md-code", "Set `{k}` to `{v}` in the dashboard.", ("none",), "any"),
    ("prose", "prose-is", "the {k} is {v}", ("none",), "any"),
    ("prose", "prose-colon", "New {k}: {v} (rotate after the demo)", ("none",), "any"),
]
# Syntaxes with their own key: (group, name, template, quotings).
FIXED: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("cli", "mysql-p", "mysql -h db01 -u root -p{v} appdb", ("none",)),
    ("cli", "sshpass", "sshpass -p {V} ssh deploy@db01", Q_ANY),
    ("cli", "redis-a", "redis-cli -h cache01 -a {V} ping", Q_ANY),
    ("cli", "mysql-password", "mysql -h db01 -u root --password={V} appdb", Q_ANY),
    ("cli", "mysql-password-space", "mysqladmin -u root --password {V} status", Q_ANY),
    ("cli", "sudo-S", "echo {V} | sudo -S systemctl restart nginx", Q_ANY),
    ("cli", "login-call", 'client.login("admin", {V})', ("single", "double")),
    (
        "cli",
        "connect-kw",
        "db = psycopg2.connect(host='db01', user='app', password={V})",
        ("single", "double"),
    ),
    ("windows", "ps-password", "New-LocalUser -Name svc -Password {V}", ("single", "double")),
    ("windows", "net-user", "net user svc {v} /add", ("none",)),
    ("url", "userinfo", "https://deploy:{v}@git.example.com/org/repo.git", ("none",)),
    ("conn", "postgres-uri", "DATABASE_URL=postgres://app:{v}@db01:5432/appdb", ("none",)),
    (
        "conn",
        "mongo-uri",
        "mongodb+srv://app:{v}@cluster0.example.net/test?retryWrites=true",
        ("none",),
    ),
    ("conn", "redis-uri", "redis://:{v}@cache01:6379/0", ("none",)),
    ("conn", "amqp-uri", "amqp://guest:{v}@mq01:5672/vhost", ("none",)),
    ("conn", "adonet", "Server=db01;Database=app;User Id=sa;Password={v};", ("none",)),
    ("conn", "adonet-pwd", "Data Source=db01;Initial Catalog=app;UID=sa;PWD={v}", ("none",)),
    ("conn", "jdbc-query", "jdbc:mysql://db01:3306/app?user=app&password={v}", ("none",)),
    (
        "conn",
        "jdbc-semicolon",
        "jdbc:sqlserver://db01:1433;databaseName=app;user=sa;password={v}",
        ("none",),
    ),
    ("conn", "odbc", "Driver={{ODBC Driver 18}};Server=db01;Uid=sa;Pwd={v};", ("none",)),
    ("conn", "odbc-braced", "Driver={{PostgreSQL}};Server=db01;Uid=app;Pwd={{{v}}};", ("none",)),
    (
        "files",
        "chap-secrets",
        '$ sudo cat /etc/ppp/chap-secrets\n# client server secret IP addresses\n"vpnuser" * "{v}" *',
        ("none",),
    ),
    (
        "files",
        "chap-secrets-bare",
        "# /etc/ppp/chap-secrets\nvpnuser pptpd {v} 10.0.0.0/24",
        ("none",),
    ),
    ("files", "pap-secrets", "/etc/ppp/pap-secrets:\nisp-login * {V}", Q_NS),
    (
        "files",
        "pgbouncer-userlist",
        '# userlist.txt\n"app" "{v}"\n"report" "md5a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"',
        ("none",),
    ),
    (
        "files",
        "pgbouncer-auth-file",
        'auth_file = /etc/pgbouncer/userlist.txt\n"app" "{v}"',
        ("none",),
    ),
    ("files", "rsyncd-secrets", "$ cat /etc/rsyncd.secrets\nbackup:{v}", ("none",)),
    (
        "files",
        "rsyncd-conf",
        "[backup]\nsecrets file = /etc/rsync/users\nauth users = bk\n---\nbk:{v}",
        ("none",),
    ),
    ("http", "bearer", "Authorization: Bearer {v}", ("none",)),
    ("http", "token-scheme", "Authorization: token {v}", ("none",)),
    ("files", "pgpass", "db01:5432:appdb:app:{v}", ("none",)),
    ("files", "npmrc", "//registry.npmjs.org/:_authToken={v}", ("none",)),
    ("files", "git-credentials", "https://deploy:{v}@github.com", ("none",)),
    ("files", "my-cnf", "[client]\nuser=root\npassword={V}", Q_ANY),
    ("files", "pypirc", "[pypi]\nusername = __token__\npassword = {v}", ("none",)),
    ("cli", "keytool", "keytool -importkeystore -srcstorepass {V} -deststorepass {V}", Q_ANY),
    ("cli", "openssl-pass", "openssl pkcs12 -export -passout pass:{v} -out a.p12", ("none",)),
    ("cli", "htpasswd", "htpasswd -bc .htpasswd admin {V}", Q_ANY),
    ("cli", "psql-env", "PGPASSWORD={V} psql -h db01 -U app", Q_ANY),
    ("cli", "mongo-p", "mongosh --host db01 -u admin -p {V} --authenticationDatabase admin", Q_ANY),
    ("cli", "docker-login", "docker login -u deploy -p {V} registry.example.com", Q_ANY),
    (
        "cli",
        "git-clone-token",
        "git clone https://oauth2:{v}@gitlab.example.com/g/r.git",
        ("none",),
    ),
    ("sql", "sql-identified", "CREATE USER 'app'@'%' IDENTIFIED BY '{v}';", ("none",)),
    ("sql", "sql-with-password", "ALTER ROLE app WITH PASSWORD '{v}';", ("none",)),
    ("windows", "cmdkey", "cmdkey /add:srv01 /user:svc /pass:{v}", ("none",)),
    (
        "windows",
        "runas-securestring",
        "$pw = ConvertTo-SecureString {V} -AsPlainText -Force",
        ("single", "double"),
    ),
    ("cli", "auth-tuple", "requests.get(url, auth=('app', {V}))", ("single", "double")),
]
KIND_FOR_FIXED = ("generated", "short", "hex32", "base64", "uuid")
# Self-describing values, each with its own syntaxes: (name, template, draw).
SHAPED = (
    ("pgbouncer-md5", '"app" "md5{v}"', "hex32"),
    ("pgbouncer-md5-listed", '# pgbouncer users\n"app" "md5{v}"\n"ro" "md5{v2}"', "hex32"),
)

# Added by matrix16 (session 21): more languages' syntaxes, then encodings of existing ones. They
# are drawn after KEYED, FIXED and SHAPED from the same generator, so every combination above is
# unchanged (same text, same value) and these come after it.
KEYED_MORE: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("erlang", "erl-proplist-bin", '[{{host, <<"db01">>}}, {{{k}, <<{V}>>}}]', Q_D, "snake"),
    ("erlang", "erl-proplist-str", '{{ok, [{{host, "db01"}}, {{{k}, {V}}}]}}', Q_D, "snake"),
    ("erlang", "erl-map", '#{{host => <<"db01">>, {k} => <<{V}>>}}', Q_D, "snake"),
    ("erlang", "erl-map-bin-key", '#{{<<"{k}">> => <<{V}>>}}', Q_D, "any"),
    ("elixir", "ex-keyword", 'config :app, App.Repo, hostname: "db01", {k}: {V}', Q_D, "snake"),
    ("elixir", "ex-map-string", '%{{"host" => "db01", "{k}" => {V}}}', Q_D, "any"),
    ("clojure", "clj-map", '{{:host "db01" :{k} {V}}}', Q_D, "flag"),
    ("clojure", "clj-map-string", '{{"host" "db01", "{k}" {V}}}', Q_D, "any"),
    ("haskell", "hs-show", 'Config {{host = "db01", {k} = {V}, port = 5432}}', Q_D, "ident"),
    ("julia", "jl-dict", 'Dict("host" => "db01", "{k}" => {V})', Q_D, "any"),
    ("julia", "jl-namedtuple", '(host = "db01", {k} = {V})', Q_D, "ident"),
    (
        "plist",
        "plist-dict",
        "<dict>\n\t<key>Host</key>\n\t<string>db01</string>\n\t<key>{k}</key>\n\t<string>{v}</string>\n</dict>",
        ("none",),
        "any",
    ),
    (
        "lua",
        "lua-table",
        'local config = {{ host = "db01", {k} = {V} }}',
        ("single", "double"),
        "snake",
    ),
    ("lua", "lua-table-bracket", 'config["{k}"] = {V}', ("single", "double"), "any"),
    ("perl", "pl-hash", "my %cfg = ( host => 'db01', {k} => {V} );", ("single", "double"), "snake"),
    ("perl", "pl-hashref", "$cfg->{{{k}}} = {V};", ("single", "double"), "snake"),
    ("perl", "pl-env", "$ENV{{{k}}} = {V};", ("single", "double"), "env"),
    ("r", "r-list", 'cfg <- list(host = "db01", {k} = {V})', ("single", "double"), "snake"),
    ("r", "r-setenv", "Sys.setenv({k} = {V})", ("single", "double"), "env"),
    (
        "scala",
        "scala-named",
        'val ds = DataSource(url = "jdbc:pg://db01", {k} = {V})',
        Q_D,
        "ident",
    ),
    ("kotlin", "kt-named", 'connect(host = "db01", {k} = {V}, port = 5432)', Q_D, "ident"),
    (
        "dart",
        "dart-map",
        "final cfg = <String, String>{{'host': 'db01', {q}{k}{q}: {V}}};",
        ("single", "double"),
        "any",
    ),
    (
        "groovy",
        "gradle-credentials",
        "repositories {{\n  maven {{\n    credentials {{\n      username = 'deploy'\n      {k} = {V}\n    }}\n  }}\n}}",
        ("single", "double"),
        "ident",
    ),
    ("groovy", "groovy-map", "def cfg = [host: 'db01', {k}: {V}]", ("single", "double"), "ident"),
    (
        "powershell",
        "ps-hashtable",
        "$cfg = @{{ Server = 'db01'; {k} = {V} }}",
        ("single", "double"),
        "pascal",
    ),
    (
        "powershell",
        "ps-hashtable-lines",
        "$params = @{{\n    Server = 'db01'\n    {k} = {V}\n}}",
        ("single", "double"),
        "pascal",
    ),
    ("protobuf", "pb-text", 'db {{\n  host: "db01"\n  {k}: {V}\n}}', Q_D, "snake"),
    ("protobuf", "pb-text-inline", 'db {{ host: "db01" {k}: {V} }}', Q_D, "snake"),
    (
        "graphql",
        "gql-args",
        'mutation {{ login(user: "app", {k}: {V}) {{ token }} }}',
        Q_D,
        "ident",
    ),
    (
        "graphql",
        "gql-input",
        'mutation {{ connect(input: {{host: "db01", {k}: {V}}}) {{ id }} }}',
        Q_D,
        "ident",
    ),
    (
        "sql",
        "sql-insert-column",
        "INSERT INTO users (name, {k}) VALUES ('app', '{v}');",
        ("none",),
        "snake",
    ),
    ("sql", "sql-set-column", "UPDATE users SET {k} = '{v}' WHERE id = 42;", ("none",), "snake"),
    (
        "log",
        "logfmt-last",
        "ts=2026-12-05T10:00:01Z level=warn caller=db.go:42 {k}={V}",
        ("none", "double"),
        "snake",
    ),
    ("csv", "csv-header", "name,{k},host\napp,{v},db01", ("none",), "any"),
    ("csv", "csv-header-quoted", '"name","{k}","host"\n"app","{v}","db01"', ("none",), "any"),
    ("csv", "csv-key-value", "key,value\nhost,db01\n{k},{v}", ("none",), "any"),
    (
        "markdown",
        "md-table-header",
        "| user | {k} | host |\n|---|---|---|\n| app | {v} | db01 |",
        ("none",),
        "any",
    ),
    (
        "ansible",
        "ansible-inventory",
        "[db]\ndb01 ansible_host=db01.internal ansible_{k}={V}",
        Q_ANY,
        "snake",
    ),
    ("ansible", "ansible-hostvar", "db01 ansible_user=deploy {k}={V}", Q_ANY, "snake"),
    (
        "systemd",
        "systemd-env-multi",
        '[Service]\nEnvironment="HOST=db01" "{k}={v}"\n',
        ("none",),
        "env",
    ),
    ("systemd", "systemd-env-list", "[Service]\nEnvironment=HOST=db01 {k}={V}\n", ("none",), "env"),
    ("nginx", "nginx-set", "location /api {{\n    set ${k} {V};\n}}", Q_ANY, "snake"),
    ("nginx", "nginx-param", "fastcgi_param {k} {V};", Q_ANY, "env"),
    ("nginx", "nginx-header", "proxy_set_header {k} {V};", Q_ANY, "header"),
    ("apache", "apache-setenv", "SetEnv {k} {V}", Q_ANY, "env"),
    ("apache", "apache-requestheader", 'RequestHeader set {k} "{v}"', ("none",), "header"),
    (
        "windows",
        "reg-value",
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Db]\n"{k}"="{v}"',
        ("none",),
        "pascal",
    ),
    (
        "git",
        "git-get-regexp",
        "$ git config --get-regexp deploy\ndeploy.host db01\ndeploy.{k} {v}",
        ("none",),
        "ident",
    ),
    ("git", "git-config-set", "git config --global deploy.{k} {V}", Q_ANY, "ident"),
    (
        "ini",
        "odbc-dsn-keyed",
        "[AppDSN]\nDriver = PostgreSQL\nServername = db01\n{k} = {v}",
        ("none",),
        "pascal",
    ),
]
# Encodings of existing syntaxes: (group, name, template, encoding, key style). The value is
# written encoded, and a combination leaks when that written form is still in the output.
ENCODED: list[tuple[str, str, str, str, str]] = [
    ("url", "form-urlencoded", "user=app&{k}={v}&remember=1", "url", "ident"),
    ("url", "query-urlencoded", "GET /v2/items?{k}={v}&page=2 HTTP/1.1", "url", "ident"),
    (
        "url",
        "curl-data-urlencode",
        "curl -X POST https://x.example.com/login --data 'user=app&{k}={v}'",
        "url",
        "ident",
    ),
    (
        "json",
        "json-escaped-twice",
        r'{{"log": "{{\"msg\": \"{{\\\"{k}\\\": \\\"{v}\\\"}}\"}}"}}',
        "plain",
        "any",
    ),
    ("json", "json-uescape", '{{"host": "db01", "{k}": "{v}"}}', "uescape", "any"),
    (
        "json",
        "json-uescape-nested",
        '{{"event": "config", "data": {{"{k}": "{v}"}}}}',
        "uescape",
        "any",
    ),
    ("js", "js-uescape", 'const {k} = "{v}";', "uescape", "ident"),
    (
        "html",
        "html-attr-json",
        '<div data-config="{{&quot;{k}&quot;: &quot;{v}&quot;}}"></div>',
        "html",
        "any",
    ),
    ("html", "html-pre-assign", "<pre>{k}=&quot;{v}&quot;</pre>", "html", "env"),
    ("html", "html-code-single", "<code>{k} = &#39;{v}&#39;</code>", "html", "ident"),
    ("html", "html-input", '<input type="hidden" name="{k}" value="{v}">', "html", "ident"),
    (
        "xml",
        "xml-cdata-hadoop",
        "<property>\n  <name>{k}</name>\n  <value><![CDATA[{v}]]></value>\n</property>",
        "plain",
        "any",
    ),
    ("xml", "xml-cdata-entry", '<entry key="{k}"><![CDATA[{v}]]></entry>', "plain", "any"),
    (
        "xml",
        "xml-hadoop",
        "<property>\n  <name>{k}</name>\n  <value>{v}</value>\n</property>",
        "plain",
        "any",
    ),
]
FIXED_MORE: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("files", "netrc", "machine api.example.com login deploy password {v}", ("none",)),
    (
        "files",
        "netrc-lines",
        "machine git.example.com\n  login deploy\n  password {v}\n",
        ("none",),
    ),
    ("files", "pg-service", "[appdb]\nhost=db01\nport=5432\nuser=app\npassword={v}", ("none",)),
    (
        "files",
        "odbc-ini",
        "[AppDSN]\nDriver=PostgreSQL Unicode\nServername=db01\nUsername=app\nPassword={v}",
        ("none",),
    ),
    (
        "git",
        "git-get-regexp-fixed",
        "$ git config --get-regexp credential\ncredential.password {v}",
        ("none",),
    ),
]


def encoded(value: str, encoding: str) -> str:
    """Return ``value`` as ``encoding`` writes it (``url``: %xx, ``uescape``: \\u00XX, ``html``)."""
    if encoding == "url":
        return urllib.parse.quote(value, safe="")
    if encoding == "uescape":  # as .NET's System.Text.Json and Go's encoding/json write them
        return "".join(f"\\u{ord(c):04X}" if c in "+<>&'" or ord(c) > 126 else c for c in value)
    if encoding == "html":
        return html.escape(value)
    return value


def more_combinations(
    rng: random.Random, secrets: list[dict[str, str]], benign: list[dict[str, str]]
) -> None:
    """Append the rows of KEYED_MORE, ENCODED and FIXED_MORE (drawn after the others)."""
    keyed = [(g, n, t, qs, st, "plain") for g, n, t, qs, st in KEYED_MORE]
    keyed += [(g, n, t, ("none",), st, enc) for g, n, t, enc, st in ENCODED]
    for group, name, template, quotings, style, encoding in keyed:
        for key in KEYS:
            k = styled(key, style)
            for quoting in quotings:
                q = {"single": "'", "double": '"', "backtick": "`"}.get(quoting, "")
                context = f"{group}/{name}/{quoting if encoding == 'plain' else encoding}"
                for kind in KINDS + PREFIXED:
                    value = draw(kind, rng)
                    written = encoded(value, encoding)
                    text = template.format(k=k, v=written, q=q, V=QUOTES[quoting].format(v=written))
                    secrets.append(
                        {
                            "family": kind,
                            "context": context,
                            "key": key,
                            "text": text,
                            "secret": written,
                        }
                    )
                for value in BENIGN:
                    if value.isdigit() and ("pass" in key.lower() or "pwd" in key.lower()):
                        continue  # decided: a number under a password key is a PIN (redacted)
                    written = encoded(value, encoding)
                    text = template.format(k=k, v=written, q=q, V=QUOTES[quoting].format(v=written))
                    benign.append({"kind": context, "key": key, "value": value, "text": text})
    for group, name, template, quotings in FIXED_MORE:
        for quoting in quotings:
            for kind in KIND_FOR_FIXED:
                for _ in range(3):
                    value = draw(kind, rng)
                    text = template.format(v=value, V=QUOTES[quoting].format(v=value))
                    context = f"{group}/{name}/{quoting}"
                    secrets.append(
                        {
                            "family": kind,
                            "context": context,
                            "key": "-",
                            "text": text,
                            "secret": value,
                        }
                    )


def combinations(seed: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return the secret rows and the benign rows of the matrix."""
    rng = random.Random(seed)
    secrets: list[dict[str, str]] = []
    benign: list[dict[str, str]] = []
    for group, name, template, quotings, style in KEYED:
        for key in KEYS:
            k = styled(key, style)
            for quoting in quotings:
                q = {"single": "'", "double": '"', "backtick": "`"}.get(quoting, "")
                for kind in KINDS + PREFIXED:
                    value = draw(kind, rng)
                    text = template.format(k=k, v=value, q=q, V=QUOTES[quoting].format(v=value))
                    context = f"{group}/{name}/{quoting}"
                    secrets.append(
                        {
                            "family": kind,
                            "context": context,
                            "key": key,
                            "text": text,
                            "secret": value,
                        }
                    )
                for value in BENIGN:
                    if value.isdigit() and ("pass" in key.lower() or "pwd" in key.lower()):
                        continue  # decided: a number under a password key is a PIN (redacted)
                    text = template.format(k=k, v=value, q=q, V=QUOTES[quoting].format(v=value))
                    benign.append(
                        {
                            "kind": f"{group}/{name}/{quoting}",
                            "key": key,
                            "value": value,
                            "text": text,
                        }
                    )
    for group, name, template, quotings in FIXED:
        for quoting in quotings:
            q = {"single": "'", "double": '"', "backtick": "`"}.get(quoting, "")
            for kind in KIND_FOR_FIXED:
                for _ in range(3):
                    value = draw(kind, rng)
                    text = template.format(v=value, q=q, V=QUOTES[quoting].format(v=value))
                    context = f"{group}/{name}/{quoting}"
                    secrets.append(
                        {
                            "family": kind,
                            "context": context,
                            "key": "-",
                            "text": text,
                            "secret": value,
                        }
                    )
    for name, template, kind in SHAPED:
        for _ in range(5):
            value, other = draw(kind, rng), draw(kind, rng)
            text = template.format(v=value, v2=other)
            context = f"files/{name}/none"
            secrets.append(
                {"family": kind, "context": context, "key": "-", "text": text, "secret": value}
            )
    more_combinations(rng, secrets, benign)
    return secrets, benign


def main() -> None:
    """Run the matrix and print its gaps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--per-cell", type=int, default=0, help="--write N rows per cell (0: all)")
    parser.add_argument("--json", type=Path, help="write the leaking and changed rows here")
    args = parser.parse_args()
    sys.path.insert(0, args.tree)
    from fedlearn import config
    from fedlearn.anonymize import Anonymizer, Machine

    machine = Machine(hostname="quasar", fqdn="quasar.example.org", user="jdoe", home="/home/jdoe")
    anonymizer = Anonymizer(config.Anonymize(), machine)
    secrets, benign = combinations(args.seed)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for name, rows in (("secrets", secrets), ("benign", benign)):
            written: collections.Counter[str] = collections.Counter()
            with (args.write / f"{name}.jsonl").open("w", encoding="utf-8") as out:
                drawn = (
                    rows if not args.per_cell else random.Random(args.seed).sample(rows, len(rows))
                )
                for row in drawn:
                    cell = row.get("context") or row["kind"]
                    written[cell] += 1
                    if not args.per_cell or written[cell] <= args.per_cell:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    leaks = []
    for row in secrets:
        out = anonymizer.anonymize(row["text"])
        if row["secret"] in out:
            leaks.append({**row, "out": out})
    changed = []
    for row in benign:
        out = anonymizer.anonymize(row["text"])
        if out != row["text"]:
            changed.append({**row, "out": out})
    total = collections.Counter(row["context"] for row in secrets)
    by_context = collections.Counter(row["context"] for row in leaks)
    print(f"tree {args.tree}: seed {args.seed}")
    print("\n== leaking combinations by syntax/quoting (leaks/combinations) ==")
    for context, count in sorted(by_context.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:5d}/{total[context]:<5d} {context}")
    for field in ("family", "key"):
        counts = collections.Counter(row[field] for row in leaks)
        print(f"\n== leaks by {field} ==")
        print(", ".join(f"{name} {count}" for name, count in counts.most_common()))
    print("\n== examples ==")
    shown: collections.Counter[str] = collections.Counter()
    for row in leaks:
        if shown[row["context"]] < args.examples:
            shown[row["context"]] += 1
            print(
                f"[{row['context']} {row['family']} {row['key']}] {row['text']!r}\n    -> {row['out']!r}"
            )
    print("\n== benign changed (by syntax) ==")
    by_kind = collections.Counter(row["kind"] for row in changed)
    for kind, count in by_kind.most_common():
        print(f"{count:5d} {kind}")
    values = collections.Counter(row["value"] for row in changed)
    print(", ".join(f"{name} {count}" for name, count in values.most_common()))
    shown.clear()
    for row in changed:
        if shown[row["kind"]] < args.examples:
            shown[row["kind"]] += 1
            print(f"[{row['kind']} {row['key']}] {row['text']!r}\n    -> {row['out']!r}")
    print(
        f"\nsecret combinations: {len(secrets)}, leaking: {len(leaks)} "
        f"({100 * (1 - len(leaks) / len(secrets)):.2f}% redacted) in {len(by_context)} syntax/quoting "
        f"cells; benign: {len(benign)}, changed: {len(changed)}"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"leaks": leaks, "changed": changed}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
