"""Event extraction behaviours on short texts (slow: loads the model)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import code_text

pytestmark = pytest.mark.slow


def _only(events: list[dict[str, Any]], event: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == event]


def test_passive_voice_roles_and_casualties(pipeline: Any) -> None:
    events = code_text(
        pipeline,
        "On March 8, three police officers were killed in an ambush by a dozen Azerbaijani soldiers.",
    )
    (e,) = _only(events, "ASSAULT")
    assert e["dead"] == 3
    assert e["date"] == "2023-03-08"
    assert [a["name"] for a in e["actor"]] == ["Military Forces of Azerbaijan"]
    assert e["recipient"][0]["sector"] == "COP"
    assert e["acled_event_type"] == "Violence against civilians"


def test_accusation_is_a_statement_and_the_act_is_claimed(pipeline: Any) -> None:
    events = code_text(
        pipeline, "On March 27, Armenian authorities accused Azerbaijani forces of firing at civilians."
    )
    (accuse,) = _only(events, "ACCUSE")
    (act,) = _only(events, "ASSAULT")
    assert accuse["factuality"] == "asserted"
    assert act["factuality"] == "claimed"
    assert [a["country"] for a in act["claimed_by"]] == ["ARM"]
    assert act["actor"][0]["country"] == "AZE"
    assert act["id"] in accuse["related"] and accuse["id"] in act["related"]


def test_false_accusation_is_denied_by_the_speaker(pipeline: Any) -> None:
    events = code_text(
        pipeline,
        "Armenian officials said that Azerbaijan falsely accuses Armenia of shelling the border.",
    )
    (reject,) = _only(events, "REJECT")
    assert reject["actor"][0]["country"] == "ARM"
    assert reject["recipient"][0]["country"] == "AZE"
    (accuse,) = _only(events, "ACCUSE")
    assert [a["country"] for a in accuse["denied_by"]] == ["ARM"]


def test_negated_and_future_events(pipeline: Any) -> None:
    neg = code_text(pipeline, "The alliance did not support Armenia in the war.")
    assert [e["factuality"] for e in _only(neg, "SUPPORT")] == ["negated"]
    fut = code_text(pipeline, "Many observers believe there will be an offensive by Azerbaijan.")
    assert [e["factuality"] for e in _only(fut, "ASSAULT")] == ["future"]


def test_one_sentence_three_dates_three_events(pipeline: Any) -> None:
    events = code_text(pipeline, "Troops fired on civilians on March 15, March 19 and March 22.")
    assert sorted(e["date"] for e in _only(events, "ASSAULT")) == ["2023-03-15", "2023-03-19", "2023-03-22"]


def test_narrative_anchor_and_a_day_after(pipeline: Any) -> None:
    events = code_text(
        pipeline,
        "Azerbaijan launched an offensive on Tuesday.\n\n"
        "The offensive came a day after the Red Cross delivered humanitarian aid to the region.",
        published="2023-09-19",
    )
    (aid,) = _only(events, "AID")
    assert aid["date"] == "2023-09-18"
    assert {e["date"] for e in _only(events, "ASSAULT")} == {"2023-09-19"}


def test_no_event_from_plain_description(pipeline: Any) -> None:
    events = code_text(pipeline, "The road is mountainous and difficult to travel along.")
    assert events == []


def test_two_incidents_in_one_sentence_stay_two_events(pipeline: Any) -> None:
    events = code_text(
        pipeline,
        "Officials say two civilians died when their truck struck a mine, and four police officers"
        " died when their vehicle struck another mine.",
        published="2023-09-19",
    )
    mines = sorted(_only(events, "ASSAULT"), key=lambda e: e["dead"] or 0)
    assert [e["dead"] for e in mines] == [2, 4]
    assert all(e["mode"] == "explosives" and e["actor"] == [] for e in mines)
    assert [e["recipient"][0]["sector"] for e in mines] == ["CVL", "COP"]
    assert all(e["factuality"] == "claimed" for e in mines)
