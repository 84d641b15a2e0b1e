"""A monitoring mission's figures: counts per region and window, never the previous period's."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import code_text
from tocsin.extract.figures import figures, report_end

AS_OF = date(2022, 2, 18)


def _read(sentence: str) -> list[tuple[str, int, str, str]]:
    return [(f.region, f.count, f.count_of, f.window) for f in figures(sentence, AS_OF)]


def test_region_figures_with_their_explosions_not_the_previous_period() -> None:
    assert _read(
        "In Donetsk region, the SMM recorded 591 ceasefire violations, including 553 explosions."
    ) == [("Donetsk", 591, "ceasefire violations", "24h"), ("Donetsk", 553, "explosions", "24h")]
    assert (
        _read("In the previous reporting period, it recorded 222 ceasefire violations in the region.") == []
    )
    assert _read(
        "The SMM recorded 189 ceasefire violations, including 86 explosions, in Luhansk region."
    ) == [("Luhansk", 189, "ceasefire violations", "24h"), ("Luhansk", 86, "explosions", "24h")]


def test_figures_in_words_shared_nouns_and_both_regions() -> None:
    assert _read(
        "The SMM recorded no ceasefire violations in Donetsk region (compared with one in the previous"
        " 24 hours) and twenty-three ceasefire violations in Luhansk region (compared with two in the"
        " previous 24 hours)."
    ) == [("Donetsk", 0, "ceasefire violations", "24h"), ("Luhansk", 23, "ceasefire violations", "24h")]
    assert _read(
        "The SMM recorded 1,213 ceasefire violations in Donetsk region and none in Luhansk region."
    ) == [("Donetsk", 1213, "ceasefire violations", "24h"), ("Luhansk", 0, "ceasefire violations", "24h")]
    assert _read("The SMM recorded no ceasefire violations in either Donetsk or Luhansk region.") == [
        ("Donetsk", 0, "ceasefire violations", "24h"),
        ("Luhansk", 0, "ceasefire violations", "24h"),
    ]
    assert (
        _read(
            "From 00:01 on 27 July until the end of the reporting period, the SMM recorded a total of 246"
            " ceasefire violations."
        )
        == []
    )  # a running total, given for no region


def test_a_weekend_window_and_the_report_day() -> None:
    (f,) = figures(
        "Between the evenings of 18 and 20 February, the SMM recorded 2,158 ceasefire violations in"
        " Donetsk region.",
        date(2022, 2, 20),
    )
    assert (f.start, f.end, f.window, f.count) == (date(2022, 2, 18), date(2022, 2, 20), "multi-day", 2158)
    text = "Based on information from the Monitoring Teams as of 19:30, 15 October 2019. All times are EEST."
    assert report_end(text, date(2019, 10, 16)) == date(2019, 10, 15)
    assert report_end("No header here.", date(2019, 10, 16)) == date(2019, 10, 15)


@pytest.mark.slow
def test_a_daily_report_gives_dated_located_counts_that_never_fuse(pipeline: Any) -> None:
    text = (
        "Based on information from the Monitoring Teams as of 19:30 18 February 2022.\n\n"
        "In Donetsk region, the SMM recorded 591 ceasefire violations, including 553 explosions. In the"
        " previous reporting period, it recorded 222 ceasefire violations in the region."
    )
    records = [e for e in code_text(pipeline, text, published="2022-02-19") if e["count"] is not None]
    assert sorted((e["count"], e["count_of"]) for e in records) == [
        (553, "explosions"),
        (591, "ceasefire violations"),
    ]
    for e in records:
        assert (e["date"], e["date_end"]) == ("2022-02-17", "2022-02-18")
        assert e["location"]["name"] == "Donetsk" and e["location"]["country_code"] == "UA"
        assert e["evidence"][0]["text"].startswith("In Donetsk region")


def _report(n: int, as_of: date, luhansk: int, previous: int) -> dict[str, Any]:
    issued = as_of + timedelta(days=1)
    text = (
        f"OSCE Special Monitoring Mission to Ukraine (SMM) Daily Report {n}/2022 issued on"
        f" {issued.day} {issued:%B %Y}\nBased on information from the Monitoring Teams as of 19:30,"
        f" {as_of.day} {as_of:%B %Y}. All times are in Eastern European Time.\nSummary\n- In Luhansk"
        f" region, the SMM recorded {luhansk} ceasefire violations, including {luhansk // 2} explosions."
        f" In the previous reporting period, it recorded {previous} ceasefire violations in the region."
    )
    return {"id": f"smm-{n}-2022", "issued": issued.isoformat(), "as_of": as_of.isoformat(), "text": text}


@pytest.mark.slow
def test_a_missions_reports_that_jump_warn_a_week_before_the_onset(pipeline: Any, tmp_path: Path) -> None:
    """The mission's daily reports, read as text, raise a serious alert the day the jump is
    published: 17 February for a jump counted on 16 February, a week before the 24th."""
    from tocsin.evaluation.smm import evaluate

    days = [date(2022, 1, 10) + timedelta(days=k) for k in range(40)]  # 10 January to 18 February
    counts = {d: 30 + (d.day * 7) % 20 for d in days}
    counts.update({date(2022, 2, 16): 402, date(2022, 2, 17): 648, date(2022, 2, 18): 975})
    reports = [_report(i, d, counts[d], counts.get(d - timedelta(days=1), 30)) for i, d in enumerate(days, 1)]
    gold = [{"id": r["id"], "as_of": r["as_of"], "region": "Luhansk", "window": "24h",
             "ceasefire_violations": counts[date.fromisoformat(r["as_of"])], "explosions": None,
             "source_sentence": ""} for r in reports]  # fmt: skip
    (tmp_path / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    (tmp_path / "counts.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    found = evaluate(
        tmp_path, pipeline, onsets=(date(2022, 2, 24),), quiet=[(date(2022, 2, 1), date(2022, 2, 15))]
    )
    assert found["accuracy"] == 1.0
    (onset,) = found["onsets"]
    assert onset["first_serious_alert"]["issued_at"] == "2022-02-17" and onset["warned_7_days_ahead"]
    assert "402" in onset["first_serious_alert"]["explanation"]  # not 402 + its 201 explosions
    assert found["quiet_spans"][0]["serious_alerts"] == 0
