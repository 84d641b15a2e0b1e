"""Finding temporal expressions in a sentence and resolving them against the publication date.

Explicit dates ("March 27", "27 March 2022", "December 12, 2022"), weekdays ("on Tuesday"),
expressions relative to publication ("yesterday", "last week", "a year ago", "the third
quarter") and to the narrative ("That same day", "the next day") each get a
:class:`~tocsin.models.DateSpan` with a precision and a method, and an ISO-style ``value``
(2023-03-27, 2023-W12, 2023-03, 2023, 2023-Q3, 2023-SU, 199X, PRESENT_REF, PAST_REF, FUTURE_REF).
A document with no publication date leaves relative expressions unresolved rather than guessing.

:class:`DocumentClock` walks a document sentence by sentence and keeps the narrative's current day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import dateparser

from tocsin.models import DateMethod, DatePrecision, DateSpan

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_FULL = (
    r"(?P<month>January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "couple": 2,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}  # fmt: skip
_NUM = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple of|\d+)"
_FUTURE = re.compile(
    r"\b(will|shall|'ll|’ll|going to|is to|are to|scheduled|expected to|plans? to|next)\b", re.IGNORECASE
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(
        rf"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
    )),
    ("dmy", re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
    )),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b")),
    ("quarter", re.compile(
        r"\b(?:(?P<the>the|this|last|next)\s+)?(?:(?P<rel>latest|current|previous|past|year-earlier"
        r"|year-ago)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s])?quarter\b"
        r"(?:\s+of\s+(?P<year>(?:19|20)\d{2}))?",
        re.IGNORECASE,
    )),
    ("season", re.compile(
        r"\b(?P<rel>this|last|next|the|early|late)\s+(?P<season>spring|summer|fall|autumn|winter)\b"
        r"(?:\s+of\s+(?P<year>(?:19|20)\d{2}))?",
        re.IGNORECASE,
    )),
    ("month", re.compile(
        rf"\b(?P<pre>(?i:in|since|until|from|by|during|early|late|mid-|last|this|next|of))\s+"
        rf"(?:(?i:early|late)\s+)?{_MONTH}(?!\s*\d)\b"
    )),
    ("weekday", re.compile(
        r"\b(?P<rel>(?i:last|next|this|earlier on|on|late on|early on|since|by|until))?\s*"
        r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    )),
    ("narrative", re.compile(
        r"\b(?P<narr>(?:on\s+)?(?:that|the)\s+same\s+day|that\s+day|the\s+(?:next|following)\s+day"
        r"|the\s+(?:day|night)\s+before|the\s+previous\s+day"
        r"|(?:(?:a\s+few|several|some|\d+|two|three|four|five|six)\s+)?(?P<hours>hours?|minutes?)\s+(?:later|earlier)"
        rf"|{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|earlier)"
        r"|(?P<adj>year|month|week)-(?:earlier|ago))\b",
        re.IGNORECASE,
    )),
    ("relative", re.compile(
        r"\b(?P<rel>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week|month|year)"
        r"|last\s+(?:night|week|month|year)|next\s+(?:week|month|year)"
        r"|(?:early|late|later|earlier)\s+(?:this|next|last)\s+(?:week|month|year)"
        r"|the\s+past\s+(?:week|month|year)"
        rf"|{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"
        r"(?:\s+(?P<anniv>today|tonight|this\s+week|this\s+month))?)\b",
        re.IGNORECASE,
    )),
    ("ref", re.compile(
        r"\b(?P<ref>now|currently|current|at present|presently|these days|nowadays|at the moment"
        r"|recently|recent(?:\s+(?:years|months|weeks|days))?|lately|in the past|the past|formerly"
        r"|soon|in the future|the future|the coming (?:years|months|weeks)|shortly)\b",
        re.IGNORECASE,
    )),
    ("decade", re.compile(
        r"\b(?P<pre>(?i:the|in|during|since|early|late|mid-?))\s*(?P<decade>(?:1[6-9]|20)\d)0s\b"
    )),
    ("year", re.compile(
        r"\b(?P<pre>(?i:in|since|the|of|until|by|during|from|fiscal|early|late|mid-?|for|before|after"
        r"|through|year|end of|start of|beginning of))\s+(?P<year>1[6-9]\d{2}|20\d{2})\b(?![-–]\d|\s*%)"
    )),
    ("bareyear", re.compile(r"(?<![\d$.,])\b(?P<year>19\d{2}|20[0-4]\d)\b(?=\s*[,.;:)]|\s*$)")),
    # A capitalised month name inside a sentence ("in the sales of October"), never "May".
    ("baremonth", re.compile(rf"(?<=\S )\b{_MONTH_FULL}(?!\s*\d)\b")),
]  # fmt: skip

#: Words before a date that put it in the past whatever the calendar says ("since December").
_LOOKS_BACK = re.compile(
    r"\b(since|ago|previously|earlier|last)\s+(?:(?:the|early|late|mid-?)\s+)?$", re.IGNORECASE
)
PERIOD = re.compile(r"\b(quarter|period|three months)\b", re.IGNORECASE)
#: A sentence told in the past tense ("was shot down", "attacked", "had fled"): a month and day
#: without a year in it lie before publication, not after.
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|said|told|took|fled|came|went|began|held|shot|hit|struck|fought|"
    r"[a-z]{3,}(?<!need)(?<!seed)(?<!speed)ed)\b",
    re.IGNORECASE,
)
#: How far after publication a date told in the past tense may still lie ("bonds due Dec. 15").
_AHEAD = timedelta(days=60)
#: How far back a date may jump from the narrative's day and still move it: beyond, a flashback.
FLASHBACK_DAYS = 31
YEAR_AGO = re.compile(r"(a|one) year (ago|earlier)|year-(earlier|ago)")
_PAST_REF = frozenset({"recently", "recent", "lately", "in the past", "the past", "formerly"})
_FUTURE_REF = frozenset({"soon", "in the future", "the future", "shortly"})


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in a text: offsets relative to that text, span and value."""

    text: str
    start: int
    end: int
    kind: str
    span: DateSpan
    value: str | None = None
    #: For ranges ("between March 3 and March 5", "from 2019 to 2021"): the end's value.
    end_value: str | None = None


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date, *, future: bool | None) -> date | None:
    """The year of a month and day given without one: the nearest such date to publication.

    News mostly looks back, so a date up to a day after publication counts as past, ties go to
    the past, and a future cue beside the date ("will meet on Dec. 15") prefers the next one.
    """
    candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]  # fmt: skip
    if not candidates:
        return None
    if future:
        ahead = [d for d in candidates if d >= published - timedelta(days=1)]
        return min(ahead) if ahead else max(candidates)
    if future is False:
        return max(d for d in candidates if d <= published + timedelta(days=1))
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


