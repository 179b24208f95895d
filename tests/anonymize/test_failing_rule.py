"""A rule's own bug fails closed: the text is redacted whole and the job goes on (``engine.STRICT``)."""

from __future__ import annotations

import logging
import re

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, engine, rules

from .conftest import MACHINE


@pytest.mark.parametrize("use_re2", [True, False])
def test_a_raising_rule_redacts_the_whole_text_and_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, use_re2: bool
) -> None:
    original = rules.Matcher.verdict

    def verdict(self: rules.Matcher, match: re.Match[str], text: str) -> object:
        if getattr(self.judge, "__name__", "") == "announced":  # ``handed``'s rule, broken
            raise IndexError("no such group")
        return original(self, match, text)

    monkeypatch.setattr(engine, "STRICT", False)
    monkeypatch.setattr(rules.Matcher, "verdict", verdict)
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)  # its own memo
    text = "new key: `Zq8wR2vLp9KdT4` from ops@example.com"
    with caplog.at_level(logging.ERROR, logger="fedlearn.anonymize.engine"):
        out = anonymizer.anonymize(text)
    assert out == "<redacted:secret-value>"
    assert "failed on a text of" in caplog.text
    assert anonymizer.anonymize("nothing to see here") == "nothing to see here"


def test_the_suite_raises_a_rules_exception() -> None:
    """The test suite runs strict, so a rule's bug fails a test (tests/conftest.py)."""
    assert engine.STRICT is True
