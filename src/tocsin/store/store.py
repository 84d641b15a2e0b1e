"""The store: documents (with their text and segments), events, fused events and rejections, in a
DuckDB file or a PostgreSQL database (:mod:`tocsin.store.backends`), through the same SQL.

Writes are idempotent: a document already stored (same id and content) is skipped with its
events, so ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from datasketch import MinHash

from tocsin.errors import StoreError, one_line
from tocsin.geo.gazetteer import country_by_iso2
from tocsin.importers.rows import Imported
from tocsin.ingest.dedup import band_keys, fingerprint, to_bytes
from tocsin.models import Document, Event, Rejection
from tocsin.report.records import document_json, event_json
from tocsin.store import near, summary
from tocsin.store.backends import Backend, open_backend
from tocsin.store.bulk import insert_new, insert_rows
from tocsin.store.connection import DB_ERRORS, Connection
from tocsin.store.fusion import FusionCounts, refuse
from tocsin.store.imported import imported, store_imported
from tocsin.store.known import stored_many
from tocsin.store.literals import literal
from tocsin.store.pages import PageQuery, page, stats
from tocsin.store.query import EventQuery, event_countries, where_of
from tocsin.store.sources import record_source

#: How many answers of :meth:`Store.has_document` a store keeps for the adding that follows.
_REMEMBERED = 10_000
#: The columns of an event row, in the order :meth:`Store._insert_events` builds it.
_EVENT_COLUMNS = ("id", "doc_id", "event", "mode", "acled_event_type", "acled_sub_event_type", "date",
                  "date_end", "date_precision", "factuality", "countries", "lat", "lon", "dead", "injured",
                  "arrested", "confidence", "record", "fused_id")  # fmt: skip
#: The columns of ``documents`` a new document's row gives (in :meth:`Store.add`'s order).
_DOCUMENT_COLUMNS = ("id", "content_hash", "source_path", "url", "title", "source", "published",
                     "published_method", "language", "text", "segments", "author", "raw", "raw_format",
                     "duplicate_of", "fingerprint", "version")  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredRaw:
    """A stored document's raw input and metadata, as ``tocsin reprocess`` reads them."""

    id: str
    raw: bytes | None
    raw_format: str
    source_path: str | None
    url: str | None
    title: str | None
    source: str | None
    published: date | None
    published_method: str
    author: str | None


def _body(doc: Document) -> str:
    """The text a near-duplicate fingerprint is taken of: the body paragraphs."""
    return " ".join(doc.text[s.start : s.end] for s in doc.body_segments())


class Store:
    """A store of documents, events and rejections (a DuckDB file path, ``:memory:``, or a
    ``postgresql://`` URL). Use as a context manager.

    ``read_only`` for commands that only read: several may read at once, and they wait (up to
    ``wait_seconds``) while a writer holds a DuckDB file. A store writing to a DuckDB file holds the
    file's writer lock (see :mod:`tocsin.store.access`) and may :meth:`release` its connection
    between writes so that readers get in; it reopens on next use.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        wait_seconds: float = 60.0,
        threads: int | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.wait_seconds = wait_seconds
        self._backend: Backend | None = None
        self._conn: Connection | None = None
        self._in_transaction = False
        self._opened_at = time.monotonic()
        # Written in the open transaction and inserted at its end, many rows a statement: documents
        # (rows of ``documents``, DuckDB only), events (rows of ``events``) and originals'
        # near-duplicate band keys with their fingerprints.
        self._pending_docs: list[list[Any]] = []
        self._pending_events: list[list[Any]] = []
        self._pending_near: dict[str, tuple[list[int], MinHash]] = {}
        # What has_document found for texts not yet added (a coder asks before parsing), and the
        # ids and hashes this process has stored since: with no other writer, add need not ask again.
        self._seen: dict[tuple[str, str], tuple[bool, int | None]] = {}
        self._written: set[str] = set()
        # What prepare found of documents about to be added: their fingerprint and the stored
        # originals they may copy, as of the near-duplicate index's writes counted then.
        self._near: dict[str, tuple[int, MinHash, dict[str, float]]] = {}
        self._near_writes = 0
        self._backend = open_backend(
            self.path, read_only=read_only, wait_seconds=wait_seconds, threads=threads
        )
        self.name = self._backend.name
        try:
            self._conn = self._backend.connect()
        except (*DB_ERRORS, OSError) as exc:
            self.close()
            raise StoreError(f"cannot open store {self.name}: {one_line(exc)}") from exc
        except StoreError:
            self.close()
            raise

    @property
    def conn(self) -> Connection:
        """The open connection, reopened (waiting for readers to finish) after :meth:`release`."""
        if self._conn is None:
            if self._backend is None:
                raise StoreError(f"store {self.name} is closed")
            self._conn = self._backend.connect()
            self._opened_at = time.monotonic()
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes in one transaction (an ingest writes its documents in batches): inside,
        :meth:`add` opens none of its own; on any error everything inside is rolled back, and a
        value the store refuses when the batch's rows are written at its end is a
        :class:`StoreError` (as it is from :meth:`add`)."""
        self.conn.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
            try:
                self._flush()
                self.conn.execute("COMMIT")
            except DB_ERRORS as exc:
                raise StoreError(f"cannot store the batch: {one_line(exc)}") from exc
        except BaseException:
            with suppress(*DB_ERRORS):  # the failed statement may have ended the transaction
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction = False
            self._pending_docs, self._pending_events, self._pending_near = [], [], {}

    def _flush(self) -> None:
        """Insert what the open transaction deferred (before anything reads those tables)."""
        insert_rows(self.conn, "documents", _DOCUMENT_COLUMNS, self._pending_docs, skip_conflicts=False)
        self._insert_rows(self._pending_events)
        near.insert(self.conn, {doc_id: keys for doc_id, (keys, _) in self._pending_near.items()})
        self._near_writes += bool(self._pending_near)
        self._pending_docs, self._pending_events, self._pending_near = [], [], {}

    def _begin(self) -> None:
        if not self._in_transaction:
            self.conn.execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        if not self._in_transaction:
            self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if not self._in_transaction:
            self.conn.execute("ROLLBACK")

    def release(self, *, held_for: float = 0.0) -> None:
        """Close the connection until the next use (keeping the writer lock), so that other
        processes can read a DuckDB file meanwhile. Nothing for an in-memory store or PostgreSQL.
        ``held_for``: only if the connection has been open that many seconds (a writer that lets
        readers in between batches does so every few seconds, not at every batch: each reopening
        costs a DuckDB file some 60 ms)."""
        releasable = self._backend is not None and self._backend.releasable
        if self._conn is not None and releasable and not self._in_transaction:
            if time.monotonic() - self._opened_at < held_for:
                return
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database and give up the writer lock."""
        if self._conn is not None:
            with suppress(*DB_ERRORS):
                self._conn.close()
            self._conn = None
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def prepare(self, docs: Sequence[Document], *, originals: bool = False) -> None:
        """Ask for many documents at once, in a few statements, whether their texts are stored (what
        :meth:`has_document` asks of each) and with ``originals`` (just before they are added) the
        stored originals each may copy (what :meth:`add` asks). Only with no other writer (a DuckDB
        file), where what is stored changes only by this store."""
        if self._backend is None or self._backend.shared:
            return
        self._forget_if_many()
        self._seen.update(
            stored_many(self.conn, [d for d in docs if (d.id, d.content_hash) not in self._seen])
        )
        stale = [d for d in docs if originals and self._near.get(d.id, (-1,))[0] != self._near_writes]
        signatures = {d.id: fingerprint(_body(d)) for d in stale}
        for doc_id, found in near.candidates(self.conn, signatures).items():
            self._near[doc_id] = (self._near_writes, signatures[doc_id], found)

    def has_document(self, doc: Document) -> bool:
        """Whether this text is already stored: under its id (now or as an earlier version of a
        corrected document), or under any other id (an exact copy)."""
        known = self._seen.get((doc.id, doc.content_hash))
        written = doc.id in self._written or doc.content_hash in self._written
        found = known if known is not None and not written else self._stored_as(doc)
        if self._backend is not None and not self._backend.shared:
            self._forget_if_many()
            self._seen[(doc.id, doc.content_hash)] = found
        return found[0]

    def _forget_if_many(self) -> None:
        """Both memories of :meth:`has_document` dropped together when either grows large (texts
        asked about and never added; a monitor storing all day): forgetting only costs a query."""
        if (
            len(self._seen) > _REMEMBERED
            or len(self._written) > 2 * _REMEMBERED
            or len(self._near) > _REMEMBERED
        ):
            self._seen.clear()
            self._written.clear()
            self._near.clear()

    def _stored_as(self, doc: Document) -> tuple[bool, int | None]:
        """Whether this text is already stored (see :meth:`has_document`), and the version of the
        text stored under its id (``None``: none is), in one query."""
        if self._pending_docs:
            self._flush()  # the documents of the open transaction are stored too
        h, i = literal(doc.content_hash), literal(doc.id)  # literals: see store/literals.py
        row = self.conn.execute(
            f"SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = {h}) OR EXISTS (SELECT 1"
            f" FROM document_versions WHERE id = {i} AND content_hash = {h}),"
            f" (SELECT coalesce(version, 1) FROM documents WHERE id = {i})"
        ).fetchone()
        assert row is not None
        return bool(row[0]), (int(row[1]) if row[1] is not None else None)

    def content_hashes(self) -> frozenset[str]:
        """The hashes of every stored text (for coding workers to skip what is stored)."""
        return frozenset(h for (h,) in self.conn.execute("SELECT content_hash FROM documents").fetchall())

    def add(self, doc: Document, events: tuple[Event, ...], *, raw: bytes | None = None,
            raw_format: str = "auto") -> str:  # fmt: skip
        """Store a document with its events in one transaction.

        Returns ``stored``; ``duplicate`` if this text was already there (nothing written);
        ``corrected`` if another text was stored under this id (a correction: the old text and its
        events move to ``document_versions``, this one and its events replace them); or
        ``near_duplicate`` if it is a copy of another stored document (kept, linked to the original
        by ``duplicate_of``, its events not stored twice).
        """
        seen = self._seen.pop((doc.id, doc.content_hash), None)
        if seen is None or doc.id in self._written or doc.content_hash in self._written:
            seen = self._stored_as(doc)  # asked before, and nothing of this id or text stored since
        stored, previous = seen
        if stored:
            return "duplicate"
        self._forget_if_many()
        self._written.update((doc.id, doc.content_hash))
        prepared = self._near.pop(doc.id, None)  # stored candidates, unless the index changed since
        signature = prepared[1] if prepared is not None else fingerprint(_body(doc))
        stored_near = prepared[2] if prepared is not None and prepared[0] == self._near_writes else None
        original = near.original_of(self.conn, signature, exclude=doc.id, pending=self._pending_near,
                                    stored=stored_near)  # fmt: skip
        meta = document_json(doc)
        self._begin()
        try:
            if previous is not None:
                self._unfuse(doc.id)
                self._archive(doc.id)
            packed = None if raw is None else gzip.compress(raw, mtime=0)
            row: list[Any] = [
                doc.id, doc.content_hash, doc.source_path, doc.url, doc.title, doc.source, doc.published,
                doc.published_method, doc.language, doc.text, json.dumps(meta["segments"]), doc.author,
                packed, raw_format, original, to_bytes(signature), (previous or 0) + 1,
            ]  # fmt: skip
            if self._backend is not None and self._backend.shared:
                # Another writer (PostgreSQL) may have stored the row since has_document: a
                # conflict is then "already stored".
                if not insert_new(self.conn, "documents", _DOCUMENT_COLUMNS, row):
                    self._commit()
                    return "duplicate"
            elif self._in_transaction:
                self._pending_docs.append(row)  # inserted with the batch (store/bulk.py)
            else:
                insert_rows(self.conn, "documents", _DOCUMENT_COLUMNS, [row], skip_conflicts=False)
            if original is None:
                self._insert_events(events)
                if self._in_transaction and previous is None:
                    self._pending_near[doc.id] = (band_keys(signature), signature)
                else:
                    near.index(self.conn, doc.id, signature)
                    self._near_writes += 1
            self._commit()
        except DB_ERRORS as exc:
            self._rollback()
            raise StoreError(f"cannot store document {doc.id}: {one_line(exc)}") from exc
        if original is not None:
            return "near_duplicate"
        return "stored" if previous is None else "corrected"

    def _archive(self, doc_id: str) -> None:
        """Move a document's current text and its events into its history (inside a transaction)."""
        self._flush()
        records = [
            json.loads(r)
            for (r,) in self.conn.execute(
                "SELECT record FROM events WHERE doc_id = ? ORDER BY id", [doc_id]
            ).fetchall()
        ]
        self.conn.execute(
            "INSERT INTO document_versions SELECT id, coalesce(version, 1), content_hash, source_path, url,"
            " title, source, published, text, segments, raw, raw_format, ingested_at, current_timestamp, ?"
            " FROM documents WHERE id = ?",
            [json.dumps(records, ensure_ascii=False), doc_id],
        )
        self.conn.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
        self.conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """The earlier texts of a corrected document, oldest first, each with the events coded
        from it and when it was replaced (empty for a document never corrected)."""
        rows = self.conn.execute(
            "SELECT version, content_hash, title, published, ingested_at, replaced_at, events"
            " FROM document_versions WHERE id = ? ORDER BY version",
            [doc_id],
        ).fetchall()
        return [
            {"version": v, "content_hash": h, "title": t, "published": p.isoformat() if p else None,
             "ingested_at": i.isoformat() if i else None, "replaced_at": r.isoformat(),
             "events": json.loads(ev)}
            for v, h, t, p, i, r, ev in rows
        ]  # fmt: skip

    def _insert_events(self, events: tuple[Event, ...], fused: dict[str, str] | None = None) -> None:
        """A document's events: in a transaction, kept until its end and inserted many rows a
        statement (a statement per event cost most of an ingest's writing time); else at once."""
        rows = [
            [e.id, e.doc_id, e.event, e.mode, e.acled_event_type, e.acled_sub_event_type,
             e.date.start, e.date.end, e.date.precision.value, e.factuality.value,
             event_countries(e), e.location.lat if e.location else None,
             e.location.lon if e.location else None, e.dead, e.injured, e.arrested,
             e.confidence, json.dumps(event_json(e), ensure_ascii=False), (fused or {}).get(e.id)]
            for e in events
        ]  # fmt: skip
        if self._in_transaction:
            self._pending_events.extend(rows)
        else:
            self._insert_rows(rows)

    def _insert_rows(self, rows: list[list[Any]]) -> None:
        """Event rows, all in one statement (see ``store/bulk.py``)."""
        insert_rows(self.conn, "events", _EVENT_COLUMNS, rows)

    def _unfuse(self, doc_id: str) -> dict[str, str]:
        """Before a document's reports are removed: their events are marked for fusing again;
        returns each report's fused id (a re-coded report that keeps its id keeps its event)."""
        self._flush()
        rows = self.conn.execute(
            "SELECT id, fused_id FROM events WHERE doc_id = ? AND fused_id IS NOT NULL", [doc_id]
        ).fetchall()
        for fid in {f for _, f in rows}:
            self.conn.execute("INSERT INTO fusion_dirty VALUES (?) ON CONFLICT DO NOTHING", [fid])
        return dict(rows)

    def replace_events(self, doc_id: str, events: tuple[Event, ...]) -> tuple[int, int]:
        """Re-code one document: its events replaced in one transaction; (removed, added). The
        events they belonged to are fused again at the next :meth:`fuse`."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            row = self.conn.execute("SELECT count(*) FROM events WHERE doc_id = ?", [doc_id]).fetchone()
            fused = self._unfuse(doc_id)
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            self._insert_events(events, fused)
            self.conn.execute("COMMIT")
        except DB_ERRORS as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot re-code document {doc_id}: {one_line(exc)}") from exc
        return (int(row[0]) if row else 0), len(events)

    def fuse(self) -> FusionCounts:
        """Fuse the reports stored since the last pass (and events that lost reports), in one
        transaction: an interrupted pass leaves them pending for the next."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            if self._backend is not None:
                self._backend.exclusive(self.conn)  # one pass at a time over a shared store
            counts = refuse(self.conn)
            self.conn.execute("COMMIT")
        except DB_ERRORS as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot fuse events: {one_line(exc)}") from exc
        return counts

    def import_events(self, events: list[Imported]) -> tuple[int, int, int]:
        """Store imported events in one transaction: (added, updated, unchanged)."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            counts = store_imported(self.conn, events)
            self.conn.execute("COMMIT")
        except DB_ERRORS as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot store imported events: {one_line(exc)}") from exc
        return counts

    def imported_events(
        self, query: EventQuery | None = None, dataset: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Imported events matching the query (dates, country) and dataset."""
        q = query or EventQuery()
        country = (
            country_by_iso2()[code].iso2 if (code := (q.country or "").upper()) in country_by_iso2() else None
        )
        if q.country and country is None:  # an alpha-3 code
            country = next(
                (c.iso2 for c in country_by_iso2().values() if c.iso3 == q.country.upper()), q.country
            )
        return imported(self.conn, since=q.since, until=q.until, country=country, dataset=dataset)

    def add_source(self, doc: Document) -> bool:
        """Record a further outlet of a stored text (the same text from another outlet or under
        another id: a reprint); whether it was new. The events' ``n_sources`` count it."""
        self._flush()
        return record_source(self.conn, doc)

    def raw_documents(self) -> Iterator[StoredRaw]:
        """Every stored original (not near-duplicates) with its raw input, for re-coding."""
        rows = self.conn.execute(
            "SELECT id, raw, raw_format, source_path, url, title, source, published, published_method, author"
            " FROM documents WHERE duplicate_of IS NULL ORDER BY ingested_at, id"
        ).fetchall()
        for doc_id, raw, fmt, path, url, title, source, published, method, author in rows:
            yield StoredRaw(doc_id, gzip.decompress(bytes(raw)) if raw is not None else None, fmt or "auto",
                            path, url, title, source, published, method or "none", author)  # fmt: skip

    def reject(self, rejection: Rejection) -> None:
        """Record a rejection (once per source and reason)."""
        self.conn.execute(
            "INSERT INTO rejections (source, reason, detail) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            [rejection.source, rejection.reason, rejection.detail],
        )

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored event records (JSON form) matching the query, by date then id."""
        q = query or EventQuery()
        where, params = where_of(q)
        if q.doc_id:
            where.append("doc_id = ?")
            params.append(q.doc_id)
        sql = "SELECT record, fused_id FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, doc_id, id"
        for record, fid in self.conn.execute(sql, params).fetchall():
            out = json.loads(record)
            out["fused_id"] = fid
            yield out

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One report (event record) by id (or unique id prefix), with its ``fused_id``, or ``None``."""
        rows = self.conn.execute(
            "SELECT record, fused_id FROM events WHERE id LIKE ? || '%' LIMIT 2", [event_id]
        ).fetchall()
        if len(rows) != 1:
            return None
        out: dict[str, Any] = json.loads(rows[0][0])
        out["fused_id"] = rows[0][1]
        return out

    def fused_events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Fused events (one per occurrence, with all its reports) matching the query."""
        where, params = where_of(query or EventQuery())
        sql = "SELECT record FROM fused_events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, id"
        for (record,) in self.conn.execute(sql, params).fetchall():
            yield json.loads(record)

    def page(
        self, level: str, query: EventQuery, shape: PageQuery, keep: Callable[[dict[str, Any]], bool]
    ) -> tuple[list[dict[str, Any]], tuple[str, str] | None]:
        """A page of fused events (``level`` "events") or reports, and the key of the next."""
        where, params = where_of(query)
        shaped = replace(shape, where=where, params=params)
        return page(self.conn, "fused_events" if level == "events" else "events", shaped, keep)

    def stats(
        self, query: EventQuery | None = None, shape: PageQuery | None = None,
        keep: Callable[[dict[str, Any]], bool] = lambda _: True,
    ) -> dict[str, Any]:  # fmt: skip
        """Fused events matching the query (and the page filters of ``shape``, the text ones
        checked by ``keep``) by day, type, map cell and country."""
        query = query or EventQuery()
        where, params = where_of(query)
        shape = replace(shape or PageQuery(), where=where, params=params)
        if summary.answers(shape):  # the counts kept as events are fused
            return summary.stats(self.conn, query, shape)
        return stats(self.conn, shape, keep)

    def resolve(self, event_id: str) -> str | None:
        """The current id of a fused event: itself, the survivor of a merge it was absorbed in, or
        the one event whose id starts with it."""
        alias = self.conn.execute("SELECT id FROM fused_aliases WHERE alias = ?", [event_id]).fetchone()
        if alias:
            return str(alias[0])
        rows = self.conn.execute(
            "SELECT id FROM fused_events WHERE id LIKE ? || '%' LIMIT 2", [event_id]
        ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def fused_event(self, event_id: str) -> dict[str, Any] | None:
        """One fused event by id, alias or unique prefix, or ``None``."""
        current = self.resolve(event_id)
        if current is None:
            return None
        row = self.conn.execute("SELECT record FROM fused_events WHERE id = ?", [current]).fetchone()
        return json.loads(row[0]) if row else None

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """Every open, attach, merge, split and dissolve of a fused event (and of those merged
        into it), oldest first."""
        current = self.resolve(event_id) or event_id
        names = [current, *(r[0] for r in self.conn.execute(
            "SELECT alias FROM fused_aliases WHERE id = ?", [current]).fetchall())]  # fmt: skip
        rows = self.conn.execute(
            "SELECT seq, happened_at, action, event_id, other_id, report_ids FROM fusion_history"
            " WHERE event_id = ANY(?) OR other_id = ANY(?) ORDER BY seq",
            [names, names],
        ).fetchall()
        return [{"seq": q, "at": a.isoformat(), "action": act, "event_id": e, "other_id": o,
                 "report_ids": list(r or [])} for q, a, act, e, o, r in rows]  # fmt: skip

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document's metadata and text (``duplicate_of``: the original a near-duplicate
        was linked to), or ``None``."""
        row = self.conn.execute(
            "SELECT id, title, source, url, published, published_method, source_path, text,"
            " coalesce(version, 1), duplicate_of FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        keys = ["id", "title", "source", "url", "published", "published_method", "source_path", "text",
                "version", "duplicate_of"]  # fmt: skip
        out = dict(zip(keys, row, strict=True))
        out["published"] = out["published"].isoformat() if out["published"] else None
        return out

    def rejections(self) -> list[dict[str, Any]]:
        """Every recorded rejection, oldest first."""
        rows = self.conn.execute(
            "SELECT source, reason, detail, first_seen FROM rejections ORDER BY first_seen, source"
        ).fetchall()
        return [{"source": s, "reason": r, "detail": d, "first_seen": f.isoformat()} for s, r, d, f in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, events and rejections the store holds."""
        out = {}
        row = self.conn.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()
        out["near_duplicates"] = int(row[0]) if row else 0
        for table in ("documents", "events", "rejections"):
            row = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out
