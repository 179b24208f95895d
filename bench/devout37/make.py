"""Build devout37: developers' tool output as a coding agent sees it (blind).

``python bench/devout37/make.py`` writes secrets.jsonl and benign.jsonl (seed 37037).
Benign rows: the output of 45 developer tools (test runners, builds, package managers, linters,
git, containers and cluster tools, profilers and benchmarks), written after what the tools really
print, with random ids, commit and object hashes, digests, versions, paths, durations and counts;
labelled ``pii`` when they hold an e-mail-like address or an IP (fedlearn replaces those by design).
Secret rows: one value drawn anew per gitleaks rule and trufflehog detector by draws29's sampler
(its RNG reseeded with 37037; needs the fetch tool's mirrors), 150 of them sampled, each inside
one of SECRET_CONTEXTS: tool output that really carries a secret (a failing test printing its
environment or request, a build log echoing a token, ``npm config list``, a docker build arg,
``kubectl describe``'s environment, ``docker inspect``, a diff adding a ``.env`` line, ...).
Row format as contexts35.
"""

# ruff: noqa: RUF001  (a Greek sigma and a right angle quote, as hyperfine and Jest print them)
from __future__ import annotations

import base64
import json
import random
import re
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
sys.path.insert(0, str(HERE.parent / "draws29"))
import make as f24  # noqa: E402  (vendor words, PII)

SEED = 37037
RNG = random.Random(SEED)
R = random.Random(SEED + 1)  # benign texts

# ---------------------------------------------------------------- shapes
PROJECTS = [
    "billing",
    "ledger",
    "orchard",
    "kestrel",
    "quartz",
    "harbor",
    "nimbus",
    "sparrow",
    "atlas",
    "tundra",
    "pylon",
    "mosaic",
]
WORDS = [
    "user",
    "order",
    "cart",
    "invoice",
    "session",
    "token",
    "auth",
    "login",
    "parser",
    "router",
    "cache",
    "config",
    "payment",
    "webhook",
    "report",
    "search",
    "upload",
    "schema",
    "queue",
    "retry",
]
ACTIONS = [
    "creates",
    "rejects",
    "parses",
    "returns",
    "handles",
    "refreshes",
    "validates",
    "expires",
    "retries",
    "serializes",
]
OBJ = [
    "empty input",
    "a missing header",
    "an expired token",
    "the default config",
    "unicode names",
    "a large payload",
    "duplicate keys",
    "a timeout",
    "nested arrays",
    "a 404",
]


def hx(n: int) -> str:
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def sha() -> str:
    return hx(40)


def ver() -> str:
    return f"{R.randint(0, 9)}.{R.randint(0, 40)}.{R.randint(0, 20)}"


def secs() -> str:
    return f"{R.uniform(0.01, 40):.2f}"


def ms() -> int:
    return R.randint(1, 2500)


def proj() -> str:
    return R.choice(PROJECTS)


def word() -> str:
    return R.choice(WORDS)


def camel(w: str) -> str:
    return w[:1].upper() + w[1:]


def test_name() -> str:
    return (
        f"test_{word()}_{R.choice(ACTIONS)}_{R.choice(OBJ).replace(' ', '_').replace('a_', '', 1)}"
    )


def go_test() -> str:
    return f"Test{camel(word())}{camel(R.choice(ACTIONS))}{''.join(camel(w) for w in R.choice(OBJ).split()[-2:])}"


def b64(n: int) -> str:
    return base64.b64encode(R.randbytes(n)).decode()


def sri() -> str:
    return "sha512-" + b64(64)


def nixhash() -> str:
    return "".join(R.choice("0123456789abcdfghijklmnpqrsvwxyz") for _ in range(32))


def pod() -> str:
    return f"{proj()}-{word()}-{hx(10)[: R.choice([9, 10])]}-{''.join(R.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))}"


def pkgs() -> list[tuple[str, str]]:
    pool = [
        "requests",
        "urllib3",
        "certifi",
        "idna",
        "charset-normalizer",
        "pydantic",
        "pydantic-core",
        "fastapi",
        "starlette",
        "anyio",
        "sniffio",
        "httpx",
        "httpcore",
        "h11",
        "click",
        "rich",
        "pygments",
        "typing-extensions",
        "numpy",
        "packaging",
        "pluggy",
        "iniconfig",
        "pytest",
        "coverage",
        "attrs",
        "sqlalchemy",
        "greenlet",
        "jinja2",
        "markupsafe",
    ]
    return [(p, ver()) for p in R.sample(pool, R.randint(4, 9))]


def npm_pkgs() -> list[tuple[str, str]]:
    pool = [
        "react",
        "react-dom",
        "vite",
        "typescript",
        "eslint",
        "@types/node",
        "lodash",
        "axios",
        "zod",
        "express",
        "@babel/core",
        "semver",
        "chalk",
        "esbuild",
        "rollup",
        "postcss",
        "tailwindcss",
        "vitest",
        "jest",
        "@testing-library/react",
        "prettier",
        "uuid",
        "debug",
        "ms",
    ]
    return [(p, ver()) for p in R.sample(pool, R.randint(4, 9))]


def crates() -> list[tuple[str, str]]:
    pool = [
        "serde",
        "serde_json",
        "tokio",
        "anyhow",
        "thiserror",
        "clap",
        "regex",
        "syn",
        "quote",
        "proc-macro2",
        "rand",
        "hyper",
        "reqwest",
        "tracing",
        "bytes",
        "futures",
        "itoa",
        "memchr",
        "libc",
        "once_cell",
    ]
    return [(p, ver()) for p in R.sample(pool, R.randint(4, 9))]


def src_path(ext: str) -> str:
    d = R.choice(["src", "lib", "pkg", "internal", "app", "tests"])
    return f"{d}/{word()}/{R.choice(WORDS)}{ext}"


def person() -> tuple[str, str]:
    first = R.choice(
        ["Ada", "Linus", "Grace", "Ken", "Barbara", "Dennis", "Margaret", "Guido", "Rob", "Frances"]
    )
    last = R.choice(
        [
            "Lovelace",
            "Hopper",
            "Thompson",
            "Liskov",
            "Ritchie",
            "Hamilton",
            "Pike",
            "Allen",
            "Kernighan",
        ]
    )
    return f"{first} {last}", f"{first.lower()}.{last.lower()}@example.org"


def date() -> str:
    return f"{R.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} {R.choice(['Mar', 'Apr', 'May', 'Jun', 'Oct', 'Nov'])} {R.randint(1, 28)} {R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02} 2026 +0{R.randint(0, 2)}00"


def iso() -> str:
    return f"2026-{R.randint(1, 12):02}-{R.randint(1, 28):02}T{R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02}.{R.randint(0, 999999):06}Z"


# ---------------------------------------------------------------- benign: test runners
def pytest_v() -> str:
    p = proj()
    mod = f"tests/test_{word()}.py"
    names = [test_name() for _ in range(R.randint(3, 7))]
    lines = [
        "============================= test session starts ==============================",
        f"platform linux -- Python 3.{R.randint(10, 13)}.{R.randint(0, 9)}, pytest-{R.choice(['7.4.4', '8.2.1', '8.3.3'])}, pluggy-1.{R.randint(3, 5)}.0 -- /srv/{p}/.venv/bin/python",
        "cachedir: .pytest_cache",
        f"rootdir: /srv/{p}",
        "configfile: pyproject.toml",
        f"plugins: xdist-3.{R.randint(3, 6)}.0, cov-{R.randint(4, 5)}.{R.randint(0, 1)}.0, anyio-4.{R.randint(0, 4)}.0",
        f"collected {len(names)} items",
        "",
    ]
    n = len(names)
    for i, t in enumerate(names):
        lines.append(f"{mod}::{t} PASSED{' ' * 20}[{100 * (i + 1) // n:3}%]")
    lines += [
        "",
        f"============================== {n} passed in {secs()}s ==============================",
    ]
    return "\n".join(lines)


def pytest_fail() -> str:
    t = test_name()
    mod = f"tests/test_{word()}.py"
    a, b = R.randint(200, 503), R.randint(200, 503)
    return "\n".join(
        [
            "=================================== FAILURES ===================================",
            f"_{'_' * 10} {t} {'_' * 10}",
            "",
            f"client = <starlette.testclient.TestClient object at 0x7f{hx(10)}>",
            "",
            f"    def {t}(client):",
            f'        resp = client.get("/api/v1/{word()}s/{R.randint(1, 999)}")',
            f">       assert resp.status_code == {a}",
            f"E       assert {b} == {a}",
            f"E        +  where {b} = <Response [{b}]>.status_code",
            "",
            f"{mod}:{R.randint(10, 300)}: AssertionError",
            "=========================== short test summary info ============================",
            f"FAILED {mod}::{t} - assert {b} == {a}",
            f"========================= 1 failed, {R.randint(5, 400)} passed, {R.randint(0, 9)} skipped in {secs()}s =========================",
        ]
    )


def pytest_summary() -> str:
    return "\n".join(
        [
            "---------- coverage: platform linux, python 3.12.4-final-0 -----------",
            "Name                          Stmts   Miss  Cover   Missing",
            "-----------------------------------------------------------",
            *[
                f"{src_path('.py'):30}{R.randint(10, 400):5}{R.randint(0, 40):7}{R.randint(60, 100):6}%   {R.randint(10, 99)}-{R.randint(100, 140)}, {R.randint(150, 300)}"
                for _ in range(R.randint(3, 6))
            ],
            "-----------------------------------------------------------",
            f"TOTAL                         {R.randint(900, 5000):5}{R.randint(10, 300):7}{R.randint(70, 99):6}%",
            "",
            f"{R.randint(20, 900)} passed, {R.randint(1, 9)} xfailed, {R.randint(1, 30)} warnings in {secs()}s",
        ]
    )


