"""The store's tables, how a new store is made whole, and how an older one is brought up to date.

One list of statements makes and upgrades both databases: each schema version's statements are
appended (``IF NOT EXISTS``, so that replaying them on a current store changes nothing) and the
store records the version it has reached in ``meta``. PostgreSQL reads the same statements with its
names for three types (:func:`postgres_ddl`) and gets the two DuckDB functions the shared SQL calls.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from tocsin.store.connection import Connection

SCHEMA_VERSION = 10

_DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    # Every column in the CREATE: DuckDB cannot replay a write-ahead log holding a CREATE with a
    # DEFAULT current_timestamp followed by ALTER TABLE ADD COLUMN (a store killed before its first
    # checkpoint could never be opened again). The ALTERs below only upgrade older stores.
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source_path VARCHAR, url VARCHAR,
        title VARCHAR, source VARCHAR, published DATE, published_method VARCHAR,
        language VARCHAR, text VARCHAR NOT NULL, segments VARCHAR NOT NULL,
        ingested_at TIMESTAMP DEFAULT current_timestamp, author VARCHAR, raw BLOB, raw_format VARCHAR,
        duplicate_of VARCHAR, fingerprint BLOB, version INTEGER)""",
    # Added in schema 2: the author, the raw input (gzip) and how to read it, near-duplicates.
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS author VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS raw BLOB",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS raw_format VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS fingerprint BLOB",
    # Added in schema 3: corrections. ``version`` counts the texts stored under an id (NULL: 1);
    # each replaced text is kept in ``document_versions`` with the events coded from it (a JSON
    # array of event records) and when it was replaced. No DEFAULT here (see above).
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS version INTEGER",
    """CREATE TABLE IF NOT EXISTS document_versions (
        id VARCHAR NOT NULL, version INTEGER NOT NULL, content_hash VARCHAR NOT NULL,
        source_path VARCHAR, url VARCHAR, title VARCHAR, source VARCHAR, published DATE,
        text VARCHAR NOT NULL, segments VARCHAR NOT NULL, raw BLOB, raw_format VARCHAR,
        ingested_at TIMESTAMP, replaced_at TIMESTAMP NOT NULL, events VARCHAR NOT NULL,
        PRIMARY KEY (id, version))""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, event VARCHAR NOT NULL, mode VARCHAR,
        acled_event_type VARCHAR, acled_sub_event_type VARCHAR, date DATE, date_end DATE,
        date_precision VARCHAR, factuality VARCHAR, countries VARCHAR[], lat DOUBLE, lon DOUBLE,
        dead INTEGER, injured INTEGER, arrested INTEGER, confidence DOUBLE, record VARCHAR NOT NULL,
        fused_id VARCHAR)""",
    # Added in schema 4: fusion. Each report (a row of ``events``) belongs to one fused event
    # (``fused_id``; NULL while it waits to be fused); ``fused_events`` holds the fused records,
    # ``fused_aliases`` the ids of events absorbed by a merge, ``fusion_history`` every open,
    # attach, merge, split and dissolve; ``fusion_dirty`` events that lost reports (a correction,
    # a re-coding) and must be fused again; ``document_sources`` further outlets of a stored text.
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS fused_id VARCHAR",
    """CREATE TABLE IF NOT EXISTS fused_events (
        id VARCHAR PRIMARY KEY, event VARCHAR, acled_event_type VARCHAR, date DATE, date_end DATE,
        countries VARCHAR[], lat DOUBLE, lon DOUBLE, dead_best INTEGER, n_sources INTEGER,
        first_reported DATE, last_reported DATE, record VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS fused_aliases (alias VARCHAR PRIMARY KEY, id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS fusion_history (
        seq BIGINT NOT NULL, happened_at TIMESTAMP NOT NULL, action VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL, other_id VARCHAR, report_ids VARCHAR[])""",
    """CREATE TABLE IF NOT EXISTS fusion_dirty (fused_id VARCHAR PRIMARY KEY)""",
    """CREATE TABLE IF NOT EXISTS document_sources (
        content_hash VARCHAR NOT NULL, outlet VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
        source VARCHAR, url VARCHAR, published DATE, source_path VARCHAR,
        PRIMARY KEY (content_hash, outlet, doc_id))""",
    # Added in schema 5: event histories imported from ACLED and UCDP exports, kept apart from
    # tocsin's own reports (``tocsin import-events``); ``digest`` tells a changed row from the same.
    """CREATE TABLE IF NOT EXISTS imported_events (
        id VARCHAR PRIMARY KEY, dataset VARCHAR NOT NULL, row_id VARCHAR NOT NULL, date DATE NOT NULL,
        date_end DATE, event VARCHAR, acled_event_type VARCHAR, country_code VARCHAR, admin1 VARCHAR,
        lat DOUBLE, lon DOUBLE, dead_best INTEGER, digest VARCHAR NOT NULL, record VARCHAR NOT NULL)""",
    # Added in schema 6: the near-duplicate index (LSH band keys of each original's fingerprint).
    """CREATE TABLE IF NOT EXISTS near_bands (band SMALLINT NOT NULL, key UBIGINT NOT NULL,
        doc_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS rejections (
        source VARCHAR NOT NULL, reason VARCHAR NOT NULL, detail VARCHAR,
        first_seen TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (source, reason))""",
    # Added in schema 9: the fused events' counts kept as they are fused (``store/summary.py``).
    """CREATE TABLE IF NOT EXISTS fused_days (
        day DATE NOT NULL, last_day DATE NOT NULL, event VARCHAR NOT NULL, acled VARCHAR NOT NULL,
        countries VARCHAR NOT NULL, factuality VARCHAR NOT NULL, n BIGINT NOT NULL, dead BIGINT NOT NULL,
        PRIMARY KEY (day, last_day, event, acled, countries, factuality))""",
    """CREATE TABLE IF NOT EXISTS fused_cells (
        y INTEGER NOT NULL, x INTEGER NOT NULL, event VARCHAR NOT NULL, acled VARCHAR NOT NULL,
        countries VARCHAR NOT NULL, factuality VARCHAR NOT NULL, n BIGINT NOT NULL, dead BIGINT NOT NULL,
        lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, PRIMARY KEY (y, x, event, acled, countries, factuality))""",
    # Schema 10: what each new document looks up, by index in DuckDB too. The band keys by key
    # alone (an index on (band, key) was not used for a lookup of several keys: every document
    # scanned the whole table, 0.37 s at a million documents); a text by its hash (a scan of a
    # million hashes took 17 ms, twice a document).
    """DROP INDEX IF EXISTS near_bands_key""",
    """CREATE INDEX IF NOT EXISTS near_bands_by_key ON near_bands (key)""",
    """CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)""",
]

