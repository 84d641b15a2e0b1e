"""HTML pages → article text, with comments kept apart, through trafilatura's structured output."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trafilatura import bare_extraction
from trafilatura.settings import set_date_params

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


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract the article body, comments and metadata; ``InputError("no_body")`` if none."""
    try:
        result = bare_extraction(
            html, url=url, include_comments=True, with_metadata=True, date_extraction_params=DATE_PARAMS
        )
    except (ValueError, TypeError) as exc:
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
