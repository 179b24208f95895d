"""Tests of fedlearn.store.git_paths: the entries git refuses to check out, and the tree without them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fedlearn.store import git_paths, peer_files
from tests.conftest import git
from tests.store.conftest import blob_of, mktree

REFUSED = [
    ".git",
    ".GIT",
    ".Git",
    ".",
    "..",
    "",
    ".git ",
    ".git.",
    ".git. . ",
    ".git::$INDEX_ALLOCATION",
    "git~1",
    "GIT~1",
    "git~1 .",
    ".git\\hooks",
    "a\\b",
    ".g\u200cit",
    "\ufeff.GIT",
    ".gi\u206ft",
]
ALLOWED = [
    ".github",
    ".gitignore",
    ".gitattributes",
    ".gitmodules",
    "git",
    "git~2",
    "..a",
    ".a",
    "a.git",
    "alpha.jsonl",
    "20261205T000000Z.jsonl",
    ".gitx",
    "\u00e9.git",
]
# Refused by git for Windows only (a backslash); refused everywhere here, as no node reads it.
WINDOWS_ONLY = ["a\\b"]
REFUSED_LINKS = [
    ".gitmodules",
    ".GITMODULES",
    ".gitmodules .",
    "gitmod~1",
    "GI7EBA~1",
    "gi7eb~12",
    ".gitmodul\u200ces",
]


@pytest.mark.parametrize("name", REFUSED)
def test_refused_names_are_what_git_refuses(name: str) -> None:
    assert git_paths.refused_name(name, "100644")
    assert git_paths.refused_name(name, git_paths.TREE)


@pytest.mark.parametrize("name", ALLOWED)
def test_other_names_are_allowed(name: str) -> None:
    assert not git_paths.refused_name(name, "100644")


@pytest.mark.parametrize("name", REFUSED_LINKS)
def test_a_symlinked_gitmodules_is_refused_a_file_is_not(name: str) -> None:
    assert git_paths.refused_name(name, git_paths.SYMLINK)
    assert not git_paths.refused_name(name, "100644")


def test_the_rules_agree_with_git_itself(tmp_path: Path) -> None:
    """Each name is put in a tree and read into an index by git: git refuses exactly ours."""
    repo = tmp_path / "r"
    git(tmp_path, "init", "-q", str(repo))
    blob = blob_of(repo)
    for name in [n for n in REFUSED + ALLOWED if n and "/" not in n]:
        tree = mktree(repo, f"100644 blob {blob}\t{name}\0")
        index = {"GIT_INDEX_FILE": str(tmp_path / "index")}
        done = subprocess.run(
            ["git", "-C", str(repo), "-c", "core.protectHFS=true", "read-tree", tree],
            env=index,
            capture_output=True,
        )
        expected = git_paths.refused_name(name, "100644") and name not in WINDOWS_ONLY
        assert (done.returncode != 0) == expected, name


def based(tmp_path: Path) -> tuple[Path, str, str]:
    """Return a repository whose one commit holds ``data/a.jsonl``, that commit, and a blob."""
    repo = tmp_path / "r"
    git(tmp_path, "init", "-q", str(repo))
    (repo / "data").mkdir()
    (repo / "data" / "a.jsonl").write_text("a\n")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return repo, git(repo, "rev-parse", "HEAD").strip(), blob_of(repo)


def test_find_names_the_outermost_entry_and_the_commit_that_added_it(tmp_path: Path) -> None:
    repo, base, blob = based(tmp_path)
    inner = mktree(repo, f"100644 blob {blob}\tconfig\0")
    data = mktree(
        repo,
        f"100644 blob {blob}\ta.jsonl\x00040000 tree {inner}\t.git\x00100644 blob {blob}\tgit~1\0",
    )
    root = mktree(repo, f"040000 tree {data}\tdata\x00120000 blob {blob}\t.gitmodules\0")
    env = "-c", "user.name=t", "-c", "user.email=t@t"
    evil = git(repo, *env, "commit-tree", root, "-p", base, "-m", "evil").strip()
    later = git(repo, *env, "commit-tree", root, "-p", evil, "-m", "later").strip()
    found = git_paths.find(repo, base, later)
    assert [(f.path, f.commit) for f in found] == [
        (".gitmodules", evil),
        ("data/.git", evil),
        ("data/git~1", evil),
    ]
    assert git_paths.find(repo, later, later) == []
    assert [f.path for f in git_paths.find(repo, None, later)] == [f.path for f in found]
    fixed = git_paths.without(
        repo, git(repo, "rev-parse", f"{later}^{{tree}}").strip(), [f.raw for f in found]
    )
    listing = git(repo, "ls-tree", "-r", "--name-only", fixed).split()
    assert listing == ["data/a.jsonl"]
    assert git(repo, "rev-parse", f"{fixed}:data/a.jsonl").strip() == blob


def test_find_with_sizes_names_files_over_their_cap_but_never_this_nodes_own(
    tmp_path: Path,
) -> None:
    """
    A metrics file of 1 MiB + 1 byte (its cap is 1 MiB) and a pattern shard of a peer over 64 MiB
    are found with their sizes; the same metrics size is kept for this node's own file, at the
    cap, outside data/, and without ``sizes``. Sizes come from one ``cat-file --batch-check``.
    """
    repo = tmp_path / "r"
    git(tmp_path, "init", "-q", str(repo))
    (repo / "README.md").write_text("x\n")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    cap = peer_files.CAPS["metrics"]
    files = {
        "data/metrics/monthly/2026-01/mallory.json": cap + 1,
        "data/metrics/monthly/2026-01/alpha.json": cap + 1,  # this node's own
        "data/metrics/monthly/2026-01/carol.json": cap,
        "big.bin": cap + 1,  # outside data/
        "data/patterns/error-solutions/mallory/00.jsonl": peer_files.CAPS["patterns"] + 1,
    }
    for name, size in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            handle.truncate(size)  # sparse: NULs, cheap to write and to compress
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "big")
    tip = git(repo, "rev-parse", "HEAD").strip()
    sizes = git_paths.Sizes("data", "alpha")
    found = git_paths.find(repo, base, tip, sizes=sizes)
    assert [(f.path, f.commit) for f in found] == [
        ("data/metrics/monthly/2026-01/mallory.json", tip),
        ("data/patterns/error-solutions/mallory/00.jsonl", tip),
    ]
    assert (
        found[0].reason == f"a file of {cap + 1} bytes, over the {cap} bytes fedlearn reads there"
    )
    assert git_paths.find(repo, base, tip) == []
    assert git_paths.find(repo, tip, tip, sizes=sizes) == []
    assert [f.path for f in git_paths.find(repo, None, tip, sizes=sizes)] == [f.path for f in found]


def test_too_long_names_the_first_prefix_no_file_system_holds() -> None:
    """A name over 255 bytes (UTF-8, as the file system counts), or a path past 1,024 bytes, is
    named at its first prefix that is too long; fedlearn's own paths are far shorter."""
    assert git_paths.too_long("data/telemetry/" + "m" * 250 + ".jsonl") == (
        "data/telemetry/" + "m" * 250 + ".jsonl"
    )
    assert git_paths.too_long("data/" + "é" * 128 + "/x.jsonl") == "data/" + "é" * 128
    assert git_paths.too_long("data/" + "m" * 255 + "/x") is None
    deep = "/".join(["data", *("d" * 200 for _ in range(6)), "x.jsonl"])
    assert git_paths.too_long(deep) == "/".join(["data", *("d" * 200 for _ in range(6))])
    assert git_paths.too_long("/".join(["data", *("d" * 200 for _ in range(5))])) is None
    assert git_paths.too_long("data/patterns/error-solutions/alpha/0a.jsonl") is None


def test_find_leaves_out_a_name_too_long_for_a_checkout(tmp_path: Path) -> None:
    """A tree entry whose name git stores but no file system holds is found like a refused one,
    with its own reason, and the repair's tree leaves it out."""
    repo, base, blob = based(tmp_path)
    long = "m" * 300 + ".jsonl"
    data = mktree(repo, f"100644 blob {blob}\ta.jsonl\x00100644 blob {blob}\t{long}\0")
    root = mktree(repo, f"040000 tree {data}\tdata\0")
    env = "-c", "user.name=t", "-c", "user.email=t@t"
    evil = git(repo, *env, "commit-tree", root, "-p", base, "-m", "long").strip()
    [found] = git_paths.find(repo, base, evil)
    assert (found.path, found.reason, found.commit) == (f"data/{long}", git_paths.TOO_LONG, evil)
    fixed = git_paths.without(repo, git(repo, "rev-parse", f"{evil}^{{tree}}").strip(), [found.raw])
    assert git(repo, "ls-tree", "-r", "--name-only", fixed).split() == ["data/a.jsonl"]
