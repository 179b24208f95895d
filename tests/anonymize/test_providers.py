"""Provider tokens known by a literal: found at a run's start when generated, names kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fedlearn.anonymize import Anonymizer, providers
from tests.anonymize.conftest import found

SECRETS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "families" / "secrets.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]


@pytest.mark.parametrize(
    ("name", "shape", "words"),
    providers.FAMILIES + providers.AUDITED + providers.HELD_OUT,
    ids=lambda v: str(v),
)
def test_provider_literal_is_in_every_match(name: str, shape: str, words: tuple[str, ...]) -> None:
    """A family's trigger words (its RE2 gate too) hold every corpus token its shape matches."""
    pattern = re.compile(shape)
    for row in SECRETS:
        for match in pattern.finditer(row["secret"]):
            assert any(word in match.group() for word in words), (name, match.group())


@pytest.mark.parametrize(
    ("token", "rule"),
    [
        ("aio_a8F3kLm29QzX7vB1nR5tY0uW4eS6", "adafruit-key"),
        ("bkua_" + "5f0c9e2a" * 5, "buildkite-token"),
        ("dckr_pat_a8F3kLm29QzX7vB1nR5tY0uW4eS", "docker-hub-token"),
        ("xai-a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3kLm29QzX7vB1nR5tY0uW4", "xai-key"),
        ("s.a8F3kLm29QzX7vB1nR5tY0uW", "vault-legacy-token"),
        ("phx_a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3kL", "posthog-key"),
        ("dop_v1_" + "5f0c9e2a" * 8, "digitalocean-token"),
    ],
)
def test_a_provider_token_becomes_its_familys_placeholder(
    anonymizer: Anonymizer, token: str, rule: str
) -> None:
    """A token of a family's shape is replaced by ``<redacted:FAMILY>`` and is a scan finding."""
    text = f"export KEYLIKE {token} now"
    assert anonymizer.anonymize(text) == f"export KEYLIKE <redacted:{rule}> now"
    assert found(anonymizer, text) == [rule]


def test_a_body_that_reads_as_words_is_a_name_unless_it_is_hex(anonymizer: Anonymizer) -> None:
    """``aio_readTheFineManual…`` is an identifier; a hex body counts whatever it reads like."""
    name = "call aio_readTheFineManualBeforeAsking here"
    assert anonymizer.anonymize(name) == name
    assert found(anonymizer, "key bkua_" + "deadbeef" * 5) == ["buildkite-token"]


def test_a_literal_inside_a_longer_run_starts_no_token(anonymizer: Anonymizer) -> None:
    """``xaio_…`` is no Adafruit key: a token starts a run of token characters."""
    assert "adafruit-key" not in found(anonymizer, "key xaio_a8F3kLm29QzX7vB1nR5tY0uW4eS6 here")


def test_a_common_literal_gates_only_with_more_of_the_token(anonymizer: Anonymizer) -> None:
    """The ``s.`` of Vault's legacy tokens is everywhere in Nix code; attribute paths stay."""
    text = "services.qdrant.enable = true; s.enableLoggingForAllModules"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "RUNNER_TOKEN='GR1348941Zq8-vR2_kWm3Nx7pTb5LcY9hFd4sJa' ./register.sh",
        "register with GR1348941example_registration_token_for_runner",
        "GR1348941aB3dE5fG7hJ9kL1mN3pQ5rS",  # exactly 20 after the prefix
    ],
)
def test_a_gitlab_runner_registration_token_of_any_length_goes(
    anonymizer: Anonymizer, text: str
) -> None:
    """``GR1348941`` is no word's start: any body of 20 or more token characters after it goes."""
    assert "GR1348941" not in anonymizer.anonymize(text)
    assert "gitlab-token" in found(anonymizer, text)


@pytest.mark.parametrize(
    "text",
    ["GR1348941xxxxxxxxxxxxxxxxxxxxxxxx", "GR1348941short_one", "xGR1348941aB3dE5fG7hJ9kL1mN3pQ5"],
)
def test_gitlab_runner_fills_short_bodies_and_tails_stay(anonymizer: Anonymizer, text: str) -> None:
    """A filled body, fewer than 20 characters, or the prefix inside a longer run is no token."""
    assert "gitlab-token" not in found(anonymizer, text)


EXAMPLE_BEDROCK = "ABSKQmVkcm9ja0FQSUtleS1" + "EXAMPLE" * 18 + "="


@pytest.mark.parametrize(
    "text",
    [
        # AWS's documentation marks an example credential with ``EXAMPLE``, a Bedrock key's too.
        EXAMPLE_BEDROCK,
        f'"body": {{"stringValue": "{EXAMPLE_BEDROCK}"}}',
        f"[scan : gitleaks] {EXAMPLE_BEDROCK}",
        f"export AWS_BEARER_TOKEN_BEDROCK={EXAMPLE_BEDROCK}",
        "APPSYNC_API_KEY=da2-example7kq2m9x4v1b8n3c6z0l5",
    ],
)
def test_an_aws_documentation_example_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Drawn Bedrock and AppSync keys still go, bare or keyed.
        (
            "ABSKQmVkcm9ja0FQSUtleS1"
            + "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZjAxMjM0NTY3ODk" * 2
            + "=",
            "aws-bedrock-key",
        ),
        ("api key da2-7kq2m9x4v1b8n3c6z0l5w8r2t4", "aws-appsync-key"),
    ],
)
def test_a_drawn_aws_token_goes(anonymizer: Anonymizer, text: str, rule: str) -> None:
    assert found(anonymizer, text) == [rule]
