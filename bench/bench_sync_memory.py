"""A sync's peak RSS on diverse text (issue 20: <= 100 MB), per corpus, per code tree, side by side.

    python bench/bench_sync_memory.py [--tree DIR]... [--corpus agent16j,homelab16i,audit16]
                                      [--rounds 1] [--attribute]

Per corpus (bench/<corpus>/secrets.jsonl and benign.jsonl), the telemetry is built as
``bench/audit16d/through_sync.py`` builds it (each text the ``error_message`` of one high-value
event) and synced by ``python -m fedlearn sync`` with ``PYTHONPATH=DIR`` for each ``--tree`` (the
installed fedlearn without one), taking turns over ``--rounds``. Printed per tree: the sync
process's peak RSS (``ru_maxrss`` of it and its children, under ``bench_scale``'s small launcher),
the same sync with google-re2 blocked (the triggers decide: what the RE2 sets cost), the CPU
seconds, and whether data/ came out byte-identical across trees.

``--speed`` also prints, per tree in a fresh process, the µs a text of the RE2 sets alone (each
text asked once of every set) and of ``anonymize``, cold (the first pass over the corpus) and warm
(the second), and the RSS each grew by (CPU time: ``time.process_time``).

``--attribute`` also runs each tree's sync in one process and prints its RSS after the imports
and at the end, then replays every text the sync asked each RE2 set about through a fresh copy of
that set (same gates, same ``max_mem``) and prints what its automaton grew to (malloc'd bytes) and
its µs a call, cold (the first pass) and warm (the second).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "audit16d"))

import bench_scale  # noqa: E402
import through_sync  # noqa: E402

# ``python -m fedlearn`` with google-re2 blocked when the first argument is "block".
RUN = """
import runpy, sys
if sys.argv.pop(1) == "block":
    sys.modules["re2"] = None
sys.argv[0] = "fedlearn"
runpy.run_module("fedlearn", run_name="__main__", alter_sys=True)
"""

# One sync in this process; every RE2 set's Match inputs recorded, then replayed per set.
ATTRIBUTE = r"""
import argparse, ctypes, sys, time
from pathlib import Path
from fedlearn import config
from fedlearn.anonymize import prefilter
from fedlearn.jobs import sync

def status():
    found = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            key, value = line.split(":")
            found[key] = int(value.split()[0]) // 1024
    return f"RSS {found['VmRSS']} MB (peak {found['VmHWM']})"

class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info

def allocated():
    info = libc.mallinfo2()
    return info.uordblks + info.hblkhd

print(f"  after the imports: {status()}")
calls, made = [], []
compile_set = prefilter.compile_set

class Recorded:
    def __init__(self, gate_set, number):
        self.gate_set, self.number = gate_set, number
    def Match(self, data):
        calls.append((self.number, data))
        return self.gate_set.Match(data)

def recording(gates, max_mem=64 << 20):
    gate_set, members = compile_set(gates, max_mem)
    made.append((gates, max_mem))
    return Recorded(gate_set, len(made) - 1), members

prefilter.compile_set = recording
cfg = config.load(Path(sys.argv[1]), required=True)
start = time.process_time()
sync.run(cfg, argparse.Namespace(dry_run=False))
print(f"  after the sync ({time.process_time() - start:.2f} CPU-s): {status()}")
for number, (gates, max_mem) in enumerate(made):
    datas = [data for which, data in calls if which == number]
    before = allocated()
    gate_set, _ = compile_set(gates, max_mem)
    compiled = allocated() - before
    times = []
    for _ in range(2):
        start = time.process_time()
        for data in datas:
            gate_set.Match(data)
        times.append((time.process_time() - start) / max(len(datas), 1) * 1e6)
    grown = allocated() - before - compiled
    size = sum(gate is not None for gate in gates)
    print(f"  set {number} ({size} rules, max_mem {max_mem >> 20} MB): {len(datas)} calls, "
          f"compiled {compiled / 1e6:.1f} MB, automaton {grown / 1e6:.1f} MB, "
          f"cold {times[0]:.1f} µs a call, warm {times[1]:.1f}")
    del gate_set
"""


# The sets alone, then whole ``anonymize``, over the texts in argv[1] (JSON), two passes each.
SPEED = r"""
import json, sys, time
from fedlearn import anonymize, config
from fedlearn.anonymize import prefilter

def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")) / 1024

texts = json.load(open(sys.argv[1]))
datas = [text.encode("utf-8", "surrogatepass") for text in texts]
engine = anonymize.Anonymizer(config.Anonymize())
sets = [gate_set for gate_set, _, _ in prefilter.compiled(engine._prefilter._gates)]
start_rss, times = rss(), []
for _ in range(2):
    start = time.process_time()
    for data in datas:
        for gate_set in sets:
            gate_set.Match(data)
    times.append((time.process_time() - start) / len(datas) * 1e6)
