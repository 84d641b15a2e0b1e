"""RSS and Atom feeds (feedparser): each item becomes a document with its date, link and title."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import feedparser
import lxml.html

from tocsin.ingest.documents import Metadata, clean_text
from tocsin.ingest.items import InputItem
from tocsin.models import Rejection


def _text_of(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries and contents), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines()).strip()


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _legal_refs(data: bytes) -> bytes:
    """``data`` with character references to no character (a surrogate such as ``&#xD800;``, a NUL,
    a number past U+10FFFF), which XML forbids and feedparser fails on, replaced by U+FFFD."""

    def fix(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return m.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else b"&#xFFFD;"

    return _CHAR_REF.sub(fix, data)


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def feed_items(
    data: bytes, *, label: str, defaults: Metadata, source_path: str | None = None
) -> Iterator[InputItem | Rejection]:
    """Items of an RSS/Atom feed (read from the file ``source_path``, if a file); a feed that cannot
    be read at all is one rejection."""
    parsed = feedparser.parse(_legal_refs(data))
    readable = [e for e in parsed.entries if e.get("summary") or e.get("content") or e.get("title")]
    if not readable:
        why = str(parsed.get("bozo_exception") or "no items")
        yield Rejection(label, "malformed", f"not a readable RSS/Atom feed: {why}")
        return
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{label}#{i}"
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
        text = _text_of(clean_text(body) or "")
        title = (clean_text(entry.get("title")) or "").strip() or None
        if not text:
            yield Rejection(where, "empty", "the feed item has no summary or content")
            continue
        published = _entry_date(entry)
        meta = Metadata(
            id=None,
            url=entry.get("link") or None,
            title=title,
            source=outlet or defaults.source,
            published=published or defaults.published,
            published_method="feed" if published else ("given" if defaults.published else "none"),
            author=entry.get("author") or None,
        )
        full = f"{title}\n\n{text}" if title else text
        yield InputItem(where, full, "text", meta, source_path)
