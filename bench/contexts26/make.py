"""Build contexts26: the scanners' fixtures (bench/fixtures24/samples.json) in contexts no corpus has.

``python bench/contexts26/make.py`` writes secrets.jsonl and benign.jsonl (seed 26026). Each
true-positive value that fixtures24's make.py does not label (placeholder / not a credential)
becomes two secret rows, in two different contexts drawn from CONTEXTS (Dockerfile, compose,
GitHub Actions, Helm values, Terraform, systemd, PowerShell, .properties, Spring YAML, TOML,
appsettings.json, NetworkCredential, Go struct, Rust const, Ruby hash, Ansible vars, JDBC/ODBC,
raw HTTP, nginx/Caddy, SQL, git config, .netrc, .npmrc, .pypirc, Jupyter cell, Markdown table).
Variable names are the rule's vendor word plus a key word, written in each context's own
convention. Benign rows: every unlabelled false-positive fixture embedded as a line (comment,
run step, notes field, HTTP body, table cell, markdown cell) in one or two of the same contexts,
and LOOKALIKES (hashes, UUIDs, digests, base64 data, ids, versions) under benign names.
Row format as fixtures24 (family, context, text, secret, source, also, rule, kind).
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

RNG = random.Random(26026)
LOOKALIKE = False  # rendering a benign look-alike: no credential framing

KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
]


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    @property
    def env(self) -> str:
        return "_".join(self.words).upper()

    @property
    def snake(self) -> str:
        return "_".join(self.words)

    @property
    def camel(self) -> str:
        return self.words[0] + "".join(w.title() for w in self.words[1:])

    @property
    def pascal(self) -> str:
        return "".join(w.title() for w in self.words)

    @property
    def dotted(self) -> str:
        return ".".join(self.words)

    @property
    def kebab(self) -> str:
        return "-".join(self.words)

    @property
    def tail(self) -> Name:
        """The key words alone (what a vendor's own block names the value)."""
        return Name(self.words[self.split :]) if self.split else self

    split = 0


def secret_name(rule: str) -> Name:
    v = f24.vendor(rule).split("_")
    n = Name(v + RNG.choice(KEY_WORDS))
    n.split = len(v)
    return n


def extra_name(rule: str, value: str, is_secret: bool) -> Name:
    v = f24.vendor(rule).split("_")
    if is_secret:
        kind = ["secret"]
    elif "@" in value:
        kind = ["user"]
    elif value.startswith("http") or ("." in value and " " not in value):
        kind = ["url"] if value.startswith("http") else ["host"]
    else:
        kind = ["id"]
    n = Name(v + kind)
    n.split = len(v)
    return n


def host(rule: str) -> str:
    return f24.vendor(rule).replace("_", "") + ".example.com"


def q(v: str) -> str:
    """A double-quoted string as most languages write it."""
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_value(v: str, indent: int) -> str:
    if "\n" in v:
        pad = " " * (indent + 2)
        return "|\n" + "\n".join(pad + line for line in v.splitlines())
    return RNG.choice([v, q(v), f"'{v}'"]) if v[:1] not in "!&*{[|>'\"%@`#" else q(v)


# ---------------------------------------------------------------- value contexts
# Each takes (rule, pairs) where pairs is [(Name, value), ...] and the secret is the last pair.


def c_dockerfile(r, pairs):
    base = RNG.choice(
        ["python:3.12-slim", "node:20-alpine", "golang:1.22 AS build", "eclipse-temurin:21-jre"]
    )
    lines = [f"FROM {base}", "WORKDIR /app"]
    for n, v in pairs:
        lines.append(
            RNG.choice(
                [f"ENV {n.env}={v}", f'ENV {n.env}="{v}"', f"ARG {n.env}={v}", f"ENV {n.env} {v}"]
            )
        )
    lines += ["COPY . .", 'CMD ["./entrypoint.sh"]']
    return "\n".join(lines)


def c_compose_list(r, pairs):
    svc = f24.vendor(r).replace("_", "-")
    env = "".join(f"      - {n.env}={v}\n" for n, v in pairs)
    return (
        f"services:\n  {svc}-worker:\n    image: ghcr.io/acme/{svc}-worker:2.3.1\n"
        f"    restart: unless-stopped\n    environment:\n      - LOG_LEVEL=info\n{env}"
        '    ports:\n      - "8080:8080"'
    )


def c_compose_map(r, pairs):
    svc = f24.vendor(r).replace("_", "-")
    env = "".join(f"      {n.env}: {yaml_value(v, 6)}\n" for n, v in pairs)
    return (
        f'version: "3.9"\nservices:\n  {svc}:\n    build: .\n    environment:\n'
        f"      TZ: Europe/Berlin\n{env}    depends_on:\n      - redis"
    )


def c_gha(r, pairs):
    svc = f24.vendor(r).replace("_", "-")
    if RNG.random() < 0.5:
        env = "".join(f"      {n.env}: {yaml_value(v, 6)}\n" for n, v in pairs)
        return (
            "name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n"
            f"    runs-on: ubuntu-latest\n    env:\n{env}    steps:\n      - uses: actions/checkout@v4\n"
            "      - run: make deploy"
        )
    with_ = "".join(f"          {n.tail.kebab}: {yaml_value(v, 10)}\n" for n, v in pairs)
    return (
        "    steps:\n      - uses: actions/checkout@v4\n"
        f"      - name: Notify {svc}\n        uses: {svc}/{svc}-action@v2\n        with:\n{with_}"
        "          fail-on-error: true"
    )


def c_helm(r, pairs):
    svc = f24.vendor(r).replace("_", "")
    inner = "".join(f"    {n.tail.camel}: {yaml_value(v, 4)}\n" for n, v in pairs)
    return (
        f"# values.yaml\nreplicaCount: 2\nimage:\n  repository: registry.example.com/{svc}\n"
        f'  tag: "1.8.0"\n{svc}:\n  enabled: true\n  {"build" if LOOKALIKE else "auth"}:\n{inner}resources:\n  limits:\n    memory: 256Mi'
    )


def c_terraform(r, pairs):
    svc = f24.vendor(r)
    n, v = pairs[-1]
    val = f"<<EOT\n{v}\nEOT" if "\n" in v else q(v)
    if RNG.random() < 0.5:
        sens = "false" if LOOKALIKE else "true"
        return (
            f'variable "{n.snake}" {{\n  type      = string\n  sensitive = {sens}\n'
            f"  default   = {val}\n}}"
        )
    more = "".join(f"  {m.tail.snake} = {q(w)}\n" for m, w in pairs[:-1])
    return f'provider "{svc}" {{\n  region  = "eu-west-1"\n{more}  {n.tail.snake} = {val}\n}}'


def c_systemd(r, pairs):
    svc = f24.vendor(r).replace("_", "-")
    if RNG.random() < 0.5:
        env = "".join(
            RNG.choice([f'Environment="{n.env}={v}"\n', f"Environment={n.env}={v}\n"])
            for n, v in pairs
        )
        return (
            f"[Unit]\nDescription={svc} sync agent\nAfter=network-online.target\n\n[Service]\n"
            f"Type=simple\n{env}ExecStart=/usr/local/bin/{svc}-agent --config /etc/{svc}/agent.yml\n"
            "Restart=on-failure"
        )
    env = "".join(f"{n.env}={v}\n" for n, v in pairs)
    return (
        f"$ systemctl cat {svc}-agent | grep EnvironmentFile\nEnvironmentFile=/etc/default/{svc}-agent\n"
        f"$ sudo cat /etc/default/{svc}-agent\n# managed by ansible\n{env}".rstrip("\n")
    )


def c_powershell(r, pairs):
    h = host(r)
    n, v = pairs[-1]
    form = RNG.random()
    pre = "".join(f'$env:{m.env} = "{w}"\n' for m, w in pairs[:-1])
    if form < 0.4 or LOOKALIKE:
        return pre + f'$env:{n.env} = "{v}"\n& .\\scripts\\deploy.ps1 -Environment staging'
    if form < 0.7:
        return pre + (
            f'Invoke-RestMethod -Uri "https://api.{h}/v1/account" -Method Get '
            f'-Headers @{{ "Authorization" = "Bearer {v}" }}'
        )
    return pre + (
        f'$headers = @{{"X-Api-Key"="{v}"; "Accept"="application/json"}}\n'
        f"Invoke-WebRequest -Uri https://api.{h}/v2/items -Headers $headers"
    )


def c_properties(r, pairs):
    sep = RNG.choice(["=", " = ", ": "])
    body = "".join(f"{n.dotted}{sep}{v}\n" for n, v in pairs)
    return f"# application.properties\nserver.port=8080\nspring.application.name=billing\n{body}".rstrip(
        "\n"
    )


def c_spring(r, pairs):
    svc = f24.vendor(r).replace("_", "-")
    if RNG.random() < 0.4:
        _n, v = pairs[-1]
        return (
            "spring:\n  datasource:\n    url: jdbc:postgresql://db.internal:5432/orders\n"
            f"    username: orders_app\n    password: {yaml_value(v, 4)}\n  jpa:\n    open-in-view: false"
        )
    inner = "".join(f"    {n.tail.kebab}: {yaml_value(v, 4)}\n" for n, v in pairs)
    return f"server:\n  port: 8080\n{svc}:\n  client:\n    base-url: https://api.{host(r)}\n{inner}".rstrip(
        "\n"
    )


def c_toml(r, pairs):
    svc = f24.vendor(r)
    body = ""
    for n, v in pairs:
        val = f'"""\n{v}"""' if "\n" in v else RNG.choice([q(v), f"'{v}'"])
        body += f"{n.tail.snake} = {val}\n"
    return f'[{svc}]\nendpoint = "https://api.{host(r)}"\ntimeout = 30\n{body}'.rstrip("\n")


def c_appsettings(r, pairs):
    svc = f24.vendor(r).title().replace("_", "")
    block = {"BaseUrl": f"https://api.{host(r)}"}
    for n, v in pairs:
        block[n.tail.pascal] = v
    doc = {"Logging": {"LogLevel": {"Default": "Information"}}, svc: block, "AllowedHosts": "*"}
    return json.dumps(doc, indent=2)


def c_netcred(r, pairs):
    _n, v = pairs[-1]
    user = next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")
    more = "".join(f"// {m.env}: {w}\n" for m, w in pairs[:-1] if w != user)
    return more + (
        f'var handler = new HttpClientHandler {{ Credentials = new NetworkCredential("{user}", "{v}") }};\n'
        "using var client = new HttpClient(handler);"
    )


def c_go(r, pairs):
    pkg = f24.vendor(r).replace("_", "")
    fields = "".join(f"\t{n.tail.pascal.replace('Api', 'API')}: {q(v)},\n" for n, v in pairs)
    return f'cfg := {pkg}.Config{{\n\tBaseURL: "https://api.{host(r)}",\n{fields}\tTimeout: 30 * time.Second,\n}}'


def c_rust(r, pairs):
    out = ""
    for n, v in pairs:
        out += RNG.choice(
            [f"const {n.env}: &str = {q(v)};\n", f'pub static {n.env}: &str = r"{v}";\n']
        )
    return out.rstrip("\n")


def c_ruby(r, pairs):
    svc = f24.vendor(r).title().replace("_", "")
    if RNG.random() < 0.5:
        items = ", ".join(f"{n.tail.snake}: {q(v)}" for n, v in pairs)
        return f"{svc}.configure({items}, timeout: 10)"
    items = ",\n".join(f"  '{n.snake}' => '{v}'" for n, v in pairs)
    return f"CONFIG = {{\n  'region' => 'us-east-1',\n{items}\n}}.freeze"


def c_ansible(r, pairs):
    body = "".join(f"{n.snake}: {yaml_value(v, 0)}\n" for n, v in pairs)
    if RNG.random() < 0.5:
        return f"---\n# group_vars/prod/vars.yml\napp_user: deploy\napp_port: 8443\n{body}".rstrip(
            "\n"
        )
    inner = "".join(f"    {n.snake}: {yaml_value(v, 4)}\n" for n, v in pairs)
    return f"- hosts: app_servers\n  become: true\n  vars:\n{inner}  roles:\n    - role: app"


def c_connstr(r, pairs):
    _n, v = pairs[-1]
    user = next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "app_rw")
    return RNG.choice(
        [
            f"jdbc:postgresql://db.internal:5432/orders?user={user}&password={v}&sslmode=require",
            f"jdbc:mysql://mysql.internal:3306/shop?user={user}&password={v}",
            f"jdbc:sqlserver://sql.internal:1433;databaseName=erp;user={user};password={v};encrypt=true",
            f"Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:sql.internal,1433;Database=erp;Uid={user};Pwd={v};Encrypt=yes;",
            f"Server=sql.internal;Database=erp;User Id={user};Password={v};TrustServerCertificate=True",
        ]
    )


