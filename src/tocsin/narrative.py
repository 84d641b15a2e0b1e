"""The narrative clock: the day a document's sentences have established, read in order.

"That same day", "the next day", "two days later" resolve against it; flashbacks, background days
long before it and lists of dates do not move it. Shared by extraction and ``tocsin dates``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tocsin.models import DateMethod, DatePrecision, DateSpan
from tocsin.time import FLASHBACK_DAYS, PERIOD, YEAR_AGO, TimeExpression, find_dates, is_anchor, month_end


class DocumentClock:
    """Reads a document's sentences in order, keeping the day the narrative has established.

    A sentence with exactly one day-precision date moves the narrative to that day, unless it is
    a flashback ("previously"), a day still to come, or lists several dates; "That same day" then
    resolves against it.
    """

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.anchor: DateSpan | None = None
        #: The quarter the last sentences spoke of ("the third quarter"), for "a year earlier".
        self.quarter: DateSpan | None = None
        self._quarter_age = 0

    def read(self, sentence: str, offset: int = 0) -> list[TimeExpression]:
        """Expressions of one sentence, with offsets shifted by ``offset``."""
        anchor_day = self.anchor.start if self.anchor else None
        exprs = find_dates(sentence, published=self.published, anchor=anchor_day)
        quarters = [e for e in exprs if e.kind == "quarter" and e.span.start is not None]
        if quarters:
            self.quarter, self._quarter_age = quarters[-1].span, 0
        else:
            self._quarter_age += 1
        if self.quarter is not None and (self._quarter_age <= 1 or PERIOD.search(sentence)):
            exprs = [self._year_ago_quarter(e) for e in exprs]
        days = [e for e in exprs if is_anchor(e)]
        if (
            len(days) == 1
            and "previously" not in sentence.lower()
            and not self._flashback(days[0].span)
            and not self._ahead(days[0].span)
        ):
            self.anchor = days[0].span
        if offset:
            exprs = [replace(e, start=e.start + offset, end=e.end + offset) for e in exprs]
        return exprs

    def _flashback(self, span: DateSpan) -> bool:
        """A day long before the narrative's (a background mention: "MH17 was shot down on July 17"
        in a story of this week's shelling) is told in passing and does not move the narrative."""
        current = self.anchor.start if self.anchor else self.published
        if current is None or span.start is None:
            return False
        return span.start < current - timedelta(days=FLASHBACK_DAYS)

    def _ahead(self, span: DateSpan) -> bool:
        """A day after publication ("the case was postponed to October 23") is what is due, not
        where the story is: what is told after it in the past tense happened before it."""
        return (
            self.published is not None
            and span.start is not None
            and span.start > self.published + timedelta(days=1)
        )

    def _year_ago_quarter(self, e: TimeExpression) -> TimeExpression:
        """In talk of a quarter, "a year earlier" is that quarter a year before, not the year."""
        if self.quarter is None or self.quarter.start is None or not YEAR_AGO.fullmatch(e.text.lower()):
            return e
        q_start = self.quarter.start.replace(year=self.quarter.start.year - 1)
        q_end = month_end(q_start.year, q_start.month + 2)
        span = DateSpan(q_start, q_end, DatePrecision.MONTH, DateMethod.NARRATIVE, e.text)
        return replace(e, span=span, value=f"{q_start.year}-Q{(q_start.month - 1) // 3 + 1}")
