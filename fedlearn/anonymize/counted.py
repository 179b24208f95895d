"""A value a person typed by counting is a placeholder, not a credential (guarantee 1).

Scanners' fixtures and documentation fill a secret's slot by running along the keyboard's digit
row or the alphabet: detect-secrets' ``secret_access_key = "1234567890abcdef1234567890abcdef…"``,
gitleaks' ``secret_key => "sk_abcdefghijklmnopqrstuvwxyz123"``,
``DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5``, ``ntn_1234567890…``. No generator
draws ten digits in order (one chance in 10⁹ at a place), and no person keeps such a password.

``is_counted`` wants both:

- a long run: the ten digits in order, or more (``1234567890``; ``9`` wraps to ``0``), or the
  whole alphabet in one case (``abcdefghijklmnopqrstuvwxyz``; ten letters from ``a`` end test
  tokens the suite and the scanners keep as tokens, ``xoxb-1234-5678-abcdefghij``);
- runs of three or more counted characters (digits or letters of one case, each the next) make
  up 70% or more of the value's letters and digits, so a drawn part (``cli_1234567890123456
  2nuq0H1dZUqRpHMz…``, 31%) keeps it a secret.

The scanners' true-positive fixtures that count stop short of both (the numbers are in
docs/anonymization.md): trufflehog's magicbell ``abcde12345-67890fghijklmnopqrs-tuvwxyzYu`` and
gitleaks' anthropic ``…-456def789ghij-klmnopqrstuvwx-…`` count 14 letters at most, digits five
at most; its hashicorpvaultauth ``12345678-1234-1234-1234-123456789abc`` nine
digits; detect-secrets' cloudant ``abcd1234abcd1234…`` four.
"""

from __future__ import annotations

# A long run's seed: the ten digits in order from any digit (``9`` wraps), the whole alphabet.
DIGIT_ROW = "0123456789" * 2
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SEEDS = (*(DIGIT_ROW[start : start + 10] for start in range(10)), ALPHABET, ALPHABET.upper())
# Counted runs shorter than this are chance (``ab``, ``12`` in a drawn token).
SHORTEST_RUN = 3
# The share of letters and digits counted runs must make up.
COUNTED_SHARE = 0.7


def is_counted(value: str) -> bool:
    """Return whether ``value`` was typed by counting (see the module): a placeholder."""
    if len(value) < 10 or not any(seed in value for seed in SEEDS):
        return False
    counted = alphanumeric = run = 0
    previous = ""
    for character in value:
        if not (character.isascii() and character.isalnum()):
            counted += run if run >= SHORTEST_RUN else 0
            run, previous = 0, ""
            continue
        alphanumeric += 1
        if previous and follows(previous, character):
            run += 1
        else:
            counted += run if run >= SHORTEST_RUN else 0
            run = 1
        previous = character
    counted += run if run >= SHORTEST_RUN else 0
    return counted >= COUNTED_SHARE * alphanumeric


def follows(previous: str, character: str) -> bool:
    """Return whether ``character`` is the one counted after ``previous``: the next digit (``9``
    then ``0``) or the next letter of the same case."""
    if previous.isdigit():
        return character.isdigit() and (int(previous) + 1) % 10 == int(character)
    if previous.islower() != character.islower() or not character.isalpha():
        return False
    return ord(character) == ord(previous) + 1
