"""Counts of the fused events kept as they are fused, so that the statistics of a whole store (the
dashboard's first view: a million events by day, type, country and map cell) read a few thousand
summary rows, not every event.

Two tables, each a count (and deaths) per combination of what the statistics filter and group by:
``fused_days`` by day, last day (the ``since`` filter reads when an event last lasts), PLOVER type,
ACLED type, countries and factuality; ``fused_cells`` by map cell, the same types, countries and
factuality, with the sums of the points (a cell is drawn at its events' mean point). Fusion
subtracts the rows of the events it is about to replace or remove and adds those it writes, in the
same transaction (:func:`remove`, :func:`add`). A missing value is a key like any other: no date is
``DATE '0001-01-01'``, no ACLED type, country or factuality is ``''``.

:func:`stats` answers the structured filters (dates, types, country, ACLED type, factuality) from
the summaries; the map cells of a period come from the events themselves (an index range), and a
bounding box or a text filter is left to ``pages.stats``, which reads the events.
"""

from __future__ import annotations

from typing import Any

from tocsin.store.connection import Connection
from tocsin.store.literals import in_list
from tocsin.store.pages import CELL, PageQuery, cell_rows, cells_of, narrowed
from tocsin.store.query import EventQuery, iso3

#: The key of an event with no date.
NO_DAY = "DATE '0001-01-01'"
_ACLED = "coalesce(acled_event_type, '')"
_COUNTRIES = "coalesce(array_to_string(countries, ','), '')"
_FACTUALITY = "coalesce(json_extract_string(record, '$.factuality'), '')"
_DAY_KEYS = (
    f"coalesce(date, {NO_DAY}), coalesce(date_end, date, {NO_DAY}), coalesce(event, ''), {_ACLED},"
    f" {_COUNTRIES}, {_FACTUALITY}"
)
_CELL_KEYS = (
    f"CAST(floor(lat / {CELL}) AS INTEGER), CAST(floor(lon / {CELL}) AS INTEGER), coalesce(event, ''),"
    f" {_ACLED}, {_COUNTRIES}, {_FACTUALITY}"
)
_DAY_COLUMNS = "day, last_day, event, acled, countries, factuality"
_CELL_COLUMNS = "y, x, event, acled, countries, factuality"


def _change(conn: Connection, where: str, sign: str) -> None:
    """Add (``sign`` ``+``) or subtract (``-``) the events matching ``where`` to both summaries."""
    conn.execute(
        f"INSERT INTO fused_days ({_DAY_COLUMNS}, n, dead) SELECT {_DAY_KEYS}, {sign}count(*),"
        f" {sign}coalesce(sum(dead_best), 0) FROM fused_events WHERE {where} GROUP BY {_DAY_KEYS}"
        f" ON CONFLICT ({_DAY_COLUMNS}) DO UPDATE SET n = fused_days.n + excluded.n,"
        " dead = fused_days.dead + excluded.dead"
    )
    conn.execute(
        f"INSERT INTO fused_cells ({_CELL_COLUMNS}, n, dead, lat, lon) SELECT {_CELL_KEYS}, {sign}count(*),"
        f" {sign}coalesce(sum(dead_best), 0), {sign}sum(lat), {sign}sum(lon) FROM fused_events"
        f" WHERE ({where}) AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY {_CELL_KEYS}"
        f" ON CONFLICT ({_CELL_COLUMNS}) DO UPDATE SET n = fused_cells.n + excluded.n,"
        " dead = fused_cells.dead + excluded.dead, lat = fused_cells.lat + excluded.lat,"
        " lon = fused_cells.lon + excluded.lon"
    )


def remove(conn: Connection, ids: list[str]) -> None:
    """Before the fused events ``ids`` are deleted or replaced: their counts taken out."""
    if ids:
        _change(conn, f"id IN ({in_list(ids)})", "-")
        conn.execute("DELETE FROM fused_days WHERE n = 0")
        conn.execute("DELETE FROM fused_cells WHERE n = 0")


def add(conn: Connection, ids: list[str]) -> None:
    """After the fused events ``ids`` are written: their counts added."""
    if ids:
        _change(conn, f"id IN ({in_list(ids)})", "+")


def rebuild(conn: Connection) -> None:
    """Both summaries made again from every fused event (a store from before they existed)."""
    conn.execute("DELETE FROM fused_days")
    conn.execute("DELETE FROM fused_cells")
    _change(conn, "TRUE", "+")


def answers(shape: PageQuery) -> bool:
    """Whether the summaries can answer a query: no bounding box and no text filter."""
    return shape.bbox is None and not shape.contains


def stats(conn: Connection, query: EventQuery, shape: PageQuery) -> dict[str, Any]:
    """The statistics of ``pages.stats`` for a query :func:`answers` says the summaries answer:
    ``query``'s filters (the same as :func:`tocsin.store.query.where_of` sets on the events,
    here on the summaries' columns) and ``shape``'s ACLED type and factuality. ``shape.where``
    holds ``query``'s filters as SQL on the events, for the map cells of a period."""
    where: list[str] = ["n > 0"]
    params: list[object] = []
    if query.since is not None:
        where.append("last_day >= ?")
        params.append(query.since)
    if query.until is not None:
        where.append(f"day <= ? AND day <> {NO_DAY}")
        params.append(query.until)
    if query.types:
        where.append(f"event IN ({', '.join('?' for _ in query.types)})")
        params.extend(t.upper() for t in query.types)
    if query.country:
        where.append("strpos(',' || countries || ',', ',' || ? || ',') > 0")
        params.append(iso3(query.country))
    if shape.acled_type:
        where.append("lower(acled) = lower(?)")
        params.append(shape.acled_type)
    if shape.factuality:
        where.append("factuality = ?")
        params.append(shape.factuality)
    clause = " AND ".join(where)
    days = conn.execute(
        "SELECT day, CAST(sum(n) AS BIGINT), CAST(sum(dead) AS BIGINT) FROM fused_days"
        f" WHERE {clause} GROUP BY day ORDER BY day",
        params,
    ).fetchall()
    kinds = conn.execute(
        "SELECT CASE WHEN acled <> '' THEN acled ELSE event END, CAST(sum(n) AS BIGINT) FROM fused_days"
        f" WHERE {clause} GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    countries = conn.execute(
        "SELECT coalesce(nullif(split_part(countries, ',', 1), ''), 'unknown'), CAST(sum(n) AS BIGINT)"
        f" FROM fused_days WHERE {clause} GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    if query.since is None and query.until is None:  # no date among the filters: the kept cells
        cells = conn.execute(
            "SELECT y, x, acled <> '', CASE WHEN acled <> '' THEN acled ELSE event END, sum(lat), sum(lon),"
            f" CAST(sum(n) AS BIGINT), CAST(sum(dead) AS BIGINT) FROM fused_cells WHERE {clause}"
            " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4",
            params,
        ).fetchall()
    else:  # a period: its events' cells, found by the index of the day they last last
        narrow, narrow_params = narrowed(shape)
        cells = cell_rows(conn, " AND ".join(["TRUE", *narrow]), narrow_params)
    return {
        "by_day": [
            {"date": "unknown" if d.isoformat() == "0001-01-01" else d.isoformat(), "events": n, "dead": dead}
            for d, n, dead in sorted(days, key=lambda r: r[0].isoformat() == "0001-01-01")
        ],
        "by_type": {k: n for k, n in kinds},
        "by_cell": cells_of(cells),
        "by_country": {c: n for c, n in countries},
    }
