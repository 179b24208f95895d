"""A secret written as Ruby's fallback for an environment variable (DESIGN.md guarantee 1).

From the lead's form probes (session 38's leftovers, ``bench/probes43``): Ruby sets a default in
two ways the key readers did not take, ``ENV["API_KEY"] ||= "V"`` (an assignment operator of
three characters after a subscript) and ``ENV.fetch("API_KEY") { "V" }`` (the default as a
block, not a second argument). The literal is judged as after ``KEY=`` (``tables.judged``): a key
that names no secret, a reference or an empty string leaves it.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule
from fedlearn.anonymize.tables import judged

KEY = r"(?P<kq>[\"'])(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})(?P=kq)"
VALUE = r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,300})(?P=q)"
# ``ENV["KEY"] ||= "V"``
OR_ASSIGN = Lazy(r"ENV\[[ \t]*" + KEY + r"[ \t]*\][ \t]*\|\|=[ \t]*" + VALUE)
# ``ENV.fetch("KEY") { "V" }``, ``ENV.fetch("KEY") do "V" end``
FETCH_BLOCK = Lazy(
    r"ENV\.fetch\([ \t]*"
    + KEY
    + r"[ \t]*\)[ \t]*(?:\{|do\b)[ \t\r\n]*(?:\|[^|\n]{0,40}\|[ \t]*)?"
    + VALUE
)


def fallback(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a fallback literal whose variable names a secret, or None."""
    return judged(match.group("key"), match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for Ruby's ``||=`` and ``fetch`` block fallbacks; trigger and gate from ``ENV``'s heads."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(OR_ASSIGN.pattern), judge=fallback),
                Matcher(Lazy(FETCH_BLOCK.pattern), judge=fallback),
            ),
        ),
    ]
