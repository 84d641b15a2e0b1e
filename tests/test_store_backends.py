"""The store in DuckDB and in PostgreSQL: the same records from the same input, and PostgreSQL's
own promises (several writers at once, schema migrations, one-line errors)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from tocsin.cli import cli
from tocsin.errors import StoreError
from tocsin.store import pages
from tocsin.store.connection import shown, to_psycopg
from tocsin.store.pages import PageQuery
from tocsin.store.query import EventQuery, where_of
from tocsin.store.schema import SCHEMA_VERSION
from tocsin.store.store import Store


def test_placeholders_become_psycopgs_and_quoted_text_is_left_alone() -> None:
    assert to_psycopg("SELECT id FROM t WHERE a = ? AND b LIKE ? || '%'") == (
        "SELECT id FROM t WHERE a = %s AND b LIKE %s || '%%'"
    )
    # a question mark inside a literal is text, and a doubled quote does not end the literal
    assert to_psycopg("SELECT 'why? it''s 5%' , ?") == "SELECT 'why? it''s 5%%' , %s"


def test_a_password_never_shows_in_a_store_name() -> None:
    assert (
        shown("postgresql://analyst:hunter2@db.example/tocsin")
        == "postgresql://analyst:***@db.example/tocsin"
    )
    assert shown("postgresql://analyst@db.example/tocsin") == "postgresql://analyst@db.example/tocsin"
    assert shown("/data/tocsin.duckdb") == "/data/tocsin.duckdb"
    assert shown("postgresql://u:hunter2@[bad/db") == "postgresql://u:***@[bad/db"  # not a URL one can parse
    listed = CliRunner().invoke(cli, ["events", "--db", "postgresql://u:hunter2@[bad/db"])
    assert listed.exit_code == 2 and "hunter2" not in listed.output and "Traceback" not in listed.output


def _everything(db: str) -> dict[str, Any]:
    """All a store tells a reader, without the moments it was written at."""
    with Store(db, read_only=True) as store:
        fused = list(store.fused_events())
        histories = {
            e["id"]: [{k: v for k, v in h.items() if k != "at"} for h in store.history(e["id"])]
            for e in fused
        }
        documents = {e["doc_id"]: store.document(e["doc_id"]) for e in store.events()}
        return {
            "reports": list(store.events()),
            "fused": fused,
            "histories": histories,
            "documents": documents,
            "counts": store.counts(),
            "stats": store.stats(),
            "raw": [(r.id, r.raw, r.raw_format) for r in store.raw_documents()],
        }


@pytest.mark.slow
def test_both_stores_hold_the_same_records_of_the_samples(_seed_store: Path, store_at: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--db", store_at, str(SAMPLES)])
    assert first.exit_code == 0, first.output
    mine, reference = _everything(store_at), _everything(str(_seed_store))
    assert mine["counts"]["events"] > 50 and mine["fused"]
    for key in reference:
        assert mine[key] == reference[key], key
    again = runner.invoke(cli, ["ingest", "--db", store_at, str(SAMPLES)])
    assert again.exit_code == 0 and "0 stored" in again.stderr
    assert _everything(store_at) == mine  # the same input again changes nothing
    country = next(e["location"]["country_code"] for e in mine["reports"] if e["location"])
    listed, expected = (
        runner.invoke(cli, ["events", "--db", db, "--format", "jsonl", "--country", country])
        for db in (store_at, str(_seed_store))
    )
    assert listed.exit_code == 0 and listed.output == expected.output
    assert 1 <= listed.output.count("\n") < len(mine["reports"])


def test_a_rejection_is_recorded_once_in_either_store(tmp_path: Path, store_at: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    runner = CliRunner()
    for _ in range(2):
        assert runner.invoke(cli, ["ingest", "--db", store_at, str(empty)]).exit_code == 1
    listed = runner.invoke(cli, ["rejects", "--db", store_at])
    assert listed.exit_code == 0 and listed.output.count("empty.txt") == 1 and "empty" in listed.output


def _stories(folder: Path, numbers: range) -> Path:
    folder.mkdir()
    towns = ["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka", "Segou"]
    for i in numbers:
        (folder / f"s{i:03d}.txt").write_text(
            f"Gunmen attacked a police post in {towns[i % 6]} on Monday, killing {i + 2} officers,"
            " the army said.",
            encoding="utf-8",
        )
    return folder


def _ingest(db: str, folder: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HOME": str(home), "TOCSIN_LOG": str(home / "errors.log")}
    cmd = [sys.executable, "-c", "from tocsin.cli import main; main()", "ingest", "--db", db,
           "--published", "2024-05-06", str(folder)]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


@pytest.mark.slow
def test_several_ingests_write_one_postgresql_store_at_once(postgres_db: str, tmp_path: Path) -> None:
    # three writers over overlapping inputs: 0-23, 12-35 and every story again
    folders = [
        _stories(tmp_path / "a", range(0, 24)),
        _stories(tmp_path / "b", range(12, 36)),
        _stories(tmp_path / "c", range(0, 36)),
    ]
    writers = [_ingest(postgres_db, f, tmp_path) for f in folders]
    errors = [w.communicate(timeout=600)[1].decode() for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], errors
    alone = str(tmp_path / "alone.duckdb")  # the same stories, one writer
    assert _ingest(alone, folders[2], tmp_path).wait(timeout=600) == 0
    shared, reference = _everything(postgres_db), _everything(alone)
    assert shared["counts"]["documents"] == 36  # none lost, none twice
    assert sorted(e["id"] for e in shared["reports"]) == sorted(e["id"] for e in reference["reports"])
    assert len(shared["fused"]) == len(reference["fused"])  # fusion passes took turns
    reports_fused = [r for e in shared["fused"] for r in e["report_ids"]]
    assert len(reports_fused) == len(set(reports_fused)) == len(shared["reports"])


def test_a_postgresql_schema_is_made_once_by_writers_starting_together(postgres_db: str) -> None:
    failures: list[BaseException] = []

    def open_store() -> None:
        try:
            Store(postgres_db).close()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with psycopg.connect(postgres_db) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert row == (str(SCHEMA_VERSION),)


def test_a_reader_brings_an_older_postgresql_store_up_to_date(postgres_db: str) -> None:
    Store(postgres_db).close()
    with psycopg.connect(postgres_db, autocommit=True) as conn:  # as schema 4 left it
        conn.execute("DROP TABLE imported_events")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    listed = CliRunner().invoke(cli, ["events", "--imported", "--db", postgres_db, "--format", "jsonl"])
    assert listed.exit_code == 0 and listed.output == ""
    with Store(postgres_db, read_only=True) as store:
        assert list(store.imported_events()) == []


def test_a_schema_7_postgresql_store_gets_the_statistics_index(postgres_db: str) -> None:
    Store(postgres_db).close()
    with psycopg.connect(postgres_db, autocommit=True) as conn:  # as schema 7 left it
        conn.execute("DROP INDEX fused_events_stats")
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    Store(postgres_db, read_only=True).close()
    with psycopg.connect(postgres_db) as conn:
        listed = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'fused_events'")
        names = {r[0] for r in listed}
        # the statistics' ``since`` filter finds its events by the index
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT date, count(*) FROM fused_events"
            " WHERE coalesce(date_end, date) >= DATE '2023-01-01' GROUP BY 1"))  # fmt: skip
    assert "fused_events_stats" in names
    assert "fused_events_stats" in plan and "Index Cond: (COALESCE(date_end, date) >=" in plan


def test_copy_skips_rows_another_writer_stored_and_keeps_the_rest(postgres_db: str) -> None:
    from tocsin.store.connection import PgConnection

    with Store(postgres_db) as store:
        conn = store.conn
        assert isinstance(conn, PgConnection)
        columns = ("id", "doc_id", "event", "countries", "date", "record")
        conn.execute("BEGIN")
        conn.copy_rows("events", columns, [("a", "d", "ASSAULT", ["UKR"], date(2022, 2, 16), "{}")])
        conn.execute("COMMIT")
        conn.execute("BEGIN")
        tricky = '{"x": "it\'s\ttab\\n"}'  # quotes, a tab, a backslash: COPY's own escapes
        again = [("a", "d", "PROTEST", None, None, "{}"), ("b", "d", "PROTEST", ["UKR", "RUS"], None, tricky)]
        conn.copy_rows("events", columns, again)
        conn.execute("COMMIT")
        rows = conn.execute("SELECT id, event, countries, date, record FROM events ORDER BY id").fetchall()
    assert rows == [
        ("a", "ASSAULT", ["UKR"], date(2022, 2, 16), "{}"),
        ("b", "PROTEST", ["UKR", "RUS"], None, tricky),
    ]


def test_a_read_only_postgresql_store_refuses_writes(postgres_db: str) -> None:
    Store(postgres_db).close()
    with Store(postgres_db, read_only=True) as store, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store.conn.execute("DELETE FROM documents")


def test_an_unreachable_postgresql_store_is_one_line_without_its_password(postgres_server: str) -> None:
    port = postgres_server.rsplit(":", 1)[1].split("/")[0]
    url = f"postgresql://tocsin:hunter2@127.0.0.1:{port}/no_such_database"
    with pytest.raises(StoreError) as caught:
        Store(url, wait_seconds=1)
    assert "hunter2" not in str(caught.value) and "no_such_database" in str(caught.value)
    listed = CliRunner().invoke(cli, ["events", "--db", url])
    assert listed.exit_code == 2 and "hunter2" not in listed.output
    assert len(listed.output.strip().splitlines()) == 1 and "Traceback" not in listed.output


@pytest.mark.slow
def test_counting_by_column_and_in_one_pass_agree(seeds_db: Path) -> None:
    from tocsin.store.pages import _by_column, _in_one_pass, cells_of

    with Store(seeds_db, read_only=True) as store:
        columns, one_pass = _by_column(store.conn, "TRUE", []), _in_one_pass(store.conn, "TRUE", [])
    days, kinds, cells, countries = columns
    assert len(days) > 5 and len(cells) > 2  # the samples: several days and places
    assert sorted(map(list, days), key=str) == sorted(map(list, one_pass[0]), key=str)
    assert [list(r) for r in kinds] == [list(r) for r in one_pass[1]]
    assert cells_of(cells) == cells_of(one_pass[2])
    assert [list(r) for r in countries] == [list(r) for r in one_pass[3]]


def test_healthz_says_whether_a_postgresql_store_can_be_read(postgres_db: str) -> None:
    from fastapi.testclient import TestClient

    from tocsin.api.app import create_app
    from tocsin.config import load_settings

    missing = postgres_db.rsplit("/", 1)[0] + "/no_such_database"
    for url, readable in ((postgres_db, True), (missing, False)):
        client = TestClient(create_app(url, load_settings(env={})), raise_server_exceptions=False)
        assert client.get("/healthz").json() == {"status": "ok", "store": readable}
    failed = TestClient(create_app(missing, load_settings(env={})), raise_server_exceptions=False)
    answer = failed.get("/api/events")
    assert answer.status_code == 503 and answer.json()["error"]["code"] == "store"


def _rounded(stats: dict[str, Any]) -> dict[str, Any]:
    """Statistics with the map cells' points to 3 decimals (sums of floating points, added in
    another order, may differ in the last digit)."""
    cells = [{**c, "lat": round(c["lat"], 3), "lon": round(c["lon"], 3)} for c in stats["by_cell"]]
    return {**stats, "by_cell": cells}


def _from_events(store: Store, query: EventQuery, shape: PageQuery) -> dict[str, Any]:
    """The statistics counted from the fused events themselves, as a text filter has them."""
    where, params = where_of(query)
    return pages.stats(store.conn, replace(shape, where=where, params=params), lambda _: True)


@pytest.mark.slow
def test_the_counts_kept_while_fusing_are_those_of_the_events(tmp_path: Path, store_at: str) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--db", store_at, str(SAMPLES)]).exit_code == 0

    def check() -> dict[str, Any]:
        with Store(store_at, read_only=True) as store:
            everything = store.stats()
            days = [d["date"] for d in everything["by_day"] if d["date"] != "unknown"]
            middle = date.fromisoformat(days[len(days) // 2])
            kind = next(iter(everything["by_type"]))
            country = next(iter(everything["by_country"]))
            cases = [
                (EventQuery(), PageQuery()),
                (EventQuery(since=middle), PageQuery()),
                (EventQuery(until=middle), PageQuery()),
                (EventQuery(since=middle, until=middle + timedelta(30)), PageQuery(factuality="asserted")),
                (EventQuery(types=("ASSAULT", "PROTEST")), PageQuery()),
                (EventQuery(country=country), PageQuery(acled_type=kind)),
                (EventQuery(), PageQuery(factuality="claimed")),
            ]
            for query, shape in cases:
                kept, counted = store.stats(query, shape), _from_events(store, query, shape)
                assert _rounded(kept) == _rounded(counted), query
            return everything

    before = check()
    assert sum(d["events"] for d in before["by_day"]) > 20 and len(before["by_cell"]) > 2
    # a correction: a document's events replaced by one shelling; its events' counts go with them
    with Store(store_at, read_only=True) as store:
        doc_id = next(e["doc_id"] for e in store.events() if e["location"])
    corrected = tmp_path / "corrected.jsonl"
    text = "Separatist forces shelled Stanytsia Luhanska on 18 February 2022, killing two civilians."
    corrected.write_text(json.dumps({"id": doc_id, "published": "2022-02-19", "text": text}) + "\n")
    fixed = runner.invoke(cli, ["ingest", "--db", store_at, "--input-format", "jsonl", str(corrected)])
    assert fixed.exit_code == 0, fixed.output
    after = check()
    assert after != before
    # a store from before the counts were kept gets them from its events, once
    with Store(store_at) as store:
        store.conn.execute("DELETE FROM fused_days")
        store.conn.execute("DELETE FROM fused_cells")
        store.conn.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    with Store(store_at, read_only=True) as store:
        assert store.stats() == after
