"""Secrets a command stores or prints, apart from their names."""

from __future__ import annotations

import json

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
            f"root@web-1:/# printenv STRIPE_WEBHOOK_SECRET\r\n{HEX}\r\nroot@web-1:/#",
            "root@web-1:/# printenv STRIPE_WEBHOOK_SECRET\r\n<redacted:secret>\r\nroot@web-1:/#",
        ),
        (
            f"$ docker exec api sh -c 'echo \"${{MAILGUN_API_KEY}}\"'\n{UUID}\n",
            "$ docker exec api sh -c 'echo \"${MAILGUN_API_KEY}\"'\n<redacted:api-key>\n",
        ),
        (
            f"$ heroku config:get PUSHER_SECRET -a web\n{HEX}",
            "$ heroku config:get PUSHER_SECRET -a web\n<redacted:secret>",
        ),
        (
            f"$ vault kv get -field=db_password secret/app\n{HEX}",
            "$ vault kv get -field=db_password secret/app\n<redacted:password>",
        ),
        (
            "$ gopass show -o cloud/ovh\nkq8vz2mx7rtp4wb9\n$ exit",
            "$ gopass show -o cloud/ovh\n<redacted:stored-secret>\n$ exit",
        ),
        (
            f"Vault output\nKey              Value\n---              -----\nversion          3\n"
            f"signing_secret   {HEX}\n",
            "Vault output\nKey              Value\n---              -----\nversion          3\n"
            "signing_secret   <redacted:secret>\n",
        ),
        (
            f"##[debug]::add-mask::{HEX}",
            "##[debug]::add-mask::<redacted:masked-secret>",
        ),
    ],
)
def test_printed_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """What a command prints for a secret-named variable or a password entry is a secret."""
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
        "printenv LANG\nC.UTF-8",
        "echo $DB_PASSWORD\nconfigure_database_connection",
        "$ pass show -c web/github\nCopied web/github to clipboard. Will clear in 45 seconds.",
        "Key    Value\n---    -----\nlease_duration    768h\nsecret_engine    kv-v2-store",
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


WORDY_HEX = "a91f3d48e2b6a0d19c7e4f2a835be0c7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$ gh auth token\n" + WORDY_HEX + "\n$ ", "$ gh auth token\n<redacted:token>\n$ "),
        (  # a keychain prints a chosen password (named as a token: a printer's key is ``token``)
            "% security find-internet-password -s nas.lan -w\nSq7!veRt2#kL",
            "% security find-internet-password -s nas.lan -w\n<redacted:token>",
        ),
        (  # a Secret's value, decoded; the selected name is the key
            "$ kubectl get secret ci -o go-template='{{.data.webhook_secret}}' | base64 --decode\n"
            "Tq9x-Lm2V8r#Zp4w",
            "$ kubectl get secret ci -o go-template='{{.data.webhook_secret}}' | base64 --decode\n"
            "<redacted:secret>",
        ),
        (
            "$ cat ~/.local/share/app/api_token.txt\n" + WORDY_HEX,
            "$ cat ~/.local/share/app/api_token.txt\n<redacted:token>",
        ),
        (
            "$ terraform output -raw grafana_admin_password\nWq7#tLz2!mPe",
            "$ terraform output -raw grafana_admin_password\n<redacted:password>",
        ),
        (
            "$ jq -r .credentials.refresh_token ~/.cache/cli/auth.json\n" + WORDY_HEX,
            "$ jq -r .credentials.refresh_token ~/.cache/cli/auth.json\n<redacted:token>",
        ),
        (
            "$ openssl rand -base64 24\nx7Qp2Lm9Vt4Rz8Kw1Bn6Yc3D",
            "$ openssl rand -base64 24\n<redacted:token>",
        ),
    ],
)
def test_values_printed_by_the_command_that_selects_them_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$ cat notes/release-plan.md\nrelease-candidate-2026",  # the file names no secret
        "$ kubectl get secret db -o jsonpath='{.data.username}' | base64 -d\nreporting_readonly",
        "$ gh auth token\nno oauth token found for github.com",  # a message, not a token
        "I rotated the auth token\nThanks!",  # prose, no command
        "$ op read op://infra/db/password\n${DB_PASSWORD}",  # a reference
        "$ cat /run/secrets/db_password | sha256sum\n" + WORDY_HEX + "  -",  # piped on, not printed
        "$ jq -r .sha build.json\n3f0c9a1e7b2d4c6e8a0b1c3d5e7f9a1b2c3d4e5f",  # a hash key
    ],
)
def test_printed_output_that_is_no_secret_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "command",
    [
        "printenv SMTP_PASSWORD",
        "gcloud auth print-access-token",
        "kubectl get secret mail -o jsonpath='{.data.smtp_password}' | base64 -d",
        "pass show mail/relay",
    ],
)
def test_a_printed_value_in_a_json_tool_result_is_redacted(
    anonymizer: Anonymizer, command: str
) -> None:
    """A tool result is a JSON string: its line breaks are ``\\n`` escapes."""
    text = json.dumps({"type": "tool_result", "content": f"$ {command}\nVr8#kQ2zLp5wXt\n$ "})
    out = anonymizer.anonymize(text)
    assert "Vr8#kQ2zLp5wXt" not in out
    assert out.endswith('\\n$ "}')  # the escapes around the value stay


def test_a_json_tool_result_printing_no_secret_stays(anonymizer: Anonymizer) -> None:
    text = json.dumps(
        {"content": "$ printenv HOSTNAME\nbuild-runner-07\n$ gh auth token\nno token\n"}
    )
    assert anonymizer.anonymize(text) == text