def jest() -> str:
    out = []
    for _ in range(R.randint(2, 5)):
        f = f"src/{word()}/{word()}.test.{R.choice(['js', 'ts', 'tsx'])}"
        out.append(f"{R.choice(['PASS', 'PASS', 'FAIL'])} {f} ({secs()} s)")
        out.append(f"  {camel(word())}{R.choice(['Service', 'Form', 'Store', 'Client'])}")
        for _ in range(R.randint(1, 3)):
            out.append(
                f"    {R.choice(['✓', '✓', '✕'])} {R.choice(ACTIONS)} {R.choice(OBJ)} ({ms()} ms)"
            )
    n = R.randint(10, 300)
    out += [
        "",
        f"Test Suites: {R.randint(0, 2)} failed, {R.randint(3, 40)} passed, {R.randint(4, 42)} total",
        f"Tests:       {R.randint(0, 5)} failed, {n} passed, {n + 3} total",
        f"Snapshots:   {R.randint(0, 20)} passed, {R.randint(0, 20)} total",
        f"Time:        {secs()} s",
        "Ran all test suites.",
    ]
    return "\n".join(out)


def vitest() -> str:
    out = [f" RUN  v{R.randint(1, 2)}.{R.randint(0, 6)}.{R.randint(0, 9)} /srv/{proj()}/web", ""]
    for _ in range(R.randint(2, 5)):
        out.append(f" ✓ src/{word()}/{word()}.spec.ts ({R.randint(1, 30)} tests) {ms()}ms")
    out += [
        "",
        f" Test Files  {R.randint(2, 30)} passed ({R.randint(2, 30)})",
        f"      Tests  {R.randint(10, 400)} passed ({R.randint(10, 400)})",
        f"   Start at  {R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02}",
        f"   Duration  {secs()}s (transform {ms()}ms, setup {ms()}ms, collect {ms()}ms, tests {ms()}ms, environment {ms()}ms, prepare {ms()}ms)",
    ]
    return "\n".join(out)


def go_test_v() -> str:
    out = []
    for _ in range(R.randint(2, 5)):
        t = go_test()
        out.append(f"=== RUN   {t}")
        if R.random() < 0.4:
            sub = f"{t}/{R.choice(['empty', 'valid_input', 'expired', 'unicode', 'large_body'])}"
            out += [f"=== RUN   {sub}", f"    --- PASS: {sub} (0.0{R.randint(0, 9)}s)"]
        out.append(
            f"--- {R.choice(['PASS', 'PASS', 'SKIP'])}: {t} ({R.randint(0, 3)}.{R.randint(0, 99):02}s)"
        )
    mod = f"github.com/{proj()}-io/{proj()}/internal/{word()}"
    out += ["PASS", f"ok  \t{mod}\t{secs()}s\tcoverage: {R.uniform(40, 99):.1f}% of statements"]
    return "\n".join(out)


def cargo_test() -> str:
    p = proj()
    n = R.randint(3, 8)
    out = [
        f"   Compiling {p} v{ver()} (/srv/{p})",
        f"    Finished `test` profile [unoptimized + debuginfo] target(s) in {secs()}s",
        f"     Running unittests src/lib.rs (target/debug/deps/{p}-{hx(16)})",
        "",
        f"running {n} tests",
    ]
    for _ in range(n):
        out.append(
            f"test {word()}::tests::{word()}_{R.choice(ACTIONS)}_{word()} ... {R.choice(['ok', 'ok', 'ok', 'ignored'])}"
        )
    out += [
        "",
        f"test result: ok. {n} passed; 0 failed; {R.randint(0, 2)} ignored; 0 measured; 0 filtered out; finished in {secs()}s",
        "",
        f"   Doc-tests {p}",
        "",
        "running 1 test",
        f"test src/{word()}.rs - {word()}::{camel(word())} (line {R.randint(10, 300)}) ... ok",
    ]
    return "\n".join(out)


def rspec() -> str:
    out = [f"{camel(word())}{R.choice(['Controller', 'Service', 'Job'])}"]
    for _ in range(R.randint(2, 4)):
        out.append(f"  #{word()}")
        out.append(f"    {R.choice(ACTIONS)} {R.choice(OBJ)}")
    n = R.randint(10, 400)
    out += [
        "",
        f"Finished in {secs()} seconds (files took {secs()} seconds to load)",
        f"{n} examples, 0 failures, {R.randint(0, 4)} pending",
        "",
        f"Randomized with seed {R.randint(1000, 65535)}",
        "",
        f"Coverage report generated for RSpec to /srv/{proj()}/coverage. {R.randint(1000, 9000)} / {R.randint(9000, 12000)} LOC ({R.uniform(70, 99):.2f}%) covered.",
    ]
    return "\n".join(out)


def phpunit() -> str:
    n = R.randint(10, 200)
    return "\n".join(
        [
            f"PHPUnit {R.randint(9, 11)}.{R.randint(0, 5)}.{R.randint(0, 20)} by Sebastian Bergmann and contributors.",
            "",
            f"Runtime:       PHP 8.{R.randint(1, 3)}.{R.randint(0, 12)}",
            "Configuration: /srv/app/phpunit.xml",
            "",
            "." * min(n, 63) + f" {min(n, 63)} / {n} ({100 * min(n, 63) // n}%)",
            "",
            f"Time: 00:0{R.randint(0, 9)}.{R.randint(100, 999)}, Memory: {R.randint(10, 90)}.00 MB",
            "",
            f"OK ({n} tests, {n * 3} assertions)",
        ]
    )


def mocha_tap() -> str:
    n = R.randint(3, 8)
    out = ["TAP version 13", f"1..{n}"]
    for i in range(n):
        out.append(
            f"{R.choice(['ok', 'ok', 'not ok'])} {i + 1} {camel(word())} {R.choice(ACTIONS)} {R.choice(OBJ)}"
        )
        if out[-1].startswith("not ok"):
            out += [
                "  ---",
                f"  message: 'expected {R.randint(1, 9)} to equal {R.randint(10, 20)}'",
                "  severity: fail",
                f"  at: test/{word()}.spec.js:{R.randint(5, 200)}:{R.randint(3, 40)}",
                "  ...",
            ]
    out += [f"# tests {n}", f"# pass {n - 1}", "# fail 1"]
    return "\n".join(out)


def junit_xml() -> str:
    cls = f"com.{proj()}.{word()}.{camel(word())}Test"
    cases = [
        f'  <testcase name="{word()}{camel(R.choice(ACTIONS))}" classname="{cls}" time="{R.uniform(0, 2):.3f}"/>'
        for _ in range(R.randint(2, 5))
    ]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuite name="{cls}" tests="{len(cases)}" skipped="0" failures="0" errors="0" timestamp="{iso()[:19]}" hostname="runner-{hx(8)}" time="{secs()}">',
            "  <properties/>",
            *cases,
            "  <system-out><![CDATA[]]></system-out>",
            "</testsuite>",
        ]
    )


def coverage_table() -> str:
    rows = [
        f" {src_path('.ts'):28}|{R.uniform(50, 100):7.2f} |{R.uniform(50, 100):8.2f} |{R.uniform(50, 100):7.2f} |{R.uniform(50, 100):7.2f} | {R.randint(10, 90)}-{R.randint(91, 130)}"
        for _ in range(R.randint(3, 6))
    ]
    return "\n".join(
        [
            "-----------------------------|---------|----------|---------|---------|-------------------",
            "File                         | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s ",
            "-----------------------------|---------|----------|---------|---------|-------------------",
            f"All files                    |{R.uniform(70, 99):7.2f} |{R.uniform(60, 99):8.2f} |{R.uniform(70, 99):7.2f} |{R.uniform(70, 99):7.2f} |",
            *rows,
            "-----------------------------|---------|----------|---------|---------|-------------------",
        ]
    )


# ---------------------------------------------------------------- benign: builds
def cargo_build() -> str:
    out = ["    Updating crates.io index", *[f"  Downloaded {c} v{v}" for c, v in crates()[:3]]]
    out += [f"   Compiling {c} v{v}" for c, v in crates()]
    p = proj()
    out += [
        f"   Compiling {p} v{ver()} (/srv/{p})",
        f"warning: unused variable: `{word()}`",
        f"  --> src/{word()}.rs:{R.randint(5, 300)}:{R.randint(5, 30)}",
        "   |",
        f"{R.randint(5, 300)} |     let {word()} = {word()}_id.clone();",
        "   |         ^^^^ help: if this is intentional, prefix it with an underscore",
        "",
        f"warning: `{p}` (lib) generated 1 warning",
        f"    Finished `release` profile [optimized] target(s) in {R.randint(0, 3)}m {R.randint(1, 59)}s",
    ]
    return "\n".join(out)


def go_build() -> str:
    mod = f"github.com/{proj()}-io/{proj()}"
    return "\n".join(
        [
            f"go: downloading {m} v{ver()}"
            for m in R.sample(
                [
                    "github.com/spf13/cobra",
                    "golang.org/x/sync",
                    "github.com/google/uuid",
                    "go.uber.org/zap",
                    "github.com/stretchr/testify",
                    "google.golang.org/grpc",
                    "github.com/prometheus/client_golang",
                ],
                3,
            )
        ]
        + [
            f"# {mod}/internal/{word()}",
            f"internal/{word()}/{word()}.go:{R.randint(5, 300)}:{R.randint(2, 40)}: declared and not used: {word()}ID",
            f"internal/{word()}/{word()}.go:{R.randint(5, 300)}:{R.randint(2, 40)}: undefined: {camel(word())}Options",
        ]
    )


