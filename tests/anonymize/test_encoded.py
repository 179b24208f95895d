"""Secrets inside base64 of text: decoded, judged by the anonymizer's rules, redacted whole."""

from __future__ import annotations

import base64
import json

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, encoded
from tests.anonymize.conftest import MACHINE, found, in_mode

TOKEN = "ghp_" + "Xk9vLq2ZpW7rTb4NcYd8Hs1Ju6Fe3Ga5Mi0O"
# The rule for long generated runs redacts many a blob too (as ``high-entropy``): off here, so
# that what is redacted is this rule's doing.
QUIET = config.Anonymize(disable=["high-entropy"])


@pytest.fixture(scope="module")
def engine() -> Anonymizer:
    """Return an anonymizer without the ``high-entropy`` rule."""
    return Anonymizer(QUIET, MACHINE)


def b64(text: str, *, url: bool = False) -> str:
    """Return ``text`` base64-encoded (base64url without padding with ``url``)."""
    raw = text.encode()
    if url:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize(
    "plain",
    [
        json.dumps({"vercel_token": "vci_0YSrHIKjcqsYZZFDMpO8FYAPkgOk8sVPjBF0oUmPnDCXI709"}),
        json.dumps({"github": TOKEN}),
        "DB_PASSWORD=Tr0ub4dor&3xQ9\nLOG_LEVEL=debug\n",
        '{"auths": {"registry.acme.lan": {"password": "Zq8vKx2LmW9p"}}}',
    ],
)
def test_base64_of_text_with_a_secret_is_redacted_whole(engine: Anonymizer, plain: str) -> None:
    blob = b64(plain)
    text = json.dumps({"kind": "settings", "encoding": "base64", "data": blob})
    out = engine.anonymize(text)
    assert blob not in out
    assert '"data": "<redacted:encoded-secret>"' in out
    assert found(engine, text) == ["encoded-secret"]


def test_base64url_without_padding_and_in_prose(engine: Anonymizer) -> None:
    blob = b64(json.dumps({"token": TOKEN, "n": 1}), url=True)
    out = engine.anonymize(f"state param was {blob} (expired)")
    assert out == "state param was <redacted:encoded-secret> (expired)"


@pytest.mark.parametrize(
    "text",
    [
        # Base64 of text without a secret: kept.
        "data: " + b64(json.dumps({"kind": "settings", "replicas": 3, "image": "nginx:1.27"})),
        "payload " + b64("hello world, this is a plain message of no interest!"),
        # Not base64 of text (random bytes, hashes, paths): never decoded to a finding.
        "integrity sha512-" + base64.b64encode(bytes(range(200, 248))).decode(),
        "/usr/lib/python3/dist-packages/setuptools/command/build",
        "commit 3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b",
    ],
)
def test_no_secret_inside_means_no_change(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_decoded_text_is_not_decoded_again() -> None:
    """One level deep: while the anonymizer judges decoded text, the rule decodes nothing."""
    decoder = encoded.Decoder()
    seen: list[str] = []

    def finds(text: str) -> bool:
        seen.append(text)
        return decoder.holds_secret(text + " again")

    decoder.finds = finds
    assert decoder.holds_secret("plain") is False
    assert seen == ["plain"]
    assert encoded.Decoder().holds_secret("no anonymizer: nothing found") is False


def test_disabled_rules_do_not_count_inside() -> None:
    settings = config.Anonymize(disable=["github-token", "high-entropy", "secret-value"])
    quiet = Anonymizer(settings, MACHINE)
    blob = b64(json.dumps({"note": TOKEN}))
    assert quiet.anonymize(f"x {blob} y") == f"x {blob} y"


def test_both_paths_agree(engine: Anonymizer) -> None:
    reference = Anonymizer(QUIET, MACHINE, use_prefilter=False)
    text = "a " + b64(json.dumps({"github": TOKEN})) + " b " + b64("nothing here at all, no")
    assert engine.anonymize(text) == reference.anonymize(text)
    assert "<redacted:encoded-secret>" in reference.anonymize(text)
    full = Anonymizer(config.Anonymize(), MACHINE)
    assert full.anonymize(text) == Anonymizer(
        config.Anonymize(), MACHINE, use_prefilter=False
    ).anonymize(text)


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (b64('{"a": "bcdefghijklmnop"}'), True),
        ("eyJhIjoiYiJ9eyJhIjoiYiJ9X", False),  # a length base64 never has (4n + 1)
        ("ab+cd/ef-gh_ijklmnopqrstuvwx", False),  # both alphabets
        ("Zz9Qx7Lk2Mn8Pv4Rt6Wy1Bc3", False),  # a token: group heads outside A-Za-f
        ("a" * 20, True),
    ],
)
def test_could_be_text(run: str, expected: bool) -> None:
    assert encoded.could_be_text(run) is expected


