"""A password's salt or pepper names a secret (``key_names.KEPT_ENDINGS``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, key_names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # env, ini, JSON, a Nix derivation's env, a docker env list, YAML
        ("NEXTCLOUD_PASSWORDSALT=6o*uXeI1Z_PxRHyl1nYK4P9c^eBxiA", "6o*uXeI1Z_PxRHyl1nYK4P9c^eBxiA"),
        (
            "[security]\npasswordsalt = mI#xMTD8ikZq_vXfpTKcu2jn!ILsO_\n",
            "mI#xMTD8ikZq_vXfpTKcu2jn!ILsO_",
        ),
        (
            '{"enable": true, "passwordsalt": ".#YKya+g.53zUpML5hl", "port": 3035}',
            ".#YKya+g.53zUpML5hl",
        ),
        (
            '    "APP_PASSWORD_SALT": "!7fuYvlgk7!,6I3*m%!mmpd8Fu^JPx",',
            "!7fuYvlgk7!,6I3*m%!mmpd8Fu^JPx",
        ),
        ('["PATH=/usr/bin", "PASSWORD_PEPPER=Zq8vT1mN4pXwLk2R", "TZ=UTC"]', "Zq8vT1mN4pXwLk2R"),
        ("auth:\n  pepper: Wm4Rk9xPq2TzLp7Q\n", "Wm4Rk9xPq2TzLp7Q"),
        ("2026-12-07 WARN reload pwd-salt=Hv3kT8wq2ZpLx9 failed", "Hv3kT8wq2ZpLx9"),
    ],
)
def test_a_generated_salt_or_pepper_is_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """What a password is hashed with is secret: a salt, a pepper."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:high-entropy>" in out


@pytest.mark.parametrize(
    "text",
    [
        "password_salt_length = 16",
        "password_salt = os.urandom(16)",
        "password_salt: ${PASSWORD_SALT}",
        "PASSWORD_SALT=changeme",
        "pwhash = sha256",
        "PIHOLE_PWHASH=6dec3a547fb2ff757f4ed49f38224061e0b6295790c7196d367879b377f977dc",
        "password_hash = argon2id",
        "password_hash: bcrypt",
        "password_hash_algorithm = sha256",
        "pw_hash = hashlib.sha256(pw).hexdigest()",
        'password_hash: "{{ vault_password_hash }}"',
        "user.password_hash = generate_password_hash(password)",
        "pepper = get_pepper()",
        "dr_pepper = 12",
        "salt = 4f3a9c",  # a salt of no password: ``salt`` alone names none
        "ALTER TABLE users ADD COLUMN password_salt TEXT",
    ],
)
def test_names_lengths_and_algorithms_under_a_salt_stay(anonymizer: Anonymizer, text: str) -> None:
    """Code, a reference, a length, an algorithm's name and a placeholder are no salt."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("passwordsalt", "high-entropy"),
        ("NEXTCLOUD_PASSWORDSALT", "high-entropy"),
        ("pwd.salt", "high-entropy"),
        ("PASSWORD_PEPPER", "high-entropy"),
        ("pepper", "high-entropy"),
        ("PIHOLE_PWHASH", None),  # a digest's key, as ``passwordHash``
        ("salt", None),
        ("file_hash", None),
    ],
)
def test_salt_pepper_and_glued_hash_keys_are_classified(key: str, rule: str | None) -> None:
    """The keys' endings name a generated secret's rule; ``salt`` alone and a hash name none."""
    assert key_names.classify_key(key) == rule
