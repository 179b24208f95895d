"""A pass's finds merged into disjoint redactions by priority."""

from __future__ import annotations

from fedlearn.anonymize import hits, rules
from fedlearn.anonymize.hits import Hit

TOKEN = rules.secret("token", gate=None)
KEY = rules.secret("key", gate=None)
EMAIL = rules.personal("email", "<email>", gate=None)
IP = rules.personal("ipv4", "<ip>", gate=None)


def test_overlapping_secrets_become_one_redaction_under_the_first_rule() -> None:
    """Secrets that overlap merge into one span covering them all, named by priority."""
    found: list[Hit] = [(5, 9, "key", KEY), (0, 6, "token", TOKEN), (20, 24, "token", TOKEN)]
    assert hits.disjoint(found) == [(0, 9, "key", KEY), (20, 24, "token", TOKEN)]


def test_personal_data_overlapping_a_secret_is_dropped() -> None:
    """The secret's redaction covers what matters; personal data apart from it stays a hit."""
    found: list[Hit] = [(0, 10, "token", TOKEN), (8, 14, "email", EMAIL), (20, 26, "ipv4", IP)]
    assert hits.disjoint(found) == [(0, 10, "token", TOKEN), (20, 26, "ipv4", IP)]


def test_overlapping_personal_data_merges_and_the_result_is_sorted() -> None:
    """Personal data merges like secrets do; secrets and personal data come out by position."""
    found: list[Hit] = [(30, 34, "token", TOKEN), (2, 8, "email", EMAIL), (6, 12, "ipv4", IP)]
    assert hits.disjoint(found) == [(2, 12, "email", EMAIL), (30, 34, "token", TOKEN)]


def test_overlaps_looks_up_a_sorted_list() -> None:
    """A hit overlaps a sorted, disjoint list when it shares a character with one of them."""
    spans: list[Hit] = [(0, 4, "token", TOKEN), (10, 14, "key", KEY)]
    assert hits.overlaps(spans, (3, 5, "email", EMAIL))
    assert hits.overlaps(spans, (12, 20, "email", EMAIL))
    assert not hits.overlaps(spans, (4, 10, "email", EMAIL))