def c_http(r, pairs):
    h = host(r)
    n, v = pairs[-1]
    extra = "".join(f"X-{m.pascal}: {w}\r\n" for m, w in pairs[:-1])
    form = RNG.random()
    if form < 0.4:
        hdr = f"Authorization: Bearer {v}"
    elif form < 0.7:
        hdr = f"X-Api-Key: {v}"
    else:
        return (
            f"POST /v1/oauth/token HTTP/1.1\r\nHost: api.{h}\r\n{extra}"
            "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
            f"grant_type=client_credentials&{n.tail.snake}={v}"
        ).replace("\r\n", "\n")
    return (
        f"GET /v1/account HTTP/1.1\r\nHost: api.{h}\r\nUser-Agent: python-requests/2.32.3\r\n"
        f"Accept: */*\r\n{extra}{hdr}\r\nConnection: keep-alive"
    ).replace("\r\n", "\n")


def c_proxy(r, pairs):
    h = host(r)
    _n, v = pairs[-1]
    if RNG.random() < 0.5:
        return (
            f"location /upstream/ {{\n    proxy_pass https://api.{h}/;\n"
            f'    proxy_set_header Authorization "Bearer {v}";\n'
            "    proxy_set_header Host $proxy_host;\n}"
        )
    return (
        f"api.internal.example.org {{\n\treverse_proxy https://api.{h} {{\n"
        f"\t\theader_up X-Api-Key {v}\n\t\theader_up Host {{upstream_hostport}}\n\t}}\n}}"
    )


