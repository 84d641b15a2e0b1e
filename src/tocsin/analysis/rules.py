"""The kinds of alert, each a function of the occurrences known on a day and that day.

Thresholds come from ``data/alerts.toml`` (see its comments). Every alert carries the figures it
was raised on and one sentence that says them.
"""

from __future__ import annotations

import functools
import hashlib
import math
import statistics
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

import numpy
import ruptures

from tocsin.analysis.occurrences import Area, Occurrence

LEVELS = ("watch", "warning", "alert")
#: A surge has a dyad when this share of its events are between the same two sides.
DYAD_SHARE = 0.6


_OVERRIDES: list[tuple[str, str, Any]] = []


def configure(overrides: Iterable[tuple[str, str, Any]]) -> None:
    """Use the user's thresholds (``[alerts.RULE]`` in ``tocsin.toml``) over the shipped ones."""
    _OVERRIDES[:] = list(overrides)
    thresholds.cache_clear()


@functools.cache
def thresholds() -> dict[str, Any]:
    """The thresholds: ``data/alerts.toml`` with the user's overrides (see :func:`configure`)."""
    text = resources.files("tocsin.data").joinpath("alerts.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for rule, key, value in _OVERRIDES:
        data[rule][key] = list(value) if isinstance(value, tuple) else value
    return data


@dataclass(frozen=True, slots=True)
class Alert:
    """An alert record (the issue's fields)."""

    issued_at: date
    level: str
    kind: str
    area: Area
    window: tuple[date, date]
    rule: str
    observed: float
    baseline: float
    explanation: str
    event_ids: tuple[str, ...]
    dyad: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        key = f"{self.kind}|{self.area.name}|{self.area.country_code}|{self.window[1]}|{self.level}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issued_at": self.issued_at.isoformat(),
            "level": self.level,
            "kind": self.kind,
            "area": self.area.as_dict(),
            "dyad": self.dyad,
            "window": {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "rule": self.rule,
            "observed": self.observed,
            "baseline": self.baseline,
            "explanation": self.explanation,
            "event_ids": list(self.event_ids),
            **self.extra,
        }


def _level(ratio: float, cfg: dict[str, Any]) -> str | None:
    found = None
    for level in LEVELS:
        if ratio >= cfg[level]:
            found = level
    return found


def _by_area(occurrences: Iterable[Occurrence]) -> dict[Area, list[Occurrence]]:
    out: dict[Area, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        out[o.area].append(o)
    return out


def _jump(
    kind: str,
    what: str,
    occurrences: list[Occurrence],
    day: date,
    weight: Callable[[Occurrence], float],
    minimum: float,
) -> list[Alert]:
    """A surge of ``weight`` (events, deaths) this week against the weekly mean of the weeks before."""
    cfg = thresholds()["surge"]
    window, weeks = cfg["window_days"], cfg["baseline_weeks"]
    start = day - timedelta(days=window - 1)
    out = []
    for area, items in sorted(
        _by_area(occurrences).items(), key=lambda kv: (kv[0].name, kv[0].country_code or "")
    ):
        now = [o for o in items if start <= o.day <= day]
        observed = sum(weight(o) for o in now)
        if observed < minimum:
            continue
        weekly = [
            sum(
                weight(o)
                for o in items
                if start - timedelta(days=window * (k + 1)) <= o.day < start - timedelta(days=window * k)
            )
            for k in range(weeks)
        ]
        mean = statistics.fmean(weekly)
        base = max(mean, cfg["baseline_floor"])
        level = _level(observed / base, cfg)
        if level is None:
            continue
        change = f"+{(observed / base - 1) * 100:.0f}%"
        dyads = Counter(o.dyad for o in now if o.dyad)
        top = dyads.most_common(1)
        dyad = top[0][0] if top and top[0][1] >= DYAD_SHARE * len(now) else None
        sentence = (
            f"{area.name}: {observed:g} {what} in the {window} days to {day.isoformat()} against a weekly"
            f" mean of {mean:.1f} over the {weeks} weeks before ({change})"
        )
        out.append(
            Alert(
                day,
                level,
                kind,
                area,
                (start, day),
                f"{what} this week >= {cfg[level]:g} x the weekly"
                f" mean of the {weeks} weeks before, at least {minimum:g}",
                observed,
                round(mean, 2),
                sentence,
                tuple(sorted(o.id for o in now)),
                dyad,
            )
        )
    return out


def surge(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A jump in an area's violent events (a mission's figure counting as the violations it
    counts), or in its deaths."""
    cfg = thresholds()["surge"]
    violent = [o for o in occurrences if o.violent]
    what = "violent events" if all(o.count == 1 for o in violent) else "violent events and counted violations"
    events = _jump("surge", what, violent, day, lambda o: float(o.count), cfg["min_events"])
    deaths = _jump("surge", "deaths", violent, day, lambda o: float(o.dead), cfg["min_deaths"])
    flagged = {a.area for a in events}
    return events + [a for a in deaths if a.area not in flagged]


def buildup(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A sustained rise: the last change point of an area's daily violent events (PELT from
    ruptures) lies in the recent past, and the daily mean since is several times the mean before."""
    cfg = thresholds()["buildup"]
    first = day - timedelta(days=cfg["lookback_days"] - 1)
    out = []
    for area, items in sorted(_by_area(o for o in occurrences if o.violent).items(),
                              key=lambda kv: (kv[0].name, kv[0].country_code or "")):  # fmt: skip
        daily = [0.0] * cfg["lookback_days"]
        for o in items:
            if first <= o.day <= day:
                daily[(o.day - first).days] += o.count
        if sum(daily[-cfg["recent_days"] :]) < cfg["min_events"]:
            continue
        series = numpy.array(daily).reshape(-1, 1)
        penalty = cfg["penalty"] * math.log(len(daily)) * max(float(series.var()), 1.0)
        points = ruptures.Pelt(model="l2", min_size=cfg["min_days"], jump=1).fit(series).predict(pen=penalty)
        change = points[-2] if len(points) > 1 else None
        if change is None or len(daily) - change > cfg["recent_days"]:
            continue
        before = statistics.fmean(daily[:change])
        after = statistics.fmean(daily[change:])
        if sum(daily[change:]) < cfg["min_events"]:
            continue
        level = _level(after / max(before, 1 / cfg["min_days"]), cfg)
        if level is None:
            continue
        since = first + timedelta(days=change)
        sentence = (
            f"{area.name}: violent events rose from {before:.1f} to {after:.1f} a day since"
            f" {since.isoformat()}, a sustained rise over {len(daily) - change} days"
        )
        rule = (
            f"a change point in the last {cfg['recent_days']} days, the daily mean since >= {cfg[level]:g}x"
        )
        ids = tuple(sorted(o.id for o in items if since <= o.day <= day))
        out.append(Alert(day, level, "buildup", area, (since, day), rule, round(after, 2), round(before, 2),
                         sentence, ids))  # fmt: skip
    return out


def precursor(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A jump in what comes before violence: threats, mobilisation, accusations, restrictions."""
    cfg = thresholds()["precursor"]
    before = [
        o
        for o in occurrences
        if o.factuality != "negated" and (o.event in cfg["events"] or (o.mode or "") in cfg["modes"])
    ]
    return _jump(
        "precursor",
        "threats, mobilisations, accusations and restrictions",
        before,
        day,
        lambda o: 1.0,
        cfg["min_events"],
    )


def warned(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """Events the sources say are coming, given on this day, and whether one came since."""
    cfg = thresholds()["warned"]
    out = []
    for w in (
        o for o in occurrences if o.factuality == "future" and o.event in cfg["events"] and o.known == day
    ):
        horizon = w.known + timedelta(days=cfg["horizon_days"])
        who = ", ".join(n for n in w.claimed_by if n) or "a source"
        sentence = f"{w.area.name}: {who} warned on {w.known.isoformat()} of a coming {w.event.lower()}"
        out.append(
            Alert(
                day,
                "watch",
                "warned",
                w.area,
                (w.known, horizon),
                "a source says it is coming",
                1.0,
                0.0,
                sentence,
                (w.id,),
                extra={"claimed_by": list(w.claimed_by)},
            )
        )
    return out


def fulfilment(warning: Alert, occurrences: list[Occurrence]) -> dict[str, Any] | None:
    """The first violent event in the warning's country within its horizon, with the lead time."""
    end = warning.window[1]
    match = min(
        (
            o
            for o in occurrences
            if o.violent
            and o.area.country_code == warning.area.country_code
            and warning.issued_at < o.day <= end
        ),
        key=lambda o: (o.day, o.id),
        default=None,
    )
    if match is None:
        return None
    return {
        "event_id": match.id,
        "day": match.day.isoformat(),
        "lead_days": (match.day - warning.issued_at).days,
    }


def coverage(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A source that reported almost daily has fallen silent: a notice, never a statement of calm."""
    cfg = thresholds()["coverage"]
    silent_since = day - timedelta(days=cfg["silent_days"] - 1)
    lookback_start = silent_since - timedelta(days=cfg["lookback_days"])
    days: dict[str, set[date]] = defaultdict(set)
    for o in occurrences:
        for s in o.sources:
            days[s].add(o.known)
    out = []
    for source, seen in sorted(days.items()):
        before = {d for d in seen if lookback_start <= d < silent_since}
        if len(before) < cfg["active_days"] or any(d >= silent_since for d in seen) or max(seen) > day:
            continue
        last = max(before)
        if (day - last).days != cfg["silent_days"]:
            continue  # once, on the day the silence reaches its length
        sentence = (
            f"{source} reported on {len(before)} of the {cfg['lookback_days']} days before and nothing"
            f" since {last.isoformat()}: the record may be thin, which is no sign of calm"
        )
        out.append(
            Alert(
                day,
                "watch",
                "coverage",
                Area(source, None, None),
                (last, day),
                "a daily source silent for days",
                0.0,
                float(len(before)),
                sentence,
                (),
            )
        )
    return out


RULES: dict[str, Callable[[list[Occurrence], date], list[Alert]]] = {
    "surge": surge,
    "buildup": buildup,
    "precursor": precursor,
    "warned": warned,
    "coverage": coverage,
}
