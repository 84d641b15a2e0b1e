"""The cost of fusion per document ingested, with N reports already in the store (issue #12).

Generates a store of N reports (one document for every five, 100 reports a day: N/100 days,
so that a bigger store is a longer history, not a denser one; places spread over a continent in
three countries; already fused), then adds documents one at a time, each with one report on a
random day, and times `Store.fuse()` after each. Prints the median and the 90th percentile per
document. The cost must stay flat as N grows: only the reports of the new ones' days are fused
again.

    .venv/bin/python scripts/bench_fusion.py 10000 1000000
"""

from __future__ import annotations

import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Segment,
)
from tocsin.store import summary
from tocsin.store.store import Store

START = date(1990, 1, 1)
PER_DAY = 100

_RECORD = """json_object(
  'id', id, 'doc_id', doc_id, 'event', 'ASSAULT', 'mode', 'heavy-weapons',
  'acled_event_type', 'Explosions/Remote violence', 'acled_sub_event_type', NULL,
  'actor', json('[{"text": "troops", "name": "Military Forces of Ukraine", "country": "UKR"}]'),
  'recipient', json('[]'), 'date', strftime(day, '%Y-%m-%d'), 'date_end', NULL, 'date_precision', 'day',
  'date_method', 'explicit', 'location', json_object('text', 'town', 'name', 'town', 'lat', lat, 'lon', lon,
  'precision', 'exact', 'country_code', cc, 'admin1', NULL), 'dead', dead, 'injured', NULL,
  'factuality', 'asserted', 'claimed_by', json('[]'), 'denied_by', json('[]'), 'confirmed_by', json('[]'),
  'evidence', json('[]'), 'confidence', 0.9)"""


def _generate(store: Store, n: int) -> None:
    conn = store.conn
    conn.execute(f"""CREATE TEMP TABLE gen AS SELECT
        lpad(printf('%x', i), 16, '0') AS id, 'd' || (i // 5) AS doc_id,
        DATE '{START}' + CAST(i // {PER_DAY} AS INTEGER) AS day,
        ['UA', 'RU', 'SY'][CAST(hash(i) % 3 AS BIGINT) + 1] AS cc,
        -30.0 + (hash(i * 7) % 6000) / 100.0 AS lat, -20.0 + (hash(i * 13) % 12000) / 100.0 AS lon,
        CAST(hash(i * 17) % 10 AS INTEGER) AS dead
        FROM range({n}) t(i)""")
    conn.execute("""INSERT INTO documents (id, content_hash, text, segments, source, published)
        SELECT doc_id, md5(doc_id), 'text', '[]', 'outlet ' || (hash(doc_id) % 50), min(day)
        FROM gen GROUP BY doc_id""")
    conn.execute(f"""INSERT INTO events (id, doc_id, event, mode, acled_event_type, date, date_precision,
        factuality, countries, lat, lon, dead, confidence, record, fused_id)
        SELECT id, doc_id, 'ASSAULT', 'heavy-weapons', 'Explosions/Remote violence', day, 'day', 'asserted',
        [cc], lat, lon, dead, 0.9, {_RECORD}, 'f' || id FROM gen""")
    conn.execute("""INSERT INTO fused_events (id, event, date, lat, lon, n_sources, record)
        SELECT 'f' || id, 'ASSAULT', day, lat, lon, 1, '{}' FROM gen""")
    summary.rebuild(conn)  # the counts fusion keeps, of the events written here directly
    conn.execute("DROP TABLE gen")
    conn.execute("CHECKPOINT")


def _document(i: int, rng: random.Random, days: int) -> tuple[Document, Event]:
    doc_id = f"new-{i}"
    day = START + timedelta(days=rng.randrange(days))
    lat, lon = -30.0 + rng.random() * 60, -20.0 + rng.random() * 120
    text = f"Troops shelled town {i} on {day}."
    place = Place("town", 0, 4, "town", None, lat, lon, "UA", None, PlacePrecision.EXACT, "generated")
    ev = Event(hashlib.sha1(doc_id.encode()).hexdigest()[:16], doc_id, "ASSAULT", "heavy-weapons",
               "Explosions/Remote violence", None, (Actor("troops", "Military Forces of Ukraine", "UKR"),),
               (),
               DateSpan(day, None, DatePrecision.DAY, DateMethod.EXPLICIT), place, 2, None, None,
               Factuality.ASSERTED, (), (), (), (Evidence(doc_id, 0, 0, len(text), text, "shelled", 7, 14),),
               0.9)  # fmt: skip
    doc = Document(doc_id, hashlib.sha256(text.encode()).hexdigest(), text, (Segment("body", 0, len(text)),),
                   source=f"outlet {i % 7}", published=day)  # fmt: skip
    return doc, ev


def measure(n: int, documents: int = 40) -> tuple[float, float, float]:
    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        started = time.perf_counter()
        _generate(store, n)
        built = time.perf_counter() - started
        times = []
        for i in range(documents):
            doc, ev = _document(i, rng, n // PER_DAY)
            store.add(doc, (ev,))
            t0 = time.perf_counter()
            store.fuse()
            times.append(time.perf_counter() - t0)
        return built, statistics.median(times), statistics.quantiles(times, n=10)[-1]


def main() -> None:
    for n in (int(a) for a in sys.argv[1:] or ["10000", "1000000"]):
        built, median, p90 = measure(n)
        print(
            f"{n:>9,} reports in the store (built in {built:.1f} s): fusion per document"
            f" median {median * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
