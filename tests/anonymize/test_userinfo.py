"""A URL password with a ``/`` in it (``anonymize.userinfo``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SQLALCHEMY_URL=mysql+pymysql://billing:q8Zt/Rw3XkPm9Lc2Vb7N@mysql-0.db:3306/billing",
            "SQLALCHEMY_URL=mysql+pymysql://billing:<redacted:url-credentials>@mysql-0.db:3306/billing",
        ),
        (
            "connecting to mongodb://svc:Hq2+Tz/7pWkLm4Xc9Rb1Nv0=@mongo-0.internal/admin?authSource=admin",
            "connecting to mongodb://svc:<redacted:url-credentials>@mongo-0.internal/admin?authSource=admin",
        ),
        (
            "CELERY_BROKER='rediss://:Wm4k/Pz8Qx2Lt7/Rv5Nc3Bf@cache.internal'",
            "CELERY_BROKER='rediss://:<redacted:url-credentials>@cache.internal'",
        ),
    ],
)
def test_a_slashed_url_password_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Pasted base64 with a ``/`` between ``user:`` and ``@host`` is the password."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "npm view https://registry.internal:8443/@acme/ui-kit@2.4.1",
        "pip install git+ssh://git@github.com:acme/deploy-tools@v1.4.0",
        "GET https://cdn.example.com:443/npm/lodash@4.17.21/lodash.min.js",
        "see https://gitlab.example.com:8080/group/Project/tree/main@feature",
        "postgres://app:${DB_PASSWORD}/x@db:5432/app",
    ],
)
def test_ports_paths_and_references_before_an_at_stay(anonymizer: Anonymizer, text: str) -> None:
    """A port, a path of words and a reference before ``@`` are no password."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "user:9434e1efab40682e9080c33ae2fa1651@tcp(db.internal:3306)/app?parseTime=true",
            "user:<redacted:url-credentials>@tcp(db.internal:3306)/app?parseTime=true",
        ),
        (
            'db, err := sql.Open("mysql", "app:w3f2FWhxMYIF6P0zN@tcp(db:3306)/prod")',
            'db, err := sql.Open("mysql", "app:<redacted:url-credentials>@tcp(db:3306)/prod")',
        ),
        (
            'DSN="app:Xk9v:Q2m@Lp8@unix(/var/run/mysqld/mysqld.sock)/prod"',
            'DSN="app:<redacted:url-credentials>@unix(/var/run/mysqld/mysqld.sock)/prod"',
        ),
        (
            "clickhouse dsn=default:Rb3x9ZqVwpL2mK8t@tcp6([::1]:9000)/logs",
            "clickhouse dsn=default:<redacted:url-credentials>@tcp6([::1]:9000)/logs",
        ),
    ],
)
def test_a_go_dsn_password_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """Go's SQL DSN has no scheme: ``user:password@tcp(host)/db``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "root:password@tcp(127.0.0.1:3306)/test",
        'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)',
        "user:${DB_PASS}@tcp(db:3306)/app",
        '"root:@tcp(localhost:3306)/db"',
        "dial tcp(127.0.0.1:3306): connection refused",
    ],
)
def test_go_dsn_placeholders_and_references_stay(anonymizer: Anonymizer, text: str) -> None:
    """A placeholder, a format verb, a reference or no password at all stays."""
    assert anonymizer.anonymize(text) == text
