"""Secrets in typed declarations and in element attributes."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'static SENTRY_TOKEN: &\'static str = "{HEX}";',
            'static SENTRY_TOKEN: &\'static str = "<redacted:token>";',
        ),
        (
            f"export const pusherSecret: string = '{HEX}';",
            "export const pusherSecret: string = '<redacted:secret>';",
        ),
        (
            f'val dbPassword: String = "{HEX[:12]}"',
            'val dbPassword: String = "<redacted:password>"',
        ),
        (
            'SMTP_PASSWORD: Final[str] = "hunter2x"',
            'SMTP_PASSWORD: Final[str] = "<redacted:password>"',
        ),
        (
            f'const bugsnagApiKey string = "{HEX}"',
            'const bugsnagApiKey string = "<redacted:api-key>"',
        ),
        (  # attributes in any order, single quotes
            f"<input type='hidden' value='{HEX}' name='upload_token'/>",
            "<input type='hidden' value='<redacted:token>' name='upload_token'/>",
        ),
        (  # setx: the value's case is its own (found in the lower-cased text)
            'setx RAILS_SECRET_KEY_BASE "Zq8vT1mN4pXk2Lp9Zt7Wn3Rb8Yc1V5s0aB" /M',
            'setx RAILS_SECRET_KEY_BASE "<redacted:api-key>" /M',
        ),
        ("SETX DB_PASSWORD hunter2x /M", "SETX DB_PASSWORD <redacted:password> /M"),
        (  # a camelCase key's qualifier after its secret word
            '{"Rails": {"SecretKeyBase": "Zq8vT1mN4pXk2Lp9Zt7Wn3Rb8Yc1V5s0aB"}}',
            '{"Rails": {"SecretKeyBase": "<redacted:api-key>"}}',
        ),
        ("apiTokenStaging = 'Zq8vT1mN4pXk2Lp9Zt7W'", "apiTokenStaging = '<redacted:token>'"),
        (
            f'<meta content="{HEX}" property="app:client-secret">',
            '<meta content="<redacted:secret>" property="app:client-secret">',
        ),
    ],
)
def test_a_declared_or_attributed_secret_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected
    assert anonymizer.anonymize(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const TOKEN_TYPE: &str = "Bearer";',
        'setx PATH "%PATH%;C:\\tools" /M',
        "setx DB_PASSWORD_FILE C:\\secrets\\db.txt",
        '"secretKeyRef": "db-creds-abcdefgh123"',  # a reference's name: a data qualifier
        'passwordStrength: "veryStrong123"',
        "let maxTokens: Int = 4096",
        f'const cacheKey: string = "{HEX}";',  # a data key: hex is a hash there
        '<meta name="description" content="How to rotate your api_key safely">',
        f'<meta name="commit-sha" content="{HEX}">',
        f'<input name="password_hint" value="{HEX}">',
    ],
)
def test_declarations_without_a_secret_are_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"ssid": "iot", "pskRaw": "9b1f0c7e44a2d83b5e6f10c29a7d3e8b4f5a6c1d2e3f40718293a4b5c6d7e8f9"}',
            '{"ssid": "iot", "pskRaw": "<redacted:password>"}',
        ),
        ("IpsecPskHex = 'b7c3e9a1f04d2c8e6a5b3f1d0c9e8a7b'", "IpsecPskHex = '<redacted:password>'"),
        (
            'networking.wireless.networks."lab".pskRaw = "3e8a7b9c1d2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b";',
            'networking.wireless.networks."lab".pskRaw = "<redacted:password>";',
        ),
        (
            "cfg.relay.apiTokenProd = 'Qz8vT1mN4pXk2Lp9Zt7Wn3Rb'",
            "cfg.relay.apiTokenProd = '<redacted:token>'",
        ),
    ],
)
def test_a_psk_with_a_capitalized_qualifier_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


def test_a_psk_qualified_key_with_a_plain_value_stays(anonymizer: Anonymizer) -> None:
    text = 'networks."iot".pskFile = "/run/secrets/wifi";'
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Dim clientSecret As String = "md6ZImR1IoVaNpg"',
            'Dim clientSecret As String = "<redacted:secret>"',
        ),
        (
            'Private Const ApiKey As String = "OIjLaHqIJlTcw3Xk"',
            'Private Const ApiKey As String = "<redacted:api-key>"',
        ),
        (
            "DECLARE @apiKey NVARCHAR(64) = 'a72238f525f5127f6c2c08724fe773cf';",
            "DECLARE @apiKey NVARCHAR(64) = '<redacted:api-key>';",
        ),
        (
            "DECLARE @password varchar(max) = N'7226df1a72d2a5f7b6';",
            "DECLARE @password varchar(max) = N'<redacted:password>';",
        ),
    ],
)
def test_a_type_word_after_the_key_is_read(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Visual Basic's ``As String`` and T-SQL's character types stand between key and ``=``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Dim password As String = ""',
        'Dim name As String = "Xk9vQ2mLp8Rt"',
        "DECLARE @password NVARCHAR(64) = @input;",
        'Private Const ApiKey As String = "changeme"',
        "DECLARE @token_count INT = 42;",
    ],
)
def test_typed_words_without_a_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
