"""``fedlearn schedule``: the shared schedule table as OnCalendar and crontab lines."""

from __future__ import annotations

import json

from fedlearn import schedules
from tests.conftest import Node


def test_show_cron_prints_crontab_lines_with_the_config_file(node: Node) -> None:
    """``show NAME --cron`` prints one crontab line per job, passing the --config file through."""
    lines = node.run("schedule", "show", "conservative", "--cron").stdout.splitlines()
    assert lines == [
        f"0 * * * * fedlearn sync --config {node.config_file}",
        f"0 2 * * 0 fedlearn export --config {node.config_file}",
        f"*/5 * * * * fedlearn metrics --config {node.config_file}",
    ]


def test_show_systemd_prints_the_timers_oncalendar(node: Node) -> None:
    """``show NAME --systemd`` prints the OnCalendar expressions the NixOS module's timers use."""
    process = node.run("schedule", "show", "minimal", "--systemd")
    assert process.stdout.splitlines() == schedules.systemd_lines("minimal")
    assert "fedlearn-export.timer OnCalendar=*-*-01 02:00:00" in process.stdout


def test_show_without_form_prints_both(node: Node) -> None:
    """Without --systemd or --cron both forms are printed, systemd first."""
    lines = node.run("schedule", "show", "aggressive", "--command", "/opt/fl").stdout.splitlines()
    assert lines[0] == "fedlearn-sync.timer OnCalendar=*:0/15"
    assert lines[3].startswith("*/15 * * * * /opt/fl sync")


def test_show_json_gives_both_forms_per_job(node: Node) -> None:
    """With --json the answer holds each job's systemd and cron form."""
    answer = json.loads(node.run("schedule", "show", "aggressive", "--json").stdout)
    assert answer["jobs"]["metrics"] == {"systemd": "*:*", "cron": "* * * * *"}


def test_show_exits_2_on_an_unknown_schedule(node: Node) -> None:
    """An unknown name exits 2 with a hint that names the known schedules."""
    process = node.run("schedule", "show", "hourly", check=False)
    assert process.returncode == 2
    assert "unknown schedule 'hourly'" in process.stderr
    assert "hint: pick one of conservative, aggressive, minimal" in process.stderr


def test_show_exits_2_without_a_name(node: Node) -> None:
    """``show`` without NAME is a usage error that points at ``schedule list``."""
    process = node.run("schedule", "show", check=False)
    assert process.returncode == 2
    assert "fedlearn schedule list" in process.stderr


def test_list_names_every_schedule(node: Node) -> None:
    """``list`` prints one line per schedule with its jobs' times."""
    lines = node.run("schedule", "list").stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["conservative", "aggressive", "minimal"]
    assert lines[0] == "conservative: sync hourly, export Sun *-*-* 02:00:00, metrics *:0/5"
