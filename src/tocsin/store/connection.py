"""The one connection shape the store's SQL is written against, and PostgreSQL's behind it.

The store speaks one SQL to both databases: the part DuckDB and PostgreSQL share (``ON CONFLICT``,
``= ANY(list)``, ``strpos``, ``ARRAY[...]``, ``VALUES`` with an alias), ``?`` placeholders, and two
DuckDB function names (``unhex``, ``json_extract_string``) that a PostgreSQL store defines in its
schema. A DuckDB connection is used as it is; :class:`PgConnection` wraps psycopg's and rewrites
the placeholders into psycopg's ``%s``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, cast

import duckdb
import psycopg

from tocsin.errors import StoreError, one_line


class RefusedValue(ValueError):
    """A value the store cannot hold, found before the database sees it (a number past its
    column's range, text that is no Unicode): refused as the database would refuse it."""


#: The errors either database raises (a failed statement, a lost connection), and values refused
#: on their way to it.
DB_ERRORS = (duckdb.Error, psycopg.Error, RefusedValue)
#: Those, and the file system's (a DuckDB file that cannot be made or opened).
OPEN_ERRORS = (duckdb.Error, psycopg.Error, OSError)


class Cursor(Protocol):
    """What a statement gives back."""

    def fetchone(self) -> tuple[Any, ...] | None: ...

    def fetchall(self) -> list[tuple[Any, ...]]: ...


class Connection(Protocol):
    """A connection the store's SQL runs on (DuckDB's, or :class:`PgConnection`)."""

    def execute(self, query: str, parameters: object = None) -> Any: ...

    def close(self) -> None: ...


def is_postgres(location: str) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database (a ``postgresql://`` URL)."""
    return location.startswith(("postgresql://", "postgres://"))


def exists(location: str) -> bool:
    """Whether there is a store to read at ``location`` (a PostgreSQL database is taken to be
    there: connecting says otherwise, in one line)."""
    return is_postgres(location) or Path(location).exists()


def shown(location: str) -> str:
    """A store's location as messages show it: a URL without its password (read without parsing
    the URL, which a malformed one would fail)."""
    if not is_postgres(location):
        return location
    return _PASSWORD.sub(r"\1***@", location, count=1)


def _failure(url: str, exc: Exception) -> StoreError:
    """The one-line error of a connection that failed, the URL's password hidden wherever the
    driver's message repeats it."""
    message = one_line(exc)
    found = _PASSWORD.search(url)
    password = found.group(0)[len(found.group(1)) : -1] if found else ""
    if password:
        message = message.replace(password, "***")
    return StoreError(f"cannot open store {shown(url)}: {message}")


#: The password of a URL's user part ("://user:password@").
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")
#: A quoted string or identifier (kept whole), a placeholder, or a percent sign.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


@lru_cache(maxsize=512)
def to_psycopg(query: str) -> str:
    """``?`` placeholders as psycopg's ``%s``, and every ``%`` (quoted or not) doubled, as psycopg
    reads them in a statement with parameters; a ``?`` inside quotes stays a question mark."""

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "?":
            return "%s"
        return token.replace("%", "%%")

    return _TOKEN.sub(swap, query)


class PgConnection:
    """A psycopg connection in autocommit mode (``BEGIN``/``COMMIT`` are the store's statements)
    that runs the store's SQL."""

    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[tuple[Any, ...]]) -> None:
        self._conn = conn

    def execute(self, query: str, parameters: object = None) -> psycopg.Cursor[tuple[Any, ...]]:
        """Run one statement; without parameters the text goes as it is (psycopg parses no
        placeholders in it)."""
        if not parameters:
            return self._conn.execute(query)
        return self._conn.execute(to_psycopg(query), list(cast(Sequence[object], parameters)))

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Rows written by ``COPY`` (PostgreSQL's bulk path, without a statement's text to build
        and parse). Through a temporary table, so that a row already stored (another writer's) is
        skipped as ``INSERT ... ON CONFLICT DO NOTHING`` skips it; inside the caller's transaction."""
        names = ", ".join(columns)
        staging = f"incoming_{table}"
        self._conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table})")
        with self._conn.cursor() as cursor, cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        self._conn.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} ON CONFLICT DO NOTHING"
        )
        self._conn.execute(f"TRUNCATE {staging}")

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()


#: What a server says while it cannot take a connection yet: worth waiting for.
_TRANSIENT = ("starting up", "shutting down", "too many clients", "in recovery mode")


def connect_postgres(url: str, *, read_only: bool, wait_seconds: float) -> PgConnection:
    """A connection to the database at ``url``; a server starting (or full) is waited for up to
    ``wait_seconds``, any other refusal is an error at once. Read-only connections refuse writes."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.1
    while True:
        try:
            timeout = max(1, min(10, int(wait_seconds)))
            conn = psycopg.connect(url, autocommit=True, connect_timeout=timeout)
            break
        except psycopg.Error as exc:
            transient = any(s in str(exc) for s in _TRANSIENT)
            if not transient or time.monotonic() + delay > deadline:
                raise _failure(url, exc) from exc
        time.sleep(delay)
        delay = min(delay * 2, 1.0)
    conn.execute("SET TIME ZONE 'UTC'")
    # The store's statements are short: compiling one (JIT, for queries the planner costs high, as
    # a count over a million rows) took longer than running it (0.55 s of 2.5). A count by day,
    # type, map cell and country hashes its groups in memory where the default 4 MB spilled to disk.
    conn.execute("SET jit = off")
    conn.execute("SET work_mem = '64MB'")
    if read_only:
        conn.execute("SET default_transaction_read_only = on")
    return PgConnection(conn)
