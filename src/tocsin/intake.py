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

from tocsin.errors import StoreError, is_interrupt
from tocsin.models import Rejection
from tocsin.pipeline import Coded, Result
from tocsin.store.duckdb_store import Store


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its status, the document id (or the rejection), events added."""

    status: str
    doc_id: str | None = None
    events: int = 0
    rejection: Rejection | None = None


def intake(store: Store, results: Iterable[Result]) -> Iterator[Outcome]:
    """Store every result, yielding its outcome in order."""
    for result in results:
        if isinstance(result, Rejection):
            store.reject(result)
            yield Outcome("rejected", rejection=result)
        elif isinstance(result, Coded):
            try:
                status = store.add(
                    result.document, result.events, raw=result.raw, raw_format=result.raw_format
                )
            except StoreError as exc:  # this document only (a value the store refuses)
                if is_interrupt(exc):
                    raise
                failure = Rejection(result.label, "failed", str(exc))
                store.reject(failure)
                yield Outcome("rejected", rejection=failure)
                continue
            added = len(result.events) if status in {"stored", "corrected"} else 0
            yield Outcome(status, result.document.id, added)
        else:  # the same text again: a reprint from another outlet or under another id counts
            status = "source" if store.add_source(result.document) else "duplicate"
            yield Outcome(status, result.document.id)
