"""Signatures stay by their format (``public_keyed``): a signed ``.rdp`` file's, an HTTP message
signature, a DER signature value; secrets beside them still go."""

from __future__ import annotations

import base64
import random

import pytest

from fedlearn.anonymize import Anonymizer, public_keyed

rng = random.Random(4242)
SIGNATURE = base64.b64encode(rng.randbytes(300)).decode()  # rdpsign's PKCS #7 blob, cut short
PLAIN = next(  # one with no ``+`` or ``/``: the look rule judges it as one run
    sig
    for sig in (base64.b64encode(rng.randbytes(96)).decode() for _ in range(10_000))
    if not set("+/") & set(sig)
)
HEAD = (
    "screen mode id:i:2\nfull address:s:billing.rds.example.com\nusername:s:\n"
    "prompt for credentials:i:1\ngatewayhostname:s:gw.example.com\n"
)
SCOPE = "signscope:s:Full Address,Alternate Full Address,Server Port,GatewayHostname\n"
TOKEN = "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6fG8hJkLmNoPqRsT"


def der_signature(size: int = 32) -> str:
    """Return base64 of a DER ECDSA signature value with ``size``-byte ``r`` and ``s``."""
    parts = b""
    for _ in range(2):
        number = rng.randbytes(size)
        number = (b"\x00" + number) if number[0] & 0x80 else number
        parts += bytes([0x02, len(number)]) + number
    length = bytes([len(parts)]) if len(parts) < 0x80 else bytes([0x81, len(parts)])
    return base64.b64encode(b"\x30" + length + parts).decode()


ECDSA = der_signature()
P384 = der_signature(48)
MESSAGE_SIGNATURE = base64.b64encode(rng.randbytes(256)).decode()
INPUT = 'Signature-Input: sig1=("@method" "@authority" "@path");created=1618884473;keyid="k1"\n'


@pytest.mark.parametrize(
    "text",
    [
        # A signed .rdp file as rdpsign writes it, as `type` prints it, in a diff, in a log.
        f"{HEAD}{SCOPE}signature:s:{SIGNATURE}",
        f"{HEAD}{SCOPE}signature:s:{PLAIN}\n",
        f"PS C:\\> Get-Content .\\billing.rdp\n{HEAD}{SCOPE}signature:s:{PLAIN}\nPS C:\\>",
        f"--- a/billing.rdp\n+++ b/billing.rdp\n {SCOPE}-signature:s:{PLAIN}\n+signature:s:{SIGNATURE}",
    ],
)
def test_rdp_signature_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # No signscope line: no signed .rdp file, the value is judged as before.
        (f"{HEAD}signature:s:{PLAIN}", PLAIN[:40]),
        # A signature key elsewhere in a signed file's text: a webhook's, not at a line's start.
        (f"{HEAD}{SCOPE}x-hub-signature: {PLAIN}", PLAIN[:40]),
        # The file's saved password (DPAPI blob) beside its signature.
        (f"{HEAD}password 51:b:{TOKEN}\n{SCOPE}signature:s:{PLAIN}", TOKEN),
        # A token under another setting of a signed file.
        (f"{HEAD}{SCOPE}signature:s:{PLAIN}\napi_key:s:{TOKEN}", TOKEN),
    ],
)
def test_secrets_beside_it_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # An HTTP message signature (RFC 9421) with the header that says what it covers.
        f"{INPUT}Signature: sig1=:{MESSAGE_SIGNATURE}:",
        f"> POST /v1/ingest HTTP/1.1\n> {INPUT.lower()}> signature: sig1=:{MESSAGE_SIGNATURE}:\n>",
        # A Sigstore bundle's and cosign's ECDSA signature values (P-256, P-384).
        f'{{"messageSignature": {{"messageDigest": {{"algorithm": "SHA2_256"}}, '
        f'"signature": "{ECDSA}"}}}}',
        f"cosign.sig: {ECDSA}",
        f'{{"critical": {{}}, "signature": "{P384}"}}',
    ],
)
def test_signatures_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A Signature header with no Signature-Input: a webhook's, judged as before.
        (f"Signature: sig1=:{MESSAGE_SIGNATURE}:", MESSAGE_SIGNATURE[:40]),
        # Under a key that names a secret, a DER value goes as any value does.
        (f"api_key: {ECDSA}", ECDSA[:40]),
        # Base64 under a signature key that is no DER signature value.
        (f'{{"signature": "{MESSAGE_SIGNATURE}"}}', MESSAGE_SIGNATURE[:40]),
    ],
)
def test_other_values_under_signature_keys_go(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_is_der_signature() -> None:
    assert public_keyed.is_der_signature(ECDSA)
    assert public_keyed.is_der_signature(P384)
    assert public_keyed.is_der_signature(der_signature(66))  # P-521: a long-form length
    assert not public_keyed.is_der_signature(ECDSA[:-4])  # cut short: its lengths lie
    ec_private = b"\x30\x77\x02\x01\x01\x04\x20" + rng.randbytes(32) + rng.randbytes(82)
    assert not public_keyed.is_der_signature(base64.b64encode(ec_private).decode())
    drawn = (base64.b64encode(b"\x30\x45" + rng.randbytes(69)).decode() for _ in range(2000))
    assert not any(public_keyed.is_der_signature(value) for value in drawn)


def test_is_rdp_signature() -> None:
    text = f"{HEAD}{SCOPE}signature:s:{PLAIN}"
    start = text.index(PLAIN)
    assert public_keyed.is_rdp_signature(text, start, PLAIN)
    assert public_keyed.is_rdp_signature(text, start - 2, "s:" + PLAIN)
    assert not public_keyed.is_rdp_signature(text, start, PLAIN[:40] + " x")  # no base64
    assert not public_keyed.is_rdp_signature(text, start, PLAIN[:32])  # too short for one
    unscoped = f"{HEAD}signature:s:{PLAIN}"
    assert not public_keyed.is_rdp_signature(unscoped, unscoped.index(PLAIN), PLAIN)
