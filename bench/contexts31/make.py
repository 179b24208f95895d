"""Build contexts31: scanner fixtures and fresh draws in the issue's own list of contexts (blind).

``python bench/contexts31/make.py`` writes secrets.jsonl and benign.jsonl (seed 31031). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 31031) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS, which follow
issue 16's list (prose, shell, curl, Python/JS/Go/Java/PHP/Make/YAML/XML/.env/Kubernetes, JSON
payloads) in idioms no earlier corpus had. Benign rows: each unlabelled false-positive fixture in one
or two LINE_CONTEXTS, and 150 look-alikes of our own. Row format as contexts30.
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

SEED = 31031
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


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.


def c_chat(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"[10:42] dana: @oli can you retry the {svc(r)} sync? I rotated it, new {n.tail.snake.replace('_', ' ')} is {v}\n[10:43] oli: on it",
        f"**Priya Shah** 3:17 PM\nfor staging just use `{v}` as the {n.vendor} {n.tail.kebab.replace('-', ' ')}, prod one is in vault\n:thumbsup: 2",
        f"> mark wrote:\n> which {n.vendor} {n.tail.snake.replace('_', ' ')} does the cron use?\nthis one: {v} (same as the dashboard)",
    )


def c_issue(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"### Steps to reproduce\n\n1. Set `{n.env}` to `{v}`\n2. Run `{svc(r)}-cli sync --all`\n3. See `401 Unauthorized`\n\n### Expected\nThe sync finishes.",
        f"**Describe the bug**\nAuth fails with my {n.vendor} key {v} even though it works in curl.\n\n**Version**: 2.4.1",
        f"I can reproduce on 3.1.0. Config I used:\n\n    {n.env.lower()}: {v}\n    region: eu-west-1\n\nsame error as @kgomez.",
    )


def c_commit(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"commit {hashlib.sha1(v.encode(), usedforsecurity=False).hexdigest()}\nAuthor: Jo Bauer <jo@example.org>\nDate:   Tue Nov 4 10:12:03 2026 +0100\n\n    fix({svc(r)}): use the service {n.tail.snake.replace('_', ' ')}\n\n    The old {n.tail.snake.replace('_', ' ')} {v} was revoked upstream.\n",
        f'Revert "hardcode {n.env} for the demo"\n\nThis reverts the line {n.env}={v} that\nwas committed by mistake in the previous change.\n',
        f"chore: bump {svc(r)} client\n\n* temporary {n.tail.kebab.replace('-', ' ')}: {v}\n* TODO: move to secrets manager\n",
    )


def c_shell(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'read -r {n.env} <<< "{v}"\nexport {n.env}\n{svc(r)} deploy --prod',
        f"printf -v {n.env} '%s' '{v}'\ntypeset -x {n.env}\n",
        f"set -a\n{n.env}={v}\nset +a\nexec ./bin/{svc(r)}-worker",
        f"env -i PATH=/usr/bin {n.env}='{v}' /opt/{svc(r)}/bin/agent --once",
    )


def c_curl_data(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"curl -sS -X POST https://{host(r)}/oauth/check \\\n  --data-urlencode \"{n.tail.snake}={v}\" \\\n  --data-urlencode 'scope=read'",
        f'curl -s https://{host(r)}/v1/session -H \'Content-Type: application/json\' -d @- <<EOF\n{{\n  "{n.tail.camel}": {dq(v)},\n  "ttl": 3600\n}}\nEOF',
        f"curl -G https://{host(r)}/api/export --data-urlencode '{n.tail.snake}={v}' --data-urlencode 'format=csv' -o export.csv",
    )


def c_curl_auth(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f"curl --oauth2-bearer {v} https://{host(r)}/v2/me",
        f"curl -x http://proxy.corp:3128 --proxy-user '{u}:{v}' https://{host(r)}/health",
        f"curl -fsSL --user '{u}:{v}' https://{host(r)}/artifacts/latest.tar.gz | tar xz",
        f'curl -s -H "PRIVATE-TOKEN: {v}" "https://{host(r)}/api/v4/projects?per_page=100"',
    )


def c_py_async(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'async with httpx.AsyncClient(\n    base_url="https://{host(r)}",\n    headers={{"Authorization": f"Bearer {{\'{v}\'}}"}},\n) as client:\n    r = await client.get("/v1/jobs")\n',
        f'async with httpx.AsyncClient(headers={{"X-{n.tail.pascal}": {dq(v)}}}, timeout=10) as client:\n    resp = await client.post(url, json=body)\n',
        f"session = aiohttp.ClientSession(\n    headers={{'{n.tail.kebab}': {sq(v)}}},\n    raise_for_status=True,\n)\n",
    )


def c_py_env(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'import os\n\nos.environ.setdefault({dq(n.env)}, {dq(v)})\nos.environ.setdefault("{ident(n).upper()}_TIMEOUT", "30")\n',
        f"{n.snake} = os.getenv({sq(n.env)}, {sq(v)})\n",
        f'env = dict(os.environ, {n.env}={dq(v)})\nsubprocess.run(["{svc(r)}", "sync"], env=env, check=True)\n',
    )


def c_py_configparser(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'config = configparser.ConfigParser()\nconfig[{dq(svc(r))}] = {{"endpoint": "https://{host(r)}", {dq(n.tail.snake)}: {dq(v)}}}\nwith open("settings.ini", "w") as fh:\n    config.write(fh)\n',
        f"cfg.set({sq(svc(r))}, {sq(n.tail.snake)}, {sq(v)})\n",
        f'parser.read_string("""\n[{svc(r)}]\n{n.tail.snake} = {v}\nretries = 3\n""")\n',
    )


def c_js_headers(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"const res = await fetch(url, {{\n  headers: new Headers({{ 'X-{n.tail.pascal}': {sq(v)}, Accept: 'application/json' }}),\n}});\n",
        f"const headers = new Headers();\nheaders.append('Authorization', 'Bearer {v}');\nawait fetch('https://{host(r)}/v1/me', {{ headers }});\n",
        f"xhr.setRequestHeader({dq(n.tail.kebab)}, {dq(v)});\n",
    )


def c_js_env(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"process.env.{n.env} ??= {sq(v)};\n",
        f"const {{ {n.env} = {dq(v)}, NODE_ENV = 'development' }} = process.env;\n",
        f"Object.assign(process.env, {{ {n.env}: {sq(v)} }});\n",
        f"const {n.camel} = import.meta.env.VITE_{n.env} || {dq(v)};\n",
    )


def c_go_map(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'env := map[string]string{{\n\t"{n.env}": {dq(v)},\n\t"REGION":  "eu-west-1",\n}}\n',
        f'viper.SetDefault("{ident(n)}.{n.tail.snake}", {dq(v)})\n',
        f'req.Header = http.Header{{\n\t"Authorization": {{"Bearer {v}"}},\n\t"Accept":        {{"application/json"}},\n}}\n',
        f'cmd.Flags().StringVar(&cfg.{n.pascal}, "{n.kebab}", {dq(v)}, "{n.vendor} credential")\n',
    )


def c_java_env(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"String {n.camel} = System.getenv().getOrDefault({dq(n.env)}, {dq(v)});\n",
        f'Properties props = new Properties();\nprops.put("{n.dotted}", {dq(v)});\nprops.put("{ident(n)}.timeout", "30");\n',
        f"System.setProperty({dq(n.dotted)}, {dq(v)});\n",
        f'Map<String, String> headers = Map.of("X-{n.tail.pascal}", {dq(v)}, "Accept", "application/json");\n',
    )


def c_php_env(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"${n.camel} = $_ENV['{n.env}'] ?? {sq(v)};\n",
        f'putenv("{n.env}={v}");\n',
        f"define('{n.env}', {sq(v)});\n",
        f"$_SERVER['{n.env}'] = {sq(v)};\n$client = new \\{cls(n)}\\Client($_SERVER['{n.env}']);\n",
    )


def c_make(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"deploy: $(eval {n.env} := {v})\n\t@./scripts/deploy.sh\n",
        f"release: export {n.env} = {v}\nrelease:\n\tgoreleaser release --clean\n",
        f"override {n.env} = {v}\nexport {n.env}\n",
        f"$ make publish {n.env}={v} VERSION=1.4.2\n",
        f"{n.env} ?= {v}\n\nsync:\n\t{svc(r)} sync --{n.tail.kebab} $({n.env})\n",
    )


def c_yaml_anchor(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"x-{svc(r)}-auth: &{ident(n)}_auth\n  {n.tail.snake}: {yq(v)}\n  region: eu\n\nservices:\n  worker:\n    environment:\n      <<: *{ident(n)}_auth\n",
        f"defaults: &defaults\n  adapter: postgresql\n  {n.snake}: {yq(v)}\n\nproduction:\n  <<: *defaults\n  database: app_prod\n",
        f"common:\n  {n.camel}: &{n.camel} {yq(v)}\njobs:\n  sync:\n    token: *{n.camel}\n",
    )


def c_yaml_block(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"{n.vendor}:\n  {n.tail.snake}: >-\n    {v}\n  endpoint: https://{host(r)}\n",
        f"data:\n  {n.env}: |\n    {v}\n",
        f"- name: configure {svc(r)}\n  shell: |\n    {svc(r)} login --{n.tail.kebab} {v}\n    {svc(r)} status\n",
    )


def c_xml_attr(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'<property name="{n.dotted}" value="{x(v)}"/>',
        f'<Configuration status="WARN"><Properties><Property name="{n.camel}">{x(v)}</Property></Properties></Configuration>',
        f'<Http name="remote" url="https://{host(r)}/logs"><Property name="Authorization" value="Bearer {x(v)}"/><JsonLayout/></Http>',
        f"<server><id>{svc(r)}</id><username>{x(user_of(pairs))}</username><password>{x(v)}</password></server>",
    )


def c_dotenv(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"# {svc(r)}\nexport {n.env}={v}\nexport {ident(n).upper()}_REGION=eu\n",
        f"{n.env}={v}  # rotated 2026-11-02, ask ops\nLOG_LEVEL=info\n",
        f"{n.env}=${{{n.env}:-{v}}}\n",
        f'{n.env}="{v}" # staging\n',
    )


def c_k8s_env(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"        envFrom:\n        - configMapRef:\n            name: {svc(r)}-config\n        env:\n        - name: {n.env}\n          value: {yq(v)}\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n",
        f"        env:\n        - name: {n.env}\n          valueFrom:\n            secretKeyRef: {{name: {svc(r)}, key: token}}\n        - name: {n.env}_FALLBACK\n          value: {dq(v)}\n",
        f"  - {{name: {n.env}, value: {dq(v)}}}\n",
    )


def c_kustomize(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'secretGenerator:\n- name: {svc(r)}-creds\n  literals: ["{n.snake}={v}", "region=eu"]\n  options:\n    disableNameSuffixHash: true\n',
        f"$ kustomize edit add secret {svc(r)} --from-literal={n.snake}={v}\n",
        f"configMapGenerator:\n- name: {svc(r)}\n  literals:\n  - LOG_LEVEL=debug\n  - {n.env}={v}\n",
    )


def c_helm_cli(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"helm upgrade --install {svc(r)} ./chart -n apps \\\n  --set-string {ident(n)}.{n.tail.camel}={v} \\\n  --wait",
        f"helm template ./chart --set-string 'env[0].name={n.env},env[0].value={v}'",
        f"argocd app set {svc(r)} -p {n.tail.camel}={v}",
    )


def c_graphql(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "query": "mutation Connect($input: ConnectInput!) { connect(input: $input) { id } }",
                "variables": {"input": {"provider": svc(r), n.tail.camel: v}},
            }
        ),
        json.dumps(
            {
                "operationName": "Login",
                "variables": {n.camel: v},
                "query": f"query Login(${n.camel}: String!) {{ login(token: ${n.camel}) {{ ok }} }}",
            },
            indent=2,
        ),
    )


def c_jsonrpc(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "jsonrpc": "2.0",
                "id": RNG.randint(1, 99),
                "method": f"{ident(n)}.authenticate",
                "params": {n.tail.camel: v},
            }
        ),
        json.dumps({"jsonrpc": "2.0", "id": 7, "method": "session.open", "params": [svc(r), v]}),
        "--> "
        + json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "initialize",
                "params": {"initializationOptions": {n.camel: v}},
                "id": 0,
            }
        ),
    )


def c_jsonl(r, pairs):
    n, v = pairs[-1]
    ev = [
        {"ts": "2026-12-06T10:00:01Z", "type": "start", "job": svc(r)},
        {"ts": "2026-12-06T10:00:02Z", "type": "config", "data": {n.snake: v, "retries": 3}},
        {"ts": "2026-12-06T10:00:09Z", "type": "done", "ok": True},
    ]
    ev2 = [
        {"event": "request", "headers": {"authorization": f"Bearer {v}"}, "path": "/v1/jobs"},
        {"event": "response", "status": 200, "ms": 41},
    ]
    return "\n".join(json.dumps(e) for e in pick(ev, ev2))


def c_nested_body(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "statusCode": 200,
                "headers": {"Content-Type": "application/json"},
                "body": json.dumps({n.camel: v, "expires_in": 3600}),
            }
        ),
        json.dumps(
            {
                "Records": [
                    {
                        "messageId": str(uuid.UUID(int=RNG.getrandbits(128))),
                        "body": json.dumps({"provider": svc(r), n.snake: v}),
                    }
                ]
            }
        ),
    )


def c_log_line(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"2026/12/06 10:11:12 DEBUG outgoing request url=https://{host(r)}/v1 header=map[Accept:[*/*] Authorization:[Bearer {v}]]",
        f"10:11:12.345 [main] DEBUG org.apache.http.headers - http-outgoing-0 >> X-{n.tail.pascal}: {v}",
        f'I1206 10:11:12.345678   4021 client.go:88] using {n.tail.snake.replace("_", " ")} "{v}" for {host(r)}',
        f"WARN  [{svc(r)}] config loaded: {{{n.snake}={v}, timeout=30s}}",
    )


def c_secret_cli(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'gh secret set {n.env} --body "{v}" --repo acme/{svc(r)}',
        f"fly secrets set {n.env}={v} -a {svc(r)}-prod",
        f'vercel env add {n.env} production <<< "{v}"',
        f"aws ssm put-parameter --name /{svc(r)}/{n.tail.kebab} --type SecureString --value '{v}' --overwrite",
    )


def c_ts_config(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"export const config = {{\n  {ident(n)}: {{ {n.tail.camel}: {sq(v)}, baseUrl: 'https://{host(r)}' }},\n}} as const;\n",
        f"const settings = {{\n  {n.camel}: {dq(v)},\n  retries: 3,\n}} satisfies Settings;\n",
        f"static readonly {n.env}: string = {sq(v)};\n",
    )


CONTEXTS = {
    "chat": c_chat,
    "issue": c_issue,
    "commit": c_commit,
    "shell": c_shell,
    "curl_data": c_curl_data,
    "curl_auth": c_curl_auth,
    "py_async": c_py_async,
    "py_env": c_py_env,
    "py_configparser": c_py_configparser,
    "js_headers": c_js_headers,
    "js_env": c_js_env,
    "ts_config": c_ts_config,
    "go_map": c_go_map,
    "java_env": c_java_env,
    "php_env": c_php_env,
    "make": c_make,
    "yaml_anchor": c_yaml_anchor,
    "yaml_block": c_yaml_block,
    "xml_attr": c_xml_attr,
    "dotenv": c_dotenv,
    "k8s_env": c_k8s_env,
    "kustomize": c_kustomize,
    "helm_cli": c_helm_cli,
    "graphql": c_graphql,
    "jsonrpc": c_jsonrpc,
    "jsonl": c_jsonl,
    "nested_body": c_nested_body,
    "log_line": c_log_line,
    "secret_cli": c_secret_cli,
}
# Multi-line values (PEM blocks, JSON keys) only where the format escapes them (JSON strings).
BLOCK = {"graphql", "jsonrpc", "jsonl", "nested_body"}
# A value placed in userinfo (curl --user u:V): URL-safe only.
NEEDS_URL = {"curl_auth"}
# A value placed unquoted among words or in shell/YAML-plain/Make/.env positions.
NEEDS_BARE = {
    "chat",
    "issue",
    "commit",
    "shell",
    "curl_data",
    "py_configparser",
    "make",
    "yaml_block",
    "dotenv",
    "kustomize",
    "helm_cli",
    "log_line",
    "secret_cli",
    "php_env",
    "js_headers",
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
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "chat_quote": lambda s: (
        "[09:12] sam: the scanner flagged this, false positive right?\n"
        + each("> {}", s)
        + "\n[09:13] kim: yes, allowlist it"
    ),
    "issue_block": lambda s: (
        "The linter reports a leak here but it is test data:\n\n~~~text\n"
        + s
        + "\n~~~\n\nPlease add it to the allowlist."
    ),
    "commit_body": lambda s: (
        "test: add false-positive fixtures\n\n" + each("    {}", s) + "\n\nRefs: #482"
    ),
    "jsonl_msg": lambda s: "\n".join(
        json.dumps({"level": "info", "msg": "fixture", "line": ln}) for ln in s.splitlines()
    ),
    "yaml_literal": lambda s: (
        "fixture:\n  text: |\n" + each("    {}", s) + "\n  expect: no-finding"
    ),
    "xml_cdata": lambda s: (
        '<testcase name="fp"><![CDATA[\n' + s.replace("]]>", "]] >") + "\n]]></testcase>"
    ),
    "make_comment": lambda s: (
        "# known false positives:\n" + each("#   {}", s) + "\nlint:\n\tgitleaks detect --no-git"
    ),
    "dotenv_comment": lambda s: (
        "# examples from the scanner docs (not real):\n" + each("# {}", s) + "\nAPP_ENV=development"
    ),
    "ts_comment": lambda s: (
        "// prettier-ignore\n"
        + each("// fixture: {}", s)
        + "\nexport const fixtures: string[] = [];"
    ),
    "graphql_comment": lambda s: each("# {}", s) + "\nquery Viewer { viewer { login } }",
}


# ---------------------------------------------------------------- look-alikes
def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts in this corpus's contexts whose values look like credentials by shape only."""
    out = []
    kinds = 15
    for i in range(150):
        seed = f"c31-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(uuid.UUID(bytes=hashlib.md5(seed, usedforsecurity=False).digest(), version=4))
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        b64 = base64.b64encode(hashlib.sha256(seed + b"2").digest()).decode()
        cursor = base64.b64encode(f"arrayconnection:{RNG.randint(10, 9999)}".encode()).decode()
        kind = i % kinds
        if kind == 0:
            t = json.dumps(
                {
                    "query": "query Repos($after: String) { viewer { repositories(first: 50, after: $after) { nodes { id } } } }",
                    "variables": {"after": cursor},
                }
            )
            out.append(("graphql-cursor", t))
        elif kind == 1:
            t = json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": i,
                    "result": {
                        "transactionHash": "0x" + h256,
                        "blockHash": "0x" + hashlib.sha256(seed + b"b").hexdigest(),
                        "status": "0x1",
                    },
                }
            )
            out.append(("jsonrpc-eth-receipt", t))
        elif kind == 2:
            t = "\n".join(
                json.dumps(e)
                for e in [
                    {
                        "ts": "2026-12-06T10:00:01Z",
                        "trace_id": md5,
                        "span_id": h1[:16],
                        "msg": "request start",
                    },
                    {
                        "ts": "2026-12-06T10:00:01Z",
                        "trace_id": md5,
                        "span_id": h1[16:32],
                        "msg": "request end",
                        "ms": i,
                    },
                ]
            )
            out.append(("jsonl-trace", t))
        elif kind == 3:
            t = json.dumps(
                {"statusCode": 201, "body": json.dumps({"id": u, "etag": md5, "version": ver})}
            )
            out.append(("nested-body-ids", t))
        elif kind == 4:
            t = f"curl -s -G https://api.example.com/search --data-urlencode 'q=sha256:{h256}' --data-urlencode 'per_page=50'"
            out.append(("curl-digest-query", t))
        elif kind == 5:
            t = f"helm upgrade --install api ./chart --set-string image.digest=sha256:{h256} --set image.tag={ver}"
            out.append(("helm-image-digest", t))
        elif kind == 6:
            t = f"fix(parser): handle empty frames\n\nFixes #{i + 100}\nChange-Id: I{h1}\nReviewed-on: https://review.example.org/c/app/+/{i + 4000}"
            out.append(("commit-change-id", t))
        elif kind == 7:
            t = f"[14:02] lee: the bad deploy was {h1[:12]}, rolled back to {hashlib.sha1(seed + b'p', usedforsecurity=False).hexdigest()[:12]}\n[14:03] ana: thanks, request id {u} if you need the logs"
            out.append(("chat-shas", t))
        elif kind == 8:
            t = f'checksums := map[string]string{{\n\t"linux-amd64": "{h256}",\n\t"darwin-arm64": "{hashlib.sha256(seed + b"d").hexdigest()}",\n}}'
            out.append(("go-map-checksums", t))
        elif kind == 9:
            t = f'props.put("build.commit", "{h1}");\nprops.put("build.version", "{ver}");\nString instanceId = System.getenv().getOrDefault("INSTANCE_ID", "{u}");'
            out.append(("java-build-props", t))
        elif kind == 10:
            t = f"GIT_SHA ?= {h1}\nIMAGE := registry.example.com/app@sha256:{h256}\n\nbuild: $(eval STAMP := {md5})\n\tdocker build --label sha=$(GIT_SHA) ."
            out.append(("make-shas", t))
        elif kind == 11:
            t = f"x-build: &build\n  context: .\n  args:\n    BUILD_ID: {u}\n    SOURCE_SHA: {h1}\nservices:\n  api:\n    build: *build"
            out.append(("yaml-anchor-ids", t))
        elif kind == 12:
            t = f"export SENTRY_RELEASE={h1}  # set by CI\nBUILD_NUMBER=${{BUILD_NUMBER:-{i + 1000}}}\nCACHE_KEY=deps-{md5}"
            out.append(("dotenv-build", t))
        elif kind == 13:
            t = f"process.env.NEXT_PUBLIC_API_URL ??= 'http://localhost:3000';\nprocess.env.BUILD_ID ??= '{h1[:20]}';\nconst {{ SESSION_SALT_VERSION = '{ver}' }} = process.env;"
            out.append(("js-env-defaults", t))
        else:
            t = f'<property name="build.checksum" value="{b64}"/>\n<property name="build.uuid" value="{u}"/>'
            out.append(("ant-checksum", t))
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
