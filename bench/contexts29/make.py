"""Build contexts29: the scanners' fixtures in log lines and commands no corpus had (blind).

``python bench/contexts29/make.py`` writes secrets.jsonl and benign.jsonl (seed 29029). Each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label
(placeholder / not a credential) becomes two secret rows, in two different contexts of CONTEXTS:
application logs of many stacks in their own formats (uvicorn/Django/Flask, Python logging with
``extra=``, Rails ``Parameters:``, Spring Boot, Express/morgan and Node inspect, Go zap/logrus,
Rust tracing, .NET ILogger/Serilog, log4j MDC, structlog/Winston, Elixir Logger), infrastructure
logs (nginx error log, HAProxy/Envoy/Traefik/Caddy, journalctl verbose, kubectl logs/describe,
docker compose prefixes, Terraform TF_LOG, Ansible -vvv, CI consoles, package managers' verbose
output), HTTP client debug output (curl -v, urllib3/httpx/aiohttp, axios/wget/Go dumps), error
messages (database drivers, stack traces of Java/Go/Rust/Node, Sentry events, agent tool-call
errors) and commands as typed (shell history, ``set -x`` echoes, PowerShell, ``sudo -E``,
``ssh host 'cmd'``, heredocs, ``docker exec``/``kubectl exec``, CLI logins, database CLIs, tools'
secret flags) with their outputs.

Benign rows: each unlabelled false-positive fixture as a line in one or two of LINE_CONTEXTS
(log messages, echoed commands, history lines), and look-alikes of our own in log/command form
(request and trace ids, SHAs, digests, ETags, analytics cookies, hashes, versions, base64 of
ordinary data). Row format as contexts28 (family, context, text, secret, source, also, rule, kind).
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

RNG = random.Random(29029)

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
BARE = re.compile(r"[^\s'\"#;$`\\,&|<>(){}\[\]*?!]+")


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
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v


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


def js(v: str) -> str:
    return json.dumps(v)


def pyr(v: str) -> str:
    """Python's repr of a str."""
    return repr(v)


def shq(v: str) -> str:
    """A shell word: bare when it can be, else single-quoted (callers avoid ``'``)."""
    return v if BARE.fullmatch(v) else "'" + v + "'"


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def others(pairs):
    return pairs[:-1]


def ts(i: int = 0) -> str:
    return f"2026-12-06T10:{11 + i % 40:02d}:{RNG.randint(0, 59):02d}.{RNG.randint(0, 999):03d}Z"


def pick(*forms):
    return RNG.choice(forms)


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.


def c_uvicorn(r, pairs):
    n, v = pairs[-1]
    p = n.tail.snake
    return pick(
        f'INFO:     127.0.0.1:52344 - "GET /v1/hooks/{svc(r)}?{p}={v} HTTP/1.1" 200 OK',
        f'[06/Dec/2026 10:11:12] "POST /api/callback/?{p}={v}&state=ok HTTP/1.1" 302 0',
        f'2026-12-06 10:11:12,345 INFO werkzeug: 127.0.0.1 - - [06/Dec/2026 10:11:12] "GET /oauth/complete?{p}={v} HTTP/1.1" 200 -',
    )


def c_py_logging(r, pairs):
    n, v = pairs[-1]
    extra = {m.snake: w for m, w in others(pairs)}
    extra[n.snake] = v
    return pick(
        f"2026-12-06 10:11:12,345 DEBUG [{svc(r)}.client] request headers={{'Authorization': {pyr('Bearer ' + v)}}}",
        f"2026-12-06 10:11:12,345 DEBUG [{svc(r)}.client] settings loaded: {extra!r}",
        json.dumps(
            {
                "asctime": "2026-12-06 10:11:12,345",
                "levelname": "WARNING",
                "name": f"{svc(r)}.sync",
                "message": "retrying upstream call",
                **extra,
            }
        ),
        f"WARNING:{svc(r)}.client:auth rejected, {n.snake}={pyr(v)}, retry=2",
    )


def c_rails(r, pairs):
    n, v = pairs[-1]
    inner = ", ".join(f'"{m.tail.snake}"=>{js(w)}' for m, w in others(pairs))
    inner = (inner + ", " if inner else "") + f'"{n.tail.snake}"=>{js(v)}'
    return pick(
        f'Started POST "/integrations/{svc(r)}" for 127.0.0.1 at 2026-12-06 10:11:12 +0000\n'
        f"Processing by IntegrationsController#create as JSON\n"
        f'  Parameters: {{"integration"=>{{"name"=>"{svc(r)}", {inner}}}}}\n'
        f"Completed 422 Unprocessable Entity in 12ms (ActiveRecord: 1.1ms | Allocations: 2811)",
        f'I, [2026-12-06T10:11:12.345678 #4211]  INFO -- : [a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d]   Parameters: {{"webhook"=>{{{inner}}}}}',
    )


