"""Build draws29: values drawn anew from the scanners' own regexes, placed in fixtures24's contexts.

``python bench/draws29/draw.py`` reads the fetch tool's mirrors of gitleaks (config/gitleaks.toml,
the rules of cmd/generate/config/rules/*.go with utils.Generate*Regex expanded) and trufflehog
(pkg/detectors/**/*.go, the ``regexp.MustCompile`` patterns) and writes secrets.jsonl,
benign.jsonl and skipped.json (seed 29029). Its own sampler: Python's regex parser reads the
(Go-translated) pattern; each quantifier draws its length at the range's minimum, its maximum
(an open range: minimum + 32) or uniformly between; each class and alternation draws uniformly.
Each value goes into two of fixtures24's 13 contexts (make.py's context functions, on our own
RNG) where the scanner's whole regex finds it again (and a keyword of the rule is in the text).
"""

from __future__ import annotations

import json
import random
import re
import re._constants as C  # noqa: N812
import re._parser as P  # noqa: N812
import string
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
import make  # noqa: E402  (fixtures24's contexts only; its sampler is not used)

SEED = 29029
RNG = random.Random(SEED)
make.RNG = random.Random(SEED + 1)
MIRRORS = Path("/work/.mirror")
GITLEAKS = MIRRORS / "gitleaks+gitleaks" / "repo"
TRUFFLEHOG = MIRRORS / "trufflesecurity+trufflehog" / "repo"
PRINTABLE = [chr(c) for c in range(33, 127)]
OPEN_EXTRA = 32


class Untranslatable(Exception):  # noqa: N818
    """The sampler cannot draw from this pattern."""


def git_show(repo: Path, spec: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "show", spec], capture_output=True, text=True, check=True
    ).stdout


