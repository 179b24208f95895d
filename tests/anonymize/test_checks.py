"""Value checks: what decides that a shape the patterns found is a secret."""

from __future__ import annotations

import base64
import re

import pytest

from fedlearn.anonymize import Anonymizer, checks, drawn


def test_entropy_is_bits_per_character() -> None:
    """One repeated character has none, two equally used one bit, four two bits; "" none."""
    assert checks.entropy("") == 0
    assert checks.entropy("aaaa") == 0
    assert checks.entropy("abab") == pytest.approx(1.0)
    assert checks.entropy("abcd") == pytest.approx(2.0)


@pytest.mark.parametrize(
    "value",
    [
        "${DB_PASSWORD}",
        "$DB_PASSWORD",
        "{{ vault_password }}",
        "YOUR_KEY",
        "<password>",
        "********",
        "xxxxxxxx",
        "%(pw)s",
        "changeme",
        "pass",  # ``curl -u 'user:pass'``: the key's own word, as ``password`` is
        "PASS",
    ],
)
def test_references_placeholders_and_masks_are_no_secrets(value: str) -> None:
    """A variable, a template, a placeholder, a mask or a stock default refers to a secret."""
    assert checks.is_reference(value)


@pytest.mark.parametrize(
    "value", ["hunter2xyz", "$6$saltsalt$abcdefghijk", "Zx8Qp2Lm9Vb4", "pass123", "passport"]
)
def test_literals_and_crypt_hashes_are_no_references(value: str) -> None:
    """A literal is no reference, and a crypt hash (``$6$…``) is not a ``$VARIABLE``."""
    assert not checks.is_reference(value)


def test_character_classes_counts_lower_upper_digits_and_others() -> None:
    """Each class counts once, however often it occurs."""
    assert [checks.character_classes(v) for v in ("", "abc", "aB", "aB1", "aB1-", "----")] == [
        0,
        1,
        2,
        3,
        4,
        1,
    ]


def test_looks_random_wants_length_and_variety() -> None:
    """Generated: long enough, varied, several classes; short or one repeated character is not."""
    assert checks.looks_random("a8F3kLm29QzX7vB1")
    assert not checks.looks_random("a8F3kLm29Q")
    assert checks.looks_random("a8F3kLm29Q", minimum=8)
    assert not checks.looks_random("a" * 40)


def test_is_hexadecimal_takes_hashes_and_uuids_only() -> None:
    """Hex digits and dashes (a hash, a UUID) and nothing else."""
    assert checks.is_hexadecimal("9f86d081884c7d659a2feaa0c55ad015")
    assert checks.is_hexadecimal("6f1c0a52-3b9e-4d21-a8c4-0f2e7d9b1c35")
    assert not checks.is_hexadecimal("9f86g081")


@pytest.mark.parametrize(
    ("value", "following"),
    [
        ("get_password", "()"),
        ("self.token", ""),
        ("password", ""),
        ("new_password", ""),
        ("str", " = None"),
        ("hunter2xyz", ","),
        ("std::env::var", ""),
    ],
)
def test_code_after_a_secret_key_is_no_secret(value: str, following: str) -> None:
    """Calls, attributes, the key passed on, variables named after it and types are code."""
    assert checks.is_code(value, "password", "password", following)


def test_a_literal_after_a_secret_key_is_no_code() -> None:
    """A literal value ending the line is not code."""
    assert not checks.is_code("hunter2xyz", "password", "password", "")
    assert not checks.is_code("Zx8Qp2Lm9Vb4", "DB_PASSWORD", "password", " # prod")


def test_a_value_that_starts_a_sentence_is_prose() -> None:
    """``password: must be at least…`` is documentation, not a password."""
    assert checks.is_prose("must", " be at least 8 characters")
    assert not checks.is_prose("hunter2", "")


