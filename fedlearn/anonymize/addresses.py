"""Addresses that stay readable: loopback, documentation, multicast and the other IP addresses
that name no machine, and the MAC addresses that name no card (``personal`` asks).
"""

from __future__ import annotations

import ipaddress

from fedlearn.anonymize import rules

# Readable on purpose: loopback, unspecified, documentation, and addresses that name no machine.
KEPT_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "127.0.0.0/8",
        "0.0.0.0/32",
        "255.255.255.255/32",
        "192.0.2.0/24",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "169.254.169.254/32",
        "::/128",
        "::1/128",
        "2001:db8::/32",
        "ff00::/8",
    )
)
KEPT_PREFIXES = ("192.0.2.", "198.51.100.", "203.0.113.")
PUBLIC_RESOLVERS = frozenset({"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"})
# An ASCII dotted quad that can name a machine: octets up to 255 without leading zeros, the first
# not 0, 127, 224-239 (multicast) or 255: ``is_kept_ipv4``'s octet tests as one match.
OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
MACHINE_IPV4 = rules.Lazy(
    r"(?:[1-9][0-9]?|1[01][0-9]|12[0-689]|1[3-9][0-9]|2[01][0-9]|22[0-3]|24[0-9]|25[0-4])"
    rf"(?:\.{OCTET}){{3}}"
)
KEPT_MACS = frozenset({"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"})


def is_kept_ip(value: str) -> bool:
    """
    Return whether the address ``value`` stays readable (or is no address at all).

    Loopback, unspecified, documentation, multicast and the cloud metadata address name no machine;
    neither do netmasks, network prefixes (``fe80::``) and the best-known public resolvers.
    """
    if ":" not in value:
        return is_kept_ipv4(value)
    bare = value.split("%")[0]
    try:
        address = ipaddress.ip_address(bare)
    except ValueError:
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_kept_ipv4(str(address.ipv4_mapped))
    if bare.endswith("::"):
        return True
    return any(
        address in network for network in KEPT_NETWORKS if network.version == address.version
    )


def is_kept_ipv4(value: str) -> bool:
    """Return whether dotted-quad ``value`` stays readable (see ``is_kept_ip``) or is no address."""
    if value.isascii():  # the common case, one match (other decimal digits are read below)
        if MACHINE_IPV4.fullmatch(value) is None:
            return True
        return (
            value in PUBLIC_RESOLVERS
            or value.startswith(KEPT_PREFIXES)
            or value == "169.254.169.254"
        )
    octets = value.split(".")
    if len(octets) != 4:
        return True
    for octet in octets:
        if not octet.isdecimal() or int(octet) > 255 or (len(octet) > 1 and octet[0] == "0"):
            return True
    first = int(octets[0])
    if first in (0, 127, 255) or 224 <= first <= 239 or value in PUBLIC_RESOLVERS:
        return True
    return value.startswith(KEPT_PREFIXES) or value == "169.254.169.254"


def is_ipv6(value: str) -> bool:
    """Return whether ``value`` is an IPv6 address with a digit (``cafe::babe`` reads as code)."""
    try:
        ipaddress.IPv6Address(value.split("%")[0])
    except ValueError:
        return False
    return any(c.isdigit() for c in value)