def tsc() -> str:
    out = []
    for _ in range(R.randint(1, 4)):
        out.append(
            f"src/{word()}/{word()}.ts({R.randint(1, 300)},{R.randint(1, 60)}): error TS{R.choice([2322, 2339, 2345, 7006, 2532, 18048])}: {R.choice(['Property', 'Argument of type'])} '{word()}Id' {R.choice(['does not exist on type', 'is not assignable to parameter of type'])} '{camel(word())}Props'."
        )
    out.append(f"\nFound {len(out)} errors in {len(out)} files.")
    return "\n".join(out)


def vite_build() -> str:
    out = [
        f"vite v{R.randint(4, 6)}.{R.randint(0, 4)}.{R.randint(0, 12)} building for production...",
        f"✓ {R.randint(40, 2000)} modules transformed.",
    ]
    for ext, kind in (("html", ""), ("css", "assets/"), ("js", "assets/"), ("js", "assets/")):
        name = (
            "index"
            if ext == "html"
            else f"{R.choice(['index', 'vendor', word()])}-{b64(6).replace('+', 'x').replace('/', '_')[:8]}"
        )
        size = R.uniform(0.4, 600)
        out.append(f"dist/{kind}{name}.{ext}{' ' * 4}{size:8.2f} kB │ gzip: {size / 3:7.2f} kB")
    out.append(f"✓ built in {secs()}s")
    return "\n".join(out)


def webpack() -> str:
    h = hx(20)
    return "\n".join(
        [
            f"asset main.{hx(20)}.js {R.randint(100, 900)} KiB [emitted] [immutable] [minimized] [big] (name: main) 2 related assets",
            f"asset {R.randint(100, 999)}.{hx(8)}.js {R.randint(1, 90)} KiB [emitted] [immutable] [minimized]",
            f"orphan modules {R.randint(1, 9)}.{R.randint(1, 9)} MiB [orphan] {R.randint(100, 900)} modules",
            f"runtime modules {R.randint(1, 9)}.{R.randint(1, 9)} KiB {R.randint(5, 15)} modules",
            f"cacheable modules {R.randint(1, 9)}.{R.randint(1, 9)} MiB",
            f"  ./src/index.tsx + {R.randint(10, 200)} modules {R.randint(100, 999)} KiB [built] [code generated]",
            f"webpack 5.{R.randint(80, 95)}.0 compiled successfully in {R.randint(2000, 40000)} ms",
            f"Hash: {h}",
        ]
    )


def gradle() -> str:
    p = proj()
    tasks = [
        "compileJava",
        "processResources",
        "classes",
        "jar",
        "compileTestJava",
        "test",
        "check",
        "build",
    ]
    return "\n".join(
        [
            f"> Task :{p}:{t}" + R.choice(["", " UP-TO-DATE", " FROM-CACHE", " NO-SOURCE"])
            for t in tasks
        ]
        + [
            "",
            "BUILD SUCCESSFUL in " + f"{R.randint(3, 90)}s",
            f"{R.randint(8, 40)} actionable tasks: {R.randint(1, 8)} executed, {R.randint(1, 30)} up-to-date",
            "",
            "Publishing build scan...",
            f"https://gradle.com/s/{''.join(R.choice('abcdefghijklmnopqrstuvwxyz234567') for _ in range(13))}",
        ]
    )


def maven() -> str:
    p = proj()
    return "\n".join(
        [
            "[INFO] Scanning for projects...",
            "[INFO] ",
            f"[INFO] -------------------< com.{p}:{p}-api >-------------------",
            f"[INFO] Building {p}-api {ver()}-SNAPSHOT",
            "[INFO]   from pom.xml",
            "[INFO] --------------------------------[ jar ]---------------------------------",
            f"[INFO] --- surefire:3.{R.randint(0, 5)}.{R.randint(0, 3)}:test (default-test) @ {p}-api ---",
            "[INFO] -------------------------------------------------------",
            "[INFO]  T E S T S",
            "[INFO] -------------------------------------------------------",
            f"[INFO] Running com.{p}.{camel(word())}ServiceTest",
            f"[INFO] Tests run: {R.randint(1, 40)}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {R.uniform(0, 9):.3f} s -- in com.{p}.{camel(word())}ServiceTest",
            "[INFO] ",
            f"[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/{R.choice(['slf4j/slf4j-api', 'junit/jupiter/junit-jupiter-api', 'apache/commons/commons-lang3'])}/{ver()}/x-{ver()}.jar ({R.randint(10, 900)} kB at {R.uniform(0.5, 9):.1f} MB/s)",
            "[INFO] BUILD SUCCESS",
            "[INFO] ------------------------------------------------------------------------",
            f"[INFO] Total time:  {R.uniform(2, 90):.3f} s",
            f"[INFO] Finished at: {iso()[:19]}Z",
        ]
    )


def make_out() -> str:
    out = []
    for f in R.sample(WORDS, R.randint(2, 5)):
        out.append(f"cc -O2 -Wall -Wextra -g -Iinclude -c src/{f}.c -o build/{f}.o")
    out += [
        f"cc -o build/{proj()} build/*.o -lpthread -lm",
        f"make[1]: Leaving directory '/srv/{proj()}/src'",
        f"make: *** [Makefile:{R.randint(10, 90)}: build/{word()}.o] Error 1"
        if R.random() < 0.3
        else "make: Nothing to be done for 'all'.",
    ]
    return "\n".join(out)


