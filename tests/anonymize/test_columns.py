"""Values in a table column whose header names them: ruled, aligned and delimited tables."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # psql's aligned output: a header over a ``---+---`` rule.
        (
            " uid | licence_no      | city\n-----+-----------------+------\n   7 | K4091-553-22881 | Oslo\n(1 row)",
            " uid | licence_no      | city\n-----+-----------------+------\n   7 | <driving-licence> | Oslo\n(1 row)",
        ),
        # MySQL's table, borders above and below, a header in words.
        (
            "+----+-----------------+\n| id | Passport Number |\n+----+-----------------+\n"
            "|  3 | XK2298107       |\n+----+-----------------+",
            "+----+-----------------+\n| id | Passport Number |\n+----+-----------------+\n"
            "|  3 | <passport>       |\n+----+-----------------+",
        ),
        # A box-drawn table.
        (
            "│ member │ steuernummer │\n├────────┼──────────────┤\n│ m-19   │ 93/815/08152 │",
            "│ member │ steuernummer │\n├────────┼──────────────┤\n│ m-19   │ <tax-id> │",
        ),
        # A pandas frame: right-aligned under its header, an index before.
        (
            "   name   personnummer\n0   ana  19811228-9874\n1   bo            NaN",
            "   name   personnummer\n0   ana  <national-id>\n1   bo            NaN",
        ),
        # The same whose first line lost its indent to a trimmed string.
        (
            "name   personnummer\n0   ana  19811228-9874\n1    bo            NaN",
            "name   personnummer\n0   ana  <national-id>\n1    bo            NaN",
        ),
        # Left-aligned columns (``column -t``).
        (
            "HOST     IMEI             STATE\nedge-1   353918057612344  up",
            "HOST     IMEI             STATE\nedge-1   <device-id>  up",
        ),
        # CSV and a Markdown table (documents; their secret columns are ``tables``').
        (
            "id,health_card_no,plan\n11,9876-543-210-KT,gold",
            "id,health_card_no,plan\n11,<health-id>,gold",
        ),
        (
            "| who | Cédula |\n|---|---|\n| ana | 1.023.456.789 |",
            "| who | Cédula |\n|---|---|\n| ana | <national-id> |",
        ),
        # A secret named by its header, in psql and in a frame.
        (
            " id | webhook_secret\n----+----------------\n  1 | Wq7rT2pkd9-x",
            " id | webhook_secret\n----+----------------\n  1 | <redacted:secret>",
        ),
        (
            "    user  signing_token\n0  svc-a     Wq7rT2pkd9",
            "    user  signing_token\n0  svc-a     <redacted:token>",
        ),
        # A polars frame: ``┆`` between cells, the header above a ``---`` row and a dtype row.
        (
            "shape: (1, 2)\n┌─────────┬──────────────────────────┐\n"
            "│ service ┆ client_secret            │\n│ ---     ┆ ---                      │\n"
            "│ str     ┆ str                      │\n╞═════════╪══════════════════════════╡\n"
            "│ kucoin  ┆ c19c2539c53367c726a5c04c │\n└─────────┴──────────────────────────┘",
            "shape: (1, 2)\n┌─────────┬──────────────────────────┐\n"
            "│ service ┆ client_secret            │\n│ ---     ┆ ---                      │\n"
            "│ str     ┆ str                      │\n╞═════════╪══════════════════════════╡\n"
            "│ kucoin  ┆ <redacted:secret> │\n└─────────┴──────────────────────────┘",
        ),
        # The same with its dtypes shown and no ``---`` row (``tbl_hide_dtype_separator``).
        (
            "│ id  ┆ api_token │\n│ i64 ┆ str       │\n╞═════╪═══════════╡\n│ 7   ┆ Wq7rT2pkd9x │",
            "│ id  ┆ api_token │\n│ i64 ┆ str       │\n╞═════╪═══════════╡\n│ 7   ┆ <redacted:token> │",
        ),
        # Spark's ``df.show()``: right-aligned between ``+---+`` rules.
        (
            "+------+----------------+\n|  user|       api_token|\n+------+----------------+\n"
            "| svc-a|Wq7rT2pkd9xQ8mZ3|\n+------+----------------+",
            "+------+----------------+\n|  user|       api_token|\n+------+----------------+\n"
            "| svc-a|<redacted:token>|\n+------+----------------+",
        ),
        # A pandas frame whose headers are one blank apart (names wider than the values), and
        # one whose index pushed a value past its header's end: each row's runs in order.
        (
            ">>> df\n  service api_secret enabled\n0      x1 Zq7vR2mK9pL4 True\n\n[1 rows x 3 columns]",
            ">>> df\n  service api_secret enabled\n0      x1 <redacted:secret> True\n\n[1 rows x 3 columns]",
        ),
        (
            "        service   mandrill_secret  enabled\n7  detectlanguage z8A3Owe1WRrHmg4AHQZlwK     True",
            "        service   mandrill_secret  enabled\n7  detectlanguage <redacted:secret>     True",
        ),
        # An R tibble: a row of types under the header, numbered rows, one blank between columns.
        (
            "# A tibble: 2 \u00d7 3\n  service  api_key                      n\n"
            "  <chr>    <chr>                    <int>\n1 mailgun  c19c2539c53367c726a5c04c8fa1     3\n"
            "2 sendgrid aeo8h39fhjoa5txhrx633ad7t5oz    12\n# \u2139 1 more row",
            "# A tibble: 2 \u00d7 3\n  service  api_key                      n\n"
            "  <chr>    <chr>                    <int>\n1 mailgun  <redacted:api-key>     3\n"
            "2 sendgrid <redacted:api-key>    12\n# \u2139 1 more row",
        ),
        # psql's expanded display: each line's name names its value.
        (
            "kucoin=# \\x\nExpanded display is on.\n-[ RECORD 1 ]-----+---------------------\n"
            "id                | 7\nkucoin_secret_key | 5eee5dcb87b9cf8fb811e566\nenabled           | t",
            "kucoin=# \\x\nExpanded display is on.\n-[ RECORD 1 ]-----+---------------------\n"
            "id                | 7\nkucoin_secret_key | <redacted:api-key>\nenabled           | t",
        ),
    ],
)
def test_values_under_a_naming_header_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value in a column whose header names a document or a secret is redacted as that kind."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Headers that name neither.
        " id | order_no        | city\n----+-----------------+------\n  7 | K4091-553-22881 | Oslo",
        "   name      build_ref\n0   ana  19811228-9874",
        # A naming header over values that are no numbers, or not a whole cell.
        " id | passport_number | note\n----+-----------------+------\n  1 | on file         | ok",
        " id | licence       | note\n----+---------------+------\n  1 | MIT or Apache | ok",
        "   name   personnummer\n0   ana  see 19811228-9874 x",
        # No rule line, rows out of line, or prose: no table.
        "licence_no | city\n7 | K4091-553-22881 | Oslo",
        "name   personnummer\nthe number 19811228-9874 was checked",
        "id,passport_number\nthe passport number was checked, fine, ok",
        # A secret-named column of values that read as words or settings.
        " id | webhook_secret\n----+----------------\n  1 | (not set)",
        "    user  signing_token\n0  svc-a        enabled",
        # Frames whose secret-named columns hold names, kinds or nothing; other columns' values.
        "│ service ┆ token_type    │\n│ ---     ┆ ---           │\n│ str     ┆ str           │\n"
        "╞═════════╪═══════════════╡\n│ kucoin  ┆ bearer        │\n│ oanda   ┆ refresh_token │",
        "│ model       ┆ sha256      │\n│ str         ┆ str         │\n╞═════════════╪═════════════╡\n"
        "│ llama3.1:8b ┆ 9f2c81ab    │",
        "          model  tokens  latency_ms\n0  llama3.1:8b    1532       412.5\n1   qwen2.5:7b     988       301.0",
        "      name   api_key\n0    alice      None\n1      bob       NaN",
        "# A tibble: 2 \u00d7 3\n  key_id secret_name    rotated\n  <chr>  <chr>          <lgl>\n"
        "1 kid-01 db-password    TRUE\n2 kid-02 stripe-webhook FALSE",
        "  service  api_key\n  <chr>    <chr>\n1 mailgun  (not set)",
        # Expanded records whose secret-named lines hold words, kinds or nothing.
        "-[ RECORD 1 ]-+------\nid          | 7\ntoken_type  | bearer\napi_key     |\n"
        "secret_name | stripe-webhook\npassword    | (hidden)",
        # An indented line of words over a line of one word more: no frame's values.
        "    password token\nPlease rotate it now",
    ],
)
def test_other_columns_stay(anonymizer: Anonymizer, text: str) -> None:
    """Columns whose header names no document or secret, and values that are none, stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id,full_name,phone,city\n7,Ana Lind,71 480 22 93,Oslo",
            "id,full_name,phone,city\n7,Ana Lind,<phone>,Oslo",
        ),
        (
            "Nr\tName\tMobile number\tStatus\n3\tOla\t4-7-81-29-06\tok",
            "Nr\tName\tMobile number\tStatus\n3\tOla\t<phone>\tok",
        ),
        (
            " id | telefon      | city\n----+--------------+------\n  7 | 802 311 4470 | Oslo",
            " id | telefon      | city\n----+--------------+------\n  7 | <phone> | Oslo",
        ),
        (
            "Nr\tName\tCard number\tStatus\n3\tOla\t6759-4042-8633\tok",
            "Nr\tName\tCard number\tStatus\n3\tOla\t<card>\tok",
        ),
        (
            "id;cardNumber;country\n9;5020128434688;PL",
            "id;cardNumber;country\n9;<card>;PL",
        ),
    ],
)
def test_phones_and_cards_under_a_naming_header_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A phone or card number filling a cell under a header that names it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "id,phone,created\n7,,2026-02-09",  # empty
        "id,phone_count,city\n7,71 480 22 93,Oslo",  # names a count
        "id,phone,city\n7,ext 4471,Oslo",  # words
        "id,phone,city\n7,2026-02-09,Oslo",  # a date
        "id,sms,city\n7,7148022,Oslo",  # sms counts
        "Nr\tName\tCard number\tStatus\n3\tOla\t6759-4042-8634\tok",  # fails Luhn
        "id,card,note\n9,1234,ok",  # too short
        "id,card_id,note\n9,5020128434688,ok",  # an id, not a number
    ],
)
def test_other_phone_and_card_cells_stay(anonymizer: Anonymizer, text: str) -> None:
    """Empty, wordy, dated, Luhn-failing and other columns' values stay."""
    assert anonymizer.anonymize(text) == text
