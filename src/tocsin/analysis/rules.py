"""The kinds of alert, each a function of the occurrences known on a day and that day.

Thresholds come from ``data/alerts.toml`` (see its comments). Every alert carries the figures it
was raised on and one sentence that says them. Surges are in ``tocsin.analysis.surge``; the alert
record, thresholds and levels in ``tocsin.analysis.alert``.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy
import ruptures

from tocsin.analysis.alert import LEVELS, Alert, by_area, configure, level_of, thresholds
from tocsin.analysis.occurrences import Area, Occurrence
from tocsin.analysis.surge import daily_series, jump, surge

__all__ = ["LEVELS", "RULES", "Alert", "configure", "surge", "thresholds"]


def buildup(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A sustained rise: the last change point of an area's daily violent events (PELT from
    ruptures) lies in the recent past, and the daily mean since is several times the mean before."""
    cfg = thresholds()["buildup"]
    first = day - timedelta(days=cfg["lookback_days"] - 1)
    recent = day - timedelta(days=cfg["recent_days"] - 1)
    out = []
    for area, items in sorted(by_area(o for o in occurrences if o.violent).items(),
                              key=lambda kv: (kv[0].name, kv[0].country_code or "")):  # fmt: skip
        found = daily_series(items, lambda o: float(o.count), first, day)
        days = found.days(first, day)  # a mission's figures: only the days its reports cover
        if len(days) < 2 * cfg["min_days"] or found.total(d for d in days if d >= recent) < cfg["min_events"]:
            continue
        daily = [found.totals.get(d, 0.0) for d in days]
        series = numpy.array(daily).reshape(-1, 1)
        penalty = cfg["penalty"] * math.log(len(daily)) * max(float(series.var()), 1.0)
        # PELT with the least-squares cost, in ruptures' C code: its linear kernel is that cost
        # (the same change points as ruptures.Pelt(model="l2"); a year's replay of UCDP's Ukraine
        # history took 15 s with that, 3 s with this).
        search = ruptures.KernelCPD(kernel="linear", min_size=cfg["min_days"], jump=1)
        points = search.fit(series).predict(pen=penalty)
        change = points[-2] if len(points) > 1 else None
        if change is None or days[change] < recent:
            continue
        before = statistics.fmean(daily[:change])
        after = statistics.fmean(daily[change:])
        if sum(daily[change:]) < cfg["min_events"]:
            continue
        level = level_of(after / max(before, 1 / cfg["min_days"]), cfg)
        if level is None:
            continue
        since = days[change]
        sentence = (
            f"{area.name}: violent events rose from {before:.1f} to {after:.1f} a day since"
            f" {since.isoformat()}, a sustained rise over {(day - since).days + 1} days"
        )
        rule = (
            f"a change point in the last {cfg['recent_days']} days, the daily mean since >= {cfg[level]:g}x"
        )
        ids = tuple(sorted(o.id for o in items if since <= o.day <= day))
        out.append(Alert(day, level, "buildup", area, (since, day), rule, round(after, 2), round(before, 2),
                         sentence, ids))  # fmt: skip
    return out


def precursor(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """A jump in what comes before violence: threats, mobilisation, accusations, restrictions. The
    alert cites them and the area's incidents around them (see :func:`_incidents`)."""
    cfg = thresholds()["precursor"]
    before = [
        o
        for o in occurrences
        if o.factuality != "negated" and (o.event in cfg["events"] or (o.mode or "") in cfg["modes"])
    ]
    found = jump(
        "precursor",
        "threats, mobilisations, accusations and restrictions",
        before,
        day,
        lambda o: 1.0,
        cfg["min_events"],
    )
    return [_with_incidents(alert, occurrences, day, cfg) for alert in found]


def _incidents(occurrences: list[Occurrence], area: Area, day: date, cfg: dict[str, Any]) -> list[Occurrence]:
    """An area's incidents of the ``context_days`` up to ``day``: its violent events, and the
    restrictions reported in that span (a blockade "in place since December 12" is in force)."""
    start = day - timedelta(days=cfg["context_days"] - 1)

    def cited(o: Occurrence) -> bool:
        if o.area != area or o.known > day or o.day > day:
            return False
        if o.violent:
            return start <= o.day
        return (o.mode or "") in cfg["in_force_modes"] and o.factuality != "negated" and start <= o.known

    return [o for o in occurrences if cited(o)]


def _with_incidents(alert: Alert, occurrences: list[Occurrence], day: date, cfg: dict[str, Any]) -> Alert:
    """The precursor alert citing the area's incidents too, and saying how many there were."""
    around = _incidents(occurrences, alert.area, day, cfg)
    if not around:
        return alert
    violent = sum(o.violent for o in around)
    counts = ((violent, "violent event"), (len(around) - violent, "restriction"))
    said = " and ".join(f"{n} {what}{'s' if n != 1 else ''}" for n, what in counts if n)
    sentence = f"{alert.explanation}, amid {said} in the {cfg['context_days']} days to {day.isoformat()}"
    ids = tuple(sorted({*alert.event_ids, *(o.id for o in around)}))
    extra = {**alert.extra, "incidents": len(around)}
    return replace(alert, explanation=sentence, event_ids=ids, extra=extra)


def warned(occurrences: list[Occurrence], day: date) -> list[Alert]:
    """Events the sources say are coming, given on this day, and whether one came since."""
    cfg = thresholds()["warned"]
    out = []
    for w in (
        o for o in occurrences if o.factuality == "future" and o.event in cfg["events"] and o.known == day
    ):
        horizon = w.known + timedelta(days=cfg["horizon_days"])
        names = [n for n in w.claimed_by if n]
        who = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names) or "a source"
        sentence = f"{w.area.name}: a coming {w.event.lower()}, said on {w.known.isoformat()} by {who}"
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
