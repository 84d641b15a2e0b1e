"""Importing event histories: `tocsin import-events`."""

from __future__ import annotations

from pathlib import Path

import click

from tocsin.cli.app import EXIT_OK, EXIT_REJECTED, Failure, _say_rejection, _settings, cli
from tocsin.errors import InputError, TocsinError
from tocsin.store.connection import shown
from tocsin.store.store import Store


@cli.command("import-events")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["acled", "ucdp"]), required=True,
              help="acled: an ACLED CSV export; ucdp: a UCDP GED CSV.")  # fmt: skip
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def import_events(ctx: click.Context, file: str, fmt: str, db: str | None) -> None:
    """Load an ACLED or UCDP export into the store as imported events, each with its dataset and
    row id. Bad rows are rejected with their line and reason and the rest loaded; importing the
    same file again changes nothing, and a changed row replaces the old one."""
    from tocsin.importers.load import read_export

    settings = _settings(ctx)
    path = Path(file)
    if not path.is_file():
        raise Failure(f"no such file: {path}")
    try:
        report = read_export(path, fmt)
    except InputError as exc:
        raise Failure(exc.detail) from exc
    try:
        with Store(db or settings.db, wait_seconds=settings.store_wait_seconds) as store:
            added, updated, unchanged = store.import_events(report.events)
            for r in report.rejected:
                store.reject(r)
    except TocsinError as exc:
        raise Failure(str(exc)) from exc
    for r in report.rejected:
        _say_rejection(r)
    click.echo(f"tocsin: {report.read} rows read, {added} imported, {updated} updated, {unchanged} unchanged,"
               f" {len(report.rejected)} rejected to {shown(db or settings.db)}", err=True)  # fmt: skip
    ctx.exit(EXIT_REJECTED if report.rejected else EXIT_OK)
