"""The ``[sync]`` table and its category rules: what ``fedlearn sync`` reads and learns.

``config`` loads and validates it; every other module names it ``config.Sync``.
"""

from __future__ import annotations

import attrs

CATEGORIES = ("skills-patterns", "error-solutions", "best-practices")


@attrs.frozen
class CategoryRule:
    """
    One way an event becomes a pattern of a category; the first matching rule wins.

    Attributes:
        category: the category the event goes into.
        all_of: fields that must all be non-empty.
        any_of: of these fields at least one must be non-empty (empty list: no condition).
        equals: fields that must hold exactly this string value.
        fields: the fields copied into the pattern; they form its ``text`` and its content id.
    """

    category: str
    fields: list[str]
    all_of: list[str] = attrs.field(factory=list)
    any_of: list[str] = attrs.field(factory=list)
    equals: dict[str, str] = attrs.field(factory=dict)


DEFAULT_RULES: tuple[CategoryRule, ...] = (
    CategoryRule(
        category="error-solutions",
        any_of=["error_message", "error_type", "error"],
        all_of=["solution"],
        fields=["error_type", "error_message", "error", "solution"],
    ),
    CategoryRule(
        category="best-practices",
        equals={"event_type": "best_practice"},
        any_of=["title", "description", "practice", "content"],
        fields=["title", "description", "practice", "content"],
    ),
    CategoryRule(
        category="best-practices",
        all_of=["title", "description"],
        fields=["title", "description"],
    ),
    CategoryRule(
        category="skills-patterns",
        all_of=["skill_name", "description"],
        fields=["skill_name", "description"],
    ),
    CategoryRule(
        category="skills-patterns",
        all_of=["problem_type", "solution_approach"],
        fields=["problem_type", "solution_approach", "skills_used", "generalizable_pattern"],
    ),
    CategoryRule(
        category="skills-patterns",
        equals={"outcome": "success"},
        all_of=["query", "response"],
        fields=["query", "response"],
    ),
)


@attrs.frozen
class Sync:
    """
    The ``[sync]`` table: inputs, filter and retention of ``fedlearn sync``.

    Attributes:
        telemetry: the telemetry JSONL files to read, paths or globs (``~`` expands).
        fine_tuning: the runtime fine-tuning dataset (JSONL chat records); "" to skip it.
        value_threshold: events with a value score at or above this are kept (0 to 1).
        max_line_bytes: longer lines are quarantined as too-long (their first 64 KiB).
        quarantine_max_bytes: the quarantine's size; the oldest files go first, and bad lines past it are only counted.
        workers: processes for a large backlog (32 MiB and more each); 0 = one per CPU (at most 4), 1 = none.
        telemetry_snapshot_size: how many of the last high-value events ``data/telemetry/<node>/``
            keeps at least (in segments of a twentieth of it; at most this plus a segment, less one).
        snapshots_keep: how many fine-tuning snapshots to keep (by the stamp in the name).
        categories: which categories to federate.
        rules: how an event becomes a pattern (``[[sync.rules]]``); the first match wins, and setting any replaces the defaults as a whole.
    """

    telemetry: list[str] = attrs.field(
        factory=lambda: ["~/.local/share/nixos-ai-stack/telemetry/hybrid-events.jsonl"]
    )
    fine_tuning: str = "~/.local/share/nixos-ai-stack/fine-tuning/dataset.jsonl"
    value_threshold: float = 0.7
    max_line_bytes: int = 1_048_576
    quarantine_max_bytes: int = 64 * 1_048_576
    workers: int = 0
    telemetry_snapshot_size: int = 1000
    snapshots_keep: int = 5
    categories: list[str] = attrs.field(factory=lambda: list(CATEGORIES))
    rules: list[CategoryRule] = attrs.field(factory=lambda: list(DEFAULT_RULES))
