"""Secrets whose key and value stand apart: table columns, key/value tables, SQL."""

# ruff: noqa: S608 (SQL text is what is anonymized here, never run)

from __future__ import annotations

import re

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, tables
from tests.anonymize.conftest import MACHINE

TOKEN = "Vq7Lm2Xk9Pz4Rt8Wn3Yb"
PASSWORD = "s3cR!t-Pa55;word"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # TSV, the secret column first, CRLF
            f"deploy_token\tteam\r\n{TOKEN}\tops\r\n{TOKEN[::-1]}\tdev",
            "deploy_token\tteam\r\n<redacted:token>\tops\r\n<redacted:token>\tdev",
        ),
        (  # semicolons, quoted cells; a delimiter inside a quoted value stays in it
            f'"host";"db_password"\n"db1";"{PASSWORD}"',
            '"host";"db_password"\n"db1";"<redacted:password>"',
        ),
        (  # Markdown, aligned rule line, last column, no backticks
            f"| Service | Region | SENTRY_AUTH_TOKEN |\n|:--|:--:|--:|\n| web | eu | {TOKEN} |",
            "| Service | Region | SENTRY_AUTH_TOKEN |\n|:--|:--:|--:|\n| web | eu | <redacted:token> |",
        ),
        (  # a header of words: the value must look generated
            f"| Provider | API Key |\r\n|---|---|\r\n| stripe | {TOKEN} |",
            "| Provider | API Key |\r\n|---|---|\r\n| stripe | <redacted:api-key> |",
        ),
        (  # a key/value table: the key in a row, the value beside it
            f"| Setting | Value |\n|---|---|\n| `LOG_LEVEL` | `info` |\n| `mailgunApiKey` | `{TOKEN}` |",
            "| Setting | Value |\n|---|---|\n| `LOG_LEVEL` | `info` |\n"
            "| `mailgunApiKey` | `<redacted:api-key>` |",
        ),
        (  # a key of words in a key/value row
            "| Setting | Value |\n|---|---|\n| Region | eu-west-1 |\n| Access Token | Xk29dkq0LmZ8 |",
            "| Setting | Value |\n|---|---|\n| Region | eu-west-1 |\n| Access Token | <redacted:token> |",
        ),
        (
            f"key,value\nREGION,eu-west-1\nCLIENT_SECRET,{TOKEN}",
            "key,value\nREGION,eu-west-1\nCLIENT_SECRET,<redacted:secret>",
        ),
        (  # SQL: a secret column, several rows, other literals and calls around it
            f"INSERT INTO `svc` (`id`, `auth_token`, created) VALUES (1, '{TOKEN}', now()),"
            f" (2, '{TOKEN[::-1]}', now());",
            "INSERT INTO `svc` (`id`, `auth_token`, created) VALUES (1, '<redacted:token>', now()),"
            " (2, '<redacted:token>', now());",
        ),
        (  # SQL key/value rows
            f"insert into app_config (name, value) values ('smtp_host', 'mail.lan'),"
            f" ('smtp_password', '{PASSWORD}');",
            "insert into app_config (name, value) values ('smtp_host', 'mail.lan'),"
            " ('smtp_password', '<redacted:password>');",
        ),
        (
            f"UPDATE config SET value='{PASSWORD}', updated=NOW()\nWHERE key = 'ADMIN_PASSWORD';",
            "UPDATE config SET value='<redacted:password>', updated=NOW()\nWHERE key = 'ADMIN_PASSWORD';",
        ),
    ],
)
def test_a_value_apart_from_its_key_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected
    assert anonymizer.anonymize(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "token,count\nthe,412\nand,97",  # a tokenizer's counts
        "| Step | Reset password |\n|---|---|\n| 1 | Click the link in the mail |",
        "| Step | API Key Prod |\n|---|---|\n| 1 | hunter2x |",
        "provider,api_key_id,owner\naws,AKIAIOSFODNN7EXAMPLE,ops",  # an id column
        f"We rotated the token, the key, and the password.\nThen {TOKEN} stayed in the log.",
        f"| name | token |\n| web | {TOKEN} |",  # no rule line: no Markdown table
        "name,password_file\nbuild,hunter2x",  # data about a secret
        "| key | value |\n|---|---|\n| password_hint | hunter2x |",
        "| Setting | Value |\n|---|---|\n| API key | stored in vault |",
        "| Setting | Value |\n|---|---|\n| Primary key | 5e0b9c27d14af3aa |",
        "INSERT INTO t (name, value) VALUES ('password_ttl', 'hunter2x');",
        "UPDATE t SET value = 'hunter2x' WHERE id = 'db_password';",  # no key column
        "UPDATE t SET note = 'hunter2x' WHERE name = 'db_password';",  # no value column
        "UPDATE users SET name = 'x' WHERE password = 'y';",
    ],
)
def test_tables_without_a_secret_are_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "name,db_password\nbuild,hunter2x",
        "| key | value |\n|---|---|\n| db_password | hunter2x |",
        "INSERT INTO t (name, value) VALUES ('db_password', 'hunter2x');",
        "UPDATE t SET value = 'hunter2x' WHERE name = 'db_password';",
    ],
)
def test_the_negatives_keys_name_a_secret(anonymizer: Anonymizer, text: str) -> None:
    assert "hunter2x" not in anonymizer.anonymize(text)


