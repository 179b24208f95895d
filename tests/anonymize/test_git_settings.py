"""git's settings whose value is public though their name ends in a secret word."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, git_settings


@pytest.mark.parametrize(
    "text",
    [
        "[user]\n\tname = Anna\n\tsigningkey = 3AA5C34371567BD2",
        "[user]\n  email = anna@example.org\n  signingKey = 3AA5C34371567BD2\n[gpg]\n  program = gpg",
        "user.signingkey=3AA5C34371567BD2",
    ],
)
def test_a_signing_key_under_its_section_stays(anonymizer: Anonymizer, text: str) -> None:
    """``[user]`` then ``signingkey = V`` in a ``.gitconfig`` is ``user.signingkey``: a public
    key's id; so is ``git config -l``'s ``user.signingkey=V``."""
    assert anonymizer.anonymize(text) == text.replace("anna@example.org", "<email>")


@pytest.mark.parametrize(
    "text",
    [
        "[security]\nsigningKey = 8y9RFL9XZgI8applRvlSVphGQorwwiUAVtAbUMQSmFIwVsAl043z7zk",
        "[user]\n\tname = Anna\n[cachix]\n\tsigningKey = 8y9RFL9XZgI8applRvlSVphGQorwwiUAVtAbU",
    ],
)
def test_a_signing_key_under_another_section_goes(anonymizer: Anonymizer, text: str) -> None:
    """Another section's ``signingKey`` (Gitea's, cachix's) is a private key: the last header
    before the key decides, not any ``[user]`` above it."""
    assert "8y9RFL9XZgI8" not in anonymizer.anonymize(text)


def test_is_public_in_section_reads_the_last_header() -> None:
    text = "[user]\n\tsigningkey = X\n[core]\n\tsigningkey = Y"
    assert git_settings.is_public_in_section(text, text.index("signingkey"), "signingkey")
    assert not git_settings.is_public_in_section(text, text.rindex("signingkey"), "signingkey")
    assert not git_settings.is_public_in_section(text, text.index("signingkey"), "token")
