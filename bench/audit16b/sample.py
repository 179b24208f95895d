"""Draw a random string that a regex matches (the audit16b corpus's token sampler).

Walks the parse tree of Python's ``re`` parser: a literal is itself, a class one of its members
(a negated class one printable token character outside it), a repeat a count between its bounds
(an open bound at most 24 past the low one), a branch one of its arms. Anchors and lookarounds
produce nothing.
"""

from __future__ import annotations

import random
import re
import string
from re import _constants as sre_c
from re import _parser as sre_p

TOKENISH = string.ascii_letters + string.digits + "-_"
PRINTABLE = string.ascii_letters + string.digits + "-_.+/=:@"
WORD = string.ascii_letters + string.digits + "_"


def _category(cat: object) -> str:
    if cat is sre_c.CATEGORY_DIGIT:
        return string.digits
    if cat is sre_c.CATEGORY_WORD:
        return WORD
    if cat is sre_c.CATEGORY_SPACE:
        return " "
    if cat is sre_c.CATEGORY_NOT_SPACE:
        return TOKENISH
    if cat is sre_c.CATEGORY_NOT_DIGIT:
        return string.ascii_letters
    return TOKENISH


def _members(items: list[tuple[object, object]]) -> tuple[str, bool]:
    chars: list[str] = []
    negate = False
    for op, av in items:
        if op is sre_c.NEGATE:
            negate = True
        elif op is sre_c.LITERAL:
            chars.append(chr(av))  # type: ignore[arg-type]
        elif op is sre_c.RANGE:
            lo, hi = av  # type: ignore[misc]
            chars.extend(chr(c) for c in range(lo, min(hi, 0x7E) + 1))
        elif op is sre_c.CATEGORY:
            chars.extend(_category(av))
    return "".join(chars), negate


def _walk(tree: object, rng: random.Random, out: list[str]) -> None:
    for op, av in tree:  # type: ignore[attr-defined]
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.NOT_LITERAL:
            out.append(rng.choice([c for c in TOKENISH if ord(c) != av]))
        elif op is sre_c.ANY:
            out.append(rng.choice(TOKENISH))
        elif op is sre_c.IN:
            chars, negate = _members(av)
            if negate:
                pool = [c for c in TOKENISH if c not in chars] or list(TOKENISH)
            else:
                pool = [c for c in chars if c.isprintable() and c != " "] or [" "]
            out.append(rng.choice(pool))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            top = lo + 24 if hi is sre_c.MAXREPEAT else hi
            if lo == 0 and top > 1 and hi is sre_c.MAXREPEAT:
                top = 3
            for _ in range(rng.randint(lo, top)):
                _walk(sub, rng, out)
        elif op is sre_c.SUBPATTERN:
            _walk(av[-1], rng, out)
        elif op is sre_c.BRANCH:
            _walk(rng.choice(av[1]), rng, out)
        elif op is sre_c.CATEGORY:
            out.append(rng.choice(_category(av)))
        # AT (anchors), ASSERT, ASSERT_NOT, GROUPREF: nothing


def draw(pattern: str, rng: random.Random) -> str:
    """Return a random string of ``pattern`` (global flags anywhere are dropped)."""
    pattern = re.sub(r"\(\?[imsx]+\)", "", pattern)
    tree = sre_p.parse(pattern)
    out: list[str] = []
    _walk(tree, rng, out)
    return "".join(out)
