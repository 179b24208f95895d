"""Build contexts32: scanner fixtures and fresh draws in values printed back by programs (blind).

``python bench/contexts32/make.py`` writes secrets.jsonl and benign.jsonl (seed 32032). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 32032) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: language reprs and
debug dumps (Python, Ruby, Elixir, Rust, Go, Java, PHP, Node, .NET, Perl/Lua/R), xtrace and env
listings, docker/kubectl/helm/terraform/kv-store output, CI logs, HTTP dumps, tracebacks with locals,
SQL client tables, PowerShell/cmd, Nix, TOML, Gradle KTS, Nomad, scripting languages. Benign rows:
each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 150 look-alikes of our own.
Row format as contexts31.
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

SEED = 32032
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
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.
# Values printed back by programs (reprs, dumps, traces, tool output) and languages no corpus had.


def c_py_repr(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"DEBUG:{ident(n)}.settings:loaded Settings(base_url='https://{host(r)}', {n.snake}={pyr(v)}, timeout=30.0, verify=True)",
            f">>> print(settings)\nbase_url='https://{host(r)}' {n.snake}={pyr(v)} retries=3 debug=False",
            f"Namespace(dry_run=False, {n.tail.snake}={pyr(v)}, endpoint='https://{host(r)}', verbose=2)",
            f"INFO  worker started with {cls(n)}Credentials(user={pyr(user_of(pairs))}, {n.tail.snake}={pyr(v)})",
        ),
    )


def c_py_pprint(r, pairs):
    n, v = pairs[-1]
    pad = " " * (len(svc(r)) + 20)
    return choose(
        v,
        esc=(
            f">>> pprint(cfg)\n{{'providers': {{'{svc(r)}': {{'{n.tail.snake}': {pyr(v)},\n{pad}'timeout': 30}}}},\n 'region': 'eu-west-1'}}",
            f">>> os.environ\nenviron({{'HOME': '/home/app', 'LANG': 'C.UTF-8', '{n.env}': {pyr(v)}, 'PATH': '/usr/local/bin:/usr/bin:/bin'}})",
            f"In [7]: vars(client)\nOut[7]: \n{{'_{n.tail.snake}': {pyr(v)},\n '_base_url': 'https://{host(r)}',\n '_session': <requests.sessions.Session at 0x7f3c2a1b9d90>}}",
        ),
    )


def c_ruby_inspect(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'#<{cls(n)}::Client:0x000055d1c2a8e6f0 @{n.tail.snake}={dq(v)}, @endpoint="https://{host(r)}", @timeout=30>',
            f'irb(main):003> Config.load\n=> #<struct Config {n.snake}={dq(v)}, region="eu-west-1">',
            f"[1] pry(main)> {cls(n)}.config\n=> {{{n.tail.snake}: {dq(v)}, open_timeout: 5, read_timeout: 30}}",
            f"[2] pry(main)> ENV.to_h.slice({dq(n.env)})\n=> {{{dq(n.env)}=>{dq(v)}}}",
        ),
    )


def c_elixir_inspect(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'%{cls(n)}.Config{{endpoint: "https://{host(r)}", {n.tail.snake}: {dq(v)}, pool_size: 10}}',
            f"iex(2)> System.get_env({dq(n.env)})\n{dq(v)}",
            f'client opts: [base_url: "https://{host(r)}", {n.tail.snake}: {dq(v)}, receive_timeout: 15000]',
            f'[debug] Starting {cls(n)}.Worker with %{{{dq(n.snake)} => {dq(v)}, "queue" => "default"}}',
        ),
    )


def c_rust_debug(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'Config {{\n    endpoint: "https://{host(r)}",\n    {n.snake}: {dq(v)},\n    retries: 3,\n}}',
            f"[src/main.rs:42:5] &settings.{n.snake} = {dq(v)}",
            f"Ok(Credentials {{ user: {dq(user_of(pairs))}, {n.tail.snake}: Some({dq(v)}) }})",
            f'DEBUG {ident(n)}::client: built client config=ClientConfig {{ base_url: Url {{ scheme: "https", host: Some(Domain("{host(r)}")) }}, {n.tail.snake}: {dq(v)} }}',
        ),
    )


def c_go_printf(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'&main.Config{{Endpoint:"https://{host(r)}", {n.pascal}:{dq(v)}, Retries:3}}',
            f'(*config.Config)(0xc000126000)({{\n Endpoint: (string) (len={len(host(r)) + 8}) "https://{host(r)}",\n {n.pascal}: (string) (len={len(v)}) {dq(v)}\n}})',
        ),
        bare=(
            f"2026/12/07 10:00:00 loaded config: {{Endpoint:https://{host(r)} {n.pascal}:{v} Timeout:30s Debug:false}}",
            f"2026/12/07 10:00:00 client: &{{BaseURL:https://{host(r)} {n.tail.pascal}:{v} HTTPClient:0xc0000a4000}}",
        ),
    )


def c_java_tostring(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"Config[endpoint=https://{host(r)}, {n.camel}={v}, timeout=PT30S]",
            f"2026-12-07 10:00:00.123  INFO 1 --- [main] c.e.{ident(n)}.Startup : Loaded {cls(n)}Properties(endpoint=https://{host(r)}, {n.tail.camel}={v}, retries=3)",
            f"I/{cls(n)}Sdk: init with Credentials(user={user_of(pairs)}, {n.tail.camel}={v})",
            f"Optional[{v}]",
        ),
    )


def c_php_dump(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'array(2) {{\n  ["endpoint"]=>\n  string({len(host(r)) + 8}) "https://{host(r)}"\n  ["{n.snake}"]=>\n  string({len(v.encode())}) "{v}"\n}}',
            f"array (\n  'endpoint' => 'https://{host(r)}',\n  '{n.snake}' => {sq(v)},\n)",
            f"Array\n(\n    [endpoint] => https://{host(r)}\n    [{n.snake}] => {v}\n    [timeout] => 30\n)",
        ),
    )


def c_node_inspect(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"{{\n  baseURL: 'https://{host(r)}',\n  {n.camel}: {jsq(v)},\n  retries: 3\n}}",
            f"Map(2) {{ 'endpoint' => 'https://{host(r)}', '{n.snake}' => {jsq(v)} }}",
            f"[Object: null prototype] {{ NODE_ENV: 'production', {n.env}: {jsq(v)} }}",
            f"URLSearchParams {{ '{n.tail.snake}' => {jsq(v)}, 'format' => 'json' }}",
        ),
    )


def c_dotnet_dump(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"{cls(n)}Options {{ BaseUrl = https://{host(r)}, {n.tail.pascal} = {v}, Timeout = 00:00:30 }}",
            f"{cls(n)}:\n  BaseUrl=https://{host(r)} (JsonConfigurationProvider for 'appsettings.json' (Optional))\n  {n.tail.pascal}={v} (JsonConfigurationProvider for 'secrets.json' (Optional))",
            f"$ dotnet user-secrets list\nConnectionStrings:Default = Server=db;Database=app\n{cls(n)}:{n.tail.pascal} = {v}",
        ),
    )


def c_dumper(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$VAR1 = {{\n          'endpoint' => 'https://{host(r)}',\n          '{n.snake}' => {sq(v)},\n          'timeout' => 30\n        }};",
            f'{{\n  endpoint = "https://{host(r)}",\n  {n.snake} = {dq(v)},\n  timeout = 30\n}}',
            f'> str(cfg)\nList of 2\n $ endpoint: chr "https://{host(r)}"\n $ {n.snake} : chr {dq(v)}',
            f'> cfg\n$endpoint\n[1] "https://{host(r)}"\n\n${n.snake}\n[1] {dq(v)}\n',
        ),
    )


def c_xtrace(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"+deploy.sh:12> export {n.env}={shq(v)}\n+deploy.sh:13> ./bin/{svc(r)} sync",
            f"+(deploy.sh:42): main(): curl -sf -H {shq('X-' + n.tail.pascal + ': ' + v)} https://{host(r)}/v1/ping",
            f"++ vault kv get -field={n.tail.snake} secret/{svc(r)}\n+ {n.env}={shq(v)}\n+ {svc(r)} deploy",
            f"+ printf '%s\\n' {shq(v)}\n+ docker login --username {user_of(pairs)} --password-stdin registry.{host(r)}",
        ),
    )


def c_env_listing(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ set | grep -i {n.vendor}\n{n.env}={shq(v)}\n{ident(n).upper()}_REGION=eu",
            f"$ systemctl show-environment\nLANG=C.UTF-8\n{n.env}={shq(v)}\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
            f"$ set --show {n.env}\n${n.env}: set in global scope, exported, with 1 elements\n${n.env}[1]: |{v}|",
        ),
        bare=(
            f"# cat /proc/1/environ | tr '\\0' '\\n'\nHOSTNAME=web-7d9f\nHOME=/root\n{n.env}={v}\nTERM=xterm",
        ),
    )


def c_docker_out(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ docker inspect --format '{{{{json .Config.Env}}}}' {svc(r)}-api\n"
            + json.dumps(
                [
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
                    f"{n.env}={v}",
                    "LANG=C.UTF-8",
                ],
                separators=(",", ":"),
            ),
        ),
        line=(
            f'#7 [3/5] RUN curl -fsS -H "Authorization: Bearer {v}" https://{host(r)}/pkg.tgz -o /tmp/pkg.tgz\n#7 DONE 1.2s',
        ),
        bare=(
            f"$ docker history --no-trunc {svc(r)}:latest\nIMAGE     CREATED       CREATED BY                                          SIZE      COMMENT\n<missing> 2 days ago    RUN |1 {n.env}={v} /bin/sh -c ./install.sh # buildkit   12.3MB    buildkit.dockerfile.v0\n<missing> 2 days ago    ARG {n.env}                                         0B        buildkit.dockerfile.v0",
            f"$ docker inspect -f '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {svc(r)}-api\nPATH=/usr/local/bin:/usr/bin:/bin\n{n.env}={v}\nTZ=UTC",
        ),
    )


def c_kubectl_out(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ kubectl get cm {svc(r)} -o json | jq .data\n"
            + json.dumps({"LOG_LEVEL": "info", n.env: v}, indent=2),
            f"$ kubectl get pod {svc(r)}-0 -o jsonpath='{{.spec.containers[0].env}}'\n"
            + json.dumps(
                [{"name": "LOG_LEVEL", "value": "info"}, {"name": n.env, "value": v}],
                separators=(",", ":"),
            ),
        ),
        bare=(
            f"$ kubectl set env deploy/{svc(r)} --list\n# Deployment {svc(r)}, container app\nLOG_LEVEL=info\n{n.env}={v}",
            f"$ kubectl set env deployment/{svc(r)} {n.env}={v}\ndeployment.apps/{svc(r)} env updated",
        ),
    )


def c_helm_values(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ helm get values {svc(r)} -n apps -o json\n"
            + json.dumps({ident(n): {n.tail.camel: v}, "replicaCount": 2}, separators=(",", ":")),
        ),
        line=(
            f"$ helm get values {svc(r)} -n apps\nUSER-SUPPLIED VALUES:\n{ident(n)}:\n  {n.tail.camel}: {yq(v)}\nreplicaCount: 2",
            f"NAME: {svc(r)}\nLAST DEPLOYED: Mon Dec  7 10:00:00 2026\nNAMESPACE: apps\nSTATUS: pending-install\nREVISION: 1\nUSER-SUPPLIED VALUES:\n{{}}\n\nCOMPUTED VALUES:\nauth:\n  {n.tail.camel}: {yq(v)}\nimage:\n  tag: 1.4.2",
        ),
    )


def c_tf_out(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "$ terraform output -json\n"
            + json.dumps({n.snake: {"sensitive": False, "type": "string", "value": v}}, indent=2),
            f"$ terraform console\n> var.{n.snake}\n{dq(v)}",
            f'# {ident(n)}_credential.main:\nresource "{ident(n)}_credential" "main" {{\n    id         = "cred-{hexid(8)}"\n    {n.tail.snake} = {dq(v)}\n    name       = "ci"\n}}',
            f'  # {ident(n)}_webhook.deploy will be created\n  + resource "{ident(n)}_webhook" "deploy" {{\n      + id       = (known after apply)\n      + {n.tail.snake} = {dq(v)}\n      + url      = "https://ci.example.com/hook"\n    }}',
        ),
    )


def c_ci_log(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"##[group]Run ./scripts/deploy.sh\n./scripts/deploy.sh\nshell: /usr/bin/bash -e {{0}}\nenv:\n  {n.env}: {v}\n  NODE_VERSION: 20\n##[endgroup]",
            f'section_start:1765101600:step_script\r\x1b[0KExecuting "step_script" stage of the job script\x1b[0;m\n$ ./deploy --{n.tail.kebab}={shq(v)} --env production\nDeploying {svc(r)}...',
            f"[Pipeline] sh\n+ ./gradlew publish -P{n.tail.camel}={shq(v)}\n> Task :publish",
            f"========================== Starting Command Output ===========================\n/usr/bin/bash --noprofile --norc /home/vsts/work/_temp/6f1c.sh\n{n.env}={v}\nFinishing: Run script",
        ),
    )


def c_http_dump(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"POST /v1/sessions HTTP/1.1\nAccept: application/json, */*;q=0.5\nAuthorization: Bearer {v}\nContent-Length: 2\nContent-Type: application/json\nHost: {host(r)}\nUser-Agent: HTTPie/3.2.2\n\n{{}}\n\nHTTP/1.1 201 Created\nContent-Type: application/json",
            f"127.0.0.1:52314: GET https://{host(r)}/v1/me\n    Host: {host(r)}\n    X-{n.tail.pascal}: {v}\n    Accept: */*\n << 200 OK 512b",
            f">>> r.request.headers\n{{'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', 'Accept': '*/*', 'Connection': 'keep-alive', 'Authorization': {pyr('Bearer ' + v)}}}",
            f"GET /api/v2/items?limit=20 HTTP/1.1\r\nHost: {host(r)}\r\n{n.tail.pascal}: {v}\r\nConnection: close\r\n\r\n",
        ),
    )


def c_tb_locals(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'Traceback (most recent call last):\n  File "sync.py", line 41, in <module>\n    client.login({n.snake})\n    │            └ {pyr(v)}\n    └ <{ident(n)}.Client object at 0x7f3a2c1d9e50>\n{ident(n)}.errors.AuthError: 401 Unauthorized',
            f"File sync.py, line 41, in main\n    39       {n.snake} = load_{n.tail.snake}()\n--> 41       client.login({n.snake})\n    ..................................................\n     {n.snake} = {pyr(v)}\n     client = <Client https://{host(r)}>\n    ..................................................",
            f"Local vars:\nVariable      Value\nrequest       <WSGIRequest: POST '/sync'>\n{n.snake}     {pyr(v)}\nself          <{cls(n)}SyncView object at 0x7f3a2c1d9e50>",
        ),
    )


def c_sql_out(r, pairs):
    n, v = pairs[-1]
    w = max(len(v), len(n.snake))
    if "|" in v or "\n" in v:
        return f"sqlite> .mode line\nsqlite> SELECT provider, {n.snake} FROM credentials;\n provider = {svc(r)}\n{n.snake} = {v}"  # noqa: S608
    return RNG.choice(
        (
            f" id | provider | {n.snake.ljust(w)}\n----+----------+-{'-' * w}\n  1 | {svc(r)} | {v.ljust(w)}\n(1 row)\n",
            f"-[ RECORD 1 ]-{'-' * 20}\nid       | 1\nprovider | {svc(r)}\n{n.snake} | {v}\n",
            f"+----+{'-' * (w + 2)}+\n| id | {n.snake.ljust(w)} |\n+----+{'-' * (w + 2)}+\n|  1 | {v.ljust(w)} |\n+----+{'-' * (w + 2)}+\n1 row in set (0.00 sec)",
            f"*************************** 1. row ***************************\n      id: 1\nprovider: {svc(r)}\n{n.snake}: {v}\n1 row in set (0.01 sec)",
        )
    )


def c_powershell_out(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"PS C:\\> Set-Secret -Name {n.env} -Secret {psq(v)} -Vault LocalStore",
            f"PS C:\\> $cred = [pscredential]::new('{user_of(pairs)}', ({psq(v)} | ConvertTo-SecureString -AsPlainText -Force))",
            f"PS C:\\> Get-Secret -Name {n.env} -AsPlainText\n{v}",
        ),
        bare=(
            f"PS C:\\> Get-ChildItem Env:{n.env}\n\nName                           Value\n----                           -----\n{n.env.ljust(30)} {v}\n",
        ),
    )


def c_windows_cmd(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(f'@echo off\r\nset "{n.env}={v}"\r\ncall deploy.cmd %*\r\n',),
        bare=(
            f"C:\\> reg query HKCU\\Software\\{cls(n)}\n\nHKEY_CURRENT_USER\\Software\\{cls(n)}\n    Endpoint    REG_SZ    https://{host(r)}\n    {n.tail.pascal}    REG_SZ    {v}\n",
            f'C:\\app> cmd /c "set {n.env}={v}&& {svc(r)}.exe sync"',
        ),
    )


def c_nix_cfg(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"  environment.variables.{n.env} = {nq(v)};",
            f"  services.{ident(n).replace('_', '-')}.settings = {{\n    {n.snake} = {nq(v)};\n    port = 8080;\n  }};",
            f'  systemd.services.{svc(r)}.environment = {{\n    {n.env} = {nq(v)};\n    RUST_LOG = "info";\n  }};',
            f"$ nix eval .#nixosConfigurations.web.config.services.{svc(r)}.settings.{n.snake}\n{nq(v)}",
            f'  home.sessionVariables = {{ EDITOR = "nvim"; {n.env} = {nq(v)}; }};',
        ),
    )


def c_toml_cfg(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"[{svc(r)}]\nauth = {{ user = {dq(user_of(pairs))}, {n.tail.snake} = {dq(v)} }}\n",
            f'[[{ident(n)}.accounts]]\nname = "ci"\n{n.tail.snake} = {dq(v)}\n',
            f'{ident(n)}.{n.tail.snake} = {dq(v)}\n{ident(n)}.endpoint = "https://{host(r)}"\n',
        ),
        line=(f"[{svc(r)}]\n{n.tail.snake} = '{v}'\n",) if "'" not in v else (),
    )


def c_gradle_kts(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'repositories {{\n    maven {{\n        url = uri("https://{host(r)}/maven")\n        credentials {{\n            username = "{user_of(pairs)}"\n            password = {dq(v)}\n        }}\n    }}\n}}',
            f"$ ./gradlew publish -P{ident(n)}.{n.tail.camel}={shq(v)}",
            f'extra["{n.camel}"] = {dq(v)}',
        ),
        bare=(f"ORG_GRADLE_PROJECT_{n.camel}={v} ./gradlew assembleRelease",),
    )


def c_scripts(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'ngx.req.set_header("Authorization", "Bearer " .. {dq(v)})',
            f"$ua->default_header('X-{n.tail.pascal}' => {sq(v)});",
            f'res <- httr::GET(url, httr::add_headers(Authorization = paste("Bearer", {dq(v)})))',
            f'request.setValue("Bearer {v}", forHTTPHeaderField: "Authorization")',
        ),
        bare=(f"# ~/.Renviron\n{n.env}={v}\nR_LIBS_USER=~/R/library",),
    )


def c_ruby_elixir(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"{cls(n)}.configure do |c|\n  c.{n.tail.snake} = {dq(v)}\n  c.timeout = 10\nend",
            f"ENV[{dq(n.env)}] ||= {dq(v)}",
            f'req = Req.new(base_url: "https://{host(r)}", auth: {{:bearer, {dq(v)}}})',
            f'plug Tesla.Middleware.Headers, [{{"authorization", "token {v}"}}]',
        ),
        bare=(f"$ bundle config set --global {host(r)} {user_of(pairs)}:{v}",),
    )


def c_kv_out(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ aws ssm get-parameter --name /{svc(r)}/{n.tail.kebab} --with-decryption\n"
            + json.dumps(
                {
                    "Parameter": {
                        "Name": f"/{svc(r)}/{n.tail.kebab}",
                        "Type": "SecureString",
                        "Value": v,
                        "Version": 3,
                    }
                },
                indent=4,
            ),
            f"$ az keyvault secret show --vault-name kv-{svc(r)} -n {n.tail.kebab} -o json\n"
            + json.dumps(
                {
                    "attributes": {"enabled": True},
                    "id": f"https://kv-{svc(r)}.vault.azure.net/secrets/{n.tail.kebab}/{hexid(32)}",
                    "name": n.tail.kebab,
                    "value": v,
                },
                indent=2,
            ),
        ),
        bare=(
            f"$ etcdctl get /config/{svc(r)}/{n.tail.snake}\n/config/{svc(r)}/{n.tail.snake}\n{v}",
            f"$ consul kv get -detailed config/{svc(r)}/{n.tail.snake}\nCreateIndex      112\nFlags            0\nKey              config/{svc(r)}/{n.tail.snake}\nLockIndex        0\nModifyIndex      118\nSession          -\nValue            {v}",
        ),
    )


def c_nomad_hcl(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(f'      env {{\n        {n.env} = {dq(v)}\n        LOG_LEVEL = "info"\n      }}',),
        line=(
            f'      template {{\n        data        = <<EOH\n{n.env}={v}\nEOH\n        destination = "secrets/app.env"\n        env         = true\n      }}',
        ),
        bare=(f"$ nomad var put nomad/jobs/{svc(r)} {n.snake}={v}",),
    )


CONTEXTS = {
    "py_repr": c_py_repr,
    "py_pprint": c_py_pprint,
    "ruby_inspect": c_ruby_inspect,
    "elixir_inspect": c_elixir_inspect,
    "rust_debug": c_rust_debug,
    "go_printf": c_go_printf,
    "java_tostring": c_java_tostring,
    "php_dump": c_php_dump,
    "node_inspect": c_node_inspect,
    "dotnet_dump": c_dotnet_dump,
    "dumper": c_dumper,
    "xtrace": c_xtrace,
    "env_listing": c_env_listing,
    "docker_out": c_docker_out,
    "kubectl_out": c_kubectl_out,
    "helm_values": c_helm_values,
    "tf_out": c_tf_out,
    "ci_log": c_ci_log,
    "http_dump": c_http_dump,
    "tb_locals": c_tb_locals,
    "sql_out": c_sql_out,
    "powershell_out": c_powershell_out,
    "windows_cmd": c_windows_cmd,
    "nix_cfg": c_nix_cfg,
    "toml_cfg": c_toml_cfg,
    "gradle_kts": c_gradle_kts,
    "scripts": c_scripts,
    "ruby_elixir": c_ruby_elixir,
    "kv_out": c_kv_out,
    "nomad_hcl": c_nomad_hcl,
}
# Contexts that hold a multi-line value (every form escapes it).
BLOCK = {
    "py_repr", "py_pprint", "ruby_inspect", "elixir_inspect", "rust_debug", "go_printf",
    "node_inspect", "tb_locals", "tf_out", "nix_cfg", "toml_cfg",
}  # fmt: skip
# Contexts whose every form needs a bare word.
ONLY_BARE: set[str] = set()


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in BLOCK
    if context in ONLY_BARE:
        return ok_bare(v)
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "print_r_list": lambda s: (
        "Array\n(\n"
        + "\n".join(f"    [{i}] => {ln}" for i, ln in enumerate(s.splitlines()))
        + "\n)"
    ),
    "py_repr_finding": lambda s: (
        f"[Finding(path='tests/fixtures/fp.txt', lineno=3, text={pyr(s)}, verdict='false_positive')]"
    ),
    "xtrace_echo": lambda s: "\n".join(f"+ echo {shq(ln)}\n{ln}" for ln in s.splitlines()),
    "gha_log": lambda s: each("2026-12-07T10:00:01.1234567Z {}", s),
    "psql_note": lambda s: (
        " id | note\n----+------\n"
        + "\n".join(f" {i:>2} | {ln}" for i, ln in enumerate(s.splitlines(), 1))
        + f"\n({len(s.splitlines())} rows)"
    ),
    "dumper_list": lambda s: (
        "$VAR1 = [\n" + "\n".join(f"          {sq(ln)}," for ln in s.splitlines()) + "\n        ];"
    ),
    "nix_comment": lambda s: (
        "{ pkgs, ... }:\n{\n"
        + each("  # {}", s)
        + "\n  environment.systemPackages = [ pkgs.gitleaks ];\n}"
    ),
    "ps_write_host": lambda s: each("Write-Host {}", "\n".join(psq(ln) for ln in s.splitlines())),
    "rust_dbg_line": lambda s: "\n".join(
        f"[src/lint.rs:88:9] line = {dq(ln)}" for ln in s.splitlines()
    ),
    "kubectl_logs": lambda s: (
        "$ kubectl logs job/lint --prefix\n" + each("[pod/lint-x7k2p/lint] {}", s)
    ),
}


# ---------------------------------------------------------------- look-alikes
def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign dumps whose values look like credentials by shape only."""
    out = []
    kinds = 15
    for i in range(150):
        seed = f"c32-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        sri = base64.b64encode(hashlib.sha256(seed + b"2").digest()).decode()
        kind = i % kinds
        if kind == 0:
            t = (
                f'  # aws_db_instance.main will be updated in-place\n  ~ resource "aws_db_instance" "main" {{\n'
                f'        id       = "db-{h1[:26].upper()}"\n      ~ password = (sensitive value)\n'
                f'      ~ engine_version = "15.{i % 9}" -> "16.{i % 5}"\n      + etag     = "{md5}"\n'
                f"      + arn      = (known after apply)\n    }}"
            )
            out.append(("tf-plan-masked", t))
        elif kind == 1:
            t = f"Settings(api_key=SecretStr('**********'), commit_sha='{h1}', request_id=UUID('{u}'), version='{ver}')"
            out.append(("py-repr-secretstr", t))
        elif kind == 2:
            t = json.dumps(
                {
                    "Id": h256,
                    "Image": f"sha256:{hashlib.sha256(seed + b'i').hexdigest()}",
                    "Config": {
                        "Env": [
                            "PATH=/usr/local/bin:/usr/bin",
                            f"GIT_SHA={h1}",
                            f"APP_VERSION={ver}",
                        ]
                    },
                },
                indent=2,
            )
            out.append(("docker-inspect-ids", t))
        elif kind == 3:
            t = (
                f"$ kubectl describe secret {['api', 'db', 'web', 'worker'][i % 4]}-creds\nName:         api-creds\n"
                f"Namespace:    apps\nLabels:       app.kubernetes.io/instance=api\nAnnotations:  checksum/config: {h256}\n\n"
                f"Type:  Opaque\n\nData\n====\ntoken:     {40 + i % 24} bytes\nca.crt:    1066 bytes\n"
            )
            out.append(("kubectl-describe-secret", t))
        elif kind == 4:
            t = (
                "##[group]Run ./scripts/deploy.sh\n./scripts/deploy.sh\nshell: /usr/bin/bash -e {0}\nenv:\n"
                f"  API_TOKEN: ***\n  GITHUB_SHA: {h1}\n  RUN_ID: {9_000_000_000 + i * 7919}\n##[endgroup]"
            )
            out.append(("gha-env-masked", t))
        elif kind == 5:
            t = (
                " sha                                      | author | pushed_at\n"
                "------------------------------------------+--------+---------------------\n"
                f" {h1} | mira   | 2026-12-0{1 + i % 6} 10:00:00\n"
                f" {hashlib.sha1(seed + b'p', usedforsecurity=False).hexdigest()} | jon    | 2026-11-30 18:21:07\n(2 rows)\n"
            )
            out.append(("psql-shas", t))
        elif kind == 6:
            query = "mysql> SELECT id, uuid FROM jobs LIMIT 1;\n"
            t = (
                f"+--------------+------------+\n| Table        | Checksum   |\n+--------------+------------+\n"
                f"| app.sessions | {int(md5[:8], 16):<10} |\n+--------------+------------+\n1 row in set (0.02 sec)\n"
                + query
                + "+----+--------------------------------------+\n| id | uuid                                 |\n"
                f"+----+--------------------------------------+\n| {i:>2} | {u} |\n+----+--------------------------------------+"
            )
            out.append(("mysql-ids", t))
        elif kind == 7:
            t = f"2026/12/07 10:00:00 artifact: {{ID:{u} Digest:sha256:{h256} Version:v{ver} Size:{1000 + i}}}"
            out.append(("go-printf-digest", t))
        elif kind == 8:
            t = f"Artifact[groupId=com.example, artifactId=core, version={ver}, sha1={h1}, md5={md5}]"
            out.append(("java-tostring-hashes", t))
        elif kind == 9:
            t = (
                f'Processing by SessionsController#create as JSON\n  Parameters: {{"api_key"=>"[FILTERED]", "request_id"=>"{u}"}}\n'
                f'=> #<Build id: {i + 100}, sha: "{h1}", token: nil, created_at: "2026-12-07 10:00:00">'
            )
            out.append(("ruby-filtered", t))
        elif kind == 10:
            t = (
                f'  src = fetchFromGitHub {{\n    owner = "example";\n    repo = "tool";\n    rev = "{h1}";\n'
                f'    hash = "sha256-{sri}";\n  }};\n  vendorHash = "sha256-{base64.b64encode(hashlib.sha256(seed + b"v").digest()).decode()}";'
            )
            out.append(("nix-fetch-hashes", t))
        elif kind == 11:
            t = (
                f"PS C:\\> Get-FileHash .\\setup-{ver}.exe\n\nAlgorithm       Hash                                                                   Path\n"
                f"---------       ----                                                                   ----\nSHA256          {h256.upper()}       C:\\dl\\setup-{ver}.exe\n"
            )
            out.append(("ps-filehash", t))
        elif kind == 12:
            t = (
                f"$ env | sort\nAPI_KEY=<your-api-key>\nHOSTNAME={h1[:12]}\nINVOCATION_ID={md5}\nSTRIPE_SECRET_KEY=${{STRIPE_SECRET_KEY}}\n"
                f"TOKEN=changeme\nVERSION={ver}"
            )
            out.append(("env-placeholders", t))
        elif kind == 13:
            t = (
                f'HTTP/1.1 200 OK\nContent-Type: application/json\nETag: "{md5}"\nX-Request-Id: {u}\n'
                f"X-Amz-Cf-Id: {base64.urlsafe_b64encode(hashlib.sha256(seed + b'cf').digest()[:42]).decode()}\n\n"
                f'{{"authorization": "Bearer ****", "id": "{u}"}}'
            )
            out.append(("http-response-ids", t))
        else:
            t = f'Release {{\n    version: "{ver}",\n    commit: "{h1}",\n    checksum: "{h256}",\n    token: None,\n}}'
            out.append(("rust-debug-release", t))
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
    ):
        if form in text:
            return form
    return v


def emit(rows, family, source, rule, context_rule, value, pairs_extra, also, label):
    pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
    for context in RNG.sample(pool, 2):
        pairs = [(n, w) for n, w in pairs_extra]
        pairs.append((secret_name(context_rule), value))
        text = CONTEXTS[context](context_rule, pairs)
        secret = as_written(value, text)
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
