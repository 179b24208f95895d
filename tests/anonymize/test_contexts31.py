"""Forms found by bench/contexts31 (issue 16's list of contexts, new idioms): a YAML anchor (and
tag) before a key's value, a here-string read into a secret-named variable, Helm's
``P.name=NAME,P.value=V`` pair, and a section's key then its value (``cfg.set(s, key, V)``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "q7w3e9r1t5y2u8i4o6p0a3s7d1f9g5h2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A YAML anchor before the value; a tag then an anchor; an anchor then a quoted value.
        (
            f"billing:\n  billingApiKey: &billingApiKey {LOWER}",
            "billing:\n  billingApiKey: &billingApiKey <redacted:api-key>",
        ),
        (
            f"  ledger_token: !!str &ledger {LOWER}",
            "  ledger_token: !!str &ledger <redacted:token>",
        ),
        # A here-string read into a secret-named variable.
        (
            f'read -r LEDGER_TOKEN <<< "{LOWER}"',
            'read -r LEDGER_TOKEN <<< "<redacted:token>"',
        ),
        (
            "read -s DB_PASSWORD <<< 'Kq8#vLm2pXz'",
            "read -s DB_PASSWORD <<< '<redacted:password>'",
        ),
        # Helm's name/value pair, in one --set-string or two --set flags.
        (
            f"helm upgrade x ./c --set-string 'extraEnv[1].name=LEDGER_SECRET,extraEnv[1].value={LOWER}'",
            "helm upgrade x ./c --set-string 'extraEnv[1].name=LEDGER_SECRET,extraEnv[1].value=<redacted:secret>'",
        ),
        (
            f"helm upgrade x ./c --set env[1].name=LEDGER_API_KEY --set env[1].value={LOWER}",
            "helm upgrade x ./c --set env[1].name=LEDGER_API_KEY --set env[1].value=<redacted:api-key>",
        ),
        # A section's key, then its value.
        (
            f'parser.set("ledger", "client_secret", "{LOWER}")',
            'parser.set("ledger", "client_secret", "<redacted:secret>")',
        ),
        (
            f"cfg.set('ledger-prod', 'api_key', '{LOWER}')",
            "cfg.set('ledger-prod', 'api_key', '<redacted:api-key>')",
        ),
    ],
)
def test_found(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ledger_secrets: &secrets\n  region: eu",
        "ledger_secret: &ledger_defaults\n  region: eu",
        "api_key: &api_key ${API_KEY}",
        "token_type: &tt bearer",
        "ledger_token: *default_token",
        'read -r LINE <<< "$payload"',
        'read -r COMMIT_SHA <<< "3f2a9c1d4e5b6a7980f1e2d3c4b5a69788f0e1d2"',
        'read -r API_TOKEN <<< "$(vault read -field=token secret/app)"',
        "helm upgrade x ./c --set 'env[0].name=LOG_LEVEL,env[0].value=debug'",
        "helm upgrade x ./c --set 'env[0].name=GIT_COMMIT,env[0].value=3f2a9c1d4e5b6a7980f1e2d3c4b5a69788f0e1d2'",
        "helm upgrade x ./c --set 'env[0].name=API_TOKEN,env[0].value=$(API_TOKEN)'",
        'fields = ("username", "password", "hostname")',
        "cfg.set('ledger', 'api_key', 'production')",
        "cfg.set('ledger', 'timeout', '30')",
    ],
)
def test_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
