"""Sweep input families for anonymizer work that grows faster than a text's length.

For each family a text is built at n and 4n characters (16 KB and 64 KB; ``--big`` adds 256 KB)
and anonymized in one warm process; the script prints the times and their ratio, and flags a
family whose ratio is over 6 (linear work gives about 4; above 50 ms) or that takes over 1 s at 64 KB.

Families: every rule's trigger words and its patterns' literal heads, repeated with the separators
and values they expect, on one line and one per line (``--rules``); repeated candidates of each
kind; long runs of one character class; big structured texts (markdown tables, CSV, YAML, XML,
shell flags, nested JSON, escapes, CRLF, non-ASCII). ``--batch`` times ``redact_each`` on the
texts cut in 200-character pieces as well. A family that raises is reported as a crash.

    .venv/bin/python bench/check_linear.py [--tree DIR] [--rules] [--big] [--batch] [--only WORD]
        [--start FAMILY]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# ``--tree DIR`` (first arguments): time the fedlearn package under DIR (a base tree) instead.
TREE = sys.argv[2] if sys.argv[1:2] == ["--tree"] else str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, TREE)

from fedlearn import config  # noqa: E402
from fedlearn.anonymize import Anonymizer  # noqa: E402
from fedlearn.anonymize.heads import literal_heads  # noqa: E402

Unit = Callable[[int], str]
TOKEN = "Xk29fjQm1PzL8sVb3nRt7Yw"  # noqa: S105 (a made-up secret to redact)
NOISE = 0.05  # seconds: a ratio of smaller times is timer noise


def token(index: int) -> str:
    """Return a distinct secret-looking token for ``index``."""
    return f"{TOKEN[: 23 - len(str(index))]}{index}"


def candidates() -> dict[str, Unit]:
    """Return families of repeated candidates and structured texts, as a unit per index."""
    return {
        "ipv4": lambda i: f"10.{i % 250}.{i // 250 % 250}.{i % 7 + 1} ",
        "email": lambda i: f"user{i}@example{i % 9}.com ",
        "phone": lambda i: f"+1 415 555 {i % 10000:04d} ",
        "card": lambda i: "4111 1111 1111 1111 ",
        "iban": lambda i: "DE89 3704 0044 0532 0130 00 ",
        "uuid": lambda i: f"123e4567-e89b-12d3-a456-{i:012d} ",
        "hex run": lambda i: f"{i:08x}deadbeefcafebabe0123456789abcdef ",
        "base64 run": lambda i: f"QWxhZGRpbjpvcGVuIHNlc2FtZQ{i:04d}== ",
        "jwt-like": lambda i: f"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx{i:04d}In0.{TOKEN} ",
        "url userinfo": lambda i: f"https://u{i}:{token(i)}@host{i}.example.com/p ",
        "quoted escapes": lambda i: f'"a\\"b\\\\c\\n{i}" ',
        "markdown table": lambda i: f"| row{i} | {token(i)} | value {i} |\n",
        "csv": lambda i: f"{i},name{i},{token(i)},2024-01-{i % 28 + 1:02d}\n",
        "yaml keys": lambda i: f"key_{i}: value_{i}\n",
        "yaml secrets": lambda i: f"password_{i}: {token(i)}\n",
        "xml attributes": lambda i: f' attr{i}="v{i}"',
        "shell flags": lambda i: f" --flag{i % 50} V{i}",
        "shell secret flags": lambda i: f" --password {token(i)}",
        "json escapes": lambda i: "ab\\n",
        "crlf lines": lambda i: f"line {i} key=v{i}\r\n",
        "non-ascii": lambda i: f"é—日本{i} ",
        "env lines": lambda i: f"APP_{i}_TOKEN={token(i)}\n",
        "key=key run": lambda i: "key=",
        "json lines": lambda i: f'{{"api_key": "{token(i)}", "n": {i}}}\n',
        # One long line (session 32): minified JSON and JS, an access log, failures and refusals.
        "minified json": lambda i: f'"name_{i}":"v{i}","api_key_{i}":"{token(i)}",',
        "minified js fallbacks": lambda i: f'v{i}=f{i}()||"{token(i)}";',
        "access log line": lambda i: f"GET /api?id={i}&token={token(i)}&q=x{i} HTTP/1.1 200 ",
        "sent after 401": lambda i: f"401 sending {token(i)} ok, ",
        "refused for key": lambda i: f"denied for key '{token(i)}' ",
        "dockerfile env line": lambda i: f"FROM x RUN echo ENV X{i} v ",
    }


def runs() -> dict[str, Unit]:
    """Return long runs of one character class."""
    classes = {
        "run a": "a",
        "run A1": "A1",
        "run digits": "7",
        "run spaces": " ",
        "run newlines": "\n",
        "run =": "=",
        "run quote": '"',
        "run backslash": "\\",
        "run dots": ".",
        "run dashes": "-",
        "run colons": ":",
        "run slashes": "/",
        "run @": "@",
        "run |": "|",
        "run {": "{",
        "run tabs": "\t",
    }
    return {name: (lambda i, s=s: s) for name, s in classes.items()}


def nested_json(size: int) -> str:
    """Return JSON nested 1,000 deep, repeated to ``size``."""
    one = '{"a":' * 1000 + '"x"' + "}" * 1000 + "\n"
    return (one * (size // len(one) + 1))[:size]


def rule_words(anonymizer: Anonymizer) -> Iterator[tuple[str, list[str]]]:
    """Yield each rule's name and the literal words its trigger and patterns look for."""
    seen: set[tuple[str, ...]] = set()
    for rule in anonymizer.rules:
        words: list[str] = []
        for item in rule.trigger.items() if rule.trigger is not None else ():
            if item.pattern is None:
                words.append(item.word)
            else:
                words += literal_heads(item.pattern.pattern, item.pattern.flags) or []
        for matcher in rule.matchers:
            words += literal_heads(matcher.pattern.pattern, matcher.pattern.flags) or []
        if rule.gate:
            words += literal_heads(rule.gate, re.IGNORECASE if rule.lower else 0) or []
        words = sorted({word for word in words if word.strip()})[:24]
        if words and tuple(words) not in seen:
            seen.add(tuple(words))
            yield rule.name, words


