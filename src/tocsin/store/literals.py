"""SQL literals for the store's bulk statements, written so that DuckDB and PostgreSQL read them alike.

DuckDB's Python client converts every parameter of every statement on its own (and on the way
tries to import pandas, each time, when pandas is not installed): thousands of small parameterised
statements cost seconds. Bulk writes are therefore built as one statement of literal values, and
sets of ids as literal ``IN`` lists, which DuckDB answers from the primary key's index where a
list parameter or a join would scan the whole table. Values are tocsin's own (ids, JSON records,
dates, numbers), quoted here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

Value = str | int | float | date | list[str] | None


def literal(value: Value) -> str:
    """One value as a SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, list):
        return "ARRAY[" + ", ".join(literal(v) for v in value) + "]::VARCHAR[]"
    return "'" + value.replace("'", "''") + "'"


def in_list(values: Iterable[str]) -> str:
    """The inside of an ``IN (...)``: the distinct values, sorted; ``NULL`` (matching nothing) if none."""
    return ", ".join(literal(v) for v in sorted(set(values))) or "NULL"


def values_chunks(rows: Sequence[Sequence[Value]], size: int = 500) -> Iterator[str]:
    """``VALUES (...), (...)`` clauses of at most ``size`` rows each."""
    for start in range(0, len(rows), size):
        chunk = rows[start : start + size]
        yield "VALUES " + ", ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in chunk)
