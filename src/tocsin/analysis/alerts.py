"""Running the alert rules for a day, or replaying them day by day as a monitor would have."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from tocsin.analysis.alert import thresholds
from tocsin.analysis.occurrences import Occurrence
from tocsin.analysis.rules import LEVELS, RULES, Alert, fulfilment


def alerts_on(occurrences: list[Occurrence], day: date, kinds: Iterable[str] = RULES) -> list[Alert]:
    """Every alert the rules raise on ``day`` from what was known by then."""
    known = [o for o in occurrences if o.known <= day]
    out: list[Alert] = []
    for kind in kinds:
        out.extend(RULES[kind](known, day))
    return out


_Key = tuple[str, str, str | None]


class Standing:
    """Which raised alerts are issued, day after day: a surge, build-up or precursor alert is
    issued when its level for the area is above the level it held the day before and every level
    issued for it in the ``standing_days`` before (``[replay]`` in ``data/alerts.toml``): not again
    each day it holds, each time it flickers, nor for each new peak within the month that one alert
    announced. Warnings and coverage notices pass (each is its own). Days come in order; the same
    day may come again (a monitor's next cycle), and what it issued stands."""

    def __init__(self) -> None:
        self.days = int(thresholds()["replay"]["standing_days"])
        self.issued: dict[_Key, list[tuple[date, int]]] = {}
        self.held: dict[_Key, int] = {}
        self.today: dict[_Key, int] = {}
        self.day: date | None = None

    def issue(self, day: date, alerts: Iterable[Alert]) -> list[Alert]:
        """Those of ``alerts``, raised on ``day``, that are issued."""
        if day != self.day:
            self.held = self.today if self.day is not None and (day - self.day).days == 1 else {}
            self.today, self.day = {}, day
        out: list[Alert] = []
        for alert in alerts:
            if alert.kind in {"warned", "coverage"}:
                out.append(alert)
                continue
            key = (alert.kind, alert.area.name, alert.area.country_code)
            rank = LEVELS.index(alert.level)
            self.today[key] = max(rank, self.today.get(key, -1))
            recent = [r for d, r in self.issued.get(key, []) if (day - d).days < self.days]
            if rank > max([*recent, self.held.get(key, -1)]):
                out.append(alert)
                self.issued.setdefault(key, []).append((day, rank))
        return out


def replay(
    occurrences: list[Occurrence], start: date, end: date, kinds: Iterable[str] = RULES
) -> list[Alert]:
    """The alerts of each day from ``start`` to ``end``, each day seeing only what was known by
    then, issued as :class:`Standing` says. A warning is marked fulfilled when a violent event in
    its country followed it."""
    chosen = list(kinds)
    standing = Standing()
    out: list[Alert] = []
    day = start
    while day <= end:
        out.extend(standing.issue(day, alerts_on(occurrences, day, chosen)))
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


class SpanError(ValueError):
    """A replay asked over more days than allowed."""


def watch(
    occurrences: list[Occurrence], *, since: date | None = None, until: date | None = None,
    replay_days: bool = False, area: str | None = None, max_days: int | None = None,
) -> list[Alert]:  # fmt: skip
    """The alerts of ``until`` (default: the last event's day), or with ``replay_days`` of every day
    from ``since`` (default: five weeks after the first event, for a baseline) to ``until``, which
    stops at the last event (after it a replay has nothing new to see); only those of ``area``."""
    if not occurrences:
        return []
    days = sorted(o.day for o in occurrences)
    if not replay_days:
        found = alerts_on(occurrences, until or days[-1])
    else:
        end = min(until or days[-1], days[-1])
        start = min(max(since or days[0] + timedelta(days=35), days[0]), end)
        if max_days is not None and (end - start).days > max_days:
            raise SpanError(f"a replay covers at most {max_days} days: narrow since and until")
        found = replay(occurrences, start, end)
    return [a for a in found if a.area.matches(area)]
