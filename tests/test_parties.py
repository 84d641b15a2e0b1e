"""Who can be a party to an event: people, groups of them, organisations, states; not what an act is
done to or for (a road, a lane, justice), and a count of people is the people."""

from __future__ import annotations

from typing import Any

from tests.conftest import code_text
from tocsin.extract.parties import party_compounds, thing_nouns


def _parties(events: list[dict[str, Any]], event: str, side: str) -> list[str]:
    found = next(e for e in events if e["event"] == event)
    return [p["text"] for p in found[side]]


def test_a_road_blocked_or_justice_demanded_is_no_party(pipeline: Any) -> None:
    text = "On 3 February 2022, teachers blocked the Pachuca highway to protest against the lack of pay."
    assert _parties(code_text(pipeline, text), "PROTEST", "recipient") == []
    text = "Families of the arrested blocked a lane of the highway to demand the release of the arrested."
    assert _parties(code_text(pipeline, text), "PROTEST", "recipient") == []
    text = "Women and activists protested in Cumana to demand gender equality and respect for women's rights."
    assert all(not e["recipient"] for e in code_text(pipeline, text))
    # people no sector word names stay parties: WordNet's first sense of each is a person
    text = "Gunmen killed a merchant and abducted his son in Gargada."
    assert _parties(code_text(pipeline, text), "ASSAULT", "recipient") == ["merchant", "his son"]


def test_a_count_of_people_is_the_people(pipeline: Any) -> None:
    text = "Dozens of students at Poolesville High School walked out of school to protest."
    (protest,) = [e for e in code_text(pipeline, text) if e["event"] == "PROTEST"]
    assert [a["name"] for a in protest["actor"]] == ["Protesters (United States)"]
    text = "On 30 June 2022, in Belem (Para), about 20 civil servants carried out a protest."
    assert [a["name"] for a in next(e for e in code_text(pipeline, text))["actor"]] == ["civil servants"]


def test_nouns_of_things_are_those_whose_first_sense_is_no_person_or_group() -> None:
    nouns = thing_nouns()
    # a road, access, justice (first a quality), a house (first a building), a lack
    assert {"road", "lane", "access", "justice", "house", "lack", "highway"} <= nouns
    assert not {"son", "merchant", "staff", "convoy", "villager", "person", "crowd"} & nouns
    # named for its doer with a person sense: WordNet lists "founder" first as a disease of horses
    assert not {"founder", "shooter"} & nouns
    assert {"secret service", "civil servant"} <= party_compounds()


def test_a_compound_of_people_is_a_party_whatever_its_head(pipeline: Any) -> None:
    text = "Ghani has publicly blamed Pakistan and its secret service for using the Taliban."
    assert _parties(code_text(pipeline, text), "ACCUSE", "recipient") == ["Pakistan", "its secret service"]


def test_what_a_protest_is_against_before_where_it_is_held(pipeline: Any) -> None:
    text = "On 22 February 2022, cleaning employees protested at the Zocalo against the General Director."
    assert _parties(code_text(pipeline, text), "PROTEST", "recipient") == ["General Director"]


def test_a_thing_of_a_named_party_is_no_party_behind_an_object(pipeline: Any) -> None:
    # "the GOP nomination" is no one the rival for it stands for; a nation's thing stands for the
    # nation, as PLOVER codes it ("Russian aircraft killed 46 civilians": Russia's)
    text = "In 2009 Sen. Doherty supported Christie's primary rival for the GOP nomination for governor."
    assert _parties(code_text(pipeline, text), "SUPPORT", "recipient") == ["Christie's primary rival"]
    text = "Russian aircraft killed 46 Afghan civilians in an attack on a village in Herat."
    assert _parties(code_text(pipeline, text), "ASSAULT", "actor") == ["Russian aircraft"]


def test_giving_supporting_or_allowing_is_done_by_parties(pipeline: Any) -> None:
    # a thing that "provides" or "supports" is the words' everyday sense, no act of a party
    for text in ("A piece of paint-friendly tape provides stability.",
                 "The grants support programs aimed at digital literacy.",
                 "Weak wage growth supports the view that the economy is weak."):  # fmt: skip
        assert code_text(pipeline, text) == [], text
    (aid,) = code_text(pipeline, "The EU provided 5 million euros in aid to Sudan.")
    assert aid["event"] == "AID" and [a["name"] for a in aid["actor"]] == ["European Union"]
    (allow,) = code_text(pipeline, "The agreement allows refugees to return home.")
    assert allow["event"] == "CONCEDE"


