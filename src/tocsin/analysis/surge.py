"""Surges: a jump in an area's violent events or deaths, over a week and in a day, against the
weeks before (``[surge]`` in ``data/alerts.toml``).

Two kinds of series. Events coded from the news: a day without any is a day of none. A monitoring
mission's figures ("591 ceasefire violations", a record with a ``count``): they say nothing of the
days no report covers (a sample of reports, a gap in the series), so where an area has figures its
series is those figures alone, and rates per covered day are compared. A figure over several days
(a weekend's) counts a share on each.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tocsin.analysis.alert import DYAD_SHARE, LEVELS, Alert, by_area, level_of, thresholds
from tocsin.analysis.occurrences import Area, Occurrence


@dataclass(frozen=True, slots=True)
class Series:
    """An area's daily totals from ``first`` to ``last``, the ids behind each day, and the days it
    covers (every day for news events; the days its reports span for a mission's figures)."""

    totals: dict[date, float]
    ids: dict[date, list[str]]
    covered: frozenset[date] | None  # None: every day counts

    def days(self, start: date, end: date) -> list[date]:
        """The covered days from ``start`` to ``end``."""
        span = (start + timedelta(days=k) for k in range((end - start).days + 1))
        return [d for d in span if self.covered is None or d in self.covered]

    def total(self, days: Iterable[date]) -> float:
        """The sum over ``days``."""
        return sum(self.totals.get(d, 0.0) for d in days)


def _totals(figures: list[Occurrence]) -> list[Occurrence]:
    """Of a mission's figures for one window, the largest: the total, the others its parts ("591
    ceasefire violations, including 553 explosions" is 591 violations, not 1,144)."""
    best: dict[tuple[date, int], Occurrence] = {}
    for o in figures:
        key = (o.day, o.days)
        if key not in best or (o.count, o.id) > (best[key].count, best[key].id):
            best[key] = o
    return sorted(best.values(), key=lambda o: (o.day, o.id))


def daily_series(
    items: list[Occurrence], weight: Callable[[Occurrence], float], first: date, last: date
) -> Series:
    """An area's daily ``weight`` from ``first`` to ``last``: its mission's figures alone where it
    has any (the total of each window, spread over the days the window covers), else its events,
    each on its first day."""
    figures = _totals([o for o in items if o.counted])
    chosen = figures or items
    totals: dict[date, float] = defaultdict(float)
    ids: dict[date, list[str]] = defaultdict(list)
    covered: set[date] = set()
    for o in chosen:
        span = o.days if o.counted else 1  # an event told over days is one event, on its first
        for k in range(span):
            when = o.day + timedelta(days=k)
            covered.add(when)
            if first <= when <= last:
                totals[when] += weight(o) / span
                ids[when].append(o.id)
    return Series(totals, ids, frozenset(covered) if figures else None)


def _areas(occurrences: Iterable[Occurrence]) -> list[tuple[Area, list[Occurrence]]]:
    return sorted(by_area(occurrences).items(), key=lambda kv: (kv[0].name, kv[0].country_code or ""))


def jump(
    kind: str,
    what: str,
    occurrences: list[Occurrence],
    day: date,
    weight: Callable[[Occurrence], float],
    minimum: float,
) -> list[Alert]:
    """A surge of ``weight`` (events, deaths) this week against the weekly mean of the weeks before,
    over events each on its own day (a mission's figures are compared by :func:`daily_jump`)."""
    cfg = thresholds()["surge"]
    window, weeks = cfg["window_days"], cfg["baseline_weeks"]
    start = day - timedelta(days=window - 1)
    first = start - timedelta(days=window * weeks)
    out = []
    for area, items in _areas(o for o in occurrences if not o.counted):
        series = daily_series(items, weight, first, day)
        now_days = series.days(start, day)
        observed = round(series.total(now_days), 1)
        if observed < minimum:
            continue
        mean = series.total(series.days(first, start - timedelta(days=1))) / weeks
        base = max(mean, cfg["baseline_floor"])
        level = level_of(observed / base, cfg)
        if level is None:
            continue
        now = [o for o in items if start <= o.day <= day]
        dyads = Counter(o.dyad for o in now if o.dyad)
        top = dyads.most_common(1)
        dyad = top[0][0] if top and top[0][1] >= DYAD_SHARE * len(now) else None
        sentence = (
            f"{area.name}: {observed:g} {what} in the {window} days to {day.isoformat()} against a"
            f" weekly mean of {mean:.1f} over the {weeks} weeks before (+{(observed / base - 1) * 100:.0f}%)"
        )
        rule = (f"{what} this week >= {cfg[level]:g} x the weekly mean of the {weeks} weeks before, at"
                f" least {minimum:g}")  # fmt: skip
        ids = tuple(sorted({i for d in now_days for i in series.ids.get(d, [])}))
        out.append(
            Alert(day, level, kind, area, (start, day), rule, observed, round(mean, 2), sentence, ids, dyad)
        )
    return out


def daily_jump(what: str, occurrences: list[Occurrence], day: date) -> list[Alert]:
    """The busiest of the last days against the median day of the weeks before (a mission's daily
    figure jumps before the week's total does)."""
    cfg = thresholds()["surge"]
    recent = day - timedelta(days=cfg["daily_days"] - 1)
    first = recent - timedelta(days=7 * cfg["baseline_weeks"])
    levels = {level: cfg[f"daily_{level}"] for level in LEVELS}
    out = []
    for area, items in _areas(occurrences):
        series = daily_series(items, lambda o: float(o.count), first, day)
        recent_days = series.days(recent, day)
        busiest = max(recent_days, key=lambda d: (series.totals.get(d, 0.0), d), default=None)
        if busiest is None or series.totals.get(busiest, 0.0) < cfg["min_daily"]:
            continue
        before = series.days(first, recent - timedelta(days=1))
        if not before or (series.covered is not None and len(before) < cfg["min_covered_days"]):
            continue
        median = statistics.median(series.totals.get(d, 0.0) for d in before)
        base = max(median, cfg["daily_floor"])
        observed = round(series.totals[busiest], 1)
        level = level_of(observed / base, levels)
        if level is None:
            continue
        sentence = (
            f"{area.name}: {observed:g} {what} on {busiest.isoformat()} against a"
            f" {cfg['baseline_weeks']}-week median of {median:g} a day (+{(observed / base - 1) * 100:.0f}%)"
        )
        rule = (f"{what} in a day >= {levels[level]:g} x the median day of the {cfg['baseline_weeks']} weeks"
                f" before, at least {cfg['min_daily']:g}")  # fmt: skip
        out.append(Alert(day, level, "surge", area, (busiest, busiest), rule, observed, round(median, 2),
                         sentence, tuple(sorted(set(series.ids[busiest])))))  # fmt: skip
    return out


def surge(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A jump in an area's violent events over the week, or in its deaths over the week. Where an
    area has a mission's figures, its counted violations are compared day by day instead: a mission
    counts every day and its daily figure jumps before a week's total does, and a week of a sampled
    series is a few reports. Events coded from the news are weighed by the week, as ACLED weighs
    them: their days are noisy (a report a day late, a round-up of several)."""
    cfg = thresholds()["surge"]
    violent = [o for o in occurrences if o.violent]
    figures = [o for o in violent if o.counted]
    counted = {o.area for o in figures}
    news = [o for o in violent if not o.counted]
    # A mission's figures day by day, never summed over a week; the news by the week.
    events = {a.area: a for a in daily_jump("counted violations", figures, day)}
    weekly = [o for o in news if o.area not in counted]
    events.update(
        (a.area, a) for a in jump("surge", "violent events", weekly, day, lambda o: 1.0, cfg["min_events"])
    )
    deaths = jump("surge", "deaths", news, day, lambda o: float(o.dead), cfg["min_deaths"])
    found = sorted(events.values(), key=lambda a: (a.area.name, a.area.country_code or ""))
    return found + [a for a in deaths if a.area not in events]
