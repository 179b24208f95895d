"""A Mapbox public token stays (``public_formats.is_mapbox_public``); its secret tokens go."""

from __future__ import annotations

import base64
import json

import pytest

from fedlearn.anonymize import Anonymizer, public_formats


def mapbox(kind: str, user: str, tail: str = "YAMkDu8I4e3FmxpQjgoA3V") -> str:
    """Return a Mapbox token of ``kind`` (``pk``, ``sk``, ``tk``) for ``user``."""
    payload = json.dumps({"u": user, "a": "krlltmpbiai1vlcw2ef0of9gh"}, separators=(",", ":"))
    body = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
    return f"{kind}.{body}.{tail}"


PUBLIC = mapbox("pk", "acme")
SECRET = mapbox("sk", "acme", "Xb8Lq2Vz9Rk4Tn7Wm1Hc5J")
DRAWN = "pk.zuiy3ezj6cahm4ssahdd1crnyi7y2uys0p0r972q2czf1moefgorb5pi1euo.9yn20puy2qg4565k"


@pytest.mark.parametrize(
    "text",
    [
        f"mapboxgl.accessToken = '{PUBLIC}'; // public token, url-restricted",
        f'export MAPBOX_ACCESS_TOKEN="{PUBLIC}"',
        f"GET https://api.mapbox.com/styles/v1/mapbox/streets-v12?access_token={PUBLIC} 200",
        f'{{"map": {{"style": "streets-v12", "token": "{PUBLIC}"}}}}',
        f"VITE_MAPBOX_TOKEN={PUBLIC}\nVITE_API_URL=https://api.example.com",
    ],
)
def test_public_token_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A secret or temporary token, the same JSON inside.
        (f"MAPBOX_TOKEN={SECRET}", SECRET),
        (f"mapbox upload failed with {SECRET}", SECRET),
        (f"token: {mapbox('tk', 'acme')}", "tk.eyJ"),
        # ``pk.`` and no JSON (the public scanners' drawn shape), and JSON with no account.
        (f"token: {DRAWN}", DRAWN),
        (f"MAPBOX_KEY={mapbox('pk', 'acme').replace('eyJ1', 'eyJ2')}", "eyJ2"),
        # A secret beside a public token.
        (f"MAPBOX_PUBLIC={PUBLIC}\nMAPBOX_SECRET={SECRET}", SECRET),
    ],
)
def test_secret_tokens_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_is_mapbox_public() -> None:
    assert public_formats.is_mapbox_public(PUBLIC)
    assert not public_formats.is_mapbox_public(SECRET)
    assert not public_formats.is_mapbox_public(DRAWN)
    assert not public_formats.is_mapbox_public(PUBLIC.split(".")[0] + "." + PUBLIC.split(".")[1])
    bare = base64.urlsafe_b64encode(b'{"a":"x1y2z3w4v5u6"}').decode().rstrip("=")
    assert not public_formats.is_mapbox_public(f"pk.{bare}.YAMkDu8I4e3FmxpQjgoA3V")
