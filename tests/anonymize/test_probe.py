"""The string under inspection: its aligned lower-case copy and the placeholders already in it."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import probe
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


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("no long run here", -1),
        ("key " + "a+b/" * 5 + " end", 4),  # base64's own characters count
        ("naïve " + "Ab1_" * 5, 7),  # a byte offset: ï is two bytes
        ("x" * 19 + " " + "y" * 19, -1),
        ("\ud800" + "z" * 20, 3),  # a lone surrogate has bytes too
    ],
)
def test_base64_runs_maps_the_text_and_finds_the_first_long_run(text: str, first: int) -> None:
    """The UTF-8, its base64 map and the first run of 20 base64 characters; asked twice in a row
    about one text, the same answer (mapped once), and the next text gets its own."""
    data = text.encode("utf-8", "surrogatepass")
    assert probe.base64_runs(text) == (data, data.translate(probe.BASE64_BYTES), first)
    assert probe.base64_runs(text) is probe.base64_runs(text)
    other = "".join(reversed(text))
    assert probe.base64_runs(other)[0] == other.encode("utf-8", "surrogatepass")
