"""A pass's finds merged into disjoint redactions by priority."""

from __future__ import annotations

from fedlearn import config
from fedlearn.anonymize import Anonymizer, hits, rules
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


def test_a_secret_is_found_again_wherever_the_text_repeats_it() -> None:
    """Each other place holding a found secret's text becomes a hit under the same rule."""
    text = "K[1]: |a1b2c3d4e5| then inherited as |a1b2c3d4e5| and a1b2c3d4e5x"
    found: list[Hit] = [(7, 17, "token", TOKEN)]
    assert hits.repeated(text, found) == [
        (7, 17, "token", TOKEN),
        (38, 48, "token", TOKEN),
        (54, 64, "token", TOKEN),
    ]


def test_short_values_and_personal_data_are_not_searched_again() -> None:
    """A value under ``REPEAT_MIN`` characters may be a word; personal data stays where found."""
    text = "secret: enabled, feature enabled; mail a@b.example, cc a@b.example"
    found: list[Hit] = [(8, 15, "key", KEY), (39, 50, "email", EMAIL)]
    assert hits.repeated(text, found) == found


def test_a_repeated_secret_is_redacted_on_every_path() -> None:
    """End to end: the fish dump's second line leaks without the repeat (audit16g's mechanism)."""
    seed = "MZXW6YTBOI2DAMBQGEZTINJWG4YDQOJQ"
    text = (
        f"$MFA_SECRET[1]: |{seed}|\n"
        f"$MFA_SECRET: originally inherited as |{seed}|\n"
        f"retrying after {seed} was refused"
    )
    for use_re2 in (True, False):
        out = Anonymizer(config.Anonymize(), use_re2=use_re2).anonymize(text)
        assert seed not in out and out.count("<redacted:") == 3
