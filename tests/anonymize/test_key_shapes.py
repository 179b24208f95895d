"""camelCase key spellings and the value shapes judged under a token or API key."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, key_names, key_shapes


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("ObsSk", "secret"),
        ("TencentAk", "api-key"),
        ("MysqlRootPass", "password"),
        ("RedisPwd", "password"),
        ("SecretKeyBase", "api-key"),
        ("authTokenProd", "token"),
        ("renderpass", None),
        ("tokenCount", None),
        ("secretName", None),
        ("passwordHash", None),
    ],
)
def test_camel_case_keys_read_as_their_snake_case_spellings(key: str, rule: str | None) -> None:
    assert key_names.classify_key(key) == rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 20 hex under an API key word
            "HEAP_API_KEY='aaf39fd9fff30ee4c90e'",
            "HEAP_API_KEY='<redacted:api-key>'",
        ),
        ("TRIGGER_TOKEN: e8dea90effe8dd1ae90e", "TRIGGER_TOKEN: <redacted:token>"),
        (
            "NEON_TOKEN=napi-4c11e857-4ce0-7432-7e83-408f21a88b50",
            "NEON_TOKEN=<redacted:token>",
        ),
        (  # a guarded camel ending: the value looks generated
            '{"MinioRootPass": "aQ7.pmDFbA0%gN#ljkX"}',
            '{"MinioRootPass": "<redacted:password>"}',
        ),
    ],
)
def test_values_judged_by_their_shape_under_a_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "API_KEY_SHA='b91c0e7d35a2f4e86c13'",
        "COMMIT_TOKEN=aaf39fd9fff30ee4c90e",  # a key that names a commit
        "API_TOKEN=0000000000000000",
        'renderPass = "opaque"',
        'shadowPass: "depth-only"',
    ],
)
def test_ids_hashes_and_names_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_camel_tail() -> None:
    assert key_shapes.camel_tail("SecretKeyBase") == ("SecretKey", "Base")
    assert key_shapes.camel_tail("secret_key") == ("", "")
