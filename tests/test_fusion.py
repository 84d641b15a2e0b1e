"""Fusion: reports of one occurrence from many documents become one event (no model needed)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tocsin.fuse.group import fuse
from tocsin.fuse.record import factuality, figures, fused_record
from tocsin.fuse.reports import Report, report_of
from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Segment,
)
from tocsin.report.records import event_json
from tocsin.store.store import Store

UKRAINE_ARMY = Actor("Ukrainian troops", "Military Forces of Ukraine", "UKR", "MIL")
RUSSIA_ARMY = Actor("Russian troops", "Military Forces of Russia", "RUS", "MIL")
REBELS = Actor("rebels", "rebels", None, "REB")
#: (lat, lon) of towns: Sloviansk and Kramatorsk are 12 km apart, Mariupol 200 km south.
TOWNS = {"Sloviansk": (48.85, 37.60), "Kramatorsk": (48.72, 37.56), "Mariupol": (47.10, 37.55),
         "Kharkiv": (49.99, 36.23), "Moscow": (55.75, 37.62)}  # fmt: skip


def _place(town: str | None, precision: PlacePrecision = PlacePrecision.EXACT) -> Place | None:
    if town is None:
        return None
    lat, lon = TOWNS[town]
    country = "RU" if town == "Moscow" else "UA"
    return Place(town, 0, len(town), town, 1, lat, lon, country, None, precision, "test")


def _event(
    key: str, *, day: str | None = "2014-05-02", town: str | None = "Sloviansk", event: str = "ASSAULT",
    mode: str | None = "heavy-weapons", actors: tuple[Actor, ...] = (UKRAINE_ARMY,),
    recipients: tuple[Actor, ...] = (REBELS,), dead: int | None = None, sub: str | None = None,
    fact: Factuality = Factuality.ASSERTED, precision: DatePrecision = DatePrecision.DAY,
    method: DateMethod = DateMethod.EXPLICIT, claimed_by: tuple[Actor, ...] = (),
    denied_by: tuple[Actor, ...] = (),
) -> Event:  # fmt: skip
    doc = f"doc-{key}"
    start = date.fromisoformat(day) if day else None
    span = DateSpan(
        start, None, precision if day else DatePrecision.UNKNOWN, method if day else DateMethod.NONE
    )
    ev = Evidence(doc, 0, 0, 30, f"Troops shelled the town ({key}).", "shelled", 7, 14)
    acled = "Explosions/Remote violence" if event == "ASSAULT" else None
    eid = hashlib.sha1(key.encode()).hexdigest()[:16]
    return Event(eid, doc, event, mode, acled, sub, actors, recipients, span, _place(town), dead, None, None,
                 fact, claimed_by, denied_by, (), (ev,), 0.9)  # fmt: skip


def _report(e: Event, outlet: str = "", published: str = "2014-05-02") -> Report:
    return report_of(
        event_json(e), outlet=outlet or f"outlet-{e.doc_id}", published=date.fromisoformat(published)
    )


def _groups(events: list[Event]) -> list[set[str]]:
    return sorted((set(g) for g in fuse([_report(e) for e in events])), key=min)


def _ids(*events: Event) -> set[str]:
    return {e.id for e in events}


def test_reports_of_one_shelling_from_three_outlets_are_one_event() -> None:
    a, b = _event("a", dead=2), _event("b", town="Kramatorsk", dead=3)
    c = _event("c", town=None, actors=(Actor("Kiev", "Ukraine", "UKR"),), recipients=())
    assert _groups([a, b, c]) == [_ids(a, b, c)]


def test_what_says_two_events_keeps_them_apart() -> None:
    base = _event("base")
    apart = [
        _event("far", town="Mariupol"),  # 200 km away
        _event("abroad", town="Moscow"),  # another country
        _event("later", day="2014-05-04"),  # two days later, both dates stated
        _event("sides", actors=(RUSSIA_ARMY,), recipients=(Actor("Georgia", "Georgia", "GEO"),)),
        _event("protest", event="PROTEST", mode="demo"),  # another kind of act
        _event("toll", dead=200),  # 200 dead against 2 is no count of one event
        _event("air", sub="Air/drone strike"),
    ]
    base = replace(base, dead=2, acled_sub_event_type="Shelling/artillery/missile attack")
    for other in apart:
        assert _groups([base, other]) == sorted([_ids(base), _ids(other)], key=min), other.doc_id


def test_statements_negations_and_undated_reports_stay_alone() -> None:
    a = _event("a")
    for other in (_event("s", event="ACCUSE", mode=None), _event("n", fact=Factuality.NEGATED),
                  _event("f", fact=Factuality.FUTURE), _event("u", day=None)):  # fmt: skip
        assert len(_groups([a, other])) == 2, other.doc_id


def test_a_report_with_no_place_joins_only_by_a_named_side_or_a_telling_toll() -> None:
    nobody: tuple[Actor, ...] = ()
    one_a = _event("one-a", town=None, actors=nobody, recipients=nobody, dead=1)
    one_b = _event("one-b", town=None, actors=nobody, recipients=nobody, dead=1)
    assert _groups([one_a, one_b]) == [_ids(one_a), _ids(one_b)]  # one dead on one day: any killing
    many_a = _event("many-a", town=None, actors=nobody, recipients=nobody, dead=14)
    many_b = _event("many-b", town=None, actors=nobody, recipients=nobody, dead=14)
    assert _groups([many_a, many_b]) == [_ids(many_a, many_b)]  # fourteen dead, one day: one event
    sided, also = _event("sided", town=None, dead=1), _event("also", town=None, dead=1)
    assert _groups([sided, also]) == [_ids(sided, also)]  # the same two sides named in both
    # Placed only in the country: the same day and a toll of one are no occurrence either
    # ("Italian journalist killed in eastern Ukraine", "Man killed in eastern Ukraine shootout");
    # the same toll of two or more is.
    ukraine = _place("Kharkiv", PlacePrecision.COUNTRY)
    tolls = {"1a": 1, "1b": 1, "2a": 2, "2b": 2}
    country = {
        n: replace(_event(f"c-{n}", town=None, actors=nobody, recipients=nobody, dead=d), location=ukraine)
        for n, d in tolls.items()
    }
    expected = [_ids(country["1a"]), _ids(country["1b"]), _ids(country["2a"], country["2b"])]
    assert _groups(list(country.values())) == sorted(expected, key=min)


def test_foreigners_harmed_where_it_happened_name_the_occurrence_its_own_people_do_not() -> None:
    """ "Russian TV reporter killed in east Ukraine fighting" and "Russian reporter killed by mortar
    attack in eastern Ukraine", the same day, placed only in Ukraine: one event; two reports of a
    Ukrainian journalist killed in Ukraine, or of reporters of two nationalities, stay two."""
    ukraine = _place("Kharkiv", PlacePrecision.COUNTRY)
    russian, italian = (Actor("reporter", n, c, "MED") for n, c in (("Russia", "RUS"), ("Italy", "ITA")))
    local = Actor("journalist", "Ukraine", "UKR", "MED")

    def killed(key: str, victim: Actor) -> Event:
        return replace(_event(key, town=None, actors=(), recipients=(victim,), dead=1), location=ukraine)

    a, b = killed("ru-a", russian), killed("ru-b", russian)
    assert _groups([a, b]) == [_ids(a, b)]
    c, d = killed("ua-a", local), killed("ua-b", local)
    assert _groups([c, d]) == [_ids(c), _ids(d)]
    e, f = killed("ru-c", russian), killed("it-a", italian)
    assert _groups([e, f]) == sorted([_ids(e), _ids(f)], key=min)


def test_a_date_taken_from_publication_may_be_a_day_early_never_late() -> None:
    stated = _event("stated", day="2014-05-01")
    inferred_next_day = _event("next", day="2014-05-02", method=DateMethod.INFERRED)
    inferred_day_before = _event("before", day="2014-04-30", method=DateMethod.INFERRED)
    assert _groups([stated, inferred_next_day]) == [_ids(stated, inferred_next_day)]
    assert len(_groups([stated, inferred_day_before])) == 2


def test_no_chain_of_near_matches_makes_one_event_of_two() -> None:
    """Complete linkage: two towns 12 km apart may be one place for a region-level report, but a
    report at each town, 160 km from the third, never joins it through the middle one."""
    north = _event("north", town="Kharkiv")
    middle = replace(_event("middle", town="Sloviansk"), location=_place("Sloviansk", PlacePrecision.REGION))
    south = _event("south", town="Mariupol")
    groups = _groups([north, middle, south])
    assert all(not ({north.id, south.id} <= g) for g in groups)


def test_a_report_that_fits_two_events_equally_stays_alone() -> None:
    north, south = _event("n", town="Kharkiv"), _event("s", town="Mariupol")
    placeless = _event("p", town=None)  # same day, same sides: fits both as well
    groups = _groups([north, south, placeless])
    assert _ids(placeless) in groups and len(groups) == 3


def test_an_ongoing_blockade_dated_to_the_day_and_to_the_month_is_one_event() -> None:
    azerbaijan = Actor("Azerbaijan", "Azerbaijan", "AZE")
    corridor = Place(
        "Lachin Corridor", 0, 5, "Laçın", 147625, 39.637, 46.550, "AZ", None, PlacePrecision.NEAR, "t"
    )
    region = Place(
        "Artsakh", 0, 7, "Nagorno-Karabakh", None, 39.83, 46.75, "AZ", None, PlacePrecision.REGION, "t"
    )
    day = replace(_event("day", event="COERCE", mode="restrict", actors=(azerbaijan,), recipients=(),
                         day="2022-12-12"), location=corridor, acled_event_type=None)  # fmt: skip
    month = replace(_event("month", event="COERCE", mode="restrict", actors=(azerbaijan,), recipients=(),
                           day="2022-12-01", precision=DatePrecision.MONTH), location=region,
                    acled_event_type=None)  # fmt: skip
    assert _groups([day, month]) == [_ids(day, month)]
    record = fused_record("x", [_report(day), _report(month)], sources={})
    assert record["date"] == "2022-12-12" and record["date_precision"] == "day" and record["date_end"] is None


def test_the_grouping_is_the_same_whatever_the_order() -> None:
    rng = random.Random(7)
    towns = list(TOWNS)
    events = [_event(f"r{i}", town=rng.choice([*towns, None]), day=f"2014-05-0{rng.randint(1, 4)}",
                     actors=rng.choice([(UKRAINE_ARMY,), (RUSSIA_ARMY,), ()]),
                     dead=rng.choice([None, 1, 2, 3]),
                     method=rng.choice([DateMethod.EXPLICIT, DateMethod.INFERRED]))
              for i in range(40)]  # fmt: skip
    expected = _groups(events)
    assert any(len(g) > 1 for g in expected) and len(expected) > 3
    for _ in range(10):
        rng.shuffle(events)
        assert _groups(events) == expected


def test_death_ranges_and_factuality_follow_ucdp_and_the_claims() -> None:
    r = [
        _report(_event("a", dead=1), published="2014-01-22"),
        _report(_event("b", dead=2), published="2014-01-22"),
        _report(_event("c", dead=5), published="2014-01-23"),
        _report(_event("d", dead=40, fact=Factuality.CLAIMED, claimed_by=(REBELS,)), published="2014-01-24"),
        _report(
            _event("e", dead=0, fact=Factuality.DENIED, denied_by=(UKRAINE_ARMY,)), published="2014-01-25"
        ),
    ]
    assert figures(r, "dead") == (1, 5, 40)  # best: the latest asserted figure; the denial not counted
    assert factuality(r) == "asserted"
    assert factuality(r[3:]) == "disputed"  # one party claims it, another denies it
    assert factuality(r[3:4]) == "claimed"
    record = fused_record("x", r, sources={"doc-a": "AFP"}, extra_outlets={"reuters"})
    assert record["dead_low"] <= record["dead_best"] <= record["dead_high"]
    assert record["n_sources"] == 6 and record["first_reported"] == "2014-01-22"
    assert [c["dead"] for c in record["claims"]] == [1, 2, 5, 40, 0]
    assert record["claims"][0]["source"] == "AFP" and record["claims"][3]["claimed_by"] == ["rebels"]
    assert len(record["evidence"]) == 5


# --- the store: incremental fusion, ids, aliases, history -------------------------------------------


def _doc(e: Event, source: str = "", text: str = "") -> Document:
    body = text or f"Report {e.doc_id}: troops shelled the town."
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Document(e.doc_id, digest, body, (Segment("body", 0, len(body)),), source=source or e.doc_id,
                    published=e.date.start)  # fmt: skip


def _fused_groups(store: Store) -> list[set[str]]:
    return sorted((set(r["report_ids"]) for r in store.fused_events()), key=min)


def test_reports_attach_merge_and_keep_their_ids(store_at: str) -> None:
    placed = _event("placed", actors=(), recipients=())  # Sloviansk, no sides
    sided = _event("sided", town=None)  # no place, the army's sides: only the day in common
    with Store(store_at) as store:
        for e in (placed, sided):
            store.add(_doc(e), (e,))
        counts = store.fuse()
        assert counts.opened == 2 and _fused_groups(store) == sorted([_ids(placed), _ids(sided)], key=min)
        first = {rid: store.event(rid)["fused_id"] for rid in _ids(placed, sided)}  # type: ignore[index]
        bridge = _event("bridge")  # Sloviansk and the army's sides: one event with both
        store.add(_doc(bridge), (bridge,))
        counts = store.fuse()
        assert counts.merged == 1 and _fused_groups(store) == [_ids(placed, sided, bridge)]
        (event,) = store.fused_events()
        assert event["id"] in first.values()
        absorbed = next(f for f in first.values() if f != event["id"])
        assert store.resolve(absorbed) == event["id"]  # the absorbed id still finds the event
        assert store.fused_event(absorbed) == event
        actions = [h["action"] for h in store.history(absorbed)]
        assert actions.count("open") == 2 and "merge" in actions
        again = store.fuse()
        assert again.reports == 0  # nothing pending: nothing done


def test_the_store_groups_the_same_whatever_the_order_of_arrival(new_store: Callable[[], str]) -> None:
    rng = random.Random(3)
    events = [_event(f"s{i}", town=rng.choice(["Sloviansk", "Kramatorsk", "Mariupol", None]),
                     day=f"2014-05-0{rng.randint(1, 3)}", dead=rng.choice([None, 2, 3]),
                     actors=rng.choice([(UKRAINE_ARMY,), ()])) for i in range(24)]  # fmt: skip
    results = []
    for _ in range(3):
        order = events[:]
        rng.shuffle(order)
        with Store(new_store()) as store:
            for i, e in enumerate(order):
                store.add(_doc(e), (e,))
                if i % 5 == 4:
                    store.fuse()  # passes at different moments too
            store.fuse()
            results.append(_fused_groups(store))
    assert results[0] == results[1] == results[2]
    assert results[0] == _groups(events)


def test_a_reprint_counts_as_a_source_and_a_removed_report_leaves_its_event(store_at: str) -> None:
    a, b = _event("a"), _event("b", town="Kramatorsk")
    with Store(store_at) as store:
        doc_a = _doc(a, source="AFP")
        store.add(doc_a, (a,))
        store.add(_doc(b, source="Reuters"), (b,))
        store.fuse()
        (event,) = store.fused_events()
        assert event["n_sources"] == 2
        assert store.add_source(replace(doc_a, id="reprint", source="Kyiv Post"))
        assert not store.add_source(replace(doc_a, id="reprint", source="Kyiv Post"))  # once only
        store.fuse()
        (event,) = store.fused_events()
        assert event["n_sources"] == 3
        store.replace_events(b.doc_id, ())  # b re-coded to nothing: the event keeps a alone
        store.fuse()
        (event,) = store.fused_events()
        assert event["report_ids"] == [a.id]
        store.replace_events(a.doc_id, ())
        store.fuse()
        assert list(store.fused_events()) == []
        assert "dissolve" in [h["action"] for h in store.history(event["id"])]


@pytest.mark.slow
def test_the_seed_blockade_is_one_event_with_two_sources_and_nothing_else_merges(seeds_db: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import cli

    db = seeds_db
    runner = CliRunner()
    import json

    listed = runner.invoke(cli, ["events", "--fused", "--db", str(db), "--format", "jsonl"])
    fused = [json.loads(line) for line in listed.output.splitlines()]
    multi = [e for e in fused if len(e["doc_ids"]) > 1]
    assert len(multi) == 1, [(e["event"], e["date"]) for e in multi]
    (blockade,) = multi
    assert blockade["event"] == "COERCE" and blockade["date"] == "2022-12-12" and blockade["n_sources"] == 2
    assert blockade["date_end"] is None  # in place, still open
    import csv

    from tocsin.cli.fused import CSV_FIELDS

    as_csv = runner.invoke(cli, ["events", "--fused", "--db", str(db), "--format", "csv"]).output
    rows = list(csv.DictReader(as_csv.splitlines()))
    assert list(rows[0]) == CSV_FIELDS and len(rows) == len(fused)
    (csv_blockade,) = [r for r in rows if r["id"] == blockade["id"]]
    assert csv_blockade["n_sources"] == "2" and len(csv_blockade["doc_ids"].split()) == 2
    reports = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    assert all(json.loads(line)["fused_id"] for line in reports)
    shown = runner.invoke(cli, ["show", blockade["id"], "--db", str(db)])
    assert shown.exit_code == 0 and shown.output.count("report ") == 2 and "Lachin" in shown.output
    history = runner.invoke(cli, ["history", blockade["id"], "--db", str(db)])
    assert history.exit_code == 0 and "open" in history.output


def test_a_person_both_reports_name_identifies_the_occurrence() -> None:
    """ "Italian photojournalist Andrea Rocchelli killed" and "Andrea Rocchelli was shot dead", the
    same day with no place: one event; two people named, or none, stay two (one dead on one day
    names no occurrence)."""

    def killed(key: str, victim: str) -> Event:
        return _event(key, town=None, actors=(), recipients=(Actor(victim, victim),), dead=1)

    a = killed("named-a", "Italian photojournalist Andrea Rocchelli")
    b = killed("named-b", "Andrea Rocchelli")
    assert _groups([a, b]) == [_ids(a, b)]
    c, d = killed("named-c", "Andrea Rocchelli"), killed("named-d", "Andrei Mironov")
    assert _groups([c, d]) == sorted([_ids(c), _ids(d)], key=min)
    e, f = killed("plain-e", "a photojournalist"), killed("plain-f", "a photojournalist")
    assert _groups([e, f]) == sorted([_ids(e), _ids(f)], key=min)
    # a named body is no person: "National Guard" both times names no one occurrence
    g = _event(
        "body-g", town=None, actors=(), recipients=(Actor("National Guard", "National Guard", None, "MIL"),)
    )
    h = _event(
        "body-h", town=None, actors=(), recipients=(Actor("National Guard", "National Guard", None, "MIL"),)
    )
    assert _groups([g, h]) == sorted([_ids(g), _ids(h)], key=min)
