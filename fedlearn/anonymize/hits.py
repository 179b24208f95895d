"""What a pass redacts: the rules' finds (hits) merged into disjoint redactions, by priority."""

from __future__ import annotations

import bisect

from fedlearn.anonymize.rules import Rule

# A redaction: start, end, the rule name it counts under, and the rule (its placeholder, kind).
Hit = tuple[int, int, str, Rule]

# A secret found once is redacted wherever its text repeats it, if it is at least this long: the
# rule saw it where its key or shape stood, but a log often prints a value twice (fish's
# ``$K[1]: |v|`` then ``originally inherited as |v|``, a request echoed in its error, a value
# and its URL-less copy). Shorter values (``enabled`` under ``secret:``) are too often words.
REPEAT_MIN = 8
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
    seen: set[str] = set()
    for start, end, name, rule in hits:
        number = not rule.is_secret and rule.placeholder in REPEATED_NUMBERS
        if not (rule.is_secret or number) or end - start < REPEAT_MIN:
            continue
        value = text[start:end]
        if value in seen:
            continue
        seen.add(value)
        at = text.find(value)
        while at >= 0:
            if at != start and (not number or alone(text, at, at + len(value))):
                extra.append((at, at + len(value), name, rule))
            at = text.find(value, at + 1)
    return hits + extra if extra else hits


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
