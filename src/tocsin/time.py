"""Finding temporal expressions in a sentence and resolving them against the publication date.

Explicit dates ("March 27", "27 March 2022", "December 12, 2022"), weekdays ("on Tuesday"),
expressions relative to publication ("yesterday", "last week") and to the narrative ("That same
day", "the next day") each get a :class:`~tocsin.models.DateSpan` with a precision and a method.
A document with no publication date leaves relative expressions unresolved rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

from tocsin.models import DateMethod, DatePrecision, DateSpan

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
        ),
    ),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b")),
    (
        "month",
        re.compile(
            rf"\b(?P<pre>(?i:in|since|until|from|by|during|early|late|mid-|last|this|next|of))\s+(?:early\s+|late\s+)?{_MONTH}(?!\s*\d)\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<rel>last|next|this|earlier on|on|late on|early on|since)?\s*"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "narrative",
        re.compile(
            r"\b(?P<narr>(?:on\s+)?(?:that|the)\s+same\s+day|that\s+day|the\s+(?:next|following)\s+day"
            r"|the\s+(?:day|night)\s+before|the\s+previous\s+day"
            r"|(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+days?\s+(?P<dir>later|earlier))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week|month|year)"
            r"|last\s+(?:night|week|month|year)|next\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)"
            r"|(?P<ago>\d+|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(r"\b(?P<pre>(?i:in|since|the|of|until|by|during|from))\s+(?P<year>1[6-9]\d{2}|20\d{2})\b"),
    ),
]
_ORDER = {name: i for i, (name, _) in enumerate(_PATTERNS)}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in a text, with offsets relative to that text, and its value."""

    text: str
    start: int
    end: int
    kind: str
    span: DateSpan


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date) -> date | None:
    """The most recent date with this month and day on or before publication (plus a day's grace)."""
    candidate = _safe_date(published.year, month, day)
    if candidate is not None and candidate > published + timedelta(days=1):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _weekday(name: str, rel: str | None, published: date) -> date:
    target = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    if rel == "next":
        return published + timedelta(days=(target - published.weekday()) % 7 or 7)
    if rel == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _span(
    start: date | None, end: date | None, precision: DatePrecision, method: DateMethod, text: str
) -> DateSpan:
    return DateSpan(start, end, precision, method, text)


def _resolve(kind: str, m: re.Match[str], published: date | None, anchor: date | None) -> DateSpan | None:
    text = m.group(0).strip()
    g = m.groupdict()
    unknown = _span(None, None, DatePrecision.UNKNOWN, DateMethod.NONE, text)
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return _span(d, None, DatePrecision.DAY, DateMethod.EXPLICIT, text) if d else None
    if kind in {"mdy", "dmy"}:
        month, day = _month_number(g["month"]), int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return _span(d, None, DatePrecision.DAY, DateMethod.EXPLICIT, text) if d else None
        if published is None:
            return unknown
        d = _infer_year(month, day, published)
        return _span(d, None, DatePrecision.DAY, DateMethod.PUBLICATION, text) if d else None
    if kind == "my":
        year, month = int(g["year"]), _month_number(g["month"])
        return _span(
            date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, DateMethod.EXPLICIT, text
        )
    if kind == "month":
        if published is None:
            return unknown
        month = _month_number(g["month"])
        year = published.year
        pre = g["pre"].lower()
        if pre == "next" or (month > published.month and pre not in {"next"}):
            year = published.year + 1 if pre == "next" else published.year - 1
        return _span(
            date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, DateMethod.PUBLICATION, text
        )
    if kind == "weekday":
        if published is None:
            return unknown
        rel = (g.get("rel") or "").lower() or None
        d = _weekday(g["weekday"], rel, published)
        return _span(d, None, DatePrecision.DAY, DateMethod.PUBLICATION, text)
    if kind == "narrative":
        base = anchor or published
        if base is None:
            return unknown
        phrase = g["narr"].lower()
        if g.get("n"):
            n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
            offset = n if g["dir"].lower() == "later" else -n
        elif "next" in phrase or "following" in phrase:
            offset = 1
        elif "before" in phrase or "previous" in phrase:
            offset = -1
        else:
            offset = 0
        method = DateMethod.NARRATIVE if anchor else DateMethod.PUBLICATION
        return _span(base + timedelta(days=offset), None, DatePrecision.DAY, method, text)
    if kind == "relative":
        if published is None:
            return unknown
        return _relative(g, published, text)
    if kind == "year":
        year = int(g["year"])
        return _span(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, DateMethod.EXPLICIT, text)
    return None


