"""Coding at scale: `tocsin backfill` on a distributed engine and `tocsin load` of its partitions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tocsin.cli.app import (
    _INPUT_FORMAT,
    _PUBLISHED,
    Failure,
    _date_option,
    _say_rejection,
    _settings,
    cli,
)
from tocsin.cli.coding import Tally, finish_run
from tocsin.errors import TocsinError, is_interrupt
from tocsin.store.fusion import FusionCounts


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--engine",
    type=click.Choice(["ray"]),
    default="ray",
    show_default=True,
    help="The distributed engine: Ray Data.",
)
@click.option(
    "--address",
    default=None,
    metavar="HOST:PORT",
    help="Join a running Ray cluster (ray start --head ...); without it a local one starts for the run.",
)
@click.option(
    "--out",
    required=True,
    help="Folder (shared by every node) or storage URI for the Parquet partitions; a previous run's"
    " partitions there are replaced.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 4096),
    help="Coding actors, each holding the models and one CPU.",
)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def backfill(ctx: click.Context, paths: tuple[str, ...], engine: str, address: str | None, out: str,
             workers: int, input_format: str, published: str | None) -> None:  # fmt: skip
    """Code PATHS (files, folders of JSONL, WARC, WARC.gz, HTML or text) on a distributed engine
    and write documents, reports and rejections as Parquet partitions under OUT/table=.../;
    `tocsin load OUT` then stores them, as `tocsin ingest PATHS` would have. An actor that dies is
    restarted and its batch coded again."""
    from tocsin.scale.backfill import Reading
    from tocsin.scale.backfill import backfill as run_backfill
    from tocsin.scale.load import partition_counts

    settings = _settings(ctx)
    reading = Reading(input_format, _date_option(published), settings.max_bytes, settings.file_roots,
                      settings.allow_private_urls)  # fmt: skip
    try:
        run_backfill(list(paths), out, settings, reading, address=address, workers=workers)
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    if "://" not in out:
        counts = partition_counts(Path(out))
        click.echo(f"tocsin: {counts['documents']} documents, {counts['reports']} reports and"
                   f" {counts['rejections']} rejections written to {out} (engine {engine})",
                   err=True)  # fmt: skip


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--db", default=None, help="DuckDB file (default from settings: tocsin.duckdb).")
@click.pass_context
def load(ctx: click.Context, folder: Path, db: str | None) -> None:
    """Store a backfill's partitions (FOLDER/table=.../) and fuse them: the same documents,
    reports and ids as `tocsin ingest` of the same sources. Loading them again changes nothing."""
    from tocsin.scale.load import load as load_partitions
    from tocsin.store.store import Store

    settings = _settings(ctx)
    tally = Tally(show=sys.stderr.isatty())
    try:
        store = Store(db or settings.db, wait_seconds=settings.store_wait_seconds)
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    fused: FusionCounts | None = None
    with store:
        try:
            for outcome in load_partitions(folder, store):
                if outcome.rejection is not None:
                    _say_rejection(outcome.rejection)
                    tally.count("rejected", reason=outcome.rejection.reason)
                else:
                    tally.count(outcome.status, events=outcome.events)
            fused = store.fuse()
        except TocsinError as exc:
            raise Failure(str(exc)) from exc
        except BaseException as exc:
            if not is_interrupt(exc):
                raise
    finish_run(ctx, store.name, tally, fused)
