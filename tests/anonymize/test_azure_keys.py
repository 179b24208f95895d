"""Azure's identifiable keys: found by their signature at its offset, wherever they stand."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, azure_keys
from fedlearn.anonymize.rules import Lazy

from .conftest import found

BODY = "q9ZmX7wR2tLb4NcYd8Hs1Ju6Fe3Ga5Mi0OvKp/T+e"  # 41 base64 characters


def body(size: int) -> str:
    """Return ``size`` base64 characters that read as generated."""
    return (BODY * 3)[:size]


FUNCTION = body(40).replace("/", "_").replace("+", "-") + "Kp3z" + "AzFu" + "Xy7Qa" + "w=="
SEARCH = body(42).replace("/", "x").replace("+", "y") + "AzSeC" + "k2LpZ"
SERVICE_BUS = body(33) + "+ASbF" + "r8Tz1="
EVENT_GRID = body(33) + "AZEGA" + "9s/Lm="
STORAGE = body(76) + "+ASt" + "Qw3eR" + "g=="
COSMOS = body(76) + "ACDb" + "Zx9Lp" + "A=="
REGISTRY = body(42) + "+ACRB" + "7yTq2"


@pytest.mark.parametrize(
    "text",
    [
        f"rotated the function key, the new one is {FUNCTION} (old one revoked)",
        f"| search | {SEARCH} |",
        f"sb.send failed; key={SERVICE_BUS};EntityPath=orders",
        f"- eventgrid:\n    - {EVENT_GRID}\n",
        f"[parameters: ('{STORAGE}', 3)]",
        f"<Key>{COSMOS}</Key>",
        f"docker login acme.azurecr.io -u acme -p {REGISTRY}",
        f"AZURE_STORAGE_ACCOUNT_KEY={STORAGE}",
    ],
)
def test_identifiable_keys_are_found_anywhere(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out
    for key in (FUNCTION, SEARCH, SERVICE_BUS, EVENT_GRID, STORAGE, COSMOS, REGISTRY):
        assert key not in out


def test_a_bare_key_is_named_by_its_rule(anonymizer: Anonymizer) -> None:
    assert anonymizer.anonymize(f"new value is {SERVICE_BUS}") == (
        "new value is <redacted:azure-identifiable-key>"
    )
    assert found(anonymizer, f"got '{COSMOS}'") == ["azure-identifiable-key"]


@pytest.mark.parametrize(
    "text",
    [
        "APIM gateway AzFu AzSe +ASb AIoT AZEG: the service signatures, in prose",
        # The signature at another offset, or a run too short or too long before it.
        body(32) + "+ASbF" + "r8Tz1=",
        "x" + body(33) + "+ASbF" + "r8Tz1=",
        body(75) + "+ASt" + "Qw3eR" + "g==",
        # The wrong closing characters.
        body(33) + "+ASbQ" + "r8Tz1=",
        body(76) + "ACDb" + "Zx9Lp" + "B==",
        # Not generated: a repeated filler with the signature in place.
        "A" * 33 + "+AEhA" + "AAAAA=",
    ],
)
def test_other_shapes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


ADO = "pjlt3ug3kc7hkdscvdgmzkon3q5fp5aozgm2fsxvprvocz23ejfe"


@pytest.mark.parametrize(
    "text",
    [
        f"az devops login: token {ADO} accepted",
        f"[parameters: ('{ADO}', 7)]",
        f"git clone https://user:{ADO}@dev.azure.com/acme/_git/api",
    ],
)
def test_a_legacy_devops_pat_is_found_anywhere(anonymizer: Anonymizer, text: str) -> None:
    assert ADO not in anonymizer.anonymize(text)
    assert "azure-devops-pat" in anonymizer.anonymize(f"value {ADO} ok")


@pytest.mark.parametrize(
    "text",
    [
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",  # no digit
        ADO[:51],  # too short
        ADO + "q",  # too long
        "x" + ADO,  # a tail of a longer run
        "sha256-" + "0c7c6i4yq3p9ls8vf3y8bh4gjv0a8hbv0c7c6i4yq3p9ls8vf3y8",  # 0, 8, 9: Nix base32
    ],
)
def test_other_base32_runs_stay(anonymizer: Anonymizer, text: str) -> None:
    """No PAT; a drawn run of another length may still be the look rule's (``high-entropy``)."""
    assert "azure-devops-pat" not in found(anonymizer, text)


def test_a_base64_blob_runs_no_pat_search() -> None:
    matcher = azure_keys.rules()[-1].matchers[0]
    assert isinstance(matcher.pattern, Lazy) and matcher.find is not None
    blob = "Qm9vdHN0cmFwIGNvbXBsZXRlOyBub2RlIHJlYWR5IGZvciB3b3JrbG9hZHM="  # 52+ base64, mixed case
    assert list(matcher.find(f"payload {blob} sent")) == []
    assert not matcher.pattern.is_compiled
    assert [match.group() for match in matcher.find(f"token {ADO} ok")] == [ADO]


@pytest.mark.parametrize(
    "text",
    [
        f"FileHash: sha256:{ADO}",  # a SHA-256 in base32 that has no 0, 1, 8 or 9
        f"outputHash = SHA512:{ADO}",
    ],
)
def test_a_base32_hash_after_its_label_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
    assert ADO not in anonymizer.anonymize(f"sha1 {ADO}")  # no label: a PAT still


SIGNATURE = "Qm7vX2pL9sK4rT8wN1cZ6bY3hJ5dF0gA+e/Wk2Rt7Lx9Vb4Nq8Zs1Cy6Hm3Dj5Gp0Fa8Ue2Io7Kl4Pw9Mn1Bv6"


@pytest.mark.parametrize(
    "text",
    [
        f'{{"user": "apim", "value": "git&203001011200&{SIGNATURE}=="}}',
        f"password for contoso.scm.azure-api.netgit&202712312359&{SIGNATURE}",
    ],
)
def test_an_api_management_git_credential_goes(anonymizer: Anonymizer, text: str) -> None:
    """``git&<expiry>&<86 base64>``: the HMAC-SHA512 of API Management's git credential."""
    assert SIGNATURE not in anonymizer.anonymize(text)
    assert "azure-apim-key" in [finding.rule for finding in anonymizer.scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        f"git&20300101&{SIGNATURE}",  # no 12-digit expiry
        "git&203001011200&" + "A" * 86,  # a fill
        f"git&203001011200&{SIGNATURE[:60]}",  # too short
    ],
)
def test_other_git_ampersand_strings_are_no_apim_credential(
    anonymizer: Anonymizer, text: str
) -> None:
    """Only the expiry of 12 digits and a varied 86-character signature make the shape."""
    assert "azure-apim-key" not in [finding.rule for finding in anonymizer.scan(text)]
