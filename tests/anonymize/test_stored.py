"""Secrets a command stores, apart from their names; ``pass show``'s line; ``::add-mask::``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "5e0c2a9f71d34b86a0e1f2c3d4b5a697"
UUID = "0b9e4c7a-3f21-4d58-9a6e-c1d2e3f4a5b6"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"gh secret set SENTRY_DSN_KEY -b {HEX} --env production",
            "gh secret set SENTRY_DSN_KEY -b <redacted:stored-secret> --env production",
        ),
        (
            f"gh secret set --org acme NPM_PUBLISH --body='{UUID}'",
            "gh secret set --org acme NPM_PUBLISH --body='<redacted:stored-secret>'",
        ),
        (
            f'aws ssm put-parameter --overwrite --value "{HEX}" --type SecureString --name /app/x',
            'aws ssm put-parameter --overwrite --value "<redacted:stored-secret>" --type SecureString'
            " --name /app/x",
        ),
        (
            f"az keyvault secret set --name slack-hook --vault-name kv1 --value={HEX}",
            "az keyvault secret set --name slack-hook --vault-name kv1 --value=<redacted:stored-secret>",
        ),
        (
            f"$ echo {HEX} | docker secret create svc_hook -",
            "$ echo <redacted:stored-secret> | docker secret create svc_hook -",
        ),
        (
            f"printf '%s' \"{UUID}\" | gcloud secrets versions add app-cfg --data-file=-",
            "printf '%s' \"<redacted:stored-secret>\" | gcloud secrets versions add app-cfg"
            " --data-file=-",
        ),
        (
            f"systemd-creds encrypt --name=hook - /etc/credstore.encrypted/hook <<< '{HEX}'",
            "systemd-creds encrypt --name=hook - /etc/credstore.encrypted/hook"
            " <<< '<redacted:stored-secret>'",
        ),
        (
            f"vault kv put -mount=kv ci/hook url_part={HEX} region=eu-west-1",
            "vault kv put -mount=kv ci/hook url_part=<redacted:stored-secret> region=eu-west-1",
        ),
        (
            f"flyctl secrets set WEBHOOK_ID={UUID} LOG_LEVEL=debug --app api",
            "flyctl secrets set WEBHOOK_ID=<redacted:stored-secret> LOG_LEVEL=debug --app api",
        ),
        (
            f"dokku config:set api SIGNING_MATERIAL={HEX}",
            "dokku config:set api SIGNING_MATERIAL=<redacted:stored-secret>",
        ),
        (
            f"kubectl create secret generic hook --from-literal=hook-id={HEX}",
            "kubectl create secret generic hook --from-literal=hook-id=<redacted:stored-secret>",
        ),
    ],
)
def test_stored_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The value a secret store's command is given is a secret, whatever its name."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ gopass show -o cloud/ovh\nkq8vz2mx7rtp4wb9\n$ exit",
            "$ gopass show -o cloud/ovh\n<redacted:stored-secret>\n$ exit",
        ),
        (
            f"##[debug]::add-mask::{HEX}",
            "##[debug]::add-mask::<redacted:masked-secret>",
        ),
    ],
)
def test_password_lines_and_masked_values_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The line ``pass show`` prints and an ``::add-mask::`` value are secrets."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "aws ssm put-parameter --name /app/flag --value true --type String",
        "aws ssm put-parameter --name /app/url --value https://api.example.com/v1",
        "heroku config:set NODE_ENV=production WEB_CONCURRENCY=3",
        "fly secrets set DATABASE_URL=$DATABASE_URL",
        "gh secret set DEPLOY_KEY < ~/.ssh/deploy_key",
        "echo hello_world_greeting | docker secret create greeting -",
        "$ pass show -c web/github\nCopied web/github to clipboard. Will clear in 45 seconds.",
        'echo "::add-mask::$SESSION_TOKEN"',
        "::add-mask::${{ steps.login.outputs.token }}",
    ],
)
def test_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Settings, references, prompts and ordinary output stay."""
    assert anonymizer.anonymize(text) == text


