"""The embedded DuckDB store: documents (with their text and segments), events and rejections.

Writes are idempotent: a document already stored (same id and content) is skipped with its
events, so ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tocsin.errors import StoreError, one_line
from tocsin.geo.gazetteer import country_by_iso2
from tocsin.ingest.dedup import NearDuplicates, fingerprint, from_bytes, to_bytes
from tocsin.models import Document, Event, Rejection
from tocsin.report.records import document_json, event_json

SCHEMA_VERSION = 2

_DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    # Every column in the CREATE: DuckDB cannot replay a write-ahead log holding a CREATE with a
    # DEFAULT current_timestamp followed by ALTER TABLE ADD COLUMN (a store killed before its first
    # checkpoint could never be opened again). The ALTERs below only upgrade schema-1 stores.
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source_path VARCHAR, url VARCHAR,
        title VARCHAR, source VARCHAR, published DATE, published_method VARCHAR,
        language VARCHAR, text VARCHAR NOT NULL, segments VARCHAR NOT NULL,
        ingested_at TIMESTAMP DEFAULT current_timestamp, author VARCHAR, raw BLOB, raw_format VARCHAR,
        duplicate_of VARCHAR, fingerprint BLOB)""",
    # Added in schema 2: the author, the raw input (gzip) and how to read it, near-duplicates.
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS author VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS raw BLOB",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS raw_format VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS fingerprint BLOB",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, event VARCHAR NOT NULL, mode VARCHAR,
        acled_event_type VARCHAR, acled_sub_event_type VARCHAR, date DATE, date_end DATE,
        date_precision VARCHAR, factuality VARCHAR, countries VARCHAR[], lat DOUBLE, lon DOUBLE,
        dead INTEGER, injured INTEGER, arrested INTEGER, confidence DOUBLE, record VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS rejections (
        source VARCHAR NOT NULL, reason VARCHAR NOT NULL, detail VARCHAR,
        first_seen TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (source, reason))""",
]


def _apply_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create or upgrade the tables, record the schema version, and checkpoint so that no DDL waits
    in the write-ahead log."""
    for ddl in _DDL:
        conn.execute(ddl)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    conn.execute("CHECKPOINT")


