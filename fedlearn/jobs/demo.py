"""fedlearn demo: the whole loop on generated data, two nodes and a bare remote, no service.

A learns from telemetry (with planted secrets) and publishes; B clones, pulls and imports into its
embedded Qdrant, then answers a question only A learned; the planted secrets are nowhere in git.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import msgspec

from fedlearn import config, sample
from fedlearn.errors import ConfigError
from fedlearn.formats import layout
from fedlearn.jobs import Summary
from fedlearn.store import git_history, git_local

QUESTION = "connection refused on localhost:6333"
PLANTED = (
    "AKIAIOSFODNN7EXAMPLQ",
    "ghp_R2d2C3poLukeLeiaHanSoloChewbacca0042",
    "hunter2-correct-horse",
    "sk-proj-DemoPlantedKeyQ7w9e8r7t6y5u4i3o2p1",
    "alice@example.org",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the demo's options."""
    parser.add_argument(
        "dir", nargs="?", help="folder to build the demo in (default: a new temp dir)"
    )
    parser.add_argument(
        "--events", type=int, default=5000, help="telemetry events for node A (default 5000)"
    )


class Story:
    """The demo's narration: printed as it happens (unless --json), kept for the summary."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.lines: list[str] = []

    def say(self, line: str) -> None:
        """Tell one line."""
        self.lines.append(line)
        if not self.quiet:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def step(self, title: str, summary: Summary[Any]) -> None:
        """Tell a step and the job's own summary lines, indented."""
        self.say(f"== {title}")
        for line in summary.lines:
            self.say(f"   {line}")


def planted_events() -> list[dict[str, Any]]:
    """Return high-value events that carry secrets, the way real sessions leak them."""
    key, token, password, openai, email = PLANTED
    return [
        {
            "timestamp": "2026-01-05T10:00:00Z",
            "event_type": "interaction",
            "value_score": 0.93,
            "error_type": "ConnectionRefusedError",
            "error_message": QUESTION,
            "solution": f"Start Qdrant first (systemctl start qdrant); the importer then authenticates with AWS_ACCESS_KEY_ID={key}",
        },
        {
            "timestamp": "2026-01-05T11:00:00Z",
            "event_type": "interaction",
            "value_score": 0.88,
            "error_message": "git push: authentication failed",
            "solution": f"git remote set-url origin https://{token}@github.com/org/fed.git and mail {email}",
        },
        {
            "timestamp": "2026-01-05T12:00:00Z",
            "event_type": "interaction",
            "value_score": 0.9,
            "title": "Keep database passwords out of the config",
            "description": f"Do not write password={password} or OPENAI_API_KEY={openai} in configuration.nix",
        },
    ]


def write_runtime(folder: Path, events: int) -> tuple[Path, Path]:
    """Write node A's telemetry and fine-tuning dataset; return their paths."""
    import msgspec

    folder.mkdir(parents=True, exist_ok=True)
    telemetry, dataset = folder / "hybrid-events.jsonl", folder / "dataset.jsonl"
    encoder = msgspec.json.Encoder()
    with telemetry.open("wb") as handle:
        for event in [*sample.events(events, seed=42), *planted_events()]:
            handle.write(encoder.encode(event) + b"\n")
    chats = list(sample.chat_records(40, seed=42))
    chats[0]["messages"][1]["content"] += f" (my key is {PLANTED[3]})"
    with dataset.open("wb") as handle:
        for chat in chats:
            handle.write(encoder.encode(chat) + b"\n")
    return telemetry, dataset


def node_config(root: Path, name: str, telemetry: str = "", dataset: str = "") -> config.Config:
    """Return the configuration of one demo node under ``root``."""
    base = config.Config(
        node_id=name,
        repo=str(root / name / "repo"),
        state_dir=str(root / name / "state"),
        sync=attrs.evolve(
            config.Sync(), telemetry=[telemetry] if telemetry else [], fine_tuning=dataset
        ),
        embedding=config.Embedding(dimension=256),
        publish=config.Publish(author=f"fedlearn demo {name} <{name}@fedlearn.invalid>"),
    )
    return config.finalize(base)


def tree(repo: Path) -> list[str]:
    """Return the files under data/ with their sizes, one line each."""
    data = layout.data_dir(repo)
    files = sorted(p for p in data.rglob("*") if p.is_file() and p.name != ".gitkeep")
    return [f"   {p.relative_to(repo)}  ({p.stat().st_size} bytes)" for p in files]


