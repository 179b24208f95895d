"""Build contexts28: the scanners' fixtures in developer formats no other corpus has (blind).

``python bench/contexts28/make.py`` writes secrets.jsonl and benign.jsonl (seed 28028). Each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label
(placeholder / not a credential) becomes two secret rows, in two different contexts of CONTEXTS:
dotfiles (docker config.json ``auths`` with base64 ``user:token``, kubeconfig, gh/yarn/cargo/
gem/composer credentials, git credential store and ``credential fill``, gradle/maven), the
issue's own forms (Python ``auth=(…)``, Java ``System.setProperty``, PHP, Make ``::=``/``?=``,
NuGet ``ClearTextPassword``, curl ``-u``/``--user``/continued lines/``Token``/``Api-Token``, a
Kubernetes Secret's base64 ``data:``), languages no corpus used (C#, Kotlin/Scala/Java, Swift/
Dart, Lua/Perl/R/Julia/Tcl, Elixir/Haskell/Clojure/OCaml/Erlang, C/C++/Go setenv), data formats
(CSV/TSV exports, SQL, HAR/Postman, GraphQL/gRPC/protobuf text, Apache/HAProxy/Traefik, access
logs, syslog/journald, crontab, Windows ``set``/``setx``/``.reg``/``cmdkey``, secret managers'
CLI output) and prose (chat, commit messages, issue comments, e-mail; English and eight other
languages). Where a context encodes the value (base64 in docker auths and Secret ``data:``), the
row's ``secret`` is the encoded string, the only form present in the text.

Benign rows: each unlabelled false-positive fixture as a line (comment, note, message, cell) in
one or two of LINE_CONTEXTS, and LOOKALIKES of our own (ids, hashes, UUIDs in CSV, base64 of
ordinary data in config places, versions, SQL of ordinary data, CA certificates).
Row format as fixtures24 (family, context, text, secret, source, also, rule, kind).
"""

# ruff: noqa: S608, RUF001  (SQL and Turkish text are the corpus's contexts)
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

RNG = random.Random(28028)

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

URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
BARE = re.compile(r"[^\s'\"#;$`\\,]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str], split: int = 0) -> None:
        self.words = words
        self.split = split

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    pascal = property(lambda s: "".join(w.title() for w in s.words))
    dotted = property(lambda s: ".".join(s.words))
    kebab = property(lambda s: "-".join(s.words))
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v  # an identifier starts with a letter


def secret_name(rule: str) -> Name:
    v = vendor_words(rule)
    return Name(v + RNG.choice(KEY_WORDS), len(v))


def extra_name(rule: str, value: str, is_secret: bool) -> Name:
    v = vendor_words(rule)
    if is_secret:
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


def q(v: str) -> str:
    """A double-quoted string as C-like languages write it."""
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def sq(v: str) -> str:
    """A single-quoted string (backslash escapes)."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def sql_str(v: str) -> str:
    return "'" + v.replace("'", "''") + "'"


def xml(v: str) -> str:
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def others(pairs):
    return pairs[:-1]


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns
# (text, secret-as-written or None when the value itself is in the text).


def c_dockercfg(r, pairs):
    _n, v = pairs[-1]
    user = user_of(pairs)
    auth = b64(f"{user}:{v}")
    reg = RNG.choice(
        ["registry.gitlab.com", f"registry.{host(r)}", "ghcr.io", "index.docker.io/v1/"]
    )
    if reg == "index.docker.io/v1/":
        reg = "https://index.docker.io/v1/"
    cfg = {"auths": {reg: {"auth": auth}}, "currentContext": "default"}
    if RNG.random() < 0.5:
        cfg["auths"]["quay.io"] = {}
        cfg["credHelpers"] = {"123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"}
    body = json.dumps(cfg, indent=RNG.choice([1, 2, "\t"]))
    return f"$ cat ~/.docker/config.json\n{body}", auth


def c_kubeconfig(r, pairs):
    _n, v = pairs[-1]
    s = svc(r)
    return (
        "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n"
        f"    server: https://k8s.{host(r)}:6443\n  name: {s}-prod\ncontexts:\n"
        f"- context:\n    cluster: {s}-prod\n    user: {s}-ci\n  name: {s}-prod\n"
        f"current-context: {s}-prod\nusers:\n- name: {s}-ci\n  user:\n    token: {v}"
    ), None


def c_tool_creds(r, pairs):
    n, v = pairs[-1]
    s, h, u = svc(r), host(r), user_of(pairs)
    form = RNG.randrange(6)
    if form == 0:
        return (
            f"$ cat ~/.config/gh/hosts.yml\ngithub.{h}:\n    user: {u}\n"
            f"    oauth_token: {v}\n    git_protocol: https"
        ), None
    if form == 1:
        return (
            f'# .yarnrc.yml\nnodeLinker: node-modules\nnpmRegistries:\n  "https://npm.{h}":\n'
            f"    npmAlwaysAuth: true\n    npmAuthToken: {v}\nnpmScopes:\n  {s}:\n"
            f'    npmRegistryServer: "https://npm.{h}"'
        ), None
    if form == 2:
        return f"# ~/.cargo/credentials.toml\n[registries.{s}]\ntoken = {q(v)}", None
    if form == 3:
        return f"$ cat ~/.gem/credentials\n---\n:rubygems_api_key: {v}\n:{s}: {v}", None
    if form == 4:
        body = {"http-basic": {f"repo.{h}": {"username": u, "password": v}}}
        return "// auth.json (composer)\n" + json.dumps(body, indent=4), None
    return (
        f"# ~/.config/{s}/config.yml\ncurrent_profile: default\nprofiles:\n  default:\n"
        f"    endpoint: https://api.{h}\n    {n.tail.snake}: {v}"
    ), None


def c_git_creds(r, pairs):
    _n, v = pairs[-1]
    u, h = user_of(pairs), host(r)
    if URL_SAFE.fullmatch(v) and RNG.random() < 0.6:
        return RNG.choice(
            [
                f"$ cat ~/.git-credentials\nhttps://{u}:{v}@git.{h}\nhttps://x-access-token:@github.com",
                f"https://{u}:{v}@git.{h}",
            ]
        ), None
    return (
        f"$ printf 'protocol=https\\nhost=git.{h}\\n' | git credential fill\nprotocol=https\n"
        f"host=git.{h}\nusername={u}\npassword={v}"
    ), None


def c_gradle_maven(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    if BARE.fullmatch(v) and RNG.random() < 0.5:
        return RNG.choice(
            [
                f"# gradle.properties\norg.gradle.jvmargs=-Xmx2g\n{n.camel}={v}\nkotlin.code.style=official",
                f"# ~/.gradle/gradle.properties\nsystemProp.{n.dotted}={v}\nmavenUser={u}\nmavenPassword={v}",
            ]
        ), None
    return (
        "<settings>\n  <servers>\n    <server>\n"
        f"      <id>{svc(r)}-releases</id>\n      <username>{xml(u)}</username>\n"
        f"      <password>{xml(v)}</password>\n    </server>\n  </servers>\n</settings>"
    ), (xml(v) if xml(v) != v else None)


def c_py_auth(r, pairs):
    _n, v = pairs[-1]
    u, h = user_of(pairs), host(r)
    return RNG.choice(
        [
            f'resp = requests.get("https://api.{h}/v1/me", auth=("{u}", {q(v)}), timeout=10)',
            f"session.auth = HTTPBasicAuth({q(u)}, {q(v)})",
            f"client = httpx.Client(base_url='https://api.{h}', auth=({sq(u)}, {sq(v)}))",
            f"async with aiohttp.ClientSession(auth=aiohttp.BasicAuth({q(u)}, {q(v)})) as s:",
        ]
    ), None


def c_java_prop(r, pairs):
    n, v = pairs[-1]
    return RNG.choice(
        [
            f"System.setProperty({q(n.env)}, {q(v)});",
            f"props.setProperty({q(n.dotted)}, {q(v)});",
            f"String token = System.getProperty({q(n.dotted)}, {q(v)});",
            f"config.put({q(n.tail.camel)}, {q(v)});",
        ]
    ), None


def c_php(r, pairs):
    n, v = pairs[-1]
    if "\n" in v:
        return f"<?php\n$privateKey = <<<EOT\n{v}\nEOT;\n$signer->load($privateKey);", None
    return RNG.choice(
        [
            f"define('{n.env}', {sq(v)});",
            f'$apiKey = "";\n$apiKey .= {q(v)};',
            f"$config['{svc(r)}']['{n.tail.snake}'] = {sq(v)};",
            f'putenv("{n.env}=" . {q(v)});',
            f"    '{n.tail.snake}' => env('{n.env}', {sq(v)}),",
        ]
    ), None


def c_makefile(r, pairs):
    n, v = pairs[-1]
    op = RNG.choice(["::=", "?=", ":=", "="])
    pre = RNG.choice(["", "export ", "override "])
    return (f"{pre}{n.env} {op} {v}\n\ndeploy:\n\t./scripts/push.sh --token $({n.env})"), None


def c_nuget(r, pairs):
    _n, v = pairs[-1]
    s, u = svc(r), user_of(pairs)
    if BARE.fullmatch(v) and RNG.random() < 0.3:
        return (
            f"dotnet nuget add source https://nuget.{host(r)}/v3/index.json -n {s} "
            f"-u {u} -p {v} --store-password-in-clear-text"
        ), None
    return (
        "<configuration>\n  <packageSources>\n"
        f'    <add key="{s}" value="https://nuget.{host(r)}/v3/index.json" />\n'
        f"  </packageSources>\n  <packageSourceCredentials>\n    <{s}>\n"
        f'      <add key="Username" value="{xml(u)}" />\n'
        f'      <add key="ClearTextPassword" value="{xml(v)}" />\n'
        f"    </{s}>\n  </packageSourceCredentials>\n</configuration>"
    ), (xml(v) if xml(v) != v else None)


def c_curl_user(r, pairs):
    _n, v = pairs[-1]
    u, h = user_of(pairs), host(r)
    bare = BARE.fullmatch(v) is not None
    sv = v.replace("'", "'\\''")
    forms = [
        f"curl -fsS -u '{u}:{sv}' https://api.{h}/v1/projects",
        f'curl --user "{u}:{v.replace(chr(34), chr(92) + chr(34))}" -X GET https://api.{h}/v2/me',
        f"curl -sS \\\n  -X POST \\\n  -u '{u}:{sv}' \\\n  -d @payload.json \\\n  https://api.{h}/v1/jobs",
        f"curl -s -H 'Authorization: Token {sv}' https://api.{h}/v1/builds",
        f"curl -sS https://api.{h}/api/v1/status \\\n  -H 'Api-Token: {sv}' \\\n  -H 'Accept: application/json'",
        f"wget -q --header='Authorization: Bearer {sv}' -O - https://api.{h}/v1/export",
    ]
    if bare:
        forms += [
            f"curl -u {u}:{v} https://api.{h}/v1/projects",
            f"http --auth {u}:{v} GET https://api.{h}/v1/me",
            f"curl --oauth2-bearer {v} https://api.{h}/v1/items",
        ]
    return RNG.choice(forms), None


def c_k8s_secret(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    if "\n" not in v and RNG.random() < 0.35:
        return (
            f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {s}-credentials\n"
            f"  namespace: prod\ntype: Opaque\nstringData:\n  {n.tail.kebab}: {q(v)}"
        ), None
    enc = b64(v)
    more = "".join(f"  {m.tail.kebab}: {b64(w)}\n" for m, w in others(pairs))
    return (
        f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {s}-credentials\n"
        f"  namespace: prod\ntype: Opaque\ndata:\n{more}  {n.tail.kebab}: {enc}"
    ), enc


def c_csharp(r, pairs):
    n, v = pairs[-1]
    if "\n" in v:
        return f'private const string {n.pascal} = @"{v.replace(chr(34), chr(34) * 2)}";', None
    return RNG.choice(
        [
            f"private const string {n.pascal} = {q(v)};",
            f"Environment.SetEnvironmentVariable({q(n.env)}, {q(v)});",
            f'client.DefaultRequestHeaders.Add("X-Api-Key", {q(v)});',
            f'client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {q(v)});',
            f'var {n.tail.camel} = config["{n.pascal}"] ?? {q(v)};',
        ]
    ), None


def c_jvm(r, pairs):
    n, v = pairs[-1]
    if "\n" in v:
        return f'private val {n.tail.camel} = """\n{v}\n""".trimIndent()', None
    return RNG.choice(
        [
            f"val {n.camel} = System.getenv({q(n.env)}) ?: {q(v)}",
            f"private const val {n.env} = {q(v)}",
            f"val {n.camel} = sys.env.getOrElse({q(n.env)}, {q(v)})",
            f'lazy val {n.tail.camel}: String = config.getString("{n.dotted}") // default {v}',
            f"object Secrets {{ val {n.tail.camel} = {q(v)} }}",
        ]
    ), None


def c_swift_dart(r, pairs):
    n, v = pairs[-1]
    return RNG.choice(
        [
            f"let {n.camel} = {q(v)}",
            f"static let {n.tail.camel}: String = {q(v)}",
            f"const {n.camel} = {sq(v)};",
            f"final headers = {{'Authorization': 'Bearer ' + {sq(v)}}};",
            f'request.setValue("Bearer \\({n.camel})", forHTTPHeaderField: "Authorization") // {n.camel} = {q(v)}',
        ]
    ), None


def c_scripting(r, pairs):
    n, v = pairs[-1]
    return RNG.choice(
        [
            f"local {n.snake} = {q(v)}",
            f"$ENV{{{n.env}}} = {sq(v)};",
            f"my ${n.snake} = {q(v)};",
            f"Sys.setenv({n.env} = {q(v)})",
            f'ENV["{n.env}"] = {q(v)}',
            f"set {n.snake} {q(v)}",
        ]
    ), None


def c_functional(r, pairs):
    n, v = pairs[-1]
    app = f24.vendor(r)
    return RNG.choice(
        [
            f"config :{app}, {app.title().replace('_', '')}.Client,\n  {n.tail.snake}: {q(v)}",
            f"{n.camel} :: Text\n{n.camel} = {q(v)}",
            f"(def {n.kebab} {q(v)})",
            f"{{:{n.tail.kebab} {q(v)} :timeout 30}}",
            f"let {n.snake} = {q(v)}",
            f"{{{n.tail.snake}, {q(v)}}},",
        ]
    ), None


def c_c_cpp(r, pairs):
    n, v = pairs[-1]
    return RNG.choice(
        [
            f"#define {n.env} {q(v)}",
            f"static const char *{n.snake} = {q(v)};",
            f"const std::string k{n.pascal} = {q(v)};",
            f'setenv("{n.env}", {q(v)}, 1);',
            f'os.Setenv("{n.env}", {q(v)})',
            f"constexpr char k{n.pascal}[] = {q(v)};",
        ]
    ), None


def csv_cell(v: str, sep: str) -> str:
    if any(c in v for c in (sep, '"', "\n")):
        return '"' + v.replace('"', '""') + '"'
    return v


def c_csv(r, pairs):
    _n, v = pairs[-1]
    s = svc(r)
    sep = RNG.choice([",", ",", "\t", ";"])
    header = RNG.choice(
        [
            ["name", "key", "created"],
            ["service", "api_key", "owner", "expires"],
            ["id", "label", "token", "scopes"],
        ]
    )
    row = []
    for col in header:
        if col in ("key", "api_key", "token"):
            row.append(csv_cell(v, sep))
        elif col in ("name", "service", "label"):
            row.append(f"{s}-prod")
        elif col == "created":
            row.append("2026-03-14T09:12:44Z")
        elif col == "owner":
            row.append("platform-team")
        elif col == "expires":
            row.append("2027-01-01")
        elif col == "id":
            row.append(str(RNG.randint(10, 999)))
        else:
            row.append("read write")
    other = [f"{s}-staging" if c in ("name", "service", "label") else "" for c in header]
    lines = [sep.join(header), sep.join(row), sep.join(other)]
    intro = RNG.choice(
        ["$ head -3 keys_export.csv", "keys.tsv:" if sep == "\t" else "$ cat tokens.csv"]
    )
    return intro + "\n" + "\n".join(lines), None


def c_sql(r, pairs):
    n, v = pairs[-1]
    s = f24.vendor(r)[:20]
    if "\n" in v:
        return f"INSERT INTO signing_keys (name, pem) VALUES ('{s}', {sql_str(v)});", None
    return RNG.choice(
        [
            f"INSERT INTO api_keys (service, key, created_at) VALUES ('{s}', {sql_str(v)}, now());",
            f"INSERT INTO integrations VALUES (42, '{s}', {sql_str(v)}, true);",
            f"UPDATE integrations SET {n.tail.snake} = {sql_str(v)} WHERE provider = '{s}';",
            f"CREATE USER {s}_app WITH PASSWORD {sql_str(v)};",
            f"ALTER ROLE {s}_ro PASSWORD {sql_str(v)} VALID UNTIL '2027-01-01';",
            f"SET PASSWORD FOR '{s}'@'%' = {sql_str(v)};",
            f"mysql> INSERT INTO settings (k, v) VALUES ('{n.snake}', {sql_str(v)});\nQuery OK, 1 row affected (0.01 sec)",
        ]
    ), None


def c_har_postman(r, pairs):
    n, v = pairs[-1]
    h = host(r)
    form = RNG.randrange(3)
    if form == 0:
        hdr = RNG.choice([("Authorization", f"Bearer {v}"), ("X-API-Key", v)])
        entry = {
            "request": {
                "method": "GET",
                "url": f"https://api.{h}/v1/items",
                "httpVersion": "HTTP/2",
                "headers": [
                    {"name": "accept", "value": "application/json"},
                    {"name": hdr[0], "value": hdr[1]},
                ],
            },
            "response": {"status": 200, "statusText": "OK"},
        }
        return json.dumps({"log": {"version": "1.2", "entries": [entry]}}, indent=2), None
    if form == 1:
        col = {
            "info": {
                "name": f"{svc(r)} API",
                "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
            },
            "auth": {"type": "bearer", "bearer": [{"key": "token", "value": v, "type": "string"}]},
        }
        return json.dumps(col, indent="\t"), None
    env = {
        "name": f"{svc(r)}-staging",
        "values": [
            {"key": "baseUrl", "value": f"https://api.{h}", "enabled": True},
            {"key": n.snake, "value": v, "enabled": True},
        ],
    }
    return json.dumps(env, indent=2), None


def c_rpc(r, pairs):
    n, v = pairs[-1]
    h = host(r)
    form = RNG.randrange(4)
    if form == 0:
        body = {
            "query": "mutation Connect($token: String!) { connect(token: $token) { id } }",
            "variables": {"token": v},
        }
        return json.dumps(body), None
    if form == 1:
        return (
            f"grpcurl -H 'authorization: Bearer {v.replace(chr(39), '')}' grpc.{h}:443 api.v1.Items/List",
            (v.replace("'", "") if "'" in v else None),
        )
    if form == 2:
        return (
            f"I1206 10:11:12.345678 client.go:88] outgoing metadata: map[authorization:[Bearer {v}] "
            "x-request-id:[7d1f0c2a]]"
        ), None
    return (
        f'# config.textproto\nendpoint: "grpc.{h}:443"\ncredentials {{\n  {n.tail.snake}: {q(v)}\n}}',
        None,
    )


def c_webserver(r, pairs):
    n, v = pairs[-1]
    h = host(r)
    return RNG.choice(
        [
            f'<Location "/api/">\n    ProxyPass "https://api.{h}/"\n    RequestHeader set Authorization "Bearer {v}"\n</Location>',
            f"SetEnv {n.env} {q(v)}",
            f'backend {svc(r)}\n    http-request set-header X-Api-Key "{v}"\n    server s1 api.{h}:443 ssl',
            f'labels:\n  - "traefik.http.middlewares.{svc(r)}.headers.customrequestheaders.X-Api-Key={v}"',
            f'location /hook {{\n    set $upstream_token "{v}";\n    proxy_pass https://hooks.{h};\n}}',
        ]
    ), None


def c_access_log(r, pairs):
    _n, v = pairs[-1]
    param = RNG.choice(["access_token", "key", "token", "apikey", "private_token", "auth"])
    path = RNG.choice(["/v1/items", "/api/export.csv", "/hooks/ingest", "/maps/api/geocode/json"])
    query = f"{param}={v}" if RNG.random() < 0.5 else f"page=2&{param}={v}&sort=desc"
    return RNG.choice(
        [
            f'10.0.3.17 - - [06/Dec/2026:10:11:12 +0000] "GET {path}?{query} HTTP/1.1" 200 5120 "-" "python-requests/2.32.3"',
            f'2026-12-06T10:11:12Z GET {path}?{query} 401 12ms ua="Go-http-client/2.0"',
            f'127.0.0.1:51234 - "POST {path}?{query} HTTP/1.1" 403 Forbidden',
        ]
    ), None


def c_syslog(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    return RNG.choice(
        [
            f"Dec  6 10:11:12 web-03 {s}-agent[8121]: connecting with {n.tail.snake}={v}",
            f"Dec 06 10:11:12 web-03 {s}-agent[8121]: auth failed (401) for key {v}",
            f"<134>1 2026-12-06T10:11:12Z web-03 {s} 8121 - - config loaded: {n.env}={v}",
            f"$ journalctl -u {s}-agent --since today\nDec 06 10:11:12 web-03 systemd[1]: Started {s}-agent.service.\n"
            f"Dec 06 10:11:13 web-03 {s}-agent[8121]: using token {v} for https://api.{host(r)}",
        ]
    ), None


def c_crontab(r, pairs):
    n, v = pairs[-1]
    h = host(r)
    if BARE.fullmatch(v):
        return RNG.choice(
            [
                f"*/5 * * * * {n.env}={v} /usr/local/bin/{svc(r)}-sync >> /var/log/sync.log 2>&1",
                f"MAILTO=ops@example.org\n{n.env}={v}\n0 3 * * * /opt/backup/run.sh",
            ]
        ), None
    sv = v.replace("'", "'\\''")
    return (
        f"0 * * * * curl -fsS -H 'Authorization: Bearer {sv}' https://api.{h}/v1/ping > /dev/null",
        None,
    )


def c_windows(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    forms = [
        f'setx {n.env} "{v}"',
        f'[HKEY_CURRENT_USER\\Software\\{s}\\Agent]\n"{n.tail.pascal}"="{v.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"\n"Endpoint"="https://api.{host(r)}"',
    ]
    if BARE.fullmatch(v):
        forms += [
            f"C:\\deploy> set {n.env}={v}\nC:\\deploy> {s}-cli.exe push",
            f"cmdkey /generic:{s} /user:{user_of(pairs)} /pass:{v}",
        ]
    return RNG.choice(forms), None


def c_secret_cli(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    form = RNG.choice([4, 5]) if "\n" in v else RNG.randrange(6)
    if form == 0:
        return (
            f"$ heroku config -a {s}-prod\n=== {s}-prod Config Vars\nLOG_LEVEL:    info\n{n.env}: {v}\nWEB_CONCURRENCY: 2",
            None,
        )
    if form == 1:
        k = n.tail.snake
        pad = " " * (max(len(k), 3) + 2)
        return (
            f"$ vault kv get secret/{s}\n====== Data ======\n{'Key'.ljust(len(pad))}Value\n"
            f"{'---'.ljust(len(pad))}-----\n{k.ljust(len(pad))}{v}\n{'url'.ljust(len(pad))}https://api.{host(r)}"
        ), None
    if form == 2:
        return f"$ fly secrets set {n.env}={v} -a {s}\nRelease v42 created", None
    if form == 3:
        return (
            f"$ doppler secrets --only-names=false\n┌──────────────┬────────────┐\n│ NAME         │ VALUE      │\n"
            f"├──────────────┼────────────┤\n│ {n.env} │ {v} │\n└──────────────┴────────────┘"
        ), None
    if form == 4:
        inner = json.dumps({n.tail.snake: v})
        return (
            f"$ aws secretsmanager get-secret-value --secret-id {s}/prod\n"
            + json.dumps(
                {"Name": f"{s}/prod", "SecretString": inner, "VersionStages": ["AWSCURRENT"]},
                indent=4,
            )
        ), None
    return f"$ gcloud secrets versions access latest --secret={s}-{n.tail.kebab}\n{v}", None


PROSE_EN = [
    "@dana the staging {w} is {v} — use that until Monday",
    "pls don't share, {w}: {v}",
    "new {w} for {s} is `{v}`, old one revoked",
    "can you try with {v}? that's the {w} from the vault",
]
PROSE_I18N = [
    ("pt", "o {w} novo do {s} é {v}, o antigo foi revogado"),
    ("it", "la nuova chiave {s} è {v}, non condividerla"),
    ("nl", "de nieuwe {w} voor {s} is {v}, graag niet delen"),
    ("pl", "nowy klucz API dla {s}: {v} (stary unieważniony)"),
    ("tr", "{s} için yeni API anahtarı: {v}"),
    ("sv", "här är {s}-nyckeln: {v}"),
    ("ko", "{s} API 키는 {v} 입니다"),
    ("id", "token {s} yang baru adalah {v}, jangan dibagikan"),
    ("de", "Hier das Passwort für {s}: {v}"),
]


def wordy(n: Name) -> str:
    return " ".join(n.tail.words).replace("api", "API")


def c_chat(r, pairs):
    n, v = pairs[-1]
    s = f24.vendor(r).replace("_", " ")
    tpl = RNG.choice(PROSE_EN)
    msg = tpl.format(w=wordy(n), v=v, s=s)
    return RNG.choice([f"[10:42] dana: {msg}", f"**Dana Kim** 10:42 AM\n{msg}", msg]), None


def c_commit(r, pairs):
    n, v = pairs[-1]
    s = f24.vendor(r).replace("_", " ")
    sha = hashlib.sha1(v.encode(), usedforsecurity=False).hexdigest()
    return (
        f"commit {sha}\nAuthor: Dana Kim <dana@example.org>\nDate:   Fri Dec 4 16:02:11 2026 +0100\n\n"
        f"    fix({svc(r)}): rotate leaked {wordy(n)}\n\n"
        f"    The old {wordy(n)} {v} was pushed in config/{svc(r)}.yml by mistake;\n"
        f"    it has been revoked in the {s} console.\n"
    ), None


def c_issue(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    if "\n" in v:
        return (
            f"**Steps to reproduce**\n\n1. save this key as `key.pem`:\n\n```\n{v}\n```\n2. run `{s} login --key key.pem`",
            None,
        )
    return RNG.choice(
        [
            f"**Steps to reproduce**\n1. `export {n.env}={v}`\n2. run `{s} sync`\n3. see `401 Unauthorized`",
            f"> Works on my machine with {n.env}={v}\n\nSame here, still failing on CI.",
            f"I get `invalid credentials` even though my {wordy(n)} ({v}) is fresh. Any idea?",
        ]
    ), None


def c_email(r, pairs):
    n, v = pairs[-1]
    s = f24.vendor(r).replace("_", " ")
    lang = RNG.choice(["en", "de", "fr", "es"])
    body = {
        "en": f"Hi team,\n\nthe new {wordy(n)} for {s} is:\n\n{v}\n\nPlease update the deploy config.\n\nBest,\nDana",
        "de": f"Hallo zusammen,\n\nder neue Schlüssel für {s} lautet:\n\n{v}\n\nViele Grüße\nDana",
        "fr": f"Bonjour,\n\nvoici le nouveau jeton {s} :\n\n{v}\n\nCordialement,\nDana",
        "es": f"Hola,\n\nla nueva clave de {s} es:\n\n{v}\n\nSaludos,\nDana",
    }[lang]
    return (
        f"From: Dana Kim <dana@example.org>\nTo: ops@example.org\nSubject: {s} credentials\n\n{body}",
        None,
    )


def c_i18n(r, pairs):
    n, v = pairs[-1]
    s = f24.vendor(r).replace("_", " ")
    _lang, tpl = RNG.choice(PROSE_I18N)
    return tpl.format(w=wordy(n), v=v, s=s), None


CONTEXTS = {
    "dockercfg": c_dockercfg,
    "kubeconfig": c_kubeconfig,
    "tool_creds": c_tool_creds,
    "git_creds": c_git_creds,
    "gradle_maven": c_gradle_maven,
    "py_auth": c_py_auth,
    "java_prop": c_java_prop,
    "php": c_php,
    "makefile": c_makefile,
    "nuget": c_nuget,
    "curl_user": c_curl_user,
    "k8s_secret": c_k8s_secret,
    "csharp": c_csharp,
    "jvm": c_jvm,
    "swift_dart": c_swift_dart,
    "scripting": c_scripting,
    "functional": c_functional,
    "c_cpp": c_c_cpp,
    "csv": c_csv,
    "sql": c_sql,
    "har_postman": c_har_postman,
    "rpc": c_rpc,
    "webserver": c_webserver,
    "access_log": c_access_log,
    "syslog": c_syslog,
    "crontab": c_crontab,
    "windows": c_windows,
    "secret_cli": c_secret_cli,
    "chat": c_chat,
    "commit": c_commit,
    "issue": c_issue,
    "email": c_email,
    "i18n": c_i18n,
}
# Multi-line values (PEM blocks, JSON keys) only where the format carries them.
BLOCK = [
    "php",
    "k8s_secret",
    "csharp",
    "jvm",
    "csv",
    "sql",
    "har_postman",
    "issue",
    "email",
    "secret_cli",
]
# Contexts that need a value without blanks/quotes (a URL or unquoted word).
NEEDS_URL = {"access_log"}
NEEDS_BARE = {"makefile", "kubeconfig", "syslog"}


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in BLOCK
    if context in NEEDS_URL:
        return URL_SAFE.fullmatch(v) is not None
    if context in NEEDS_BARE:
        return BARE.fullmatch(v) is not None
    if context == "secret_cli":
        return True
    return True


# ---------------------------------------------------------------- benign line contexts
def commented(prefix: str, x: str) -> str:
    return "\n".join(prefix + s for s in x.splitlines())


LINE_CONTEXTS = {
    "csv": lambda x: "id,note,updated\n17," + csv_cell(x, ",") + ",2026-11-02",
    "sql": lambda x: f"{commented('-- ', x)}\nSELECT id, name FROM services WHERE enabled;",
    "php": lambda x: f"<?php\n{commented('// ', x)}\nreturn [];",
    "csharp": lambda x: f"{commented('/// ', x)}\npublic sealed class Scanner {{ }}",
    "jvm": lambda x: f"/*\n{commented(' * ', x)}\n */\nclass ScannerTest",
    "makefile": lambda x: f"{commented('# ', x)}\nall: build",
    "crontab": lambda x: f"{commented('# ', x)}\n30 2 * * * /usr/local/bin/rotate-logs",
    "syslog": lambda x: "\n".join(
        f"Dec  6 10:11:12 web-03 scanner[511]: skipped: {s}" for s in x.splitlines()
    ),
    "commit": lambda x: (
        "$ git log -1 --format='%H %an%n%n%B'\n0e1f3a9c44b2d7e5a6f8091b2c3d4e5f60718293 Dana Kim\n\n"
        "test: add false-positive cases\n\n" + x
    ),
    "chat": lambda x: f"[10:42] dana: this one should not be flagged, right?\n{x}",
    "issue": lambda x: f"False positive on:\n\n```\n{x}\n```\n\nScanner version 3.2.1.",
    "har_postman": lambda x: json.dumps(
        {"info": {"name": "samples", "description": x}, "item": []}, indent=2
    ),
    "rpc": lambda x: json.dumps(
        {"query": "query Notes { notes { id } }", "variables": {"note": x}}
    ),
    "email": lambda x: (
        f"Subject: scanner report\n\nHi,\n\nthis line was flagged:\n\n{x}\n\nThanks,\nDana"
    ),
}


# ---------------------------------------------------------------- look-alikes
FAKE_CERT_HEAD = "-----BEGIN CERTIFICATE-----\n"


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts whose values look like credentials by shape only."""
    out = []
    for i in range(220):
        seed = f"c28-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        u = str(uuid.UUID(bytes=hashlib.md5(seed, usedforsecurity=False).digest(), version=4))
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        kind = i % 22
        if kind == 0:
            out.append(
                (
                    "csv-uuid",
                    f"id,name,created\n{u},billing-worker,2026-03-14\n{uuid.UUID(h256[:32])},ingest,2026-03-15",
                )
            )
        elif kind == 1:
            out.append(
                (
                    "csv-sha",
                    f"commit\tauthor\tdate\n{h1}\tdana\t2026-12-01\n{h256[:40]}\tlee\t2026-12-02",
                )
            )
        elif kind == 2:
            cert = (
                FAKE_CERT_HEAD
                + base64.b64encode(hashlib.sha512(seed).digest() * 3).decode()
                + "\n-----END CERTIFICATE-----\n"
            )
            out.append(
                (
                    "kubeconfig-ca",
                    f"clusters:\n- cluster:\n    certificate-authority-data: {b64(cert)}\n    server: https://127.0.0.1:41235\n  name: kind-dev",
                )
            )
        elif kind == 3:
            png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + hashlib.sha256(seed).digest()[:16]
            out.append(
                (
                    "configmap-b64",
                    f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: branding\nbinaryData:\n  logo.png: {base64.b64encode(png).decode()}",
                )
            )
        elif kind == 4:
            text = RNG.choice(
                [
                    "Internal billing service",
                    "maintainer: platform team",
                    "build from main, nightly",
                ]
            )
            out.append(
                (
                    "dockercfg-b64",
                    json.dumps(
                        {
                            "auths": {"ghcr.io": {}},
                            "credsStore": "desktop",
                            "HttpHeaders": {"X-Meta": b64(text)},
                        },
                        indent=2,
                    ),
                )
            )
        elif kind == 5:
            out.append(
                (
                    "sql-data",
                    f"INSERT INTO builds (sha, status, finished_at) VALUES ('{h1}', 'success', '2026-12-0{i % 9 + 1} 10:11:12');",
                )
            )
        elif kind == 6:
            out.append(
                (
                    "sql-data",
                    f"INSERT INTO users (id, name, email_verified) VALUES ('{u}', 'Test User {i}', true);",
                )
            )
        elif kind == 7:
            out.append(
                (
                    "sql-ddl",
                    "CREATE TABLE api_keys (\n  id uuid PRIMARY KEY,\n  key_hash text NOT NULL,\n  created_at timestamptz DEFAULT now()\n);",
                )
            )
        elif kind == 8:
            out.append(
                (
                    "gradle-version",
                    f"# gradle.properties\nkotlinVersion={ver}\norg.gradle.jvmargs=-Xmx2g -XX:MaxMetaspaceSize=512m\nversionCode={RNG.randint(100, 99999)}",
                )
            )
        elif kind == 9:
            out.append(
                (
                    "make-version",
                    f"VERSION ?= {ver}\nGIT_SHA := $(shell git rev-parse HEAD)\nIMAGE ::= registry.example.com/app:$(VERSION)",
                )
            )
        elif kind == 10:
            out.append(
                (
                    "nuget-source",
                    '<packageSources>\n  <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />\n</packageSources>',
                )
            )
        elif kind == 11:
            out.append(
                (
                    "har-etag",
                    json.dumps(
                        {
                            "request": {
                                "method": "GET",
                                "url": f"https://cdn.example.com/app.{h1[:8]}.js",
                                "headers": [
                                    {"name": "If-None-Match", "value": f'"{h256[:32]}"'},
                                    {"name": "X-Request-Id", "value": u},
                                ],
                            }
                        },
                        indent=2,
                    ),
                )
            )
        elif kind == 12:
            out.append(
                (
                    "grpc-request-id",
                    f"I1206 10:11:12.345678 client.go:88] outgoing metadata: map[x-request-id:[{u}] grpc-timeout:[5S]]",
                )
            )
        elif kind == 13:
            out.append(
                (
                    "access-log-id",
                    f'203.0.113.17 - - [06/Dec/2026:10:11:12 +0000] "GET /static/app.js?v={h1[:12]}&request_id={u} HTTP/1.1" 200 5120 "-" "Mozilla/5.0"',
                )
            )
        elif kind == 14:
            out.append(
                (
                    "journald-ids",
                    f"_BOOT_ID={h256[:32]}\nINVOCATION_ID={h1[:32]}\nMESSAGE=Started nightly backup.",
                )
            )
        elif kind == 15:
            out.append(
                (
                    "reg-guid",
                    f'[HKEY_CLASSES_ROOT\\CLSID\\{{{u.upper()}}}]\n@="Shell Extension"\n"Version"="{ver}"',
                )
            )
        elif kind == 16:
            out.append(
                (
                    "vault-metadata",
                    f"====== Metadata ======\nKey              Value\n---              -----\ncreated_time     2026-12-0{i % 9 + 1}T10:11:12.{RNG.randint(100000, 999999)}Z\nversion          {RNG.randint(1, 40)}",
                )
            )
        elif kind == 17:
            out.append(
                (
                    "heroku-config",
                    f"=== billing Config Vars\nDATABASE_POOL:   5\nRELEASE_SHA:     {h1}\nWEB_CONCURRENCY: 2",
                )
            )
        elif kind == 18:
            out.append(
                (
                    "commit-revert",
                    f'Revert "feat: faster sync"\n\nThis reverts commit {h1}.\nSee build {RNG.randint(1000, 99999)} for details.',
                )
            )
        elif kind == 19:
            out.append(
                ("chat-ids", f"[10:42] lee: deploy {ver} is out, build id {u}, image sha256:{h256}")
            )
        elif kind == 20:
            out.append(
                (
                    "csharp-const",
                    f'private const string BuildId = "{h1[:16]}";\nprivate const string AssemblyVersion = "{ver}.0";',
                )
            )
        else:
            out.append(
                (
                    "k8s-configmap",
                    f"kind: ConfigMap\ndata:\n  checksum: {h256}\n  config-hash: {base64.b64encode(hashlib.md5(seed, usedforsecurity=False).digest()).decode()}",
                )
            )
    return out


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (v, q(v)[1:-1], sq(v)[1:-1], json.dumps(v)[1:-1], sql_str(v)[1:-1], xml(v)):
        if form in text:
            return form
    return v


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
            extra = [(a, a in also) for a in also + extra_with][:3]
            pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
            for context in RNG.sample(pool, 2):
                pairs = [(extra_name(s["rule"], a, sec), a) for a, sec in extra]
                pairs.append((secret_name(s["rule"]), value))
                text, written = CONTEXTS[context](s["rule"], pairs)
                secret = written or as_written(value, text)
                placed = [a for a in also if a in text]
                rows.append(
                    {
                        "family": f"{scanner}:{s['rule']}",
                        "context": context,
                        "text": text,
                        "secret": secret,
                        "source": scanner,
                        "also": placed,
                        "rule": s["rule"],
                        "kind": "encoded" if written and written != value else "value",
                    }
                )
                assert secret in text, (context, value)
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
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows in", len({r["family"] for r in rows}), "families;",
        len(benign), "benign rows (", len(seen_b), "fixtures )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