def c_sql(r, pairs):
    _n, v = pairs[-1]
    user = f24.vendor(r)[:20] + "_svc"
    return RNG.choice(
        [
            f"CREATE USER {user} IDENTIFIED BY '{v}';\nGRANT SELECT ON reporting.* TO {user};",
            f"CREATE USER '{user}'@'%' IDENTIFIED BY '{v}';",
            f"ALTER USER {user} WITH PASSWORD '{v}';",
            f"CREATE ROLE {user} LOGIN PASSWORD '{v}';",
        ]
    )


def c_gitconfig(r, pairs):
    _n, v = pairs[-1]
    h = host(r)
    if RNG.random() < 0.5:
        return (
            f'[http "https://git.{h}/"]\n\textraheader = AUTHORIZATION: bearer {v}\n'
            "[core]\n\tautocrlf = input"
        )
    return (
        f'[remote "origin"]\n\turl = https://oauth2:{v}@git.{h}/platform/api.git\n'
        '\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin'
    )


def c_netrc(r, pairs):
    _n, v = pairs[-1]
    user = next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "deploy")
    return RNG.choice(
        [
            f"machine api.{host(r)}\n  login {user}\n  password {v}",
            f"machine api.{host(r)} login {user} password {v}",
        ]
    )


def c_npmrc(r, pairs):
    _n, v = pairs[-1]
    return RNG.choice(
        [
            f"registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={v}",
            f"@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken={v}\nalways-auth=true",
        ]
    )


