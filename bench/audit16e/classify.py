"""Group the leaks and benign changes of one ``through_sync.py --json`` run of this corpus.

``python bench/audit16e/classify.py OUT.json [TREE]`` prints the leaks by mechanism (where the
key stands relative to the value, then the value's shape), the leak rate per context, and the
changed benign strings by kind with the placeholder that changed them.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Contexts where the secret's name is not written as ``name = value`` (or ``"name": value``) next
# to it: an argument of the command (--name/--body/--value), a key/value object pair, a table row,
# the line before, or only prose.
APART = {
    "aws-ssm": "name in --name path, value after --value",
    "gh-secret-set": "name as positional arg, value after --body",
    "docker-secret-create": "value piped in, name after",
    "systemd-creds-encrypt": "value piped in, name after --name=",
    "kubectl-printenv": "name in the command, value on the next line",
    "pass-show": "path in the command, value on the next line",
    "postman-variable": 'JSON pair {"key": NAME, "value": V}',
    "postman-apikey-auth": 'JSON pair {"key": "value", "value": V}',
    "vault-kv-get": "table row under Key/Value header",
    "email-quoted-reply": "prose line before, value alone on a quoted line",
    "gha-add-mask": "value after ::add-mask::, no name",
}


def shape(value: str) -> str:
    """A coarse shape of a token: which generic class a keyword-gated rule must accept."""
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value):
        return "uuid"
    if re.fullmatch(r"[0-9a-f]+(-[0-9a-f]+)*", value):
        return "hex"
    if re.fullmatch(r"[A-Z0-9]+", value):
        return "upper+digits"
    if re.fullmatch(r"[a-z0-9]+", value):
        return "lower+digits"
    if re.fullmatch(r"[A-Za-z0-9]+", value):
        return "base62"
    return "other (prefixed / base64 / punctuation)"


def main() -> None:
    """Print the tables."""
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    run = data[sys.argv[2] if len(sys.argv) > 2 else next(iter(data))]
    rows = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    leaks = run["leaks"]
    apart = Counter((r["context"], shape(r["secret"])) for r in leaks if r["context"] in APART)
    print(f"leaks: {len(leaks)}/{len(rows)}")
    print("\nA. key not next to the value (per context; shapes):")
    for ctx, why in APART.items():
        n = sum(v for (c, _), v in apart.items() if c == ctx)
        total = sum(r["context"] == ctx for r in rows)
        shapes = ", ".join(f"{s} {v}" for (c, s), v in apart.most_common() if c == ctx)
        print(f"  {n:3}/{total:<3} {ctx:22} {why}  [{shapes}]")
    print("\nB. keyed in place, value not taken:")
    for r in leaks:
        if r["context"] not in APART:
            line = next((ln for ln in r["text"].splitlines() if r["secret"] in ln), "")
            print(
                f"  {r['family']:24} {r['context']:22} {shape(r['secret']):12} {line.strip()[:110]}"
            )
    print("\nby shape (all leaks):", dict(Counter(shape(r["secret"]) for r in leaks).most_common()))
    print("by shape (all rows): ", dict(Counter(shape(r["secret"]) for r in rows).most_common()))
    fams = Counter(r["family"] for r in leaks)
    print(
        f"\nfamilies leaking: {len(fams)}; covered-family rows leaking: "
        f"{sum(r['covered'] for r in leaks)}/{sum(r['covered'] for r in rows)}, new-family rows: "
        f"{sum(not r['covered'] for r in leaks)}/{sum(not r['covered'] for r in rows)}"
    )
    print("\nbenign changed by kind (placeholders):")
    kinds = Counter(r["kind"] for r in run["changed"])
    for kind, n in kinds.most_common():
        marks = Counter(
            m
            for r in run["changed"]
            if r["kind"] == kind
            for m in re.findall(r"<redacted:[^>]+>", r["out"] or "")
        )
        print(f"  {n:3}/18 {kind:26} {dict(marks)}")


if __name__ == "__main__":
    main()
