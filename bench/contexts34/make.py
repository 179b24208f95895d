"""Build contexts34: scanner fixtures and fresh draws where values travel through cloud, ops and tool files (blind).

``python bench/contexts34/make.py`` writes secrets.jsonl and benign.jsonl (seed 34034). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 34034) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: cloud CLI output
(Lambda, Cloud Run, Azure app settings), IaC parameters (Pulumi, CloudFormation/ARM/Bicep), container
runtimes (crictl, ctr, podman), SOPS/Vault agent, observability payloads (OTLP, Grafana/Alertmanager,
journald/Loki exports, Prometheus scrape configs), database GUIs and shells (DBeaver, mssql, redis
MONITOR, mongosh), Kafka/RabbitMQ/MQTT/NATS, CI (Actions workflow commands, GitLab variables API,
Drone/Woodpecker/Concourse/Buildkite/Tekton), PaaS env (Vercel, Netlify, Render, Railway), Nix files,
JetBrains files, dotfiles (.authinfo, mutt, msmtp, Emacs, Vim), PowerShell transcripts, MCP configs,
LLM traces, prose in other scripts, browser storage, cookie jars, OS keyrings, process managers.
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address or an IP).
Row format as contexts32.
"""

# ruff: noqa: RUF001  (the corpus holds prose in Greek, Hebrew, Cyrillic and box-drawing tables)
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

SEED = 34034
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
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.
# Where values travel between people and tools: mail, chat, review, notebooks, vault CLIs, config
# management, package-manager credentials, SQL, API collections, patches, crash notes, mobile, systemd.


def sqlq(v: str) -> str:
    """An SQL string literal ('' doubles a quote)."""
    return "'" + v.replace("'", "''") + "'"


def csvq(v: str) -> str:
    """A CSV field as spreadsheets export it (quoted when it must be)."""
    return '"' + v.replace('"', '""') + '"' if re.search(r'[",\n]', v) else v


def mid() -> str:
    return f"{hexid(8)}.{hexid(6)}"


def cid() -> str:
    return hexid(64)


def c_lambda_cfg(r, pairs):
    n, v = pairs[-1]
    fn = f"{svc(r)}-sync"
    env = {m.env: w for m, w in others(pairs)}
    env[n.env] = v
    return choose(
        v,
        esc=(
            f"$ aws lambda get-function-configuration --function-name {fn} --query Environment\n"
            + json.dumps({"Variables": env}, indent=4),
            f"$ aws lambda get-function-configuration --function-name {fn}\n"
            + json.dumps(
                {
                    "FunctionName": fn,
                    "FunctionArn": f"arn:aws:lambda:eu-west-1:123456789012:function:{fn}",
                    "Runtime": "python3.12",
                    "Handler": "app.handler",
                    "CodeSize": 48213,
                    "Timeout": 30,
                    "MemorySize": 256,
                    "Environment": {"Variables": {"LOG_LEVEL": "info", **env}},
                    "Version": "$LATEST",
                    "State": "Active",
                },
                indent=4,
            ),
        ),
        line=(
            f"$ aws lambda get-function-configuration --function-name {fn} --query Environment --output table\n"
            f"--------------------------------------------------------------\n"
            f"|                  GetFunctionConfiguration                  |\n"
            f"+------------------------------------------------------------+\n"
            f"||                         Variables                        ||\n"
            f"|+------------------------------+---------------------------+|\n"
            f"||  LOG_LEVEL                   |  info                     ||\n"
            f"||  {n.env:<28}|  {v}  ||\n"
            f"|+------------------------------+---------------------------+|",
        ),
        bare=(
            f'$ aws lambda update-function-configuration --function-name {fn} --environment "Variables={{LOG_LEVEL=info,{n.env}={v}}}"',
        ),
    )


def c_cloud_run(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ gcloud run services describe {svc(r)} --region europe-west1 --format yaml\n"
            f"apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: {svc(r)}\n"
            f"spec:\n  template:\n    spec:\n      containers:\n      - env:\n        - name: LOG_LEVEL\n          value: info\n"
            f"        - name: {n.env}\n          value: {yq(v)}\n"
            f"        image: europe-docker.pkg.dev/acme/apps/{svc(r)}:1.8.2\n        ports:\n        - containerPort: 8080",
            f"$ gcloud functions describe {svc(r)}-hook --gen2 --region europe-west1 --format json | jq .serviceConfig.environmentVariables\n"
            + json.dumps({"LOG_EXECUTION_ID": "true", n.env: v}, indent=2),
        ),
        bare=(
            f"$ gcloud run deploy {svc(r)} --image europe-docker.pkg.dev/acme/apps/{svc(r)}:1.8.2 --region europe-west1 --set-env-vars {n.env}={v},LOG_LEVEL=info",
            f"$ gcloud run services update {svc(r)} --update-env-vars={n.env}={v}",
        ),
    )


def c_az_appsettings(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ az webapp config appsettings list -g rg-{svc(r)} -n {svc(r)}-web\n"
            + json.dumps(
                [
                    {"name": "WEBSITE_RUN_FROM_PACKAGE", "slotSetting": False, "value": "1"},
                    {"name": n.env, "slotSetting": False, "value": v},
                ],
                indent=2,
            ),
        ),
        line=(
            f"$ az functionapp config appsettings list -g rg-{svc(r)} -n {svc(r)}-fn -o table\n"
            f"Name                          Value                                     SlotSetting\n"
            f"----------------------------  ----------------------------------------  -------------\n"
            f"FUNCTIONS_WORKER_RUNTIME      python                                    False\n"
            f"{n.env:<30}{v}  False",
        ),
        bare=(
            f"$ az functionapp config appsettings set -g rg-{svc(r)} -n {svc(r)}-fn --settings {n.env}={v} FUNCTIONS_WORKER_RUNTIME=python",
            f"$ az containerapp update -n {svc(r)} -g rg-{svc(r)} --set-env-vars {n.env}={v}",
        ),
    )


def c_pulumi(r, pairs):
    n, v = pairs[-1]
    proj = ident(n)
    return choose(
        v,
        esc=(
            "$ pulumi stack output --show-secrets --json\n"
            + json.dumps({"url": f"https://{host(r)}", n.tail.camel: v}, indent=4),
            f"$ cat Pulumi.prod.yaml\nconfig:\n  aws:region: eu-west-1\n  {proj}:{n.tail.camel}: {yq(v)}",
        ),
        line=(
            f"$ pulumi config --show-secrets\nKEY                  VALUE\naws:region           eu-west-1\n{proj}:{n.tail.camel:<16} {v}",
            f"$ pulumi config set {proj}:{n.tail.camel} {shq(v)}\n$ pulumi up --yes",
        ),
    )


def c_cfn_params(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "$ cat params/prod.json\n"
            + json.dumps(
                [
                    {"ParameterKey": "Environment", "ParameterValue": "prod"},
                    {"ParameterKey": n.pascal, "ParameterValue": v},
                ],
                indent=2,
            ),
            "$ cat main.parameters.json\n"
            + json.dumps(
                {
                    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                    "contentVersion": "1.0.0.0",
                    "parameters": {"location": {"value": "westeurope"}, n.camel: {"value": v}},
                },
                indent=2,
            ),
        ),
        line=(
            f"// main.bicepparam\nusing './main.bicep'\n\nparam location = 'westeurope'\nparam {n.camel} = {sq(v)}",
        ),
        bare=(
            f"$ aws cloudformation deploy --template-file template.yaml --stack-name {svc(r)}-prod --parameter-overrides Environment=prod {n.pascal}={v}",
        ),
    )