def test_a_body_of_people_named_first_in_another_sense_is_a_party(pipeline: Any) -> None:
    # WordNet lists "alliance" first as a state and "side" as a place; news means the group
    (support,) = code_text(pipeline, "The alliance did not support Armenia in the war.")
    assert [a["text"] for a in support["actor"]] == ["alliance"]
    text = "The Turkish and Greek sides agreed to share information on missing people."
    (agree,) = [e for e in code_text(pipeline, text) if e["event"] == "AGREE"]
    assert [a["text"] for a in agree["actor"]] == ["Turkish and Greek sides"]


def test_a_crowd_that_protested_read_as_a_participle_did_it(pipeline: Any) -> None:
    # the parser hangs "protested" on "Hundreds" as a participle; no one is demonstrated
    text = "Hundreds of nurses protested in front of the hospital to demand greater access to vaccines."
    (protest,) = [e for e in code_text(pipeline, text) if e["event"] == "PROTEST"]
    assert [a["text"] for a in protest["actor"]] == ["nurses"] and not protest["background"]
    # a protested decision keeps its agent, and a participle of harm its victim
    (killed,) = code_text(pipeline, "A man killed by police was buried on Monday.")
    assert [r["text"] for r in killed["recipient"]] == ["man"] and killed["background"]


def test_a_verb_the_parser_hung_as_an_object_is_no_party(pipeline: Any) -> None:
    # "breaks" parsed as the object of "fighting": a verb names no one
    text = "Casualties as fighting breaks out in Ukraine port city of Mariupol"
    assert _parties(code_text(pipeline, text), "ASSAULT", "recipient") == []
    # a noun tagged a verb keeps a noun's modifiers and stays a party
    text = "The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq."
    assert _parties(code_text(pipeline, text), "CONSULT", "recipient") == ["hostage-takers demands"]


def test_a_gunbattle_is_the_act_not_its_doer_and_a_skirmish_of_words_is_none(pipeline: Any) -> None:
    (e,) = code_text(pipeline, "Gunbattle in eastern Ukraine kills four: separatist leader", "2014-04-20")
    assert e["actor"] == [] and e["mode"] == "firearms" and e["dead"] == 4
    (s,) = code_text(pipeline, "Rebels skirmished with troops near Donetsk on Monday.", "2014-04-20")
    assert s["event"] == "ASSAULT" and _parties([s], "ASSAULT", "actor") == ["Rebels"]
    assert code_text(pipeline, "The two candidates skirmished over taxes in the debate.") == []


def test_one_group_named_in_the_plural_between_is_on_both_sides(pipeline: Any) -> None:
    text = "A shoot-out between rival drug trafficking groups took place in front of a hotel in Teresina."
    (e,) = code_text(pipeline, text)
    assert [p["sector"] for p in e["actor"]] == ["CRM"] and [p["sector"] for p in e["recipient"]] == ["CRM"]
    # one side named in the singular is no pair: it stays where the parser put it
    (o,) = code_text(pipeline, "A shoot-out between a drug trafficker and police took place in Teresina.")
    assert [p["sector"] for p in o["actor"]] == ["CRM"] and [p["sector"] for p in o["recipient"]] == ["COP"]


def test_a_list_of_participles_shares_its_agent_and_a_person_burnt_is_harmed(pipeline: Any) -> None:
    # the parser hangs "stabbed" on "beaten" as an adverbial clause; the agent is on "killed"
    text = "A suspected rapist was beaten up, stabbed, and killed by residents of the neighborhood."
    (e,) = code_text(pipeline, text)
    assert _parties([e], "ASSAULT", "actor") == ["residents"] and e["acled_sub_event_type"] == "Mob violence"
    (b,) = code_text(pipeline, "A man was burnt to death by a mob.")
    assert _parties([b], "ASSAULT", "actor") == ["mob"] and b["dead"] == 1
    assert code_text(pipeline, "The cake was burnt to a crisp.") == []
