"""What commands print stays (bench/outputs27); the secrets beside it still go.

``base64`` of a text file, a certificate's DER and a DER public key in base64 (``public_formats``),
Debian's versions and a version with a named build part (``version_quads.is_version``), the end
of a colon-hex dump (``personal.is_dump_piece``); a private key's tail under its END line
(``credentials``) is a secret.
"""

from __future__ import annotations

import base64
import random
import textwrap

import pytest

from fedlearn.anonymize import Anonymizer

rng = random.Random(2727)

# Texts no corpus holds, as ``base64 FILE`` prints them (76-character lines).
PROSE = (
    "Fennel-Grove release notes\n\nThe orchard scheduler now waits for every picker to report"
    " before it closes a round. Older clients keep working; see the upgrade guide at"
    " https://fennel.example.net/docs/upgrade for the migration of stored rounds.\n"
)
CONFIG = (
    'DISTRIB_ID="Quarrystone"\nDISTRIB_RELEASE=7.3\nDISTRIB_CODENAME=granite\n'
    'BUG_REPORT_URL="https://quarry.example.org/bugs"\nHOME_URL="https://quarry.example.org/"\n'
)
# DER heads of SubjectPublicKeyInfo: RSA 2048, EC P-256, Ed25519; and of a PKCS#8 private key.
SPKI_HEADS = [
    bytes.fromhex("30820122300d06092a864886f70d01010105000382010f00"),
    bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200"),
    bytes.fromhex("302a300506032b6570032100"),
]
PKCS8_HEAD = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7")


def wrapped(text: str, width: int = 76) -> str:
    """Return ``base64`` of ``text`` as the command prints it."""
    return "\n".join(textwrap.wrap(base64.b64encode(text.encode()).decode(), width))


def alnum_line(head: bytes, size: int) -> str:
    """Return base64 of ``head`` and random bytes (``size`` in all) with no ``+``, ``/``, ``=``."""
    while True:
        data = head + bytes(rng.randrange(256) for _ in range(size - len(head)))
        line = base64.b64encode(data).decode()
        if not set("+/=") & set(line):
            return line


@pytest.mark.parametrize("text", [PROSE, CONFIG, PROSE * 3])
def test_base64_of_a_text_file_stays(anonymizer: Anonymizer, text: str) -> None:
    blob = wrapped(text)
    assert anonymizer.anonymize(f"$ base64 notes.txt\n{blob}") == f"$ base64 notes.txt\n{blob}"


@pytest.mark.parametrize(
    "text",
    [
        # a secret split across two lines: the block names it
        "APP_HOST=orchard.internal\nAPP_USER=picker\nDB_PASSWORD=Vq7Lm2Xc9Rt4Hn8Kd3Wz6Pf\n"
        "APP_NAME=fennel and some words after it to wrap\n",
        "[default]\nregion = eu-west-1\naws_secret_access_key = Zp3Kq8Lm1Vx7Rt5Hn2Wc9Bd4Fg6Js0Ty\n",
        "users:\n- name: orchard-admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRF"
        "S0VZLS0tLS0KTUhjQ0FRRUVJQWJj\n    username: picker for the orchard cluster\n",
    ],
)
def test_base64_of_text_that_names_a_secret_is_still_redacted(
    anonymizer: Anonymizer, text: str
) -> None:
    blob = wrapped(text)
    assert "<redacted:" in anonymizer.anonymize(blob)


def test_base64_of_a_token_is_no_text(anonymizer: Anonymizer) -> None:
    token = "".join(
        rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(60)
    )
    blob = wrapped(token)
    assert "<redacted:" in anonymizer.anonymize(blob)


@pytest.mark.parametrize("head", SPKI_HEADS, ids=["rsa", "ec", "ed25519"])
def test_base64_of_a_der_public_key_stays(anonymizer: Anonymizer, head: bytes) -> None:
    line = alnum_line(head, 48)
    assert anonymizer.anonymize(line) == line
    assert anonymizer.anonymize(f"public key:\n{line}\n") == f"public key:\n{line}\n"


def test_base64_of_a_der_private_key_is_still_redacted(anonymizer: Anonymizer) -> None:
    line = alnum_line(PKCS8_HEAD, 48)
    assert line not in anonymizer.anonymize(line)


