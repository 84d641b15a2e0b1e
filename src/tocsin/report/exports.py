"""Fused events in the layouts analysts' tools read: ACLED CSV, UCDP GED CSV, PLOVER JSON lines,
GeoJSON (RFC 7946) and Parquet.

Each writer takes fused event records (``Store.fused_events``) and a path. The layouts follow the
datasets' own column names and conventions (codes in ``data/exports.toml``): an ACLED export reads
back through ``tocsin import-events --format acled`` to the same events, as does a UCDP one. ACLED's
rows name their sides by ACLED's rules (``tocsin.report.acled_actors``): a demonstration's first
actor is its crowd, an unnamed doer of violence an unidentified armed group.
"""

from __future__ import annotations

import csv
import functools
import json
import tomllib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import duckdb

from tocsin.geo.gazetteer import admin1_names
from tocsin.report.acled_actors import acled_country_name, acled_sides, event_country

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
UCDP_COLUMNS = [
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "country",
    "adm_1",
    "where_prec",
    "where_coordinates",
    "latitude",
    "longitude",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "number_of_sources",
    "source_office",
    "source_headline",
]


@functools.cache
def _codes() -> dict[str, Any]:
    return tomllib.loads(resources.files("tocsin.data").joinpath("exports.toml").read_text(encoding="utf-8"))


def _admin1(e: dict[str, Any]) -> str:
    loc = e.get("location") or {}
    code, cc = loc.get("admin1"), (loc.get("country_code") or "").upper()
    return admin1_names().get((cc, code), code) if code else ""


def _names(parties: list[dict[str, Any]]) -> list[str]:
    return [p.get("name") or p.get("text") or "" for p in parties if p.get("name") or p.get("text")]


def _inter(parties: list[dict[str, Any]], country3: str) -> int | str:
    """ACLED's actor type code of the first party (empty when there is none or it is unknown)."""
    inter = _codes()["acled"]["inter"]
    if not parties:
        return ""
    p = parties[0]
    if "inter" in p:  # a crowd or an unidentified group the row names by ACLED's rules
        return int(p["inter"])
    sector = p.get("sector")
    foreign = bool(p.get("country") and country3 and p["country"] != country3)
    if sector in {"MIL", "COP", "GOV"} and foreign:
        return int(inter["external"])
    if sector in inter:
        return int(inter[sector])
    return int(inter["external"]) if foreign else ""


def _acled_row(e: dict[str, Any]) -> dict[str, Any]:
    codes = _codes()["acled"]
    iso3, _ = event_country(e)
    country = acled_country_name(iso3) if iso3 else ""
    loc = e.get("location") or {}
    sides = acled_sides(e, iso3)
    actors, targets = _names(sides.first), _names(sides.second)
    inter1, inter2 = _inter(sides.first, iso3), _inter(sides.second, iso3)
    interaction = (
        int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
        if inter1 != "" and inter2 != ""
        else (inter1 * 10 if inter1 != "" else "")
    )
    sources = sorted({c["source"] for c in e.get("claims") or [] if c.get("source")})
    notes = " ".join(x["text"] for x in (e.get("evidence") or [])[:2])
    last = e.get("last_reported") or e["date"]
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{e['id'][:10].upper()}",
        "event_date": e["date"],
        "year": e["date"][:4],
        "time_precision": codes["time_precision"].get(e["date_precision"], 3),
        "disorder_type": codes["disorder"].get(e["acled_event_type"], ""),
        "event_type": e["acled_event_type"],
        "sub_event_type": e.get("acled_sub_event_type") or "",
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": "; ".join(actors[1:]),
        "inter1": inter1,
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting"
        if any(p.get("sector") == "CVL" for p in sides.second)
        else "",
        "iso": "",
        "region": "",
        "country": country,
        "admin1": _admin1(e),
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or loc.get("text") or "",
        "latitude": loc.get("lat") if loc else "",
        "longitude": loc.get("lon") if loc else "",
        "geo_precision": codes["geo_precision"].get(loc.get("precision") or "unresolved", 3),
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": notes,
        "fatalities": e.get("dead_low") or 0,
        "tags": "",
        "timestamp": int(datetime.combine(date.fromisoformat(last), datetime.min.time(), UTC).timestamp()),
    }


def acled_csv(events: Iterable[dict[str, Any]], out: Path) -> int:
    """ACLED's CSV layout, one row per fused event with an ACLED type and a date; the count written."""
    rows = [_acled_row(e) for e in events if e.get("acled_event_type") and e.get("date")]
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _us_date(value: str) -> str:
    d = date.fromisoformat(value)
    return f"{d.month}/{d.day}/{d.year} 12:00:00 AM"


