"""National ids bound to a SQL statement's parameters (``anonymize.bound_ids``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "psycopg2.errors.UniqueViolation: duplicate key\n"
            "[SQL: INSERT INTO members (full_name, ssn, joined) VALUES (%s, %s, %s)]\n"
            "[parameters: ('Ana Diaz', '078051120', '2026-11-02')]",
            "psycopg2.errors.UniqueViolation: duplicate key\n"
            "[SQL: INSERT INTO members (full_name, ssn, joined) VALUES (%s, %s, %s)]\n"
            "[parameters: ('Ana Diaz', '<national-id>', '2026-11-02')]",
        ),
        (
            "Hibernate: update patient set nhsNumber=?, ward=? where id=?\n"
            "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - "
            "[943 476 5919]",
            "Hibernate: update patient set nhsNumber=?, ward=? where id=?\n"
            "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - "
            "[<national-id>]",
        ),
        (
            'UPDATE staff SET tax_file_no = $1 WHERE id = $2 -- PARAMETERS: ["123 456 782",7]',
            'UPDATE staff SET tax_file_no = $1 WHERE id = $2 -- PARAMETERS: ["<national-id>",7]',
        ),
    ],
)
def test_a_national_id_bound_to_its_column_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value bound to a column named for a national id, with that id's shape and check."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The check fails (NHS mod 11, TFN weights).
        "UPDATE patient SET nhs_number = ? WHERE id = ? [parameters: ('943 476 5918', 3)]",
        "UPDATE staff SET tfn = ? WHERE id = ? [parameters: ('123 456 781', 3)]",
        # The column's last word names no id (``business``, ``cousin``, ``sin_count``).
        "INSERT INTO t (business, cousin, sin_count) VALUES (?, ?, ?) "
        "[parameters: ('046 454 286', '046 454 286', '046 454 286')]",
    ],
)
def test_values_bound_elsewhere_or_failing_the_check_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    """Values failing their id's check and values of other columns stay."""
    assert anonymizer.anonymize(text) == text
