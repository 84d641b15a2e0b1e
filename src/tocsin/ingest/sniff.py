"""What kind of input a file holds, by its content (the extension is only a hint)."""

from __future__ import annotations

import gzip
import io
import json
import re

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype html|html|head|body)[\s>]", re.IGNORECASE)


def sniff(head: bytes, *, name: str = "") -> str:
    """``warc``, ``feed``, ``jsonl``, ``html`` or ``text`` for the first bytes of an input."""
    lowered = name.lower()
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(64)
        except (OSError, EOFError):
            inner = b""
        if inner.startswith(b"WARC/"):
            return "warc"
        return "warc" if ".warc" in lowered else "text"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith(b"<"):
        if _FEED.search(text[:4096]) and not _HTML.search(text[:1024]):
            return "feed"
        return "html" if _HTML.search(text[:4096]) else "text"
    if text.startswith(b"{"):
        first = text.split(b"\n", 1)[0]
        try:
            json.loads(first)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "text"
        return "jsonl"
    return "text"
