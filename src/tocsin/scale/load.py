"""`tocsin load DIR`: a backfill's Parquet partitions into the store, then fused.

DuckDB reads the partitions (``read_parquet``) in input order (shard, then place in the shard);
each input is stored as ``tocsin ingest`` stores it (``intake.py``: batched transactions, a
rejection recorded, a text already stored counted as a further source), so that a store loaded
from a backfill holds what an ingest of the same sources would: the same documents, reports and
ids. Loading the same partitions again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from tocsin.errors import TocsinError
from tocsin.intake import Outcome, intake
from tocsin.pipeline import Coded, Known, Result
from tocsin.scale.partitions import TABLES, results
from tocsin.store.store import Store


class LoadError(TocsinError):
    """The partitions cannot be read (no backfill output there, a damaged file)."""


def _parquet(folder: Path, table: str) -> str | None:
    """DuckDB's ``read_parquet`` of one table's files, or ``None`` when the run wrote none."""
    files = sorted((folder / f"table={table}").glob("*.parquet"))
    if not files:
        return None
    listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listing}])"


def _rows(folder: Path, table: str, columns: str, order: str) -> Iterator[tuple[Any, ...]]:
    source = _parquet(folder, table)
    if source is None:
        return
    try:
        with duckdb.connect() as conn:
            cursor = conn.execute(f"SELECT {columns} FROM {source} ORDER BY {order}")
            while chunk := cursor.fetchmany(256):
                yield from chunk
    except duckdb.Error as exc:
        raise LoadError(
            f"cannot read the {table} partitions in {folder}: {str(exc).splitlines()[0]}"
        ) from exc


def partition_results(folder: Path) -> Iterator[Result]:
    """Every input's result, in input order, from the partitions under ``folder``."""
    if not any((folder / f"table={t}").is_dir() for t in TABLES):
        raise LoadError(f"{folder} holds no backfill partitions (table=documents/, table=reports/, ...)")
    return results(
        _rows(folder, "documents", "shard, seq, record, text, raw", "shard, seq"),
        _rows(folder, "reports", "shard, seq, record", "shard, seq, n"),
        _rows(folder, "rejections", "shard, seq, record", "shard, seq"),
    )


def load(folder: Path, store: Store) -> Iterator[Outcome]:
    """Store the partitions' results, yielding each outcome in input order (the caller fuses)."""

    def as_ingest(items: Iterator[Result]) -> Iterator[Result]:
        for result in items:
            if isinstance(result, Coded) and store.has_document(result.document):
                yield Known(result.label, result.document)  # ingest would not have coded it again
            else:
                yield result

    yield from intake(store, as_ingest(partition_results(folder)))


def partition_counts(folder: Path) -> dict[str, int]:
    """Rows per table under ``folder`` (DuckDB reads only the Parquet footers)."""
    counts = {}
    for table in TABLES:
        source = _parquet(folder, table)
        if source is None:
            counts[table] = 0
            continue
        with duckdb.connect() as conn:
            row = conn.execute(f"SELECT count(*) FROM {source}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts
