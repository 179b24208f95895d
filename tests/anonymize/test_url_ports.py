"""A key where a URL's port stands (``anonymize.url_ports``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "endpoint: https://numbat-prod.management.azure-api.net:"
            "Qz7vN2kLp9xWm4Tb/Rc8Ys1Hd6Fj3Ug0Ae5Ko+Xw",
            "endpoint: https://numbat-prod.management.azure-api.net:<redacted:api-key>",
        ),
        (  # in a CSV cell, letters and digits only
            "prod,wombat,https://wombat.azure-api.net:7f3kq9z2m4x8c1v6b5n0p7l2,2026-10-01",
            "prod,wombat,https://wombat.azure-api.net:<redacted:api-key>,2026-10-01",
        ),
    ],
)
def test_a_key_after_a_hosts_colon_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A drawn run where the port stands is the endpoint's key."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://api.numbat.example:8443/v1/items/7f3kq9z2m4x8c1v6b5n0",
        "jdbc:postgresql://db.internal:5432/app_production_database",
        "http://localhost:3000",
        "https://numbat.example:some_long_setting_name_here",
        "https://numbat.example:getUserProfileSettingsV2",
        "docker pull registry.numbat.example:5000/team/image:1.2.3",
    ],
)
def test_ports_paths_and_names_after_a_host_stay(anonymizer: Anonymizer, text: str) -> None:
    """Ports, ports with paths and names stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "cache: file://C:/Users/build/cache/3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
        "clone ssh://gitbox:/Zk3mQ9vL2xT8pR5wN7yB4cA6Qp",
        "see https://host.example:123456/AbCdEfGhIjKlMnOpQrStUv",
        "at https://host.example:48213906571234098765",
    ],
)
def test_a_path_or_number_after_a_hosts_colon_is_no_key(anonymizer: Anonymizer, text: str) -> None:
    """A path (``/`` first, digits maybe before it) or digits alone are no key: the rule's gate
    (``[0-9]*[A-Za-z+=_-]`` past the colon) skips them, so must the rule (one semantics)."""
    assert "api-key" not in anonymizer.anonymize(text)