def c_spring(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'2026-12-06 10:11:12.345 DEBUG 1 --- [nio-8080-exec-3] o.s.w.s.DispatcherServlet        : POST "/api/v1/{svc(r)}/hook?{n.tail.camel}={v}", parameters={{masked}}',
        f'2026-12-06 10:11:12.345 DEBUG 1 --- [nio-8080-exec-3] o.s.web.client.RestTemplate      : Writing [{{{n.tail.camel}={v}, region=eu-west-1}}] as "application/json"',
        f'2026-12-06T10:11:12.345Z DEBUG 7 --- [{svc(r)}] [main] o.s.w.r.f.client.ExchangeFunctions : [5e1a2b3c] HTTP POST https://api.{host(r)}/v1/token, headers=[Authorization:"Bearer {v}", Accept:"application/json"]',
        f"2026-12-06 10:11:12.345  INFO 1 --- [           main] c.e.{svc(r).replace('-', '')}.Config : Resolved property {n.kebab.replace('-', '.')}={v}",
    )


def c_express(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'::ffff:127.0.0.1 - - [06/Dec/2026:10:11:12 +0000] "GET /callback?{n.tail.snake}={v}&state=xyz HTTP/1.1" 302 46 "-" "Mozilla/5.0"',
        f"{{ level: 'debug', msg: 'client init', config: {{ {n.tail.camel}: {pyr(v)}, region: 'us-east-1', timeout: 3000 }} }}",
        f"  express:router dispatching GET /api/{svc(r)}?{n.tail.camel}={v} +2ms",
    )


def c_go_log(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "level": "debug",
                "ts": 1733479872.1234,
                "caller": "client/http.go:88",
                "msg": "sending request",
                "headers": {"Authorization": [f"Bearer {v}"], "Accept": ["application/json"]},
            }
        ),
        f'time="2026-12-06T10:11:12Z" level=debug msg="calling {svc(r)} upstream" {n.snake}={shq(v) if BARE.fullmatch(v) else js(v)} attempt=1',
        f"2026-12-06T10:11:12.345Z\tDEBUG\t{svc(r)}/client.go:42\tdial upstream\t{json.dumps({n.tail.camel: v, 'retries': 3})}",
    )


def c_rust_tracing(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"2026-12-06T10:11:12.345678Z DEBUG request{{method=POST uri=/v1/sync}}: {svc(r).replace('-', '_')}::client: attaching credentials {n.tail.snake}={js(v)}",
        f'2026-12-06T10:11:12.345678Z  INFO {svc(r).replace("-", "_")}: config loaded config=Config {{ endpoint: "https://api.{host(r)}", {n.tail.snake}: {js(v)}, timeout: 30s }}',
        f"  2026-12-06T10:11:12.345678Z ERROR {svc(r).replace('-', '_')}::auth: token rejected, {n.snake}: {v}\n    at src/auth.rs:57",
    )


def c_dotnet(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"info: {n.pascal[:12]}.Client.ApiClient[0]\n      Using {n.tail.pascal} {v} for tenant contoso",
        f"[10:11:12 DBG] Calling https://api.{host(r)}/v2 with {n.tail.pascal} {js(v)}",
        json.dumps(
            {
                "@t": "2026-12-06T10:11:12.3456789Z",
                "@mt": "Configured {Service} with {" + n.tail.pascal + "}",
                "@l": "Debug",
                "Service": svc(r),
                n.tail.pascal: v,
            }
        ),
        f"dbug: Microsoft.Extensions.Http.Logging.LogicalHandler[102]\n      Request Headers:\n      Authorization: Bearer {v}",
    )


def c_log4j(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"2026-12-06 10:11:12,345 DEBUG [http-nio-8080-exec-1] [traceId=4bf92f3577b34da6, {n.tail.camel}={v}] c.e.{svc(r).replace('-', '')}.Client - sending request",
        f"2026-12-06 10:11:12,345 DEBUG [main] org.apache.http.headers - http-outgoing-0 >> Authorization: Bearer {v}",
        f'2026-12-06 10:11:12,345 DEBUG [main] org.apache.http.wire - http-outgoing-0 >> "X-Api-Key: {v}[\\r][\\n]"',
    )


def c_structlog(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"2026-12-06 10:11:12 [debug    ] upstream call                  {n.snake}={pyr(v)} service={svc(r)}",
        json.dumps(
            {
                "level": "debug",
                "message": "upstream call",
                "meta": {"headers": {"x-api-key": v}, "service": svc(r)},
                "timestamp": ts(),
            }
        ),
        f"event='client configured' {n.snake}={pyr(v)} logger={svc(r)} level=info timestamp={ts()}",
    )


