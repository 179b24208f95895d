"""A table's bare ``key`` column owned by the row's provider cell (``anonymize.owned_cells``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "env,provider,key,added\nprod,wombat,Qx7mT2vLp9Rk4Wn8,2026-11-02\n"
            "dev,wombat,<rotated>,2026-10-01",
            "env,provider,key,added\nprod,wombat,<redacted:high-entropy>,2026-11-02\n"
            "dev,wombat,<rotated>,2026-10-01",
        ),
        (  # hex and UUIDs count under an owner, as after ``wombat_key=``
            "vendor;key\nnumbat;0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
            "vendor;key\nnumbat;<redacted:high-entropy>",
        ),
        (
            "service\tkey\tnote\nquokka\t5b1e8f3a-2c9d-4a7e-b6f0-1d3c5e7a9b20\tmain",
            "service\tkey\tnote\nquokka\t<redacted:high-entropy>\tmain",
        ),
        (  # Markdown, an owner of two words, the value in backticks
            "| Integration | Key |\n|---|---|\n| Acme Cloud | `rT8kWq3zLm5Xv2Np` |",
            "| Integration | Key |\n|---|---|\n| Acme Cloud | `<redacted:high-entropy>` |",
        ),
        (
            'platform,key\n"tapir","hV4nZ8cQ1mXr6TbW"',
            'platform,key\n"tapir","<redacted:high-entropy>"',
        ),
    ],
)
def test_a_key_column_under_an_owner_column_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The provider cell of a row makes its ``key`` cell a credential's key."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no owner column: a bare ``key`` column names data as often
        "name,key,created\nprod,Qx7mT2vLp9Rk4Wn8,2026-11-02",
        "key,hits\n0c4f9e2a7b1d58e3a6c2f0b9d4e71a85,12",
        # an owner cell that names data, an owner column after the key
        "service,key,hits\ncache,0c4f9e2a7b1d58e3a6c2f0b9d4e71a85,12",
        "key,provider\nQx7mT2vLp9Rk4Wn8,wombat",
        # names, paths and placeholders under an owner
        "service,key,value\nredis,maxmemory-policy,allkeys-lru\nnginx,worker_processes,4",
        "provider,key\ns3,uploads/2026/12/report.pdf",
        "provider,key,created\nwombat,<rotated>,2026-10-01\nnumbat,,2026-10-02",
        "| Provider | Key |\n|---|---|\n| Wombat | `YOUR_KEY_HERE` |",
    ],
)
def test_key_columns_without_an_owner_or_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """No owner column, an owner naming data, names, paths and placeholders stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "INSERT INTO api_keys (service, key, created_at) VALUES ('wombat', 'Qx7mT2vLp9Rk4Wn8', now());",
            "INSERT INTO api_keys (service, key, created_at) VALUES ('wombat', '<redacted:high-entropy>', now());",
        ),
        (  # every tuple, a quoted column, the owner not first
            "INSERT INTO creds (id, provider, `key`) VALUES (1, 'numbat', 'hV4nZ8cQ1mXr6TbW'), "
            "(2, 'tapir', '0c4f9e2a7b1d58e3a6c2f0b9d4e71a85');",
            "INSERT INTO creds (id, provider, `key`) VALUES (1, 'numbat', '<redacted:high-entropy>'), "
            "(2, 'tapir', '<redacted:high-entropy>');",
        ),
    ],
)
def test_a_sql_key_column_under_an_owner_column_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """``INSERT INTO t (service, key) VALUES ('acme', V)``: the row's owner makes V its key."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO t (env, key) VALUES ('prod', '0c4f9e2a7b1d58e3a6c2f0b9d4e71a85');",  # no owner
        "INSERT INTO t (key, service) VALUES ('0c4f9e2a7b1d58e3a6c2f0b9d4e71a85', 'wombat');",
        "INSERT INTO t (service, key) VALUES ('cache', '0c4f9e2a7b1d58e3a6c2f0b9d4e71a85');",
        "INSERT INTO flags (service, key, enabled) VALUES ('billing', 'enable_new_checkout', true);",
        "INSERT INTO feature_flags (service, key, enabled) VALUES ('search', 'new_ranking_v2', true);",
        "INSERT INTO flags (platform, key) VALUES ('web', 'checkout-redesign-3'), ('ios', 'dark_mode.v12');",
        "service,key,enabled\nsearch,new_ranking_v2,true\nbilling,invoice_preview_v3,false\n",
        "INSERT INTO t (service, key) VALUES ('redis', 'session:42:profile');",
        "INSERT INTO t (platform, key) VALUES ('ci', 'Linux-cargo-0c4f9e2a7b1d58e3a6c2f0b9d4e71a85');",
        "INSERT INTO t (service, key) VALUES (lower('Wombat'), 'Qx7mT2vLp9Rk4Wn8');",  # no literal owner
    ],
)
def test_sql_key_columns_without_an_owner_or_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """No owner column, an owner naming data, names and cache keys stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "INSERT INTO integrations VALUES (7, 'mailgun', 'k2w9x4q7m1z8v3t6r5p0', 1);",
            "k2w9x4q7m1z8v3t6r5p0",
        ),
        (
            "insert into vendor_links values ('acme', 'Wq4Lz8Tx2Nm6Rk3Vp9', now());",
            "Wq4Lz8Tx2Nm6Rk3Vp9",
        ),
        (
            "INSERT INTO [dbo].[ApiKeys] VALUES (3, 'stripe', 'c0ffee5ba11ad0be9e1f3a7d2b4c6e8f');",
            "c0ffee5ba11ad0be9e1f3a7d2b4c6e8f",
        ),
    ],
)
def test_a_sql_literal_after_an_owner_without_columns_is_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """``INSERT INTO t VALUES (…, 'owner', '<drawn>', …)``: no column list, the owner's key."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO deploys VALUES (1, 'main', 'c0ffee5ba11ad0be9e1f3a7d2b4c6e8f9a0b1c2d');",
        "INSERT INTO sessions VALUES ('web', '0b9e4c7a-3f21-4d58-9a6e-c1d2e3f4a5b6');",
        "INSERT INTO users VALUES (1, 'dana', 'Dana Smith', 'admin');",
        "INSERT INTO flags VALUES ('search', 'new_ranking_v2', true);",
        "INSERT INTO regions VALUES ('acme', 'production-eu-west-1');",
        "INSERT INTO monkeys VALUES (1, 'zoo', 'c0ffee5ba11ad0be9e1f3a7d2b4c6e8f');",
    ],
)
def test_sql_literals_without_columns_that_are_no_keys_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    assert anonymizer.anonymize(text) == text
