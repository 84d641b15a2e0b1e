"""Building a :class:`~tocsin.models.Document` from raw input and its metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pycld2

from tocsin.errors import InputError
from tocsin.ingest.decode import decode
from tocsin.ingest.html import extract_html, looks_like_html
from tocsin.ingest.webcopy import segment_text
from tocsin.models import DateMethod, Document, Segment

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the caller knows about an input besides its content."""

    id: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    published_method: str = "none"
    author: str | None = None
    #: When a crawler captured the page (WARC-Date): the last resort for a publication date.
    captured: date | None = None


def parse_published(value: object) -> date | None:
    """A publication date from ``YYYY-MM-DD`` or an ISO datetime; ``None`` when absent."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(text).date()
        except ValueError as exc:
            raise InputError("malformed", f"published date {text!r} is not ISO 8601") from exc


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")


def date_from_url(url: str) -> date | None:
    """A publication date in a URL's path ("/2023/03/29/", "/20230329/"), if there is one."""
    m = _URL_DATE.search(url)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_from_dateline(body: str) -> date | None:
    """A full date (day, month and year) at the head of the text, as a dateline gives it."""
    from tocsin.time import find_dates  # the date finder is a later stage; only its explicit forms here

    head = body[:DATELINE_CHARS]
    for expr in find_dates(head, published=None):
        if expr.kind in {"mdy", "dmy", "iso"} and expr.span.method is DateMethod.EXPLICIT and expr.span.start:
            return expr.span.start
    return None


#: How far into the body a dateline may stand.
DATELINE_CHARS = 160


def content_hash(text: str) -> str:
    """SHA-256 of the text after Unicode and whitespace normalisation."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


#: C0 control characters (other than tab and line breaks), which CLD2 reads as invalid UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Below this share of a text in English (CLD2's estimate, in percent), a text CLD2 reliably finds
#: in other languages is not English: a report in English crowded with foreign names and places
#: ("traficantes do Comando Vermelho da Favela do Complexo do Alemão ...") is still a third English.
MIN_ENGLISH_PERCENT = 20

#: What CLD2 may call English: Scots is written largely in English words, and CLD2 reads some short
#: English headlines as Scots ("Odessa violence flares anew as Kiev blames deaths on Russia").
_ENGLISH_CODES = frozenset({"en", "sco"})


def check_english(text: str) -> None:
    """Raise ``not_english`` when a language-identification model (CLD2, Google's compact
    language detector) reliably finds the text in other languages, under a fifth of it English.
    A text it cannot tell (a table of rates, a short list of results) is kept as English."""
    sample = _CONTROL.sub(" ", text[:20000]).encode("utf-8", "replace").decode("utf-8")
    if len(_WORD.findall(sample)) < 8:
        return
    try:
        reliable, _, found = pycld2.detect(sample)
    except pycld2.error:  # what it still cannot read is left to the parser, as English
        return
    english = sum(percent for _, code, percent, _ in found if code in _ENGLISH_CODES)
    name, code, percent, _ = found[0]
    if reliable and code not in {*_ENGLISH_CODES, "un"} and english < MIN_ENGLISH_PERCENT:
        raise InputError(
            "not_english", f"the text is in {name.title()} ({percent}% of it; English {english}%)"
        )


#: The longest run of characters without white space that is parsed whole ("((((...", a base64
#: blob): spaCy's tokenizer splits such a run in quadratic time.
_LONG_RUN = 1_000
_RUN = re.compile(rf"\S{{{_LONG_RUN + 1},}}")


def _cut(segments: tuple[Segment, ...], text: str, limit: int) -> tuple[Segment, ...]:
    """Segments no longer than ``limit`` characters, cut at the last space before it (a page with
    no line breaks, a run with no punctuation), and runs without white space cut every
    ``_LONG_RUN`` characters: the parser's time and memory grow faster than their length."""
    out: list[Segment] = []
    for seg in segments:
        runs = _RUN.finditer(text, seg.start, seg.end)
        stops = sorted({k for m in runs for k in range(m.start() + _LONG_RUN, m.end(), _LONG_RUN)})
        start = seg.start
        for stop in [*stops, seg.end]:
            while stop - start > limit:
                space = text.rfind(" ", start + 1, start + limit)
                cut = space if space > start else start + limit
                out.append(Segment(seg.label, start, cut))
                start = cut + 1 if space > start else cut
            if stop > start:
                out.append(Segment(seg.label, start, stop))
            start = stop
    return tuple(out)


def clean_text(value: str | None) -> str | None:
    """A string with lone surrogates ("\\ud800" from JSON, a file name that is not UTF-8) replaced by
    U+FFFD: they cannot be stored, printed or encoded."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _plausible(published: date | None) -> date | None:
    """A publication date tocsin can use: not before 1800, not after tomorrow (a two-digit year read
    the wrong way round gives 2029 from "14-12-29"); otherwise none."""
    if published is None or not date(1800, 1, 1) <= published <= date.today() + timedelta(days=1):
        return None
    return published


def build_document(
    raw: bytes | str, *, meta: Metadata, fmt: str, max_bytes: int, source_path: str | None,
    max_chars: int = 400_000, max_paragraph_chars: int = 20_000,
) -> Document:  # fmt: skip
    """Decode, extract (HTML), segment and identify one input. ``fmt``: text, html or auto. A body
    over ``max_chars`` characters is rejected (``too_large``); longer paragraphs are cut."""
    text = (clean_text(raw) or "") if isinstance(raw, str) else decode(raw, max_bytes=max_bytes).text
    source_path = clean_text(source_path)
    if isinstance(raw, str):
        if len(text.encode("utf-8")) > max_bytes:
            raise InputError("too_large", f"over the limit of {max_bytes} bytes")
        if not text.strip():
            raise InputError("empty", "no text in the input")
    title, published, method = clean_text(meta.title), _plausible(meta.published), meta.published_method
    url, source, author = clean_text(meta.url), clean_text(meta.source), clean_text(meta.author)
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        page = extract_html(text, url=url)
        body_text = page.body
        if page.comments:
            body_text = f"{page.body}\n\n{page.comments}"
        segments = list(segment_text(page.body, title=title or page.title))
        if page.comments:
            segments.append(Segment("comments", len(page.body) + 2, len(body_text)))
        text = body_text
        title = title or page.title
        url = url or page.url
        source = source or page.sitename
        author = author or page.author
        if published is None and _plausible(page.published) is not None:
            published, method = page.published, "html-meta"
        seg_tuple = tuple(segments)
    else:
        seg_tuple = segment_text(text, title=title)
    if published is None and url:
        published = _plausible(date_from_url(url))
        method = "url" if published else method
    if published is None and _plausible(meta.captured) is not None:
        published, method = meta.captured, "capture"
    if published is None:
        published = _plausible(
            date_from_dateline(" ".join(text[s.start : s.end] for s in seg_tuple if s.label == "body"))
        )
        method = "text" if published else method
    body = " ".join(text[s.start : s.end] for s in seg_tuple if s.label == "body")
    if not body.strip():
        raise InputError("no_body", "no article text found")
    if len(body) > max_chars:
        raise InputError("too_large", f"{len(body)} characters of text, over the budget of {max_chars}")
    seg_tuple = _cut(seg_tuple, text, max_paragraph_chars)
    check_english(body)
    digest = content_hash(text)
    return Document(
        id=clean_text(meta.id) or digest[:16],
        content_hash=digest,
        text=text,
        segments=seg_tuple,
        source_path=source_path,
        url=url,
        title=title,
        source=source,
        published=published,
        published_method=method if published else "none",
        author=author,
    )
