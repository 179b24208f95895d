"""Shared setup for the anonymize modules' tests: one anonymizer for a fixed machine."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine

MACHINE = Machine(
    hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe"
)


@pytest.fixture(scope="module")
def anonymizer() -> Anonymizer:
    """Return an anonymizer with the default settings for the test machine."""
    return Anonymizer(config.Anonymize(), MACHINE)


def found(anonymizer: Anonymizer, text: str) -> list[str]:
    """Return the rules ``scan`` reports in ``text``."""
    return [finding.rule for finding in anonymizer.scan(text)]
