"""Build telemetry27: the scanners' fixtures in the shapes an AI coordinator's telemetry has.

``python bench/telemetry27/make.py`` reads bench/fixtures24/samples.json and writes
secrets.jsonl and benign.jsonl (seed 27027). Every true-positive value that fixtures24's make.py
does not label (placeholder, not-a-credential) goes into 2 of the 25 CONTEXTS below (tool-call
arguments as JSON-escaped strings, Python reprs, logfmt, env dumps, ``set -x`` traces, docker /
kubectl / terraform / CLI output, URLs with credentials, HTTP error bodies and debug dumps,
tracebacks with locals, panics, an assistant's markdown, prose in six languages, long events).
Benign rows: the unlabelled false-positive fixtures in frames of the same kinds, and look-alikes
of our own (ids, digests, SHAs, trace ids, base64 of ordinary data, versions, store paths).
Row format as fixtures24 (family, context, text, secret, source, also, rule, kind).
"""

# ruff: noqa: RUF001, S324  (the prose is meant to hold non-ASCII punctuation; md5 makes data)
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import random
import shlex
import string
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "fixtures24_make", HERE.parent / "fixtures24" / "make.py"
)
f24 = importlib.util.module_from_spec(_SPEC)  # fixtures24's value extraction and labels
_SPEC.loader.exec_module(f24)

RNG = random.Random(27027)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B32 = "0123456789abcdfghijklmnpqrsvwxyz"  # Nix store base32

KEYWORDS = ["api_key", "token", "secret", "access_token", "api_token", "secret_key", "key"]


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def ts() -> str:
    return f"2026-12-0{RNG.randint(1, 5)}T{RNG.randint(0, 23):02d}:{RNG.randint(0, 59):02d}:{RNG.randint(0, 59):02d}.{RNG.randint(0, 999):03d}Z"


def vend(rule: str) -> str:
    return f24.vendor(rule)


def env(rule: str) -> str:
    return f"{vend(rule).upper()}_{RNG.choice(['API_KEY', 'TOKEN', 'SECRET', 'API_TOKEN', 'ACCESS_TOKEN', 'SECRET_KEY'])}"


def snake(rule: str) -> str:
    return RNG.choice(KEYWORDS)


def host(rule: str) -> str:
    return vend(rule).replace("_", "") + ".example.com"


def url_safe(v: str) -> bool:
    return all(c in ALNUM + "-._~" for c in v)


def one_line(v: str) -> bool:
    return "\n" not in v and "\r" not in v


# ---- ordinary telemetry lines (for env dumps and long events) -------------------------------

ORDINARY_ENV = [
    "HOME=/root",
    "LANG=C.UTF-8",
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "PWD=/srv/coordinator",
    "SHELL=/bin/bash",
    "SHLVL=1",
    "TERM=xterm-256color",
    "TZ=UTC",
    "PYTHONUNBUFFERED=1",
    "OLLAMA_HOST=http://ollama:11434",
    "MODEL_NAME=llama3.1:8b-instruct-q4_K_M",
    "LOG_LEVEL=info",
    "MAX_WORKERS=4",
    "XDG_CACHE_HOME=/var/cache/coordinator",
]


def ordinary_log_line() -> str:
    kind = RNG.randrange(8)
    t = ts()
    if kind == 0:
        return f"{t} INFO  coordinator.router: routed query to model=llama3.1:8b latency_ms={RNG.randint(80, 4000)} tokens_in={RNG.randint(10, 3000)} tokens_out={RNG.randint(5, 900)}"
    if kind == 1:
        return f"{t} DEBUG coordinator.tools: tool=read_file path=/srv/workspace/src/module_{RNG.randint(1, 99)}.py bytes={RNG.randint(100, 90000)}"
    if kind == 2:
        return f'{t} INFO  uvicorn.access: worker-3 - "POST /v1/chat/completions HTTP/1.1" 200'
    if kind == 3:
        return f"{t} WARN  coordinator.memory: context window at {RNG.randint(60, 99)}% (n_ctx=8192), summarizing {RNG.randint(2, 40)} turns"
    if kind == 4:
        return f"{t} INFO  coordinator.plan: step {RNG.randint(1, 12)}/12 done: ran tests, {RNG.randint(0, 300)} passed, 0 failed"
    if kind == 5:
        return f'{t} DEBUG httpx: HTTP Request: GET http://ollama:11434/api/tags "HTTP/1.1 200 OK"'
    if kind == 6:
        return f"{t} INFO  coordinator.embed: indexed {RNG.randint(1, 500)} chunks into collection=docs dim=768"
    return f"{t} DEBUG coordinator.cache: hit ratio {RNG.random():.3f} over {RNG.randint(100, 10000)} lookups"


