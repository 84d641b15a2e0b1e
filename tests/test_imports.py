"""Importing ACLED and UCDP exports: both date layouts, HXL rows, bad rows, idempotence."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from tocsin.cli import cli
from tocsin.importers.load import read_export
from tocsin.importers.rows import country_code
from tocsin.report.exports import ACLED_COLUMNS


def _acled_row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty="UGA1",
        event_date="2022-02-23",
        time_precision="1",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Uganda (1986-)",
        country="Uganda",
        admin1="Northern",
        location="Gulu",
        latitude="2.78",
        longitude="32.3",
        geo_precision="1",
        fatalities="3",
        notes="On 23 February 2022, soldiers clashed with rebels near Gulu.",
    )
    row.update(values)
    return row


def _write_acled(path: Path, rows: list[dict[str, str]], *, hxl: bool = True) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        if hxl:
            writer.writerow({c: f"#{c.replace('_', '+')}" for c in ACLED_COLUMNS})
        writer.writerows(rows)
    return path


def test_acled_rows_both_date_layouts_and_every_bad_row_with_its_reason(tmp_path: Path) -> None:
    path = _write_acled(
        tmp_path / "acled.csv",
        [
            _acled_row(),
            _acled_row(
                event_id_cnty="UGA2",
                event_date="23 February 2022",
                time_precision="2",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
            ),
            _acled_row(event_id_cnty="UGA3", event_date=""),
            _acled_row(event_id_cnty="UGA4", latitude="200"),
            _acled_row(event_id_cnty="UGA5", fatalities="-1"),
            _acled_row(event_id_cnty="UGA1"),
            _acled_row(
                event_id_cnty="UGA6", event_type="Protests", sub_event_type="Peaceful protest", fatalities=""
            ),
        ],
    )
    report = read_export(path, "acled")
    assert report.read == 7  # the HXL row is no row
    assert [e.id for e in report.events] == ["acled:UGA1", "acled:UGA2", "acled:UGA6"]
    reasons = {r.source.rsplit(":", 1)[1]: r.detail for r in report.rejected}
    assert reasons == {
        "5": "no event_date",
        "6": "coordinates '200', '32.3' are not a point",
        "7": "fatalities -1 below zero",
        "8": "a second row with id UGA1",
    }
    first, shelling, protest = (e.record for e in report.events)
    assert first["event"] == "ASSAULT" and first["dead"] == 3 and first["location"]["country_code"] == "UG"
    assert first["provenance"] == {"dataset": "acled", "row_id": "UGA1", "file": str(path)}
    assert shelling["date"] == "2022-02-23" and shelling["date_precision"] == "week"
    assert shelling["mode"] == "heavy-weapons"
    assert protest["event"] == "PROTEST" and protest["dead"] is None


def test_ucdp_rows_dates_sides_and_death_ranges(tmp_path: Path) -> None:
    columns = [
        "id",
        "type_of_violence",
        "side_a",
        "side_b",
        "country",
        "adm_1",
        "where_prec",
        "where_coordinates",
        "latitude",
        "longitude",
        "date_prec",
        "date_start",
        "date_end",
        "low",
        "best",
        "high",
        "number_of_sources",
    ]
    rows = [
        [
            "1",
            "1",
            "Government of Ukraine",
            "DPR",
            "Ukraine",
            "Donetsk oblast",
            "1",
            "Sloviansk town",
            "48.85",
            "37.60",
            "1",
            "05/02/2014 00:00",
            "05/02/2014 00:00",
            "3",
            "5",
            "8",
            "2",
        ],
        [
            "2",
            "3",
            "DPR",
            "Civilians",
            "Ukraine",
            "",
            "4",
            "Donetsk oblast",
            "48.0",
            "37.8",
            "3",
            "1/22/2014 12:00:00 AM",
            "1/31/2014 12:00:00 AM",
            "1",
            "1",
            "1",
            "1",
        ],
        [
            "3",
            "1",
            "Government of Ukraine",
            "DPR",
            "Ukraine",
            "",
            "1",
            "x",
            "48",
            "37",
            "1",
            "05/02/2014 00:00",
            "05/02/2014 00:00",
            "7",
            "6",
            "7",
            "1",
        ],
        [
            "4",
            "9",
            "A",
            "B",
            "Ukraine",
            "",
            "1",
            "x",
            "48",
            "37",
            "1",
            "05/02/2014 00:00",
            "",
            "1",
            "1",
            "1",
            "1",
        ],
    ]
    path = tmp_path / "ged.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([columns, *rows])
    report = read_export(path, "ucdp")
    assert [e.id for e in report.events] == ["ucdp:1", "ucdp:2"]
    assert [r.detail for r in report.rejected] == [
        "best 6 outside [low 7, high 7]",
        "type_of_violence '9' is not 1, 2 or 3",
    ]
    state, one_sided = (e.record for e in report.events)
    assert state["date"] == "2014-05-02" and state["date_end"] is None  # month first, as UCDP writes
    assert (state["dead_low"], state["dead_best"], state["dead_high"]) == (3, 5, 8)
    assert state["acled_event_type"] == "Battles" and state["location"]["country_code"] == "UA"
    assert one_sided["acled_event_type"] == "Violence against civilians"
    assert (one_sided["date"], one_sided["date_end"], one_sided["date_precision"]) == (
        "2014-01-22",
        "2014-01-31",
        "month",
    )
    assert one_sided["location"]["precision"] == "region"


def test_import_events_is_idempotent_updates_changed_rows_and_refuses_other_files(
    tmp_path: Path, store_at: str
) -> None:
    db = store_at
    path = _write_acled(tmp_path / "a.csv", [_acled_row(), _acled_row(event_id_cnty="UGA2", fatalities="x")])
    runner = CliRunner()
    first = runner.invoke(cli, ["import-events", "--format", "acled", "--db", db, str(path)])
    assert (
        first.exit_code == 1
        and "1 imported" in first.stderr
        and "fatalities 'x' is not a number" in first.stderr
    )
    again = runner.invoke(cli, ["import-events", "--format", "acled", "--db", db, str(path)])
    assert "0 imported, 0 updated, 1 unchanged" in again.stderr
    _write_acled(path, [_acled_row(fatalities="4")], hxl=False)
    changed = runner.invoke(cli, ["import-events", "--format", "acled", "--db", db, str(path)])
    assert changed.exit_code == 0 and "1 updated" in changed.stderr
    listed = runner.invoke(cli, ["events", "--imported", "--db", db, "--format", "jsonl", "--country", "UG"])
    (record,) = [json.loads(line) for line in listed.output.splitlines()]
    assert record["id"] == "acled:UGA1" and record["dead"] == 4
    text = tmp_path / "notes.txt"
    text.write_text("not a CSV export at all\n", encoding="utf-8")
    refused = runner.invoke(cli, ["import-events", "--format", "ucdp", "--db", db, str(text)])
    assert refused.exit_code == 2 and "is not a UCDP export" in refused.output


def test_country_names_as_acled_writes_them() -> None:
    # ACLED's "Democratic Republic of Congo" is not GeoNames' "Democratic Republic of the Congo", nor
    # the Republic of Congo across the river
    assert country_code("Democratic Republic of Congo") == "CD"
    assert country_code("Republic of Congo") == "CG"
    assert (country_code("Cape Verde"), country_code("eSwatini"), country_code("Netherlands")) == (
        "CV",
        "SZ",
        "NL",
    )
