"""Cut bench/code28/benign.jsonl (and its labelled rows) out of real source code and config files.

``python bench/code28/make.py [--seed 28128] [--scale 1] [--out DIR]`` reads real files on a
Debian 12 machine (no network): Python's standard library, the project venv's and the system's
site-packages (pip's vendored requests, urllib3, httpx, grpc, qdrant_client, pydantic,
hypothesis, cryptography, PyJWT, oauthlib, pyOpenSSL, httplib2...), npm's JavaScript, OpenSSL's
C headers, Perl's modules, world-readable files under /etc, /usr/share/doc, and man pages
rendered to text. It cuts them into texts of 1-15 lines, most of them (about 4 in 5) around a
line with a risk word (password, secret, token, key, auth, credential, bearer, private...) or a
long hex/base64 run, and writes ``benign.jsonl`` (``{"kind", "text", "source"}``, source = the
file's path) and ``secrets.jsonl`` for texts fedlearn replaces by design (``pii:`` families, as
bench/real26 and bench/outputs27) or that hold a private key (``private-key``). Texts listed in
``dropped.txt`` (reviewed one by one: they hold a credential) are left out. Deterministic for a
seed and the machine's files.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import ipaddress
import json
import os
import random
import re
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


real26 = _load("real26_make", HERE.parent / "real26" / "make.py")
outputs27 = _load("outputs27_make", HERE.parent / "outputs27" / "make.py")

STDLIB = Path(sysconfig.get_paths()["stdlib"])
VENV_SITE = Path(sysconfig.get_paths()["purelib"])
# (kind, roots, file-name pattern, path pattern to skip, texts wanted)
# fmt: off
SOURCES = [
    ("py-stdlib", [STDLIB], r"\.py$", r"site-packages|dist-packages|__pycache__|/lib2to3/tests/data", 650),
    ("py-venv", [VENV_SITE], r"\.py$", r"__pycache__|/fedlearn|/numpy/.*tests|/mypy/typeshed", 650),
    ("py-stubs", [VENV_SITE / "mypy" / "typeshed"], r"\.pyi$", r"__pycache__", 120),
    ("py-system", [Path("/usr/lib/python3/dist-packages")], r"\.py$", r"__pycache__", 450),
    ("js-npm", [Path("/usr/lib/node_modules/npm")], r"\.(js|md|json)$", r"/test/fixtures/", 300),
    ("c-headers", [Path("/usr/include/openssl"), Path("/usr/include/linux")], r"\.h$", r"^$", 150),
    ("perl", [Path("/usr/share/perl/5.36"), Path("/usr/share/perl5")], r"\.(pm|pl|pod)$", r"^$", 400),
    ("etc", [Path("/etc")], r".", r"^/etc/(ssl/certs|alternatives)/|\.dpkg-|/shadow|/gshadow", 300),
    ("doc", [Path("/usr/share/doc")], r"(README|NEWS|changelog|TODO|FAQ|\.md|\.txt|\.rst|examples/.*)(\.gz)?$", r"^$", 250),
    ("man", [Path("/usr/share/man/man1"), Path("/usr/share/man/man5"), Path("/usr/share/man/man8")], r"\.gz$", r"^$", 350),
]
# fmt: on

RISK = re.compile(
    r"passw(or)?d|secret|token|key|auth|credential|bearer|api_key|private", re.IGNORECASE
)
LONG = re.compile(r"[0-9a-fA-F]{20,}|[A-Za-z0-9+/_-]{20,}={0,2}")
PRIVATE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def risky(line: str) -> bool:
    """A line with a risk word or a long hex/base64-ish run."""
    return bool(RISK.search(line) or LONG.search(line))


def files(roots: list[Path], pattern: str, skip: str) -> list[Path]:
    """World-readable regular files (not symlinks) under ``roots`` whose path matches."""
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                text = str(path)
                if not re.search(pattern, text) or re.search(skip, text):
                    continue
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode) or not info.st_mode & stat.S_IROTH:
                    continue
                if info.st_size > 2_000_000 or info.st_size == 0:
                    continue
                found.append(path)
    return found


def read(kind: str, path: Path) -> list[str]:
    """The file's lines (a man page rendered to plain text), or none if it is binary."""
    try:
        if kind == "man":
            raw = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            if not RISK.search(raw):
                return []
            env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="")
            body = subprocess.run(
                ["man", "-l", "-P", "cat", "-E", "UTF-8", str(path)],
                capture_output=True,
                env=env,
                timeout=20,
            ).stdout
            body = re.sub(rb".\x08", b"", body)
        elif path.suffix == ".gz":
            body = gzip.decompress(path.read_bytes())
        else:
            body = path.read_bytes()
    except (OSError, EOFError, subprocess.SubprocessError, gzip.BadGzipFile):
        return []
    if b"\x00" in body[:8192]:
        return []
    text = body.decode("utf-8", "replace")
    if "\ufffd" in text:
        return []
    return text.splitlines()


