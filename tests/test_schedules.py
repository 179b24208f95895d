"""The schedule table: its shape, its lines, and its systemd and cron forms firing alike."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from fedlearn import schedules
from fedlearn.errors import ConfigError

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SHORTHANDS = {
    "minutely": "*-*-* *:*:00",
    "hourly": "*-*-* *:00:00",
    "daily": "*-*-* 00:00:00",
    "weekly": "Mon *-*-* 00:00:00",
    "monthly": "*-*-01 00:00:00",
    "yearly": "*-01-01 00:00:00",
}


def values(spec: str, low: int, high: int, *, range_mark: str) -> set[int]:
    """Return the values a calendar field selects: ``*``, ``N``, ranges, ``/step`` and lists."""
    selected: set[int] = set()
    for item in spec.split(","):
        base, _, step = item.partition("/")
        if base == "*":
            start, end = low, high
        elif range_mark in base:
            first, last = base.split(range_mark)
            start, end = int(first), int(last)
        else:
            start = int(base)
            end = high if step else start
        selected |= set(range(start, end + 1, int(step) if step else 1))
    return selected


def weekdays(spec: str) -> set[int]:
    """Return the ISO weekdays (Mon=0) a systemd weekday field like ``Mon..Fri,Sun`` selects."""
    selected: set[int] = set()
    for item in spec.split(","):
        first, _, last = item.partition("..")
        start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        selected |= set(range(start, end + 1))
    return selected


@functools.cache
def systemd_matcher(expression: str) -> dict[str, set[int]]:
    """Return the allowed values per field of an OnCalendar expression (the subset in use)."""
    tokens = SHORTHANDS.get(expression, expression).split()
    fields = {"weekday": set(range(7))}
    if tokens[0][0].isalpha():
        fields["weekday"] = weekdays(tokens.pop(0))
    date = tokens.pop(0) if "-" in tokens[0] else "*-*-*"
    year, month, day = date.split("-")
    clock = tokens.pop(0).split(":")
    hour, minute, second = [*clock, "00"][:3]
    assert not tokens, f"unparsed {tokens} in {expression!r}"
    assert values(second, 0, 59, range_mark="..") == {0}, "cron cannot fire at seconds"
    fields.update(
        year=values(year, 1970, 2199, range_mark=".."),
        month=values(month, 1, 12, range_mark=".."),
        day=values(day, 1, 31, range_mark=".."),
        hour=values(hour, 0, 23, range_mark=".."),
        minute=values(minute, 0, 59, range_mark=".."),
    )
    return fields


def systemd_fires(expression: str, moment: datetime) -> bool:
    """Return whether the OnCalendar ``expression`` elapses at ``moment`` (second 0 of a minute)."""
    fields = systemd_matcher(expression)
    return (
        moment.weekday() in fields["weekday"]
        and moment.year in fields["year"]
        and moment.month in fields["month"]
        and moment.day in fields["day"]
        and moment.hour in fields["hour"]
        and moment.minute in fields["minute"]
    )


@functools.cache
def cron_matcher(line: str) -> tuple[dict[str, set[int]], bool]:
    """Return the allowed values per cron field, and whether both day fields are restricted."""
    minute, hour, day, month, weekday = line.split()
    fields = {
        "minute": values(minute, 0, 59, range_mark="-"),
        "hour": values(hour, 0, 23, range_mark="-"),
        "day": values(day, 1, 31, range_mark="-"),
        "month": values(month, 1, 12, range_mark="-"),
        "weekday": {v % 7 for v in values(weekday, 0, 7, range_mark="-")},  # 0 and 7: Sunday
    }
    # Vixie cron counts a day field as unrestricted when it starts with "*" (also "*/2").
    return fields, not (day.startswith("*") or weekday.startswith("*"))


def cron_fires(line: str, moment: datetime) -> bool:
    """Return whether the five cron fields in ``line`` fire at ``moment``, with cron's day rule."""
    fields, days_either = cron_matcher(line)
    day_hit = moment.day in fields["day"]
    weekday_hit = moment.isoweekday() % 7 in fields["weekday"]
    # cron ORs the two day fields when both are restricted, and ANDs them otherwise.
    days = (day_hit or weekday_hit) if days_either else (day_hit and weekday_hit)
    return (
        days
        and moment.minute in fields["minute"]
        and moment.hour in fields["hour"]
        and moment.month in fields["month"]
    )