def commit(repo: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


POSIX = {
    "[:alnum:]": "a-zA-Z0-9",
    "[:alpha:]": "a-zA-Z",
    "[:digit:]": "0-9",
    "[:lower:]": "a-z",
    "[:upper:]": "A-Z",
    "[:xdigit:]": "0-9a-fA-F",
    "[:word:]": "\\w",
    "[:space:]": "\\s",
    "[:punct:]": "!-/:-@\\[-`{-~",
}


def go_to_python(pattern: str) -> str:
    """Translate the Go/RE2 syntax Python's re lacks; raise Untranslatable when it cannot."""
    for k, v in POSIX.items():
        pattern = pattern.replace(k, v)
    if re.search(r"\\[pP]|\\Q|\[\[:", pattern):
        raise Untranslatable("unicode class or quoting")
    pattern = pattern.replace(r"\z", r"\Z")
    flags = ""
    for m in re.finditer(r"\(\?([imsU]+)\)", pattern):
        if m.start() != 0 or "U" in m.group(1):
            flags += m.group(1)
    if "U" in flags:
        raise Untranslatable("ungreedy flag")
    if flags:
        pattern = re.sub(r"\(\?[ims]+\)", "", pattern)
        pattern = f"(?{''.join(sorted(set(flags)))})" + pattern
    try:
        re.compile(pattern)
    except re.error as e:
        raise Untranslatable(f"python re: {e}") from e
    return pattern


def class_chars(items, negate: bool) -> list[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 2000:
                raise Untranslatable("huge range")
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is C.CATEGORY:
            chars.update(category(av))
        elif op is C.NEGATE:
            pass
        else:
            raise Untranslatable(f"class item {op}")
    if negate:
        chars = set(PRINTABLE) - chars
    if not chars:
        raise Untranslatable("empty class")
    return sorted(chars)


def category(av) -> list[str]:
    digits, word = list(string.digits), list(string.ascii_letters + string.digits + "_")
    table = {
        C.CATEGORY_DIGIT: digits,
        C.CATEGORY_WORD: word,
        C.CATEGORY_SPACE: [" "],
        C.CATEGORY_NOT_DIGIT: [c for c in PRINTABLE if c not in digits],
        C.CATEGORY_NOT_WORD: [c for c in PRINTABLE if c not in word],
        C.CATEGORY_NOT_SPACE: PRINTABLE,
    }
    if av not in table:
        raise Untranslatable(f"category {av}")
    return table[av]


# Whether the last draws took a character from ``.``, a negated class or ``\S`` (any printable):
# uniform punctuation no provider issues (labelled ``printable-draw``, counted apart).
ANY_DRAWN: list[bool] = [False]
PRINTABLE_DRAWS: set[str] = set()


def sample(tree, mode: str, rng: random.Random) -> str:
    """Draw one string from a parsed pattern; ``mode`` is min, max or mid for every quantifier."""
    out = []
    for op, av in tree:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            ANY_DRAWN[0] = True
            out.append(rng.choice([c for c in PRINTABLE if c != chr(av)]))
        elif op is C.ANY:
            ANY_DRAWN[0] = True
            out.append(rng.choice(PRINTABLE))
        elif op is C.IN:
            negate = any(o is C.NEGATE for o, _ in av)
            chars = class_chars(av, negate)
            ANY_DRAWN[0] |= len(chars) > 70  # a negated class, ``\S``, ``[^\s"']``
            out.append(rng.choice(chars))
        elif op is C.BRANCH:
            out.append(sample(rng.choice(av[1]), mode, rng))
        elif op is C.SUBPATTERN:
            out.append(sample(av[3], mode, rng))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            if hi is C.MAXREPEAT:
                hi = lo + OPEN_EXTRA
            n = {"min": lo, "max": hi}.get(mode)
            if n is None:
                n = rng.randint(lo, hi)
            out.extend(sample(sub, mode, rng) for _ in range(n))
        elif op is C.AT:
            pass
        else:
            raise Untranslatable(f"op {op}")
    return "".join(out)


def group_tree(pattern: str, group: int):
    """Return the parsed subtree of capture group ``group`` (0: the whole pattern)."""
    parsed = P.parse(pattern)
    if group == 0:
        return parsed.data
    found = []

    def walk(tree):
        for op, av in tree:
            if op is C.SUBPATTERN:
                if av[0] == group:
                    found.append(av[3])
                walk(av[3])
            elif op is C.BRANCH:
                for b in av[1]:
                    walk(b)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                walk(av[2])

    walk(parsed.data)
    if not found:
        raise Untranslatable(f"no group {group}")
    return found[0]


def drawn(tree) -> bool:
    """Return whether a parsed pattern draws anything (a class, ``.``) beyond literals."""
    for op, av in tree:
        if op in (C.IN, C.ANY, C.NOT_LITERAL):
            return True
        if op is C.SUBPATTERN and drawn(av[3]):
            return True
        if op is C.BRANCH and any(drawn(b) for b in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and drawn(av[2]):
            return True
    return False


def unquote(value: str) -> str:
    """Drop the quotes a secret group captures around its value (``"pass"``, ``'u:p'``): the
    contexts quote the value themselves."""
    while len(value) > 2 and value[0] == value[-1] and value[0] in "\"'`":
        value = value[1:-1]
    return value


def draw_values(pattern: str, group: int, modes: list[str]) -> tuple[int, list[str]]:
    """Draw one value per mode from the group's subpattern (single-line, no blanks); a group that
    holds only a short prefix or a repeated piece (7 characters or fewer) gives way to the whole
    match. Return the group drawn from and the values."""
    tree = group_tree(pattern, group)
    if not drawn(tree):
        raise Untranslatable("a literal pattern (keywords, no drawn part)")
    values = []
    for mode in modes:
        for _ in range(20):
            ANY_DRAWN[0] = False
            v = sample(tree, mode, RNG)
            v = unquote(v)
            if v and not re.search(r"\s", v):
                break
        else:
            raise Untranslatable("no draw without blanks (a structural pattern)")
        values.append(v)
        if ANY_DRAWN[0]:
            PRINTABLE_DRAWS.add(v)
    if group and max(len(v) for v in values) <= 7:
        whole = draw_values(pattern, 0, modes)[1]
        if max(len(v) for v in whole) > 7:
            return 0, whole
    return group, values


HOST_OR_URL = re.compile(
    r"[a-z][a-z0-9+.-]*://[\w.-]*(?::[0-9]+)?/?"  # a URL with no credential in it
    r"|(?:[\w-]+\.)+(?:com|net|org|io|co|dev|cloud|app)(?::[0-9]+)?/?",  # a host name
    re.I,
)


def label(value: str) -> str:
    """Our labels, counted apart: a placeholder, a host or URL with no secret in it (a detector's
    host pattern, not its key), a draw of uniform printable punctuation."""
    if placeholder(value):
        return "placeholder"
    if HOST_OR_URL.fullmatch(value):
        return "not-a-credential"
    if value in PRINTABLE_DRAWS:
        return "printable-draw"
    return ""


def placeholder(value: str) -> bool:
    """Our own rule: one character is 60% or more of the value, or the value is 7 or shorter."""
    return len(value) <= 7 or max(value.count(c) for c in set(value)) >= 0.6 * len(value)


def found_again(full: re.Pattern, group: int, text: str, value: str, keywords: list[str]) -> bool:
    if keywords and not any(k.lower() in text.lower() for k in keywords):
        return False
    for m in full.finditer(text):
        got = m.group(group) if group <= (full.groups or 0) else m.group(0)
        if got == value:
            return True
    return False


def place(rule: str, value: str, extra, full, group, keywords) -> list[tuple[str, str, bool]]:
    """Return two (context, text, found) placements: contexts where the scanner finds the value."""
    names = sorted(make.CONTEXTS)
    RNG.shuffle(names)
    good, bad = [], []
    for name in names:
        for _ in range(3):
            text = make.CONTEXTS[name](rule, value, extra)
            if found_again(full, group, text, value, keywords):
                good.append((name, text, True))
                break
        else:
            bad.append((name, text, False))
        if len(good) == 2:
            break
    return (good + bad)[:2]


# ---- gitleaks -------------------------------------------------------------------------------


def gitleaks_rows(skipped: list[dict]) -> list[dict]:
    config = tomllib.loads(git_show(GITLEAKS, "HEAD:config/gitleaks.toml"))
    rows = []
    for rule in config["rules"]:
        rid, regex = rule["id"], rule.get("regex")
        if not regex:
            skipped.append({"source": "gitleaks", "rule": rid, "why": "path-only rule"})
            continue
        try:
            pattern = go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            group, values = draw_values(pattern, group, ["min", "max", "mid", "mid"])
        except (Untranslatable, re.error, RecursionError) as e:
            skipped.append({"source": "gitleaks", "rule": rid, "why": str(e)})
            continue
        keywords = rule.get("keywords", [])
        for value in dict.fromkeys(values):
            rows += value_rows("gitleaks", rid, rid, value, [], full, group, keywords)
    return rows


def value_rows(source, family_rule, context_rule, value, extra, full, group, keywords):
    rows = []
    for context, text, found in place(context_rule, value, extra, full, group, keywords):
        rows.append(
            {
                "family": f"{source}:{family_rule}",
                "context": context,
                "text": text,
                "secret": value,
                "source": source,
                "also": [],
                "rule": family_rule,
                "kind": "value",
                "label": label(value),
                "scanner_finds": found,
            }
        )
    return rows


# ---- trufflehog -----------------------------------------------------------------------------

ASSIGN = re.compile(r"(\w+)\s*=\s*regexp\.MustCompile\(")
KEYWORDS = re.compile(r"Keywords\(\)\s*\[\]string\s*\{\s*return\s*\[\]string\{([^}]*)\}")
KEYISH = re.compile(r"(?i)key|secret|token|pat$|password|pass|cred|auth")
IDISH = re.compile(r"(?i)id|user|url|host|domain|email|account|endpoint|org|tenant|name")


def go_expr(src: str, start: int) -> tuple[str, int]:
    """Evaluate the Go string expression at ``start`` up to its closing paren: raw and quoted
    strings, ``+`` and ``detectors.PrefixRegex([]string{...})``; raise Untranslatable otherwise."""
    out, i = [], start
    while True:
        while src[i] in " \t\n+":
            i += 1
        if src[i] == "`":
            j = src.index("`", i + 1)
            out.append(src[i + 1 : j])
            i = j + 1
        elif src[i] == '"':
            m = re.compile(r'"((?:[^"\\]|\\.)*)"').match(src, i)
            out.append(json.loads('"' + m.group(1).replace("\\\\", "\\\\") + '"'))
            i = m.end()
        elif src.startswith("detectors.PrefixRegex([]string{", i):
            j = src.index("})", i)
            words = re.findall(r'"([^"]*)"', src[i:j])
            out.append("(?i:" + "|".join(words) + r")(?:.|[\n\r]){0,40}?")
            i = j + 2
        elif src[i] == ")":
            return "".join(out), i
        else:
            raise Untranslatable("go expression: " + src[i : i + 30].split("\n")[0])


def detector_patterns(src: str) -> dict[str, str]:
    pats = {}
    for m in ASSIGN.finditer(src):
        try:
            pats[m.group(1)] = go_expr(src, m.end())[0]
        except (Untranslatable, ValueError, IndexError) as e:
            pats[m.group(1)] = Untranslatable(str(e))
    return pats


def key_name(names: list[str]) -> str | None:
    keyish = [n for n in names if KEYISH.search(n) and not IDISH.search(n.replace("Pat", ""))]
    if keyish:
        return keyish[0]
    plain = [n for n in names if not IDISH.search(n.replace("Pat", ""))]
    if plain:
        return plain[0]
    return names[0] if len(names) == 1 else None


def trufflehog_rows(skipped: list[dict], want: int = 300) -> list[dict]:
    files = subprocess.run(
        ["git", "-C", str(TRUFFLEHOG), "ls-tree", "-r", "--name-only", "HEAD", "pkg/detectors/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    candidates = []
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(git_show(TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = detector_patterns(src)
        if not pats:
            continue
        name = key_name(list(pats))
        if name is None or isinstance(pats[name], Untranslatable):
            why = "no key pattern" if name is None else str(pats[name])
            skipped.append({"source": "trufflehog", "rule": det, "why": why})
            continue
        kw = KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        candidates.append((det, name, pats, keywords))
    rows, used = [], 0
    RNG.shuffle(candidates)
    for det, name, pats, keywords in candidates:
        if used >= want:
            break
        try:
            pattern = go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            group, values = draw_values(pattern, group, [RNG.choice(["min", "max"]), "mid"])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, Untranslatable) or not IDISH.search(other):
                    continue
                try:
                    op = go_to_python(p)
                    ov = draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (Untranslatable, re.error, RecursionError):
                    continue
                label = re.sub(r"(?i)_?pat(?:tern)?$", "", other).upper() or "ID"
                extra.append((f"{make.vendor(det).upper()}_{label}", ov))
        except (Untranslatable, re.error, RecursionError) as e:
            skipped.append({"source": "trufflehog", "rule": det, "why": str(e)})
            continue
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        context_rule = word.lower() if word else det
        used += 1
        for value in dict.fromkeys(values):
            rows += value_rows(
                "trufflehog", det, context_rule, value, extra[:2], full, group, keywords
            )
    return rows


# ---- benign: public shapes ------------------------------------------------------------------

ENGLISH = [
    "The quick brown fox jumps over the lazy dog.",
    "Deploy finished without errors on the staging cluster.",
    "Please rotate the logs every night at two.",
    "hello world from the build farm",
    "Meeting moved to Thursday afternoon, bring the slides.",
    "All unit tests passed; integration tests were skipped.",
    "user requested a password reset link",
    "Cache warmed for the europe region",
]
NIXB32 = "0123456789abcdfghijklmnpqrsvwxyz"
PKGS = ["openssl", "python3", "nodejs", "glibc", "curl", "git", "zlib", "postgresql", "bash"]


def b_sha(r):
    return "".join(r.choice("0123456789abcdef") for _ in range(40))


def b_short_sha(r):
    return "".join(r.choice("0123456789abcdef") for _ in range(r.choice([7, 8, 10, 12])))


def b_digest(r):
    return "sha256:" + "".join(r.choice("0123456789abcdef") for _ in range(64))


def b_uuid(r):
    import uuid

    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def b_version(r):
    v = f"{r.randint(0, 12)}.{r.randint(0, 40)}.{r.randint(0, 30)}"
    return v + r.choice(["", "", "-rc.1", "+build.7", "-beta.3", ".post1"])


def b_base64(r):
    import base64

    return base64.b64encode(r.choice(ENGLISH).encode()).decode()


def b_nix(r):
    h = "".join(r.choice(NIXB32) for _ in range(32))
    return f"/nix/store/{h}-{r.choice(PKGS)}-{b_version(r).split('-')[0].split('+')[0]}"


SHAPES = {
    "commit-sha": (b_sha, "GIT_COMMIT", "commit"),
    "short-sha": (b_short_sha, "BUILD_REF", "ref"),
    "image-digest": (b_digest, "IMAGE_DIGEST", "digest"),
    "request-id": (b_uuid, "REQUEST_ID", "request_id"),
    "version": (b_version, "APP_VERSION", "version"),
    "base64-english": (b_base64, "MOTD_B64", "message_b64"),
    "nix-store-path": (b_nix, "NIX_PROFILE_PATH", "store_path"),
}


def benign_text(context: str, var: str, key: str, v: str, r: random.Random) -> str:
    camel = make.camel(var)
    return {
        "shell": f"export {var}={v}",
        "inline": f"{var}='{v}' ./scripts/deploy.sh --env staging",
        "curl": f'curl -s https://api.example.com/v2/status -H "X-{key.title().replace("_", "-")}: {v}"',
        "json": json.dumps({"level": "error", "msg": "upstream returned 502", "meta": {key: v}}),
        "yaml": f'build:\n  {key}: "{v}"',
        "dotenv": f"{var}={v}",
        "python": f'os.environ["{var}"] = "{v}"',
        "ci": r.choice(
            [
                f"2026-12-05T10:11:12.345Z [build] Step 4/9 : ENV {var}={v}",
                f"##[debug]Evaluating: env.{var} => '{v}'",
                f"+ docker run --rm -e {var}={v} registry.local/app:1.4.2 migrate",
            ]
        ),
        "prose": r.choice(
            [
                f"the failing build was on {key.replace('_', ' ')} {v}, can you look?",
                f"hey, this started after {v} landed, I'm on the {key.replace('_', ' ')} above",
                f"deployed {key.replace('_', ' ')} {v} this morning",
            ]
        ),
        "js": f'const {camel} = process.env.{var} || "{v}";',
        "traceback": (
            "Traceback (most recent call last):\n"
            '  File "/app/sync.py", line 88, in push\n'
            "    resp.raise_for_status()\n"
            f"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.example.com/v2/items?{key}={v}"
        ),
        "kubectl": f"kubectl create configmap build-info --from-literal={key.replace('_', '-')}={v}",
        "ini": f"[build]\n{key} = {v}",
    }[context]


def benign_rows(per_shape: int = 22) -> list[dict]:
    r = random.Random(SEED + 2)
    rows = []
    for shape, (gen, var, key) in SHAPES.items():
        for _ in range(per_shape):
            v = gen(r)
            for context in r.sample(sorted(make.CONTEXTS), 2):
                rows.append(
                    {
                        "family": f"public:{shape}",
                        "context": context,
                        "text": benign_text(context, var, key, v, r),
                        "source": "public",
                        "label": "",
                    }
                )
    return rows


def main() -> None:
    skipped: list[dict] = []
    rows = gitleaks_rows(skipped) + trufflehog_rows(skipped)
    benign = benign_rows()
    for name, data in (("secrets.jsonl", rows), ("benign.jsonl", benign)):
        with (HERE / name).open("w", encoding="utf-8") as out:
            for row in data:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    meta = {"gitleaks": commit(GITLEAKS), "trufflehog": commit(TRUFFLEHOG), "skipped": skipped}
    (HERE / "skipped.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    fams = {r["family"] for r in rows}
    print(
        f"{len(rows)} secret rows ({sum(1 for r in rows if r['label'])} labelled, "
        f"{sum(1 for r in rows if not r['scanner_finds'])} not found again by the scanner) in "
        f"{len(fams)} families (gitleaks {sum(f.startswith('gitleaks') for f in fams)}, trufflehog "
        f"{sum(f.startswith('trufflehog') for f in fams)}); {len(benign)} benign; "
        f"{len(skipped)} skipped"
    )


if __name__ == "__main__":
    main()
