"""A secret as the default of ``${NAME-…}`` or ``${NAME=…}`` (``anonymize.unset``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'export SMTP_PASS="${SMTP_PASS-Gr4n1te#Peak}"',
            'export SMTP_PASS="${SMTP_PASS-<redacted:password>}"',
        ),
        (
            ': "${REDIS_PASSWORD=Qv7+Lm2Xz9Tk}"',
            ': "${REDIS_PASSWORD=<redacted:password>}"',
        ),
        (
            "mysql -p\"${MYSQL_PWD-Tr0ub4d0r!3}\" -e 'select 1'",
            "mysql -p\"${MYSQL_PWD-<redacted:password>}\" -e 'select 1'",
        ),
        (
            '    environment:\n      - "DB_PASS=${DB_PASS-Gr4n1te#Peak}"',
            '    environment:\n      - "DB_PASS=${DB_PASS-<redacted:password>}"',
        ),
    ],
)
def test_an_unset_default_under_a_secret_name_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The literal after ``-`` or ``=`` (no colon) is judged as after ``NAME=``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "image: ${REGISTRY-docker.io}/app:${TAG-latest}",
        'echo "${DB_PASSWORD-}"',
        'echo "${DB_PASSWORD-$FALLBACK_PASSWORD}"',
        'echo "${GITHUB_TOKEN-changeme}"',
        'cat "${SECRET_KEY_FILE-/run/secrets/key}"',
        'echo "${API_KEY-none}"',
    ],
)
def test_defaults_that_are_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """Other names, empty defaults, references, placeholders and paths stay."""
    assert anonymizer.anonymize(text) == text