def c_crictl_podman(r, pairs):
    n, v = pairs[-1]
    c = cid()
    return choose(
        v,
        esc=(
            f"$ crictl inspect {c[:13]} | jq .info.config.envs\n"
            + json.dumps(
                [
                    {"key": "KUBERNETES_SERVICE_PORT", "value": "443"},
                    {"key": n.env, "value": v},
                ],
                indent=2,
            ),
            f"$ ctr -n k8s.io containers info {c} | jq .Spec.process.env\n"
            + json.dumps(
                [
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    f"{n.env}={v}",
                    f"HOSTNAME={svc(r)}-7d9f8",
                ],
                indent=2,
            ),
        ),
        line=(
            f"$ crictl exec {c[:13]} env\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME={svc(r)}-7d9f8b6c4-x2kqp\n{n.env}={v}\nKUBERNETES_PORT=tcp://10.96.0.1:443",
        ),
        bare=(
            f"$ podman run -d --name {svc(r)} -e {n.env}={v} -p 8080:8080 quay.io/acme/{svc(r)}:1.8.2",
        ),
    )


def c_sops_vault(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ sops -d secrets/prod.enc.yaml\n{svc(r)}:\n    region: eu-west-1\n    {n.tail.snake}: {yq(v)}",
            "$ sops --decrypt config.enc.json\n"
            + json.dumps({n.vendor: {n.tail.camel: v, "timeout": 30}}, indent=4),
            f"$ helm secrets decrypt charts/{svc(r)}/secrets.prod.yaml\nsecrets:\n  {n.tail.camel}: {yq(v)}",
        ),
        line=(
            f'$ sops -d --extract \'["{n.vendor}"]["{n.tail.snake}"]\' secrets/prod.enc.yaml\n{v}',
            f"$ kubectl exec deploy/{svc(r)} -c app -- cat /vault/secrets/config.env\nexport {n.env}={shq(v)}\nexport LOG_LEVEL=info",
        ),
    )


def c_otlp(r, pairs):
    n, v = pairs[-1]
    attr = pick(
        ("http.request.header.authorization", f"Bearer {v}"),
        (f"http.request.header.x-{n.tail.kebab}", v),
        (f"{ident(n)}.{n.tail.snake}", v),
    )
    return choose(
        v,
        esc=(
            json.dumps(
                {
                    "resourceSpans": [
                        {
                            "resource": {
                                "attributes": [
                                    {"key": "service.name", "value": {"stringValue": svc(r)}}
                                ]
                            },
                            "scopeSpans": [
                                {
                                    "scope": {"name": "opentelemetry.instrumentation.requests"},
                                    "spans": [
                                        {
                                            "traceId": hexid(32),
                                            "spanId": hexid(16),
                                            "name": "POST",
                                            "kind": 3,
                                            "attributes": [
                                                {
                                                    "key": "http.method",
                                                    "value": {"stringValue": "POST"},
                                                },
                                                {"key": attr[0], "value": {"stringValue": attr[1]}},
                                            ],
                                        }
                                    ],
                                }
                            ],
                        }
                    ]
                }
            ),
        ),
        line=(
            f'Span #0\n    Trace ID       : {hexid(32)}\n    Parent ID      : \n    ID             : {hexid(16)}\n    Name           : POST /v1/{svc(r)}\n    Kind           : Client\nAttributes:\n     -> http.method: Str(POST)\n     -> {attr[0]}: Slice(["{attr[1]}"])\n     -> http.status_code: Int(200)',
            f"ScopeSpans #0\nSpan #0\n    Name           : UPDATE users\nAttributes:\n     -> db.system: Str(postgresql)\n     -> db.statement: Str(ALTER ROLE {n.vendor.replace('-', '_')}_app WITH PASSWORD '{v}')",
        ),
    )


def c_grafana_am(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"# provisioning/datasources/{svc(r)}.yaml\napiVersion: 1\ndatasources:\n  - name: {svc(r)}\n    type: prometheus\n    url: https://{host(r)}\n"
            f"    basicAuth: true\n    basicAuthUser: {user_of(pairs)}\n    secureJsonData:\n      basicAuthPassword: {yq(v)}",
            f"# provisioning/datasources/{svc(r)}.yaml\ndatasources:\n  - name: {svc(r)}\n    type: grafana-{ident(n)}-datasource\n    jsonData:\n      httpHeaderName1: X-{n.tail.pascal.replace('Api', 'API-')}\n"
            f"    secureJsonData:\n      httpHeaderValue1: {yq(v)}",
            "$ curl -s https://grafana.example.org/api/v1/provisioning/contact-points | jq '.[0]'\n"
            + json.dumps(
                {
                    "uid": hexid(14),
                    "name": f"{svc(r)}-webhook",
                    "type": "webhook",
                    "settings": {
                        "url": f"https://{host(r)}/alerts",
                        "authorization_scheme": "Bearer",
                        "authorization_credentials": v,
                    },
                },
                indent=2,
            ),
        ),
        line=(
            f"# alertmanager.yml\nreceivers:\n- name: {svc(r)}\n  webhook_configs:\n  - url: https://{host(r)}/hook\n    http_config:\n      authorization:\n        type: Bearer\n        credentials: {yq(v)}",
        ),
    )


def c_log_export(r, pairs):
    n, v = pairs[-1]
    ts = f"17335{RNG.randint(10000, 99999)}{RNG.randint(100000, 999999)}"
    return choose(
        v,
        esc=(
            f"$ journalctl -u {svc(r)} -o json -n 1\n"
            + json.dumps(
                {
                    "__REALTIME_TIMESTAMP": ts,
                    "_SYSTEMD_UNIT": f"{svc(r)}.service",
                    "PRIORITY": "6",
                    "SYSLOG_IDENTIFIER": svc(r),
                    "MESSAGE": f"loaded config: {n.env}={v}",
                    "_PID": "2211",
                }
            ),
            f"$ logcli query '{{app=\"{svc(r)}\"}}' -o jsonl --limit 1\n"
            + json.dumps(
                {
                    "labels": {"app": svc(r), "namespace": "prod"},
                    "line": f'level=debug msg="client init" {n.tail.snake}="{v}"',
                    "timestamp": "2026-12-07T09:14:02.123456Z",
                }
            ),
            json.dumps(
                {
                    "streams": [
                        {
                            "stream": {"app": svc(r), "level": "info"},
                            "values": [
                                [ts + "000", f"POST /hooks/{svc(r)} {n.tail.snake}={v} status=200"]
                            ],
                        }
                    ]
                }
            ),
        ),
    )


