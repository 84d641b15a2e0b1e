"""The ``tocsin`` group, its settings and the helpers its commands share.

Exit codes: 0 all inputs coded; 1 some inputs were rejected (each named on stderr, the rest of the
batch still coded); 2 usage, configuration or store error; 3 internal error (see ``tocsin.cli``).
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import click

from tocsin.config import Settings, load_settings
from tocsin.errors import ConfigError, StoreError, TocsinError
from tocsin.ingest.documents import Metadata
from tocsin.ingest.readers import INPUT_FORMATS, iter_inputs
from tocsin.models import FIRST_DAY, LAST_DAY, Rejection
from tocsin.store.connection import exists, shown
from tocsin.store.store import Store

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Failure(click.ClickException):
    """A command that cannot run (no store, a store locked or broken, a missing file): exit 2."""

    exit_code = EXIT_USAGE


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc
    if not FIRST_DAY <= day <= LAST_DAY:
        raise click.BadParameter(
            f"{value} is outside the days tocsin reckons with ({FIRST_DAY} to {LAST_DAY})"
        )
    return day


def _cell(value: Any, width: int) -> str:
    """A table cell: the value as text, cut to ``width`` with an ellipsis."""
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_records(
    records: list[dict[str, Any]],
    fmt: str,
    fields: list[str],
    csv_row: Callable[[dict[str, Any]], dict[str, Any]],
) -> bool:
    """Write records as JSON lines or CSV (one header, ``fields`` as columns); False for any other
    format, which the caller prints as its own table."""
    if fmt == "jsonl":
        for e in records:
            click.echo(json.dumps(e, ensure_ascii=False))
        return True
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for e in records:
            writer.writerow(csv_row(e))
        return True
    return False


def _parties(parties: list[dict[str, Any]]) -> str:
    """Parties (actors, claimants) as one line of names."""
    return "; ".join(p.get("name") or p.get("text") or "?" for p in parties)


def _say_rejection(r: Rejection) -> None:
    click.echo(f"tocsin: rejected {r.source}: {r.reason}: {r.detail}", err=True)


@functools.lru_cache(maxsize=2)
def _pipeline(settings: Settings) -> Any:
    """The coding pipeline, built once per process (spaCy loads only for commands that code)."""
    from tocsin.heap import freeze_loaded
    from tocsin.pipeline import Pipeline

    pipe = Pipeline.from_settings(settings)
    freeze_loaded()
    return pipe


def _coding_inputs(
    ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None
) -> tuple[Any, Iterator[Any]]:
    """The loaded pipeline and the inputs of a coding command (extract, dates, places)."""
    settings = _settings(ctx)
    try:
        pipe = _pipeline(settings)
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    return pipe, _inputs(ctx, paths, input_format, published)


def _inputs(
    ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None
) -> Iterator[Any]:
    """The inputs of a coding command, read lazily."""
    settings = _settings(ctx)
    return iter_inputs(
        list(paths),
        input_format=input_format,
        stdin=sys.stdin.buffer,
        defaults=Metadata(published=_date_option(published)),
        max_bytes=settings.max_bytes,
        file_roots=settings.file_roots,
        allow_private_urls=settings.allow_private_urls,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Settings file (default ./tocsin.toml, or $TOCSIN_CONFIG).",
)
@click.version_option(package_name="tocsin")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """tocsin: a sourced, geocoded record of conflict events from news and statements."""
    try:
        ctx.obj = load_settings(config_path=config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


_INPUT_FORMAT = click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read PATHs: auto (by content; *.jsonl as JSONL), text, html or jsonl.",
)
_PUBLISHED = click.option(
    "--published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that do not carry their own.",
)


def _parsed_inputs(
    ctx: click.Context,
    paths: tuple[str, ...],
    input_format: str,
    published: str | None,
    rejected: list[Rejection],
) -> tuple[Any, Iterator[Any]]:
    """The pipeline and the parsed documents of a reading command (dates, places); each rejected
    input is named on stderr and appended to ``rejected``."""
    from tocsin.pipeline import Parsed

    pipe, items = _coding_inputs(ctx, paths, input_format, published)

    def parsed() -> Iterator[Parsed]:
        for result in pipe.run_parsed(items):
            if isinstance(result, Parsed):
                yield result
            elif isinstance(result, Rejection):
                rejected.append(result)
                _say_rejection(result)

    return pipe, parsed()


def _stored(ctx: click.Context, db: str | None) -> Store:
    """The store a reading command reads, opened read-only (it writes nothing, migrates nothing, and
    several readers may read at once); a clear error when there is none yet."""
    settings = _settings(ctx)
    path = db or settings.db
    if not exists(path):
        raise Failure(f"no store at {shown(path)}: run `tocsin ingest` first")
    try:
        return Store(path, read_only=True, wait_seconds=settings.store_wait_seconds)
    except StoreError as exc:
        raise Failure(str(exc)) from exc
