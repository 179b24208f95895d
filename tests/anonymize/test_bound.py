"""Secrets bound to a SQL statement's parameters, logged apart from the statement."""
# ruff: noqa: S608 (SQL text is what is anonymized here, never run)

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, bound

TOKEN = "598ff16761b9c46c5802223858de42b1"
B64 = "q7Vd+T0mXr2/LkP9sWn4bYc8Ue1JhGf5Zo3aKi6RtE0="


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # PostgreSQL log_statement with numbered parameters
            "LOG:  execute <unnamed>: INSERT INTO users (email, api_token) VALUES ($1, $2)\n"
            f"DETAIL:  parameters: $1 = 'ops', $2 = '{TOKEN}'",
            "LOG:  execute <unnamed>: INSERT INTO users (email, api_token) VALUES ($1, $2)\n"
            "DETAIL:  parameters: $1 = 'ops', $2 = '<redacted:token>'",
        ),
        (  # MyBatis: value(Type)
            "==>  Preparing: INSERT INTO account (name, db_password) VALUES (?, ?)\n"
            f"==> Parameters: bob(String), {TOKEN}(String)",
            "==>  Preparing: INSERT INTO account (name, db_password) VALUES (?, ?)\n"
            "==> Parameters: bob(String), <redacted:password>(String)",
        ),
        (  # TypeORM, a WHERE comparison names the parameter
            f'query: SELECT * FROM "s" WHERE "s"."session_secret" = $1 -- PARAMETERS: ["{B64}"]',
            'query: SELECT * FROM "s" WHERE "s"."session_secret" = $1 -- PARAMETERS: '
            '["<redacted:secret>"]',
        ),
        (  # Hibernate 5 binding lines, the statement on several indented lines
            "Hibernate: \n    update\n        vault\n    set\n        name=?,\n"
            "        client_secret=?\n    where\n        id=?\n"
            "TRACE o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [main]\n"
            f"TRACE o.h.t.d.s.BasicBinder - binding parameter [2] as [VARCHAR] - [{TOKEN}]\n"
            "TRACE o.h.t.d.s.BasicBinder - binding parameter [3] as [BIGINT] - [7]",
            "Hibernate: \n    update\n        vault\n    set\n        name=?,\n"
            "        client_secret=?\n    where\n        id=?\n"
            "TRACE o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [main]\n"
            "TRACE o.h.t.d.s.BasicBinder - binding parameter [2] as [VARCHAR] - "
            "[<redacted:secret>]\n"
            "TRACE o.h.t.d.s.BasicBinder - binding parameter [3] as [BIGINT] - [7]",
        ),
        (  # EclipseLink, .NET-style @p placeholders
            f"UPDATE hooks SET signing_key = @p0 WHERE id = @p1\n\tbind => [{B64}, 12]",
            "UPDATE hooks SET signing_key = @p0 WHERE id = @p1\n\tbind => [<redacted:api-key>, 12]",
        ),
        (  # Django-style args after the statement, %s placeholders
            f'(0.002) UPDATE "auth" SET "refresh_token" = %s WHERE "id" = %s; args=(\'{TOKEN}\', 4)',
            '(0.002) UPDATE "auth" SET "refresh_token" = %s WHERE "id" = %s; '
            "args=('<redacted:token>', 4)",
        ),
        (  # Go: a slice printed with %v, blank-separated
            f"ERR exec failed: UPDATE svc SET api_token=$1 WHERE id=$2 with args [{TOKEN} 42]",
            "ERR exec failed: UPDATE svc SET api_token=$1 WHERE id=$2 with args [<redacted:token> 42]",
        ),
    ],
)
def test_a_value_bound_to_a_secret_column_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The value bound to a placeholder is judged under the column that names it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the column names no secret
        f"[SQL: UPDATE t SET checksum=?, note=? WHERE id = ?]\n[parameters: ('{TOKEN}', 'x', 3)]",
        # a list of another length belongs to another statement
        f"[SQL: UPDATE t SET api_key=? WHERE id = ?]\n[parameters: ('{TOKEN}', 'x', 3)]",
        # a placeholder-less statement, then args in prose
        f"select failed; retry with args ({TOKEN}, 2)",
        # the value is a reference or short word, not a secret
        "[SQL: UPDATE t SET password=? WHERE id = ?]\n[parameters: ('${DB_PASSWORD}', 3)]",
    ],
)
def test_other_bound_values_stay(anonymizer: Anonymizer, text: str) -> None:
    """Values bound to other columns, or lists that match no statement, are kept."""
    assert anonymizer.anonymize(text) == text


def test_insert_columns_map_placeholders_past_literals() -> None:
    """A literal item among the VALUES binds no parameter: the next placeholder keeps its column."""
    text = (
        f"INSERT INTO k (kind, created, private_key) VALUES ('rsa', now(), ?)\nparams: ['{TOKEN}']"
    )
    assert [text[a:b] + "=" + text[c:d] for a, b, c, d, _ in bound.pairs(text)] == [
        f" private_key={TOKEN}"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "INSERT INTO contacts (name, mobileNo) VALUES (?, ?)\n[parameters: ('Ann', '020 7946 0958')]",
            "INSERT INTO contacts (name, mobileNo) VALUES (?, ?)\n[parameters: ('Ann', '<phone>')]",
        ),
        (
            "==>  Preparing: UPDATE office SET fax_number = ? WHERE id = ?\n"
            "==> Parameters: 06151 4470-22(String), 9(Long)",
            "==>  Preparing: UPDATE office SET fax_number = ? WHERE id = ?\n"
            "==> Parameters: <phone>(String), 9(Long)",
        ),
    ],
)
def test_a_number_bound_to_a_phone_column_is_a_phone(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value bound to a column that names a phone is one when it reads as a phone number."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[SQL: UPDATE t SET telephone_ext=?, fax=? WHERE id = ?]\n[parameters: ('12', 'none', 3)]",
        "[SQL: UPDATE t SET cell_count=? WHERE id = ?]\n[parameters: ('1171 2855101', 3)]",
    ],
)
def test_other_values_of_phone_columns_stay(anonymizer: Anonymizer, text: str) -> None:
    """Short numbers, words, and columns whose words name no phone stay."""
    assert anonymizer.anonymize(text) == text
