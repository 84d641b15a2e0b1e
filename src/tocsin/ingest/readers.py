"""Turning command-line inputs (files, directories, ``-``, JSONL) into items to code.

Readers never raise for one bad input: they yield a :class:`~tocsin.models.Rejection` in its place
and go on with the rest of the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tocsin.errors import InputError
from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.feeds import feed_items
from tocsin.ingest.items import InputItem
from tocsin.ingest.sniff import sniff
from tocsin.ingest.urls import fetch, is_url
from tocsin.ingest.warc import warc_items
from tocsin.models import Rejection

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "feed", "warc")


def _jsonl_items(
    lines: Iterator[bytes], label: str, base: Path | None, defaults: Metadata
) -> Iterator[InputItem | Rejection]:
    for lineno, raw in enumerate(lines, start=1):
        where = f"{label}:{lineno}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Rejection(where, "malformed", f"not a JSON object: {exc}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, "malformed", "a JSONL line must be a JSON object")
            continue
        try:
            yield _jsonl_item(obj, where, base, defaults)
        except InputError as exc:
            yield Rejection(where, exc.reason, exc.detail)


def _jsonl_item(obj: dict[str, object], where: str, base: Path | None, defaults: Metadata) -> InputItem:
    doc_id = obj.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError("malformed", "`id` must be a string")
    published = parse_published(obj.get("published")) or defaults.published
    meta = Metadata(
        id=str(doc_id) if doc_id is not None else None,
        url=_opt_str(obj.get("url")),
        title=_opt_str(obj.get("title")),
        source=_opt_str(obj.get("source")),
        published=published,
        published_method="given" if published else "none",
    )
    label = f"{where} ({doc_id})" if doc_id is not None else where
    if isinstance(obj.get("text"), str):
        return InputItem(label, str(obj["text"]), "text", meta, None)
    if isinstance(obj.get("html"), str):
        return InputItem(label, str(obj["html"]), "html", meta, None)
    if isinstance(obj.get("file"), str):
        path = (base / str(obj["file"])) if base is not None else Path(str(obj["file"]))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError("missing", f"{path}: {exc.strerror or exc}") from exc
        return InputItem(label, data, "auto", meta, str(path))
    raise InputError("malformed", "a JSONL document needs `text`, `html` or `file`")


def _opt_str(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value else None


def _file_items(
    path: Path, input_format: str, defaults: Metadata, max_bytes: int
) -> Iterator[InputItem | Rejection]:
    fmt = input_format
    if fmt == "auto":
        try:
            with path.open("rb") as fh:
                head = fh.read(65536)
        except OSError as exc:
            yield Rejection(str(path), "missing", exc.strerror or str(exc))
            return
        fmt = "jsonl" if path.suffix == ".jsonl" else sniff(head, name=path.name)
    if fmt == "warc":
        yield from warc_items(path, defaults=defaults, max_bytes=max_bytes)
        return
    if fmt == "jsonl":
        try:
            with path.open("rb") as fh:
                yield from _jsonl_items(iter(fh), str(path), path.parent, defaults)
        except OSError as exc:
            yield Rejection(str(path), "missing", exc.strerror or str(exc))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Rejection(str(path), "too_large", f"{size} bytes is over the limit of {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), "missing", exc.strerror or str(exc))
        return
    if fmt == "feed":
        yield from feed_items(data, label=str(path), defaults=defaults)
        return
    meta = Metadata(published=defaults.published, published_method="given" if defaults.published else "none")
    yield InputItem(
        str(path), data, "auto" if fmt == "text" and input_format == "auto" else fmt, meta, str(path)
    )


def iter_inputs(
    paths: list[str],
    *,
    input_format: str = "auto",
    stdin: BinaryIO | None = None,
    defaults: Metadata | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[InputItem | Rejection]:
    """Items (or rejections) for every input: files, directories (recursively, sorted, by content
    type), ``-`` for stdin, and http(s) URLs. Nothing here raises for one bad input."""
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format must be one of {INPUT_FORMATS}")
    base_meta = defaults or Metadata()
    for raw in paths:
        if raw == "-":
            yield from _stdin_items(stdin, input_format, base_meta)
            continue
        if is_url(raw):
            yield from fetch(raw, max_bytes=max_bytes, defaults=base_meta)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(path).parts)
            )
            if not files:
                yield Rejection(raw, "empty", "the directory holds no files")
            for f in files:
                yield from _file_items(f, input_format, base_meta, max_bytes)
        elif path.exists():
            yield from _file_items(path, input_format, base_meta, max_bytes)
        else:
            yield Rejection(raw, "missing", "no such file or directory")


def _stdin_items(
    stdin: BinaryIO | None, input_format: str, defaults: Metadata
) -> Iterator[InputItem | Rejection]:
    if stdin is None:
        yield Rejection("-", "missing", "no standard input")
        return
    if input_format == "jsonl":
        yield from _jsonl_items(iter(stdin), "<stdin>", None, defaults)
        return
    data = stdin.read()
    if input_format == "feed" or (input_format == "auto" and sniff(data[:65536]) == "feed"):
        yield from feed_items(data, label="<stdin>", defaults=defaults)
        return
    meta = Metadata(published=defaults.published, published_method="given" if defaults.published else "none")
    yield InputItem("<stdin>", data, input_format if input_format in {"text", "html"} else "auto", meta, None)
