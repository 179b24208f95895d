"""Forms found by bench/contexts40 (agent transcripts, renderings, exotic configs, templates, data
tools): values named by a sibling element, an attribute, a redis reply's field, Subversion's hash
dump or a template's variable (``named_elements``); DynamoDB's wrapper over lines
(``typed_values``); a word diff's changed word after a key (``word_diffs``); an OpenAPI
``default:``/``example:`` under a key naming a secret (``schema_defaults``); a Telegram code entity
named by the text before it (``text_entities``); and what stays: the same forms with ids, digests,
references and public values."""

from __future__ import annotations

import json
import re

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "cf3ddada-0da7-4eca-9f86-f0a439160ccd"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")

FOUND = [
    # named_elements: a name element and its value, in XML configs and jobs
    (
        f"<property>\n  <name>fs.s3a.secret.key</name>\n  <value>{MIXED}</value>\n</property>",
        ("api-key",),
    ),
    (
        f"<hudson.model.StringParameterDefinition>\n  <name>ACME_AUTH_TOKEN</name>\n"
        f"  <description>deploy token</description>\n  <defaultValue>{LOWER}</defaultValue>",
        ("token",),
    ),
    (
        f"<property><name>javax.jdo.option.ConnectionPassword</name><value>{MIXED}</value></property>",
        ("password",),
    ),
    # an attribute names the element's text or its <value> child
    (f'<MS>\n  <S N="Name">acme</S>\n  <S N="ApiKey">{MIXED}</S>\n</MS>', ("api-key",)),
    (
        f'<environmentvariables>\n  <variable name="ACME_CLIENT_SECRET">\n    <value>{LOWER}</value>\n  </variable>',
        ("secret",),
    ),
    # redis-cli replies and Subversion's credential cache
    (
        f'127.0.0.1:6379> HGETALL cfg:acme\n1) "endpoint"\n2) "https://api.example.com"\n3) "api_token"\n4) "{MIXED}"',
        ("token",),
    ),
    (f'127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "{MIXED}"', ("high-entropy",)),
    (
        f"K 8\npassauth\nV 6\nsimple\nK 8\npassword\nV 24\n{MIXED}\nK 8\nusername\nV 6\ndeploy\nEND",
        ("password",),
    ),
    # template defaults and assignments
    (f"api_token: {{{{ acme_api_token | default('{MIXED}') }}}}", ("token",)),
    (f'  ACME_TOKEN: {{{{ .Values.acmeToken | default "{LOWER}" | quote }}}}', ("token",)),
    (f'ACME_SECRET={{{{ or (env "ACME_SECRET") "{MIXED}" }}}}', ("secret",)),
    (f'{{% assign acme_api_key = "{MIXED}" %}}', ("api-key",)),
    # typed_values over lines (``aws dynamodb scan``)
    (
        json.dumps({"Items": [{"api_token": {"S": MIXED}}]}, indent=2),
        ("token",),
    ),
    # word_diffs
    (
        f"@@ -3,3 +3,3 @@ services:\n      api_token: [-${{API_TOKEN}}-]{{+{MIXED}+}}\n      region: eu",
        ("token",),
    ),
    (f"ACME_CLIENT_SECRET={{+{LOWER}+}}", ("secret",)),
    # schema_defaults
    (
        f"components:\n  parameters:\n    ApiKey:\n      name: X-Api-Key\n      in: header\n"
        f"      schema:\n        type: string\n        example: {MIXED}",
        ("api-key",),
    ),
    (
        f"servers:\n  - url: https://api.example.com\n    variables:\n      apiToken:\n        default: {LOWER}",
        ("token",),
    ),
    # text_entities: a Telegram export's code entity after the words that name it
    (
        json.dumps(
            {"text": ["the acme api key is ", {"type": "code", "text": MIXED}, ", rotate it"]},
            indent=1,
        ),
        ("secret",),
    ),
    (json.dumps({"text": ["token: ", {"type": "pre", "text": LOWER}]}), ("secret",)),
    # html_tables: a data cell under a header naming a secret, inside inline markup
    (
        f"<table><tr><th>Service</th><th>API key</th></tr>\n<tr><td>acme</td><td><code>{MIXED}</code></td></tr></table>",
        ("api-key",),
    ),
    (
        f'<table>\n<tr>\n  <th>user</th>\n  <th>Password</th>\n</tr>\n<tr>\n  <td>deploy</td>\n  <td><span style="font-family:monospace">{LOWER}</span></td>\n</tr>',
        ("password",),
    ),
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
        # XML name/value pairs and attributes that name no secret, or hold a reference
        "<property>\n  <name>fs.s3a.endpoint</name>\n  <value>s3.eu-west-1.amazonaws.com</value>\n</property>",
        "<property><name>fs.s3a.secret.key</name><value>${env.S3_SECRET}</value></property>",
        f"<name>GIT_COMMIT</name>\n<defaultValue>{SHA}</defaultValue>",
        f'<S N="Thumbprint">{SHA.upper()}</S>',
        f'<variable name="BUILD_ID">\n  <value>{UUID}</value>\n</variable>',
        # redis replies of other fields, a KEYS listing
        f'127.0.0.1:6379> HGETALL build:42\n1) "sha"\n2) "{SHA}"\n3) "status"\n4) "green"',
        '127.0.0.1:6379> KEYS *\n1) "api_token"\n2) "session:abc"',
        "K 8\nusername\nV 6\ndeploy\nEND",
        # template defaults of other variables, references
        "image: {{ image_tag | default('latest') }}",
        '  API_TOKEN: {{ .Values.apiToken | default "" | quote }}',
        'ACME_SECRET={{ or (env "ACME_SECRET") "${ACME_SECRET}" }}',
        json.dumps({"Items": [{"sha": {"S": SHA}}]}, indent=2),
        # word diffs of other keys, a regex class
        f"      image: [-{SHA[:12]}-]{{+{SHA[12:24]}+}}",
        "api_token: [-a-z0-9-]{32}",
        # OpenAPI defaults and examples of other names
        "servers:\n  - url: https://{region}.example.com\n    variables:\n      region:\n        default: eu-west-1",
        f"parameters:\n  RequestId:\n    name: X-Request-Id\n    schema:\n      type: string\n      example: {UUID}",
        "properties:\n  api_token:\n    type: string\n    example: <your-api-token>",
        # Telegram entities after other words
        json.dumps({"text": ["build ", {"type": "code", "text": SHA}, " is green"]}),
        json.dumps({"text": ["the release is ", {"type": "code", "text": "v1.2.3"}]}),
        # HTML tables under other headers, or a key column of hashes
        f"<table><tr><th>Service</th><th>Commit</th></tr><tr><td>acme</td><td><code>{SHA}</code></td></tr></table>",
        f"<table><tr><th>Key</th><th>Value</th></tr><tr><td>{UUID}</td><td>enabled</td></tr></table>",
        "<table><tr><th>API key</th></tr><tr><td>(not set)</td></tr></table>",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
