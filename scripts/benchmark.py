"""Throughput of ``tocsin extract`` beside bare spaCy ``nlp.pipe`` on the same texts, in one run.

    .venv/bin/python scripts/benchmark.py [--words 50000] [--repeat 3] [--corpus samples|news]

``--corpus samples``: the bundled sample articles repeated (each copy a distinct document id) to
about ``--words`` words. ``--corpus news``: real short news, the wire stories of
``../shared/dev/glocon/dev.jsonl`` and the articles of ``../shared/dev/ipe/dev.jsonl`` (read when
present, never copied), in file order up to about ``--words`` words. Three measurements, same
machine, same run (the second and third repeated ``--repeat``
times, the fastest of each kept: the run least disturbed by other load on the machine):
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from tocsin import narrative
from tocsin.config import load_settings
from tocsin.extract import events as extract_events
from tocsin.geo.resolve import PlaceResolver
from tocsin.ingest.readers import iter_inputs
from tocsin.nlp.gazetteer_ruler import GazetteerRuler
from tocsin.pipeline import Coded, Pipeline

ROOT = Path(__file__).resolve().parents[1]


def _news(target_words: int) -> list[dict[str, str]]:
    """Real short news from the dev sets beside the repository (GLOCON wire stories, IPE articles)."""
    out: list[dict[str, str]] = []
    words = 0
    for name in ("glocon/dev.jsonl", "ipe/dev.jsonl"):
        path = ROOT.parent / "shared" / "dev" / name
        if not path.is_file():
            raise SystemExit(f"benchmark: no {path} (the news corpus needs ../shared/dev)")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            doc_id = f"{name.split('/')[0]}-{row['id']}"
            out.append({"id": doc_id, "text": row["text"], "published": row.get("published") or ""})
            words += len(row["text"].split())
            if words >= target_words:
                return out
    return out


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


class StageTimer:
    """Wraps methods to add up the seconds spent in them (one stage of the pipeline)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, owner: Any, name: str, stage: str, *, static: bool = False) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

        setattr(owner, name, staticmethod(timed) if static else timed)


def _fastest(run: Callable[[], None], repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` runs: the least disturbed by other load (timeit's rule)."""
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="Time the steady-state and bare spaCy runs this many times and keep the fastest of each.",
    )
    parser.add_argument("--corpus", choices=["samples", "news"], default="samples")
    args = parser.parse_args()
    corpus = _news(args.words) if args.corpus == "news" else _corpus(args.words)
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
            check=False,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if proc.returncode not in {0, 1}:  # 1: some inputs rejected (named on stderr), the rest coded
            raise SystemExit(proc.stderr.decode(errors="replace"))
        rejected = len(proc.stderr.decode(errors="replace").splitlines())
        rows.append(("`tocsin extract` (subprocess, model load included)", time.perf_counter() - start))
        n_events = len(proc.stdout.splitlines())

        pipe = Pipeline.from_settings(settings)
        coded: list[Coded] = []

        def steady() -> None:
            coded[:] = [
                r for r in pipe.run(iter_inputs([str(path)], input_format="jsonl")) if isinstance(r, Coded)
            ]

        rows.append(
            ("tocsin pipeline, models loaded (ingest + parse + extract)", _fastest(steady, args.repeat))
        )
        assert len(coded) == n_docs - rejected, (len(coded), n_docs, rejected)

    nlp = spacy.load(settings.model)
    texts = [d["text"] for d in corpus]
    paragraphs = [r.document.text[s.start : s.end] for r in coded for s in r.document.body_segments()]

    def bare(batch: list[str]) -> None:
        for _ in nlp.pipe(batch, batch_size=settings.batch_size):
            pass

    rows.append(
        (f"bare spaCy `nlp.pipe` ({settings.model}, full texts)", _fastest(lambda: bare(texts), args.repeat))
    )
    rows.append(
        (
            "bare spaCy `nlp.pipe`, the body paragraphs tocsin parses",
            _fastest(lambda: bare(paragraphs), args.repeat),
        )
    )

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" spaCy {spacy.__version__}; {n_docs} documents ({rejected} rejected), {n_words} words;"
        f" {n_events} events.\n"
    )
    print("| run | seconds | documents/s | words/s |")
    print("|---|---:|---:|---:|")
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {n_docs / secs:.1f} | {n_words / secs:,.0f} |")
    print(f"\nSteady-state tocsin time / bare spaCy on the same paragraphs: {rows[1][1] / rows[3][1]:.2f}x")

    # Stage shares: a second steady-state run with the date and place stages timed.
    timer = StageTimer()
    timer.wrap(narrative.DocumentClock, "read", "dates (DocumentClock.read)")
    timer.wrap(extract_events, "screen", "precision stage (screen: senses, participants)")
    timer.wrap(extract_events, "document_subject", "precision stage (the document's subject)")
    timer.wrap(PlaceResolver, "mentions", "places (mentions and resolution)")
    timer.wrap(GazetteerRuler, "__call__", "places (gazetteer ruler in the spaCy pipeline)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in corpus), encoding="utf-8")
        start = time.perf_counter()
        for _ in pipe.run(iter_inputs([str(path)], input_format="jsonl")):
            pass
        total = time.perf_counter() - start
    print("\n| stage | seconds | share of the steady-state run |")
    print("|---|---:|---:|")
    for stage, secs in sorted(timer.seconds.items()):
        print(f"| {stage} | {secs:.2f} | {secs / total:.1%} |")
    print(f"| whole run | {total:.2f} | 100% |")


if __name__ == "__main__":
    main()
