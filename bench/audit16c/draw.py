"""Draw a random string of a regex (the audit16c corpus's own token sampler).

Walks the tree of Python's regex parser. A repeat with an open upper bound takes its lower bound
plus 0-12 (an optional one, ``*``, takes 0-2), a class one of its printable members (a negated
class a letter or digit outside it), a branch one of its arms, ``.`` a letter or digit. Anchors
and lookarounds produce nothing.
"""

from __future__ import annotations

import random
import re
import string
from re import _constants as C  # noqa: N812
from re import _parser as P  # noqa: N812

ALNUM = string.ascii_letters + string.digits
CATEGORIES = {
    C.CATEGORY_DIGIT: string.digits,
    C.CATEGORY_WORD: ALNUM + "_",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_SPACE: ALNUM,
    C.CATEGORY_NOT_DIGIT: string.ascii_letters,
    C.CATEGORY_NOT_WORD: "-",
}


def _members(items: list[tuple[object, object]]) -> tuple[str, bool]:
    chars, negate = [], False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.append(chr(av))  # type: ignore[arg-type]
        elif op is C.RANGE:
            lo, hi = av  # type: ignore[misc]
            chars.extend(chr(c) for c in range(max(lo, 0x21), min(hi, 0x7E) + 1))
        elif op is C.CATEGORY:
            chars.append(CATEGORIES.get(av, ALNUM))
    return "".join(chars), negate


def _walk(tree: object, rng: random.Random, out: list[str], nocase: bool) -> None:
    for op, av in tree:  # type: ignore[attr-defined]
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in ALNUM if ord(c) != av]))
        elif op is C.ANY:
            out.append(rng.choice(ALNUM))
        elif op is C.IN:
            chars, negate = _members(av)
            pool = [c for c in ALNUM if c not in chars] if negate else list(chars)
            out.append(rng.choice(pool or ALNUM))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            top = (lo + (2 if lo == 0 else 12)) if hi is C.MAXREPEAT else hi
            for _ in range(rng.randint(lo, top)):
                _walk(sub, rng, out, nocase)
        elif op is C.SUBPATTERN:
            _walk(av[-1], rng, out, nocase)
        elif op is C.BRANCH:
            _walk(rng.choice(av[1]), rng, out, nocase)
        elif op is C.CATEGORY:
            out.append(rng.choice(CATEGORIES.get(av, ALNUM)))


def draw(pattern: str, rng: random.Random) -> str:
    """Return a random string that ``pattern`` fully matches (ValueError if none was found)."""
    tree = P.parse(pattern)
    compiled = re.compile(pattern)
    for _ in range(20):
        out: list[str] = []
        _walk(tree, rng, out, False)
        text = "".join(out)
        if compiled.fullmatch(text):
            return text
    raise ValueError(f"no draw of {pattern!r}")
