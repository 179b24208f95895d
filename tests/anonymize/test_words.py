"""Whether a value reads as words or as generated text (``anonymize.words``)."""

from __future__ import annotations

import random
import string

import pytest

from fedlearn.anonymize import Anonymizer, words

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


@pytest.mark.parametrize(
    "text",
    [
        # Model files: words, sizes, versions and a quantization tag between dashes.
        "sha256 mismatch for phi-3-medium-instruct-7b-IQ4_XS.gguf, downloading again",
        '{"filename": "solar-pro-preview-instruct-7b-Q5_K_M.gguf"}',
        "loading dolphin-mixtral-instruct-7b-IQ4_XS (GGUF V3)",
        "model Wizardlm-Uncensored-Falcon-7b-IQ4_XS is ready",
    ],
)
def test_dashed_model_names_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A generated part between words, or groups of drawn characters, still read as a token.
        (
            "deploy key Hello-World-Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5Pz0 added",
            "Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5Pz0",
        ),
        ('token: "Ab3dXk-Xy9zQw-Qw2eRt-Rt5yUi-Ui8oPp-Pp1lZx"', "Ab3dXk-Xy9zQw"),
        ("upload-Kq7Vx2Lm-Rt4Nw8Yb-Hd6Fg1Js-Pz0Ce2Mu-build", "Kq7Vx2Lm-Rt4Nw8Yb"),
        # Under a token key the look of a name does not decide (only the look rule reads it).
        ('token = "Purple-Monkey-Dish-7b-IQ4_XS"', "Purple-Monkey-Dish-7b-IQ4_XS"),
    ],
)
def test_dashed_tokens_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_is_dashed_name() -> None:
    assert words.is_dashed_name("deepseek-r1-distill-qwen-14b-IQ4_XS")
    assert words.is_dashed_name("Meta-Llama-3-8B-Instruct-q4_k_m")
    assert not words.is_dashed_name("qwen-14b-IQ4_XS")  # one word of four letters
    assert not words.is_dashed_name("Hello-World-Kq7Vx2Lm9Rt4")
    assert not words.is_dashed_name("llama-instruct")  # two parts
    assert words.is_wordy("deepseek-r1-distill-qwen-14b-IQ4_XS", dashed=True)
    assert not words.is_wordy("deepseek-r1-distill-qwen-14b-IQ4_XS")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # Capitals and digits drawn as one run: its short letter runs are no acronyms (draws29).
        ("export WEATHER_API_KEY=KLOC0YJVFU037MOUBEQUTIGHU", "KLOC0YJVFU037MOUBEQUTIGHU"),
        ('{"acmeSecretKey": "EXI3KIDYMI4547KMQM63SZLEP"}', "EXI3KIDYMI4547KMQM63SZLEP"),
        ("NUMBAT_TOKEN=Y106PNEK7NCPRYOFEFOLRNAWM", "Y106PNEK7NCPRYOFEFOLRNAWM"),
    ],
)
def test_capitals_and_digits_drawn_as_one_run_go(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "value",
    ["PRODUCTION2026BACKUP01", "ORDER2SERVICE3PROD", "SHA256WITHRSAENCRYPTION", "HTTP2SERVER"],
)
def test_capital_names_with_digits_stay_wordy(value: str) -> None:
    assert words.is_wordy(value)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A dotted value of lower-case draws is no attribute chain (Dovico's key: draws29).
        (
            "DOVICO_KEY=xwrq3977mdnq77c2tzwernknw0sxa0qf.e3gpq9f67o60u0i6m355360sbpdufwhas",
            "xwrq3977mdnq77c2tzwernknw0sxa0qf",
        ),
        ("NUMBAT_KEY=q0v7k2lmz9x4p1rw8tn5.cs63hj0w2b8ye4ud", "q0v7k2lmz9x4p1rw8tn5"),
    ],
)
def test_a_dotted_lower_case_draw_goes(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "password=self.s3bucket2024.name",
        "token=config.k8s1node2pool3.value",
        "password=db.abc123def456ghi789.x",
        "api_key=settings.x509certificate.pem",
    ],
)
def test_attribute_chains_of_names_with_digits_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
