"""The secret gate over files (DESIGN.md guarantee 1): what ``fedlearn scan`` and publish call.

A JSON line is decoded and its strings are scanned as the anonymizer saw them, so an escape
(``\\u0041KIA…``, ``\\n`` inside a private key) hides nothing; any other line is scanned as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import attrs
import msgspec

JSON = msgspec.json.Decoder()


class Scanner(Protocol):
    """What the gate needs of an ``Anonymizer``: the secret rules run over one JSON value."""

    def scan_value(self, value: Any) -> list[str]:
        """Return the rule of every secret in ``value`` (a string, or any JSON value)."""


@attrs.frozen
class FileFinding:
    """A secret in a file: where it is and which rule found it, never the secret itself."""

    path: Path
    line: int
    rule: str

    def __str__(self) -> str:
        """Return ``path:line:rule``."""
        return f"{self.path}:{self.line}:{self.rule}"


def files_under(paths: list[Path]) -> Iterator[Path]:
    """
    Yield the files among ``paths``, and the regular files under any folder, in sorted order.

    Under a folder, symlinks are never followed: a link a peer committed under data/ must not
    make the scan read (or hang on) a file outside it.
    """
    for path in paths:
        if path.is_dir():
            found = path.rglob("*")
            yield from sorted(f for f in found if f.is_file() and not f.is_symlink())
        else:
            yield path


def scan_line(anonymizer: Scanner, line: str) -> list[str]:
    """Return the rules that find a secret in one line (decoded first when it is JSON)."""
    stripped = line.strip()
    if stripped[:1] in ("{", "[", '"'):
        try:
            value: Any = JSON.decode(stripped)
        except (msgspec.DecodeError, RecursionError):  # scanned as text instead
            pass
        else:
            return anonymizer.scan_value(value)
    return anonymizer.scan_value(line)


def scan_file(anonymizer: Scanner, path: Path) -> list[FileFinding]:
    """
    Return the findings in one file, one per line and rule, in line order.

    Raise OSError when the file cannot be read.
    """
    found = []
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.split("\n"), start=1):
        for rule in dict.fromkeys(scan_line(anonymizer, line)):
            found.append(FileFinding(path, number, rule))
    return found


def scan_files(anonymizer: Scanner, paths: list[Path]) -> list[FileFinding]:
    """
    Return every secret in ``paths`` (files, or folders scanned recursively), by file and line.

    Raise OSError when a file cannot be read.
    """
    found = []
    for path in files_under(paths):
        found += scan_file(anonymizer, path)
    return found