def c_prom_scrape(r, pairs):
    n, v = pairs[-1]
    head = f"scrape_configs:\n  - job_name: {svc(r)}\n    scheme: https\n    static_configs:\n      - targets: ['{host(r)}:9100']\n"
    return choose(
        v,
        esc=(
            head + f"    basic_auth:\n      username: {user_of(pairs)}\n      password: {yq(v)}",
            head + f"    authorization:\n      type: Bearer\n      credentials: {yq(v)}",
            head + f"    params:\n      {n.tail.snake}:\n        - {yq(v)}",
        ),
        bare=(
            "$ curl -s localhost:9090/api/v1/targets | jq '.data.activeTargets[0]'\n"
            + json.dumps(
                {
                    "labels": {"instance": f"{host(r)}:443", "job": svc(r)},
                    "scrapePool": svc(r),
                    "scrapeUrl": f"https://{host(r)}:443/metrics?{n.tail.snake}={v}",
                    "health": "up",
                },
                indent=2,
            ),
        ),
    )


def c_db_gui(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "$ cat .dbeaver/data-sources.json\n"
            + json.dumps(
                {
                    "folders": {},
                    "connections": {
                        f"postgres-jdbc-{hexid(11)}-{hexid(16)}": {
                            "provider": "postgresql",
                            "driver": "postgres-jdbc",
                            "name": f"{svc(r)} prod",
                            "save-password": True,
                            "configuration": {
                                "host": f"db.{host(r)}",
                                "port": "5432",
                                "database": ident(n),
                                "user": user_of(pairs),
                                "password": v,
                                "auth-model": "native",
                            },
                        }
                    },
                },
                indent=1,
            ),
            "// settings.json\n"
            + json.dumps(
                {
                    "mssql.connections": [
                        {
                            "server": f"sql.{host(r)}",
                            "database": ident(n),
                            "authenticationType": "SqlLogin",
                            "user": user_of(pairs),
                            "password": v,
                            "savePassword": True,
                        }
                    ]
                },
                indent=4,
            ),
        ),
        line=(
            f"# ~/.config/litecli/config  /  ~/.myclirc\n[alias_dsn]\n{ident(n)}_prod = mysql://{user_of(pairs)}:{v}@db.{host(r)}:3306/{ident(n)}",
        ),
    )


def c_db_shell(r, pairs):
    n, v = pairs[-1]
    pre = f"$ redis-cli -h cache.{host(r)} MONITOR\nOK\n17335{RNG.randint(10000, 99999)}.{RNG.randint(100000, 999999)} [0 10.0.3.7:53214] "
    return choose(
        v,
        esc=(
            pre + f'"AUTH" "{user_of(pairs)}" {dq(v)}',
            pre + f'"CONFIG" "SET" "requirepass" {dq(v)}',
            pre + f'"HSET" "config:{svc(r)}" "{n.tail.snake}" {dq(v)}',
            f'admin> db.getSiblingDB("admin").createUser({{ user: "{user_of(pairs)}", pwd: {dq(v)}, roles: ["readWrite"] }})\n{{ ok: 1 }}',
            f'test> db.settings.updateOne({{ _id: "{svc(r)}" }}, {{ $set: {{ {n.tail.camel}: {dq(v)} }} }})\n{{ acknowledged: true, matchedCount: 1, modifiedCount: 1 }}',
        ),
    )


def c_kafka(r, pairs):
    v = pairs[-1][1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"# client.properties\nbootstrap.servers=kafka.{host(r)}:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
            f'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="{u}" password="{v}";',
            f'// kafka_client_jaas.conf\nKafkaClient {{\n  org.apache.kafka.common.security.scram.ScramLoginModule required\n  username="{u}"\n  password="{v}";\n}};',
            f"$ confluent api-key create --resource lkc-{hexid(5)}\nIt may take a couple of minutes for the API key to be ready.\nSave the API key and secret. The secret is not retrievable later.\n"
            f"+------------+------------------------------------------------------------------+\n| API Key    | {u.upper()[:16]:<64} |\n| API Secret | {v:<64} |\n+------------+------------------------------------------------------------------+",
        ),
        bare=(
            f"$ kcat -b kafka.{host(r)}:9092 -X security.protocol=SASL_SSL -X sasl.mechanisms=PLAIN -X sasl.username={u} -X sasl.password={v} -L",
        ),
    )


def c_mq(r, pairs):
    v = pairs[-1][1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            "$ cat definitions.json\n"
            + json.dumps(
                {
                    "users": [{"name": u, "password": v, "tags": ["monitoring"]}],
                    "vhosts": [{"name": f"/{svc(r)}"}],
                    "permissions": [
                        {
                            "user": u,
                            "vhost": f"/{svc(r)}",
                            "configure": ".*",
                            "write": ".*",
                            "read": ".*",
                        }
                    ],
                },
                indent=2,
            ),
        ),
        line=(
            f'$ rabbitmqctl add_user {u} {shq(v)}\nAdding user "{u}" ...\nDone. Don\'t forget to grant the user permissions to some virtual hosts!',
            f"$ mosquitto_pub -h mqtt.{host(r)} -p 8883 -u {u} -P {shq(v)} -t sensors/{svc(r)}/cmd -m reboot",
            f'$ nats context save {svc(r)} --server nats://nats.{host(r)}:4222 --user {u} --password {shq(v)}\nNATS Configuration Context "{svc(r)}"\n\n      Server URLs: nats://nats.{host(r)}:4222\n         Username: {u}\n         Password: *********',
            f"# nats-server.conf\nauthorization {{\n  users = [\n    {{ user: {u}, password: {dq(v)} }}\n  ]\n}}",
        ),
    )


def c_gha_cmds(r, pairs):
    n, v = pairs[-1]
    t = "2026-12-07T09:14:02.1234567Z"
    return choose(
        v,
        line=(
            f'{t} ##[group]Run echo "::add-mask::{v}"\n{t} echo "::add-mask::{v}"\n{t} shell: /usr/bin/bash -e {{0}}\n{t} ##[endgroup]',
            f'{t} ##[group]Run echo "{n.tail.snake}={v}" >> "$GITHUB_OUTPUT"\n{t} echo "{n.tail.snake}={v}" >> "$GITHUB_OUTPUT"\n{t} shell: /usr/bin/bash -e {{0}}\n{t} ##[endgroup]',
            f"{t} ::set-output name={n.tail.snake}::{v}\n{t} Warning: The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.",
            f"{t} ##[debug]Evaluating: steps.login.outputs.{n.tail.snake}\n{t} ##[debug]Evaluating Index:\n{t} ##[debug]=> {sqlq(v)}\n{t} ##[debug]Result: {sqlq(v)}",
        ),
    )


def c_gitlab_vars(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            '$ curl -s --header "PRIVATE-TOKEN: $GL_TOKEN" "https://gitlab.example.com/api/v4/projects/42/variables"\n'
            + json.dumps(
                [
                    {
                        "variable_type": "env_var",
                        "key": n.env,
                        "value": v,
                        "protected": True,
                        "masked": False,
                        "raw": False,
                        "environment_scope": "*",
                        "description": None,
                    }
                ]
            ),
        ),
        line=(
            f"$ glab variable set {n.env} {shq(v)} --scope production\n✓ Created variable {n.env} for org/{svc(r)} with scope production.",
            f"$ glab variable get {n.env}\n{v}",
        ),
        bare=(
            f'$ curl --request POST --header "PRIVATE-TOKEN: $GL_TOKEN" "https://gitlab.example.com/api/v4/projects/42/variables" --form "key={n.env}" --form "value={v}"',
        ),
    )


