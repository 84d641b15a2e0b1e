"""The dashboard in a real browser: Debian's Chromium driven by playwright (no downloaded browser)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from tests.test_fusion import REBELS, UKRAINE_ARMY, _doc, _event
from tocsin.api.app import create_app
from tocsin.config import load_settings
from tocsin.store.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium here (scripts/test.sh installs Debian's as root)"
    ),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "web.duckdb"
    events = [_event("a", dead=2), _event("b", town="Kramatorsk", dead=3),
              _event("c", town="Mariupol", day="2014-05-03", actors=(REBELS,), recipients=(UKRAINE_ARMY,)),
              _event("d", town="Kharkiv", day="2014-05-04", event="PROTEST", mode="demo", actors=(),
                     recipients=())]  # fmt: skip
    with Store(db) as store:
        for e in events:
            store.add(_doc(e, source=f"outlet {e.doc_id}"), (e,))
        store.fuse()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(str(db), load_settings(env={})), host="127.0.0.1", port=port,
                            log_level="warning")  # fmt: skip
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app_server.should_exit = True
        thread.join(timeout=10)


def test_the_dashboard_works_offline_filters_and_opens_an_event(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda r: requested.append(r.url))
        page.goto(server + "/")
        page.wait_for_selector("#events tbody tr")
        rows = page.locator("#events tbody tr")
        assert rows.count() == 3  # the API's fused events: two reports of one shelling, an attack, a protest
        assert page.locator("#map circle.cell").count() >= 2
        assert page.locator("#map path.country").count() > 200  # the bundled base map, offline
        page.wait_for_selector("#map path.admin1")  # Ukraine's regions, loaded for its events
        assert page.locator("#map path.admin1").count() >= 20
        # the markers count what the table lists (every event here has a place)
        placed = page.eval_on_selector_all(
            "#map circle.cell", "cs => cs.reduce((n, c) => n + +c.dataset.events, 0)"
        )
        assert placed == rows.count()
        fills = page.eval_on_selector_all(
            "#map circle.cell", "cs => cs.map(c => [c.dataset.type, c.getAttribute('fill')])"
        )
        # coloured by ACLED type (grey: a PLOVER type ACLED would not count as such)
        assert ["Explosions/Remote violence", "#e67e22"] in fills and ["PROTEST", "#555"] in fills
        assert page.locator("#timeline rect.day").count() == 3
        # the brush: dragging across the first two days keeps their events
        first, second = (page.locator("#timeline rect.day").nth(i).bounding_box() for i in (0, 1))
        assert first is not None and second is not None
        page.mouse.move(first["x"] + 1, first["y"] + first["height"] / 2)
        page.mouse.down()
        page.mouse.move(second["x"] + second["width"] / 2, second["y"] + second["height"] / 2, steps=5)
        page.mouse.up()
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 2")
        assert "since=2014-05-02" in page.url and "until=2014-05-03" in page.url
        page.click("#clear")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
        # the actor filter narrows the table, the timeline and the map alike
        page.fill("input[name=actor]", "rebels")
        page.click("form#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 2")
        page.wait_for_function("document.querySelectorAll('#timeline rect.day').length === 2")
        assert "actor=rebels" in page.url
        page.click("#clear")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
        # a cell keeps its events: Kharkiv's protest alone
        page.locator("#map circle.cell[data-type=PROTEST]").click()
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
        assert "bbox=" in page.url
        page.click("#clear")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
        # a filter changes the table and the URL
        page.select_option("select[name=type]", "PROTEST")
        page.click("form#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
        assert "type=PROTEST" in page.url
        page.wait_for_function("document.querySelectorAll('#timeline rect.day').length === 1")  # it follows
        # clicking an event opens its card with the evidence, its trigger highlighted
        page.click("#clear")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#card:not([hidden]) .report mark")
        assert page.locator("#card .report").count() == 2 and "2 sources" in page.inner_text("#card")
        # a report's sentence highlighted in its document's text
        page.locator("#card .report a.in-document").first.click()
        page.wait_for_selector("#document:not([hidden]) mark.evidence")
        marked = page.inner_text("#document mark.evidence")
        assert marked in page.inner_text("#document .text") and "shelled" in marked
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        # the day's bulletin renders, from the same server
        bulletin = page.get_attribute("#bulletin", "href")
        assert bulletin is not None
        page.goto(server + bulletin)
        page.wait_for_selector("h1")
        assert "2014-05-04" in page.inner_text("h1") and page.locator("table").count() >= 1
        browser.close()
    hosts = {urlsplit(u).hostname for u in requested}
    assert hosts == {"127.0.0.1"}, hosts  # nothing leaves localhost
