"""Run unattended, fedlearn tells the truth: each case a user met in issue 18, run as the user would.

Every test runs the installed ``fedlearn`` command; each failed before the fix (exit 0 with nothing
done, a traceback, an empty ``--json``, or a status that hid what happened).
"""

from __future__ import annotations

import contextlib
import fcntl
import http.server
import json
import os
import pty
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedlearn import sample
from tests.conftest import (
    Node,
    cli_env,
    fedlearn_command,
    git,
    init_repo,
    run_fedlearn,
    write_jsonl,
)

EVENTS = list(sample.events(300, seed=18, interaction_share=0.3))


def answer(process: subprocess.CompletedProcess[str]) -> dict[str, object]:
    """Return the one JSON object on stdout (fail when there is not exactly one)."""
    lines = process.stdout.splitlines()
    assert len(lines) == 1, process.stdout + process.stderr
    found = json.loads(lines[0])
    assert isinstance(found, dict)
    return found


def test_a_missing_telemetry_file_is_warned_about_everywhere(node: Node) -> None:
    """A typo in the path: sync warns, status has a missing line, validate and metrics say it too."""
    typo = node.telemetry.with_name("hybrid-event.jsonl")
    node.config_file.write_text(
        node.config_file.read_text().replace(str(node.telemetry), str(typo))
    )
    write_jsonl(node.telemetry, EVENTS)
    synced = node.run("sync")
    assert f"input {typo} does not exist" in synced.stderr
    status = node.run("status")
    assert f"missing: {typo} (missing)" in status.stdout
    assert f"input {typo} names nothing to read" in node.run("config", "validate").stderr
    metrics = node.run("metrics", "-o", "-").stdout
    assert f'fedlearn_input_unreadable{{input="{typo}",reason="missing"}} 1' in metrics


@pytest.mark.parametrize("job", ["sync", "export", "import", "metrics"])
def test_a_repo_that_is_not_a_work_tree_is_refused_and_nothing_moves(
    node: Node, tmp_path: Path, job: str
) -> None:
    """No data/ is written beside git, and sync's cursors stay where they were."""
    plain = tmp_path / "not-a-checkout"
    node.config_file.write_text(node.config_file.read_text().replace(str(node.repo), str(plain)))
    write_jsonl(node.telemetry, EVENTS)
    process = node.run(job, check=False)
    assert process.returncode == 1, process.stderr
    assert f"{plain} (repo in {node.config_file}) is not a git work tree" in process.stderr
    assert "git clone URL" in process.stderr and "or set repo" in process.stderr
    assert not plain.exists()
    assert not (node.state / "cursors" / "sync.json").exists()


def test_without_a_config_nothing_is_written_into_the_checkout_at_hand(tmp_path: Path) -> None:
    """In a git checkout (fedlearn's own, after the Quick start) sync refuses: no implicit repo."""
    checkout = init_repo(tmp_path / "checkout")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_STATE_HOME": str(tmp_path / "st")}
    process = subprocess.run(
        [*fedlearn_command(), "sync", "--json"],
        capture_output=True, text=True, cwd=checkout, env=cli_env() | env, check=False,
    )  # fmt: skip
    assert process.returncode == 2
    assert (
        answer(process)["error"]
        == "sync: no federation repo configured (repo in the configuration)"
    )
    assert "fedlearn init" in answer(process)["hint"]  # type: ignore[operator]
    assert not (checkout / "data").exists()


def test_status_shows_pulls_import_interrupted_runs_and_the_last_work(
    make_node: object, tmp_path: Path
) -> None:
    """Import run by pull is recorded; an idle run keeps the last run that did work on show."""
    alpha, beta = make_node("alpha"), make_node("beta")  # type: ignore[operator]
    write_jsonl(alpha.telemetry, EVENTS)
    alpha.run("sync")
    alpha.run("publish")
    beta.run("pull")
    jobs = answer(beta.run("status", "--json"))["jobs"]
    assert jobs["import"]["state"] == "ok" and jobs["import"]["started_by"] == "pull"  # type: ignore[index]
    alpha.run("sync")  # nothing new: idle
    sync = answer(alpha.run("status", "--json"))["jobs"]["sync"]  # type: ignore[index]
    assert sync["state"] == "idle" and sync["last_work"]["summary"]["events_read"] == 300


