"""Personal data that needs no machine: email, IP and MAC addresses, SSH fingerprints and keys."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, personal
from tests.anonymize.conftest import found

# What ``ssh-keygen -t ed25519`` prints: its base64 has no ``+`` or ``/``.
GENERATED_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAILec1A9JoJc09HVU1CMad8atHzgVAIxOXzKQebUpMnk3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jane.doe@acme-robotics.io now", "mail <email> now"),
        ("contact <jane@example.org>", "contact <<email>>"),
        ("server at 10.1.2.3 port 22", "server at <ip> port 22"),
        ("host 192.168.1.20:8080", "host <ip>:8080"),
        ("route via 2a01:4f8:c17:1a2b::1", "route via <ip>"),
        ("link fe80::1 up", "link <ip> up"),
        ("mac 3c:22:fb:11:22:33", "mac <mac>"),
        ("mac 3C-22-FB-11-22-33", "mac <mac>"),
        (
            "key fingerprint SHA256:LTuj18s/yuDFjXVs+XqFQtGuqN0X0z8jt/+R/FlqA2I",
            "key fingerprint <ssh-fingerprint>",
        ),
        (
            "fingerprint 43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8",
            "fingerprint <ssh-fingerprint>",
        ),
        (
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIXarJoSnraYzV9KawGNwF2FJzCp269zOIwsdVLeSOz+r",
            "ssh-ed25519 <ssh-key>",
        ),
    ],
)
def test_addresses_fingerprints_and_keys_become_typed_placeholders(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Each becomes its placeholder, and none is a scan finding (personal data, not secrets)."""
    assert anonymizer.anonymize(text) == expected
    assert found(anonymizer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "listen on 127.0.0.1 and 0.0.0.0",
        "resolver 8.8.8.8, metadata 169.254.169.254, docs 192.0.2.10",
        "netmask 255.255.255.0, version 1.2.3",
        "prefix 2001:db8::1 and fe80:: and ::1",
        "code cafe::babe and std::vector::size",
        "macs 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff",
        "see git@github.com:org/repo.git",
        "ip 10.1.2.3x and x10.1.2.3",
    ],
)
def test_addresses_that_name_nobody_stay(anonymizer: Anonymizer, text: str) -> None:
    """Loopback, resolvers, documentation ranges, netmasks, versions, code, null MACs, git's own
    user and addresses glued to words stay readable."""
    assert anonymizer.anonymize(text) == text


def test_a_generated_ssh_public_key_is_personal_data_not_a_secret(anonymizer: Anonymizer) -> None:
    """A public key as ssh-keygen prints it becomes ``<ssh-key>`` and is no scan finding."""
    text = f"known host ssh-ed25519 {GENERATED_KEY}"
    assert anonymizer.anonymize(text) == "known host ssh-ed25519 <ssh-key>"
    assert found(anonymizer, text) == []


def test_a_key_blob_of_another_type_than_written_is_still_a_secret(anonymizer: Anonymizer) -> None:
    """Only a blob that begins with the type written before it is a public key: an ed25519 blob
    after ``ssh-rsa``, or a random token after a key type, stays a high-entropy secret."""
    assert found(anonymizer, f"ssh-rsa {GENERATED_KEY}") == ["high-entropy"]
    token = "AAAAk3Xq9ZpL7rT4vB8nW3yH6jK1sD0gF5aE2cRm"
    assert found(anonymizer, f"ssh-ed25519 {token}") == ["high-entropy"]
    glued = f"ssh-ed25519 {GENERATED_KEY}_k3Xq9ZpL7rT4vB8nW3yH6jK"  # no key blob has a _ or -
    assert found(anonymizer, glued) == ["high-entropy"]
    assert "k3Xq9ZpL7rT4vB8nW3yH6jK" not in anonymizer.anonymize(glued)


