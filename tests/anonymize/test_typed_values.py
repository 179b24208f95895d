"""A JSON key's string wrapped in its type's object: Avro's ``{"string": V}``, DynamoDB's
``{"S": V}``, Firestore's ``{"stringValue": V}``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

TOKEN = "e2rgfqdg7xpzbq0nmj8l68gmuz"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # avro-tools tojson: a nullable field's union.
        (
            "$ avro-tools tojson integrations.avro | head -1\n"
            f'{{"service": "mattermost", "mattermost_access_token": {{"string": "{TOKEN}"}}, "enabled": true}}',
            "$ avro-tools tojson integrations.avro | head -1\n"
            '{"service": "mattermost", "mattermost_access_token": {"string": "<redacted:token>"}, "enabled": true}',
        ),
        # aws dynamodb get-item, pretty-printed.
        (
            '{\n    "Item": {\n        "id": {"S": "svc-7"},\n'
            f'        "api_key": {{ "S": "{MIXED}" }}\n    }}\n}}',
            '{\n    "Item": {\n        "id": {"S": "svc-7"},\n'
            '        "api_key": { "S": "<redacted:api-key>" }\n    }\n}',
        ),
        # A Firestore REST document's fields, in a log line.
        (
            f'ERROR sync failed: {{"fields": {{"client_secret": {{"stringValue": "{MIXED}"}}}}}}',
            'ERROR sync failed: {"fields": {"client_secret": {"stringValue": "<redacted:secret>"}}}',
        ),
    ],
)
def test_typed_strings_under_a_secret_key_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Keys that name no secret, and secret keys over names, kinds and references.
        f'{{"service": {{"string": "mattermost"}}, "commit": {{"string": "{TOKEN}"}}}}',
        '{"token_type": {"S": "bearer"}, "api_key": {"S": "${API_KEY}"}}',
        '{"secret_name": {"stringValue": "prod/db-password"}, "password": {"string": "changeme"}}',
        # A union of another type, and a typed value with no key before it.
        '{"api_token": {"long": 1733500000}, "rotated": {"boolean": true}}',
        f'[{{"S": "{TOKEN}"}}]',
    ],
)
def test_other_typed_values_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # otelcol's debug exporter, a span's attributes: a slice of a header's values.
        (
            "Attributes:\n     -> http.method: Str(POST)\n"
            f'     -> looker_client.api_token: Slice(["{TOKEN}"])\n'
            "     -> http.status_code: Int(200)",
            "Attributes:\n     -> http.method: Str(POST)\n"
            '     -> looker_client.api_token: Slice(["<redacted:token>"])\n'
            "     -> http.status_code: Int(200)",
        ),
        # A log record's attribute string, in a JSON-less collector log.
        (
            f"LogRecord #0\nAttributes:\n     -> db.password: Str({MIXED})\n",
            "LogRecord #0\nAttributes:\n     -> db.password: Str(<redacted:password>)\n",
        ),
        # A header's slice with more than one value: the first one.
        (
            f'     -> http.request.header.x-api-key: Slice(["{MIXED}", "other"])',
            '     -> http.request.header.x-api-key: Slice(["<redacted:api-key>", "other"])',
        ),
    ],
)
def test_otel_debug_attributes_under_a_secret_key_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Keys that name no secret, kinds, counts, names and references under secret keys.
        "     -> http.method: Str(POST)\n     -> http.status_code: Int(200)",
        "     -> auth.token_type: Str(Bearer)\n     -> gen_ai.usage.input_tokens: Int(1200)",
        "     -> service.secret_name: Str(prod-db-creds)\n     -> app.api_key: Str(${API_KEY})",
        f"     -> trace.commit: Str({TOKEN})\n     -> db.statement: Str(SELECT 1)",
        # An Authorization header's slice is the scheme rules' (``Bearer`` and its token).
        '     -> http.request.header.authorization: Slice(["Basic realm"])',
    ],
)
def test_other_otel_debug_attributes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