def c_elixir(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"10:11:12.345 request_id=F-abc123 [debug] {svc(r)} config: %{{{n.tail.snake}: {js(v)}, timeout: 5000}}",
        f"10:11:12.345 [info] {n.snake}={v} Sent 200 in 3ms"
        if BARE.fullmatch(v)
        else f"10:11:12.345 [info] {n.snake}={js(v)} Sent 200 in 3ms",
        f'** (RuntimeError) upstream rejected key "{v}"\n    (my_app 0.1.0) lib/my_app/client.ex:42: MyApp.Client.call/2',
    )


def c_nginx_err(r, pairs):
    n, v = pairs[-1]
    p = n.tail.snake
    return pick(
        f'2026/12/06 10:11:12 [error] 31#31: *1042 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 192.0.2.7, server: api.{host(r)}, request: "GET /v1/items?{p}={v} HTTP/1.1", upstream: "http://127.0.0.1:8080/v1/items?{p}={v}", host: "api.{host(r)}"',
        f'2026/12/06 10:11:12 [warn] 31#31: *88 an upstream response is buffered to a temporary file, client: 192.0.2.7, request: "GET /export?{p}={v}&fmt=csv HTTP/1.1"',
    )


def c_proxy_log(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'Dec  6 10:11:12 lb-01 haproxy[812]: 192.0.2.10:51544 [06/Dec/2026:10:11:12.345] fe_https~ be_api/api1 0/0/1/12/13 401 512 - - ---- 1/1/0/0/0 0/0 {{api.{host(r)}|Bearer {v}}} "GET /v1/me HTTP/1.1"',
        f'[{ts()}] "GET /v1/items?{n.tail.snake}={v} HTTP/1.1" 200 - 0 512 13 12 "-" "curl/8.5.0" "9b2f1c7e-3d4a-4b5c-8e6f-7a8b9c0d1e2f" "api.{host(r)}" "127.0.0.1:8080"',
        json.dumps(
            {
                "ClientHost": "192.0.2.10",
                "DownstreamStatus": 401,
                "RequestMethod": "GET",
                "RequestPath": f"/v1/items?{n.tail.snake}={v}",
                "request_Authorization": f"Bearer {v}",
            }
        ),
        json.dumps(
            {
                "level": "info",
                "logger": "http.log.access.log0",
                "msg": "handled request",
                "request": {
                    "method": "GET",
                    "uri": "/v1/me",
                    "headers": {"Authorization": [f"Bearer {v}"], "User-Agent": ["curl/8.5.0"]},
                },
                "status": 401,
            }
        ),
    )


def c_journal(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"Fri 2026-12-06 10:11:12.345678 UTC [s=3f2a1b;i=4d2;b=9a8b7c;m=1a2b3c;t=5f0e1d;x=6c5b4a]\n"
        f"    PRIORITY=6\n    _UID=999\n    _COMM={svc(r)}-agent\n"
        f"    _CMDLINE=/usr/bin/{svc(r)}-agent --{n.tail.kebab}={v} --verbose\n"
        f"    MESSAGE=agent started\n    _PID=812",
        f"Dec 06 10:11:12 web-03 {svc(r)}-agent[812]: auth: using {n.tail.snake}={v}",
        f"Dec 06 10:11:12 web-03 systemd[1]: Started {svc(r)}.service.\nDec 06 10:11:12 web-03 env[812]: {n.env}={v}",
    )


def c_k8s_logs(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'$ kubectl logs deploy/{svc(r)} --all-containers --prefix\n[pod/{svc(r)}-7d9f8b6c5d-x2k4q/app] {ts()} level=debug msg="loaded env" {n.env}={v}',
        f"$ kubectl describe pod {svc(r)}-7d9f8b6c5d-x2k4q\n...\n    Environment:\n      LOG_LEVEL:  debug\n      {n.env}:  {v}\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8z2tn (ro)",
        f'LAST SEEN   TYPE      REASON    OBJECT                  MESSAGE\n2m          Warning   Failed    pod/{svc(r)}-0   Error: failed to start container: exec: "--{n.tail.kebab}={v}": executable file not found in $PATH',
    )


def c_compose(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"{svc(r)}-1  | {ts()} DEBUG settings: {n.env}={v}\n{svc(r)}-1  | {ts()} INFO listening on :8080",
        f"worker-1  | Connecting to https://api.{host(r)} with {n.tail.snake}={v}\nworker-1 exited with code 1",
        f"$ docker compose config\nservices:\n  {svc(r)}:\n    environment:\n      {n.env}: {v}\n    image: registry.local/{svc(r)}:1.4.2",
    )


