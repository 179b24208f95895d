"""One semantics over every corpus text and its variants: a slow check, not in the suite.

For every text of bench/*/secrets.jsonl, bench/*/benign.jsonl (any depth) and tests/data, and
every variant of it (``tests.anonymize.test_prefilter.variants`` and the kinds below, which once
broke or may break a condition), report each (rule, condition) that fails where the rule finds
something (``failed_conditions``: trigger, RE2 gate, long run), with the shortest text found and
a minimized one; then compare the engines of test_prefilter's ``PATHS`` (and the default engine
after 128 KiB of filler, when RE2 decides) with the reference on the same texts, byte for byte.

    nice python bench/check_conditions.py --workers 2 [--stride N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fedlearn.anonymize import Anonymizer, engine, prefilter  # noqa: E402
from fedlearn.anonymize.probe import Probe, has_wanted_run  # noqa: E402
from tests.anonymize import test_prefilter as tp  # noqa: E402

FILLER = ("ordinary log line with nothing secret in it, ünïcode too — ok\n" * 2200)[: 128 * 1024]


def extra_variants(text: str, other: str) -> list[tuple[str, str]]:
    """Return (kind, variant) for the kinds beyond ``variants``: case, non-ASCII around and
    inside, CRLF, JSON string, quotes, joined with ``other``."""
    middle = len(text) // 2
    return [
        ("lower", text.lower()),
        ("title", text.title()),
        ("swapcase", text.swapcase()),
        ("non-ascii before", "ü" + text),
        ("non-ascii after", text + "ü"),
        ("emoji after", text + " 🙂"),
        ("non-ascii inside", text[:middle] + "é" + text[middle:]),
        ("crlf", text.replace("\n", "\r\n") if "\n" in text else text + "\r\n"),
        ("json", '{"msg": ' + json.dumps(text) + "}"),
        ("json utf-8", '{"msg": ' + json.dumps(text, ensure_ascii=False) + "}"),
        ("double quotes", '"' + text + '"'),
        ("single quotes", "'" + text + "'"),
        ("joined", text + "\n" + other),
        ("joined before", other + " " + text),
    ]


def all_variants(text: str, other: str) -> list[tuple[str, str]]:
    """Return (kind, variant) for ``text`` itself, test_prefilter's variants and the others."""
    names = [
        "text",
        "em dash after",
        "é before",
        "no scheme",
        "dash inside",
        "dash for _",
        "upper",
        "reversed line",
    ]
    found = list(zip(names, tp.variants(text), strict=False))
    return found + extra_variants(text, other)


def corpus_texts() -> list[str]:
    """Return every text of the bench corpora and tests/data (each once, in a fixed order)."""
    paths = sorted(ROOT.glob("bench/**/secrets.jsonl")) + sorted(ROOT.glob("bench/**/benign.jsonl"))
    paths += sorted((ROOT / "tests" / "data").rglob("*.jsonl"))
    texts: dict[str, None] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                texts.setdefault(row["text"], None)
    return list(texts)


GATES: dict[str, object] = {}


def rule_fails(engine: Anonymizer, rule: object, text: str) -> list[str]:
    """Return the conditions of ``rule`` that fail on ``text`` where it finds something."""
    probe = Probe(text)
    if not engine._rule_hits(rule, probe):  # type: ignore[arg-type]
        return []
    failed = []
    if not prefilter.Triggers([rule]).active(probe):  # type: ignore[list-item]
        failed.append("trigger")
    gate = rule.gate  # type: ignore[attr-defined]
    if tp.HAS_RE2 and gate is not None and tp.is_utf8(text):
        if gate not in GATES:
            GATES[gate] = prefilter.load_re2().compile(gate)
        if GATES[gate].search(text) is None:  # type: ignore[attr-defined]
            failed.append("gate")
    if rule.long_run and not has_wanted_run(text, (rule.long_run,)):  # type: ignore[attr-defined]
        failed.append("long run")
    return failed