def c_ci_vendors(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"apiVersion: tekton.dev/v1\nkind: PipelineRun\nmetadata:\n  generateName: {svc(r)}-deploy-\nspec:\n  pipelineRef:\n    name: deploy\n  params:\n    - name: image\n      value: ghcr.io/acme/{svc(r)}:1.8.2\n    - name: {n.kebab}\n      value: {yq(v)}",
        ),
        line=(
            f"$ drone secret add --repository acme/{svc(r)} --name {n.snake} --data {shq(v)}",
            f"$ woodpecker-cli repo secret add --repository acme/{svc(r)} --name {n.snake} --value {shq(v)}",
            f"$ fly -t ci set-pipeline -p {svc(r)} -c ci/pipeline.yml -v {n.snake}={shq(v)}",
            f'$ buildkite-agent meta-data set "{n.kebab}" {shq(v)}',
        ),
    )


def c_paas_env(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'$ vercel env pull .env.local\nVercel CLI 39.1.2\n> Downloading `development` Environment Variables for acme/{svc(r)}\n✅  Created .env.local file  [186ms]\n$ cat .env.local\n# Created by Vercel CLI\n{n.env}={dq(v)}\nVERCEL="1"',
            "$ netlify env:list --json --context production\n"
            + json.dumps({"NODE_VERSION": "20", n.env: v}, indent=2),
            f"# render.yaml\nservices:\n  - type: web\n    name: {svc(r)}\n    envVars:\n      - key: {n.env}\n        value: {yq(v)}",
        ),
        line=(
            f"$ railway variables\n╔══════════════ Variables for {svc(r)} ══════════════╗\n║ {n.env:<24} │ {v} ║\n║──────────────────────────────────────────────────║\n║ PORT{' ' * 20} │ 8080 ║\n╚══════════════════════════════════════════════════╝",
        ),
        bare=(f"$ netlify env:set {n.env} {v} --context production",),
    )


def c_nix_files(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'{{ pkgs, ... }}:\n{{\n  services.{n.vendor.replace("-", "")}.environmentFile = pkgs.writeText "{svc(r)}.env" {nq(n.env + "=" + v)};\n}}',
            f'{{\n  home.file.".config/{svc(r)}/token".text = {nq(v)};\n}}',
        ),
        line=(
            f"{{\n  environment.etc.\"{svc(r)}/config.env\" = {{\n    mode = \"0400\";\n    text = ''\n      {n.env}={v}\n    '';\n  }};\n}}",
            f"{{\n  xdg.configFile.\"{svc(r)}/config.toml\".text = ''\n    [auth]\n    {n.tail.snake} = \"{v}\"\n  '';\n}}",
        ),
    )


def c_jetbrains(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            '<component name="PropertiesComponent"><![CDATA['
            + json.dumps(
                {
                    "keyToString": {
                        "RunOnceActivity.ShowReadmeOnStart": "true",
                        f"{svc(r)}.{n.tail.camel}": v,
                        "last_opened_file_path": "/home/mira/src",
                    }
                },
                indent=2,
            )
            + "]]></component>",
            "// http-client.private.env.json\n"
            + json.dumps({"prod": {"host": f"https://{host(r)}", n.tail.camel: v}}, indent=2),
        ),
        line=(
            f'<configuration name="{svc(r)} server" type="Application" factoryName="Application">\n  <option name="MAIN_CLASS_NAME" value="com.acme.{cls(n)}Server" />\n  <option name="PROGRAM_PARAMETERS" value="--{n.tail.kebab}={x(v)} --port=8080" />\n</configuration>',
        ),
    )


def c_dot_rc(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"# ~/.authinfo\nmachine api.{host(r)} login {u} password {dq(v)} port 443",
            f'# ~/.muttrc\nset smtp_url = "smtps://{u}@smtp.{host(r)}:465/"\nset smtp_pass = {dq(v)}',
            f"# ~/.msmtprc\naccount {svc(r)}\nhost smtp.{host(r)}\nport 587\nauth on\nuser {u}\npassword {v}\naccount default : {svc(r)}",
            f';; init.el\n(setenv "{n.env}" {dq(v)})\n(setq {svc(r)}-{n.tail.kebab} {dq(v)})',
            f'" ~/.vimrc\nlet g:{ident(n)}_{n.tail.snake} = {sqlq(v)}',
        ),
        bare=(f"# ~/.authinfo\nmachine api.{host(r)} login {u} password {v} port 443",),
    )


def c_ps_transcript(r, pairs):
    n, v = pairs[-1]
    head = (
        "**********************\nPowerShell transcript start\nStart time: 20261207091402\nUsername: CORP\\mira\nRunAs User: CORP\\mira\n"
        "Configuration Name: \nMachine: WS-0142 (Microsoft Windows NT 10.0.22631.0)\nHost Application: C:\\Program Files\\PowerShell\\7\\pwsh.dll\n"
        "Process ID: 8120\nPSVersion: 7.4.6\nPSEdition: Core\n**********************\n"
        "Transcript started, output file is C:\\Users\\mira\\Documents\\PowerShell_transcript.WS-0142.Xy7Q2kLm.20261207091402.txt\n"
    )
    return choose(
        v,
        line=(
            head
            + f'PS C:\\src\\{svc(r)}> $headers = @{{ Authorization = "Bearer {v}" }}\nPS C:\\src\\{svc(r)}> Invoke-RestMethod -Uri https://{host(r)}/v1/me -Headers $headers',
            head
            + f"PS C:\\src\\{svc(r)}> $env:{n.env} = {psq(v)}\nPS C:\\src\\{svc(r)}> .\\deploy.ps1 -Environment prod",
            f"# %APPDATA%\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt\nSet-Location C:\\src\\{svc(r)}\n$env:{n.env} = {psq(v)}\n.\\deploy.ps1 -Environment prod\ngit status",
            f"PS C:\\> Start-Process -FilePath .\\{svc(r)}.exe -ArgumentList '--{n.tail.kebab}', {psq(v)} -NoNewWindow",
            f"PS C:\\> Set-AzWebApp -ResourceGroupName rg-{svc(r)} -Name {svc(r)}-web -AppSettings @{{ {n.env} = {psq(v)} }}",
        ),
    )


def c_mcp_cfg(r, pairs):
    n, v = pairs[-1]
    s = svc(r)
    return choose(
        v,
        esc=(
            "// claude_desktop_config.json\n"
            + json.dumps(
                {
                    "mcpServers": {
                        s: {"command": "npx", "args": ["-y", f"@acme/{s}-mcp"], "env": {n.env: v}}
                    }
                },
                indent=2,
            ),
            "// .cursor/mcp.json\n"
            + json.dumps(
                {
                    "mcpServers": {
                        s: {
                            "url": f"https://mcp.{host(r)}/sse",
                            "headers": {"Authorization": f"Bearer {v}"},
                        }
                    }
                },
                indent=2,
            ),
            "// .vscode/mcp.json\n"
            + json.dumps(
                {
                    "servers": {
                        s: {
                            "type": "stdio",
                            "command": "docker",
                            "args": [
                                "run",
                                "-i",
                                "--rm",
                                "-e",
                                f"{n.env}={v}",
                                f"ghcr.io/acme/{s}-mcp",
                            ],
                        }
                    }
                },
                indent=2,
            ),
            "// .mcp.json\n"
            + json.dumps(
                {
                    "mcpServers": {
                        s: {
                            "command": f"{s}-mcp",
                            "args": ["--transport", "stdio", f"--{n.tail.kebab}", v],
                        }
                    }
                },
                indent=2,
            ),
        ),
        line=(
            f"$ claude mcp add {s} -e {n.env}={shq(v)} -- npx -y @acme/{s}-mcp\nAdded stdio MCP server {s} with command: npx -y @acme/{s}-mcp to local config",
        ),
    )


