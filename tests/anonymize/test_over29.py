"""What session 29's blind corpora (bench/contexts29, bench/draws29) left: flags that name a secret
(``name_flags``), Vault's key shares (``vault_keys``), a random generator's output
(``generators``), and another quote inside a quoted value (``value_spans.past_other_quote``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    "text",
    [
        "gcloud secrets versions access latest --secret=billing",
        "$ gcloud secrets versions destroy 4 --secret ledger_api_token --project acme-prod",
        "sudo /usr/bin/gcloud secrets versions access 2 --secret='payroll-db-password'",
        "lpass show --password prod-db",
        "$ lpass show --password --clip 'Shared-Infra/wombat vpn'",
        "lpass edit --password work/billing-portal",
        "gopass show --password infra/prod/postgres_root",
        "docker service create --name db --secret db_password postgres:16",
        "docker service update --secret-add api_token_v2 --secret-rm api_token web",
        "docker buildx build --secret id=npmrc,src=$HOME/.npmrc -t app .",
        "podman run --secret app-db-password,type=env,target=DB_PASSWORD quay.io/acme/app",
        "kubectl create secret generic x --secret-name app-creds",
    ],
)
def test_a_flag_that_names_a_secret_keeps_the_name(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "docker login -u bob --password Xk2q9vLmP3rT registry.acme.io",
            "docker login -u bob --password <redacted:password> registry.acme.io",
        ),
        (
            "gcloud compute vpn-tunnels create t1 --shared-secret=Rk8vN2qX7mW4zT9p --region=eu",
            "gcloud compute vpn-tunnels create t1 --shared-secret=<redacted:secret> --region=eu",
        ),
        (
            "gcloud sql users set-password root --instance=db --password=Hq4nVb8TzL2wRk",
            "gcloud sql users set-password root --instance=db --password=<redacted:password>",
        ),
        (
            "lpass show acme/db; mytool --password Tq7vL2mXw9kP",
            "lpass show acme/db; mytool --password <redacted:password>",
        ),
        (
            "helm repo add acme https://charts.acme.io --password Zq8vT1mNp4Lk",
            "helm repo add acme https://charts.acme.io --password <redacted:password>",
        ),
    ],
)
def test_other_commands_flags_still_take_a_secret(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Unseal Key 1: 3Xk2q9vLmP3rTa8QzbbbD2kE+uG0wYcH5oVf7nJ9sR1aL\n"
            "Unseal Key 2: a8QzbbbD2kE+uG0wYcH5oVf7nJ9sR1aL3Xk2q9vLmP3rT\n\n"
            "Initial Root Token: hvs.CAESIJx3k2q9vLmP3rTa8QzbbbD2kEuG0wYcH",
            "Unseal Key 1: <redacted:unseal-key>\nUnseal Key 2: <redacted:unseal-key>\n\n"
            "Initial Root Token: <redacted:vault-token>",
        ),
        (
            "Recovery Key 4: e2361b976081208dfc2a6e8f0b13e2ce2fa16b8de9c7a91c0e4567f1a3bb2cd5e1",
            "Recovery Key 4: <redacted:unseal-key>",
        ),
        (
            '{"unseal_keys_b64": ["4jYbl2CBIv6SpkKj6Hos9iD32k5RfGkLzlosrrq/JgOm", '
            '"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo="], "unseal_threshold": 2}',
            '{"unseal_keys_b64": ["<redacted:unseal-key>", "<redacted:unseal-key>"], '
            '"unseal_threshold": 2}',
        ),
        (
            "$ vault operator unseal -migrate 'c0ffee81208dfc2a6e8f0b13e2ce2fa16b8de9c7a91c0e4567f1a3'",
            "$ vault operator unseal -migrate '<redacted:unseal-key>'",
        ),
    ],
)
def test_vault_key_shares(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Unseal Nonce: 0b8a2c44-3c2d-6f1e-0c53-0ae0a5ffb44e\nUnseal Progress    1/3",
        "Unseal Key 1: <paste-your-unseal-key-here>",
        "Recovery Key 1: see_the_runbook_for_recovery",
        "$ vault operator unseal $UNSEAL_KEY_1",
        '{"unseal_keys_b64": [], "recovery_keys_hex": ["see-runbook"]}',
    ],
)
def test_vault_key_share_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "command",
    [
        "head -c 32 /dev/urandom | base64",
        "tr -dc 'A-Za-z0-9' </dev/urandom | head -c 28; echo",
        "dd if=/dev/urandom bs=24 count=1 2>/dev/null | base64",
        "openssl rand -base64 24 | tr -d '\\n'",
        "python3 -c 'import secrets; print(secrets.token_urlsafe(24))'",
        "node -e \"console.log(require('crypto').randomBytes(24).toString('base64'))\"",
        "ruby -rsecurerandom -e 'puts SecureRandom.base64(24)'",
    ],
)
def test_a_generators_output_goes(anonymizer: Anonymizer, command: str) -> None:
    value = "Vq9LmP3rTa8Qz7bD2kE+uG0wYcH5oVf7"
    assert anonymizer.anonymize(f"$ {command}\n{value}\n$ ") == f"$ {command}\n<redacted:token>\n$ "


def test_a_generators_output_in_a_json_string_goes(anonymizer: Anonymizer) -> None:
    text = '{"output": "$ head -c 24 /dev/urandom | base64\\nq9vLmP3rTa8Qz7bD2kE+uG0wYcH\\n"}'
    expected = '{"output": "$ head -c 24 /dev/urandom | base64\\n<redacted:token>\\n"}'
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$ head -c 32 /dev/urandom | base64\nDone.",
        "$ ls -l /dev/urandom\ncrw-rw-rw-",
        "$ openssl rand -hex 32 > /etc/wombat/secret.key\nq9vLmP3rTa8QzbbbD2kEuG0w",
        "$ head -c 32 /dev/urandom | base64 | pbcopy\nCopied-to-clipboard",
        "$ head -c 32 /dev/urandom | wc -c\n32",
        "$ head -c 32 /dev/urandom | base64 > wombat.key\nq9vLmP3rTa8QzbbbD2kEuG0w",
    ],
)
def test_no_generators_output_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('password = "it\'s-Xk2!q"', 'password = "<redacted:password>"'),
        ("DB_PASSWORD='Rq7\"zz9!Lm' # note", "DB_PASSWORD='<redacted:password>' # note"),
        ('{"secret": "ab`c9Zq2xW!"}', '{"secret": "<redacted:secret>"}'),
        ('api_token=\\"we\'re-Hq4nVb8\\"', 'api_token=\\"<redacted:token>\\"'),
    ],
)
def test_another_quote_inside_a_quoted_value(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'He said "it\'s fine" and left the password alone.',
        "token = \"{'a': 1}\"",
        'msg = "don\'t"; print(password)',
        "password = \"x\" + 'y'",
    ],
)
def test_a_quote_in_prose_or_code_keeps_its_stop(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
