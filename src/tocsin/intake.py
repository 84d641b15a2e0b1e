"""Storing what the pipeline gives: one place for `tocsin ingest` and the API's POST /api/documents.

Each result becomes one outcome: a rejection recorded with its reason; a coded document stored
(``stored``, ``corrected``, ``near_duplicate`` or ``duplicate``, as :meth:`Store.add` says), or
rejected as ``failed`` when the store refuses a value of it; a text already stored recorded as a
further source when it comes from another outlet or under another id (``source``), else
``duplicate``. One bad document never stops the rest; an interruption does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from tocsin.errors import StoreError, is_interrupt
from tocsin.models import Rejection
from tocsin.pipeline import Coded, Result
from tocsin.store.store import Store


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its status, the document id (or the rejection), events added."""

    status: str
    doc_id: str | None = None
    events: int = 0
    rejection: Rejection | None = None


#: Documents written in one transaction: the write path's batch.
BATCH = 64


def intake(store: Store, results: Iterable[Result], *, batch: int = BATCH) -> Iterator[Outcome]:
    """Store every result, yielding its outcome in order. Up to ``batch`` results already coded are
    written in one transaction (results are drawn before it opens, so that the pipeline may release
    the store while it parses); if the batch fails, its results are written again one by one, and
    only the one the store refuses is rejected."""
    iterator = iter(results)
    while True:
        chunk: list[Result] = []
        try:
            chunk.extend(islice(iterator, batch))
        except BaseException:  # interrupted while coding: what was coded is still stored
            yield from _store_batch(store, chunk)
            raise
        if not chunk:
            return
        yield from _store_batch(store, chunk)


def _store_batch(store: Store, chunk: list[Result]) -> list[Outcome]:
    if not chunk:
        return []
    store.prepare([r.document for r in chunk if isinstance(r, Coded)], originals=True)
    try:
        with store.transaction():
            return [_store_one(store, r, alone=False) for r in chunk]
    except StoreError as exc:
        if is_interrupt(exc):
            raise
        return [_store_one(store, r, alone=True) for r in chunk]


def _store_one(store: Store, result: Result, *, alone: bool) -> Outcome:
    """One result's outcome; in a batch (``alone`` false) a refused value fails the whole batch."""
    if isinstance(result, Rejection):
        store.reject(result)
        return Outcome("rejected", rejection=result)
    if isinstance(result, Coded):
        try:
            status = store.add(result.document, result.events, raw=result.raw, raw_format=result.raw_format)
        except StoreError as exc:  # this document only (a value the store refuses)
            if is_interrupt(exc) or not alone:
                raise
            failure = Rejection(result.label, "failed", str(exc))
            store.reject(failure)
            return Outcome("rejected", rejection=failure)
        added = len(result.events) if status in {"stored", "corrected"} else 0
        return Outcome(status, result.document.id, added)
    # the same text again: a reprint from another outlet or under another id counts
    status = "source" if store.add_source(result.document) else "duplicate"
    return Outcome(status, result.document.id)
