"""Context templates of the seventh held-out corpus: what a telemetry ``error_message`` really holds,
in forms none of the earlier corpora's READMEs list.

Earlier (avoided): audit16 prose/flag/KEY=value/JSON/YAML/URL query/log line; audit16b Terraform,
TOML, INI, Dockerfile, Actions env, systemd Environment=, compose, HTTP headers, logfmt, Python
traces, JSON-in-JSON, Go, Rust, Ruby, C#, PowerShell; audit16c shell export, docker -e, curl
header, Python call/dict, JS env fallback, Go struct, Java constant, PHP define, Make, XML
appSettings, .env, k8s stringData; audit16d JSON-escaped logs, Python reprs, cmd.exe, URL paths,
tfvars, .properties, Spring, appsettings.json, ten languages' source, Helm --set, Ansible vars,
Jupyter, CSV, Markdown, HTML meta, German/Japanese/Russian prose, continuations, heredocs;
audit16e tfstate, Actions logs, Helm values, systemd-creds, kubectl create/exec, docker inspect,
HAR, Postman, Jupyter source, pytest diff, Sentry, vault kv get, aws ssm, az, gh, fly, nginx
proxy_set_header, HTTPie, .http, redis-cli, docker secret, journald -o json, Go test, Slack,
e-mail quoted reply, pass; audit16f object dumps of ten languages, ORM logs, http.client, Go
DumpRequest, gRPC metadata, OTel debug exporter, Caddy, Terraform plan, k8s env name/value,
Ansible items, cloud-init, crontab, JVM -D, dotnet user-secrets, PowerShell hashtables,
localStorage, GraphQL, protobuf text, SOAP, Nix, Actions ##[debug], consul kv, /proc environ,
strace, form bodies, LLM messages, ValueError, syslog prose.

Here. ``KEYED`` (the key right before the value): journalctl ``-o export`` ``_CMDLINE``,
``kubectl describe pod`` Environment, bash ``set -x`` traces, ``declare -x``, fish
``set --show``, PowerShell ``Get-ChildItem env:`` tables, ``.reg`` exports, ``reg query``
(``REG_SZ`` between name and value), macOS plists, YAML anchors and merge keys, Elixir maps,
Erlang proplists with binaries, Clojure maps, Haskell ``show`` records, Julia ``Dict``, Python
``os.environ`` repr, Go ``os.Environ()``, supervisord ``environment=``, ``heroku config``,
``netlify env:list`` box tables, Prometheus label sets, nginx combined access logs with a query,
RFC 5424 structured data, GELF ``_fields``, ``git credential fill`` output, unified diff hunks,
custom e-mail headers, LDIF, MySQL ``\\G`` rows, MongoDB slow-query filters, and a JSON log line
hard-wrapped by a terminal (the value split in two: ``secret`` is its first part, ``also`` its
second). ``APART`` (name and value apart): ``kubectl describe configmap`` (name, ``----``,
value), ``terraform output -json``, botocore ``--debug`` bodies (``Name``/``Value``), ``gcloud
secrets versions access`` (value on the next line), CEF ``csNLabel``/``csN``, Windows event
``<Data Name=…>``, SAML attributes, FHIR ``Parameters``, psql tables, pandas frames, pdftk field
dumps, Elasticsearch ``term`` queries. ``LOOSE``: HAProxy captured headers (no header name),
a printed "save this key" notice, HL7 v2 ``PID`` segments (personal data only) and prose in eight
languages the earlier corpora did not use (Spanish, French, Portuguese, Chinese, Korean, Turkish,
Arabic, Hindi).

Each template takes the family (``env``, ``word``, ``name``) and the value and returns the text,
or ``(text, secret)``, or ``(text, secret, also)``. ``PII_OK`` are those a personal value
plausibly stands in.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Result = str | tuple[str, str] | tuple[str, str, list[str]]
Context = Callable[[dict, str, random.Random], Result]


def lower(env: str) -> str:
    return env.lower()


def camel(env: str) -> str:
    head, *rest = env.lower().split("_")
    return head + "".join(w.title() for w in rest)


def pascal(env: str) -> str:
    return "".join(w.title() for w in env.lower().split("_"))


def kebab(env: str) -> str:
    return env.lower().replace("_", "-")


def hexs(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def is_pii(f: dict) -> bool:
    return str(f["name"]).startswith("pii:")


def label(f: dict) -> str:
    """How prose names the value: the provider's key, or the personal number's own name."""
    if is_pii(f):
        return f["env"].lower().replace("_", " ")
    return f"{f['word'].title()} key"


def host(f: dict) -> str:
    return "crm.shop.example" if is_pii(f) else f"api.{f['word']}.example"


# --- KEYED ------------------------------------------------------------------------------------------


def journal_export(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f"__CURSOR=s={hexs(rng, 32)};i=1a2f;b={hexs(rng, 32)};m=3b1c9f;t=62b1f0c3a1d2e;x={hexs(rng, 16)}\n"
        "__REALTIME_TIMESTAMP=1764929051003112\n"
        "_SYSTEMD_UNIT=worker.service\n"
        "_COMM=python3\n"
        f"_CMDLINE=/usr/bin/python3 -m worker --queue=high --{kebab(f['env'])}={tok}\n"
        "MESSAGE=worker exited: 401 Unauthorized\n"
        "PRIORITY=3"
    )


def k8s_describe_env(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f"Name:         api-{hexs(rng, 10)}-{hexs(rng, 5)}\n"
        "Namespace:    prod\n"
        "Containers:\n"
        "  api:\n"
        "    Image:          registry.acme.example/api:2.14.1\n"
        "    Environment:\n"
        "      LOG_LEVEL:        info\n"
        f"      {f['env']}:  {tok}\n"
        "      DB_HOST:          db.prod.svc (v1:metadata.namespace)\n"
        "    Mounts:\n"
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)"
    )


def xtrace(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "+ set -euo pipefail\n"
        f"++ cat /run/secrets/{lower(f['env'])}\n"
        f"+ {f['env']}={tok}\n"
        f"+ export {f['env']}\n"
        f"+ ./bin/deploy --env prod\n"
        "deploy: error: upstream returned 403"
    )


def declare_x(f: dict, tok: str, rng: random.Random) -> str:
    return (
        'declare -x HOME="/home/runner"\n'
        'declare -x LANG="C.UTF-8"\n'
        f'declare -x {f["env"]}="{tok}"\n'
        'declare -x PATH="/usr/local/bin:/usr/bin:/bin"'
    )


def fish_show(f: dict, tok: str, rng: random.Random) -> str:
    e = f["env"]
    return (
        f"${e}: set in global scope, exported, with 1 elements\n"
        f"${e}[1]: |{tok}|\n"
        f"${e}: originally inherited as |{tok}|"
    )


def pwsh_env(f: dict, tok: str, rng: random.Random) -> str:
    e = f["env"]
    return (
        "Name                           Value\n"
        "----                           -----\n"
        "COMPUTERNAME                   BUILD-07\n"
        f"{e:<30} {tok}\n"
        "PROCESSOR_ARCHITECTURE         AMD64"
    )


def reg_export(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "Windows Registry Editor Version 5.00\n\n"
        f"[HKEY_CURRENT_USER\\Software\\Acme\\{f['word'].title()}Sync]\n"
        '"Endpoint"="https://' + host(f) + '"\n'
        f'"{pascal(f["env"])}"="{tok}"\n'
        '"Retries"=dword:00000003'
    )


def reg_query(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f"HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\{f['word'].title()}Agent\n"
        "    InstallDir    REG_SZ    C:\\Program Files\\Acme\n"
        f"    {pascal(f['env'])}    REG_SZ    {tok}\n"
        "    Retries    REG_DWORD    0x3"
    )


def plist(f: dict, tok: str, rng: random.Random) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n'
        "\t<key>Endpoint</key>\n\t<string>https://" + host(f) + "</string>\n"
        f"\t<key>{pascal(f['env'])}</key>\n\t<string>{tok}</string>\n"
        "</dict>\n</plist>"
    )


def yaml_anchor(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "x-common-env: &common\n"
        "  LOG_LEVEL: info\n"
        f"  {f['env']}: {tok}\n"
        "services:\n"
        "  worker:\n"
        "    environment:\n"
        "      <<: *common"
    )


def elixir_map(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "[error] GenServer Acme.Client terminating\n"
        f'** (stop) {{:bad_config, %{{"endpoint" => "https://{host(f)}", "{lower(f["env"])}" => "{tok}", "retries" => 3}}}}'
    )


def erlang_proplist(f: dict, tok: str, rng: random.Random) -> str:
    return f'=ERROR REPORT==== 5-Dec-2026::10:04:11.120 ===\n{{error,{{badauth,[{{{lower(f["env"])},<<"{tok}">>}},{{host,"{host(f)}"}},{{port,443}}]}}}}'


def clojure_map(f: dict, tok: str, rng: random.Random) -> str:
    return f'clojure.lang.ExceptionInfo: client init failed {{:endpoint "https://{host(f)}", :{kebab(f["env"])} "{tok}", :retries 3}}'


def haskell_show(f: dict, tok: str, rng: random.Random) -> str:
    return f'app: Left (ConfigError (Settings {{endpoint = "https://{host(f)}", {camel(f["env"])} = "{tok}", retries = 3}}))'


def julia_dict(f: dict, tok: str, rng: random.Random) -> str:
    return f'ERROR: LoadError: HTTP.Exceptions.StatusError(401) with cfg = Dict{{String, Any}}("endpoint" => "https://{host(f)}", "{lower(f["env"])}" => "{tok}", "retries" => 3)'


def python_environ(f: dict, tok: str, rng: random.Random) -> str:
    return f"DEBUG starting with environ({{'PATH': '/usr/local/bin:/usr/bin', 'HOME': '/app', '{f['env']}': '{tok}', 'LANG': 'C.UTF-8'}})"


def go_environ(f: dict, tok: str, rng: random.Random) -> str:
    return f"2026/12/05 10:04:11 env: [PATH=/usr/local/bin:/usr/bin HOME=/root {f['env']}={tok} GOMAXPROCS=2]"


def supervisord(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "[program:worker]\n"
        "command=/srv/app/bin/worker --queue default\n"
        f'environment=HOME="/srv/app",{f["env"]}="{tok}",LANG="C.UTF-8"\n'
        "autorestart=true"
    )


def heroku_config(f: dict, tok: str, rng: random.Random) -> str:
    e = f["env"]
    w = max(len(e), 9) + 2
    return f"=== acme-api Config Vars\n{'LOG_LEVEL:':<{w}}info\n{e + ':':<{w}}{tok}\n{'WEB_CONCURRENCY:':<{w}}2"


def netlify_table(f: dict, tok: str, rng: random.Random) -> str:
    e = f["env"]
    return (
        "┌────────────────────┬──────────────────────────────┬──────────┐\n"
        "│ Key                │ Value                        │ Scope    │\n"
        "├────────────────────┼──────────────────────────────┼──────────┤\n"
        "│ NODE_VERSION       │ 20                           │ All      │\n"
        f"│ {e} │ {tok} │ Builds   │\n"
        "└────────────────────┴──────────────────────────────┴──────────┘"
    )


def prom_labels(f: dict, tok: str, rng: random.Random) -> str:
    return f'client_auth_failures_total{{job="api",instance="api-2:9102",{lower(f["env"])}="{tok}",status="401"}} 3'


def nginx_access(f: dict, tok: str, rng: random.Random) -> str:
    return f'203.0.113.7 - - [05/Dec/2026:10:04:11 +0000] "GET /v1/hook?source=ci&{lower(f["env"])}={tok}&page=2 HTTP/1.1" 401 153 "-" "curl/8.5.0"'


def syslog_sd(f: dict, tok: str, rng: random.Random) -> str:
    return f'<134>1 2026-12-05T10:04:11.003Z web-3 api 2211 AUTH [req@32473 route="/v1/ingest" {lower(f["env"])}="{tok}" status="401"] request rejected'


def gelf(f: dict, tok: str, rng: random.Random) -> str:
    return f'{{"version":"1.1","host":"web-3","short_message":"request rejected","level":4,"_route":"/v1/ingest","_{lower(f["env"])}":"{tok}"}}'


def git_credential(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ git credential fill\nprotocol=https\nhost=git.{f['word']}.example\nusername=ci-bot\npassword={tok}"


def diff_hunk(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "diff --git a/deploy/values.yaml b/deploy/values.yaml\n"
        f"index {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n"
        "--- a/deploy/values.yaml\n+++ b/deploy/values.yaml\n"
        "@@ -12,4 +12,4 @@ env:\n"
        "   LOG_LEVEL: info\n"
        f"-  {f['env']}: CHANGEME\n"
        f"+  {f['env']}: {tok}\n"
        "   RETRIES: 3"
    )


def email_header(f: dict, tok: str, rng: random.Random) -> str:
    name = "X-" + "-".join(w.title() for w in f["env"].split("_"))
    return (
        "Return-Path: <bounces@mailer.acme.example>\n"
        "Date: Sat, 05 Dec 2026 10:04:11 +0000\n"
        f"{name}: {tok}\n"
        "Subject: [alert] webhook delivery failed\n"
        "Content-Type: text/plain; charset=utf-8"
    )


def ldif(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "dn: uid=jgarcia,ou=people,dc=acme,dc=example\n"
        "objectClass: inetOrgPerson\n"
        "cn: J Garcia\n"
        f"{camel(f['env'])}: {tok}\n"
        "modifyTimestamp: 20261205100411Z"
    )


def mysql_vertical(f: dict, tok: str, rng: random.Random) -> str:
    k = lower(f["env"])
    w = max(len(k), 10)
    return (
        "*************************** 1. row ***************************\n"
        f"{'id':>{w}}: 4821\n"
        f"{k:>{w}}: {tok}\n"
        f"{'updated_at':>{w}}: 2026-12-05 10:04:11\n"
        "1 row in set (0.00 sec)"
    )


def mongo_slow(f: dict, tok: str, rng: random.Random) -> str:
    return (
        '{"t":{"$date":"2026-12-05T10:04:11.120+00:00"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn42",'
        '"msg":"Slow query","attr":{"type":"command","ns":"crm.customers","command":{"find":"customers",'
        f'"filter":{{"{lower(f["env"])}":"{tok}"}},"limit":1}},"durationMillis":312}}}}'
    )


def wrapped(f: dict, tok: str, rng: random.Random) -> Result:
    head = f'2026-12-05T10:04:11Z ERROR {{"event":"auth.rejected","{lower(f["env"])}":"'
    cut = max(1, 80 - len(head))
    cut = min(cut, len(tok) - 8) if len(tok) > 16 else len(tok) // 2
    first, second = tok[:cut], tok[cut:]
    text = head + first + "\n" + second + '","status":401}'
    return text, first, [second]


# --- APART ------------------------------------------------------------------------------------------


def k8s_configmap(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "Name:         worker-config\nNamespace:    prod\nLabels:       app=worker\n\n"
        "Data\n====\n"
        "log_level:\n----\ninfo\n"
        f"{lower(f['env'])}:\n----\n{tok}\n\n"
        "BinaryData\n====\n\nEvents:  <none>"
    )


def tf_output(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "{\n"
        f'  "{lower(f["env"])}": {{\n'
        '    "sensitive": false,\n'
        '    "type": "string",\n'
        f'    "value": "{tok}"\n'
        "  },\n"
        '  "region": {"sensitive": false, "type": "string", "value": "eu-west-1"}\n'
        "}"
    )


def aws_debug(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "2026-12-05 10:04:11,120 - MainThread - botocore.endpoint - DEBUG - Making request for "
        "OperationModel(name=PutParameter) with params: {'url_path': '/', 'query_string': '', "
        "'method': 'POST', 'headers': {'X-Amz-Target': 'AmazonSSM.PutParameter', "
        "'Content-Type': 'application/x-amz-json-1.1'}, "
        f'\'body\': b\'{{"Name": "/prod/{f["word"]}/{lower(f["env"])}", "Value": "{tok}", '
        '"Type": "SecureString", "Overwrite": true}\'}'
    )


def gcloud_access(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ gcloud secrets versions access latest --secret={kebab(f['env'])} --project=acme-prod\n{tok}\n$ ./deploy.sh\nERROR: rejected by upstream"


def cef(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "Dec  5 10:04:11 gw-1 CEF:0|Acme|Gateway|2.4|401|auth rejected|5|src=10.0.0.4 suser=ci-bot "
        f"cs1Label={camel(f['env'])} cs1={tok} cs2Label=route cs2=/v1/ingest"
    )


def win_event(f: dict, tok: str, rng: random.Random) -> str:
    return (
        '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>4001</EventID>'
        "<Channel>Application</Channel></System><EventData>"
        '<Data Name="SubjectUserName">svc-sync</Data>'
        f'<Data Name="{pascal(f["env"])}">{tok}</Data>'
        '<Data Name="Status">0xc000006d</Data></EventData></Event>'
    )


def saml_attr(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "<saml:AttributeStatement>"
        '<saml:Attribute Name="uid"><saml:AttributeValue>jgarcia</saml:AttributeValue></saml:Attribute>'
        f'<saml:Attribute Name="{camel(f["env"])}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">'
        f'<saml:AttributeValue xsi:type="xs:string">{tok}</saml:AttributeValue></saml:Attribute>'
        "</saml:AttributeStatement>"
    )


def fhir_params(f: dict, tok: str, rng: random.Random) -> str:
    if is_pii(f):
        return (
            '{"resourceType":"Patient","id":"'
            + hexs(rng, 16)
            + '","identifier":[{"use":"official",'
            f'"system":"urn:acme:{kebab(f["env"])}","value":"{tok}"}}],"active":true}}'
        )
    return (
        '{"resourceType":"Parameters","parameter":[{"name":"endpoint","valueUrl":"https://'
        + host(f)
        + f'"}},{{"name":"{lower(f["env"])}","valueString":"{tok}"}}]}}'
    )


def psql_table(f: dict, tok: str, rng: random.Random) -> str:
    k = lower(f["env"])
    w = max(len(k), len(tok))
    return (
        f"  id  | {k:<{w}} | created_at\n"
        f"------+-{'-' * w}-+---------------------\n"
        f" 4821 | {tok:<{w}} | 2026-12-05 10:04:11\n"
        "(1 row)"
    )


def pandas_frame(f: dict, tok: str, rng: random.Random) -> str:
    k = lower(f["env"])
    w = max(len(k), len(tok))
    return f"     id  {k:>{w}}  status\n0  4821  {tok:>{w}}  failed\n1  4822  {'NaN':>{w}}      ok"


def pdftk_fields(f: dict, tok: str, rng: random.Random) -> str:
    return (
        "---\nFieldType: Text\nFieldName: full_name\nFieldValue: Jordan Garcia\n"
        f"---\nFieldType: Text\nFieldName: {camel(f['env'])}\nFieldFlags: 0\nFieldValue: {tok}\n"
        "FieldJustification: Left"
    )


def es_term(f: dict, tok: str, rng: random.Random) -> str:
    return (
        'POST /customers/_search {"query":{"bool":{"filter":[{"term":{"'
        + lower(f["env"])
        + '":{"value":"'
        + tok
        + '"}}}]}}} -> 400 search_phase_execution_exception'
    )


# --- LOOSE ------------------------------------------------------------------------------------------


def haproxy_capture(f: dict, tok: str, rng: random.Random) -> str:
    value = tok if is_pii(f) else rng.choice([tok, f"Bearer {tok}"])
    return (
        "Dec  5 10:04:11 lb-1 haproxy[2211]: 198.51.100.4:51234 [05/Dec/2026:10:04:11.120] fe_https~ "
        f"be_api/api2 0/0/1/12/13 401 162 - - ---- 3/3/0/0/0 0/0 {{{value}|curl/8.5.0}} "
        '"POST /v1/ingest HTTP/1.1"'
    )


def printed_notice(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f"Your new {label(f)} was created. Save it somewhere safe: it will not be shown again.\n\n"
        f"    {tok}\n\n"
        "Press Enter to continue."
    )


def hl7_pid(f: dict, tok: str, rng: random.Random) -> str:
    code = f["word"].upper()[:6]
    return (
        f"MSH|^~\\&|ADT|HOSP|CRM|ACME|20261205100411||ADT^A04|MSG{rng.randrange(10**6):06d}|P|2.5.1\r"
        f"PID|1||{tok}^^^{code}^NI||GARCIA^JORDAN||19840312|F|||12 HIGH ST^^LEEDS^^LS1 4AP"
    )


def _prose(fmt: str) -> Context:
    def make(f: dict, tok: str, rng: random.Random) -> str:
        return fmt.format(label=label(f), word=f["word"].title(), tok=tok)

    return make


PROSE = {
    "prose-es": _prose(
        "Error de autenticación: {word} rechazó la clave «{tok}» (401). Revisa la configuración."
    ),
    "prose-fr": _prose(
        "Échec : le serveur {word} a refusé la clé « {tok} » — vérifiez la configuration."
    ),
    "prose-pt": _prose("Falha ao autenticar no {word}: a chave {tok} expirou ou foi revogada."),
    "prose-zh": _prose("错误：{word} 的密钥 {tok} 无效，请重新生成后再试。"),  # noqa: RUF001
    "prose-ko": _prose("오류: {word} 키 {tok} 가 거부되었습니다. 설정을 확인하세요."),
    "prose-tr": _prose("Hata: {word} anahtarı {tok} sunucu tarafından reddedildi."),  # noqa: RUF001
    "prose-ar": _prose("خطأ: رفض الخادم مفتاح {word} ‏{tok}‏ أثناء المصادقة."),
    "prose-hi": _prose("त्रुटि: {word} कुंजी {tok} अस्वीकार कर दी गई, कृपया सेटिंग जाँचें।"),
}

PII_PROSE = {
    "prose-es": _prose("El cliente envió por chat su {label}: {tok}. Por favor verifique."),
    "prose-fr": _prose("Le client a transmis son {label} {tok} par e-mail, à vérifier."),
    "prose-pt": _prose("Cliente informou o {label} {tok} no atendimento."),
    "prose-zh": _prose("客户在工单中提供了 {label}：{tok}，请核实。"),  # noqa: RUF001
    "prose-ko": _prose("고객이 상담 중 {label} {tok} 을(를) 알려주었습니다."),
    "prose-tr": _prose("Müşteri destek talebinde {label} {tok} bilgisini paylaştı."),  # noqa: RUF001
    "prose-ar": _prose("أرسل العميل {label} ‏{tok}‏ عبر الدردشة."),
    "prose-hi": _prose("ग्राहक ने चैट में अपना {label} {tok} साझा किया।"),
}


def prose(key: str) -> Context:
    def make(f: dict, tok: str, rng: random.Random) -> Result:
        return (PII_PROSE if is_pii(f) else PROSE)[key](f, tok, rng)

    return make


KEYED: dict[str, Context] = {
    "journal-export": journal_export,
    "k8s-describe-env": k8s_describe_env,
    "bash-xtrace": xtrace,
    "declare-x": declare_x,
    "fish-set-show": fish_show,
    "pwsh-env-table": pwsh_env,
    "reg-export": reg_export,
    "reg-query": reg_query,
    "plist": plist,
    "yaml-anchor": yaml_anchor,
    "elixir-map": elixir_map,
    "erlang-proplist": erlang_proplist,
    "clojure-map": clojure_map,
    "haskell-show": haskell_show,
    "julia-dict": julia_dict,
    "python-environ": python_environ,
    "go-environ": go_environ,
    "supervisord": supervisord,
    "heroku-config": heroku_config,
    "netlify-table": netlify_table,
    "prom-labels": prom_labels,
    "nginx-access": nginx_access,
    "syslog-sd": syslog_sd,
    "gelf": gelf,
    "git-credential": git_credential,
    "diff-hunk": diff_hunk,
    "email-header": email_header,
    "ldif": ldif,
    "mysql-vertical": mysql_vertical,
    "mongo-slow": mongo_slow,
    "wrapped-json": wrapped,
}

APART: dict[str, Context] = {
    "k8s-configmap": k8s_configmap,
    "tf-output-json": tf_output,
    "aws-cli-debug": aws_debug,
    "gcloud-access": gcloud_access,
    "cef": cef,
    "win-event-xml": win_event,
    "saml-attribute": saml_attr,
    "fhir": fhir_params,
    "psql-table": psql_table,
    "pandas-frame": pandas_frame,
    "pdftk-fields": pdftk_fields,
    "es-term": es_term,
}

LOOSE: dict[str, Context] = {
    "haproxy-capture": haproxy_capture,
    "printed-notice": printed_notice,
    **{k: prose(k) for k in PROSE},
}

PII_ONLY: dict[str, Context] = {"hl7-pid": hl7_pid}

PII_OK = {
    "psql-table",
    "pandas-frame",
    "pdftk-fields",
    "es-term",
    "fhir",
    "saml-attribute",
    "ldif",
    "mysql-vertical",
    "mongo-slow",
    "gelf",
    "cef",
    "syslog-sd",
    "nginx-access",
    "elixir-map",
    "erlang-proplist",
    "clojure-map",
    "haskell-show",
    "julia-dict",
    "diff-hunk",
    "yaml-anchor",
    "win-event-xml",
    "hl7-pid",
    "haproxy-capture",
    *PROSE,
}
