"""Coding commands: extract, dates, ingest, reprocess."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections import Counter
from typing import Any

import click

from tocsin.cli.app import (
    _INPUT_FORMAT,
    _PUBLISHED,
    EXIT_OK,
    EXIT_REJECTED,
    Failure,
    _coding_inputs,
    _date_option,
    _inputs,
    _parsed_inputs,
    _pipeline,
    _say_rejection,
    _settings,
    cli,
)
from tocsin.errors import TocsinError, is_interrupt
from tocsin.ingest.documents import Metadata
from tocsin.ingest.readers import iter_inputs
from tocsin.models import Rejection
from tocsin.report.records import event_json, time_json
from tocsin.store.access import CODING_WRITER_THREADS, READER_TURN
from tocsin.store.connection import exists, shown
from tocsin.store.fusion import FusionCounts
from tocsin.store.store import Store

_WORKERS = click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Code in this many processes, each loading the models once (output identical whatever N).",
)


def _workers(ctx: click.Context, n: int, known: frozenset[str] = frozenset()) -> Any:
    """A pool of ``n`` coding processes, closed when the command ends."""
    from tocsin.workers import Workers

    pool = Workers(_settings(ctx), n, known=known)
    ctx.call_on_close(pool.close)
    return pool


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.option(
    "--debug",
    is_flag=True,
    help="Also say on stderr, one JSON object a line, each candidate the precision stage dropped "
    "or kept as background, and why.",
)
@_WORKERS
@click.pass_context
def extract(
    ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None, debug: bool,
    workers: int,
) -> None:  # fmt: skip
    """Print the events found in PATHS (files, directories or - for stdin), one JSON object a line.

    Nothing is stored. With --input-format jsonl each line is a document
    {"id", "text" or "html" or "file", "published", "url", "title", "source"}.
    """
    if workers > 1:
        pool = _workers(ctx, workers)
        results = pool.run(_inputs(ctx, paths, input_format, published))
    else:
        pipe, items = _coding_inputs(ctx, paths, input_format, published)
        results = pipe.run(items)
    failed = 0
    for result in results:
        if isinstance(result, Rejection):
            failed += 1
            _say_rejection(result)
            continue
        for event in result.events:
            click.echo(json.dumps(event_json(event), ensure_ascii=False))
        if debug:
            for d in result.dropped:
                click.echo(json.dumps({"screened": dataclasses.asdict(d)}, ensure_ascii=False), err=True)
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def dates(ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None) -> None:
    """Print every temporal expression in PATHS, resolved, one JSON object a line.

    Fields: doc_id, text, start, end (offsets in the document text), value (ISO: 2023-03-27,
    2023-W12, 2023-03, 2023, 2023-Q3, PRESENT_REF ...), end_value (ranges), precision, method.
    Without a publication date, relative expressions stay unresolved (precision unknown).
    """
    rejected: list[Rejection] = []
    pipe, parsed = _parsed_inputs(ctx, paths, input_format, published, rejected)
    for result in parsed:
        for expr in pipe.dates(result):
            click.echo(json.dumps(time_json(result.document.id, expr), ensure_ascii=False))
    ctx.exit(EXIT_REJECTED if rejected else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="DuckDB file (default from settings: tocsin.duckdb).")
@_INPUT_FORMAT
@_PUBLISHED
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Report progress on stderr every few seconds (default: when stderr is a terminal).",
)
@_WORKERS
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, input_format: str,
           published: str | None, progress: bool | None, workers: int) -> None:  # fmt: skip
    """Code PATHS (files, directories, -, URLs) and keep documents, events and rejections.

    Ingesting the same input again changes nothing; an interrupted run (Ctrl-C) leaves the store
    consistent and, run again, skips what is already stored. A different text under a stored
    document id is a correction: it replaces the document and its events, the earlier text and
    events kept in the store's history. Other commands can read the store while this runs; a
    second writer is refused. A summary goes to stderr.
    """
    from tocsin.intake import intake

    settings = _settings(ctx)
    defaults = Metadata(published=_date_option(published))
    tally = Tally(show=sys.stderr.isatty() if progress is None else progress)
    try:  # the store first: a busy or broken store is refused before the models load
        store = Store(
            db or settings.db, wait_seconds=settings.store_wait_seconds, threads=CODING_WRITER_THREADS
        )
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    known = store.content_hashes() if workers > 1 else frozenset()
    store.release()  # readers may read while the models load
    try:
        pipe = None if workers > 1 else _pipeline(settings)
        pool = _workers(ctx, workers, known) if workers > 1 else None
    except TocsinError as exc:
        store.close()
        raise Failure(str(exc)) from exc
    interrupted = False
    next_fusion = FUSE_EVERY
    fused = FusionCounts()
    with store:
        items = iter_inputs(list(paths), input_format=input_format, stdin=sys.stdin.buffer,
                            defaults=defaults, max_bytes=settings.max_bytes, file_roots=settings.file_roots,
                            allow_private_urls=settings.allow_private_urls)  # fmt: skip
        try:
            if pool is not None:
                results = pool.run(items, waiting=store.release)
            else:
                assert pipe is not None
                results = pipe.run(
                    items, known=store.has_document, prefetch=store.prepare,
                    pause=lambda: store.release(held_for=READER_TURN),
                )  # fmt: skip
            for outcome in intake(store, results):
                if outcome.rejection is not None:
                    _say_rejection(outcome.rejection)
                    tally.count("rejected", reason=outcome.rejection.reason)
                    continue
                tally.count(outcome.status, events=outcome.events)
                if (
                    outcome.status in {"stored", "corrected"}
                    and tally.counts["stored"] + tally.counts["corrected"] >= next_fusion
                ):
                    next_fusion += FUSE_EVERY  # keep the fused view fresh during a long run
                    store.fuse()
            fused = store.fuse()
        except BaseException as exc:
            if not is_interrupt(exc):
                raise
            interrupted = True
    finish_run(ctx, store.name, tally, None if interrupted else fused)


def finish_run(ctx: click.Context, path: object, tally: Tally, fused: FusionCounts | None) -> None:
    """The end of a storing run (ingest, load): its summary and fusion on stderr, its exit code;
    ``fused`` is ``None`` when the run was interrupted (exit 130, the same command resumes)."""
    resume = "; interrupted: run the same command again to resume" if fused is None else ""
    click.echo(f"tocsin: {tally.summary()} to {path}{resume}", err=True)
    if fused is not None and fused.reports:
        click.echo(f"tocsin: fusion: {fused.opened} events opened, {fused.attached} joined by new"
                   f" reports, {fused.merged} merged, {fused.split} split", err=True)  # fmt: skip
    if fused is None:
        ctx.exit(130)
    ctx.exit(EXIT_REJECTED if tally.counts["rejected"] else EXIT_OK)


#: Documents stored between two fusion passes of a long ingest (one more runs at its end).
FUSE_EVERY = 500


class Tally:
    """Counts of an ingest run, with a progress line on stderr every few seconds."""

    def __init__(self, *, show: bool, every: float = 2.0) -> None:
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.show, self.every = show, every
        self.start = self.last = time.monotonic()

    def count(self, status: str, *, reason: str = "", events: int = 0) -> None:
        self.counts["read"] += 1
        self.counts[status] += 1
        self.counts["events"] += events
        if reason:
            self.reasons[reason] += 1
        now = time.monotonic()
        if self.show and now - self.last >= self.every:
            self.last = now
            rate = self.counts["read"] / max(now - self.start, 1e-9)
            c = self.counts
            click.echo(f"tocsin: {c['read']} documents, {rate:.1f}/s, {c['stored']} stored,"
                       f" {c['rejected']} rejected so far", err=True)  # fmt: skip

    def summary(self) -> str:
        c = self.counts
        by_reason = ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items()))
        return (f"{c['read']} read, {c['stored']} stored, {c['duplicate']} already stored,"
                f"{f' {n} reprints recorded as further sources,' if (n := c['source']) else ''}"
                f"{f' {n} corrected (earlier texts kept),' if (n := c['corrected']) else ''}"
                f" {c['near_duplicate']} near-duplicates linked, {c['rejected']} rejected"
                f"{f' ({by_reason})' if by_reason else ''}, {c['events']} events added")  # fmt: skip


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def reprocess(ctx: click.Context, db: str | None) -> None:
    """Re-code every stored document from its kept raw input with this version of tocsin.

    Documents keep their ids; their events are replaced. No source needs to be at hand.
    """
    from tocsin.ingest.items import InputItem
    from tocsin.pipeline import Coded

    settings = _settings(ctx)
    path = db or settings.db
    if not exists(path):
        raise Failure(f"no store at {shown(path)}: run `tocsin ingest` first")
    pipe = _pipeline(settings)
    done = removed = added = failed = 0
    with Store(path, wait_seconds=settings.store_wait_seconds) as store:
        stored = list(store.raw_documents())
        items: list[InputItem | Rejection] = []
        for r in stored:
            if r.raw is None:
                items.append(Rejection(r.id, "missing", "no raw input kept for this document"))
                continue
            meta = Metadata(id=r.id, url=r.url, title=r.title, source=r.source, published=r.published,
                            published_method=r.published_method, author=r.author)  # fmt: skip
            items.append(InputItem(r.id, r.raw, r.raw_format, meta, r.source_path))
        for result in pipe.run(items, pause=store.release):
            if isinstance(result, Coded):
                gone, new = store.replace_events(result.document.id, result.events)
                done, removed, added = done + 1, removed + gone, added + new
            elif isinstance(result, Rejection):
                failed += 1
                _say_rejection(result)
        store.fuse()  # the re-coded reports join their events again
    click.echo(f"tocsin: {done} documents re-coded, {removed} events replaced by {added}, {failed} failed",
               err=True)  # fmt: skip
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)