def cut(lines: list[str], rng: random.Random, wanted: int) -> list[str]:
    """Cut up to ``wanted`` texts of 1-15 lines, most around a risky line."""
    hot = [i for i, line in enumerate(lines) if risky(line)]
    texts: list[str] = []
    tries = 0
    while len(texts) < wanted and tries < wanted * 30:
        tries += 1
        size = rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
        if hot and rng.random() < 0.85:
            start = max(rng.choice(hot) - rng.randrange(size), 0)
        else:
            start = rng.randrange(max(len(lines) - size + 1, 1))
        text = "\n".join(lines[start : start + size]).strip()
        if len(text) < 12 or len(text) > 1800 or "\x00" in text:
            continue
        if not risky(text) and rng.random() < 0.5:
            continue
        if text not in texts:
            texts.append(text)
    return texts


# An IPv4 address as the design table has it (docs/anonymization.md): replaced unless loopback,
# unspecified, documentation, multicast, a netmask, 169.254.169.254 or a big resolver (so a
# link-local or private address is replaced too). Also after ``ip=`` (not after a version
# relation ``>=``), never a four-number OID (``ObjectIdentifier("2.5.29.18")``) nor a version
# in a release-notes file.
IPV4 = re.compile(r"(?<![\w.~<>!-])(?<![<>=~!]=)(?<!Version: )(?:\d{1,3}\.){3}\d{1,3}(?![\w.-])")
OID = re.compile(r"ObjectIdentifier|\bOID\b|\boid\b", re.IGNORECASE)
# Not an IPv6 address: a network prefix (``fc00::/7``), a Python slice (``arr[::2]``).
IPV6_PREFIX = re.compile(r"[0-9a-f:]+/\d|(?<=[\w)\]]\[)::\d+")


def ipv4s(text: str, source: str) -> list[str]:
    """The IPv4 addresses in ``text`` that fedlearn replaces by design."""
    if "RelNotes" in source or "release-notes" in source.lower():
        return []
    found = []
    for match in IPV4.findall(text):
        try:
            address = ipaddress.IPv4Address(match)
        except ValueError:
            continue
        if address.is_loopback or address.is_unspecified or address.is_multicast:
            continue
        if match in real26.RESOLVERS or match == "169.254.169.254" or match.startswith("255."):
            continue
        if any(address in net for net in real26.DOCUMENTATION) or address.packed[0] == 0:
            continue
        if address.packed[0] <= 2 and OID.search(text):
            continue
        found.append(match)
    return found


# An address written against harvesters (``name[at]host.de``) is one too; a file's name with a
# scale or version before its extension (``icons-128x128@2.tar``) is none.
OBFUSCATED_EMAIL = re.compile(r"[\w.+-]+\[at\][\w-]+(?:\.[\w-]+)+")
FILE_DOMAIN = re.compile(r"\.(?:tar|gz|xz|bz2|zip|png|svg|jpe?g|json|ya?ml|txt)$")