def ucdp_csv(events: Iterable[dict[str, Any]], out: Path) -> int:
    """UCDP GED's CSV layout (sides, precisions, deaths low/best/high), for the event types GED
    records (battles, remote violence, one-sided violence against civilians)."""
    codes = _codes()["ucdp"]
    rows = []
    for e in events:
        violence = codes["type_of_violence"].get(e.get("acled_event_type") or "")
        if violence is None or not e.get("date"):
            continue
        loc = e.get("location") or {}
        best = e.get("dead_best") or 0
        rows.append(
            {
                "id": e["id"],
                "type_of_violence": violence,
                "side_a": "; ".join(_names(e["actor"])),
                "side_b": "; ".join(_names(e["recipient"])),
                "country": event_country(e)[1],
                "adm_1": _admin1(e),
                "where_prec": codes["where_prec"].get(loc.get("precision") or "unresolved", 7),
                "where_coordinates": loc.get("name") or loc.get("text") or "",
                "latitude": loc.get("lat", ""),
                "longitude": loc.get("lon", ""),
                "date_prec": codes["date_prec"].get(e["date_precision"], 5),
                "date_start": _us_date(e["date"]),
                "date_end": _us_date(e.get("date_end") or e["date"]),
                "deaths_unknown": best,
                "best": best,
                "low": e.get("dead_low") or 0,
                "high": max(e.get("dead_high") or 0, best),
                "number_of_sources": e.get("n_sources") or 1,
                "source_office": "; ".join(
                    sorted({c["source"] for c in e.get("claims") or [] if c.get("source")})
                ),
                "source_headline": (e.get("evidence") or [{}])[0].get("text", ""),
            }
        )
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=UCDP_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _plover_actor(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "actorText": p.get("text") or p.get("name"),
        "code": p.get("country"),
        "sector": p.get("sector"),
        "name": p.get("name"),
    }


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """A fused event as PLOVER lays a record out (``id``, ``date``, ``source``, ``target``, ``event``,
    ``mode``, ``eventText``, ``text``, ``eventLoc``, ``dead``, ``injured``, ...), tocsin's own fields
    under ``tocsin`` (a PLOVER-compliant extension)."""
    loc = e.get("location") or {}
    first = (e.get("evidence") or [{}])[0]
    return {
        "id": e["id"],
        "date": e.get("date"),
        "source": [_plover_actor(p) for p in e["actor"]],
        "target": [_plover_actor(p) for p in e["recipient"]],
        "event": e["event"],
        "mode": e.get("mode"),
        "eventText": first.get("trigger"),
        "text": first.get("text"),
        "eventLoc": {
            "name": loc.get("name") or loc.get("text"),
            "country code": loc.get("country_code"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
        }
        if loc
        else None,
        "dead": e.get("dead_best"),
        "injured": e.get("injured_best"),
        "size": None,
        "language": "en",
        "publication": "; ".join(sorted({c["source"] for c in e.get("claims") or [] if c.get("source")})),
        "coder": "tocsin",
        "version": metadata.version("tocsin"),
        "dateCoded": e.get("last_reported"),
        "tocsin": {
            "factuality": e["factuality"],
            "acled_event_type": e.get("acled_event_type"),
            "acled_sub_event_type": e.get("acled_sub_event_type"),
            "n_sources": e.get("n_sources"),
            "report_ids": e.get("report_ids"),
            "dead_low": e.get("dead_low"),
            "dead_high": e.get("dead_high"),
            "date_end": e.get("date_end"),
            "claimed_by": _names(e.get("claimed_by") or []),
            "denied_by": _names(e.get("denied_by") or []),
        },
    }


def plover_jsonl(events: Iterable[dict[str, Any]], out: Path) -> int:
    """PLOVER records, one JSON object a line."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
    return n


_FLAT = [
    "id",
    "event",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "date",
    "date_end",
    "date_precision",
    "factuality",
    "n_reports",
    "n_sources",
    "first_reported",
    "last_reported",
    "dead_low",
    "dead_best",
    "dead_high",
    "injured_best",
    "confidence",
    "count",
    "count_of",
]


def _flat(e: dict[str, Any]) -> dict[str, Any]:
    loc = e.get("location") or {}
    return {
        **{k: e.get(k) for k in _FLAT},
        "actor": "; ".join(_names(e["actor"])),
        "recipient": "; ".join(_names(e["recipient"])),
        "location": loc.get("name") or loc.get("text"),
        "country_code": loc.get("country_code"),
        "location_precision": loc.get("precision"),
        "evidence": (e.get("evidence") or [{}])[0].get("text"),
    }


def geojson(events: Iterable[dict[str, Any]], out: Path) -> int:
    """An RFC 7946 FeatureCollection: a Point ([longitude, latitude], WGS 84) per located event,
    its fields flattened into properties; events with no point are left out."""
    features = []
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": e["id"],
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": _flat(e),
            }
        )
    out.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return len(features)


def parquet(events: Iterable[dict[str, Any]], out: Path) -> int:
    """One Parquet file (written by DuckDB) of the flattened events, with the full record as JSON."""
    rows = [{**_flat(e), "record": json.dumps(e, ensure_ascii=False)} for e in events]
    conn = duckdb.connect()
    try:
        lines = out.with_suffix(".tmp.jsonl")
        lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        try:
            source = f"read_json('{lines.as_posix()}', format='newline_delimited', columns={_schema()})"
            target = out.as_posix().replace("'", "''")
            conn.execute(f"COPY (SELECT * FROM {source}) TO '{target}' (FORMAT parquet)")
        finally:
            lines.unlink(missing_ok=True)
    finally:
        conn.close()
    return len(rows)


def _schema() -> str:
    types = {
        "n_reports": "INTEGER",
        "n_sources": "INTEGER",
        "dead_low": "INTEGER",
        "dead_best": "INTEGER",
        "dead_high": "INTEGER",
        "injured_best": "INTEGER",
        "confidence": "DOUBLE",
        "count": "INTEGER",
        "date": "DATE",
        "date_end": "DATE",
        "first_reported": "DATE",
        "last_reported": "DATE",
    }
    names = [
        *_FLAT,
        "actor",
        "recipient",
        "location",
        "country_code",
        "location_precision",
        "evidence",
        "record",
    ]
    return "{" + ", ".join(f"'{n}': '{types.get(n, 'VARCHAR')}'" for n in names) + "}"


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], Path], int]] = {
    "acled-csv": acled_csv,
    "ucdp-csv": ucdp_csv,
    "plover-jsonl": plover_jsonl,
    "geojson": geojson,
    "parquet": parquet,
}
