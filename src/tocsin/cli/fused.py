"""Printing fused events (`events --fused`, `show` of a fused id) and their history (`history`)."""

from __future__ import annotations

import json
from typing import Any

import click

from tocsin.cli.app import Failure, _cell, _parties, _stored, _write_records, cli

_TABLE = [("id", 8), ("date", 10), ("event", 8), ("reports", 7), ("sources", 7), ("actor", 26),
          ("location", 22), ("dead", 9), ("factuality", 10)]  # fmt: skip

CSV_FIELDS = [
    "id", "n_reports", "n_sources", "first_reported", "last_reported", "date", "date_end", "date_precision",
    "event", "mode", "acled_event_type", "acled_sub_event_type", "actor", "recipient", "location",
    "country_code", "lat", "lon", "location_precision", "dead_low", "dead_best", "dead_high", "injured_low",
    "injured_best", "injured_high", "factuality", "claimed_by", "denied_by", "confirmed_by", "confidence",
    "report_ids", "doc_ids",
]  # fmt: skip


def _range(low: int | None, best: int | None, high: int | None) -> str:
    if best is None:
        return ""
    return str(best) if low == high else f"{best} ({low}-{high})"


def _row(e: dict[str, Any]) -> list[str]:
    loc = e["location"]
    values = [e["id"][:8], e["date"], e["event"], e["n_reports"], e["n_sources"], _parties(e["actor"]),
              loc and (loc["name"] or loc["text"]), _range(e["dead_low"], e["dead_best"], e["dead_high"]),
              e["factuality"]]  # fmt: skip
    return [_cell(v, w).ljust(w) for v, (_, w) in zip(values, _TABLE, strict=True)]


def _csv(e: dict[str, Any]) -> dict[str, Any]:
    loc = e["location"] or {}
    flat = {
        "actor": _parties(e["actor"]), "recipient": _parties(e["recipient"]),
        "location": loc.get("name") or loc.get("text"), "country_code": loc.get("country_code"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "location_precision": loc.get("precision"),
        "claimed_by": _parties(e["claimed_by"]), "denied_by": _parties(e["denied_by"]),
        "confirmed_by": _parties(e["confirmed_by"]), "report_ids": " ".join(e["report_ids"]),
        "doc_ids": " ".join(e["doc_ids"]),
    }  # fmt: skip
    return {k: flat[k] if k in flat else e[k] for k in CSV_FIELDS}


def print_fused(records: list[dict[str, Any]], fmt: str) -> None:
    """Fused events as a table, JSON lines or CSV."""
    if _write_records(records, fmt, CSV_FIELDS, _csv):
        return
    click.echo(" ".join(name.ljust(w) for name, w in _TABLE).rstrip())
    for e in records:
        click.echo(" ".join(_row(e)).rstrip())
    click.echo(f"({len(records)} events)")


def fused_text(e: dict[str, Any]) -> str:
    """A fused event for reading: the whole, then each report's claim and sentence side by side."""
    loc = e["location"]
    acled = f"  ACLED: {e['acled_event_type']} / {e['acled_sub_event_type']}" if e["acled_event_type"] else ""
    lines = [
        f"{e['id']}  {e['event']}{'/' + e['mode'] if e['mode'] else ''}  ({e['factuality']},"
        f" {e['n_reports']} reports from {e['n_sources']} sources, first {e['first_reported'] or '?'},"
        f" last {e['last_reported'] or '?'})",
        f"  date:      {e['date'] or 'unknown'}{' to ' + e['date_end'] if e['date_end'] else ''}"
        f" ({e['date_precision']}){acled}",
        f"  actor:     {_parties(e['actor']) or '-'}",
        f"  recipient: {_parties(e['recipient']) or '-'}",
        f"  location:  {(loc['name'] or loc['text']) + ' [' + loc['precision'] + ']' if loc else '-'}",
    ]
    for kind in ("dead", "injured"):
        if e[f"{kind}_best"] is not None:
            lines.append(f"  {kind + ':':<10} best {e[f'{kind}_best']}, low {e[f'{kind}_low']},"
                         f" high {e[f'{kind}_high']}")  # fmt: skip
    for label, key in (
        ("claimed by", "claimed_by"),
        ("denied by", "denied_by"),
        ("confirmed", "confirmed_by"),
    ):
        if e[key]:
            lines.append(f"  {label + ':':<10} {_parties(e[key])}")
    evidence = {(x["doc_id"]): x for x in e["evidence"]}
    for c in e["claims"]:
        said = f"; claimed by {', '.join(c['claimed_by'])}" if c["claimed_by"] else ""
        said += f"; denied by {', '.join(c['denied_by'])}" if c["denied_by"] else ""
        figures = f"; dead {c['dead']}" if c["dead"] is not None else ""
        lines.append(f"  report {c['report_id']}  {c['source'] or 'unknown outlet'}, {c['published'] or '?'}:"
                     f" {c['factuality']}{figures}{said}")  # fmt: skip
        ev = evidence.get(c["doc_id"])
        if ev:
            where = f"[{ev['doc_id']} sentence {ev['sentence']}, chars {ev['start']}-{ev['end']}]"
            lines.append(f"             {where}"
                         f" {ev['text']}")  # fmt: skip
    return "\n".join(lines)


@cli.command()
@click.argument("event_id")
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@click.pass_context
def history(ctx: click.Context, event_id: str, db: str | None, fmt: str) -> None:
    """How a fused event came to be: each open, attach, merge, split and dissolve, oldest first.
    EVENT_ID may be an id it had before a merge."""

    with _stored(ctx, db) as store:
        current = store.resolve(event_id)
        steps = store.history(event_id)
    if not steps:
        raise Failure(f"no fused event with id {event_id!r}")
    if fmt == "jsonl":
        for step in steps:
            click.echo(json.dumps(step, ensure_ascii=False))
        return
    if current and current != event_id and not current.startswith(event_id):
        click.echo(f"{event_id} was merged into {current}")
    for s in steps:
        other = f" absorbing {s['other_id']}" if s["other_id"] else ""
        click.echo(f"{s['seq']:>5}  {s['at'][:19]}  {s['action']:<8} {s['event_id']}{other}:"
                   f" {' '.join(s['report_ids']) or '-'}")  # fmt: skip
