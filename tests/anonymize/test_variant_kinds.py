"""The variant kinds of bench/check_conditions.py, drawn at random over planted secrets.

A secret of the corpora in another case, beside or around a non-ASCII character, with CRLF line
ends, inside a JSON string (escaped or not), inside quotes or joined with another corpus text:
every rule that finds something there has its trigger, gate and long run (``failed_conditions``),
and the triggers give the bytes RE2's set gives.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.anonymize.test_prefilter import PATHS, REFERENCE, SECRETS, TEXTS, failed_conditions
from tests.anonymize.test_without_re2 import RAN_WITH_RE2

PLANTED = st.sampled_from([row["text"] for row in SECRETS])
KINDS = [
    str.lower,
    str.title,
    str.swapcase,
    lambda text: text.replace("\n", "\r\n") + "\r\n",
    lambda text: '{"msg": ' + json.dumps(text) + "}",
    lambda text: '{"msg": ' + json.dumps(text, ensure_ascii=False) + "}",
    lambda text: f'"{text}"',
]


@st.composite
def variant(draw: st.DrawFn) -> str:
    """Return a planted secret's text in one kind, with a non-ASCII character or another text
    put somewhere in it."""
    text = draw(st.sampled_from(KINDS))(draw(PLANTED))
    where = draw(st.integers(0, len(text)))
    put = draw(st.sampled_from(["é", "ü", "—", "🙂", "İ", "\n", " ", st.sampled_from(TEXTS)]))
    if not isinstance(put, str):
        put = draw(put) + "\n"
    return text[:where] + put + text[where:]


@RAN_WITH_RE2
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(variant())
def test_conditions_and_paths_hold_on_the_variant_kinds(text: str) -> None:
    """No rule finds what its trigger or gate misses, and both paths redact the same bytes."""
    assert failed_conditions(REFERENCE, text) == []
    assert PATHS["triggers"].anonymize(text) == PATHS["re2 at once"].anonymize(text)