def leaked(repo: Path) -> list[str]:
    """Return the planted secrets found anywhere in the repository: work tree and every commit."""
    history = git_history.history_patches(repo)
    files = "".join(
        p.read_text(errors="replace")
        for p in repo.rglob("*")
        if p.is_file() and ".git" not in p.parts
    )
    return [secret for secret in PLANTED if secret in history or secret in files]


def answer(cfg: config.Config, question: str) -> dict[str, Any] | None:
    """Return the payload of B's nearest error-solutions point for ``question``."""
    from fedlearn.vectors import embed, qdrant

    query = cfg.embedding.query_prefix_of("error-solutions") + question
    vector = embed.create(cfg.embedding).embed([query])[0]
    with qdrant.connect(cfg.qdrant, cfg.state_path) as store:
        hits = store.search("error-solutions", [float(x) for x in vector], limit=1)
    return hits[0].payload if hits else None


def prepare(args: argparse.Namespace) -> Path:
    """Return the demo folder: the one given (which must be empty) or a new temp dir."""
    if not args.dir:
        return Path(tempfile.mkdtemp(prefix="fedlearn-demo-"))
    root = Path(args.dir).expanduser().resolve()
    if root.exists() and any(root.iterdir()):
        raise ConfigError(
            f"demo folder {root} is not empty",
            hint="give a new or empty folder, or none for a temp dir",
        )
    root.mkdir(parents=True, exist_ok=True)
    return root


def tell_answer(story: Story, payload: dict[str, Any] | None) -> None:
    """Tell what B's Qdrant answered, and which node taught it."""
    story.say(f'== node-b: ask its Qdrant "{QUESTION}" (node-b never saw this error)')
    if payload is None:
        story.say("   no answer: the collection is empty")
        return
    fields = payload.get("fields", {})
    story.say(f"   answer: {fields.get('solution', payload.get('text', ''))}")
    story.say(f"   learned on: {', '.join(sorted(payload.get('seen', {})))}")


class DemoResult(msgspec.Struct):
    """
    What the demo showed.

    Attributes:
        dir: the demo's folder.
        answer: the payload node-b's Qdrant answered with (None: no answer).
        secrets_planted: secrets written into node-a's runtime files.
        secrets_found: of them, how many reached the repository (0 when anonymization worked).
        files: the data/ tree node-b sees, one ``path  (N bytes)`` line per file.
    """

    dir: str
    # A JSON boundary: a Qdrant point's payload as stored, whatever keys it has.
    answer: dict[str, Any] | None
    secrets_planted: int
    secrets_found: int
    files: list[str]


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[DemoResult]:
    """Run the demo in a new folder and return what happened; ``cfg`` is not used (the demo makes its own)."""
    from fedlearn.jobs import import_, publish, pull, sync

    root = prepare(args)
    story = Story(quiet=args.json)
    remote = root / "remote.git"
    git_local.run_outside("init", "-q", "--bare", "-b", "main", str(remote))
    telemetry, dataset = write_runtime(root / "node-a" / "runtime", args.events)
    a, b = node_config(root, "node-a", str(telemetry), str(dataset)), node_config(root, "node-b")
    story.say(f"demo in {root}: a bare git remote and two nodes, node-a and node-b")
    git_local.run_outside("clone", "-q", str(remote), a.repo)
    story.step(
        f"node-a: sync {telemetry.name} ({args.events + len(PLANTED) - 2} events) and {dataset.name}",
        sync.run(a, argparse.Namespace(dry_run=False)),
    )
    story.step("node-a: publish", publish.publish(a))
    git_local.run_outside("clone", "-q", str(remote), b.repo)
    story.step("node-b: clone and pull", pull.pull(b))
    story.step("node-b: import into its embedded Qdrant", import_.execute(b))
    payload = answer(b, QUESTION)
    tell_answer(story, payload)
    found = sorted(set(leaked(a.repo_path)) | set(leaked(b.repo_path)))
    story.say(
        f"== planted secrets in the repository (files and all of git history): {len(found)} of {len(PLANTED)} found"
    )
    story.say(f"== data/ as node-b sees it ({b.repo}):")
    for line in tree(b.repo_path):
        story.say(line)
    result = DemoResult(
        dir=str(root),
        answer=payload,
        secrets_planted=len(PLANTED),
        secrets_found=len(found),
        files=[line.strip() for line in tree(b.repo_path)],
    )
    failed = payload is None or bool(found)
    return Summary(
        job="demo",
        state="failed" if failed else "ok",
        result=result,
        lines=story.lines if args.json else [],
        exit_code=1 if failed else 0,
    )
