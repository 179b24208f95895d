"""One module per command; each has ``add_arguments(parser)`` and ``run(config, args) -> Summary``.

The command table (names, help, which runs are recorded) is ``fedlearn.commands``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from fedlearn.store.state import JobState


class Summary(msgspec.Struct, kw_only=True):
    """
    What a job did: the answer printed on stdout.

    Attributes:
        job: the command name.
        state: one of ok, idle, blocked, failed.
        facts: the counts and nouns, the same facts the text shows (``--json`` prints these).
        lines: the human summary, one line each.
        exit_code: the process exit code (0 unless the job reports a refusal or failure).
    """

    job: str
    state: JobState = "ok"
    facts: dict[str, Any] = msgspec.field(default_factory=dict)
    lines: list[str] = msgspec.field(default_factory=list)
    dry_run: bool = False
    exit_code: int = 0
