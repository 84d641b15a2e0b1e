"""Whether texts are stored, for many documents in three statements (a coder asks before parsing
each batch; asked one by one, the questions cost a statement each)."""

from __future__ import annotations

from collections.abc import Sequence

from tocsin.models import Document
from tocsin.store.connection import Connection
from tocsin.store.literals import in_list


def stored_many(conn: Connection, docs: Sequence[Document]) -> dict[tuple[str, str], tuple[bool, int | None]]:
    """For each document (id, content hash): whether its text is stored (under any id, or as an
    earlier version under its own), and the version stored under its id (``None``: none is)."""
    if not docs:
        return {}
    hashes, ids = in_list(d.content_hash for d in docs), in_list(d.id for d in docs)
    texts = {
        h
        for (h,) in conn.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({hashes})"
        ).fetchall()
    }
    earlier = {(i, h) for i, h in conn.execute(
        f"SELECT id, content_hash FROM document_versions WHERE id IN ({ids}) AND content_hash IN ({hashes})"
    ).fetchall()}  # fmt: skip
    versions = {i: int(v) for i, v in conn.execute(
        f"SELECT id, coalesce(version, 1) FROM documents WHERE id IN ({ids})"
    ).fetchall()}  # fmt: skip
    return {
        (d.id, d.content_hash): (
            d.content_hash in texts or (d.id, d.content_hash) in earlier,
            versions.get(d.id),
        )
        for d in docs
    }
