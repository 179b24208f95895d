"""A one-line progress meter on stderr, for a person watching a terminal.

Shown only when stderr is a terminal and the logs are plain text (``--log-format json`` keeps every
stderr line JSON; ``-q`` keeps it quiet); redrawn at most ten times a second, ended by a newline.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from fedlearn import logs


class Meter:
    """Progress of one job: bytes out of a total, or the step it is at."""

    def __init__(self, label: str, total: int = 0, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = logs.is_plain() and self.stream.isatty()
        self.shown = 0.0
        self.drawn = False

    def advance(self, count: int) -> None:
        """Count ``count`` more bytes done."""
        self.done += count
        if self.enabled and time.monotonic() - self.shown >= 0.1:
            percent = f" ({100 * self.done // self.total}%)" if self.total else ""
            self.draw(f"{self.done / 1e6:.1f} of {self.total / 1e6:.1f} MB{percent}")

    def step(self, text: str) -> None:
        """Show the step the job is at."""
        if self.enabled:
            self.draw(text)

    def draw(self, text: str) -> None:
        """Redraw the line."""
        self.stream.write(f"\r{self.label}: {text}\033[K")
        self.stream.flush()
        self.shown, self.drawn = time.monotonic(), True

    def close(self) -> None:
        """End the line (nothing when nothing was drawn)."""
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False
