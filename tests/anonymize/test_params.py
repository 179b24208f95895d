"""Secrets in PowerShell parameters, quoted Dockerfile ENV lines and braced connection values."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Connect-Sql -Server db01 -Password Qe4#tuv9K",
            "Connect-Sql -Server db01 -Password <redacted:password>",
        ),
        (
            'New-Svc -Name a -SmtpPassword "Kest4el%31" -Port 587',
            'New-Svc -Name a -SmtpPassword "<redacted:password>" -Port 587',
        ),
        ("Set-Conf -Pass Fl4mingo#7 -PassThru", "Set-Conf -Pass <redacted:password> -PassThru"),
        (
            'Invoke-Api -ApiKey "d1c4f6a8b0e2d4c6a8b0e2f4a6c8e0b2" -Verbose',
            'Invoke-Api -ApiKey "<redacted:api-key>" -Verbose',
        ),
        (
            "FROM node:20\nENV NPM_TOKEN \"Rk9vW3pLq8Tz1Xc5Vb7N\"\nENV LANG 'C.UTF-8'",
            "FROM node:20\nENV NPM_TOKEN \"<redacted:token>\"\nENV LANG 'C.UTF-8'",
        ),
        ('    ENV DB_PASSWORD "0tter!Bay" \\', '    ENV DB_PASSWORD "<redacted:password>" \\'),
        (
            "Driver={ODBC Driver 18};Server=db01;Uid=sa;Pwd={p;4ss!W0rd};",
            "Driver={ODBC Driver 18};Server=db01;Uid=sa;Pwd={<redacted:password>};",
        ),
        ('conn = "Password={Qm3vT8xWk2}"', 'conn = "Password={<redacted:password>}"'),
    ],
)
def test_values_of_these_syntaxes_go(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A parameter, ENV line or braced value under a secret's name is judged as ``KEY=value``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Get-ChildItem -Path C:\\x -PassThru | Out-Null",
        "Get-AzKeyVaultSecret -VaultName kv -SecretName db-password",
        "New-PSSession -Credential $cred -Authentication Kerberos",
        "Invoke-Api -Token (Get-Token) -ApiKey $env:API_KEY",
        "ssh-keygen -t ed25519 -Key file",
        "my-Token value-here and x-Password abc",
        'FROM alpine\nENV PASSWORD_FILE "/run/secrets/db"\nENV TOKEN "${TOKEN}"',
        "ENV LOG_LEVEL \"debug\"\nENV TOKEN_TTL '3600'",
        'f"host={host};password={password};Pwd={cfg.pwd}"',
        "Pwd={0}",
    ],
)
def test_names_references_and_format_fields_stay(anonymizer: Anonymizer, text: str) -> None:
    """Switches, names, references, paths and str.format fields are no values."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Server=sql01;User Id=svc;Password={/Rk8+Wq2Lm7Xz/Tn4Vb9Pc3Hd6Jf1=};",
            "Server=sql01;User Id=svc;Password={<redacted:password>};",
        ),
        ("Server=sql01;Pwd={/run/secrets/mssql-sa};", "Server=sql01;Pwd={/run/secrets/mssql-sa};"),
    ],
)
def test_a_braced_value_starting_with_a_slash_is_base64_or_a_file(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Base64 that starts with ``/`` is the password; a path of words stays."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Driver={Vertica};Server=vt02;Uid=etl;Pwd=Vq(3k,Lm)9=Zx!;Port=5433;",
            "Driver={Vertica};Server=vt02;Uid=etl;Pwd=<redacted:password>;Port=5433;",
        ),
        (
            "jdbc:informix-sqli://ifx:9088/stores:user=app;password=Hn2,wQ(8)vT;DELIMIDENT=y",
            "jdbc:informix-sqli://ifx:9088/stores:user=app;password=<redacted:password>;DELIMIDENT=y",
        ),
        (
            '"Data Source=ora7;User Id=rpt;Password=k8)Xw,2nQ(p"',
            '"Data Source=ora7;User Id=rpt;Password=<redacted:password>"',
        ),
    ],
)
def test_a_listed_connection_value_goes_to_its_semicolon(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """In ``;key=value;`` only ``;`` ends a value: ``(``, ``,``, ``)``, ``=`` are password characters."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Server=vt02;Database=app;Password=${VERTICA_PASSWORD};Port=5433",
        "Server=vt02;Database=app;Password=;Trusted_Connection=yes",
        "retry;token_count=1532;max_tokens=(none);",
        "Content-Type: text/html; charset=utf-8; boundary=(x,y)",
    ],
)
def test_listed_values_without_a_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
