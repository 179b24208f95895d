"""Read token shapes the earlier audits do not hold (issue 16, third audit corpus, held out).

``python3 bench/audit16c/shapes.py KINGFISHER NOSEYPARKER TITUS SECRETS_PATTERNS_DB MS_SECURITY_UTILITIES``
(git dirs; a Python with PyYAML) reads every rule of kingfisher's ``data/rules/*.yml``,
noseyparker's and titus' builtin rules, secrets-patterns-db's high-confidence
``db/rules-stable.yml`` entries and Microsoft security-utilities' classified key patterns
(``GeneratedRegexPatterns/``) from the newest commit of each git directory, takes the regex of
the secret alone (the rule's ``refine``/``secret`` group, else its first capture group, or the
whole regex when it has none and starts with a literal of 3 or more characters),
and keeps a rule only when its shape is new: no secret of the repository's
corpora (tests/data, bench/audit16, bench/audit16b) whose family names the same provider fully
matches it. Two rules of the same provider whose draws match each other count once. Writes
``shapes.json``: one line per family with the secret's regex, its flags and provider words. Only
the facts (regexes and names) are kept; no scanner code is copied.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import draw  # noqa: E402

CORPORA = [
    "tests/data/secrets.jsonl",
    "tests/data/families/secrets.jsonl",
    "tests/data/families/held-out-secrets.jsonl",
    "tests/data/held-out/secrets.jsonl",
    "bench/audit16/secrets.jsonl",
    "bench/audit16b/secrets.jsonl",
]
POSIX = {
    "[:alnum:]": "a-zA-Z0-9",
    "[:alpha:]": "a-zA-Z",
    "[:digit:]": "0-9",
    "[:xdigit:]": "0-9a-fA-F",
    "[:upper:]": "A-Z",
    "[:lower:]": "a-z",
    "[:word:]": "\\w",
    "[:space:]": " ",
}


def norm(name: str) -> str:
    """Return ``name`` lower-cased with only letters and digits."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def same_provider(a: str, b: str) -> bool:
    """Return whether two normalized provider names name the same provider."""
    return a == b or (len(b) >= 4 and a.startswith(b)) or (len(a) >= 4 and b.startswith(a))


def unverbose(pattern: str) -> str:
    """Return an ``(?x)`` pattern without its free spacing and comments (other flags kept)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif c == "#":
            while i < len(pattern) and pattern[i] != "\n":
                i += 1
            continue
        elif not c.isspace():
            out.append(c)
        i += 1
    return "".join(out)


def first_group(pattern: str) -> str | None:
    """Return the text of the group named ``refine`` or ``secret``, else the first capturing one."""
    i, in_class, start, depth = 0, False, -1, 0
    for name in ("(?P<refine>", "(?P<secret>"):
        if name in pattern:
            i = pattern.index(name)
            pattern = pattern[:i] + "(" + pattern[i + len(name) :]
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            if start >= 0:
                depth += 1
            elif not pattern.startswith("(?", i) or pattern.startswith("(?P<", i):
                start = pattern.index(">", i) + 1 if pattern.startswith("(?P<", i) else i + 1
        elif c == ")" and start >= 0:
            if depth == 0:
                return pattern[start:i]
            depth -= 1
        i += 1
    return None


def spdb_rules(git_dir: str) -> list[tuple[str, str]]:
    """Return (path-like provider stem, rule) pairs of secrets-patterns-db's high-confidence rules."""
    text = git_files(git_dir, "db/rules-stable.yml")[0][1]
    out = []
    for item in yaml.safe_load(text)["patterns"]:
        rule = item["pattern"]
        if rule["confidence"] != "high":
            continue
        name = re.sub(r"\s*-\s*\d+$", "", rule["name"])
        regex = rule["regex"]
        if "(" not in regex.replace("(?:", "") and re.match(r"[A-Za-z0-9_-]{3}", regex):
            regex = f"({regex})"
        out.append((name.split()[0].split("_")[0], {"name": rule["name"], "pattern": regex}))
    return out


