"""Shared setup for the anonymize modules' tests: one anonymizer for a fixed machine."""

from __future__ import annotations

import functools

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


@functools.cache
def in_mode(use_re2: bool = True) -> Anonymizer:
    """Return the anonymizer of the default settings for the test machine, with google-re2's sets
    or without them (the keyword triggers decide), built once per mode and test process."""
    return Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)


def found(anonymizer: Anonymizer, text: str) -> list[str]:
    """Return the rules ``scan`` reports in ``text``."""
    return [finding.rule for finding in anonymizer.scan(text)]