def test_basic_credentials_are_base64_of_user_and_password() -> None:
    """``Basic`` carries base64 of ``user:password``; other base64 or a word does not count."""
    assert checks.is_basic_credentials(base64.b64encode(b"admin:secretpass").decode())
    assert not checks.is_basic_credentials(base64.b64encode(b"adminsecretpass").decode())
    assert not checks.is_basic_credentials("authentication")


def test_a_snowflake_is_base64_of_a_discord_id() -> None:
    """The first part of a Discord bot token decodes to a numeric id."""
    assert checks.is_snowflake(base64.b64encode(b"123456789012345678").decode())
    assert not checks.is_snowflake(base64.b64encode(b"hello there").decode())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("export REDIS_PASS=qTzkHbXwRvcLm.x4", "export REDIS_PASS=<redacted:password>"),
        ("smtp_password: Rk.vKpWjRnZtqXhBd", "smtp_password: <redacted:password>"),
        (
            "Cookie: lang=de; auth_token=xJrWqTnGbYsLp.Qd",
            "Cookie: lang=de; auth_token=<redacted:token>",
        ),
    ],
)
def test_a_dotted_value_with_a_drawn_part_is_a_secret(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A dot in a generated value makes no attribute chain when a part reads as drawn."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DB_PASSWORD=settings.dbPassword",
        "password = document.getElementById",
        "token=window.iOSAppId.accessToken",
        "api_key: self.IsNullOrEmpty",
    ],
)
def test_an_attribute_chain_of_names_stays(anonymizer: Anonymizer, text: str) -> None:
    """Chains of camelCase names are references, not values."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Zx8Qp2Lm9Vb4 is YOUR key", True),  # a placeholder word anywhere in the first line
        ("k7Qe2-paste-HERE", True),
        ("Zx8Qp2Lm9Vb4\nyour key goes above", False),  # ``.`` stops at the line break
        ("insert_\nZx8Qp2Lm9Vb4", True),
        ("Zx8Qp2Lm9Vb4-hereafter", False),  # ``-here`` must end a word
        ("Zx8Qp2Lm9Vb4_here", True),
    ],
)
def test_placeholder_words_count_in_the_first_line_only(value: str, expected: bool) -> None:
    """``is_reference``: a placeholder word counts wherever it is in the value's first line."""
    assert checks.is_reference(value) is expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("glpat-XXXXXXXXXXXX-XXXXXXXX", True),  # one character, either case, fills it
        ("sntryu_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", True),
        ("Q7aaaaaaaaaaaa9Kx2mPz", False),  # 12 of one, but not twice the other 9
        ("Q7aaaaaaaaaaaaaa9Kx2m", True),  # 14 of one against 7
        ("a" * 21 + "bQ7kZx2mPz", True),  # the filler only in the first two thirds
        ("bQ7kZx2mPz" + "a" * 21, True),  # and only in the last two
        ("x9-abcde-fghij-Q2", True),  # the alphabet counted across separators
        ("x9-ABCDEFGHIJ-q2", True),
        ("x9-abcdefghi-q2Zx", False),  # nine letters only
        ("x9-abcdeFGHIJ-q2", False),  # the case changes
        ("xoxb-1234567890-7Qx2mPz9Kf", False),  # digits that count stay drawn
        ("k3-ü-abcdefghij", True),  # non-ASCII is left out
    ],
)
def test_is_fill_finds_fills_and_counted_alphabets(token: str, expected: bool) -> None:
    """``is_fill``: one character twice all the others (12 or more), or 10 letters counted."""
    assert checks.is_fill(token) is expected


@pytest.mark.parametrize("lazy", [checks.REFERENCE, checks.PLACEHOLDER_WORDS])
def test_reference_words_are_lower_case(lazy: object) -> None:
    """``is_reference`` reads an ASCII value lowered, case-sensitively: that agrees with
    ``re.IGNORECASE`` only while every letter outside a class and an escape is lower case."""
    source = re.sub(r"#[^\n]*", "", lazy.pattern)  # type: ignore[attr-defined]
    assert not re.search(r"[A-Z]", re.sub(r"\[(?:\\.|[^\]])*\]|\\.", "", source))


