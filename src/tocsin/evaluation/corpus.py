"""What the evaluations on labelled text share: coding texts with their publication dates, and
precision, recall and F1 from counts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.items import InputItem
from tocsin.models import Rejection
from tocsin.pipeline import Coded, Pipeline
from tocsin.report.records import event_json


def code_texts(
    pipeline: Pipeline, texts: Iterable[tuple[str, str, str | None]]
) -> Iterator[tuple[str, list[dict[str, Any]] | None]]:
    """``(id, text, published)`` → ``(id, event records)`` in order; ``None`` for a rejected text."""
    items = [
        InputItem(doc_id, text, "text", Metadata(id=doc_id, published=parse_published(published)), None)
        for doc_id, text, published in texts
    ]
    for result in pipeline.run(items):
        if isinstance(result, Rejection):
            yield result.source, None
        elif isinstance(result, Coded):
            yield result.label, [event_json(e) for e in result.events]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