def test_decoded_needs_printable_utf8() -> None:
    assert encoded.decoded(b64("héllo wörld\tand more")) == "héllo wörld\tand more"
    assert encoded.decoded(base64.b64encode(b"\x00\x01binary\xff").decode()) is None
    assert encoded.decoded("YWJj=") is None  # padding to a length base64 never has


def test_in_non_ascii_text(engine: Anonymizer) -> None:
    blob = b64(json.dumps({"github": TOKEN}))
    out = engine.anonymize(f"Blob für die Stufe: {blob} — löschen")
    assert out == "Blob für die Stufe: <redacted:encoded-secret> — löschen"


def test_base64_of_user_and_password_is_redacted(engine: Anonymizer) -> None:
    blob = b64("ci-bot:Tr0ub4dor3xQz")
    assert engine.anonymize(f"echo {blob} | base64 -d") == (
        "echo <redacted:encoded-secret> | base64 -d"
    )


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("admin:Tr0ub4dor3xQz", True),
        ("ci-bot:R8#kq!Vz2m", True),
        ("https://example.com/abcdef", False),  # a URL
        ("user:password", False),  # short, a word
        ("key:value-of-thing", False),  # words
        ("app:1.2.3-beta.4+build5", False),  # a version
        ("12:34:56.789012345", False),  # a time: no letter in the user name
    ],
)
def test_is_user_password(plain: str, expected: bool) -> None:
    assert encoded.is_user_password(plain) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST /probe 400 form: probe=redis-cli+-h+cache7+-a+%27Qz4mLp%2182vRt%27+ping&save=1",
            "POST /probe 400 form: probe=<redacted:encoded-secret>&save=1",
        ),
        (
            "GET /exec?shell=sshpass%20-p%20%27Lantern%259Kx%27%20ssh%20ops%40db7 HTTP/1.1",
            "GET /exec?shell=<redacted:encoded-secret> HTTP/1.1",
        ),
        (
            "body=probe=ldapwhoami+-x+-D+%22cn%3Dops%2Cdc%3Dexample%22+-w+%27Qz4mLp%2182vRt%27&save=1",
            "body=probe=<redacted:encoded-secret>&save=1",
        ),
    ],
)
def test_url_encoded_form_values_holding_a_secret_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET /search?q=reset%20my%20password%20please&page=2",
        "form: env=DB_HOST%3Ddb7%0ADB_PASSWORD%3D%24%7BDB_PASSWORD%7D&save=1",
        "cmd=mysql+-h+db7+-u+etl+app&x=1",
        "title=Velvet%20Oak%2077&lang=en",
    ],
)
def test_url_encoded_form_values_without_a_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST /hook 500 form: cmd=mysql+-u+root+-p%22Zq8vLm2%21Rt%22+-e+status&x=1",
            "POST /hook 500 form: cmd=<redacted:encoded-secret>&x=1",
        ),
        (
            "curl -d 'run=psql%0Apassword%3DHk4%21Wq8zTn' x",
            "curl -d 'run=<redacted:encoded-secret>' x",
        ),
    ],
)
def test_an_encoded_form_value_passes_its_gate(use_re2: bool, text: str, expected: str) -> None:
    """The form value's gate (the encoded character alone, ``encoded.rules``) lets the rule run
    wherever it finds something: the RE2 sets and the triggers give the same output."""
    assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text", ["GET /files/My%20Report.pdf 200", "see %22docs%22 and %0A markers", "x=1 y%3D2"]
)
def test_encoded_characters_outside_a_form_value_stay(use_re2: bool, text: str) -> None:
    assert in_mode(use_re2).anonymize(text) == text