@pytest.mark.parametrize(
    "value", ["YOUR_KEY", "ChangeMe", "NONE", "Paste-Here", "hMaC-ShA256:" + "AB" * 16]
)
def test_references_are_found_in_any_case(value: str) -> None:
    """An ASCII value is read lowered: its words count in any case (``re.IGNORECASE``)."""
    assert checks.is_reference(value)
    assert not checks.is_reference("Zx8Qp2Lm9Vb4")


@pytest.mark.parametrize(
    "value",
    [
        "9cE2bA07fD1e4B8a6C3d5F0b2A7e9D1c",
        "a4D9e2F7b1C8d3E6f0A5b9C2e7D4f1B8a3E6c9D0",
        "0fA3b8E1c6D9e2B7f4A1d8C5b0E3a6F9c2D7e4B1a8F5c0D3b6E9a2F7d4C1e8",
    ],
)
def test_hex_drawn_with_both_cases_mixed_is_a_drawn_key(value: str) -> None:
    """Scanners' ``[a-fA-F0-9]{32,}`` samples switch case many times (``is_drawn_hex``)."""
    assert drawn.is_drawn_hex(value)


@pytest.mark.parametrize(
    "value",
    [
        "c4f0a9c2e7b3d18aa65c1e0f2d9b47a3",  # a printed hash: one case
        "C4F0A9C2E7B3D18AA65C1E0F2D9B47A3",
        "AC1910776090a1db64110c0ac3be666644",  # a Twilio SID: an upper-case prefix
        "3De399b5e6a489735077986f80e84027743bda8ff21b3cf18224ea2b8c9cd34c1a",  # %3D then a hash
        "eaaaC0b75a9329fded2ffa9a02b47e0117831b82",  # one upper-case letter
        "9cE2bA07fD1e4B8a6C3d5F0b2A7e",  # too short
        "9cE2bA07-fD1e-4B8a-6C3d-5F0b2A7e9D1c",  # dashed: a UUID's shape
    ],
)
def test_hex_of_one_case_or_a_cased_prefix_is_no_drawn_key(value: str) -> None:
    """Hashes, ids and UUIDs are printed in one case; a prefix or one capital switches little."""
    assert not drawn.is_drawn_hex(value)


def test_a_drawn_mixed_case_hex_key_goes_where_a_hash_stays(anonymizer: Anonymizer) -> None:
    """``high-entropy`` takes mixed-case hex; a lower-case hash beside it stays."""
    text = (
        "vendor: 6a1D4f9E2c7B0d5A8e3F6b1C4d7E0a9B2f5c8D1e digest c4f0a9c2e7b3d18aa65c1e0f2d9b47a3"
    )
    assert anonymizer.anonymize(text) == (
        "vendor: <redacted:high-entropy> digest c4f0a9c2e7b3d18aa65c1e0f2d9b47a3"
    )


@pytest.mark.parametrize(
    "text",
    [
        'mirror: "registry", "k3vq8zw2m5ht9ra1ne7yo4ub6xc0pl2sf8gj5di3wk9mu1et7qo4vz6bh0ra8nc2"',
        "run 7yh2kw9ep4ta6mr1xz8uq3nv5bc0lj7os2gi9fd4we6tk1pa8hr3zy5mu0qx",
    ],
)
def test_a_long_drawn_lower_case_run_goes(anonymizer: Anonymizer, text: str) -> None:
    """40 or more lower-case letters and digits switching often are drawn (``is_drawn_lower``)."""
    assert "high-entropy" in [f.rule for f in anonymizer.scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "/nix/store/0c7mvq2gcbdrwxpnr7f4i1k8w2jaz5h9x0c7mvq2gcbdrwxpnr7f4i1k8w-hello-2.12",
        "sha 3f9a1c7e5b2d4f6e8a0c3f9a1c7e5b2d4f6e8a0c3f9a1c7e",
        "run abcdefghijklmnopqrstuvwxyzabcdefghijklmnop1",
        "x python3ubuntu2204jammyamd64imagebuildercachelayer ok",
    ],
)
def test_nix_hashes_hex_and_names_of_one_case_stay(anonymizer: Anonymizer, text: str) -> None:
    """Nix base32 (no ``e o u t``), hex, and names with a digit or two are data."""
    assert "high-entropy" not in [f.rule for f in anonymizer.scan(text)]