def c_tf_debug(r, pairs):
    n, v = pairs[-1]
    if "\n" in v:  # a block travels in the JSON body, not a header
        return f"{ts()} [DEBUG] provider.terraform-provider-{svc(r)}_v1.2.0: request body: tf_http_req_body={js(json.dumps({n.tail.snake: v, 'name': 'prod'}))}"
    return pick(
        f"{ts()} [DEBUG] provider.terraform-provider-{svc(r)}_v1.2.0: ---[ REQUEST ]---------------------------------------\n"
        f"POST /v1/resources HTTP/1.1\nHost: api.{host(r)}\nUser-Agent: Terraform/1.9.5\nAuthorization: Bearer {v}\nContent-Type: application/json\n"
        f"-----------------------------------------------------",
        f"{ts()} [DEBUG] provider.terraform-provider-{svc(r)}_v1.2.0: request body: tf_http_req_body={js(json.dumps({n.tail.snake: v, 'name': 'prod'}))}",
        f'{ts()} [TRACE] provider.stdio: received data from provider: data="{n.tail.snake} = {js(v)[1:-1]}"',
    )


def c_ansible(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"<web-01> ESTABLISH SSH CONNECTION FOR USER: deploy\n<web-01> EXEC /bin/sh -c '{n.env}={v} /usr/bin/python3 /home/deploy/.ansible/tmp/AnsiballZ_command.py && sleep 0'",
        f"TASK [{svc(r)} : configure client] ****\nok: [web-01] => (item={{'key': '{n.tail.snake}', 'value': {pyr(v)}}})",
        f'fatal: [web-01]: FAILED! => {{"changed": false, "msg": "Authentication failed", "invocation": {{"module_args": {{"url": "https://api.{host(r)}", "{n.tail.snake}": {js(v)}}}}}}}',
    )


def c_ci_console(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"2026-12-06T10:11:12.3456789Z ##[group]Run ./deploy.sh\n2026-12-06T10:11:12.3456789Z + export {n.env}={shq(v)}\n2026-12-06T10:11:12.3456789Z + curl -fsS -H 'Authorization: token {v}' https://api.{host(r)}/v1/deploy",
        f'$ echo "deploying with {n.env}=${n.env}"\ndeploying with {n.env}={v}\nSection end: step_script',
        f"[Pipeline] sh\n+ docker login -u ci -p {shq(v)} registry.{host(r)}\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded",
        f"[2026-12-06T10:11:12.345Z] + set -x\n[2026-12-06T10:11:12.345Z] + {n.env}={shq(v)}\n[2026-12-06T10:11:12.345Z] + ./scripts/release.sh",
    )


def c_pkg_verbose(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f"npm verbose config //npm.{host(r)}/:_authToken={v}\nnpm verbose title npm install\nnpm http fetch GET 200 https://npm.{host(r)}/left-pad 112ms",
        f"[DEBUG] Using mirror corp (https://maven.{host(r)}/repo) with credentials {u}/{v}",
        f'  Looking up "https://{u}:{v}@pypi.{host(r)}/simple/requests/" in the cache',
        f"    Updating `{svc(r)}` index\n     Running `cargo-credential` with token {v}",
    )


def c_curl_v(r, pairs):
    _n, v = pairs[-1]
    hdr = pick(
        "Authorization: Bearer",
        "X-Auth-Token:",
        "Private-Token:",
        "Authorization: Token",
        "api-key:",
    )
    return (
        f"$ curl -v https://api.{host(r)}/v1/me\n*   Trying 192.0.2.80:443...\n* Connected to api.{host(r)} port 443\n"
        f"> GET /v1/me HTTP/2\n> Host: api.{host(r)}\n> User-Agent: curl/8.5.0\n> {hdr} {v}\n> Accept: */*\n>\n< HTTP/2 401\n< content-type: application/json"
    )


def c_py_http(r, pairs):
    n, v = pairs[-1]
    p = n.tail.snake
    return pick(
        f'DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): api.{host(r)}:443\nDEBUG:urllib3.connectionpool:https://api.{host(r)}:443 "GET /v1/items?{p}={v} HTTP/1.1" 200 None',
        f'INFO:httpx:HTTP Request: POST https://api.{host(r)}/v1/sync?{p}={v} "HTTP/1.1 401 Unauthorized"',
        f"aiohttp.client_exceptions.ClientResponseError: 403, message='Forbidden', url=URL('https://api.{host(r)}/v1/items?{p}={v}')",
    )


def c_client_dump(r, pairs):
    _n, v = pairs[-1]
    return pick(
        f"AxiosError: Request failed with status code 401\n    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)\n  config: {{\n    headers: Object [AxiosHeaders] {{\n      Accept: 'application/json',\n      Authorization: 'Bearer {v}'\n    }},\n    url: 'https://api.{host(r)}/v1/me'\n  }}",
        f"---request begin---\nGET /v1/export HTTP/1.1\nUser-Agent: Wget/1.21.4\nAccept: */*\nHost: api.{host(r)}\nX-Api-Key: {v}\n\n---request end---",
        f"2026/12/06 10:11:12 request dump:\nPOST /v1/jobs HTTP/1.1\r\nHost: api.{host(r)}\r\nAuthorization: Bearer {v}\r\nContent-Length: 2\r\n\r\n{{}}",
    )


