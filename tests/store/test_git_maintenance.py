"""Git maintenance on real repositories: a full gc when git's thresholds say one is due, which
searches deltas for the new objects only and keeps every object it must."""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import pytest

from fedlearn.store import git_maintenance
from tests.conftest import git, init_repo

# As for fedlearn's own git commands (``git_local.HARDENING``): a commit here must not start git's
# own ``gc --auto`` in the background, which would hold gc.pid while ``maintain`` runs its gc.
OWN_HOUSEKEEPING_OFF = ("-c", "maintenance.auto=false")


def shard(seed: int, lines: int = 1500) -> str:
    """Return a shard-like file: lines of random words (compresses about like real records)."""
    rng = random.Random(seed)
    return "".join(
        " ".join(f"w{rng.randrange(100_000)}" for _ in range(12)) + "\n" for _ in range(lines)
    )


def pack_bytes(repo: Path) -> int:
    """Return the size of every pack and loose object in ``repo``."""
    objects = repo / ".git" / "objects"
    return sum(
        p.stat().st_size for p in objects.rglob("*") if p.is_file() and "info" not in p.parts
    )


def commit(repo: Path, text: str, message: str) -> None:
    """Commit ``text`` as data.jsonl."""
    (repo / "data.jsonl").write_text(text)
    git(repo, "add", "data.jsonl")
    git(repo, *OWN_HOUSEKEEPING_OFF, "commit", "-q", "-m", message)


def test_is_due_follows_gits_thresholds() -> None:
    """More loose objects than gc.auto, or more packs than gc.autoPackLimit; gc.auto 0: never."""
    objects = git_maintenance.Objects
    assert not git_maintenance.is_due(objects(loose=6700, packs=50), 6700, 50)
    assert git_maintenance.is_due(objects(loose=6701, packs=1), 6700, 50)
    assert git_maintenance.is_due(objects(loose=0, packs=51), 6700, 50)
    assert not git_maintenance.is_due(objects(loose=0, packs=51), 6700, 0)
    assert not git_maintenance.is_due(objects(loose=10**6, packs=99), 0, 50)


def test_not_due_does_nothing(tmp_path: Path) -> None:
    """Below the thresholds the loose objects stay loose."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "one\n", "one")
    assert not git_maintenance.maintain(repo)
    assert not list((repo / ".git" / "objects" / "pack").glob("*.pack"))


def test_a_new_version_is_packed_as_a_delta_of_the_old_packs(tmp_path: Path) -> None:
    """
    Due, the new version of a file already packed becomes a delta against it: one pack, and the
    repository grows by far less than a whole copy (git's own ``gc --auto`` packs the loose
    objects alone and stores the new version whole).
    """
    repo = init_repo(tmp_path / "repo")
    text = shard(1)
    commit(repo, text, "old")
    git(repo, "repack", "-a", "-d", "-q")
    one_version = pack_bytes(repo)
    for number in range(3):  # each commit adds a few lines to the file, as a sync does
        text += shard(100 + number, lines=5)
        commit(repo, text, f"new {number}")
    git(repo, "config", "gc.auto", "1")  # due at once (and git's own gc --auto would run too)
    assert git_maintenance.maintain(repo)
    packs = list((repo / ".git" / "objects" / "pack").glob("*.pack"))
    assert len(packs) == 1
    assert git_maintenance.count(repo / ".git").loose == 0
    assert pack_bytes(repo) - one_version < one_version / 4


def test_gc_auto_zero_switches_it_off(tmp_path: Path) -> None:
    """``gc.auto = 0`` in the repository: nothing runs, whatever is loose."""
    repo = init_repo(tmp_path / "repo")
    for number in range(3):
        commit(repo, shard(number, lines=3), str(number))
    git(repo, "config", "gc.auto", "0")
    git(repo, "config", "gc.autoPackLimit", "0")
    assert not git_maintenance.maintain(repo)
    assert not list((repo / ".git" / "objects" / "pack").glob("*.pack"))


def delta_bases(repo: Path) -> dict[str, str]:
    """Return each packed object's delta base (40 zeros when stored whole)."""
    listed = git(
        repo, "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(deltabase)"
    )
    return dict(line.split() for line in listed.splitlines())


def grow(repo: Path, text: str, rounds: int, seed: int) -> str:
    """Commit ``rounds`` new versions of data.jsonl, each a few lines longer; return the last."""
    for number in range(rounds):
        text += shard(seed + number, lines=5)
        commit(repo, text, f"{seed} {number}")
    return text


def test_the_old_deltas_are_kept_and_not_searched_again(tmp_path: Path) -> None:
    """
    The gc reuses the deltas the packs hold (its delta search covers the new objects and the
    objects stored whole, not the whole history, so its cost does not grow with every old delta):
    a layout no gc of git's would choose (each delta's base stored whole: depth 1) survives it,
    where a search anew (``-f``, fedlearn's gc before) would chain them.
    """
    repo = init_repo(tmp_path / "repo")
    grow(repo, shard(1, lines=300), 12, seed=100)
    git(repo, "repack", "-a", "-d", "-f", "-q", "--depth=1", "--window=10")
    before = {name: base for name, base in delta_bases(repo).items() if set(base) != {"0"}}
    assert len(before) >= 4
    grow(repo, (repo / "data.jsonl").read_text(), 3, seed=200)
    git(repo, "config", "gc.auto", "1")
    assert git_maintenance.maintain(repo)
    after = delta_bases(repo)
    assert {name: after[name] for name in before} == before


