"""A CLI table's key/value rows: a drawn box's row of two cells, an aligned Name/Value table."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, pair_rows


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # confluent api-key create: a box of two rows between ``+---+---+`` rules, no header.
        (
            "$ confluent api-key create --resource lkc-9x8y7\n"
            "+------------+------------------------------------------------------------------+\n"
            "| API Key    | SVC-DEPLOY                                                       |\n"
            "| API Secret | Qm4Rt8Wz2Xc6Vb0Nk3Lp                                             |\n"
            "+------------+------------------------------------------------------------------+",
            "Qm4Rt8Wz2Xc6Vb0Nk3Lp",
        ),
        # The AWS CLI's ``--output table``: rows in a nested box, the edges' ``||`` doubled.
        (
            "$ aws lambda get-function-configuration --function-name sync --output table\n"
            "--------------------------------------\n"
            "|     GetFunctionConfiguration       |\n"
            "+------------------------------------+\n"
            "||             Variables            ||\n"
            "|+-----------------+----------------+|\n"
            "||  LOG_LEVEL      |  info          ||\n"
            "||  DB_PASSWORD    |  h7Kp2xWq9Lm4  ||\n"
            "|+-----------------+----------------+|",
            "h7Kp2xWq9Lm4",
        ),
        # railway variables: a Unicode frame, ``║ KEY │ V ║``.
        (
            "$ railway variables\n"
            "╔══════════ Variables for api ══════════╗\n"
            "║ STRIPE_SECRET_KEY │ Zx8Cv2Bn6Mq4Wr7T ║\n"
            "║───────────────────────────────────────║\n"
            "║ PORT              │ 8080 ║\n"
            "╚═══════════════════════════════════════╝",
            "Zx8Cv2Bn6Mq4Wr7T",
        ),
        # A box drawn with light lines (``┌─┬─┐``), in a log.
        (
            "2026-12-07T08:00:01Z settings:\n"
            "┌──────────────────┬──────────────────┐\n"
            "│ webhook_secret   │ Wq7rT2pkd9xYz3   │\n"
            "└──────────────────┴──────────────────┘",
            "Wq7rT2pkd9xYz3",
        ),
        # az … -o table: an aligned Name/Value table under its dashes; the third column need
        # not line up.
        (
            "$ az functionapp config appsettings list -g rg -n fn -o table\n"
            "Name                          Value                                     SlotSetting\n"
            "----------------------------  ----------------------------------------  -------------\n"
            "FUNCTIONS_WORKER_RUNTIME      python                                    False\n"
            "ACME_CLIENT_SECRET            L0QOROTNGZDN  False",
            "L0QOROTNGZDN",
        ),
        # heroku-style aligned table, no underline, the value the last column.
        (
            "KEY                 VALUE\nDATABASE_PASSWORD   r8Tq2Lx9Vw4Zp\nLOG_LEVEL           info",
            "r8Tq2Lx9Vw4Zp",
        ),
    ],
)
def test_values_in_key_value_rows_are_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    out = anonymizer.anonymize(text)
    assert secret not in out
    assert "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        # A document's table of settings: types and words, not values.
        "| Setting | Type |\n|---|---|\n| api_key | string |\n| password | required |",
        # A box of settings whose values are names, references and numbers.
        "+--------------------+-----------------+\n| Key                | Value           |\n"
        "+--------------------+-----------------+\n| GITHUB_TOKEN_SCOPE | repo            |\n"
        "| SECRET_KEY_BASE    | ${SECRET}       |\n| AUTH_PROVIDER      | github          |\n"
        "+--------------------+-----------------+",
        # An OAuth reply's public fields in a box.
        "+------------+--------+\n| token_type | Bearer |\n| expires_in | 3600   |\n+------------+--------+",
        # A key of words beside a name (confluent's API key id is no secret).
        "+---------+------------+\n| API Key | SVC-DEPLOY |\n+---------+------------+",
        # Three cells: a row of a wider table, which needs its header (``columns``).
        "+-------------+------+------+\n| db_password | set  | 2026 |\n+-------------+------+------+",
        # An aligned table of key names and their settings, values that are words.
        "Name                   Value        SlotSetting\n---------------------  -----------  -----------\n"
        "AUTH_ENABLED           true         False\nTOKEN_TTL              3600         False\n"
        "SESSION_STORE          redis        False",
        # An aligned table without a value column: kubectl's secrets list.
        "NAME                  TYPE                                  DATA   AGE\n"
        "default-token-x7k2p   kubernetes.io/service-account-token   3      10d",
        # A box whose value cell is words.
        "+-----------+-------------------------+\n| API_TOKEN | set in the vault, ask ops |\n"
        "+-----------+-------------------------+",
    ],
)
def test_other_rows_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_box_cells_drop_the_edges_doubled_separators() -> None:
    line = "||  DB_PASSWORD    |  h7Kp2xWq9Lm4  ||"
    cells = pair_rows.box_cells(line)
    assert cells is not None
    assert [line[a:b] for a, b in cells] == ["DB_PASSWORD", "h7Kp2xWq9Lm4"]
    assert pair_rows.box_cells("a | b |") is None
    assert pair_rows.box_cells("| a | b") is None


def test_aligned_names() -> None:
    header = "Name        Value     SlotSetting"
    names = pair_rows.aligned_names(header)
    assert names is not None
    assert [header[a:b] for a, b in names] == ["Name", "Value", "SlotSetting"]
    assert pair_rows.aligned_names("just one sentence here") is None
    assert pair_rows.key_value_columns(header, names) == (0, 12)
    assert pair_rows.key_value_columns("Value  Name", [(0, 5), (7, 11)]) is None


def test_a_row_needs_a_box_with_a_rule() -> None:
    """A lone ``| K | V |`` line, a pipe in a shell line: no box (other rules read the value)."""
    assert list(pair_rows.box_rows("see below\n| API_TOKEN | Xk2Lp9Qt7Wn3Rb8Y |\nend")) == []
    assert list(pair_rows.box_rows("echo x | secret_tool | cat\n---\n")) == []
    boxed = "+---+---+\n| API_TOKEN | Xk2Lp9Qt7Wn3Rb8Y |\n+---+---+"
    assert [m.group() for m in pair_rows.box_rows(boxed)] == ["API_TOKEN | Xk2Lp9Qt7Wn3Rb8Y"]
