"""A credential a SQL table function takes by position (``table_functions``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "r9gk8o0ctd4xq4r66d3reahu9ku4i4ht"


@pytest.mark.parametrize(
    "text",
    [
        f"SELECT count() FROM s3('https://b.s3.amazonaws.com/raw/*.parquet', 'AKID', '{SECRET}', 'Parquet');",  # noqa: S608
        f"SELECT * FROM s3Cluster('default', 'https://b.example.com/*.csv', 'AKID', '{SECRET}')",  # noqa: S608
        f"INSERT INTO FUNCTION gcs('https://storage.googleapis.com/b/x.csv', 'HMACKEY', '{SECRET}', 'CSV')",
        f"SELECT * FROM mysql('db1:3306', 'shop', 'orders', 'reader', '{SECRET}')",  # noqa: S608
        f"SELECT * FROM remote('ch2:9000', 'default', 'events', 'ro', '{SECRET}')",  # noqa: S608
    ],
)
def test_a_positional_credential_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SECRET not in out, out
        assert "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        # a format and a structure, no credentials; NOSIGN; a named collection; placeholders
        "SELECT * FROM s3('https://b.example.com/x.csv', 'CSV', 'a String, b UInt32')",
        "SELECT * FROM s3('https://b.example.com/x.csv', NOSIGN, 'CSV')",
        "SELECT * FROM s3(my_collection, filename = 'x.csv')",
        "SELECT * FROM mysql('db1:3306', 'shop', 'orders', 'reader', '{password}')",
        # too few arguments, a first argument that is no address
        "SELECT * FROM remote('ch2:9000', 'default', 'events')",
        "SELECT * FROM mysql('shop', 'orders', 'a', 'b', 'Wq8xK2mZ7Lp4')",
    ],
)
def test_other_calls_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
