"""Actor normalisation through the actor dictionary and the country list (no model needed)."""

from __future__ import annotations

import pytest

from tocsin.extract.actors import actor_dictionary


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Azerbaijani armed forces", "Military Forces of Azerbaijan", "AZE", "MIL"),
        ("a dozen Azerbaijani soldiers", "Military Forces of Azerbaijan", "AZE", "MIL"),
        ("Baku", "Government of Azerbaijan", "AZE", "GOV"),
        ("Yerevan", "Government of Armenia", "ARM", "GOV"),
        ("the Kremlin", "Kremlin", "RUS", "GOV"),
        ("three Artsakh police officers", "Police Forces of Artsakh", "AZE", "COP"),
        ("the Red Cross", "International Committee of the Red Cross", "NGO", "NGO"),
        ("the CSTO", "Collective Security Treaty Organization", "IGO", "MIL"),
        ("the UN Security Council", "UN Security Council", "UNO", "GOV"),
        ("Ukrainian civilians", "Civilians (Ukraine)", "UKR", "CVL"),
        # a word of an organisation's own name says nothing of its sector; an organ named does
        ("the Islamic State extremist group", "Islamic State", "IGO", "REB"),
        ("Hamas police", "Hamas", "PSE", "COP"),
        # an abbreviation in brackets after the name repeats it (not "Republic of Korea": the south)
        ("Democratic People's Republic of Korea (DPRK)", "North Korea", "PRK", None),
        # a country of two parts has a demonym for each; a short form without the article
        ("Bosnian police", "Police Forces of Bosnia and Herzegovina", "BIH", "COP"),
        ("Herzegovinian", "Bosnia and Herzegovina", "BIH", None),
        ("Netherlands", "The Netherlands", "NLD", None),
        # "Democratic Republic of Congo" (news' and ACLED's spelling) is not the Republic of Congo
        (
            "Democratic Republic of Congo soldiers",
            "Military Forces of Democratic Republic of the Congo",
            "COD",
            "MIL",
        ),
        ("Republic of Congo police", "Police Forces of Republic of the Congo", "COG", "COP"),
        # ISWAP split from Boko Haram in 2016: two groups, not two names of one
        ("ISWAP fighters", "Islamic State West Africa Province", "NGA", "REB"),
        ("Boko Haram militants", "Boko Haram", "NGA", "REB"),
        # an Arabic article joined by a hyphen is written small in a name
        ("al-Qaeda", "Al-Qaeda", "IGO", "REB"),
        ("al-Shabab militants", "Al-Shabaab", "SOM", "REB"),
        # a possessive inside a name is the name's own word, no sector ("People's": no civilians)
        ("the Lugansk People's Republic", "Government of Luhansk People's Republic", "UKR", "GOV"),
        ("presumed IS Sahel militants", "Islamic State Sahel Province", "MLI", "REB"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "PAK", "REB"),
    ],
)
def test_normalise(text: str, name: str, country: str, sector: str) -> None:
    actor = actor_dictionary().normalise(text)
    assert (actor.text, actor.name, actor.country, actor.sector) == (text, name, country, sector)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # a word of the head before "of" sets the sector before one after it: a family is no police
        ("family members of police officers", "CVL"),
        ("widows of soldiers", "CVL"),
        ("mothers of detained rebels", "CVL"),
        ("members of the army", "MIL"),
        ("police officers", "COP"),
        # a hyphen between words is a space: the vice-president is a president's kind; a title
        # written short before a name sets the sector as written
        ("Vice-President Moody Awori", "GOV"),
        ("Sen. Rand Paul", "LEG"),
        ("Republican Gov. Rick Perry", "GOV"),
        ("Lt. Gen. Prosper Avril", "MIL"),
        ("the Rev. Al Sharpton", "REL"),
        ("Cairo's security chief", "COP"),
        ("a federal grand jury", "JUD"),
        ("an ex-soldier", "CVL"),
    ],
)
def test_the_head_of_a_phrase_sets_its_sector(text: str, sector: str) -> None:
    assert actor_dictionary().normalise(text).sector == sector


def test_disputed_entity_keeps_its_nominal_state() -> None:
    actor = actor_dictionary().normalise("Artsakh authorities")
    assert actor.entity == "Artsakh"
    assert actor.country == "AZE"


def test_unknown_actor_is_kept_with_a_sector_guess() -> None:
    actor = actor_dictionary().normalise("unidentified gunmen")
    assert actor.name == "unidentified gunmen"
    assert actor.country is None
    assert actor.sector == "UAF"


def test_organisations_are_not_places() -> None:
    d = actor_dictionary()
    assert d.is_organisation("Red Cross")
    assert not d.is_organisation("Azerbaijan")


@pytest.mark.parametrize("word", ["and", "can", "arm", "per", "ben", "male", "chad"])
def test_lower_case_words_never_name_a_state(word: str) -> None:
    actor = actor_dictionary().normalise(word)
    assert actor.country is None, actor


def test_country_codes_count_only_in_capitals() -> None:
    assert actor_dictionary().normalise("AND").country == "AND"
    assert actor_dictionary().normalise("the and").country is None


def test_a_shared_demonym_names_the_most_populous_state() -> None:
    assert actor_dictionary().normalise("American forces").name == "Military Forces of United States"
    assert actor_dictionary().normalise("Dominican police").country == "DOM"


def test_a_state_name_as_a_first_name_is_a_person() -> None:
    assert actor_dictionary().normalise("Chad Hull").country is None
    assert actor_dictionary().normalise("Jordan Peterson").country is None
    assert actor_dictionary().normalise("Chad army").country == "TCD"
    # a word not written as a given name is no first name
    assert actor_dictionary().normalise("NATO-member Norway").country == "NOR"


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("Pakistan", True),  # a state
        ("NATO", True),  # an organisation the dictionary knows
        ("the mayor", True),
        ("Ukrainian soldiers", True),
        ("supporters of the opposition", True),  # acting for the body they are of
        ("people", False),
        ("office workers", False),
        ("the company", False),
        ("Nigerian newspapers", False),
        ("Doudna", False),  # a person named without a role
        ("Mr Fernandes", False),
    ],
)
def test_public_actors_are_states_organs_and_organisations(text: str, public: bool) -> None:
    known = actor_dictionary()
    assert known.public(known.normalise(text)) is public
