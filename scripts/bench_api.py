"""Latency of the HTTP API on a store of N fused events (issue #14).

Generates a store of N fused events (100 a day, places over a continent), then times, through the
ASGI app in-process, 50 requests each of `/api/events?limit=100` (the first page, and pages deep in
the history by cursor), a filtered page (`type=ASSAULT&bbox=...`), `/api/stats` (all, and the last
year's) and 20 of the last year's with an actor filter (checked on each record), and prints the
median and the 95th percentile of each.

    .venv/bin/python scripts/bench_api.py 1000000               # a DuckDB store
    .venv/bin/python scripts/bench_api.py 1000000 --postgres    # the same events in PostgreSQL
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from tocsin.api.app import create_app
from tocsin.config import load_settings
from tocsin.store import summary
from tocsin.store.store import Store

RECORD = """json_object('id', id, 'report_ids', [id], 'doc_ids', ['d' || id], 'n_reports', 1, 'n_sources', 1,
  'first_reported', strftime(day, '%Y-%m-%d'), 'last_reported', strftime(day, '%Y-%m-%d'), 'event', 'ASSAULT',
  'mode', 'heavy-weapons', 'acled_event_type', 'Explosions/Remote violence', 'acled_sub_event_type', NULL,
  'actor', json('[{"text": "troops", "name": "Military Forces of Ukraine", "country": "UKR"}]'),
  'recipient', json('[]'), 'date', strftime(day, '%Y-%m-%d'), 'date_end', NULL, 'date_precision', 'day',
  'location', json_object('name', 'town ' || (i % 1000), 'lat', lat, 'lon', lon, 'country_code', 'UA',
  'precision', 'exact'), 'factuality', 'asserted', 'claimed_by', json('[]'), 'denied_by', json('[]'),
  'confirmed_by', json('[]'), 'dead_low', dead, 'dead_best', dead, 'dead_high', dead, 'injured_low', NULL,
  'injured_best', NULL, 'injured_high', NULL, 'claims', json('[]'),
  'evidence', json('[{"text": "Troops shelled the town."}]'), 'confidence', 0.9)"""


def _store(path: Path, n: int) -> None:
    with Store(path) as store:
        store.conn.execute(f"""CREATE TEMP TABLE gen AS SELECT lpad(printf('%x', i), 16, '0') AS id, i,
            DATE '1990-01-01' + CAST(i // 100 AS INTEGER) AS day,
            40.0 + (hash(i * 7) % 2000) / 100.0 AS lat,
            20.0 + (hash(i * 13) % 3000) / 100.0 AS lon,
            CAST(hash(i * 17) % 10 AS INTEGER) AS dead FROM range({n}) t(i)""")
        store.conn.execute(f"""INSERT INTO fused_events SELECT id, 'ASSAULT', 'Explosions/Remote violence',
            day, NULL, ['UKR'], lat, lon, dead, 1, day, day, {RECORD} FROM gen""")
        summary.rebuild(store.conn)  # the counts fusion keeps, of the events written here directly
        store.conn.execute("CHECKPOINT")


def _time(client: TestClient, path: str, runs: int = 50) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.text
    return statistics.median(times) * 1000, statistics.quantiles(times, n=20)[-1] * 1000


_COLUMNS = (
    "id, event, acled_event_type, date, date_end, countries, lat, lon, dead_best, n_sources,"
    " first_reported, last_reported, record"
)


def _postgres(source: Path, url: str) -> None:
    """The generated store copied into a PostgreSQL store (COPY), then vacuumed and analysed (as
    autovacuum does after a bulk insert: an index-only scan needs the visibility map it sets)."""
    import duckdb
    import psycopg

    Store(url).close()  # the schema
    with duckdb.connect(str(source), read_only=True) as src, psycopg.connect(url, autocommit=True) as dst:
        rows = src.execute(f"SELECT {_COLUMNS} FROM fused_events")
        with dst.cursor().copy(f"COPY fused_events ({_COLUMNS}) FROM STDIN") as copy:
            while batch := rows.fetchmany(10_000):
                for row in batch:
                    copy.write_row(row)
    with Store(url) as store:
        summary.rebuild(store.conn)  # the counts fusion keeps, of the events copied here directly
    with psycopg.connect(url, autocommit=True) as dst:
        dst.execute("VACUUM ANALYZE")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    on_postgres = "--postgres" in sys.argv
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        db = str(Path(tmp) / "api.duckdb")
        _store(Path(db), n)
        if on_postgres:  # a server of its own, as the tests start one
            sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' server helper
            from tests.postgres import new_database, server

            folder = Path(tempfile.mkdtemp(prefix="tocsin-pg-"))
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
            db = new_database(stack.enter_context(server(folder)))
            _postgres(Path(tmp) / "api.duckdb", db)
        client = TestClient(create_app(db, load_settings(env={})))
        middle = (date(1990, 1, 1) + timedelta(days=n // 200)).isoformat()  # halfway through the history
        cursor = client.get("/api/events", params={"limit": 100, "since": middle}).json()["next_cursor"]
        last_year = (date(1990, 1, 1) + timedelta(days=n // 100 - 365)).isoformat()  # 36,500 events
        for name, path in [("/api/events?limit=100", "/api/events?limit=100"),
                           ("/api/events?limit=100&cursor=(deep)", f"/api/events?limit=100&cursor={cursor}"),
                           ("/api/events?type=ASSAULT&bbox=30,45,40,50&limit=100",
                            "/api/events?type=ASSAULT&bbox=30,45,40,50&limit=100"),
                           ("/api/stats", "/api/stats"),
                           ("/api/stats?since=(last year)", f"/api/stats?since={last_year}"),
                           ("/api/stats?actor=Ukraine&since=(last year)",
                            f"/api/stats?actor=Ukraine&since={last_year}")]:  # fmt: skip
            median, p95 = _time(client, path, runs=20 if "actor" in path else 50)
            where = "PostgreSQL" if on_postgres else "DuckDB"
            print(f"{n:,} events ({where})  {name:<55} median {median:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
