"""Alerts on an event history: were the onsets warned of, how often do quiet spans raise alarms,
and how many serious alerts were followed by escalation.

The history (an ACLED or UCDP export) is replayed day by day from its first event, each day
seeing only the events dated by then (before any history, an area's baseline is the floor of
``data/alerts.toml``). Serious alerts are those of level ``warning`` or
``alert``. For each onset: the first serious alert (and the first of any level) in the
``lead_days`` before it, anywhere, and its lead. For each quiet span: serious alerts per area-year
(the areas with any event in the history). Escalation: a serious alert is followed by one when its
area's violent events in the ``horizon_days`` after it reach ``escalation_ratio`` times those of
the ``horizon_days`` before its window.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tocsin.analysis.alerts import replay
from tocsin.analysis.occurrences import Occurrence, from_imported
from tocsin.analysis.rules import Alert, thresholds
from tocsin.importers.load import read_export

SERIOUS = frozenset({"warning", "alert"})


def onset_report(onset: date, alerts: list[Alert], lead: int) -> dict[str, Any]:
    """The first serious alert (warning or alert) in the ``lead`` days before an onset, its lead
    in days, and whether it came 7 days ahead or more."""
    before = [a for a in alerts if onset - timedelta(days=lead) <= a.issued_at < onset]
    serious = [a for a in before if a.level in SERIOUS]
    first = min(serious, key=lambda a: (a.issued_at, a.id), default=None)
    any_first = min(before, key=lambda a: (a.issued_at, a.id), default=None)
    return {
        "onset": onset.isoformat(),
        "first_serious_alert": first.as_dict() if first else None,
        "serious_lead_days": (onset - first.issued_at).days if first else None,
        "first_alert_of_any_level_lead_days": (onset - any_first.issued_at).days if any_first else None,
        "warned_7_days_ahead": bool(first and (onset - first.issued_at).days >= 7),
    }


def quiet_report(quiet: list[tuple[date, date]], serious: list[Alert], areas: int) -> list[dict[str, Any]]:
    """For each quiet span, the serious alerts issued in it, and per area and year."""
    spans = []
    for q_start, q_end in quiet:
        inside = [a for a in serious if q_start <= a.issued_at <= q_end]
        years = areas * ((q_end - q_start).days + 1) / 365.25
        per_year = round(len(inside) / years, 2) if years else None
        spans.append({"start": q_start.isoformat(), "end": q_end.isoformat(), "serious_alerts": len(inside),
                      "serious_alerts_per_area_year": per_year})  # fmt: skip
    return spans


def _escalated(alert: Alert, occurrences: list[Occurrence], horizon: int, ratio: float) -> bool:
    mine = [o for o in occurrences if o.violent and o.area == alert.area]
    after = sum(1 for o in mine if alert.issued_at < o.day <= alert.issued_at + timedelta(days=horizon))
    start = alert.window[0]
    before = sum(1 for o in mine if start - timedelta(days=horizon) <= o.day < start)
    return after >= ratio * max(before, 1)


def evaluate(path: Path, fmt: str, onsets: list[date], quiet: list[tuple[date, date]]) -> dict[str, Any]:
    """Replay the export's history and score the alerts (see the module's docstring)."""
    report = read_export(path, fmt)
    occurrences = [o for o in (from_imported(e.record) for e in report.events) if o is not None]
    if not occurrences:
        return {"events": 0}
    cfg = thresholds()["evaluation"]
    days = sorted(o.day for o in occurrences)
    start, end = days[0], days[-1]  # from the first day: a quiet area's baseline is the floor
    alerts = [
        a for a in replay(occurrences, start, end, kinds=("surge", "buildup", "precursor")) if a.area.name
    ]
    serious = [a for a in alerts if a.level in SERIOUS]
    areas = {o.area for o in occurrences}
    spans = quiet_report(quiet, serious, len(areas))
    followed = [
        a for a in serious if _escalated(a, occurrences, cfg["horizon_days"], cfg["escalation_ratio"])
    ]
    return {
        "events": len(occurrences),
        "rejected_rows": len(report.rejected),
        "replayed": {"start": start.isoformat(), "end": end.isoformat()},
        "areas": len(areas),
        "alerts": len(alerts),
        "serious_alerts": len(serious),
        "onsets": [onset_report(d, alerts, cfg["lead_days"]) for d in onsets],
        "quiet_spans": spans,
        "serious_followed_by_escalation": round(len(followed) / len(serious), 3) if serious else None,
    }
