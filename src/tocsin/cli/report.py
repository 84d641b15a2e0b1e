"""The daily bulletin: `tocsin bulletin`."""

from __future__ import annotations

import json

import click

from tocsin.cli.app import Failure, _date_option, _settings, cli


@cli.command()
@click.option("--date", "day", required=True, metavar="YYYY-MM-DD", help="The day the bulletin covers.")
@click.option(
    "--area", default=None, metavar="NAME", help="Only this area (region or country name, or ISO code)."
)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def bulletin(ctx: click.Context, day: str, area: str | None, fmt: str, db: str | None) -> None:
    """The daily bulletin a monitoring mission publishes: per area the violent events and counted
    violations, the comparison with the day before, deaths and injuries, claims and denials,
    restrictions, alerts and open warnings, and an annex of the day's events. The same store and day
    give the same bulletin, byte for byte."""
    from tocsin.analysis.rules import configure
    from tocsin.cli.browse import _stored
    from tocsin.report.bulletin import bulletin as make
    from tocsin.report.bulletin import load
    from tocsin.report.render import markdown, page

    configure(_settings(ctx).alert_overrides)
    when = _date_option(day)
    if when is None:
        raise Failure("--date is required")
    with _stored(ctx, db) as store:
        data = load(store)
    b = make(data, when, area)
    if fmt == "json":
        click.echo(json.dumps(b, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(markdown(b) if fmt == "md" else page(b), nl=False)
