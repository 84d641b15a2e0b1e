"""Throughput of tocsin's cleaning stage beside bare trafilatura on the same HTML pages, in one run.

    .venv/bin/python scripts/benchmark_cleaning.py [--pages 1000]

The pages are built from the bundled sample articles: each a full news page (navigation, the
article's paragraphs, a photo caption, a nested comment thread, a footer), every one different
(its own id, headline and numbers). The cleaning stage is what tocsin does before parsing:
decoding, trafilatura's extraction (with comments kept apart), segmentation, language check and
content hash (``Pipeline.document``). Bare trafilatura is ``bare_extraction`` with the same options.
Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import time
from pathlib import Path

from trafilatura import bare_extraction

from tocsin.ingest.documents import Metadata, build_document
from tocsin.ingest.html import DATE_PARAMS

ROOT = Path(__file__).resolve().parents[1]


def _pages(n: int) -> list[bytes]:
    meta = [json.loads(line) for line in (ROOT / "samples" / "documents.jsonl").read_text().splitlines()]
    texts = [(m, (ROOT / "samples" / m["file"]).read_text(encoding="utf-8")) for m in meta]
    pages = []
    for i in range(n):
        m, text = texts[i % len(texts)]
        paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 80][:12]
        body = "".join(f"<p>{html.escape(p)} (Report {i}.)</p>" for p in paragraphs)
        pages.append(
            f"""<!doctype html><html><head><title>{html.escape(m["title"])} #{i}</title>
<meta property="article:published_time" content="{m["published"]}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article><h1>{html.escape(m["title"])} #{i}</h1>{body}
<figure><img src="p{i}.jpg"><figcaption>Photo {i} (Agency)</figcaption></figure></article>
<section class="comments"><h3>2 Comments</h3><ol><li class="comment"><p>Comment {i} on this story.</p>
<ol class="children"><li class="comment"><p>A reply to comment {i}.</p></li></ol></li></ol></section>
<footer>Subscribe to our newsletter. Copyright {i}.</footer></body></html>""".encode()
        )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    pages = _pages(args.pages)
    megabytes = sum(len(p) for p in pages) / 1e6

    start = time.perf_counter()
    for page in pages:
        bare_extraction(
            page.decode(), include_comments=True, with_metadata=True, date_extraction_params=DATE_PARAMS
        )
    bare = time.perf_counter() - start

    start = time.perf_counter()
    for page in pages:
        build_document(page, meta=Metadata(), fmt="html", max_bytes=5_000_000, source_path=None)
    ours = time.perf_counter() - start

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()};"
          f" {len(pages)} HTML pages, {megabytes:.1f} MB.\n")  # fmt: skip
    print("| run | seconds | pages/s |")
    print("|---|---:|---:|")
    bare_name = "bare trafilatura `bare_extraction` (comments apart, metadata)"
    print(f"| {bare_name} | {bare:.2f} | {len(pages) / bare:.1f} |")
    print(f"| tocsin cleaning stage (`build_document`) | {ours:.2f} | {len(pages) / ours:.1f} |")
    print(f"\ntocsin cleaning time / bare trafilatura: {ours / bare:.2f}x")


if __name__ == "__main__":
    main()
