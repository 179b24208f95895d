"""A debconf answer of type ``password``: preseed files and ``debconf-set-selections``."""

from __future__ import annotations

import pytest

from .conftest import in_mode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a preseed file: the type says password, whatever the value looks like
            "d-i passwd/username string svc-deploy\n"
            "d-i passwd/user-password password xapp-2-H-9-5\n"
            "d-i passwd/user-password-again password xapp-2-H-9-5\n",
            "d-i passwd/username string svc-deploy\n"
            "d-i passwd/user-password password <redacted:password>\n"
            "d-i passwd/user-password-again password <redacted:password>\n",
        ),
        (  # a Dockerfile's echo into debconf-set-selections
            'RUN echo "mysql-server mysql-server/root_password password r00tme" '
            "| debconf-set-selections",
            'RUN echo "mysql-server mysql-server/root_password password <redacted:password>" '
            "| debconf-set-selections",
        ),
        (  # indented, CRLF
            "  d-i passwd/root-password password hunter2fox\r\n",
            "  d-i passwd/root-password password <redacted:password>\r\n",
        ),
    ],
)
def test_a_password_answer_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "d-i passwd/username string svc-deploy\nd-i passwd/make-user boolean true\n",
        "d-i passwd/root-login boolean false",
        # a reference the shell fills in
        'echo "mysql-server mysql-server/root_password password $MYSQL_ROOT_PASSWORD" '
        "| debconf-set-selections",
        # prose with a slash: the owner is no line's first word
        "Then reset the db/admin password later.",
    ],
)
def test_other_answers_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
