"""Turning command-line inputs (files, directories, ``-``, JSONL) into items to code.

Readers never raise for one bad input: they yield a :class:`~tocsin.models.Rejection` in its place
and go on with the rest of the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tocsin.errors import InputError
from tocsin.ingest.documents import Metadata, parse_published
from tocsin.models import Rejection

INPUT_FORMATS = ("auto", "text", "html", "jsonl")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input to code: its content (bytes, or text from JSONL), format and metadata."""

    label: str
    content: bytes | str
    fmt: str
    meta: Metadata
    source_path: str | None


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


def _file_items(path: Path, input_format: str, defaults: Metadata) -> Iterator[InputItem | Rejection]:
    if input_format == "jsonl" or (input_format == "auto" and path.suffix == ".jsonl"):
        try:
            with path.open("rb") as fh:
                yield from _jsonl_items(iter(fh), str(path), path.parent, defaults)
        except OSError as exc:
            yield Rejection(str(path), "missing", exc.strerror or str(exc))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), "missing", exc.strerror or str(exc))
        return
    meta = Metadata(published=defaults.published, published_method="given" if defaults.published else "none")
    yield InputItem(str(path), data, input_format, meta, str(path))


def iter_inputs(
    paths: list[str],
    *,
    input_format: str = "auto",
    stdin: BinaryIO | None = None,
    defaults: Metadata | None = None,
) -> Iterator[InputItem | Rejection]:
    """Items (or rejections) for every path: files, directories (recursively, sorted) and ``-``."""
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format must be one of {INPUT_FORMATS}")
    base_meta = defaults or Metadata()
    for raw in paths:
        if raw == "-":
            if stdin is None:
                yield Rejection("-", "missing", "no standard input")
                continue
            if input_format == "jsonl":
                yield from _jsonl_items(iter(stdin), "<stdin>", None, base_meta)
            else:
                meta = Metadata(
                    published=base_meta.published, published_method="given" if base_meta.published else "none"
                )
                yield InputItem("<stdin>", stdin.read(), input_format, meta, None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield Rejection(raw, "empty", "the directory holds no files")
            for f in files:
                yield from _file_items(f, input_format, base_meta)
        elif path.exists():
            yield from _file_items(path, input_format, base_meta)
        else:
            yield Rejection(raw, "missing", "no such file or directory")
