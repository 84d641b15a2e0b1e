"""Continuous monitoring: `tocsin watch`."""

from __future__ import annotations

import re
import signal
from pathlib import Path
from types import FrameType

import click

from tocsin.cli.app import Failure, _pipeline, _settings, cli
from tocsin.errors import TocsinError
from tocsin.monitor.stop import StopRequest
from tocsin.store.access import CODING_WRITER_THREADS
from tocsin.store.connection import is_postgres
from tocsin.store.store import Store

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "15m", "30s", "1h", "1d" or a plain number of seconds (at least one second)."""
    found = _INTERVAL.match(text.lower())
    if found is None or float(found.group(1)) * _UNIT_SECONDS[found.group(2)] < 1:
        raise click.BadParameter(f"{text!r} is no interval: write 30s, 15m, 1h or a number of seconds")
    return float(found.group(1)) * _UNIT_SECONDS[found.group(2)]


@cli.command()
@click.argument("sources_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--every", default="15m", show_default=True, help="How often to poll: 30s, 15m, 1h.")
@click.option("--db", default=None, help="DuckDB file (default from settings: tocsin.duckdb).")
@click.option(
    "--out",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the day's alerts and bulletin (default: watch/ beside the store).",
)
@click.option("--once", is_flag=True, help="Poll every source once, write the reports, and stop.")
@click.pass_context
def watch(ctx: click.Context, sources_file: Path, every: str, db: str | None, out: Path | None,
          once: bool) -> None:  # fmt: skip
    """Monitor the feeds, pages, files and folders listed in SOURCES_FILE (one a line).

    Every interval each source is polled (feeds and pages by conditional request: an unchanged feed
    costs one 304), what is new is ingested and fused, and the day's alerts (alerts-DAY.jsonl) and
    bulletin (bulletin-DAY.md and .json) are written to --out; new alerts are said on stderr. A
    failing source is recorded and retried with backoff; the others go on. SIGTERM or Ctrl-C stops
    it cleanly between two documents, and the same command resumes.
    """
    from tocsin.monitor.loop import Watcher
    from tocsin.monitor.poll import Poller
    from tocsin.monitor.sources import read_sources
    from tocsin.monitor.state import WatchState

    settings = _settings(ctx)
    interval = parse_interval(every)
    try:
        sources = read_sources(sources_file)
        store = Store(
            db or settings.db, wait_seconds=settings.store_wait_seconds, threads=CODING_WRITER_THREADS
        )
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    store.release()  # readers read while the models load
    # its HTTP cache and state beside the store's file (a PostgreSQL store's: in this directory)
    where = Path.cwd() / "tocsin-postgres" if is_postgres(store.path) else Path(store.path)
    stop = StopRequest()
    _stop_on_signals(stop)
    try:
        pipe = _pipeline(settings)
        poller = Poller(
            where.with_name(where.name + ".http-cache.sqlite"),
            max_bytes=settings.max_bytes,
            allow_private=settings.allow_private_urls,
            file_roots=settings.file_roots,
        )
    except TocsinError as exc:
        store.close()
        raise Failure(str(exc)) from exc
    state = WatchState.load(where.with_name(where.name + ".watch.json"))
    watcher = Watcher(sources, store=store, pipeline=pipe, poller=poller, state=state,
                      out=out or where.parent / "watch", every=interval, stop=stop,
                      say=lambda line: click.echo(line, err=True))  # fmt: skip
    click.echo(f"tocsin: watching {len(sources)} sources every {every} into {store.name}", err=True)
    with store:
        try:
            watcher.run(once=once)
        finally:
            poller.close()
    if stop.is_set():
        click.echo("tocsin: watch stopped; run the same command to resume", err=True)


def _stop_on_signals(stop: StopRequest) -> None:
    """SIGTERM or Ctrl-C ask the loop to stop between two documents; a second one stops at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
