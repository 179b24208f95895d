"""IBANs by the registry (DESIGN.md guarantee 1): every country's length and BBAN structure.

The SWIFT IBAN registry gives each country its IBAN length and its BBAN's structure, a sequence
of fixed-length parts of digits (``n``), capital letters (``a``) or either (``c``). ``numbers``
finds an IBAN in capitals by its country's length and mod 97. People and forms also write it in
lower case (``de89 3704 0044 0532 0130 00``) or mixed; and an OCR'd invoice spaces its groups
unevenly. This rule finds those, in any case with one or two blanks between the groups of four:
a case-blind shape is cheap to meet, so besides the length and mod 97 the BBAN must follow its
country's structure (a digit where the registry says ``n``, a letter where it says ``a``), which
a word, a hex digest or a base64 run of the same length does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import check_digits
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

# The registry's BBAN structures (release 2024-2025), by country.
# fmt: off
STRUCTURES = {
    "AD": "4n4n12c", "AE": "3n16n", "AL": "8n16c", "AT": "5n11n", "AZ": "4a20c", "BA": "3n3n8n2n",
    "BE": "3n7n2n", "BG": "4a4n2n8c", "BH": "4a14c", "BI": "5n5n11n2n", "BR": "8n5n10n1a1c",
    "BY": "4c4n16c", "CH": "5n12c", "CR": "4n14n", "CY": "3n5n16c", "CZ": "4n6n10n", "DE": "8n10n",
    "DJ": "5n5n11n2n", "DK": "4n9n1n", "DO": "4c20n", "EE": "2n2n11n1n", "EG": "4n4n17n",
    "ES": "4n4n1n1n10n", "FI": "3n11n", "FK": "2a12n", "FO": "4n9n1n", "FR": "5n5n11c2n",
    "GB": "4a6n8n", "GE": "2a16n", "GI": "4a15c", "GL": "4n9n1n", "GR": "3n4n16c", "GT": "4c20c",
    "HR": "7n10n", "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IL": "3n3n13n", "IQ": "4a3n12n",
    "IS": "4n2n6n10n", "IT": "1a5n5n12c", "JO": "4a4n18c", "KW": "4a22c", "KZ": "3n13c",
    "LB": "4n20c", "LC": "4a24c", "LI": "5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c",
    "LY": "3n3n15n", "MC": "5n5n11c2n", "MD": "2c18c", "ME": "3n13n2n", "MK": "3n10c2n",
    "MN": "4n12n", "MR": "5n5n11n2n", "MT": "4a5n18c", "MU": "4a2n2n12n3n3a", "NI": "4a20n",
    "NL": "4a10n", "NO": "4n6n1n", "OM": "3n16c", "PK": "4a16c", "PL": "8n16n", "PS": "4a21c",
    "PT": "4n4n11n2n", "QA": "4a21c", "RO": "4a16c", "RS": "3n13n2n", "RU": "9n5n15c",
    "SA": "2n18c", "SC": "4a2n2n16n3a", "SD": "2n12n", "SE": "3n16n1n", "SI": "5n8n2n",
    "SK": "4n6n10n", "SM": "1a5n5n12c", "SO": "4n3n12n", "ST": "4n4n11n2n", "SV": "4a20n",
    "TL": "3n14n2n", "TN": "2n3n13n2n", "TR": "5n1n16c", "UA": "6n19c", "VA": "3n15n",
    "VG": "4a16n", "XK": "4n10n2n", "YE": "4a4n18c",
}
# fmt: on
CLASSES = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


def bban_pattern(structure: str) -> str:
    """Return the regex of a BBAN structure (``8n10n`` → ``[0-9]{8}[0-9]{10}``)."""
    return "".join(
        f"{CLASSES[kind]}{{{size}}}" for size, kind in re.findall(r"([0-9]+)([nac])", structure)
    )


def bban_length(structure: str) -> int:
    """Return the length of a BBAN of ``structure``."""
    return sum(int(size) for size in re.findall(r"[0-9]+", structure))


LENGTHS = {country: 4 + bban_length(structure) for country, structure in STRUCTURES.items()}
BBANS = {country: Lazy(bban_pattern(structure)) for country, structure in STRUCTURES.items()}
# Lower-case country codes, for the lower-case copy of the text the rule reads.
COUNTRIES = "|".join(country.lower() for country in STRUCTURES)


def is_registered(value: str) -> bool:
    """Return whether ``value`` (capitals, no blanks) is an IBAN by the registry: its country's
    length and BBAN structure, and mod 97."""
    bban = BBANS.get(value[:2])
    if bban is None or LENGTHS[value[:2]] != len(value) or not value[2:4].isdigit():
        return False
    return bban.fullmatch(value[4:]) is not None and check_digits.is_iban(value)


def is_free(text: str, start: int, end: int) -> bool:
    """Return whether no letter, digit or joining character touches the span."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_+.-/:#="):
        return False
    return end == len(text) or not (text[end].isalnum() or text[end] in "_-/")


def registered(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the IBAN by the registry that the match starts with, standing alone, or None.

    A grouped IBAN may have run on into the next word (``be68 5390 0754 7034 your``): the longest
    part of the match that ends before a blank and passes is taken.
    """
    start, end = match.span()
    while end > start:
        value = "".join(text[start:end].split()).upper()
        if is_registered(value) and is_free(text, start, end):
            return start, end, ""
        end = text.rfind(" ", start, end)
        while end > start and text[end - 1] == " ":
            end -= 1
    return None


# A digit after two letters: where a country code's check digits start (``starts_at_digits``).
CHECK_DIGIT = Lazy(r"[0-9](?<=[a-z]{2}[0-9])")


def starts_at_digits(pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """
    Return a finder of what ``pattern.finditer`` finds, for a pattern whose matches open with two
    letters a digit follows (``(?=[a-z]{2}[0-9])``): it is matched only two characters before
    each digit after two letters (``CHECK_DIGIT``, a search led by a class of ten characters that
    sre skips to), in order, from the end of the last match on, instead of searched for with the
    lookahead tried at every position of the text (most of an IBAN rule's run on prose).
    """

    def find(subject: str) -> Iterator[re.Match[str]]:
        position = 0
        for digit in CHECK_DIGIT.finditer(subject):
            start = digit.start() - 2
            if start >= position:
                found = pattern.match(subject, start)
                if found is not None:
                    yield found
                    position = found.end()  # never empty: two letters and digits at least

    return find


def rules() -> list[Rule]:
    """Return the rule for IBANs in any case, their groups one or two blanks apart (``<iban>``)."""
    pattern = Lazy(
        # The lookahead is implied by what follows it; without it the engine tries the 88
        # country codes one by one at each position (~10x the search on hex digests). The finder
        # matches it where a digit follows two letters only.
        rf"(?=[a-z]{{2}}[0-9])(?:{COUNTRIES})[0-9]{{2}}"
        rf"(?: {{0,2}}[a-z0-9]{{4}}){{2,7}}(?: {{0,2}}[a-z0-9]{{1,3}})?"
    )
    return [
        personal(
            "iban",
            "<iban>",
            Matcher(pattern, judge=registered, find=starts_at_digits(pattern)),
            gate=rf"(?i:(?:{COUNTRIES})[0-9]{{2}} {{0,2}}[a-z0-9]{{4}} {{0,2}}[a-z0-9]{{4}})",
            trigger=Trigger(
                patterns=(Lazy(r"[0-9]{2} {0,2}[a-z0-9]{4} {0,2}[a-z0-9]{4}"),), lower=True
            ),
            lower=True,
        )
    ]
