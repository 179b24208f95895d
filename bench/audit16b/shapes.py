"""Read token shapes out of the public scanners' rule sets (issue 16, second audit corpus).

``python bench/audit16b/shapes.py GITLEAKS_GIT_DIR TRUFFLEHOG_GIT_DIR`` reads gitleaks'
``config/gitleaks.toml`` (each rule's secret group) and every trufflehog detector's key pattern
(the first ``MustCompile`` literal whose variable names a key, secret or token, with the words of
its ``PrefixRegex``/``Keywords``) from the newest commit of each git directory, and writes
``shapes.json``: one line per family with the regex of the secret alone and the provider words.
Only the facts (the regexes and keywords) are kept; no scanner code is copied.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent

POSIX = {
    "[:alnum:]": "a-zA-Z0-9",
    "[:alpha:]": "a-zA-Z",
    "[:digit:]": "0-9",
    "[:xdigit:]": "0-9a-fA-F",
    "[:upper:]": "A-Z",
    "[:lower:]": "a-z",
    "[:punct:]": "!-/",
    "[:space:]": " ",
    "[:word:]": "\\w",
}


def go_to_python(pattern: str) -> str:
    """Return a Go/RE2 regex rewritten in Python's syntax (POSIX classes, ``\\z``, ``\\x60``)."""
    for name, body in POSIX.items():
        pattern = pattern.replace(name, body)
    pattern = pattern.replace("\\z", "\\Z").replace("\\Q", "").replace("\\E", "")
    pattern = re.sub(r"\(\?P<", "(?P<", pattern)
    pattern = re.sub(r"\\p\{?L\}?", "a-zA-Z", pattern)
    return pattern


def secret_group(pattern: str, group: int) -> str | None:
    """Return the text of capture group ``group`` (1-based) of ``pattern``, or None."""
    count, depth, start, i = 0, 0, -1, 0
    stack: list[int] = []
    in_class = False
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
            capturing = not pattern.startswith("(?", i) or pattern.startswith("(?P<", i)
            if capturing:
                count += 1
                if count == group:
                    start, depth = i, len(stack)
            stack.append(i)
        elif c == ")":
            if stack:
                stack.pop()
            if start >= 0 and len(stack) == depth:
                body = pattern[start + 1 : i]
                return re.sub(r"^\?P<\w+>", "", body)
        i += 1
    return None


def git_show(git_dir: str, path: str) -> str:
    """Return the text of ``path`` at HEAD of ``git_dir``."""
    return subprocess.run(
        ["git", "-C", git_dir, "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def gitleaks(git_dir: str) -> list[dict[str, object]]:
    """Return one shape per gitleaks rule (its secret group and keywords)."""
    config = tomllib.loads(git_show(git_dir, "config/gitleaks.toml"))
    out = []
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        flags = "(?i)" if regex.startswith("(?i)") else ""
        body = secret_group(regex, int(rule.get("secretGroup", 1))) or regex
        out.append(
            {
                "family": "gl:" + rule["id"],
                "secret": flags + go_to_python(body),
                "keywords": rule.get("keywords", []),
            }
        )
    return out


PATTERN = re.compile(r"(\w+)\s*(?:=|:=)\s*regexp\.MustCompile\((.*)\)\s*$", re.M)
WANTED = re.compile(r"(?i)(key|secret|token|pat$|pass|cred|auth)")
UNWANTED = re.compile(r"(?i)(url|email|host|domain|user|endpoint|region|account|org|tenant|name)")


def trufflehog(git_dir: str) -> list[dict[str, object]]:
    """Return one shape per trufflehog detector: its key pattern's first group and keywords."""
    files = subprocess.run(
        ["git", "-C", git_dir, "ls-tree", "-r", "--name-only", "HEAD", "pkg/detectors/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = []
    for path in files:
        parts = path.split("/")
        if len(parts) < 4 or not path.endswith(".go") or path.endswith("_test.go"):
            continue
        source = git_show(git_dir, path)
        keywords = re.search(r"Keywords\(\) \[\]string \{\s*return \[\]string\{([^}]*)\}", source)
        words = re.findall(r'"([^"]+)"', keywords.group(1)) if keywords else []
        for var, call in PATTERN.findall(source):
            if not WANTED.search(var) or (UNWANTED.search(var) and "key" not in var.lower()):
                continue
            literals = re.findall(r"`([^`]*)`", call)
            if not literals:
                continue
            prefix = re.search(r"PrefixRegex\(\[\]string\{([^}]*)\}", call)
            pwords = re.findall(r'"([^"]+)"', prefix.group(1)) if prefix else []
            body = secret_group("".join(literals), 1)
            if body is None:
                continue
            family = "th:" + "/".join(parts[2:-1])
            out.append(
                {
                    "family": family,
                    "secret": go_to_python(body),
                    "keywords": pwords or words,
                }
            )
            break
    return out


def main() -> None:
    """Write shapes.json from the two git directories named on the command line."""
    shapes = gitleaks(sys.argv[1]) + trufflehog(sys.argv[2])
    with (HERE / "shapes.json").open("w", encoding="utf-8") as f:
        for shape in shapes:
            f.write(json.dumps(shape) + "\n")
    print(f"{len(shapes)} shapes")


if __name__ == "__main__":
    main()
