"""Reports from the store: the daily bulletin (`tocsin bulletin`) and exports (`tocsin export`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tocsin.cli.app import Failure, _date_option, _settings, _stored, cli


@cli.command()
@click.option("--date", "day", required=True, metavar="YYYY-MM-DD", help="The day the bulletin covers.")
@click.option(
    "--area", default=None, metavar="NAME", help="Only this area (region or country name, or ISO code)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json", "pdf"]), default="md", show_default=True
)
@click.option(
    "--out", default=None, type=click.Path(dir_okay=False), help="Write to this file (needed for pdf)."
)
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def bulletin(
    ctx: click.Context, day: str, area: str | None, fmt: str, out: str | None, db: str | None
) -> None:
    """The daily bulletin a monitoring mission publishes: per area the violent events and counted
    violations, the comparison with the day before, deaths and injuries, claims and denials,
    restrictions, alerts and open warnings, and an annex of the day's events. The same store and day
    give the same bulletin, byte for byte."""
    from tocsin.analysis.rules import configure
    from tocsin.report.bulletin import bulletin as make
    from tocsin.report.bulletin import load
    from tocsin.report.pdf import PrintError, print_pdf
    from tocsin.report.render import markdown, page

    configure(_settings(ctx).alert_overrides)
    when = _date_option(day)
    if when is None:
        raise Failure("--date is required")
    with _stored(ctx, db) as store:
        data = load(store, when)
    b = make(data, when, area)
    if fmt == "pdf":
        if out is None:
            raise Failure("--format pdf needs --out FILE")
        try:
            print_pdf(page(b), Path(out))
        except PrintError as exc:
            raise Failure(str(exc)) from exc
        click.echo(f"tocsin: bulletin of {when} written to {out}", err=True)
        return
    text = json.dumps(b, ensure_ascii=False, indent=2, sort_keys=True) + "\n" if fmt == "json" else (
        markdown(b) if fmt == "md" else page(b))  # fmt: skip
    if out is None:
        click.echo(text, nl=False)
    else:
        Path(out).write_text(text, encoding="utf-8")


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["acled-csv", "ucdp-csv", "plover-jsonl", "geojson", "parquet"]),
    help="The layout: ACLED's CSV, UCDP GED's CSV, PLOVER JSON lines, GeoJSON or Parquet.",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--type", "types", multiple=True, metavar="PLOVER", help="PLOVER event type (repeatable).")
@click.option("--country", default=None, metavar="CODE", help="ISO code of the event's place or a party.")
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def export(ctx: click.Context, fmt: str, out: str, since: str | None, until: str | None,
           types: tuple[str, ...], country: str | None, db: str | None) -> None:  # fmt: skip
    """Write the fused events (with the filters of `events`) in another dataset's layout: ACLED CSV
    (readable by `import-events --format acled`), UCDP GED CSV, PLOVER JSON lines, GeoJSON for QGIS,
    or Parquet for pandas and DuckDB."""
    from tocsin.report.exports import WRITERS
    from tocsin.store.query import EventQuery

    query = EventQuery(since=_date_option(since), until=_date_option(until), types=types, country=country)
    with _stored(ctx, db) as store:
        records = list(store.fused_events(query))
    try:
        written = WRITERS[fmt](records, Path(out))
    except OSError as exc:
        raise Failure(f"cannot write {out}: {exc.strerror or exc}") from exc
    click.echo(f"tocsin: {written} events written to {out} ({fmt})", err=True)
