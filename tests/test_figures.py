"""A monitoring mission's figures: counts per region and window, never the previous period's."""

from __future__ import annotations

from datetime import date
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
