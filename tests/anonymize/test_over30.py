"""What session 30 found over-redacted among the blind corpora's benign rows (bench/contexts29,
draws29, telemetry27, code28, outputs27): token bodies no draw makes (one case and no digit,
a repeated block, ids before a mask), base64 of a sentence that names a secret without telling
one, dotted quads a text calls versions, and base64 lines of a public object whose head was cut.
Each with the secrets of the same shape that stay redacted."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer, public_base64

# Lines of base64 (no ``+`` or ``/``: each one is a long run the look rule judges).
LINES = (
    "Hq2Lm9Zt4Rv8Wn3Kp7Xc1Bd6Fg0Jy5Ts2Qa8Ue4Mi9Oh3Vr7Nc1Yd6Pk0Lw5Zx2B",
    "Gj7Wm2Qs9Ek4Rt1Yu6Io3Pa8Sd5Fh0Jk7Lz2Xc9Vb4Nm1Qw6Er3Ty8Ui5Op0As7D",
    "Tf3Rk8Yp1Wq6Zm4Xn9Cv2Bl7Gs0Hd5Ja8Ke3Lu6Mo1Ni4Ob9Pc2Qd7Re0Sf5Tg2",
)


def b64(plain: str | bytes) -> str:
    data = plain.encode() if isinstance(plain, str) else plain
    return base64.b64encode(data).decode()


@pytest.mark.parametrize(
    "text",
    [
        "vault token s.kqzmwvrtpxlnbhdgfcjsyaeu ok",
        "export VAULT_LEGACY=b.QZMWVRTPXLNBHDGFCJSYAEUK",
        'skipped "xoxp-310927465501-620184736652-918273645512-################"',
        "xoxb-2048771122-993311-**********",
        "fixture GR1348941454545454545454545454545 rejected",
        "GR1348941909909909909909909909909909",
        '"token": "xoxp-310927465501-620184736652-918273645512-################"',
    ],
)
def test_a_token_body_no_draw_makes_stays(anonymizer: Anonymizer, text: str) -> None:
    """24+ letters of one case and no digit, a body of 4 distinct characters or fewer past the
    literal, a token masked after its ids (digit parts), a ``####`` mask under a key."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("vault token s.QW7ERTY2UIOPAS3DFGHJKLZX ok", "vault-legacy-token"),
        ("vault token s.q7wertyuiop2asdfghjklzxc ok", "vault-legacy-token"),
        ("vault token s.QwErTyUiOpAsDfGhJkLzXcVb ok", "vault-legacy-token"),
        ("- xoxb-77120938475-Hq2Lm9Zt4Rv8****", "slack-token"),
        ("t xoxp-310927465501-620184736652-Zq8vT1mK2pLw-####", "slack-token"),
        ("fixture GR1348941Zq8vT1mK2pLw9xYb4NcR rejected", "gitlab-token"),
        ('password="Qw8rT2yU4#iO6"', "password"),
    ],
)
def test_a_drawn_token_of_the_same_shape_goes(anonymizer: Anonymizer, text: str, rule: str) -> None:
    assert f"<redacted:{rule}>" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "plain",
    [
        "your password reset link expired today",
        "token refresh failed for the nightly job",
        "session cookies expire after one hour",
    ],
)
def test_base64_of_a_sentence_that_names_a_secret_stays(anonymizer: Anonymizer, plain: str) -> None:
    text = f"X-Message-B64: {b64(plain + ' ' * (-len(plain) % 3))}"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "plain",
    [
        "the deploy password is Qm7xT2vK9p now",
        "api token: Zq8vT1mK2pLw for staging",
        "reset the admin password with hunter22 first",
        "session secret was rotated to bluefox tonight",
    ],
)
def test_base64_of_a_sentence_that_tells_a_secret_is_none(plain: str) -> None:
    assert not public_base64.is_sentence_base64(b64(plain + " " * (-len(plain) % 3)))


@pytest.mark.parametrize(
    "text",
    [
        "Git 1.9.5.2 Release Notes\n==========================",
        "many fixes accumulated since the 2.0.4.1 release.",
        "Fixes since v1.6.3.2\n--------------------\n * The fix for this in 1.6.3.2 was slow.",
        "upgrade to version 4.2.0.7; later 4.2.0.7 broke the plugin",
    ],
)
def test_a_quad_the_text_calls_a_version_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Fixes since v1.8.1.2, peer 81.2.69.160 is up",
        "lease of 81.2.69.160 released by the client",
        "release notes mention 81.2.69.160 as the mirror",
        "conversion 81.2.69.160 then conversion 81.2.69.160",
        # ``release`` before a quad is a verb too: its other copies stay addresses
        "Release 81.2.69.160 to the pool (client 81.2.69.160 renewed)",
        "dhclient: release 192.168.1.20 from lease; bound to 192.168.1.20",
    ],
)
def test_an_address_beside_a_version_goes(anonymizer: Anonymizer, text: str) -> None:
    assert "<ip>" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "tail",
    [
        "\n=3Rgl\n-----END PGP PUBLIC KEY BLOCK-----",
        "\nCQKBDA==\n-----END CERTIFICATE-----",
    ],
)
def test_base64_lines_of_a_cut_public_object_stay(anonymizer: Anonymizer, tail: str) -> None:
    text = "\n".join(LINES) + tail
    assert anonymizer.anonymize(text) == text


def test_base64_lines_of_a_cut_certificate_stay(anonymizer: Anonymizer) -> None:
    """A block of base64 lines that decodes to an X.509 name attribute's identifier."""
    der = bytes(range(60)) + b"\x06\x03\x55\x04\x03\x0c\x0bnumbat.test" + bytes(range(90, 210))
    lines = [b64(der)[i : i + 64] for i in range(0, len(b64(der)), 64)]
    text = "gpg: no valid OpenPGP data found\n" + "\n".join(lines[:4])
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "tail",
    ["\n-----END PRIVATE KEY-----", "\n-----END PGP PRIVATE KEY BLOCK-----", "\nend of file"],
)
def test_base64_lines_of_a_cut_private_object_go(anonymizer: Anonymizer, tail: str) -> None:
    out = anonymizer.anonymize("\n".join(LINES) + tail)
    assert not any(line in out for line in LINES)


def test_a_certificate_block_in_a_pkcs12_goes(anonymizer: Anonymizer) -> None:
    """X.509 names beside PKCS#12's identifier: a keystore, its key with the certificate."""
    der = (
        bytes(range(60))
        + b"\x06\x03\x55\x04\x03\x0c\x0bnumbat.test"
        + b"\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x0a\x01\x02"
        + bytes(range(90, 210))
    )
    lines = [b64(der)[i : i + 64] for i in range(0, len(b64(der)), 64)]
    out = anonymizer.anonymize("\n".join(lines[:4]))
    assert "<redacted:" in out
