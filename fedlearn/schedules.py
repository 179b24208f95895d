"""The shared schedule table (DESIGN.md "Schedules"): when sync, export and metrics run.

One JSON file inside the package is read here and by the NixOS module (``nix/units.nix``), so the
cron lines printed for machines without NixOS and the module's systemd timers never disagree.
"""

from __future__ import annotations

import shlex
from importlib import resources

import msgspec

from fedlearn.errors import ConfigError

JOBS: tuple[str, ...] = ("sync", "export", "metrics")


class Timing(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """
    When one job runs, in both notations.

    Attributes:
        systemd: the ``OnCalendar=`` expression of its timer.
        cron: the five time fields of its crontab line.
    """

    systemd: str
    cron: str


Schedule = dict[str, Timing]

DECODER = msgspec.json.Decoder(dict[str, Schedule])


def load() -> dict[str, Schedule]:
    """
    Return every schedule in the table, by name, each mapping job to its Timing.

    Raise msgspec.ValidationError when the shipped file does not have that shape.
    """
    table = DECODER.decode(resources.files("fedlearn").joinpath("schedules.json").read_bytes())
    for name, schedule in table.items():
        if tuple(schedule) != JOBS:
            raise msgspec.ValidationError(f"schedule {name!r} must list exactly {JOBS} in order")
    return table


def get(name: str) -> Schedule:
    """Return the schedule ``name``; raise ConfigError naming the known ones when it is unknown."""
    table = load()
    if name not in table:
        raise ConfigError(
            f"unknown schedule {name!r}",
            hint=f"pick one of {', '.join(table)} (`fedlearn schedule list`)",
        )
    return table[name]


def systemd_lines(name: str) -> list[str]:
    """Return one ``fedlearn-<job>.timer OnCalendar=<expression>`` line per job of ``name``."""
    return [
        f"fedlearn-{job}.timer OnCalendar={timing.systemd}" for job, timing in get(name).items()
    ]


def cron_lines(name: str, command: str = "fedlearn", config_file: str = "") -> list[str]:
    """
    Return one crontab line per job of ``name``: ``<minute hour dom month dow> <command> <job>``.

    Args:
        command: the prefix that runs fedlearn, e.g. ``/home/me/.local/bin/fedlearn``.
        config_file: when given, appended as ``--config FILE`` (cron runs with a bare environment).
    """
    suffix = f" --config {shlex.quote(config_file)}" if config_file else ""
    return [f"{timing.cron} {command} {job}{suffix}" for job, timing in get(name).items()]
