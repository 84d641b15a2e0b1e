"""Pages of events and their statistics for the API, computed in SQL so that a store of millions
answers a page or a timeline without reading every record.

A page is ordered by date (undated last) then id, and continues after a key (the last event of the
page before): keyset pagination, stable while the store is. Structured filters (dates, types,
country, a bounding box) run in SQL; those on the record's text (actor, area, evidence) narrow the
rows in SQL and are checked exactly by the caller's ``keep``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tocsin.store.connection import Connection
from tocsin.store.literals import in_list

_ORDER = "coalesce(date, DATE '9999-12-31')"


@dataclass(frozen=True, slots=True)
class PageQuery:
    """What a page holds: the filters, where it starts, how long it is."""

    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    after: tuple[str, str] | None = None
    limit: int = 100
    contains: tuple[str, ...] = ()
    acled_type: str | None = None
    factuality: str | None = None
    bbox: tuple[float, float, float, float] | None = None


def page(
    conn: Connection, table: str, q: PageQuery, keep: Callable[[dict[str, Any]], bool]
) -> tuple[list[dict[str, Any]], tuple[str, str] | None]:
    """Up to ``q.limit`` records after ``q.after``, and the key to continue from (None at the end)."""
    assert table in {"fused_events", "events"}
    where, params = narrowed(q)
    out: list[dict[str, Any]] = []
    after = q.after
    batch = max(q.limit + 1, 200)
    while True:
        clauses, values = list(where), list(params)
        if after is not None:
            clauses.append(f"({_ORDER}, id) > (?::DATE, ?)")  # a row comparison: an index range
            values += [after[0], after[1]]
        sql = f"SELECT {_ORDER}, id FROM {table}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        rows = conn.execute(f"{sql} ORDER BY 1, 2 LIMIT {batch}", values).fetchall()
        # the records of the page only, by the primary key's index (not carried through the sort)
        extra = ", fused_id" if table == "events" else ", NULL"
        records = {
            rid: (record, fused)
            for rid, record, fused in conn.execute(
                f"SELECT id, record{extra} FROM {table} WHERE id IN ({in_list(r[1] for r in rows)})"
            ).fetchall()
        }
        for day, rid in rows:
            after = (day.isoformat(), rid)
            record, fused = records[rid]
            item = json.loads(record)
            if table == "events":
                item["fused_id"] = fused
            if keep(item):
                out.append(item)
                if len(out) > q.limit:
                    last = out[q.limit - 1]
                    return out[: q.limit], (last.get("date") or "9999-12-31", last["id"])
        if len(rows) < batch:
            return out, None


def narrowed(q: PageQuery) -> tuple[list[str], list[object]]:
    """The query's filters in SQL: exact for dates, types, country, ACLED type, factuality and the
    box; for the text filters (actor, area, evidence) a superset, the record containing the text."""
    where, params = list(q.where), list(q.params)
    if q.acled_type:
        where.append("lower(acled_event_type) = lower(?)")
        params.append(q.acled_type)
    if q.factuality:
        where.append("json_extract_string(record, '$.factuality') = ?")
        params.append(q.factuality)
    if q.bbox:
        where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        params += [q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]]
    for text in q.contains:
        where.append("strpos(lower(record), lower(?)) > 0")
        params.append(text)
    return where, params


#: Degrees of a map cell in ``stats`` (about 55 km north-south).
CELL = 0.5


def stats(conn: Connection, q: PageQuery, keep: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Fused events matching the query by day (with deaths), by type, by map cell (with its types)
    and by country. With a text filter the events that contain the text are checked by ``keep``
    and those it refuses left out of the counts, made in SQL like the others."""
    where, params = narrowed(q)
    if q.contains:  # the few that contain the text elsewhere than where it is looked for: left out
        sql = "SELECT id, record FROM fused_events WHERE " + " AND ".join(["TRUE", *where])
        wrong = [i for i, record in conn.execute(sql, params).fetchall() if not keep(json.loads(record))]
        if wrong:
            where.append(f"id NOT IN ({in_list(wrong)})")
    clause = " AND ".join(["TRUE", *where])
    # a column store scans a column a count fast; a row store reads whole rows: one pass for all
    counts = _in_one_pass if getattr(conn, "dialect", "duckdb") == "postgresql" else _by_column
    days, kinds, cells, countries = counts(conn, clause, params)
    days.sort(key=lambda r: (r[0] is None, r[0]))  # by date, the undated last (dates read as dates)
    return {
        "by_day": [{"date": d.isoformat() if d else "unknown", "events": n, "dead": int(dead)}
                   for d, n, dead in days],
        "by_type": {k: n for k, n in kinds},
        "by_cell": cells_of(cells),
        "by_country": {c: n for c, n in countries},
    }  # fmt: skip


