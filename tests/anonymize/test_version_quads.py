"""Dotted quads a text says are versions (a version word, a pinned package, Debian's), not addresses."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import version_quads
from fedlearn.anonymize.rules import Lazy


@pytest.mark.parametrize(
    ("before", "version"),
    [
        ("version: ", True),
        ("VERSION=", True),
        ("Ver. ", True),
        ('FileVersion": "', True),
        ("release ", True),
        ("BUILD ", True),
        ("firmware ", True),
        ('Revision("', True),
        ("ver\u017fion: ", True),  # long s: case-insensitively an s
        ("f\u0131rmware ", True),  # dotless i: case-insensitively an i
        ('oldVersion="0.0.0.0-', True),
        ("server: ", False),
        ("conversion ", False),
        ("peer=", False),
        ("the gateway at ", False),
    ],
)
def test_a_version_word_is_told_as_the_regex_tells_it(before: str, version: bool) -> None:
    text = f"{before}10.1.2.3 done"
    start = len(before)
    window = version_quads.VERSION_WORD.compiled.search(text, max(0, start - 24), start)
    assert version_quads.is_version(text, start) is version is (window is not None)


def test_a_window_without_a_version_word_runs_no_search(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = Lazy(version_quads.VERSION_WORD.pattern)
    monkeypatch.setattr(version_quads, "VERSION_WORD", fresh)
    assert not version_quads.is_version("connection refused by peer=10.1.2.3", 29)
    assert not fresh.is_compiled
    assert version_quads.is_version("build 10.1.2.3", 6)


@pytest.mark.parametrize(
    ("text", "version"),
    [
        # The ``-`` after a quad of five-digit numbers: the farthest ``QUAD_REACH`` allows.
        ("pkg 12345.12345.12345.12345-el.8 ok", True),
        ("pkg 1.2.3.4-el.8", True),
        ("ii  libwidget  12345.12345.12345.12345-1 amd64", True),
        ("ii  libwidget  4.2.0.7-1 amd64", True),
        ("pkg 1.2.3.4 -el.8", False),  # the ``-`` is not right after the quad
        ("at 12345.12345.12345.12345", False),
        ("peer 10.1.2.3 - up", False),
    ],
)
def test_a_dash_after_the_quad_is_found_as_far_as_the_patterns_reach(
    text: str, version: bool
) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert version_quads.is_version(text, start) is version
    dashed = version_quads.SUFFIXED_VERSION.match(text, start) or (
        text.startswith(" ", start - 1) and version_quads.DEBIAN_REVISION.match(text, start)
    )
    assert (text.find("-", start, start + version_quads.QUAD_REACH) >= 0) or not dashed


def test_a_quad_at_the_text_start_reads_no_character_before_it() -> None:
    # The character before a quad at 0 is none, not the text's last one (a ``-`` there once sent
    # a suffixed version to the pinned-package test, which found no package name before it).
    assert version_quads.is_version("1.2.3.4-rc.1 from nixpkgs -", 0)
    assert version_quads.is_version("1.2.3.4-rc.1 from nixpkgs", 0)
