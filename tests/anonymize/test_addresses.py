"""Addresses that stay readable: IP and MAC addresses that name no machine, and the ones that do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fedlearn.anonymize import addresses


@pytest.mark.parametrize(
    "value",
    [
        "127.0.0.1",
        "0.0.0.0",  # noqa: S104 - an address string checked, nothing bound
        "::1",
        "169.254.169.254",
        "192.0.2.10",
        "224.0.0.1",
        "255.255.255.0",
        "fe80::",
        "2001:db8::1",
        "1.1.1.1",
        "8.8.8.8",
        "not an address",
    ],
)
def test_addresses_that_name_no_machine_stay_readable(value: str) -> None:
    """Loopback, unspecified, metadata, documentation, multicast, netmasks, prefixes, well-known
    resolvers (and what is no address at all) stay."""
    assert addresses.is_kept_ip(value)


@pytest.mark.parametrize("value", ["10.1.2.3", "192.168.1.20", "fe80::1", "2a01:4f8:c17::1"])
def test_addresses_of_machines_are_not_kept(value: str) -> None:
    """Private and public addresses of hosts are redacted."""
    assert not addresses.is_kept_ip(value)


def kept_ipv4_octet_by_octet(value: str) -> bool:
    """``is_kept_ipv4`` written out octet by octet: what its one-match ASCII path must equal."""
    octets = value.split(".")
    if len(octets) != 4:
        return True
    for octet in octets:
        if not octet.isdecimal() or int(octet) > 255 or (len(octet) > 1 and octet[0] == "0"):
            return True
    first = int(octets[0])
    if first in (0, 127, 255) or 224 <= first <= 239 or value in addresses.PUBLIC_RESOLVERS:
        return True
    return value.startswith(addresses.KEPT_PREFIXES) or value == "169.254.169.254"


OCTETS = st.one_of(
    st.integers(0, 300).map(str),
    st.integers(0, 99).map(lambda number: f"0{number}"),
    st.sampled_from(["", "1a", "+1", " 1", "\u0661", "\u00b2"]),
)


@given(st.lists(OCTETS, min_size=3, max_size=5).map(".".join))
def test_is_kept_ipv4_is_the_octet_by_octet_test(value: str) -> None:
    """Every first octet from 0 to 300, leading zeros, other digits and junk: the same answer."""
    assert addresses.is_kept_ipv4(value) is kept_ipv4_octet_by_octet(value)


def test_is_kept_ipv4_keeps_the_first_octets_that_name_no_machine() -> None:
    """Each first octet, with private and documentation rest: the match and the test agree."""
    for first in range(256):
        for rest in (".1.2.3", ".0.2.10", ".51.100.7", ".254.169.254"):
            value = f"{first}{rest}"
            assert addresses.is_kept_ipv4(value) is kept_ipv4_octet_by_octet(value), value


def test_is_ipv6_wants_a_digit() -> None:
    """``cafe::babe`` reads as code; an address with a digit is IPv6."""
    assert addresses.is_ipv6("2a01:4f8::1")
    assert not addresses.is_ipv6("cafe::babe")
