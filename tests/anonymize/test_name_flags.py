"""Flags whose value is no secret in their command (``name_flags``): a secret's name, a field
switch, an AWS request's idempotency token; the same flags elsewhere still take a secret."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, name_flags
from tests.anonymize.conftest import in_mode

UUID = "c90a8c4d-8766-4fd3-8d90-1f6e2d7c0ccc"
HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
DRAWN = "Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"


@pytest.mark.parametrize(
    "text",
    [
        # The AWS CLI's idempotency tokens, echoed back in what the call returns.
        f"$ aws cloudformation create-change-set --stack-name mailer-prod --change-set-name r7"
        f' --client-token {UUID}\n{{\n    "StackId": "arn:aws:cloudformation:eu-west-1:'
        f'100000000001:stack/mailer-prod/{UUID}"\n}}',
        f"aws ec2 run-instances --image-id ami-0abc1234 --count 1 --client-token {UUID}",
        f"+ aws cloudformation create-stack --stack-name a --client-request-token {HEX}",
        f"/usr/local/bin/aws ec2 create-fleet --client-token={UUID} --cli-input-json file://f.json",
        f'subprocess.run("aws ec2 run-instances --client-token {UUID}", shell=True)',
        # The keys that name one, in JSON, YAML and code, whatever the command.
        f'{{"ClientRequestToken": "{UUID}", "StackName": "x"}}',
        f"ClientRequestToken: {HEX}",
        f'{{"idempotency_token": "{HEX}"}}',
        f"createStack({{ clientRequestToken: '{UUID}' }})",
        f"IdempotencyToken={DRAWN}",
    ],
)
def test_idempotency_tokens_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # ``--client-token`` of another command, and a client token under its own key.
        (f"vault login --client-token {DRAWN}", DRAWN),
        (f"mytool --client-token {DRAWN} --verbose", DRAWN),
        (f"VAULT_CLIENT_TOKEN={HEX}", HEX),
        (f'{{"auth": {{"client_token": "{DRAWN}"}}}}', DRAWN),
        (f"export PLAID_CLIENT_TOKEN={DRAWN}", DRAWN),
        # The AWS CLI's secrets and another flag of the same line still go.
        (f"aws configure set aws_secret_access_key {DRAWN}", DRAWN),
        (f"aws ec2 run-instances --client-token {UUID} --user-data password={DRAWN}", DRAWN),
        # A request token (OAuth 1.0, Kite) is no idempotency token.
        (f"request_token={DRAWN}", DRAWN),
    ],
)
def test_client_tokens_elsewhere_go(text: str, secret: str) -> None:
    for use_re2 in (True, False):
        assert secret not in in_mode(use_re2).anonymize(text)


def test_flag_naming() -> None:
    text = f"aws ec2 run-instances --client-token {UUID}"
    word = text.index("token")
    assert name_flags.is_flag_naming(text, word, word + len("token"))
    other = f"vault login --client-token {UUID}"
    word = other.index("token")
    assert not name_flags.is_flag_naming(other, word, word + len("token"))
    assert not name_flags.is_flag_naming("token", 0, 5)


def test_a_secret_name_flag_still_names(anonymizer: Anonymizer) -> None:
    text = "$ lpass show --password prod-db"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Pulumi's ``--secret`` marks the value to encrypt: the key after it stays, its value goes,
        # a word too (the flag declares it a secret).
        (
            f"pulumi config set --secret db:password {DRAWN}",
            "pulumi config set --secret db:password <redacted:stored-secret>",
        ),
        (
            "$ pulumi config set --secret dbPassword hunter22",
            "$ pulumi config set --secret dbPassword <redacted:password>",
        ),
        (
            f"pulumi config set-all --plaintext region=us-east-1 --secret db:password={DRAWN}",
            "pulumi config set-all --plaintext region=us-east-1 --secret db:password=<redacted:password>",
        ),
        # Another command's ``--secret`` still takes the secret.
        (f"pulumi login --secret {DRAWN}", "pulumi login --secret <redacted:secret>"),
        (f"mytool --secret {DRAWN}", "mytool --secret <redacted:secret>"),
    ],
)
def test_pulumi_secret_switch(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pulumi config set --secret db:region west",
        'pulumi config set --secret apiKey "$(cat key.txt)"',
        "pulumi config set aws:region us-east-1",
    ],
)
def test_pulumi_settings_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
