"""Credentials with a recognizable shape: found whole, at a token's start, examples and prose kept."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE, found

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
    "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
)
SHAPED = [
    ("AKIASBNUHE1LPSMW8NAV", "aws-access-key"),
    ("ghp_a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pM", "github-token"),
    ("glpat-a8F3kLm29QzX7vB1nR5t", "gitlab-token"),
    ("sk-proj-a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3kLm29QzX7vB1", "openai-key"),
    (
        "sk-ant-api03-a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3"
        "kLm29QzX7vB1-abcdAA",
        "anthropic-key",
    ),
    ("hf_a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9p", "huggingface-token"),
    ("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", "groq-key"),
    ("npm_a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pM", "npm-token"),
    ("xoxb-1234567890-1234567890123-a8F3kLm29QzX7vB1nR5tY0uW", "slack-token"),
    ("123456789:AAHk3LmQ9zX7vB1nR5tY0uW4eS6dC2hJ9pM", "telegram-bot-token"),
    ("abc8Q~a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ", "azure-client-secret"),
    ("sk_live_a8F3kLm29QzX7vB1nR5tY0uW4eS6", "stripe-key"),
    (
        "AGE-SECRET-KEY-1" + "3XJ5L7Q9PZRYW0S2TVDGF8KHCE6MUA4N" + "QW2E8R5TY7UP3ZL9XK0SDFHJ6C",
        "age-secret-key",
    ),
    (JWT, "jwt"),
]


@pytest.mark.parametrize(("token", "rule"), SHAPED)
def test_a_shaped_token_is_replaced_whole_by_its_rule(
    anonymizer: Anonymizer, token: str, rule: str
) -> None:
    """In a sentence, the token (and only it) becomes ``<redacted:RULE>``; scan names the rule."""
    text = f"the service uses {token} since monday"
    assert anonymizer.anonymize(text) == f"the service uses <redacted:{rule}> since monday"
    assert found(anonymizer, text) == [rule]


@pytest.mark.parametrize(("token", "rule"), SHAPED[:4])
def test_a_token_inside_a_longer_run_is_not_one(
    anonymizer: Anonymizer, token: str, rule: str
) -> None:
    """A prefix that is the tail of a longer word starts no token (``bounded``)."""
    text = f"id x{token} here"
    assert rule not in found(anonymizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "aws docs use AKIAIOSFODNN7EXAMPLE as the key id",
        "placeholder AKIAXXXXXXXXXXXXXXXX in the template",
        "we pip install sk-learn-with-examples for the course",
        "hf_transformers_documentation_page_abc",
    ],
)
def test_documentation_examples_and_names_are_kept(anonymizer: Anonymizer, text: str) -> None:
    """Documented example key ids, masked ones, and prefixed names that read as words stay."""
    assert anonymizer.anonymize(text) == text
    assert found(anonymizer, text) == []


def test_a_private_key_block_is_a_secret(anonymizer: Anonymizer) -> None:
    """A PEM private key's header is found; a certificate's is not."""
    key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE\n"
    assert "private-key" in found(anonymizer, key)
    certificate = "-----BEGIN CERTIFICATE-----\n"
    assert found(anonymizer, certificate) == []


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN EC PRIVATE KEY-----\nKtTd0f0XxaGxy1Xy3H9NNZMnjbjF2kUVekeGGdOw0mB0Yl7p\n"
        "-----END EC PRIVATE KEY-----",
        '{"pem": "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIHq8Lm2vT5rW9xZ1c3F7pN4kD0sJ6aQ'
        '\\n-----END PRIVATE KEY-----"}',
        "-----BEGIN RSA PRIVATE KEY----- Hq7Zb2 Vx9+Lp4mN8rT2wK6cY1fJ5sD3gA0eU7iO9 Q -----END RSA "
        "PRIVATE KEY-----",
        'key = """-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9u',
    ],
)
def test_a_private_key_block_with_key_material_goes(anonymizer: Anonymizer, text: str) -> None:
    """A block with a run of 32+ base64 characters is a key: with its END, ``\\n``-escaped in
    JSON, on one line with blanks, or cut off before its END."""
    assert "-----BEGIN" not in anonymizer.anonymize(text)
    assert "private-key" in found(anonymizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN PRIVATE KEY-----\nwhatever\n-----END PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----",
        "docs: -----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\n<paste the key>\n-----END EC PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...",
        'if line.startswith("-----BEGIN PGP PRIVATE KEY BLOCK-----"):',
    ],
)
def test_a_private_key_block_without_key_material_stays(anonymizer: Anonymizer, text: str) -> None:
    """A block whose body has no run of 32 base64 characters holds no key (a placeholder, an
    empty block, a header a parser looks for, the ASN.1 head every RSA key shares)."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"t": "xoxp-418273645091-902746153820-Lq4Zt8Rv2Wm6-################"',
            '"t": "<redacted:slack-token>"',
        ),
        ("- xoxb-77120938475-Hq2Lm9Zt4Rv8****", "- <redacted:slack-token>"),
        (
            "cfg xoxe.xoxp-1-Rk3mQ8vT2zLx9Wn4Pb7cYd1Hs6Jf0Ag5Ue",
            "cfg <redacted:slack-token>",
        ),
        ("**xoxb-60938475-Lq4Zt8Rv2Wm6Np**", "**<redacted:slack-token>**"),
        ("see ?t=xoxb-60938475-Lq4Zt8Rv2Wm6Np#top", "see ?t=<redacted:slack-token>#top"),
    ],
)
def test_a_slack_token_goes_whole_with_its_mask_and_config_prefix(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A token with drawn parts left before a closing mask run goes whole, the mask with it; a
    config token goes with its ``xoxe.``; markup (``**``) and an anchor (``#top``) stay."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "old: xoxe.xoxp-1-refresh",
        "set SLACK_BOT to xoxb-your-bot-token",
        "xoxa-team-workspace",
        "masked: xoxb-7-**************************",
        '"t": "xoxp-418273645091-902746153820-771029384756-################"',
        "ghp_########################################",
    ],
)
def test_a_slack_token_of_words_or_masked_whole_stays(anonymizer: Anonymizer, text: str) -> None:
    """A body of words is no Slack token; a token masked whole (its mask a fill), or masked after
    its ids (digit parts), is none."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    ["the docs say xoxp-5820193746 here", "read xoxb-40392-kq7z2m1", "got xoxe-918273-Qz81"],
)
def test_a_bot_user_or_refresh_token_cut_short_stays(anonymizer: Anonymizer, text: str) -> None:
    """A bot, user or refresh token of one number, or of fewer than 20 characters, is an example
    cut short (a real one is a team id and more parts)."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "token", ["xoxb-58203917-Kq2mZ7vR0pW1", "xoxp-7283910465-88213904756", "xoxa-Qm82vT0zLr5"]
)
def test_a_slack_token_of_two_parts_or_a_workspace_token_goes(
    anonymizer: Anonymizer, token: str
) -> None:
    """Two parts of 20 characters or more are a bot or user token; a workspace token (``xoxa-``,
    ``xoxr-``) may be one drawn part."""
    assert anonymizer.anonymize(f"use {token} now") == "use <redacted:slack-token> now"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AZURE_CS=Tk71Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "AZURE_CS=Tk71Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
        ("app 9Xy3Q~XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX ok", "app 9Xy3Q~XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX ok"),
        ("app Wq58Q~Hd8kq2Lm5vRt7yUi3oPa1SZq8vT2mWk9p ok", "app <redacted:azure-client-secret> ok"),
    ],
)  # fmt: skip
def test_an_azure_client_secret_filled_in_is_a_placeholder(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """An Azure client secret's body of one character (``is_filled``, as every token shape's) is
    documentation's; a drawn one goes."""
    assert anonymizer.anonymize(text) == expected


