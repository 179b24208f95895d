"""Dotted quads that a text says are versions, not IPv4 addresses (guarantee 2's exceptions).

``public_objects.is_version`` reads a version word before a quad (``Version=4.0.0.0``). Release
notes also write one after it (``Git 1.7.12.3 Release Notes``, ``the 1.7.3.1 release``) and then
name the same quad bare (``the fix for this in 1.8.1.2``) where they wrote it as ``v1.8.1.2``
elsewhere: a quad the text writes as a version anywhere is that version everywhere in it.
"""

from __future__ import annotations

from fedlearn.anonymize.per_text import per_text
from fedlearn.anonymize.rules import Lazy

# A release word right after the quad: ``1.7.3.1 release``, ``… Release Notes``.
WORD_AFTER = Lazy(r"\s{1,2}(?i:release)(?![A-Za-z])")
# A version word right before the quad: ``version 1.8.1.2``. Not ``release``, a verb there too
# (``release 192.168.1.20 from the lease``): an address would spread to its other copies.
WORD_BEFORE = Lazy(r"(?<![A-Za-z])(?i:version)\s{1,2}\Z")


# A quad elsewhere in the text, whole (no digit or dot beside it).
QUAD = Lazy(r"(?<![0-9.])[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+(?![0-9.])")
# Characters up to which a quad searches the text for its other copies before the text's pass:
# in a longer text each quad's two searches read it whole (thousands of addresses: quadratic),
# and the pass, once per text, answers alike (a copy it finds the searches find too).
SEARCHED_WHOLE = 4096


@per_text
def written_versions(text: str) -> dict[str, list[int]]:
    """Return the starts of each quad ``text`` writes as a version (``is_written_as_version``),
    by quad: one pass over the text, kept for the next question about the same text (a log naming
    one address on each line asks for each copy; a search of all copies each time was quadratic)."""
    found: dict[str, list[int]] = {}
    for run in QUAD.compiled.finditer(text):
        if is_written_as_version(text, *run.span()):
            found.setdefault(run.group(), []).append(run.start())
    return found


def is_named_version(text: str, start: int, end: int) -> bool:
    """
    Return whether the quad ``text[start:end]`` is a version by the word after it, or by the way
    the text writes the same quad elsewhere (``v1.8.1.2``, ``version 1.8.1.2``, ``1.8.1.2 release``).
    """
    if WORD_AFTER.compiled.match(text, end) is not None:
        return True
    quad = text[start:end]
    if len(text) <= SEARCHED_WHOLE and text.find(quad, end) < 0 and text.find(quad, 0, end - 1) < 0:
        return False  # written once: most texts
    return any(found != start for found in written_versions(text).get(quad, ()))


def is_written_as_version(text: str, start: int, end: int) -> bool:
    """Return whether the quad at ``start`` is written as a version: ``v`` glued before it (no
    letter or digit before that), a version word before it or ``release`` after it."""
    if text.startswith((".", *"0123456789"), end) or (start and text[start - 1] in ".0123456789"):
        return False  # a longer number's piece (``11.8.1.2``, ``1.8.1.23``)
    if start and text[start - 1] in "vV" and (start < 2 or not text[start - 2].isalnum()):
        return True
    if WORD_AFTER.compiled.match(text, end) is not None:
        return True
    return WORD_BEFORE.compiled.search(text[max(0, start - 10) : start]) is not None