def cmake_ninja() -> str:
    n = R.randint(8, 60)
    out = [
        f"-- The C compiler identification is GNU {R.randint(11, 14)}.{R.randint(1, 3)}.0",
        "-- Detecting CXX compiler ABI info - done",
        f'-- Found OpenSSL: /usr/lib/x86_64-linux-gnu/libcrypto.so (found version "3.0.{R.randint(2, 14)}")',
        "-- Configuring done (0.4s)",
        "-- Generating done (0.0s)",
        f"-- Build files have been written to: /srv/{proj()}/build",
    ]
    for i in (1, n // 2, n):
        out.append(f"[{i}/{n}] Building CXX object src/CMakeFiles/{proj()}.dir/{word()}.cpp.o")
    out.append(f"[{n}/{n}] Linking CXX executable bin/{proj()}")
    return "\n".join(out)


def nix_build() -> str:
    p = proj()
    drv = f"/nix/store/{nixhash()}-{p}-{ver()}.drv"
    return "\n".join(
        [
            f"these {R.randint(2, 9)} derivations will be built:",
            f"  {drv}",
            f"  /nix/store/{nixhash()}-python3.12-{word()}-{ver()}.drv",
            f"these {R.randint(2, 40)} paths will be fetched ({R.uniform(1, 90):.2f} MiB download, {R.uniform(10, 400):.2f} MiB unpacked):",
            f"  /nix/store/{nixhash()}-openssl-3.0.{R.randint(10, 14)}",
            f"  /nix/store/{nixhash()}-glibc-2.39-{R.randint(5, 52)}",
            f"building '{drv}'...",
            f"{p}> Running phase: unpackPhase",
            f"{p}> unpacking source archive /nix/store/{nixhash()}-source",
            f"{p}> Running phase: installPhase",
            f"error: hash mismatch in fixed-output derivation '/nix/store/{nixhash()}-{p}-vendor.drv':",
            f"         specified: sha256-{b64(32)}",
            f"            got:    sha256-{b64(32)}",
        ]
        if R.random() < 0.4
        else [
            f"these {R.randint(2, 9)} derivations will be built:",
            f"  {drv}",
            f"building '{drv}'...",
            f"/nix/store/{nixhash()}-{p}-{ver()}",
        ]
    )


def nix_log() -> str:
    p = proj()
    return "\n".join(
        [
            f"$ nix log /nix/store/{nixhash()}-{p}-{ver()}.drv",
            "Running phase: unpackPhase",
            f"unpacking source archive /nix/store/{nixhash()}-source",
            "source root is source",
            "Running phase: patchPhase",
            "Running phase: configurePhase",
            "no configure script, doing nothing",
            "Running phase: buildPhase",
            f"build flags: -j{R.choice([2, 4, 8])} SHELL=/nix/store/{nixhash()}-bash-5.2p32/bin/bash",
            f"shrinking /nix/store/{nixhash()}-{p}-{ver()}/bin/{p}",
            f"checking for references to /build/ in /nix/store/{nixhash()}-{p}-{ver()}...",
            f"patching script interpreter paths in /nix/store/{nixhash()}-{p}-{ver()}",
        ]
    )


def bazel() -> str:
    return "\n".join(
        [
            f"INFO: Analyzed target //{word()}:{word()}_lib (0 packages loaded, {R.randint(0, 900)} targets configured).",
            "INFO: Found 1 target...",
            f"Target //{word()}:{word()}_test up-to-date:",
            f"  bazel-bin/{word()}/{word()}_test",
            f"INFO: Elapsed time: {secs()}s, Critical Path: {secs()}s",
            f"INFO: {R.randint(1, 900)} processes: {R.randint(1, 300)} internal, {R.randint(1, 300)} linux-sandbox.",
            "INFO: Build completed successfully, " + f"{R.randint(1, 900)} total actions",
            f"//{word()}:{word()}_test{' ' * 30}PASSED in {secs()}s",
            "",
            "Executed 1 out of 1 test: 1 test passes.",
        ]
    )


# ---------------------------------------------------------------- benign: package managers
def npm_install() -> str:
    return "\n".join(
        [
            f"npm warn deprecated {R.choice(['inflight@1.0.6', 'glob@7.2.3', 'rimraf@3.0.2'])}: This module is not supported, and leaks memory.",
            "",
            f"added {R.randint(50, 1500)} packages, removed {R.randint(0, 9)} packages, changed {R.randint(0, 30)} packages, and audited {R.randint(50, 1600)} packages in {R.randint(2, 90)}s",
            "",
            f"{R.randint(50, 300)} packages are looking for funding",
            "  run `npm fund` for details",
            "",
            f"{R.randint(1, 9)} vulnerabilities ({R.randint(0, 3)} moderate, {R.randint(0, 3)} high)",
            "",
            "To address all issues, run:",
            "  npm audit fix",
        ]
    )


def npm_audit() -> str:
    pk = R.choice(
        ["semver", "braces", "micromatch", "ws", "follow-redirects", "cross-spawn", "nanoid"]
    )
    return "\n".join(
        [
            "# npm audit report",
            "",
            f"{pk}  <{ver()}",
            f"Severity: {R.choice(['moderate', 'high'])}",
            f"{camel(R.choice(['Regular Expression Denial of Service', 'Uncontrolled resource consumption', 'Improper Input Validation']))} in {pk} - https://github.com/advisories/GHSA-{'-'.join(''.join(R.choice('23456789cfghjmpqrvwx') for _ in range(4)) for _ in range(3))}",
            "fix available via `npm audit fix`",
            f"node_modules/{pk}",
            "",
            f"{R.randint(1, 9)} {R.choice(['moderate', 'high'])} severity vulnerabilities",
        ]
    )


def pnpm_yarn() -> str:
    if R.random() < 0.5:
        return "\n".join(
            [
                "Lockfile is up to date, resolution step is skipped",
                f"Packages: +{R.randint(10, 900)}",
                "+" * 60,
                f"Progress: resolved {R.randint(10, 900)}, reused {R.randint(10, 900)}, downloaded 0, added {R.randint(10, 900)}, done",
                "",
                "dependencies:",
                *[f"+ {p} {v}" for p, v in npm_pkgs()],
                "",
                f"Done in {secs()}s",
            ]
        )
    return "\n".join(
        [
            "➤ YN0000: ┌ Resolution step",
            "➤ YN0000: └ Completed",
            "➤ YN0000: ┌ Fetch step",
            f"➤ YN0013: │ {R.randint(10, 900)} packages were added to the project (+ {R.uniform(1, 90):.2f} MiB).",
            "➤ YN0000: └ Completed in " + f"{secs()}s",
            "➤ YN0000: ┌ Link step",
            f"➤ YN0007: │ esbuild@npm:0.{R.randint(17, 24)}.{R.randint(0, 12)} must be built because it never has been before or the last one failed",
            "➤ YN0000: └ Completed",
            f"➤ YN0000: Done with warnings in {secs()}s",
        ]
    )


def yarn_lock() -> str:
    out = []
    for p, v in npm_pkgs()[:4]:
        out += [
            f'"{p}@^{v}":',
            f'  version "{v}"',
            f'  resolved "https://registry.yarnpkg.com/{p}/-/{p.split("/")[-1]}-{v}.tgz#{sha()}"',
            f"  integrity {sri()}",
            "",
        ]
    return "\n".join(out)


def pip_install() -> str:
    ps = pkgs()
    out = [
        f"Collecting {ps[0][0]}=={ps[0][1]}",
        f"  Downloading {ps[0][0].replace('-', '_')}-{ps[0][1]}-py3-none-any.whl.metadata ({R.uniform(1, 9):.1f} kB)",
        f"Collecting {ps[1][0]}>={ps[1][1]} (from {ps[0][0]}=={ps[0][1]})",
        f"  Using cached {ps[1][0].replace('-', '_')}-{ps[1][1]}-py3-none-any.whl ({R.randint(20, 900)} kB)",
        f"Downloading {ps[2][0].replace('-', '_')}-{ps[2][1]}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl ({R.uniform(1, 19):.1f} MB)",
        "   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ "
        + f"{R.uniform(1, 19):.1f}/{R.uniform(1, 19):.1f} MB {R.uniform(1, 90):.1f} MB/s eta 0:00:00",
        "Installing collected packages: " + ", ".join(p for p, _ in ps),
        "Successfully installed " + " ".join(f"{p}-{v}" for p, v in ps),
    ]
    return "\n".join(out)


def pip_freeze() -> str:
    out = [f"{p}=={v}" for p, v in pkgs()]
    out.insert(
        R.randint(0, len(out)),
        f"{proj()} @ git+https://github.com/{proj()}-io/{proj()}.git@{sha()}",
    )
    return "\n".join(out)


def poetry_uv() -> str:
    if R.random() < 0.5:
        return "\n".join(
            [
                f"Resolved {R.randint(10, 200)} packages in {ms()}ms",
                f"Prepared {R.randint(1, 9)} packages in {ms()}ms",
                f"Installed {R.randint(1, 40)} packages in {ms()}ms",
                *[f" {R.choice(['+', '+', '-'])} {p}=={v}" for p, v in pkgs()],
            ]
        )
    out = [
        "Updating dependencies",
        "Resolving dependencies... (" + f"{secs()}s)",
        "",
        "Package operations: "
        + f"{R.randint(1, 9)} installs, {R.randint(0, 5)} updates, 0 removals",
        "",
    ]
    out += [f"  - Installing {p} ({v})" for p, v in pkgs()]
    out += ["", "Writing lock file"]
    return "\n".join(out)


def uv_lock_file() -> str:
    p, v = pkgs()[0]
    n = p.replace("-", "_")
    return "\n".join(
        [
            "[[package]]",
            f'name = "{p}"',
            f'version = "{v}"',
            'source = { registry = "https://pypi.org/simple" }',
            f'sdist = {{ url = "https://files.pythonhosted.org/packages/{hx(2)}/{hx(2)}/{hx(60)}/{n}-{v}.tar.gz", hash = "sha256:{hx(64)}", size = {R.randint(10000, 900000)} }}',
            "wheels = [",
            f'    {{ url = "https://files.pythonhosted.org/packages/{hx(2)}/{hx(2)}/{hx(60)}/{n}-{v}-py3-none-any.whl", hash = "sha256:{hx(64)}", size = {R.randint(10000, 900000)} }},',
            "]",
        ]
    )


def cargo_update() -> str:
    return "\n".join(
        [
            "    Updating crates.io index",
            "     Locking " + f"{R.randint(2, 20)} packages to latest compatible versions",
        ]
        + [f"    Updating {c} v{v} -> v{ver()}" for c, v in crates()]
        + [
            f"      Adding {crates()[0][0]} v{ver()}",
            f"note: pass `--verbose` to see {R.randint(1, 40)} unchanged dependencies behind latest",
        ]
    )


def go_mod() -> str:
    if R.random() < 0.5:
        ms_ = [
            "github.com/spf13/cobra",
            "golang.org/x/net",
            "github.com/google/uuid",
            "go.uber.org/zap",
            "github.com/stretchr/testify",
        ]
        return "\n".join(
            f"{m} v{ver()} h1:{b64(32)}" + ("\n" + f"{m} v{ver()}/go.mod h1:{b64(32)}")
            for m in R.sample(ms_, 3)
        )
    return "\n".join(
        [
            f"go: finding module for package github.com/{proj()}-io/{word()}",
            f"go: found github.com/{proj()}-io/{word()} in github.com/{proj()}-io/{word()} v0.0.0-2026{R.randint(1, 12):02}{R.randint(10, 28)}{R.randint(100000, 235959)}-{hx(12)}",
            f"go: upgraded golang.org/x/sys v0.{R.randint(10, 30)}.0 => v0.{R.randint(31, 40)}.0",
        ]
    )


def apt() -> str:
    ps = R.sample(
        [
            "libssl3",
            "openssl",
            "curl",
            "libcurl4",
            "git",
            "ca-certificates",
            "tzdata",
            "libc6",
            "python3.12",
            "jq",
        ],
        4,
    )
    return "\n".join(
        [
            "Reading package lists... Done",
            "Building dependency tree... Done",
            "Reading state information... Done",
            "The following packages will be upgraded:",
            "  " + " ".join(ps),
            f"{len(ps)} upgraded, 0 newly installed, 0 to remove and {R.randint(0, 40)} not upgraded.",
            f"Need to get {R.uniform(1, 90):.1f} MB of archives.",
            *[
                f"Get:{i + 1} http://deb.debian.org/debian bookworm/main amd64 {p} amd64 {R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}-{R.randint(1, 9)}+deb12u{R.randint(1, 9)} [{R.randint(10, 9000)} kB]"
                for i, p in enumerate(ps)
            ],
            f"Fetched {R.uniform(1, 90):.1f} MB in {R.randint(1, 9)}s ({R.uniform(1, 9):.1f} MB/s)",
        ]
    )


def brew() -> str:
    f = R.choice(["ripgrep", "jq", "gh", "node", "go", "python@3.12", "postgresql@16", "fd"])
    v = ver()
    return "\n".join(
        [
            f"==> Downloading https://ghcr.io/v2/homebrew/core/{f.replace('@', '/')}/manifests/{v}",
            "######################################################################## 100.0%",
            f"==> Fetching {f}",
            f"==> Downloading https://ghcr.io/v2/homebrew/core/{f.replace('@', '/')}/blobs/sha256:{hx(64)}",
            f"==> Pouring {f}--{v}.arm64_sonoma.bottle.tar.gz",
            f"🍺  /opt/homebrew/Cellar/{f}/{v}: {R.randint(10, 4000)} files, {R.uniform(1, 200):.1f}MB",
        ]
    )


# ---------------------------------------------------------------- benign: linters
def ruff_out() -> str:
    out = []
    for _ in range(R.randint(1, 5)):
        code = R.choice(["F401", "E501", "B008", "UP006", "SIM108", "RUF012", "I001", "PLR2004"])
        out.append(
            f"{src_path('.py')}:{R.randint(1, 400)}:{R.randint(1, 80)}: {code} {R.choice(['`os` imported but unused', 'Line too long (121 > 100)', 'Magic value used in comparison', 'Use ternary operator instead of `if`-`else`-block'])}"
        )
    out.append(
        f"Found {len(out)} errors.\n[*] {R.randint(0, len(out))} fixable with the `--fix` option."
    )
    return "\n".join(out)


MYPY_MSGS = [
    'Incompatible types in assignment (expression has type "str | None", variable has type "str")',
    "Missing return statement",
    "Function is missing a type annotation",
    'Item "None" of "Optional[Match[str]]" has no attribute "group"',
]
ESLINT_MSGS = [
    "'useState' is defined but never used",
    "React Hook useEffect has a missing dependency",
    "Unexpected any. Specify a different type",
    "Expected '===' and instead saw '=='",
]


def mypy_out() -> str:
    out = [
        f"{src_path('.py')}:{R.randint(1, 400)}: error: {R.choice(MYPY_MSGS)}  [{R.choice(['assignment', 'return', 'no-untyped-def', 'union-attr'])}]"
        for _ in range(R.randint(1, 4))
    ]
    out.append(
        f"Found {len(out)} errors in {len(out)} files (checked {R.randint(10, 200)} source files)"
    )
    return "\n".join(out)


def eslint_out() -> str:
    f = f"/srv/{proj()}/web/src/{word()}/{camel(word())}.tsx"
    rows = [
        f"  {R.randint(1, 300)}:{R.randint(1, 60)}  {R.choice(['error', 'warning'])}  {R.choice(ESLINT_MSGS)}  {R.choice(['@typescript-eslint/no-unused-vars', 'react-hooks/exhaustive-deps', '@typescript-eslint/no-explicit-any', 'eqeqeq'])}"
        for _ in range(R.randint(1, 4))
    ]
    return "\n".join([f, *rows, "", f"✖ {len(rows)} problems ({len(rows)} errors, 0 warnings)"])


def prettier_out() -> str:
    fs = [
        f"src/{word()}/{word()}.{R.choice(['ts', 'tsx', 'css', 'md', 'json'])}"
        for _ in range(R.randint(2, 6))
    ]
    if R.random() < 0.5:
        return "\n".join(
            [
                "Checking formatting...",
                *[f"[warn] {f}" for f in fs],
                "[warn] Code style issues found in "
                + f"{len(fs)} files. Run Prettier with --write to fix.",
            ]
        )
    return "\n".join(f"{f} {ms()}ms" + R.choice(["", " (unchanged)"]) for f in fs)


def clippy() -> str:
    return "\n".join(
        [
            f"    Checking {proj()} v{ver()} (/srv/{proj()})",
            "warning: this `if` has identical blocks",
            f"  --> src/{word()}.rs:{R.randint(5, 300)}:{R.randint(5, 30)}",
            "   |",
            f"{R.randint(5, 300)} |         if {word()}.is_empty() {{",
            "   |                              ^",
            "   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#if_same_then_else",
            "   = note: `#[warn(clippy::if_same_then_else)]` on by default",
            "",
            f"warning: `{proj()}` (lib) generated 1 warning",
            f"    Finished `dev` profile [unoptimized + debuginfo] target(s) in {secs()}s",
        ]
    )


def shellcheck() -> str:
    f = f"scripts/{word()}.sh"
    ln = R.randint(3, 200)
    return "\n".join(
        [
            f"In {f} line {ln}:",
            f'cp $SRC_DIR/{word()}.conf "$DEST"',
            "   ^------^ SC2086 (info): Double quote to prevent globbing and word splitting.",
            "",
            "Did you mean:",
            f'cp "$SRC_DIR"/{word()}.conf "$DEST"',
            "",
            "For more information:",
            "  https://www.shellcheck.net/wiki/SC2086 -- Double quote to prevent globbing ...",
        ]
    )


def golangci() -> str:
    out = [
        f"internal/{word()}/{word()}.go:{R.randint(1, 300)}:{R.randint(1, 40)}: {R.choice(['Error return value of `resp.Body.Close` is not checked (errcheck)', 'ineffectual assignment to err (ineffassign)', 'S1039: unnecessary use of fmt.Sprintf (gosimple)', 'G104: Errors unhandled. (gosec)'])}"
        for _ in range(R.randint(1, 4))
    ]
    out.append(f"{len(out)} issues:\n* errcheck: {R.randint(0, 3)}\n* gosimple: {R.randint(0, 3)}")
    return "\n".join(out)


# ---------------------------------------------------------------- benign: git
def git_log_stat() -> str:
    name, mail = person()
    fs = [src_path(R.choice([".py", ".go", ".ts", ".rs"])) for _ in range(R.randint(1, 4))]
    ins = [R.randint(1, 90) for _ in fs]
    return "\n".join(
        [
            f"commit {sha()}",
            f"Author: {name} <{mail}>",
            f"Date:   {date()}",
            "",
            f"    {R.choice(['fix', 'feat', 'refactor', 'test'])}({word()}): {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "",
            f"    Closes #{R.randint(10, 999)}",
            "",
            *[f" {f:40} | {n:3} {'+' * min(n, 20)}" for f, n in zip(fs, ins, strict=True)],
            f" {len(fs)} files changed, {sum(ins)} insertions(+), {R.randint(0, 40)} deletions(-)",
        ]
    )


def git_log_oneline() -> str:
    return "\n".join(
        f"{hx(R.choice([7, 8, 9]))} {R.choice(['(HEAD -> main, origin/main) ', '', '', '(tag: v' + ver() + ') '])}{R.choice(['fix', 'feat', 'chore', 'docs', 'test'])}: {R.choice(ACTIONS)} {R.choice(OBJ)}"
        for _ in range(R.randint(4, 10))
    )


def git_show() -> str:
    f = src_path(".py")
    a, b = hx(7), hx(7)
    return "\n".join(
        [
            f"commit {sha()} (HEAD -> {word()}-{R.choice(ACTIONS)})",
            "Merge: " + f"{hx(7)} {hx(7)}" if R.random() < 0.2 else f"commit {sha()}",
            f"Date:   {date()}",
            "",
            f"    {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "",
            f"diff --git a/{f} b/{f}",
            f"index {a}..{b} 100644",
            f"--- a/{f}",
            f"+++ b/{f}",
            f"@@ -{R.randint(1, 200)},7 +{R.randint(1, 200)},8 @@ def {word()}_{R.choice(ACTIONS)}(self, {word()}_id: str) -> None:",
            f"     {word()} = self._load({word()}_id)",
            f"-    if {word()} is None:",
            f"+    if {word()} is None or not {word()}.active:",
            f"         raise {camel(word())}NotFound({word()}_id)",
        ]
    )


def git_diff() -> str:
    f = f"{R.choice(['package.json', 'go.mod', 'Cargo.toml', 'pyproject.toml'])}"
    if f == "package.json":
        body = [f'-    "{p}": "^{v}",\n+    "{p}": "^{ver()}",' for p, v in npm_pkgs()[:2]]
    elif f == "go.mod":
        body = [
            f"-\tgithub.com/{m} v{ver()}\n+\tgithub.com/{m} v{ver()}"
            for m in ("google/uuid", "spf13/cobra")
        ]
    else:
        body = [f'-{c} = "{v}"\n+{c} = "{ver()}"' for c, v in crates()[:2]]
    return "\n".join(
        [
            f"diff --git a/{f} b/{f}",
            f"index {hx(9)}..{hx(9)} 100644",
            f"--- a/{f}",
            f"+++ b/{f}",
            f"@@ -{R.randint(5, 40)},{R.randint(3, 9)} +{R.randint(5, 40)},{R.randint(3, 9)} @@",
            *body,
        ]
    )


def git_blame() -> str:
    out = []
    for i in range(R.randint(3, 7)):
        name, _ = person()
        out.append(
            f"{hx(8)} ({name:18} 2026-{R.randint(1, 12):02}-{R.randint(1, 28):02} {R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02} +0{R.randint(0, 2)}00 {40 + i:3}) {R.choice(['    return ' + word(), '    if not ' + word() + ':', '        raise ValueError(' + repr(word()) + ')', '    ' + word() + '_id = uuid4().hex'])}"
        )
    return "\n".join(out)


def git_reflog() -> str:
    return "\n".join(
        f"{hx(7)} HEAD@{{{i}}}: {R.choice(['commit: ' + R.choice(ACTIONS) + ' ' + R.choice(OBJ), 'checkout: moving from main to ' + word() + '-fix', 'rebase (finish): returning to refs/heads/' + word(), 'pull: Fast-forward', 'reset: moving to HEAD~1', 'commit (amend): ' + R.choice(ACTIONS) + ' ' + word()])}"
        for i in range(R.randint(4, 9))
    )


def git_status() -> str:
    b = f"{word()}-{R.choice(ACTIONS)}"
    return "\n".join(
        [
            f"On branch {b}",
            f"Your branch is ahead of 'origin/{b}' by {R.randint(1, 9)} commits.",
            '  (use "git push" to publish your local commits)',
            "",
            "Changes not staged for commit:",
            '  (use "git add <file>..." to update what will be committed)',
            *[f"\tmodified:   {src_path('.py')}" for _ in range(R.randint(1, 4))],
            "",
            "Untracked files:",
            f"\t{src_path('.py')}",
            "",
            'no changes added to commit (use "git add" and/or "git commit -a")',
        ]
    )


def git_rebase_todo() -> str:
    return "\n".join(
        [
            *[
                f"{R.choice(['pick', 'pick', 'squash', 'fixup', 'reword'])} {hx(7)} {R.choice(ACTIONS)} {R.choice(OBJ)}"
                for _ in range(R.randint(3, 6))
            ],
            "",
            f"# Rebase {hx(7)}..{hx(7)} onto {hx(7)} ({R.randint(3, 6)} commands)",
            "#",
            "# Commands:",
            "# p, pick <commit> = use commit",
            '# f, fixup [-C | -c] <commit> = like "squash" but keep only the previous',
        ]
    )


def git_bisect() -> str:
    s = sha()
    return "\n".join(
        [
            f"Bisecting: {R.randint(2, 200)} revisions left to test after this (roughly {R.randint(1, 8)} steps)",
            f"[{sha()}] {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "$ git bisect bad",
            f"{s} is the first bad commit",
            f"commit {s}",
            f"Date:   {date()}",
            "",
            f"    {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "",
            f" {src_path('.go')} | {R.randint(1, 30)} ++++++----",
        ]
    )


# ---------------------------------------------------------------- benign: containers and clusters
def docker_build() -> str:
    p = proj()
    return "\n".join(
        [
            '#0 building with "default" instance using docker driver',
            "",
            "#1 [internal] load build definition from Dockerfile",
            "#1 transferring dockerfile: " + f"{R.randint(300, 3000)}B done",
            "#1 DONE 0.0s",
            "",
            "#2 [internal] load metadata for docker.io/library/python:3.12-slim",
            "#2 DONE " + f"{R.uniform(0.2, 2):.1f}s",
            "",
            f"#5 [builder 1/6] FROM docker.io/library/python:3.12-slim@sha256:{hx(64)}",
            f"#5 resolve docker.io/library/python:3.12-slim@sha256:{hx(64)} done",
            f"#5 sha256:{hx(64)} {R.uniform(1, 40):.2f}MB / {R.uniform(1, 40):.2f}MB {R.uniform(0.2, 4):.1f}s done",
            "#5 CACHED",
            "",
            "#9 [builder 4/6] RUN pip install --no-cache-dir -r requirements.txt",
            f"#9 {R.uniform(2, 30):.3f} Successfully installed "
            + " ".join(f"{a}-{b}" for a, b in pkgs()[:3]),
            "#9 DONE " + f"{R.uniform(2, 30):.1f}s",
            "",
            "#12 exporting to image",
            "#12 exporting layers " + f"{R.uniform(0.1, 3):.1f}s done",
            f"#12 writing image sha256:{hx(64)} done",
            f"#12 naming to docker.io/{p}/{word()}:{ver()} done",
            "#12 DONE " + f"{R.uniform(0.1, 3):.1f}s",
        ]
    )


def docker_ps() -> str:
    out = [
        "CONTAINER ID   IMAGE                          COMMAND                  CREATED        STATUS                  PORTS                    NAMES"
    ]
    for _ in range(R.randint(2, 5)):
        out.append(
            f'{hx(12)}   {proj()}/{word()}:{ver():18}   "{R.choice(["docker-entrypoint.s…", "/bin/sh -c ./start…", "uvicorn app.main:a…"])}"   {R.randint(2, 50)} hours ago   Up {R.randint(2, 50)} hours (healthy)   0.0.0.0:{R.randint(3000, 9000)}->{R.randint(80, 9000)}/tcp   {proj()}-{word()}-{R.randint(1, 3)}'
        )
    return "\n".join(out)


def docker_images() -> str:
    out = ["REPOSITORY                 TAG       IMAGE ID       CREATED        SIZE"]
    for _ in range(R.randint(2, 6)):
        out.append(
            f"{R.choice(['ghcr.io/', '', 'registry.example.com/'])}{proj()}/{word():12} {R.choice(['latest', ver(), 'main-' + hx(7)]):9} {hx(12)}   {R.randint(2, 9)} days ago     {R.randint(40, 900)}MB"
        )
    if R.random() < 0.5:
        out.append(
            f"<none>                     <none>    {hx(12)}   {R.randint(2, 9)} weeks ago    {R.randint(40, 900)}MB"
        )
    return "\n".join(out)


def docker_logs() -> str:
    return "\n".join(
        [
            f"{iso()} INFO:     Started server process [{R.randint(1, 99)}]",
            f"{iso()} INFO:     Waiting for application startup.",
            f"{iso()} INFO:     Application startup complete.",
            f"{iso()} INFO:     Uvicorn running on http://0.0.0.0:{R.randint(3000, 9000)} (Press CTRL+C to quit)",
            *[
                f'{iso()} INFO:     172.18.0.{R.randint(2, 9)}:{R.randint(30000, 60000)} - "GET /api/v1/{word()}s/{uuid.UUID(int=R.getrandbits(128))} HTTP/1.1" {R.choice([200, 200, 204, 404])} {R.choice(["OK", "Not Found"])}'
                for _ in range(R.randint(1, 4))
            ],
        ]
    )


def kubectl_get() -> str:
    out = ["NAME                                READY   STATUS    RESTARTS      AGE"]
    for _ in range(R.randint(2, 6)):
        out.append(
            f"{pod():35} {R.choice(['1/1', '2/2', '0/1'])}     {R.choice(['Running', 'Running', 'CrashLoopBackOff', 'Completed'])}   {R.randint(0, 9)}{R.choice(['', ' (' + str(R.randint(2, 59)) + 'm ago)'])}   {R.randint(1, 40)}d"
        )
    return "\n".join(out)


def kubectl_describe() -> str:
    p = pod()
    return "\n".join(
        [
            f"Name:             {p}",
            f"Namespace:        {proj()}",
            "Priority:         0",
            f"Service Account:  {proj()}-sa",
            f"Node:             ip-10-0-{R.randint(1, 200)}-{R.randint(1, 250)}.ec2.internal/10.0.{R.randint(1, 200)}.{R.randint(1, 250)}",
            "Labels:           app.kubernetes.io/name=" + proj(),
            f"                  pod-template-hash={hx(10)[:9]}",
            "Status:           Running",
            "Containers:",
            f"  {word()}:",
            f"    Container ID:   containerd://{hx(64)}",
            f"    Image:          ghcr.io/{proj()}/{word()}:{ver()}",
            f"    Image ID:       ghcr.io/{proj()}/{word()}@sha256:{hx(64)}",
            f"    Port:           {R.randint(3000, 9000)}/TCP",
            "    State:          Running",
            "    Ready:          True",
            "    Environment:",
            "      LOG_LEVEL:     info",
            f"      {word().upper()}_URL:  http://{word()}.{proj()}.svc.cluster.local:{R.randint(3000, 9000)}",
            "    Mounts:",
            f"      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-{''.join(R.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))} (ro)",
            "Events:",
            "  Type    Reason     Age   From               Message",
            f'  Normal  Pulled     {R.randint(1, 59)}m   kubelet            Successfully pulled image "ghcr.io/{proj()}/{word()}:{ver()}" in {ms()}ms',
        ]
    )


def kubectl_rollout() -> str:
    d = f"{proj()}-{word()}"
    return "\n".join(
        [
            f'Waiting for deployment "{d}" rollout to finish: 1 of {R.randint(2, 5)} updated replicas are available...',
            f'deployment "{d}" successfully rolled out',
            "$ kubectl rollout history deployment/" + d,
            f"deployment.apps/{d}",
            "REVISION  CHANGE-CAUSE",
            *[
                f"{i}         kubectl set image deployment/{d} {word()}=ghcr.io/{proj()}/{word()}:{ver()}"
                for i in range(1, R.randint(3, 5))
            ],
        ]
    )


def helm() -> str:
    r = f"{proj()}-{word()}"
    return "\n".join(
        [
            "NAME            \tNAMESPACE\tREVISION\tUPDATED                                \tSTATUS  \tCHART              \tAPP VERSION",
            f"{r}\t{proj()}\t{R.randint(1, 40)}       \t2026-{R.randint(1, 12):02}-{R.randint(1, 28):02} {R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02}.{R.randint(0, 999999999):09} +0000 UTC\tdeployed\t{word()}-{ver()}\t{ver()}",
            "",
            f'Release "{r}" has been upgraded. Happy Helming!',
            f"NAME: {r}",
            f"LAST DEPLOYED: {date()}",
            "STATUS: deployed",
            f"REVISION: {R.randint(1, 40)}",
        ]
    )


# ---------------------------------------------------------------- benign: profilers and benchmarks
def pytest_benchmark() -> str:
    out = [
        f"--------------------------------------------------------------------------------------- benchmark: {R.randint(2, 5)} tests ---------------------------------------------------------------------------------------",
        "Name (time in us)                  Min                 Max                Mean            StdDev              Median               IQR            Outliers  OPS (Kops/s)            Rounds  Iterations",
    ]
    for _ in range(R.randint(2, 5)):
        m = R.uniform(1, 900)
        out.append(
            f"test_bench_{word():20}{m:10.4f} (1.0)   {m * 3:10.4f} (1.0)   {m * 1.1:10.4f} (1.0)   {m / 9:8.4f} (1.0)   {m * 1.05:10.4f} (1.0)   {m / 20:8.4f} (1.0)   {R.randint(1, 900)};{R.randint(1, 900)}  {1000 / m:10.4f} (1.0)   {R.randint(1000, 90000)}           1"
        )
    out.append(
        "Legend:\n  Outliers: 1 Standard Deviation from Mean; 1.5 IQR (InterQuartile Range) from 1st Quartile and 3rd Quartile.\n  OPS: Operations Per Second, computed as 1 / Mean"
    )
    return "\n".join(out)


def hyperfine() -> str:
    cmd = f"./target/release/{proj()} --input data/{word()}.json"
    m = R.uniform(1, 900)
    return "\n".join(
        [
            f"Benchmark 1: {cmd}",
            f"  Time (mean ± σ):     {m:6.1f} ms ± {m / 30:4.1f} ms    [User: {m * 0.8:.1f} ms, System: {m * 0.1:.1f} ms]",
            f"  Range (min … max):   {m * 0.9:6.1f} ms … {m * 1.2:6.1f} ms    {R.randint(10, 300)} runs",
            "",
            "Summary",
            f"  {cmd} ran",
            f"    {R.uniform(1, 4):.2f} ± {R.uniform(0, 0.2):.2f} times faster than ./{proj()}-old --input data/{word()}.json",
        ]
    )


def go_bench() -> str:
    out = [
        "goos: linux",
        "goarch: amd64",
        f"pkg: github.com/{proj()}-io/{proj()}/internal/{word()}",
        f"cpu: AMD EPYC 7{R.randint(100, 999)}3 {R.randint(8, 64)}-Core Processor",
    ]
    for _ in range(R.randint(2, 5)):
        out.append(
            f"Benchmark{camel(word())}{camel(word())}-{R.choice([2, 4, 8])}   \t{R.randint(1000, 9000000):8}\t{R.uniform(10, 90000):10.1f} ns/op\t{R.randint(0, 9000):6} B/op\t{R.randint(0, 90):4} allocs/op"
        )
    out += ["PASS", f"ok  \tgithub.com/{proj()}-io/{proj()}/internal/{word()}\t{secs()}s"]
    return "\n".join(out)


def py_profile() -> str:
    out = [
        f"         {R.randint(10000, 9000000)} function calls ({R.randint(10000, 900000)} primitive calls) in {secs()} seconds",
        "",
        "   Ordered by: cumulative time",
        "",
        "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)",
    ]
    for _ in range(R.randint(3, 6)):
        out.append(
            f"{R.randint(1, 90000):9} {R.uniform(0, 9):8.3f} {R.uniform(0, 1):8.3f} {R.uniform(0, 9):8.3f} {R.uniform(0, 1):8.3f} {word()}/{word()}.py:{R.randint(1, 400)}({word()}_{R.choice(ACTIONS)})"
        )
    return "\n".join(out)


BENIGN: dict[str, tuple[str, Callable[[], str]]] = {
    "pytest_v": ("test", pytest_v), "pytest_fail": ("test", pytest_fail), "pytest_cov": ("test", pytest_summary),
    "jest": ("test", jest), "vitest": ("test", vitest), "go_test": ("test", go_test_v), "cargo_test": ("test", cargo_test),
    "rspec": ("test", rspec), "phpunit": ("test", phpunit), "tap": ("test", mocha_tap), "junit_xml": ("test", junit_xml),
    "istanbul": ("test", coverage_table),
    "cargo_build": ("build", cargo_build), "go_build": ("build", go_build), "tsc": ("build", tsc), "vite": ("build", vite_build),
    "webpack": ("build", webpack), "gradle": ("build", gradle), "maven": ("build", maven), "make": ("build", make_out),
    "cmake_ninja": ("build", cmake_ninja), "nix_build": ("build", nix_build), "nix_log": ("build", nix_log), "bazel": ("build", bazel),
    "npm_install": ("pkg", npm_install), "npm_audit": ("pkg", npm_audit), "pnpm_yarn": ("pkg", pnpm_yarn), "yarn_lock": ("pkg", yarn_lock),
    "pip_install": ("pkg", pip_install), "pip_freeze": ("pkg", pip_freeze), "poetry_uv": ("pkg", poetry_uv), "uv_lock": ("pkg", uv_lock_file),
    "cargo_update": ("pkg", cargo_update), "go_mod": ("pkg", go_mod), "apt": ("pkg", apt), "brew": ("pkg", brew),
    "ruff": ("lint", ruff_out), "mypy": ("lint", mypy_out), "eslint": ("lint", eslint_out), "prettier": ("lint", prettier_out),
    "clippy": ("lint", clippy), "shellcheck": ("lint", shellcheck), "golangci": ("lint", golangci),
    "git_log_stat": ("git", git_log_stat), "git_oneline": ("git", git_log_oneline), "git_show": ("git", git_show), "git_diff": ("git", git_diff),
    "git_blame": ("git", git_blame), "git_reflog": ("git", git_reflog), "git_status": ("git", git_status), "git_rebase_todo": ("git", git_rebase_todo),
    "git_bisect": ("git", git_bisect),
    "docker_build": ("container", docker_build), "docker_ps": ("container", docker_ps), "docker_images": ("container", docker_images),
    "docker_logs": ("container", docker_logs), "kubectl_get": ("container", kubectl_get), "kubectl_describe": ("container", kubectl_describe),
    "kubectl_rollout": ("container", kubectl_rollout), "helm": ("container", helm),
    "pytest_benchmark": ("profile", pytest_benchmark), "hyperfine": ("profile", hyperfine), "go_bench": ("profile", go_bench), "cprofile": ("profile", py_profile),
}  # fmt: skip


# ---------------------------------------------------------------- secrets: tool output carrying a value
KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
    ["client", "secret"],
]
SAFE = re.compile(r"[^\s'\"\\`$]+")
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    kebab = property(lambda s: "-".join(s.words))
    dotted = property(lambda s: ".".join(s.words))


def secret_name(rule: str) -> Name:
    v = f24.vendor(rule).split("_")
    v = ["svc", *v] if v[0][:1].isdigit() else v
    return Name(v + RNG.choice(KEY_WORDS))


def s_pytest_env(n: Name, v: str) -> str:
    t = test_name()
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "CI": "true",
        n.env: v,
        "PYTHONHASHSEED": str(RNG.randint(0, 4000)),
    }
    return "\n".join(
        [
            f"_{'_' * 10} {t} {'_' * 10}",
            "",
            f"    def {t}(monkeypatch):",
            "        client = make_client()",
            ">       assert client.ping()",
            "E       assert False",
            f"E        +  where False = <bound method Client.ping of <app.client.Client object at 0x7f{hx(10)}>>()",
            "",
            f"tests/test_{word()}.py:{RNG.randint(10, 300)}: AssertionError",
            "----------------------------- Captured stdout call -----------------------------",
            f"environ({env!r})",
        ]
    )


def s_jest_received(n: Name, v: str) -> str:
    body = json.dumps(
        {"method": "POST", "headers": {"content-type": "application/json", n.kebab: v}}, indent=2
    ).replace("\n", "\n    ")
    return "\n".join(
        [
            f"FAIL src/{word()}/{word()}.test.ts",
            f"  ● {camel(word())}Client › {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "",
            "    expect(jest.fn()).toHaveBeenCalledWith(...expected)",
            "",
            '    Expected: "/v1/' + word() + 's", ObjectContaining {"method": "GET"}',
            "    Received",
            f'    "/v1/{word()}s", {body}',
            "",
            "    Number of calls: 1",
            "",
            f"      at Object.<anonymous> (src/{word()}/{word()}.test.ts:{RNG.randint(10, 200)}:{RNG.randint(5, 40)})",
        ]
    )


def s_go_test_log(n: Name, v: str) -> str:
    t = go_test()
    return "\n".join(
        [
            f"=== RUN   {t}",
            f"    {word()}_test.go:{RNG.randint(10, 300)}: request: POST https://api.{n.words[0]}.example.com/v1/{word()}s headers=map[Content-Type:[application/json] {'-'.join(w.title() for w in n.words)}:[{v}]]",
            f"    {word()}_test.go:{RNG.randint(10, 300)}: unexpected status: got 401, want 200",
            f"--- FAIL: {t} (0.{RNG.randint(10, 99)}s)",
            "FAIL",
            f"FAIL\tgithub.com/{proj()}-io/{proj()}/internal/{word()}\t{secs()}s",
        ]
    )


def s_rspec_failure(n: Name, v: str) -> str:
    return "\n".join(
        [
            "Failures:",
            "",
            f"  1) {camel(word())}Client#{word()} {R.choice(ACTIONS)} {R.choice(OBJ)}",
            "     Failure/Error: expect(request.headers).to eq(expected)",
            "",
            '       expected: {"Accept"=>"application/json"}',
            f'            got: {{"Accept"=>"application/json", {json.dumps("-".join(w.title() for w in n.words))}=>{json.dumps(v)}}}',
            "",
            "       (compared using ==)",
            f"     # ./spec/{word()}_spec.rb:{RNG.randint(5, 200)}:in `block (3 levels) in <top (required)>'",
        ]
    )


def s_ci_env(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"Run ./scripts/{R.choice(['deploy', 'release', 'smoke'])}.sh {R.choice(['staging', 'production'])}",
            "  ./scripts/deploy.sh staging",
            "  shell: /usr/bin/bash -e {0}",
            "  env:",
            f"    NODE_VERSION: {RNG.randint(18, 22)}",
            f"    {n.env}: {v}",
            f"Deploying {proj()}@{hx(7)} to staging",
            "Error: Process completed with exit code 1.",
        ]
    )


def s_make_echo(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ make publish",
            f'curl -sf -X POST -H "Authorization: Bearer {v}" -F file=@dist/{proj()}-{ver()}.tar.gz https://upload.{n.words[0]}.example.com/v1/packages',
            "curl: (22) The requested URL returned error: 403",
            f"make: *** [Makefile:{RNG.randint(10, 90)}: publish] Error 22",
        ]
    )


def s_npm_config(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ npm config list",
            f'; "project" config from /srv/{proj()}/.npmrc',
            "",
            f'@{proj()}:registry = "https://npm.pkg.github.com/"',
            f'{n.kebab} = "{v}"',
            "",
            "; node bin location = /usr/local/bin/node",
            f"; node version = v{RNG.randint(18, 22)}.{RNG.randint(0, 12)}.{RNG.randint(0, 9)}",
            f"; npm local prefix = /srv/{proj()}",
            "; Run `npm config ls -l` to show all defaults.",
        ]
    )


def s_docker_history(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ docker history --no-trunc " + f"{proj()}/{word()}:{ver()}",
            "IMAGE                                                                     CREATED        CREATED BY                                                                                SIZE      COMMENT",
            f'sha256:{hx(64)}   2 hours ago    CMD ["node" "dist/server.js"]                                                            0B        buildkit.dockerfile.v0',
            f"<missing>                                                                 2 hours ago    RUN |1 {n.env}={v} /bin/sh -c npm ci && npm run build # buildkit                    {RNG.randint(10, 400)}MB     buildkit.dockerfile.v0",
            f"<missing>                                                                 2 hours ago    ARG {n.env}                                                                            0B        buildkit.dockerfile.v0",
        ]
    )