@pytest.mark.parametrize(
    "text",
    [
        "<img src=font@2x.png> and icon@3x.webp",
        "background: url(logo@1.5x.jpg), url(hero@4x.zip)",
        "copied assets/sprite@cdn.svg and bundle@main.js",
    ],
)
def test_file_names_with_an_at_sign_are_no_email(anonymizer: Anonymizer, text: str) -> None:
    """An image's scale suffix (``@2x``) or a file extension that is no top-level domain marks a
    file name, which stays."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "mail ops@2x.example.com",
        "mail ann@mail.py or bob@host.sh",
        "mail dev@studio.zip and me@x2.io",
        "mail icon@design.app",
    ],
)
def test_addresses_that_look_like_file_names_are_still_email(
    anonymizer: Anonymizer, text: str
) -> None:
    """Top-level domains that are also extensions (``.py``, ``.sh``, ``.zip``, ``.app``) and a
    scale-like first label in a longer domain are still addresses."""
    assert "@" not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serial Number:\n    90:70:41:30:ef:c3:26:77:31:fd:09:94:50:88:6d:5a", None),
        ("cert serial=7a:33:47:83:ec:c6:ec:52:95:72:9d:15:29:f5:e8:e9 issued", None),
        # ``openssl x509 -text`` with its ``Serial Number:`` line cut off above.
        (
            "        62:f6:32:6c:e5:c4:e3:68:5c:1b:62:dd:9c:2e:9d:95\n"
            "        Signature Algorithm: ecdsa-with-SHA384\n        Issuer: C = ES",
            None,
        ),
        (
            "MD5 fingerprint 62:f6:32:6c:e5:c4:e3:68:5c:1b:62:dd:9c:2e:9d:95\nSignature: ok",
            "MD5 fingerprint <ssh-fingerprint>\nSignature: ok",
        ),
        (
            "MD5 fingerprint 90:70:41:30:ef:c3:26:77:31:fd:09:94:50:88:6d:5a",
            "MD5 fingerprint <ssh-fingerprint>",
        ),
    ],
)
def test_a_certificate_serial_number_is_no_fingerprint(
    anonymizer: Anonymizer, text: str, expected: str | None
) -> None:
    """16 hex bytes after the word ``serial`` or before ``openssl x509 -text``'s ``Signature
    Algorithm:`` line are a certificate's serial; elsewhere a fingerprint."""
    assert anonymizer.anonymize(text) == (expected or text)


# What may stand before a dotted quad: section words in their spellings and cases, near misses
# (a word cut short, a long s for ``s``, other letters), each with the separators ``SECTION_WORD``
# allows and some it does not.
SECTION_BEFORE = [
    word + gap
    for word in (
        *("section", "Section", "SECTION", "sect.", "SECT.", "§", "rfc5280#section", "see §"),
        *("sectio", "sect", "\u017fection", "sectioN", "secti0n", "ection", "x", ""),
    )
    for gap in ("", " ", "-", "_", "\t", "  ", ":", "—")
]


@pytest.mark.parametrize("before", SECTION_BEFORE)
def test_the_section_test_before_a_quad_is_the_regex(before: str) -> None:
    # ``is_after_section`` looks at the characters before the quad first; the answer is the
    # regex's wherever the quad starts.
    for text in (before + "10.2.3.4", "ab " + before + "10.2.3.4 x"):
        first = text.index("10.2.3.4")
        expected = personal.SECTION_WORD.search(text, max(0, first - 9), first) is not None
        assert personal.is_after_section(text, first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see § 10.2.3.4 for details", "see § 10.2.3.4 for details"),
        ("rfc5280#section-4.1.1.1", "rfc5280#section-4.1.1.1"),
        ("Sect. 10.2.3.4 says", "Sect. 10.2.3.4 says"),
        ("sectio 10.2.3.4", "sectio <ip>"),
        ("sect 10.2.3.4", "sect <ip>"),
        ("host: 10.2.3.4", "host: <ip>"),
    ],
)
def test_a_sections_number_stays_and_an_address_after_other_words_does_not(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "200 listnetworks 676d2fb59dd405ea lab-mesh 4f:cc:77:a7:38:56 OK PRIVATE ztk7u0mwdb -",
        "$ sudo zerotier-cli listnetworks\n200 listnetworks <nwid> <name> <mac> <status> <type>"
        " <dev> <ZT assigned ips>\n200 listnetworks 8056c2e21c000001 home 32:a1:7f:0e:51:9c OK"
        " PRIVATE ztmjfcpyn4 -",
    ],
)
def test_a_zerotier_networks_virtual_mac_stays(anonymizer: Anonymizer, text: str) -> None:
    # ``listnetworks`` prints the virtual interface's MAC, derived from the network's and the
    # node's ids: it names no hardware.
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "eth0: link/ether 4f:cc:77:a7:38:56 brd ff:ff:ff:ff:ff:ff",
        "listnetworks 676d2fb59dd405ea lab-mesh OK\nether 4f:cc:77:a7:38:56",
        "networks 676d2fb59dd405ea lab-mesh 4f:cc:77:a7:38:56 OK",
    ],
)
def test_a_hardware_mac_beside_zerotier_words_goes(anonymizer: Anonymizer, text: str) -> None:
    assert "4f:cc:77:a7:38:56" not in anonymizer.anonymize(text)