def c_db_error(r, pairs):
    _n, v = pairs[-1]
    u = "svc_" + vendor_words(r)[0][:10]
    return pick(
        f'psycopg.OperationalError: connection is bad: dsn=\'postgresql://{u}:{v}@db.{host(r)}:5432/app\'\nconnection to server at "db.{host(r)}" (192.0.2.5), port 5432 failed: FATAL:  password authentication failed for user "{u}"',
        f"java.sql.SQLException: Access denied for user '{u}'@'192.0.2.4' (using password: YES)\n\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)\n  url=jdbc:mysql://db.{host(r)}:3306/app?user={u}&password={v}",
        f"pika.exceptions.ProbableAuthenticationError: ConnectionClosedByBroker: (403) 'ACCESS_REFUSED' while connecting to amqp://{u}:{v}@mq.{host(r)}:5672/%2F",
        f"MongoServerError: bad auth : authentication failed\n    uri: 'mongodb+srv://{u}:{v}@cluster0.{host(r)}/app?retryWrites=true'",
        f"redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled. (url: redis://default:{v}@cache.{host(r)}:6379/0)",
    )


def c_stack_trace(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'Exception in thread "main" java.lang.IllegalStateException: upstream rejected {n.tail.camel} {v}\n\tat com.example.{svc(r).replace("-", "")}.Client.call(Client.java:88)\n\tat com.example.App.main(App.java:12)',
        f'panic: dial upstream: invalid token "{v}"\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/{svc(r)}/main.go:42 +0x1d\nexit status 2',
        f"thread 'main' panicked at src/main.rs:12:5:\ncalled `Result::unwrap()` on an `Err` value: Unauthorized(\"{n.tail.snake} {v} rejected\")\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        f"Error: 401 Unauthorized ({n.tail.camel}={v})\n    at Client.request (/app/node_modules/{svc(r)}-sdk/dist/client.js:118:15)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    )


def c_sentry(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "event_id": "fc6d8c0c43fc4630ad850ee518f1b9d0",
                "level": "error",
                "request": {
                    "url": f"https://app.{host(r)}/api/sync",
                    "headers": [["Authorization", f"Bearer {v}"], ["Accept", "*/*"]],
                },
                "exception": {"values": [{"type": "HTTPError", "value": "401"}]},
            }
        ),
        json.dumps(
            {
                "event_id": "9ec79c33ec9942ab8353589fcb2e04dc",
                "extra": {n.tail.snake: v, "attempt": 3},
                "tags": {"service": svc(r)},
            },
            indent=2,
        ),
    )


def c_agent_tool(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"[tool_use] id=toolu_01 name=http_request input={json.dumps({'url': f'https://api.{host(r)}/v1/me', 'headers': {'Authorization': f'Bearer {v}'}})}\n[tool_result] is_error=true: HTTP 401 Unauthorized",
        f"Tool call failed: run_shell({json.dumps({'command': f'{n.env}={shq(v)} ./sync.sh'})}) exited with code 1",
        f"ToolError: fetch failed for https://api.{host(r)}/v1/items ({n.tail.snake}={js(v)}): 403 Forbidden",
    )


def c_history(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ history | tail -4\n  511  cd ~/src/{svc(r)}\n  512  export {n.env}={shq(v)}\n  513  make sync\n  514  history | tail -4",
        f": 1733479872:0;export {n.env}={shq(v)}\n: 1733479880:0;./bin/{svc(r)} sync --dry-run",
        f"- cmd: set -gx {n.env} {shq(v)}\n  when: 1733479872\n- cmd: {svc(r)} sync\n  when: 1733479880",
    )


def c_set_x(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"+ env {n.env}={shq(v)} ./run.sh --once",
        f"++ sudo -E {n.env}={shq(v)} /usr/local/bin/{svc(r)} refresh",
        f"+ ssh deploy@web-01 '{n.env}={v} systemctl restart {svc(r)}'",
        f"+ printf '%s\\n' https://api.{host(r)}/a https://api.{host(r)}/b\n+ xargs -I{{}} curl -fsS -H 'X-Token: {v}' {{}}",
    )


def c_powershell(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'PS C:\\Users\\dana> $env:{n.env} = "{v}"\nPS C:\\Users\\dana> .\\deploy.ps1',
        f'PS /home/dana> [Environment]::SetEnvironmentVariable("{n.env}", "{v}", "User")',
        f'PS C:\\> $cred = New-Object System.Management.Automation.PSCredential("svc", (ConvertTo-SecureString "{v}" -AsPlainText -Force))',
    )


