"""A password a person chose, under a secret's key (DESIGN.md guarantee 1: ``token=football84``).

A generated secret is long and varied; a chosen one is a word and a few digits, maybe a capital
and a symbol (``dragon69``, ``Summer794@``), or a short run a person typed (``4GDbfNW``). Under a
password's key any literal is the password already (``key_names.is_secret_value``); a token's or
an API key's value is judged by looking generated (``key_names.reads_generated``), which such a
value fails, and a placeholder word anywhere in a value made it a placeholder (``changeme43``).

- ``is_placeholder_chosen``: a placeholder word with digits appended (``changeme43``,
  ``Changeme825#``, ``example2024!``) is a password chosen from it. A placeholder is the word
  alone (``changeme``, ``CHANGEME``), in brackets or among other words (``changeme-in-prod``,
  ``your_password_here``); digits after it are what a person adds to make it a password
  (``references.is_reference`` asks).
- ``is_chosen_under``: under a token's or an API key's name (``auth_token``, ``api_key``,
  ``secret_key``, ``token``; not one that names a hash or an id, ``key_shapes.names_data``), a
  word of four or more letters (one case, or capitalised) and two to six digits, maybe a symbol
  or two, or one digit and a symbol (``football84``, ``Welcome51$``, ``Baseball7$``), or a short draw of six or seven
  letters of both cases and digits (``4GDbfNW``, ``D8Tpz3``). Not a size, width or encoding, a
  word of up to seven letters whose digits are a power of two (``base64``, ``uint32``,
  ``float16``), nor letters of one case alone or letters and digits of one case (``HS256``).
- ``is_chosen``: the same look alone, for a value prose says a password is (``the password is
  orange45``, ``admin password is MG1qxvv``: ``framed``).
"""

from __future__ import annotations

from fedlearn.anonymize import key_shapes
from fedlearn.anonymize.rules import Lazy

# A placeholder word (``checks.PLACEHOLDER_WORDS``' words a person builds a password from), then
# digits and maybe a symbol or two.
PLACEHOLDER_CHOSEN = Lazy(
    r"(?i)(?:change[_-]?me|replace[_-]?me|example|placeholder|redacted)[0-9]{2,6}[!@#$%^&*?]{0,2}"
)
# A word (lower case, capitalised or upper case), then two to six digits and maybe a symbol or
# two, or one digit and a symbol or two (``Baseball7$``).
WORD_DIGITS = Lazy(
    r"(?:[a-z]{4,16}|[A-Z][a-z]{3,15}|[A-Z]{4,16})"
    r"(?:(?P<digits>[0-9]{2,6})[!@#$%^&*?]{0,2}|[0-9][!@#$%^&*?]{1,2})"
)
# Six or seven letters and digits, upper and lower case and a digit among them.
SHORT_DRAW = Lazy(
    r"(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{6,7}"
)
# Digits that count bits or bytes after a short word: a width or an encoding (``base64``,
# ``uint32``, ``float16``, ``aarch64``); a longer word is a person's (``baseball64``).
POWERS_OF_TWO = frozenset(str(2**power) for power in range(3, 13))
WIDTH_WORD = 7
# The longest value either look fits: 16 letters, 6 digits, 2 symbols.
MOST = 24
# A capitalised name and one or two digits: prose names a product or a model so (``Windows11``,
# ``Python3``, ``Ubuntu22``) as often as a password; told in prose, a password reads as a person's
# in lower case (``orange45``), with more digits or with a symbol (``Summer794@``).
PRODUCT_NAME = Lazy(r"[A-Z][a-z]{3,15}[0-9]{1,2}")


def is_placeholder_chosen(value: str) -> bool:
    """Return whether ``value`` is a placeholder word with digits appended (see module)."""
    return PLACEHOLDER_CHOSEN.fullmatch(value) is not None


def is_told(value: str) -> bool:
    """Return whether a value prose says a password is (``the password is V``) reads as one a
    person chose: ``is_chosen``, but not a product's name (``PRODUCT_NAME``)."""
    return is_chosen(value) and PRODUCT_NAME.fullmatch(value) is None


def is_chosen_under(key: str, value: str) -> bool:
    """Return whether ``value`` under a token's or an API key's ``key`` reads as a password a
    person chose (see module)."""
    return not key_shapes.names_data(key) and is_chosen(value)


def is_chosen(value: str) -> bool:
    """Return whether ``value`` reads as a password a person chose: a word and digits, or a short
    draw (see module); ``framed`` asks it of a value prose says a password is."""
    if not 6 <= len(value) <= MOST:
        return False
    found = WORD_DIGITS.fullmatch(value)
    if found is not None:
        digits = found.group("digits")  # None after one digit and a symbol
        return digits not in POWERS_OF_TWO or found.start("digits") > WIDTH_WORD
    return SHORT_DRAW.fullmatch(value) is not None and key_shapes.is_short_draw(value)
