"""What the held-out corpora's ``classify.py`` scripts share (bench/audit16f, bench/audit16g): the
leak rate of one ``through_sync.py --json`` run per context, per group (keyed, apart, loose: each
corpus says which of its contexts is which), per family kind, per value shape and per ``covered``
mark, the leaking rows line by line, and the changed benign strings by kind with the placeholders
that changed them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def shape(value: str) -> str:
    """A coarse shape of a value."""
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value):
        return "uuid"
    if re.fullmatch(r"(0x)?[0-9a-f]+", value):
        return "hex"
    if re.fullmatch(r"[0-9 ()+.-]+", value):
        return "digits"
    if re.fullmatch(r"[A-Za-z0-9]+", value):
        return "base62"
    if re.fullmatch(r"[A-Za-z0-9+/]+=*", value):
        return "base64"
    if "%" in value:
        return "percent-encoded"
    return "prefixed/other"


def report(here: Path, group: Callable[[str], str], argv: list[str]) -> None:
    """Print the tables of ``argv`` = ``OUT.json [TREE]`` for the corpus in ``here``, its contexts
    grouped by ``group``."""
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    run = data[argv[1] if len(argv) > 1 else next(iter(data))]
    rows = [json.loads(x) for x in (here / "secrets.jsonl").open(encoding="utf-8")]
    leaks = run["leaks"]
    print(f"leaks: {len(leaks)}/{len(rows)}")
    total = Counter(r["context"] for r in rows)
    leaked = Counter(r["context"] for r in leaks)
    print("\nby context (leaks/rows, group):")
    for ctx, n in sorted(total.items(), key=lambda kv: (-leaked[kv[0]], kv[0])):
        print(f"  {leaked[ctx]:3}/{n:<3} {group(ctx):6} {ctx}")
    for label, key in (
        ("group", lambda r: group(r["context"])),
        ("kind", lambda r: "pii" if r["family"].startswith("pii:") else r["source"]),
        ("shape", lambda r: shape(r["secret"])),
        ("covered", lambda r: r["covered"]),
    ):
        all_ = Counter(key(r) for r in rows)
        bad = Counter(key(r) for r in leaks)
        print(f"\nby {label}: " + ", ".join(f"{k} {bad[k]}/{v}" for k, v in all_.most_common()))
    fams = Counter(r["family"] for r in leaks)
    print(
        f"\nfamilies leaking: {len(fams)}: " + ", ".join(f"{f} {n}" for f, n in fams.most_common())
    )
    print("\nleaking rows (the line holding the secret):")
    for r in sorted(leaks, key=lambda r: (group(r["context"]), r["context"])):
        line = next((ln for ln in r["text"].splitlines() if r["secret"] in ln), "")
        print(f"  {group(r['context']):6} {r['context']:20} {r['family']:28} {line.strip()[:120]}")
    print("\nbenign changed by kind (placeholders):")
    per = Counter(json.loads(x)["kind"] for x in (here / "benign.jsonl").open(encoding="utf-8"))
    kinds = Counter(r["kind"] for r in run["changed"])
    for kind, n in kinds.most_common():
        marks = Counter(
            m
            for r in run["changed"]
            if r["kind"] == kind
            for m in re.findall(r"<redacted:[^>]+>", r["out"] or "")
        )
        print(f"  {n:3}/{per[kind]} {kind:26} {dict(marks)}")


def by_key(what: str, rows: list[dict[str, str]], bad_rows: list[dict[str, str]], key: str) -> str:
    """Return a line ``  <what> by <key>: value bad/total, …`` over the rows' ``key`` values."""
    total = Counter(row[key] for row in rows)
    bad = Counter(row[key] for row in bad_rows)
    return f"  {what} by {key}: " + ", ".join(f"{k} {bad[k]}/{total[k]}" for k in sorted(total))


def unlabelled(
    run: dict[str, list[dict[str, str]]],
    secrets: list[dict[str, str]],
    benign: list[dict[str, str]],
) -> None:
    """Print the secrets redacted without the rows labelled by draws29's sampler (placeholder,
    not-a-credential, printable-draw), then all rows, then the benign rows unchanged
    (``breakdown``'s ``before`` for bench/contexts30 to contexts33)."""
    rows = [r for r in secrets if not r.get("label")]
    leaks = [r for r in run["leaks"] if not r.get("label")]
    ok = len(rows) - len(leaks)
    print(f"  unlabelled: {ok}/{len(rows)} redacted ({100 * ok / len(rows):.2f}%)")
    ok = len(secrets) - len(run["leaks"])
    print(f"  all rows: {ok}/{len(secrets)} redacted ({100 * ok / len(secrets):.2f}%)")
    ok = len(benign) - len(run["changed"])
    print(f"  benign: {ok}/{len(benign)} unchanged ({100 * ok / len(benign):.2f}%)")


def breakdown(
    here: Path,
    argv: list[str],
    leak_keys: tuple[str, ...],
    changed_keys: tuple[str, ...],
    before: Callable[
        [dict[str, list[dict[str, str]]], list[dict[str, str]], list[dict[str, str]]], None
    ]
    | None = None,
) -> None:
    """
    Print, per tree of ``argv[0]`` (a ``through_sync.py --json`` report of the corpus in
    ``here``), its leaks by each of ``leak_keys`` and its changed benign strings by each of
    ``changed_keys`` (bench/fixtures24, contexts26, telemetry27); ``before`` prints first what a
    corpus adds (its run, its secret rows, its benign rows).
    """
    report_ = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    secrets = [json.loads(x) for x in (here / "secrets.jsonl").open(encoding="utf-8")]
    benign = [json.loads(x) for x in (here / "benign.jsonl").open(encoding="utf-8")]
    for tree, run in report_.items():
        print(f"== {tree}: {len(run['leaks'])} leaks, {len(run['changed'])} benign changed")
        if before is not None:
            before(run, secrets, benign)
        for key in leak_keys:
            print(by_key("leaks", secrets, run["leaks"], key))
        for key in changed_keys:
            print(by_key("changed", benign, run["changed"], key))