def test_a_timestamped_pipe_and_a_word_ending_in_pass_are_read_as_such(
    anonymizer: Anonymizer,
) -> None:
    """A log's timestamp before ``echo`` still feeds the store; ``bypass show`` is no ``pass``."""
    piped = f"12:01:07 echo -n '{HEX}' | docker secret create hook -"
    assert anonymizer.anonymize(piped) == (
        "12:01:07 echo -n '<redacted:stored-secret>' | docker secret create hook -"
    )
    bypass = "cache bypass show stats\nhitrate_total_v2"
    assert anonymizer.anonymize(bypass) == bypass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"pulumi config set --stack prod hookId {UUID}",
            "pulumi config set --stack prod hookId <redacted:stored-secret>",
        ),
        (
            f"netlify env:set HOOK_ID {HEX} --context production",
            "netlify env:set HOOK_ID <redacted:stored-secret> --context production",
        ),
        (
            f'dotnet user-secrets set "Hook:Id" {HEX}',
            'dotnet user-secrets set "Hook:Id" <redacted:stored-secret>',
        ),
    ],
)
def test_positional_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A store command's second positional word (NAME VALUE) is its value; flags' arguments are not."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pulumi config set aws:region us-east-1",
        "git config set user.signingkey 3AA5C34371567BD2",
        "netlify env:set NODE_VERSION 20",
    ],
)
def test_positional_settings_stay(anonymizer: Anonymizer, text: str) -> None:
    """Settings that are not generated, and commands that store no secret, stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "kubectl create secret generic db --from-literal=pw=k7Q;2,xV9m#Tq8`>Lz4wN1c",
        "kubectl -n x create secret generic y --from-literal=key=Rb3|x9Zq&7Vw)pL2mK8t",
    ],
)
def test_a_last_literal_with_glued_shell_operators_is_read_whole(
    anonymizer: Anonymizer, text: str
) -> None:
    """``;``, ``&``, ``|``, ``)`` or a backtick glued inside the last word are the value's own
    (one placeholder to the word's end: ``assignments`` reads ``pw=k7Q;2,…`` past its ``;``
    too, and the higher-priority rule names the redaction)."""
    redacted = anonymizer.anonymize(text)
    assert redacted.endswith(("=<redacted:stored-secret>", "=<redacted:password>"))


@pytest.mark.parametrize(
    "text",
    [
        "kubectl create secret generic db --from-literal=pw=k7Q2xV9mTq8Lz4wN1c;echo done",
        "kubectl create secret generic db --from-literal=pw=k7Q2xV9mTq8Lz4wN1c; ls -l",
    ],
)
def test_a_next_command_after_a_literal_stays(anonymizer: Anonymizer, text: str) -> None:
    """A blank or a command's name after the operator starts the next command."""
    redacted = anonymizer.anonymize(text)
    assert redacted.endswith((";echo done", "; ls -l"))
    assert "k7Q2xV9m" not in redacted


@pytest.mark.parametrize(
    "text",
    [
        # ``kubectl create configmap`` stores settings: a build's commit, digest, request id
        f"kubectl create configmap build-info --from-literal=commit={HEX}",
        "kubectl create cm build --from-literal=request-id=d9bd096f-2f8f-4053-8a19-95207e2617c8",
        "kubectl -n web create configmap app \\\n  --from-literal=ref=6be94318f1a2",
    ],
)
def test_a_configmaps_literals_are_no_stored_secrets(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a secret's name still decides there, and a secret made after a configmap is one
        ("kubectl create configmap app --from-literal=api_key=Xq7mT2vLp9Rk4Wz8Pn3B", "Xq7mT2"),
        (
            "kubectl create cm a --from-literal=x=1 && kubectl create secret generic s "
            f"--from-literal=hook={HEX}",
            HEX,
        ),
    ],
)
def test_secrets_beside_a_configmap_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('vercel env add STRIPE_KEY production <<< "Wq4Lz8Tx2Nm6"', "Wq4Lz8Tx2Nm6"),
        ("echo -n 'Wq4Lz8Tx2Nm6' | npx vercel env add HOOK_ID preview", "Wq4Lz8Tx2Nm6"),
        ("security add-generic-password -a ci -s npm -w Wq4Lz8Tx2Nm6 -U", "Wq4Lz8Tx2Nm6"),
        (
            "security add-internet-password -a ci -s git.example.com -w 'Wq4Lz8Tx2Nm6'",
            "Wq4Lz8Tx2Nm6",
        ),
        ("secret-tool store --label='db' service db user ci <<< 'Wq4Lz8Tx2Nm6'", "Wq4Lz8Tx2Nm6"),
        ("printf %s Wq4Lz8Tx2Nm6 | secret-tool store --label=gh service gh", "Wq4Lz8Tx2Nm6"),
        ("echo Wq4Lz8Tx2Nm6 | keyring set pypi __token__", "Wq4Lz8Tx2Nm6"),
        ("keyring set pypi __token__ <<< Wq4Lz8Tx2Nm6", "Wq4Lz8Tx2Nm6"),
    ],
)
def test_secret_setters_from_stdin_are_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """A tool stores the value it is piped, given as a here-string or after ``-w``."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:stored-secret>" in out


@pytest.mark.parametrize(
    "text",
    [
        "echo production | vercel env add NODE_ENV production",
        "vercel env add API_TOKEN production",
        "security add-generic-password -a ci -s npm -w",
        'security add-generic-password -a ci -s npm -w "$NPM_TOKEN"',
        "secret-tool store --label=gh service gh",
        "keyring set pypi __token__",
        "echo $PYPI_TOKEN | keyring set pypi __token__",
        "psql --password -h db.internal -U app appdb",
    ],
)
def test_secret_setter_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_minio_admin_user_secret_is_redacted(anonymizer: Anonymizer) -> None:
    """``mc admin user add ALIAS ACCESS_KEY SECRET_KEY``: the third word is the secret."""
    out = anonymizer.anonymize("mc admin user add local ci-bot Hx4Tq9Lm2Wz7")
    assert out == "mc admin user add local ci-bot <redacted:stored-secret>"
    assert (
        anonymizer.anonymize("mc admin user add local ci-bot") == "mc admin user add local ci-bot"
    )
