"""Runs a protocol or tool stamps stay (``public_stamps``); secrets beside or shaped like them go."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import public_stamps
from tests.anonymize.conftest import in_mode

RUN = "Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5Pz0Ce2Mu8Aq3Wr7Z"
SHA256 = "2f9a8c1b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a"
CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        # SIP branches: RFC 3261's magic cookie, then the transaction's drawn id.
        "Via: SIP/2.0/TLS 198.51.100.7:5061;branch=z9hG4bKD1ng7QayEYKP7CdhZ6aVt9UJ",
        "Via: SIP/2.0/UDP 198.51.100.7:5060;rport;branch=z9hG4bKPj7d8c3a2e-91b4-4f6c-8a2d-5e7f9c1b3a4d",
        "SIP/2.0 200 OK\nVia: SIP/2.0/TCP 192.0.2.4;branch=z9hG4bKXq2k8vLm9Pz3nR7tY4wB;received=192.0.2.101 — ok",
        # IPFS CIDs v0, bare and in prose.
        f"ipfs pin add {CID}\npinned {CID} recursively",
        f"added {CID} photo.jpg",
        # A CI cache's keys on its cache step's lines.
        f"Cache saved with key: node-cache-Linux-x64-npm-{SHA256}",
        f"##[group]Run actions/cache@v4\nCache restored from key: setup-java-Linux-x64-maven-{SHA256}",
        f"Cache not found for input keys: Linux-pip-{SHA256}, Linux-pip-",
        f"2026-12-07T09:14:02.1234567Z Cache hit for: deps-Linux-x64-{SHA256}",
    ],
)  # fmt: skip
def test_stamps_stay(text: str, use_re2: bool) -> None:
    assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A drawn run without the cookie, or beside a branch, goes.
        (f"Via: SIP/2.0/UDP 192.0.2.4;branch={RUN}", RUN),
        (f"Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK776asdhds\nsecret={RUN}", RUN),
        # A run of 46 that is not base58 (``0``, ``l``) is no CID.
        ("pinned Qm0wAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdl", "Qm0wAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdl"),
        # Outside a cache step's line, and when a word on it says secret, the look judges.
        (f"restored from key: x\n{RUN}", RUN),
        (f"Cache saved with api key: {RUN}", RUN),
        (f"cache auth token for: {RUN}", RUN),
        # A value a ``key:`` rule judges generated still goes on a cache line.
        ("Cache restored from key: Zk3qP9vL2mX8nR4tY7wB5cD1aa", "Zk3qP9vL2mX8nR4tY7wB5cD1aa"),
    ],
)  # fmt: skip
def test_secrets_beside_or_shaped_like_stamps_go(text: str, secret: str, use_re2: bool) -> None:
    assert secret not in in_mode(use_re2).anonymize(text)


def test_cid_v0_decodes_to_a_sha256_multihash() -> None:
    assert public_stamps.is_cid_v0(CID)
    assert not public_stamps.is_cid_v0("Qm0wAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")  # ``0``
    assert not public_stamps.is_cid_v0("zzzzAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")  # too big
    assert not public_stamps.is_cid_v0("11" + CID[2:])  # leading zero bytes, no ``0x12 0x20``


def test_cache_lines() -> None:
    text = f"Cache saved with key: {SHA256}"
    assert public_stamps.is_cache_key(text, text.index(SHA256))
    text = f"the cache api key: {SHA256}"
    assert not public_stamps.is_cache_key(text, text.index(SHA256))
    text = f"Cache saved\nkey: {SHA256}"  # the key on a line of its own: no cache step's
    assert not public_stamps.is_cache_key(text, text.index(SHA256))