def long_around(middle: str) -> str:
    size = RNG.randint(5000, 30000)
    before, after = [], []
    n = 0
    while n < size // 2:
        line = ordinary_log_line()
        before.append(line)
        n += len(line) + 1
    while n < size:
        line = ordinary_log_line()
        after.append(line)
        n += len(line) + 1
    return "\n".join([*before, middle, *after])


# ---- secret contexts: (rule, value, extras [(NAME, value)]) -> text ----------------------------


def c_tool_args(r, v, x):
    """A tool call whose arguments are a JSON-encoded string (OpenAI function-calling style)."""
    h = host(r)
    headers = {RNG.choice(["X-Api-Key", "Authorization", "X-Auth-Token"]): v}
    if "Authorization" in headers:
        headers = {"Authorization": f"Bearer {v}"}
    args: dict = RNG.choice(
        [
            {"method": "GET", "url": f"https://api.{h}/v1/items", "headers": headers},
            {"command": "deploy --region eu-west-1", "env": {env(r): v}},
            {"provider": vend(r), "config": {snake(r): v, "timeout": 30}},
        ]
    )
    for k, w in x:
        args.setdefault("extra", {})[k.lower()] = w
    call = {
        "id": "call_" + rand(ALNUM, 24),
        "type": "function",
        "function": {
            "name": RNG.choice(["http_request", "run_tool", "configure_provider"]),
            "arguments": json.dumps(args),
        },
    }
    return json.dumps({"ts": ts(), "event": "tool_call", "tool_call": call})


def c_tool_double(r, v, x):
    """A tool message inside a trace record inside a JSON log line: escaped twice."""
    inner = {
        "role": "tool",
        "name": "shell",
        "content": json.dumps({"stdout": "", "env": {env(r): v, **dict(x)}, "exit_code": 1}),
    }
    record = {"span": "agent.step", "input": json.dumps({"messages": [inner]})}
    return f"{ts()} ERROR tracer: export failed, dropping span: " + json.dumps(record)


def c_tool_stdout(r, v, x):
    """A tool result that printed a file: newlines escaped inside the JSON string."""
    name = env(r)
    body = "".join(f"{k}={w}\n" for k, w in x) + f"DEBUG=false\n{name}={v}\nPORT=8080\n"
    cmd = RNG.choice(["cat .env", "printenv", "cat /run/secrets/app.env", "grep -r KEY .env*"])
    return json.dumps(
        {
            "type": "tool_result",
            "tool_call_id": "call_" + rand(ALNUM, 24),
            "content": json.dumps({"cmd": cmd, "stdout": body, "stderr": "", "returncode": 0}),
        }
    )


def c_pyrepr(r, v, x):
    extra = "".join(f", {k.lower()}={w!r}" for k, w in x)
    cls = vend(r).title().replace("_", "")
    return RNG.choice(
        [
            f"{ts()} DEBUG coordinator.tools: call({snake(r)}={v!r}, retries=3{extra})",
            f"{ts()} WARNING provider config rejected: {{'provider': '{vend(r)}', '{snake(r)}': {v!r}, 'timeout': 30{''.join(f', {k.lower()!r}: {w!r}' for k, w in x)}}}",
            f"{ts()} ERROR {cls}Client.__init__ failed: Request(method='GET', url='https://api.{host(r)}/v1/me', headers={{'Authorization': {('Bearer ' + v)!r}}}){extra}",
        ]
    )


def c_logfmt(r, v, x):
    q = v if all(c not in v for c in ' "=') else json.dumps(v)
    extra = "".join(f" {k.lower()}={w}" for k, w in x)
    return RNG.choice(
        [
            f'ts={ts()} level=error msg="auth failed" {snake(r)}={q} provider={vend(r)} attempt=2{extra}',
            f'time="{ts()}" level=warning msg="retrying request" caller=client.go:118 {vend(r)}.{snake(r)}={q}{extra} backoff=2s',
        ]
    )


