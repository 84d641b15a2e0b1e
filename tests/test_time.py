"""Date resolution against the publication date and the narrative (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.models import DateMethod, DatePrecision
from tocsin.time import find_dates, iso_value

PUB = date(2023, 3, 29)  # a Wednesday


def values(text: str, published: date | None = PUB, anchor: date | None = None) -> list[str | None]:
    return [iso_value(e.span) for e in find_dates(text, published=published, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 27, authorities said", ["2023-03-27"]),
        ("since December 12, 2022.", ["2022-12-12"]),
        ("the blockade that started on December 12", ["2022-12-12"]),  # most recent past
        ("on 20 June 2022 troops", ["2022-06-20"]),
        ("on March 15, March 19 and March 22", ["2023-03-15", "2023-03-19", "2023-03-22"]),
        ("a mission in January", ["2023-01"]),
        ("yesterday", ["2023-03-28"]),
        ("this week", ["2023-W13"]),
        ("last month", ["2023-02"]),
        ("In 1915 the", ["1915"]),
        ("2022-06-08", ["2022-06-08"]),
    ],
)
def test_explicit_and_relative_dates(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_weekday_on_publication_day_is_that_day() -> None:
    # Published on a Tuesday: "on Tuesday" is that very day, not a week earlier.
    assert values("launched an offensive on Tuesday", published=date(2023, 9, 19)) == ["2023-09-19"]
    assert values("last Tuesday", published=date(2023, 9, 19)) == ["2023-09-12"]
    assert values("on Monday", published=date(2023, 9, 19)) == ["2023-09-18"]


def test_narrative_expressions_use_the_anchor_not_publication() -> None:
    anchor = date(2023, 3, 25)
    assert values("That same day, the mission", anchor=anchor) == ["2023-03-25"]
    assert values("the next day", anchor=anchor) == ["2023-03-26"]
    assert values("two days later", anchor=anchor) == ["2023-03-27"]
    (expr,) = find_dates("That same day", published=PUB, anchor=anchor)
    assert expr.span.method is DateMethod.NARRATIVE


def test_no_publication_date_leaves_relative_dates_unresolved() -> None:
    (expr,) = find_dates("on Tuesday", published=None)
    assert expr.span.start is None
    assert expr.span.precision is DatePrecision.UNKNOWN
    # Explicit dates with a year still resolve.
    assert values("on 20 June 2022", published=None) == ["2022-06-20"]


def test_modal_may_is_not_a_month() -> None:
    assert values("Forces may attack the town") == []