def test_both_paths_agree() -> None:
    reference = Anonymizer(config.Anonymize(), MACHINE, use_prefilter=False)
    keyword = Anonymizer(config.Anonymize(), MACHINE, use_re2=False)
    text = f"— café\nuser,github_token\nbob,{TOKEN}\n"
    assert (
        reference.anonymize(text)
        == keyword.anonymize(text)
        == ("— café\nuser,github_token\nbob,<redacted:token>\n")
    )


def test_split_cells_keeps_quoted_delimiters() -> None:
    assert tables.split_cells('a,"b,c", d', ",") == [(0, 1), (3, 6), (9, 10)]
    assert tables.split_cells('a,"b""c"', ",") is None


@pytest.mark.parametrize(
    ("text", "wakes"),
    [
        ("a\n| name | api_key |\n|---|---|\n| x | y |", True),
        ("  | `DB_PASSWORD` | hunter2x |", True),
        ("id,api_token,owner\n1,x,y", True),
        ("key\tsecret\nx\ty", True),
        ("curl -s localhost/collections/skills-patterns | jq .result", False),
        ("cat tokens.txt | sort | uniq -c", False),
    ],
)
def test_the_gate_reads_a_pipe_only_in_a_markdown_row(text: str, wakes: bool) -> None:
    """A ``|`` beside a key word wakes the rule only in a line that starts with one: a shell
    pipe after ``skills-patterns`` (``pat``) or ``tokens`` cost every such text a table scan."""
    gate = re.compile(tables.rules()[0].gate or "")
    assert (gate.search(text) is not None) == wakes


def every_cell_named(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``header_kind`` without its look at the first cell: every cell split, then checked."""
    delimiter = tables.delimiter_of(line)
    cells = tables.row_cells(line, delimiter) if delimiter else None
    if cells is None or len(cells) < 2:
        return None
    names = tables.WORDS if delimiter == "|" else tables.NAME
    if not all(names.fullmatch(line[a:b].strip(tables.QUOTES)) for a, b in cells):
        return None
    return delimiter, cells


@pytest.mark.parametrize(
    "line",
    [
        "id,api_key,owner",
        '  "api key" ,b',  # a quoted first cell: split, then judged
        '"id" junk,b',
        "\tid\tsecret",  # a tab delimiter: a leading tab is an empty first cell
        " \t`id`;'token'",
        "id ,token",  # a blank before the delimiter: no name
        "I tried it, but it failed, again",
        "Hello, world",
        "id\r",
        "| id | api key |",
        "",
    ],
)
def test_header_kind_reads_the_first_cell_first_with_the_same_answer(line: str) -> None:
    assert tables.header_kind(line) == every_cell_named(line)
