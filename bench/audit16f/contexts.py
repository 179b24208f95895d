"""Context templates of the sixth held-out corpus: what a telemetry ``error_message`` really holds.

None of these is in an earlier corpus's context list (audit16: prose/flag/KEY=value/JSON/YAML/URL
query/log line; audit16b: Terraform, TOML, INI, Dockerfile, GitHub Actions env, systemd
Environment=, compose, HTTP headers, logfmt, Python stack traces, JSON-in-JSON, Go, Rust, Ruby,
C#, PowerShell; audit16c: shell export, docker -e, curl header, Python call/dict, JS env
fallback, Go struct, Java constant, PHP define, Make, XML appSettings, .env, k8s stringData;
audit16d: JSON-escaped logs, Python reprs, cmd.exe, URL paths, tfvars, .properties, Spring,
appsettings.json, source files of 10 languages, Helm --set, Ansible vars, Jupyter, stack traces
printing config, CSV, Markdown, HTML meta, prose in 3 languages, continuations, heredocs;
audit16e: tfstate, Actions logs, Helm values, systemd-creds, kubectl, docker inspect, HAR,
Postman, Jupyter source, pytest diff, Sentry, vault/aws/az/gh/fly CLIs, nginx, HTTPie, .http,
redis-cli, docker secret, journald, Go test, Slack, e-mail, pass).

Here: debug dumps of objects in ten languages (rich locals, Lombok/IntelliJ toString, Go %+v/%#v,
Rust dbg!, Ruby inspect, PHP var_dump/print_r, Perl Data::Dumper, Node util.inspect, C# records,
Swift dump), validation and ORM logs (pydantic, SQLAlchemy named and positional parameters, Rails
binds, Hibernate bind traces), HTTP client debug output (http.client ``send: b'…'``, Go
DumpRequest), gRPC metadata (Go map, Python tuples), an OpenTelemetry debug exporter span, a Caddy
JSON access log, Terraform plan diffs, Kubernetes env name/value lists, Ansible item loops,
cloud-init user-data, crontab, JVM ``-D`` and Gradle ``-P`` flags, ``dotnet user-secrets``,
PowerShell hashtables and SetEnvironmentVariable, browser localStorage, GraphQL arguments,
protobuf text format, SOAP/XML elements, Nix attribute paths, Actions ``##[debug]`` evaluation,
consul kv, /proc/PID/environ, strace execve, URL-encoded form bodies, TypeScript code frames with
a positional SDK key, better-exceptions variable arrows, LLM chat messages and tool calls, a
ValueError that prints a misplaced value, and syslog prose.

Each template takes the family (``env``, ``word``) and the value and returns the text, or the
text and the secret as it stands in it (the form body percent-encodes). ``APART`` templates name
the secret away from its value (line before, other argument, name/value pair); ``LOOSE`` ones
only in prose or not at all. ``PII_OK`` are the templates a personal data value is placed in.
"""

from __future__ import annotations

import json
import random
import urllib.parse
from collections.abc import Callable

Result = str | tuple[str, str]
Context = Callable[[dict, str, random.Random], Result]


def lower(env: str) -> str:
    """FOO_BAR_KEY -> foo_bar_key."""
    return env.lower()


def camel(env: str) -> str:
    """FOO_BAR_KEY -> fooBarKey."""
    head, *rest = env.lower().split("_")
    return head + "".join(w.title() for w in rest)


def pascal(env: str) -> str:
    """FOO_BAR_KEY -> FooBarKey."""
    return "".join(w.title() for w in env.lower().split("_"))


def kebab(env: str) -> str:
    """FOO_BAR_KEY -> foo-bar-key."""
    return env.lower().replace("_", "-")


def header(f: dict) -> tuple[str, str]:
    """The HTTP header the value would travel in: (name, prefix)."""
    if "TOKEN" in f["env"] or "PAT" in f["env"].split("_"):
        return "Authorization", "Bearer "
    return "X-" + "-".join(w.title() for w in f["env"].split("_")), ""


