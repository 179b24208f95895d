"""Retries for the adapters that touch a network (git push, Qdrant, the embedder), in one shape.

Each adapter builds its policy here: jittered exponential waits, an attempt cap and a total
deadline, one warning line per retry. Stages never retry. Tests call ``set_testing`` (as hynek's
stamina does) so that no test waits between attempts or depends on a monkeypatched constant.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import attrs
import tenacity

log = logging.getLogger("fedlearn.retry")


@attrs.frozen
class Testing:
    """
    Whether retries are in test mode, and how many attempts they keep then.

    Attributes:
        enabled: test mode on: no wait between attempts.
        attempts: the attempt cap in test mode (None keeps each policy's own cap).
    """

    enabled: bool = False
    attempts: int | None = None


_testing = Testing()


def set_testing(enabled: bool, *, attempts: int | None = None) -> None:
    """Switch test mode on (no waits; ``attempts`` caps every policy when given) or off."""
    global _testing
    _testing = Testing(enabled=enabled, attempts=attempts)


@attrs.frozen
class Policy:
    """
    How one adapter retries.

    Attributes:
        name: the adapter, as the retry log line names it (``git push``, ``qdrant``, ``embedding``).
        attempts: the attempt cap, the first try included.
        deadline: seconds after which no new attempt starts.
        retry_on: which failures are worth another attempt.
        describe: how a failure reads in the log line.
        wait_initial: the first wait in seconds; each later wait doubles, up to ``wait_max``.
        wait_max: the longest wait in seconds.
    """

    name: str
    attempts: int
    deadline: float
    retry_on: Callable[[BaseException], bool]
    describe: Callable[[BaseException], str] = str
    wait_initial: float = 0.1
    wait_max: float = 10.0


def retrying(policy: Policy) -> tenacity.Retrying:
    """Return a tenacity loop for ``policy``: ``for attempt in retrying(p): with attempt: ...``."""
    attempts = policy.attempts
    wait: tenacity.wait.wait_base = tenacity.wait_exponential(
        multiplier=policy.wait_initial, max=policy.wait_max
    ) + tenacity.wait_random(0, policy.wait_initial)
    if _testing.enabled:
        attempts = _testing.attempts or attempts
        wait = tenacity.wait_none()
    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(attempts) | tenacity.stop_after_delay(policy.deadline),
        wait=wait,
        retry=tenacity.retry_if_exception(policy.retry_on),
        before_sleep=lambda state: log_retry(policy, attempts, state),
        reraise=True,
    )


def log_retry(policy: Policy, attempts: int, state: tenacity.RetryCallState) -> None:
    """Log one line per retry: the adapter, which attempt failed, why, and the wait before the next."""
    error = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    detail = policy.describe(error) if error is not None else "unknown"
    log.warning(
        "%s attempt %d of %d failed (%s); retrying in %.1fs",
        policy.name,
        state.attempt_number,
        attempts,
        detail,
        wait,
    )
