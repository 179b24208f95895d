"""The string under inspection: its aligned lower-case copy and the placeholders already in it."""

from __future__ import annotations

from fedlearn.anonymize.probe import Probe


def test_the_lower_copy_of_a_probe_keeps_every_position() -> None:
    """A character whose lower case is longer (``İ``) stays, so spans match the text's."""
    probe = Probe("İstanbul ABC")
    assert len(probe.lower) == len(probe.text)
    assert probe.lower == "İstanbul abc"


def test_a_probe_knows_the_placeholders_already_there() -> None:
    """Spans overlapping a placeholder are protected; with ``touching``, adjacent ones too."""
    probe = Probe("x <redacted:jwt> y <ip>")
    assert probe.protected == [(2, 16), (19, 23)]
    assert probe.is_protected(2, 4)
    assert not probe.is_protected(0, 1)
    assert not probe.is_protected(0, 2)
    assert probe.is_protected(0, 2, touching=True)
    assert not Probe("a < b").protected
