"""The checked reader of data/: symlinks, odd types and names, size caps, deep JSON, bad-line summaries."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from fedlearn.store import peer_files


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Every test starts with no refusals recorded."""
    peer_files.forget()
    yield
    peer_files.forget()


def make(repo: Path, relative: str, data: bytes = b"{}\n") -> Path:
    """Write a file under ``repo``; return its path."""
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reasons(repo: Path) -> dict[str, str]:
    """Return the refusals recorded so far: path → reason."""
    return {r.path: r.reason for r in peer_files.refusals()}


def test_read_returns_a_regular_file_and_none_for_a_missing_one(tmp_path: Path) -> None:
    """A regular file is read whole; a missing one is None and no refusal."""
    path = make(tmp_path, "data/telemetry/a.jsonl", b"x\n")
    assert peer_files.read(tmp_path, path, "telemetry") == b"x\n"
    assert peer_files.read(tmp_path, tmp_path / "data/telemetry/b.jsonl", "telemetry") is None
    assert peer_files.refusals() == []


def test_read_never_follows_a_symlink_to_a_file_or_through_a_folder(tmp_path: Path) -> None:
    """A symlinked file and a file under a symlinked folder are refused, never read."""
    outside = make(tmp_path, "outside/secret.jsonl", b"secret\n")
    link = tmp_path / "data/telemetry/a.jsonl"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    (tmp_path / "data/fine-tuning").mkdir()
    (tmp_path / "data/fine-tuning/a").symlink_to(outside.parent)
    assert peer_files.read(tmp_path, link, "telemetry") is None
    inner = tmp_path / "data/fine-tuning/a/secret.jsonl"
    assert peer_files.read(tmp_path, inner, "dataset") is None
    found = reasons(tmp_path)
    assert found["data/telemetry/a.jsonl"] == "a symlink"
    assert "is a symlink" in found["data/fine-tuning/a/secret.jsonl"]


def test_read_refuses_a_fifo_without_blocking_and_a_file_over_its_cap(tmp_path: Path) -> None:
    """A FIFO is refused at once (never opened blocking); a file over its kind's cap is not read."""
    fifo = tmp_path / "data/metrics/monthly/2026-01/a.json"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    big = make(
        tmp_path, "data/metrics/monthly/2026-02/a.json", b" " * (peer_files.CAPS["metrics"] + 1)
    )
    assert peer_files.read(tmp_path, fifo, "metrics") is None
    assert peer_files.read(tmp_path, big, "metrics") is None
    found = reasons(tmp_path)
    assert found["data/metrics/monthly/2026-01/a.json"] == "not a regular file"
    assert found["data/metrics/monthly/2026-02/a.json"].startswith("too large")


def test_entries_lists_regular_files_and_refuses_the_rest(tmp_path: Path) -> None:
    """Folders, symlinks and bad names where files belong are refused; the good files are listed."""
    folder = tmp_path / "data/retractions"
    good = make(tmp_path, "data/retractions/a.jsonl")
    make(tmp_path, "data/retractions/zz.jsonl/inside")
    (folder / "link.jsonl").symlink_to("/dev/zero")
    make(tmp_path, "data/retractions/new\nline.jsonl")
    found = peer_files.entries(
        tmp_path, folder, folders=False, select=lambda n: n.endswith(".jsonl")
    )
    assert found == [good]
    assert set(reasons(tmp_path)) == {
        "data/retractions/zz.jsonl",
        "data/retractions/link.jsonl",
        "data/retractions/new\nline.jsonl",
    }


def test_decode_lines_counts_bad_lines_in_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of bad lines and a line nested too deep give one warning, with counts."""
    monkeypatch.setattr(
        logging.getLogger("fedlearn"), "propagate", True
    )  # cli.main may have cut it
    path = make(tmp_path, "data/patterns/x/a.jsonl")
    data = b'{"a": 1}\n' + b"{bad\n" * 5000 + b"[" * 5000 + b"]" * 5000 + b"\n"
    decoder = msgspec.json.Decoder()  # untyped, like a payload: deep nesting overflows
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        found = peer_files.decode_lines(tmp_path, path, data, decoder.decode)
    assert found == [{"a": 1}]
    [message] = {r.getMessage() for r in caplog.records}  # one summary, not a line per bad line
    assert "5001 bad lines skipped (5000 invalid, 1 too_deep)" in message


def test_own_folder_removes_a_symlink_where_this_nodes_folder_belongs(tmp_path: Path) -> None:
    """The link is removed, what it pointed to is untouched, and the folder can be made for real."""
    outside = make(tmp_path, "outside/20200101T000000Z.jsonl", b"mine\n")
    (tmp_path / "repo/data/fine-tuning").mkdir(parents=True)
    link = tmp_path / "repo/data/fine-tuning/a"
    link.symlink_to(outside.parent)
    peer_files.own_folder(tmp_path / "repo", link / "snapshots")
    assert not link.exists() and outside.read_bytes() == b"mine\n"


@pytest.mark.parametrize("name", ["a.jsonl", "20260101T000000Z.jsonl", "node-1.json"])
def test_is_name_accepts_plain_names(name: str) -> None:
    """Printable UTF-8 names that are not hidden are read."""
    assert peer_files.is_name(name)


@pytest.mark.parametrize("name", [".hidden", "a\nb", "a\x00b", "bad-\udcff", " lead", "a\\b"])
def test_is_name_refuses_hidden_control_and_non_utf8_names(name: str) -> None:
    """Hidden names, control characters, backslashes and bytes that are not UTF-8 are refused."""
    assert not peer_files.is_name(name)


def test_refusals_name_a_few_paths_then_count_the_rest_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5,000 refused paths give NAMED warnings and one count line; doctor still gets them all."""
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    monkeypatch.setattr(peer_files, "COMMIT_LOOKUPS", 0)  # not a repository: no git lookups
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        for number in range(5000):
            peer_files.refuse(tmp_path, tmp_path / "data" / f".bad{number}", "a bad name")
        assert peer_files.summarize() == 5000 - peer_files.NAMED
        assert peer_files.summarize() == 0  # counted once
    messages = list(
        dict.fromkeys(r.getMessage() for r in caplog.records)
    )  # a record may come twice
    assert len(messages) == peer_files.NAMED + 1
    assert messages[0].startswith("data/.bad0: ignored, a bad name")
    assert messages[-1].startswith(f"{5000 - peer_files.NAMED} more paths under data/ ignored")
    assert len(peer_files.refusals()) == 5000


def test_largest_read_is_the_cap_of_the_kind_of_file_at_a_path() -> None:
    """Each folder's kind gives its cap; a manifest has its own; a path of no kind the largest."""
    caps = peer_files.CAPS
    assert peer_files.largest_read("patterns/x/y/00.jsonl") == caps["patterns"]
    assert peer_files.largest_read("collections/c/n/1.manifest.json") == caps["manifest"]
    assert peer_files.largest_read("collections/c/n/1.jsonl") == caps["snapshot"]
    assert peer_files.largest_read("fine-tuning/n/dataset.jsonl") == caps["dataset"]
    assert peer_files.largest_read("README.md") == max(caps.values())
    assert peer_files.largest_read("other/file") == max(caps.values())