def _relative(g: dict[str, str | None], published: date, text: str) -> DateSpan | None:
    rel = " ".join((g["rel"] or "").lower().split())
    pub = DateMethod.PUBLICATION
    if g.get("ago"):
        raw = (g["ago"] or "").lower()
        n = _NUMBER_WORDS.get(raw) or int(raw)
        unit = (g["unit"] or "day").lower().rstrip("s")
        parsed = dateparser.parse(f"{n} {unit}s ago", settings={"RELATIVE_BASE": _as_datetime(published)})
        if parsed is None:
            return None
        precision = {
            "day": DatePrecision.DAY,
            "week": DatePrecision.WEEK,
            "month": DatePrecision.MONTH,
            "year": DatePrecision.YEAR,
        }[unit]
        return _span(parsed.date(), None, precision, pub, text)
    if rel in {"today", "tonight"} or (
        rel.startswith("this ") and rel.split()[1] in {"morning", "afternoon", "evening"}
    ):
        return _span(published, None, DatePrecision.DAY, pub, text)
    if rel in {"yesterday", "last night"}:
        return _span(published - timedelta(days=1), None, DatePrecision.DAY, pub, text)
    if rel == "tomorrow":
        return _span(published + timedelta(days=1), None, DatePrecision.DAY, pub, text)
    unit = rel.split()[-1]
    shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return _span(monday, monday + timedelta(days=6), DatePrecision.WEEK, pub, text)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(month_index, 12)
        return _span(date(year, month + 1, 1), _month_end(year, month + 1), DatePrecision.MONTH, pub, text)
    if unit == "year":
        year = published.year + shift
        return _span(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, pub, text)
    return None


def _as_datetime(d: date) -> object:
    from datetime import datetime

    return datetime(d.year, d.month, d.day, 12, 0)


def find_dates(text: str, *, published: date | None, anchor: date | None = None) -> list[TimeExpression]:
    """Every temporal expression in ``text``, resolved; earlier patterns win over overlaps."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "weekday" and m.group("rel") is None:
                start = m.start("weekday")
            elif kind in {"month", "year"}:
                start = m.start("month") if kind == "month" else m.start("pre")
            if kind == "mdy" and m.group("month") == "May" and not m.group("day"):
                continue
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            span = _resolve(kind, m, published, anchor)
            if span is None:
                continue
            taken.append((start, end))
            found.append(TimeExpression(text[start:end], start, end, kind, span))
    found.sort(key=lambda e: e.start)
    return found


def is_anchor(expr: TimeExpression) -> bool:
    """Whether an expression establishes the narrative's current day (day precision, resolved)."""
    return expr.span.precision is DatePrecision.DAY and expr.span.start is not None


def iso_value(span: DateSpan) -> str | None:
    """The ISO form of a span's start at its precision: 2023-03-27, 2023-W12, 2023-03 or 2023."""
    if span.start is None:
        return None
    if span.precision is DatePrecision.DAY:
        return span.start.isoformat()
    if span.precision is DatePrecision.WEEK:
        year, week, _ = span.start.isocalendar()
        return f"{year}-W{week:02d}"
    if span.precision is DatePrecision.MONTH:
        return f"{span.start.year}-{span.start.month:02d}"
    if span.precision is DatePrecision.YEAR:
        return str(span.start.year)
    return None
