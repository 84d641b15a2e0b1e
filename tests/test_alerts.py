"""Alert rules on small made-up series: where each must fire and where it must not."""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tocsin.analysis.alerts import alerts_on, replay
from tocsin.analysis.occurrences import Area, Occurrence
from tocsin.analysis.rules import coverage, fulfilment, precursor, surge, warned

DONETSK = Area("Donetsk", "UA", "05")
LUHANSK = Area("Luhansk", "UA", "14")
DAY0 = date(2022, 1, 3)


def _occ(n: int, day: date, *, area: Area = DONETSK, event: str = "ASSAULT", dead: int = 0,
         known: date | None = None, factuality: str = "asserted", sources: tuple[str, ...] = ("AFP",),
         mode: str | None = None) -> Occurrence:  # fmt: skip
    key = f"e{n}-{day}-{area.name}-{event}"
    return Occurrence(key, day, known or day, area, event, mode, factuality, dead, frozenset(sources),
                      ("Armenians",))  # fmt: skip


def _weekly(counts: list[int], **kw: object) -> list[Occurrence]:
    """``counts[k]`` events in week k, spread over its days."""
    out = []
    for week, n in enumerate(counts):
        for i in range(n):
            out.append(_occ(i, DAY0 + timedelta(days=7 * week + i % 7), **kw))  # type: ignore[arg-type]
    return out


def _last_day(weeks: int) -> date:
    return DAY0 + timedelta(days=7 * weeks - 1)


def test_a_surge_against_a_quiet_month_fires_at_the_level_of_its_ratio() -> None:
    (alert,) = surge(_weekly([1, 1, 1, 1, 6]), _last_day(5))
    assert alert.kind == "surge" and alert.level == "alert" and alert.observed == 6 and alert.baseline == 1.0
    assert alert.explanation.startswith("Donetsk: 6 violent events in the 7 days to 2022-02-06")
    assert len(alert.event_ids) == 6 and alert.window == (_last_day(5) - timedelta(days=6), _last_day(5))
    (watch,) = surge(_weekly([4, 4, 4, 4, 9]), _last_day(5))
    assert watch.level == "watch"  # 9 against 4: more than double, less than triple


def test_a_surge_between_two_sides_names_its_dyad() -> None:
    from dataclasses import replace

    fighting = [replace(o, dyad="DPR - Government of Ukraine") for o in _weekly([1, 1, 1, 1, 6])]
    (alert,) = surge(fighting, _last_day(5))
    assert alert.dyad == "DPR - Government of Ukraine" and alert.as_dict()["dyad"] == alert.dyad
    mixed = [replace(o, dyad=f"side {i} - other") for i, o in enumerate(_weekly([1, 1, 1, 1, 6]))]
    assert surge(mixed, _last_day(5))[0].dyad is None  # no two sides hold most of it


def test_no_surge_when_steady_or_too_few() -> None:
    assert surge(_weekly([6, 6, 6, 6, 6]), _last_day(5)) == []  # steady violence is no surge
    assert surge(_weekly([0, 0, 0, 0, 4]), _last_day(5)) == []  # 4 events: under the minimum of 5
    assert surge(_weekly([0, 0, 0, 0, 6], area=LUHANSK), _last_day(5))[0].area == LUHANSK
    protests = _weekly([0, 0, 0, 0, 8], event="PROTEST")
    assert surge(protests, _last_day(5)) == []  # only violence counts


def test_deaths_surge_without_more_events() -> None:
    series = [*_weekly([1, 1, 1, 1], dead=1), _occ(99, _last_day(5), dead=40)]
    (alert,) = surge(series, _last_day(5))
    assert "40 deaths" in alert.explanation and alert.level == "alert"


def test_precursors_rise_before_violence() -> None:
    threats = _weekly([0, 0, 0, 0, 5], event="THREATEN")
    (alert,) = precursor(threats, _last_day(5))
    assert alert.kind == "precursor" and alert.level == "alert"
    blockades = _weekly([0, 0, 0, 0, 5], event="COERCE", mode="restrict")
    assert precursor(blockades, _last_day(5))
    arrests = _weekly([0, 0, 0, 0, 5], event="COERCE", mode="arrest")
    assert precursor(arrests, _last_day(5)) == []
    shows = _weekly([0, 0, 0, 0, 5], event="COERCE", mode="warning")  # missiles into the sea
    assert precursor(shows, _last_day(5))


