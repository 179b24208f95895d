"""A regex compiled on its first use, as the built-in rules' patterns are (``Regex``: either kind).

Building the rules compiles nothing; a pattern compiles when its rule's gate or trigger first
fires, and a rule that never fires never costs a compile. Rule modules import ``Lazy`` from
``rules``, with the rest of what a rule is built of.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator


class Lazy:
    """
    A regex compiled on its first use, so that rules which never fire never cost a compile.

    Once compiled, its ``search``, ``match``, ``fullmatch`` and ``finditer`` are the compiled
    pattern's own (set on the instance), so a call costs what it costs on an ``re.Pattern``.

    Attributes:
        pattern: the regex source.
        flags: the ``re`` flags.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __eq__(self, other: object) -> bool:
        """Return whether ``other`` is a lazy regex of the same source and flags."""
        if not isinstance(other, Lazy):
            return NotImplemented
        return (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        """Return the hash of the source and flags."""
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        """Return ``Lazy('source')``."""
        return f"Lazy({self.pattern!r})"

    @property
    def is_compiled(self) -> bool:
        """Return whether the regex has been compiled."""
        return "compiled" in self.__dict__

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled regex, compiling it on the first call."""
        compiled = re.compile(self.pattern, self.flags)
        # Instance attributes shadow the methods below: later calls skip this class entirely.
        self.__dict__.update(
            search=compiled.search,
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            finditer=compiled.finditer,
        )
        return compiled

    def search(self, text: str, position: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        """Return the first match in ``text[position:end]`` (``re.Pattern.search``), or None."""
        return self.compiled.search(text, position, end)

    def match(self, text: str, position: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        """Return the match at ``position`` of ``text[:end]`` (``re.Pattern.match``), or None."""
        return self.compiled.match(text, position, end)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Return the match of all of ``text`` (``re.Pattern.fullmatch``), or None."""
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, position: int = 0) -> Iterator[re.Match[str]]:
        """Return the matches in ``text`` from ``position`` on (``re.Pattern.finditer``)."""
        return self.compiled.finditer(text, position)


# A rule's pattern: compiled already (a configured rule) or on first use.
Regex = re.Pattern[str] | Lazy
