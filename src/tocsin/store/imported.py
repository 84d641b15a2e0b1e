"""Imported event histories in the store: written in bulk, idempotently, and queried."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from tocsin.importers.load import digest
from tocsin.importers.rows import Imported
from tocsin.store.connection import Connection
from tocsin.store.literals import Value, in_list, values_chunks


def store_imported(conn: Connection, events: list[Imported]) -> tuple[int, int, int]:
    """Add new rows, replace changed ones, leave the same ones: (added, updated, unchanged)."""
    known = dict(
        conn.execute(f"SELECT id, digest FROM imported_events WHERE id IN ({in_list(e.id for e in events)})")
        .fetchall()
    ) if events else {}  # fmt: skip
    rows: list[list[Value]] = []
    added = updated = 0
    for e in events:
        d = digest(e)
        if known.get(e.id) == d:
            continue
        added += e.id not in known
        updated += e.id in known
        loc = e.record["location"]
        rows.append([e.id, e.dataset, e.row_id, e.day, e.day_end, e.record["event"],
                     e.record["acled_event_type"], loc.get("country_code"), loc.get("admin1"), loc.get("lat"),
                     loc.get("lon"), e.record["dead_best"], d,
                     json.dumps(e.record, ensure_ascii=False)])  # fmt: skip
    if rows:
        conn.execute(f"DELETE FROM imported_events WHERE id IN ({in_list(str(r[0]) for r in rows)})")
        for values in values_chunks(rows):
            conn.execute(f"INSERT INTO imported_events {values}")
    return added, updated, len(events) - added - updated


def imported(
    conn: Connection, *, since: date | None = None, until: date | None = None,
    country: str | None = None, dataset: str | None = None,
) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Imported events (their records) by date then id."""
    where, params = [], []
    filters: list[tuple[str, object]] = [
        ("coalesce(date_end, date) >= ?", since), ("date <= ?", until),
        ("country_code = ?", country.upper() if country else None), ("dataset = ?", dataset),
    ]  # fmt: skip
    for clause, value in filters:
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = "SELECT record FROM imported_events" + (" WHERE " + " AND ".join(where) if where else "")
    for (record,) in conn.execute(sql + " ORDER BY date, id", params).fetchall():
        yield json.loads(record)
