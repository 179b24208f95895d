"""Values typed by counting (``counted``): the digit row or the alphabet run along, as scanners'
fixtures and documents fill a secret's slot, in the forms they stand in; beside each, the true
positives that count too and must stay redacted, and the drawn values a count sits in."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, counted

HMAC = "1234567890abcdef1234567890abcdef1234567890abcdefextra"
FREEMIUS = "sk_abcdefghijklmnopqrstuvwxyz123"
DATABRICKS = "dapi123456789012345678a9bc01234defg5"
NOTION = "ntn_" + "1234567890" * 6


@pytest.mark.parametrize(
    "text",
    [
        # prose, shell, config, JSON, logs, code
        f"the docs use secret_access_key={HMAC} as the example",
        f'// sample "secret_access_key": "{HMAC}"',
        f"export AWS_SECRET_ACCESS_KEY={HMAC}",
        f"access_key = '{HMAC[:32]}'",
        '{"secret_access_key": "1234567890abcdef1234567890abcdef"}',
        f'$config = array(\n\t"secret_key" => "{FREEMIUS}",\n);',
        f"secret_key: {FREEMIUS}",
        f"DATABRICKS_TOKEN={DATABRICKS}",
        f"2026-12-07T09:14:02Z INFO config loaded DATABRICKS_TOKEN={DATABRICKS}",
        f'{{"notion_token": "{NOTION}"}}',
        "password: 1234567890",
        "api_key = 'abcdefghijklmnopqrstuvwxyz'",
        f"Example from the docs:\n```\nDATABRICKS_TOKEN={DATABRICKS}\n```",
        f"The linter flags this line:\n\n```\n{NOTION}\n```\n",
        f"<pre>secret_access_key={HMAC}</pre>",
        f"<![CDATA[secret_access_key={HMAC}]]></ac:plain-text-body>",
    ],
)
def test_a_counted_value_stays(anonymizer: Anonymizer, text: str) -> None:
    """The digit row in order or the whole alphabet, most of the value counted: typed."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # the scanners' true positives that count, but less (unlabelled in every corpus)
        (
            "MAGICBELL_API_TOKEN=abcde12345-67890fghijklmnopqrs-tuvwxyzYu",
            "abcde12345-67890fghijklmnopqrs-tuvwxyzYu",
        ),
        ("CLOUDANT_PASSWORD=" + "abcd1234" * 8, "abcd1234" * 8),
        (
            "export HASHICORPVAULTAUTH_ACCESS_TOKEN=12345678-1234-1234-1234-123456789abc",
            "12345678-1234-1234-1234-123456789abc",
        ),
        (
            "ANTHROPIC_API_KEY=sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-"
            "1234fghijklmnopby56aaaogaopaaaabc123xyzAA",
            "klmnopqrstuvwx",
        ),
        # a count inside a drawn value: the drawn part is more than 30% of it
        (
            "LARK_API_KEY=cli_12345678901234562nuq0H1dZUqRpHMzKMvbbwlgNWaJiokl",
            "2nuq0H1dZUqRpHMzKMvbbwlgNWaJiokl",
        ),
        ("token: 3aBcDFE5678901234567890_1a2b3c4d", "3aBcDFE5678901234567890_1a2b3c4d"),
        ("DB_PASSWORD=Qx7!1234567890#Lm", "Qx7!1234567890#Lm"),
        # ten letters from ``a``: a test token's tail, not the alphabet
        ("slack bot token xoxb-1234-5678-abcdefghij", "xoxb-1234-5678-abcdefghij"),
        ('CLOUDANT_API_KEY = "abcdefghijabcdefghijabcd"', "abcdefghijabcdefghijabcd"),
    ],
)
def test_a_value_that_counts_less_stays_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Fourteen letters, nine digits, runs of four, ten letters, or a drawn part: a secret."""
    assert secret not in anonymizer.anonymize(text)


def test_is_counted_reads_the_runs() -> None:
    """Unit: a long run (ten digits in order, ``9`` wrapping; the alphabet) and 70%."""
    assert counted.is_counted("1234567890")
    assert counted.is_counted("4567890123")  # the row from 4, wrapping
    assert counted.is_counted("abcdefghijklmnopqrstuvwxyz")
    assert counted.is_counted("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123")
    assert not counted.is_counted("abcdefghij")  # ten letters: a test token's tail
    assert counted.is_counted(DATABRICKS)  # 27 of 36 counted: 75%
    assert not counted.is_counted("123456789")  # nine digits
    assert not counted.is_counted("fghijklmnopqrs")  # not the alphabet
    assert not counted.is_counted("abcdefghijklmNOPQRSTUVWXYZ")  # one case
    assert not counted.is_counted("1234567890" + "Hq2Lp9Xw7RtZk3Vb8Nc1")  # a third counted