def c_pypirc(r, pairs):
    _n, v = pairs[-1]
    return (
        "[distutils]\nindex-servers =\n    pypi\n    private\n\n[private]\n"
        f"repository = https://pypi.{host(r)}/simple/\nusername = __token__\npassword = {v}"
    )


def c_jupyter(r, pairs):
    svc = f24.vendor(r).replace("_", "")
    args = ", ".join(f'{n.tail.snake}="{v}"' for n, v in pairs)
    src = [f"import {svc}\n", "\n", f"client = {svc}.Client({args})\n", "client.ping()"]
    cell = {"cell_type": "code", "execution_count": 7, "metadata": {}, "outputs": [], "source": src}
    return json.dumps(cell, indent=1)


def c_mdtable(r, pairs):
    svc = f24.vendor(r).replace("_", " ")
    rows = "".join(f"| {svc} | {n.env} | `{v}` | staging |\n" for n, v in pairs)
    return f"| Service | Variable | Value | Env |\n|---|---|---|---|\n{rows}".rstrip("\n")


CONTEXTS = {
    "dockerfile": c_dockerfile,
    "compose-list": c_compose_list,
    "compose-map": c_compose_map,
    "gha": c_gha,
    "helm": c_helm,
    "terraform": c_terraform,
    "systemd": c_systemd,
    "powershell": c_powershell,
    "properties": c_properties,
    "spring": c_spring,
    "toml": c_toml,
    "appsettings": c_appsettings,
    "netcred": c_netcred,
    "go": c_go,
    "rust": c_rust,
    "ruby": c_ruby,
    "ansible": c_ansible,
    "connstr": c_connstr,
    "http": c_http,
    "proxy": c_proxy,
    "sql": c_sql,
    "gitconfig": c_gitconfig,
    "netrc": c_netrc,
    "npmrc": c_npmrc,
    "pypirc": c_pypirc,
    "jupyter": c_jupyter,
    "mdtable": c_mdtable,
}
# Contexts that can carry a value over several lines.
BLOCK = [
    "compose-map",
    "gha",
    "helm",
    "terraform",
    "spring",
    "toml",
    "appsettings",
    "ansible",
    "jupyter",
]


