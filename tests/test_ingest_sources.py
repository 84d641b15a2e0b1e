"""Every kind of source, on fixtures these tests write: pages, feeds, WARC, URLs, folders (slow)."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tocsin.cli import cli
from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.ingest.readers import iter_inputs
from tocsin.ingest.sniff import sniff
from tocsin.models import Rejection
from tocsin.store.store import Store

pytestmark = pytest.mark.slow

STORY = (
    "Rebels attacked an army post near Goma on Monday, killing four soldiers, the army said. "
    "The attack came two days after fighting in the area displaced hundreds of families. "
    "Residents said the rebels withdrew into the hills before dawn."
)

PAGE = f"""<!doctype html>
<html><head><title>Rebels attack army post near Goma</title>
<meta property="article:published_time" content="2022-03-14T09:00:00Z">
<meta name="author" content="Jane Reporter"></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Rebels attack army post near Goma</h1>
<p>{STORY}</p>
<p>The provincial governor called for calm and said reinforcements had been sent to the area.</p>
<figure><img src="x.jpg"><figcaption>Soldiers patrol near Goma (File photo)</figcaption></figure>
</article>
<section id="comments" class="comments">
  <h3>3 Comments</h3>
  <ol class="comment-list">
    <li class="comment"><div class="comment-body">
      <p>They massacred everyone in 1994 and nobody cared.</p></div>
      <ol class="children">
        <li class="comment"><div class="comment-body">
          <p>Soldiers killed my cousin in 2008, I remember.</p></div>
          <ol class="children"><li class="comment"><div class="comment-body">
            <p>So sad to read this.</p></div></li></ol>
        </li>
      </ol>
    </li>
  </ol>
  <form id="commentform"><textarea name="comment"></textarea></form>