def _create(path: Path) -> None:
    """Make a new store whole or not at all: the schema is written to a temporary file, checkpointed
    and closed, then renamed into place, so that a kill at any moment leaves no half-made store."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    conn = duckdb.connect(str(tmp))
    try:
        _apply_schema(conn)
    finally:
        conn.close()
    if not path.exists():
        os.replace(tmp, path)
    tmp.unlink(missing_ok=True)


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


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`Store.events`; ``None`` means no filter."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    country: str | None = None
    doc_id: str | None = None


def _iso3(code: str) -> str:
    code = code.strip().upper()
    if len(code) == 2 and code in country_by_iso2():
        return country_by_iso2()[code].iso3
    return code


def event_countries(e: Event) -> list[str]:
    """ISO alpha-3 (or PLOVER) codes the event touches: its place and its parties."""
    codes: list[str] = []
    if e.location is not None and e.location.country_code:
        codes.append(_iso3(e.location.country_code))
    for a in (*e.actor, *e.recipient):
        if a.country and a.country not in codes:
            codes.append(a.country)
    return codes


class Store:
    """A DuckDB file of documents, events and rejections. Use as a context manager; ``read_only``
    for commands that only read (several may read at once, none while an ingest writes)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:" and not read_only and not Path(self.path).exists():
                _create(Path(self.path))
            self.conn = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self._upgrade()
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot open store {self.path}: {one_line(exc)}") from exc
        self._near: NearDuplicates | None = None

    def _upgrade(self) -> None:
        """Bring an older store to this schema (nothing to do for a current one)."""
        row = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        version = None
        if row and row[0]:
            got = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = got[0] if got else None
        if version != str(SCHEMA_VERSION):
            _apply_schema(self.conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self.conn.close()

    def has_document(self, doc: Document) -> bool:
        """Whether this document (same id, or same content under any id) is already stored."""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? OR content_hash = ? LIMIT 1", [doc.id, doc.content_hash]
        ).fetchone()
        return row is not None

    def _near_index(self) -> NearDuplicates:
        """The near-duplicate index of the stored originals, loaded on first use."""
        if self._near is None:
            self._near = NearDuplicates()
            rows = self.conn.execute(
                "SELECT id, fingerprint FROM documents WHERE duplicate_of IS NULL AND fingerprint IS NOT NULL"
            ).fetchall()
            for doc_id, blob in rows:
                self._near.add(doc_id, from_bytes(bytes(blob)))
        return self._near

    def add(self, doc: Document, events: tuple[Event, ...], *, raw: bytes | None = None,
            raw_format: str = "auto") -> str:  # fmt: skip
        """Store a document with its events in one transaction.

        Returns ``stored``; ``duplicate`` if it was already there (nothing written); or
        ``near_duplicate`` if it is a copy of a stored document (kept, linked to the original by
        ``duplicate_of``, its events not stored twice).
        """
        if self.has_document(doc):
            return "duplicate"
        body = " ".join(doc.text[s.start : s.end] for s in doc.body_segments())
        signature = fingerprint(body)
        original = self._near_index().original_of(signature)
        meta = document_json(doc)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self.conn.execute(
                "INSERT INTO documents (id, content_hash, source_path, url, title, source, published,"
                " published_method, language, text, segments, author, raw, raw_format, duplicate_of,"
                " fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [doc.id, doc.content_hash, doc.source_path, doc.url, doc.title, doc.source, doc.published,
                 doc.published_method, doc.language, doc.text, json.dumps(meta["segments"]), doc.author,
                 gzip.compress(raw) if raw is not None else None, raw_format, original, to_bytes(signature)],
            )  # fmt: skip
            if original is None:
                self._insert_events(events)
            self.conn.execute("COMMIT")
        except duckdb.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot store document {doc.id}: {one_line(exc)}") from exc
        if original is not None:
            return "near_duplicate"
        self._near_index().add(doc.id, signature)
        return "stored"

    def _insert_events(self, events: tuple[Event, ...]) -> None:
        for e in events:
            self.conn.execute(
                "INSERT OR IGNORE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [e.id, e.doc_id, e.event, e.mode, e.acled_event_type, e.acled_sub_event_type,
                 e.date.start, e.date.end, e.date.precision.value, e.factuality.value,
                 event_countries(e), e.location.lat if e.location else None,
                 e.location.lon if e.location else None, e.dead, e.injured, e.arrested,
                 e.confidence, json.dumps(event_json(e), ensure_ascii=False)],
            )  # fmt: skip

    def replace_events(self, doc_id: str, events: tuple[Event, ...]) -> tuple[int, int]:
        """Re-code one document: its events replaced in one transaction; (removed, added)."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            row = self.conn.execute("SELECT count(*) FROM events WHERE doc_id = ?", [doc_id]).fetchone()
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            self._insert_events(events)
            self.conn.execute("COMMIT")
        except duckdb.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot re-code document {doc_id}: {one_line(exc)}") from exc
        return (int(row[0]) if row else 0), len(events)

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
            "INSERT OR IGNORE INTO rejections (source, reason, detail) VALUES (?,?,?)",
            [rejection.source, rejection.reason, rejection.detail],
        )

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored event records (JSON form) matching the query, by date then id."""
        q = query or EventQuery()
        where: list[str] = []
        params: list[object] = []
        if q.since is not None:
            where.append("coalesce(date_end, date) >= ?")
            params.append(q.since)
        if q.until is not None:
            where.append("date <= ?")
            params.append(q.until)
        if q.types:
            where.append(f"event IN ({', '.join('?' for _ in q.types)})")
            params.extend(t.upper() for t in q.types)
        if q.country:
            where.append("list_contains(countries, ?)")
            params.append(_iso3(q.country))
        if q.doc_id:
            where.append("doc_id = ?")
            params.append(q.doc_id)
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, doc_id, id"
        for (record,) in self.conn.execute(sql, params).fetchall():
            yield json.loads(record)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record by id (or unique id prefix), or ``None``."""
        rows = self.conn.execute(
            "SELECT record FROM events WHERE id LIKE ? || '%' LIMIT 2", [event_id]
        ).fetchall()
        return json.loads(rows[0][0]) if len(rows) == 1 else None

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document's metadata and text, or ``None``."""
        row = self.conn.execute(
            "SELECT id, title, source, url, published, published_method, source_path, text"
            " FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        keys = ["id", "title", "source", "url", "published", "published_method", "source_path", "text"]
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