def test_a_precursor_alert_cites_the_month_of_incidents_around_it() -> None:
    """Seed 000's case: accusations in the last week; an ambush three weeks before; a height seized
    (ACLED: a battle, though PLOVER's COERCE); a blockade in place for months, reported this week."""
    day = _last_day(5)
    threats = _weekly([0, 0, 0, 0, 5], event="ACCUSE")
    ambush = _occ(90, day - timedelta(days=21))
    seized = replace(_occ(91, day - timedelta(days=4), event="COERCE", mode="seize"), acled_type="Battles")
    blockade = _occ(92, day - timedelta(days=107), known=day, event="COERCE", mode="restrict")
    old_ambush = _occ(93, day - timedelta(days=40))
    elsewhere = _occ(94, day - timedelta(days=2), area=LUHANSK)
    denied = _occ(95, day - timedelta(days=3), factuality="denied")
    told_later = _occ(96, day - timedelta(days=5), known=day + timedelta(days=1))
    noise = [ambush, seized, blockade, old_ambush, elsewhere, denied, told_later]
    (alert,) = precursor(threats + noise, day)
    assert {ambush.id, seized.id, blockade.id} <= set(alert.event_ids)
    assert not {old_ambush.id, elsewhere.id, denied.id, told_later.id} & set(alert.event_ids)
    assert alert.explanation.endswith(f"amid 2 violent events and 1 restriction in the 30 days to {day}")
    assert alert.level == "alert" and alert.observed == 5  # the level is the precursors' alone
    # Without ACLED's battle type, a seizure is no violent event.
    assert not replace(seized, acled_type=None).violent and seized.violent
    (alone,) = precursor(threats, day)
    assert len(alone.event_ids) == 5 and "amid" not in alone.explanation


def test_a_warning_is_kept_and_fulfilled_by_what_came_later() -> None:
    said = DAY0
    offensive = _occ(1, said, event="ASSAULT", factuality="future", area=Area("Nagorno-Karabakh", "AZ", None))
    (warning,) = warned([offensive], said)
    assert warning.kind == "warned" and warning.extra["claimed_by"] == ["Armenians"]
    assert warned([offensive], said + timedelta(days=1)) == []  # raised once, the day it is given
    later = _occ(2, said + timedelta(days=180), area=Area("Nagorno-Karabakh", "AZ", None))
    elsewhere = _occ(3, said + timedelta(days=30), area=Area("Kharkiv", "UA", "07"))
    done = fulfilment(warning, [offensive, elsewhere, later])
    assert done == {"event_id": later.id, "day": later.day.isoformat(), "lead_days": 180}
    assert fulfilment(warning, [offensive, elsewhere]) is None


def test_a_warning_names_people_by_their_words_and_bodies_by_their_names() -> None:
    """ "Many Armenians believe ...", Markus Ritter told DW: the warning is theirs, not the state
    of Armenia's; a government quoted by its capital is named as the government."""
    from tocsin.analysis.occurrences import from_fused

    record = {"id": "w1", "date": None, "first_reported": "2023-03-29", "event": "ASSAULT", "mode": None,
              "factuality": "future", "location": {"name": "Nagorno-Karabakh", "country_code": "AZ",
                                                   "precision": "region"},
              "claims": [{"source": "Armenian Weekly"}], "actor": [], "recipient": [],
              "claimed_by": [{"text": "Many Armenians", "name": "Armenia", "country": "ARM", "sector": None},
                             {"text": "Markus Ritter", "name": "Markus Ritter", "sector": None},
                             {"text": "Baku", "name": "Government of Azerbaijan", "country": "AZE",
                              "sector": "GOV"}]}  # fmt: skip
    occurrence = from_fused(record)
    assert occurrence is not None
    assert occurrence.claimed_by == ("Many Armenians", "Markus Ritter", "Government of Azerbaijan")
    (warning,) = warned([occurrence], date(2023, 3, 29))
    assert warning.explanation == (
        "Nagorno-Karabakh: a coming assault, said on 2023-03-29 by Many Armenians, Markus Ritter and"
        " Government of Azerbaijan"
    )