def c_structlog(r, v, x):
    k = RNG.choice(["authorization", "x-api-key"])
    val = f"Bearer {v}" if k == "authorization" else v
    form = RNG.randrange(3)
    if form == 0:
        rec = {
            "timestamp": ts(),
            "level": "error",
            "event": "upstream_error",
            "http": {
                "request": {"method": "POST", "headers": {k: val}},
                "response": {"status": 401},
            },
        }
    elif form == 1:
        rec = {
            "resource": {"service.name": "coordinator"},
            "name": "POST /v1/embeddings",
            "attributes": {f"http.request.header.{k}": [val], "http.response.status_code": 403},
        }
    else:
        rec = {
            "ts": ts(),
            "lvl": "debug",
            "msg": "provider settings",
            "settings": {"providers": [{"name": vend(r), "credentials": {snake(r): v}}]},
        }
    if x:
        rec["extra"] = {kk.lower(): w for kk, w in x}
    return json.dumps(rec)


def c_envdump(r, v, x):
    lines = (
        ORDINARY_ENV + [f"{k}={w}" for k, w in x] + [f"{env(r)}={v}", f"HOSTNAME={rand(HEX, 12)}"]
    )
    head = RNG.choice(["$ env | sort", "$ printenv", "+ env"])
    return head + "\n" + "\n".join(sorted(lines))


def c_setx(r, v, x):
    n = env(r)
    h = host(r)
    extra = "".join(f"+ export {k}={shlex.quote(w)}\n" for k, w in x)
    return extra + RNG.choice(
        [
            f"+ curl -sf -H {shlex.quote('Authorization: Bearer ' + v)} https://api.{h}/v1/health\ncurl: (22) The requested URL returned error: 401",
            f"+ export {n}={shlex.quote(v)}\n+ python -m coordinator.worker --once\nTraceback (most recent call last):",
            f"++ vault kv get -field={snake(r)} secret/{vend(r)}\n+ {n}={shlex.quote(v)}\n+ ./bin/sync",
            f"+ docker login -u deploy -p {shlex.quote(v)} registry.{h}\nError response from daemon: unauthorized",
        ]
    )


def c_docker_inspect(r, v, x):
    envs = (
        ["PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8"]
        + [f"{k}={w}" for k, w in x]
        + [f"{env(r)}={v}", "PYTHON_VERSION=3.12.7"]
    )
    body = [
        {
            "Id": rand(HEX, 64),
            "Name": "/coordinator-worker-1",
            "Config": {"Image": "registry.local/coordinator:1.4.2", "Env": envs},
        }
    ]
    return "$ docker inspect coordinator-worker-1\n" + json.dumps(body, indent=4)


def c_k8s(r, v, x):
    name = vend(r).replace("_", "-") + "-creds"
    key = RNG.choice(["api-key", "token", "secret"])
    if RNG.random() < 0.6 or not one_line(v):
        b = base64.b64encode(v.encode()).decode()
        data = "".join(
            f"  {k.lower().replace('_', '-')}: {base64.b64encode(w.encode()).decode()}\n"
            for k, w in x
        )
        text = (
            f"$ kubectl get secret {name} -o yaml\napiVersion: v1\ndata:\n  {key}: {b}\n{data}kind: Secret\n"
            f'metadata:\n  creationTimestamp: "2026-11-02T09:14:55Z"\n  name: {name}\n  namespace: agents\n'
            f'  resourceVersion: "{RNG.randint(10000, 999999)}"\n  uid: {uuid.UUID(int=RNG.getrandbits(128))}\ntype: Opaque'
        )
        return text, b, [base64.b64encode(w.encode()).decode() for k, w in x]
    return f"$ kubectl get secret {name} -o jsonpath='{{.data.{key}}}' | base64 -d\n{v}\n$ "


def c_terraform(r, v, x):
    n = env(r)
    if RNG.random() < 0.5:
        extra = "".join(f'          + "{k}" = "{w}"\n' for k, w in x)
        return (
            f'  # aws_lambda_function.coordinator will be updated in-place\n  ~ resource "aws_lambda_function" "coordinator" {{\n'
            f'        id = "coordinator"\n      ~ environment {{\n          ~ variables = {{\n{extra}'
            f'          + "{n}" = "{v}"\n              "LOG_LEVEL" = "info"\n            }}\n        }}\n    }}\n\nPlan: 0 to add, 1 to change, 0 to destroy.'
        )
    return (
        f"│ Error: error configuring Terraform {vend(r)} Provider: 401 Unauthorized\n│\n"
        f'│   with provider["registry.terraform.io/hashicorp/{vend(r)}"],\n│   on main.tf line 12, in provider "{vend(r)}":\n'
        f'│   12:   {snake(r)} = "{v}"'
    )


