"""Seed phrases (BIP39 words) and recovery codes."""

from __future__ import annotations

import hashlib

import pytest

from fedlearn.anonymize import Anonymizer, bip39

PHRASE = (
    "zoo wrist lunar genius ozone orbit cabin timber velvet wheat swamp pilot oyster toast hover"
)


def test_word_list_is_bip39_english() -> None:
    """The copy is BIP39's English list, word for word (its published sha256)."""
    digest = hashlib.sha256(("\n".join(bip39.WORDS) + "\n").encode()).hexdigest()
    assert digest == "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"
    assert len(bip39.WORD_SET) == 2048


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Secret Recovery Phrase: {PHRASE}", "Secret Recovery Phrase: <redacted:mnemonic>"),
        (  # a numbered list, one word a line, JSON-escaped
            "wallet seed words\\n"
            + "\\n".join(f"{n}. {w}" for n, w in enumerate(PHRASE.split(), 1)),
            "wallet seed words\\n1. <redacted:mnemonic>",
        ),
        (
            "const seed = bip39.mnemonicToSeedSync(words=["
            + ", ".join(f"'{w}'" for w in PHRASE.split())
            + "])",
            "const seed = bip39.mnemonicToSeedSync(words=['<redacted:mnemonic>'])",
        ),
        (
            "Scratch codes:\n  81734520\n  29384756 \n(store them offline)",
            "Scratch codes:\n  <redacted:recovery-code> \n(store them offline)",
        ),
        (
            "your recovery code is 4F7Q-9KD2-PX3M.",
            "your recovery code is <redacted:recovery-code>.",
        ),
        ("mnemonic:\\n" + PHRASE.replace(" ", "\\n"), "mnemonic:\\n<redacted:mnemonic>"),
        (f"SEED: {PHRASE.upper()}", "SEED: <redacted:mnemonic>"),
        (f"Wallet words: {PHRASE.capitalize()}.", "Wallet words: <redacted:mnemonic>."),
    ],
)
def test_phrases_and_codes_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A phrase or a list of codes becomes one placeholder; the words around it stay."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        PHRASE,  # no word that says what it is
        "the wallet service could not find the seed node because the network was down again",
        "seed: " + " ".join(PHRASE.split()[:11]),  # 11 words
        "backup code paths were refactored in v2.3.1",
        "recovery codes: see docs/2fa.md",
    ],
)
def test_prose_and_short_runs_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose, a run without a context word, fewer than 12 words and code talk stay."""
    found = {finding.rule for finding in anonymizer.scan(text)}
    assert not found & {"mnemonic", "recovery-code"}
