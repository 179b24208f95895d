"""A header or form value in Go's print of a map of string slices (``go_headers``):
``header=map[Accept:[*/*] Authorization:[Bearer V]]``, ``url.Values``' ``map[client_secret:[V]]``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Go client's debug line: the credential after Bearer, whatever its shape.
        (
            "2026/12/06 10:11:12 DEBUG outgoing request url=https://api.example.com/v1 "
            "header=map[Accept:[*/*] Authorization:[Bearer 9734741337193905126710251]]",
            "2026/12/06 10:11:12 DEBUG outgoing request url=https://api.example.com/v1 "
            "header=map[Accept:[*/*] Authorization:[Bearer <redacted:authorization>]]",
        ),
        (
            "level=debug msg=request headers=map[Authorization:[Bearer 434EWv@Z7KcKlP6M5FO0]]",
            "level=debug msg=request headers=map[Authorization:[Bearer <redacted:authorization>]]",
        ),
        # A gRPC client's outgoing metadata, lower-case keys.
        (
            f"I1206 client.go:88] outgoing metadata: map[authorization:[Bearer {MIXED}] x-request-id:[7d1f0c2a]]",
            "I1206 client.go:88] outgoing metadata: map[authorization:[Bearer <redacted:authorization>] "
            "x-request-id:[7d1f0c2a]]",
        ),
        # A key header and an OAuth form's url.Values.
        (
            f"map[X-Api-Key:[{MIXED}] X-Request-Id:[6c7eccf3-274f-43d5-a81e-4799f7b412c3]]",
            "map[X-Api-Key:[<redacted:api-key>] X-Request-Id:[6c7eccf3-274f-43d5-a81e-4799f7b412c3]]",
        ),
        (
            "form=map[client_id:[svc-sync] client_secret:[s3cr3tPa55w0rd] grant_type:[client_credentials]]",
            "form=map[client_id:[svc-sync] client_secret:[<redacted:secret>] grant_type:[client_credentials]]",
        ),
    ],
)
def test_secrets_in_printed_go_maps_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Keys that name no secret: request ids, content types, a grant type.
        "map[x-request-id:[6c7eccf3-274f-43d5-a81e-4799f7b412c3] Content-Type:[application/json]]",
        "form=map[grant_type:[client_credentials] scope:[read write]]",
        # A reference, a scheme word alone, a challenge's realm, a short word.
        "map[Authorization:[Bearer $TOKEN]]",
        "map[Www-Authenticate:[Basic realm]] map[Authorization:[Bearer abcd]]",
        # A YAML flow list of scopes with no map's head on its line is no Go map.
        "scopes: [secrets:[read list] tokens:[read]]",
    ],
)
def test_other_printed_go_maps_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