def test_a_prefixed_hash_is_no_drawn_lower_case_run() -> None:
    """``0x`` and 64 hex digits (a transaction's hash) have one letter past ``f``."""
    assert not drawn.is_drawn_lower("0x" + "077f13160f60eef98895a682bcfc6b42" * 2, 16, 4)


@pytest.mark.parametrize(
    "value",
    [
        "bc1q" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l"[::-1] + "x8gf2t",  # bech32 after its 1
        "npub1" + "7l6mua" * 9,
    ],
)
def test_bech32_runs_are_no_drawn_lower_case_run(value: str) -> None:
    """Addresses, public keys and invoices are public encodings, not draws."""
    assert not drawn.is_drawn_lower(value, 16, 4)


def test_an_onion_name_standing_alone_is_no_drawn_run(anonymizer: Anonymizer) -> None:
    """Base32 alone (a Tor onion name) stays; under a token key it may be a TOTP seed."""
    text = "# hostname: ze7u2ztp6xvsno4hmfnhk6aov6ui4axazm2sxpgnsdiqopsahglsoqxd.onion"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("value", "code"),
    [
        # drawn with ``.`` and ``_``: no name in it a word, capitals and small letters alike
        ("ePwP86.MObRdadyHkvHU", False),
        ("KHl_EqErz1UafDaZ.XvO", False),
        # names: words, camel humps, short abbreviations
        ("settings.SMTP_PASSWORD", True),
        ("cfg.db.mysqlRootPwd", True),
        ("ctx.Cfg.PwdVal.x", True),
        ("R.string.googleClientSecret", True),
    ],
)
def test_a_dotted_chain_drawn_at_random_is_no_code(value: str, code: bool) -> None:
    """A chain of names is code, unless it reads as one value drawn with ``.`` in its alphabet."""
    assert checks.is_code(value, "SMTP_PASS", "pass", "") is code


@pytest.mark.parametrize(
    "value",
    [
        "",
        "0123456789abcdef",
        "deadbeef" * 5,
        "4rupe4t7lng8lar2vo1cqx9z3m5k7w2y6h8j4n0p",
        "ABCDEF0123",  # upper case: no lower-case hex digit
        "g" * 41,
        "caf\u00e9babe" * 5,  # non-ASCII: read as a string
        "\u0660\u0661abc",  # Arabic-Indic digits are no hex digits
        "abc\udcff123",  # a lone surrogate
    ],
)
def test_past_hex_counts_what_the_string_translate_keeps(value: str) -> None:
    assert drawn.past_hex(value) == len(value.translate(drawn.HEX_DIGITS_DROPPED))


@pytest.mark.parametrize(
    "value",
    [
        "[yKX%w;MPefVK6HLw5'idLA|z.S!D7WkJ2[>iG4",
        "<,(Jqhz2jy}[n*t{*c;2VA+=",
        "{03'QpD0P&~*MEZZ[&/TJZ;e/|NGB3s?q1T{[",
        "{3JgJm@(,:ZmV;eQx7)c0*|O0b?Fb-85Kz:#EuN6*F5v}",
        "$,qv@8^c9mjB^_EE}1}_pcc=",
    ],
)
def test_a_draw_that_opens_like_a_template_is_no_reference(value: str) -> None:
    """A printable draw may start with ``[``, ``{``, ``<`` or ``$``: it is one when its bracket
    never closes, or it holds three symbols no template does, or ``$`` opens no expansion."""
    assert checks.is_drawn_opened(value)
    assert not checks.is_reference(value)


