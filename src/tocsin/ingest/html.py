"""HTML pages → article text, with comments kept apart, through trafilatura's structured output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction
from trafilatura.settings import set_date_params
from trafilatura.utils import repair_faulty_html

from tocsin.errors import InputError, one_line


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What trafilatura found in a page: the parts and the metadata."""

    title: str | None
    body: str
    comments: str | None
    published: date | None
    author: str | None
    sitename: str | None
    url: str | None


#: Publication dates from the page's markup only (meta tags, JSON-LD, time elements). htmldate's
#: "extensive search" guesses from the text too, where a reader's comment ("in 2008") can win.
DATE_PARAMS = {**set_date_params(extensive=False), "max_date": "2099-12-31"}


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML document rather than plain text."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in text)


#: libxml2 drops everything nested deeper than 256 elements (and, past 2,048 even with
#: ``huge_tree``, the rest of the page too). Real pages stay far below; deeper tags are unwrapped
#: (their text kept) before parsing.
MAX_DEPTH = 1000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
#: Elements with no end tag, or whose end tag pages routinely leave out: they do not nest.
_FLAT = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option"}
)  # fmt: skip


def shallow(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the tags nested deeper than ``limit`` removed and their text kept."""
    depth = peak = 0
    for m in _TAG.finditer(html):
        if m.group(2).lower() in _FLAT or m.group(3):
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        peak = max(peak, depth)
    if peak <= limit:
        return html
    out: list[str] = []
    depth = last = 0
    for m in _TAG.finditer(html):
        if m.group(2).lower() in _FLAT or m.group(3):
            continue
        closing = bool(m.group(1))
        level = depth if closing else depth + 1
        depth = max(depth - 1, 0) if closing else depth + 1
        if level > limit:
            out.append(html[last : m.start()])
            last = m.end()
    out.append(html[last:])
    return "".join(out)


#: trafilatura's own parser settings, with libxml2's depth and size limits lifted (``huge_tree``):
#: inputs are already capped by ``ingest.max_bytes`` and :func:`shallow`.
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True,
    huge_tree=True,
)  # fmt: skip


def _tree(html: str) -> lxml.html.HtmlElement:
    """The page's tree, parsed as trafilatura parses it but without losing deep content."""
    text = repair_faulty_html(shallow(html), html[:50].lower())
    try:
        return lxml.html.fromstring(text, parser=_PARSER)
    except ValueError:  # a str with an encoding declaration: parse its UTF-8 bytes
        return lxml.html.fromstring(text.encode("utf-8"), parser=_PARSER)


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract the article body, comments and metadata; ``InputError("no_body")`` if none."""
    try:
        result = bare_extraction(
            _tree(html), url=url, include_comments=True, with_metadata=True,
            date_extraction_params=DATE_PARAMS,
        )  # fmt: skip
    except (ValueError, TypeError, ParserError) as exc:
        raise InputError("malformed", f"HTML could not be parsed: {one_line(exc)}") from exc
    if result is None:
        raise InputError("no_body", "no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (data.get("text") or "").strip()
    if not body:
        raise InputError("no_body", "no article text found in the HTML")
    published = None
    raw_date = data.get("date")
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return ExtractedPage(
        title=data.get("title") or None,
        body=body,
        comments=(data.get("comments") or "").strip() or None,
        published=published,
        author=data.get("author") or None,
        sitename=data.get("sitename") or None,
        url=data.get("url") or url,
    )
