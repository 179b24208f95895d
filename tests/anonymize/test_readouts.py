"""What a command or a tool prints for a named secret: variables, selected keys, files, printers."""

from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "3e0b9c71d5a84f26e19b7c03a5d6f482"
MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
UUID = "0b9e4c7a-3f21-4d58-9a6e-c1d2e3f4a5b6"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thought: I need the key.\nAction: read_file\nAction Input: /srv/ledger/api_key\n"
            f"Observation: {HEX}\nThought: retrying.",
            "Thought: I need the key.\nAction: read_file\nAction Input: /srv/ledger/api_key\n"
            "Observation: <redacted:api-key>\nThought: retrying.",
        ),
        (  # the path inside a JSON input, an extension on the file's name
            f'Action Input: {{"path": "~/.local/share/notes/secret.txt"}}\nObservation: {MIXED}',
            'Action Input: {"path": "~/.local/share/notes/secret.txt"}\n'
            "Observation: <redacted:secret>",
        ),
        (
            f"deploy@vm2:~$ sudo cat /etc/ledger/.token\n{HEX}\ndeploy@vm2:~$ exit",
            "deploy@vm2:~$ sudo cat /etc/ledger/.token\n<redacted:token>\ndeploy@vm2:~$ exit",
        ),
        (
            f"+ cat /run/keys/db_password\n{MIXED}\n+ psql -h db",
            "+ cat /run/keys/db_password\n<redacted:password>\n+ psql -h db",
        ),
        (
            "$ gcloud secrets versions access 4 --secret ledger-api-key --project p\n"
            f"{HEX}\n$ ./run.sh",
            # (the flag's value names the secret: ``name_flags``, it stays)
            "$ gcloud secrets versions access 4 --secret ledger-api-key --project p\n"
            "<redacted:api-key>\n$ ./run.sh",
        ),
        (
            "gcloud secrets versions access projects/p/secrets/mail-password/versions/2\n"
            f"{MIXED}\n",
            "gcloud secrets versions access projects/p/secrets/mail-password/versions/2\n"
            "<redacted:password>\n",
        ),
        (
            f"Data\n====\nregion:\n----\neu-west-1\nledger_token:\n----\n{HEX}\n\nEvents:  <none>",
            "Data\n====\nregion:\n----\neu-west-1\nledger_token:\n----\n<redacted:token>\n\n"
            "Events:  <none>",
        ),
    ],
)
def test_a_value_read_from_a_named_secret_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the file's name names no secret
        f"Action Input: /srv/ledger/build_id\nObservation: {HEX}",
        "$ cat /srv/ledger/VERSION\n2.14.1",
        # a name that holds data, not a secret
        "$ cat ~/.cache/app/token_count\n40961",
        # a tool input that is no path
        f"Action Input: search the ledger api key docs\nObservation: {HEX}",
        # no prompt before ``cat``: only a generated value counts
        "the cat /etc/app/db_password\nCorrectHorse77",
        # a value that is no secret: a reference, a placeholder
        "$ cat /etc/app/password\n/run/secrets/app",
        "Action Input: /etc/app/api_key\nObservation: Error: file not found",
        # a heading underlined with dashes, and a data key that names no secret
        "Release notes:\n----\nFixed the ledger sync.",
        "Data\n====\nlog_level:\n----\ninfo",
        # a gcloud access of a secret whose name names no secret
        "$ gcloud secrets versions access projects/p/secrets/ledger-region/versions/1\neu-west-1",
    ],
)
def test_other_tool_output_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


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
            f"Vault output\nKey              Value\n---              -----\nversion          3\n"
            f"signing_secret   {HEX}\n",
            "Vault output\nKey              Value\n---              -----\nversion          3\n"
            "signing_secret   <redacted:secret>\n",
        ),
    ],
)
def test_a_printed_variable_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """What a command prints for a secret-named variable, or a table's secret-named row, is a secret."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "printenv LANG\nC.UTF-8",
        "echo $DB_PASSWORD\nconfigure_database_connection",
        "Key    Value\n---    -----\nlease_duration    768h\nsecret_engine    kv-v2-store",
    ],
)
def test_printed_settings_stay(anonymizer: Anonymizer, text: str) -> None:
    """A variable that names no secret, and a printed word that is no secret, stay."""
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
        (  # redis-cli's GET and HGET, as its arguments and at its prompt (session 38's probes)
            '$ redis-cli -h cache.internal GET api_key\n"Wq7tLz2mPe9xK4vB"',
            '$ redis-cli -h cache.internal GET api_key\n"<redacted:api-key>"',
        ),
        (
            '127.0.0.1:6379[2]> HGET app:config smtp_password\n"Wq7#tLz2!mPe"\n127.0.0.1:6379[2]> ',
            '127.0.0.1:6379[2]> HGET app:config smtp_password\n"<redacted:password>"\n'
            "127.0.0.1:6379[2]> ",
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
        '$ redis-cli GET session_count\n"42"',
        '127.0.0.1:6379> GET user:1:name\n"Alice Example"',
        "127.0.0.1:6379> GET api_key\n(nil)",
        "$ redis-cli --bigkeys budget 5\nBiggest string found so far",
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


@pytest.mark.parametrize(
    "content",
    [
        "Action Input: /srv/app/.config/db_password\nObservation: CorrectHorse77\n",
        "$ gcloud secrets versions access latest --secret=smtp-password\nCorrectHorse77\n$ ",
        "$ cat /etc/app/db_password\nCorrectHorse77\n$ ",
    ],
)
def test_a_tools_readout_in_a_json_tool_result_is_redacted(
    anonymizer: Anonymizer, content: str
) -> None:
    """ReAct, gcloud and a prompt's ``cat`` find the value as every printed line does: after ``\\n``."""
    out = anonymizer.anonymize(json.dumps({"content": content}))
    assert "CorrectHorse77" not in out
    assert "\\nObservation: <redacted:" in out or "\\n<redacted:" in out