def rule_families(anonymizer: Anonymizer) -> dict[str, Unit]:
    """Return, per rule, its words with values on one line and one per line."""
    families: dict[str, Unit] = {}
    for name, words in rule_words(anonymizer):
        cycle = list(words)

        def line(i: int, cycle: list[str] = cycle) -> str:
            word = cycle[i % len(cycle)]
            return [f"{word}={token(i)} ", f'{word}: "{token(i)}", ', f"{word} {token(i)} "][i % 3]

        def lines(i: int, cycle: list[str] = cycle) -> str:
            word = cycle[i % len(cycle)]
            return [f"{word}={token(i)}\n", f"  {word}: {token(i)}\n", f"{word}\n"][i % 3]

        families[f"{name} line"] = line
        families[f"{name} lines"] = lines
    return families


def build(unit: Unit, size: int) -> str:
    """Return units joined up to ``size`` characters."""
    parts: list[str] = []
    total = 0
    for index in itertools.count():
        part = unit(index)
        parts.append(part)
        total += len(part)
        if total >= size:
            return "".join(parts)[:size]
    raise AssertionError


def timed(call: Callable[[], object]) -> float:
    """Return the seconds ``call`` takes."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    """Print, per family, its times at n and 4n and their ratio; flag the superlinear ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rules", action="store_true", help="also every rule's words")
    parser.add_argument("--big", action="store_true", help="also 256 KB")
    parser.add_argument("--batch", action="store_true", help="also redact_each on 200-char pieces")
    parser.add_argument("--only", default="", help="families whose name holds this")
    parser.add_argument("--start", default="", help="begin at the family of this name")
    parser.add_argument("--tree", default=TREE, help="the tree whose fedlearn to time")
    args = parser.parse_args()
    anonymizer = Anonymizer(config.Anonymize())
    anonymizer.anonymize("warm up key=abc")
    texts: dict[str, Callable[[int], str]] = {
        name: (lambda size, unit=unit: build(unit, size))
        for name, unit in {**candidates(), **runs()}.items()
    }
    texts["nested json"] = nested_json
    if args.rules:
        texts.update(
            {
                name: (lambda size, unit=unit: build(unit, size))
                for name, unit in rule_families(anonymizer).items()
            }
        )
    sizes = [16_000, 64_000] + ([256_000] if args.big else [])
    flagged = []
    print(f"{'family':32} " + " ".join(f"{size // 1000:>6}K" for size in sizes) + "  ratio")
    names = list(texts)
    for name in names[names.index(args.start) if args.start else 0 :]:
        make = texts[name]
        if args.only not in name:
            continue
        times: list[float] = []
        try:
            for size in sizes:
                text = make(size)
                if args.batch:
                    pieces = [text[at : at + 200] for at in range(0, len(text), 200)]
                    times.append(timed(lambda pieces=pieces: anonymizer.redact_each(pieces)))
                else:
                    times.append(timed(lambda text=text: anonymizer.anonymize(text)))
                if times[-1] > 20:
                    break
        except Exception as error:  # a crash is a finding: report it, go on
            print(f"{name[:32]:32} raised {error!r}  <-- crash", flush=True)
            flagged.append(name)
            continue
        ratio = max(after / max(before, 1e-4) for before, after in itertools.pairwise(times))
        slow = (ratio > 6 and times[-1] > NOISE) or (len(times) > 1 and times[1] > 1)
        mark = "  <-- superlinear" if slow else ""
        shown = " ".join(f"{seconds:7.3f}" for seconds in times)
        print(f"{name[:32]:32} {shown}  x{ratio:4.1f}{mark}", flush=True)
        if slow:
            flagged.append(name)
    print(f"flagged: {flagged}")


if __name__ == "__main__":
    main()
