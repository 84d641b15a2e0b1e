"""The daily bulletin: what a monitoring mission publishes each morning, from the store.

For one day (00:00 to 24:00 UTC) and, per area in a fixed order (by name): the violent events and
the violations a mission counted, the heavy-weapons share, the comparison with the day before
(more, fewer or similar: a change of more than ``SIMILAR`` either way), deaths and injuries (low,
best, high; confirmed apart), claims and counter-claims by party, restrictions and blockades, the
alerts of the day and the warnings still open, and an annex with one row per event. The day is
told as the store knows it now (events reported later included), so the same store and day give
the same bulletin, byte for byte: everything is sorted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from tocsin.analysis.alerts import alerts_on
from tocsin.analysis.occurrences import Area, Occurrence, from_fused, from_imported
from tocsin.analysis.rules import fulfilment, warned
from tocsin.report.chart import series
from tocsin.report.map import points
from tocsin.store.query import EventQuery
from tocsin.store.store import Store

#: A change of no more than this share either way is "similar".
SIMILAR = 0.2
HEAVY_MODES = frozenset({"heavy-weapons", "aerial", "drone", "explosives", "grenade"})


@dataclass(frozen=True, slots=True)
class Day:
    """The records a bulletin is made of: fused events and imported ones, as records and occurrences."""

    records: dict[str, dict[str, Any]]
    occurrences: list[Occurrence]


def load(store: Store, day: date | None = None) -> Day:
    """The fused and imported events a bulletin of ``day`` can need: those of the year before it
    (warnings stay open a year; alerts look five weeks back) up to the day after; every event of the
    store when no day is given."""
    query = EventQuery()  # every event; at the ends of the calendar there is no window to cut
    if day is not None and date.min + timedelta(days=366) < day < date.max - timedelta(days=1):
        query = EventQuery(since=day - timedelta(days=366), until=day + timedelta(days=1))
    records: dict[str, dict[str, Any]] = {}
    occurrences = []
    for record, make in [
        *((r, from_fused) for r in store.fused_events(query)),
        *((r, from_imported) for r in store.imported_events(query)),
    ]:
        o = make(record)
        if o is not None:
            records[o.id] = record
            occurrences.append(o)
    return Day(records, occurrences)


def _on(o: Occurrence, record: dict[str, Any], day: date) -> bool:
    """Whether an event falls on ``day``: a mission's figure by the end of its window, others by
    their date (or the span they cover)."""
    if record.get("count") is not None:
        return (record.get("date_end") or record.get("date")) == day.isoformat()
    end = date.fromisoformat(record["date_end"]) if record.get("date_end") else o.day
    return o.day <= day <= end and o.factuality != "future"


def _measures(items: list[tuple[Occurrence, dict[str, Any]]]) -> dict[str, Any]:
    violent = [(o, r) for o, r in items if o.violent and r.get("count") is None]
    counted: dict[str, int] = defaultdict(int)
    for _, r in items:
        if r.get("count") is not None:
            counted[r["count_of"]] += r["count"]
    heavy = sum(1 for _, r in violent if r.get("mode") in HEAVY_MODES)
    lows = [r.get("dead_low") for _, r in violent]
    return {
        "events": len(violent),
        "ceasefire_violations": counted.get("ceasefire violations"),
        "explosions": counted.get("explosions"),
        "heavy_weapons_share": round(heavy / len(violent), 2) if violent else None,
        "dead_low": sum(v for v in lows if v is not None) if any(v is not None for v in lows) else None,
        "dead_best": sum(o.dead for o, _ in violent)
        if any(r.get("dead_best") is not None for _, r in violent)
        else None,
        "dead_high": sum(r.get("dead_high") or 0 for _, r in violent)
        if any(r.get("dead_high") is not None for _, r in violent)
        else None,
        "dead_confirmed": sum(o.dead for o, r in violent if r.get("factuality") == "asserted"),
        "injured": sum(r.get("injured_best") or 0 for _, r in violent),
    }


def _change(today: int, before: int) -> str:
    if today == before:
        return "similar"
    if before == 0:
        return "more"
    ratio = today / before
    return "more" if ratio > 1 + SIMILAR else "fewer" if ratio < 1 - SIMILAR else "similar"


def _parties(record: dict[str, Any], key: str) -> list[str]:
    return [p.get("name") or p.get("text") or "?" for p in record.get(key) or []]


def bulletin(data: Day, day: date, area: str | None = None) -> dict[str, Any]:
    """The bulletin of ``day`` (for one area, by name or country code, if given), as JSON data."""
    area_of = {o.id: o.area.name for o in data.occurrences}
    # the day as the store knows it now (a bulletin written later includes what was learned later)
    present = [replace(o, known=min(o.known, o.day)) for o in data.occurrences if o.factuality != "future"]
    present += [o for o in data.occurrences if o.factuality == "future"]
    known = [o for o in present if o.area.matches(area)]
    by_area: dict[Area, list[tuple[Occurrence, dict[str, Any]]]] = defaultdict(list)
    before: dict[Area, list[tuple[Occurrence, dict[str, Any]]]] = defaultdict(list)
    for o in known:
        record = data.records[o.id]
        if _on(o, record, day):
            by_area[o.area].append((o, record))
        elif day > date.min and _on(o, record, day - timedelta(days=1)):
            before[o.area].append((o, record))
    areas = []
    for a in sorted(set(by_area) | set(before), key=lambda x: (x.name, x.country_code or "")):
        now, prev = _measures(by_area.get(a, [])), _measures(before.get(a, []))
        basis = "ceasefire_violations" if now["ceasefire_violations"] is not None else "events"
        areas.append(
            {
                **a.as_dict(),
                **now,
                "previous": {basis: prev[basis] or 0},
                "change": _change(now[basis] or 0, prev[basis] or 0),
            }
        )
    todays = sorted(
        (r for items in by_area.values() for _, r in items), key=lambda r: (r["date"] or "", r["id"])
    )
    claims = [
        {
            "event_id": r["id"],
            "event": r["event"],
            "area": o.area.name,
            "actors": _parties(r, "actor"),
            "claimed_by": _parties(r, "claimed_by"),
            "denied_by": _parties(r, "denied_by"),
            "confirmed_by": _parties(r, "confirmed_by"),
            "factuality": r["factuality"],
            "text": (r.get("evidence") or [{}])[0].get("text"),
        }
        for items in by_area.values()
        for o, r in items
        if r["event"] in {"ACCUSE", "REJECT"} or r.get("claimed_by") or r.get("denied_by")
    ]
    claims = _one_per_sentence(claims)
    restrictions = [
        {
            "event_id": r["id"],
            "area": o.area.name,
            "actors": _parties(r, "actor"),
            "text": (r.get("evidence") or [{}])[0].get("text"),
        }
        for items in by_area.values()
        for o, r in items
        if r["event"] == "COERCE" and r.get("mode") == "restrict"
    ]
    seen = [o for o in present if o.known <= day]
    warnings = []
    futures = (o for o in seen if o.factuality == "future" and o.area.matches(area))
    for o in sorted(futures, key=lambda o: (o.known, o.id)):
        for w in warned([o], o.known):
            done = fulfilment(w, [x for x in seen if x.day <= day])
            if w.window[1] >= day and (done is None or date.fromisoformat(done["day"]) >= day):
                warnings.append({**w.as_dict(), "fulfilled": done})
    alerts = [a.as_dict() for a in alerts_on(present, day) if a.area.matches(area)]
    per_day: dict[str, int] = defaultdict(int)
    for o in known:
        if o.violent and o.factuality != "future" and day - timedelta(days=29) <= o.day <= day:
            per_day[o.day.isoformat()] += o.count
    busiest = max(
        areas, key=lambda x: ((x["ceasefire_violations"] or 0) + x["events"], x["name"]), default=None
    )
    return {
        "date": day.isoformat(),
        "window": {
            "start": f"{day.isoformat()}T00:00:00Z",
            "end": f"{(day + timedelta(days=1)).isoformat()}T00:00:00Z"
            if day < date.max
            else "9999-12-31T23:59:59Z",
        },
        "areas": sorted(areas, key=lambda x: (x["name"], x["country_code"] or "")),
        "where_most": busiest["name"]
        if busiest and (busiest["events"] or busiest["ceasefire_violations"])
        else None,
        "claims": sorted(claims, key=lambda c: (c["area"], c["event_id"])),
        "restrictions": sorted(restrictions, key=lambda c: (c["area"], c["event_id"])),
        "alerts": sorted(alerts, key=lambda a: (a["kind"], a["area"]["name"], a["id"])),
        "warned": warnings,
        "chart": series(per_day, day),
        "map": points(todays),
        "annex": [
            {
                "id": r["id"],
                "date": r["date"],
                "area": area_of.get(r["id"], ""),
                "event": r["event"],
                "mode": r.get("mode"),
                "count": r.get("count"),
                "count_of": r.get("count_of"),
                "dead": r.get("dead_best"),
                "factuality": r["factuality"],
                "sources": sorted({c["source"] for c in r.get("claims") or [] if c.get("source")})
                or ([r["dataset"]] if r.get("dataset") else []),
            }
            for r in todays
        ],
    }


def _one_per_sentence(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per sentence and area: "Artsakh accused Azerbaijani forces of firing at civilians"
    is both the accusation and the firing it alleges, told once, with both events' ids
    (``event_ids``) and every claimant, denier and confirmer of either; the act's record leads."""
    grouped: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for c in sorted(claims, key=lambda c: c["event_id"]):
        grouped.setdefault((c["area"], c["text"] or c["event_id"]), []).append(c)
    out = []
    for same in grouped.values():
        lead = min(same, key=lambda c: (c["event"] in {"ACCUSE", "REJECT"}, c["event_id"]))
        merged = {**lead, "event_ids": sorted(c["event_id"] for c in same)}
        for key in ("claimed_by", "denied_by", "confirmed_by"):
            merged[key] = sorted({p for c in same for p in c[key]})
        out.append(merged)
    return out
