"""What a pass redacts: the rules' finds (hits) merged into disjoint redactions, by priority."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from fedlearn.anonymize.rules import Rule

# A redaction: start, end, the rule name it counts under, and the rule (its placeholder, kind).
Hit = tuple[int, int, str, Rule]

# A secret found once is redacted wherever its text repeats it, if it is at least this long: the
# rule saw it where its key or shape stood, but a log often prints a value twice (fish's
# ``$K[1]: |v|`` then ``originally inherited as |v|``, a request echoed in its error, a value
# and its URL-less copy). Shorter values (``enabled`` under ``secret:``) are too often words.
REPEAT_MIN = 8
# Values up to which each value's repeats are found by searching the text for it (a search per
# value: linear in the text for a bounded number of values); above, one pass over the text finds
# all values' places (``occurrences``, about as slow per character as 256 searches).
FIND_EACH = 256
# A personal number found once is redacted where its text repeats it standing alone (no letter or
# digit on either side): an Asterisk CDR prints the caller's number bare and again in its caller
# id, where only the second is marked as a phone's (``"…","0612 34","…","""Name"" <0612 34>"``).
REPEATED_NUMBERS = frozenset(
    (
        "<phone>", "<card>", "<iban>", "<bank-account>", "<national-id>", "<passport>",
        "<tax-id>", "<health-id>", "<driving-licence>", "<device-id>",
    )
)  # fmt: skip


def alone(text: str, start: int, end: int) -> bool:
    """Return whether no letter or digit touches ``text[start:end]``."""
    return not (start > 0 and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


def disjoint(hits: list[Hit]) -> list[Hit]:
    """
    Return ``hits`` merged where they overlap, sorted by position.

    ``hits`` come in priority order. Overlapping secrets merge into one redaction that spans them
    all, under the first one's name, so no part of a secret is left beside a placeholder.
    Personal data that overlaps a secret is dropped (the secret's redaction covers what matters);
    overlapping personal data merges like secrets do.
    """
    if len(hits) < 2:
        return hits
    secrets = merged([hit for hit in hits if hit[3].is_secret])
    personal = [hit for hit in hits if not hit[3].is_secret]
    if secrets:
        personal = [hit for hit in personal if not overlaps(secrets, hit)]
    return sorted(secrets + merged(personal), key=lambda hit: hit[0]) if personal else secrets


def repeated(text: str, hits: list[Hit]) -> list[Hit]:
    """
    Return ``hits`` followed by every other place in ``text`` that repeats one of their secrets
    (``REPEAT_MIN`` characters or more), or one of their personal numbers standing alone, under
    the same rule; after ``hits``, so each place keeps
    the priority of what found it there.
    """
    extra: list[Hit] = []
    first: dict[str, Hit] = {}
    for hit in hits:
        start, end, _, rule = hit
        number = not rule.is_secret and rule.placeholder in REPEATED_NUMBERS
        if (rule.is_secret or number) and end - start >= REPEAT_MIN:
            first.setdefault(text[start:end], hit)
    if not first:
        return hits
    places = (
        occurrences(text, first)
        if len(first) > FIND_EACH
        else {value: places_of(text, value) for value in first}
    )
    for value, (start, _, name, rule) in first.items():
        number = not rule.is_secret
        for at in places[value]:
            if at != start and (not number or alone(text, at, at + len(value))):
                extra.append((at, at + len(value), name, rule))
    return hits + extra if extra else hits


def places_of(text: str, value: str) -> list[int]:
    """Return every start of ``value`` in ``text`` (overlapping ones too), in order."""
    found = []
    at = text.find(value)
    while at >= 0:
        found.append(at)
        at = text.find(value, at + 1)
    return found


def occurrences(text: str, values: Iterable[str]) -> dict[str, list[int]]:
    """
    Return ``places_of`` for each of ``values`` (``REPEAT_MIN`` characters or more) in one pass.

    Each place of the text whose next ``REPEAT_MIN`` characters start a value is looked up once
    per length of the values: linear in the text, where a search of the text per value read it
    once per value (a dump with thousands of distinct secrets was quadratic).
    """
    found: dict[str, list[int]] = {value: [] for value in values}
    heads = {value[:REPEAT_MIN] for value in found}
    lengths = sorted({len(value) for value in found})
    size = len(text)
    starts = [at for at in range(size - REPEAT_MIN + 1) if text[at : at + REPEAT_MIN] in heads]
    for at in starts:
        for length in lengths:
            if at + length > size:
                break  # a slice past the end would be shorter than ``length``
            places = found.get(text[at : at + length])
            if places is not None:
                places.append(at)
    return found


def overlaps(sorted_hits: list[Hit], hit: Hit) -> bool:
    """Return whether ``hit`` overlaps any of the sorted, disjoint ``sorted_hits``."""
    index = bisect.bisect_left(sorted_hits, hit[1], key=lambda other: other[0])
    return index > 0 and sorted_hits[index - 1][1] > hit[0]


def merged(hits: list[Hit]) -> list[Hit]:
    """Return ``hits`` (in priority order) merged where they overlap, sorted by position."""
    if len(hits) < 2:
        return hits
    ranked = sorted(range(len(hits)), key=lambda index: hits[index][0])
    found: list[Hit] = []
    best: list[int] = []
    for index in ranked:
        start, end, name, rule = hits[index]
        if found and start < found[-1][1]:
            last = found[-1]
            if index < best[-1]:
                best[-1] = index
                last = (last[0], last[1], name, rule)
            found[-1] = (last[0], max(last[1], end), last[2], last[3])
        else:
            found.append(hits[index])
            best.append(index)
    return found
