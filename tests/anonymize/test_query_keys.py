"""API keys in a URL's query and in an HTTP request line's target (``key=``, ``appid=``, ``code=``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'fetch("https://api.weather.test/v3/now?lat=59.9&appid=5d1e0c7b92f84a6e8c3d7f0a1b2c4e6d")',
            'fetch("https://api.weather.test/v3/now?lat=59.9&appid=<redacted:api-key>")',
        ),
        (
            "GET https://tiles.maps.test/{z}/{x}/{y}.pbf?key=e2a9c1f0-4b7d-4c3e-9a8f-6d5b4c3a2f1e",
            "GET https://tiles.maps.test/{z}/{x}/{y}.pbf?key=<redacted:api-key>",
        ),
        (
            "wget -qO- 'https://data.geo.test/lookup?format=json&key=0f3b8e1d9c7a25f4&q=Bonn'",
            "wget -qO- 'https://data.geo.test/lookup?format=json&key=<redacted:api-key>&q=Bonn'",
        ),
        (
            "url: https://recipes.test/api/search?q=soup&appid=Vq8LmZ2xKt7RwN4pYs6JdH0c",
            "url: https://recipes.test/api/search?q=soup&appid=<redacted:api-key>",
        ),
        (
            "POST https://billing-fn.azurewebsites.test/api/Invoice?code=Zx81Lq_Wm3Rt-Yv7Nb2Kp9Hs4Jd6Fg0Qa5Ce1Uo8Ti==",
            "POST https://billing-fn.azurewebsites.test/api/Invoice?code=<redacted:url-token>",
        ),
    ],
)
def test_a_key_in_a_url_query_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """``key``/``appid`` with a generated value, ``code`` with 20 or more drawn."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://shop.test/search?key=blue+shoes&page=2",
        "https://cache.test/get?key=deadbeefcafe",
        "https://api.test/status?code=404&appid=12345678",
        "https://login.test/callback?code=short123&state=xyz",
        "sort by key=0f3b8e1d9c7a25f4b6e2 in the table",
        "https://files.test/download?key=reports/2026/q3-summary.pdf",
    ],
)
def test_other_query_values_stay(anonymizer: Anonymizer, text: str) -> None:
    """Words, short or hex-only-digits ids, paths, and ``key=`` outside a URL stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '10.1.2.3 - - [05/Dec/2026:10:11:12 +0000] "GET /v2/geo?q=Oslo&key=7d2c9e4b1a8f3e6d0c5b'
            '9a2e7f4d1c8b3a6e5f20&n=1 HTTP/1.1" 200 512',
            '<ip> - - [05/Dec/2026:10:11:12 +0000] "GET /v2/geo?q=Oslo&key=<redacted:api-key>'
            '&n=1 HTTP/1.1" 200 512',
        ),
        (
            "> GET /tiles/3/4/5.png?key=e2a9c1f0-4b7d-4c3e-9a8f-6d5b4c3a2f1e HTTP/2",
            "> GET /tiles/3/4/5.png?key=<redacted:api-key> HTTP/2",
        ),
        (
            '"GET /data/2.5/weather?appid=9f3c0a7e5b2d8f1e4c6a HTTP/1.1"',
            '"GET /data/2.5/weather?appid=<redacted:api-key> HTTP/1.1"',
        ),
    ],
)
def test_a_key_in_a_request_line_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """An HTTP request line's target holds the query a URL would: its ``key=`` is an API key."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"GET /cache?key=user_profile_42 HTTP/1.1" 200',
        '"GET /cache/get?key=deadbeefcafe HTTP/1.1" 200',
        '"GET /orders?key=ORD12345 HTTP/1.1" 200',
        "see /v1/search?key=7d2c9e4b1a8f3e6d0c5b9a2e7f4d1c8b3a6e5f20 in HTTP/1.1 logs",
    ],
)
def test_other_request_line_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    """Names, short hex, ids, and a path with no request method before it stay."""
    assert anonymizer.anonymize(text) == text
