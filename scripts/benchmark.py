"""Throughput of ``tocsin extract`` beside bare spaCy ``nlp.pipe`` on the same texts, in one run.

    .venv/bin/python scripts/benchmark.py [--words 50000]

The bundled sample articles are repeated (each copy a distinct document id) to about ``--words``
words. Three measurements, same machine, same run:
1. ``tocsin extract --input-format jsonl`` as a user runs it (a subprocess, model load included);
2. the library pipeline in this process, models already loaded (steady-state throughput);
3. bare spaCy ``nlp.pipe`` with the same model over the same full texts, and over exactly the
   body paragraphs tocsin parses (captions, bios and comment threads are set aside unparsed).
Prints a Markdown table for BENCHMARKS.md.
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

import spacy

from tocsin.config import load_settings
from tocsin.ingest.readers import iter_inputs
from tocsin.pipeline import Coded, Pipeline

ROOT = Path(__file__).resolve().parents[1]


def _corpus(target_words: int) -> list[dict[str, str]]:
    meta = [json.loads(line) for line in (ROOT / "samples" / "documents.jsonl").read_text().splitlines()]
    docs = [(m, (ROOT / "samples" / m["file"]).read_text(encoding="utf-8")) for m in meta]
    out: list[dict[str, str]] = []
    words = 0
    copy = 0
    while words < target_words:
        for m, text in docs:
            out.append({"id": f"{m['id']}-{copy}", "text": text, "published": m["published"]})
            words += len(text.split())
        copy += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    corpus = _corpus(args.words)
    n_docs = len(corpus)
    n_words = sum(len(d["text"].split()) for d in corpus)
    settings = load_settings()
    rows: list[tuple[str, float]] = []

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in corpus), encoding="utf-8")
        tocsin = Path(sys.executable).with_name("tocsin")
        start = time.perf_counter()
        proc = subprocess.run(
            [str(tocsin), "extract", "--input-format", "jsonl", str(path)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        rows.append(("`tocsin extract` (subprocess, model load included)", time.perf_counter() - start))
        n_events = len(proc.stdout.splitlines())

        pipe = Pipeline.from_settings(settings)
        start = time.perf_counter()
        coded = [r for r in pipe.run(iter_inputs([str(path)], input_format="jsonl")) if isinstance(r, Coded)]
        elapsed = time.perf_counter() - start
        rows.append(("tocsin pipeline, models loaded (ingest + parse + extract)", elapsed))
        assert len(coded) == n_docs

    nlp = spacy.load(settings.model)
    texts = [d["text"] for d in corpus]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    rows.append((f"bare spaCy `nlp.pipe` ({settings.model}, full texts)", time.perf_counter() - start))
    paragraphs = [r.document.text[s.start : s.end] for r in coded for s in r.document.body_segments()]
    start = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=settings.batch_size):
        pass
    rows.append(("bare spaCy `nlp.pipe`, the body paragraphs tocsin parses", time.perf_counter() - start))

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" spaCy {spacy.__version__}; {n_docs} documents, {n_words} words; {n_events} events.\n"
    )
    print("| run | seconds | documents/s | words/s |")
    print("|---|---:|---:|---:|")
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {n_docs / secs:.1f} | {n_words / secs:,.0f} |")
    print(f"\nSteady-state tocsin time / bare spaCy on the same paragraphs: {rows[1][1] / rows[3][1]:.2f}x")


if __name__ == "__main__":
    main()
