"""The progress meter draws on a terminal only, and not under JSON or quiet logs."""

from __future__ import annotations

import io

import pytest

from fedlearn import logs
from fedlearn.report import progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


@pytest.mark.parametrize(
    ("stream", "log_format", "verbosity", "drawn"),
    [
        (Terminal(), "text", 0, True),
        (io.StringIO(), "text", 0, False),
        (Terminal(), "json", 0, False),
        (Terminal(), "text", -1, False),
    ],
)
def test_meter_draws_only_on_a_terminal_with_text_logs(
    stream: io.StringIO, log_format: str, verbosity: int, drawn: bool
) -> None:
    """Bytes and steps are drawn, then wiped, only where a person watches a text terminal."""
    logs.setup(verbosity, log_format, io.StringIO())
    try:
        meter = progress.Meter("sync", total=2_000_000, stream=stream)
        meter.advance(1_000_000)
        meter.step("pushing")
        meter.close()
    finally:
        logs.setup(0, "text", io.StringIO())
    text = stream.getvalue()
    assert ("\rsync: 1.0 of 2.0 MB (50%)" in text) == drawn
    assert text.endswith("\r\x1b[K") == drawn and (text == "") != drawn
