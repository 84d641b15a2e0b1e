"""WARC and WARC.gz archives (warcio), as Common Crawl News ships them.

Each HTML response becomes a document with its target URI and capture date; other responses
(PDFs, images, scripts) are recorded as rejections; requests, metadata and warcinfo records are
not documents and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from tocsin.errors import one_line
from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.models import Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


#: Bytes of header lines (WARC and HTTP headers, status lines) one record may have. warcio reads a
#: line until its end, however far: a small .warc.gz can hold a header line of gigabytes.
MAX_HEADER_BYTES = 1 << 20


class _BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, refusing more than :data:`MAX_HEADER_BYTES` of lines between two reads of
    content (warcio reads headers by lines and record bodies by ``read``)."""

    line_bytes = 0

    def readline(self, length: int | None = None) -> bytes:
        room = MAX_HEADER_BYTES - self.line_bytes + 1
        line: bytes = super().readline(room if length is None else min(length, room))
        self.line_bytes += len(line)
        if self.line_bytes > MAX_HEADER_BYTES:
            raise ArchiveLoadFailed(f"over {MAX_HEADER_BYTES} bytes of header lines in one record")
        return line

    def read(self, length: int | None = None) -> bytes:
        self.line_bytes = 0
        data: bytes = super().read(length)
        return data


class _QuietIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator with header lines bounded (:class:`_BoundedReader`) and without the
    multi-line warning it writes to stderr when a record's Content-Length is wrong; such records are
    still counted (``err_count``) and reported in one line."""

    INC_RECORD = ""

    def __init__(self, fileobj: object) -> None:
        super().__init__(fileobj)
        self.reader.__class__ = _BoundedReader


def warc_items(path: Path, *, defaults: Metadata, max_bytes: int) -> Iterator[InputItem | Rejection]:
    """Documents (HTML responses) and rejections (other responses) of one WARC file."""
    try:
        with path.open("rb") as fh:
            records = _QuietIterator(fh)
            for record in records:
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
                where = f"{path}#{uri}"
                http = record.http_headers
                ctype = (http.get_header("Content-Type") if http else "") or ""
                if not ctype.lower().startswith(_HTML_TYPES):
                    yield Rejection(where, "unsupported", f"{ctype or 'untyped'} response, not an HTML page")
                    continue
                body = record.content_stream().read(max_bytes + 1)
                captured = None
                stamp = record.rec_headers.get_header("WARC-Date") or ""
                try:
                    captured = date.fromisoformat(stamp[:10]) if stamp else None
                except ValueError:
                    captured = None
                meta = Metadata(url=uri, source=defaults.source, published=defaults.published,
                                published_method="given" if defaults.published else "none",
                                captured=captured)  # fmt: skip
                yield InputItem(where, body, "html", meta, str(path))
            if records.err_count:
                detail = f"{records.err_count} record(s) longer or shorter than their Content-Length"
                yield Rejection(str(path), "malformed", f"{detail}; the records read are kept")
    except ArchiveLoadFailed as exc:
        yield Rejection(str(path), "malformed", f"not a readable WARC archive: {one_line(exc)}")
    except OSError as exc:
        yield Rejection(str(path), "missing", exc.strerror or str(exc))
