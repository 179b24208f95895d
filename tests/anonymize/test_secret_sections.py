"""Values under a parent whose name says it holds secrets (``secret_sections``)."""

from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"
W = "9f3a8c2e7b1d4f6a0c5e9b2d7f1a3c8e"


@pytest.mark.parametrize(
    "text",
    [
        f"secrets:\n  github: {V}\n  slack: {W}\n",
        f"app:\n  passwords:\n    admin: '{V}'\n    root: \"{W}\"\nlog: info\n",
        f"api_keys:\n  - {V}\n  - {W}\n",
        f"credentials:\n  username: deploy\n  value: {V}\n  backup: {W}",
        f'[secrets]\ngithub = "{V}"\nnpm = "{W}"\n',
        f"[passwords]\nadmin={V}\nroot={W}\n\n[server]\nport=8080\n",
        f"[default.credentials]\nprimary = {V}\nfallback = {W}\n",
        json.dumps({"secrets": {"github": V, "npm": W}}),
        json.dumps({"app": {"passwords": {"admin": V, "root": W}}}, indent=2),
    ],
)
def test_children_of_a_secret_parent_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """Every generated child value under a parent naming secrets is redacted."""
    out = anonymizer.anonymize(text)
    assert V not in out and W not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "secrets:\n  - db_password\n  - api_token\n",
        "secrets:\n  db_password:\n    file: ./secrets/db_password.txt\n",
        "secrets:\n  token: ${{ secrets.DEPLOY_TOKEN }}\n  env: production\n",
        "credentials:\n  username: deploy-bot-2024\n  region: eu-west-1\n",
        "api_keys:\n  - id: 7d1f2c9e-55b0-4a9e-9f1e-3b2a1c0d9e8f\n    name: ci\n",
        '[secrets]\nprovider = "vault"\npath = "secret/data/app"\n',
        "[tokens]\nexpiry = 3600\nrefresh_window = 300\n",
        json.dumps({"secrets": {"name": "prod-db-credentials", "version": "AWSCURRENT"}}),
        json.dumps({"tokens": {"used": 1234, "limit": 100000}}),
        "cache:\n  paths:\n    - ~/.cache/pip\n  key: deps-Xq8mW2pL7kZrT4\n",
        "dependencies:\n  requests: 2.31.0\n  attrs: 23.2.0\n",
        "secrets:\n  api_key:\n    file: ./secrets/api_key.txt\n",
        "on:\n  workflow_call:\n    secrets:\n      AZURE_SUBSCRIPTION_ID:\n        required: true\n",
        "[credential]\n\thelper = osxkeychain\n\tuseHttpPath = true\n",
    ],
)
def test_secret_parent_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Secret names, files, references, descriptors, counts and other parents stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        f"token:\n  value: {V}\n",
        f"password:\n  value: {V}\n  rotated: 2024-01-01\n",
        f'apiKey:\n  value: "{V}"\n',
        f"secret:\n  data: {V}\n",
        f"[password]\nvalue = {V}\n",
        json.dumps({"token": {"value": V, "expires": 3600}}),
    ],
)
def test_value_child_of_a_parent_naming_one_secret_is_redacted(
    anonymizer: Anonymizer, text: str
) -> None:
    """``value:``/``data:`` under a singular parent naming a secret is that secret."""
    out = anonymizer.anonymize(text)
    assert V not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "token:\n  value: TOKEN_VALUE\n",
        "token:\n  value: ${DEPLOY_TOKEN}\n",
        "password:\n  value: changeme\n",
        "key:\n  value: 9d863386ce10cd79e048c07dd7753eda\n",
        "cache_key:\n  value: v1-linux-deps-8f3a9c2b\n",
        "redis:\n  value: Xq8mW2pL7kZrT4\n",
        "token:\n  expires: 3600\n  type: bearer\n",
        json.dumps({"token": {"type": "bearer", "value": "{{ token }}"}}),
    ],
)
def test_value_child_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """A constant's name, a reference, a word, a generic ``key``'s or a cache key's value, a
    parent naming no secret and a token's other children stay."""
    assert anonymizer.anonymize(text) == text
