"""Whether two reports may be one event, and how strongly the evidence says so.

Identity is decided by evidence, precision first (the issue's model, in ``data/fusion.toml``): the
same PLOVER type (outlets type one act differently in ACLED's terms: a killing of protesters is
told as a battle, an attack, a protest); dates at day precision that overlap within their
slack (a date taken from the publication day may be a day early); places within the distance their
coarser precision allows, never in two countries; no two disjoint sets of named parties; no two
death tolls too far apart to be one count. Coarser dates and places only add little evidence, so a
report known only to a month or a country joins an event only with a named party and a point.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

from tocsin.fuse.reports import Report
from tocsin.fuse.rules import Rules
from tocsin.geo.mentions import haversine_km

_SPAN_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}


def fusible(r: Report, rules: Rules) -> bool:
    """Whether a report can join others at all: one occurrence (not a statement, not a count of
    many, not negated, hypothetical or future) with a known date."""
    return (
        r.record.get("count") is None  # a mission's daily figure is an aggregate of its own
        and r.event not in rules.statements
        and r.factuality not in rules.alone
        and r.start is not None
        and r.precision in _SPAN_DAYS
    )


@functools.lru_cache(maxsize=65536)
def window(r: Report, rules: Rules) -> tuple[date, date]:
    """The days the report's date may stand for. A date stated in the text is widened by its slack
    on both sides; a date that is only the publication day (or the narrative's) may be earlier,
    never later: nothing is reported before it happens."""
    assert r.start is not None
    last = r.end or (r.start + timedelta(days=_SPAN_DAYS[r.precision]))
    if r.method in rules.inferred_methods:
        return r.start - timedelta(days=rules.inferred_slack_days), last
    slack = timedelta(days=rules.explicit_slack_days)
    return r.start - slack, last + slack


def _distance_limit(a: Report, b: Report, rules: Rules) -> float | None:
    """The distance allowed between two located reports (None: country precision, no point)."""
    coarser = {a.place_precision, b.place_precision}
    if "country" in coarser or "unresolved" in coarser:
        return None
    if "region" in coarser:
        return rules.region_km
    if "near" in coarser:
        return rules.near_km
    return rules.exact_km


def _located(r: Report) -> bool:
    return r.lat is not None and r.lon is not None and r.place_precision not in {None, "unresolved"}


def compatible(a: Report, b: Report, rules: Rules) -> bool:
    """Hard constraints: nothing in the two reports says they are different events."""
    if a.doc_id == b.doc_id or a.event != b.event:
        return False  # a document's own reports were already merged where they are one event
    subs = {a.acled_sub_type, b.acled_sub_type}
    if len(subs) == 2 and subs <= rules.distinct_sub_types:
        return False  # an air strike and a shelling, a mine and a shelling: different acts
    if not (fusible(a, rules) and fusible(b, rules)):
        return False
    wa, wb = window(a, rules), window(b, rules)
    if wa[1] < wb[0] or wb[1] < wa[0]:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if _located(a) and _located(b):
        limit = _distance_limit(a, b, rules)
        if limit is not None:
            assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
            if haversine_km(a.lat, a.lon, b.lat, b.lon) > limit:
                return False
    if a.parties and b.parties and not a.parties & b.parties:
        return False
    if a.dead is not None and b.dead is not None:
        low, high = sorted((a.dead, b.dead))
        if high > rules.count_floor and high > rules.count_ratio * max(low, 1):
            return False
    return True


def placed_or_named(a: Report, b: Report) -> bool:
    """Whether the pair has what a join needs besides points: each report a place (a point or at
    least a country), a named party in common, or the same toll of two or more. A report that lacks
    any place stays alone unless the evidence is strong: one dead on one day is the commonest figure
    of a war and names no occurrence ("Man killed in ... shootout" and "Italian journalist killed
    ..." are two)."""
    placed = all(r.country is not None or _located(r) for r in (a, b))
    counted = a.dead is not None and a.dead >= 2 and a.dead == b.dead
    return placed or counted or bool(a.parties & b.parties) or bool(a.names & b.names)


def evidence(a: Report, b: Report, rules: Rules) -> float:
    """Points of evidence that two compatible reports are one event."""
    points = 0.0
    if a.precision == "day" and b.precision == "day" and a.start is not None and b.start is not None:
        if a.start == b.start:
            points += rules.same_day
        else:
            points += rules.adjacent_day
    else:
        points += rules.coarse_overlap
    if _located(a) and _located(b):
        limit = _distance_limit(a, b, rules)
        if limit is not None and limit < rules.region_km:
            points += rules.same_point
        elif limit is not None:
            points += rules.same_region
        elif a.country and a.country == b.country:
            points += rules.same_country
    if a.parties & b.parties:
        points += rules.shared_party
    if a.foreigners & b.foreigners:
        points += rules.same_foreigners
    if a.names & b.names:
        points += rules.same_name
    if a.dead is not None and a.dead >= rules.same_toll_min and a.dead == b.dead:
        points += rules.same_toll
    if a.acled_sub_type and a.acled_sub_type == b.acled_sub_type:
        points += rules.same_sub_type
    if a.mode in rules.ongoing_modes and b.mode in rules.ongoing_modes and a.parties & b.parties:
        points += rules.same_ongoing
    return points
