"""Keeping the store's fused events up to date as reports arrive, change or go.

Reports waiting to be fused (``events.fused_id`` NULL) and events that lost reports
(``fusion_dirty``) are fused again together with their neighbourhood: every report whose date
window meets theirs, and every report of the events those belong to. Grouping is the pure
:func:`tocsin.fuse.group.fuse` over that set, so the same reports give the same groups whatever
order they came in. Ids stay put: a group keeps the id its members already had (after a merge,
the id held by most of them; the others become aliases), a new group takes the id of its first
report's event, and every open, attach, merge, move (reports that left one event for another),
split and dissolve is written to ``fusion_history``. All of it happens in one transaction.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from tocsin.fuse.group import fuse
from tocsin.fuse.record import fused_id, fused_record
from tocsin.fuse.reports import Report, outlet_of, report_of
from tocsin.geo.gazetteer import country_by_iso2

#: Days a report's date window may reach beyond its date (a month's span and a day of slack);
#: year-precise reports are fused only with what lies in this reach of the new ones.
_REACH_DAYS = 32


@dataclass
class FusionCounts:
    """What one pass did."""

    reports: int = 0
    opened: int = 0
    attached: int = 0
    merged: int = 0
    split: int = 0
    dissolved: int = 0


def _neighbourhood(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Ids of the reports to fuse again: the pending ones, those whose dates meet theirs, and all
    reports of the events touched (so that no event is cut in two by the window)."""
    row = conn.execute(
        "SELECT min(date), max(coalesce(date_end, date)) FROM events"
        " WHERE fused_id IS NULL AND date IS NOT NULL"
    ).fetchone()
    ids = {r[0] for r in conn.execute("SELECT id FROM events WHERE fused_id IS NULL").fetchall()}
    if row and row[0] is not None:
        lo, hi = row[0], row[1]
        ids |= {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM events WHERE date IS NOT NULL AND date <= ?::DATE + {_REACH_DAYS}"
                f" AND coalesce(date_end, date) >= ?::DATE - {_REACH_DAYS}",
                [hi, lo],
            ).fetchall()
        }
    touched = conn.execute(
        "SELECT DISTINCT fused_id FROM events WHERE fused_id IS NOT NULL AND list_contains(?, id)"
        " UNION SELECT fused_id FROM fusion_dirty",
        [sorted(ids)],
    ).fetchall()
    if touched:
        ids |= {
            r[0]
            for r in conn.execute(
                "SELECT id FROM events WHERE list_contains(?, fused_id)", [[t[0] for t in touched]]
            ).fetchall()
        }
    return sorted(ids)


_Loaded = tuple[list[Report], dict[str, str | None], dict[str, str], dict[str, set[str]]]