# ---------------------------------------------------------------- line contexts (benign fixtures)
def commented(prefix: str, line: str) -> str:
    return "\n".join(prefix + x for x in line.splitlines())


LINE_CONTEXTS = {
    "dockerfile": lambda x: f"FROM alpine:3.20\n{commented('# ', x)}\nRUN apk add --no-cache curl",
    "compose-map": lambda x: f"services:\n  web:\n    image: nginx:1.27\n{commented('    # ', x)}",
    "gha": lambda x: (
        "    steps:\n      - name: scan\n        run: |\n" + commented("          ", x)
    ),
    "helm": lambda x: f"# values.yaml\n{commented('# ', x)}\nreplicaCount: 1",
    "terraform": lambda x: f'resource "null_resource" "note" {{\n{commented("  # ", x)}\n}}',
    "systemd": lambda x: f"[Service]\n{commented('# ', x)}\nExecStart=/usr/bin/true",
    "powershell": lambda x: f"{commented('# ', x)}\nWrite-Host 'done'",
    "properties": lambda x: f"server.port=8080\n{commented('# ', x)}",
    "toml": lambda x: f"[tool.scan]\n{commented('# ', x)}\nenabled = true",
    "appsettings": lambda x: json.dumps({"Scanner": {"Notes": x, "Enabled": False}}, indent=2),
    "go": lambda x: f"{commented('// ', x)}\nfunc TestScan(t *testing.T) {{}}",
    "rust": lambda x: f"{commented('/// ', x)}\nfn scan() {{}}",
    "ruby": lambda x: f"{commented('# ', x)}\nclass Scanner; end",
    "http": lambda x: (
        f"POST /v1/notes HTTP/1.1\nHost: notes.internal\nContent-Type: text/plain\n\n{x}"
    ),
    "sql": lambda x: f"{commented('-- ', x)}\nSELECT 1;",
    "gitconfig": lambda x: f"[core]\n\teditor = vim\n{commented('# ', x)}",
    "jupyter": lambda x: json.dumps(
        {"cell_type": "markdown", "metadata": {}, "source": [s + "\n" for s in x.splitlines()]},
        indent=1,
    ),
    "mdtable": lambda x: (
        "| Case | Expected |\n|---|---|\n"
        + "".join(f"| `{s}` | not flagged |\n" for s in x.splitlines()).rstrip("\n")
    ),
}