def c_cli_status(r, v, x):
    form = RNG.randrange(3)
    if form == 0:
        return (
            "$ gh auth status --show-token\ngithub.com\n  ✓ Logged in to github.com account deploy-bot (keyring)\n"
            f"  - Active account: true\n  - Git operations protocol: https\n  - Token: {v}\n  - Token scopes: 'gist', 'read:org', 'repo'"
        )
    if form == 1:
        return f"$ aws configure get {RNG.choice(['aws_secret_access_key', 'aws_session_token'])} --profile {vend(r)}\n{v}"
    return (
        f"$ {vend(r).replace('_', '-')} auth:token\n ›   Warning: token will expire in 29 days\n{v}"
    )


def c_git_url(r, v, x):
    repo = f"{vend(r).replace('_', '-')}/coordinator.git"
    form = RNG.randrange(3)
    if form == 0:
        return f"$ git remote -v\norigin\thttps://x-access-token:{v}@github.com/{repo} (fetch)\norigin\thttps://x-access-token:{v}@github.com/{repo} (push)"
    if form == 1:
        return f"fatal: unable to access 'https://oauth2:{v}@gitlab.com/{repo}/': The requested URL returned error: 403"
    return f"Cloning into 'coordinator'...\nremote: Invalid username or password.\nfatal: Authentication failed for 'https://deploy:{v}@git.{host(r)}/{repo}/'"


def c_registry_url(r, v, x):
    form = RNG.randrange(3)
    if form == 0:
        return f"Looking in indexes: https://__token__:{v}@pypi.{host(r)}/simple\nERROR: Could not find a version that satisfies the requirement coordinator-tools==0.9.1"
    if form == 1:
        return f"    Updating `https://ci:{v}@crates.{host(r)}/git/index` index\nerror: failed to get `serde` as a dependency of package `coordinator v0.3.0`"
    return (
        f"npm ERR! 401 Unauthorized - GET https://npm.{host(r)}/@coordinator%2fsdk?_authToken={v}"
    )


