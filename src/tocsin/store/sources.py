"""Further outlets of a stored text: a reprint from another outlet or under another id is
recorded, never dropped, and counted in the events' ``n_sources``."""

from __future__ import annotations

from tocsin.fuse.reports import outlet_of
from tocsin.models import Document
from tocsin.store.connection import Connection


def record_source(conn: Connection, doc: Document) -> bool:
    """Record ``doc`` as a further outlet of the stored text it repeats; whether it was new (not an
    earlier version of a corrected document, nor the same document again)."""
    outlet = outlet_of(doc.source, doc.url, doc.id)
    stored = conn.execute(
        "SELECT id, source, url FROM documents WHERE content_hash = ?", [doc.content_hash]
    ).fetchall()
    if not stored:  # an earlier version of a corrected document: not a reprint
        return False
    if any(i == doc.id and outlet_of(s, u, i) == outlet for i, s, u in stored):
        return False  # the same document again
    row = conn.execute(
        "SELECT 1 FROM document_sources WHERE content_hash = ? AND outlet = ? AND doc_id = ?",
        [doc.content_hash, outlet, doc.id],
    ).fetchone()
    if row is not None:
        return False
    conn.execute(
        "INSERT INTO document_sources VALUES (?,?,?,?,?,?,?)",
        [doc.content_hash, outlet, doc.id, doc.source, doc.url, doc.published, doc.source_path],
    )
    conn.execute(
        "INSERT INTO fusion_dirty SELECT DISTINCT e.fused_id FROM events e JOIN documents d"
        " ON e.doc_id = d.id WHERE d.content_hash = ? AND e.fused_id IS NOT NULL ON CONFLICT DO NOTHING",
        [doc.content_hash],
    )
    return True
