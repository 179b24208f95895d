"""A secret given on the line below its label (``label_lines``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"
HEX = "9d863386ce10cd79e048c07dd7753eda"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Password\n{V}", V),
        (f"API key:\n{HEX}", HEX),
        (f"token\n-----\n{V}", V),
        (f"Secret\n======\n{HEX}", HEX),
        (f"Hi Anna,\n\nhere is the staging login.\n\nPassword:\n{V}\n\nThanks,\nBob", V),
        (f"Your new API key:\n  {HEX}\nStore it somewhere safe.", HEX),
        (f"$ ./bin/create-admin\nAdmin password:\n{V}\ndone", V),
        (f"**Root password:**\n`{V}`", V),
        (f"- WiFi password:\n  {V}", V),
        (f"## Access token\n{HEX}\nExpires in 3600 seconds", HEX),
        ("Password:\nRocket&1233maple", "Rocket&1233maple"),
        ("Passwort:\nMaple$4977orange\r\n", "Maple$4977orange"),
        ("Client secret\r\nWinter2024!", "Winter2024!"),
        (f'"password":\n    "{V}"', V),
        (f"api_token\n{V}\n", V),  # no ``strings`` dump: a label and its value
        (f'password =\n    "{V}"', V),
        (f'{{\n  "api_key":\n    "{HEX}",\n  "x": 1\n}}', HEX),
    ],
)
def test_values_below_their_label_are_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Notes, mails, Markdown and a tool's output: the value line goes, the label stays."""
    out = anonymizer.anonymize(text)
    assert secret not in out and "<redacted:" in out, out
    label = text.split("\n")[0] if not text.startswith("Hi") else "Password:"
    assert label.strip() in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Password\nReset your password from the account page.",
        "### Password\n\nThe password must be at least 12 characters long.",
        "API key:\nSee the vault entry for the staging account.",
        "Token:\nexpired",
        "Password\n********",
        "Password:\n$DB_PASSWORD",
        "Token\n-----\nNone",
        "Password\nForgotPassword.tsx",
        "Password:\n/run/secrets/db_password",
        "Token:\nhttps://auth.example.com/token",
        "Secret\nMySecretName",
        "Token:\n{{ secrets.DEPLOY_TOKEN }}",
        "Password:\n<your password>",
        "API key:\nYOUR_API_KEY",
        "Password:\nchangeme",
        "Session ID:\n4f9c2a1b7e3d4f9c2a1b7e3d",
        "Public key:\nAAAAC3NzaC1lZDI1NTE5AAAAIHv9q1",
        "Cache key\nv1-linux-deps-8f3a9c2b",
        "Token count\n128000",
        "Password policy\nMinLength12",
        "Token expired\nRetrying in 5s",
        f"Key\n{HEX}",
        "Secret\nsecret_name_here",
        "# onepassword\nONEPASSWORD_PASSWORD=<redacted:password>\nLOG_LEVEL=debug",
        "token =\n    self.token",
        "session_token\nx86_64-linux-gnu",
        "> see the token below\n'9c2e41d07b5a3f86e1d4c7b20a9f5e38'",
        "client_secret\nABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "password =\n    get_password()",
        '"password":\n    "changeme"',
    ],
)
def test_label_line_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose under a heading, placeholders, references, paths, URLs, words, counts, a generic
    ``key`` and labels naming no secret (``Session ID``, ``Public key``, ``Token count``) stay."""
    assert anonymizer.anonymize(text) == text