def c_http_error(r, v, x):
    form = RNG.randrange(3)
    if form == 0:
        body = {
            "error": {
                "message": f"Incorrect API key provided: {v}. You can find your API key at https://{host(r)}/account/api-keys.",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        }
        return f"openai.AuthenticationError: Error code: 401 - {body!r}"
    if form == 1:
        return f'HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{{"detail":"token {json.dumps(v)[1:-1]} is not valid for this resource","status":403}}'
    return f"{ts()} ERROR provider {vend(r)}: 401 Unauthorized: invalid key '{v}'"


def c_http_debug(r, v, x):
    h = host(r)
    form = RNG.randrange(3)
    if form == 0:
        raw = f"GET /v1/models HTTP/1.1\r\nHost: api.{h}\r\nUser-Agent: python-requests/2.32.3\r\nAuthorization: Bearer {v}\r\nAccept: */*\r\n\r\n"
        return f"send: {raw.encode()!r}\nreply: 'HTTP/1.1 401 Unauthorized\\r\\n'"
    if form == 1:
        return f"* Connected to api.{h} port 443\n> GET /v2/status HTTP/2\n> Host: api.{h}\n> user-agent: curl/8.5.0\n> x-api-key: {v}\n> accept: */*\n>\n< HTTP/2 403"
    return f"{ts()} DEBUG httpcore.http11: send_request_headers.started request=<Request [b'POST']> headers=[(b'Host', b'api.{h}'), (b'Authorization', {('Bearer ' + v).encode()!r})]"


def c_py_locals(r, v, x):
    name = snake(r)
    if RNG.random() < 0.5:
        extra = "".join(f"\n{k.lower():<10} = {w!r}" for k, w in x)
        return (
            f"    def test_{vend(r)}_auth():\n        client = Client({name}={name})\n>       assert client.ping()\nE       AssertionError: assert False\n\n"
            f"client     = <coordinator.providers.Client object at 0x7f3a2c1d9e50>\n{name:<10} = {v!r}{extra}\n\ntests/test_providers.py:41: AssertionError"
        )
    extra = "".join(f"│ {k.lower():>12} = {w!r}\n" for k, w in x)
    return (
        "╭───────────────────── Traceback (most recent call last) ─────────────────────╮\n"
        "│ /srv/coordinator/providers.py:88 in connect                                  │\n"
        "│                                                                              │\n"
        f"│ ╭──────────────── locals ────────────────╮                                   │\n"
        f"│ {name:>12} = {v!r}\n{extra}│      retries = 3\n"
        "╰──────────────────────────────────────────────────────────────────────────────╯\n"
        "PermissionError: upstream refused the credentials"
    )


def c_panic(r, v, x):
    form = RNG.randrange(3)
    if form == 0:
        return f'panic: auth: invalid credentials for key "{v}"\n\ngoroutine 1 [running]:\nmain.mustConnect(...)\n\t/src/cmd/worker/main.go:57 +0x1c5\nexit status 2'
    if form == 1:
        extra = "".join(f", {k.lower()}: {json.dumps(w)}" for k, w in x)
        return f"thread 'main' panicked at src/config.rs:42:10:\ncalled `Result::unwrap()` on an `Err` value: Unauthorized(Config {{ {snake(r)}: {json.dumps(v)}{extra}, retries: 3 }})\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
    return f"Error: provider rejected request\n\nCaused by:\n    0: POST https://api.{host(r)}/v1/run\n    1: header x-api-key={v} rejected (401)"


def c_md_answer(r, v, x):
    word = vend(r).replace("_", " ").title()
    n = env(r)
    if not one_line(v):
        return f"Here is the key file you pasted, cleaned up:\n\n```\n{v}\n```\n\nSave it as `~/.ssh/id_deploy` and run `chmod 600` on it."
    form = RNG.randrange(4)
    extra = "".join(f"- **{k}**: `{w}`\n" for k, w in x)
    if form == 0:
        return f"Sure! To configure {word}:\n\n1. Open the settings page.\n2. Create a new key.\n3. Paste your key `{v}` into `config.toml` under `[{vend(r)}]`.\n4. Restart the coordinator."
    if form == 1:
        return f"The request fails because of the header. Your current settings are:\n\n- **Provider**: {word}\n- **API key**: `{v}`\n{extra}- **Region**: eu-west-1\n\nTry regenerating the key."
    if form == 2:
        return (
            f"| Variable | Value |\n|---|---|\n| `{n}` | `{v}` |\n"
            + "".join(f"| `{k}` | `{w}` |\n" for k, w in x)
            + "| `LOG_LEVEL` | `debug` |"
        )
    return f"I found the problem: **{v}** is the token you set in `{n}`, and it was revoked. Generate a new one in the {word} dashboard."


def c_i18n_latin(r, v, x):
    word = vend(r).replace("_", " ")
    return RNG.choice(
        [
            f"Hallo, mein API-Schlüssel für {word} lautet {v} – warum bekomme ich trotzdem 401?",
            f"Bonjour, ma clé d'API {word} est {v} mais l'appel échoue toujours.",
            f"Hola, mi clave de API de {word} es {v} y sigue sin funcionar.",
            f"Das Token ({word}) ist: {v}. Bitte prüfen.",
            f"Voici le jeton : « {v} », il a expiré hier.",
        ]
    )


def c_i18n_other(r, v, x):
    word = vend(r).replace("_", " ")
    return RNG.choice(
        [
            f"{word}のAPIキーは {v} です。認証エラーになります。",
            f"APIキー：{v}（{word}）",
            f"我的{word} API密钥是{v}，为什么一直返回401？",
            f"令牌: {v}",
            f"Мой API-ключ для {word}: {v}, но запросы падают с 401.",
            f"токен {word} — {v}",
        ]
    )


def c_long(r, v, x):
    inner = RNG.choice([c_logfmt, c_pyrepr, c_http_error, c_structlog, c_http_debug])(r, v, x)
    return long_around(inner)


def c_chat(r, v, x):
    word = vend(r).replace("_", " ")
    msgs = [
        {"role": "system", "content": "You are a helpful coding assistant."},
        {
            "role": "user",
            "content": RNG.choice(
                [
                    f"my {word} key is {v}, why does the request fail?",
                    f"can you set this up for me? key: {v}",
                    f"here: {v}\nthat's what the dashboard gave me",
                ]
            ),
        },
    ]
    return json.dumps(
        {"ts": ts(), "event": "query", "model": "llama3.1:8b", "messages": msgs}, ensure_ascii=False
    )


def c_access_log(r, v, x):
    p = RNG.choice(["api_key", "token", "access_token", "key"])
    return f'10.0.0.0 - - [05/Dec/2026:10:11:12 +0000] "GET /v1/search?q=weather&{p}={v}&page=2 HTTP/1.1" 401 87 "-" "python-httpx/0.27.0"'


def c_xml_csv(r, v, x):
    if RNG.random() < 0.5:
        tag = RNG.choice(["apiKey", "token", "secret", "accessToken"])
        return (
            f'<?xml version="1.0"?>\n<provider name="{vend(r)}">\n  <endpoint>https://api.{host(r)}</endpoint>\n  <{tag}>{v}</{tag}>\n'
            + "".join(f"  <{k.lower()}>{w}</{k.lower()}>\n" for k, w in x)
            + "</provider>"
        )
    extra = "".join(f",{w}" for k, w in x)
    head = "name,provider,key" + "".join(f",{k.lower()}" for k, w in x) + ",created"
    return f"$ cat keys.csv\n{head}\nprod,{vend(r)},{v}{extra},2026-10-01\nstaging,{vend(r)},<rotated>{',' * len(x)},2026-09-12"


CONTEXTS = {
    "tool_args": c_tool_args,
    "tool_double": c_tool_double,
    "tool_stdout": c_tool_stdout,
    "pyrepr": c_pyrepr,
    "logfmt": c_logfmt,
    "structlog": c_structlog,
    "envdump": c_envdump,
    "setx": c_setx,
    "docker_inspect": c_docker_inspect,
    "k8s": c_k8s,
    "terraform": c_terraform,
    "cli_status": c_cli_status,
    "git_url": c_git_url,
    "registry_url": c_registry_url,
    "http_error": c_http_error,
    "http_debug": c_http_debug,
    "py_locals": c_py_locals,
    "panic": c_panic,
    "md_answer": c_md_answer,
    "i18n_latin": c_i18n_latin,
    "i18n_other": c_i18n_other,
    "long": c_long,
    "chat": c_chat,
    "access_log": c_access_log,
    "xml_csv": c_xml_csv,
}
# Contexts a multi-line value fits (escaped, encoded or in a block).
BLOCK = {"tool_args", "tool_double", "pyrepr", "structlog", "k8s", "py_locals", "md_answer", "chat"}
URL = {"git_url", "registry_url", "access_log"}


def fits(context: str, v: str) -> bool:
    if not one_line(v):
        return context in BLOCK
    if context in URL:
        return url_safe(v)
    return True


# ---- benign ----------------------------------------------------------------------------------


# A false-positive fixture line, framed as telemetry that itself holds nothing to redact.
def b_frames(line: str) -> dict[str, str]:
    return {
        "tool_stdout": json.dumps(
            {
                "type": "tool_result",
                "tool_call_id": "call_0",
                "content": json.dumps(
                    {"cmd": "sed -n 7p src/settings.txt", "stdout": line + "\n", "returncode": 0}
                ),
            }
        ),
        "tool_args": json.dumps(
            {
                "event": "tool_call",
                "function": {
                    "name": "write_file",
                    "arguments": json.dumps({"path": "notes/example.txt", "content": line}),
                },
            }
        ),
        "pyrepr": f"2026-12-05 10:11:12,345 DEBUG parser: skipped line={line!r}",
        "logfmt": f"ts=2026-12-05T10:11:12Z level=info msg={json.dumps(line)} component=linter",
        "structlog": json.dumps(
            {"level": "info", "event": "lint_warning", "line": line, "lineno": 7}
        ),
        "md_answer": f"That line is fine as it is:\n\n```\n{line}\n```\n\nNothing in it needs to change.",
        "chat": json.dumps(
            {
                "event": "query",
                "messages": [{"role": "user", "content": f"what does this line do?\n{line}"}],
            },
            ensure_ascii=False,
        ),
        "i18n_latin": f"Diese Zeile verstehe ich nicht: {line}",
        "py_locals": f"E       AssertionError: unexpected parse\n\nline       = {line!r}\nlineno     = 7",
        "long": long_around(f"2026-12-05T10:11:12.000Z INFO  coordinator.lint: read {line}")
        if one_line(line)
        else "",
    }


def lookalikes() -> list[tuple[str, str, str]]:
    """(kind, context, text): ordinary ids and digests in the telemetry contexts."""
    out = []
    for _ in range(12):
        sha = rand(HEX, 40)
        out.append(
            (
                "git-sha",
                "setx",
                f"+ git fetch origin\n+ git checkout {sha}\nHEAD is now at {sha[:7]} coordinator: retry tool calls",
            )
        )
        out.append(
            (
                "git-sha",
                "envdump",
                "$ env | sort\n"
                + "\n".join(
                    sorted([*ORDINARY_ENV, f"GIT_COMMIT={sha}", f"HOSTNAME={rand(HEX, 12)}"])
                ),
            )
        )
    for _ in range(12):
        d = rand(HEX, 64)
        out.append(
            (
                "digest",
                "docker_inspect",
                "$ docker inspect coordinator-worker-1\n"
                + json.dumps(
                    [
                        {
                            "Id": rand(HEX, 64),
                            "Image": f"sha256:{d}",
                            "Config": {
                                "Image": f"registry.local/coordinator@sha256:{d}",
                                "Env": ["LANG=C.UTF-8"],
                            },
                        }
                    ],
                    indent=4,
                ),
            )
        )
        out.append(
            (
                "digest",
                "logfmt",
                f'ts={ts()} level=info msg="pulled model" model=llama3.1:8b digest=sha256:{rand(HEX, 64)} size=4920753328',
            )
        )
    for _ in range(12):
        out.append(
            (
                "uuid",
                "structlog",
                json.dumps(
                    {
                        "timestamp": ts(),
                        "level": "error",
                        "event": "upstream_error",
                        "request_id": str(uuid.UUID(int=RNG.getrandbits(128))),
                        "session_id": str(uuid.UUID(int=RNG.getrandbits(128))),
                        "http": {"status": 502},
                    }
                ),
            )
        )
        out.append(
            (
                "uuid",
                "http_error",
                f'HTTP/1.1 500 Internal Server Error\nx-request-id: {uuid.UUID(int=RNG.getrandbits(128))}\n\n{{"error":"upstream timeout","request_id":"{uuid.UUID(int=RNG.getrandbits(128))}"}}',
            )
        )
    for _ in range(12):
        tid, sid = rand(HEX, 32), rand(HEX, 16)
        out.append(
            (
                "trace-id",
                "structlog",
                json.dumps(
                    {
                        "name": "POST /v1/chat/completions",
                        "trace_id": tid,
                        "span_id": sid,
                        "parent_span_id": rand(HEX, 16),
                        "attributes": {"http.response.status_code": 200},
                    }
                ),
            )
        )
        out.append(
            (
                "trace-id",
                "http_debug",
                f"> POST /v1/embeddings HTTP/1.1\n> Host: ollama:11434\n> traceparent: 00-{tid}-{sid}-01\n> content-type: application/json\n< HTTP/1.1 200 OK",
            )
        )
    for _ in range(12):
        out.append(
            (
                "call-id",
                "tool_args",
                json.dumps(
                    {
                        "event": "tool_call",
                        "tool_call": {
                            "id": "call_" + rand(ALNUM, 24),
                            "type": "function",
                            "function": {
                                "name": "read_file",
                                "arguments": json.dumps({"path": "src/app.py"}),
                            },
                        },
                    }
                ),
            )
        )
        out.append(
            (
                "call-id",
                "chat",
                json.dumps(
                    {
                        "event": "answer",
                        "id": "chatcmpl-" + rand(ALNUM, 29),
                        "model": "gpt-4o-2024-08-06",
                        "system_fingerprint": "fp_" + rand(HEX, 10),
                        "usage": {"prompt_tokens": 812, "completion_tokens": 95},
                    }
                ),
            )
        )
        out.append(
            (
                "call-id",
                "tool_double",
                json.dumps(
                    {
                        "span": "agent.step",
                        "input": json.dumps(
                            {
                                "messages": [
                                    {
                                        "role": "assistant",
                                        "content": "",
                                        "tool_calls": [
                                            {"id": "toolu_01" + rand(ALNUM, 22), "name": "grep"}
                                        ],
                                    },
                                    {
                                        "role": "tool",
                                        "tool_use_id": "msg_01" + rand(ALNUM, 22),
                                        "content": "3 matches",
                                    },
                                ]
                            }
                        ),
                    }
                ),
            )
        )
    for _ in range(12):
        cursor = base64.b64encode(
            json.dumps({"offset": RNG.randint(0, 5000), "limit": 50}).encode()
        ).decode()
        out.append(
            ("base64", "pyrepr", f"{ts()} DEBUG client: list_files(cursor={cursor!r}, limit=50)")
        )
        blob = base64.b64encode(
            RNG.choice(
                [
                    b"hello world, this is the coordinator",
                    b"user:guest role:viewer",
                    b'{"kind":"note","text":"remember to run tests"}',
                    b"The quick brown fox jumps over the lazy dog",
                ]
            )
            + str(RNG.randint(0, 99)).encode()
        ).decode()
        out.append(
            (
                "base64",
                "tool_stdout",
                json.dumps(
                    {
                        "type": "tool_result",
                        "content": json.dumps(
                            {"cmd": "base64 notes.txt", "stdout": blob + "\n", "returncode": 0}
                        ),
                    }
                ),
            )
        )
        md5 = base64.b64encode(hashlib.md5(str(RNG.random()).encode()).digest()).decode()
        out.append(
            (
                "base64",
                "http_debug",
                f'< HTTP/1.1 200 OK\n< content-md5: {md5}\n< etag: "{rand(HEX, 32)}"\n< content-length: {RNG.randint(100, 99999)}',
            )
        )
    for _ in range(10):
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 30)}"
        out.append(
            (
                "version",
                "logfmt",
                f'ts={ts()} level=info msg="starting" version=v{ver}-rc.{RNG.randint(1, 5)}+build.{RNG.randint(100, 9999)} commit={rand(HEX, 12)} go=go1.23.4',
            )
        )
        out.append(
            (
                "version",
                "md_answer",
                f"You are on `coordinator {ver}`; upgrade with `pip install -U coordinator=={ver[:-1]}{RNG.randint(31, 60)}` and check `ollama --version` (0.5.{RNG.randint(0, 9)}).",
            )
        )
    for _ in range(12):
        p = f"/nix/store/{rand(B32, 32)}-python3-3.12.7"
        out.append(
            (
                "nix-path",
                "py_locals",
                f'Traceback (most recent call last):\n  File "{p}/lib/python3.12/site-packages/httpx/_client.py", line 1014, in send\n    raise exc\nhttpx.ConnectTimeout: timed out',
            )
        )
        out.append(
            (
                "nix-path",
                "envdump",
                "$ printenv\n"
                + "\n".join(
                    sorted(
                        [
                            *ORDINARY_ENV[:6],
                            f"PYTHONPATH={p}/lib/python3.12/site-packages",
                            f"NIX_PROFILES=/nix/var/nix/profiles/default /nix/store/{rand(B32, 32)}-user-environment",
                        ]
                    )
                ),
            )
        )
    for _ in range(8):
        i = f"sha512-{base64.b64encode(hashlib.sha512(str(RNG.random()).encode()).digest()).decode()}"
        out.append(
            (
                "integrity",
                "tool_stdout",
                json.dumps(
                    {
                        "type": "tool_result",
                        "content": json.dumps(
                            {"cmd": "npm view left-pad dist.integrity", "stdout": i + "\n"}
                        ),
                    }
                ),
            )
        )
    for _ in range(10):
        out.append(
            (
                "model-id",
                "chat",
                json.dumps(
                    {
                        "event": "query",
                        "model": RNG.choice(
                            [
                                "claude-3-5-sonnet-20241022",
                                "llama3.1:8b-instruct-q4_K_M",
                                "qwen2.5-coder:32b-instruct-q5_K_M",
                                "gpt-4o-mini-2024-07-18",
                            ]
                        ),
                        "messages": [
                            {
                                "role": "user",
                                "content": f"summarize commit {rand(HEX, 40)} and issue #{RNG.randint(1, 999)}",
                            }
                        ],
                    }
                ),
            )
        )
        out.append(
            (
                "long",
                "long",
                long_around(
                    f"{ts()} INFO  coordinator.git: pushed {rand(HEX, 40)} to origin/main ({RNG.randint(1, 30)} files)"
                ),
            )
        )
    return out


