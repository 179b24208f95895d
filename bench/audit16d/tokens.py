"""Draw tokens from the shapes of families.py (this corpus's own sampler, seeded by the caller)."""

from __future__ import annotations

import random
import re

from families import CLASSES, SHAPES

DRAW = re.compile(r"\{([a-zA-Z]):([0-9]+)(?:-([0-9]+))?\}")


def families() -> list[tuple[str, str, str]]:
    """Return ``(family, key name, shape)`` for every line of ``SHAPES``."""
    rows = []
    for line in SHAPES.splitlines():
        family, key, shape = line.split("|", 2)
        rows.append((family, key, shape))
    return rows


def literal_start(shape: str) -> str:
    """Return the shape's literal text before its first draw."""
    match = DRAW.search(shape)
    return shape[: match.start()] if match else shape


def draw(shape: str, rng: random.Random) -> str:
    """Return one token of ``shape``; every draw mixes classes where its class allows it."""

    def one(match: re.Match[str]) -> str:
        chars = CLASSES[match.group(1)]
        lo = int(match.group(2))
        n = rng.randint(lo, int(match.group(3))) if match.group(3) else lo
        while True:
            out = "".join(rng.choice(chars) for _ in range(n))
            # A draw of a mixed class that came out all one kind (all digits, say) is drawn again:
            # real keys of that class are not, and it keeps the samples from being trivially odd.
            kinds = sum(any(c in group for c in out) for group in _GROUPS)
            if n < 8 or kinds >= min(2, sum(any(c in g for c in chars) for g in _GROUPS)):
                return out

    return DRAW.sub(one, shape)


_GROUPS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