def c_exec(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ cat <<EOF > .env\n{n.env}={v}\nLOG_LEVEL=debug\nEOF",
        f"$ docker exec -e {n.env}={shq(v)} {svc(r)}-api-1 ./manage.py check_upstream",
        f"$ kubectl exec -it {svc(r)}-0 -- env {n.env}={shq(v)} /app/bin/check",
        f'$ ssh ops@bastion "export {n.env}={v}; ./deploy.sh"',
    )


def c_cli_login(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    s = shq(v)
    return pick(
        f"$ docker login registry.{host(r)} -u {u} -p {s}",
        f"$ helm repo add {svc(r)} https://charts.{host(r)} --username {u} --password {s}",
        f"$ az login --service-principal -u 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b -p {s} --tenant contoso.onmicrosoft.com",
        f"$ aws configure set aws_secret_access_key {s} --profile {svc(r)}",
        f"$ kubectl config set-credentials {svc(r)}-admin --token={s}",
        f"$ npm config set //npm.{host(r)}/:_authToken {s}",
        f"$ vault login {s}",
        f"$ gh auth login --with-token <<< {s}",
    )


def c_db_cli(r, pairs):
    _n, v = pairs[-1]
    u = "svc_" + vendor_words(r)[0][:10]
    s = shq(v)
    return pick(
        f"$ mysql -h db.{host(r)} -u {u} -p{s} app",
        f"$ PGPASSWORD={s} psql -h db.{host(r)} -U {u} app -c 'select 1'",
        f"$ redis-cli -h cache.{host(r)} -a {s} ping\nWarning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\nPONG",
        f'$ mongosh "mongodb+srv://{u}:{v}@cluster0.{host(r)}/app"',
    )


def c_tool_flags(r, pairs):
    n, v = pairs[-1]
    s = shq(v)
    return pick(
        f"$ terraform apply -var '{n.tail.snake}={v}' -auto-approve",
        f"$ openssl pkcs12 -in cert.p12 -out cert.pem -nodes -passin pass:{s}",
        f"$ htpasswd -b -c /etc/nginx/.htpasswd admin {s}",
        f"$ sshpass -p {s} ssh deploy@web-01 uptime",
        f"$ RCLONE_CONFIG_S3_SECRET_ACCESS_KEY={s} rclone sync ./backup s3:{svc(r)}-backups",
        f"$ RESTIC_PASSWORD={s} restic -r s3:s3.amazonaws.com/{svc(r)}-restic backup /srv",
    )


def c_cli_output(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ vault login -method=userpass username=dana\nSuccess! You are now authenticated.\n\nKey                    Value\n---                    -----\ntoken                  {v}\ntoken_accessor         8609694a-cdbc-db9b-d345-e782dbb562ed\ntoken_duration         768h",
        f"$ gh auth token\n{v}",
        f'$ az account get-access-token\n{{\n  "accessToken": {js(v)},\n  "expiresOn": "2026-12-06 11:11:12.000000",\n  "tokenType": "Bearer"\n}}',
        f"$ printenv | grep -i {vendor_words(r)[0]}\n{n.env}={v}",
        f"$ kubectl config view --raw -o jsonpath='{{.users[0].user.token}}'\n{v}",
    )


CONTEXTS = {
    "uvicorn": c_uvicorn,
    "py_logging": c_py_logging,
    "rails": c_rails,
    "spring": c_spring,
    "express": c_express,
    "go_log": c_go_log,
    "rust_tracing": c_rust_tracing,
    "dotnet": c_dotnet,
    "log4j": c_log4j,
    "structlog": c_structlog,
    "elixir": c_elixir,
    "nginx_err": c_nginx_err,
    "proxy_log": c_proxy_log,
    "journal": c_journal,
    "k8s_logs": c_k8s_logs,
    "compose": c_compose,
    "tf_debug": c_tf_debug,
    "ansible": c_ansible,
    "ci_console": c_ci_console,
    "pkg_verbose": c_pkg_verbose,
    "curl_v": c_curl_v,
    "py_http": c_py_http,
    "client_dump": c_client_dump,
    "db_error": c_db_error,
    "stack_trace": c_stack_trace,
    "sentry": c_sentry,
    "agent_tool": c_agent_tool,
    "history": c_history,
    "set_x": c_set_x,
    "powershell": c_powershell,
    "exec": c_exec,
    "cli_login": c_cli_login,
    "db_cli": c_db_cli,
    "tool_flags": c_tool_flags,
    "cli_output": c_cli_output,
}
# Multi-line values (PEM blocks, JSON keys) only where the format escapes or carries them.
BLOCK = {"sentry", "py_logging", "tf_debug", "structlog"}
# A value placed in a URL (query or userinfo): URL-safe only.
NEEDS_URL = {"uvicorn", "nginx_err", "py_http", "db_error"}
# A value placed unquoted among words, or inside a shell single-quoted string.
NEEDS_BARE = {
    "journal",
    "k8s_logs",
    "compose",
    "ci_console",
    "pkg_verbose",
    "curl_v",
    "client_dump",
    "log4j",
    "spring",
    "express",
    "history",
    "set_x",
    "exec",
    "cli_login",
    "db_cli",
    "tool_flags",
    "cli_output",
    "ansible",
    "proxy_log",
    "stack_trace",
    "dotnet",
    "powershell",
}


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in BLOCK
    if context in NEEDS_URL:
        return URL_SAFE.fullmatch(v) is not None
    if context in NEEDS_BARE:
        return BARE.fullmatch(v) is not None
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, x: str) -> str:
    return "\n".join(fmt.replace("{}", s) for s in x.splitlines())


