"""Exports: ACLED and UCDP CSV that read back to the same events, PLOVER records, GeoJSON, Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.test_fusion import REBELS, UKRAINE_ARMY, _doc, _event
from tocsin.cli import cli
from tocsin.importers.load import read_export
from tocsin.models import Actor
from tocsin.report.acled_actors import acled_country_name, acled_sides, event_country
from tocsin.store.store import Store

CIVILIANS = Actor("civilians", "Civilians (Ukraine)", "UKR", "CVL")


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    db = tmp_path / "x.duckdb"
    events = [
        _event("shelling", dead=4, sub="Shelling/artillery/missile attack"),
        _event("shelling2", town="Kramatorsk", dead=4, sub="Shelling/artillery/missile attack"),
        _event("attack", town="Mariupol", day="2014-05-03", recipients=(CIVILIANS,), dead=1),
        _event("placeless", town=None, day="2014-06-01", actors=(REBELS,), recipients=(UKRAINE_ARMY,)),
        _event("protest", event="PROTEST", mode="demo", town="Kharkiv", actors=(), recipients=()),
    ]
    with Store(db) as store:
        for e in events:
            store.add(_doc(e, source=f"outlet of {e.doc_id}"), (e,))
        store.fuse()
    return db


def _export(db: Path, fmt: str, out: Path) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_an_acled_export_reads_back_to_the_same_events(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    # the two reports of one shelling are one event; the protest has no ACLED type here
    assert "3 events written" in _export(store_path, "acled-csv", out)
    with Store(store_path, read_only=True) as store:
        fused = {e["date"] + (e["location"] or {}).get("name", ""): e for e in store.fused_events()}
    report = read_export(out, "acled")
    assert not report.rejected and len(report.events) == 3
    for imported in report.events:
        r = imported.record
        e = fused[r["date"] + (r["location"]["name"] or "")]
        assert r["acled_event_type"] == e["acled_event_type"]
        assert r["acled_sub_event_type"] == (e["acled_sub_event_type"] or None)
        assert r["dead"] == (e["dead_low"] or 0)
        assert r["location"]["country_code"] == "UA"
        assert r["location"]["lat"] == ((e["location"] or {}).get("lat"))
        assert [a["name"] for a in r["actor"]] == [a["name"] for a in e["actor"]]
    shelling = next(ev.record for ev in report.events if ev.record["dead"] == 4)
    assert shelling["provenance"]["row_id"].startswith("UKR")


def test_a_ucdp_export_reads_back_with_its_death_range(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "ged.csv"
    _export(store_path, "ucdp-csv", out)
    report = read_export(out, "ucdp")
    assert not report.rejected and len(report.events) == 3
    by_day = {e.record["date"]: e.record for e in report.events}
    # a remote attack is state-based conflict in UCDP's terms (type 1), read back as a battle
    assert by_day["2014-05-03"]["acled_event_type"] == "Battles"
    assert (by_day["2014-05-02"]["dead_low"], by_day["2014-05-02"]["dead_best"]) == (4, 4)


def test_geojson_is_rfc_7946_and_plover_records_keep_the_specification_layout(
    store_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    _export(store_path, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3  # the placeless one left out
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first, WGS 84
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and 30 < lon < 40 and 45 < lat < 52
        assert {"id", "event", "date", "dead_best", "n_sources"} <= set(feature["properties"])
    plover = tmp_path / "events.jsonl"
    _export(store_path, "plover-jsonl", plover)
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    fields = {"id", "date", "source", "target", "event", "mode", "eventText", "text", "eventLoc", "dead"}
    assert all(fields <= set(r) for r in records)
    shelling = next(r for r in records if r["dead"] == 4)
    assert shelling["source"][0] == {
        "actorText": "Ukrainian troops",
        "code": "UKR",
        "sector": "MIL",
        "name": "Military Forces of Ukraine",
    }
    assert shelling["eventLoc"]["country code"] == "UA" and shelling["tocsin"]["n_sources"] == 2


def test_parquet_reads_in_duckdb(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    _export(store_path, "parquet", out)
    rows = duckdb.sql(f"SELECT id, event, date, dead_best, record FROM '{out}' ORDER BY date").fetchall()
    assert len(rows) == 4 and str(rows[0][2]) == "2014-05-02"
    assert json.loads(rows[0][4])["id"] == rows[0][0]


def _party(name: str, country: str | None = None, sector: str | None = None) -> dict[str, str | None]:
    return {"text": name, "name": name, "country": country, "sector": sector, "entity": None}


def _record(kind: str | None, cc: str, actors: list[dict[str, str | None]],
            recipients: list[dict[str, str | None]]) -> dict[str, object]:  # fmt: skip
    return {"acled_event_type": kind, "actor": actors, "recipient": recipients,
            "location": {"country_code": cc}}  # fmt: skip


def _sides(record: dict[str, object]) -> tuple[list[str], list[str]]:
    sides = acled_sides(record, event_country(record)[0])
    return [p["name"] for p in sides.first], [p["name"] for p in sides.second]


def test_acled_rows_name_a_protests_crowd_first_and_its_organisers_as_associated_actors() -> None:
    # "STPRM members protested against the government": ACLED's actor1 is the crowd, the union its
    # associated actor, and what the protest is against no actor at all
    union, government = _party("STPRM members"), _party("Government of Mexico", "MEX", "GOV")
    assert _sides(_record("Protests", "MX", [union], [government])) == (
        ["Protesters (Mexico)", "STPRM members"],
        [],
    )
    # police who break up a protest are its second side, whichever side the record has them on
    police, crowd = _party("Police Forces of Chile", "CHL", "COP"), _party("Protesters (Chile)", "CHL", "PRO")
    assert _sides(_record("Protests", "CL", [police], [crowd])) == (
        ["Protesters (Chile)"],
        ["Police Forces of Chile"],
    )
    riot = acled_sides(_record("Riots", "IN", [], []), "IND")
    assert [p["name"] for p in riot.first] == ["Rioters (India)"] and riot.first[0]["inter"] == 5


def test_acled_rows_give_an_unnamed_doer_of_violence_to_an_unidentified_armed_group() -> None:
    victims = _party("Civilians (Mexico)", "MEX", "CVL")
    assert _sides(_record("Violence against civilians", "MX", [], [victims])) == (
        ["Unidentified Armed Group (Mexico)"], ["Civilians (Mexico)"])  # fmt: skip
    # a development with no one named stays without an actor; a named doer stays the doer
    assert _sides(_record("Strategic developments", "MX", [], [])) == ([], [])
    rebels = _party("rebels", None, "REB")
    assert _sides(_record("Battles", "MX", [rebels], [])) == (["rebels"], [])


def test_acled_rows_use_acleds_names_of_countries_and_organisations() -> None:
    army = _party("Military Forces of Democratic Republic of the Congo", "COD", "MIL")
    us = _party("Protesters (United States)", "USA", "PRO")
    jnim = _party("JNIM", "MLI", "REB")
    first, second = _sides(_record("Battles", "CD", [army], [jnim]))
    assert first == ["Military Forces of the Democratic Republic of Congo"]
    assert second == ["JNIM: Group for Support of Islam and Muslims"]
    assert _sides(_record("Protests", "US", [us], [])) == (["Protesters (United States)"], [])
    gang = _party("Unidentified Armed Group (Mexico)", "MEX", "CRM")  # "gang members shot dead a man"
    assert _sides(_record("Violence against civilians", "MX", [gang], []))[0] == [
        "Unidentified Gang (Mexico)"
    ]
    # "militants killed two civilians": ACLED names a rebel group only by its name
    militants = _party("Rebel Group (Nigeria)", "NGA", "REB")
    first_side = acled_sides(_record("Violence against civilians", "NG", [militants], []), "NGA").first
    assert [(p["name"], p["inter"]) for p in first_side] == [("Unidentified Armed Group (Nigeria)", 3)]
    assert (
        acled_country_name("COD") == "Democratic Republic of Congo" and acled_country_name("UKR") == "Ukraine"
    )


def test_acled_rows_name_a_militia_called_after_its_region_a_communal_militia() -> None:
    katsina = _party("Katsina militiamen", None, "UAF")
    record = _record("Violence against civilians", "NG", [katsina], [])
    record["location"] = {"country_code": "NG", "admin1": "Katsina", "name": "Batagarawa"}
    first = acled_sides(record, "NGA").first
    assert [(p["name"], p["inter"]) for p in first] == [("Katsina Communal Militia (Nigeria)", 4)]
    # a militia of another name, or one named after no place of the event, keeps its name
    mayi = _party("Mayi Mayi militia", None, "UAF")
    elsewhere = _record("Violence against civilians", "CD", [mayi], [])
    elsewhere["location"] = {"country_code": "CD", "admin1": "Nord Kivu", "name": "Beni"}
    assert [p["name"] for p in acled_sides(elsewhere, "COD").first] == ["Mayi Mayi militia"]


def test_acled_rows_name_herders_named_by_their_people_an_ethnic_militia() -> None:
    fulani = _party("armed Fulani pastoralists", None, "UAF")
    first, _ = _sides(_record("Violence against civilians", "NG", [fulani], []))
    assert first == ["Fulani Ethnic Militia (Nigeria)"]
    # a nationality is no people
    nigerians = _party("Nigerian herders", "NGA", "CVL")
    assert _sides(_record("Violence against civilians", "NG", [nigerians], []))[0] == ["Nigerian herders"]
