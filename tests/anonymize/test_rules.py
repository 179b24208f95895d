"""The shape of a rule: rules built from configuration, and how the built-in ones are made."""

from __future__ import annotations

from fedlearn import config
from fedlearn.anonymize import Anonymizer, rules
from tests.anonymize.conftest import MACHINE


def test_an_extra_rule_redacts_every_match_under_its_cleaned_name() -> None:
    """A configured rule's name becomes a placeholder-safe word; its matches are scan findings,
    placed before personal data and after the built-in secrets."""
    rule = rules.configured("my ticket!", "TCK-[0-9]{6}")
    assert rule.names == ("my-ticket-",) and rule.is_secret
    engine = Anonymizer(
        config.Anonymize(extra_rules=[config.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")]),
        MACHINE,
    )
    text = "see TCK-123456 and TCK-654321 from jane@example.org"
    assert engine.anonymize(text) == "see <redacted:ticket> and <redacted:ticket> from <email>"
    assert [finding.rule for finding in engine.scan(text)] == ["ticket", "ticket"]


def test_a_lazy_pattern_compiles_on_first_use_only() -> None:
    """Building a Lazy compiles nothing; its first search compiles, and it then finds as re does."""
    lazy = rules.Lazy("TCK-[0-9]{6}")
    assert not lazy.is_compiled
    assert lazy.search("x TCK-123456").group() == "TCK-123456"
    assert lazy.is_compiled
