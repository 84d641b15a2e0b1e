"""The fused event: one record for a group of reports, with every report's evidence and claim.

Deaths and injuries follow UCDP's sense: ``low`` the smallest figure a report gives, ``high`` the
largest, ``best`` the most reliable, which is the latest figure from a source that asserts it (tolls
grow as an event is reported: one, then two, then five shot dead), else the latest figure of all;
never outside the range. Figures of reports that deny or negate the act are not counted. The
factuality of the whole: ``asserted`` when any source asserts it; else ``disputed`` when one party
claims it and another denies it; else ``claimed`` when parties only claim it; else that of its
reports.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from tocsin.fuse.reports import Report

_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_PLACE = {"exact": 0, "near": 1, "region": 2, "country": 3, "unresolved": 4}
_NOT_COUNTED = {"denied", "negated", "hypothetical", "future"}


def fused_id(first_report_id: str) -> str:
    """The id a new event takes from its first report: 16 hex digits, distinct from report ids."""
    return hashlib.sha1(f"fused:{first_report_id}".encode()).hexdigest()[:16]


def _parties(reports: Sequence[Report], key: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for r in reports:
        for p in r.record.get(key) or []:
            name = p.get("name") or p.get("text") or ""
            if name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(p)
    return out


def _majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in values if v and counts[v] == top)


def figures(reports: Sequence[Report], kind: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of a count (``dead`` or ``injured``) over the reports that give it."""
    given = [(r.published or date.min, r.factuality, getattr(r, kind), r.id) for r in reports
             if getattr(r, kind) is not None and r.factuality not in _NOT_COUNTED]  # fmt: skip
    if not given:
        return None, None, None
    values = [g[2] for g in given]
    asserted = [g for g in given if g[1] == "asserted"] or given
    best = max(asserted, key=lambda g: (g[0], g[2], g[3]))[2]
    return min(values), best, max(values)


def factuality(reports: Sequence[Report]) -> str:
    """The factuality of the event from those of its reports (see the module's docstring)."""
    kinds = {r.factuality for r in reports}
    denied = "denied" in kinds or any(r.record.get("denied_by") for r in reports)
    if "asserted" in kinds:
        return "asserted"
    if "claimed" in kinds and denied:
        return "disputed"
    if "claimed" in kinds:
        return "claimed"
    return _majority([r.factuality for r in reports]) or "asserted"


def _date(reports: Sequence[Report]) -> dict[str, Any]:
    finest = min(_PRECISION.get(r.precision, 4) for r in reports)
    dated = sorted((r for r in reports if _PRECISION.get(r.precision, 4) == finest and r.start),
                   key=lambda r: (r.method != "explicit", r.start, r.id))  # fmt: skip
    if not dated:
        return {"date": None, "date_end": None, "date_precision": "unknown"}
    first = dated[0]
    ends = [r.end for r in reports if r.end is not None]
    end = max(ends) if ends else None
    return {"date": first.start.isoformat() if first.start else None,
            "date_end": end.isoformat() if end and first.start and end > first.start else None,
            "date_precision": first.precision}  # fmt: skip


def _location(reports: Sequence[Report]) -> dict[str, Any] | None:
    located = [r for r in reports if r.record.get("location")]
    if not located:
        return None
    best = min(located, key=lambda r: (_PLACE.get(r.place_precision or "unresolved", 4), r.id))
    location: dict[str, Any] = best.record["location"]
    return location


def fused_record(
    event_id: str,
    reports: Sequence[Report],
    *,
    sources: dict[str, str],
    extra_outlets: set[str] | None = None,
) -> dict[str, Any]:
    """The fused event of ``reports`` (one group); ``sources`` maps a document id to the outlet's
    name as printed, ``extra_outlets`` are further outlets of the same texts (reprints)."""
    ordered = sorted(reports, key=lambda r: (r.published or date.min, r.id))
    dead, injured = figures(ordered, "dead"), figures(ordered, "injured")
    published = [r.published for r in ordered if r.published]
    outlets = {r.outlet for r in ordered} | (extra_outlets or set())
    return {
        "id": event_id,
        "report_ids": [r.id for r in ordered],
        "doc_ids": sorted({r.doc_id for r in ordered}),
        "n_reports": len(ordered),
        "n_sources": len(outlets),
        "first_reported": min(published).isoformat() if published else None,
        "last_reported": max(published).isoformat() if published else None,
        "event": _majority([r.event for r in ordered]),
        "mode": _majority([r.record.get("mode") for r in ordered]),
        "acled_event_type": _majority([r.acled_type for r in ordered]),
        "acled_sub_event_type": _majority([r.acled_sub_type for r in ordered]),
        "actor": _parties(ordered, "actor"),
        "recipient": _parties(ordered, "recipient"),
        **_date(ordered),
        "location": _location(ordered),
        "factuality": factuality(ordered),
        "claimed_by": _parties(ordered, "claimed_by"),
        "denied_by": _parties(ordered, "denied_by"),
        "confirmed_by": _parties(ordered, "confirmed_by"),
        "dead_low": dead[0],
        "dead_best": dead[1],
        "dead_high": dead[2],
        "injured_low": injured[0],
        "injured_best": injured[1],
        "injured_high": injured[2],
        "claims": [
            {
                "report_id": r.id,
                "doc_id": r.doc_id,
                "source": sources.get(r.doc_id),
                "published": r.published.isoformat() if r.published else None,
                "claimed_by": [p.get("name") or p.get("text") for p in r.record.get("claimed_by") or []],
                "denied_by": [p.get("name") or p.get("text") for p in r.record.get("denied_by") or []],
                "dead": r.dead,
                "injured": r.injured,
                "factuality": r.factuality,
            }
            for r in ordered
        ],
        "evidence": [e for r in ordered for e in r.record.get("evidence") or []],
        "confidence": max((r.record.get("confidence") or 0.0) for r in ordered),
        # a count stands alone (never fused): the event's is its report's
        "count": ordered[0].record.get("count") if len(ordered) == 1 else None,
        "count_of": ordered[0].record.get("count_of") if len(ordered) == 1 else None,
    }
