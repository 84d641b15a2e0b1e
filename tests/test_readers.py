"""Readers yield a rejection in place of each bad input and go on (no model needed)."""

from __future__ import annotations

import io
from pathlib import Path

from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.ingest.readers import iter_inputs
from tocsin.models import Rejection


def test_jsonl_lines_bad_and_good(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(
        '{"id": "a", "text": "Troops attacked the town.", "published": "2023-03-01"}\n'
        "{not json\n"
        '["a list"]\n'
        '{"id": "b"}\n'
        '{"id": "c", "text": "x", "published": "yesterday"}\n'
        '{"id": "d", "file": "missing.txt"}\n'
        '{"id": "e", "html": "<html><body><p>Hi</p></body></html>", "url": "http://x/y"}\n',
        encoding="utf-8",
    )
    out = list(iter_inputs([str(src)], input_format="jsonl"))
    kinds = [(o.reason if isinstance(o, Rejection) else o.meta.id) for o in out]
    assert kinds == ["a", "malformed", "malformed", "malformed", "malformed", "missing", "e"]
    first = out[0]
    assert isinstance(first, InputItem)
    assert str(first.meta.published) == "2023-03-01"
    assert out[1].source.endswith("docs.jsonl:2")  # type: ignore[union-attr]


def test_jsonl_file_field_is_relative_to_the_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Soldiers shelled the village.", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text('{"id": "a", "file": "a.txt"}\n', encoding="utf-8")
    (item,) = list(iter_inputs([str(tmp_path / "docs.jsonl")]))
    assert isinstance(item, InputItem)
    assert item.content == b"Soldiers shelled the village."


def test_directories_recurse_sorted_and_skip_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "1.html").write_text("<p>one</p>", encoding="utf-8")
    (tmp_path / ".hidden").write_text("no", encoding="utf-8")
    labels = [o.label for o in iter_inputs([str(tmp_path)]) if isinstance(o, InputItem)]
    assert labels == [str(tmp_path / "1.html"), str(tmp_path / "b" / "2.txt")]


def test_missing_path_and_stdin(tmp_path: Path) -> None:
    out = list(
        iter_inputs([str(tmp_path / "nope.txt"), "-"], stdin=io.BytesIO(b"From stdin."), defaults=Metadata())
    )
    assert isinstance(out[0], Rejection) and out[0].reason == "missing"
    assert isinstance(out[1], InputItem) and out[1].content == b"From stdin."
