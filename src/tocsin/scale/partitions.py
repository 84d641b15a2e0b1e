"""The Parquet partitions a backfill writes and ``tocsin load`` reads: one row per document, per
report (event) and per rejection, in one schema, partitioned by ``table``.

Every row carries where its input stood (``shard``: the source file's place in the run, ``seq``:
the input's place in that file), so that loading in that order stores exactly what ``tocsin
ingest`` would have on the same sources: the same documents, the same near-duplicate originals,
the same ids. Records are the JSON forms of ``report/records.py``; a document row also keeps its
full text and raw input (gzip-compressed in the store, plain here: Parquet compresses).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import pyarrow as pa

from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Rejection,
    Segment,
)
from tocsin.pipeline import Coded, Known, Result
from tocsin.report.records import document_json, event_json

#: The tables, the values of the ``table`` partition column.
TABLES = ("documents", "reports", "rejections")

SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("shard", pa.int64()),
        ("seq", pa.int64()),
        ("n", pa.int64()),
        ("doc_id", pa.string()),
        # UTF-8 with lone surrogates kept ("surrogatepass"): a hostile input's text is stored as
        # the store keeps it, which Arrow's strings (strict UTF-8) cannot hold
        ("record", pa.binary()),
        ("text", pa.binary()),
        ("raw", pa.binary()),
    ]
)


def result_rows(shard: int, seq: int, result: Result) -> list[dict[str, Any]]:
    """The rows of one input's result: a document row and its reports, or a rejection."""
    if isinstance(result, Rejection):
        record = {"source": result.source, "reason": result.reason, "detail": result.detail}
        return [_row("rejections", shard, seq, 0, None, record)]
    doc = result.document
    meta = {**document_json(doc), "author": doc.author, "label": result.label}
    if isinstance(result, Known):
        meta["known"] = True
        return [_row("documents", shard, seq, 0, doc.id, meta, doc.text)]
    meta["raw_format"] = result.raw_format
    rows = [_row("documents", shard, seq, 0, doc.id, meta, doc.text, result.raw)]
    rows += [_row("reports", shard, seq, i, doc.id, event_json(e)) for i, e in enumerate(result.events)]
    return rows


def _row(
    table: str, shard: int, seq: int, n: int, doc_id: str | None, record: dict[str, Any],
    text: str | None = None, raw: bytes | None = None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "table": table,
        "shard": shard,
        "seq": seq,
        "n": n,
        "doc_id": doc_id,
        "record": encode(json.dumps(record, ensure_ascii=False)),
        "text": None if text is None else encode(text),
        "raw": raw,
    }


def encode(text: str) -> bytes:
    """Text as the partitions keep it: UTF-8, lone surrogates passed through."""
    return text.encode("utf-8", "surrogatepass")


def decode(data: bytes) -> str:
    """The inverse of :func:`encode`."""
    return data.decode("utf-8", "surrogatepass")


def to_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of :data:`SCHEMA` (the same types in every batch, even all-null ones)."""
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def results(documents: Iterable[tuple[Any, ...]], reports: Iterable[tuple[Any, ...]],
            rejections: Iterable[tuple[Any, ...]]) -> Iterator[Result]:  # fmt: skip
    """Results in input order from rows sorted by (shard, seq[, n]): documents as ``(shard, seq,
    record, text, raw)``, reports as ``(shard, seq, record)``, rejections as ``(shard, seq,
    record)``."""
    events: dict[tuple[int, int], list[Event]] = {}
    for shard, seq, record in reports:
        events.setdefault((shard, seq), []).append(event_from_json(json.loads(decode(record))))
    merged: list[tuple[int, int, Result]] = []  # (shard, seq, result)
    for shard, seq, record, text, raw in documents:
        meta = json.loads(decode(record))
        doc = document_from_json(meta, decode(text))
        if meta.get("known"):
            merged.append((shard, seq, Known(meta["label"], doc)))
        else:
            found = tuple(events.pop((shard, seq), []))
            merged.append((shard, seq, Coded(meta["label"], doc, found, raw or b"", meta["raw_format"])))
    for shard, seq, record in rejections:
        r = json.loads(decode(record))
        merged.append((shard, seq, Rejection(r["source"], r["reason"], r["detail"])))
    merged.sort(key=lambda m: (m[0], m[1]))
    for _, _, result in merged:
        yield result


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def document_from_json(meta: dict[str, Any], text: str) -> Document:
    """The inverse of :func:`~tocsin.report.records.document_json` with the document's text."""
    return Document(
        id=meta["id"],
        content_hash=meta["content_hash"],
        text=text,
        segments=tuple(Segment(s["label"], s["start"], s["end"]) for s in meta["segments"]),
        source_path=meta.get("source_path"),
        url=meta.get("url"),
        title=meta.get("title"),
        source=meta.get("source"),
        published=_day(meta.get("published")),
        published_method=meta.get("published_method", "none"),
        language=meta.get("language", "en"),
        author=meta.get("author"),
    )


def _actors(items: list[dict[str, Any]]) -> tuple[Actor, ...]:
    return tuple(
        Actor(a["text"], a["name"], a.get("country"), a.get("sector"), a.get("entity")) for a in items
    )


def _place(p: dict[str, Any] | None) -> Place | None:
    if p is None:
        return None
    return Place(
        text=p["text"], start=p["start"], end=p["end"], name=p.get("name"), geonameid=p.get("geonameid"),
        lat=p.get("lat"), lon=p.get("lon"), country_code=p.get("country_code"), admin1=p.get("admin1"),
        precision=PlacePrecision(p["precision"]), reason=p.get("reason", ""),
    )  # fmt: skip


def event_from_json(e: dict[str, Any]) -> Event:
    """The inverse of :func:`~tocsin.report.records.event_json`."""
    span = DateSpan(
        _day(e["date"]), _day(e["date_end"]), DatePrecision(e["date_precision"]),
        DateMethod(e["date_method"]), e.get("date_text"),
    )  # fmt: skip
    return Event(
        id=e["id"],
        doc_id=e["doc_id"],
        event=e["event"],
        mode=e["mode"],
        acled_event_type=e["acled_event_type"],
        acled_sub_event_type=e["acled_sub_event_type"],
        actor=_actors(e["actor"]),
        recipient=_actors(e["recipient"]),
        date=span,
        location=_place(e["location"]),
        dead=e["dead"],
        injured=e["injured"],
        arrested=e["arrested"],
        factuality=Factuality(e["factuality"]),
        claimed_by=_actors(e["claimed_by"]),
        denied_by=_actors(e["denied_by"]),
        confirmed_by=_actors(e["confirmed_by"]),
        evidence=tuple(Evidence(**x) for x in e["evidence"]),
        confidence=e["confidence"],
        related=tuple(e["related"]),
        background=e["background"],
        count=e["count"],
        count_of=e["count_of"],
    )
