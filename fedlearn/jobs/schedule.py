"""Print the schedule table: ``fedlearn schedule list`` and ``fedlearn schedule show NAME``.

``show --systemd`` prints the OnCalendar expressions the NixOS module's timers use and ``--cron``
the crontab lines for machines without NixOS; both come from ``fedlearn/schedules.json``.
"""

from __future__ import annotations

import argparse

import msgspec

from fedlearn import config, jobs, schedules
from fedlearn.errors import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``ACTION [NAME] [--systemd|--cron] [--command CMD]``."""
    parser.add_argument("action", choices=("list", "show"), help="list the schedules, or show one")
    parser.add_argument(
        "name", nargs="?", metavar="NAME", help="conservative, aggressive or minimal"
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument(
        "--systemd",
        action="store_const",
        const="systemd",
        dest="form",
        help="print fedlearn-<job>.timer OnCalendar= lines",
    )
    form.add_argument(
        "--cron", action="store_const", const="cron", dest="form", help="print crontab lines"
    )
    parser.add_argument(
        "--command",
        default="fedlearn",
        metavar="CMD",
        dest="cron_command",
        help="how cron lines start fedlearn (default: fedlearn)",
    )


class JobTiming(msgspec.Struct):
    """When one job runs: its systemd OnCalendar expression and its crontab fields."""

    systemd: str
    cron: str


class Listed(msgspec.Struct):
    """``schedule list``: every schedule, job -> timing."""

    schedules: dict[str, dict[str, JobTiming]]


class ScheduleShown(msgspec.Struct):
    """``schedule show NAME``: one schedule's jobs and their timings."""

    schedule: str
    jobs: dict[str, JobTiming]


ScheduleResult = Listed | ScheduleShown


def run(cfg: config.Config, args: argparse.Namespace) -> jobs.Summary[ScheduleResult]:
    """Return the schedule list or one schedule's lines; raise ConfigError on an unknown name."""
    if args.action == "list":
        return list_schedules()
    if not args.name:
        raise ConfigError(
            "schedule show: which schedule?", hint="`fedlearn schedule list` names them"
        )
    return show(args.name, args.form, args.cron_command, cfg.source)


def list_schedules() -> jobs.Summary[ScheduleResult]:
    """Return one line per schedule naming each job's OnCalendar expression."""
    table = schedules.load()
    lines = [
        f"{name}: " + ", ".join(f"{job} {timing.systemd}" for job, timing in schedule.items())
        for name, schedule in table.items()
    ]
    listed = Listed({name: _timings(schedule) for name, schedule in table.items()})
    return jobs.Summary(job="schedule", result=listed, lines=lines)


def show(
    name: str, form: str | None, command: str, config_file: str
) -> jobs.Summary[ScheduleResult]:
    """Return the systemd lines, the cron lines, or both (when ``form`` is None) of ``name``."""
    schedule = schedules.get(name)
    lines: list[str] = []
    if form in (None, "systemd"):
        lines += schedules.systemd_lines(name)
    if form in (None, "cron"):
        lines += schedules.cron_lines(name, command, config_file)
    return jobs.Summary(job="schedule", result=ScheduleShown(name, _timings(schedule)), lines=lines)


def _timings(schedule: schedules.Schedule) -> dict[str, JobTiming]:
    return {job: JobTiming(t.systemd, t.cron) for job, t in schedule.items()}
