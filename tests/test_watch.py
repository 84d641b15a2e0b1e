"""`tocsin watch`: polling feeds that change between polls from a local HTTP server, conditional
requests, failing sources with backoff, the day's reports, and a clean stop that resumes (slow:
loads the model)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from tocsin.cli import cli
from tocsin.cli.monitor import parse_interval
from tocsin.monitor.loop import Watcher
from tocsin.monitor.poll import Poller
from tocsin.monitor.sources import read_sources
from tocsin.monitor.state import WatchState
from tocsin.store.store import Store

pytestmark = pytest.mark.slow


def _feed(stories: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://wire.example/{i}</link>"
        f"<pubDate>Mon, 0{i + 1} Mar 2022 12:00:00 GMT</pubDate><description>{text}</description></item>"
        for i, text in enumerate(stories)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    return f"{head}{items}</channel></rss>".encode()


class FeedServer:
    """A feed whose content the test changes; it answers If-None-Match with 304 when unchanged."""

    def __init__(self) -> None:
        self.stories = ["Rebels attacked an army post in Beni on Monday, killing four soldiers."]
        self.requests: list[tuple[str, int]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != "/feed.xml":
                    owner.requests.append((self.path, 500))
                    self.send_response(500)
                    self.end_headers()
                    return
                body = _feed(owner.stories)
                etag = f'"{len(owner.stories)}"'
                if self.headers.get("If-None-Match") == etag:
                    owner.requests.append((self.path, 304))
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                owner.requests.append((self.path, 200))
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture()
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def _watcher(tmp_path: Path, sources_file: Path, pipeline: Any, lines: list[str]) -> tuple[Watcher, Store]:
    store = Store(str(tmp_path / "w.duckdb"))
    poller = Poller(tmp_path / "cache.sqlite", max_bytes=1_000_000, allow_private=True)
    state = WatchState.load(tmp_path / "w.duckdb.watch.json")
    watcher = Watcher(read_sources(sources_file), store=store, pipeline=pipeline, poller=poller, state=state,
                      out=tmp_path / "out", every=900, stop=threading.Event(), say=lines.append)  # fmt: skip
    return watcher, store


def _documents(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]


def test_polls_ingest_what_is_new_and_an_unchanged_feed_costs_one_304(
    tmp_path: Path, pipeline: Any, feed_server: FeedServer
) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text(
        f"# the wire\n{feed_server.url}/feed.xml\n{feed_server.url}/broken.xml\n", encoding="utf-8"
    )
    lines: list[str] = []
    watcher, store = _watcher(tmp_path, sources, pipeline, lines)
    now = datetime(2022, 3, 7, 12, 0, tzinfo=UTC)
    with store:
        first = watcher.cycle(now, every_source=True)
        assert (first.stored, first.failed, first.unchanged) == (1, 1, 0)
        second = watcher.cycle(now + timedelta(minutes=1), every_source=True)
        assert (second.stored, second.unchanged) == (0, 1)  # the server said 304: nothing re-read
        feed_server.stories.append("Police fired tear gas at protesters in Goma on Tuesday.")
        third = watcher.cycle(now + timedelta(minutes=2), every_source=True)
        assert third.stored == 1 and _documents(store) == 2
    feed_codes = [code for path, code in feed_server.requests if path == "/feed.xml"]
    assert feed_codes == [200, 304, 200]
    # The broken source was recorded with its reason and left to its backoff; the others went on.
    broken = watcher.state.of(f"{feed_server.url}/broken.xml")
    assert broken.failures == 3 and broken.last_error == "unreachable: HTTP 500"
    assert any("broken.xml failed (unreachable: HTTP 500); next try in" in line for line in lines)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as conn:
        reasons = conn.execute("SELECT DISTINCT reason FROM rejections").fetchall()
    assert reasons == [("unreachable",)]
    # The day's reports are written, whole.
    assert (tmp_path / "out" / "bulletin-2022-03-07.md").read_text(encoding="utf-8").startswith("#")
    assert (tmp_path / "out" / "alerts-2022-03-07.jsonl").exists()


def test_a_failing_source_backs_off_and_a_due_one_is_polled_on_schedule(
    tmp_path: Path, pipeline: Any
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    sources = tmp_path / "sources.txt"
    sources.write_text("drop\nmissing-folder\n", encoding="utf-8")
    watcher, store = _watcher(tmp_path, sources, pipeline, [])
    now = datetime(2022, 3, 7, 12, 0, tzinfo=UTC)
    with store:
        watcher.cycle(now)
        missing = watcher.state.of("missing-folder")
        assert missing.failures == 1 and missing.last_error is not None
        assert watcher.state.due("missing-folder", now + timedelta(seconds=61))  # first retry: 60 s
        assert not watcher.state.due("drop", now + timedelta(minutes=14))  # the interval: 15 minutes
        (folder / "a.txt").write_text("Gunmen killed three villagers in Djibo on Monday.", encoding="utf-8")
        later = watcher.cycle(now + timedelta(minutes=15, seconds=1))
        assert later.stored == 1
        assert watcher.state.of("missing-folder").failures == 2  # retried, backing off: 120 s next
    assert not watcher.state.due("missing-folder", now + timedelta(minutes=15, seconds=100))


def test_interval_parsing() -> None:
    assert [parse_interval(t) for t in ("30s", "15m", "1h", "2d", "90")] == [30, 900, 3600, 172800, 90]
    for bad in ("0s", "fast", "-5m", ""):
        with pytest.raises(Exception, match="no interval"):
            parse_interval(bad)


def test_the_command_needs_a_readable_sources_file(tmp_path: Path, pipeline: Any) -> None:
    empty = tmp_path / "sources.txt"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["watch", str(empty), "--db", str(tmp_path / "x.duckdb"), "--once"])
    assert result.exit_code == 2 and "lists no feed, file or folder" in result.output


def test_sigterm_stops_between_documents_and_a_restart_resumes(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = tmp_path / "tocsin.toml"
    config.write_text("[ingest]\nallow_private_urls = true\n", encoding="utf-8")
    sources = tmp_path / "sources.txt"
    sources.write_text(f"{feed_server.url}/feed.xml\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    command = [sys.executable, "-c", "from tocsin.cli import main; main()", "--config", str(config), "watch",
               str(sources), "--db", str(db), "--every", "2s"]  # fmt: skip
    proc = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    assert proc.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait for two rounds: the second an unchanged feed
        line = proc.stderr.readline()
        seen.append(line)
        if sum("sources polled" in s for s in seen) >= 2:
            break
    proc.send_signal(signal.SIGTERM)
    rest = proc.communicate(timeout=60)[1]
    assert proc.returncode == 0, "".join(seen) + rest
    assert "watch stopped; run the same command to resume" in rest
    assert "1 unchanged" in "".join(seen)
    state = WatchState.load(tmp_path / "w.duckdb.watch.json")
    assert state.of(sources.read_text(encoding="utf-8").strip()).documents == 1
    # The restart carries on: the feed has not changed, so nothing is read again.
    again = subprocess.run([*command[:-2], "--once"], capture_output=True, text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert "1 unchanged" in again.stderr and "0 documents stored" in again.stderr


def test_a_stop_asked_for_in_the_middle_of_a_wait_is_never_stuck() -> None:
    """What hung the watch once in CI: a signal's handler runs in the thread it interrupts, and
    threading.Event.set takes the lock the interrupted Event.wait may be holding. Here the handler's
    work runs while every lock the stop request has is held by the same thread, as it would be
    inside such a wait (with an Event, the thread never ends)."""
    import contextlib

    from tocsin.monitor.stop import StopRequest

    stop = StopRequest()

    def handler_inside_a_wait() -> None:
        held = getattr(stop, "_cond", None)  # threading.Event's lock
        with held if held is not None else contextlib.nullcontext():
            stop.set()

    worker = threading.Thread(target=handler_inside_a_wait, daemon=True)
    worker.start()
    worker.join(2)
    assert not worker.is_alive() and stop.is_set()


def test_a_signal_ends_the_wait_for_the_next_round_promptly() -> None:
    from tocsin.monitor.stop import StopRequest

    stop = StopRequest()
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: stop.set())
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        start = time.monotonic()
        assert stop.wait(30) is True
        assert time.monotonic() - start < 2
        assert StopRequest().wait(0.3) is False  # no stop asked: the whole timeout
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
