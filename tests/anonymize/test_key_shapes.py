"""camelCase key spellings and the value shapes judged under a token or API key."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, key_names, key_shapes
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("ObsSk", "secret"),
        ("TencentAk", "api-key"),
        ("MysqlRootPass", "password"),
        ("RedisPwd", "password"),
        ("SecretKeyBase", "api-key"),
        ("authTokenProd", "token"),
        ("GITLAB_PAT", "token"),
        ("AzureDevopsPat", "token"),
        ("renderpass", None),
        ("tokenCount", None),
        ("secretName", None),
        ("passwordHash", None),
        ("bindPw", "password"),
        ("ldap_bindpw", "password"),
        ("rootpw", "password"),
        ("storepass", "password"),
        ("keyStorePass", "password"),
        ("meetingPasscode", "password"),
        ("passcode", "password"),
        ("passcodeLength", None),
        ("hashPw", "password"),
    ],
)
def test_camel_case_keys_read_as_their_snake_case_spellings(key: str, rule: str | None) -> None:
    assert key_names.classify_key(key) == rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 20 hex under an API key word
            "HEAP_API_KEY='aaf39fd9fff30ee4c90e'",
            "HEAP_API_KEY='<redacted:api-key>'",
        ),
        ("TRIGGER_TOKEN: e8dea90effe8dd1ae90e", "TRIGGER_TOKEN: <redacted:token>"),
        (
            "IPDATA_AUTH_TOKEN ::= 7ffd7c5d4d6f1e",
            "IPDATA_AUTH_TOKEN ::= <redacted:token>",
        ),  # 14 hex
        (
            "NEON_TOKEN=napi-4c11e857-4ce0-7432-7e83-408f21a88b50",
            "NEON_TOKEN=<redacted:token>",
        ),
        (  # a qualified key: 32+ hex is its shape (``rails secret``)
            "DEVISE_SECRET_KEY_PROD=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c",
            "DEVISE_SECRET_KEY_PROD=<redacted:api-key>",
        ),
        (
            'AIRTABLE_PAT: "3/1234567890123456/6543210987654321:0a1b2c3d4e5f60718293a4b5c6d7e8f9"',
            'AIRTABLE_PAT: "<redacted:token>"',
        ),
        ("LEDGER_API_KEY = 3b9e31fb", "LEDGER_API_KEY = <redacted:api-key>"),  # 8 hex, two twice
        ('{"smtpToken": "a5c07a4e"}', '{"smtpToken": "<redacted:token>"}'),
        (  # 20 or more decimal digits, varied: a key drawn as a number
            "SMS_API_KEY: '48213907765120984431'",
            "SMS_API_KEY: '<redacted:api-key>'",
        ),
        (  # a guarded camel ending: the value looks generated
            '{"MinioRootPass": "aQ7.pmDFbA0%gN#ljkX"}',
            '{"MinioRootPass": "<redacted:password>"}',
        ),
    ],
)
def test_values_judged_by_their_shape_under_a_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "API_KEY_SHA='b91c0e7d35a2f4e86c13'",
        "COMMIT_TOKEN=aaf39fd9fff30ee4c90e",  # a key that names a commit
        "API_TOKEN=0000000000000000",
        "API_TOKEN=7ffd7c5d4d6",  # 11 hex, ``d`` thrice: too plain for a short draw
        "API_KEY=0a0b0c0d",  # 8 hex, ``0`` four times: a made-up value
        "api_key_id: 9e4d17b2",  # 8 hex under a key that names an id
        "SEARCH_API_KEY=20260512",  # 8 digits: a date, no key
        "INGEST_TOKEN=17649290510000000000",  # 20 digits, but zeros: a timestamp's
        "INGEST_TOKEN=12345678901234567890",  # counted digits: a placeholder
        "build_token_id: 48213907765120984431",  # 20 digits under a key that names an id
        'renderPass = "opaque"',
        "API_KEY_SHA256_PROD=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c",  # a qualified key that names a hash
        "SECRET_KEY_PROD=9c1e9c1e9c1e",  # short hex under a qualified key: an id
        'file_pat = "*.txt"',
        'shadowPass: "depth-only"',
    ],
)
def test_ids_hashes_and_names_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_data_words_are_public_ids() -> None:
    # One notion of a key that names a hash or an id: ``public_ids.DATA_WORDS``.
    assert key_shapes.names_data("API_KEY_SHA384")
    assert key_shapes.names_data("clusterGuid")
    assert key_shapes.names_data("build_commit")
    assert not key_shapes.names_data("API_TOKEN")


def test_camel_tail() -> None:
    assert key_shapes.camel_tail("SecretKeyBase") == ("SecretKey", "Base")
    assert key_shapes.camel_tail("secret_key") == ("", "")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('secrete = "uE+mse5a:crl!oni:H"', False),
        ("my_secrete: P*_F031PMJCRfrF1K0", False),
        ("passwords: Xk9fQ2mLp7Rt", False),
        ("APIKEY2=Zq8vN3rT6wY1pL4s", False),
        ('secretary = "Xk9fQ2mLp7Rt"', True),
        ("passwordless: true", True),
        ("secrets: 4", True),
        ('{"storepass": "rfsH1n731PZJhy"}', False),
        ("bindpw Xk9fQ2mLp7Rt", False),
        ("bindPw: 67f9b04237405f508bc6f087", False),
        ("passcode: POwRy1haDSbGfePD", False),
        ("maxPw: 2500", True),
        ("storepass: ${KEYSTORE_PASSWORD}", True),
    ],
)
def test_a_secret_word_with_a_short_tail_is_read_before_its_separator(
    text: str, kept: bool
) -> None:
    """``secrete``/``passwords`` (detect-secrets' keyword forms) wake the assignment rules on both
    paths: the gates and the reversed key scan take the word with a tail ``affixed`` reads."""
    paths = [
        Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0).anonymize(text)
        for use_re2 in (True, False)
    ]
    assert paths[0] == paths[1]
    assert (paths[0] == text) == kept


@pytest.mark.parametrize(
    ("value", "chosen"),
    [
        ("Pel1can!42", True),
        ("m0nkey#Bus", True),
        ("5un%Flower", True),
        ("v1.2.3-beta", False),
        ("db01.example", False),
        ("ops7@example.org", False),
        ("Hunter!!", False),
        ("12345678!", False),
        ("a!1", False),
    ],
)
def test_is_chosen(value: str, chosen: bool) -> None:
    """Letters, digits and a password symbol make a chosen password; versions, names and e-mail
    addresses are none, nor is anything where a generated value needs more than 10 characters."""
    assert key_shapes.is_chosen(value, 8) == chosen
    assert not key_shapes.is_chosen(value, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("API_TOKEN='B4n4n4!77'", "API_TOKEN='<redacted:token>'"),
        ('"credentials": "M00nl00k#1"', '"credentials": "<redacted:high-entropy>"'),
        ("--api-key Tr0ub4d0r%3 --retries 3", "--api-key <redacted:api-key> --retries 3"),
        ("token: v1.2.3-beta", "token: v1.2.3-beta"),
        ("cache_key: Pel1can!42", "cache_key: Pel1can!42"),
    ],
)
def test_a_chosen_password_under_a_token_or_api_key_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A person's password under a token, API key or credentials key is a secret; under a key
    naming data it stays."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST /login smtp_password=%24%7BSMTP_RELAY_SECRET%7D&user=ops",
            "POST /login smtp_password=%24%7BSMTP_RELAY_SECRET%7D&user=ops",
        ),
        ("GET /hook?token=%24HOOK_TOKEN&x=1", "GET /hook?token=%24HOOK_TOKEN&x=1"),
        (
            "POST /login smtp_password=p%40ssW0rd%21x9Lq&user=ops",
            "POST /login smtp_password=<redacted:password>&user=ops",
        ),
    ],
)
def test_an_encoded_reference_in_a_query_stays(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A reference sent unexpanded in a form body or query is no secret; an encoded one is."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("DISCORD_CLIENT_TOKEN", "731952846031957264"),
        ("api_key", "4820619375528164"),
        ("X-Api-Key", "583920174628"),
    ],
)
def test_drawn_digits_under_a_token_key_are_generated(key: str, value: str) -> None:
    """Twelve or more varied digits under a token or API key are a drawn key (``DIGIT_KEY``)."""
    assert key_shapes.is_generated_under(key, value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("api_key", "58392017462"),  # eleven digits
        ("api_key", "1733420183412"),  # a Unix time in milliseconds
        ("token", "1733420183412931"),  # in microseconds
        ("api_key", "123456789012345"),  # counted
        ("token_id", "583920174628"),  # the key names an id
        ("api_key", "100000000000"),  # not varied
    ],
)
def test_short_counted_timed_or_id_digits_are_not(key: str, value: str) -> None:
    """Short numbers, Unix times, counted placeholders and ids under data keys stay."""
    assert not key_shapes.is_generated_under(key, value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("LOOKER_CLIENT_API_TOKEN", "2kafromhuvel7b5sejyt"),
        ("vendor_api_key", "q8ronewita3z7mesol9k"),
        ("api_token", "0c7mvq2gcbdrwxpnr7f4"),  # no e, o, u, t, but no Nix hash's length
        ("api_key", "k9wq2mzr8nxd4bv7hcpa1sl3"),
    ],
)
def test_drawn_lower_case_under_a_token_key_is_generated(key: str, value: str) -> None:
    """Lower-case letters and digits switching four times or more are drawn, wordy as they read."""
    assert key_shapes.is_generated_under(key, value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("api_token", "ubuntu2204jammyamd"),  # two switches
        ("api_token", "0c7mvq2gcbdrwxpnr7f4i1k8w2jaz5h9"),  # a Nix store hash: 32 in base32
        ("token_id", "2kafromhuvel7b5sejyt"),  # an id
    ],
)
def test_names_nix_hashes_and_ids_under_a_token_key_are_not(key: str, value: str) -> None:
    """Names switch seldom; Nix base32 and ids under data keys stay."""
    assert not key_shapes.is_generated_under(key, value)


def test_a_name_with_versions_switching_seldom_for_its_length_is_not_drawn() -> None:
    """Four switches in 22 characters (``python3ubuntu2204jammy``) are a name's, not a draw's."""
    assert not key_shapes.is_generated_under("api_token", "python3ubuntu2204jammy")


@pytest.mark.parametrize("value", ["f00dcafe:9b1e4d27", "7a3c9e1f:0b5d2e8a6c"])
def test_two_hex_runs_joined_by_a_colon_under_a_key_are_generated(value: str) -> None:
    """A user:password pair of hex (Sidekiq Enterprise's) is judged as the hex it is made of."""
    assert key_shapes.is_generated_under("VENDOR_API_KEY", value)


@pytest.mark.parametrize("value", ["de:ad:be:ef:00:11", "f00dcafe:9b1e", "f00dcafe:9b1e4d27:77aa"])
def test_macs_short_halves_and_triples_are_not_a_hex_pair(value: str) -> None:
    """Two-digit groups (a MAC), a half shorter than 8, three parts: no pair of hex runs."""
    assert not key_shapes.is_generated_under("VENDOR_API_KEY", value)


@pytest.mark.parametrize(
    ("length", "bound"), [(12, 2.085), (13, 2.2), (14, 2.307), (15, 2.407), (16, 2.5), (40, 2.5)]
)
def test_hex_entropy_bound_grows_with_length(length: int, bound: float) -> None:
    """A short hex draw repeats digits: its bound is ``log2(length) - 1.5``, at most 2.5."""
    assert key_shapes.hex_entropy_bound(length) == pytest.approx(bound, abs=0.001)


@pytest.mark.parametrize(
    "text",
    [
        "10:02 < mira> api_token: 792722a99fbf7f\n10:03 < jonas> ty",
        "IPINFO_API_KEY=792722a99fbf7f",
        '{"access_token": "792722a99fbf7f"}',
        "auth_token = '0c4a9911c0f8a3'",
    ],
)
def test_a_short_hex_draw_that_repeats_digits_is_a_token(anonymizer: Anonymizer, text: str) -> None:
    """14 hex digits under a token key repeating a few (entropy 2.45 < 2.5) are still drawn."""
    redacted = anonymizer.anonymize(text)
    assert "792722a99fbf7f" not in redacted and "0c4a9911c0f8a3" not in redacted


@pytest.mark.parametrize(
    "value", ["deadbeefcafe", "ab12ab12ab12ab", "0a0a0a0a0b0b", "aaaa11112222", "cafe00000000"]
)
def test_made_up_hex_under_a_token_key_stays(value: str) -> None:
    """Hex words and repeated groups or digits are made up, not drawn."""
    assert not key_shapes.is_generated_under("api_token", value)


@pytest.mark.parametrize(
    "text",
    [
        ">> Issue: [B105:hardcoded_password_string] Possible hardcoded password: 'token_type'\n"
        "   Severity: Low   Confidence: Medium\n   Location: api/routes/chat.py:296:37",
        "password = 'token_type'",
        'DB_PASSWORD: "password_file"',
        "secret = 'api_key_name'",
    ],
)
def test_a_fields_name_about_a_secret_stays(anonymizer: Anonymizer, text: str) -> None:
    """A value that names a field about a secret (bandit's flagged ``'token_type'``, an OAuth
    response's field) is no secret: lower-case words, a secret's word, a tail saying what."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password = 'hunter_two'", "password = '<redacted:password>'"),
        ('password = "blue_horse_type"', 'password = "<redacted:password>"'),
        ("password = 'token_type9'", "password = '<redacted:password>'"),
        (
            ">> Issue: [B105:hardcoded_password_string] Possible hardcoded password: 'Tr0ub4dor&3'",
            ">> Issue: [B105:hardcoded_password_string] Possible hardcoded password: "
            "'<redacted:password>'",
        ),
    ],
)
def test_a_password_of_words_still_goes(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """Words with no secret's word among them, a digit, or a drawn password: a password."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("key", "value", "generated"),
    [
        ("NUMBAT_API_KEY", "DGQ28MIVAVEROTI879YERVTRQ", True),  # syllables between digit runs
        ("api_token", "KEPOVALUMI47RASODEPI902XQ", True),
        ("NUMBAT_API_KEY", "XXXX1234XXXX5678XX", False),  # a placeholder's repeats: entropy 2.3
        ("api_token_id", "DGQ28MIVAVEROTI879YERVTRQ", False),  # an id under a data word
        ("api_token", "MIVAVEROTIYERVTRQ", False),  # no digit run inside: no capitals draw
    ],
)
def test_capitals_drawn_between_digit_runs_under_a_token_key(
    key: str, value: str, generated: bool
) -> None:
    """Capitals with two digit runs or more inside them are a draw under a token key, however
    wordy their letter runs read; a placeholder's repeats and a data word's id are not."""
    assert key_shapes.is_generated_under(key, value) is generated


def test_a_wordy_capitals_draw_under_an_api_key_goes(anonymizer: Anonymizer) -> None:
    """tests/data ``caps-draw-under-key``: the draw's 10-letter run reads as a word, the key and
    the digit runs inside the letters tell it is drawn; a placeholder stays."""
    text = "export NUMBAT_API_KEY=DGQ28MIVAVEROTI879YERVTRQ"
    assert anonymizer.anonymize(text) == "export NUMBAT_API_KEY=<redacted:api-key>"
    kept = "export NUMBAT_API_KEY=XXXX1234XXXX5678XX"
    assert anonymizer.anonymize(kept) == kept
