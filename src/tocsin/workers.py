"""Coding in several processes (`tocsin ingest --workers N`, `tocsin extract --workers N`).

The parent reads the inputs and sends them, in chunks, to N worker processes; each worker loads
the models once (spawned, so no store connection or thread is inherited) and runs the whole
pipeline on its chunk (reading, parsing, coding). Results come back in input order, so the output
and every id are the same whatever N; the parent alone writes to the store. A worker skips a
document whose text the store already holds (the parent sends the stored texts' hashes once, at
start), so a resumed run parses only what is new.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from tocsin.config import Settings
from tocsin.errors import TocsinError
from tocsin.heap import freeze_loaded
from tocsin.ingest.items import InputItem
from tocsin.models import Document, Rejection
from tocsin.pipeline import Pipeline, Result

_PIPELINE: Pipeline | None = None
_KNOWN: frozenset[str] = frozenset()


class WorkerError(TocsinError):
    """A worker process died (killed, out of memory): what was stored stays; run again to resume."""


def _start(settings: Settings, known: frozenset[str]) -> None:
    """Each worker: ignore Ctrl-C (the parent stops the run), load the models once."""
    global _PIPELINE, _KNOWN
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PIPELINE = Pipeline.from_settings(settings)
    _KNOWN = known
    freeze_loaded()


def _known(document: Document) -> bool:
    return document.content_hash in _KNOWN


def _code(chunk: list[InputItem | Rejection]) -> list[Result]:
    assert _PIPELINE is not None
    return list(_PIPELINE.run(chunk, batch=len(chunk), known=_known if _KNOWN else None))


class Workers:
    """A pool of ``n`` coding processes; use as a context manager."""

    def __init__(self, settings: Settings, n: int, *, known: frozenset[str] = frozenset(), chunk: int = 16):
        if n < 1:
            raise ValueError("at least one worker")
        self.n, self.chunk = n, chunk
        self.pool = ProcessPoolExecutor(
            max_workers=n,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(settings, known),
        )

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=exc[0] is None)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers; without ``wait`` the queued chunks are dropped."""
        self.pool.shutdown(wait=wait, cancel_futures=True)

    def run(
        self, items: Iterable[InputItem | Rejection], *, waiting: Callable[[], None] | None = None
    ) -> Iterator[Result]:
        """Every input's result, in input order; at most two chunks per worker in flight, so that
        memory stays bounded however many inputs there are. ``waiting`` is called before the
        parent waits for a chunk (an ingest releases its store there, for readers)."""
        iterator = iter(items)
        pending: deque[Future[list[Result]]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.n:
                    chunk = list(islice(iterator, self.chunk))
                    if not chunk:
                        break
                    pending.append(self.pool.submit(_code, chunk))
                if not pending:
                    return
                if waiting is not None and not pending[0].done():
                    waiting()
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise WorkerError(
                "a coding worker died (killed or out of memory); what was stored stays: run the same"
                " command again to resume"
            ) from exc
