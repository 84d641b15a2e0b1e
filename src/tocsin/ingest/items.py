"""The unit the readers hand to the pipeline: one input's content, format and metadata."""

from __future__ import annotations

from dataclasses import dataclass

from tocsin.ingest.documents import Metadata


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input to code: its content (bytes, or text from JSONL), format and metadata."""

    label: str
    content: bytes | str
    fmt: str
    meta: Metadata
    source_path: str | None