@pytest.mark.parametrize(
    "attribute",
    [b"\x06\x03\x55\x04\x03\x0c\x0ecanal.example", b"\x06\x03\x55\x1d\x0e\x04\x16\x04\x14"],
    ids=["common-name", "key-identifier"],
)
def test_a_certificate_line_without_its_armour_stays(
    anonymizer: Anonymizer, attribute: bytes
) -> None:
    while True:  # the attribute at a random place in a 48-byte PEM line
        at = rng.randrange(0, 48 - len(attribute))
        data = bytes(rng.randrange(256) for _ in range(at)) + attribute
        data += bytes(rng.randrange(256) for _ in range(48 - len(data)))
        line = base64.b64encode(data).decode()
        if not set("+/=") & set(line) and any(c.isdigit() for c in line):
            break
    assert anonymizer.anonymize(line) == line


def test_a_random_line_is_no_certificate(anonymizer: Anonymizer) -> None:
    line = alnum_line(b"", 48)
    assert line not in anonymizer.anonymize(line)


@pytest.mark.parametrize(
    "text",
    [
        "Breaks: quarrytool (<< 3.1.4.1-2~), granite-utils (<< 0.9)",
        "Depends: libfennel7 (>= 2:4.12.0.3-1), libc6 (>= 2.34)",
        "ii  libfennel-tools                  4.2.0.7-1                 amd64        Fennel tools",
        "hi  quarry-data:amd64                12.0.3.1-5+deb12u2        all          data files",
        "  v8: '12.4.254.21-node.33',\n  uv: '1.48.0',",
        "engine 10.2.154.26-rc.4 built",
    ],
)
def test_debian_and_named_build_versions_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ping 10.2.154.26 failed", "ping <ip> failed"),
        ("hi  there  10.1.2.3 is up", "hi  there  <ip> is up"),
        ("ii  relay  10.1.2.3 gateway", "ii  relay  <ip> gateway"),
        ("pool 10.1.2.3-10.1.2.40 (dhcp)", "pool <ip>-<ip> (dhcp)"),
        ("route (via 10.1.2.3)", "route (via <ip>)"),
    ],
)
def test_addresses_beside_version_shapes_still_go(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


def dump(count: int) -> list[str]:
    """Return ``count`` random bytes as colon-hex pairs."""
    return [f"{rng.randrange(256):02x}" for _ in range(count)]


@pytest.mark.parametrize("indent", ["", "        "])
def test_the_last_line_of_a_hex_dump_is_no_address(anonymizer: Anonymizer, indent: str) -> None:
    text = (
        "    Signature Value:\n"
        + "".join(f"{indent}{':'.join(dump(18))}:\n" for _ in range(3))
        + f"{indent}{':'.join(dump(8))}"
    )
    assert anonymizer.anonymize(text) == text


def test_eight_bytes_beside_a_longer_dump_are_no_address(anonymizer: Anonymizer) -> None:
    text = f"{':'.join(dump(8))}\nCertificate:\n    Serial Number:\n        {':'.join(dump(16))}"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "connect to 2a:3b:4c:5d:6e:7f:80:91 port 22",
        "    {}:\n    fd12:3456:789a::1".format(":".join(dump(18))),
    ],
)
def test_addresses_beside_no_dump_still_go(anonymizer: Anonymizer, text: str) -> None:
    assert "<ip>" in anonymizer.anonymize(text)


def b64_line(size: int) -> str:
    """Return ``size`` random base64 characters."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.parametrize(
    ("lines", "end"),
    [
        ([b64_line(70), b64_line(70), b64_line(30) + "="], "-----END OPENSSH PRIVATE KEY-----"),
        ([b64_line(64), b64_line(44)], "-----END RSA PRIVATE KEY-----"),
        (["  " + b64_line(64)], "  -----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----"),
    ],
)
def test_a_private_keys_tail_under_its_end_line_is_a_secret(
    anonymizer: Anonymizer, lines: list[str], end: str
) -> None:
    out = anonymizer.anonymize("…scrolled off\n" + "\n".join(lines) + "\n" + end)
    assert not any(line.strip() in out for line in lines)


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "paste it here:\n<your key>\n-----END PRIVATE KEY-----",
        b64_line(64) + "\n-----END CERTIFICATE-----",
    ],
)
def test_no_key_tail_without_key_material(anonymizer: Anonymizer, text: str) -> None:
    assert "private-key" not in anonymizer.anonymize(text)
