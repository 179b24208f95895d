"""IBANs by the registry: any case, uneven blanks, every registry country; near misses stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.anonymize import ibans, numbers
from tests.anonymize.conftest import in_mode as anonymizer


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("überweise an lv40 mmgt 2917 r12n 97hj 8 bis freitag", "überweise an <iban> bis freitag"),
        ("refund: at706528630374862570.", "refund: <iban>."),
        ("Konto Is85 2929 6111 2422 6238 5734 15 (Arion)", "Konto <iban> (Arion)"),
        ("IBAN :  SO82  2792  8201  0276  1612  490", "IBAN :  <iban>"),
        ("ly60 3434 1533 6471 7641 8457 8 then more", "<iban> then more"),
    ],
)
def test_iban_in_any_case_is_redacted(text: str, expected: str, use_re2: bool) -> None:
    """An IBAN in lower or mixed case, or with its groups two blanks apart, becomes ``<iban>``."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "value",
    ["MN451973699356327295", "YE05CWQV1756541046680965796567", "NI68FVCQ40905366566658120567"],
)
def test_every_registry_country_is_known(value: str) -> None:
    """Countries the registry added lately (Mongolia, Yemen, Nicaragua…) are IBANs in capitals too."""
    assert anonymizer(False).anonymize(f"pay to {value} today") == "pay to <iban> today"
    assert numbers.IBAN_LENGTHS[value[:2]] == len(value)


@pytest.mark.parametrize(
    "text",
    [
        "commit at706528f30374862570 reverted",  # a letter where Austria's BBAN has digits
        "blob at16deadbeefcafe1234 stored",  # passes mod 97, not Austria's structure
        "token de241a2b3c4d5e6f7a8b9c expired",  # the same for Germany
        "ref at706528630374862571",  # fails mod 97
        "id xat706528630374862570",  # touches a letter
        "lv40 mmgt 2917 r12n 97hj",  # too short for Latvia
        "zz12 3456 7890 1234 5678",  # no such country
    ],
)
def test_near_misses_stay(text: str) -> None:
    """What fails the structure, the length, mod 97, or stands in a word stays as written."""
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text


def test_registry_structure() -> None:
    """The lengths come from the structures: Germany 22, Norway 15, Saint Lucia 32."""
    assert (ibans.LENGTHS["DE"], ibans.LENGTHS["NO"], ibans.LENGTHS["LC"]) == (22, 15, 32)
    assert ibans.is_registered("DE89370400440532013000")
    assert not ibans.is_registered("DE8937040044053201300X")


# Country codes and near misses, digits, blanks and letters, so matches start, end and touch anywhere.
PIECES = st.sampled_from(
    ["de", "lv", "at", "zz", "d", "e", "89", "4", "0", " ", "  ", "3704", "mmgt", "x", "\n", "é"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=16))
def test_finder_finds_what_finditer_finds(pieces: list[str]) -> None:
    """The finder that matches only before a digit after two letters finds what the search finds."""
    rule = ibans.rules()[0]
    matcher = rule.matchers[0]
    assert matcher.find is not None
    subject = "".join(pieces)
    found = [(m.span(), m.groups()) for m in matcher.find(subject)]
    assert found == [(m.span(), m.groups()) for m in matcher.pattern.finditer(subject)]


def test_finder_on_ibans_side_by_side() -> None:
    """Two IBANs in a row, one inside a run of letters: each found where the search finds it."""
    matcher = ibans.rules()[0].matchers[0]
    assert matcher.find is not None
    for subject in ["lv40mmgt2917r12n97hj8de89370400440532013000", "xxde89 3704 0044 0532 0130 00"]:
        found = [m.span() for m in matcher.find(subject)]
        assert found == [m.span() for m in matcher.pattern.finditer(subject)]
        assert found
