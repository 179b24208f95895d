"""Extract token shapes from the public rule sets of gitleaks and trufflehog into shapes.json.

Run once with the repositories checked out (``python bench/audit16/shapes.py GITLEAKS_TOML
TRUFFLEHOG_DETECTORS_DIR DETECT_SECRETS_KEYWORD_TEST``); the results are checked in, so the corpus
builder needs none of them. keyword.json holds detect-secrets' keyword plugin cases. A
shape is ``{"family", "source", "secret", "keywords"}``: the regex of the secret itself (the
rule's capture group, translated to Python syntax) and the words the scanner wants near it.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSIX = {"[:alnum:]": "a-zA-Z0-9", "[:alpha:]": "a-zA-Z", "[:digit:]": "0-9", "[:upper:]": "A-Z"}
POSIX |= {"[:lower:]": "a-z", "[:xdigit:]": "0-9a-fA-F", "[:space:]": r"\s", "[:punct:]": "!-/"}


def to_python(pattern: str) -> str:
    """Return a Go RE2 pattern in Python syntax, with inline ``(?i)`` dropped (shapes keep case)."""
    for posix, plain in POSIX.items():
        pattern = pattern.replace(posix, plain)
    pattern = re.sub(r"\(\?[imsU-]+\)", "", pattern)
    pattern = re.sub(r"\(\?-?[imsU]+:", "(?:", pattern)
    pattern = pattern.replace(r"\z", r"\Z").replace("(?P<", "(?P<")
    return pattern


def first_group(pattern: str, index: int = 1) -> str | None:
    """Return the source of capture group ``index`` of ``pattern`` (the whole pattern without one)."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    if compiled.groups < index:
        return pattern if index == 1 else None
    depth, count, start = 0, 0, None
    i = 0
    stack: list[bool] = []
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            capturing = not pattern.startswith("(?", i) or pattern.startswith("(?P<", i)
            stack.append(capturing)
            if capturing:
                count += 1
                if count == index:
                    start, depth = i, len(stack)
        elif c == ")":
            if start is not None and len(stack) == depth:
                inner = pattern[start + 1 : i]
                return re.sub(r"^\?P<\w+>", "", inner)
            stack.pop()
        i += 1
    return None


def gitleaks(path: Path) -> list[dict[str, object]]:
    """Return the shapes of gitleaks' default config."""
    found = []
    for rule in tomllib.loads(path.read_text())["rules"]:
        if "regex" not in rule:
            continue
        pattern = to_python(rule["regex"])
        secret = first_group(pattern, rule.get("secretGroup", 1))
        if secret is None:
            continue
        found.append(
            {
                "family": "gl:" + rule["id"],
                "source": "gitleaks",
                "secret": secret,
                "keywords": rule.get("keywords", []),
            }
        )
    return found


GO_STRING = re.compile(r'`([^`]*)`|"((?:[^"\\]|\\.)*)"')
PREFIX = re.compile(r"detectors\.PrefixRegex\(\[\]string\{([^}]*)\}\)\s*\+\s*")


def trufflehog(root: Path) -> list[dict[str, object]]:
    """Return the shapes of trufflehog's detectors (their MustCompile calls with a capture group)."""
    found = []
    for source in sorted(root.glob("*/**/*.go")):
        if source.name.endswith("_test.go"):
            continue
        text = source.read_text(errors="replace")
        keywords_match = re.search(
            r"Keywords\(\) \[\]string \{\s*return \[\]string\{([^}]*)\}", text
        )
        keywords = GO_STRING.findall(keywords_match.group(1)) if keywords_match else []
        keywords = [a or b for a, b in keywords]
        name = str(source.parent.relative_to(root)).replace("/", "-")
        for number, call in enumerate(re.finditer(r"MustCompile\((.*)\)\s*$", text, re.M)):
            expression = call.group(1)
            prefix = PREFIX.search(expression)
            near = [a or b for a, b in GO_STRING.findall(prefix.group(1))] if prefix else []
            rest = PREFIX.sub("", expression)
            parts = GO_STRING.findall(rest)
            if not parts or re.search(r"[A-Za-z_]\w*\s*\+|\+\s*[A-Za-z_]", PREFIX.sub("", rest)):
                continue
            raw = "".join(a if a else bytes(b, "utf-8").decode("unicode_escape") for a, b in parts)
            pattern = to_python(raw)
            secret = first_group(pattern)
            if secret is None or len(secret) < 4:
                continue
            found.append(
                {
                    "family": f"th:{name}" + (f"#{number}" if number else ""),
                    "source": "trufflehog",
                    "secret": secret,
                    "keywords": near or keywords,
                }
            )
    return found


MARK = "\x00SECRET\x00"


def detect_secrets(keyword_test: Path) -> list[dict[str, str]]:
    """
    Return detect-secrets' keyword plugin cases that must flag, as templates (``{secret}``).

    The module's case lists are read by running its top (imports of detect-secrets left out);
    its odd sample secret becomes a placeholder the corpus fills with a generated password.
    """
    source = keyword_test.read_text().split("def parse_test_cases")[0]
    source = "\n".join(line for line in source.splitlines() if "detect_secrets" not in line)
    space: dict[str, object] = {}
    exec(compile(source, str(keyword_test), "exec"), space)  # noqa: S102
    common = str(space["COMMON_SECRET"])
    found, seen = [], set()
    for name, cases in space.items():
        if not name.endswith("_TEST_CASES"):
            continue
        for line, expected in cases:  # type: ignore[attr-defined]
            if expected != common or line in seen:
                continue
            seen.add(line)
            template = line.replace(common, MARK).replace("{", "{{").replace("}", "}}")
            found.append(
                {
                    "family": "ds:keyword-" + name.removesuffix("_TEST_CASES").lower(),
                    "template": template.replace(MARK, "{secret}"),
                }
            )
    return found


def main() -> None:
    """Write shapes.json (and keyword.json) from the three checkouts."""
    shapes = gitleaks(Path(sys.argv[1])) + trufflehog(Path(sys.argv[2]))
    (HERE / "shapes.json").write_text(
        "\n".join(json.dumps(shape, ensure_ascii=False) for shape in shapes) + "\n"
    )
    cases = detect_secrets(Path(sys.argv[3]))
    (HERE / "keyword.json").write_text(
        "\n".join(json.dumps(case, ensure_ascii=False) for case in cases) + "\n"
    )
    print(len(shapes), "shapes,", len(cases), "keyword cases")


if __name__ == "__main__":
    main()
