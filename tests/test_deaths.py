"""Deaths told without a verb of killing: of wounds, in violence, as a death toll."""

from __future__ import annotations

from typing import Any

from tests.conftest import code_text


def _violent(pipeline: Any, text: str) -> list[dict[str, Any]]:
    return [e for e in code_text(pipeline, text, "2014-05-03") if e["event"] == "ASSAULT"]


def _names(parties: list[dict[str, Any]]) -> list[str]:
    return [p["text"] for p in parties]


def test_one_who_dies_of_wounds_is_the_victim_of_force_not_its_doer(pipeline: Any) -> None:
    (e,) = _violent(pipeline, "A protester died of his wounds in hospital on Tuesday.")
    assert e["actor"] == [] and _names(e["recipient"]) == ["protester"] and e["dead"] == 1
    # a headline, where the tagger reads "dies" as the plural of "die"
    (h,) = _violent(pipeline, "One more Ukrainian protester dies of wounds in hospital: official")
    assert h["actor"] == [] and h["dead"] == 1
    assert [r["sector"] for r in h["recipient"]] == ["PRO"]
    (s,) = _violent(pipeline, "Two soldiers succumbed to their injuries.")
    assert s["actor"] == [] and s["dead"] == 2


def test_deaths_of_illness_or_of_an_accident_are_no_act_of_force(pipeline: Any) -> None:
    assert _violent(pipeline, "He died of cancer.") == []
    # the wounds came from a crash: the accident screen reads what they were sustained in
    assert _violent(pipeline, "She died from injuries sustained in a car crash.") == []
    assert _violent(pipeline, "She died of injuries she suffered in the crash.") == []


def test_wounds_sustained_in_an_attack_make_one_event_with_the_death(pipeline: Any) -> None:
    (e,) = _violent(pipeline, "A soldier died of wounds sustained in a mortar attack.")
    assert e["dead"] == 1 and e["acled_sub_event_type"] == "Shelling/artillery/missile attack"


def test_violence_people_died_in_or_a_death_toll_is_from_is_an_event(pipeline: Any) -> None:
    (e,) = _violent(pipeline, "Death toll from Odessa violence rises to 3: police")
    assert e["dead"] == 3 and e["location"]["name"] == "Odessa"
    (u,) = _violent(pipeline, "Three people died in the unrest.")
    assert u["dead"] == 3
    # the subject nearest the verb, where the parser gave "died" two
    (c,) = _violent(
        pipeline, "The minister added that post-godhra, 668 persons had died in communal violence."
    )
    assert c["dead"] == 668


def test_violence_that_erupts_or_is_deadly_is_an_event(pipeline: Any) -> None:
    (e,) = _violent(pipeline, "Violence and looting erupted in Odessa on Monday.")
    assert e["location"]["name"] == "Odessa"
    # a headline's verb the parser took for a plural noun: "violence flares" is not a kind of flare
    (h,) = _violent(pipeline, "Ukraine violence flares as Putin visits Crimea")
    assert h["location"]["name"] == "Ukraine"
    assert len(_violent(pipeline, "Three days of deadly unrest in Ukraine")) == 1
    assert len(_violent(pipeline, "Three days of bloody violence in Ukraine")) == 1
    # the violence is what was looked into, not what erupted
    assert _violent(pipeline, "Police intensified their investigation into the violence.") == []
    assert _violent(pipeline, "Domestic violence flares during the holidays, charities say.") == []


def test_violence_as_a_social_problem_is_no_event(pipeline: Any) -> None:
    assert _violent(pipeline, "Violence against women is rising.") == []
    assert _violent(pipeline, "Deaths from domestic violence rose in 2020.") == []
    assert _violent(pipeline, "Three people died in gun violence in Chicago.") == []
