"""Forms found by bench/contexts32 (values printed back by programs): debug dumps that print a value
beside its key (PHP ``print_r``, Go's spew, R, fish, ``reg query``, ``terraform output -json``,
``consul kv get -detailed``), Elixir's ``iex`` echo, PowerShell's ``Get-Secret -AsPlainText``,
``etcdctl get``'s key line, Lua's ``..`` concatenation and a traced pipe into ``--password-stdin``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PHP print_r
        (
            f"Array\n(\n    [host] => db.internal\n    [db_password] => {MIXED}\n)",
            "Array\n(\n    [host] => db.internal\n    [db_password] => <redacted:password>\n)",
        ),
        # Go's spew
        (
            f'(*cfg.Settings)(0xc0001)({{\n StripeSecret: (string) (len=24) "{MIXED}"\n}})',
            '(*cfg.Settings)(0xc0001)({\n StripeSecret: (string) (len=24) "<redacted:secret>"\n})',
        ),
        # R: str() and a printed list
        (f' $ mapbox_token: chr "{LOWER}"', ' $ mapbox_token: chr "<redacted:token>"'),
        (
            f'$host\n[1] "db"\n\n$api_key\n[1] "{LOWER}"',
            '$host\n[1] "db"\n\n$api_key\n[1] "<redacted:api-key>"',
        ),
        # fish's set --show
        (f"$GITEA_TOKEN[1]: |{MIXED}|", "$GITEA_TOKEN[1]: |<redacted:token>|"),
        # reg query
        (
            f"HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\n    ClientSecret    REG_SZ    {MIXED}",
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\n    ClientSecret    REG_SZ    <redacted:secret>",
        ),
        # terraform output -json (sensitive outputs too)
        (
            f'{{"db_password": {{"sensitive": true, "type": "string", "value": "{MIXED}"}}}}',
            '{"db_password": {"sensitive": true, "type": "string", "value": "<redacted:password>"}}',
        ),
        # consul kv get -detailed
        (
            f"Flags            0\nKey              apps/web/session_secret\nSession          -\nValue            {LOWER}",
            "Flags            0\nKey              apps/web/session_secret\nSession          -\nValue            <redacted:secret>",
        ),
        # iex echo, with blanks in the expression
        (
            f'iex(web@host)7> Application.fetch_env!(:web, :secret_key_base)\n"{MIXED}"',
            'iex(web@host)7> Application.fetch_env!(:web, :secret_key_base)\n"<redacted:api-key>"',
        ),
        # Get-Secret -AsPlainText
        (
            f"PS /home> Get-Secret GraphApiToken -AsPlainText\n{MIXED}",
            "PS /home> Get-Secret GraphApiToken -AsPlainText\n<redacted:token>",
        ),
        # etcdctl get prints the key's path first
        (
            f"$ etcdctl get /svc/mail/smtp_password\n/svc/mail/smtp_password\n{MIXED}",
            "$ etcdctl get /svc/mail/smtp_password\n/svc/mail/smtp_password\n<redacted:password>",
        ),
        # Lua's concatenation
        (
            f"local h = 'Bearer '..'{MIXED}'",
            "local h = 'Bearer '..'<redacted:authorization>'",
        ),
        # set -x traces a pipe into --password-stdin / --with-token, in either order
        (
            f"+ echo {LOWER}\n+ gh auth login --with-token",
            "+ echo <redacted:token>\n+ gh auth login --with-token",
        ),
        (
            f"++ podman login -u ci --password-stdin quay.io\n++ printf %s {MIXED}",
            "++ podman login -u ci --password-stdin quay.io\n++ printf %s <redacted:password>",
        ),
    ],
)
def test_found(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Array\n(\n    [token] => Array\n        (\n            [0] => read\n        )\n)",
        "Array\n(\n    [build_sha] => 9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f\n)",
        'Commit: (string) (len=40) "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"',
        ' $ token_count: num 512\n $ model: chr "llama-3.1-8b"',
        '$request_id\n[1] "5d2c8c1e-4f7a-4b0e-9a61-0c3e2f7d9b18"',
        "$PATH[1]: |/usr/local/bin|\n$API_TOKEN[1]: |(unset)|",
        "    InstallLocation    REG_SZ    C:\\Program Files\\Acme",
        '{"vpc_id": {"sensitive": false, "type": "string", "value": "vpc-0a1b2c3d4e5f67890"}}',
        "Key              apps/web/build_sha\nValue            9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
        'iex(3)> System.get_env("LANG")\n"C.UTF-8"',
        "PS> Get-Secret -Name GraphApiToken\nSystem.Security.SecureString",
        "$ etcdctl get /svc/mail/smtp_host\n/svc/mail/smtp_host\nsmtp.internal",
        'local label = "v" .. "1.4.2"',
        "+ echo starting-login\n+ docker login -u ci --password-stdin ghcr.io",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
