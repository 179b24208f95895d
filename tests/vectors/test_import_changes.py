"""What changed under data/ since the last import: committed, modified and untracked files."""

from __future__ import annotations

from pathlib import Path

import attrs
import msgspec

from fedlearn import config
from fedlearn.jobs import import_
from fedlearn.store import state
from fedlearn.vectors import import_changes
from tests.conftest import git, init_repo


def commit_file(repo: Path, relative: str, text: str) -> str:
    """Write and commit one file; return the new HEAD commit."""
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    git(repo, "add", relative)
    git(repo, "commit", "-q", "-m", relative)
    return git(repo, "rev-parse", "HEAD").strip()


def settings(repo: Path, state_dir: Path) -> config.Config:
    """Return a configuration for ``repo`` with its state in ``state_dir``."""
    return config.Config(node_id="alpha", repo=str(repo), state_dir=str(state_dir))


def test_changed_files_lists_committed_modified_and_untracked(tmp_path: Path) -> None:
    """Since a commit: files committed later, edited in the work tree, or new, under data/ only."""
    repo = init_repo(tmp_path / "repo")
    first = commit_file(repo, "data/patterns/a/n1.jsonl", "1\n")
    commit_file(repo, "data/patterns/a/n2.jsonl", "2\n")
    commit_file(repo, "README.md", "not data\n")
    (repo / "data/patterns/a/n1.jsonl").write_text("edited\n")
    (repo / "data/retractions").mkdir(parents=True)
    (repo / "data/retractions/n3.jsonl").write_text("new\n")
    assert import_changes.changed_files(repo, first) == {
        "data/patterns/a/n1.jsonl",
        "data/patterns/a/n2.jsonl",
        "data/retractions/n3.jsonl",
    }


def test_find_tells_the_work_trees_changes_apart(tmp_path: Path) -> None:
    """Of the files changed since the last import, those edited or new in the work tree."""
    repo = init_repo(tmp_path / "repo")
    first = commit_file(repo, "data/patterns/a/n1.jsonl", "1\n")
    commit_file(repo, "data/patterns/a/n2.jsonl", "2\n")
    (repo / "data/patterns/a/n1.jsonl").write_text("edited\n")
    (repo / "data/patterns/a/n3.jsonl").write_text("new\n")
    mark = import_changes.Mark(commit=first, scope="s")
    now = import_changes.Mark(commit=git(repo, "rev-parse", "HEAD").strip(), scope="s")
    changes = import_changes.find(repo, mark, now, full=False)
    assert changes.paths == {f"data/patterns/a/n{n}.jsonl" for n in (1, 2, 3)}
    assert changes.worktree == {"data/patterns/a/n1.jsonl", "data/patterns/a/n3.jsonl"}
    assert import_changes.find(repo, mark, now, full=True).worktree is None


def test_changed_files_is_none_for_an_unknown_commit(tmp_path: Path) -> None:
    """A commit git does not know means: read everything."""
    repo = init_repo(tmp_path / "repo")
    commit_file(repo, "data/x.jsonl", "x\n")
    assert import_changes.changed_files(repo, "0" * 40) is None


def test_since_reads_all_without_a_mark_or_git_and_after_a_scope_change(tmp_path: Path) -> None:
    """No mark, no git, or other collections configured: None (read every file)."""
    repo = init_repo(tmp_path / "repo")
    commit_file(repo, "data/x.jsonl", "x\n")
    store = state.StateDir(tmp_path / "state")
    cfg = settings(repo, tmp_path / "state")
    now = import_.start_mark(cfg)
    assert import_changes.since(repo, import_changes.load(store), now) is None
    import_changes.save(store, now)
    last = import_changes.load(store)
    assert import_changes.since(repo, last, now) == set()
    other = import_.start_mark(
        attrs.evolve(cfg, qdrant=config.Qdrant(collections=["codebase-context"]))
    )
    assert import_changes.since(repo, last, other) is None
    outside = import_.start_mark(settings(tmp_path / "plain", tmp_path / "state"))
    assert outside.commit == "" and import_changes.since(tmp_path / "plain", last, outside) is None


def test_save_keeps_nothing_outside_git(tmp_path: Path) -> None:
    """Without a commit there is nothing to remember."""
    store = state.StateDir(tmp_path / "state")
    import_changes.save(store, import_changes.Mark(commit="", scope="s"))
    assert import_changes.load(store) is None


def test_touches_matches_prefixes_under_data() -> None:
    """A prefix is touched when a changed path lies under data/<prefix>; always when all are read."""
    changed = {"data/patterns/error-solutions/n1.jsonl"}
    assert import_changes.touches(changed, "patterns/error-solutions/")
    assert not import_changes.touches(changed, "patterns/best-practices/")
    assert not import_changes.touches(set(), "retractions/")
    assert import_changes.touches(None, "retractions/")


def test_changes_are_found_once_and_read_all_with_full_or_without_a_mark(tmp_path: Path) -> None:
    """One value: the changed paths since the mark plus those added; ``full`` or no mark: all."""
    repo = init_repo(tmp_path / "repo")
    commit_file(repo, "data/patterns/a/n1.jsonl", "1\n")
    store = state.StateDir(tmp_path / "state")
    now = import_.start_mark(settings(repo, tmp_path / "state"))
    assert import_changes.find(repo, None, now, full=False).reads_all
    import_changes.save(store, msgspec.structs.replace(now, collections=["a"]))
    commit_file(repo, "data/patterns/b/n1.jsonl", "2\n")
    last = import_changes.load(store)
    changes = import_changes.find(repo, last, now, full=False)
    assert changes.paths == {"data/patterns/b/n1.jsonl"} and changes.held == ["a"]
    assert changes.touches("patterns/b/") and not changes.touches("patterns/a/")
    more = changes.adding({"data/patterns/a/"})
    assert more.touches("patterns/a/") and not changes.touches("patterns/a/")
    assert more.everything().reads_all and more.everything().adding({"x"}).paths is None
    assert import_changes.find(repo, last, now, full=True).reads_all


def test_changed_shards_names_the_shards_changed_files_hold(tmp_path: Path) -> None:
    """Changed shard files name their shards; a changed old-layout file means the whole category."""
    changed = {
        "data/patterns/error-solutions/beta/0a.jsonl",
        "data/patterns/error-solutions/gamma/ff.jsonl",
        "data/patterns/best-practices/beta.jsonl",
        "data/telemetry/beta.jsonl",
    }
    categories = ["error-solutions", "best-practices", "skills-patterns"]
    assert import_changes.changed_shards(tmp_path, changed, categories) == {
        "error-solutions": {"0a", "ff"},
        "best-practices": None,
        "skills-patterns": set(),
    }
    assert import_changes.changed_shards(tmp_path, None, categories) is None
