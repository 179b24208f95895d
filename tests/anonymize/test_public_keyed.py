"""A signed ``.rdp`` file's signature stays (``public_keyed``); secrets beside it still go."""

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


def test_is_rdp_signature() -> None:
    text = f"{HEAD}{SCOPE}signature:s:{PLAIN}"
    start = text.index(PLAIN)
    assert public_keyed.is_rdp_signature(text, start, PLAIN)
    assert public_keyed.is_rdp_signature(text, start - 2, "s:" + PLAIN)
    assert not public_keyed.is_rdp_signature(text, start, PLAIN[:40] + " x")  # no base64
    assert not public_keyed.is_rdp_signature(text, start, PLAIN[:32])  # too short for one
    unscoped = f"{HEAD}signature:s:{PLAIN}"
    assert not public_keyed.is_rdp_signature(unscoped, unscoped.index(PLAIN), PLAIN)
