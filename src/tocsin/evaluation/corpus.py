"""What the evaluations on labelled text share: coding texts with their publication dates, and
precision, recall and F1 from counts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.items import InputItem
from tocsin.models import Rejection
from tocsin.pipeline import Coded, Pipeline
from tocsin.report.records import event_json


class LabelledText(Protocol):
    """A labelled document of an evaluation set: its id, its text, its publication date."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> str | None: ...


D = TypeVar("D", bound=LabelledText)


def code_texts(pipeline: Pipeline, docs: Iterable[D]) -> Iterator[tuple[D, list[dict[str, Any]] | None]]:
    """Each document with its event records, in order; ``None`` for a rejected text."""
    by_id = {d.id: d for d in docs}
    items = [
        InputItem(d.id, d.text, "text", Metadata(id=d.id, published=parse_published(d.published)), None)
        for d in by_id.values()
    ]
    for result in pipeline.run(items):
        if isinstance(result, Rejection):
            yield by_id[result.source], None
        elif isinstance(result, Coded):
            yield by_id[result.label], [event_json(e) for e in result.events]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
