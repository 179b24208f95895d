"""Whether a value reads as words or as generated text (``anonymize.words``)."""

from __future__ import annotations

import random
import string

import pytest

from fedlearn.anonymize import words

NAMES = [
    "jetbrains.mps.lang.core",
    "jackson-databind",
    "nix-store-x86_64-linux-5f2c1d",
    "organizationMembershipId",
    "AutoModelForCausalLMWrapper",
    "HTTP2ServerConfiguration",
    "kubernetes-dashboard-metrics-scraper",
    "postgresql_replication_slot",
]


@pytest.mark.parametrize("name", NAMES)
def test_is_wordy_reads_names_as_words(name: str) -> None:
    """Identifiers, package names and cache keys are words."""
    assert words.is_wordy(name)


@pytest.mark.parametrize(
    "alphabet", [string.ascii_letters + string.digits, string.ascii_lowercase + string.digits]
)
def test_is_wordy_rarely_reads_random_text_as_words(alphabet: str) -> None:
    """Fewer than 2% of random 20-character strings read as words."""
    rng = random.Random(7)
    samples = ["".join(rng.choice(alphabet) for _ in range(20)) for _ in range(1000)]
    assert sum(words.is_wordy(sample) for sample in samples) < 20


@pytest.mark.parametrize("value", ["7bcmuehick4udrrmmmh8", "qwxrtzkpbnmv1key", "aaab3xyzlong"])
def test_a_letter_three_times_or_six_consonants_is_no_word(value: str) -> None:
    """Random lower-case letters with ``mmm`` or ``rrmmmh`` in a long part read as generated."""
    assert not words.is_wordy(value)


def test_is_named_sees_versions_and_hex_is_a_token_body() -> None:
    """A coordinate with a version is a name; a hex body with a digit is a token's."""
    assert words.is_named("jjwt-jackson-0.11.2") and not words.is_named("aB3xK9qLmP0zR7tY2wE5")
    assert words.is_token_body("5f0c9e2a7b4d1c8e3f6a9b2c") and not words.is_token_body(
        "Transformers"
    )


@pytest.mark.parametrize(
    "name",
    [
        "getElementById",
        "IsNullOrEmpty",
        "iOSAppId",
        "useGetApiKeyQuery",
        "XMLHttpRequest",
        "getOAuthAccessToken",
        "CPyTagged_IsLt_",
        "dbPassword",
        "AWSSecretsManagerClient",
    ],
)
def test_is_random_case_reads_camel_case_names_as_words(name: str) -> None:
    """Identifiers with a few short humps among words are names."""
    assert not words.is_random_case(name)


@pytest.mark.parametrize(
    "part", ["qTzkHbXwRvcLm", "Mz_bQfPtXw_rLdHvKgN", "vKpWjRnZ4tqXhBd", "xJrWqTnGbY"]
)
def test_is_random_case_reads_random_mixed_case_as_drawn(part: str) -> None:
    """Mixed case with rare letter pairs, or mostly one- and two-letter humps, is drawn."""
    assert words.is_random_case(part)