def s_kubectl_env(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"Name:         {pod()}",
            f"Namespace:    {proj()}",
            "Containers:",
            f"  {word()}:",
            f"    Image:          ghcr.io/{proj()}/{word()}:{ver()}",
            "    Environment:",
            "      LOG_LEVEL:      info",
            f"      {n.env}:  {v}",
            f"      DATABASE_HOST:  {word()}-db.{proj()}.svc",
        ]
    )


def s_docker_inspect(n: Name, v: str) -> str:
    env = json.dumps(
        [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            f"{n.env}={v}",
            f"NODE_VERSION={RNG.randint(18, 22)}.{RNG.randint(0, 12)}.0",
        ],
        indent=4,
    ).replace("\n", "\n            ")
    return "\n".join(
        [
            "$ docker inspect --format '{{json .Config}}' " + f"{proj()}-{word()}-1 | jq",
            "{",
            f'            "Hostname": "{hx(12)}",',
            f'            "Image": "{proj()}/{word()}:{ver()}",',
            f'            "Env": {env},',
            '            "WorkingDir": "/app"',
            "}",
        ]
    )


def s_git_diff_env(n: Name, v: str) -> str:
    return "\n".join(
        [
            "diff --git a/.env.example b/.env",
            "new file mode 100644",
            f"index 0000000..{hx(7)}",
            "--- /dev/null",
            "+++ b/.env",
            "@@ -0,0 +1,4 @@",
            "+APP_ENV=staging",
            f"+{n.env}={v}",
            "+LOG_LEVEL=debug",
        ]
    )


def s_pip_index(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ pip install -r requirements.txt",
            f"Looking in indexes: https://pypi.org/simple, https://__token__:{v}@{n.words[0]}.pkgs.example.com/simple/",
            f"Collecting {pkgs()[0][0]}=={ver()} (from -r requirements.txt (line 3))",
            "ERROR: HTTP error 401 while getting https://"
            + f"{n.words[0]}.pkgs.example.com/simple/{word()}/",
        ]
    )


def s_helm_values(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"$ helm get values {proj()}-{word()} -n {proj()}",
            "USER-SUPPLIED VALUES:",
            "image:",
            f"  tag: {ver()}",
            f"{n.words[0]}:",
            f"  {Name(n.words[1:] or ['key']).camel}: {json.dumps(v) if not SAFE.fullmatch(v) else v}",
            "replicaCount: 2",
        ]
    )


def s_compose_config(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ docker compose config",
            f"name: {proj()}",
            "services:",
            f"  {word()}:",
            "    environment:",
            f"      {n.env}: {json.dumps(v) if not SAFE.fullmatch(v) else v}",
            "      REDIS_URL: redis://cache:6379/0",
            f"    image: ghcr.io/{proj()}/{word()}:{ver()}",
        ]
    )


def s_gradle_info(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"> Task :{proj()}:integrationTest",
            f"Starting process 'Gradle Test Executor {RNG.randint(1, 9)}'. Working directory: /srv/{proj()} Command: /usr/lib/jvm/java-21-openjdk/bin/java -D{n.dotted}={v} -Dorg.gradle.internal.worker.tmpdir=/srv/{proj()}/build/tmp/integrationTest/work -Xmx512m -Dfile.encoding=UTF-8 -cp /root/.gradle/caches/{ver()}/workerMain/gradle-worker.jar worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 1'",
            f"Successfully started process 'Gradle Test Executor {RNG.randint(1, 9)}'",
        ]
    )


def s_phpunit_diff(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"1) Tests\\Feature\\{camel(word())}Test::test_{word()}_{R.choice(ACTIONS)}",
            "Failed asserting that two arrays are equal.",
            "--- Expected",
            "+++ Actual",
            "@@ @@",
            " Array (",
            f"     'base_uri' => 'https://api.{n.words[0]}.example.com'",
            f"-    '{n.snake}' => null",
            f"+    '{n.snake}' => '" + v.replace("\\", "\\\\").replace("'", "\\'") + "'",
            " )",
            "",
            f"/srv/{proj()}/tests/Feature/{camel(word())}Test.php:{RNG.randint(10, 200)}",
        ]
    )


def s_printenv(n: Name, v: str) -> str:
    return "\n".join(
        [
            "$ env | sort",
            "CI=true",
            f"GITHUB_SHA={sha()}",
            "HOME=/root",
            "HOSTNAME=runner-" + hx(8),
            f"{n.env}={v}",
            "PATH=/usr/local/bin:/usr/bin:/bin",
            "PWD=/builds/" + proj(),
        ]
    )


def s_rust_panic(n: Name, v: str) -> str:
    return "\n".join(
        [
            f"---- {word()}::tests::{word()}_{R.choice(ACTIONS)} stdout ----",
            f"thread '{word()}::tests::{word()}_{R.choice(ACTIONS)}' panicked at src/{word()}.rs:{RNG.randint(10, 300)}:{RNG.randint(5, 30)}:",
            "assertion `left == right` failed",
            f'  left: Config {{ endpoint: "https://api.{n.words[0]}.example.com", {n.snake}: {json.dumps(v)}, timeout: {RNG.randint(1, 60)}s }}',
            ' right: Config { endpoint: "https://api.example.com", .. }',
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ]
    )


# (function, takes any value (escapes it) or only SAFE ones, only URL_SAFE ones)
SECRET_CONTEXTS: dict[str, tuple[Callable[[Name, str], str], str]] = {
    "pytest_env": (s_pytest_env, "any"), "jest_received": (s_jest_received, "any"), "go_test_log": (s_go_test_log, "safe"),
    "rspec_failure": (s_rspec_failure, "any"), "ci_env": (s_ci_env, "safe"), "make_echo": (s_make_echo, "safe"),
    "npm_config": (s_npm_config, "safe"), "docker_history": (s_docker_history, "safe"), "kubectl_env": (s_kubectl_env, "safe"),
    "docker_inspect": (s_docker_inspect, "any"), "git_diff_env": (s_git_diff_env, "safe"), "pip_index": (s_pip_index, "url"),
    "helm_values": (s_helm_values, "any"), "compose_config": (s_compose_config, "any"), "gradle_info": (s_gradle_info, "safe"),
    "phpunit_diff": (s_phpunit_diff, "any"), "printenv": (s_printenv, "safe"), "rust_panic": (s_rust_panic, "any"),
}  # fmt: skip


def fits(how: str, v: str) -> bool:
    if how == "url":
        return bool(URL_SAFE.fullmatch(v))
    if how == "safe":
        return bool(SAFE.fullmatch(v))
    return True


def as_written(v: str, text: str) -> str:
    for form in (
        v,
        json.dumps(v)[1:-1],
        repr(v)[1:-1],
        v.replace("\\", "\\\\").replace("'", "\\'"),
    ):
        if form in text:
            return form
    raise AssertionError((v, text))


# ---------------------------------------------------------------- fresh draws (draws29's sampler, as contexts35)
def fresh_draws() -> list[dict]:
    """One value per gitleaks rule and per trufflehog detector draws29's sampler translates."""
    import tomllib

    import draw  # draws29's sampler (reads the mirrors when called)

    draw.RNG = random.Random(SEED)
    out: list[dict] = []
    config = tomllib.loads(draw.git_show(draw.GITLEAKS, "HEAD:config/gitleaks.toml"))
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        try:
            pattern = draw.go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        out.append({"source": "gitleaks", "rule": rule["id"], "value": values[0], "extra": []})
    files = draw.subprocess.run(
        [
            "git",
            "-C",
            str(draw.TRUFFLEHOG),
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "pkg/detectors/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(draw.git_show(draw.TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = draw.detector_patterns(src)
        if not pats:
            continue
        name = draw.key_name(list(pats))
        if name is None or isinstance(pats[name], draw.Untranslatable):
            continue
        try:
            pattern = draw.go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, draw.Untranslatable):
                    continue
                if not draw.IDISH.search(other):
                    continue
                try:
                    op = draw.go_to_python(p)
                    ov = draw.draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (draw.Untranslatable, re.error, RecursionError):
                    continue
                extra.append((re.sub(r"(?i)_?pat(?:tern)?$", "", other) or "id", ov))
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        kw = draw.KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        out.append(
            {
                "source": "trufflehog",
                "rule": det,
                "context_rule": word.lower() if word else det,
                "value": values[0],
                "extra": extra[:2],
            }
        )
    for d in out:
        d["label"] = draw.label(d["value"])
    return out


N_SECRETS = 150
PER_TOOL = 10


def main() -> None:
    draws = fresh_draws()
    rows = []
    for d in RNG.sample(draws, N_SECRETS):
        v = d["value"]
        pool = [c for c, (_, how) in sorted(SECRET_CONTEXTS.items()) if fits(how, v)]
        context = RNG.choice(pool)
        text = SECRET_CONTEXTS[context][0](secret_name(d.get("context_rule", d["rule"])), v)
        rows.append(
            {
                "family": f"draw-{d['source']}:{d['rule']}",
                "context": context,
                "text": text,
                "secret": as_written(v, text),
                "source": "draw",
                "also": [],
                "rule": d["rule"],
                "kind": "draw",
                "label": d["label"],
                "draw_source": d["source"],
            }
        )
    benign = []
    for tool, (kind, fn) in BENIGN.items():
        for _ in range(PER_TOOL):
            text = fn()
            benign.append(
                {
                    "family": f"devout:{tool}",
                    "context": tool,
                    "text": text,
                    "source": "devout",
                    "kind": kind,
                    "label": "pii" if f24.PII.search(text) else "",
                }
            )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows (", sum(1 for r in rows if r["label"]), "labelled );",
        len(benign), "benign rows from", len(BENIGN), "tools (", sum(1 for r in benign if r["label"]), "pii )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
