"""Many rows into one table at once: ``COPY`` into PostgreSQL, an Arrow table into DuckDB.

Written as statements of literal values (see ``store/literals.py``), a batch of rows is text that
DuckDB's parser must read again: the events' JSON records and the documents' texts and raw bytes
make megabytes of it per batch (0.25 s for the 1,391 event rows of 316 news stories). Handed over as
an Arrow table, the rows are read in place (0.03-0.09 s for the same rows). Values are tocsin's own:
ids and texts, numbers, dates, lists of strings, bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from tocsin.store.connection import Connection, PgConnection, RefusedValue
from tocsin.store.literals import literal


def insert_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
    skip_conflicts: bool = True, types: Mapping[str, str] | None = None,
) -> None:  # fmt: skip
    """Insert ``rows`` (values in the order of ``columns``) into ``table`` in one statement (a row
    whose key is taken is skipped with ``skip_conflicts``; PostgreSQL always skips it, since another
    writer may have stored it). ``types``: Arrow type names (``"uint64"``) of columns whose type
    inference from the values would get wrong (unsigned 64-bit keys)."""
    if not rows:
        return
    if isinstance(conn, PgConnection):
        conn.copy_rows(table, columns, rows)
        return
    import pyarrow as pa

    assert isinstance(conn, duckdb.DuckDBPyConnection)
    given = {name: pa.type_for_alias(alias) for name, alias in (types or {}).items()}
    try:
        data = pa.table(
            {name: pa.array([row[i] for row in rows], type=given.get(name)) for i, name in enumerate(columns)}
        )
    except (pa.ArrowException, OverflowError, UnicodeError) as exc:  # e.g. a count past 64 bits
        raise RefusedValue(f"a value of {table} the store cannot hold: {exc}") from exc
    view, names = f"incoming_{table}", ", ".join(columns)
    conn.register(view, data)
    try:
        conn.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}"
            f"{' ON CONFLICT DO NOTHING' if skip_conflicts else ''}"
        )
    finally:
        conn.unregister(view)


def insert_new(conn: Connection, table: str, columns: Sequence[str], row: Sequence[Any]) -> bool:
    """One row into a table other processes write too (PostgreSQL): whether it was written, not if
    another writer stored its key first. Literal values (see ``store/literals.py``), bytes as hex."""
    values = ", ".join(f"unhex('{v.hex()}')" if isinstance(v, bytes) else literal(v) for v in row)
    cursor = conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
        f" ON CONFLICT DO NOTHING RETURNING {columns[0]}"
    )
    return cursor.fetchone() is not None