def _load(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> _Loaded:
    """The reports, their current fused ids, the outlets' names by document, and further outlets
    of each document (exact reprints recorded in ``document_sources``, near-duplicates linked)."""
    rows = conn.execute(
        "SELECT e.record, e.fused_id, d.id, d.source, d.url, d.published, d.content_hash"
        " FROM events e JOIN documents d ON e.doc_id = d.id WHERE list_contains(?, e.id)",
        [ids],
    ).fetchall()
    reports, current, names, hashes = [], {}, {}, {}
    for record, fid, doc_id, source, url, published, digest in rows:
        rec = json.loads(record)
        reports.append(report_of(rec, outlet=outlet_of(source, url, doc_id), published=published))
        current[rec["id"]] = fid
        names[doc_id] = source or outlet_of(source, url, doc_id).removeprefix("doc:")
        hashes[doc_id] = digest
    extra: dict[str, set[str]] = defaultdict(set)
    docs = sorted(hashes)
    for doc_id, outlet in conn.execute(
        "SELECT d.id, s.outlet FROM document_sources s JOIN documents d ON s.content_hash = d.content_hash"
        " WHERE list_contains(?, d.id)"
        " UNION ALL SELECT n.duplicate_of, n.source FROM documents n WHERE list_contains(?, n.duplicate_of)",
        [docs, docs],
    ).fetchall():
        if outlet:
            extra[doc_id].add(outlet.casefold())
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


def _assign(groups: list[list[str]], current: dict[str, str | None], taken: set[str]) -> list[str]:
    """An id for each group: kept from its members where it can be, new otherwise."""
    claims: list[tuple[int, str, int, str]] = []  # (-members holding it, first id, group, old id)
    for g, members in enumerate(groups):
        held = Counter(c for m in members if (c := current[m]) is not None)
        claims.extend((-n, members[0], g, old) for old, n in held.items())
    ids: dict[int, str] = {}
    used: set[str] = set()
    for _, _, g, old in sorted(claims):
        if g not in ids and old not in used:
            ids[g] = old
            used.add(old)
    out = []
    for g, members in enumerate(groups):
        if g not in ids:
            new, n = fused_id(members[0]), 0
            while new in used or new in taken:
                n += 1
                new = fused_id(f"{members[0]}#{n}")
            ids[g] = new
            used.add(new)
        out.append(ids[g])
    return out


def refuse(conn: duckdb.DuckDBPyConnection) -> FusionCounts:
    """Fuse the pending reports and the events that lost reports; call inside a transaction."""
    counts = FusionCounts()
    ids = _neighbourhood(conn)
    dirty = {r[0] for r in conn.execute("SELECT fused_id FROM fusion_dirty").fetchall()}
    if not ids and not dirty:
        return counts
    reports, current, names, extra = _load(conn, ids)
    by_id = {r.id: r for r in reports}
    groups = fuse(reports)
    old_ids = {v for v in current.values() if v} | dirty
    taken = {r[0] for r in conn.execute("SELECT alias FROM fused_aliases").fetchall()}
    new_ids = _assign(groups, current, taken | old_ids)
    seq_row = conn.execute("SELECT coalesce(max(seq), 0) FROM fusion_history").fetchone()
    seq = int(seq_row[0]) if seq_row else 0
    history: list[tuple[str, str, str | None, list[str]]] = []
    kept = set(new_ids)
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
        changed = [m for m in members if current[m] != gid]
        if changed:
            conn.execute("UPDATE events SET fused_id = ? WHERE list_contains(?, id)", [gid, changed])
        if set(members) != before_members.get(gid) or gid in dirty:
            _write(conn, gid, [by_id[m] for m in members], names, extra)
    for gone in sorted(old_ids - kept):
        survivors = [h[1] for h in history if h[0] == "merge" and h[2] == gone]
        if survivors:
            conn.execute("INSERT OR REPLACE INTO fused_aliases VALUES (?, ?)", [gone, survivors[0]])
            conn.execute("UPDATE fused_aliases SET id = ? WHERE id = ?", [survivors[0], gone])
        else:
            history.append(("dissolve", gone, None, []))
            counts.dissolved += 1
        conn.execute("DELETE FROM fused_events WHERE id = ?", [gone])
    for action, gid, other, members in history:
        seq += 1
        conn.execute("INSERT INTO fusion_history VALUES (?, current_timestamp, ?, ?, ?, ?)",
                     [seq, action, gid, other, members])  # fmt: skip
    conn.execute("DELETE FROM fusion_dirty")
    counts.reports = len(reports)
    return counts


def _write(
    conn: duckdb.DuckDBPyConnection, gid: str, members: list[Report], names: dict[str, str],
    extra: dict[str, set[str]],
) -> None:  # fmt: skip
    outlets = {o for r in members for o in extra.get(r.doc_id, set())}
    record = fused_record(gid, members, sources=names, extra_outlets=outlets)
    loc = record["location"] or {}
    conn.execute(
        "INSERT OR REPLACE INTO fused_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [gid, record["event"], record["acled_event_type"], _day(record["date"]), _day(record["date_end"]),
         _countries(record), loc.get("lat"), loc.get("lon"), record["dead_best"], record["n_sources"],
         _day(record["first_reported"]), _day(record["last_reported"]),
         json.dumps(record, ensure_ascii=False)],
    )  # fmt: skip


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
