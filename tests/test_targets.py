"""Whom a demand or an inquiry is aimed at (PLOVER's target), when it is not the verb's object."""

from __future__ import annotations

from typing import Any

from tests.conftest import code_text


def _recipients(pipeline: Any, text: str, event: str) -> list[str]:
    (e,) = [e for e in code_text(pipeline, text) if e["event"] == event and not e["background"]]
    return [r["text"] for r in e["recipient"]]


def test_whom_a_demand_is_made_of(pipeline: Any) -> None:
    # "from" on what is demanded; who is to do it ("an admission by Moscow"); what is called for is
    # against a party ("sanctions against Nigeria")
    text = "The Albanians of southern Serbia are demanding political autonomy from Serbian authorities."
    assert _recipients(pipeline, text, "REQUEST") == ["Serbian authorities"]
    text = "Poland's parliament has demanded an immediate admission by Moscow that its forces killed them."
    assert _recipients(pipeline, text, "REQUEST") == ["Moscow"]
    text = "Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria."
    assert _recipients(pipeline, text, "REQUEST") == ["Nigeria"]
    # a thing demanded from no one named has no target
    assert _recipients(pipeline, "The union demanded higher wages on Monday.", "REQUEST") == []


def test_whom_an_inquiry_is_aimed_at(pipeline: Any) -> None:
    # "against" hung on the verb whose object the inquiry is; the doer of the wrong inquired into
    text = "Judge Alejandro Rivera opened fraud investigations against 28 Chilean government officials."
    assert _recipients(pipeline, text, "ACCUSE") == ["28 Chilean government officials"]
    text = "Serbian military police launched an investigation into alleged crimes committed by Croat forces."
    assert _recipients(pipeline, text, "ACCUSE") == ["Croat forces"]


def test_an_act_opposed_or_condemned_stands_for_its_doer(pipeline: Any) -> None:
    # "is opposed to": who is opposed opposes (no passive); the act opposed is its doer's
    (e,) = [
        e
        for e in code_text(
            pipeline, "Israel is opposed to French mediation in peace negotiations with Syria."
        )
        if e["event"] == "REJECT"
    ]
    assert [a["text"] for a in e["actor"]] == ["Israel"]
    assert [r["country"] for r in e["recipient"]] == ["FRA"]
    assert _recipients(pipeline, "The UN condemned the Israeli strikes on Gaza.", "ACCUSE") == ["Israeli"]
    # a plan opposed by someone is still done to the plan's side by the agent
    (plan,) = [
        e
        for e in code_text(pipeline, "The plan was opposed by the opposition parties.")
        if e["event"] == "REJECT"
    ]
    assert [a["text"] for a in plan["actor"]] == ["opposition parties"]


def test_strikes_on_a_place_are_attacks_a_strike_on_monday_a_walkout(pipeline: Any) -> None:
    condemned = code_text(pipeline, "The UN condemned the Israeli strikes on Gaza.")
    assert [(e["event"], e["mode"]) for e in condemned if e["event"] != "ACCUSE"] == [("ASSAULT", "aerial")]
    walkout = code_text(pipeline, "The teachers' strike on Monday closed schools.")
    assert [e["event"] for e in walkout] == ["PROTEST"]
