"""Pull the three scanners' own test samples out of their sources into samples.json (run once).

``python bench/fixtures24/extract.py`` reads the snapshots that the session's ``fetch`` tool put
under /work/.mirror (gitleaks, trufflehog, detect-secrets; commits recorded in samples.json) and
writes ``samples.json``: per scanner, the true-positive samples (the secret value, its rule or
detector, the fixture line when the fixture is a line) and the false-positive samples (the
fixture line as the scanner's test holds it). Nothing of the scanners' code is reused: gitleaks'
Go test expressions are evaluated by a small evaluator of our own (string literals, ``+``,
``fmt.Sprintf``, ``[]string{}``, ``append``, ``secrets.NewSecret`` drawn by our own regex sampler
with a fixed seed), trufflehog's ``want`` expressions the same way, detect-secrets' parametrized
cases through ``ast``. ``make.py`` reads only samples.json.
"""

from __future__ import annotations

import ast
import contextlib
import json
import random
import re
import sre_constants as C  # noqa: N812
import sre_parse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIRROR = Path("/work/.mirror")
RNG = random.Random(24024)


def git_show(repo: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(MIRROR / repo / "repo"), "show", f"HEAD:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def git_ls(repo: str, path: str) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(MIRROR / repo / "repo"), "ls-tree", "-r", "--name-only", "HEAD", path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split()


def head(repo: str) -> str:
    return subprocess.run(
        ["git", "-C", str(MIRROR / repo / "repo"), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


# --- a regex sampler of our own (sre_parse tree walk) -------------------------------------

ALNUM = (
    [chr(c) for c in range(48, 58)]
    + [chr(c) for c in range(65, 91)]
    + [chr(c) for c in range(97, 123)]
)
CATS = {
    C.CATEGORY_DIGIT: [str(d) for d in range(10)],
    C.CATEGORY_WORD: [*ALNUM, "_"],
    C.CATEGORY_SPACE: [" "],
    C.CATEGORY_NOT_SPACE: ALNUM,
    C.CATEGORY_NOT_DIGIT: ALNUM[10:],
    C.CATEGORY_NOT_WORD: ["-", "."],
}


def _in(items: list) -> list[str]:
    chars: list[str] = []
    neg = False
    for op, av in items:
        if op is C.NEGATE:
            neg = True
        elif op is C.LITERAL:
            chars.append(chr(av))
        elif op is C.RANGE:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:
            chars.extend(CATS[av])
    if neg:
        return [c for c in ALNUM if c not in chars]
    return chars


def _gen(tree, groups: dict[int, str]) -> str:
    out = []
    for op, av in tree:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(RNG.choice([c for c in ALNUM if c != chr(av)]))
        elif op is C.IN:
            out.append(RNG.choice(_in(av)))
        elif op is C.ANY:
            out.append(RNG.choice(ALNUM))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            hi = min(hi, max(lo, 1) + 8) if hi > lo + 8 else hi
            n = RNG.randint(lo, hi)
            out.extend(_gen(sub, groups) for _ in range(n))
        elif op is C.SUBPATTERN:
            text = _gen(av[-1], groups)
            if av[0]:
                groups[av[0]] = text
            out.append(text)
        elif op is C.BRANCH:
            out.append(_gen(RNG.choice(av[1]), groups))
        elif op is C.GROUPREF:
            out.append(groups.get(av, ""))
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        else:
            raise ValueError(f"regex op {op}")
    return "".join(out)


def sample(regex: str) -> str:
    return _gen(sre_parse.parse(go_to_py(regex)), {})


def go_to_py(regex: str) -> str:
    posix = {
        "alnum": "a-zA-Z0-9",
        "alpha": "a-zA-Z",
        "digit": "0-9",
        "upper": "A-Z",
        "lower": "a-z",
        "xdigit": "0-9a-fA-F",
        "space": r"\s",
        "punct": r"!-/:-@\[-`{-~",
    }
    for k, v in posix.items():
        regex = regex.replace(f"[:{k}:]", v)
    regex = regex.replace(r"\z", r"\Z")
    # Go allows a scoped (?i) group mid-pattern; Python only a global one at the start.
    if "(?i)" in regex[1:]:
        regex = "(?i)" + regex.replace("(?i)", "")
    regex = re.sub(r"\(\?-i:", "(?:", regex)
    return regex


# --- a small evaluator for Go test expressions ----------------------------------------------

TOKEN = re.compile(
    r'\s+|//[^\n]*|/\*.*?\*/|(?P<raw>`[^`]*`)|(?P<str>"(?:\\.|[^"\\])*")|(?P<num>[0-9]+)'
    r"|(?P<id>[A-Za-z_][A-Za-z_0-9.]*)|(?P<op>\.\.\.|:=|[-+(){}\[\],:=*%])",
    re.S,
)


def go_string(tok: str) -> str:
    if tok.startswith("`"):
        return tok[1:-1]
    return ast.literal_eval(tok.replace("\\x60", "`"))  # Go's escapes are Python's, here


def tokenize(src: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            out.append(("op", src[pos]))
            pos += 1
            continue
        pos = m.end()
        if m.lastgroup:
            out.append((m.lastgroup, m.group(m.lastgroup)))
    return out


HELPERS = {
    "utils.Numeric": lambda n: f"[0-9]{{{n}}}",
    "utils.Hex": lambda n: f"[a-f0-9]{{{n}}}",
    "utils.AlphaNumeric": lambda n: f"[a-z0-9]{{{n}}}",
    "utils.AlphaNumericExtendedShort": lambda n: f"[a-z0-9_-]{{{n}}}",
    "utils.AlphaNumericExtended": lambda n: f"[a-z0-9=_\\-]{{{n}}}",
    "utils.AlphaNumericExtendedLong": lambda n: f"[a-z0-9\\/=_\\+\\-]{{{n}}}",
    "utils.Hex8_4_4_4_12": lambda: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
}


class Sample(str):
    """A secret handed to GenerateSampleSecret(s): the value itself is the secret."""


class Eval:
    def __init__(self, tokens, env):
        self.t, self.i, self.env = tokens, 0, env

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ("eof", "")

    def take(self, value=None):
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise ValueError(f"want {value} got {tok}")
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek()[1] == "+":
            self.take()
            right = self.term()
            if isinstance(value, Sample) or isinstance(right, Sample):
                value = Sample(value + right)
            else:
                value = value + right
        return value

    def args(self):
        self.take("(")
        items = []
        while self.peek()[1] != ")":
            items.append(self.expr())
            if self.peek()[1] == "...":
                self.take()
                items[-1] = ("spread", items[-1])
            if self.peek()[1] == ",":
                self.take()
        self.take(")")
        return items

    def composite(self):
        self.take("{")
        items = []
        while self.peek()[1] != "}":
            first = self.expr()
            if self.peek()[1] == ":":
                self.take()
                first = self.expr()
            items.append(first)
            if self.peek()[1] == ",":
                self.take()
        self.take("}")
        return items

    def term(self):
        kind, tok = self.peek()
        if kind in ("str", "raw"):
            self.take()
            return go_string(tok)
        if kind == "num":
            self.take()
            return int(tok)
        if tok == "[":
            self.take("[")
            self.take("]")
            self.take()  # element type
            if self.peek()[1] == "*":
                self.take()
                self.take()
            return self.composite()
        if tok == "map":
            self.take()
            self.take("[")
            self.take()
            self.take("]")
            self.take()
            return self.composite()
        if tok == "(":
            self.take()
            value = self.expr()
            self.take(")")
            return value
        if kind == "id":
            self.take()
            if self.peek()[1] == "(":
                args = self.args()
                return self.call(tok, args)
            if tok in self.env:
                return self.env[tok]
            raise ValueError(f"unknown name {tok}")
        raise ValueError(f"bad token {tok}")

    def call(self, name, args):
        if name in HELPERS:
            return HELPERS[name](*args)
        if name == "secrets.NewSecret":
            return sample(args[0])
        if name == "utils.GenerateSampleSecret":
            return [Sample(args[1])]
        if name == "utils.GenerateSampleSecrets":
            return [Sample(args[1])]
        if name == "fmt.Sprintf":
            fmt = args[0].replace("%%", "\0")
            for a in args[1:]:
                fmt = re.sub(r"%[sdvq]", lambda _m, a=a: str(a), fmt, count=1)
            return fmt.replace("\0", "%")
        if name == "append":
            out = list(args[0])
            for a in args[1:]:
                if isinstance(a, tuple):
                    out.extend(a[1])
                else:
                    out.append(a)
            return out
        if name == "strings.Repeat":
            return args[0] * args[1]
        if name in (
            "utils.GenerateSemiGenericRegex",
            "utils.GenerateUniqueTokenRegex",
            "regexp.MustCompile",
        ):
            return ("regex", name, args)
        raise ValueError(f"unknown call {name}")


def semi_generic(ids: list[str], secret: str, ci: bool) -> str:
    ident = r"[\w.-]{0,50}?(?:" + "|".join(ids) + r")(?:[ \t\w.-]{0,20})[\s'\"]{0,3}"
    head_ = "(?i)" + ident if ci else r"(?i:" + ident + ")"
    return (
        head_
        + r"(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)"
        + r"[\x60'\"\s=]{0,5}("
        + secret
        + r")(?:[\x60'\"\s;]|\\[nr]|$)"
    )


def rule_regex(value) -> str | None:
    if not isinstance(value, tuple) or value[0] != "regex":
        return None
    _, name, args = value
    if name == "regexp.MustCompile":
        return args[0]
    if name == "utils.GenerateSemiGenericRegex":
        return semi_generic(args[0], args[1], args[2] if len(args) > 2 else False)
    return (
        ("(?i)" if len(args) > 1 and args[1] else "")
        + r"\b("
        + args[0]
        + r")(?:[\x60'\"\s;]|\\[nr]|$)"
    )


FUNC = re.compile(r"^func (\w+)\(\)[^{]*\{\n(.*?)^\}", re.S | re.M)
STMT = re.compile(r"^\t(\w+)\s*(:=|=)\s*", re.M)


def statements(body: str) -> list[tuple[str, str]]:
    """Top-level `name := expr` / `name = expr` statements of a function body (tab-indented)."""
    out = []
    starts = list(STMT.finditer(body))
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(body)
        chunk = body[m.end() : end]
        chunk = re.split(r"\n\t(?:return|//|if |for |\w+\.\w+\()", chunk)[0]
        out.append((m.group(1), chunk))
    return out


def gitleaks() -> dict:
    repo = "gitleaks+gitleaks"
    tps, fps, failed = [], [], []
    src = "\n".join(
        git_show(repo, p)
        for p in git_ls(repo, "cmd/generate/config/rules")
        if p.endswith(".go") and not p.endswith("_test.go")
    )
    globals_env: dict = {"true": True, "false": False}
    for m in re.finditer(r"^(?:var|const) (\w+)\s*=\s*(.+)$", src, re.M):
        with contextlib.suppress(Exception):
            globals_env[m.group(1)] = Eval(tokenize(m.group(2)), {}).expr()
    funcs = {m.group(1): m.group(2) for m in FUNC.finditer(src)}
    for fname, body in funcs.items():
        rid = re.search(r'RuleID:\s*"([^"]+)"', body)
        if not rid:
            continue
        rule = rid.group(1)
        group = int(m.group(1)) if (m := re.search(r"SecretGroup:\s*(\d+)", body)) else 0
        env = dict(globals_env)
        for helper, hbody in funcs.items():
            if (
                helper != fname
                and "RuleID" not in hbody
                and (rm := re.search(r"return (.+)$", hbody, re.M))
            ):
                try:
                    env_h = dict(globals_env)
                    for n, chunk in statements(hbody):
                        with contextlib.suppress(Exception):
                            env_h[n] = Eval(tokenize(chunk), env_h).expr()
                    globals_env_fn = Eval(tokenize(rm.group(1)), env_h).expr()
                    env[helper] = globals_env_fn
                except Exception:  # noqa: S110 - a helper the evaluator cannot read
                    pass
        regex_src = None
        mregex = re.search(r"Regex:\s*(.+?),\n", body)
        for name, chunk in statements(body):
            try:
                value = Eval(
                    tokenize(re.sub(r"\b(\w+)\(\)", r"\1", chunk) if False else chunk), env
                ).expr()
                env[name] = value
            except Exception as err:
                if name in ("tps", "fps"):
                    failed.append((rule, name, str(err)[:80]))
        try:
            regex_value = Eval(tokenize(mregex.group(1)), env).expr() if mregex else None
            regex_src = rule_regex(regex_value)
        except Exception:
            regex_src = None
        try:
            regex = re.compile(go_to_py(regex_src)) if regex_src else None
        except re.error:
            regex = None
        for item in env.get("tps", []) if isinstance(env.get("tps"), list) else []:
            if not isinstance(item, str):
                continue
            if isinstance(item, Sample):
                tps.append({"scanner": "gitleaks", "rule": rule, "secret": str(item), "line": None})
                continue
            m = regex.search(item) if regex else None
            if not m:
                failed.append((rule, "tps-nomatch", item[:60]))
                continue
            g = group or (1 if m.re.groups and m.group(1) else 0)
            tps.append({"scanner": "gitleaks", "rule": rule, "secret": m.group(g), "line": item})
        for item in env.get("fps", []) if isinstance(env.get("fps"), list) else []:
            if isinstance(item, str) and item.strip():
                fps.append({"scanner": "gitleaks", "rule": rule, "line": str(item)})
    return {"commit": head(repo), "tps": tps, "fps": fps, "failed": failed}


# --- trufflehog: `want` of each detector's pattern test -------------------------------------

SECRETISH = re.compile(
    r"(?i)key|secret|token|pass|pat\b|pwd|cred|auth|sig|hash|priv|cert|bearer|jwt|sk"
)
IDISH = re.compile(
    r"(?i)id$|ids$|user|name|mail|domain|url|host|endpoint|region|account|org|tenant|project|uri|email|subdomain|instance|server|workspace|team|app$|base"
)


def trufflehog() -> dict:
    repo = "trufflesecurity+trufflehog"
    tps, failed = [], []
    for path in git_ls(repo, "pkg/detectors"):
        if not path.endswith("_test.go") or "integration" in path:
            continue
        parts = path.split("/")
        detector = parts[-3] if re.fullmatch(r"v[0-9]+", parts[-2]) else parts[-2]
        src = git_show(repo, path)
        env: dict = {}
        for block in re.finditer(r"^(?:var|const)\s*\((.*?)^\)", src, re.S | re.M):
            for m in re.finditer(
                r"^\s*(\w+)\s*=\s*((?:`[^`]*`)|(?:\"(?:\\.|[^\"\\])*\"))", block.group(1), re.M
            ):
                env[m.group(1)] = go_string(m.group(2))
        for m in re.finditer(
            r"^(?:var|const)\s+(\w+)\s*=\s*((?:`[^`]*`)|(?:\"(?:\\.|[^\"\\])*\"))", src, re.M
        ):
            env[m.group(1)] = go_string(m.group(2))
        seen = set()
        for m in re.finditer(r"want:\s*\[\]string\{(.*?)\},?\s*\n", src):
            inner = m.group(1).strip()
            if not inner:
                continue
            for part in re.split(r",\s*(?=[\"`A-Za-z])", inner):
                try:
                    toks = tokenize(part)
                    names = [t for k, t in toks if k == "id"]
                    value = Eval(toks, env).expr()
                except Exception as err:
                    failed.append((detector, str(err)[:60]))
                    continue
                if not isinstance(value, str) or value in seen or len(value) < 6:
                    continue
                seen.add(value)
                # Which part is the credential: a literal want is; of joined names, the
                # secret-like names are, the id-like ones are context.
                pieces = [(n, env[n]) for n in names if n in env]
                secrets = [v for n, v in pieces if SECRETISH.search(n) and not IDISH.search(n)]
                others = [v for n, v in pieces if v not in secrets]
                if not pieces:
                    main, also, ctx = value, [], []
                elif secrets:
                    main, also, ctx = secrets[0], secrets[1:], others
                elif len(pieces) == 1 or all(value == v for _, v in pieces):
                    main, also, ctx = pieces[0][1], [], []
                else:
                    # names like validPattern, validPattern2: take the longest as the secret
                    ordered = sorted((v for _, v in pieces), key=len, reverse=True)
                    main, also, ctx = ordered[0], [], ordered[1:]
                tps.append(
                    {
                        "scanner": "trufflehog",
                        "rule": detector,
                        "secret": main,
                        "also": also,
                        "with": ctx,
                        "want": value,
                    }
                )
    return {"commit": head(repo), "tps": tps, "failed": failed}


# --- detect-secrets: parametrized (line, flag) cases ----------------------------------------


def detect_secrets() -> dict:
    repo = "Yelp+detect-secrets"
    tps, fps, failed = [], [], []
    for path in git_ls(repo, "tests/plugins"):
        if not path.endswith("_test.py") or path.endswith("base_test.py"):
            continue
        plugin = path.split("/")[-1][: -len("_test.py")]
        src = git_show(repo, path)
        tree = ast.parse(src)
        ns: dict = {
            "base64": __import__("base64"),
            "textwrap": __import__("textwrap"),
            "randint": lambda a, b: 7,
        }
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.FunctionDef)):
                try:
                    exec(compile(ast.Module([node], []), path, "exec"), ns)  # noqa: S102 - a pinned snapshot
                except Exception as err:
                    failed.append((plugin, str(err)[:60]))
        if plugin == "keyword":
            # (line, the value it flags or None) tables at module level
            for name, table in ns.items():
                if name.endswith("_TEST_CASES") and isinstance(table, list):
                    for line, value in (c for c in table if isinstance(c, tuple) and len(c) == 2):
                        if value:
                            tps.append(
                                {
                                    "scanner": "detect-secrets",
                                    "rule": plugin,
                                    "line": line,
                                    "secret": value,
                                }
                            )
                        elif len(line) < 2000:
                            fps.append({"scanner": "detect-secrets", "rule": plugin, "line": line})
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"):
                continue
            if len(node.args) < 2:
                continue
            try:
                cases = eval(compile(ast.Expression(node.args[1]), path, "eval"), ns)  # noqa: S307
                names = ast.literal_eval(node.args[0])
            except Exception as err:
                failed.append((plugin, str(err)[:60]))
                continue
            names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
            for case in cases:
                if not isinstance(case, tuple) or not isinstance(case[0], str):
                    continue
                row = dict(zip(names, case, strict=False))
                line = case[0]
                flag = next(
                    (
                        v
                        for k, v in row.items()
                        if k in ("should_flag", "expected", "is_valid", "expected_secret", "secret")
                    ),
                    None,
                )
                if (len(case) >= 2 and isinstance(case[1], (bool, str))) or case[1] is None:
                    flag = case[1]
                if flag is True or (isinstance(flag, str) and flag):
                    tps.append(
                        {
                            "scanner": "detect-secrets",
                            "rule": plugin,
                            "line": line,
                            "secret": flag if isinstance(flag, str) else None,
                        }
                    )
                elif (flag is False or flag is None) and len(line) < 2000:
                    fps.append({"scanner": "detect-secrets", "rule": plugin, "line": line})
    # The value each true case flags: the case's plugin run on its line (detect-secrets' source
    # from the same snapshot, only to read which part of the line is the secret).
    import types

    tmp = Path("/tmp/ds24")
    if not (tmp / "detect_secrets").exists():
        tmp.mkdir(exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(MIRROR / repo / "repo"), "archive", "HEAD", "detect_secrets"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    sys.modules.setdefault("requests", types.ModuleType("requests"))
    sys.path.insert(0, str(tmp))
    import importlib

    kept, seen = [], set()
    for row in tps:
        if (row["rule"], row["line"]) in seen:
            continue
        seen.add((row["rule"], row["line"]))
        if row["secret"]:
            kept.append(row)
            continue
        src = git_show(repo, f"tests/plugins/{row['rule']}_test.py")
        m = re.search(r"from detect_secrets\.plugins\.(\w+) import (\w+)", src)
        if not m:
            failed.append((row["rule"], "no plugin"))
            continue
        try:
            cls = getattr(
                importlib.import_module(f"detect_secrets.plugins.{m.group(1)}"), m.group(2)
            )
            found = [
                s.secret_value
                for part in row["line"].splitlines() or [row["line"]]
                for s in cls().analyze_line(filename="mock_filename.py", line=part)
            ]
        except Exception as err:
            failed.append((row["rule"], str(err)[:60]))
            continue
        if found:
            kept.append({**row, "secret": max(found, key=len)})
        else:
            failed.append((row["rule"], "no value", row["line"][:60]))
    return {"commit": head(repo), "tps": kept, "fps": fps, "failed": failed}


def main() -> None:
    out = {"gitleaks": gitleaks(), "trufflehog": trufflehog(), "detect-secrets": detect_secrets()}
    for k, v in out.items():
        print(
            k,
            v["commit"][:10],
            "tps",
            len(v["tps"]),
            "fps",
            len(v.get("fps", [])),
            "failed",
            len(v["failed"]),
            file=sys.stderr,
        )
    (HERE / "samples.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
