"""Secrets an exception quotes, named by the traceback's source line."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "9c2e41d07b5a3f86e1d4c7b20a9f5e38"
B64 = "Yk3+Pq8/vLw2ZrT0uNs5Xe1GdHa7MfJc4Ri9Ko6Bt2E="
FRAME = '  File "/opt/svc/boot.py", line 41, in load\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            FRAME + '    retries = int(cfg.get("webhook_secret"))\n'
            f"ValueError: invalid literal for int() with base 10: '{B64}'",
            FRAME + '    retries = int(cfg.get("webhook_secret"))\n'
            "ValueError: invalid literal for int() with base 10: '<redacted:secret>'",
        ),
        (  # at column 0 (a stripped message), an exception of a dotted class, double quotes
            FRAME.lstrip() + '    client = Client(os.getenv("VENDOR_API_TOKEN"))\n'
            f'vendor.errors.AuthException: rejected "{HEX}" (expired)',
            FRAME.lstrip() + '    client = Client(os.getenv("VENDOR_API_TOKEN"))\n'
            'vendor.errors.AuthException: rejected "<redacted:token>" (expired)',
        ),
    ],
)
def test_an_exceptions_value_is_judged_under_its_source_line(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The quoted value is judged under the secret name the source line reads."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the key name itself, quoted by a KeyError
        FRAME + "    key = cfg[\"api_key\"]\nKeyError: 'api_key'",
        # a source line that names no secret
        FRAME + f"    n = int(cfg.get('build_id'))\nValueError: invalid literal: '{HEX}'",
        # no traceback frame above the source line
        f"    n = int(cfg[\"db_password\"])\nValueError: invalid literal: '{HEX}'",
    ],
)
def test_other_exception_values_stay(anonymizer: Anonymizer, text: str) -> None:
    """Without a frame, or a secret name on its source line, the quoted value stays."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Bob: I regenerated the deploy one: {B64}. Update the vault please",
            "Bob: I regenerated the deploy one: <redacted:secret-value>. Update the vault please",
        ),
        (  # hex after the last colon (Asana's ``2/<id>/<id>:<hex>``)
            f"rotated the tracker one, new value is 2/120055/99817:{HEX}",
            "rotated the tracker one, new value is <redacted:secret-value>",
        ),
        (  # base64 that starts with ``/`` is no path
            "reissued the relay key, new value is /Pq8vLw2ZrT0uNs5Xe1GdHa7MfJc4Ri9+Ko6Bt2E=",
            "reissued the relay key, new value is <redacted:secret-value>",
        ),
        (  # a pair of hex (Sidekiq's ``user:password``) or hex of 12+, where the note names it
            "rotated the kiwi token at noon, new one is 7d3e91ab:c40f5e28",
            "rotated the kiwi token at noon, new one is <redacted:secret-value>",
        ),
        (
            "reissued the relay key, new value is 0e7c4b19a2f6d3",
            "reissued the relay key, new value is <redacted:secret-value>",
        ),
        (
            f"rotated it last night, new value = 0x{HEX}{HEX}\nthanks",
            "rotated it last night, new value = <redacted:secret-value>\nthanks",
        ),
    ],
)
def test_a_rotation_notes_new_value_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The generated-looking value a rotation note gives is a secret."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"rotated to commit {HEX}12345678, new value is {HEX}",
        "log rotation: new value is /var/log/app/server.log.1",
        f"keys rotated, new value is sha256:{HEX}{HEX}",
        "logs rotated, new value is 2026-12-05T09:14:03.512000Z",
        "cert rotated; new value: https://vault.example.com/v1/pki/issue/web",
        "rotation policy: new values are applied to all replicas every 30 days",
        "rotated the logs at noon, new one is 7d3e91ab:c40f5e28",
        "rotated the kiwi token, new one is aaaaaaaa:bbbbbbbb",
        "rotated the build key, new value is at commit 0e7c4b19a2f6d3",
        # a snake_case name's hash word, ``sha`` with its size and ``sum`` (review29)
        f"rotated the deploy key; new_sha: {HEX}",
        f"token rotated, image_digest: {HEX}",
        f"api key rotated; sha512sum: {HEX}{HEX}",
        f"rotated the token; content_hash: {HEX}",
        f"rotated key, new file_checksum: {HEX}",
    ],
)
def test_other_rotation_notes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Hashes, files, times, URLs and prose after a rotation word stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we rotated the relay key, the new one is q8v2k5x1m9z7w3r6t0y4, ping me if it breaks",
            "we rotated the relay key, the new one is <redacted:secret-value>, ping me if it breaks",
        ),
        (
            "reissued the relay creds this morning, now: Xk4TmZ2pQ9rLw7Nv3B (old one revoked)",
            "reissued the relay creds this morning, now: <redacted:secret-value> (old one revoked)",
        ),
    ],
)
def test_a_shorter_or_one_case_rotated_value_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """16 or more drawn letters and digits of one case, or fewer than 24 mixed, count too."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "rotated the logs, new file is access-2026-12-05.log.gz",
        "rotated to the release-candidate-two branch",
        "certificate rotated, new serial is 4f2a9c0e1b7d3f55",
        "rotation done; the new one is kubernetes-prod-signing",
    ],
)
def test_shorter_rotated_files_names_and_hex_stay(anonymizer: Anonymizer, text: str) -> None:
    """Files, versions, names and short hex after a rotation word stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "rotated the outbox token this morning, new one is 7e1d5c3a-2b9f-4a6e-8d0c-3f5b7a9e1c2d",
            "7e1d",
        ),
        ("rotated the debounce token this morning, new one is OTM0Bp42sFTRB", "OTM0Bp"),
        ("rotated the webhook secret, new value: Zt5Kq8Rw2Lm9Vx", "Zt5Kq8"),
        # hex groups joined by dashes other than a UUID's (bench/draws29)
        ("rotated the quokka token this morning, new one is 4b18-c93e-07af52-e6d1", "4b18"),
        ("we rotated the Wombat key, new one is 91d0c2-7fa4-e53b-08c6b2d4.", "91d0c2"),
        (
            "rotated the quokka token this morning, new one is "
            "60343888-5d9a8f780702431e13cf2338c9d2069ed5c5f8a5",
            "5d9a8f78",
        ),
        # a hash word inside another word names no hash (``ayrshare``, ``marshal``: draws29)
        (
            "rotated the ayrshare token this morning, new one is BPBXCASO-P8M1B6OR-ZYWNL0H2-AWAJYUYK",
            "BPBXCASO",
        ),
        ("rotated the marshal token, new one is q8v2k5x1m9z7", "q8v2k5x1m9z7"),
    ],
)
def test_a_note_naming_the_credential_gives_a_uuid_or_twelve_drawn(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "log rotated, new segment is 0f3c9a2e-7b1d-4e8a-9c5f-2d6b8e1a4c7f",
        "logs rotated, new file is Zt5Kq8Rw2Lm9Vx",
        "rotated the signing key, new key id is kid-2026-12",
        "rotated the api key, new one is deployment-2024",
        "log rotated, new segment is 4b18-c93e-07af52-e6d1",
        "rotated the quokka token, new one is 1234-5678-9abc-def0-1234",
        "rotated the quokka token, new one is 2026-12-05-1130",
        "rotated the quokka token, new one is 20261205-9f86d081",
        "rotated the quokka token, new one is aaaa-bbbb-cccc-dddd",
        "rotated the signing key, new sha is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "keys rotated, new shasum: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "rotated the api key, new sha1 is 3f2c9a1b7d4e",
    ],
)
def test_a_short_value_or_uuid_stays_where_the_note_names_no_credential(
    anonymizer: Anonymizer, text: str
) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we rotated the Nexus API key, the new one is Qm*7fz.Lw2Tk9p~R",
            "we rotated the Nexus API key, the new one is <redacted:secret-value>",
        ),
        (
            "regenerated the Jenkins token, the new one is xV4.hq#Nc8sLb2Zr thanks",
            "regenerated the Jenkins token, the new one is <redacted:secret-value> thanks",
        ),
    ],
)
def test_a_drawn_value_with_a_dot_and_a_password_symbol_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A ``.`` beside ``*~#%!`` is no file's or version's: the drawn value is redacted."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "we rotated the api key, new value is settings.local.json",
        "rotated the signing key to v2.7.1-rc.3 today",
        "rotated the api token, the new one is build.2026.11.04+meta",
    ],
)
def test_dotted_files_and_versions_stay_in_rotation_notes(
    anonymizer: Anonymizer, text: str
) -> None:
    """Dotted values without a password symbol (files, versions) stay."""
    assert anonymizer.anonymize(text) == text
