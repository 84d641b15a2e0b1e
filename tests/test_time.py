"""Date resolution against the publication date and the narrative (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.models import DateMethod, DatePrecision
from tocsin.time import find_dates

PUB = date(2023, 3, 29)  # a Wednesday


def values(text: str, published: date | None = PUB, anchor: date | None = None) -> list[str | None]:
    return [e.value for e in find_dates(text, published=published, anchor=anchor)]


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
        # an anniversary is one date, not "ten years ago" and "today"
        ("Ten years ago today, gunmen attacked the mall", ["2013-03-29"]),
        ("two years ago this week", ["2021-W13"]),
        ("a year ago this month", ["2022-03"]),
        ("ten years ago", ["2013"]),
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
    assert values("Hours later, the town fell", anchor=anchor) == ["2023-03-25"]
    assert values("the day before", anchor=anchor) == ["2023-03-24"]
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


def test_since_looks_back_even_when_the_month_is_nearer_ahead() -> None:
    sept = date(2023, 9, 19)
    assert values("the first passage since December, when", published=sept) == ["2022-12"]
    assert values("talks in December", published=sept) == ["2023-12"]  # nearest month


def test_month_day_without_year_takes_the_nearest_year() -> None:
    nov = date(1989, 11, 2)
    assert values("the offer expires Nov. 21", published=nov) == ["1989-11-21"]
    assert values("it opened on Dec. 12", published=date(2023, 3, 29)) == ["2022-12-12"]


def test_quarters_seasons_decades_and_references() -> None:
    nov = date(1989, 11, 2)
    assert values("third-quarter profit", published=nov) == ["1989-Q3"]
    assert values("in the fourth quarter of 1988", published=nov) == ["1988-Q4"]
    assert values("this summer", published=date(1998, 2, 5)) == ["1998-SU"]
    assert values("during the 1980s") == ["198X"]
    assert values("prices are now higher") == ["PRESENT_REF"]
    assert values("tensions have risen recently") == ["PAST_REF"]


def test_ranges_join_into_one_expression() -> None:
    (e,) = find_dates("fighting between March 3 and March 5 killed", published=PUB)
    assert (e.value, e.end_value, e.span.start, e.span.end) == (
        "2023-03-03",
        "2023-03-05",
        date(2023, 3, 3),
        date(2023, 3, 5),
    )
    (since,) = find_dates("closed since December 12, 2022.", published=PUB)
    assert since.kind == "since" and since.span.end is None


def test_document_clock_anchors_and_ignores_flashbacks() -> None:
    from tocsin.narrative import DocumentClock

    clock = DocumentClock(PUB)
    clock.read("On March 27, troops fired on civilians.")
    clock.read("They had previously fired on March 15.")  # a flashback: the narrative stays put
    (same,) = clock.read("That same day, forces advanced.")
    assert same.value == "2023-03-27"


def test_year_ago_inherits_the_quarter_being_discussed() -> None:
    from tocsin.narrative import DocumentClock

    clock = DocumentClock(date(1989, 11, 2))
    clock.read("Net income rose in the third quarter.")
    (ago,) = clock.read("It was $5 million a year earlier.")
    assert ago.value == "1988-Q3"
    fresh = DocumentClock(date(1989, 11, 2))
    (plain,) = fresh.read("The war ended a year ago.")
    assert plain.value == "1988"


def test_a_month_and_day_told_in_the_past_is_not_months_ahead() -> None:
    december = date(2022, 12, 20)
    assert values("On March 8, gunmen attacked a police station.", published=december) == ["2022-03-08"]
    # A few weeks ahead, even in a past-tense sentence, is upcoming ("notes were priced, due Jan. 15").
    assert values("The notes were priced to mature Jan. 15.", published=december) == ["2023-01-15"]


def test_a_background_day_long_before_does_not_move_the_narrative() -> None:
    from tocsin.narrative import DocumentClock

    clock = DocumentClock(date(2022, 2, 10))
    clock.read("Separatists shelled the village of Pisky on Tuesday.")
    assert clock.anchor is not None and clock.anchor.start == date(2022, 2, 8)
    clock.read("Flight MH17 was shot down over the region on July 17, 2014.")
    assert clock.anchor.start == date(2022, 2, 8)
    later = clock.read("Later that day, the separatists attacked a checkpoint.")
    assert [e.value for e in later] == ["2022-02-08"]
    clock.read("On February 1, talks were held in Minsk.")  # a week back is narrative, not a flashback
    assert clock.anchor.start == date(2022, 2, 1)


def test_a_day_still_to_come_does_not_move_the_narrative() -> None:
    """ "The case was postponed to October 23" in a September story: what the next sentences
    tell in the past happened before it, not on October 23."""
    from tocsin.narrative import DocumentClock

    clock = DocumentClock(date(2013, 9, 16))
    clock.read("Three men appeared in court on Monday.")
    monday = clock.anchor
    assert monday is not None and monday.start == date(2013, 9, 16)
    clock.read("The matter was postponed to October 23 for investigation.")
    assert clock.anchor == monday
    clock.read("On September 14 the men attacked a policeman.")
    assert clock.anchor is not None and clock.anchor.start == date(2013, 9, 14)


def test_an_anniversary_of_a_leap_day_falls_on_the_last_day_of_february() -> None:
    assert values("one year ago today", published=date(2024, 2, 29)) == ["2023-02-28"]