def test_an_ai_clients_literal_key_is_a_provider_key(anonymizer: Anonymizer) -> None:
    """``cohere.Client("…")`` names its key by the provider's module (``after_provider``)."""
    key = "a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3"
    assert found(anonymizer, f'co = cohere.Client("{key}")') == ["provider-key"]
    assert "provider-key" not in found(anonymizer, f'co = other.Client("{key}")')


def test_two_tokens_in_one_line_are_both_found(anonymizer: Anonymizer) -> None:
    """Every token of a line is found, each under its own rule, in order."""
    text = f"{SHAPED[0][0]} and {SHAPED[1][0]}"
    assert anonymizer.anonymize(text) == "<redacted:aws-access-key> and <redacted:github-token>"


@pytest.mark.parametrize("use_re2", [True, False])
def test_a_bot_token_after_non_ascii_digits_is_found_on_every_path(use_re2: bool) -> None:
    """
    The bot id is digits as ``str.isdigit`` reads them (Arabic-Indic ones too), so the RE2 gate
    asks for none (its ``[0-9]{8}`` missed them: the keyword path redacted, the RE2 path did not).
    """
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
    text = (
        "bot \u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669:AA" + "kLm29QzX7v" * 3 + "B1n"
    )
    assert anonymizer.anonymize(text) == "bot <redacted:telegram-bot-token>"


