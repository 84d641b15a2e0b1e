"""The store's index of near-duplicates: each original's LSH band keys in ``near_bands``, looked up
by SQL, so that nothing is rebuilt in memory from every stored document at each run."""

from __future__ import annotations

import duckdb
from datasketch import MinHash

from tocsin.ingest.dedup import band_keys, from_bytes


def original_of(conn: duckdb.DuckDBPyConnection, signature: MinHash, *, exclude: str) -> str | None:
    """The stored original most similar to ``signature`` among those sharing an LSH band with it
    (ties: the smallest id), or ``None``."""
    keys = band_keys(signature)
    rows = conn.execute(
        "SELECT DISTINCT d.id, d.fingerprint FROM near_bands b"
        " JOIN (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::UBIGINT[]) AS key) q"
        " ON b.band = q.band AND b.key = q.key"
        " JOIN documents d ON d.id = b.doc_id WHERE d.id <> ?",
        [list(range(len(keys))), keys, exclude],
    ).fetchall()
    if not rows:
        return None
    similarity = {str(doc_id): from_bytes(bytes(blob)).jaccard(signature) for doc_id, blob in rows}
    return max(sorted(similarity), key=lambda k: similarity[k])


def index(conn: duckdb.DuckDBPyConnection, doc_id: str, signature: MinHash) -> None:
    """Index an original's fingerprint under its id (replacing what a corrected text had)."""
    conn.execute("DELETE FROM near_bands WHERE doc_id = ?", [doc_id])
    keys = band_keys(signature)
    conn.executemany("INSERT INTO near_bands VALUES (?, ?, ?)", [[i, k, doc_id] for i, k in enumerate(keys)])


def fill(conn: duckdb.DuckDBPyConnection) -> None:
    """Index every stored original once (a store made before the index existed)."""
    rows = conn.execute(
        "SELECT id, fingerprint FROM documents WHERE duplicate_of IS NULL AND fingerprint IS NOT NULL"
        " AND id NOT IN (SELECT doc_id FROM near_bands)"
    ).fetchall()
    for doc_id, blob in rows:
        index(conn, str(doc_id), from_bytes(bytes(blob)))