</section>
<footer>Subscribe to our newsletter</footer>
</body></html>"""


def _rss(n_items: int, duplicates: int) -> bytes:
    items = []
    for i in range(n_items):
        k = i if i < n_items - duplicates else i - (n_items - duplicates)  # the last ones repeat the first
        when = format_datetime(datetime(2022, 3, 1 + k % 27, 12, 0, tzinfo=UTC))
        items.append(
            f"<item><title>Clash number {k}</title><link>https://news.example/2022/03/{k:02d}/clash-{k}</link>"
            f"<pubDate>{when}</pubDate><description>&lt;p&gt;Soldiers and militia clashed in village {k} on"
            f" Monday, killing {k + 1} people, officials said.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(uri: str, ctype: str, body: bytes, when: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": when},
            )  # fmt: skip
            writer.write_record(record)

        response("https://news.example/a", "text/html; charset=utf-8", PAGE.encode(), "2022-03-15T10:00:00Z")
        other = PAGE.replace("Goma", "Bunia").replace("2022-03-14T09:00:00Z", "").replace("four", "six")
        response("https://news.example/b", "text/html", other.encode(), "2022-03-16T10:00:00Z")
        response(
            "https://news.example/report.pdf", "application/pdf", b"%PDF-1.7 binary", "2022-03-16T11:00:00Z"
        )


def _ingest(runner: CliRunner, db: Path, *args: str) -> Any:
    return runner.invoke(cli, ["ingest", "--db", str(db), *args])


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as conn:
        row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


@pytest.fixture()
def runner(pipeline: Any) -> CliRunner:
    return CliRunner()


def test_sniffing_by_content_not_extension() -> None:
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff(b"<!doctype html><html>") == "html"
    assert sniff(b'{"id": "a", "text": "x"}\n') == "jsonl"
    assert sniff(b"Plain words.") == "text"


def test_news_page_with_nested_comments(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page"  # no extension: recognised by content
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(page)])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(x) for x in result.stdout.splitlines()]
    assert events and all("1994" not in e["evidence"][0]["text"] for e in events)
    assert not any("cousin" in ev["text"] for e in events for ev in e["evidence"])
    attack = next(e for e in events if e["event"] == "ASSAULT" and e["dead"] == 4)
    assert attack["date"] == "2022-03-14"  # "on Monday" against the page's own publication date
    db = tmp_path / "p.duckdb"
    assert _ingest(runner, db, str(page)).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as conn:
        text, segments, author, method = conn.execute(
            "SELECT text, segments, author, published_method FROM documents"
        ).fetchone()
    labels = {s["label"]: text[s["start"] : s["end"]] for s in json.loads(segments)}
    assert "massacred" in labels["comments"] and "cousin" in labels["comments"]
    assert "massacred" not in labels["body"]
    assert author == "Jane Reporter" and method == "html-meta"


def test_feed_with_20_items_3_duplicates(runner: CliRunner, tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_bytes(_rss(20, 3))
    db = tmp_path / "f.duckdb"
    first = _ingest(runner, db, str(feed))
    assert first.exit_code == 0, first.stderr
    assert "20 read, 17 stored, 3 already stored" in first.stderr
    assert _count(db, "SELECT count(*) FROM documents WHERE published_method = 'feed'") == 17
    assert _count(db, "SELECT count(*) FROM documents WHERE source = 'Example Wire'") == 17
    assert _count(db, "SELECT count(*) FROM documents WHERE url LIKE 'https://news.example/2022/03/%'") == 17
    events = _count(db, "SELECT count(*) FROM events")
    again = _ingest(runner, db, str(feed))
    assert "0 stored, 20 already stored" in again.stderr
    assert _count(db, "SELECT count(*) FROM events") == events and events > 0


def test_warc_two_pages_and_a_pdf(runner: CliRunner, tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc(archive)
    db = tmp_path / "w.duckdb"
    result = _ingest(runner, db, str(archive))
    assert result.exit_code == 1  # the PDF is a recorded rejection
    assert "3 read, 2 stored" in result.stderr and "(unsupported 1)" in result.stderr
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT url, published, published_method FROM documents ORDER BY url").fetchall()
        (reason,) = conn.execute("SELECT reason FROM rejections").fetchone()
    assert rows == [
        ("https://news.example/a", date(2022, 3, 14), "html-meta"),
        ("https://news.example/b", date(2022, 3, 16), "capture"),  # no date in the page: capture date
    ]
    assert reason == "unsupported"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/story":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/to-data":  # a redirect out of HTTP altogether
            self.send_response(302)
            self.send_header("Location", "data:text/html,<p>Troops shelled the town.</p>")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/trickle":  # a byte every 0.2 s, for as long as the client listens
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_urls_from_a_local_server(server: str) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    dead = f"http://127.0.0.1:{closed.server_address[1]}/story"
    closed.server_close()  # nothing listens there any more
    urls = [f"{server}/story", f"{server}/moved", f"{server}/missing", f"{server}/huge", dead]
    out = list(iter_inputs(urls, defaults=Metadata(), max_bytes=100_000, allow_private_urls=True))
    story, moved = out[0], out[1]
    assert isinstance(story, InputItem) and story.fmt == "html" and story.meta.url == f"{server}/story"
    assert isinstance(moved, InputItem) and moved.meta.url == f"{server}/story"  # redirect followed
    reasons = [(o.reason, o.detail) for o in out[2:] if isinstance(o, Rejection)]
    assert reasons[0] == ("unreachable", "HTTP 404")
    assert reasons[1][0] == "too_large"
    assert reasons[2][0] == "unreachable"


def test_private_addresses_are_refused_unless_allowed(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    # loopback by name, by dotted quad and as one integer (2130706433 is 127.0.0.1)
    urls = [f"{server}/story", f"http://localhost:{port}/story", f"http://2130706433:{port}/story"]
    out = list(iter_inputs(urls, defaults=Metadata(), max_bytes=100_000))
    assert [o.reason for o in out if isinstance(o, Rejection)] == ["refused"] * 3
    assert all("allow_private_urls" in o.detail for o in out if isinstance(o, Rejection))
    allowed = list(iter_inputs(urls[:1], defaults=Metadata(), max_bytes=100_000, allow_private_urls=True))
    assert isinstance(allowed[0], InputItem)


def test_a_redirect_into_the_private_network_is_refused(server: str) -> None:
    import httpx

    from tocsin.ingest.urls import _guard

    with pytest.raises(Exception, match="not a public address"):
        _guard(httpx.Request("GET", "http://169.254.169.254/latest/meta-data/"))  # link-local metadata
    _guard(httpx.Request("GET", "http://93.184.216.34/"))  # a public address passes


def test_a_redirect_to_a_data_url_is_one_rejection(server: str) -> None:
    out = list(
        iter_inputs([f"{server}/to-data"], defaults=Metadata(), max_bytes=100_000, allow_private_urls=True)
    )
    assert [(type(o).__name__, getattr(o, "reason", None)) for o in out] == [("Rejection", "unreachable")]


def test_a_server_that_trickles_is_cut_off_at_the_deadline(server: str) -> None:
    from tocsin.ingest.urls import fetch

    started = time.monotonic()
    out = list(fetch(f"{server}/trickle", max_bytes=100_000, deadline=1.5, defaults=Metadata(),
                     allow_private=True))  # fmt: skip
    assert time.monotonic() - started < 10  # each read is quick: only the whole-transfer deadline stops it
    assert [(o.reason, "longer than" in o.detail) for o in out if isinstance(o, Rejection)] == [
        ("unreachable", True)
    ]


def test_near_duplicate_is_linked_not_coded_twice(runner: CliRunner, tmp_path: Path) -> None:
    wire = (
        f"{STORY} The army spokesman said troops had been sent to secure the road to the border and"
        " that the attackers had come from across the frontier. Aid agencies said they had suspended"
        " deliveries to camps near the town until the roads were safe, and local officials counted"
        " at least forty houses burned in the villages around the post."
    )
    first = tmp_path / "a.txt"
    first.write_text("Rebels attack army post\n\n" + wire, encoding="utf-8")
    copy = tmp_path / "b.txt"
    retold = wire.replace("Monday", "Monday night")
    copy.write_text("Army post attacked by rebels, wire reports\n\n" + retold, encoding="utf-8")
    db = tmp_path / "n.duckdb"
    result = _ingest(runner, db, "--published", "2022-03-15", str(first), str(copy))
    assert "2 stored" not in result.stderr and "1 near-duplicates linked" in result.stderr
    with duckdb.connect(str(db), read_only=True) as conn:
        (orig,) = conn.execute("SELECT id FROM documents WHERE duplicate_of IS NULL").fetchone()
        (linked,) = conn.execute(
            "SELECT duplicate_of FROM documents WHERE duplicate_of IS NOT NULL"
        ).fetchone()
        docs_with_events = conn.execute("SELECT DISTINCT doc_id FROM events").fetchall()
        (copy_id,) = conn.execute("SELECT id FROM documents WHERE duplicate_of IS NOT NULL").fetchone()
    assert linked == orig and docs_with_events == [(orig,)]
    with Store(db) as store:  # the store says which original a copy stands with
        assert (store.document(copy_id) or {})["duplicate_of"] == orig
        assert (store.document(orig) or {})["duplicate_of"] is None


def test_bad_inputs_each_rejected_rest_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "big.txt").write_text(STORY * 200, encoding="utf-8")
    (folder / "broken.xml").write_text('<?xml version="1.0"?><rss><channel><item>', encoding="utf-8")
    (folder / "french.txt").write_text(
        "Les rebelles ont attaqué un poste de l'armée près de Goma lundi et quatre soldats ont été tués"
        " selon l'armée qui a dénoncé une violation grave du cessez-le-feu dans la région depuis la"
        " semaine dernière.",
        encoding="utf-8",
    )
    (folder / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    other = STORY.replace("Goma", "Bunia")
    (folder / "bad.jsonl").write_text('{"id": "ok", "text": "' + other + '"}\nnot json\n', encoding="utf-8")
    config = tmp_path / "tocsin.toml"
    config.write_text("[ingest]\nmax_bytes = 20000\n", encoding="utf-8")
    db = tmp_path / "b.duckdb"
    result = runner.invoke(cli, ["--config", str(config), "ingest", "--db", str(db), str(folder)])
    assert result.exit_code == 1
    reasons = {
        json.loads(x)["reason"] for x in runner.invoke(cli, ["rejects", "--db", str(db)]).stdout.splitlines()
    }
    assert reasons == {"too_large", "malformed", "not_english", "no_body"}
    assert _count(db, "SELECT count(*) FROM documents") == 2  # good.txt and the JSONL's good line


def test_interrupted_run_leaves_a_consistent_store_and_resumes(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_bytes(_rss(40, 0))  # more than one batch of 32
    import tocsin.cli.coding as cli_module

    real = cli_module.iter_inputs

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 35:
                raise KeyboardInterrupt
            yield item

    db = tmp_path / "i.duckdb"
    monkeypatch.setattr(cli_module, "iter_inputs", interrupted)
    first = _ingest(runner, db, str(feed))
    assert first.exit_code == 130 and "interrupted" in first.stderr
    stored = _count(db, "SELECT count(*) FROM documents")
    assert stored == 32  # the first batch; the one in flight is redone on resume
    monkeypatch.setattr(cli_module, "iter_inputs", real)
    second = _ingest(runner, db, str(feed))
    assert second.exit_code == 0
    assert f"{40 - stored} stored, {stored} already stored" in second.stderr
    assert _count(db, "SELECT count(*) FROM documents") == 40


def test_reprocess_recodes_from_kept_raw_input(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "r.duckdb"
    _ingest(runner, db, str(page))
    page.unlink()  # the source is gone; the store kept the raw bytes
    before = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    result = runner.invoke(cli, ["reprocess", "--db", str(db)])
    assert result.exit_code == 0 and "1 documents re-coded" in result.stderr
    after = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    assert [json.loads(x)["id"] for x in after.splitlines()] == [
        json.loads(x)["id"] for x in before.splitlines()
    ]
    assert after.strip()


def test_no_publication_date_is_flagged_and_relative_dates_stay_unresolved(
    runner: CliRunner, tmp_path: Path
) -> None:
    story = tmp_path / "undated.txt"
    story.write_text(STORY, encoding="utf-8")
    events = [json.loads(x) for x in runner.invoke(cli, ["extract", str(story)]).stdout.splitlines()]
    attack = next(e for e in events if e["event"] == "ASSAULT")
    assert attack["date"] is None and attack["date_precision"] == "unknown"
    db = tmp_path / "u.duckdb"
    _ingest(runner, db, str(story))
    assert (
        _count(db, "SELECT count(*) FROM documents WHERE published IS NULL AND published_method = 'none'")
        == 1
    )


def test_a_dateline_dates_an_otherwise_undated_text(runner: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text("GOMA, March 14, 2022 (Wire) - " + STORY, encoding="utf-8")
    db = tmp_path / "d.duckdb"
    _ingest(runner, db, str(story))
    with duckdb.connect(str(db), read_only=True) as conn:
        (published, method) = conn.execute("SELECT published, published_method FROM documents").fetchone()
    assert (published, method) == (date(2022, 3, 14), "text")
    events = [
        json.loads(x)
        for x in runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    ]
    assert any(e["event"] == "ASSAULT" and e["date"] == "2022-03-14" for e in events)  # "on Monday"


def test_the_near_duplicate_index_lives_in_the_store_and_an_older_store_is_indexed_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    wire = (
        f"{STORY} The army spokesman said troops had been sent to secure the road to the border and"
        " that the attackers had come from across the frontier. Aid agencies said they had suspended"
        " deliveries to camps near the town until the roads were safe."
    )
    first, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(wire, encoding="utf-8")
    copy.write_text(wire.replace("Monday", "Monday night"), encoding="utf-8")
    db = tmp_path / "n.duckdb"
    assert _ingest(runner, db, "--published", "2022-03-15", str(first)).exit_code == 0
    assert _count(db, "SELECT count(DISTINCT doc_id) FROM near_bands") == 1
    # As a store of schema 5 left it: fingerprints, but no index of them.
    with duckdb.connect(str(db)) as conn:
        conn.execute("DROP TABLE near_bands")
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    # A later run (another process: nothing held in memory) finds the copy through the index that
    # the upgrade filled from the stored fingerprints.
    result = _ingest(runner, db, "--published", "2022-03-15", str(copy))
    assert "1 near-duplicates linked" in result.stderr, result.stderr
    assert _count(db, "SELECT count(DISTINCT doc_id) FROM near_bands") == 1  # the copy is not indexed
