"""Running the alert rules for a day, or replaying them day by day as a monitor would have."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from tocsin.analysis.occurrences import Occurrence
from tocsin.analysis.rules import LEVELS, RULES, Alert, fulfilment

#: Days after an alert in which the same kind for the same area is issued again only at a higher level.
QUIET_DAYS = 7


def alerts_on(occurrences: list[Occurrence], day: date, kinds: Iterable[str] = RULES) -> list[Alert]:
    """Every alert the rules raise on ``day`` from what was known by then."""
    known = [o for o in occurrences if o.known <= day]
    out: list[Alert] = []
    for kind in kinds:
        out.extend(RULES[kind](known, day))
    return out


def replay(
    occurrences: list[Occurrence], start: date, end: date, kinds: Iterable[str] = RULES
) -> list[Alert]:
    """The alerts of each day from ``start`` to ``end``, each day seeing only what was known by then.
    A surge, build-up or precursor alert is issued when its level for the area is above the level
    it held the day before and every level issued for it in the ``QUIET_DAYS`` before (not again
    each day it holds, nor each time it flickers); a warning is marked fulfilled when a violent
    event in its country followed it."""
    chosen = list(kinds)
    issued: dict[tuple[str, str, str | None], list[tuple[date, int]]] = {}
    held: dict[tuple[str, str, str | None], int] = {}
    out: list[Alert] = []
    day = start
    while day <= end:
        today: dict[tuple[str, str, str | None], int] = {}
        for alert in alerts_on(occurrences, day, chosen):
            if alert.kind in {"warned", "coverage"}:
                out.append(alert)
                continue
            key = (alert.kind, alert.area.name, alert.area.country_code)
            rank = LEVELS.index(alert.level)
            today[key] = max(rank, today.get(key, -1))
            recent = [r for d, r in issued.get(key, []) if (day - d).days < QUIET_DAYS]
            if rank > max([*recent, held.get(key, -1)]):
                out.append(alert)
                issued.setdefault(key, []).append((day, rank))
        held = today
        if day == date.max:
            break
        day += timedelta(days=1)
    return [_with_fulfilment(a, occurrences, end) for a in out]


def _with_fulfilment(alert: Alert, occurrences: list[Occurrence], until: date) -> Alert:
    if alert.kind != "warned":
        return alert
    known = [o for o in occurrences if o.known <= until]
    alert.extra["fulfilled"] = fulfilment(alert, known)
    return alert