def hexs(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def host(f: dict) -> str:
    if str(f.get("name", "")).startswith("pii:"):
        return "api.shop.example"
    return f"api.{f['word']}.example"


# --- object dumps ---------------------------------------------------------------------------


def rich_locals(f: dict, tok: str, rng: random.Random) -> str:
    name = lower(f["env"])
    return (
        "╭──────────────────────────── locals ────────────────────────────╮\n"
        f"│   client = <httpx.Client object at 0x7f{hexs(rng, 10)}>      │\n"
        f"│ {name} = '{tok}' │\n"
        "│  retries = 3                                                    │\n"
        "╰─────────────────────────────────────────────────────────────────╯"
    )


def lombok(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "java.lang.IllegalStateException: refusing to start with "
        f"{pascal(f['word'])}Properties(endpoint=https://{host(f)}, {camel(f['env'])}={tok}, timeoutMs=3000)\n"
        "\tat com.acme.boot.Startup.verify(Startup.java:88)"
    )


def intellij(f: dict, tok: str, rng: random.Random) -> str:
    return f"WARN  c.a.i.ClientFactory - creating client from Config{{endpoint='https://{host(f)}', {camel(f['env'])}='{tok}', retries=3}}"


def go_plusv(f: dict, tok: str, rng: random.Random) -> str:
    return f'time=2026-12-05T09:14:03Z level=ERROR msg="client init failed" cfg="{{Endpoint:https://{host(f)} {pascal(f["env"])}:{tok} Timeout:30s}}"'


def go_sharpv(f: dict, tok: str, rng: random.Random) -> str:
    return f'panic: unexpected status 401 for config.Settings{{Endpoint:"https://{host(f)}", {pascal(f["env"])}:"{tok}", Timeout:30000000000}}\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/api/main.go:41 +0x1d4'


def rust_dbg(f: dict, tok: str, rng: random.Random) -> str:
    return f'[src/config.rs:48:9] &settings = Settings {{\n    endpoint: "https://{host(f)}",\n    {lower(f["env"])}: "{tok}",\n    retries: 3,\n}}'


def ruby_inspect(f: dict, tok: str, rng: random.Random) -> str:
    return f'#<Acme::{pascal(f["word"])}Config:0x0000{hexs(rng, 12)} @endpoint="https://{host(f)}", @{lower(f["env"])}="{tok}", @retries=3>'


def php_var_dump(f: dict, tok: str, rng: random.Random) -> str:
    url = f"https://{host(f)}"
    return f'array(3) {{\n  ["endpoint"]=>\n  string({len(url)}) "{url}"\n  ["{lower(f["env"])}"]=>\n  string({len(tok)}) "{tok}"\n  ["retries"]=>\n  int(3)\n}}'


def php_print_r(f: dict, tok: str, rng: random.Random) -> str:
    return f"Array\n(\n    [endpoint] => https://{host(f)}\n    [{lower(f['env'])}] => {tok}\n    [retries] => 3\n)"


def perl_dumper(f: dict, tok: str, rng: random.Random) -> str:
    return f"$VAR1 = {{\n          'endpoint' => 'https://{host(f)}',\n          '{lower(f['env'])}' => '{tok}',\n          'retries' => 3\n        }};"


def node_inspect(f: dict, tok: str, rng: random.Random) -> str:
    return f"[worker] config loaded {{\n  endpoint: 'https://{host(f)}',\n  {camel(f['env'])}: '{tok}',\n  retries: 3\n}}"


def csharp_record(f: dict, tok: str, rng: random.Random) -> str:
    return f"info: Acme.Api.Startup[0]\n      Options: {pascal(f['word'])}Options {{ Endpoint = https://{host(f)}, {pascal(f['env'])} = {tok}, Retries = 3 }}"


def swift_dump(f: dict, tok: str, rng: random.Random) -> str:
    return f'▿ Config\n  - endpoint: "https://{host(f)}"\n  - {camel(f["env"])}: "{tok}"\n  - retries: 3'


# --- validation and ORM logs -----------------------------------------------------------------


def pydantic_error(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\n"
        f"{lower(f['env'])}\n"
        f"  String should have at most 16 characters [type=string_too_long, input_value='{tok}', input_type=str]\n"
        "    For further information visit https://errors.pydantic.dev/2.9/v/string_too_long"
    )


def sqlalchemy_named(f: dict, tok: str, rng: random.Random) -> str:
    col = lower(f["env"])
    return (
        'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "integrations_pkey"\n'  # noqa: S608 (a log line, not a query)
        f"[SQL: INSERT INTO integrations (provider, {col}, created_at) VALUES (%(provider)s, %({col})s, %(created_at)s)]\n"
        f"[parameters: {{'provider': '{f['word']}', '{col}': '{tok}', 'created_at': datetime.datetime(2026, 12, 5, 9, 14, 3)}}]"
    )


def sqlite_positional(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "sqlite3.OperationalError: database is locked\n"  # noqa: S608 (a log line, not a query)
        f"[SQL: UPDATE integrations SET {lower(f['env'])}=?, updated_at=? WHERE integrations.id = ?]\n"
        f"[parameters: ('{tok}', '2026-12-05 09:14:03.512000', {rng.randint(1, 900)})]"
    )


def rails_binds(f: dict, tok: str, rng: random.Random) -> str:
    col = lower(f["env"])
    return f'  Integration Update (0.6ms)  UPDATE "integrations" SET "{col}" = $1, "updated_at" = $2 WHERE "integrations"."id" = $3  [["{col}", "{tok}"], ["updated_at", "2026-12-05 09:14:03.512000"], ["id", {rng.randint(1, 900)}]]'  # noqa: S608 (a log line, not a query)


def hibernate_bind(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f"Hibernate: update integration set {lower(f['env'])}=?, updated_at=? where id=?\n"  # noqa: S608 (a log line, not a query)
        f"2026-12-05 09:14:03.512 TRACE 1 --- [nio-8080-exec-3] org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [{tok}]\n"
        "2026-12-05 09:14:03.512 TRACE 1 --- [nio-8080-exec-3] org.hibernate.orm.jdbc.bind : binding parameter (2:TIMESTAMP) <- [2026-12-05T09:14:03.512]"
    )


# --- HTTP, gRPC, tracing ---------------------------------------------------------------------


def http_client_send(f: dict, tok: str, rng: random.Random) -> str:
    name, prefix = header(f)
    return f"send: b'POST /v1/events HTTP/1.1\\r\\nHost: {host(f)}\\r\\nUser-Agent: python-requests/2.32.3\\r\\nAccept-Encoding: gzip, deflate\\r\\n{name}: {prefix}{tok}\\r\\nContent-Length: 2\\r\\n\\r\\n'\nreply: 'HTTP/1.1 401 Unauthorized\\r\\n'"


def go_dump_request(f: dict, tok: str, rng: random.Random) -> str:
    name, prefix = header(f)
    return f"2026/12/05 09:14:03 outgoing request:\nGET /v1/me HTTP/1.1\nHost: {host(f)}\nUser-Agent: Go-http-client/1.1\n{name}: {prefix}{tok}\nAccept-Encoding: gzip\n"


def grpc_go_md(f: dict, tok: str, rng: random.Random) -> str:
    return f"rpc error: code = Unauthenticated desc = invalid credentials; outgoing metadata: map[:authority:[{host(f)}:443] {kebab(f['env'])}:[{tok}] user-agent:[grpc-go/1.68.0]]"


def grpc_py_md(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n"
        '\tstatus = StatusCode.UNAUTHENTICATED\n\tdetails = "bad credentials"\n>\n'
        f"call metadata=(('{kebab(f['env'])}', '{tok}'), ('x-request-id', 'r-{hexs(rng, 6)}'))"
    )


def otel_span(f: dict, tok: str, rng: random.Random) -> str:
    name, prefix = header(f)
    return (
        "Span #0\n"
        f"    Trace ID       : {hexs(rng, 32)}\n"
        f"    Parent ID      : {hexs(rng, 16)}\n"
        "    Name           : POST /v1/events\n"
        "    Kind           : Client\n"
        "Attributes:\n"
        "     -> http.request.method: Str(POST)\n"
        f'     -> http.request.header.{name.lower()}: Slice(["{prefix}{tok}"])\n'
        "     -> http.response.status_code: Int(401)"
    )


def caddy_json(f: dict, tok: str, rng: random.Random) -> str:
    name, prefix = header(f)
    record = {
        "level": "info",
        "ts": 1733390043.0 + rng.random(),
        "logger": "http.log.access.log0",
        "msg": "handled request",
        "request": {
            "method": "GET",
            "uri": "/v1/me",
            "headers": {"User-Agent": ["curl/8.5.0"], name: [prefix + tok]},
        },
        "status": 401,
    }
    return json.dumps(record)


# --- infrastructure --------------------------------------------------------------------------


def tf_plan_map(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "  # aws_lambda_function.worker will be updated in-place\n"
        '  ~ resource "aws_lambda_function" "worker" {\n'
        '        id = "worker"\n'
        "      ~ environment {\n"
        "          ~ variables = {\n"
        f'              + "{f["env"]}" = "{tok}"\n'
        '                "LOG_LEVEL" = "info"\n'
        "            }\n"
        "        }\n"
        "    }"
    )


def k8s_env_pairs(f: dict, tok: str, rng: random.Random) -> str:
    return f"    spec:\n      containers:\n      - env:\n        - name: LOG_LEVEL\n          value: info\n        - name: {f['env']}\n          value: {tok}\n        image: ghcr.io/acme/api:1.42.0"


def ansible_item(f: dict, tok: str, rng: random.Random) -> str:
    return f"TASK [app : write environment] ****************************************\nchanged: [web-01] => (item={{'key': '{f['env']}', 'value': '{tok}'}})\nok: [web-01] => (item={{'key': 'LOG_LEVEL', 'value': 'info'}})"


def cloud_init(f: dict, tok: str, rng: random.Random) -> str:
    return f"#cloud-config\nwrite_files:\n  - path: /etc/{f['word']}/env\n    permissions: '0600'\n    content: |\n      {f['env']}={tok}\n      LOG_LEVEL=info\nruncmd:\n  - [systemctl, restart, {f['word']}-agent]"


def crontab(f: dict, tok: str, rng: random.Random) -> str:
    return f"# m h  dom mon dow   command\n*/15 * * * * {f['env']}={tok} /usr/local/bin/{f['word']}-sync --quiet >> /var/log/{f['word']}-sync.log 2>&1"


def jvm_d_flag(f: dict, tok: str, rng: random.Random) -> str:
    return f"/usr/lib/jvm/java-21-openjdk/bin/java -Xmx512m -D{lower(f['env']).replace('_', '.')}={tok} -Dspring.profiles.active=prod -jar /opt/app/app.jar"


def gradle_p(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ ./gradlew publish -P{camel(f['env'])}={tok} --no-daemon\n> Task :publish FAILED"


def dotnet_user_secrets(f: dict, tok: str, rng: random.Random) -> str:
    return f'PS> dotnet user-secrets set "{pascal(f["word"])}:{pascal(f["env"])}" "{tok}" --project src/Api\nSuccessfully saved {pascal(f["word"])}:{pascal(f["env"])} = {tok} to the secret store.'


def ps_hashtable(f: dict, tok: str, rng: random.Random) -> str:
    name, prefix = header(f)
    return f'Invoke-RestMethod -Uri https://{host(f)}/v1/me -Headers @{{"{name}"="{prefix}{tok}"; "Accept"="application/json"}}'


def ps_setenv(f: dict, tok: str, rng: random.Random) -> str:
    return f'[Environment]::SetEnvironmentVariable("{f["env"]}", "{tok}", "Machine")'


def js_setitem(f: dict, tok: str, rng: random.Random) -> str:
    return f'> localStorage.setItem("{camel(f["env"])}", "{tok}")\n< undefined'


def graphql_args(f: dict, tok: str, rng: random.Random) -> str:
    return f'mutation {{\n  connectIntegration(provider: "{f["word"]}", {camel(f["env"])}: "{tok}") {{\n    id\n    status\n  }}\n}}'


def protobuf_text(f: dict, tok: str, rng: random.Random) -> str:
    return f'integration {{\n  provider: "{f["word"]}"\n  credentials {{\n    {lower(f["env"])}: "{tok}"\n  }}\n}}'


def xml_element(f: dict, tok: str, rng: random.Random) -> str:
    tag = pascal(f["env"])
    return f"<soapenv:Header>\n  <auth:Credentials>\n    <auth:{tag}>{tok}</auth:{tag}>\n  </auth:Credentials>\n</soapenv:Header>"


def nix_attrpath(f: dict, tok: str, rng: random.Random) -> str:
    return f'  services.{f["word"]}-exporter.settings.auth.{lower(f["env"])} = "{tok}";'


def proc_environ(f: dict, tok: str, rng: random.Random) -> str:
    return f"# cat /proc/1/environ\nPATH=/usr/local/sbin:/usr/local/bin:/usr/bin^@HOSTNAME=api-7d9f{hexs(rng, 4)}^@{f['env']}={tok}^@HOME=/root^@"


def strace_execve(f: dict, tok: str, rng: random.Random) -> str:
    return f'execve("/usr/local/bin/{f["word"]}-cli", ["{f["word"]}-cli", "login", "--{kebab(f["env"])}", "{tok}"], 0x7ffc{hexs(rng, 8)} /* 24 vars */) = 0'


def form_body(f: dict, tok: str, rng: random.Random) -> Result:
    enc = urllib.parse.quote(tok, safe="")
    if f["name"].startswith("pii:"):
        text = f"POST /checkout/confirm HTTP/1.1\nHost: {host(f)}\nContent-Type: application/x-www-form-urlencoded\n\norder_id={rng.randint(10000, 99999)}&{lower(f['env'])}={enc}&accept_terms=1"
        return text, enc
    text = f"POST /oauth/token HTTP/1.1\nHost: {host(f)}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&client_id=svc-{hexs(rng, 8)}&{lower(f['env'])}={enc}"
    return text, enc


def tool_call(f: dict, tok: str, rng: random.Random) -> str:
    record = {
        "type": "tool_use",
        "id": f"toolu_01{hexs(rng, 20)}",
        "name": "bash",
        "input": {"command": f"export {f['env']}={tok} && ./scripts/deploy.sh staging"},
    }
    return json.dumps(record)


KEYED: dict[str, Context] = {
    "rich-locals": rich_locals,
    "lombok-tostring": lombok,
    "intellij-tostring": intellij,
    "go-plusv": go_plusv,
    "go-sharpv": go_sharpv,
    "rust-dbg": rust_dbg,
    "ruby-inspect": ruby_inspect,
    "php-var-dump": php_var_dump,
    "php-print-r": php_print_r,
    "perl-dumper": perl_dumper,
    "node-inspect": node_inspect,
    "csharp-record": csharp_record,
    "swift-dump": swift_dump,
    "sqlalchemy-named": sqlalchemy_named,
    "rails-binds": rails_binds,
    "http-client-send": http_client_send,
    "go-dump-request": go_dump_request,
    "grpc-go-metadata": grpc_go_md,
    "grpc-py-metadata": grpc_py_md,
    "otel-span": otel_span,
    "caddy-json": caddy_json,
    "tf-plan-map": tf_plan_map,
    "cloud-init": cloud_init,
    "crontab": crontab,
    "jvm-d-flag": jvm_d_flag,
    "gradle-p": gradle_p,
    "dotnet-user-secrets": dotnet_user_secrets,
    "ps-hashtable": ps_hashtable,
    "ps-setenv": ps_setenv,
    "js-setitem": js_setitem,
    "graphql-args": graphql_args,
    "protobuf-text": protobuf_text,
    "xml-element": xml_element,
    "nix-attrpath": nix_attrpath,
    "proc-environ": proc_environ,
    "strace-execve": strace_execve,
    "form-body": form_body,
    "tool-call-jsonl": tool_call,
}


# --- key apart from the value ----------------------------------------------------------------


def sdk_positional(f: dict, tok: str, rng: random.Random) -> str:
    cls = pascal(f["word"]) + "Client"
    line = f'const client = new {cls}("{tok}");'
    return f"src/lib/{f['word']}.ts:12:24 - error TS2345: Argument of type 'string' is not assignable to parameter of type 'ClientOptions'.\n\n12 {line}\n   {' ' * (line.index('(') + 1)}{'~' * (len(tok) + 2)}"


def better_exceptions(f: dict, tok: str, rng: random.Random) -> str:
    var = lower(f["env"])
    src = f'    resp = session.post(url, headers={{"Authorization": f"Bearer {{{var}}}"}})'
    col = src.index("{" + var)
    return (
        '  File "/srv/app/clients.py", line 42, in connect\n'
        f"{src}\n"
        f"    │                   │{' ' * (col - 25)}└ '{tok}'\n"
        f"    │                   └ 'https://{host(f)}/v1/auth'\n"
        f"    └ <requests.Session object at 0x7f{hexs(rng, 10)}>"
    )


def gha_debug(f: dict, tok: str, rng: random.Random) -> str:
    return f"##[debug]Evaluating: secrets.{f['env']}\n##[debug]Evaluating Index:\n##[debug]..Evaluating secrets:\n##[debug]..=> Object\n##[debug]..Evaluating String:\n##[debug]..=> '{f['env']}'\n##[debug]=> '{tok}'\n##[debug]Result: '{tok}'"


def consul_kv(f: dict, tok: str, rng: random.Random) -> str:
    path = f"config/{f['word']}/{lower(f['env'])}"
    return f"$ consul kv put {path} {tok}\nSuccess! Data written to: {path}"


APART: dict[str, Context] = {
    "pydantic-error": pydantic_error,
    "sqlite-positional": sqlite_positional,
    "hibernate-bind": hibernate_bind,
    "k8s-env-pairs": k8s_env_pairs,
    "ansible-item": ansible_item,
    "sdk-positional": sdk_positional,
    "better-exceptions": better_exceptions,
    "gha-debug": gha_debug,
    "consul-kv": consul_kv,
}


# --- prose or nothing ------------------------------------------------------------------------


def llm_chat(f: dict, tok: str, rng: random.Random) -> str:
    ask = (
        f"the customer's {f['word']} is {tok}, can you draft the refund e-mail?"
        if f["name"].startswith("pii:")
        else f"here is my {f['word']} key {tok} - why do I still get 401 from the API?"
    )
    messages = [
        {"role": "user", "content": ask},
        {"role": "assistant", "content": "Please rotate that key now: it was pasted into a chat."},
    ]
    return json.dumps({"model": "llama3.1:8b", "messages": messages}, ensure_ascii=False)


def chat_plain(f: dict, tok: str, rng: random.Random) -> str:
    if f["name"].startswith("pii:"):
        return f"User: the caller gave {tok} as their {f['word']}, is that the one on file?\nAssistant: I can't look up personal data here."
    return f"User: ok I rotated the {f['word']} one, new value is {tok}\nAssistant: Thanks. Never paste credentials here; put it in the secret store instead."


def value_error(f: dict, tok: str, rng: random.Random) -> str:
    return f'  File "/srv/app/settings.py", line 12, in <module>\n    TIMEOUT = int(os.environ["{f["env"]}"])\nValueError: invalid literal for int() with base 10: \'{tok}\''


def syslog_prose(f: dict, tok: str, rng: random.Random) -> str:
    if f["name"].startswith("pii:"):
        return f"Dec  5 09:14:03 api-7d9f billing-worker[{rng.randint(900, 9999)}]: ERROR charge declined for customer {rng.randint(10000, 99999)} ({f['word']} {tok}), retrying in 30s"
    return f"Dec  5 09:14:03 api-7d9f {f['word']}-agent[{rng.randint(900, 9999)}]: WARN using credential {tok} from the environment (deprecated, move it to /etc/{f['word']}/credentials)"


LOOSE: dict[str, Context] = {
    "llm-chat-json": llm_chat,
    "chat-transcript": chat_plain,
    "value-error": value_error,
    "syslog-prose": syslog_prose,
}

PII_OK = {
    "rich-locals",
    "lombok-tostring",
    "intellij-tostring",
    "go-plusv",
    "go-sharpv",
    "rust-dbg",
    "ruby-inspect",
    "php-var-dump",
    "php-print-r",
    "perl-dumper",
    "node-inspect",
    "csharp-record",
    "swift-dump",
    "sqlalchemy-named",
    "rails-binds",
    "graphql-args",
    "protobuf-text",
    "xml-element",
    "form-body",
    "js-setitem",
    "pydantic-error",
    "sqlite-positional",
    "hibernate-bind",
    "llm-chat-json",
    "chat-transcript",
    "syslog-prose",
}
