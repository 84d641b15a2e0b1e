"""Keeping the store's fused events up to date as reports arrive, change or go.

Reports waiting to be fused (``events.fused_id`` NULL) and events that lost reports
(``fusion_dirty``) are fused again together with their neighbourhood: every report whose date
window meets theirs, and every report of the events those belong to. The neighbourhood depends on
how many reports fall in those days, not on the size of the store. Grouping is the pure
:func:`tocsin.fuse.group.fuse` over that set, so the same reports give the same groups whatever
order they came in. Ids stay put: a group keeps the id its members already had (after a merge,
the id held by most of them; the others become aliases), a new group takes the id of its first
report's event, and every open, attach, merge, move (reports that left one event for another),
split and dissolve is written to ``fusion_history``. All of it happens in one transaction.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tocsin.fuse.group import fuse
from tocsin.fuse.record import fused_id, fused_record
from tocsin.fuse.reports import Report, outlet_of, report_of
from tocsin.geo.gazetteer import country_by_iso2
from tocsin.store import summary
from tocsin.store.bulk import insert_rows
from tocsin.store.connection import Connection
from tocsin.store.literals import Value, in_list, values_chunks

#: The last day a stored report's date may stand for (its end, else its start plus its precision's
#: span), one day of slack on either side: the same windows as ``tocsin.fuse.match.window``, wide.
_WINDOW_END = (
    "coalesce(date_end, date + CASE date_precision WHEN 'week' THEN 6 WHEN 'month' THEN 30"
    " WHEN 'year' THEN 365 ELSE 0 END) + 1"
)


@dataclass
class FusionCounts:
    """What one pass did."""

    reports: int = 0
    opened: int = 0
    attached: int = 0
    merged: int = 0
    split: int = 0
    dissolved: int = 0


def _neighbourhood(conn: Connection) -> list[str]:
    """Ids of the reports to fuse again: the pending ones, those whose dates meet theirs, and all
    reports of the events touched (so that no event is cut in two by the window)."""
    pending = conn.execute(f"SELECT id, date, {_WINDOW_END} FROM events WHERE fused_id IS NULL").fetchall()
    ids = {r[0] for r in pending}
    days = [(r[1], r[2]) for r in pending if r[1] is not None]
    touched = {r[0] for r in conn.execute("SELECT fused_id FROM fusion_dirty").fetchall()}
    if days:  # every report whose window meets the new ones' windows (a year-long window at most)
        lo, hi = min(d for d, _ in days) - timedelta(days=1), max(e for _, e in days)
        for rid, fid in conn.execute(
            f"SELECT id, fused_id FROM events WHERE date BETWEEN ? AND ? AND {_WINDOW_END} >= ?",
            [lo - timedelta(days=367), hi + timedelta(days=1), lo],
        ).fetchall():
            ids.add(rid)
            if fid is not None:
                touched.add(fid)
    if touched:
        ids |= {r[0] for r in conn.execute(
            f"SELECT id FROM events WHERE fused_id IN ({in_list(touched)})").fetchall()}  # fmt: skip
    return sorted(ids)


_Loaded = tuple[list[Report], dict[str, str | None], dict[str, str], dict[str, set[str]]]


def _load(conn: Connection, ids: list[str]) -> _Loaded:
    """The reports, their current fused ids, the outlets' names by document, and further outlets
    of each document (exact reprints recorded in ``document_sources``, near-duplicates linked)."""
    rows = conn.execute(f"SELECT record, fused_id FROM events WHERE id IN ({in_list(ids)})").fetchall()
    records = [(json.loads(r), fid) for r, fid in rows]
    docs = {rec["doc_id"] for rec, _ in records}
    meta = {
        d: (source, url, published, digest)
        for d, source, url, published, digest in conn.execute(
            f"SELECT id, source, url, published, content_hash FROM documents WHERE id IN ({in_list(docs)})"
        ).fetchall()
    }
    reports, current, names = [], {}, {}
    for rec, fid in records:
        source, url, published, _ = meta[rec["doc_id"]]
        outlet = outlet_of(source, url, rec["doc_id"])
        reports.append(report_of(rec, outlet=outlet, published=published))
        current[rec["id"]] = fid
        names[rec["doc_id"]] = source or outlet.removeprefix("doc:")
    extra: dict[str, set[str]] = defaultdict(set)
    by_hash = {m[3]: d for d, m in meta.items()}
    for digest, outlet in conn.execute(
        f"SELECT content_hash, outlet FROM document_sources WHERE content_hash IN ({in_list(by_hash)})"
    ).fetchall():
        extra[by_hash[digest]].add(outlet.casefold())
    for original, source in conn.execute(
        f"SELECT duplicate_of, source FROM documents WHERE duplicate_of IN ({in_list(docs)})"
    ).fetchall():
        if source:
            extra[original].add(source.casefold())
    return reports, current, names, extra


def _countries(record: dict[str, Any]) -> list[str]:
    codes: list[str] = []
    loc = record.get("location") or {}
    code = (loc.get("country_code") or "").upper()
    if code:
        codes.append(country_by_iso2()[code].iso3 if code in country_by_iso2() else code)
    for p in (*record["actor"], *record["recipient"]):
        if p.get("country") and p["country"] not in codes:
            codes.append(p["country"])
    return codes


def _taken(conn: Connection, ids: set[str]) -> set[str]:
    """Those of ``ids`` in use, by an event or as an alias of one."""
    listed = in_list(ids)
    return {r[0] for r in conn.execute(
        f"SELECT id FROM fused_events WHERE id IN ({listed})"
        f" UNION SELECT alias FROM fused_aliases WHERE alias IN ({listed})").fetchall()}  # fmt: skip


def _assign(
    groups: list[list[str]], current: dict[str, str | None], old_ids: set[str],
    taken: Callable[[set[str]], set[str]],
) -> list[str]:  # fmt: skip
    """An id for each group: kept from its members where it can be, new otherwise."""
    claims: list[tuple[int, str, int, str]] = []  # (-members holding it, first id, group, old id)
    for g, members in enumerate(groups):
        held = Counter(c for m in members if (c := current[m]) is not None)
        claims.extend((-n, members[0], g, old) for old, n in held.items())
    ids: dict[int, str] = {}
    for _, _, g, old in sorted(claims):
        if g not in ids and old not in ids.values():
            ids[g] = old
    tries = {g: 0 for g in range(len(groups)) if g not in ids}
    while tries:  # a new group's id comes from its first report; on the rare clash, the next one
        wanted = {g: fused_id(groups[g][0] + (f"#{n}" if n else "")) for g, n in tries.items()}
        busy = taken(set(wanted.values())) | old_ids | set(ids.values())
        for g in sorted(wanted):
            if wanted[g] in busy:
                tries[g] += 1
            else:
                ids[g] = wanted[g]
                busy.add(wanted[g])
                del tries[g]
    return [ids[g] for g in range(len(groups))]


def refuse(conn: Connection) -> FusionCounts:
    """Fuse the pending reports and the events that lost reports; call inside a transaction."""
    counts = FusionCounts()
    pending = conn.execute(
        "SELECT (SELECT count(*) FROM events WHERE fused_id IS NULL) + (SELECT count(*) FROM fusion_dirty)"
    ).fetchone()
    if not pending or not pending[0]:
        return counts
    dirty = {r[0] for r in conn.execute("SELECT fused_id FROM fusion_dirty").fetchall()}
    reports, current, names, extra = _load(conn, _neighbourhood(conn))
    by_id = {r.id: r for r in reports}
    groups = fuse(reports)
    old_ids = {v for v in current.values() if v} | dirty
    new_ids = _assign(groups, current, old_ids, lambda i: _taken(conn, i))
    seq_row = conn.execute("SELECT coalesce(max(seq), 0) FROM fusion_history").fetchone()
    seq = int(seq_row[0]) if seq_row else 0
    history: list[tuple[str, str, str | None, list[str]]] = []
    kept = set(new_ids)
    assignments: list[tuple[str, str]] = []
    rows: list[list[Value]] = []
    before_members: dict[str, set[str]] = defaultdict(set)
    for rid, old in current.items():
        if old is not None:
            before_members[old].add(rid)
    for members, gid in zip(groups, new_ids, strict=True):
        before = {current[m] for m in members} - {None}
        fresh = [m for m in members if current[m] is None]
        if gid not in old_ids:
            history.append(("split" if before else "open", gid, None, members))
            counts.split += bool(before)
            counts.opened += not before
        elif fresh:
            history.append(("attach", gid, None, fresh))
            counts.attached += 1
        moved = [m for m in members if current[m] not in {None, gid}]
        for other in sorted({c for m in moved if (c := current[m]) is not None}):
            # from an event that is gone: a merge; from one that goes on: reports moved over
            history.append(("merge" if other not in kept else "move", gid, other,
                            [m for m in moved if current[m] == other]))  # fmt: skip
            counts.merged += other not in kept
        assignments.extend((m, gid) for m in members if current[m] != gid)
        if set(members) != before_members.get(gid) or gid in dirty:
            rows.append(_row(gid, [by_id[m] for m in members], names, extra))
    # the counts of the events about to be removed or rewritten taken out, those written put back
    summary.remove(conn, sorted(old_ids - kept) + [str(r[0]) for r in rows])
    for gone in sorted(old_ids - kept):
        survivors = [h[1] for h in history if h[0] == "merge" and h[2] == gone]
        if survivors:
            conn.execute(
                "INSERT INTO fused_aliases VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET id = excluded.id",
                [gone, survivors[0]],
            )
            conn.execute("UPDATE fused_aliases SET id = ? WHERE id = ?", [survivors[0], gone])
        else:
            history.append(("dissolve", gone, None, []))
            counts.dissolved += 1
        conn.execute("DELETE FROM fused_events WHERE id = ?", [gone])
    if rows:
        conn.execute(f"DELETE FROM fused_events WHERE id IN ({in_list(str(r[0]) for r in rows)})")
        insert_rows(conn, "fused_events", _FUSED_COLUMNS, rows, skip_conflicts=False)
        summary.add(conn, [str(r[0]) for r in rows])
    for values in values_chunks(assignments):
        conn.execute(f"UPDATE events SET fused_id = v.f FROM ({values}) v(id, f) WHERE events.id = v.id")
    steps: list[list[Value]] = []
    for action, event_id, other_id, report_ids in history:
        seq += 1
        steps.append([seq, action, event_id, other_id, report_ids])
    for values in values_chunks(steps):
        conn.execute("INSERT INTO fusion_history (seq, action, event_id, other_id, report_ids, happened_at)"
                     f" SELECT *, current_timestamp FROM ({values}) AS v")  # fmt: skip
    conn.execute("DELETE FROM fusion_dirty")
    counts.reports = len(reports)
    return counts


#: The columns of ``fused_events``, in the order of :func:`_row`'s values.
_FUSED_COLUMNS = ("id", "event", "acled_event_type", "date", "date_end", "countries", "lat", "lon",
                  "dead_best", "n_sources", "first_reported", "last_reported", "record")  # fmt: skip


def _row(gid: str, members: list[Report], names: dict[str, str], extra: dict[str, set[str]]) -> list[Value]:
    """The ``fused_events`` row of one event."""
    outlets = {o for r in members for o in extra.get(r.doc_id, set())}
    record = fused_record(gid, members, sources=names, extra_outlets=outlets)
    loc = record["location"] or {}
    return [gid, record["event"], record["acled_event_type"], _day(record["date"]), _day(record["date_end"]),
            _countries(record), loc.get("lat"), loc.get("lon"), record["dead_best"], record["n_sources"],
            _day(record["first_reported"]), _day(record["last_reported"]),
            json.dumps(record, ensure_ascii=False)]  # fmt: skip


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
