"""Watching for escalation: `tocsin alerts`."""

from __future__ import annotations

import json
from datetime import timedelta

import click

from tocsin.analysis.occurrences import Occurrence, from_fused, from_imported
from tocsin.cli.app import Failure, _cell, _date_option, _settings, cli
from tocsin.store.duckdb_store import Store


def _occurrences(store: Store) -> list[Occurrence]:
    found = [from_fused(r) for r in store.fused_events()] + [
        from_imported(r) for r in store.imported_events()
    ]
    return [o for o in found if o is not None]


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
    from tocsin.analysis.alerts import alerts_on
    from tocsin.analysis.alerts import replay as replay_days
    from tocsin.analysis.rules import configure
    from tocsin.cli.browse import _stored

    configure(_settings(ctx).alert_overrides)
    with _stored(ctx, db) as store:
        occurrences = _occurrences(store)
    if not occurrences:
        raise Failure("no dated, placed events in the store: ingest or import some first")
    days = sorted(o.day for o in occurrences)
    end = _date_option(until) or days[-1]
    if replay:
        start = _date_option(since) or days[0] + timedelta(days=35)
        last = min(end, days[-1])  # after the last event a replay has nothing new to see
        found = replay_days(occurrences, max(start, days[0]), last)
    else:
        found = alerts_on(occurrences, end)
    if area:
        wanted = area.casefold()
        found = [
            a for a in found if wanted in {a.area.name.casefold(), (a.area.country_code or "").casefold()}
        ]
    if fmt == "jsonl":
        for a in found:
            click.echo(json.dumps(a.as_dict(), ensure_ascii=False))
        return
    for a in found:
        click.echo(f"{a.issued_at}  {a.level:<8} {a.kind:<10} {_cell(a.explanation, 110)}")
    click.echo(f"({len(found)} alerts)")
