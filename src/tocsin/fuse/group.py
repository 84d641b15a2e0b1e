"""Reports into groups, one group per event: a pure function, the same whatever the input order.

Candidate pairs come from a sweep over the reports' date windows (blocking by date); a pair is an
edge when the two are compatible and the evidence reaches the join threshold. Edges are taken
strongest first (ties by report id), and two groups merge only if every pair across them is
compatible (complete linkage: no chain of near-matches makes one event of two). A report with
equally strong edges to two reports that cannot be one event is ambiguous and stays alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tocsin.fuse.match import compatible, evidence, fusible, placed_or_named, window
from tocsin.fuse.reports import Report
from tocsin.fuse.rules import Rules
from tocsin.fuse.rules import rules as default_rules


def _edges(reports: list[Report], rules: Rules) -> list[tuple[float, str, str]]:
    """Strong compatible pairs, found by sweeping the reports in order of their windows (blocking
    by date), each compared only with those of its country or of none (blocking by country)."""
    live = sorted((window(r, rules), r.id, r) for r in reports if fusible(r, rules))
    edges: list[tuple[float, str, str]] = []
    open_: dict[str | None, list[tuple[date, Report]]] = {}
    for (start, end), rid, r in live:
        for key in list(open_):
            open_[key] = [o for o in open_[key] if o[0] >= start]
        candidates = [o for key, items in open_.items() if r.country is None or key in {None, r.country}
                      for o in items]  # fmt: skip
        for _, other in candidates:
            if compatible(r, other, rules):
                score = evidence(r, other, rules)
                if score >= rules.join and placed_or_named(r, other):
                    edges.append((score, min(rid, other.id), max(rid, other.id)))
        open_.setdefault(r.country, []).append((end, r))
    return sorted(edges, key=lambda e: (-e[0], e[1], e[2]))


def _ambiguous(edges: list[tuple[float, str, str]], by_id: dict[str, Report], rules: Rules) -> set[str]:
    """Reports whose best edges lead to two reports that cannot be one event."""
    best: dict[str, tuple[float, list[str]]] = {}
    for score, a, b in edges:
        for x, y in ((a, b), (b, a)):
            top = best.get(x)
            if top is None or score > top[0]:
                best[x] = (score, [y])
            elif score == top[0]:
                top[1].append(y)
    out = set()
    for x, (_, ys) in best.items():
        if any(not compatible(by_id[y], by_id[z], rules) for i, y in enumerate(ys) for z in ys[i + 1 :]):
            out.add(x)
    return out


def fuse(reports: Iterable[Report], rules: Rules | None = None) -> list[list[str]]:
    """Groups of report ids, each sorted, in order of their first id; every report in exactly one."""
    rules = rules or default_rules()
    by_id = {r.id: r for r in reports}
    ordered = [by_id[k] for k in sorted(by_id)]
    edges = _edges(ordered, rules)
    alone = _ambiguous(edges, by_id, rules)
    group_of = {r.id: r.id for r in ordered}
    members: dict[str, list[str]] = {r.id: [r.id] for r in ordered}
    for _, a, b in edges:
        if a in alone or b in alone:
            continue
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        if all(compatible(by_id[x], by_id[y], rules) for x in members[ga] for y in members[gb]):
            keep, gone = sorted((ga, gb))
            for x in members[gone]:
                group_of[x] = keep
            members[keep].extend(members.pop(gone))
    return sorted(sorted(m) for m in members.values())
