"""The HTTP API over a store: reads, pagination, errors as JSON, token-guarded writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_fusion import REBELS, UKRAINE_ARMY, _doc, _event
from tocsin.api.app import create_app
from tocsin.config import load_settings
from tocsin.store.store import Store


@pytest.fixture()
def client(store_at: str) -> TestClient:
    """The API over a small store, in each backend (``tocsin serve --db`` a file or a URL)."""
    db = store_at
    events = [_event(f"e{i}", day=f"2014-05-{i + 1:02d}", town=t, dead=i)
              for i, t in enumerate(["Sloviansk", "Mariupol", "Kharkiv", "Kramatorsk", None])]  # fmt: skip
    events.append(
        _event("rebels", day="2014-05-02", town="Mariupol", actors=(REBELS,), recipients=(UKRAINE_ARMY,))
    )
    with Store(db) as store:
        for e in events:
            store.add(_doc(e, source=f"outlet {e.doc_id}"), (e,))
        store.fuse()
    return TestClient(create_app(str(db), load_settings(env={})), raise_server_exceptions=False)


def test_events_filter_and_page_with_a_stable_cursor(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["count"] == 2 and first["next_cursor"]
    seen = [e["id"] for e in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/api/events", params={"limit": 2, "cursor": cursor}).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
    everything = client.get("/api/events", params={"limit": 100}).json()["items"]
    assert seen == [e["id"] for e in everything] and len(seen) == len(set(seen)) == 5  # one pair fused
    near = client.get("/api/events", params={"bbox": "37.0,48.5,38.0,49.0"}).json()["items"]
    assert {e["location"]["name"] for e in near} == {"Sloviansk", "Kramatorsk"} or len(near) == 1
    rebels = client.get("/api/events", params={"actor": "rebels"}).json()["items"]
    assert rebels and all(any(p["name"] == "rebels" for p in e["actor"] + e["recipient"]) for e in rebels)
    reports = client.get(
        "/api/events", params={"level": "reports", "since": "2014-05-02", "until": "2014-05-02"}
    )
    assert {r["fused_id"] is not None for r in reports.json()["items"]} == {True}


def test_an_event_with_its_reports_and_history_and_a_document_with_its_spans(client: TestClient) -> None:
    listed = client.get("/api/events", params={"limit": 100}).json()["items"]
    fused = next(e for e in listed if e["n_reports"] == 2)
    detail = client.get(f"/api/events/{fused['id']}").json()
    assert len(detail["reports"]) == 2 and detail["history"][0]["action"] == "open"
    doc_id = detail["reports"][0]["doc_id"]
    document = client.get(f"/api/documents/{doc_id}").json()
    assert document["text"] and document["evidence"][0]["end"] > document["evidence"][0]["start"]


def test_errors_are_json_with_a_code_and_never_a_traceback(client: TestClient) -> None:
    cases = [
        ("/api/events/nope", 404, "not_found"),
        ("/api/events?limit=5000", 422, "invalid"),
        ("/api/events?cursor=zzz", 400, "bad_request"),
        ("/api/export?format=xls", 400, "bad_request"),
        # A day at the calendar's end: the bulletin's year before it would run off the calendar.
        ("/api/bulletin?date=0001-01-01", 422, "invalid"),
        ("/api/alerts?until=9999-12-31", 422, "invalid"),
    ]
    for path, status, code in cases:
        response = client.get(path)
        assert response.status_code == status, path
        body: dict[str, Any] = response.json()
        assert body["error"]["code"] == code and "Traceback" not in response.text
    assert client.get("/healthz").json() == {"status": "ok", "store": True}
    assert "access-control-allow-origin" not in client.get("/api/stats").headers  # no CORS by default


def test_the_timeline_and_the_map_follow_every_filter_of_the_table(client: TestClient) -> None:
    everything = client.get("/api/events").json()["items"]
    first = everything[0]
    cases = [{}, {"area": "Mariupol"}, {"actor": "rebels", "since": "2014-05-02"}, {"actor": "nobody"},
             {"bbox": "37.0,47.0,38.0,47.5"}, {"q": first["evidence"][0]["text"][:12]},
             {"factuality": "asserted", "acled_type": first["acled_event_type"] or "none"}]  # fmt: skip
    sizes = set()
    for params in cases:
        listed = client.get("/api/events", params=params).json()["items"]
        stats = client.get("/api/stats", params=params).json()
        assert sum(d["events"] for d in stats["by_day"]) == len(listed), params
        placed = [e for e in listed if (e["location"] or {}).get("lat") is not None]
        assert sum(c["events"] for c in stats["by_cell"]) == len(placed), params
        exported = client.get("/api/export", params={"format": "geojson", **params}).json()
        assert len(exported["features"]) == len(placed), params
        sizes.add(len(listed))
    assert 0 in sizes and len(everything) in sizes and len(sizes) >= 3  # the filters do filter


def test_map_cells_say_their_types_and_are_drawn_in_their_commonest_acled_type(client: TestClient) -> None:
    cells = client.get("/api/stats").json()["by_cell"]
    for cell in cells:
        assert sum(cell["types"].values()) == cell["events"]
        acled = {k: n for k, n in cell["types"].items() if not k.isupper()}  # PLOVER's types are in capitals
        drawn = acled or cell["types"]
        assert drawn[cell["type"]] == max(drawn.values())


def test_stats_bulletin_alerts_and_exports_answer(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert sum(d["events"] for d in stats["by_day"]) == 5 and sum(stats["by_country"].values()) == 5
    assert sum(c["events"] for c in stats["by_cell"]) == 4  # the placeless event is on no map
    bulletin = client.get("/api/bulletin", params={"date": "2014-05-02", "format": "json"}).json()
    assert bulletin["date"] == "2014-05-02" and bulletin["annex"]
    assert client.get("/api/bulletin", params={"date": "2014-05-02", "format": "html"}).text.startswith(
        "<!DOCTYPE"
    )
    assert "items" in client.get("/api/alerts", params={"replay": True}).json()
    geo = client.get("/api/export", params={"format": "geojson"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert json.loads(geo.content)["type"] == "FeatureCollection"
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/healthz"} <= set(spec["paths"])


def test_writes_need_the_token_and_are_refused_without_one(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = {"id": "w1", "text": "Gunmen attacked a police post in Gao on Monday, killing three officers.",
           "published": "2024-05-06"}  # fmt: skip
    monkeypatch.delenv("TOCSIN_API_TOKEN", raising=False)
    assert client.post("/api/documents", json=doc).json()["error"]["code"] == "forbidden"
    monkeypatch.setenv("TOCSIN_API_TOKEN", "s3cret")
    assert (
        client.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 401
    )
    bad = client.post("/api/documents", content=b"{not json", headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"


@pytest.mark.slow
def test_a_posted_document_is_coded_stored_and_fused(
    client: TestClient, pipeline: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOCSIN_API_TOKEN", "s3cret")
    doc = {"id": "w1", "text": "Gunmen attacked a police post in Gao on Monday, killing three officers.",
           "published": "2024-05-06"}  # fmt: skip
    added = client.post(
        "/api/documents", json=[doc, {"id": "w2"}], headers={"Authorization": "Bearer s3cret"}
    )
    body = added.json()
    assert added.status_code == 200 and body["documents"][0]["status"] == "stored"
    assert body["rejected"][0]["reason"] == "malformed"
    events = client.get("/api/events", params={"since": "2024-05-01"}).json()["items"]
    assert any(e["event"] == "ASSAULT" and e["dead_best"] == 3 for e in events)
    reprint = {**doc, "id": "w1-reprint", "source": "Another Wire"}  # the same text, another outlet
    again = client.post("/api/documents", json=reprint, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["documents"][0]["status"] == "source"
    events = client.get("/api/events", params={"since": "2024-05-01"}).json()["items"]
    assert max(e["n_sources"] for e in events if e["event"] == "ASSAULT") == 2
