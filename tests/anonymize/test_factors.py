"""OTP seeds, recovery codes and NTLM hashes under their keys in any syntax; hashes by shape."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

from .conftest import found

SEED = "JBSWY3DPEHPK3PXPQ4ZRMV6WGI2TAOLB"  # 32 Base32 characters


@pytest.mark.parametrize(
    "text",
    [
        f"$TOTP_SEED[1]: |{SEED}|",
        f"otp.seed: '{SEED[:16]}'",
        f"{{'two_factor_key', <<\"{SEED.lower()}\">>}}",
        f'<entry key="mfaSeed">{SEED}</entry>',
        f'"AuthenticatorSeed" => "{SEED}"',
        f"2FA_SEED:\n  {SEED}",
        "user.mfa_seed = 'jbsw y3dp ehpk 3pxp q4zr mv6w gi2t aolb'",
        "<key>MfaSecret</key>\n<string>jbsw y3dp ehpk 3pxp q4zr mv6w gi2t aolb</string>",
        f"set -x HOTP_KEY {SEED}",
    ],
)
def test_otp_seeds_under_their_keys(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert SEED[:16] not in out.upper().replace(" ", "") and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "mfa_secret_id: JBSWY3DPEHPK3PXPQ4ZRMV6WGI2TAOLB",  # the key goes on past its word
        "otp_key=PASSWORDPASSWORDPASSWORD",  # words, no digit
        "mfa_secret: JbSwY3DpEhPk3PxPq4ZrMv6W",  # mixed case: no Base32 seed
        "otp_secret: DISABLED",
        "the authenticator key is rotated every 30 days",
    ],
)
def test_otp_keys_without_seeds_stay(anonymizer: Anonymizer, text: str) -> None:
    assert "otp-seed" not in found(anonymizer, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RESCUE recovery-code: 7f3a9c21e04b", "7f3a9c21e04b"),
        ('{:scratch_code "48213377"}', "48213377"),
        ('"emergencyCode": "k2v9-x7mq-p4tz-83wd"', "k2v9-x7mq-p4tz-83wd"),
        ("okta.bypass_code=552093817 retries=3", "552093817"),
        ("backup_key |1234 5678 9012|", "1234 5678 9012"),
        (
            "<RecoveryKey>104533-227018-330291-448812-556710-668514-778899-880011</RecoveryKey>",
            "104533-227018-330291-448812-556710-668514-778899-880011",
        ),
        ("recovery_code\t qzvm-hwrt-lkpc-ysdn-bfxg", "qzvm-hwrt-lkpc-ysdn-bfxg"),
        ('[{"Name":"recovery_code","Value":"3c1e5-b87a2"}]', "3c1e5-b87a2"),
    ],
)
def test_recovery_codes_under_their_keys(anonymizer: Anonymizer, text: str, code: str) -> None:
    out = anonymizer.anonymize(text)
    assert code not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "recovery_code_ttl=86400",
        "backup_key: 2026-12-05",  # a date: groups of different lengths
        "recovery_code: 12345",  # too short
        "backup_code.enabled: yes",
        "recovery_codes_remaining: 8",
        "backup_key=nightly-snapshot-rotation-policy",  # words
    ],
)
def test_recovery_keys_without_codes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "NT_HASH=8846f7eaee8fb117ad06bdd830b7586c",
        'userNtlmHash: "8846f7eaee8fb117ad06bdd830b7586c"',
        "lm-hash e52cac67419a9a224a3b108f3fa6cb6d:8846f7eaee8fb117ad06bdd830b7586c",
        "svc-backup:1104:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::",
        "django: pbkdf2_sha1$260000$Xy7qPz$Kq2wY9eR4tLb8NcYd1Hs6Ju3Fe5Ga7Mi",
        "werkzeug pbkdf2:sha256:600000$Qm2xZ9$" + "3f" * 32,
        "scrypt:32768:8:1$Zq8RvW$" + "a1b2" * 16,
        "userPassword: {SSHA512}Kq2wY9eR4tLb8NcYd1Hs6Ju3Fe5Ga7MiXy7qPzVb",
        "rolpassword | md5" + "0c9f2b7e41d63a85" * 2,
        "SCRAM-SHA-256$4096:Zq8RvWxY2kLm4nPq$Kq2wY9eR4tLb8NcYd1Hs6Ju3Fe5Ga7MiXy7qPzVbAb=:"
        "Lm4nPqZq8RvWxY2kKq2wY9eR4tLb8NcYd1Hs6Ju3Fe=",
        "{PBKDF2-SHA256}10000$Zq8RvWxY$Kq2wY9eR4tLb8NcYd1Hs6Ju3Fe5Ga7Mi",
    ],
)
def test_password_hashes(anonymizer: Anonymizer, text: str) -> None:
    assert set(found(anonymizer, text)) & {"password-hash", "password"}, anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "content_hash: 8846f7eaee8fb117ad06bdd830b7586c",  # ``nt`` inside a word
        "helm_hash=8846f7eaee8fb117ad06bdd830b7586c",
        "checksum md5 0c9f2b7e41d63a850c9f2b7e41d63a85",  # a digest named md5, apart
        "cmd5" + "0c9f2b7e41d63a85" * 2,
        "hash algorithm {SHA} is deprecated",
        "see the SCRAM-SHA-256 mechanism and pbkdf2_sha256 hasher",
    ],
)
def test_lookalikes_of_hashes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        '<Data Name="StripeApiKey">k8Fq2LmZ9xR4tY7wB3nC6vD1</Data>',
        '<property name="clientSecret">k8Fq2LmZ9xR4tY7wB3nC6vD1</property>',
        '<Attribute Name="bot_token" Format="basic"><Value type="string">k8Fq2LmZ9xR4tY7wB3nC6vD1'
        "</Value></Attribute>",
        '<entry key="db.password">Winter#2026!</entry>',
    ],
)
def test_named_xml_elements(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert "k8Fq2LmZ9xR4tY7wB3nC6vD1" not in out and "Winter#2026!" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        '<Data Name="TokenType">Bearer</Data>',
        '<property name="db.password">${db.password}</property>',
        '<Data Name="SubjectUserName">svc-sync</Data><Data Name="Status">0xc000006d</Data>',
        '<Cert FriendlyName="signing key">Acme Root CA 2026</Cert>',
    ],
)
def test_named_xml_elements_that_hold_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            '{"level":"error","stripe_secret":"Kq2wY9eR4tLb\n8NcYd1Hs6Ju3Fe5Ga7Mi","code":401}',
            "Kq2wY9eR4tLb8NcYd1Hs6Ju3Fe5Ga7Mi",
        ),
        (
            '{"user": "ann", "shadow_hash": "$6$rounds=5000$Zq8RvW\nxY2kLm4nPqKq2wY9eR4tLb8NcYd1Hs6Ju3Fe"}',
            "$6$rounds=5000$Zq8RvWxY2kLm4nPqKq2wY9eR4tLb8NcYd1Hs6Ju3Fe",
        ),
        (  # wrapped at a CRLF: the first part ends before its ``\r``
            '{"refresh_token":"Zr8Qw3Ty6Ui9\r\nOp2As5Df8Gh1Jk4Lm"}',
            "Zr8Qw3Ty6Ui9Op2As5Df8Gh1Jk4Lm",
        ),
    ],
)
def test_a_wrapped_json_value_is_judged_whole(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    out = anonymizer.anonymize(text)
    first, second = text.split("\n")
    halves = (first.rsplit('"', 1)[1].rstrip("\r"), second.split('"', 1)[0])
    assert "".join(halves) == secret
    assert not any(half in out for half in halves), out


@pytest.mark.parametrize(
    "text",
    [
        '{"message":"a long line the terminal\nwrapped here","status":200}',
        '{"cache_key":"9f86d081884c7d65\n9a2feaa0c55ad015","hit":true}',
    ],
)
def test_wrapped_json_values_that_are_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