def test_repeated_gcs_keep_the_repository_as_small_as_a_search_anew(tmp_path: Path) -> None:
    """
    Gc after gc, each new version is stored as a delta of an old one (the newest version of each
    file stays whole, so the next one finds it): the repository stays within 1.3x of what a delta
    search anew over everything (``repack -a -d -f``) makes of it, and far below whole copies.
    """
    repo = init_repo(tmp_path / "repo")
    paths = [f"d{number}.jsonl" for number in range(4)]
    texts = {path: shard(number, lines=400) for number, path in enumerate(paths)}
    git(repo, "config", "gc.auto", "20")
    for cycle in range(6):
        for step in range(4):
            for number, path in enumerate(paths):
                texts[path] += shard(1000 * cycle + 10 * step + number, lines=3)
                (repo / path).write_text(texts[path])
            git(repo, "add", "-A")
            git(repo, *OWN_HOUSEKEEPING_OFF, "commit", "-q", "-m", f"{cycle} {step}")
        assert git_maintenance.maintain(repo)
    maintained = pack_bytes(repo)
    one_copy = sum(len(zlib.compress(text.encode())) for text in texts.values())
    git(repo, "repack", "-a", "-d", "-f", "-q")
    assert maintained <= 1.3 * pack_bytes(repo)
    assert maintained < 2 * one_copy


def test_nothing_is_lost_and_fsck_passes(tmp_path: Path) -> None:
    """
    After the gc, git fsck finds the repository whole, and every object is still there: the
    commits of a branch never pushed, a commit only the reflog holds (a reset), and an object
    nothing refers to (kept in a cruft pack until git's expiry, two weeks).
    """
    repo = init_repo(tmp_path / "repo")
    text = grow(repo, shard(1, lines=100), 3, seed=10)
    git(repo, "checkout", "-q", "-b", "unpushed")
    grow(repo, text, 2, seed=20)
    unpushed = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "main")
    grow(repo, text, 1, seed=30)
    dropped = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    (tmp_path / "dangling").write_text("nobody refers to me\n")
    dangling = git(repo, "hash-object", "-w", str(tmp_path / "dangling")).strip()
    git(repo, "config", "gc.auto", "1")
    assert git_maintenance.maintain(repo)
    assert git_maintenance.count(repo / ".git").loose == 0
    git(repo, "fsck", "--full", "--strict", "--no-dangling")
    for name in (unpushed, dropped, dangling):
        git(repo, "cat-file", "-e", name)
    assert git(repo, "log", "-1", "--format=%H", "unpushed").strip() == unpushed


def test_the_previous_version_is_searched_again_with_the_new_one(tmp_path: Path) -> None:
    """
    The previous version of a file, stored in the pack as a delta against another file (here a
    larger one holding its lines interleaved with others), is searched again with the new version:
    the two end up one a delta of the other. A plain gc reuses the old delta and leaves it out of
    the search, so the new version can only be a delta of the other file.
    """
    repo = init_repo(tmp_path / "repo")
    lines = shard(1, lines=200).splitlines(keepends=True)
    extra = shard(2, lines=200).splitlines(keepends=True)
    previous = "".join(lines)
    (repo / "a" / "me").mkdir(parents=True)
    (repo / "b" / "me").mkdir(parents=True)
    (repo / "a" / "me" / "00.jsonl").write_text(previous)  # same name hash as b/me/00.jsonl
    (repo / "b" / "me" / "00.jsonl").write_text(
        "".join(x + y for x, y in zip(lines, extra, strict=True))
    )
    git(repo, "add", "-A")
    git(repo, *OWN_HOUSEKEEPING_OFF, "commit", "-q", "-m", "old")
    git(repo, "repack", "-a", "-d", "-f", "-q")
    old = git(repo, "rev-parse", "HEAD:a/me/00.jsonl").strip()
    other = git(repo, "rev-parse", "HEAD:b/me/00.jsonl").strip()
    assert delta_bases(repo)[old] == other  # the pack's layout the test is about
    (repo / "a" / "me" / "00.jsonl").write_text(previous + shard(3, lines=5))
    git(repo, *OWN_HOUSEKEEPING_OFF, "commit", "-q", "-am", "new")
    new = git(repo, "rev-parse", "HEAD:a/me/00.jsonl").strip()
    git(repo, "config", "gc.auto", "1")
    assert git_maintenance.maintain(repo)
    bases = delta_bases(repo)
    assert bases[old] == new or bases[new] == old
    assert not (repo / ".git" / "objects" / "pack" / "multi-pack-index").exists()
    assert len(list((repo / ".git" / "objects" / "pack").glob("*.pack"))) == 1
    git(repo, "fsck", "--full", "--strict", "--no-dangling")


