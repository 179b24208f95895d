"""A test runner's ``PASS`` verdict keeps its test's name; a password after ``PASS`` stays redacted."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, verdicts

VERDICTS = [
    "PASS src/app.test.js",
    " PASS  src/components/Button.test.tsx (5.2 s)",
    "PASS  packages/api/src/__tests__/auth.test.js",
    "=== RUN   TestLogin\n--- PASS: TestLogin (0.00s)\n--- FAIL: TestLogout (0.01s)",
    "    --- PASS: TestAuth/valid_token (0.00s)\nPASS\nok  \tgithub.com/acme/api\t0.012s",
    "PASS: t/basic.test\nPASS: test_login\nFAIL: io-test\n# PASS:  2",
    "PASS: gcc.dg/pr12345.c (test for excess errors)",
    "PASS tests/unit/test_auth.py::TestLogin::test_ok",
    "2026-01-01T00:00:00.123Z  PASS  src/a.test.js (812 ms)",
    "PASSED t/02-io.t",
]


@pytest.mark.parametrize("text", VERDICTS)
def test_a_verdict_keeps_its_test(anonymizer: Anonymizer, text: str) -> None:
    """Jest, Go, automake, DejaGnu and pytest verdict lines come out unchanged."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("USER alice\r\nPASS S3cr3tPass.1\r\n", "USER alice\r\nPASS "),  # FTP
        ("PASS hunter2Xy9", "PASS "),
        ("PASS: Tr0ub4dor&3", "PASS: "),
        ("PASS: Test9fK2mZq8Lw", "PASS: "),  # a drawn value with no run time after it
        ("PASS=src/app.js\n", "PASS="),  # a variable's value, not a verdict
        ("SMTP_PASS: test_login9", "SMTP_PASS: "),  # another key than the verdict word
    ],
)
def test_a_password_after_pass_stays_redacted(anonymizer: Anonymizer, text: str, kept: str) -> None:
    """A chosen password has no code extension, no test affix and no run time after it."""
    assert anonymizer.anonymize(text).startswith(kept + "<redacted:password>")


def test_the_verdict_word_is_upper_case_and_whole() -> None:
    """Only ``PASS``/``PASSED`` as written by runners; the key before ``=`` is no verdict."""
    text = "PASS: src/app.test.js"
    assert verdicts.is_test_name(text, "PASS", 6, len(text))
    assert not verdicts.is_test_name(text, "Pass", 6, len(text))
    text = "PASS=src/app.test.js"
    assert not verdicts.is_test_name(text, "PASS", 5, len(text))
    text = "PASS: TestLogin (0.00s)"
    assert verdicts.is_test_name(text, "PASS", 6, 15)
    assert not verdicts.is_test_name("PASS: TestLogin", "PASS", 6, 15)