def minimize(still: Callable[[str], bool], text: str) -> str:
    """Return a shorter text for which ``still`` holds: drop lines, then chunks of characters."""
    for sep in ("\n", " "):
        parts = text.split(sep)
        index = 0
        while len(parts) > 1 and index < len(parts):
            trial = sep.join(parts[:index] + parts[index + 1 :])
            if still(trial):
                parts = parts[:index] + parts[index + 1 :]
            else:
                index += 1
        text = sep.join(parts)
    size = max(1, len(text) // 4)
    while size >= 1:
        index = 0
        while index < len(text):
            trial = text[:index] + text[index + size :]
            if trial and still(trial):
                text = trial
            else:
                index += size
        size //= 2
    return text


ENGINES: dict[str, Anonymizer] = {}


def engines() -> dict[str, Anonymizer]:
    """Return the reference and the paths (built once per process; the last one warmed past
    ``PAYOFF`` characters so its RE2 set decides)."""
    if not ENGINES:
        make = tp.Anonymizer
        ENGINES["reference"] = tp.REFERENCE
        ENGINES["triggers"] = make(tp.SETTINGS, tp.MACHINE, use_re2=False)
        ENGINES["triggers, words in one pass"] = make(
            tp.SETTINGS, tp.MACHINE, use_re2=False, words_after=0
        )
        ENGINES["re2 at once"] = make(tp.SETTINGS, tp.MACHINE, re2_after=0)
        warmed = make(tp.SETTINGS, tp.MACHINE)
        warmed.anonymize(FILLER)
        warmed.anonymize(FILLER)
        ENGINES["re2 after 128 KiB"] = warmed
    return ENGINES


NEW_KINDS = False  # the two-variant mode turns through the new kinds only (``--new-kinds``)
TURN = 0  # where the turns start (``--turn``: another run checks other variants)


def check(job: tuple[int, str, str, bool, bool]) -> list[tuple[str, ...]]:
    """Return the findings for one text: ("condition", rule, condition, kind, text),
    ("path", engine, kind, text), and ("crash", exception, text) where a rule raised (the check
    runs ``engine.STRICT``, so a rule's bug is reported rather than failed closed)."""
    try:
        return check_text(job)
    except Exception as error:  # any rule's bug is a finding
        return [("crash", f"{type(error).__name__}: {error}"[:120], job[1])]


def check_text(job: tuple[int, str, str, bool, bool]) -> list[tuple[str, ...]]:
    """Return the findings for one text (see ``check``)."""
    index, text, other, every, paths = job
    found: list[tuple[str, ...]] = []
    seen: set[str] = set()
    kinds = all_variants(text, other)
    if not every:  # the text, and one other kind in turn
        first = 8 if NEW_KINDS else 1
        kinds = [kinds[0], kinds[first + (index + TURN) % (len(kinds) - first)]]
    named = engines()
    batch: list[tuple[str, str, str]] = []
    for kind, variant in kinds:
        if variant in seen:
            continue
        seen.add(variant)
        for rule, condition in tp.failed_conditions(tp.REFERENCE, variant):
            found.append(("condition", rule, condition, kind, variant))
        if paths:
            expected = tp.REFERENCE.anonymize(variant)
            batch.append((kind, variant, expected))
            for name, engine in named.items():
                if name != "reference" and engine.anonymize(variant) != expected:
                    found.append(("path", name, kind, variant))
    if batch:  # the same texts as one batch (``anonymize_many``: one prefilter for all)
        for name, engine in named.items():
            results = engine.anonymize_many([variant for _, variant, _ in batch])
            for (kind, variant, expected), result in zip(batch, results, strict=True):
                if name != "reference" and result != expected:
                    found.append(("path", name + " (batch)", kind, variant))
    return found


def check_past_filler(chunk: list[str]) -> list[tuple[str, ...]]:
    """Return the texts of ``chunk`` that a fresh default engine redacts otherwise than the
    reference when they follow 128 KiB of filler in one text (its RE2 set is built inside it),
    or where a rule raised."""
    try:
        return filler_differences(chunk)
    except Exception as error:  # any rule's bug is a finding
        return [("crash", f"{type(error).__name__}: {error}"[:120], "\n".join(chunk))]


def raises(text: str) -> bool:
    """Return whether anonymizing ``text`` raises (a rule's bug, under ``engine.STRICT``)."""
    try:
        tp.REFERENCE.anonymize(text)
    except Exception:  # any rule's bug
        return True
    return False


def filler_differences(chunk: list[str]) -> list[tuple[str, ...]]:
    """Return ``check_past_filler``'s findings, letting a rule's exception through."""
    text = FILLER + "\n" + "\n".join(chunk)
    result = tp.Anonymizer(tp.SETTINGS, tp.MACHINE).anonymize(text)
    expected = tp.REFERENCE.anonymize(text)
    if result == expected:
        return []
    got, want = result.split("\n"), expected.split("\n")
    lines = [line for line in chunk if "\n" not in line]
    if len(got) != len(want) or len(lines) != len(chunk):
        return [("path", "re2 built past 128 KiB in one text", "filler", "\n".join(chunk))]
    skip = len(want) - len(chunk)
    return [
        ("path", "re2 built past 128 KiB in one text", "filler", chunk[index])
        for index in range(len(chunk))
        if got[skip + index] != want[skip + index]
    ]


def jobs(
    texts: list[str], stride: int, path_stride: int
) -> Iterator[tuple[int, str, str, bool, bool]]:
    """Yield one job per text: all its variants for every ``stride``-th text, else two; the
    paths compared on every ``path_stride``-th text."""
    for index, text in enumerate(texts):
        other = texts[(index * 7919 + 1) % len(texts)]
        turned = index + TURN
        yield index, text, other, turned % stride == 0, turned % path_stride == 0


def main() -> None:
    """Run the check and print every failure with its shortest and minimized text."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stride", type=int, default=1, help="all variants of every Nth text")
    parser.add_argument("--path-stride", type=int, default=1, help="paths on every Nth text")
    parser.add_argument("--limit", type=int, default=0, help="the first N texts only")
    parser.add_argument(
        "--filler-every", type=int, default=1, help="every Nth text past filler (0: none)"
    )
    parser.add_argument("--turn", type=int, default=0, help="start the turns here")
    parser.add_argument("--new-kinds", action="store_true", help="two-variant mode: new kinds")
    parser.add_argument("--json", type=Path, help="write the failures here")
    args = parser.parse_args()
    global NEW_KINDS, TURN
    NEW_KINDS, TURN = args.new_kinds, args.turn
    engine.STRICT = True  # a rule that raises is a finding (forked workers inherit it)
    texts = corpus_texts()
    if args.limit:
        texts = texts[: args.limit]
    print(f"{len(texts)} texts", flush=True)
    shortest: dict[tuple[str, ...], str] = {}
    started = time.monotonic()
    with multiprocessing.Pool(args.workers) as pool:
        work = jobs(texts, args.stride, args.path_stride)
        for done, found in enumerate(pool.imap_unordered(check, work, chunksize=16), 1):
            for item in found:  # (condition, rule, condition, kind) or (path, engine, kind)
                key, text = item[:-1], item[-1]
                if key not in shortest:
                    print("FAIL", *key, repr(text[:200]), flush=True)
                if key not in shortest or len(text) < len(shortest[key]):
                    shortest[key] = text
            if done % 5000 == 0:
                print(f"{done} texts, {time.monotonic() - started:.0f} s", flush=True)
        every = args.filler_every
        sample = texts[args.turn % every :: every] if every else []
        chunks = [sample[start : start + 10] for start in range(0, len(sample), 10)]
        for found in pool.imap_unordered(check_past_filler, chunks):
            for item in found:
                key, text = item[:-1], item[-1]
                if key not in shortest:
                    print("FAIL", *key, repr(text[:200]), flush=True)
                if key not in shortest or len(text) < len(shortest[key]):
                    shortest[key] = text
        print(f"{len(chunks)} chunks past filler, {time.monotonic() - started:.0f} s", flush=True)
    report = []
    for key, text in sorted(shortest.items()):
        small = text
        if key[0] == "condition":
            candidates = [rule for rule in tp.REFERENCE.rules if rule.name == key[1]]

            def still(trial: str, condition: str = key[2], among: list = candidates) -> bool:
                return any(condition in rule_fails(tp.REFERENCE, r, trial) for r in among)

            small = minimize(still, text) if still(text) else text
        elif key[0] == "crash" and raises(text):
            small = minimize(raises, text)
        report.append({"key": list(key), "text": text, "minimized": small})
        print(
            "\n", " / ".join(key), "\n  shortest:", repr(text[:400]), "\n  minimized:", repr(small)
        )
    print(f"\n{len(report)} failures (rule or engine, condition, variant kind)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