def main() -> None:
    data = json.loads((HERE.parent / "fixtures24" / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    names = sorted(CONTEXTS)
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
            extra = [
                (f"{f24.vendor(s['rule']).upper()}_{'SECRET' if a in also else 'ID'}", a)
                for a in also + extra_with
            ][:3]
            options = [c for c in names if fits(c, value)]
            for context in RNG.sample(options, 2):
                made = CONTEXTS[context](s["rule"], value, extra)
                secret, row_also = value, also
                if isinstance(made, tuple):  # encoded: the row's secret is the encoded form
                    made, secret, encoded = made
                    row_also = [e for (k, w), e in zip(extra, encoded, strict=True) if w in also]
                rows.append(
                    {
                        "family": f"{scanner}:{s['rule']}",
                        "context": context,
                        "text": made,
                        "secret": secret,
                        "source": scanner,
                        "also": row_also,
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
            frames = {k: t for k, t in b_frames(line).items() if t}
            for context in RNG.sample(sorted(frames), 2):
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": frames[context],
                        "source": scanner,
                        "kind": "fixture",
                    }
                )
    for kind, context, text in lookalikes():
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": context,
                "text": text,
                "source": "lookalike",
                "kind": kind,
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows),
        "secret rows,",
        len(seen),
        "values in",
        len({r["family"] for r in rows}),
        "families;",
        len(benign),
        "benign rows (",
        len(seen_b),
        "fixtures)",
    )


if __name__ == "__main__":
    main()
