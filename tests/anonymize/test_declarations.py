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
