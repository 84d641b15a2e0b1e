"""ACLED CSV exports: ACLED's columns, either date layout, the HXL tag row skipped."""

from __future__ import annotations

from pathlib import Path

from tocsin.importers.mapping import mapping, plover
from tocsin.importers.rows import Imported, RowError, country_code, number, parse_day

REQUIRED = ("event_id_cnty", "event_date", "event_type", "country")


def _party(name: str, assoc: str = "") -> list[dict[str, str | None]]:
    parties = [{"text": n, "name": n, "country": None, "sector": None, "entity": None}
               for n in (name, *assoc.split(";")) if n.strip()]  # fmt: skip
    for p in parties:
        p["text"] = p["name"] = (p["name"] or "").strip()
    return parties


def acled_row(row: dict[str, str], source_file: Path) -> Imported:
    """One ACLED row as an imported event; :class:`RowError` with the reason if it cannot be."""
    missing = [c for c in REQUIRED if not row.get(c)]
    if missing:
        raise RowError(f"no {', '.join(missing)}")
    m = mapping()["acled"]
    day = parse_day(row["event_date"], "event_date")
    precision = m["time_precision"].get(
        str(int(number(row.get("time_precision", ""), "time_precision") or 1)), "day"
    )
    lat = number(row.get("latitude", ""), "latitude")
    lon = number(row.get("longitude", ""), "longitude")
    if (lat is None) != (lon is None) or (lat is not None and not -90 <= lat <= 90) or (
            lon is not None and not -180 <= lon <= 180):  # fmt: skip
        raise RowError(f"coordinates {row.get('latitude')!r}, {row.get('longitude')!r} are not a point")
    fatalities = number(row.get("fatalities", ""), "fatalities")
    if fatalities is not None and fatalities < 0:
        raise RowError(f"fatalities {fatalities:g} below zero")
    event, mode = plover(row["event_type"], row.get("sub_event_type", ""))
    geo = m["geo_precision"].get(
        str(int(number(row.get("geo_precision", ""), "geo_precision") or 1)), "exact"
    )
    dead = int(fatalities) if fatalities is not None else None
    row_id = row["event_id_cnty"]
    record = {
        "id": f"acled:{row_id}",
        "dataset": "acled",
        "row_id": row_id,
        "event": event,
        "mode": mode,
        "acled_event_type": row["event_type"],
        "acled_sub_event_type": row.get("sub_event_type") or None,
        "disorder_type": row.get("disorder_type") or None,
        "actor": _party(row.get("actor1", ""), row.get("assoc_actor_1", "")),
        "recipient": _party(row.get("actor2", ""), row.get("assoc_actor_2", "")),
        "date": day.isoformat(),
        "date_end": None,
        "date_precision": precision,
        "location": {
            "text": row.get("location") or None,
            "name": row.get("location") or None,
            "lat": lat,
            "lon": lon,
            "country_code": country_code(row["country"]),
            "country": row["country"],
            "admin1": row.get("admin1") or None,
            "admin2": row.get("admin2") or None,
            "precision": geo if lat is not None else "country",
        },
        "dead": dead,
        "dead_low": dead,
        "dead_best": dead,
        "dead_high": dead,
        "factuality": "asserted",
        "notes": row.get("notes") or None,
        "source": row.get("source") or None,
        "provenance": {"dataset": "acled", "row_id": row_id, "file": str(source_file)},
    }
    return Imported(record["id"], "acled", row_id, day, None, record)
