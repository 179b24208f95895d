"""Numbers that documentation publishes as examples, kept where their line says so (guarantee 1).

NANPA keeps ``555-0100`` to ``555-0199`` for fiction (``is_fictional_phone``), and payment
processors publish test card numbers that pass Luhn: 12 or more of their digits one digit or two
in turn (``4242 4242 4242 4242``, ``4111 1111 1111 1111``, ``5555 5555 5555 4444``:
``is_test_card``), which no issuer's account numbers are. Such a number is no one's, but test
data also writes them as samples of real ones (``card 4111 1111 1111 1111 on file``), so one
stays only when the words before it on its line say it is an example (``example``, ``sample``,
``test``, ``demo``, ``fictional``, ``dummy``, ``fake``, ``placeholder``, ``sandbox``, ``e.g.``):
``Example phone: +1 555 0100``, ``Stripe test cards: 4242 4242 4242 4242`` (bench/agent16j).
The phone and card rules ask ``is_example_phone`` and ``is_example_card``.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

# Words that call what follows an example, and how far back on the line they count.
SAYS_EXAMPLE = Lazy(
    r"(?i)(?<![a-z])(?:examples?|e\.g\.|samples?|tests?|testing|demo|fictional|fictitious"
    r"|dummy|fake|placeholder|sandbox)(?![a-z])"
)
WINDOW = 80
# How many of a card's digits a test number repeats (``is_test_card``).
TEST_CARD_RUN = 12


def is_fictional_phone(digits: str) -> bool:
    """
    Return whether a North American number's digits are in the range NANPA keeps for fiction,
    ``555-0100`` to ``555-0199``, with or without an area code or ``+1`` (``+1 555 0100``,
    ``(415) 555-0142``, ``+1-212-555-0199``).
    """
    if len(digits) in (8, 11) and digits[0] == "1":
        digits = digits[1:]
    return len(digits) in (7, 10) and digits[-7:-2] == "55501"


def is_test_card(digits: str) -> bool:
    """Return whether a card's digits are a processor's test number: 12 or more of them one digit
    or two in turn (a drawn account number does so about 10^-10 of the time)."""
    longest = run = 0
    for first, second in zip(digits, digits[2:], strict=False):
        run = run + 1 if first == second else 0
        longest = max(longest, run)
    return longest + 2 >= TEST_CARD_RUN


def says_example(text: str, start: int) -> bool:
    """Return whether the words before ``start`` on its line (``WINDOW`` characters at most) call
    what follows an example."""
    line = text.rfind("\n", max(0, start - WINDOW), start) + 1
    return SAYS_EXAMPLE.compiled.search(text, max(line, start - WINDOW), start) is not None


def is_example_phone(text: str, start: int, digits: str) -> bool:
    """Return whether the phone number at ``start`` is fiction's and its line says example."""
    return is_fictional_phone(digits) and says_example(text, start)


def is_example_card(text: str, start: int, digits: str) -> bool:
    """Return whether the card number at ``start`` is a test number its line calls an example."""
    return is_test_card(digits) and says_example(text, start)