@pytest.mark.parametrize(
    "text",
    [
        "export GH_TOKEN=ghp_" + "X" * 36 + "  # your token",
        "HUGGING_FACE_HUB_TOKEN=hf_" + "x" * 34,
        "gitlab: CI_JOB_TOKEN=glpat-" + "X" * 20,
    ],
)
def test_a_token_filled_with_x_is_a_placeholder(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("export GH_TOKEN=ghp_Zq8vT1mN4pXk2Lp9QwEr" + "X" * 16, "Zq8vT1mN4pXk2Lp9QwEr"),
        ("hf_" + "x" * 15 + "Zq8vT1mN4pXk2Lp9QwEr", "Zq8vT1mN4pXk2Lp9QwEr"),
    ],
)
def test_a_token_with_a_fill_in_it_is_a_token(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # mosquitto_passwd: PBKDF2-SHA512 with its iteration count
            "relay:$7$101$Q2hlY2tTYWx0MTIzNDU2$"
            "dGhpc19pc19ub3RfYV9yZWFsX2hhc2hfYnV0X2l0X2hhc19pdHNfbGVuZ3RoX2FuZF9zaGFwZV9vazEyMw==",
            "relay:<redacted:password-hash>",
        ),
        (  # crypt(3) scrypt
            "ops:$7$CU..../....wWjnBBCpHm7X0QvvyT01h/$m7fPzg0EIA51s6I6s2u6x.pOKRz5Ycv1kkvmWjEPum7:19000",
            "ops:<redacted:password-hash>:19000",
        ),
    ],
)
def test_dollar_seven_password_hashes_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


def test_a_price_with_dollar_seven_stays(anonymizer: Anonymizer) -> None:
    text = "the plan costs $7$ a month, $9 with backups"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "vault: VAULT_TOKEN=hvs." + "y" * 90,
        "runner token GR1348941" + "Y" * 20 + " in the docs",
        "see the README: sntryu_" + "b" * 64,
        "export GITLAB_TOKEN=glpat-" + "Z" * 12 + "-" + "Z" * 8,
        "from the docs: AIzaSyBklmnopqrstuvwxyzABCDEFG0123456789 (sample)",
    ],
)
def test_a_token_one_character_fills_or_that_counts_the_alphabet_is_a_placeholder(
    anonymizer: Anonymizer, text: str
) -> None:
    """A body of one character in any case, or ten letters in a row, is a fixture's fill."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "hvs."
            + "x" * 12
            + "K9mQ2vR7tL4wZ8nB3yHa8F3kLm29QzX7vB1nR5tY0uW4eS6dC2hJ9pMa8F3kLm29QzX7v",
            "K9mQ",
        ),
        ("export GITLAB_TOKEN=glpat-xK9mQ2vR7tL4wZ8nB3yH", "xK9mQ"),
        ("from the docs: AIzaSyBk3mQ9vR7tL4wZ8nB3yHa8F3kLm29QzX7v (sample)", "Bk3mQ9"),
        ("grpc-status-details-bin: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6fG8hJkLmNoPqRsT", "Hk2Lp9"),
    ],
)
def test_a_drawn_token_with_a_short_fill_or_mixed_case_run_is_a_token(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Twelve ``x`` beside 60 drawn characters, or ``JkLmNoPqRsT`` in two cases, is no fill."""
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "+eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJtZWVya2F0In0",
        "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ trailing",
    ],
)
def test_an_unsigned_jwt_of_two_parts_goes(anonymizer: Anonymizer, text: str) -> None:
    """``alg: none`` tokens have a header and a payload only, no signature part."""
    assert "eyJ" not in anonymizer.anonymize(text)
    assert "jwt" in found(anonymizer, text)


@pytest.mark.parametrize("text", ["eyJhbGciOiJub25lIn0", "see eyJhbGciOiJub25lIn0.txt and eyJ.eyJ"])
def test_one_base64_json_part_is_no_jwt(anonymizer: Anonymizer, text: str) -> None:
    """A single ``eyJ…`` part (base64 of a JSON object) is no token of two parts."""
    assert "jwt" not in found(anonymizer, text)