# ---------------------------------------------------------------- look-alikes
def lookalikes() -> list[tuple[Name, str, str]]:
    """(name, value, kind) of benign values that look like credentials by shape only."""
    out = []
    for i in range(150):
        seed = f"lookalike-{i}".encode()
        kind = i % 10
        if kind == 0:
            out.append(
                (Name(["image", "digest"]), "sha256:" + hashlib.sha256(seed).hexdigest(), "digest")
            )
        elif kind == 1:
            out.append(
                (
                    Name(["git", "commit"]),
                    hashlib.sha1(seed, usedforsecurity=False).hexdigest(),
                    "sha1",
                )
            )
        elif kind == 2:
            out.append(
                (
                    Name(["request", "id"]),
                    str(
                        uuid.UUID(
                            bytes=hashlib.md5(seed, usedforsecurity=False).digest(), version=4
                        )
                    ),
                    "uuid",
                )
            )
        elif kind == 3:
            out.append((Name(["artifact", "checksum"]), hashlib.sha256(seed).hexdigest(), "sha256"))
        elif kind == 4:
            out.append(
                (
                    Name(["integrity"]),
                    "sha512-" + base64.b64encode(hashlib.sha512(seed).digest()).decode(),
                    "sri",
                )
            )
        elif kind == 5:
            out.append(
                (
                    Name(["release", "version"]),
                    f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}",
                    "version",
                )
            )
        elif kind == 6:
            png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + hashlib.sha256(seed).digest()[:12]
            out.append(
                (
                    Name(["favicon", "data"]),
                    "data:image/png;base64," + base64.b64encode(png).decode(),
                    "base64",
                )
            )
        elif kind == 7:
            out.append((Name(["build", "number"]), str(RNG.randint(1000, 99999999)), "id"))
        elif kind == 8:
            out.append(
                (Name(["trace", "id"]), hashlib.md5(seed, usedforsecurity=False).hexdigest(), "md5")
            )
        else:
            out.append(
                (
                    Name(["content", "md5"]),
                    base64.b64encode(hashlib.md5(seed, usedforsecurity=False).digest()).decode(),
                    "md5b64",
                )
            )
    return out


# Contexts whose value slot is a free key (a look-alike under a benign name fits there).
FREE = [
    "dockerfile", "compose-list", "compose-map", "gha", "helm", "terraform", "systemd",
    "powershell", "properties", "toml", "appsettings", "go", "rust", "ruby", "ansible",
    "jupyter", "mdtable",
]  # fmt: skip


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
            pool = BLOCK if "\n" in value else sorted(CONTEXTS)
            for context in RNG.sample(pool, 2):
                pairs = [(extra_name(s["rule"], a, sec), a) for a, sec in extra]
                pairs.append((secret_name(s["rule"]), value))
                rows.append(
                    {
                        "family": f"{scanner}:{s['rule']}",
                        "context": context,
                        "text": CONTEXTS[context](s["rule"], pairs),
                        "secret": value,
                        "source": scanner,
                        "also": also,
                        "rule": s["rule"],
                        "kind": "value",
                    }
                )
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
    global LOOKALIKE
    LOOKALIKE = True
    for name, value, kind in lookalikes():
        context = RNG.choice(FREE)
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": context,
                "text": CONTEXTS[context]("build_info", [(name, value)]),
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
