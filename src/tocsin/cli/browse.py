"""Reading the store: events, show, rejects."""

from __future__ import annotations

import json
from typing import Any

import click

from tocsin.cli.app import (
    Failure,
    _cell,
    _date_option,
    _parties,
    _stored,
    _write_records,
    cli,
)
from tocsin.cli.fused import fused_text, print_fused
from tocsin.store.query import EventQuery

_TABLE = [
    ("id", 8),
    ("date", 10),
    ("event", 8),
    ("mode", 13),
    ("actor", 28),
    ("recipient", 24),
    ("location", 22),
    ("dead", 4),
    ("factuality", 11),
]


def _table_row(e: dict[str, Any]) -> list[str]:
    loc = e["location"]
    values = [
        e["id"] if ":" in e["id"] else e["id"][:8],  # an imported id ("ucdp:153027") whole
        e["date"],
        e["event"],
        e["mode"],
        _parties(e["actor"]),
        _parties(e["recipient"]),
        loc and (loc["name"] or loc["text"]),
        e["dead"],
        e["factuality"],
    ]
    widths = [max(w, len(values[0])) if i == 0 else w for i, (_, w) in enumerate(_TABLE)]
    return [_cell(v, w).ljust(w) for v, w in zip(values, widths, strict=True)]


_CSV_FIELDS = [
    "id",
    "doc_id",
    "date",
    "date_end",
    "date_precision",
    "event",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor",
    "recipient",
    "location",
    "country_code",
    "lat",
    "lon",
    "location_precision",
    "dead",
    "injured",
    "arrested",
    "factuality",
    "claimed_by",
    "denied_by",
    "confirmed_by",
    "confidence",
    "evidence",
]


def _csv_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a CSV row: the record's own fields as they are, parties and place flattened."""
    loc = e["location"] or {}
    derived = {
        "actor": _parties(e["actor"]),
        "recipient": _parties(e["recipient"]),
        "location": loc.get("name") or loc.get("text"),
        "country_code": loc.get("country_code"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "claimed_by": _parties(e.get("claimed_by") or []),
        "denied_by": _parties(e.get("denied_by") or []),
        "confirmed_by": _parties(e.get("confirmed_by") or []),
        "evidence": " | ".join(x["text"] for x in e.get("evidence") or []) or e.get("notes"),
    }
    # an imported event has no doc_id, evidence or confidence: its provenance stands in the id
    return {k: derived[k] if k in derived else e.get(k) for k in _CSV_FIELDS}


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option(
    "--type", "types", multiple=True, metavar="PLOVER", help="PLOVER event type (repeatable), e.g. ASSAULT."
)
@click.option(
    "--country", default=None, metavar="CODE", help="ISO code (AZ or AZE) of the event's place or of a party."
)
@click.option("--imported", is_flag=True, help="List imported events (ACLED, UCDP) instead of reports.")
@click.option(
    "--fused",
    is_flag=True,
    help="List fused events (one per occurrence, with the reports of every document), not reports.",
)
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    fmt: str,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    country: str | None,
    imported: bool,
    fused: bool,
) -> None:
    """List stored events: reports (what each document says, each with the `fused_id` of its
    event), or with --fused the fused events."""
    query = EventQuery(since=_date_option(since), until=_date_option(until), types=types, country=country)
    with _stored(ctx, db) as store:
        if imported:
            records = list(store.imported_events(query))
        else:
            records = list(store.fused_events(query) if fused else store.events(query))
    if fused:
        print_fused(records, fmt)
        return
    if _write_records(records, fmt, _CSV_FIELDS, _csv_row):
        return
    rows = [_table_row(e) for e in records]
    first = max([_TABLE[0][1], *(len(r[0]) for r in rows)])
    head = [_TABLE[0][0].ljust(first), *(name.ljust(w) for name, w in _TABLE[1:])]
    click.echo(" ".join(head).rstrip())
    for row in rows:
        click.echo(" ".join([row[0].ljust(first), *row[1:]]).rstrip())
    click.echo(f"({len(records)} events)")


@cli.command()
@click.argument("event_id")
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, event_id: str, db: str | None, fmt: str) -> None:
    """Show one report (by id or unique id prefix) with its evidence sentences and source, or one
    fused event (by id, an id it had before a merge, or prefix) with each report's sentence,
    source and claim side by side."""
    with _stored(ctx, db) as store:
        record = store.event(event_id)
        fused = store.fused_event(event_id) if record is None else None
        if record is None and fused is None:
            raise Failure(f"no single event with id {event_id!r}")
        document = (store.document(record["doc_id"]) or {}) if record is not None else {}
    if fused is not None:
        click.echo(
            json.dumps({"event": fused}, ensure_ascii=False, indent=2) if fmt == "json" else fused_text(fused)
        )
        return
    assert record is not None
    if fmt == "json":
        document.pop("text", None)
        click.echo(json.dumps({"event": record, "document": document}, ensure_ascii=False, indent=2))
        return
    loc = record["location"]
    lines = [
        f"{record['id']}  {record['event']}{'/' + record['mode'] if record['mode'] else ''}"
        f"  ({record['factuality']}, confidence {record['confidence']})",
        f"  date:      {record['date'] or 'unknown'} ({record['date_precision']}, {record['date_method']})",
        f"  actor:     {_parties(record['actor']) or '-'}",
        f"  recipient: {_parties(record['recipient']) or '-'}",
        f"  location:  {(loc['name'] or loc['text']) + ' [' + loc['precision'] + ']' if loc else '-'}",
    ]
    if loc:
        lines.append(f"             {loc['reason']}")
    if record.get("fused_id"):
        lines.append(f"  event:     {record['fused_id']} (the fused event this report belongs to)")
    if record["acled_event_type"]:
        lines.append(f"  ACLED:     {record['acled_event_type']} / {record['acled_sub_event_type']}")
    for label, key in (("dead", "dead"), ("injured", "injured"), ("arrested", "arrested")):
        if record[key] is not None:
            lines.append(f"  {label + ':':<10} {record[key]}")
    for label, key in (
        ("claimed by", "claimed_by"),
        ("denied by", "denied_by"),
        ("confirmed", "confirmed_by"),
    ):
        if record[key]:
            lines.append(f"  {label + ':':<10} {_parties(record[key])}")
    lines.append(
        f"  source:    {document.get('title') or '-'} ({document.get('source') or 'unknown outlet'},"
        f" published {document.get('published') or 'unknown'})"
    )
    for ev in record["evidence"]:
        lines.append(
            f"  evidence:  [{ev['doc_id']} sentence {ev['sentence']}, chars {ev['start']}-{ev['end']}]"
        )
        lines.append(f"             {ev['text']}")
    click.echo("\n".join(lines))


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def rejects(ctx: click.Context, db: str | None) -> None:
    """List the inputs that were rejected, with their reasons, one JSON object a line."""
    with _stored(ctx, db) as store:
        for r in store.rejections():
            click.echo(json.dumps(r, ensure_ascii=False))