def minutes(start: datetime, days: int) -> Iterator[datetime]:
    """Yield every minute from ``start`` for ``days`` days."""
    for index in range(days * 24 * 60):
        yield start + timedelta(minutes=index)


# Ten weeks from a Monday: every weekday ten times and three first-of-month days (Feb, Mar, Apr 1).
WINDOW = list(minutes(datetime(2026, 1, 26), 70))


def firing(fires: object, expression: str) -> set[datetime]:
    """Return the minutes of WINDOW at which ``expression`` fires under the evaluator ``fires``."""
    assert callable(fires)
    return {moment for moment in WINDOW if fires(expression, moment)}


@pytest.mark.parametrize(
    ("schedule", "job"),
    [(name, job) for name in ("conservative", "aggressive", "minimal") for job in schedules.JOBS],
)
def test_load_systemd_and_cron_fire_at_the_same_minutes(schedule: str, job: str) -> None:
    """Each job's OnCalendar expression and cron line fire at the same minutes over ten weeks."""
    timing = schedules.load()[schedule][job]
    systemd_minutes = firing(systemd_fires, timing.systemd)
    assert systemd_minutes, f"{schedule}/{job} never fires"
    assert systemd_minutes == firing(cron_fires, timing.cron)


def test_evaluators_tell_different_times_apart() -> None:
    """The evaluators see a difference where there is one (so the agreement test can fail)."""
    assert firing(systemd_fires, "*:0/15") != firing(cron_fires, "*/10 * * * *")
    assert firing(systemd_fires, "Sun *-*-* 02:00:00") != firing(cron_fires, "0 2 * * 1")
    assert firing(systemd_fires, "*-*-01 02:00:00") != firing(cron_fires, "0 2 2 * *")
    assert len(firing(systemd_fires, "hourly")) == 70 * 24
    assert len(firing(cron_fires, "0 2 * * 0")) == 10


def test_load_matches_the_design_table() -> None:
    """The table holds the three documented schedules, each with sync, export, metrics."""
    table = schedules.load()
    assert list(table) == ["conservative", "aggressive", "minimal"]
    assert all(tuple(schedule) == schedules.JOBS for schedule in table.values())
    assert table["conservative"]["sync"].systemd == "hourly"
    assert table["aggressive"]["metrics"].cron == "* * * * *"


def test_get_raises_config_error_naming_known_schedules() -> None:
    """An unknown schedule name is a ConfigError whose hint names the known ones."""
    with pytest.raises(ConfigError) as caught:
        schedules.get("weekly")
    assert "conservative, aggressive, minimal" in caught.value.hint


def test_systemd_lines_name_each_timer() -> None:
    """``systemd_lines`` gives one ``fedlearn-<job>.timer OnCalendar=`` line per job."""
    assert schedules.systemd_lines("aggressive") == [
        "fedlearn-sync.timer OnCalendar=*:0/15",
        "fedlearn-export.timer OnCalendar=*-*-* 03:00:00",
        "fedlearn-metrics.timer OnCalendar=*:*",
    ]


def test_cron_lines_use_the_command_prefix_and_config_file() -> None:
    """Cron lines hold the five time fields, the command, the job and a quoted --config."""
    lines = schedules.cron_lines("conservative", "/opt/fl/bin/fedlearn", "/home/me/my config.toml")
    assert lines[0] == "0 * * * * /opt/fl/bin/fedlearn sync --config '/home/me/my config.toml'"
    assert all(
        re.fullmatch(r"(\S+ ){5}/opt/fl/bin/fedlearn \w+ --config .+", line) for line in lines
    )


def test_cron_lines_default_to_plain_fedlearn() -> None:
    """Without a prefix or file the lines read ``<fields> fedlearn <job>``."""
    assert schedules.cron_lines("minimal")[1] == "0 2 1 * * fedlearn export"