def test_a_daily_source_gone_silent_is_a_notice_once() -> None:
    daily = [_occ(i, DAY0 + timedelta(days=i), sources=("SMM",)) for i in range(14)]
    every_other = [_occ(i, DAY0 + timedelta(days=2 * i), sources=("Weekly",)) for i in range(7)]
    last = DAY0 + timedelta(days=13)
    assert coverage(daily + every_other, last + timedelta(days=2)) == []  # two days: not yet
    (notice,) = coverage(daily + every_other, last + timedelta(days=3))
    assert notice.kind == "coverage" and notice.area.name == "SMM" and "no sign of calm" in notice.explanation
    assert coverage(daily, last + timedelta(days=4)) == []  # said once, not every day after


def test_replay_sees_only_what_was_known_and_issues_each_rise_once() -> None:
    series = _weekly([2, 2, 2, 2])
    week5 = [_occ(100 + i, DAY0 + timedelta(days=28 + i // 2)) for i in range(14)]  # two a day
    late = [_occ(200 + i, DAY0 + timedelta(days=28 + i), known=DAY0 + timedelta(days=60)) for i in range(7)]
    found = replay(
        series + week5 + late, DAY0 + timedelta(days=28), DAY0 + timedelta(days=40), kinds=("surge",)
    )
    # day 30: 6 events against 2 a week (x3, warning); day 32: 10 (x5, alert); the days between
    # hold a warning and raise nothing new
    assert [(a.level, (a.issued_at - DAY0).days) for a in found] == [("warning", 30), ("alert", 32)]
    assert not any(e.startswith("e20") for a in found for e in a.event_ids)  # reported only on day 60
    assert alerts_on(late, DAY0 + timedelta(days=34)) == []


@pytest.mark.slow
def test_the_seed_warning_of_a_spring_offensive_is_fulfilled_in_september(seeds_db: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import cli

    db = seeds_db
    runner = CliRunner()
    out = runner.invoke(cli, ["alerts", "--db", str(db), "--replay", "--since", "2023-03-01", "--until",
                              "2023-09-30", "--format", "jsonl"])  # fmt: skip
    assert out.exit_code == 0, out.output
    found = [json.loads(line) for line in out.output.splitlines()]
    (warning,) = [a for a in found if a["kind"] == "warned" and a["issued_at"] == "2023-03-29"]
    assert warning["area"]["name"] == "Nagorno-Karabakh" and warning["fulfilled"] is not None
    assert 150 <= warning["fulfilled"]["lead_days"] <= 200  # "about six months later"
    # the week's threats, accusations and restrictions counted for Nagorno-Karabakh, the roads and
    # the corridor it is reached by included: the blockaded road, the accusation of firing on civilians
    serious = [a for a in found if a["issued_at"] == "2023-03-29" and a["level"] in {"warning", "alert"}]
    (precursor_alert,) = [a for a in serious if a["kind"] == "precursor"]
    assert precursor_alert["area"]["name"] == "Nagorno-Karabakh"
    listed = runner.invoke(cli, ["events", "--fused", "--db", str(db), "--format", "jsonl"]).output
    records = {r["id"]: r for r in map(json.loads, listed.splitlines())}
    cited = " ".join(records[i]["evidence"][0]["text"] for i in precursor_alert["event_ids"])
    assert "firing at civilians" in cited and "since the start of the Artsakh blockade" in cited
    assert any(a["issued_at"] == "2023-09-19" and a["area"]["name"] == "Nagorno-Karabakh"
               and a["level"] == "alert" for a in found)  # fmt: skip


@pytest.mark.slow
def test_the_bulletin_of_27_march_2023_sets_claims_beside_denials_and_is_the_same_each_time(
    seeds_db: Path,
) -> None:
    from click.testing import CliRunner

    from tocsin.cli import cli

    db = seeds_db
    runner = CliRunner()
    args = ["bulletin", "--date", "2023-03-27", "--db", str(db)]
    first = runner.invoke(cli, [*args, "--format", "json"])
    again = runner.invoke(cli, [*args, "--format", "json"])
    assert first.exit_code == 0 and first.output == again.output  # byte for byte
    b = json.loads(first.output)
    assert set(b) >= {"date", "window", "areas", "claims", "alerts", "warned"}
    assert set(b["areas"][0]) >= {"name", "country_code", "admin1", "events", "ceasefire_violations",
                                  "explosions", "dead_low", "dead_best", "dead_high", "injured", "previous",
                                  "change"}  # fmt: skip
    texts = " ".join(c["text"] for c in b["claims"])
    assert "accused Azerbaijani armed forces of firing at civilians" in texts
    # the accusation and the firing it alleges are one claim, with both events and the claimant
    (firing,) = [c for c in b["claims"] if "pomegranate" in c["text"]]
    assert len(firing["event_ids"]) == 2 and firing["claimed_by"] == ["Government of Artsakh"]
    assert any(
        c["denied_by"] == ["Government of Artsakh"] for c in b["claims"]
    )  # the counter-claim beside it
    assert {r["date"] for r in b["annex"]} == {"2023-03-27"}
    html = runner.invoke(cli, [*args, "--format", "html"]).output
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "<svg" in html  # the 30-day chart
    assert html == runner.invoke(cli, [*args, "--format", "html"]).output
    assert len(b["chart"]) == 30 and b["chart"][-1]["date"] == "2023-03-27"
    # the map: the day's located events over the bundled country outlines (no tile server)
    assert b["map"] and all(39 < p["lat"] < 41 and 44 < p["lon"] < 48 for p in b["map"])
    where = html[html.index("<h2>Where</h2>") :]
    drawn = where[: where.index("</svg>")]
    assert where.startswith("<h2>Where</h2><svg") and drawn.count("<path") > 5  # outlines and events
    assert "<image" not in drawn and 'href="http' not in drawn  # nothing fetched
    if shutil.which("chromium"):
        pdf = seeds_db.parent / "bulletin.pdf"
        printed = runner.invoke(cli, [*args, "--format", "pdf", "--out", str(pdf)])
        assert printed.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_the_bulletin_counts_a_missions_violations_against_the_day_before() -> None:
    from tocsin.analysis.occurrences import from_fused
    from tocsin.report.bulletin import Day, bulletin
    from tocsin.report.render import markdown

    def figure(n: int, day: str, count: int, of: str) -> dict[str, Any]:
        start = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
        return {"id": f"f{n}", "date": start, "date_end": day, "event": "ASSAULT", "mode": None,
                "factuality": "asserted", "count": count, "count_of": of, "first_reported": day,
                "location": {"name": "Donetsk", "country_code": "UA", "admin1": "Donetsk",
                             "precision": "region"},
                "claims": [{"source": "OSCE SMM"}], "claimed_by": [], "denied_by": [], "confirmed_by": [],
                "actor": [], "recipient": [], "dead_best": None, "evidence": [{"text": "x"}]}  # fmt: skip

    records = [figure(1, "2022-02-17", 100, "ceasefire violations"),
               figure(2, "2022-02-18", 591, "ceasefire violations"),
               figure(3, "2022-02-18", 553, "explosions")]  # fmt: skip
    occurrences = [o for o in (from_fused(r) for r in records) if o is not None]
    data = Day({r["id"]: r for r in records}, occurrences)
    b = bulletin(data, date(2022, 2, 18))
    (area,) = b["areas"]
    assert (area["ceasefire_violations"], area["explosions"], area["change"]) == (591, 553, "more")
    assert area["previous"] == {"ceasefire_violations": 100}
    assert "Ceasefire violations: 591, including 553 explosions." in markdown(b)
    steady = bulletin(Day({r["id"]: r for r in records[:1]}, occurrences[:1]), date(2022, 2, 17))
    assert steady["areas"][0]["previous"] == {"ceasefire_violations": 0}


def test_a_place_within_a_territory_of_its_own_counts_for_the_territory() -> None:
    from tocsin.analysis.occurrences import from_fused

    def area(lat: float, lon: float, cc: str, admin1: str | None = None, name: str = "x") -> str:
        record = {"id": "r", "date": "2023-03-25", "event": "ASSAULT", "factuality": "asserted",
                  "location": {"name": name, "lat": lat, "lon": lon, "country_code": cc, "admin1": admin1,
                               "precision": "near"}, "claims": []}  # fmt: skip
        occurrence = from_fused(record)
        assert occurrence is not None
        return occurrence.area.name

    assert area(39.7526, 46.6979, "AZ", name="Stepanakert-Lisagor road") == "Nagorno-Karabakh"
    assert area(39.6374, 46.5498, "AZ", name="Lachin") == "Nagorno-Karabakh"  # the corridor, 27 km off
    assert area(40.4093, 49.8671, "AZ", name="Baku") == "Azerbaijan"  # the state's own ground
    assert area(39.83, 46.75, "AM") == "Armenia"  # the same point, said to be in another state
    assert area(42.2276, 43.9686, "GE", admin1="Shida Kartli", name="Tskhinvali") == "South Ossetia"
    assert area(41.6941, 44.8337, "GE", admin1="Tbilisi", name="Tbilisi") == "Tbilisi"


def test_a_sustained_rise_is_a_buildup_a_single_bad_day_is_not() -> None:
    from tocsin.analysis.rules import buildup

    quiet = [_occ(i, DAY0 + timedelta(days=i * 3)) for i in range(25)]  # one event every third day
    rising = [_occ(100 + i, DAY0 + timedelta(days=75 + i // 2)) for i in range(28)]  # two a day for 14 days
    day = DAY0 + timedelta(days=88)
    (alert,) = buildup(quiet + rising, day)
    assert alert.kind == "buildup" and alert.level in {"warning", "alert"}
    assert alert.window[0] >= DAY0 + timedelta(days=70) and "a sustained rise" in alert.explanation
    spike = [_occ(200 + i, day) for i in range(12)]  # twelve events on one day
    assert buildup(quiet + spike, day) == []
    assert buildup(quiet, day) == []


def _figures(series: dict[date, int], area: Area = LUHANSK, days: int = 1) -> list[Occurrence]:
    """A mission's daily figures: each published the day after the day it counts."""
    return [Occurrence(f"f{d}-{area.name}", d, d + timedelta(days=days), area, "ASSAULT", None, "asserted", 0,
                       frozenset({"OSCE SMM"}), (), count=n, days=days, counted=True)
            for d, n in series.items()]  # fmt: skip


def test_a_missions_daily_figure_that_jumps_is_an_alert_the_day_it_is_published() -> None:
    quiet = {DAY0 + timedelta(days=k): 30 + (k * 7) % 20 for k in range(42)}  # 30 to 49 a day
    jump_day = DAY0 + timedelta(days=42)
    found = surge(_figures({**quiet, jump_day: 402}), jump_day + timedelta(days=1))
    (alert,) = [a for a in found if a.area == LUHANSK]
    assert (alert.level, alert.window) == ("alert", (jump_day, jump_day))
    assert "402" in alert.explanation and "median of" in alert.explanation
    # A busy day at twice the usual is no serious alert: a day is noisier than a week.
    found = surge(_figures({**quiet, jump_day: 90}), jump_day + timedelta(days=1))
    assert all(a.level == "watch" for a in found if a.area == LUHANSK)


def test_an_alert_stands_a_month_a_higher_level_or_a_new_month_is_issued_again() -> None:
    # A ceasefire's calm (5 a day), then single bad days: day 42 (60, an alert), day 56 (55: the
    # same level while the first stands), day 66 (150: still an alert, still standing, nothing new),
    # day 80 (60: the first alert's month is over, issued again).
    calm = {DAY0 + timedelta(days=k): 5 for k in range(90)}
    bad = {42: 60, 56: 55, 66: 150, 80: 60}
    series = {**calm, **{DAY0 + timedelta(days=k): n for k, n in bad.items()}}
    found = replay(_figures(series), DAY0 + timedelta(days=35), DAY0 + timedelta(days=89), kinds=("surge",))
    assert [(a.level, (a.issued_at - DAY0).days) for a in found] == [("alert", 43), ("alert", 81)]
    # A watch first: the warning and the alert that follow within the month are each issued.
    rising = {**calm, **{DAY0 + timedelta(days=k): n for k, n in {42: 20, 50: 26, 52: 52}.items()}}
    found = replay(_figures(rising), DAY0 + timedelta(days=35), DAY0 + timedelta(days=60), kinds=("surge",))
    assert [a.level for a in found] == ["watch", "warning", "alert"]


def test_a_monitor_says_an_alert_once_however_often_it_looks() -> None:
    from tocsin.analysis.alerts import Standing

    calm = {DAY0 + timedelta(days=k): 5 for k in range(60)}
    day = DAY0 + timedelta(days=42)
    series = _figures({**calm, day: 60})
    standing = Standing()
    raised = alerts_on(series, day + timedelta(days=1))
    assert [a.level for a in standing.issue(day + timedelta(days=1), raised)] == ["alert"]
    assert standing.issue(day + timedelta(days=1), raised) == []  # the next cycle of the same day
    assert standing.issue(day + timedelta(days=2), raised) == []  # held the next day
    # a month later the same level is issued again
    assert [a.level for a in standing.issue(day + timedelta(days=31), raised)] == ["alert"]


def test_days_no_report_covers_are_unknown_not_quiet() -> None:
    # One report a week (a sampled series): weeks without a report are no weeks of calm, and four
    # reports are too few to know the usual day, so a higher figure is no surge.
    weekly = {DAY0 + timedelta(days=7 * k): 40 for k in range(6)}
    last = DAY0 + timedelta(days=42)
    assert surge(_figures({**weekly, last: 80}), last + timedelta(days=1)) == []
    # A weekend's figure counts a share on each of its three days.
    daily = {DAY0 + timedelta(days=k): 40 for k in range(42)}
    weekend = _figures({last: 120}, days=3)
    assert surge(_figures(daily) + weekend, last + timedelta(days=3)) == []
    assert [
        a.level for a in surge(_figures(daily) + _figures({last: 400}, days=3), last + timedelta(days=3))
    ] == ["watch"]


def test_the_change_point_search_in_c_finds_what_the_least_squares_pelt_finds() -> None:
    import random

    import numpy
    import ruptures

    rng = random.Random(3)
    for _ in range(60):
        base = rng.choice([0.2, 2.0, 40.0])
        daily = [max(0.0, rng.gauss(base, base)) for _ in range(90)]
        if rng.random() < 0.5:
            k = rng.randint(50, 85)
            daily[k:] = [d * rng.choice([2, 8]) + rng.random() * 5 for d in daily[k:]]
        series = numpy.array(daily).reshape(-1, 1)
        pen = 3.0 * math.log(90) * max(float(series.var()), 1.0)
        slow = ruptures.Pelt(model="l2", min_size=7, jump=1).fit(series).predict(pen=pen)
        fast = ruptures.KernelCPD(kernel="linear", min_size=7, jump=1).fit(series).predict(pen=pen)
        assert fast == slow


def test_a_figures_parts_are_not_added_to_its_total_and_news_days_are_not_compared() -> None:
    quiet = _figures({DAY0 + timedelta(days=k): 40 for k in range(42)})
    jump_day = DAY0 + timedelta(days=42)
    total, part = _figures({jump_day: 591}), _figures({jump_day: 553})
    part = [replace(o, id=f"{o.id}-explosions") for o in part]  # "including 553 explosions"
    (alert,) = surge(quiet + total + part, jump_day + timedelta(days=1))
    assert alert.observed == 591 and alert.event_ids == (total[0].id,)
    # Thirty events coded from the news on one day after a quiet month: a week's surge, not a day's.
    news = [_occ(i, DAY0 + timedelta(days=7 * i)) for i in range(6)] + [
        _occ(100 + i, jump_day) for i in range(30)
    ]
    (weekly,) = surge(news, jump_day)
    assert weekly.window == (jump_day - timedelta(days=6), jump_day) and "in the 7 days" in weekly.explanation
