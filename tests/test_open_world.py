"""What a feed brings besides conflict: fiction, sport, software, business, disasters and crime
stories, each beside the sense of the same words that stays (slow: loads the model)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import code_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in code_text(pipeline, text, "2023-05-02") if e["event"] == kind and not e["background"]]


def _assaults_at_all(pipeline: Any, text: str) -> list[dict[str, Any]]:
    """Attacks coded from the text, those kept as background too."""
    return [e for e in code_text(pipeline, text) if e["event"] == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Critics said the movie, in which the hero battles an alien army invading New York, was fun.",
        "The lead actor, who plays a soldier fighting rebels in the desert, said he was exhausted.",
        "Two armies fought a fictional war over the island.",
        "The film's explosive finale was shot in Morocco last spring.",
        # what a work's verb of telling has it do
        "The film opens with a bomb exploding in a crowded market, killing dozens.",
        "The novel follows a soldier who kills his commander in Kabul.",
    ],
)
def test_what_a_film_tells_or_an_actor_plays_is_fiction(pipeline: Any, text: str) -> None:
    # Not even kept as background (as a habit told in the present would be): nothing happened.
    assert _assaults_at_all(pipeline, text) == []


def test_acts_beside_a_film_or_a_part_that_are_real_stay(pipeline: Any) -> None:
    for text in (
        "The soldier who fought rebels in the north was shot dead in Gao on Monday.",
        "Kurdish forces played a key role fighting Islamic State in Raqqa last year.",
        "Two armies fought a bloody war over the island in 1990.",
        "Gunmen shot a film crew in Juba on Monday.",
        "The documentary shows soldiers shooting protesters in Yangon in 2021.",
    ):
        assert _assaults_at_all(pipeline, text), text
    # a report that tells of a killing did not do it
    (told,) = _assaults_at_all(
        pipeline, "The report opens with the killing of 12 villagers in Tillaberi on Monday."
    )
    assert (told["dead"], told["actor"]) == (12, [])


def test_a_series_of_attacks_that_killed_is_no_series_killed(pipeline: Any) -> None:
    text = (
        "On November 13, a series of coordinated attacks at several locations in the French capital "
        "killed at least 130 people and injured over 360."
    )
    assert 130 in [e["dead"] for e in _events(pipeline, text, "ASSAULT")]


def test_fans_fighting_are_a_mob_not_a_battle(pipeline: Any) -> None:
    fans = "Fans clashed with stewards outside the stadium after the match in Leeds on Sunday."
    assert {e["acled_event_type"] for e in _events(pipeline, fans, "ASSAULT")} == {"Riots"}


def test_no_arrests_and_no_one_arrested_are_no_arrest(pipeline: Any) -> None:
    for text in ("Police said no arrests were made after the clash.", "Police said no one was arrested."):
        arrests = [e for e in code_text(pipeline, text) if e["event"] == "COERCE"]
        assert arrests and {e["factuality"] for e in arrests} == {"negated"}, text
    made = [e for e in code_text(pipeline, "Police arrested two men in Kano.") if e["event"] == "COERCE"]
    assert [e["factuality"] for e in made] == ["asserted"]


def test_an_attack_by_hackers_is_none_and_a_thing_killed_has_no_toll(pipeline: Any) -> None:
    hack = "The attack, blamed on a ransomware group, forced the hospital to divert ambulances."
    assert _events(pipeline, hack, "ASSAULT") == []
    armed = "The attack, blamed on a militant group, killed two soldiers near Gao."
    assert _events(pipeline, armed, "ASSAULT")
    # The count of a killing that is no violence goes to no attack told before it.
    story = "Militants attacked a checkpoint near Gao on Monday. Later, Google killed its messaging app."
    assert [e["dead"] for e in _events(pipeline, story, "ASSAULT")] == [None]


def test_rescuers_deployed_are_no_mobilisation_but_troops_are(pipeline: Any) -> None:
    rescue = "Rescue teams were deployed to search for people trapped in their homes after the flood."
    assert _events(pipeline, rescue, "MOBILIZE") == []
    troops = "Troops were deployed to the border town of Gao on Monday."
    assert _events(pipeline, troops, "MOBILIZE")


@pytest.mark.parametrize(
    "text",
    [
        "Demand for oil rose 3 percent in the second quarter.",
        "The company said demand remained strong.",
        "Weak consumer demand hit retail sales in March.",
        "There is strong demand for housing in the capital.",
    ],
)
def test_demand_as_a_quantity_is_no_request(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text, "REQUEST") == []


def test_a_demand_someone_makes_is_a_request(pipeline: Any) -> None:
    text = "The opposition repeated its demand for the minister's resignation."
    (demand,) = _events(pipeline, text, "REQUEST")
    assert [a["name"] for a in demand["actor"]] == ["opposition"]  # "its": the clause's subject
    # Protesters pressing a demand are demonstrating, however the demand is told.
    for text in ("Protesters demanded the minister's resignation.", "Protesters repeated their demand."):
        assert not _events(pipeline, text, "REQUEST") and _events(pipeline, text, "PROTEST"), text
    assert _events(pipeline, "The union's demands include a 10 percent pay rise.", "REQUEST")


def test_a_country_named_in_a_local_story_is_the_country(pipeline: Any) -> None:
    text = (
        "Hackers breached a hospital chain in Columbus, Ohio, last week. A group linked to Russia was "
        "blamed, officials in Dayton said."
    )
    doc = pipeline.nlp(text)
    found = {m.place.text: m.place for m in pipeline.extractor.resolver.document_mentions([(0, doc)])[0]}
    assert (found["Russia"].country_code, found["Russia"].precision) == ("RU", "country")
    assert found["Columbus"].admin1 == "Ohio"
    # Its name only: "Holland" is another name of the Netherlands, and a town in Michigan.
    michigan = (
        "Police in Grand Rapids and Zeeland said a man from Holland was arrested in Muskegon, Michigan."
    )
    doc = pipeline.nlp(michigan)
    found = {m.place.text: m.place for m in pipeline.extractor.resolver.document_mentions([(0, doc)])[0]}
    assert (found["Holland"].country_code, found["Holland"].admin1) == ("US", "Michigan")
    stated = "The council of Russia, Ohio, met on Monday in Columbus."
    doc = pipeline.nlp(stated)
    found = {m.place.text: m.place for m in pipeline.extractor.resolver.document_mentions([(0, doc)])[0]}
    assert (found["Russia"].country_code, found["Russia"].admin1) == ("US", "Ohio")


def test_scores_of_people_killed_are_people_not_a_score(pipeline: Any) -> None:
    # "score" is also a game's result, which no one can kill; "scores of militiamen" are people.
    text = "On Monday soldiers clashed with militiamen in Mariga, Niger. Scores of militiamen were killed."
    assert [e["dead"] for e in code_text(pipeline, text, "2022-03-15") if e["event"] == "ASSAULT"] == [20]


def test_a_ship_that_fires_is_its_crew_and_water_cannon_is_no_shelling(pipeline: Any) -> None:
    text = (
        "Manila said a Chinese coast guard ship rammed a Philippine supply boat and fired water "
        "cannon at it, injuring four sailors."
    )
    attacks = _events(pipeline, text, "ASSAULT")
    assert [(e["injured"], e["acled_sub_event_type"]) for e in attacks] == [(4, "Attack")]
    assert (
        _events(pipeline, "A truck crashed into a bus on the highway, killing four people.", "ASSAULT") == []
    )


def test_a_crash_told_in_a_when_clause_and_the_road_closed_after_it_are_no_conflict(pipeline: Any) -> None:
    crash = (
        "Three people were killed and five injured when a bus collided with a truck near Nairobi on "
        "Sunday, police said. The road was closed for several hours."
    )
    assert [e for e in code_text(pipeline, crash) if e["event"] in {"ASSAULT", "COERCE"}] == []
    closed = _events(pipeline, "Azerbaijan closed the Lachin corridor on Monday.", "COERCE")
    assert [e["mode"] for e in closed] == ["restrict"]


@pytest.mark.parametrize(
    ("kind", "none", "one"),
    [
        # a question or a price asked is no request of anyone
        ("REQUEST", ("The reporter asked a question about the budget.",
                     "Sellers were slashing asking prices."),
         "Ukraine asked its allies to send more tanks."),
        # a building cleared after a threat, or people who left, is no aid; people evacuated are
        ("AID", ("Several schools in Ohio were evacuated on Tuesday after receiving bomb threats.",
                 "Flooding forced thousands to evacuate."),
         "The UN evacuated 300 civilians from the besieged city on Friday."),
    ],
)  # fmt: skip
def test_what_the_act_is_done_to_decides_it(
    pipeline: Any, kind: str, none: tuple[str, ...], one: str
) -> None:
    for text in none:
        assert _events(pipeline, text, kind) == [], text
    assert _events(pipeline, one, kind)


def test_a_policy_that_is_an_attack_or_trust_destroyed_is_words(pipeline: Any) -> None:
    words = (
        "The government's new immigration policy is an attack on refugees. The plan will destroy the "
        "trust of voters."
    )
    assert _assaults_at_all(pipeline, words) == []
    assert _events(pipeline, "The raid was an attack on civilians, the UN said.", "ASSAULT")


def test_a_news_story_with_videos_is_no_entertainment_story(pipeline: Any) -> None:
    # "video" is a medium news pages embed and "shows" a verb: neither says the story is about
    # entertainment, where an attack would be read in a show's sense.
    videos = (
        "A video of the father was posted online on Monday. In the video, he speaks about his son. "
        "A second video was posted later, and a third video followed. The deadly weekend attack "
        "shocked the family, the father said."
    )
    assert _events(pipeline, videos, "ASSAULT")
    shows = (
        "Footage shows the father at home. Another clip shows him at a mosque, and a photo shows "
        "his son. A report shows the family's grief. The deadly weekend attack shocked the family, "
        "the father said."
    )
    assert _events(pipeline, shows, "ASSAULT")


def test_reinforcing_a_persona_is_no_mobilisation(pipeline: Any) -> None:
    persona = "With the interview the singer only reinforced her clueless pop persona."
    assert _events(pipeline, persona, "MOBILIZE") == []
    assert _events(pipeline, "The army reinforced its positions near the border on Monday.", "MOBILIZE")


def test_posts_rounded_up_and_positions_taken_up_are_no_arrest_or_seizure(pipeline: Any) -> None:
    assert (
        _events(pipeline, "The website is rounding up posts from readers about the election.", "COERCE") == []
    )
    (arrest,) = _events(pipeline, "Police rounded up dozens of protesters in Minsk on Sunday.", "COERCE")
    assert arrest["mode"] == "arrest"
    positions = "Troops took up positions outside the town on Monday."
    assert _events(pipeline, positions, "COERCE") == []
    assert [e["mode"] for e in _events(pipeline, positions, "MOBILIZE")] == ["troops"]
    (seized,) = _events(pipeline, "Rebels took control of the town on Monday.", "COERCE")
    assert seized["mode"] == "seize"


def test_a_film_that_bombed_and_bulls_that_injured_runners_attack_no_one(pipeline: Any) -> None:
    for text in (
        "The film bombed at the box office, earning just $3 million on its opening weekend.",
        "Bulls stampeded through the streets of Pamplona, injuring three runners.",
        "Farmers said swarms of locusts attacked maize fields overnight.",
    ):
        assert _assaults_at_all(pipeline, text) == [], text
    (stormed,) = _events(pipeline, "Militants stormed the village in Gao, killing 12 people.", "ASSAULT")
    assert stormed["dead"] == 12


def test_an_anniversary_tells_a_past_attack_not_one_today(pipeline: Any) -> None:
    text = "Ten years ago today, gunmen attacked the Westgate mall in Nairobi, killing 67 people."
    events = [e for e in code_text(pipeline, text, "2023-09-21") if e["event"] == "ASSAULT"]
    assert {(e["factuality"], e["date"]) for e in events} == {("historical", "2013-09-21")}


@pytest.mark.parametrize(
    "text",
    [
        # a disaster is fought, never attacked
        "Doctors in Malawi are battling a cholera outbreak that has killed more than 1,000 people.",
        # a storm named with its title kills as storms do
        "Storm Ciaran battered northern France on Thursday, killing at least five people.",
        "Hurricane Ian tore through Florida on Wednesday, killing 12 people.",
        # a battle over what cannot be taken with arms is a dispute
        "The bill now goes to committee, where a fierce battle over amendments is expected.",
        # lawmakers' attack is words; "bruising" says how hard, not who was hurt
        "The prime minister survived a bruising attack from backbenchers on Wednesday.",
        # the contests of sport, a race won, a show that went well, a problem tackled
        "The derby clash between Liverpool and Everton ended in a draw on Saturday.",
        "The title fight in Las Vegas was postponed on Monday.",
        "Verstappen stormed to victory in Abu Dhabi on Sunday.",
        "The comedian killed it on stage at the Apollo on Saturday night, fans said.",
        "The new CEO attacked the problem of rising costs with a sweeping restructuring plan.",
        # an attack that comes from critics is words, however "from" is hung
        "The minister came under attack from critics on Monday for his remarks.",
        # fire that comes on no armed side and harms no one is criticism
        "The minister came under fire for his remarks on Monday.",
        "The government came under fire from the opposition in Nairobi on Monday.",
    ],
)
def test_outbreaks_named_storms_and_battles_over_amendments_are_no_violence(pipeline: Any, text: str) -> None:
    assert _assaults_at_all(pipeline, text) == []


def test_acts_a_rule_forbids_did_not_happen(pipeline: Any) -> None:
    for text in (
        "The parliament passed a law on Thursday banning protests near government buildings.",
        "The government banned all demonstrations in Dakar on Monday.",
        "Protests were prohibited in the capital on Monday.",
    ):
        assert [e for e in code_text(pipeline, text) if e["event"] == "PROTEST"] == [], text
    held = code_text(pipeline, "Thousands defied a ban and demonstrated in Dakar on Monday.")
    assert [e["event"] for e in held if e["event"] == "PROTEST"] == ["PROTEST"]


def test_storming_a_place_and_the_final_assault_stay_violence(pipeline: Any) -> None:
    for text in (
        "Soldiers stormed the parliament building in Niamey on Wednesday.",
        "Police stormed into the compound in Lagos on Friday, arresting 12 people.",
        "The final assault on the city began on Monday, with troops entering from the north.",
        "The convoy came under attack from militants near Gao on Monday.",
        "Police came under fire from gunmen in Kano on Tuesday.",
        "A bus came under fire near Kidal on Tuesday; two passengers were wounded.",
    ):
        assert _assaults_at_all(pipeline, text), text


def test_a_battle_over_land_stays_violence(pipeline: Any) -> None:
    land = "Herders and farmers fought a fierce battle over land in Plateau on Monday, killing 12."
    assert _events(pipeline, land, "ASSAULT")


def test_what_a_court_is_told_the_sun_blocked_out_and_a_share_of_species_are_no_news_of_violence(
    pipeline: Any,
) -> None:
    court = "Prosecutors told the court the defendant shot the men as they ran from an army checkpoint."
    events = code_text(pipeline, court, "2023-05-02")
    assert [e for e in events if not e["background"]] == []  # the case, and no checkpoint run
    science = (
        "A new study suggests that the impact blocked out the sun for years, killing three quarters of"
        " all species."
    )
    assert code_text(pipeline, science, "2023-05-02") == []
    # the same words of the day's news stay
    assert _events(pipeline, "Police told reporters that gunmen shot two men outside the market.", "ASSAULT")
    assert _events(pipeline, "Soldiers ran a checkpoint on the road to Gao on Monday.", "MOBILIZE")
    assert _events(pipeline, "Protesters blocked the main road into the capital on Monday.", "PROTEST")
    assert _events(pipeline, "Protesters blocked the road out of the city on Monday.", "PROTEST")


def test_what_is_done_without_harm_and_what_it_takes_are_no_acts(pipeline: Any) -> None:
    """A how-to's "without damaging your home" is not done; "it takes a village to" takes none;
    each beside the act done and the village taken."""
    how_to = code_text(
        pipeline, "Use this method every Christmas, to hang your wreath without damaging your home."
    )
    assert all(e["factuality"] == "negated" and not e["acled_event_type"] for e in how_to)
    shot = _events(pipeline, "Rebels withdrew from the town without firing a shot on Monday.", "ASSAULT")
    assert [e["factuality"] for e in shot] == ["negated"]
    assert _events(pipeline, "Vandals damaged the school in Durban on Monday.", "ASSAULT")
    assert _events(pipeline, "It takes a village to raise a police snitch.", "COERCE") == []
    assert _events(pipeline, "Rebels took the village to cut the road on Monday.", "COERCE")


def test_a_protest_called_violent_is_a_violent_demonstration(pipeline: Any) -> None:
    """ACLED: a demonstration is violent when its participants are; "violent protests" and "the
    march turned violent" say so, "non-violent" and "was not violent" say the opposite (and that
    it was held)."""
    for text, sub in (
        ("Violent protests erupted in Lagos on Monday.", "Violent demonstration"),
        ("The march in Lagos turned violent on Monday.", "Violent demonstration"),
        ("Non-violent protests were held in Lagos on Monday.", "Peaceful protest"),
        ("The protest in Lagos on Monday was not violent, police said.", "Peaceful protest"),
    ):
        (e,) = _events(pipeline, text, "PROTEST")
        assert (e["acled_sub_event_type"], e["factuality"] in {"asserted", "claimed"}) == (sub, True), text


def test_who_acted_at_the_time_of_a_protest_or_called_it_names_did_not_hold_it(pipeline: Any) -> None:
    """ "Police hit a demonstrator during a protest": the police did not protest; "Widespread
    protests": a word capitalised for its place is no one; "dismissed the march as an event" says
    what it was, not that it was not; a march one does not go to in general is no march."""
    during = code_text(pipeline, "Police officers hit a demonstrator during a protest in Lagos on Monday.")
    assert [e["actor"] for e in during if e["event"] == "PROTEST"] == [[]]
    held = code_text(pipeline, "Demonstrators attacked a bank during a protest in Lagos on Monday.")
    assert [[a["sector"] for a in e["actor"]] for e in held if e["event"] == "PROTEST"] == [["PRO"]]
    (e,) = _events(pipeline, "Widespread protests began in Lagos last June.", "PROTEST")
    assert all(a["text"] != "Widespread" for a in e["actor"])
    (e,) = _events(pipeline, "Robinson dismissed the march as a mere event on Monday.", "PROTEST")
    assert e["factuality"] == "asserted" and not e["denied_by"] and e["actor"] == []
    denied = code_text(pipeline, "The army dismissed the reports of a protest as propaganda on Monday.")
    assert [e["factuality"] for e in denied if e["event"] == "PROTEST"] == ["denied"]
    text = (
        'He spoke on Monday. "I don\'t go to marches spearheaded by people I disagree with," said Sharpton.'
    )
    assert _events(pipeline, text, "PROTEST") == []
    went = 'He spoke on Monday. "I went to the march in Selma," said Sharpton.'
    assert _events(pipeline, went, "PROTEST")


def test_a_disease_takes_no_town(pipeline: Any) -> None:
    """What takes over a town is an armed side; an illness or a virus that does takes nothing."""
    for text in (
        "The virus took over the town within weeks.",
        "A user posted a story about an Ebola-like illness taking over the small town.",
    ):
        assert [e for e in code_text(pipeline, text) if e["event"] == "COERCE"] == [], text
    assert _events(pipeline, "Rebels took over the town on Monday.", "COERCE")


@pytest.mark.parametrize(
    ("text", "event", "kept"),
    [
        # only people are rounded up and arrested: not a blog's favourites, highlights or cash
        ("From December 21 through January 1 we are rounding up our favorite (and your favorite) posts.",
         "COERCE", False),
        ("We round up some of our highlights of the trip below.", "COERCE", False),
        ("Cyrus Field rounded up cash and got the governments to help.", "COERCE", False),
        ("Police rounded up 40 suspects in Lagos on Monday.", "COERCE", True),
        ("Security forces rounded them up in Minsk on Monday.", "COERCE", True),
        # PLOVER's MOBILIZE moves forces or arms: sensors or software deployed move none
        ("As part of an experiment, the FAA deployed a bunch of sensors in the area to form a network.",
         "MOBILIZE", False),
        ("The company deployed new software on Monday.", "MOBILIZE", False),
        ("Russia deployed troops to the border on Monday.", "MOBILIZE", True),
        ("NATO deployed missile defence systems in Poland on Monday.", "MOBILIZE", True),
        ("The navy deployed two warships to the Gulf on Monday.", "MOBILIZE", True),
        ("Troops were deployed to the border on Monday.", "MOBILIZE", True),
        ("On Monday, 500 members of the army and the national guard were deployed to the city.",
         "MOBILIZE", True),
    ],
)  # fmt: skip
def test_rounded_up_or_deployed_is_people_or_arms(pipeline: Any, text: str, event: str, kept: bool) -> None:
    """An arrest rounds up people, a mobilisation deploys forces or arms (``people=`` and
    ``armed=`` in ``data/triggers.tsv``)."""
    assert bool(_events(pipeline, text, event)) is kept


def test_a_politicians_attack_and_a_teams_attack_turn_nothing_violent(pipeline: Any) -> None:
    """A named person's verbal attack does not make a demonstration in the same story violent; a
    basketball report's "attacked the rim" is the game's."""
    text = (
        "Senate Republicans blocked a bill on voting rights on Wednesday. Majority leader Chuck Schumer"
        " attacked the filibuster as a relic of the Jim Crow era. Activists rallied outside the Capitol on"
        " Wednesday, chanting slogans and holding signs."
    )
    (rally,) = _events(pipeline, text, "PROTEST")
    assert rally["acled_sub_event_type"] == "Peaceful protest"
    game = (
        "The Warriors stormed back in the fourth quarter on Sunday night, beating the Lakers 118-104."
        " Stephen Curry made 11 three-pointers and the defence held LeBron James to 19 points."
        ' "We just attacked the rim," coach Steve Kerr said. The loss snapped a five-game winning streak.'
    )
    assert [e for e in code_text(pipeline, game, "2023-05-02") if e["event"] == "ASSAULT"] == []


def test_the_strike_after_an_air_strike_is_that_strike(pipeline: Any) -> None:
    """ "The United Nations condemned the strike" after an air strike is no stoppage of work; a
    strike by workers told after one still is."""
    air = (
        "The military carried out air strikes on a village in Sagaing on Tuesday, killing 50 people."
        " The United Nations condemned the strike."
    )
    assert [e for e in code_text(pipeline, air) if e["event"] == "PROTEST"] == []
    workers = (
        "The military carried out air strikes on a village in Sagaing on Tuesday, killing 50 people."
        " In Yangon, the strike by bank workers over pay entered its third day."
    )
    assert [e["mode"] for e in _events(pipeline, workers, "PROTEST")] == ["strike"]


def test_sites_that_block_information_hold_no_blockade_and_mujahedeen_fight(pipeline: Any) -> None:
    """What a website blocks is information, no road; the mujahedeen who fought the Soviets are an
    armed side (their fight no dispute), told in passing."""
    sites = "Some traffic might be explained by sites that block their referral information on Monday."
    assert [e for e in code_text(pipeline, sites) if e["event"] in {"PROTEST", "COERCE"}] == []
    text = (
        "Mateen was a captain in the ranks of the mujahedeen who fought the Soviet occupation, Saeedi said."
    )
    (e,) = [e for e in code_text(pipeline, text) if e["event"] == "ASSAULT"]
    assert e["background"] and [a["sector"] for a in e["actor"]] == ["REB"]


def test_what_a_march_draws_attention_to_is_its_topic(pipeline: Any) -> None:
    """ "to train a spotlight on the killing of unarmed black men": the killings are what the march
    is about, told in passing (no attack of the day)."""
    text = (
        "The march drew more than 10,000 people to the capital on Saturday to train a spotlight on the"
        " killing of unarmed black men."
    )
    assert [e["background"] for e in code_text(pipeline, text) if e["event"] == "ASSAULT"] == [True]


def test_time_or_an_order_to_arrest_is_no_arrest(pipeline: Any) -> None:
    # what a noun of time or command is "to" do is still to be done, as after "must"
    for text in ("The officer asked for more time to arrest the suspects.",
                 "The order to arrest the journalist was issued on Monday."):  # fmt: skip
        (arrest,) = [e for e in code_text(pipeline, text) if e["event"] == "COERCE"]
        assert arrest["factuality"] == "hypothetical" and arrest["acled_event_type"] is None
    (done,) = code_text(pipeline, "Police arrested the journalist on Monday.")
    assert done["factuality"] == "asserted"


def test_a_clash_between_two_people_is_a_row(pipeline: Any) -> None:
    # every side one person or of a kind that disputes without arms, no harm told: words
    for text in ("The prime minister clashed with the opposition leader over the budget on Tuesday.",
                 "The coach clashed with the referee after the match.",
                 "Sir Keith stepped down weeks after his clash with Mrs Thatcher over funding."):  # fmt: skip
        assert _events(pipeline, text, "ASSAULT") == [], text
    # forces, communities or harm keep the violent sense
    for text in ("Police clashed with protesters in the capital on Monday.",
                 "A man clashed with soldiers at the checkpoint.",
                 "The minister's guard clashed with a neighbour, who was stabbed.",
                 "The village clashed with the neighbouring village over grazing land."):  # fmt: skip
        assert len(_events(pipeline, text, "ASSAULT")) == 1, text


def test_to_call_something_a_name_is_no_request(pipeline: Any) -> None:
    named = "He delivered cash as part of a jobs program called Cash for Work."
    assert [e for e in code_text(pipeline, named) if e["event"] == "REQUEST"] == []
    (call,) = _events(pipeline, "The UN repeatedly called for a ceasefire in Gaza.", "REQUEST")
    assert [a["name"] for a in call["actor"]] == ["United Nations"]


def test_giving_is_aid_only_when_what_is_given_is_aid(pipeline: Any) -> None:
    # PLOVER's AID is humanitarian, economic or military: what is provided, supplied or contributed
    # says whether it is
    def aid(text: str) -> list[str]:
        return [e["event"] for e in code_text(pipeline, text) if e["event"] in {"AID", "AGREE"}]

    assert aid("In 115 years, banks provided their customers with 43 licensed commercial banks.") == []
    assert aid("News and sports companies used satellites to provide live coverage.") == []
    assert aid("CNN's Jason Carroll and Greg Botelho contributed to this report.") == []
    assert aid("Russia supplied weapons to the rebels.") == ["AID"]
    assert aid("Germany contributed 500 troops to the mission.") == ["AID"]
    # a measure of what is given: the tons are of food aid
    assert "AGREE" in aid(
        "The United Nations will provide nearly 25,000 tons of emergency food aid to refugees."
    )


def test_an_offer_is_a_commitment_only_of_an_act_people_or_a_thing_of_politics(pipeline: Any) -> None:
    def agree(text: str) -> bool:
        return any(e["event"] == "AGREE" for e in code_text(pipeline, text))

    assert agree("On September 29, Putin offered to negotiate with the president of Armenia.")
    assert agree("Syria has again offered its troops to Lebanon's new President Elias Hrawi.")
    assert agree("A Russian official offered concessions last November.")
    assert not agree("Upselling is offering more expensive related products to increase the amount spent.")
    assert not agree("The Goop founder offered slightly less glowing remarks about Ben Affleck.")
    assert not agree("Attendees will be offered a variety of conference tours.")


def test_a_demonstrative_that_allows_or_supports_is_a_fact_not_a_party(pipeline: Any) -> None:
    def concessions(text: str) -> list[str]:
        return [e["event"] for e in code_text(pipeline, text) if e["event"] in {"CONCEDE", "SUPPORT", "AID"}]

    assert concessions("This allows a student to smartly prioritize his or her coursework.") == []
    assert concessions("The government allowed aid convoys into the city.") == ["CONCEDE"]
    # a demonstrative with its noun is a party as any phrase is
    assert concessions("This government allowed aid convoys into the city.") == ["CONCEDE"]


def test_a_lightning_strike_is_no_stoppage_of_work_and_no_attack(pipeline: Any) -> None:
    assert code_text(pipeline, "The old barn burned down after a lightning strike.") == []
    assert _assaults_at_all(pipeline, "A lightning strike killed two farmers in the village.") == []
    # a lightning raid is fast force, and an air strike still kills
    assert len(_events(pipeline, "Troops launched a lightning raid on the rebel camp.", "ASSAULT")) == 1
    assert len(_events(pipeline, "An air strike killed two farmers in the village.", "ASSAULT")) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("People actually ask this.", "REQUEST"),
        ("When Stern asked Paltrow about the comment, she laughed.", "REQUEST"),
        ("She had met Guadalupe Salinas on Facebook two years earlier.", "CONSULT"),
        ("Doudna declined to answer further questions, citing the patent dispute.", "REJECT"),
        ("The company decided to offer a new service to its subscribers.", "AGREE"),
    ],
)
def test_acts_between_parties_in_private_life_are_no_political_events(
    pipeline: Any, text: str, kind: str
) -> None:
    assert _events(pipeline, text, kind) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The mayor asked residents to leave their homes before the storm.", "REQUEST"),
        ("Pakistan denies the allegations.", "REJECT"),
        ("Villagers asked the army to leave the area.", "REQUEST"),
        # a word for a public role or a side sets no sector, and still makes an act political
        ("Village elders asked the young men to hand in their guns.", "REQUEST"),
        ("Both sides agreed to exchange prisoners.", "AGREE"),
        ("The company accused the government of breaking the contract.", "ACCUSE"),
    ],
)
def test_acts_with_a_public_party_on_either_side_stay(pipeline: Any, text: str, kind: str) -> None:
    assert _events(pipeline, text, kind), text
