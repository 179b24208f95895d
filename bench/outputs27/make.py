"""Cut bench/outputs27/benign.jsonl (and its labelled rows) out of the recorded command output.

``python bench/outputs27/make.py [--seed 2727] [--scale 1] [--out DIR]`` reads ``capture.jsonl``
(real output of real commands on a Debian 12 machine, recorded once by ``capture.py``), puts
``$ COMMAND`` above each command's output and cuts it into texts of 1-15 lines. It writes
``benign.jsonl`` (``{"kind", "text", "source"}``, source = ``capture:N``, the capture's row) and
``secrets.jsonl`` for texts fedlearn replaces by design (``pii:`` families, as bench/real26) or
that hold a real secret: ``private-key`` (throwaway private keys generated for the capture;
``secret`` is a line of the key's body). Texts listed in ``dropped.txt`` (reviewed one by one)
are left out. Deterministic for a seed and the capture.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

_spec = importlib.util.spec_from_file_location("real26_make", HERE.parent / "real26" / "make.py")
assert _spec and _spec.loader
real26 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real26)

VENV = re.compile(r"/work/wt/[\w.-]+/\.venv/bin/")
PEM_BODY = re.compile(r"^[A-Za-z0-9+/]{40,}={0,2}$", re.M)
PRIVATE_KINDS = {"ssh-private", "openssl-private"}
# Personal data fedlearn replaces by design beyond real26's labels (docs/anonymization.md's
# table): a MAC address (not broadcast or all-zero, not inside a longer colon-hex dump), a
# compressed IPv6 address (not loopback, multicast or documentation), an SSH key fingerprint as
# ssh-keygen prints it.
MAC = re.compile(r"(?<![\w:])[0-9a-f]{2}(?::[0-9a-f]{2}){5}(?![\w:])")
IPV6 = re.compile(r"(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])")
SSH_FINGERPRINT = re.compile(r"\bSHA256:[A-Za-z0-9+/]{43}|\bMD5(?::[0-9a-f]{2}){16}")
MARKER = re.compile(r"-----(?:BEGIN|END) [A-Z ]*PRIVATE KEY-----")


def macs(text: str) -> list[str]:
    """Return the MAC addresses in ``text`` (not ``ff:ff:…`` nor ``00:00:…``)."""
    return [m for m in MAC.findall(text) if m not in ("ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00")]


def ipv6s(text: str) -> list[str]:
    """Return the compressed IPv6 addresses in ``text`` that fedlearn replaces."""
    found = []
    for match in IPV6.findall(text):
        if "::" not in match:
            continue
        try:
            address = ipaddress.IPv6Address(match)
        except ValueError:
            continue
        if address.is_loopback or address.is_unspecified or address.is_multicast:
            continue
        if address in ipaddress.IPv6Network("2001:db8::/32"):
            continue
        found.append(match)
    return found


def main() -> None:
    """Write benign.jsonl and secrets.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2727)
    parser.add_argument("--scale", type=float, default=1.0, help="texts wanted per command, times")
    parser.add_argument("--out", default=str(HERE))
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    dropped = set()
    if (HERE / "dropped.txt").exists():
        dropped = {json.loads(x)["text"] for x in (HERE / "dropped.txt").open() if x.strip()}
    benign, labelled, seen = [], [], set()
    rows = [json.loads(x) for x in (HERE / "capture.jsonl").open(encoding="utf-8")]
    for number, row in enumerate(rows):
        cmd = VENV.sub("", row["cmd"]).replace("\n", "; ")
        lines = [f"$ {cmd}", *row["output"].splitlines()]
        wanted = max(round(len(lines) / 2.6 * args.scale), 8)
        for text in real26.cut(lines, rng, wanted):
            if text in dropped or text in seen:
                continue
            seen.add(text)
            source = f"capture:{number}"
            if row["kind"] in PRIVATE_KINDS:
                body = PEM_BODY.findall(text)
                if body:
                    # a cut with no BEGIN/END line is a bare run of base64: counted apart
                    family = "private-key" if MARKER.search(text) else "private-key-fragment"
                    labelled.append(
                        {
                            "family": family,
                            "context": row["kind"],
                            "text": text,
                            "secret": body[0],
                            "also": body[1:],
                            "source": source,
                        }
                    )
                    continue
            labels = [
                ("pii:email", real26.EMAIL.findall(text)),
                ("pii:ipv4", real26.ips(text)),
                ("pii:home", real26.HOME.findall(text)),
                ("pii:ssh-public-key", real26.SSH_KEY.findall(text)),
                ("pii:ssh-fingerprint", SSH_FINGERPRINT.findall(text)),
                ("pii:mac", macs(text)),
                ("pii:ipv6", ipv6s(text)),
            ]
            family = next((name for name, found in labels if found), None)
            if family:
                found = [x for _, values in labels for x in values]
                labelled.append(
                    {
                        "family": family,
                        "context": row["kind"],
                        "text": text,
                        "secret": found[0],
                        "also": found[1:],
                        "source": source,
                    }
                )
            else:
                benign.append({"kind": row["kind"], "text": text, "source": source})
    with (out_dir / "benign.jsonl").open("w", encoding="utf-8") as out:
        for item in benign:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    with (out_dir / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for item in labelled:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(benign)} benign, {len(labelled)} labelled")


if __name__ == "__main__":
    main()