def gc_settings(trace: Path) -> dict[str, set[tuple[str, str]]]:
    """Return, from a trace2 event file, each of ``BOUNDS``' keys as the repack's pack-objects saw
    it: its values with their scope (``command``: a ``-c``; ``local``: the repository's config)."""
    names: dict[str, str] = {}
    seen: dict[str, set[tuple[str, str]]] = {}
    for line in trace.read_text().splitlines():
        event = json.loads(line)
        if event["event"] == "start":
            names[event["sid"]] = " ".join(event["argv"][1:2])
        elif event["event"] == "def_param" and names.get(event["sid"]) == "pack-objects":
            seen.setdefault(event["param"], set()).add((event["value"], event.get("scope", "")))
    return seen


def test_the_gc_runs_within_fedlearns_memory_bounds_unless_the_user_set_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    The gc's pack-objects gets every one of ``BOUNDS`` as a ``-c`` (git's defaults let it hold
    hundreds of MB on an old repository), except a key the repository's own config sets: that
    one keeps the user's value, and nothing is written to the config.
    """
    repo = init_repo(tmp_path / "repo")
    grow(repo, shard(1, lines=50), 3, seed=10)
    git(repo, "config", "gc.auto", "1")
    git(repo, "config", "pack.windowMemory", "1g")
    config_before = (repo / ".git" / "config").read_text()
    trace = tmp_path / "trace.json"
    monkeypatch.setenv("GIT_TRACE2_EVENT", str(trace))
    monkeypatch.setenv("GIT_TRACE2_CONFIG_PARAMS", ",".join(git_maintenance.BOUNDS))
    assert git_maintenance.maintain(repo)
    seen = gc_settings(trace)
    expected = {
        key.lower(): {(value, "command")}
        for key, value in git_maintenance.BOUNDS.items()
        if key != "pack.windowMemory"
    }
    assert seen == expected | {"pack.windowmemory": {("1g", "local")}}
    assert (repo / ".git" / "config").read_text() == config_before


def test_available_is_memavailable_lowered_to_the_cgroups_limit(tmp_path: Path) -> None:
    """MemAvailable, or less when the cgroup's memory.max leaves less; None when unreadable."""
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal: 4000000 kB\nMemAvailable: 1000000 kB\n")
    own = tmp_path / "cgroup"
    own.write_text("4:memory:/old\n0::/system.slice/fedlearn.service\n")
    folder = tmp_path / "cg" / "system.slice" / "fedlearn.service"
    folder.mkdir(parents=True)
    (folder / "memory.max").write_text("max\n")
    (folder / "memory.current").write_text(f"{300 * 2**20}\n")
    assert git_maintenance.available(meminfo, own, tmp_path / "cg") == 1000000 * 1024
    (folder / "memory.max").write_text(f"{500 * 2**20}\n")
    assert git_maintenance.available(meminfo, own, tmp_path / "cg") == 200 * 2**20
    meminfo.unlink()
    assert git_maintenance.available(meminfo, own, tmp_path / "cg") == 200 * 2**20
    own.write_text("4:memory:/old\n")  # cgroup v1 only: its limits are not read
    assert git_maintenance.available(meminfo, own, tmp_path / "cg") is None


def test_short_of_memory_the_loose_objects_are_packed_on_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """
    When a full gc would need more memory than is available, the old pack is left as it is and
    the loose objects go into a pack of their own (what a full gc would list grows with the
    repository); the log says so, with both figures. Due for the number of packs alone, nothing
    is packed (one more small pack a commit would only add to them). With memory enough, the
    full gc runs.
    """
    repo = init_repo(tmp_path / "repo")
    grow(repo, shard(1, lines=50), 2, seed=10)
    git(repo, "repack", "-a", "-d", "-q")
    (old,) = (repo / ".git" / "objects" / "pack").glob("*.pack")
    grow(repo, (repo / "data.jsonl").read_text(), 2, seed=20)
    git(repo, "config", "gc.auto", "1")
    need = git_maintenance.needed(repo)
    assert need > git_maintenance.FIXED
    monkeypatch.setattr(git_maintenance, "available", lambda: need - 1)
    assert git_maintenance.maintain(repo)
    assert git_maintenance.count(repo / ".git").loose == 0
    packs = sorted((repo / ".git" / "objects" / "pack").glob("*.pack"))
    assert len(packs) == 2 and old in packs
    assert f"needs about {need // 2**20} MB" in caplog.text
    git(repo, "fsck", "--full", "--strict", "--no-dangling")
    grow(repo, (repo / "data.jsonl").read_text(), 1, seed=30)
    git(repo, "config", "gc.auto", "100")
    git(repo, "config", "gc.autoPackLimit", "1")  # due for the packs alone: not one more pack
    assert not git_maintenance.maintain(repo)
    assert len(list((repo / ".git" / "objects" / "pack").glob("*.pack"))) == 2
    monkeypatch.setattr(git_maintenance, "available", lambda: need * 2)
    assert git_maintenance.maintain(repo)
    assert len(list((repo / ".git" / "objects" / "pack").glob("*.pack"))) == 1