def ms_rules(git_dir: str) -> list[tuple[str, dict[str, str]]]:
    """Return (provider stem, rule) pairs of Microsoft's security-utilities classified keys."""
    out = []
    for name in ("HighConfidenceSecurityModels", "PreciselyClassifiedSecurityKeys"):
        path = f"GeneratedRegexPatterns/{name}.json"
        text = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"HEAD:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for rule in json.loads(text):
            stem = re.sub(r"(Legacy|Identifiable|CommonAnnotated).*", "", rule["Name"])
            out.append((stem, {"name": rule["Name"], "pattern": rule["Pattern"]}))
    return out


def secret_regex(pattern: str) -> tuple[str, bool] | None:
    """Return (the secret's regex in Python syntax, case-insensitive?) of a rule, or None."""
    flags = "".join(re.findall(r"\(\?([a-z]+)\)", pattern[:40]))
    if "x" in flags:
        pattern = unverbose(pattern)
    for name, body in POSIX.items():
        pattern = pattern.replace(name, body)
    pattern = pattern.replace("\\z", "\\Z")
    pattern = re.sub(r"\(\?[imsx]+\)", "", pattern)
    group = first_group(pattern)
    if not group:
        return None
    try:
        re.compile(group)
    except re.error:
        return None
    return group, "i" in flags


def git_files(git_dir: str, prefix: str) -> list[tuple[str, str]]:
    """Return (path, text) of the ``.yml`` files under ``prefix`` at HEAD of ``git_dir``."""
    names = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", "HEAD", prefix],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        (
            name,
            subprocess.run(
                ["git", "--git-dir", git_dir, "show", f"HEAD:{name}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout,
        )
        for name in names
        if name.endswith(".yml")
    ]


def known_secrets() -> dict[str, list[str]]:
    """Return the corpora's secrets by normalized provider name (each family's first word)."""
    out: dict[str, list[str]] = {}
    for name in CORPORA:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            family = row["family"].split(":", 1)[-1]
            for key in {norm(family), norm(re.split(r"[-_/.]", family)[0])}:
                if len(key) >= 3:
                    out.setdefault(key, []).append(row["secret"])
    return out


def main() -> None:
    """Write shapes.json from the two rule sets."""
    kingfisher, noseyparker, titus, spdb, microsoft = sys.argv[1:6]
    sources: list[tuple[str, list[tuple[str, object]]]] = []
    for source, files in (
        ("kf", git_files(kingfisher, "data/rules")),
        ("np", git_files(noseyparker, "crates/noseyparker/data/default/builtin/rules")),
    ):
        sources.append(
            (
                source,
                [
                    (Path(path).stem, rule)
                    for path, text in files
                    for rule in (yaml.safe_load(text) or {}).get("rules", [])
                ],
            )
        )
    sources.append(
        (
            "ti",
            [
                (Path(path).stem, rule)
                for path, text in git_files(titus, "pkg/rule/rules")
                for rule in (yaml.safe_load(text) or {}).get("rules", [])
            ],
        )
    )
    sources.append(("sp", spdb_rules(spdb)))
    sources.append(("ms", ms_rules(microsoft)))
    known = known_secrets()
    rng = random.Random(16316)
    kept: list[dict[str, object]] = []
    for source, files in sources:
        for stem, rule in files:
            provider = norm(stem)
            if True:
                got = secret_regex(rule["pattern"])
                if got is None:
                    continue
                regex, nocase = got
                compiled = re.compile(regex, re.I if nocase else 0)
                olds = [s for k, v in known.items() if same_provider(provider, k) for s in v]
                if any(compiled.fullmatch(s) for s in olds):
                    continue
                try:
                    draws = [draw.draw(regex, rng) for _ in range(4)]
                except (re.error, ValueError, RecursionError, OverflowError):
                    continue
                twin = [
                    k
                    for k in kept
                    if same_provider(provider, str(k["provider"]))
                    and any(re.fullmatch(str(k["secret"]), d, re.I) for d in draws)
                ]
                if twin:
                    continue
                kept.append(
                    {
                        "family": f"{source}:{stem}/{norm(rule['name'])}",
                        "provider": provider,
                        "name": rule["name"],
                        "secret": regex,
                        "nocase": nocase,
                    }
                )
    with (HERE / "shapes.json").open("w", encoding="utf-8") as out:
        for row in kept:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"shapes: {len(kept)}")


if __name__ == "__main__":
    main()
