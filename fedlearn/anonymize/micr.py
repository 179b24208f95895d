"""A cheque's MICR line (DESIGN.md guarantee 1): the account number between its E-13B symbols.

The line printed at the foot of a US or Canadian cheque (ANSI X9.100-160, E-13B font) writes the
routing number between two transit symbols and the account number before an on-us symbol:
``⑆021000021⑆ 1234567890⑈ 0123``. Unicode has the symbols (``⑆`` transit U+2446, ``⑈`` on-us
U+2448, ``⑉`` dash U+2449); text without them writes ``T`` or ``A`` for transit and ``U`` or
``C`` for on-us (``T021000021T 1234567890U``). The account number is personal whatever its
digits: the digits (maybe with blanks, dashes or ``⑉``) after the transit pair and before the
on-us symbol are redacted as ``<bank-account>`` (the routing number, a bank's public code,
stays). With the Unicode symbols the line says what it is; with the letters the routing number
must pass the ABA check (3-7-1 weights, mod 10) and stand alone, so a word or id that only
looks like ``T…T …U`` stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.check_digits import weighted
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

# The routing number between transit symbols, then the account up to its on-us symbol (a Lazy
# made per rule build, as every matcher's pattern is: ``tests/anonymize/test_lazy``).
LINE = (
    r"(?P<transit>⑆|(?<![A-Za-z0-9])[TA])(?P<routing>[0-9]{9})(?:⑆|[TA]) ?"
    r"(?P<value>[0-9](?:[0-9]|[ ⑉-](?=[0-9])){3,24})(?P<onus>⑈|[UC](?![A-Za-z0-9]))"
)
ABA_WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7, 1)


def is_aba(digits: str) -> bool:
    """Return whether nine digits pass the ABA routing number check (3-7-1 weights, mod 10)."""
    return weighted(digits, ABA_WEIGHTS) % 10 == 0


def account(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the account number of a MICR line, or None when letters stand for its symbols and
    the routing number fails its check or the symbols are not the same kind."""
    symbols = match.group("transit") + match.group("onus")
    if not symbols.isascii() and "⑆" in symbols and "⑈" in symbols:
        return (*match.span("value"), "")
    if not symbols.isascii() or not is_aba(match.group("routing")):
        return None
    return (*match.span("value"), "")


def rules() -> list[Rule]:
    """Return the rule for the account number of a cheque's MICR line."""
    return [
        personal(
            "bank-account",
            "<bank-account>",
            Matcher(Lazy(LINE), judge=account),
            gate=r"(?:⑆|[TA])[0-9]{9}(?:⑆|[TA]) ?[0-9]",
            trigger=Trigger(
                patterns=(Lazy(r"[⑆TA][0-9]{9}[⑆TA]"),),
            ),
        )
    ]