LINE_CONTEXTS = {
    "py_logging": lambda x: each("2026-12-06 10:11:12,345 INFO scanner: skipped line: {}", x),
    "go_log": lambda x: json.dumps({"level": "info", "msg": "skipped", "line": x}),
    "log4j": lambda x: each(
        "2026-12-06 10:11:12,345 INFO  [main] c.e.scan.Linter - ignored: {}", x
    ),
    "compose": lambda x: each("linter-1  | ok: {}", x),
    "k8s_logs": lambda x: each("[pod/linter-0/app] note: {}", x),
    "ci_console": lambda x: each("2026-12-06T10:11:12.3456789Z {}", x),
    "journal": lambda x: each("Dec 06 10:11:12 ci-01 linter[511]: {}", x),
    "history": lambda x: (
        "$ cat samples/fp.txt\n" + x + "\n$ history | tail -1\n  601  cat samples/fp.txt"
    ),
    "set_x": lambda x: "+ cat samples/fp.txt\n" + x + "\n+ exit 0",
    "sentry": lambda x: json.dumps(
        {"event_id": "0d1e2f3a4b5c4d6e8f9a0b1c2d3e4f5a", "message": x, "level": "info"}
    ),
    "ansible": lambda x: (
        'TASK [lint : show sample] ****\nok: [ci-01] => {\n    "msg": ' + json.dumps(x) + "\n}"
    ),
    "rust_tracing": lambda x: each("2026-12-06T10:11:12.345678Z  INFO scan: sample line={}", x),
    "powershell": lambda x: "PS C:\\src> Get-Content .\\samples\\fp.txt\n" + x,
}