def test_an_interrupted_run_shows_as_interrupted(node: Node) -> None:
    """A sync stopped by SIGINT exits 130 without a traceback, and status says interrupted."""
    write_jsonl(node.telemetry, EVENTS * 200)
    process = subprocess.Popen(
        [*fedlearn_command(), "sync", "--config", str(node.config_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )  # fmt: skip
    while not (node.state / "runs" / "sync.json").exists() and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate()
    if process.returncode == 0:
        pytest.skip("the sync finished before the signal arrived")
    assert process.returncode == 130 and "Traceback" not in stderr, stderr
    status = node.run("status")
    assert "sync     last interrupted" in status.stdout


@pytest.mark.parametrize("when", ["config error", "lock held", "failed job"])
def test_json_is_one_object_on_failure_and_log_json_is_json(node: Node, when: str) -> None:
    """--json prints one object with error, hint and exit_code; every stderr line is JSON."""
    args = ["sync", "--json", "--log-format", "json"]
    if when == "config error":
        node.config_file.write_text(node.config_file.read_text() + "\n[bogus]\n")
    elif when == "failed job":
        (node.repo / ".git" / "MERGE_HEAD").write_text("0" * 40 + "\n")
        args = ["publish", "--json", "--log-format", "json"]
    with holding(node.state / "locks" / "sync.lock", when == "lock held"):
        process = node.run(*args, check=False)
    found = answer(process)
    assert (
        found["exit_code"] == process.returncode == {"config error": 2, "lock held": 3}.get(when, 1)
    )
    assert found["error"] and found["hint"]
    for line in process.stderr.splitlines():
        assert isinstance(json.loads(line), dict), line


def test_config_errors_come_in_one_round_in_the_files_words(node: Node, tmp_path: Path) -> None:
    """Unknown key (did you mean), wrong type, range and URL problems: all listed, one exit 2."""
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[sync]\nvalue_treshold = 0.5\nworkers = "two"\nsnapshots_keep = 0\n'
        '[qdrant]\nurl = "not a url"\n'
    )
    process = node.run("config", "validate", str(bad), check=False)
    assert process.returncode == 2
    assert "sync.value_treshold: unknown key (did you mean value_threshold?)" in process.stderr
    assert 'sync.workers: expected a whole number, got a string "two"' in process.stderr
    assert "sync.snapshots_keep: must be at least 1" in process.stderr
    assert "qdrant.url: 'not a url' is not an http(s) URL" in process.stderr
    assert "$." not in process.stderr and "@" not in process.stderr


def test_an_unwritable_state_dir_is_one_line_with_a_hint(node: Node, tmp_path: Path) -> None:
    """A state dir that cannot be made: one error line and a hint, no traceback, exit 1."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    node.config_file.write_text(
        node.config_file.read_text().replace(str(node.state), str(blocker / "state"))
    )
    for job in ("sync", "import", "export", "metrics"):
        process = node.run(job, check=False)
        assert process.returncode == 1, process.stderr
        assert "Traceback" not in process.stderr
        assert process.stderr.startswith(f"fedlearn: {job} failed: {blocker}")
        assert "hint: a file stands where a folder is needed" in process.stderr


def test_a_closed_pipe_ends_status_quietly(node: Node) -> None:
    """``fedlearn status | true`` (a reader gone before the answer): no BrokenPipeError traceback."""
    command = " ".join([*fedlearn_command(), "status", "--config", str(node.config_file)])
    process = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | true"],
        capture_output=True, text=True, env=cli_env(), check=False,
    )  # fmt: skip
    assert "Traceback" not in process.stderr and "BrokenPipe" not in process.stderr
    assert process.returncode == 141, process.stderr


def handles_sigterm(pid: int) -> bool:
    """Return whether process ``pid`` catches SIGTERM: fedlearn's first line has run."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


def test_ctrl_c_while_loading_exits_130_without_a_traceback(node: Node) -> None:
    """
    SIGINT in the first moments (fedlearn's modules and qdrant-client still loading) is a quiet
    130. The interpreter's own start, before any of fedlearn runs, is Python's.
    """
    for delay in (0.0, 0.01, 0.03, 0.1, 0.2, 0.4):
        process = subprocess.Popen(
            [*fedlearn_command(), "import", "--config", str(node.config_file)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        )  # fmt: skip
        while process.poll() is None and not handles_sigterm(process.pid):
            time.sleep(0.001)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate()
        assert "Traceback" not in stderr, (delay, stderr)
        assert process.returncode == 130 or delay > 0.1, (delay, process.returncode, stderr)


def test_a_folder_and_a_garbage_file_among_the_inputs(node: Node, tmp_path: Path) -> None:
    """A folder is skipped with a warning and the good file read; a garbage file is named."""
    folder, garbage = tmp_path / "a-folder", tmp_path / "garbage.jsonl"
    folder.mkdir()
    garbage.write_bytes(os.urandom(200_000))
    listed = f'["{folder}", "{node.telemetry}", "{garbage}"]'
    node.config_file.write_text(
        node.config_file.read_text().replace(f'["{node.telemetry}"]', listed)
    )
    write_jsonl(node.telemetry, EVENTS)
    process = node.run("sync", "--json")
    assert answer(process)["events_read"] >= 300  # type: ignore[operator]
    assert f"input {folder} is a folder, not a file" in process.stderr
    assert f"{garbage}: " in process.stderr and "lines were bad" in process.stderr
    kept = sum(p.stat().st_size for p in (node.state / "quarantine").glob("sync-*.jsonl"))
    assert kept <= 1.5 * 200_000, kept  # bounded per bad byte (it was 3x and more)


def test_metrics_into_a_folder_writes_the_textfile_there(node: Node, tmp_path: Path) -> None:
    """``metrics -o DIR`` writes DIR/fedlearn.prom and leaves no temp file."""
    folder = tmp_path / "textfile"
    folder.mkdir()
    node.run("metrics", "-o", str(folder))
    assert [p.name for p in folder.iterdir()] == ["fedlearn.prom"]


class HtmlErrors(http.server.BaseHTTPRequestHandler):
    """An embedding server behind a proxy that answers every request with an HTML error page."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test quiet."""

    def do_POST(self) -> None:
        """Answer 502 with a long HTML page."""
        body = (
            b"<html><head><title>502 Bad Gateway</title></head><body>"
            + b"x" * 4000
            + b"</body></html>"
        )
        self.send_response(502)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_an_html_error_page_is_one_line_with_its_content_type(make_node: object) -> None:
    """The proxy's HTML page is named by its type and size, never pasted into the log."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HtmlErrors)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        node = make_node(  # type: ignore[operator]
            "alpha",
            embedding={"provider": "openai", "url": url, "model": "m", "retry_attempts": 2,
                       "retry_deadline": 5.0},
        )  # fmt: skip
        write_jsonl(node.telemetry, EVENTS)
        node.run("sync")
        process = node.run("import", check=False)
    finally:
        server.shutdown()
    assert process.returncode == 1
    assert "<html" not in process.stderr and "text/html body of" in process.stderr
    assert all(len(line) < 400 for line in process.stderr.splitlines()), process.stderr


def test_help_cites_no_file_outside_the_repo() -> None:
    """No command's --help sends the reader to DESIGN.md, which the repo does not have."""
    for name in ("sync", "publish", "pull", "retract", "scan", "status", "init"):
        assert "DESIGN.md" not in run_fedlearn(name, "--help").stdout


def on_a_terminal(node: Node, *args: str) -> bytes:
    """Run the installed command with stderr on a new terminal; return what it drew there."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [*fedlearn_command(), *args, "--config", str(node.config_file)],
        stdout=subprocess.PIPE, stderr=secondary, env=cli_env(),
    )  # fmt: skip
    os.close(secondary)
    drawn = b""
    with pytest.raises(OSError):  # EIO once the command closed the terminal
        while chunk := os.read(primary, 4096):
            drawn += chunk
    os.close(primary)
    assert process.wait() == 0, drawn
    return drawn


def test_progress_shows_on_a_terminal_only(node: Node) -> None:
    """Sync draws its bytes read, publish its git steps, on a terminal; nothing extra off one."""
    write_jsonl(node.telemetry, EVENTS * 40)
    plain = node.run("sync")
    assert "\r" not in plain.stderr
    write_jsonl(node.telemetry, EVENTS * 40, append=True)
    drawn = on_a_terminal(node, "sync")
    assert b"\rsync: " in drawn and b" MB" in drawn
    drawn = on_a_terminal(node, "publish")
    assert b"\rpublish: committing" in drawn and b"\rpublish: pushing to origin/main" in drawn


@contextlib.contextmanager
def holding(path: Path, hold: bool) -> Iterator[None]:
    """Hold ``path``'s flock in this process for the block (when ``hold``), as a running job does."""
    if not hold:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def test_quick_start_init_to_a_first_published_sync(tmp_path: Path) -> None:
    """``fedlearn init --clone URL`` then the printed next command publish a first sync."""
    remote = init_repo(tmp_path / "remote.git", bare=True)
    home = tmp_path / "home"
    telemetry = home / ".local/share/nixos-ai-stack/telemetry/hybrid-events.jsonl"
    write_jsonl(telemetry, EVENTS)
    env = cli_env() | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local/state"),
    }

    def fedlearn(*args: str) -> subprocess.CompletedProcess[str]:
        process = subprocess.run(
            [*fedlearn_command(), *args], capture_output=True, text=True, env=env, cwd=home,
            check=False,
        )  # fmt: skip
        assert process.returncode == 0, process.stderr
        return process

    made = fedlearn("init", "--clone", str(remote))
    assert (
        "telemetry ~/.local/share/nixos-ai-stack/telemetry/hybrid-events.jsonl: found"
        in made.stdout
    )
    (next_line,) = [line for line in made.stdout.splitlines() if line.startswith("next: ")]
    assert next_line == "next: fedlearn sync && fedlearn publish"
    fedlearn("sync")
    fedlearn("publish")
    assert "data/patterns" in git(remote, "log", "--stat", "main")
