"""Public key material stays (``public_keys``); the secret halves of the same key pairs go."""

from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer, public_keys

AGE = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"  # age's README
AGE_BAD = AGE[:-1] + "q"  # one character off: the checksum fails
AGE_SECRET = "AGE-SECRET-KEY-1" + "QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQY"
WG_PUBLIC = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw="
RUN = "Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5P"
# A signify key line of 53 characters (not the 56 of a whole key: cut when it was pasted).
SIGNIFY_LINE = "RWS" + "Tq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5PzQ0Ce2Mu8Aq3Wr7ZkXp4Bn"


@pytest.mark.parametrize(
    "text",
    [
        f"untrusted comment: signify public key\n{SIGNIFY_LINE}",
        f"untrusted comment: minisign public key 7F3A11C2\r\n{SIGNIFY_LINE}\r\n",
        json.dumps(
            {"msg": f"fetched release.pub: untrusted comment: signify public key\n{SIGNIFY_LINE}"}
        ),
        f"# created: 2026-03-02T10:04:05Z\n# public key: {AGE}\n",
        f"Public key: {AGE}",
        f"the age public key is {AGE}",
        f"key: {AGE}",
        f"interface: wg0\n  public key: {WG_PUBLIC}\n  private key: (hidden)\n  listening port: 51820",
        f"public key: {RUN}",
        f"pubkey: {RUN}",
        f'{{"pub_key": "{RUN}"}}',
    ],
)
def test_public_key_material_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # The secret halves: a comment that says secret, an age identity, a private key.
        (f"untrusted comment: signify secret key\n{SIGNIFY_LINE}", SIGNIFY_LINE),
        (f"untrusted comment: minisign public key\nnot a key line\n{SIGNIFY_LINE}", SIGNIFY_LINE),
        (f"# public key: {AGE}\n{AGE_SECRET}", AGE_SECRET),
        (f"private key: {RUN}", RUN),
        (f"the private key is {RUN}", RUN),
        (f"key: {RUN}", RUN),
        (f"privkey: {RUN}", RUN),
        (f"republic key: {RUN}", RUN),
    ],
)
def test_secret_halves_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_age_recipient_checksum() -> None:
    assert public_keys.is_age_recipient(AGE)
    assert not public_keys.is_age_recipient(AGE_BAD)
    assert not public_keys.is_age_recipient(AGE.upper())
    assert not public_keys.is_age_recipient(AGE + "q")


def test_follows_public_comment() -> None:
    text = "untrusted comment: minisign public key\nRWQx\nRWQy"
    assert public_keys.follows_public_comment(text, text.index("RWQx"))
    assert not public_keys.follows_public_comment(text, text.index("RWQy"))
    assert not public_keys.follows_public_comment("RWQx", 0)
    escaped = 'x "untrusted comment: signify public key\\nRWQx'
    assert public_keys.follows_public_comment(escaped, escaped.index("RWQx"))
