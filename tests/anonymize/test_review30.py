"""Session 30's review: regressions found in the new rules (quadratic work, over-redaction)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, version_quads


def test_a_repeated_address_is_looked_up_in_linear_work(
    anonymizer: Anonymizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log naming one address on every line: each quad's version check must not rescan every
    other copy (``is_named_version`` did, quadratic: 2,000 lines took 15 s)."""
    calls = 0
    judge = version_quads.is_written_as_version

    def counted(text: str, start: int, end: int) -> bool:
        nonlocal calls
        calls += 1
        return judge(text, start, end)

    monkeypatch.setattr(version_quads, "is_written_as_version", counted)
    lines = 150
    text = "GET / from 93.184.216.34 200\n" * lines
    assert anonymizer.anonymize(text) == "GET / from <ip> 200\n" * lines
    assert calls <= 4 * lines


@pytest.mark.parametrize(
    "text",
    [
        "upgrade to v93.184.216.34 now; the fix is in 93.184.216.34",
        "version 93.184.216.34 is out. Download 93.184.216.34 today",
        "93.184.216.34 release notes\n\nWhat changed in 93.184.216.34",
    ],
)
def test_a_quad_written_as_a_version_elsewhere_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("v93.184.216.340 and then 93.184.216.34 connected", "then <ip> connected"),
        ("from 93.184.216.34; version 193.184.216.34 is out", "from <ip>;"),
        ("from 93.184.216.34; see srv93.184.216.34", "from <ip>;"),
    ],
)
def test_a_quad_written_as_a_version_only_inside_a_longer_word_is_an_address(
    anonymizer: Anonymizer, text: str, kept: str
) -> None:
    assert kept in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Ids of a catalogue, a video, an order: drawn-looking but short; mysqldump writes rows with
        # no column list.
        ("INSERT INTO products VALUES (1, 'widget', 'SKU4XK29QZ7B', 9.99);", "SKU4XK29QZ7B"),
        ("INSERT INTO `videos` VALUES (3,'intro','dQw4w9WgXcQ',212);", "dQw4w9WgXcQ"),
        ("INSERT INTO orders VALUES ('acme', 'ORD2026X91KQ7');", "ORD2026X91KQ7"),
        # Hex pairs with colons (a MAC, a fingerprint) are hex: a MAC stays the personal rule's.
        ("INSERT INTO devices VALUES ('rpi', 'B8:27:EB:12:34:56', 'lab');", "<mac>"),
        # Upper case: a certificate's fingerprint, not OpenSSH's (bench/contexts33), so it stays.
        (
            "INSERT INTO hosts VALUES ('web', '3A:7F:9C:11:0B:E4:55:2D:C8:91:6A:0F:B3:7E:D2:44');",
            "'3A:7F:9C:11:0B:E4:55:2D:C8:91:6A:0F:B3:7E:D2:44'",
        ),
        (
            "INSERT INTO hosts VALUES ('web', '3a:7f:9c:11:0b:e4:55:2d:c8:91:6a:0f:b3:7e:d2:44');",
            "<ssh-fingerprint>",
        ),
    ],
)
def test_short_ids_and_hex_pairs_in_rows_without_columns_stay(
    anonymizer: Anonymizer, text: str, kept: str
) -> None:
    assert kept in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO partners VALUES (9, 'twilio', 'Zk3Qw8Lm2Rx7Tv5Np1Hd', 0);",
        "INSERT INTO vendor_links VALUES ('acme', 'u7Kx2Lq9Wm4Zt8Rb');",
        "INSERT INTO api_keys VALUES ('svc', '3A:7F:9C:11:0B:E4:55:2D:C8:91:6A:0F:B3:7E:D2:44');",
    ],
)
def test_drawn_keys_in_rows_without_columns_still_go(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ('$env:API_KEY = "Wn4`"pLx9Q2vKd8"', ("Wn4", "pLx9Q2vKd8")),
        ('$Password = "q7Rz`"Lm2Xv9Tk"; Connect-Db', ("q7Rz", "Lm2Xv9Tk")),
        ('[Environment]::SetEnvironmentVariable("APP_SECRET", "Hk3`"pZ8wQ2mV")', ("pZ8wQ2mV",)),
    ],
)
def test_a_powershell_escaped_quote_inside_a_secret_takes_it_whole(
    anonymizer: Anonymizer, text: str, pieces: tuple[str, ...]
) -> None:
    """PowerShell escapes a quote with a backtick (`` `" ``), as C-like languages with ``\\"``."""
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out and not any(piece in out for piece in pieces)


@pytest.mark.parametrize(
    "text",
    [
        'Write-Host "Run `"make test`" first"',
        '$msg = "Say `"hello`" to user42"',
        'x = "see `ls`" + "and `pwd`"',
        '$api_key_name = "prod`"label`"v2"',
        'const token = "`${prefix}`"',
    ],
)
def test_powershell_escaped_quotes_in_text_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "command",
    [
        "railway variables  get DATABASE_PASSWORD",
        "railway variables\tget DATABASE_PASSWORD",
        "pulumi config  get dbPassword",
        "consul kv  get app/db_password",
        "vault secrets\tget db_password",
        "aws configure  get aws_secret_access_key",
        "terraform  output -raw db_password",
        "terraform output  -raw db_password",
    ],
)
def test_a_readout_does_not_depend_on_another_command_in_the_text(
    anonymizer: Anonymizer, command: str
) -> None:
    """The command's words with other blanks than the gate's: read alike whether or not the text
    holds another readout's word elsewhere (``printenv`` woke the rule, the pattern then read it)."""
    shown = f"$ {command}\nWn4pLx9Q2vKd8Ab3\n"
    alone = anonymizer.anonymize(shown)
    after = anonymizer.anonymize("$ printenv HOME\n/srv\n" + shown)
    assert after.endswith(alone)
