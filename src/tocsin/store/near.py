"""The store's index of near-duplicates: each original's LSH band keys in ``near_bands``, looked up
by SQL, so that nothing is rebuilt in memory from every stored document at each run."""

from __future__ import annotations

from datasketch import MinHash

from tocsin.ingest.dedup import band_keys, from_bytes
from tocsin.store.bulk import insert_rows
from tocsin.store.connection import Connection
from tocsin.store.literals import literal


def candidates(conn: Connection, signatures: dict[str, MinHash]) -> dict[str, dict[str, float]]:
    """For each document id, the stored originals sharing an LSH band with its signature and their
    similarity to it: two statements for any number of documents."""
    keys = {doc_id: band_keys(sig) for doc_id, sig in signatures.items()}
    wanted = sorted({k for ks in keys.values() for k in ks})
    if not wanted:
        return {doc_id: {} for doc_id in signatures}
    # The keys by the index on key (literal values: see store/literals.py), the band checked here;
    # then the fingerprints of the documents found, by their primary key.
    hits = conn.execute(
        f"SELECT band, key, doc_id FROM near_bands WHERE key IN ({', '.join(str(k) for k in wanted)})"
    ).fetchall()
    found: dict[str, set[str]] = {doc_id: set() for doc_id in signatures}
    by_key: dict[tuple[int, int], set[str]] = {}
    for band, key, d in hits:
        by_key.setdefault((int(band), int(key)), set()).add(str(d))
    for doc_id, ks in keys.items():
        for band, key in enumerate(ks):
            found[doc_id] |= by_key.get((band, key), set()) - {doc_id}
    every = sorted(set().union(*found.values()))
    rows = (
        conn.execute(
            "SELECT id, fingerprint FROM documents"
            f" WHERE id IN ({', '.join(literal(d) for d in every)}) AND duplicate_of IS NULL"
        ).fetchall()
        if every
        else []
    )
    prints = {str(doc_id): from_bytes(bytes(blob)) for doc_id, blob in rows}
    return {
        doc_id: {o: prints[o].jaccard(signatures[doc_id]) for o in sorted(found[doc_id]) if o in prints}
        for doc_id in signatures
    }


def original_of(
    conn: Connection, signature: MinHash, *, exclude: str,
    pending: dict[str, tuple[list[int], MinHash]] | None = None,
    stored: dict[str, float] | None = None,
) -> str | None:  # fmt: skip
    """The stored original most similar to ``signature`` among those sharing an LSH band with it
    (ties: the smallest id), or ``None``. ``pending``: originals written in the open transaction
    whose band keys are not in the table yet (id: keys and fingerprint). ``stored``: the stored
    candidates and their similarity, if :func:`candidates` already found them."""
    keys = band_keys(signature)
    similarity = dict(stored) if stored is not None else candidates(conn, {exclude: signature})[exclude]
    for doc_id, (their_keys, theirs) in (pending or {}).items():
        if doc_id != exclude and any(a == b for a, b in zip(keys, their_keys, strict=True)):
            similarity[doc_id] = theirs.jaccard(signature)
    if not similarity:
        return None
    return max(sorted(similarity), key=lambda k: similarity[k])


def index(conn: Connection, doc_id: str, signature: MinHash) -> None:
    """Index an original's fingerprint under its id (replacing what a corrected text had)."""
    conn.execute("DELETE FROM near_bands WHERE doc_id = ?", [doc_id])
    insert(conn, {doc_id: band_keys(signature)})


def insert(conn: Connection, keys_by_doc: dict[str, list[int]]) -> None:
    """Add the band keys of several originals at once, in one statement (see ``store/bulk.py``)."""
    rows = [(i, k, doc_id) for doc_id, keys in keys_by_doc.items() for i, k in enumerate(keys)]
    insert_rows(conn, "near_bands", ("band", "key", "doc_id"), rows, skip_conflicts=False,
                types={"key": "uint64"})  # fmt: skip


def fill(conn: Connection) -> None:
    """Index every stored original once (a store made before the index existed)."""
    rows = conn.execute(
        "SELECT id, fingerprint FROM documents WHERE duplicate_of IS NULL AND fingerprint IS NOT NULL"
        " AND id NOT IN (SELECT doc_id FROM near_bands)"
    ).fetchall()
    for doc_id, blob in rows:
        index(conn, str(doc_id), from_bytes(bytes(blob)))
