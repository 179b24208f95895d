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


def test_base64_runs_keeps_the_last_two_texts() -> None:
    """A batch maps each of its texts before their rules read them: the two texts mapped last
    are answered without mapping them again, a third one is mapped anew."""
    first, second, third = "key " + "a" * 20, "path /usr/lib/python3/dist", "none here"
    found = probe.base64_runs(first)
    assert probe.base64_runs(second) is probe.base64_runs(second)
    assert probe.base64_runs(first) is found
    assert probe.base64_runs(second)[2] == 5
    probe.base64_runs(third)
    assert probe.base64_runs(second)[2] == 5
    assert probe.base64_runs(first) is not found
    assert probe.base64_runs(first) == found


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("no long run here", ()),
        ("x" * 19 + " " + "y" * 19, ()),  # two runs of 19: neither is long
        ("key " + "a+b/" * 5 + " end", ((4, 24),)),
        ("naïve " + "Ab1_" * 5, ((7, 27),)),  # byte offsets: ï is two bytes; a run at the end
        ("a " + "Zm9v" * 7 + "=x " + "y" * 52 + "\n" + "z" * 20, ((2, 30), (33, 85), (86, 106))),
        ("p" * 64, ((0, 64),)),
    ],
)
def test_long_runs_are_the_maximal_runs_of_twenty_base64_characters(
    text: str, spans: tuple[tuple[int, int], ...]
) -> None:
    """Every maximal run of 20 base64 characters or more (byte spans), the longest one's length
    and the UTF-8; asked twice in a row about one text, the same answer."""
    data = text.encode("utf-8", "surrogatepass")
    found = probe.long_runs(text)
    assert found == (data, spans, max((end - start for start, end in spans), default=0))
    assert probe.long_runs(text) is found
    mapped = data.translate(probe.BASE64_BYTES)
    for start, end in spans:
        assert mapped[start:end] == b"\x01" * (end - start)
        assert start == 0 or mapped[start - 1] == 0
        assert end == len(mapped) or mapped[end] == 0


# Tests of runs standing for the long-run rules' (``Rule.long_run``): each reads another part.
WANTS = (
    lambda runs: runs[2] >= 29,  # the longest run's length
    lambda runs: any(runs[0][start] == ord("s") for start, _ in runs[1]),  # a run's first byte
    lambda runs: any(b"/" in runs[0][start:end] for start, end in runs[1]),  # a run's bytes
)


@pytest.mark.parametrize(
    "texts",
    [
        ["no long run here", "nor here"],
        ["naïve " + "Ab1_" * 5, "x" * 29, "s" + "y" * 20],
        ["\ud800" + "z" * 30, "é" * 3 + "/a/b" * 6],  # a lone surrogate has bytes too
        ["a\n" + "s" * 20, "b" * 40 + "\n" + "c" * 20 + "/", ""],  # line breaks inside texts
        ["", "", "q" * 64],
        ["key " + "a+b/" * 5],
    ],
)
def test_wanted_each_is_each_texts_own_test(texts: list[str]) -> None:
    """The batch's texts mapped once, joined by line breaks, give each text's ``has_wanted_run``
    (each test alone and all of them)."""
    joined = "\n".join(texts)
    for wants in [*((want,) for want in WANTS), WANTS, ()]:
        assert probe.wanted_each(texts, joined, wants) == [
            probe.has_wanted_run(text, wants) for text in texts
        ]


def test_runs_between_are_a_texts_long_runs_inside_a_joined_text() -> None:
    """A text's runs read inside the joined bytes are its ``long_runs``, by its own offsets."""
    texts = ["naïve " + "Ab1_" * 5, "x" * 19, "p" * 64 + " " + "/q" * 12]
    data = "\n".join(texts).encode()
    mapped = data.translate(probe.BASE64_BYTES)
    start = 0
    for text in texts:
        end = start + len(text.encode())
        first = mapped.find(probe.LONG_RUN, start, end)
        assert probe.runs_between(data, mapped, first, start, end) == probe.long_runs(text)
        start = end + 1
