"""Build contexts30: the scanners' fixtures and fresh draws in config/code idioms no corpus had (blind).

``python bench/contexts30/make.py`` writes secrets.jsonl and benign.jsonl (seed 30030). Values:
each true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label,
and one value drawn anew (draws29's sampler, seed 30030) for every gitleaks rule and every
trufflehog detector the sampler translates (needs the fetch tool's mirrors of both). Each value
goes into two of CONTEXTS: Python settings/clients/Django/SQLAlchemy/pytest/notebook magics,
JS/TS clients, SDKs and build configs, Go literals and calls, Spring/Gradle/.NET user-secrets/
HOCON, PHP arrays, Ruby/Rails, Rust reqwest, Apple plists, Make recipes, Docker builds, systemd
drop-ins, API gateways, tfvars/tfstate, Helm --set, Ansible inventories, CI pipelines of GitLab/
CircleCI/Azure/Bitbucket/Drone, Kubernetes workloads and kustomize, compose commands and quadlets,
Vagrant/Packer/Chef/Puppet, OAuth/webhook/Postman JSON, dotfiles (.pgpass, .my.cnf, .s3cfg,
aws credentials, rclone, pip.conf), app TOML, XML configs, IDE run configs, shell default
expansions, YAML app manifests, diffs and review comments.

Benign rows: each unlabelled false-positive fixture as a line (a comment or note) in one or two of
LINE_CONTEXTS, and look-alikes of our own in config/code form (lockfile hashes, digests, SHAs,
UUIDs, versions, public keys, references like ``${VAR}``/``{{ secret }}``, placeholders).
Row format as contexts29 (family, context, text, secret, source, also, rule, kind, label).
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

SEED = 30030
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


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.


def c_py_settings(r, pairs):
    n, v = pairs[-1]
    fields = "".join(f"    {m.tail.snake}: str = {dq(w)}\n" for m, w in others(pairs))
    dfields = "".join(
        f"    {m.tail.snake}: str = field(default={dq(w)})\n" for m, w in others(pairs)
    )
    return pick(
        f"from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass {n.pascal[: -len(n.tail.pascal)] or 'App'}Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix={dq(n.vendor.upper().replace('-', '_') + '_')})\n{fields}    {n.tail.snake}: str = {dq(v)}\n    timeout: float = 10.0\n",
        f"from pydantic import BaseSettings, SecretStr\n\n\nclass Settings(BaseSettings):\n{fields}    {n.snake}: SecretStr = SecretStr({dq(v)})\n    debug: bool = False\n",
        f"@dataclass(frozen=True)\nclass {n.pascal}Config:\n{dfields}    {n.tail.snake}: str = field(default={sq(v)}, repr=False)\n",
    )


def c_py_clients(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f"import requests\n\nsession = requests.Session()\nsession.auth = ({dq(u)}, {dq(v)})\nsession.headers.update({{'User-Agent': '{svc(r)}-sync/2.1'}})\nresp = session.get('https://{host(r)}/v1/status')\n",
        f"import boto3\n\ns3 = boto3.client(\n    's3',\n    region_name='eu-west-1',\n    aws_access_key_id={sq(u)},\n    aws_secret_access_key={sq(v)},\n)\n",
        f'client = {n.vendor.title().replace("-", "")}Client(\n    base_url="https://{host(r)}",\n    {n.tail.snake}={dq(v)},\n    max_retries=3,\n)\n',
        f'headers = {{\n    "Accept": "application/json",\n    "X-{n.tail.pascal}": {dq(v)},\n}}\nhttpx.post(f"https://{host(r)}/v2/events", headers=headers, json=payload)\n',
    )


def c_django(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f"DATABASES = {{\n    'default': {{\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'USER': {sq(u)},\n        'PASSWORD': {sq(v)},\n        'HOST': 'db',\n        'PORT': '5432',\n    }}\n}}\n",
        f"# settings/production.py\nDEBUG = False\nALLOWED_HOSTS = ['app.example.com']\n{n.env} = {sq(v)}\nEMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\n",
        f"ANYMAIL = {{\n    '{n.vendor.upper().replace('-', '_')}_API_URL': 'https://{host(r)}/v3',\n    '{n.env}': {sq(v)},\n}}\nCACHES = {{'default': {{'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}}}\n",
    )


def c_db_urls(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    return pick(
        f'engine = create_engine("postgresql+psycopg2://{u}:{v}@db.internal:5432/{svc(r)}", pool_pre_ping=True)\n',
        f"app = Celery('{svc(r)}', broker='amqp://{u}:{v}@rabbitmq:5672//', backend='rpc://')\n",
        f'CELERY_BROKER_URL = "redis://:{v}@redis.internal:6379/0"\nCELERY_RESULT_BACKEND = CELERY_BROKER_URL\n',
        f'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://{u}:{v}@mysql.internal/{svc(r)}?charset=utf8mb4"\n',
    )


def c_pytest(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"@pytest.fixture\ndef {n.snake}():\n    return {dq(v)}\n\n\ndef test_sync(client, {n.snake}):\n    assert client.sync(token={n.snake}).ok\n",
        f'@pytest.fixture(autouse=True)\ndef _env(monkeypatch):\n    monkeypatch.setenv({dq(n.env)}, {dq(v)})\n    monkeypatch.setenv("{n.vendor.upper().replace("-", "_")}_REGION", "eu")\n',
        f"@mock.patch.dict(os.environ, {{{dq(n.env)}: {dq(v)}}})\ndef test_client_reads_env():\n    assert make_client().ready\n",
    )


def c_notebook(r, pairs):
    n, v = pairs[-1]
    src = pick(
        [f"%env {n.env}={v}\n", f"import {svc(r).replace('-', '_')}\n"],
        [f"%set_env {n.env}={v}\n"],
        [f"!curl -s -H 'Authorization: Bearer {v}' https://{host(r)}/v1/me | jq .\n"],
        ["import os\n", f"os.environ[{dq(n.env)}] = {dq(v)}  # TODO remove before commit\n"],
    )
    cell = {
        "cell_type": "code",
        "execution_count": RNG.randint(1, 40),
        "id": uuid.UUID(int=RNG.getrandbits(128)).hex[:8],
        "metadata": {},
        "outputs": [],
        "source": src,
    }
    return json.dumps({"cells": [cell], "nbformat": 4, "nbformat_minor": 5}, indent=1)


def c_js_http(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"const api = axios.create({{\n  baseURL: 'https://{host(r)}/v1',\n  timeout: 5000,\n  headers: {{ 'X-{n.tail.pascal.replace('Api', 'API')}': {sq(v)} }},\n}});\n",
        f"const res = await fetch(`https://{host(r)}/v1/items`, {{\n  method: 'GET',\n  headers: {{ Authorization: `Bearer {v.replace('`', '')}` }},\n}});\n",
        f"const client = got.extend({{\n  prefixUrl: 'https://{host(r)}',\n  headers: {{\n    '{n.tail.kebab}': {dq(v)},\n  }},\n}});\n",
        f"export const {n.camel}: string = {dq(v)};\nexport const {n.vendor.replace('-', '')}BaseUrl = 'https://{host(r)}';\n",
    )


def c_js_sdk(r, pairs):
    n, v = pairs[-1]
    cls = n.vendor.title().replace("-", "")
    return pick(
        f"import {{ Octokit }} from '@octokit/rest';\n\nconst octokit = new Octokit({{ auth: {sq(v)}, userAgent: '{svc(r)}-bot v1.2.3' }});\n",
        f"import {{ createClient }} from '@supabase/supabase-js';\n\nexport const supabase = createClient('https://{svc(r)}.supabase.co', {sq(v)});\n",
        f"const {cls.lower()} = new {cls}({{\n  {n.tail.camel}: {dq(v)},\n  environment: 'production',\n}});\n",
        f"const {cls.lower()} = require('{svc(r)}')({sq(v)});\n",
    )


def c_js_build(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"/** @type {{import('next').NextConfig}} */\nmodule.exports = {{\n  reactStrictMode: true,\n  env: {{\n    {n.env}: {sq(v)},\n  }},\n}};\n",
        f"plugins: [\n  new webpack.DefinePlugin({{\n    'process.env.{n.env}': JSON.stringify({dq(v)}),\n    'process.env.NODE_ENV': JSON.stringify('production'),\n  }}),\n],\n",
        f"export default defineConfig({{\n  plugins: [react()],\n  define: {{\n    __{n.env}__: JSON.stringify({sq(v)}),\n  }},\n}});\n",
    )


def c_npmrc_script(r, pairs):
    _n, v = pairs[-1]
    return pick(
        f"const fs = require('fs');\nfs.writeFileSync('.npmrc', `@{svc(r)}:registry=https://npm.{host(r)}/\\n//npm.{host(r)}/:_authToken={v}\\n`);\n",
        f'#!/bin/sh\nset -eu\necho "//registry.npmjs.org/:_authToken={v}" > ~/.npmrc\nnpm publish --access public\n',
        f'- run: |\n    echo "//npm.pkg.github.com/:_authToken={v}" >> .npmrc\n    npm ci\n',
    )


def c_go(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f'cfg := {n.vendor.title().replace("-", "")}Config{{\n\tBaseURL: "https://{host(r)}",\n\t{n.tail.pascal.replace("Api", "API")}: {dq(v)},\n\tTimeout: 10 * time.Second,\n}}\n',
        f'req, _ := http.NewRequest("GET", "https://{host(r)}/v1/me", nil)\nreq.Header.Set("Authorization", "Bearer "+{dq(v)})\nreq.Header.Set("Accept", "application/json")\n',
        f'const (\n\tdefaultRegion = "eu-west-1"\n\t{n.camel}      = {dq(v)}\n)\n',
        f'conf := &oauth2.Config{{\n\tClientID:     {dq(u)},\n\tClientSecret: {dq(v)},\n\tScopes:       []string{{"read"}},\n\tEndpoint:     oauth2.Endpoint{{TokenURL: "https://{host(r)}/oauth/token"}},\n}}\n',
        f"func init() {{\n\tos.Setenv({dq(n.env)}, {dq(v)})\n}}\n",
    )


def c_java_spring(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'@Value("${{{n.vendor}.{n.tail.kebab}:{v}}}")\nprivate String {n.tail.camel};\n',
        f'HikariConfig config = new HikariConfig();\nconfig.setJdbcUrl("jdbc:postgresql://db:5432/app");\nconfig.setUsername("{user_of(pairs)}");\nconfig.setPassword({dq(v)});\n',
        f'{n.vendor.title().replace("-", "")}Client client = {n.vendor.title().replace("-", "")}Client.builder()\n        .endpoint("https://{host(r)}")\n        .{n.tail.camel}({dq(v)})\n        .build();\n',
        f'@Bean\npublic RestTemplate restTemplate(RestTemplateBuilder b) {{\n    return b.defaultHeader("X-{n.tail.pascal}", {dq(v)}).build();\n}}\n',
    )


def c_gradle(r, pairs):
    n, v = pairs[-1]
    esc = dq(v)[1:-1]
    return pick(
        f'android {{\n    defaultConfig {{\n        buildConfigField "String", "{n.env}", "\\"{esc}\\""\n    }}\n}}\n',
        f'defaultConfig {{\n    buildConfigField("String", "{n.env}", "\\"{esc}\\"")\n    manifestPlaceholders["appId"] = "com.example.app"\n}}\n',
        f'android.defaultConfig.manifestPlaceholders = [{n.camel}: "{esc}"]\n',
        f'resValue "string", "{n.snake}", "{esc}"\n',
    )


def c_dotnet_cfg(r, pairs):
    n, v = pairs[-1]
    sec = f"{n.vendor.title().replace('-', '')}:{n.tail.pascal}"
    return pick(
        f'$ dotnet user-secrets set "{sec}" "{dq(v)[1:-1]}"\nSuccessfully saved {sec} = {v} to the secret store.\n',
        f"// secrets.json (user secrets)\n{json.dumps({sec: v, 'Logging:LogLevel:Default': 'Information'}, indent=2)}\n",
        f'builder.Configuration["{sec}"] = {dq(v)};\nbuilder.Services.AddHttpClient("{svc(r)}");\n',
        f'services.Configure<{n.vendor.title().replace("-", "")}Options>(o =>\n{{\n    o.{n.tail.pascal} = {dq(v)};\n    o.Endpoint = new Uri("https://{host(r)}");\n}});\n',
    )


def c_hocon(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'{n.vendor} {{\n  endpoint = "https://{host(r)}"\n  {n.tail.kebab} = {dq(v)}\n  {n.tail.kebab} = ${{?{n.env}}}\n}}\n',
        f"akka.http.client.idle-timeout = 60s\n{n.vendor}.{n.tail.kebab} = {dq(v)}\n",
        f'val conf = ConfigFactory.parseString("""\n  {n.tail.camel} = {dq(v)}\n  retries = 3\n""")\n',
    )


def c_php_arrays(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"return [\n    '{n.vendor}' => [\n        'endpoint' => 'https://{host(r)}',\n        '{n.tail.snake}' => env('{n.env}', {sq(v)}),\n    ],\n];\n",
        f"$client = new \\GuzzleHttp\\Client([\n    'base_uri' => 'https://{host(r)}',\n    'headers' => ['Authorization' => 'Bearer ' . {sq(v)}],\n]);\n",
        f"$_ENV['{n.env}'] = {sq(v)};\n$config['{n.vendor}']['timeout'] = 30;\n",
        f"'{n.tail.snake}' => {sq(v)},\n'{n.vendor}_region' => 'eu',\n",
    )


def c_ruby(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"{n.env} = ENV.fetch({dq(n.env)}, {dq(v)})\n",
        f"# config/credentials.yml.enc (decrypted with bin/rails credentials:edit)\n{n.vendor.replace('-', '_')}:\n  {n.tail.snake}: {yq(v)}\n  region: eu\nsecret_key_base: <%= ENV['SECRET_KEY_BASE'] %>\n",
        f'conn = Faraday.new(url: "https://{host(r)}") do |f|\n  f.request :authorization, "Bearer", {sq(v)}\n  f.headers["Accept"] = "application/json"\nend\n',
        f"Rails.application.configure do\n  config.x.{n.vendor.replace('-', '_')}.{n.tail.snake} = {dq(v)}\nend\n",
    )


def c_rust_http(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return pick(
        f'let resp = client\n    .get("https://{host(r)}/v1/me")\n    .bearer_auth({dq(v)})\n    .send()\n    .await?;\n',
        f"let resp = client\n    .post(url)\n    .basic_auth({dq(u)}, Some({dq(v)}))\n    .json(&body)\n    .send()?;\n",
        f"let key = std::env::var({dq(n.env)}).unwrap_or_else(|_| {dq(v)}.to_string());\n",
        f'headers.insert("x-{n.tail.kebab}", HeaderValue::from_static({dq(v)}));\n',
    )


def c_apple(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>CFBundleName</key>\n\t<string>Acme</string>\n\t<key>{n.pascal}</key>\n\t<string>{x(v)}</string>\n</dict>\n</plist>\n',
        f"// Config/Release.xcconfig\nPRODUCT_BUNDLE_IDENTIFIER = com.example.app\n{n.env} = {v}\n",
        f'let {n.camel} = Bundle.main.object(forInfoDictionaryKey: "{n.pascal}") as? String ?? {dq(v)}\n',
    )


def c_make_recipe(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"deploy: {n.env} = {v}\ndeploy:\n\t./scripts/deploy.sh --env prod\n",
        f".PHONY: publish\npublish:\n\t@curl -fsS -H 'X-{n.tail.pascal}: {v}' https://{host(r)}/v1/publish\n",
        f"release:\n\t$(eval {n.env} := {v})\n\tgoreleaser release --clean\n",
        f"push:\n\tdocker login -u ci -p {v} registry.example.com\n\tdocker push registry.example.com/app:$(VERSION)\n",
    )


def c_docker_build(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ docker build --build-arg {n.env}={v} -t app:latest .\n",
        f"FROM node:20-alpine\nWORKDIR /app\nRUN echo '{n.env}={v}' >> /app/.env\nCOPY . .\n",
        f'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 \\\n    {n.env}="{v}" \\\n    PORT=8080\n',
        f"docker buildx build \\\n  --build-arg {n.env}={v} \\\n  --platform linux/amd64 \\\n  -t registry.example.com/app:1.4.2 --push .\n",
    )


def c_systemd_dropin(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ sudo systemctl set-environment {n.env}={v}\n$ sudo systemctl restart {svc(r)}.service\n",
        f'# /etc/systemd/system/{svc(r)}.service.d/override.conf\n[Service]\nEnvironment="{n.env}={v}" "LOG_LEVEL=info"\n',
        f"$ systemd-run --user -E {n.env}={v} --unit={svc(r)}-sync ./sync.sh\n",
    )


def c_gateway(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"route_config:\n  request_headers_to_add:\n  - header:\n      key: x-{n.tail.kebab}\n      value: {yq(v)}\n    append_action: OVERWRITE_IF_EXISTS_OR_ADD\n",
        f'_format_version: "3.0"\nconsumers:\n- username: {svc(r)}\n  keyauth_credentials:\n  - key: {yq(v)}\n',
        f"apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nspec:\n  http:\n  - headers:\n      request:\n        set:\n          Authorization: {yq('Bearer ' + v)}\n",
    )


def c_tf_files(r, pairs):
    n, v = pairs[-1]
    tfstate = {
        "version": 4,
        "terraform_version": "1.7.5",
        "resources": [
            {
                "mode": "managed",
                "type": f"{n.vendor.replace('-', '_')}_credential",
                "name": "ci",
                "instances": [{"attributes": {"id": "cred-01", n.tail.snake: v}}],
            }
        ],
    }
    return pick(
        f'# terraform.tfvars\nregion = "eu-west-1"\n{n.snake} = {dq(v)}\n',
        json.dumps(tfstate, indent=2),
        f'locals {{\n  {n.tail.snake} = {dq(v)}\n  tags = {{ team = "platform" }}\n}}\n',
        f"$ TF_VAR_{n.snake}={v} terraform plan -out plan.tfplan\n"
        if BARE.fullmatch(v)
        else f"{n.snake} = {dq(v)}\n",
    )


def c_helm_set(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"$ helm upgrade --install {svc(r)} ./chart --set {n.vendor}.{n.tail.camel}={v} --namespace prod\n",
        f"helm install {svc(r)} oci://registry.example.com/charts/{svc(r)} \\\n  --set-string secrets.{n.tail.camel}={v} \\\n  --wait\n",
        f"extraEnv:\n  - name: {n.env}\n    value: {yq(v)}\n  - name: LOG_LEVEL\n    value: info\n",
    )


def c_ansible_inv(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"[web]\nweb-01 ansible_host=web-01.example.com ansible_user=deploy ansible_password={v}\n",
        f"# group_vars/all.yml\nansible_become_pass: {yq(v)}\n{n.snake}: {yq(v)}\n",
        f"$ ansible-playbook site.yml -e '{n.snake}={v}' --limit web\n",
        f"all:\n  vars:\n    {n.snake}: {yq(v)}\n  hosts:\n    web-01: {{}}\n",
    )


def c_ci_pipelines(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"variables:\n  {n.env}: {yq(v)}\n  DOCKER_DRIVER: overlay2\n\ndeploy:\n  stage: deploy\n  script:\n    - ./deploy.sh\n",
        f"jobs:\n  build:\n    docker:\n      - image: cimg/python:3.12\n        environment:\n          {n.env}: {yq(v)}\n    steps:\n      - checkout\n",
        f"variables:\n- name: {n.env}\n  value: {yq(v)}\n- name: buildConfiguration\n  value: Release\n",
        f"pipelines:\n  default:\n    - step:\n        script:\n          - export {n.env}={v}\n          - make test\n",
        f"steps:\n- name: publish\n  image: plugins/docker\n  settings:\n    {n.tail.snake}: {yq(v)}\n    repo: example/app\n",
    )


def c_k8s_workload(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: {svc(r)}\n        env:\n        - name: {n.env}\n          value: {dq(v)}\n",
        f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {svc(r)}-config\ndata:\n  {n.env}: {dq(v)}\n  LOG_LEVEL: info\n",
        f"      containers:\n      - name: agent\n        args:\n        - --{n.tail.kebab}={v}\n        - --region=eu\n",
        f"secretGenerator:\n- name: {svc(r)}-creds\n  literals:\n  - {n.env}={v}\n",
    )


def c_container_cfg(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'services:\n  worker:\n    image: example/worker:2.3\n    command: ["--{n.tail.kebab}", {dq(v)}, "--verbose"]\n',
        f"x-common-env: &common-env\n  {n.env}: {yq(v)}\n  TZ: UTC\nservices:\n  api:\n    environment: *common-env\n",
        f"# ~/.config/containers/systemd/{svc(r)}.container\n[Container]\nImage=docker.io/example/{svc(r)}:latest\nEnvironment={n.env}={v}\n",
        f"services:\n  app:\n    build:\n      context: .\n      args:\n        {n.env}: {yq(v)}\n",
    )


def c_infra_code(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'Vagrant.configure("2") do |config|\n  config.vm.provision "shell", path: "bootstrap.sh",\n    env: {{ "{n.env}" => {dq(v)} }}\nend\n',
        f'variable "{n.snake}" {{\n  type      = string\n  default   = {dq(v)}\n  sensitive = true\n}}\n\nsource "amazon-ebs" "base" {{}}\n',
        f"default['{n.vendor}']['{n.tail.snake}'] = {sq(v)}\n",
        f"class profile::{n.vendor.replace('-', '_')} {{\n  ${n.tail.snake} = {sq(v)}\n}}\n",
    )


def c_oauth_json(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {"access_token": v, "token_type": "Bearer", "expires_in": 3600, "scope": "read"},
            indent=2,
        ),
        json.dumps(
            {"event": "endpoint.created", "data": {"url": f"https://{host(r)}/hook", "secret": v}},
            indent=2,
        ),
        json.dumps(
            {
                "info": {"name": f"{svc(r)} API"},
                "auth": {
                    "type": "apikey",
                    "apikey": [
                        {"key": "key", "value": f"X-{n.tail.pascal}", "type": "string"},
                        {"key": "value", "value": v, "type": "string"},
                    ],
                },
            },
            indent=2,
        ),
        json.dumps(
            {"rest-client.environmentVariables": {"prod": {n.tail.camel: v, "host": host(r)}}},
            indent=4,
        ),
    )


def c_dotfiles(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs).split("@")[0]
    return pick(
        f"$ cat ~/.pgpass\ndb.internal:5432:{svc(r)}:{u}:{v}\n",
        f"# ~/.my.cnf\n[client]\nuser={u}\npassword={v}\n",
        f"# ~/.s3cfg\n[default]\naccess_key = {u}\nsecret_key = {v}\nhost_base = s3.example.com\n",
        f"# ~/.aws/credentials\n[{svc(r)}]\naws_access_key_id = {u}\naws_secret_access_key = {v}\n",
        f"[{svc(r)}]\ntype = s3\nprovider = Other\naccess_key_id = {u}\nsecret_access_key = {v}\n",
        f"# ~/.config/pip/pip.conf\n[global]\nindex-url = https://{u}:{v}@pypi.example.com/simple\n"
        if URL_SAFE.fullmatch(v)
        else f"# ~/.my.cnf\n[client]\npassword={v}\n",
    )


def c_toml_apps(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'[build]\n  command = "npm run build"\n\n[context.production.environment]\n  {n.env} = {dq(v)}\n',
        f"# .streamlit/secrets.toml\n[{n.vendor.replace('-', '_')}]\n{n.tail.snake} = {dq(v)}\n",
        f'app = "{svc(r)}"\nprimary_region = "ams"\n\n[env]\n  {n.env} = {dq(v)}\n',
        f'[tool.poetry.http-basic.{svc(r)}]\nusername = "{user_of(pairs)}"\npassword = {dq(v)}\n',
    )


def c_xml_cfg(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'<configuration>\n  <appSettings>\n    <add key="{n.pascal}" value="{x(v)}" />\n  </appSettings>\n</configuration>\n',
        f'<bean id="{n.vendor.replace("-", "")}Client" class="com.example.{n.vendor.title().replace("-", "")}Client">\n    <property name="{n.tail.camel}" value="{x(v)}"/>\n</bean>\n',
        f'<resources>\n    <string name="app_name">Acme</string>\n    <string name="{n.snake}" translatable="false">{x(v)}</string>\n</resources>\n',
        f'<Context>\n  <Resource name="jdbc/app" auth="Container" type="javax.sql.DataSource"\n            username="{user_of(pairs)}" password="{x(v)}" url="jdbc:postgresql://db/app"/>\n</Context>\n',
        f'<Configuration>\n  <Properties>\n    <Property name="{n.camel}">{x(v)}</Property>\n  </Properties>\n</Configuration>\n',
    )


def c_ide_cfg(r, pairs):
    n, v = pairs[-1]
    return pick(
        json.dumps(
            {
                "version": "0.2.0",
                "configurations": [
                    {"type": "node", "request": "launch", "name": "api", "env": {n.env: v}}
                ],
            },
            indent=2,
        ),
        json.dumps({"terminal.integrated.env.linux": {n.env: v}, "editor.tabSize": 2}, indent=2),
        f'<component name="ProjectRunConfigurationManager">\n  <configuration name="api" type="PythonConfigurationType">\n    <envs>\n      <env name="{n.env}" value="{x(v)}" />\n    </envs>\n  </configuration>\n</component>\n',
    )


def c_shell_defaults(r, pairs):
    n, v = pairs[-1]
    return pick(
        f'{n.env}="${{{n.env}:-{v}}}"\nexport {n.env}\n',
        f': "${{{n.env}:={v}}}"\n',
        f"declare -x {n.env}={v}\n",
        f"readonly {n.env}='{v}'\n",
        f"curl -fsS --data-urlencode '{n.tail.snake}={v}' https://{host(r)}/v1/verify\n",
    )


def c_yaml_apps(r, pairs):
    n, v = pairs[-1]
    return pick(
        f"service: {svc(r)}-api\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  environment:\n    {n.env}: {yq(v)}\n",
        f"runtime: python312\nenv_variables:\n  {n.env}: {yq(v)}\n",
        f"apiVersion: dapr.io/v1alpha1\nkind: Component\nspec:\n  type: state.redis\n  metadata:\n  - name: redisPassword\n    value: {yq(v)}\n",
        f"spring:\n  cloud:\n    config:\n      server:\n        git:\n          uri: https://git.example.com/config\n          password: {yq(v)}\n",
    )


def c_diff_review(r, pairs):
    n, v = pairs[-1]
    line = pick(f"{n.env} = {dq(v)}", f"{n.camel}: {sq(v)},", f"{n.env}={v}")
    return pick(
        f"diff --git a/config/settings.py b/config/settings.py\nindex 3f2a1b0..9c4d7e2 100644\n--- a/config/settings.py\n+++ b/config/settings.py\n@@ -12,6 +12,7 @@ TIMEOUT = 30\n RETRIES = 3\n+{line}\n LOG_LEVEL = 'info'\n",
        f"> ```suggestion\n> {line}\n> ```\n\nPlease don't commit the real value here, move it to the vault.\n",
        f"**src/config.ts** line 42:\n```diff\n-  {n.camel}: process.env.{n.env},\n+  {line}\n```\nreviewer: this looks like a live credential.\n",
    )


CONTEXTS = {
    "py_settings": c_py_settings,
    "py_clients": c_py_clients,
    "django": c_django,
    "db_urls": c_db_urls,
    "pytest": c_pytest,
    "notebook": c_notebook,
    "js_http": c_js_http,
    "js_sdk": c_js_sdk,
    "js_build": c_js_build,
    "npmrc_script": c_npmrc_script,
    "go": c_go,
    "java_spring": c_java_spring,
    "gradle": c_gradle,
    "dotnet_cfg": c_dotnet_cfg,
    "hocon": c_hocon,
    "php_arrays": c_php_arrays,
    "ruby": c_ruby,
    "rust_http": c_rust_http,
    "apple": c_apple,
    "make_recipe": c_make_recipe,
    "docker_build": c_docker_build,
    "systemd_dropin": c_systemd_dropin,
    "gateway": c_gateway,
    "tf_files": c_tf_files,
    "helm_set": c_helm_set,
    "ansible_inv": c_ansible_inv,
    "ci_pipelines": c_ci_pipelines,
    "k8s_workload": c_k8s_workload,
    "container_cfg": c_container_cfg,
    "infra_code": c_infra_code,
    "oauth_json": c_oauth_json,
    "dotfiles": c_dotfiles,
    "toml_apps": c_toml_apps,
    "xml_cfg": c_xml_cfg,
    "ide_cfg": c_ide_cfg,
    "shell_defaults": c_shell_defaults,
    "yaml_apps": c_yaml_apps,
    "diff_review": c_diff_review,
}
# Multi-line values (PEM blocks, JSON keys) only where the format escapes them (JSON strings).
BLOCK = {"oauth_json", "ide_cfg", "notebook"}
# A value placed in a URL (userinfo): URL-safe only.
NEEDS_URL = {"db_urls", "npmrc_script"}
# A value placed unquoted among words or in shell/YAML-plain/INI positions.
NEEDS_BARE = {
    "make_recipe",
    "docker_build",
    "systemd_dropin",
    "helm_set",
    "ansible_inv",
    "dotfiles",
    "shell_defaults",
    "apple",
    "k8s_workload",
    "container_cfg",
    "notebook",
    "hocon",
    "diff_review",
    "java_spring",
    "dotnet_cfg",
    "js_http",
}


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in BLOCK and context != "notebook"
    if context in NEEDS_URL:
        return URL_SAFE.fullmatch(v) is not None
    if context in NEEDS_BARE:
        return BARE.fullmatch(v) is not None
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "py_comment": lambda s: "def parse(line):\n" + each("    # e.g. {}", s) + "\n    return line",
    "js_comment": lambda s: "/**\n" + each(" * sample: {}", s) + "\n */\nexport function lint() {}",
    "go_test_table": lambda s: (
        "\t// not a secret:\n" + each("\t// {}", s) + '\n\t{name: "fp", want: false},'
    ),
    "yaml_comment": lambda s: "rules:\n" + each("  # allowlisted: {}", s) + "\n  - id: generic",
    "toml_comment": lambda s: (
        "[allowlist]\n" + each("# {}", s) + '\ndescription = "scanner false positives"'
    ),
    "xml_comment": lambda s: "<!-- fixture:\n" + s.replace("--", "- -") + "\n-->\n<config/>",
    "diff_context": lambda s: "@@ -1,3 +1,3 @@\n" + each(" {}", s) + "\n-# old note\n+# note",
    "md_fence": lambda s: (
        "The linter flags this line, which is a false positive:\n\n```\n" + s + "\n```\n"
    ),
    "ini_comment": lambda s: "[scanner]\n" + each("; ignored: {}", s) + "\nenabled = true",
    "php_comment": lambda s: "<?php\n" + each("// sample {}", s) + "\nreturn [];",
}


# ---------------------------------------------------------------- look-alikes
def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign config/code texts whose values look like credentials by shape only."""
    out = []
    kinds = 20
    for i in range(200):
        seed = f"c30-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(uuid.UUID(bytes=hashlib.md5(seed, usedforsecurity=False).digest(), version=4))
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        b64_512 = base64.b64encode(hashlib.sha512(seed).digest()).decode()
        b64 = base64.b64encode(hashlib.sha256(seed + b"2").digest()).decode()
        pkg = RNG.choice(["lodash", "react", "express", "chalk", "zod", "axios", "debug"])
        name = RNG.choice(["stripe", "github", "slack", "sendgrid", "twilio", "datadog"])
        kind = i % kinds
        if kind == 0:
            t = f'"node_modules/{pkg}": {{\n  "version": "{ver}",\n  "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-{ver}.tgz",\n  "integrity": "sha512-{b64_512}"\n}}'
            out.append(("npm-lock", t))
        elif kind == 1:
            t = f'[[package]]\nname = "{pkg}"\nversion = "{ver}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "{h256}"'
            out.append(("cargo-lock", t))
        elif kind == 2:
            t = f'[[package]]\nname = "{pkg}"\nversion = "{ver}"\nfiles = [\n    {{file = "{pkg}-{ver}-py3-none-any.whl", hash = "sha256:{h256}"}},\n]'
            out.append(("poetry-lock", t))
        elif kind == 3:
            t = f"      containers:\n      - name: api\n        image: registry.example.com/api@sha256:{h256}\n        imagePullPolicy: IfNotPresent"
            out.append(("k8s-image-digest", t))
        elif kind == 4:
            t = f"    steps:\n      - uses: actions/checkout@{h1} # v4.1.1\n      - uses: actions/setup-node@{hashlib.sha1(seed + b'n', usedforsecurity=False).hexdigest()} # v4.0.2"
            out.append(("gha-pinned-sha", t))
        elif kind == 5:
            t = f'resource "aws_s3_bucket" "logs" {{\n  bucket = "acme-logs-{md5[:8]}"\n  tags = {{\n    correlation_id = "{u}"\n  }}\n}}'
            out.append(("tf-uuid-tag", t))
        elif kind == 6:
            t = f'<PackageReference Include="Newtonsoft.Json" Version="{ver}" />\n<ProjectGuid>{{{u.upper()}}}</ProjectGuid>'
            out.append(("csproj-guid", t))
        elif kind == 7:
            t = f"{name.upper()}_API_KEY=${{{name.upper()}_API_KEY}}\n{name.upper()}_WEBHOOK_SECRET=${{{{ secrets.{name.upper()}_WEBHOOK_SECRET }}}}"
            out.append(("env-references", t))
        elif kind == 8:
            t = f"  env:\n    {name.upper()}_TOKEN: ${{{{ secrets.{name.upper()}_TOKEN }}}}\n    DB_PASSWORD: {{{{ .Values.db.password }}}}\n    API_KEY: <your-api-key>"
            out.append(("template-references", t))
        elif kind == 9:
            t = f'{name}:\n  api_key: "YOUR_{name.upper()}_API_KEY"\n  secret: "<replace-me>"\n  webhook_secret: changeme'
            out.append(("placeholders", t))
        elif kind == 10:
            t = f"features:\n  new_checkout: true\n  beta_search_v{i % 5 + 2}: false\n  rollout_percent: {i % 100}\n  experiment_id: {u}"
            out.append(("feature-flags", t))
        elif kind == 11:
            pub = base64.b64encode(
                b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + hashlib.sha256(seed).digest()
            ).decode()
            t = f"authorized_keys:\n  - ssh-ed25519 {pub} deploy@ci-{i}"
            out.append(("ssh-public-key", t))
        elif kind == 12:
            t = f'const BUILD_INFO = {{\n  commit: "{h1}",\n  shortCommit: "{h1[:7]}",\n  version: "{ver}",\n  builtAt: "2026-12-06T10:11:12Z",\n}};'
            out.append(("build-info", t))
        elif kind == 13:
            t = f"go 1.22\n\nrequire github.com/acme/{pkg} v{ver}\n// go.sum\ngithub.com/acme/{pkg} v{ver} h1:{b64}"
            out.append(("go-mod", t))
        elif kind == 14:
            t = f"<dependency>\n  <groupId>com.example</groupId>\n  <artifactId>{pkg}-core</artifactId>\n  <version>{ver}</version>\n</dependency>\n<!-- sha1: {h1} -->"
            out.append(("maven-dep", t))
        elif kind == 15:
            t = f'resource "aws_kms_key" "app" {{\n  description = "app"\n}}\n# arn:aws:kms:eu-west-1:123456789012:key/{u}'
            out.append(("kms-arn", t))
        elif kind == 16:
            t = f'ETag: "{md5}"\nContent-MD5: {base64.b64encode(hashlib.md5(seed + b"c", usedforsecurity=False).digest()).decode()}\nX-Request-Id: {u}'
            out.append(("http-hashes", t))
        elif kind == 17:
            t = f'{{\n  "name": "{pkg}-app",\n  "version": "{ver}",\n  "packageManager": "pnpm@9.{i % 12}.0+sha512.{hashlib.sha512(seed).hexdigest()}"\n}}'
            out.append(("package-manager", t))
        elif kind == 18:
            t = f'<?xml version="1.0"?>\n<plist version="1.0"><dict>\n\t<key>CFBundleVersion</key>\n\t<string>{ver}</string>\n\t<key>NSUserActivityTypes</key>\n\t<string>com.example.{pkg}.{md5[:12]}</string>\n</dict></plist>'
            out.append(("plist-ids", t))
        else:
            t = f"-----BEGIN PUBLIC KEY-----\n{base64.b64encode(hashlib.sha512(seed + b'k').digest() + hashlib.sha256(seed).digest()).decode()}\n-----END PUBLIC KEY-----"
            out.append(("public-key-pem", t))
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
