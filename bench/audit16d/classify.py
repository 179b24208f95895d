"""Sort the leaks of one through_sync run by mechanism, probing the anonymizer of one tree.

``PYTHONPATH=TREE python bench/audit16d/classify.py RESULT.json TREE_KEY [--examples N]`` reads the
leaks through_sync.py wrote for ``TREE_KEY`` and, for each, runs probes through that tree's
Anonymizer (run it from outside the worktree so ``PYTHONPATH`` wins): the secret alone between
two plain words, under its own key name (``ACME_API_KEY=…``), and under generic key words
(``password = "…"``, ``api_key=…``). From these and the sample's context it names the mechanism
(see README.md) and prints the counts, families and examples with their middles cut out.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import tokens  # noqa: E402

MACHINE = Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/home/jdoe")
KEYS = {f"t:{family}": key for family, key, _ in tokens.families()}


def cut(text: str) -> str:
    """Return ``text`` with the middle of every long run cut (examples stay readable)."""
    return re.sub(
        r"[A-Za-z0-9+/_\-=.~%@!#^]{14,}", lambda m: m.group()[:6] + "…" + m.group()[-3:], text
    )


def look(value: str) -> str:
    """Return a short description of what a value looks like."""
    if " " in value:
        return "words/spaced"
    if re.fullmatch(r"[0-9a-fA-F]+", value):
        return "hex only"
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*", value):
        return "uuid-shaped"
    if re.search(r"[^A-Za-z0-9_-]", value):
        odd = "".join(sorted(set(re.sub(r"[A-Za-z0-9_-]", "", value))))
        return f"punctuation {odd!r}"
    if len(value) < 20:
        return "short (<20)"
    return "alnum/_- of 20+"


APART = ("csv-row", "markdown-table", "sql-insert", "sql-update")
FOREIGN = {"non-ascii-de": "Schlüssel", "non-ascii-ja": "キー", "non-ascii-ru": "Ключ"}
SPELLING = {  # which spelling of the key name a keyed context writes
    "go-struct": "C",
    "csharp-appsettings": "C",
    "csharp-code": "C",
    "windows-reg": "C",
    "kotlin": "c",
    "swift": "c",
    "java-properties": "c",
    "spring-yaml": "c",
    "json": "c",
    "nix": "c",
    "helm-set": "c",
    "js-fetch-header": "K",
}


def mechanism(row: dict[str, object], engine: Anonymizer, clean: set[tuple[str, int]]) -> str:
    """Return the mechanism name of one leak."""
    family, ctx, hit = str(row["family"]), str(row["context"]), str(row["hits"][0])  # type: ignore[index]
    gone = lambda text: hit not in engine.anonymize(text)  # noqa: E731
    key = KEYS.get(family, "PASSWORD")
    bare = gone(f"see {hit} here")
    own_key = gone(f"{key}={hit}")
    generic = gone(f'password = "{hit}"') or gone(f"api_key={hit}")
    if family.startswith("pii:"):
        return "personal data kind not covered"
    if ctx == "base64-json":
        return "encoded: base64 of a JSON object inside JSON"
    if ctx == "split-continuation":
        return "split across a `\\` line continuation" + (
            "" if own_key else " (whole token also leaks keyed)"
        )
    if ctx.startswith("wrap-") and (family, 0) in clean:
        return f"form parsed plainly, not inside {ctx[5:]}"
    if not generic and not own_key:
        return f"value not judged secret even under password=/api_key= ({look(hit)})"
    if bare:
        return f"known token hidden by its context ({ctx})"
    if family.startswith("t:"):
        if ctx.startswith("bare"):
            return "bare prefixed token, no rule for its prefix"
        if ctx in FOREIGN:
            return "secret word in another language (Schlüssel/キー/Ключ), token shape unknown"
        if ctx == "url-path":
            return "token as a URL path segment, no key, shape unknown"
        if ctx in APART:
            return "key and value apart (CSV/Markdown header, SQL column list, WHERE name=)"
        if not own_key and re.search(r"TOKEN|SECRET|PASSWORD|PASS|PWD|KEY|AUTH", key):
            return f"value under its own secret key taken for an id or hash ({look(hit)})"
        if not own_key:
            return "key name has no secret word (…_AK, _PSK, _COMMUNITY, _CONFIG, _STOREFRONT), shape unknown"
        spelled = SPELLING.get(ctx)
        if spelled in ("C", "c"):
            variant = {
                "C": key.title().replace("_", ""),
                "c": key[0].lower() + key.title().replace("_", "")[1:],
            }[spelled]
            if not gone(f"{variant}={hit}"):
                return "camel/Pascal key name not read as secret (OraclePwd, SecretKeyBase)"
        return f"keyed form not parsed ({ctx})"
    return f"credential form not parsed ({family.split(':')[0]})"


def main() -> None:
    """Print the mechanism table for one tree's leaks."""
    result = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))[sys.argv[2]]
    engine = Anonymizer(config.Anonymize(), MACHINE)
    leaked = {(r["family"], r["context"]) for r in result["leaks"]}
    # Families whose plain own forms all come through redacted (the wrapped forms are judged by it).
    secrets = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    clean = {(r["family"], 0) for r in secrets if (r["family"], "own") not in leaked}
    groups: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for row in result["leaks"]:
        groups[mechanism(row, engine, clean)].append(row)
    show = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 2
    for name, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        fams = collections.Counter(str(r["family"]) for r in rows)
        print(
            f"{len(rows):4d}  {name}  [{len(fams)} families: {', '.join(f for f, _ in fams.most_common(6))}]"
        )
        for row in rows[:show]:
            print("        e.g.", repr(cut(str(row["text"]))[:150]))
    print(f"total {sum(map(len, groups.values()))}")


if __name__ == "__main__":
    main()