# ---------------------------------------------------------------- look-alikes
def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign log/command texts whose values look like credentials by shape only."""
    out = []
    kinds = 20
    for i in range(200):
        seed = f"c29-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(uuid.UUID(bytes=hashlib.md5(seed, usedforsecurity=False).digest(), version=4))
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        ms = RNG.randint(1, 900)
        port = RNG.choice([3000, 5432, 6379, 8080, 8443, 9090, 27017])
        b64 = base64.b64encode(hashlib.sha256(seed + b"2").digest()).decode()
        kind = i % kinds
        if kind == 0:
            t = f'INFO:     127.0.0.1:{40000 + i} - "GET /v1/orders/{RNG.randint(1000, 99999)}?request_id={u} HTTP/1.1" 200 OK'
            out.append(("uvicorn-request-id", t))
        elif kind == 1:
            t = f'traceparent: 00-{h256[:32]}-{h256[32:48]}-01\n{ts(i)} level=info msg="handled" trace_id={h256[:32]} span_id={h256[32:48]} duration={ms}ms'
            out.append(("trace-ids", t))
        elif kind == 2:
            t = f"2026-12-06T10:11:12.3456789Z + git checkout --progress --force {h1}\n2026-12-06T10:11:12.3456789Z HEAD is now at {h1[:7]} fix: retry on 503"
            out.append(("ci-checkout-sha", t))
        elif kind == 3:
            t = f"$ docker pull registry.local/api:{ver}\n{ver}: Pulling from api\nDigest: sha256:{h256}\nStatus: Downloaded newer image for registry.local/api:{ver}"
            out.append(("docker-pull-digest", t))
        elif kind == 4:
            t = f'< HTTP/2 304\n< etag: W/"{md5[:2]}-{b64[:27]}"\n< cache-control: max-age=60\n< x-request-id: {u}'
            out.append(("curl-etag", t))
        elif kind == 5:
            t = f'192.0.2.44 - - [06/Dec/2026:10:11:12 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0" "_ga=GA1.2.{RNG.randint(10**9, 10**10 - 1)}.{1733400000 + i}; _gid=GA1.2.{RNG.randint(10**8, 10**9 - 1)}.{1733470000 + i}"'
            out.append(("access-ga-cookie", t))
        elif kind == 6:
            t = f"npm http fetch GET 200 https://registry.npmjs.org/lodash/-/lodash-{ver}.tgz {ms}ms (cache miss)\nnpm verbose integrity sha512-{base64.b64encode(hashlib.sha512(seed).digest()).decode()}"
            out.append(("npm-integrity", t))
        elif kind == 7:
            t = f'Started GET "/orders/{RNG.randint(1, 9999)}" for 127.0.0.1 at 2026-12-06 10:11:12 +0000\nCompleted 200 OK in {ms}ms (Views: {ms / 3:.1f}ms | ActiveRecord: {ms / 7:.1f}ms | Allocations: {RNG.randint(1000, 9999)})\nListening on http://0.0.0.0:{port}'
            out.append(("rails-timing", t))
        elif kind == 8:
            cursor = base64.urlsafe_b64encode(
                json.dumps({"page": i % 7 + 2, "per_page": 50, "sort": "created_at"}).encode()
            ).decode()
            t = f'DEBUG:urllib3.connectionpool:https://api.github.com:443 "GET /repos/acme/app/issues?cursor={cursor} HTTP/1.1" 200 None'
            out.append(("cursor-b64", t))
        elif kind == 9:
            t = f'Normal   Pulled     {ms}s   kubelet  Successfully pulled image "registry.local/api@sha256:{h256}" in {ms / 100:.3f}s\nNormal   Created    {ms}s   kubelet  Created container api in pod api-{md5[:10]}-{md5[10:15]}'
            out.append(("k8s-events", t))
        elif kind == 10:
            t = f"aws_instance.web: Refreshing state... [id=i-0{md5[:16]}]\naws_security_group.web: Creation complete after {ms % 60}s [id=sg-0{h1[:16]}]"
            out.append(("terraform-ids", t))
        elif kind == 11:
            t = f'changed: [web-01] => {{"changed": true, "checksum": "{h1}", "dest": "/etc/app/app.conf", "md5sum": "{md5}", "mode": "0644", "size": {ms * 3}}}'
            out.append(("ansible-checksum", t))
        elif kind == 12:
            t = f"Download action repository 'actions/checkout@v4' (SHA:{h1})\nCache restored from key: Linux-pip-{h256}"
            out.append(("gha-action-sha", t))
        elif kind == 13:
            t = f"go: downloading github.com/acme/lib v{ver}\ngithub.com/acme/lib v{ver} h1:{b64}\ngithub.com/acme/lib v{ver}/go.mod h1:{base64.b64encode(hashlib.sha256(seed + b'3').digest()).decode()}"
            out.append(("go-sum", t))
        elif kind == 14:
            t = f'$ sentry-cli releases new {h1}\nCreated release {h1}\n{ts(i)} [sentry] event_id="{md5}" sent 1 event'
            out.append(("sentry-release", t))
        elif kind == 15:
            t = f"#7 [3/6] RUN pip install --no-cache-dir -r requirements.txt\n#7 DONE {ms / 10:.1f}s\n#9 exporting to image\n#9 writing image sha256:{h256} done\n#9 naming to registry.local/api:{ver} done"
            out.append(("buildkit-image", t))
        elif kind == 16:
            t = f"  601  git cherry-pick {h1}\n  602  docker run --rm registry.local/api@sha256:{h256} --version\n  603  kubectl rollout status deploy/api --timeout={ms}s"
            out.append(("history-hashes", t))
        elif kind == 17:
            t = f"< x-amzn-requestid: {u}\n< x-amz-id-2: {b64}\n< cf-ray: {h1[:16]}-AMS\n< server-timing: total;dur={ms}"
            out.append(("curl-resp-ids", t))
        elif kind == 18:
            t = f'Exception in thread "main" java.lang.IllegalStateException: closed\n\tat com.example.Pool$$Lambda$123/0x0000000800{md5[:6]}.run(Unknown Source)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nlock held by java.util.concurrent.locks.ReentrantLock$NonfairSync@{md5[:8]}'
            out.append(("java-hash-codes", t))
        else:
            t = f"pip download -v --no-deps requests=={ver}\nSaved ./requests-{ver}-py3-none-any.whl\nrequests=={ver} \\\n    --hash=sha256:{h256}\nContent-MD5: {base64.b64encode(hashlib.md5(seed + b'x', usedforsecurity=False).digest()).decode()}"
            out.append(("pip-hashes", t))
    return out


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
                text = CONTEXTS[context](s["rule"], pairs)
                secret = as_written(value, text)
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
                        "kind": "value",
                    }
                )
                assert secret in text, (context, value, text)
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


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (
        v,
        json.dumps(v)[1:-1],
        json.dumps(json.dumps(v)[1:-1])[1:-1],
        repr(v)[1:-1],
        json.dumps(repr(v)[1:-1])[1:-1],
    ):
        if form in text:
            return form
    return v


if __name__ == "__main__":
    main()
