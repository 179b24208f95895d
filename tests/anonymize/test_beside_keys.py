"""Secrets beside a key word with no separator: a flag's value, a quoted or compared literal."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE, found


def test_a_flags_value_goes_and_the_flag_stays(anonymizer: Anonymizer) -> None:
    """``--api-key value``: the flag names the secret, its value is redacted."""
    text = "--api-key Zx8Qp2Lm9Vb4kT"
    assert anonymizer.anonymize(text) == "--api-key <redacted:api-key>"
    assert found(anonymizer, text) != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('if ("Zq8#vT1mN4pLx2" == password) {', 'if ("<redacted:password>" == password) {'),
        ('password "Zq8#vT1mN4pLx2";', 'password "<redacted:password>";'),
        ('std::string secret("Zq8#vT1mN4pLx2");', 'std::string secret("<redacted:secret>");'),
    ],
)
def test_a_literal_compared_to_or_after_a_key_word_is_redacted(text: str, expected: str) -> None:
    """Issue 16's forms: a literal compared to a key, or after a key word and a blank or ``(``."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=False, re2_after=0)
    assert anonymizer.anonymize(text) == expected
