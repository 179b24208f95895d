"""Forms found by bench/contexts34 (values in cloud, CI, console and tool output): CloudFormation
``ParameterKey``/``ParameterValue``, OTLP ``stringValue`` attributes and ARM parameter objects
(``apart``); ``glab variable get``, ``sops --extract``, ``kwallet-query -r`` and a Pulumi
``KEY  VALUE`` table (``readouts``); quoted option lists, redis ``MONITOR``, curl form pairs,
Grafana's numbered header pairs and YAML sequences (``listed_values``); devtools'
``Storage.getItem`` and GitHub Actions' debug ``Evaluating`` (``consoles``); Greek, Hebrew and Thai
secret words (``told_abroad``); and what stays: ids and hashes in the same forms, masked values,
Drone's ``from_secret: name`` and a mail client's password command in backticks."""

# ruff: noqa: RUF001  (Greek, Hebrew and Thai prose around a value)
from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "c90a8c4d-8766-4fd3-8d90-1f6e2d7c0ccc"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")

FOUND = [
    # apart: CloudFormation parameters, OTLP attributes, ARM parameter objects
    (
        f'[{{"ParameterKey": "Stage", "ParameterValue": "prod"}}, {{"ParameterKey": "StripeApiKey", "ParameterValue": "{MIXED}"}}]',
        ("api-key",),
    ),
    (f'{{"ParameterValue": "{MIXED}",\n  "ParameterKey": "DbPassword"}}', ("password",)),
    (f'{{"key": "acme.api_token", "value": {{"stringValue": "{LOWER}"}}}}', ("token",)),
    (
        f'"attributes": [{{"key": "http.request.header.x-auth-token", "value": {{"stringValue": "{MIXED}"}}}}]',
        ("token",),
    ),
    (
        f'{{"parameters": {{\n  "location": {{"value": "westeurope"}},\n  "sendgridApiKey": {{\n    "value": "{LOWER}"\n  }}\n}}}}',
        ("api-key",),
    ),
    # readouts: glab, sops --extract, kwallet-query, a Pulumi table
    (f"$ glab variable get DEPLOY_TOKEN\n{MIXED}", ("token",)),
    (
        f'$ sops -d --extract \'["stripe"]["secret_key"]\' secrets/prod.enc.yaml\n{LOWER}',
        ("api-key",),
    ),
    (f"$ kwallet-query -r acme -f Passwords kdewallet\n{MIXED}", ("token",)),
    (
        f"$ pulumi config --show-secrets\nKEY                 VALUE\naws:region          eu-west-1\nacme:dbPassword     {MIXED}",
        ("password",),
    ),
    # listed_values: option lists, MONITOR, form pairs, Grafana header pairs, YAML sequences
    (f'"args": [\n  "--transport",\n  "stdio",\n  "--api-key",\n  "{LOWER}"\n]', ("api-key",)),
    (
        f"Start-Process -FilePath .\\acme.exe -ArgumentList '--auth-token', '{MIXED}' -NoNewWindow",
        ("token",),
    ),
    (f"cmd = ['acme', '--client-secret', '{MIXED}']", ("secret",)),
    (f'1733565731.512900 [0 10.0.3.7:53214] "AUTH" "deploy" "{LOWER}"', ("password",)),
    (f'1733565731.512900 [0 unix:/run/redis.sock] "AUTH" "{MIXED}"', ("password",)),
    (f'1733565731.512900 [0 127.0.0.1:6379] "CONFIG" "SET" "requirepass" "{MIXED}"', ("password",)),
    (f'1733565731.512900 [3 lua] "HSET" "config:acme" "api_token" "{LOWER}"', ("token",)),
    (
        f'$ curl --request POST "https://gitlab.example.com/api/v4/projects/42/variables" --form "key=NPM_TOKEN" --form "value={LOWER}"',
        ("token",),
    ),
    (
        f"$ curl -F 'key=DB_PASSWORD' -F 'value={MIXED}' https://gitlab.example.com/api/v4/projects/7/variables",
        ("password",),
    ),
    (
        f"    jsonData:\n      httpHeaderName1: X-API-Key\n    secureJsonData:\n      httpHeaderValue1: {LOWER}",
        ("api-key",),
    ),
    (
        f'{{"jsonData": {{"httpHeaderName2": "Authorization-Token"}}, "secureJsonData": {{"httpHeaderValue2": "{MIXED}"}}}}',
        ("token",),
    ),
    (f"    params:\n      api_key:\n        - {LOWER}", ("api-key",)),
    (
        f'scrape_configs:\n  - job_name: acme\n    params:\n      token:\n        - "{MIXED}"',
        ("token",),
    ),
    (f"api_keys:\n  - {MIXED}\n  - {LOWER}\nregion: eu-west-1", ("api-key", "api-key")),
    # stored: Woodpecker's and Drone's ``secret add``
    (
        f"$ woodpecker-cli repo secret add --repository acme/web --name npm_token --value {LOWER}",
        ("stored-secret",),
    ),
    (
        f"$ drone secret add --repository acme/web --name deploy_key --data {MIXED}",
        ("stored-secret",),
    ),
    # consoles: devtools, Actions debug
    (f"> localStorage.getItem(\"authToken\")\n< '{MIXED}'", ("token",)),
    (f"sessionStorage.getItem('refresh_token')\n\"{LOWER}\"", ("token",)),
    (
        f"2026-12-07T09:14:02Z ##[debug]Evaluating: steps.login.outputs.token\n2026-12-07T09:14:02Z ##[debug]Evaluating Index:\n2026-12-07T09:14:02Z ##[debug]=> '{MIXED}'\n2026-12-07T09:14:02Z ##[debug]Result: '{MIXED}'",
        ("token", "high-entropy"),
    ),
    (f"##[debug]Evaluating: env.NPM_TOKEN\n##[debug]=> '{LOWER}'", ("token",)),
    # told_abroad: Greek, Hebrew, Thai
    (f"Το κλειδί API για το acme είναι: {MIXED}", ("secret-value",)),
    (f"הטוקן של acme הוא {LOWER} — אל תשתפו אותו.", ("secret-value",)),
    (f"โทเค็นของ acme คือ {MIXED} กรุณาอย่าแชร์", ("secret-value",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert MIXED not in out
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


@pytest.mark.parametrize(
    "text",
    [
        f'[{{"ParameterKey": "GitCommit", "ParameterValue": "{SHA}"}}]',
        f'{{"key": "http.request.header.x-request-id", "value": {{"stringValue": "{UUID}"}}}}',
        '{"key": "http.request.header.authorization", "value": {"stringValue": "[REDACTED]"}}',
        f'{{"parameters": {{"buildSha": {{"value": "{SHA}"}}}}}}',
        f"$ glab variable get BUILD_SHA\n{SHA}",
        '$ sops -d --extract \'["app"]["region"]\' secrets/prod.enc.yaml\neu-west-1',
        '"args": ["-y", "@acme/server", "--api-key", "${input:acme_key}"]',
        f'"args": ["--commit", "{SHA}"]',
        f'1733565731.512900 [0 unix:/run/redis.sock] "GET" "cache:etag:{SHA}"',
        f'1733565731.512900 [0 unix:/run/redis.sock] "HGETALL" "job:{UUID}"',
        '1733565731.512900 [0 unix:/run/redis.sock] "HSET" "user:1042" "oauth" "google-workspace"',
        f'--form "key=BUILD_ID" --form "value={SHA}"',
        "jsonData:\n  httpHeaderName1: Content-Type\nsecureJsonData:\n  httpHeaderValue1: application/json",
        "secrets:\n  - db_password\n  - api_token",
        f"commits:\n  - {SHA}\n  - {SHA}",
        "$ woodpecker-cli repo secret add --repository acme/web --name dry_run --value true",
        f"    params:\n      commit:\n        - {SHA}",
        f"> localStorage.getItem(\"draftId\")\n< '{UUID}'",
        "##[debug]Evaluating: secrets.NPM_TOKEN\n##[debug]=> '***'",
        f"##[debug]Evaluating: github.sha\n##[debug]=> '{SHA}'",
        "Ο κωδικός πρόσβασης είναι λάθος",
        "    from_secret: deploy_token",
        "set imap_pass = `secret-tool lookup service imap`",
        'set smtp_pass = "`pass show mail/work`"',
        'passwordeval "gpg -q --for-your-eyes-only -d ~/.config/msmtp/work.gpg"',
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