def c_llm_trace(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            json.dumps(
                {
                    "id": str(uuid.UUID(int=RNG.getrandbits(128), version=4)),
                    "name": f"Chat{cls(n)}",
                    "run_type": "llm",
                    "serialized": {
                        "lc": 1,
                        "type": "constructor",
                        "id": ["langchain", "chat_models", ident(n), f"Chat{cls(n)}"],
                        "kwargs": {
                            "model_name": "large-2",
                            f"{ident(n)}_{n.tail.snake}": v,
                            "temperature": 0.2,
                        },
                    },
                },
                indent=2,
            ),
            json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": 7,
                    "method": "tools/call",
                    "params": {"name": "set_secret", "arguments": {"name": n.env, "value": v}},
                }
            ),
            json.dumps(
                {
                    "type": "GENERATION",
                    "name": "support-answer",
                    "input": [
                        {
                            "role": "user",
                            "content": f"our {svc(r)} {n.tail.snake.replace('_', ' ')} is {v}, why do I get 401?",
                        }
                    ],
                    "model": "large-2",
                },
                indent=2,
            ),
        ),
    )


def c_i18n_scripts(r, pairs):
    v = pairs[-1][1]
    s = svc(r)
    return choose(
        v,
        line=(
            f"مفتاح API الجديد لخدمة {s} هو: {v}\nيرجى عدم مشاركته مع أحد.",
            f"הטוקן של {s} הוא {v} — אל תשתפו אותו.",
            f"{s} का API टोकन: {v} (इसे किसी के साथ साझा न करें)",
            f"โทเค็นของ {s} คือ {v} กรุณาอย่าแชร์ให้ผู้อื่น",
            f"Το κλειδί API για το {s} είναι: {v}",
            f"Пароль до {s}: {v} — нікому не передавайте.",
            f"{s} のアクセストークンは {v} です。共有しないでください。",
            f"{s} 的密钥：{v}，请勿外传。",
            f"Токен доступа к {s}: {v}\nНе публикуйте его.",
        ),
    )


def c_browser_state(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "// playwright/.auth/user.json\n"
            + json.dumps(
                {
                    "cookies": [
                        {
                            "name": n.tail.snake,
                            "value": v,
                            "domain": f"app.{host(r)}",
                            "path": "/",
                            "expires": -1,
                            "httpOnly": True,
                            "secure": True,
                            "sameSite": "Lax",
                        }
                    ],
                    "origins": [],
                },
                indent=2,
            ),
            "// playwright/.auth/user.json\n"
            + json.dumps(
                {
                    "cookies": [],
                    "origins": [
                        {
                            "origin": f"https://app.{host(r)}",
                            "localStorage": [{"name": n.camel, "value": v}],
                        }
                    ],
                },
                indent=2,
            ),
        ),
        line=(f'> localStorage.getItem("{n.camel}")\n< {jsq(v)}',),
        bare=(f"> document.cookie\n< 'theme=dark; {n.tail.snake}={v}; lang=en'",),
    )


def c_cookie_jar(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'r = requests.get("https://app.{host(r)}/api/me", cookies={{"{n.tail.snake}": {dq(v)}}})',
        ),
        bare=(
            f"# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n# This file was generated by libcurl! Edit at your own risk.\n\n#HttpOnly_app.{host(r)}\tFALSE\t/\tTRUE\t1796636042\t{n.tail.snake}\t{v}",
            f"< HTTP/2 200\n< content-type: application/json\n< set-cookie: {n.tail.snake}={v}; Path=/; Secure; HttpOnly; SameSite=Lax\n< cache-control: no-store",
            f"$ curl -s -b '{n.tail.snake}={v}' https://app.{host(r)}/api/me",
        ),
    )


def c_os_keyring(r, pairs):
    v = pairs[-1][1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ secret-tool lookup service {svc(r)} username {u}\n{v}",
            f"$ security find-generic-password -s {svc(r)} -a {u} -w\n{v}",
            f"$ keyring get {svc(r)} {u}\n{v}",
            f'$ security find-generic-password -s {svc(r)} -g\nkeychain: "/Users/mira/Library/Keychains/login.keychain-db"\nclass: "genp"\nattributes:\n    "acct"<blob>="{u}"\n    "svce"<blob>="{svc(r)}"\npassword: {dq(v)}',
            f"$ kwallet-query -r {svc(r)} -f Passwords kdewallet\n{v}",
        ),
    )


def c_procman(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'// ecosystem.config.js\nmodule.exports = {{\n  apps: [{{\n    name: "{svc(r)}",\n    script: "./dist/server.js",\n    env_production: {{\n      NODE_ENV: "production",\n      {n.env}: {dq(v)},\n    }},\n  }}],\n}};',
            "// .devcontainer/devcontainer.json\n"
            + json.dumps(
                {
                    "name": svc(r),
                    "image": "mcr.microsoft.com/devcontainers/python:3.12",
                    "remoteEnv": {n.env: v},
                },
                indent=2,
            ),
            "// .devcontainer/devcontainer.json\n"
            + json.dumps(
                {
                    "name": svc(r),
                    "image": "mcr.microsoft.com/devcontainers/base:ubuntu",
                    "runArgs": ["--env", f"{n.env}={v}"],
                },
                indent=2,
            ),
        ),
        line=(
            f'[program:{svc(r)}]\ncommand=/usr/local/bin/{svc(r)} --port 8080\nautorestart=true\nenvironment={n.env}="{v}",LOG_LEVEL="info"',
            f"$ pm2 env 0\nNODE_ENV: production\n{n.env}: {v}\nPM2_HOME: /home/app/.pm2",
        ),
        bare=(f"web: {n.env}={v} bundle exec puma -C config/puma.rb",),
    )


