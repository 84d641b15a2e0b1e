"""The two databases a store lives in, opened behind one interface.

* A DuckDB file (the default, ``tocsin.duckdb``): one writer at a time, readers between its writes
  (see :mod:`tocsin.store.access`); the writer may close its connection while it parses.
* A PostgreSQL database (``--db postgresql://user@host/dbname``), for a team sharing one store:
  several ``tocsin ingest`` processes write at once. Each writes in its own transactions; a
  document's id (its primary key) keeps two writers from storing it twice, and the passes that fuse
  reports, which read and rewrite a neighbourhood of events, take turns under an advisory lock.
"""

from __future__ import annotations

from pathlib import Path

from tocsin.errors import StoreError, one_line
from tocsin.store.access import WriterLock, connect
from tocsin.store.connection import DB_ERRORS, Connection, PgConnection, connect_postgres, is_postgres, shown
from tocsin.store.schema import SCHEMA_VERSION, apply_schema, create

#: Advisory lock keys of a PostgreSQL store (any two fixed numbers, the same in every process).
_SCHEMA_LOCK = 0x746F6373_0001
_FUSION_LOCK = 0x746F6373_0002


def _version(conn: Connection) -> str | None:
    """The schema version a store records (``None`` for the first stores, which had none)."""
    row = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()
    if not row or not row[0]:
        return None
    got = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return str(got[0]) if got else None


class Backend:
    """Where a store lives: how its connection is opened, and what a writer must hold."""

    #: Whether the connection may be closed between writes (and reopened on next use).
    releasable = False
    #: Whether other processes may write at the same time (a write may find its row written).
    shared = False

    def __init__(self, location: str, *, read_only: bool, wait_seconds: float) -> None:
        self.location = location
        self.name = shown(location)
        self.read_only = read_only
        self.wait_seconds = wait_seconds

    def connect(self) -> Connection:
        """A new connection to the store, made current if this opener writes."""
        raise NotImplementedError

    def exclusive(self, conn: Connection) -> None:
        """Inside a transaction: wait until no other process is fusing this store."""

    def close(self) -> None:
        """Give up what the opener holds (idempotent)."""


class DuckDBBackend(Backend):
    """A DuckDB file (or ``:memory:``)."""

    def __init__(
        self, location: str, *, read_only: bool, wait_seconds: float, threads: int | None = None
    ) -> None:
        super().__init__(location, read_only=read_only, wait_seconds=wait_seconds)
        self.threads = threads
        self.releasable = location != ":memory:"
        self._lock: WriterLock | None = None
        self._checked = False
        if self.releasable and not read_only:
            self._lock = WriterLock(location)
            if not Path(location).exists():
                create(Path(location))

    def connect(self) -> Connection:
        conn = connect(self.location, read_only=self.read_only, wait_seconds=self.wait_seconds,
                       threads=self.threads)  # fmt: skip
        if self._checked:
            return conn
        try:
            if not self.read_only:
                if _version(conn) != str(SCHEMA_VERSION):
                    apply_schema(conn)
            elif _version(conn) != str(SCHEMA_VERSION):
                # made by an older tocsin: brought up to date once (as a writer would), then read
                conn.close()
                DuckDBBackend(self.location, read_only=False, wait_seconds=self.wait_seconds).upgrade()
                conn = connect(self.location, read_only=True, wait_seconds=self.wait_seconds)
        except BaseException:
            conn.close()
            raise
        self._checked = True
        return conn

    def upgrade(self) -> None:
        """Bring the store's schema up to date and let it go."""
        try:
            self.connect().close()
        finally:
            self.close()

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class PostgresBackend(Backend):
    """A PostgreSQL database: its schema made or upgraded by the first writer to reach it."""

    shared = True

    def connect(self) -> Connection:
        conn = connect_postgres(self.location, read_only=self.read_only, wait_seconds=self.wait_seconds)
        try:
            if _version(conn) != str(SCHEMA_VERSION):
                if self.read_only:
                    PostgresBackend(
                        self.location, read_only=False, wait_seconds=self.wait_seconds
                    ).connect().close()
                else:
                    self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _migrate(conn: PgConnection) -> None:
        """Apply the schema once, whoever else is starting on the same database at the same time."""
        conn.execute(f"SELECT pg_advisory_lock({_SCHEMA_LOCK})")
        try:
            if _version(conn) != str(SCHEMA_VERSION):
                apply_schema(conn, postgres=True)
        finally:
            conn.execute(f"SELECT pg_advisory_unlock({_SCHEMA_LOCK})")

    def exclusive(self, conn: Connection) -> None:
        conn.execute(f"SELECT pg_advisory_xact_lock({_FUSION_LOCK})")


def open_backend(
    location: str, *, read_only: bool, wait_seconds: float, threads: int | None = None
) -> Backend:
    """The backend for a ``--db`` value: a PostgreSQL URL, else a DuckDB file path (``threads``:
    DuckDB's worker threads; a server's are its own)."""
    try:
        if is_postgres(location):
            return PostgresBackend(location, read_only=read_only, wait_seconds=wait_seconds)
        return DuckDBBackend(location, read_only=read_only, wait_seconds=wait_seconds, threads=threads)
    except (*DB_ERRORS, OSError) as exc:
        raise StoreError(f"cannot open store {shown(location)}: {one_line(exc)}") from exc
