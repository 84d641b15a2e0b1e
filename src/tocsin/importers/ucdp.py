"""UCDP GED CSV exports: one row an event, its sides, place, dates and deaths low/best/high."""

from __future__ import annotations

from pathlib import Path

from tocsin.importers.mapping import mapping
from tocsin.importers.rows import Imported, RowError, country_code, number, parse_day

REQUIRED = ("id", "date_start", "type_of_violence", "country")


def _side(name: str) -> list[dict[str, str | None]]:
    return [{"text": name, "name": name, "country": None, "sector": None, "entity": None}] if name else []


def ucdp_row(row: dict[str, str], source_file: Path) -> Imported:
    """One UCDP GED row as an imported event; :class:`RowError` with the reason if it cannot be."""
    missing = [c for c in REQUIRED if not row.get(c)]
    if missing:
        raise RowError(f"no {', '.join(missing)}")
    m = mapping()["ucdp"]
    start = parse_day(row["date_start"], "date_start")
    end = parse_day(row["date_end"], "date_end") if row.get("date_end") else start
    if end < start:
        raise RowError(f"date_end {end} before date_start {start}")
    violence = m["type_of_violence"].get(row["type_of_violence"].split(".")[0])
    if violence is None:
        raise RowError(f"type_of_violence {row['type_of_violence']!r} is not 1, 2 or 3")
    low, best, high = (number(row.get(k, ""), k) for k in ("low", "best", "high"))
    if best is not None and low is not None and high is not None and not low <= best <= high:
        raise RowError(f"best {best:g} outside [low {low:g}, high {high:g}]")
    lat, lon = number(row.get("latitude", ""), "latitude"), number(row.get("longitude", ""), "longitude")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(f"coordinates {lat}, {lon} are not a point")
    where = m["where_prec"].get((row.get("where_prec") or "1").split(".")[0], "exact")
    row_id = row["id"]
    dead = [int(v) if v is not None else None for v in (low, best, high)]
    record = {
        "id": f"ucdp:{row_id}",
        "dataset": "ucdp",
        "row_id": row_id,
        "event": "ASSAULT",
        "mode": None,
        "acled_event_type": violence,
        "acled_sub_event_type": None,
        "type_of_violence": int(row["type_of_violence"].split(".")[0]),
        "conflict_name": row.get("conflict_name") or None,
        "dyad_name": row.get("dyad_name") or None,
        "actor": _side(row.get("side_a", "")),
        "recipient": _side(row.get("side_b", "")),
        "date": start.isoformat(),
        "date_end": end.isoformat() if end != start else None,
        "date_precision": m["date_prec"].get((row.get("date_prec") or "1").split(".")[0], "day"),
        "location": {
            "text": row.get("where_coordinates") or None,
            "name": row.get("where_coordinates") or None,
            "lat": lat,
            "lon": lon,
            "country_code": country_code(row["country"]),
            "country": row["country"],
            "admin1": row.get("adm_1") or None,
            "admin2": row.get("adm_2") or None,
            "precision": where,
        },
        "dead": dead[1],
        "dead_low": dead[0],
        "dead_best": dead[1],
        "dead_high": dead[2],
        "factuality": "asserted",
        "notes": row.get("where_description") or None,
        "source": row.get("source_office") or None,
        "n_sources": int(number(row.get("number_of_sources", ""), "number_of_sources") or 0) or None,
        "provenance": {"dataset": "ucdp", "row_id": row_id, "file": str(source_file)},
    }
    return Imported(record["id"], "ucdp", row_id, start, end if end != start else None, record)
