"""Fuzzing: generated and mutated inputs of every kind tocsin reads, down to the CLI.

Every case must end as documents or one-line rejections with a known reason: never an exception,
never a multi-line message, and the good input beside the bad ones is always stored. The "ci"
profile runs a few hundred cases per test; ``bash scripts/fuzz.sh`` runs the "long" profile (the
campaign of >= 10,000 cases reported in BENCHMARKS.md).
"""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tocsin.cli import cli
from tocsin.errors import REASONS, InputError
from tocsin.ingest.documents import Metadata, build_document
from tocsin.ingest.items import InputItem
from tocsin.ingest.readers import iter_inputs
from tocsin.models import Rejection

STORY = "Gunmen attacked a police post in Gao on Monday, killing three officers, the army said."

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Clash in Gao</title>'
    "<link>http://example.com/a</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
    f"<description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item></channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
    "<entry><title>Clash</title><updated>2024-05-06T10:00:00Z</updated>"
    f'<link href="http://example.com/b"/><content type="html">{STORY}</content></entry></feed>'
)
HTML = (
    f"<html><head><title>Clash</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body>"
    "</html>"
)


def _warc(body: bytes, ctype: str = "text/html") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/c\r\n"
        "WARC-Date: 2024-05-06T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


WARC = _warc(HTML.encode()) + _warc(b"%PDF-1.4", "application/pdf")
JSONL = "\n".join(
    json.dumps(r)
    for r in (
        {"id": "a", "text": STORY, "published": "2024-05-06"},
        {"id": "b", "html": HTML, "url": "http://example.com/d"},
    )
)
#: (file suffix, a valid input of that kind) to mutate.
SEEDS: list[tuple[str, bytes]] = [
    (".xml", RSS.encode()),
    (".xml", ATOM.encode()),
    (".html", HTML.encode()),
    (".warc", WARC),
    (".warc.gz", gzip.compress(WARC)),
    (".jsonl", JSONL.encode()),
    (".txt", STORY.encode()),
]

_EDIT = st.tuples(st.integers(0, 1 << 20), st.sampled_from(["insert", "delete", "replace", "cut"]),
                  st.binary(min_size=1, max_size=12))  # fmt: skip
_NASTY = st.sampled_from([b"\x00", b"&#xD800;", b"&#0;", b"\xff\xfe", b"\xed\xa0\x80", b"<!--", b"]]>",
                          b"<![CDATA[", b"&", b"\r", b"\x1b", b"<" * 8, b"&#1114112;", b"\xe2\x80\xae",
                          b"0000-00-00", b"9999-12-31", b"99999999999999999999"])  # fmt: skip


def _mutate(data: bytes, edits: list[tuple[int, str, bytes]]) -> bytes:
    out = bytearray(data)
    for pos, kind, chunk in edits:
        at = pos % (len(out) + 1)
        if kind == "insert":
            out[at:at] = chunk
        elif kind == "delete":
            del out[at : at + len(chunk)]
        elif kind == "replace":
            out[at : at + len(chunk)] = chunk
        else:
            del out[at:]
    return bytes(out)


@st.composite
def inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name suffix and its bytes: a mutated valid input, or arbitrary bytes or text."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return draw(st.sampled_from([s for s, _ in SEEDS] + [""])), draw(st.binary(max_size=400))
    if choice == 1:
        text = draw(st.text(max_size=400)).encode("utf-8", "surrogatepass")
        return draw(st.sampled_from([".txt", ".jsonl", ".html", ""])), text
    suffix, seed = draw(st.sampled_from(SEEDS))
    edits = draw(st.lists(st.one_of(_EDIT, st.tuples(st.integers(0, 1 << 20), st.just("insert"), _NASTY)),
                          min_size=1, max_size=6))  # fmt: skip
    if suffix == ".warc.gz" and draw(st.booleans()):
        return suffix, gzip.compress(_mutate(WARC, edits))
    return suffix, _mutate(seed, edits)


def _check(out: InputItem | Rejection) -> None:
    assert isinstance(out, InputItem | Rejection)
    if isinstance(out, Rejection):
        assert out.reason in REASONS, out
        assert "\n" not in out.detail and "\r" not in out.detail, out
        assert "\n" not in out.source, out


def _document(item: InputItem) -> None:
    """The reading stage of the pipeline: a document or a one-line InputError, nothing else."""
    try:
        doc = build_document(item.content, meta=item.meta, fmt=item.fmt, max_bytes=200_000,
                             source_path=item.source_path)  # fmt: skip
    except InputError as exc:
        assert exc.reason in REASONS and "\n" not in exc.detail
    else:
        doc.text.encode("utf-8")  # storable: no lone surrogates
        assert all(0 <= s.start <= s.end <= len(doc.text) for s in doc.segments)


@given(inputs())
def test_any_file_of_any_kind_is_read_or_rejected_in_one_line(
    tmp_path_factory: Any, case: tuple[str, bytes]
) -> None:
    suffix, data = case
    folder = tmp_path_factory.mktemp("f")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    for out in iter_inputs([str(path)], max_bytes=200_000):
        _check(out)
        if isinstance(out, InputItem):
            _document(out)


_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
_FIELDS = ["id", "text", "html", "file", "published", "url", "title", "source"]


_OBJECT = st.dictionaries(st.sampled_from(_FIELDS), _JSON_VALUE, max_size=6).map(json.dumps)
_GARBAGE = st.binary(max_size=120).map(lambda b: b.decode("latin-1"))


@given(st.lists(st.one_of(_OBJECT, _GARBAGE), max_size=6))
def test_jsonl_lines_of_any_shape_never_raise(lines: list[str]) -> None:
    stream = io.BytesIO("\n".join(lines).encode("utf-8", "surrogatepass"))
    for out in iter_inputs(["-"], input_format="jsonl", stdin=stream):
        _check(out)
        if isinstance(out, InputItem):
            _document(out)


@given(st.one_of(st.binary(max_size=600), st.text(max_size=600)), st.sampled_from(["auto", "text", "html"]))
def test_documents_from_any_content_are_built_or_rejected(content: bytes | str, fmt: str) -> None:
    _document(InputItem("x", content, fmt, Metadata(), None))


@pytest.mark.slow
@settings(max_examples=max(10, settings.default.max_examples // 10))
@given(st.lists(inputs(), min_size=1, max_size=3))
def test_the_cli_stores_the_good_input_beside_any_bad_ones(
    pipeline: object, tmp_path_factory: Any, cases: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("batch")
    for n, (suffix, data) in enumerate(cases):
        (folder / f"bad{n}{suffix}").write_bytes(data)
    (folder / "zz_good.txt").write_text(STORY, encoding="utf-8")
    db = folder.parent / f"{folder.name}.duckdb"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--published", "2024-05-06", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in {0, 1}, result.output
    assert all(line.startswith("tocsin: ") for line in result.stderr.splitlines()), result.stderr
    with duckdb.connect(str(db), read_only=True) as conn:  # the good story is stored, with its event
        row = conn.execute(  # (a copy's events are those of the stored original it is linked to)
            "SELECT count(*) FROM events e JOIN documents d ON e.doc_id = coalesce(d.duplicate_of, d.id)"
            " WHERE d.text LIKE '%attacked a police post in Gao%' AND e.event = 'ASSAULT'"
        ).fetchone()
    assert row is not None and row[0] >= 1