sets_rss = rss() - start_rss
prefilter.SETS.clear()
del sets
fresh = anonymize.Anonymizer(config.Anonymize())
fresh.build_prefilter()
start_rss, whole = rss(), []
for _ in range(2):
    start = time.process_time()
    for text in texts:
        fresh.anonymize(text)
    whole.append((time.process_time() - start) / len(texts) * 1e6)
print(f"  sets alone: cold {times[0]:.1f} µs a text, warm {times[1]:.1f} (+{sets_rss:.0f} MB); "
      f"anonymize: cold {whole[0]:.0f}, warm {whole[1]:.0f} (+{rss() - start_rss:.0f} MB)")
"""


def run_script(
    script: str, argument: Path, tree: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with ``argument`` in a child Python that imports ``tree``'s fedlearn."""
    return subprocess.run(
        [sys.executable, "-c", script, str(argument)],
        capture_output=True,
        text=True,
        env=environment(tree),
        cwd=cwd,
        check=False,
    )


def speed(tree: str, texts: list[str]) -> None:
    """Print the sets' and ``anonymize``'s µs a text, cold and warm, with ``tree``'s code."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        process = run_script(SPEED, path, tree, Path(tmp))
        print(process.stdout + process.stderr[-800:], end="")


def texts_of(corpus: str) -> list[str]:
    """Return the corpus's secret texts, then its benign ones (as ``through_sync`` orders them)."""
    texts = []
    for name in ("secrets", "benign"):
        path = HERE / corpus / f"{name}.jsonl"
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return texts


def environment(tree: str) -> dict[str, str]:
    """Return the environment that imports ``tree``'s fedlearn (the installed one for "")."""
    return {**os.environ, "PYTHONPATH": str(Path(tree).resolve())} if tree else dict(os.environ)


def masked(root: Path) -> dict[str, bytes]:
    """Return data/'s files by path, the sync's time masked."""
    return {
        str(path.relative_to(root)): re.sub(rb'"last_sync": ?"[^"]*"', b"", path.read_bytes())
        for path in sorted((root / "repo" / "data").rglob("*"))
        if path.is_file()
    }


def sync_peak(tree: str, texts: list[str], block: bool) -> tuple[int, float, dict[str, bytes]]:
    """Sync ``texts`` with ``tree``'s code; return the peak RSS MB, CPU seconds and data/."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = through_sync.prepare(root, texts)
        peak_file = root / "peak"
        command = [sys.executable, "-c", RUN, "block" if block else "re2", "sync", "-q"]
        command += ["--config", str(config)]
        process = subprocess.run(
            [sys.executable, "-c", bench_scale.PEAK_OF, str(peak_file), *command],
            capture_output=True,
            text=True,
            env=environment(tree),
            cwd=root,
            check=False,
        )
        if process.returncode:
            raise SystemExit(f"sync failed: {process.stderr[-800:]}")
        _, kilobytes, cpu = peak_file.read_text().split()
        return int(kilobytes) // 1024, float(cpu), masked(root)


def attribute(tree: str, texts: list[str]) -> None:
    """Print the RSS of a sync in one process and what each RE2 set's automaton grew to."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = through_sync.prepare(root, texts)
        process = run_script(ATTRIBUTE, config, tree, root)
        print(process.stdout, end="")
        if process.returncode:
            print(process.stderr[-800:])


def main() -> None:
    """Sync each corpus with each tree, taking turns, and print the peaks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", default=[], help="a fedlearn source tree")
    parser.add_argument("--corpus", default="agent16j,homelab16i,audit16")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--attribute", action="store_true")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    trees = args.tree or [""]
    for corpus in args.corpus.split(","):
        texts = texts_of(corpus)
        peaks: dict[str, list[int]] = {tree: [] for tree in trees}
        blocked: dict[str, list[int]] = {tree: [] for tree in trees}
        cpus: dict[str, list[float]] = {tree: [] for tree in trees}
        data: dict[str, dict[str, bytes]] = {}
        for round_number in range(args.rounds):
            order = trees if round_number % 2 == 0 else trees[::-1]
            for tree in order:
                peak, cpu, data[tree] = sync_peak(tree, texts, block=False)
                peaks[tree].append(peak)
                cpus[tree].append(cpu)
                blocked[tree].append(sync_peak(tree, texts, block=True)[0])
        same = all(data[tree] == data[trees[0]] for tree in trees)
        for tree in trees:
            print(
                f"{corpus} ({len(texts):,} texts), tree {tree or '(installed)'}: peak RSS "
                f"{'/'.join(map(str, peaks[tree]))} MB (target <= 100) "
                f"{'OK' if max(peaks[tree]) <= 100 else 'MISSED'}; without google-re2 "
                f"{'/'.join(map(str, blocked[tree]))} MB; CPU "
                f"{'/'.join(f'{c:.2f}' for c in cpus[tree])} s"
            )
            if args.speed:
                speed(tree, texts)
            if args.attribute:
                attribute(tree, texts)
        if len(trees) > 1:
            print(f"{corpus}: data/ byte-identical across the trees: {same}")


if __name__ == "__main__":
    main()