CONTEXTS = {
    "lambda_cfg": c_lambda_cfg,
    "cloud_run": c_cloud_run,
    "az_appsettings": c_az_appsettings,
    "pulumi": c_pulumi,
    "cfn_params": c_cfn_params,
    "crictl_podman": c_crictl_podman,
    "sops_vault": c_sops_vault,
    "otlp": c_otlp,
    "grafana_am": c_grafana_am,
    "log_export": c_log_export,
    "prom_scrape": c_prom_scrape,
    "db_gui": c_db_gui,
    "db_shell": c_db_shell,
    "kafka": c_kafka,
    "mq": c_mq,
    "gha_cmds": c_gha_cmds,
    "gitlab_vars": c_gitlab_vars,
    "ci_vendors": c_ci_vendors,
    "paas_env": c_paas_env,
    "nix_files": c_nix_files,
    "jetbrains": c_jetbrains,
    "dot_rc": c_dot_rc,
    "ps_transcript": c_ps_transcript,
    "mcp_cfg": c_mcp_cfg,
    "llm_trace": c_llm_trace,
    "i18n_scripts": c_i18n_scripts,
    "browser_state": c_browser_state,
    "cookie_jar": c_cookie_jar,
    "os_keyring": c_os_keyring,
    "procman": c_procman,
}
# Contexts whose forms all hold a multi-line value (every form escapes it).
BLOCK = {"log_export", "llm_trace", "db_shell"}
# Contexts with a form for a multi-line value.
HAS_ESC = {
    "lambda_cfg", "cloud_run", "az_appsettings", "pulumi", "cfn_params", "crictl_podman", "sops_vault",
    "otlp", "grafana_am", "log_export", "prom_scrape", "db_gui", "db_shell", "mq", "gitlab_vars",
    "ci_vendors", "paas_env", "nix_files", "jetbrains", "mcp_cfg", "llm_trace", "browser_state",
    "cookie_jar", "procman",
}  # fmt: skip


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in HAS_ESC
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "otlp_log": lambda s: json.dumps(
        {
            "resourceLogs": [
                {
                    "resource": {
                        "attributes": [{"key": "service.name", "value": {"stringValue": "scanner"}}]
                    },
                    "scopeLogs": [
                        {"logRecords": [{"severityText": "INFO", "body": {"stringValue": s}}]}
                    ],
                }
            ]
        }
    ),
    "journal_json": lambda s: "\n".join(
        json.dumps({"_SYSTEMD_UNIT": "scanner.service", "PRIORITY": "6", "MESSAGE": ln})
        for ln in s.splitlines()
    ),
    "gha_log": lambda s: each("2026-12-07T09:14:02.1234567Z {}", s),
    "ps_transcript": lambda s: (
        "PS C:\\src\\scanner> Get-Content .\\tests\\fixtures\\fp.txt\n"
        + s
        + "\nPS C:\\src\\scanner> "
    ),
    "mcp_result": lambda s: json.dumps(
        {
            "jsonrpc": "2.0",
            "id": 3,
            "result": {"content": [{"type": "text", "text": s}], "isError": False},
        }
    ),
    "loki_jsonl": lambda s: "\n".join(
        json.dumps({"labels": {"app": "scanner"}, "line": ln, "timestamp": "2026-12-07T09:14:02Z"})
        for ln in s.splitlines()
    ),
    "grafana_annotation": lambda s: json.dumps(
        {"dashboardUID": "scanner-fp", "text": s, "tags": ["false-positive"]}, indent=2
    ),
    "i18n_ja": lambda s: (
        "スキャナーが次の行を検出しましたが、誤検知です:\n"
        + s
        + "\nテスト用の値なので問題ありません。"
    ),
    "tekton_log": lambda s: each("[scan : gitleaks] {}", s),
    "pm2_log": lambda s: each("0|scanner  | {}", s),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    out = []
    kinds = 25
    for i in range(kinds * 16):
        seed = f"c34-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        u2 = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
        an = "".join(
            RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            for _ in range(40)
        )
        kind = i % kinds
        if kind == 0:
            t = f"$ aws lambda get-function-configuration --function-name {s}-sync\n" + json.dumps(
                {
                    "FunctionName": f"{s}-sync",
                    "FunctionArn": f"arn:aws:lambda:eu-west-1:{100000000000 + i}:function:{s}-sync",
                    "CodeSha256": b64(hashlib.sha256(seed + b"code").digest()),
                    "RevisionId": u,
                    "Environment": {
                        "Variables": {
                            "LOG_LEVEL": "info",
                            "SECRET_ARN": f"arn:aws:secretsmanager:eu-west-1:{100000000000 + i}:secret:{s}/api-key-{an[:6]}",
                        }
                    },
                    "KMSKeyArn": f"arn:aws:kms:eu-west-1:{100000000000 + i}:key/{u2}",
                    "State": "Active",
                },
                indent=4,
            )
            out.append(("lambda-ids", t))
        elif kind == 1:
            t = (
                f"$ aws cloudformation create-change-set --stack-name {s}-prod --change-set-name release-{ver.replace('.', '-')} --client-token {u}\n"
                + json.dumps(
                    {
                        "Id": f"arn:aws:cloudformation:eu-west-1:{100000000000 + i}:changeSet/release/{u2}",
                        "StackId": f"arn:aws:cloudformation:eu-west-1:{100000000000 + i}:stack/{s}-prod/{u}",
                    },
                    indent=4,
                )
                + f'\n$ aws sts get-caller-identity --query UserId\n"AROA{b32(hashlib.sha1(seed, usedforsecurity=False).digest())[:17]}:mira"'
            )
            out.append(("cfn-tokens", t))
        elif kind == 2:
            t = (
                f"$ gcloud run revisions describe {s}-00042-{md5[:3]} --format yaml\nmetadata:\n  generation: 42\n  uid: {u}\n"
                f"  resourceVersion: AAYK{b64(hashlib.sha1(seed, usedforsecurity=False).digest())[:12]}\n  annotations:\n    run.googleapis.com/operation-id: {u2}\n"
                f"status:\n  imageDigest: europe-docker.pkg.dev/acme/apps/{s}@sha256:{h256}\n"
                f"  containerStatuses:\n  - imageDigest: europe-docker.pkg.dev/acme/apps/{s}@sha256:{h256}\n    name: {s}\n"
                f"etag: '\"{b64(hashlib.md5(seed, usedforsecurity=False).digest()).rstrip('=')}\"'"
            )
            out.append(("cloudrun-revision", t))
        elif kind == 3:
            t = f"$ az identity show -g rg-{s} -n id-{s}\n" + json.dumps(
                {
                    "clientId": u,
                    "id": f"/subscriptions/{u2}/resourcegroups/rg-{s}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-{s}",
                    "principalId": str(uuid.UUID(hex=h256[:32])),
                    "tenantId": str(uuid.UUID(hex=h256[32:])),
                    "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
                },
                indent=2,
            )
            out.append(("azure-ids", t))
        elif kind == 4:
            age = "age1" + "".join(
                RNG.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(58)
            )
            t = (
                f"$ cat .sops.yaml\ncreation_rules:\n  - path_regex: secrets/{s}/.*\\.yaml$\n    age: {age}\n    pgp: {h1.upper()}\n"
                f'$ sops filestatus secrets/{s}/prod.enc.yaml\n{{"encrypted":true}}\n'
                f"$ grep -A3 '^sops:' secrets/{s}/prod.enc.yaml | grep -v enc\n    lastmodified: \"2026-12-07T09:14:02Z\"\n    version: 3.9.{i % 5}\n    fp: {h1.upper()}"
            )
            out.append(("sops-recipients", t))
        elif kind == 5:
            t = json.dumps(
                {
                    "resourceSpans": [
                        {
                            "resource": {
                                "attributes": [
                                    {"key": "service.instance.id", "value": {"stringValue": u}},
                                    {"key": "k8s.pod.uid", "value": {"stringValue": u2}},
                                    {"key": "container.id", "value": {"stringValue": h256}},
                                    {"key": "telemetry.sdk.version", "value": {"stringValue": ver}},
                                ]
                            },
                            "scopeSpans": [
                                {
                                    "spans": [
                                        {
                                            "traceId": md5,
                                            "spanId": h1[:16],
                                            "name": "GET /healthz",
                                            "attributes": [
                                                {
                                                    "key": "http.request.header.authorization",
                                                    "value": {"stringValue": "[REDACTED]"},
                                                },
                                                {
                                                    "key": "http.request.header.x-request-id",
                                                    "value": {"stringValue": u},
                                                },
                                            ],
                                        }
                                    ]
                                }
                            ],
                        }
                    ]
                }
            )
            out.append(("otlp-ids", t))
        elif kind == 6:
            t = json.dumps(
                {
                    "receiver": f"{s}-webhook",
                    "status": "firing",
                    "alerts": [
                        {
                            "fingerprint": h1[:16],
                            "dashboardURL": f"https://grafana.example.org/d/{an[:9]}",
                            "panelURL": f"https://grafana.example.org/d/{an[:9]}?viewPanel=4",
                            "labels": {
                                "alertname": "HighLatency",
                                "grafana_folder": s,
                                "__alert_rule_uid__": an[9:23],
                            },
                        }
                    ],
                    "groupKey": f'{{}}:{{alertname="HighLatency", __grafana_autogenerated__="true", __grafana_receiver__="{s}-webhook"}}',
                    "secureJsonFields": {"basicAuthPassword": True, "httpHeaderValue1": True},
                },
                indent=2,
            )
            out.append(("grafana-uids", t))
        elif kind == 7:
            t = f"$ journalctl -u {s} -o json -n 1\n" + json.dumps(
                {
                    "__CURSOR": f"s={h256[:32]};i={i + 4000:x};b={md5};m={i * 7919:x};t={h1[:13]};x={h1[13:29]}",
                    "_BOOT_ID": md5,
                    "_MACHINE_ID": h256[32:],
                    "_STREAM_ID": h1[:32],
                    "_SYSTEMD_INVOCATION_ID": h256[:32],
                    "MESSAGE": f"{s} started, version {ver}",
                }
            )
            out.append(("journal-cursor", t))
        elif kind == 8:
            t = (
                f"scrape_configs:\n  - job_name: kubernetes-pods-{s}\n    bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token\n"
                f"    tls_config:\n      ca_file: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n"
                f"    basic_auth:\n      username: prometheus\n      password_file: /etc/prometheus/secrets/{s}-password\n"
                f"    authorization:\n      credentials_file: /etc/prometheus/secrets/{s}-token\n"
                f"    relabel_configs:\n      - source_labels: [__meta_kubernetes_pod_uid]\n        regex: {u}\n        action: keep"
            )
            out.append(("prom-secret-files", t))
        elif kind == 9:
            t = (
                "$ cat .dbeaver/data-sources.json\n"
                + json.dumps(
                    {
                        "connections": {
                            f"postgres-jdbc-{md5[:11]}-{h1[:16]}": {
                                "provider": "postgresql",
                                "name": f"{s} prod",
                                "save-password": False,
                                "configuration": {
                                    "host": f"db.{s}.example.com",
                                    "port": "5432",
                                    "auth-model": "native",
                                    "bootstrap": {"initQueries": []},
                                },
                            }
                        },
                        "connection-types": {
                            "prod": {
                                "name": "Production",
                                "color": "247,159,129",
                                "confirm-execute": True,
                            }
                        },
                    },
                    indent=1,
                )
                + f'\n# ~/.pgadmin servers.json\n{{"Servers": {{"1": {{"Name": "{s}", "PassFile": "/home/mira/.pgpass", "SSLMode": "verify-full"}}}}}}'
            )
            out.append(("dbgui-ids", t))
        elif kind == 10:
            oid = h256[:24]
            t = (
                f'$ redis-cli MONITOR\nOK\n17335{i:05d}.{int(md5[:6], 16) % 1000000:06d} [0 unix:/run/redis.sock] "HGETALL" "{s}:job:{u}"\n'
                f'17335{i:05d}.{int(md5[6:12], 16) % 1000000:06d} [0 unix:/run/redis.sock] "GET" "cache:etag:{h1}"\n'
                f"test> db.jobs.findOne({{ _id: ObjectId(\"{oid}\") }}, {{ sha: 1 }})\n{{ _id: ObjectId('{oid}'), sha: '{h1}' }}"
            )
            out.append(("db-monitor-ids", t))
        elif kind == 11:
            cluster = (
                base64.urlsafe_b64encode(hashlib.md5(seed + b"c", usedforsecurity=False).digest())
                .decode()
                .rstrip("=")
            )
            t = (
                f"# client.properties\nbootstrap.servers=kafka.{s}.example.com:9092\nclient.id={s}-{md5[:8]}\ngroup.id={s}-consumers\n"
                f"config.providers=file\nconfig.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\n"
                f'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${{file:/etc/kafka/creds.properties:username}}" password="${{file:/etc/kafka/creds.properties:password}}";\n'
                f"$ kafka-cluster cluster-id --bootstrap-server kafka.{s}.example.com:9092\nCluster ID: {cluster}"
            )
            out.append(("kafka-ids", t))
        elif kind == 12:
            pub = "U" + b32(hashlib.sha256(seed + b"n").digest())[:55]
            acc = "A" + b32(hashlib.sha256(seed + b"a").digest())[:55]
            t = (
                f"$ nsc describe user {s}\n+----------------------------------------------------+\n|                      User                          |\n"
                f"+----------------------+-----------------------------+\n| Name                 | {s:<27} |\n| User ID              | {pub} |\n| Issuer ID            | {acc} |\n"
                f"| Issued               | 2026-12-07 09:14:02 UTC     |\n| Expires              |                             |\n+----------------------+-----------------------------+"
            )
            out.append(("nats-public-nkeys", t))
        elif kind == 13:
            t = (
                f"2026-12-07T09:14:02.1234567Z ##[group]Run actions/cache@v4\n2026-12-07T09:14:02.1234567Z with:\n"
                f"2026-12-07T09:14:02.1234567Z   key: Linux-node-{h256}\n2026-12-07T09:14:02.1234567Z   token: ***\n"
                f"2026-12-07T09:14:02.1234567Z ##[endgroup]\n2026-12-07T09:14:03.0000000Z Cache restored from key: Linux-node-{h256}\n"
                f"2026-12-07T09:14:03.0000000Z ##[debug]GITHUB_SHA={h1}\n2026-12-07T09:14:03.0000000Z ##[debug]Evaluating: secrets.NPM_TOKEN\n"
                f"2026-12-07T09:14:03.0000000Z ##[debug]=> '***'"
            )
            out.append(("gha-cache-keys", t))
        elif kind == 14:
            t = (
                '$ curl -s --header "PRIVATE-TOKEN: $GL_TOKEN" "https://gitlab.example.com/api/v4/projects/42/variables"\n'
                + json.dumps(
                    [
                        {
                            "variable_type": "env_var",
                            "key": "DEPLOY_TOKEN",
                            "value": "$VAULT_DEPLOY_TOKEN",
                            "protected": True,
                            "masked": False,
                            "raw": False,
                        },
                        {
                            "variable_type": "env_var",
                            "key": "API_KEY",
                            "value": None,
                            "hidden": True,
                            "masked": True,
                        },
                        {
                            "variable_type": "env_var",
                            "key": "BUILD_CACHE_KEY",
                            "value": h1,
                            "protected": False,
                            "masked": False,
                        },
                        {
                            "variable_type": "file",
                            "key": "KUBECONFIG_PATH",
                            "value": f"/builds/{s}/.kube/config",
                            "masked": False,
                        },
                    ]
                )
            )
            out.append(("gitlab-masked", t))
        elif kind == 15:
            t = (
                f"kind: PipelineRun\nspec:\n  params:\n    - name: api-token\n      value: $(params.api-token)\n    - name: revision\n      value: {h1}\n"
                f"steps:\n  - name: deploy\n    image: alpine\n    environment:\n      PLUGIN_TOKEN:\n        from_secret: {s}_token\n"
                f"BUILDKITE_BUILD_ID={u}\nBUILDKITE_JOB_ID={u2}\nBUILDKITE_AGENT_ACCESS_TOKEN=[REDACTED]\nBUILDKITE_COMMIT={h1}"
            )
            out.append(("ci-secret-refs", t))
        elif kind == 16:
            t = (
                f'$ cat .vercel/project.json\n{{"projectId":"prj_{an[:28]}","orgId":"team_{an[16:40]}"}}\n'
                f"$ vercel inspect {s}-{md5[:9]}-acme.vercel.app\n  General\n\n    id\t\tdpl_{an[4:32]}\n    name\t{s}\n    target\tproduction\n"
                f"VERCEL_GIT_COMMIT_SHA={h1}\nVERCEL_DEPLOYMENT_ID=dpl_{an[4:32]}"
            )
            out.append(("vercel-ids", t))
        elif kind == 17:
            nar = b64(hashlib.sha256(seed + b"nar").digest())
            t = (
                f'  src = fetchFromGitHub {{\n    owner = "acme";\n    repo = "{s}";\n    rev = "{h1}";\n    hash = "sha256-{b64(hashlib.sha256(seed).digest())}";\n  }};\n'
                f'  vendorHash = "sha256-{nar}";\n'
                f'# flake.lock\n"locked": {{ "lastModified": 17335{i:05d}, "narHash": "sha256-{nar}", "rev": "{h1}", "type": "github" }}'
            )
            out.append(("nix-hashes", t))
        elif kind == 18:
            t = (
                f'<project version="4">\n  <component name="ChangeListManager">\n    <list default="true" id="{u}" name="Changes" comment="" />\n  </component>\n'
                f'  <component name="ProjectId" id="{an[:27]}" />\n  <component name="PropertiesComponent"><![CDATA[{{\n  "keyToString": {{\n    "RunOnceActivity.ShowReadmeOnStart": "true",\n    "git-widget-placeholder": "main",\n    "node.js.selected.package.tslint": "(autodetect)"\n  }}\n}}]]></component>\n'
                f'  <component name="TaskManager"><task id="LOCAL-{i:05d}" summary="bump {ver}"><created>17335{i:05d}000</created></task></component>\n</project>'
            )
            out.append(("jetbrains-ids", t))
        elif kind == 19:
            t = (
                f'# ~/.msmtprc\naccount {s}\nhost smtp.{s}.example.com\nauth on\npasswordeval "gpg -q --for-your-eyes-only -d ~/.config/msmtp/{s}.gpg"\n'
                f'# ~/.muttrc\nset smtp_pass = "`pass show mail/{s}`"\nset imap_pass = `secret-tool lookup service imap`\n'
                f'# ~/.authinfo.gpg (decrypted with epa-file, key {h1[-16:].upper()})\n;; (setq auth-sources \'("~/.authinfo.gpg" (:source (:secrets default))))'
            )
            out.append(("mail-password-commands", t))
        elif kind == 20:
            t = (
                f"PS C:\\src\\{s}> Get-FileHash .\\dist\\{s}-{ver}.zip\n\nAlgorithm       Hash                                                                   Path\n"
                f"---------       ----                                                                   ----\nSHA256          {h256.upper()}       C:\\src\\{s}\\dist\\{s}-{ver}.zip\n\n"
                f"PS C:\\src\\{s}> $cred = Get-Credential\nPS C:\\src\\{s}> $cred\n\nUserName                     Password\n--------                     --------\nmira     System.Security.SecureString"
            )
            out.append(("powershell-hash-cred", t))
        elif kind == 21:
            t = "// .vscode/mcp.json\n" + json.dumps(
                {
                    "inputs": [
                        {
                            "type": "promptString",
                            "id": f"{s}-token",
                            "description": f"{s} personal access token",
                            "password": True,
                        }
                    ],
                    "servers": {
                        s: {
                            "command": "npx",
                            "args": ["-y", f"@acme/{s}-mcp", "--min-version", ver],
                            "env": {
                                "API_TOKEN": f"${{input:{s}-token}}",
                                "CACHE_DIR": "${workspaceFolder}/.cache",
                            },
                        }
                    },
                },
                indent=2,
            )
            out.append(("mcp-inputs", t))
        elif kind == 22:
            t = json.dumps(
                {
                    "id": u,
                    "trace_id": u2,
                    "dotted_order": f"20261207T091402{i:06d}Z{u2}.20261207T091402{i + 1:06d}Z{u}",
                    "run_type": "llm",
                    "serialized": {
                        "lc": 1,
                        "type": "constructor",
                        "id": ["langchain", "chat_models", "openai", "ChatOpenAI"],
                        "kwargs": {
                            "model_name": "gpt-4o",
                            "openai_api_key": {"lc": 1, "type": "secret", "id": ["OPENAI_API_KEY"]},
                        },
                    },
                    "extra": {"metadata": {"ls_run_depth": 0, "revision_id": h1[:7]}},
                    "outputs": {"llm_output": {"system_fingerprint": f"fp_{md5[:10]}"}},
                },
                indent=2,
            )
            out.append(("langchain-secret-ref", t))
        elif kind == 23:
            t = "// playwright/.auth/user.json\n" + json.dumps(
                {
                    "cookies": [
                        {
                            "name": "_ga",
                            "value": f"GA1.1.{int(md5[:8], 16)}.17335{i:05d}",
                            "domain": ".example.com",
                            "path": "/",
                        },
                        {
                            "name": "_fbp",
                            "value": f"fb.1.17335{i:05d}123.{int(h1[:8], 16)}",
                            "domain": ".example.com",
                            "path": "/",
                        },
                        {
                            "name": "theme",
                            "value": "dark",
                            "domain": "app.example.com",
                            "path": "/",
                        },
                    ],
                    "origins": [
                        {
                            "origin": "https://app.example.com",
                            "localStorage": [
                                {"name": "lastSeenRelease", "value": ver},
                                {"name": "draftId", "value": u},
                            ],
                        }
                    ],
                },
                indent=2,
            )
            out.append(("analytics-cookies", t))
        elif kind == 24:
            t = (
                f'$ security find-generic-password -s {s}\nkeychain: "/Users/mira/Library/Keychains/login.keychain-db"\nversion: 512\nclass: "genp"\nattributes:\n'
                f'    0x00000007 <blob>="{s}"\n    "acct"<blob>="mira"\n    "cdat"<timedate>=0x{"".join(f"{ord(c):02X}" for c in "20261207091402Z")}00  "20261207091402Z\\000"\n'
                f'    "svce"<blob>="{s}"\n    "gena"<blob>=0x{h256[:40].upper()}\n'
                f"$ git log -1 --format=%H\n{h1}\nコミット {h1[:10]} をマージしました。署名キー: {h1[-16:].upper()}"
            )
            out.append(("keychain-attrs-i18n", t))
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
        sqlq(v)[1:-1],
        csvq(v).strip('"'),
        sqlq(json.dumps(v))[2:-2],
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
                "label": "pii"
                if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text)
                else "",
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