def emails(text: str) -> list[str]:
    """The e-mail addresses in ``text``, obfuscated ones too, not file names."""
    found = [m for m in real26.EMAIL.findall(text) if not FILE_DOMAIN.search(m)]
    return found + OBFUSCATED_EMAIL.findall(text)


def ipv6s(text: str) -> list[str]:
    """outputs27's IPv6 addresses with a digit, not a prefix (``fd::``) nor a mask (``ffff:ffff``)."""
    found = outputs27.ipv6s(IPV6_PREFIX.sub("", text))
    return [
        m
        for m in found
        if any(c.isdigit() for c in m) and not m.endswith("::") and "ffff:ffff" not in m
    ]


def labels(text: str, source: str) -> list[tuple[str, list[str]]]:
    """The by-design (pii) families ``text`` holds, as real26 and outputs27 label them."""
    return [
        ("pii:email", emails(text)),
        ("pii:ipv4", ipv4s(text, source)),
        ("pii:home", real26.HOME.findall(text)),
        ("pii:ssh-public-key", real26.SSH_KEY.findall(text)),
        ("pii:ssh-fingerprint", outputs27.SSH_FINGERPRINT.findall(text)),
        ("pii:mac", outputs27.macs(text)),
        ("pii:ipv6", ipv6s(text)),
    ]


def main() -> None:
    """Write benign.jsonl and secrets.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=28128)
    parser.add_argument("--scale", type=float, default=1.0, help="texts wanted per source, times")
    parser.add_argument("--out", default=str(HERE))
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    dropped = set()
    if (HERE / "dropped.txt").exists():
        dropped = {json.loads(x)["text"] for x in (HERE / "dropped.txt").open() if x.strip()}
    benign: list[dict[str, object]] = []
    labelled: list[dict[str, object]] = []
    seen: set[str] = set()
    for kind, roots, pattern, skip, wanted in SOURCES:
        wanted = round(wanted * args.scale)
        paths = files(roots, pattern, skip)
        rng.shuffle(paths)
        per_file = max(wanted // max(len(paths), 1), 2)
        got = 0
        for path in paths:
            if got >= wanted:
                break
            lines = read(kind, path)
            if not lines or max(len(x) for x in lines) > 4000:
                continue
            for text in cut(lines, rng, min(per_file, wanted - got)):
                got += 1
                if text in dropped or text in seen:  # counted: a drop shifts no other draw
                    continue
                seen.add(text)
                source = str(path).replace(str(VENV_SITE), "$VENV_SITE")
                source = source.replace(str(STDLIB), "$STDLIB")
                if PRIVATE.search(text):
                    body = outputs27.PEM_BODY.findall(text)
                    labelled.append(
                        {
                            "family": "private-key",
                            "context": kind,
                            "text": text,
                            "secret": body[0] if body else text.splitlines()[1],
                            "also": body[1:],
                            "source": source,
                        }
                    )
                    continue
                found = labels(text, source)
                family = next((name for name, values in found if values), None)
                if family:
                    values = [x for _, v in found for x in v]
                    labelled.append(
                        {
                            "family": family,
                            "context": kind,
                            "text": text,
                            "secret": values[0],
                            "also": values[1:],
                            "source": source,
                        }
                    )
                else:
                    benign.append({"kind": kind, "text": text, "source": source})
        print(f"{kind}: {got} texts from {len(paths)} files", file=sys.stderr)
    with (out_dir / "benign.jsonl").open("w", encoding="utf-8") as out:
        for row in benign:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out_dir / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for row in labelled:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    share = sum(risky(str(r["text"])) for r in benign) / max(len(benign), 1)
    print(f"{len(benign)} benign ({100 * share:.1f}% risky), {len(labelled)} labelled")


if __name__ == "__main__":
    main()
