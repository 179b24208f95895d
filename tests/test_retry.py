"""The one retry shape every network adapter uses: caps, deadline, what is retried, the log line."""

from __future__ import annotations

import logging

import pytest

from fedlearn import retry


class FlakyError(Exception):
    """A failure worth another attempt."""


def failing(times: int, error: type[Exception] = FlakyError) -> tuple[list[int], object]:
    """Return a call log and a function that fails ``times`` times, then returns "done"."""
    calls: list[int] = []

    def function() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error(f"failure {len(calls)}")
        return "done"

    return calls, function


def policy(attempts: int = 3, deadline: float = 60.0) -> retry.Policy:
    """Return a policy that retries FlakyError only."""
    return retry.Policy(
        name="thing",
        attempts=attempts,
        deadline=deadline,
        retry_on=lambda error: isinstance(error, FlakyError),
    )


def test_retrying_repeats_a_retryable_failure_until_it_succeeds() -> None:
    """A failure the policy retries is tried again, up to the cap, and the result comes back."""
    calls, function = failing(2)
    assert retry.retrying(policy(attempts=3))(function) == "done"
    assert len(calls) == 3


def test_retrying_reraises_the_last_failure_at_the_attempt_cap() -> None:
    """When every attempt fails, the last failure is raised itself, not a wrapper."""
    calls, function = failing(5)
    with pytest.raises(FlakyError, match="failure 3"):
        retry.retrying(policy(attempts=3))(function)
    assert len(calls) == 3


def test_retrying_never_repeats_a_failure_the_policy_does_not_retry() -> None:
    """A failure outside ``retry_on`` is raised at once."""
    calls, function = failing(1, ValueError)
    with pytest.raises(ValueError, match="failure 1"):
        retry.retrying(policy(attempts=5))(function)
    assert len(calls) == 1


def test_retrying_starts_no_attempt_after_the_deadline() -> None:
    """A spent deadline stops the retries even when attempts remain."""
    calls, function = failing(5)
    with pytest.raises(FlakyError):
        retry.retrying(policy(attempts=10, deadline=0.0))(function)
    assert len(calls) == 1


def test_retrying_logs_one_line_per_retry(caplog: pytest.LogCaptureFixture) -> None:
    """Each retry is one warning naming the adapter, the attempt, the cap and the failure."""
    _, function = failing(2)
    with caplog.at_level(logging.WARNING, logger="fedlearn.retry"):
        retry.retrying(policy(attempts=3))(function)
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2
    assert lines[0].startswith("thing attempt 1 of 3 failed (failure 1); retrying in")


def test_set_testing_caps_attempts_and_waits_nothing() -> None:
    """In test mode a cap given to set_testing wins over the policy's, and no wait is planned."""
    calls, function = failing(5)
    retry.set_testing(True, attempts=2)
    try:
        with pytest.raises(FlakyError):
            retry.retrying(policy(attempts=10))(function)
    finally:
        retry.set_testing(True)
    assert len(calls) == 2


def test_retrying_waits_with_jittered_backoff_outside_test_mode() -> None:
    """Outside test mode the waits grow from wait_initial (jittered) and stop at wait_max."""
    retry.set_testing(False)
    try:
        loop = retry.retrying(retry.Policy("thing", 5, 60.0, lambda _: True, wait_max=0.25))
    finally:
        retry.set_testing(True)
    waits = []
    for number in range(1, 6):
        state = type("State", (), {"attempt_number": number, "outcome": None, "idle_for": 0})()
        waits.append(loop.wait(state))
    assert 0.1 <= waits[0] <= 0.2
    assert all(wait <= 0.25 + 0.1 for wait in waits)
    assert waits[3] >= 0.25