def test_an_indented_data_value_is_redacted_and_a_catted_word_without_prompt_stays(
    anonymizer: Anonymizer,
) -> None:
    """``kubectl describe``'s value is the next line without blanks; ``cat`` after no prompt
    counts only a generated value, in a JSON string too."""
    described = "db_password:\n----\n  Vr8#kQ2zLp5wXt\n"
    assert anonymizer.anonymize(described) == "db_password:\n----\n  <redacted:password>\n"
    text = json.dumps({"content": "cat /etc/app/db_password\nCorrectHorse77\n$ "})
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "$ aws secretsmanager get-secret-value --secret-id prod/db --query ARN --output text\n"
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
        "$ kubectl get secret tls -o jsonpath='{.metadata.uid}'\n"
        "3f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c",
        "$ vault read -field=lease_id sys/leases/lookup\nauth/token/create/h3f9a8b7c6d5e4f3a",
        "$ aws secretsmanager get-secret-value --secret-id x --query VersionId --output text\n"
        "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE",
    ],
)
def test_a_secret_stores_metadata_stays(anonymizer: Anonymizer, text: str) -> None:
    """A store's read that selects its secret's resource name, id or version prints no secret."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$ keyring get pypi ci-bot\nJr6Wx2Lq9Tm4", "Jr6Wx2Lq9Tm4"),
        ("$ netlify env:get MAILER_API_KEY\nJr6Wx2Lq9Tm4", "Jr6Wx2Lq9Tm4"),
        ("$ railway variables get MAILER_API_KEY\nJr6Wx2Lq9Tm4", "Jr6Wx2Lq9Tm4"),
        ("$ pulumi config get mailerToken\nJr6Wx2Lq9Tm4", "Jr6Wx2Lq9Tm4"),
    ],
)
def test_values_printed_by_platform_getters_are_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """``keyring get`` prints a password; the platforms' getters print the named value."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "$ pulumi config get aws:region\neu-west-1",
        "$ netlify env:get NODE_VERSION\n20",
        "$ keyring get pypi ci-bot\nkeyring: no password found",
        "$ pulumi config get mailerToken\n[secret]",
        "$ railway variables get MAILER_API_KEY\n$MAILER_API_KEY",
    ],
)
def test_platform_getters_settings_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
