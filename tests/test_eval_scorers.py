"""The ACLED and PLOVER scorers on small files these tests write (slow: codes the texts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tocsin.evaluation.acled import actor_matches, load_acled
from tocsin.evaluation.acled import evaluate as score_acled
from tocsin.evaluation.plover import evaluate as score_plover
from tocsin.evaluation.plover import load_plover, party_matches

pytestmark = pytest.mark.slow

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
)


def _row(
    eid: str, day: str, etype: str, sub: str, actor: str, lat: float, lon: float, notes: str, dead: int
) -> str:
    return (
        f"{eid},{day},2022,1,Political violence,{etype},{sub},{actor},,1,,,0,10,,566,Western Africa,Nigeria,"
        f'Lagos,,,Lagos,{lat},{lon},1,Src,National,"{notes}",{dead},,0'
    )


def test_actor_names_ignore_year_ranges() -> None:
    assert actor_matches("Military Forces of Nigeria", "Military Forces of Nigeria (2015-2023)")
    assert actor_matches("Protesters (Nigeria)", "Protesters (Nigeria)")
    assert not actor_matches("Police Forces of Ghana", "Police Forces of Nigeria (2015-)")


def test_acled_scorer(pipeline: Any, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        "\n".join([
            HEADER,
            _row("NIG1", "2022-03-14", "Protests", "Peaceful protest", "Protesters (Nigeria)", 6.45, 3.39,
                 "On 14 March 2022, traders protested in Lagos against new market levies.", 0),
            _row("NIG2", "2022-03-15", "Violence against civilians", "Attack",
                 "Unidentified Armed Group (Nigeria)", 6.45, 3.39,
                 "On 15 March 2022, gunmen shot dead two traders in Lagos.", 2),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    report = score_acled(load_acled(path), pipeline).as_dict()
    assert report["notes"] == 2
    assert report["event_type_accuracy"] == 1.0
    assert report["fatalities_exact"] == 1.0
    assert report["date_exact"] == 1.0
    assert report["location_within_25km"] == 1.0
    # the traders are the protest's doers in the record; ACLED's row names the crowd
    assert report["actor1_match"] == 0.5 and report["actor1_match_acled_layout"] == 1.0


def test_plover_scorer_maps_old_type_names(pipeline: Any, tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT", "text": ""},
        {"id": "a", "event": "DEMAND", "date": "2000-01-01",
         "text": "Brazil urged Argentina to lower tariffs.",
         "source": [{"actorText": "Brazil", "code": "BRA"}],
         "target": [{"actorText": "Argentina", "code": "ARG"}]},
        {"id": "b", "event": "FIGHT", "date": "2000-01-01",
         "text": "Rebels attacked an army convoy near Goma.",
         "source": [{"actorText": "Rebels"}], "target": ["army convoy"]},
    ]  # fmt: skip
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(records), encoding="utf-8")
    loaded = load_plover(path)
    assert [r["id"] for r in loaded] == ["a", "b"]
    report = score_plover(loaded, pipeline).as_dict()
    assert report["event_type_accuracy"] == 1.0  # DEMAND is REQUEST, FIGHT is ASSAULT
    assert report["source_match"] == 1.0
    assert party_matches([{"text": "the convoy", "name": "convoy", "country": None}], ["army convoy"])


def _record(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event": "ASSAULT",
        "mode": None,
        "acled_event_type": "Violence against civilians",
        "factuality": "asserted",
        "background": False,
        "actor": [],
        "dead": None,
        "evidence": [],
    }
    return {**base, **fields}


def test_glocon_counts_contentious_events_of_named_non_state_sides_that_happened() -> None:
    from tocsin.evaluation.glocon import contentious

    gang = [{"sector": "UAF"}]
    assert contentious(_record(actor=gang))
    assert contentious(_record(acled_event_type="Protests"))
    assert not contentious(_record(actor=gang, factuality="future"))
    # Told in passing or years ago, it still happened (GLOCON's definition); untyped, it is no event.
    assert contentious(_record(actor=gang, background=True))
    assert contentious(_record(actor=gang, factuality="historical"))
    assert not contentious(_record(actor=gang, background=True, acled_event_type=None))
    assert not contentious(_record(actor=gang, factuality="hypothetical"))
    assert not contentious(_record(actor=[{"sector": "MIL"}]))  # state violence is not GLOCON's
    assert not contentious(_record())  # nobody named: a crime, as far as the text says


def test_ipe_police_actions_need_the_police_and_an_act_that_happened() -> None:
    from tocsin.evaluation.ipe import police_actions

    police = [{"sector": "COP"}]
    assert police_actions(_record(actor=police, dead=2)) == {"FORCE", "KILL"}
    assert police_actions(_record(actor=police)) == {"FORCE"}
    assert police_actions(_record(actor=[{"sector": "CVL"}], dead=2)) == set()  # a mob's killing
    assert police_actions(_record(event="COERCE", mode="arrest")) == {"ARREST"}  # nobody named
    assert police_actions(_record(event="COERCE", mode="arrest", factuality="future")) == set()
    # A curfew the police impose is regulation, not force; a seizure by them is force.
    assert police_actions(_record(event="COERCE", mode="restrict", actor=police)) == set()
    assert police_actions(_record(event="COERCE", mode="seize", actor=police)) == {"FORCE"}


def test_ipe_sentences_are_found_in_order_in_the_article() -> None:
    from tocsin.evaluation.ipe import IpeSentence, sentence_spans

    text = "police fired. police fired. the mob fled."
    sents = tuple(
        IpeSentence(i, t, frozenset()) for i, t in enumerate(["police fired.", "police fired.", "gone"])
    )
    assert sentence_spans(text, sents) == [(0, 13), (14, 27), None]


def test_precision_recall_f1() -> None:
    from tocsin.evaluation.corpus import prf

    assert prf(3, 1, 1) == (0.75, 0.75, 0.75)
    assert prf(0, 0, 4) == (0.0, 0.0, 0.0)


def test_fusion_bcubed_and_the_recall_perfect_fusion_would_reach() -> None:
    """UCDP event E holds headlines a, b, c, d (d a bare place name that gave no report); F holds
    e, f. tocsin joined a with b and e with c: B-cubed by hand, and the ceiling counts a, b, c
    joined, d alone."""
    from tocsin.evaluation.fusion import _bcubed, _ceiling

    gold = {h: {"a", "b", "c", "d"} for h in "abcd"} | {h: {"e", "f"} for h in "ef"}
    pred = {"a": {"a", "b"}, "b": {"a", "b"}, "c": {"c", "e"}, "e": {"c", "e"}}
    score = _bcubed(sorted(gold), gold, pred)
    # precision: a, b 1; c, e 1/2; d, f 1 -> 5/6; recall: a, b 2/4; c, d 1/4; e, f 1/2 -> 2.5/6
    assert (score["precision"], score["recall"]) == (round(5 / 6, 3), round(2.5 / 6, 3))
    reported = {"a", "b", "c", "e", "f"}
    # a, b, c 3/4 each; d 1/4; e, f 1 -> (9/4 + 1/4 + 2) / 6
    assert _ceiling(sorted(gold), gold, reported) == round((9 / 4 + 1 / 4 + 2) / 6, 3)
    assert _ceiling([], gold, reported) == 0.0


def test_fusion_examples_list_the_events_whose_reported_headlines_stay_apart() -> None:
    """E's headlines a, b lie in two fused events (split); F's c, d in one (not split); G's e is
    shared with E's round-up and its one own headline cannot be split; a headline with no report
    (d2) is no evidence of a split."""
    from tocsin.evaluation.fusion import GoldEvent, Headline, _splits

    events = [
        GoldEvent("E", ("a", "b", "x"), 1, 1, 1),
        GoldEvent("F", ("c", "d", "d2"), 2, 2, 2),
        GoldEvent("G", ("e", "x"), 3, 3, 3),
    ]
    owners = {"a": ["E"], "b": ["E"], "x": ["E", "G"], "c": ["F"], "d": ["F"], "d2": ["F"], "e": ["G"]}
    of_headline = {"a": {"f1"}, "b": {"f2"}, "x": {"f3"}, "c": {"f4"}, "d": {"f4"}, "e": {"f5"}}
    heads = {h: Headline(h, "o", None, f"text {h}") for h in owners}
    found = _splits(events, owners, of_headline, heads)
    assert [s["ucdp_id"] for s in found] == ["E"]
    assert found[0]["headlines"] == ["f1: text a", "f2: text b"]
