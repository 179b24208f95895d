"""Secrets whose key stands apart from the value."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "5e0c2a9f71d34b86a0e1f2c3d4b5a697"
UUID = "0b9e4c7a-3f21-4d58-9a6e-c1d2e3f4a5b6"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'[{{"name": "Accept", "value": "json"}}, {{"value": "{HEX}", "name": "X-Auth-Token"}}]',
            '[{"name": "Accept", "value": "json"}, {"value": "<redacted:token>", "name":'
            ' "X-Auth-Token"}]',
        ),
        (
            f'{{"key": "clientSecret",\n  "enabled": true,\n  "value": "{UUID}"}}',
            '{"key": "clientSecret",\n  "enabled": true,\n  "value": "<redacted:secret>"}',
        ),
        (
            '{"key": "aws_secret", "value": "/q2W9eR4tY7uI1oP3aS5dF8gH0jK6lZxCvBnM1Q2"}',
            '{"key": "aws_secret", "value": "<redacted:secret>"}',
        ),
        (
            f'"apikey": [{{"key": "in", "value": "header"}}, {{"key": "value", "value": "{HEX}"}}]',
            '"apikey": [{"key": "in", "value": "header"}, {"key": "value", "value":'
            ' "<redacted:api-key>"}]',
        ),
        (
            'proxy:\n  basic_auth_header: "Basic Qk9xY2hKd1JmT0c3cVZ1bUxpTmR3/3Bq"',
            'proxy:\n  basic_auth_header: "Basic <redacted:authorization>"',
        ),
        (
            "upstreamAuth = Basic Qk9xY2hKd1JmT0c3cVZ1bUxpTmR3/3Bq",
            "upstreamAuth = Basic <redacted:authorization>",
        ),
        (
            f"Hi,\n\n> > Here's the new webhook secret for staging:\n> >\n> >   {HEX}\n> > Bye",
            "Hi,\n\n> > Here's the new webhook secret for staging:\n> >\n> >   "
            "<redacted:secret-value>\n> > Bye",
        ),
        (
            f"Your access key is below\n\n{UUID}\n",
            "Your access key is below\n\n<redacted:secret-value>\n",
        ),
        (
            "secrets:\n  Zx8vQ2mN7pLk4Rt9Wq3y\n",  # no ``:`` after it: a value, not a key
            "secrets:\n  <redacted:secret>\n",  # named by its label (``label_values``, forms41)
        ),
    ],
)
def test_apart_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A value is judged under its key when the key stands apart from it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f'{{"key": "commitSha", "value": "{HEX}"}}',
        '{"name": "token_ttl", "value": "3600"}',
        '"apikey": [{"key": "key", "value": "X-Api-Key"}]',
        '{"key": "value", "value": "plain text here"}',
        "See the Basic authentication docs for basicAuth setup",
        "The token usage is:\nsummary_of_the_report_v2\n",
        "The password policy is:\nminimum-length-twelve\n",
        "Your API token is described below:\nhttps://docs.example.com/tokens/rotate",
        # A workflow's ``secrets:`` block: the names it takes, each a key opening its own block.
        "on:\n  workflow_call:\n    secrets:\n      GCP_PROJ_ID:\n        required: true\n",
        "jobs:\n  call:\n    secrets:\n      OCI_REG_USR_PW:\n        required: false",
        "credentials:\n  GKE_SA_JSON_B64:\n    description: the key file, base64",
    ],
)
def test_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Keys naming no secret, scheme names in prose and words after an intro stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"variables:\n  - key: DEPLOY_TOKEN\n    masked: true\n    value: {HEX}\n",
            "variables:\n  - key: DEPLOY_TOKEN\n    masked: true\n    value: <redacted:token>\n",
        ),
        (
            f'env:\n- value: "{UUID}"\n  name: WEBHOOK_SECRET',
            'env:\n- value: "<redacted:secret>"\n  name: WEBHOOK_SECRET',
        ),
    ],
)
def test_yaml_items_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A YAML list item's ``value:`` is judged under its ``key:`` or ``name:``, in either order."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"env:\n- name: COMMIT_SHA\n  value: {HEX}\n- name: API_TOKEN\n  valueFrom: x\n",
        f"- apikey: DEPLOY_TOKEN\n  value: {HEX}\n",
    ],
)
def test_yaml_items_of_other_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    """An item under a key naming no secret, or another item's key, or a longer key word, stays."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<dict>\n  <key>Server</key>\n  <string>pg02</string>\n"
            "  <key>AdminPassword</key>\n  <string>Qv7#mPz!81</string>\n</dict>",
            "<dict>\n  <key>Server</key>\n  <string>pg02</string>\n"
            "  <key>AdminPassword</key>\n  <string><redacted:password></string>\n</dict>",
        ),
        (
            f"<property><name>fs.s3a.secret.key</name><value>{HEX}</value></property>",
            "<property><name>fs.s3a.secret.key</name><value><redacted:api-key></value></property>",
        ),
        (
            "<property>\n <name>ldap_bind_pwd</name>\n <value><![CDATA[Lantern&9?Kx]]></value>\n</property>",
            "<property>\n <name>ldap_bind_pwd</name>\n <value><![CDATA[<redacted:password>]]></value>\n</property>",
        ),
        (
            "<key>app.datasource.password</key>\n  <string>/HqwPzLkVnBxRtYcMdFgJsAuEoiTyrWbKmNpQzXc</string>",
            "<key>app.datasource.password</key>\n  <string><redacted:password></string>",
        ),
        (
            f'<setting name="uploadToken" serializeAs="String"><![CDATA[{UUID}]]></setting>',
            '<setting name="uploadToken" serializeAs="String"><![CDATA[<redacted:token>]]></setting>',
        ),
    ],
)
def test_xml_values_beside_their_key_element_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<key>CFBundleName</key>\n<string>Qv7#mPz!81</string>",
        "<key>AdminPassword</key>\n<string>${ADMIN_PASSWORD}</string>",
        "<property><name>ssl.keystore.password.file</name><value>/etc/ks/pass</value></property>",
        '<entry key="password"><![CDATA[changeme]]></entry>',
        '<entry key="title"><![CDATA[Lantern&9?Kx]]></entry>',
        "<name>token</name> <value>true</value>",
    ],
)
def test_xml_values_beside_other_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # ``op item get --format json``: a field's ``label`` names it
            '{\n  "id": "password",\n  "type": "CONCEALED",\n  "purpose": "PASSWORD",\n'
            '  "label": "password",\n  "value": "q7wz2kd9mx4tp81vbn3c"\n}',
            '{\n  "id": "password",\n  "type": "CONCEALED",\n  "purpose": "PASSWORD",\n'
            '  "label": "password",\n  "value": "<redacted:password>"\n}',
        ),
        (
            '{\n  "label": "api_token",\n  "value": "Xk4pW9qz2LmT7rVb"\n}',
            '{\n  "label": "api_token",\n  "value": "<redacted:token>"\n}',
        ),
    ],
)
def test_a_labelled_json_field_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A JSON object's ``"label"`` names its ``"value"`` as ``"name"`` does (1Password fields)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '{\n  "id": "username",\n  "label": "username",\n  "value": "svc-deploy"\n}',
        '{\n  "label": "hostname",\n  "value": "db1.example.com"\n}',
        '{\n  "label": "password",\n  "value": ""\n}',
    ],
)
def test_a_labelled_json_field_of_no_secret_stays(anonymizer: Anonymizer, text: str) -> None:
    """A label naming no secret, or an empty value, leaves the value."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "aws cloudformation create-stack --stack-name app --parameters "
            "ParameterKey=DbPass,ParameterValue=2OIJ61Nxco8IQ ParameterKey=Env,ParameterValue=prod",
            "aws cloudformation create-stack --stack-name app --parameters "
            "ParameterKey=DbPass,ParameterValue=<redacted:password> "
            "ParameterKey=Env,ParameterValue=prod",
        ),
        (
            '--environment Name=DB_PASSWORD,Value="Xk82hfPq0zLw" Name=LOG_LEVEL,Value=info',
            '--environment Name=DB_PASSWORD,Value="<redacted:password>" Name=LOG_LEVEL,Value=info',
        ),
    ],
)
def test_a_cli_shorthand_pair_names_its_value(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The AWS CLI's ``ParameterKey=K,ParameterValue=V`` / ``Name=K,Value=V`` pair a secret's
    name with its value (bench/probes43)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "aws ec2 create-tags --resources i-1 --tags Key=Name,Value=web-01 Key=Team,Value=ops",
        "--parameters ParameterKey=SecretName,ParameterValue=prod/db",
    ],
)
def test_pairs_of_other_names_or_references_stay(anonymizer: Anonymizer, text: str) -> None:
    """A tag's and a secret's name stay."""
    assert anonymizer.anonymize(text) == text
