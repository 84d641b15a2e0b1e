"""What each new document looks up in a big store: whether its text is stored (by content hash) and
its near-duplicates (by LSH band keys), timed in a DuckDB store of N documents (generated: random
hashes and band keys, as a store of N distinct texts has).

    .venv/bin/python scripts/bench_lookups.py 1000000

Prints the median time of each lookup over 200 new documents.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from tocsin.ingest.dedup import BANDS, fingerprint
from tocsin.models import Document, Segment
from tocsin.store import near
from tocsin.store.store import Store


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "lookups.duckdb") as store:
        conn = store.conn
        conn.execute(f"""INSERT INTO documents (id, content_hash, text, segments, published)
            SELECT 'd' || i, sha256('text ' || i), 'text', '[]', DATE '2020-01-01' FROM range({n}) t(i)""")
        conn.execute(f"""INSERT INTO near_bands SELECT (i % {BANDS})::SMALLINT, (hash(i) >> 1)::UBIGINT,
            'd' || (i // {BANDS}) FROM range({n * BANDS}) t(i)""")
        conn.execute("CHECKPOINT")
        stored, similar = [], []
        for i in range(200):
            text = f"New story {i} about shelling in town {i} on a day of fighting that left {i} dead."
            digest = hashlib.sha256(text.encode()).hexdigest()
            doc = Document(id=f"new-{i}", text=text, segments=(Segment("body", 0, len(text)),),
                           content_hash=digest, published=date(2020, 1, 1))  # fmt: skip
            started = time.perf_counter()
            store.has_document(doc)
            stored.append(time.perf_counter() - started)
            signature = fingerprint(text)
            started = time.perf_counter()
            near.original_of(conn, signature, exclude=doc.id)
            similar.append(time.perf_counter() - started)
        print(f"{n:,} documents in the store: is the text stored (by hash) median "
              f"{statistics.median(stored) * 1000:.2f} ms; its near-duplicates (by band keys) median "
              f"{statistics.median(similar) * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
