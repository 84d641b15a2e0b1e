"""Watching for escalation: `tocsin alerts`."""

from __future__ import annotations

import json

import click

from tocsin.analysis.occurrences import collect
from tocsin.cli.app import Failure, _cell, _date_option, _settings, _stored, cli


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option(
    "--since", default=None, metavar="YYYY-MM-DD", help="First day to replay (default: 5 weeks in)."
)
@click.option(
    "--until", default=None, metavar="YYYY-MM-DD", help="The day to watch (default: the last event's)."
)
@click.option(
    "--area", default=None, metavar="NAME", help="Only this area (region or country name, or ISO code)."
)
@click.option(
    "--replay", is_flag=True, help="Every day from --since to --until, as the monitor would have raised them."
)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def alerts(ctx: click.Context, db: str | None, since: str | None, until: str | None, area: str | None,
           replay: bool, fmt: str) -> None:  # fmt: skip
    """Alerts from the stored events (fused events; imported histories as they are): surges of
    violence or deaths, rises in what comes before violence, warnings the sources give, and sources
    gone silent. Each says its figures in one sentence."""
    from tocsin.analysis.alerts import watch
    from tocsin.analysis.rules import configure

    configure(_settings(ctx).alert_overrides)
    with _stored(ctx, db) as store:
        occurrences = collect(store.fused_events(), store.imported_events())
    if not occurrences:
        raise Failure("no dated, placed events in the store: ingest or import some first")
    found = watch(
        occurrences, since=_date_option(since), until=_date_option(until), replay_days=replay, area=area
    )
    if fmt == "jsonl":
        for a in found:
            click.echo(json.dumps(a.as_dict(), ensure_ascii=False))
        return
    for a in found:
        click.echo(f"{a.issued_at}  {a.level:<8} {a.kind:<10} {_cell(a.explanation, 110)}")
    click.echo(f"({len(found)} alerts)")
