"""Who may use a store file, and when: one writer at a time, readers between its writes.

DuckDB lets one process hold a database file for writing and then refuses every other process,
readers included, for as long as that connection stays open. tocsin therefore

* gives the right to write to one process at a time, through an advisory lock on a file beside
  the store (``STORE.lock``, holding the writer's pid): a second writer is refused at once with a
  one-line message naming the first;
* has the writer close its connection while it has nothing to write (an ingest releases the store
  while spaCy parses each batch, most of its time), so that readers get in between its writes;
* has every opener (readers, and the writer reopening after a pause) wait for a busy file, with a
  short backoff, up to ``store.wait_seconds``, instead of failing on the first refusal.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import duckdb

from tocsin.errors import StoreError, one_line

#: DuckDB's worker threads for a store written by a process that also parses text (ingest, watch,
#: the API's POST): its statements are small writes, and a thread a core competed with spaCy for
#: the same cores (parsing 319 stories took 17.3 s beside a default store, 16.0 s beside this one).
CODING_WRITER_THREADS = 1

#: How often (seconds) a writer that codes lets readers open a DuckDB file between its batches: each
#: reopening costs some 60 ms (0.65 s of a 22 s ingest of 319 stories when it was at every batch).
READER_TURN = 5.0

#: How DuckDB words a refusal because another process holds the file.
_BUSY = ("Could not set lock on file", "Conflicting lock")


def _busy(exc: duckdb.Error) -> bool:
    return any(s in str(exc) for s in _BUSY)


def connect(
    path: str, *, read_only: bool, wait_seconds: float, threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, waiting up to ``wait_seconds`` while another process holds it;
    ``threads``: DuckDB's worker threads (default: one a core)."""
    config: dict[str, str | bool | int | float | list[str]] = {"threads": threads} if threads else {}
    deadline = time.monotonic() + wait_seconds
    delay = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            if not _busy(exc):
                raise StoreError(f"cannot open store {path}: {one_line(exc)}") from exc
            if time.monotonic() + delay > deadline:
                raise StoreError(
                    f"store {path} stayed busy (held by another process) for {wait_seconds:g} s;"
                    " try again, or raise store.wait_seconds"
                ) from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


class WriterLock:
    """The right to write to one store, held from creation to :meth:`release` (or process exit:
    the kernel drops an advisory lock with its holder, so a killed writer never blocks the next)."""

    def __init__(self, store_path: str) -> None:
        self.path = Path(f"{store_path}.lock")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise StoreError(
                f"store {store_path} is being written by another tocsin process (pid {holder});"
                " run this when it has finished (reading commands work meanwhile)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd: int | None = fd

    def release(self) -> None:
        """Give up the right to write (idempotent)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