#: A PostgreSQL store's indexes (schema 7 and 8): a row store reads by index what DuckDB's column scans
#: and zone maps find fast, so each lookup the store makes by a column other than a primary key
#: (a text by its hash, a document's reports, the reports waiting to be fused, a page in date
#: order) has one.
_PG_INDEXES = [
    "CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)",
    "CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents (duplicate_of)",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_fused ON events (fused_id)",
    "CREATE INDEX IF NOT EXISTS events_pending ON events (id) WHERE fused_id IS NULL",
    "CREATE INDEX IF NOT EXISTS events_order ON events ((coalesce(date, DATE '9999-12-31')), id)",
    "CREATE INDEX IF NOT EXISTS fused_events_order ON fused_events ((coalesce(date, DATE '9999-12-31')), id)",
    "CREATE INDEX IF NOT EXISTS fused_aliases_id ON fused_aliases (id)",
    "CREATE INDEX IF NOT EXISTS imported_events_date ON imported_events (date)",
    # schema 8: what the statistics count, in an index by the day an event last lasts (the
    # ``since`` filter), so that a count reads narrow index entries, not whole records, and a
    # period only its own (an index-only scan: 0.68 s for a million events where the table took 2.5)
    "CREATE INDEX IF NOT EXISTS fused_events_stats ON fused_events ((coalesce(date_end, date)))"
    " INCLUDE (date, date_end, event, acled_event_type, countries, lat, lon, dead_best)",
]

#: DuckDB's functions that the shared SQL calls, defined in a PostgreSQL store.
_PG_FUNCTIONS = [
    "CREATE OR REPLACE FUNCTION unhex(h TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE STRICT"
    " AS $$ SELECT decode(h, 'hex') $$",
    "CREATE OR REPLACE FUNCTION json_extract_string(doc TEXT, path TEXT) RETURNS TEXT LANGUAGE sql"
    " IMMUTABLE STRICT AS $$ SELECT jsonb_path_query_first(doc::jsonb, path::jsonpath) #>> '{}' $$",
]

#: DuckDB's type names and PostgreSQL's: text compares byte by byte in both (collation "C"), so
#: that ids sort, and pages continue, the same way in either store; LSH keys are unsigned 64-bit.
_PG_TYPES = [
    (re.compile(r"\bVARCHAR\b(?!\[)"), 'TEXT COLLATE "C"'),
    (re.compile(r"\bVARCHAR\[\]"), "TEXT[]"),
    (re.compile(r"\bDOUBLE\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bUBIGINT\b"), "NUMERIC(20)"),
]


def postgres_ddl(ddl: str) -> str:
    """One of the schema's statements in PostgreSQL's type names."""
    for pattern, name in _PG_TYPES:
        ddl = pattern.sub(name, ddl)
    return ddl


def apply_schema(conn: Connection, *, postgres: bool = False) -> None:
    """Create or upgrade the tables and record the schema version; a DuckDB store is checkpointed
    so that no DDL waits in the write-ahead log."""
    from tocsin.store import summary
    from tocsin.store.near import fill

    for ddl in _DDL:
        conn.execute(postgres_ddl(ddl) if postgres else ddl)
    if postgres:
        for ddl in (*_PG_FUNCTIONS, *_PG_INDEXES):
            conn.execute(ddl)
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is not None and int(row[0]) < 6:
        fill(conn)  # once: the originals stored before the index existed
    if row is not None and int(row[0]) < 9:
        summary.rebuild(conn)  # once: the events fused before the counts were kept
    conn.execute(
        "INSERT INTO meta VALUES ('schema_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(SCHEMA_VERSION)],
    )
    if not postgres:
        conn.execute("CHECKPOINT")


def create(path: Path) -> None:
    """Make a new store whole or not at all: the schema is written to a temporary file, checkpointed
    and closed, then renamed into place, so that a kill at any moment leaves no half-made store."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    conn = duckdb.connect(str(tmp))
    try:
        apply_schema(conn)
    except BaseException:
        conn.close()
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    conn.close()
    if not path.exists():
        os.replace(tmp, path)
    tmp.unlink(missing_ok=True)
