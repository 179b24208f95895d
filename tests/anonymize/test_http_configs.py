"""The credentials of an HTTP client's ``authorization`` block in YAML (``http_configs``):
Prometheus' ``http_config`` in scrape configs and Alertmanager receivers."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

AUTH = "<redacted:authorization>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Alertmanager's webhook receiver: a token of digits alone.
        (
            "receivers:\n- name: oncall\n  webhook_configs:\n  - url: https://hooks.example.com/x\n"
            "    http_config:\n      authorization:\n        type: Bearer\n"
            "        credentials: 76726634259861969702446879415463",
            "receivers:\n- name: oncall\n  webhook_configs:\n  - url: https://hooks.example.com/x\n"
            "    http_config:\n      authorization:\n        type: Bearer\n"
            f"        credentials: {AUTH}",
        ),
        # A scrape config, the credential quoted.
        (
            "scrape_configs:\n  - job_name: ftp\n    authorization:\n      type: Bearer\n"
            '      credentials: "nonprod@ftp-enterprise"',
            "scrape_configs:\n  - job_name: ftp\n    authorization:\n      type: Bearer\n"
            f'      credentials: "{AUTH}"',
        ),
        # ``type`` left to its default, Bearer; another scheme word.
        (
            "remote_write:\n  - url: https://mimir.example.com/api/v1/push\n    authorization:\n"
            "      credentials: 9734741337193905126710251",
            "remote_write:\n  - url: https://mimir.example.com/api/v1/push\n    authorization:\n"
            f"      credentials: {AUTH}",
        ),
        (
            "    authorization:\n      credentials: '2157918806114925861242479'\n      type: Token",
            f"    authorization:\n      credentials: '{AUTH}'\n      type: Token",
        ),
    ],
)
def test_authorization_block_credentials_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A file's path, a reference, a placeholder.
        "    authorization:\n      type: Bearer\n      credentials_file: /etc/prometheus/token",
        "    authorization:\n      type: Bearer\n      credentials: ${SCRAPE_TOKEN}",
        "    authorization:\n      type: Bearer\n      credentials: <secret>",
        # ``credentials`` elsewhere: a JavaScript option, an SDK's object, a kubeconfig's name.
        "fetch(url, {\n  method: 'POST',\n  credentials: 76726634259861969702446879415463\n})",
        "  credentials: new AWS.SharedIniFileCredentials({ profile: 'dev' })",
        "users:\n- name: ci\n  user:\n    credentials: ci-robot-credentials",
    ],
)
def test_other_credentials_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