_Counts = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _by_column(conn: Connection, clause: str, params: list[object]) -> _Counts:
    """The four counts (days, types, map cells, countries) in four queries, each reading only the
    columns it counts (DuckDB)."""
    days = conn.execute(
        f"SELECT date, count(*), coalesce(sum(dead_best), 0) FROM fused_events WHERE {clause} GROUP BY 1",
        params,
    ).fetchall()
    kinds = conn.execute(
        f"SELECT coalesce(acled_event_type, event), count(*) FROM fused_events WHERE {clause}"
        " GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    cells = cell_rows(conn, clause, params)
    countries = conn.execute(
        f"SELECT coalesce(countries[1], 'unknown'), count(*) FROM fused_events WHERE {clause}"
        " GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    return days, kinds, cells, countries


def cell_rows(conn: Connection, clause: str, params: list[object]) -> list[tuple[Any, ...]]:
    """A map aggregated server-side: the matching events by cell of CELL degrees, whether an ACLED
    type, and type, with the sums of their points (a cell is drawn at its events' mean point)."""
    rows: list[tuple[Any, ...]] = conn.execute(
        f"SELECT floor(lat / {CELL}), floor(lon / {CELL}), acled_event_type IS NOT NULL,"
        f" coalesce(acled_event_type, event), sum(lat), sum(lon), count(*), coalesce(sum(dead_best), 0)"
        f" FROM fused_events WHERE {clause} AND lat IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4",
        params,
    ).fetchall()
    return rows


def _in_one_pass(conn: Connection, clause: str, params: list[object]) -> _Counts:
    """The same four counts in one pass over the rows (GROUPING SETS; PostgreSQL), told apart by
    GROUPING's bits, high to low: day, kind, y, x, is_acled, country (1: not grouped by it)."""
    rows = conn.execute(
        "SELECT GROUPING(day, kind, y, x, is_acled, country), day, kind, y, x, is_acled, country, count(*),"
        " coalesce(sum(dead), 0), sum(lat), sum(lon) FROM (SELECT date"
        f" AS day, coalesce(acled_event_type, event) AS kind, floor(lat / {CELL}) AS y, floor(lon / {CELL})"
        " AS x, acled_event_type IS NOT NULL AS is_acled, coalesce(countries[1], 'unknown') AS country,"
        f" dead_best AS dead, lat, lon FROM fused_events WHERE {clause}) AS matching"
        " GROUP BY GROUPING SETS ((day), (kind), (y, x, is_acled, kind), (country))",
        params,
    ).fetchall()
    by_day, by_kind, by_cell, by_country = 0b011111, 0b101111, 0b100001, 0b111110
    days = [(r[1], r[7], r[8]) for r in rows if r[0] == by_day]
    kinds = sorted((r[2], r[7]) for r in rows if r[0] == by_kind)
    cells = sorted(((r[3], r[4], r[5], r[2], r[9], r[10], r[7], r[8]) for r in rows
                    if r[0] == by_cell and r[3] is not None), key=lambda c: (c[0], c[1], c[3]))  # fmt: skip
    countries = sorted(((r[6], r[7]) for r in rows if r[0] == by_country), key=lambda c: (-c[1], c[0]))
    return days, kinds, cells, countries


#: The most cells ``stats`` returns (the busiest).
MAX_CELLS = 5000


def cells_of(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Map cells from rows of (cell, whether an ACLED type, type) counts in cell order: each cell at
    its events' mean point, with its events, deaths, events by type (the ACLED type, else the
    PLOVER one) and the type it is drawn in: its commonest ACLED type, or its commonest type when
    none has one (ties: the first name). Made in one pass, with few objects: a stats request must
    not wake the garbage collector for every map cell."""
    out: list[dict[str, Any]] = []
    key: tuple[float, float] | None = None
    cell: dict[str, Any] = {}
    best: tuple[bool, int, str] = (False, 0, "")
    for y, x, is_acled, kind, lat, lon, n, dead in rows:
        if (y, x) != key:
            if key is not None:
                cell["type"] = best[2]
            key, best = (y, x), (False, 0, "")
            cell = {"lat": 0.0, "lon": 0.0, "events": 0, "dead": 0, "types": {}, "type": ""}
            out.append(cell)
        cell["lat"] += lat
        cell["lon"] += lon
        cell["events"] += n
        cell["dead"] += int(dead)
        cell["types"][kind] = n
        # an ACLED type over any PLOVER one, then more events, then the first name (rows come by name)
        if (bool(is_acled), n) > best[:2]:
            best = (bool(is_acled), n, kind)
    if key is not None:
        cell["type"] = best[2]
    for c in out:
        c["lat"], c["lon"] = round(c["lat"] / c["events"], 4), round(c["lon"] / c["events"], 4)
    out.sort(key=lambda c: -c["events"])  # the busiest first (stable: then in cell order)
    return out[:MAX_CELLS]