@pytest.mark.parametrize(
    "value",
    [
        "[REDACTED]",
        "<your-api-key>",
        "{{ secrets.API_TOKEN }}",
        "{base64(email:password[\\n])}",
        "{api_token}",
        "<redacted:password>",
        "${API_TOKEN:-Xk2Lm9Qp4Vb7}",
        "$API_TOKEN_2024",
        "$(cat /run/secrets/token)",
        '{"auths":{"z":{"auth":""}}}',
        "[0-9a-zA-Z]{32}",
        "<object",
    ],
)
def test_templates_lists_and_placeholders_stay_references(value: str) -> None:
    """What closes its bracket with no draw's symbols, and ``$`` before a name, stays a reference."""
    assert not checks.is_drawn_opened(value)
    assert checks.is_reference(value) or value.startswith(("{", "["))


@pytest.mark.parametrize(
    "text",
    [
        '    authorization:\n      type: Bearer\n      credentials: "[yKX%w;MPefVK6HLw5\'idLA|z.S!D7WkJ2[>iG4"',
        '{"name": "D7NETWORK_CLIENT_SECRET", "value": "<,(Jqhz2jy}[n*t{*c;2VA+="}',
        "export FTP_PASSWORD='{03QpD0P&~*MEZZ[&/TJZ;e/|NGB3s?q1T{['",
        'headers = {"X-SecretKey": "{3JgJm@(,:ZmV;eQx7)c0*|O0b?Fb-85Kz:#EuN6*F5v}"}',
        'd7network:\n  api_token: "$,qv@8^c9mjB^_EE}1}_pcc="',
    ],
)
def test_a_drawn_value_opened_by_a_bracket_is_redacted(anonymizer: Anonymizer, text: str) -> None:
    """YAML, JSON, shell, code and env: the draw goes whole, its bracket too."""
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out
    assert "Jqhz2jy" not in out and "yKX%w" not in out and "QpD0P" not in out
    assert "ZmV;eQx7" not in out and "qv@8^c9" not in out


@pytest.mark.parametrize(
    "text",
    [
        "password: [REDACTED]",
        'api_token: "<your-api-key>"',
        "token: \"{{ lookup('env', 'API_TOKEN') }}\"",
        'curl -H "Authorization: basic {base64(email:password[\\\\n])}" => token',
        'password: "{password}"',
        "API_TOKEN=$API_TOKEN_2024",
    ],
)
def test_templates_under_a_secret_key_stay(anonymizer: Anonymizer, text: str) -> None:
    """A template, a placeholder, a format field or a variable under a secret's key stays."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ("apMNw.NT8P1ACL01", True),
        ("hYIcy.iEZGKqW", True),
        ("c7.E4nSmwfIp", True),
        ("wUkNm.zmStjcq8", True),
        ("Zn_.StoDro5HeiryTNyz", True),
        ("obj.attr", False),
        ("self.password", False),
        ("user.getPassword", False),
        ("settings.DB_PASSWORD", False),
        ("UserService.getPwd", False),
        ("config.OpenAI", False),
        ("Conv2D.weights", False),
        ("Gtk.main", False),
        ("WordtoXML.pdf", False),
        ("cfg.db.mysqlRootPwd", False),
    ],
)
def test_a_dotted_draw_is_told_from_a_member_access(value: str, drawn: bool) -> None:
    """Two names that joined read as random case are one drawn value (forms41); camel humps,
    attributes and a file's short lower-case extension are names."""
    assert checks.is_drawn_chain(value) is drawn


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("hunter22", True),
        ("Xq8#mW2p", True),
        ("abc", False),  # too short to be a password
        ("$DB_PASSWORD", False),
        ("${SMTP_PASS}", False),
        ("<password>", False),
        ("********", False),
    ],
)
def test_a_literal_is_written_out(value: str, literal: bool) -> None:
    """``checks.is_literal``: 4 or more characters that refer to no variable or placeholder, the
    test of every judge that takes a password a tool prints (``tables.literal_password``)."""
    assert checks.is_literal(value) is literal
