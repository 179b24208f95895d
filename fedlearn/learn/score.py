"""Value score stage (DESIGN.md "Value score"): the event's own score, else the stack's formula."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

OUTCOME_POINTS = {"success": 0.4, "partial": 0.2}
FEEDBACK_POINTS = {1: 0.2, 0: 0.1}
REUSABLE_PHRASES = ("how to", "best practice", "configure", "setup", "install")
NUMBERED_STEP = re.compile(r"(?m)^\s*\d+[.)]\s")
NOVELTY = 0.05
INPUTS = ("outcome", "user_feedback", "query", "response")  # the fields ``formula`` reads


def reusability(query: str) -> float:
    """Return 0.2 × min(0.25 × the number of reusable phrases in ``query``, 1)."""
    lowered = query.lower()
    found = sum(1 for phrase in REUSABLE_PHRASES if phrase in lowered)
    return 0.2 * min(0.25 * found, 1.0)


def complexity(response: str) -> float:
    """Return 0.1 × min(0.1 × numbered steps + 0.15 × code fences + 0.5 × min(len/2000, 1), 1)."""
    steps = len(NUMBERED_STEP.findall(response))
    fences = response.count("```")
    raw = 0.1 * steps + 0.15 * fences + 0.5 * min(len(response) / 2000, 1.0)
    return 0.1 * min(raw, 1.0)


def feedback(value: Any) -> float:
    """Return the points of a ``user_feedback`` value: 1 → 0.2, 0 → 0.1, anything else 0."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float) and value in FEEDBACK_POINTS:
        return FEEDBACK_POINTS[int(value)]
    return 0.0


def text_of(value: Any) -> str:
    """Return ``value`` when it is a string, else ""."""
    return value if isinstance(value, str) else ""


def formula(event: Mapping[str, Any]) -> float:
    """Return the stack's score of an event that carries ``outcome``, rounded to 4 places."""
    total = OUTCOME_POINTS.get(str(event.get("outcome", "")).lower(), 0.0)
    total += feedback(event.get("user_feedback"))
    total += reusability(text_of(event.get("query")))
    total += complexity(text_of(event.get("response")))
    return round(total + NOVELTY, 4)


def value_score(event: Mapping[str, Any]) -> float | None:
    """Return the event's own ``value_score``, else the formula when it has ``outcome``, else None."""
    own = event.get("value_score")
    if isinstance(own, int | float) and not isinstance(own, bool):
        return float(own)
    if event.get("outcome") is not None:
        return formula(event)
    return None
