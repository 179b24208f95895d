"""The git adapter on real temporary repositories: state checks, scratch-index commits, push retry."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.errors import ConfigError, GitError
from fedlearn.store import gitrepo
from tests.conftest import ROOT, git, init_repo

AUTHOR = {"GIT_AUTHOR_NAME": "fedlearn", "GIT_AUTHOR_EMAIL": "fedlearn@localhost"}


def clone(remote: Path, path: Path) -> Path:
    """Return a clone of ``remote`` at ``path`` with a local identity."""
    subprocess.run(["git", "clone", "-q", str(remote), str(path)], check=True)
    git(path, "config", "user.email", "test@example.invalid")
    git(path, "config", "user.name", "fedlearn test")
    return path


def commit_file(repo: Path, name: str, text: str) -> str:
    """Write, add and commit one file with plain git; return the new commit."""
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"change {name}")
    return git(repo, "rev-parse", "HEAD").strip()


def commit_through_scratch(repo: Path, files: list[str], message: str = "fedlearn: test") -> str:
    """Stage ``files`` in a scratch index and commit them as publish does; return the commit."""
    with gitrepo.scratch_index(repo) as index:
        gitrepo.stage(repo, index, files)
        changes = gitrepo.staged(repo, index)
        return gitrepo.commit(repo, index, message, AUTHOR, [path for _, path in changes])


@pytest.fixture
def repo(remote: Path, tmp_path: Path) -> Path:
    """Return a clone of the shared bare remote."""
    return clone(remote, tmp_path / "clone")


def test_parse_status_reads_codes_paths_and_renames() -> None:
    """Porcelain v1 -z output gives one change per entry; a rename keeps its new path."""
    output = " M README.md\0R  new.txt\0old.txt\0?? data/x y.jsonl\0UU conflict.nix\0"
    changes = gitrepo.parse_status(output)
    assert [(c.code, c.path) for c in changes] == [
        (" M", "README.md"),
        ("R ", "new.txt"),
        ("??", "data/x y.jsonl"),
        ("UU", "conflict.nix"),
    ]
    assert [c.is_unmerged for c in changes] == [False, False, False, True]
    assert [c.is_tracked for c in changes] == [True, True, False, True]


def test_check_safe_accepts_a_clean_branch(repo: Path) -> None:
    """A checkout on the expected branch with no operation in progress is safe."""
    gitrepo.check_safe(repo, "main")


def test_check_safe_refuses_detached_head(repo: Path) -> None:
    """A detached HEAD is refused with a hint naming git switch."""
    git(repo, "checkout", "-q", "--detach")
    with pytest.raises(GitError, match="detached") as caught:
        gitrepo.check_safe(repo, "main")
    assert "git -C" in caught.value.hint
    assert "switch main" in caught.value.hint


def test_check_safe_refuses_another_branch(repo: Path) -> None:
    """Being on a branch other than publish.branch is refused."""
    git(repo, "switch", "-q", "-c", "feature")
    with pytest.raises(GitError, match="on branch feature"):
        gitrepo.check_safe(repo, "main")


def conflicting_histories(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Make ``repo`` and the remote disagree about README.md."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "README.md", "theirs\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "README.md", "ours\n")
    git(repo, "fetch", "-q", "origin")


def test_check_safe_refuses_an_unfinished_rebase(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A rebase stopped on a conflict is refused, with the commands that finish or abort it."""
    conflicting_histories(repo, remote, tmp_path)
    process = subprocess.run(
        ["git", "-C", str(repo), "rebase", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0
    with pytest.raises(GitError, match="a rebase is in progress") as caught:
        gitrepo.check_safe(repo, "main")
    assert "git rebase --abort" in caught.value.hint


def interrupted_rebase(repo: Path, remote: Path, tmp_path: Path, *, ours: bool) -> str:
    """
    Leave ``repo`` as a fedlearn run killed mid-rebase does (the rebase stopped, the mark kept),
    or with a rebase of the user's (``ours`` false); return the commit the rebase started from.
    """
    conflicting_histories(repo, remote, tmp_path)
    started_from = git(repo, "rev-parse", "HEAD").strip()
    mark = started_from if ours else "0" * 40
    onto = git(repo, "rev-parse", "origin/main").strip()
    gitrepo.git_path(repo, gitrepo.REBASE_MARK).write_text(f"{mark}\n{onto}\n")
    process = subprocess.run(
        ["git", "-C", str(repo), "rebase", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0 and gitrepo.git_path(repo, "rebase-merge").is_dir()
    return started_from


def test_abort_interrupted_rebase_undoes_fedlearns_own(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A rebase fedlearn started and a kill interrupted is aborted; the branch is as before."""
    started_from = interrupted_rebase(repo, remote, tmp_path, ours=True)
    assert gitrepo.abort_interrupted_rebase(repo)
    gitrepo.check_safe(repo, "main")
    assert git(repo, "rev-parse", "HEAD").strip() == started_from
    assert not gitrepo.git_path(repo, gitrepo.REBASE_MARK).exists()


def test_abort_interrupted_rebase_leaves_the_users_own(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A rebase that did not start where fedlearn's mark says is the user's: refused, not undone."""
    interrupted_rebase(repo, remote, tmp_path, ours=False)
    assert not gitrepo.abort_interrupted_rebase(repo)
    with pytest.raises(GitError, match="a rebase is in progress"):
        gitrepo.check_safe(repo, "main")


def test_integrate_leaves_no_rebase_mark(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Whether the rebase lands or stops (and is aborted), the mark is gone afterwards."""
    conflicting_histories(repo, remote, tmp_path)
    with pytest.raises(GitError, match="rebase of"):
        gitrepo.integrate(repo, git(repo, "rev-parse", "origin/main").strip(), {})
    assert not gitrepo.git_path(repo, gitrepo.REBASE_MARK).exists()
    assert not gitrepo.git_path(repo, "rebase-merge").exists()


def test_check_safe_refuses_an_unfinished_merge(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A merge stopped on a conflict is refused, with the commands that finish or abort it."""
    conflicting_histories(repo, remote, tmp_path)
    process = subprocess.run(
        ["git", "-C", str(repo), "merge", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0
    with pytest.raises(GitError, match="a merge is in progress") as caught:
        gitrepo.check_safe(repo, "main")
    assert "git merge --abort" in caught.value.hint


def test_check_safe_refuses_unmerged_paths(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Conflicts left in the index (after the merge state itself is gone) are refused."""
    conflicting_histories(repo, remote, tmp_path)
    subprocess.run(
        ["git", "-C", str(repo), "merge", "origin/main"], capture_output=True, check=False
    )
    gitrepo.git_path(repo, "MERGE_HEAD").unlink()
    with pytest.raises(GitError, match=r"unresolved conflicts in README\.md"):
        gitrepo.check_safe(repo, "main")


def test_identity_rejects_an_author_without_email(repo: Path) -> None:
    """publish.author must read ``Name <email>``."""
    with pytest.raises(ConfigError, match=r"publish\.author"):
        gitrepo.identity(repo, "just a name")


def test_identity_sets_the_author(repo: Path) -> None:
    """The configured author becomes GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL."""
    env = gitrepo.identity(repo, "Node Three <node3@fed.invalid>")
    assert env["GIT_AUTHOR_NAME"] == "Node Three"
    assert env["GIT_AUTHOR_EMAIL"] == "node3@fed.invalid"


def test_identity_never_keeps_a_committer_git_guessed_from_the_hostname(tmp_path: Path) -> None:
    """With no configured identity on a host with a domain name, the host stays out of commits."""
    bare = tmp_path / "bare"
    subprocess.run(["git", "init", "-q", str(bare)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "EMAIL"}
    env |= {"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(ROOT)}
    code = (
        "import json, pathlib; from fedlearn.store import gitrepo; "
        f"print(json.dumps(gitrepo.identity(pathlib.Path({str(bare)!r}), 'fed <fed@localhost>')))"
    )
    # A UTS namespace of our own, so the host name can be one git would take an email from.
    namespace = ["unshare", "--map-root-user", "--uts", "sh", "-c"]
    probe = [*namespace, "hostname box.example.com && hostname"]
    if (
        shutil.which("unshare") is None
        or "box.example.com"
        not in subprocess.run(probe, capture_output=True, text=True, check=False).stdout
    ):
        pytest.skip("cannot set a host name in a user namespace here")
    script = f'hostname box.example.com && exec "$0" -c "{code}"'
    command = [*namespace, script, sys.executable]
    process = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["GIT_COMMITTER_EMAIL"] == "fed@localhost"


def test_commit_leaves_the_users_staged_changes_staged(repo: Path) -> None:
    """A scratch-index commit takes only its paths; what the user staged stays staged, uncommitted."""
    (repo / "notes.txt").write_text("mine\n")
    git(repo, "add", "notes.txt")
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("{}\n")
    created = commit_through_scratch(repo, ["data/alpha.jsonl"])
    assert git(repo, "show", "--name-only", "--format=", created).split() == ["data/alpha.jsonl"]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]
    assert git(repo, "status", "--porcelain", "--", "data").strip() == ""


def test_commit_stages_deletions(repo: Path) -> None:
    """A file deleted from the work tree is committed as a deletion."""
    (repo / "data").mkdir()
    (repo / "data" / "old.jsonl").write_text("{}\n")
    commit_through_scratch(repo, ["data/old.jsonl"])
    (repo / "data" / "old.jsonl").unlink()
    created = commit_through_scratch(repo, ["data/old.jsonl"])
    assert git(repo, "show", "--name-status", "--format=", created).split() == [
        "D",
        "data/old.jsonl",
    ]
    assert git(repo, "status", "--porcelain").strip() == ""


def test_commit_refuses_when_head_moved_meanwhile(repo: Path) -> None:
    """A commit the user made while fedlearn staged is never lost: the branch does not move."""
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("{}\n")
    with gitrepo.scratch_index(repo) as index:
        gitrepo.stage(repo, index, ["data/alpha.jsonl"])
        users = commit_file(repo, "mine.txt", "x\n")
        with pytest.raises(GitError):
            gitrepo.commit(repo, index, "fedlearn: test", AUTHOR, ["data/alpha.jsonl"])
    assert git(repo, "rev-parse", "HEAD").strip() == users


def test_scratch_index_is_removed_afterwards(repo: Path) -> None:
    """The private index file does not outlive the block."""
    with gitrepo.scratch_index(repo) as index:
        path = Path(index.env["GIT_INDEX_FILE"])
        assert path.exists()
    assert not path.exists()


def test_export_writes_the_staged_content_not_the_work_tree(repo: Path, tmp_path: Path) -> None:
    """What is exported is what is staged, even when the file changed afterwards."""
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("staged\n")
    with gitrepo.scratch_index(repo) as index:
        gitrepo.stage(repo, index, ["data/alpha.jsonl"])
        (repo / "data" / "alpha.jsonl").write_text("written later\n")
        gitrepo.export(repo, index, ["data/alpha.jsonl"], tmp_path / "out")
    assert (tmp_path / "out" / "data" / "alpha.jsonl").read_text() == "staged\n"


def test_fetch_returns_none_when_the_remote_has_no_branch(tmp_path: Path) -> None:
    """An empty remote (no branch yet) is not an error."""
    bare = init_repo(tmp_path / "empty.git", bare=True)
    local = init_repo(tmp_path / "local")
    git(local, "remote", "add", "origin", str(bare))
    assert gitrepo.fetch(local, "origin", "main") is None


def test_fetch_reads_git_in_english_whatever_the_users_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's messages are matched, so git runs with LC_ALL=C even under a translated locale."""
    seen = tmp_path / "locale"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    real = shutil.which("git")
    wrapper.write_text(f'#!/bin/sh\necho "$LC_ALL" >> {seen}\nexec {real} "$@"\n')
    wrapper.chmod(0o755)
    bare = init_repo(tmp_path / "empty.git", bare=True)
    local = init_repo(tmp_path / "local")
    git(local, "remote", "add", "origin", str(bare))
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    assert gitrepo.fetch(local, "origin", "main") is None
    assert set(seen.read_text().split()) == {"C"}


def test_fetch_from_a_remote_that_hangs_fails_with_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remote that stops answering does not hold the job (and its lock) for ever."""
    local = init_repo(tmp_path / "local")
    git(local, "config", "protocol.ext.allow", "always")
    git(local, "remote", "add", "origin", "ext::sleep 5")
    monkeypatch.setattr(gitrepo, "NETWORK_TIMEOUT", 0.5)
    with pytest.raises(
        GitError, match=r"git fetch -q origin in .* no answer after 0.5 s"
    ) as caught:
        gitrepo.fetch(local, "origin", "main")
    assert "remote -v" in caught.value.hint


def test_push_raises_push_rejected_when_the_remote_moved(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A push from a stale clone is a PushRejectedError (retryable), not a plain failure."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours.txt", "y\n")
    with pytest.raises(gitrepo.PushRejectedError):
        gitrepo.push(repo, "origin", "main")


def test_integrate_fast_forwards_with_a_dirty_work_tree(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """Behind the remote, the branch fast-forwards and the user's modified file stays modified."""
    other = clone(remote, tmp_path / "other")
    upstream = commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    (repo / "README.md").write_text("my edit\n")
    fetched = gitrepo.fetch(repo, "origin", "main")
    assert fetched == upstream
    assert gitrepo.integrate(repo, fetched, AUTHOR) == "fast-forward"
    assert git(repo, "status", "--porcelain").strip() == "M README.md"


def test_integrate_rebases_when_clean_and_merges_when_dirty(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """Diverged history is rebased on a clean tree, merged (keeping the user's edit) on a dirty one."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours.txt", "y\n")
    upstream = gitrepo.fetch(repo, "origin", "main")
    assert upstream is not None
    assert gitrepo.integrate(repo, upstream, AUTHOR) == "rebase"
    assert git(repo, "rev-list", "--merges", "--count", "HEAD").strip() == "0"
    commit_file(other, "theirs2.txt", "x\n")
    git(other, "pull", "-q", "--rebase", "origin", "main")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours2.txt", "y\n")
    (repo / "README.md").write_text("my edit\n")
    upstream = gitrepo.fetch(repo, "origin", "main")
    assert upstream is not None
    assert gitrepo.integrate(repo, upstream, AUTHOR) == "merge"
    assert (repo / "README.md").read_text() == "my edit\n"
    assert git(repo, "status", "--porcelain").strip() == "M README.md"


def test_integrate_aborts_a_conflicting_rebase(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A conflict in the user's own commits undoes the rebase and says how to go on."""
    conflicting_histories(repo, remote, tmp_path)
    before = git(repo, "rev-parse", "HEAD")
    with pytest.raises(GitError, match="rebase") as caught:
        gitrepo.integrate(repo, git(repo, "rev-parse", "origin/main").strip(), AUTHOR)
    assert "pull" in caught.value.hint
    assert git(repo, "rev-parse", "HEAD") == before
    assert not gitrepo.git_path(repo, "rebase-merge").exists()


def install_racer(repo: Path, rival: Path, times: int) -> None:
    """Make ``rival`` push a new commit just before each of ``repo``'s first ``times`` pushes."""
    hook = repo / ".git" / "hooks" / "pre-push"
    counter = repo / ".git" / "races"
    hook.write_text(
        "#!/bin/sh\n"
        "unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE\n"
        f"count=$(cat {counter} 2>/dev/null || echo 0)\n"
        f'[ "$count" -ge {times} ] && exit 0\n'
        f"echo $((count + 1)) > {counter}\n"
        f"echo race $count >> {rival}/race.txt\n"
        f"git -C {rival} add race.txt && git -C {rival} commit -q -m race\n"
        f"git -C {rival} push -q origin main\n"
    )
    hook.chmod(0o755)


def test_push_with_retry_fetches_rebases_and_pushes_again(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A push that loses a race is retried after fetch and rebase, and lands on top of the rival."""
    rival = clone(remote, tmp_path / "rival")
    install_racer(repo, rival, times=1)
    mine = commit_file(repo, "ours.txt", "y\n")
    settings = config.Publish(push_attempts=3, push_deadline=60.0)
    pushed = gitrepo.push_with_retry(repo, settings, AUTHOR)
    assert pushed.attempts == 2
    assert pushed.integration == "rebase"
    remote_head = git(remote, "rev-parse", "main").strip()
    assert remote_head == pushed.commit != mine
    assert git(remote, "log", "--format=%s", "main").split("\n")[:2] == ["change ours.txt", "race"]


def test_push_with_retry_gives_up_after_the_attempt_cap(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """When every push loses, the policy stops at push_attempts and the local commit is kept."""
    rival = clone(remote, tmp_path / "rival")
    install_racer(repo, rival, times=100)
    commit_file(repo, "ours.txt", "y\n")
    settings = config.Publish(push_attempts=2, push_deadline=60.0)
    with pytest.raises(GitError, match="2 attempts") as caught:
        gitrepo.push_with_retry(repo, settings, AUTHOR)
    assert "fedlearn publish" in caught.value.hint
    assert (repo / ".git" / "races").read_text().strip() == "2"
    assert git(repo, "log", "--format=%s", "-1").strip() == "change ours.txt"
    assert "change ours.txt" not in git(remote, "log", "--format=%s", "main")


def test_changed_paths_lists_files_between_commits(repo: Path) -> None:
    """Only paths under the given folder that differ between the commits are listed."""
    old = git(repo, "rev-parse", "HEAD").strip()
    commit_file(repo, "data/a.jsonl", "1\n")
    new = commit_file(repo, "other.txt", "2\n")
    assert gitrepo.changed_paths(repo, old, new, "data") == ["data/a.jsonl"]
    assert gitrepo.changed_paths(repo, new, new, "data") == []


def test_abort_interrupted_rebase_leaves_the_users_own_from_the_commit_of_a_stale_mark(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """
    A run killed before its rebase began leaves a mark; a rebase the user then starts from that
    same commit (onto another) is still the user's: refused, never aborted.
    """
    conflicting_histories(repo, remote, tmp_path)
    head = git(repo, "rev-parse", "HEAD").strip()
    upstream = git(repo, "rev-parse", "origin/main").strip()
    killed = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from fedlearn.store import gitrepo\n"
        "real = gitrepo.run\n"
        "def run(repo, *args, **kwargs):\n"
        "    if args[0] == 'rebase':\n"
        "        os._exit(9)  # killed before git rebase began\n"
        "    return real(repo, *args, **kwargs)\n"
        "gitrepo.run = run\n"
        "gitrepo.rebase(Path(sys.argv[1]), sys.argv[2], sys.argv[3], {})\n"
    )
    process = subprocess.run([sys.executable, "-c", killed, str(repo), head, upstream], check=False)
    assert process.returncode == 9 and gitrepo.git_path(repo, gitrepo.REBASE_MARK).exists()
    users = subprocess.run(
        ["git", "-C", str(repo), "rebase", "-x", "false", "HEAD~1"],
        capture_output=True,
        check=False,
    )
    assert users.returncode != 0 and gitrepo.git_path(repo, "rebase-merge").is_dir()
    assert not gitrepo.abort_interrupted_rebase(repo)
    assert gitrepo.git_path(repo, "rebase-merge").is_dir()
