"""ZooKeeper's digest and Solr's basic-auth ``user:password`` pairs (``digest_auths``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        f"[zk: zk1.example.com:2181(CONNECTED) 0] addauth digest svc-deploy:{SECRET}",
        f'zk.addAuthInfo("digest", "admin:{SECRET}".getBytes());',
        f'    .authorization("digest", "svc:{SECRET}".getBytes(StandardCharsets.UTF_8))',
    ],
)
def test_the_pairs_password_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SECRET not in out, out
        assert "<redacted:password>" in out


@pytest.mark.parametrize(
    "text",
    [
        'SOLR_AUTHENTICATION_OPTS="-Dbasicauth=solr:cf3ddada-0da7-4eca-9f86-f0a439160ccd"',
        "java -Dbasicauth=solr:k4d8x2m9q7w3e5r1t6y0u8i2o4p9 -jar client.jar",
    ],
)
def test_solrs_basic_auth_pair_is_redacted(text: str) -> None:
    secret = text.split("solr:")[1].split()[0].rstrip('"')
    for use_re2 in (True, False):
        assert secret not in in_mode(use_re2).anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # an ACL holds the password's hash; a reference; a placeholder
        "setAcl /app digest:bob:Ie+8vyLLsyzH8P0fH3Zg2W8pYbw=:cdrwa",
        "addauth digest bob:${ZK_PASSWORD}",
        "addauth digest user:password",
        # another scheme's argument is no pair
        "addauth sasl bob",
    ],
)
def test_other_auth_lines_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
