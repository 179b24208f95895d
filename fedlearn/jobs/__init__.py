"""One module per command; each has ``add_arguments(parser)`` and ``run(config, args) -> Summary``.

The command table (names, help, which runs are recorded) is ``fedlearn.commands``.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import msgspec

from fedlearn.store.state import JobState

R = TypeVar("R", bound=msgspec.Struct)


class Summary(msgspec.Struct, Generic[R], kw_only=True):
    """
    What a job did: the answer printed on stdout.

    Attributes:
        job: the command name.
        state: one of ok, idle, blocked, failed.
        result: the job's counts and nouns as its typed result, the same facts the text shows
            (``--json`` prints its fields after job, state and dry_run; the run record keeps them).
        lines: the human summary, one line each.
        exit_code: the process exit code (0 unless the job reports a refusal or failure).
    """

    job: str
    state: JobState = "ok"
    result: R
    lines: list[str] = msgspec.field(default_factory=list)
    dry_run: bool = False
    exit_code: int = 0

    def answer(self) -> dict[str, Any]:
        """Return the result as JSON-ready builtins (a JSON boundary: ``--json`` and the run record)."""
        found: dict[str, Any] = msgspec.to_builtins(self.result)
        return found
