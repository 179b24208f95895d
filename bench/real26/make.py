"""Cut bench/real26/benign.jsonl (and its pii rows) out of real public repositories.

``python bench/real26/make.py [--mirrors /work/.mirror] [--seed 2626]`` reads each source
repository's pinned commit from a bare git mirror (``OWNER+NAME/repo``, as the ``fetch`` tool
leaves them), cuts the chosen files into texts of 1-15 lines and writes ``benign.jsonl``
(``{"kind", "text", "source"}``) and, for texts holding an e-mail address or a public IPv4
address (personal data fedlearn replaces by design), ``secrets.jsonl`` rows of a ``pii:``
family. Texts listed in ``dropped.txt`` (reviewed: they hold a real credential or test secret)
are left out. Deterministic for a seed and the pinned commits.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (kind, repository, commit, path pattern, texts wanted)
# fmt: off
SOURCES = [
    ("cargo-lock", "BurntSushi/ripgrep", "3fce3b5bb0236da2df6d99672afb8a719642eca7", r"^Cargo\.lock$", 80),
    ("poetry-lock", "python-poetry/poetry", "f46702336862f30050d5c641d5ed6f7568ded793", r"^poetry\.lock$", 100),
    ("go-sum", "cli/cli", "44ee17760709bedf1cad7e452e61751489b81a33", r"^go\.(sum|mod)$", 50),
    ("go-sum", "containerd/containerd", "301026e58c619e63d09c0ec411012e54c0124b03", r"^go\.(sum|mod)$", 50),
    ("flake-lock", "NixOS/nix", "88b09c64fbea076a0376830d98e5331f70ed31a3", r"^flake\.lock$", 25),
    ("flake-lock", "nix-community/home-manager", "ec1a8fdf74ed3f276148ee106299a2ba0e65d51f", r"flake\.lock$", 25),
    ("npm-lock", "actions/checkout", "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a", r"^package-lock\.json$", 60),
    ("yarn-lock", "prettier/prettier", "4f84a934201322ca87750e2b9b25baf296da6560", r"yarn\.lock$", 60),
    ("gh-workflow", "cli/cli", "44ee17760709bedf1cad7e452e61751489b81a33", r"^\.github/workflows/.*\.ya?ml$", 30),
    ("gh-workflow", "docker/compose", "f72979427042620a94dd52ce78b39c68cb02c085", r"^\.github/workflows/.*\.ya?ml$", 30),
    ("gh-workflow", "containerd/containerd", "301026e58c619e63d09c0ec411012e54c0124b03", r"^\.github/workflows/.*\.ya?ml$", 30),
    ("gh-workflow", "hashicorp/terraform-provider-kubernetes", "3a33fb6cc6055853584af1731b1369164c35ffc7", r"^\.github/workflows/.*\.ya?ml$", 30),
    ("gh-workflow", "nektos/act", "bd86152165b976e89c24093ceb039d732b5ed95f", r"^pkg/runner/testdata/.*\.ya?ml$", 30),
    ("changelog", "BurntSushi/ripgrep", "3fce3b5bb0236da2df6d99672afb8a719642eca7", r"^CHANGELOG\.md$", 30),
    ("changelog", "python-poetry/poetry", "f46702336862f30050d5c641d5ed6f7568ded793", r"^CHANGELOG\.md$", 30),
    ("changelog", "actions/checkout", "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a", r"^CHANGELOG\.md$", 20),
    ("changelog", "hashicorp/terraform-provider-kubernetes", "3a33fb6cc6055853584af1731b1369164c35ffc7", r"^(CHANGELOG\.md|\.changelog/.*)$", 30),
    ("changelog", "containerd/containerd", "301026e58c619e63d09c0ec411012e54c0124b03", r"^releases/.*\.toml$", 20),
    ("nix-release-notes", "NixOS/nix", "88b09c64fbea076a0376830d98e5331f70ed31a3", r"^doc/manual/(source|rl-next)/.*\.md$", 100),
    ("nix-tests", "NixOS/nix", "88b09c64fbea076a0376830d98e5331f70ed31a3", r"^tests/functional/[^/]*\.(sh|nix)$", 80),
    ("nix-cli-output", "NixOS/nix", "88b09c64fbea076a0376830d98e5331f70ed31a3", r"^tests/functional/(lang|cli-characterisation|repl)/.*\.(exp|err\.exp|out\.exp)$", 60),
    ("home-manager-nix", "nix-community/home-manager", "ec1a8fdf74ed3f276148ee106299a2ba0e65d51f", r"^modules/(programs|services)/.*\.nix$", 80),
    ("home-manager-expected", "nix-community/home-manager", "ec1a8fdf74ed3f276148ee106299a2ba0e65d51f", r"^tests/modules/.*\.(conf|toml|json|ini|yml|yaml|txt|expected)$", 80),
    ("k8s-manifest", "kubernetes/examples", "279e8e4fe314f6cb7bc55fa3fbc21bbeaa48c0ea", r"\.(ya?ml|json)$", 120),
    ("k8s-docs", "kubernetes/examples", "279e8e4fe314f6cb7bc55fa3fbc21bbeaa48c0ea", r"\.md$", 80),
    ("ansible", "ansible/ansible-examples", "b50586543c6c4be907fdc88f9f78a2b35d2a895f", r"\.(ya?ml|j2|cfg|ini)$|/hosts$", 100),
    ("terraform-docs", "hashicorp/terraform-provider-kubernetes", "3a33fb6cc6055853584af1731b1369164c35ffc7", r"^docs/.*\.md$", 100),
    ("terraform-code", "hashicorp/terraform-provider-kubernetes", "3a33fb6cc6055853584af1731b1369164c35ffc7", r"\.(tf|tfvars|hcl)$", 60),
    ("compose-docs", "docker/compose", "f72979427042620a94dd52ce78b39c68cb02c085", r"^docs/.*\.(md|ya?ml)$", 70),
    ("compose-fixtures", "docker/compose", "f72979427042620a94dd52ce78b39c68cb02c085", r"^pkg/e2e/fixtures/.*$", 60),
    ("containerd-docs", "containerd/containerd", "301026e58c619e63d09c0ec411012e54c0124b03", r"^docs/.*\.md$", 80),
    ("gh-api-fixtures", "cli/cli", "44ee17760709bedf1cad7e452e61751489b81a33", r"/fixtures/.*\.json$", 80),
    ("gh-acceptance", "cli/cli", "44ee17760709bedf1cad7e452e61751489b81a33", r"^acceptance/testdata/.*\.txtar$", 60),
    ("act-docs", "nektos/act", "bd86152165b976e89c24093ceb039d732b5ed95f", r"^(README\.md|IMAGES\.md|pkg/.*\.md)$", 20),
    ("checkout-tests", "actions/checkout", "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a", r"^(__test__/.*\.ts|README\.md|adrs/.*\.md)$", 60),
    ("ripgrep-docs", "BurntSushi/ripgrep", "3fce3b5bb0236da2df6d99672afb8a719642eca7", r"^(GUIDE|FAQ|README)\.md$", 40),
    ("poetry-docs", "python-poetry/poetry", "f46702336862f30050d5c641d5ed6f7568ded793", r"^docs/.*\.md$", 60),
    ("prettier-changelog", "prettier/prettier", "4f84a934201322ca87750e2b9b25baf296da6560", r"^CHANGELOG\.md$", 40),
]
# fmt: on

# A text worth having: it holds a hash, an id, a long base64-ish run, a URL or a version.
DENSE = re.compile(
    r"[0-9a-f]{7,}|[A-Za-z0-9+/_-]{24,}={0,2}|https?://|\b\d+\.\d+\.\d+|sha(1|256|512)[-:]"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-"
)
# An e-mail address (not scp-style ``git@github.com:owner/repo``), an IPv4 address (not a
# four-part version, nor one after a version relation: ``>=1.2.0.0``), a home folder, an SSH public key: fedlearn replaces them by design.
EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])(?<!git@github\.com)"
)
IPV4 = re.compile(r"(?<![\w.=<>~-])(?<!version = \")(?:\d{1,3}\.){3}\d{1,3}(?![\w.-])")
HOME = re.compile(r"(?<![\w@/.-])(?:(?:/home|/Users)/[a-z_][\w.-]*|/root\b)|[A-Z]:\\Users\\\w+")
SSH_KEY = re.compile(r"\bssh-(?:rsa|ed25519|dss) AAAA[A-Za-z0-9+/=]{20,}")


RESOLVERS = {"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112"}
DOCUMENTATION = [
    ipaddress.IPv4Network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")
]


def ips(text: str) -> list[str]:
    """Return the public and private IPv4 addresses in ``text`` (fedlearn replaces both)."""
    found = []
    for match in IPV4.findall(text):
        try:
            address = ipaddress.IPv4Address(match)
        except ValueError:
            continue
        if address.is_multicast or match in RESOLVERS:
            continue
        if address.is_global or (
            address.is_private
            and not address.is_loopback
            and not address.is_link_local
            and not address.is_unspecified
            and not address.is_reserved
            and address.packed[0] != 0
            and not address.is_multicast
            and match not in RESOLVERS
            and not any(address in net for net in DOCUMENTATION)
        ):
            found.append(match)
    return found


def git(mirror: Path, *args: str) -> str:
    """Run git on a bare mirror and return its output."""
    return subprocess.run(
        ["git", f"--git-dir={mirror}", *args],
        check=True,
        capture_output=True,
        text=True,
        errors="replace",
    ).stdout


def cut(lines: list[str], rng: random.Random, wanted: int) -> list[str]:
    """Cut up to ``wanted`` texts of 1-15 lines from ``lines``, dense ones first."""
    texts: list[str] = []
    tries = 0
    while len(texts) < wanted and tries < wanted * 40:
        tries += 1
        size = rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
        start = rng.randrange(max(len(lines) - size + 1, 1))
        text = "\n".join(lines[start : start + size]).strip()
        if len(text) < 12 or len(text) > 1800 or "\x00" in text:
            continue
        if tries < wanted * 30 and not DENSE.search(text) and rng.random() < 0.75:
            continue
        if text not in texts:
            texts.append(text)
    return texts


def main() -> None:
    """Write benign.jsonl and secrets.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--seed", type=int, default=2626)
    parser.add_argument("--scale", type=float, default=1.0, help="texts wanted per source, times")
    parser.add_argument("--out", default=str(HERE))
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    dropped = set()
    if (HERE / "dropped.txt").exists():
        dropped = {json.loads(x)["text"] for x in (HERE / "dropped.txt").open() if x.strip()}
    benign, pii, seen = [], [], set()
    for kind, repo, commit, pattern, wanted in SOURCES:
        wanted = round(wanted * args.scale)
        mirror = Path(args.mirrors) / repo.replace("/", "+") / "repo"
        paths = [
            p
            for p in git(mirror, "ls-tree", "-r", "--name-only", commit).splitlines()
            if re.search(pattern, p) and "node_modules" not in p
        ]
        rng.shuffle(paths)
        per_file = max(wanted // max(len(paths), 1), 2)
        got = 0
        for path in paths:
            if got >= wanted:
                break
            try:
                body = git(mirror, "show", f"{commit}:{path}")
            except subprocess.CalledProcessError:
                continue
            lines = body.splitlines()
            if not lines or max(len(x) for x in lines) > 4000:
                continue
            for text in cut(lines, rng, min(per_file, wanted - got)):
                if text in dropped:  # counted, so that dropping a text shifts no other draw
                    got += 1
                    continue
                if text in seen:
                    continue
                seen.add(text)
                source = f"{repo}@{commit[:12]}:{path}"
                labels = [
                    ("pii:email", EMAIL.findall(text)),
                    ("pii:ipv4", ips(text)),
                    ("pii:home", HOME.findall(text)),
                    ("pii:ssh-public-key", SSH_KEY.findall(text)),
                ]
                family = next((name for name, found in labels if found), None)
                if family:
                    found = [x for _, values in labels for x in values]
                    pii.append(
                        {
                            "family": family,
                            "context": kind,
                            "text": text,
                            "secret": found[0],
                            "also": found[1:],
                            "source": source,
                        }
                    )
                else:
                    benign.append({"kind": kind, "text": text, "source": source})
                got += 1
    with (out_dir / "benign.jsonl").open("w", encoding="utf-8") as out:
        for row in benign:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out_dir / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for row in pii:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(benign)} benign, {len(pii)} pii")


if __name__ == "__main__":
    main()
