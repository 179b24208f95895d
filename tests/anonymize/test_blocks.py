"""Secrets in a YAML block scalar (``key: |`` or ``key: >-``) under a secret key."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "relay:\n  env:\n    RELAY_SIGNING_KEY: >-\n      e0c7a1f93b5d2846c1f0a9e7d3b58c2f\n  replicas: 3",
            "e0c7a1f93b5d2846c1f0a9e7d3b58c2f",
        ),
        (
            "bridge:\n  apiToken: |\n    Kp3vQ9zLm2Xw7Rt4Nb8Yc1Jd\n  port: 8443",
            "Kp3vQ9zLm2Xw7Rt4Nb8Yc1Jd",
        ),
        (
            "webhook_secret: |+2 # rotated monthly\n    7Hq2Lw9xZr4Tk8mV\n    c3Pn6Ys1Bd5Gf0Ja\nnext: 1",
            "c3Pn6Ys1Bd5Gf0Ja",
        ),
    ],
)
def test_a_block_scalar_under_a_secret_key_is_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    result = anonymizer.anonymize(text)
    assert secret not in result
    assert "<redacted:" in result
    assert result.splitlines()[-1] == text.splitlines()[-1]  # the next key stays
    assert anonymizer.anonymize(result) == result


@pytest.mark.parametrize(
    "text",
    [
        "password: >\n  Ask the on-call engineer for it\nnext: 1",
        "token_help: |\n  RunMakeTokenToCreateOne\n",
        "description: >-\n  tokens are counted per request\n",
        "password: |-\n  ${VAULT_PASSWORD}\n",
        "api_key: |\n  <your-key-here>\n",
    ],
)
def test_a_block_scalar_without_a_secret_is_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_both_paths_agree(anonymizer: Anonymizer) -> None:
    reference = Anonymizer(config.Anonymize(), MACHINE, use_prefilter=False)
    text = "svc:\n  auth_token: >-\n    Wz5Pq8Lr1Mv4Nx7Tb2Kc6Hd\n"
    assert anonymizer.anonymize(text) == reference.anonymize(text)
    assert "Wz5Pq8Lr1Mv4Nx7Tb2Kc6Hd" not in reference.anonymize(text)
