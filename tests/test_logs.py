"""Log lines: one event per line on the given stream, plain text or JSON, levels by verbosity."""

from __future__ import annotations

import io
import json
import logging
import warnings

import pytest

from fedlearn import logs


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Return True: colour is allowed."""
        return True


def emit(verbosity: int, log_format: str, stream: io.StringIO) -> list[str]:
    """Set up logs and log one line at each level; return the lines written."""
    logs.setup(verbosity, log_format, stream)
    log = logging.getLogger("fedlearn.store.test")
    log.debug("a debug line")
    log.info("an info line")
    log.warning("a warning\nover two lines")
    log.error("an error")
    return stream.getvalue().splitlines()


def test_text_lines_name_level_and_logger_and_stay_one_line() -> None:
    """Off a terminal: ``level logger: message``, no colour, a newline in a message becomes `` | ``."""
    lines = emit(0, "text", io.StringIO())
    assert lines == [
        "info fedlearn.store.test: an info line",
        "warning fedlearn.store.test: a warning | over two lines",
        "error fedlearn.store.test: an error",
    ]


@pytest.mark.parametrize(
    ("verbosity", "levels"),
    [
        (-1, ["error"]),
        (0, ["info", "warning", "error"]),
        (2, ["debug", "info", "warning", "error"]),
    ],
)
def test_verbosity_chooses_the_levels(verbosity: int, levels: list[str]) -> None:
    """-1 shows errors only, 0 info and up, 1 or more debug too."""
    assert [line.split()[0] for line in emit(verbosity, "text", io.StringIO())] == levels


def test_json_lines_are_one_object_each() -> None:
    """With JSON, every line is an object of time, level, logger and message (newlines kept)."""
    lines = emit(0, "json", io.StringIO())
    entries = [json.loads(line) for line in lines]
    assert [set(entry) for entry in entries] == [{"time", "level", "logger", "message"}] * 3
    assert entries[1]["level"] == "warning"
    assert entries[1]["message"] == "a warning\nover two lines"
    assert entries[1]["logger"] == "fedlearn.store.test"


def test_colour_only_on_a_terminal_and_only_for_warnings_and_errors() -> None:
    """A terminal gets warnings yellow and errors red; info stays plain."""
    info, warning, error = emit(0, "text", Terminal())
    assert info == "info fedlearn.store.test: an info line"
    assert warning.startswith(logs.COLOURS["WARNING"]) and warning.endswith(logs.RESET)
    assert error.startswith(logs.COLOURS["ERROR"]) and error.endswith(logs.RESET)


@pytest.mark.parametrize(
    ("verbosity", "log_format", "plain"),
    [(0, "text", True), (1, "text", True), (-1, "text", False), (0, "json", False)],
)
def test_is_plain_only_for_text_logs_that_are_not_quiet(
    verbosity: int, log_format: str, plain: bool
) -> None:
    """Progress may share stderr only with plain text logs at info level or more."""
    logs.setup(verbosity, log_format, io.StringIO())
    assert logs.is_plain() is plain


def test_setup_replaces_its_handler_instead_of_adding_one() -> None:
    """Setting up twice logs each line once, to the last stream only."""
    first, second = io.StringIO(), io.StringIO()
    logs.setup(0, "text", first)
    logs.setup(0, "text", second)
    logging.getLogger("fedlearn.x").info("once")
    assert first.getvalue() == ""
    assert second.getvalue() == "info fedlearn.x: once\n"


def test_a_librarys_warning_is_a_log_line_in_the_same_format() -> None:
    """warnings.warn from a library comes out as one JSON log line, not on its own."""
    stream = io.StringIO()
    logs.setup(0, "json", stream)
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=1)
    [entry] = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert entry["logger"] == "py.warnings" and "deprecated thing" in entry["message"]
