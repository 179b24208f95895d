"""Log lines for the journal: one event per line on stderr, plain text or JSON, colour on a TTY."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import msgspec

_plain = True  # text logs at info level or more: a progress line may share stderr with them
COLOURS = {"WARNING": "\033[33m", "ERROR": "\033[31m", "CRITICAL": "\033[31m"}
RESET = "\033[0m"


class TextFormatter(logging.Formatter):
    """``LEVEL logger: message``; no timestamp (journald adds one); colour only on a TTY."""

    def __init__(self, colour: bool) -> None:
        super().__init__()
        self.colour = colour

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line."""
        message = record.getMessage().replace("\n", " | ")
        line = f"{record.levelname.lower()} {record.name}: {message}"
        if self.colour and record.levelname in COLOURS:
            return f"{COLOURS[record.levelname]}{line}{RESET}"
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one JSON line."""
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        return msgspec.json.encode(entry).decode()


def setup(verbosity: int, log_format: str, stream: TextIO | None = None) -> None:
    """Send fedlearn's logs to ``stream`` (default: stderr now): -1 quiet (errors), 0 info, 1+ debug."""
    stream = stream or sys.stderr
    level = {-1: logging.ERROR, 0: logging.INFO}.get(verbosity, logging.DEBUG)
    handler = logging.StreamHandler(stream)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter(colour=stream.isatty()))
    global _plain  # set once per process, by the command line's options
    _plain = log_format == "text" and verbosity >= 0
    root = logging.getLogger("fedlearn")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    # A library's warnings (qdrant-client, urllib3) are log lines too, in the same format.
    logging.captureWarnings(True)
    warnings = logging.getLogger("py.warnings")
    warnings.handlers[:] = [handler]
    warnings.propagate = False


def is_plain() -> bool:
    """Return whether stderr carries plain text logs (not JSON, not quiet): progress may show."""
    return _plain
