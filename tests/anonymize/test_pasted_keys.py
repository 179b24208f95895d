"""A code span a refusal takes on an authentication failure's line, the writer's own value after
``what I have:``, and a bare ``key:`` opening a sentence (``pasted_keys``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MIXED = "Qm7vTz2LxR9pWk4NbJ8s"
HEX = "9d41c7e0b83f52a6d1e04c9b7f3a28e5"
UUID = "4c1e8b2a-97d3-4f60-b5e2-0a9c7d3e1f68"
DRAWN = "wq4t8zk2rn6x9p"
PREFIXED = "qv_5b0e9d2c7a41f83e6d09c2b7a5e14f3d"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"Gateway refused `{MIXED}` (401 Unauthorized), check the account.", MIXED),
        (f"the proxy denied `{HEX}` with 403 for this bucket", HEX),
        (f"ERROR 401: registry rejected `{PREFIXED}`", PREFIXED),
        (f"auth: revoked `{UUID}` -> forbidden", UUID),
        (f'{{"content": "still 403 here, what I\'m using: {HEX} (from the console)"}}', HEX),
        (f"Got 401 again. This is what I have: {PREFIXED}", PREFIXED),
        (f"ok so what I entered: {MIXED}. Any idea?", MIXED),
        (f"please wire it into staging. key: {UUID}", UUID),
        (f'{{"content": "Thanks! key: {DRAWN}"}}', DRAWN),
    ],
)
def test_value_goes(anonymizer: Anonymizer, text: str, value: str) -> None:
    out = anonymizer.anonymize(text)
    assert value not in out
    assert "<redacted:secret-value>" in out


@pytest.mark.parametrize(
    "text",
    [
        f"git push: remote rejected `{HEX}` (stale info)",  # no authentication failure
        "the server rejected `feature-login-flow` with 403",  # a branch name
        f"this is what I have: {HEX} (the commit I built)",  # hex with no failure
        "what I have: pytest-xdist-plugin",  # a name
        "what I'm using: getUserProfileById2",  # a camelCase name
        f"key: {HEX}",  # YAML: a bare key at its line's start
        f"Cache restored. cache key: {HEX}",  # a word before ``key``
        f"Saved. key: Linux-node-20-{HEX[:16]}",  # a cache key of words
        "Done. key: chatcmpl-9xQ2LmB4vZ8rT1yN6kW3",  # an API object's id
    ],
)
def test_value_stays(anonymizer: Anonymizer, text: str) -> None:
    assert "<redacted:secret-value>" not in anonymizer.anonymize(text)