def month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _weekday(name: str, rel: str | None, published: date, *, future: bool | None) -> date:
    target = _WEEKDAYS.index(name.lower())
    ahead = (target - published.weekday()) % 7
    back = (published.weekday() - target) % 7
    if rel == "next" or (future and rel not in {"last", "since"} and ahead):
        return published + timedelta(days=ahead or 7)
    if rel == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _span(start: date | None, end: date | None, precision: DatePrecision, method: DateMethod,
          text: str) -> DateSpan:  # fmt: skip
    return DateSpan(start, end, precision, method, text)


def _unknown(text: str) -> DateSpan:
    return _span(None, None, DatePrecision.UNKNOWN, DateMethod.NONE, text)


def _count(raw: str) -> int:
    raw = raw.lower().replace(" of", "")
    return _NUMBER_WORDS.get(raw) or int(raw)


def _shift(base: date, unit: str, n: int) -> tuple[date, date | None, DatePrecision]:
    """``base`` moved by ``n`` units, as a span at that unit's precision."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return base + timedelta(days=n), None, DatePrecision.DAY
    if unit == "week":
        d = base + timedelta(weeks=n)
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6), DatePrecision.WEEK
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        year, month = divmod(index, 12)
        return date(year, month + 1, 1), month_end(year, month + 1), DatePrecision.MONTH
    year = base.year + n
    return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR


def _quarter(g: dict[str, str | None], published: date | None, text: str) -> DateSpan | None:
    ordinal = (g.get("ord") or "").lower()
    rel = (g.get("rel") or "").lower()
    the = (g.get("the") or "").lower()
    if not ordinal and not rel and the not in {"the", "this", "last", "next"}:
        return None
    if g.get("year"):
        year = int(g["year"] or 0)
    elif published is None:
        return _unknown(text)
    else:
        year = published.year
    current_q = (published.month - 1) // 3 + 1 if published else 1
    if ordinal:
        q = _ORDINALS[ordinal]
        if published is not None and not g.get("year") and q > current_q:
            year -= 1
    elif rel in {"current"} or the == "this":
        q = current_q
    elif the == "next":
        q = current_q % 4 + 1
        year += current_q == 4
    else:  # "the quarter", "the latest quarter", "last quarter": the last one reported
        q = current_q - 1 or 4
        year -= current_q == 1
    if rel in {"year-earlier", "year-ago"}:
        year -= 1
    start = date(year, 3 * q - 2, 1)
    method = DateMethod.EXPLICIT if g.get("year") else DateMethod.PUBLICATION
    return _span(start, month_end(year, 3 * q), DatePrecision.MONTH, method, text)


def _season(g: dict[str, str | None], published: date | None, text: str) -> DateSpan | None:
    _, month = _SEASONS[(g["season"] or "").lower()]
    rel = (g.get("rel") or "").lower()
    if g.get("year"):
        year = int(g["year"] or 0)
    elif published is None:
        return _unknown(text)
    else:
        year = published.year + {"last": -1, "next": 1}.get(rel, 0)
    start = date(year, month, 1)
    end = month_end(year + (month == 12), (month + 2 - 1) % 12 + 1)
    return _span(start, end, DatePrecision.MONTH, DateMethod.PUBLICATION, text)


def _resolve(kind: str, m: re.Match[str], published: date | None, anchor: date | None, *,
             future: bool | None) -> DateSpan | None:  # fmt: skip
    text = m.group(0).strip()
    g = m.groupdict()
    handler = _HANDLERS.get(kind)
    return handler(g, published, anchor, text, future) if handler else None


def _h_iso(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
           future: bool | None) -> DateSpan | None:  # fmt: skip
    d = _safe_date(int(g["year"] or 0), int(g["mnum"] or 0), int(g["day"] or 0))
    return _span(d, None, DatePrecision.DAY, DateMethod.EXPLICIT, text) if d else None


def _h_day(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
           future: bool | None) -> DateSpan | None:  # fmt: skip
    month, day = _month_number(g["month"] or ""), int(g["day"] or 0)
    if g.get("year"):
        d = _safe_date(int(g["year"] or 0), month, day)
        return _span(d, None, DatePrecision.DAY, DateMethod.EXPLICIT, text) if d else None
    if published is None:
        return _unknown(text)
    d = _infer_year(month, day, published, future=future)
    return _span(d, None, DatePrecision.DAY, DateMethod.PUBLICATION, text) if d else None


def _h_my(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
          future: bool | None) -> DateSpan | None:  # fmt: skip
    year, month = int(g["year"] or 0), _month_number(g["month"] or "")
    return _span(date(year, month, 1), month_end(year, month), DatePrecision.MONTH,
                 DateMethod.EXPLICIT, text)  # fmt: skip


def _h_month(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
             future: bool | None) -> DateSpan | None:  # fmt: skip
    if published is None:
        return _unknown(text)
    month = _month_number(g["month"] or "")
    pre = (g.get("pre") or "").lower()
    year = published.year
    if pre == "next":
        year += 1 if month <= published.month else 0
    elif pre == "last":
        year -= 1 if month >= published.month else 0
    elif pre == "this":
        pass
    elif future:
        year += 1 if month < published.month else 0
    elif future is False:
        year -= 1 if month > published.month else 0
    else:  # the nearest such month, ties to the past
        here = published.year * 12 + published.month
        year = min((published.year - 1, published.year, published.year + 1),
                   key=lambda y: (abs(y * 12 + month - here), y * 12 + month > here))  # fmt: skip
    return _span(date(year, month, 1), month_end(year, month), DatePrecision.MONTH,
                 DateMethod.PUBLICATION, text)  # fmt: skip


def _h_weekday(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
               future: bool | None) -> DateSpan | None:  # fmt: skip
    if published is None:
        return _unknown(text)
    rel = (g.get("rel") or "").lower() or None
    d = _weekday(g["weekday"] or "", rel, published, future=future)
    return _span(d, None, DatePrecision.DAY, DateMethod.PUBLICATION, text)


def _h_narrative(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
                 future: bool | None) -> DateSpan | None:  # fmt: skip
    base = anchor or published
    if base is None:
        return _unknown(text)
    method = DateMethod.NARRATIVE if anchor else DateMethod.PUBLICATION
    if g.get("adj"):  # "year-earlier", "year-ago"
        start, end, precision = _shift(published or base, g["adj"] or "year", -1)
        return _span(start, end, precision, DateMethod.PUBLICATION, text)
    if g.get("n"):
        n = _count(g["n"] or "1")
        sign = 1 if (g.get("dir") or "").lower() in {"later", "after"} else -1
        start, end, precision = _shift(base, g.get("unit") or "day", sign * n)
        return _span(start, end, precision, method, text)
    phrase = (g.get("narr") or "").lower()
    if g.get("hours"):  # "hours later": the same day as the narrative
        return _span(base, None, DatePrecision.DAY, method, text)
    if "next" in phrase or "following" in phrase:
        offset = 1
    elif "before" in phrase or "previous" in phrase:
        offset = -1
    else:
        offset = 0
    return _span(base + timedelta(days=offset), None, DatePrecision.DAY, method, text)


def _anniversary(g: dict[str, str | None], published: date, text: str) -> DateSpan:
    """ "ten years ago today", "a month ago this week": the day (or the week, the month) that many
    units before publication, one date, not two."""
    n = _count(g["n"] or "1")
    unit = (g.get("unit") or "day").lower().rstrip("s")
    if unit in {"day", "week"}:
        day = published - timedelta(days=n * (7 if unit == "week" else 1))
    else:
        months = published.year * 12 + published.month - 1 - n * (12 if unit == "year" else 1)
        year, month = divmod(months, 12)
        day = date(year, month + 1, min(published.day, month_end(year, month + 1).day))
    scope = " ".join((g.get("anniv") or "").lower().split())
    if scope == "this week":
        monday = day - timedelta(days=day.weekday())
        return _span(monday, monday + timedelta(days=6), DatePrecision.WEEK, DateMethod.PUBLICATION, text)
    if scope == "this month":
        end = month_end(day.year, day.month)
        return _span(day.replace(day=1), end, DatePrecision.MONTH, DateMethod.PUBLICATION, text)
    return _span(day, None, DatePrecision.DAY, DateMethod.PUBLICATION, text)


def _h_relative(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
                future: bool | None) -> DateSpan | None:  # fmt: skip
    if published is None:
        return _unknown(text)
    pub = DateMethod.PUBLICATION
    rel = " ".join((g.get("rel") or "").lower().split())
    if g.get("anniv"):
        return _anniversary(g, published, text)
    if g.get("n"):
        start, end, precision = _shift(published, g.get("unit") or "day", -_count(g["n"] or "1"))
        if precision is DatePrecision.DAY:
            parsed = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(
                published.year, published.month, published.day, 12)})  # fmt: skip
            start = parsed.date() if parsed else start
        return _span(start, end, precision, pub, text)
    if rel in {"today", "tonight"} or (rel.startswith("this ") and rel.split()[1] in {
        "morning", "afternoon", "evening"}):  # fmt: skip
        return _span(published, None, DatePrecision.DAY, pub, text)
    if rel in {"yesterday", "last night"}:
        return _span(published - timedelta(days=1), None, DatePrecision.DAY, pub, text)
    if rel == "tomorrow":
        return _span(published + timedelta(days=1), None, DatePrecision.DAY, pub, text)
    words = rel.split()
    shift = {"last": -1, "next": 1, "past": -1}.get(words[-2], 0)
    start, end, precision = _shift(published, words[-1], shift)
    return _span(start, end, precision, pub, text)


def _h_ref(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
           future: bool | None) -> DateSpan | None:  # fmt: skip
    ref = " ".join((g.get("ref") or "").lower().split())
    if ref in _PAST_REF or ref.startswith("recent"):
        return _span(None, published, DatePrecision.UNKNOWN, DateMethod.PUBLICATION, text)
    if ref in _FUTURE_REF or ref.startswith("the coming"):
        return _span(published, None, DatePrecision.UNKNOWN, DateMethod.PUBLICATION, text)
    if published is None:
        return _unknown(text)
    return _span(published, None, DatePrecision.DAY, DateMethod.PUBLICATION, text)


def _h_decade(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
              future: bool | None) -> DateSpan | None:  # fmt: skip
    start_year = int((g.get("decade") or "0") + "0")
    return _span(date(start_year, 1, 1), date(start_year + 9, 12, 31), DatePrecision.YEAR,
                 DateMethod.EXPLICIT, text)  # fmt: skip


def _h_year(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
            future: bool | None) -> DateSpan | None:  # fmt: skip
    year = int(g["year"] or 0)
    return _span(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, DateMethod.EXPLICIT, text)


def _h_quarter(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
               future: bool | None) -> DateSpan | None:  # fmt: skip
    return _quarter(g, published, text)


def _h_season(g: dict[str, str | None], published: date | None, anchor: date | None, text: str,
              future: bool | None) -> DateSpan | None:  # fmt: skip
    return _season(g, published, text)


_Handler = Callable[[dict[str, str | None], date | None, date | None, str, bool | None], DateSpan | None]
_HANDLERS: dict[str, _Handler] = {
    "iso": _h_iso, "mdy": _h_day, "dmy": _h_day, "my": _h_my, "month": _h_month,
    "baremonth": _h_month, "weekday": _h_weekday, "narrative": _h_narrative,
    "relative": _h_relative, "ref": _h_ref, "decade": _h_decade, "year": _h_year,
    "bareyear": _h_year, "quarter": _h_quarter, "season": _h_season,
}  # fmt: skip


def _value(kind: str, m: re.Match[str], span: DateSpan) -> str | None:
    """The TimeML-style value of an expression."""
    g = m.groupdict()
    if kind == "ref":
        ref = " ".join((g.get("ref") or "").lower().split())
        if ref in _PAST_REF or ref.startswith("recent"):
            return "PAST_REF"
        if ref in _FUTURE_REF or ref.startswith("the coming"):
            return "FUTURE_REF"
        return "PRESENT_REF"
    if span.start is None:
        return None
    if kind == "quarter":
        return f"{span.start.year}-Q{(span.start.month - 1) // 3 + 1}"
    if kind == "season":
        return f"{span.start.year}-{_SEASONS[(g['season'] or '').lower()][0]}"
    if kind == "decade":
        return f"{str(span.start.year)[:3]}X"
    return iso_value(span)


def _start_of(kind: str, m: re.Match[str]) -> int:
    """Where the expression proper starts (leading prepositions are context, not the date)."""
    if kind == "weekday" and (m.group("rel") or "").lower() in {"on", "since", "by", "until", ""}:
        return m.start("weekday")
    if kind == "month":
        return m.start("month") if (m.group("pre") or "").lower() not in {"last", "this", "next"} \
            else m.start("pre")  # fmt: skip
    if kind == "year":
        pre = (m.group("pre") or "").lower()
        return m.start("pre") if pre in {"fiscal", "early", "late", "mid", "mid-"} else m.start("year")
    if kind == "decade":
        pre = (m.group("pre") or "").lower()
        return m.start("pre") if pre == "the" else m.start("decade")
    return m.start()


def _future_near(text: str, start: int, end: int) -> bool:
    """A future cue ("will", "is to", "next", "scheduled") in the few words around an expression."""
    return bool(_FUTURE.search(text[max(0, start - 45) : min(len(text), end + 25)]))


def find_dates(text: str, *, published: date | None, anchor: date | None = None) -> list[TimeExpression]:
    """Every temporal expression in ``text`` (one sentence), resolved; earlier patterns win overlaps."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = _start_of(kind, m), m.end()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            direction: bool | None = True if _future_near(text, start, end) else None
            if _LOOKS_BACK.search(text[:start]):
                direction = False
            span = _resolve(kind, m, published, anchor, future=direction)
            if span is None:
                continue
            past = _PAST_TENSE.search(text[max(0, start - 45) : min(len(text), end + 25)])
            if direction is None and past and published and span.start and span.start > published + _AHEAD:
                # "On March 8, gunmen attacked" in a December story: told in the past, months ahead
                # of publication can only be the last March 8 (a few weeks ahead is often upcoming).
                span = _resolve(kind, m, published, anchor, future=False) or span
            taken.append((start, end))
            words = text[start:end]
            if kind == "year" and (m.group("pre") or "").lower() == "the":
                kind = "namedyear"  # "the 2020 war": a year naming another event
            found.append(
                TimeExpression(words, start, end, kind, replace(span, text=words), _value(kind, m, span))
            )
    found.sort(key=lambda e: e.start)
    return _ranges(text, found)


_RANGE_OPEN = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(and|to|until|till|through|-|–)\s*$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join "between A and B" / "from A to B" into one span; "since A" starts an open span."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        e = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        joined = nxt is not None and bool(
            _RANGE_OPEN.search(text[: e.start]) and _RANGE_JOIN.match(text[e.end : nxt.start])
        )
        if joined and nxt is not None and e.span.start is not None and nxt.span.start is not None:
            end = nxt.span.end or nxt.span.start
            words = text[e.start : nxt.end]
            span = DateSpan(e.span.start, end, e.span.precision, e.span.method, words)
            out.append(TimeExpression(words, e.start, nxt.end, "range", span, e.value, nxt.value))
            i += 2
            continue
        if _SINCE.search(text[: e.start]) and e.span.start is not None:
            e = replace(e, kind="since", span=replace(e.span, end=None))
        out.append(e)
        i += 1
    return out


def is_anchor(expr: TimeExpression) -> bool:
    """Whether an expression establishes the narrative's current day (day precision, resolved)."""
    return expr.span.precision is DatePrecision.DAY and expr.span.start is not None and expr.kind != "ref"


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
