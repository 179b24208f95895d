"""A value that says in words that it is fake is a placeholder, not a credential (guarantee 1).

Scanners' test fixtures and documentation put such values under a password or key name:
detect-secrets' ``password = "somefakekey"``, ``cloudant_password = "a-fake-tooshort-key"``.
``is_said_fake`` keeps a value only when it is words and nothing else: lower-case letters,
maybe joined by ``-`` or ``_``, 8 to 40 of them, that read as words (``words.is_wordy``) and
hold ``fake``, ``dummy`` or ``bogus``. A fixture that hides the word in a drawn token
(``fakeiq999fakeecyfake3ifake``, ``skCrESWvpXysjmfakeaMGd…``) has digits, capitals or runs
that read as no word, and stays a secret; so does any chosen password with a digit or a capital.
"""

from __future__ import annotations

from fedlearn.anonymize import words
from fedlearn.anonymize.rules import Lazy

LOWER_WORDS = Lazy(r"[a-z]+(?:[-_][a-z]+)*")
SAYS_FAKE = ("fake", "dummy", "bogus")


def is_said_fake(value: str) -> bool:
    """Return whether ``value`` is lower-case words that say it is fake (see the module)."""
    if not 8 <= len(value) <= 40 or not any(word in value for word in SAYS_FAKE):
        return False
    return LOWER_WORDS.compiled.fullmatch(value) is not None and words.is_wordy(value)
