"""The store under concurrent use and corrections: readers during an ingest, one writer, versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tocsin.api.app import create_app
from tocsin.cli import cli
from tocsin.config import load_settings
from tocsin.errors import StoreError
from tocsin.store.store import Store

TOWNS = ["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka", "Segou", "Sikasso", "Kayes", "Bamako", "Koulikoro"]


def _stories(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"s{i:03d}.txt").write_text(
            f"Gunmen attacked a police post in {town} on Monday, killing {i + 2} officers, the army said."
            f" Residents of {town} said the attackers fled on motorcycles after {i + 1} hours of fighting.",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_readers_read_and_a_second_writer_is_refused_while_an_ingest_runs(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    _stories(stories, 400)
    db = tmp_path / "busy.duckdb"
    env = {**os.environ, "HOME": str(tmp_path), "TOCSIN_LOG": str(tmp_path / "errors.log")}
    cmd = [sys.executable, "-c", "from tocsin.cli import main; main()", "ingest", "--db", str(db),
           "--published", "2024-05-06", str(stories)]  # fmt: skip
    writer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    runner = CliRunner()
    api = TestClient(create_app(str(db), load_settings(env={})), raise_server_exceptions=False)
    seen: list[int] = []
    second = None
    try:
        while not db.exists() and writer.poll() is None:
            time.sleep(0.05)
        while writer.poll() is None:
            listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
            if writer.poll() is not None:
                break  # this read may have come after the end: it proves nothing
            assert listed.exit_code == 0, listed.output
            assert runner.invoke(cli, ["rejects", "--db", str(db)]).exit_code == 0
            assert api.get("/api/events", params={"level": "reports", "limit": 1}).status_code == 200
            seen.append(len(listed.output.splitlines()))
            if second is None:
                second = runner.invoke(cli, ["ingest", "--db", str(db), str(stories)])
            time.sleep(0.2)
        _, err = writer.communicate(timeout=300)
    finally:
        writer.kill()
    assert writer.returncode == 0, err
    assert second is not None and second.exit_code == 2
    assert "being written by another tocsin process" in second.output
    assert len(seen) >= 2, "no read landed while the ingest ran"
    with Store(db, read_only=True) as store:
        final = store.counts()["events"]
    assert final > 0 and min(seen) < final  # a read saw the store part-way through the ingest


def test_a_writer_lock_is_released_by_close_and_by_the_death_of_its_holder(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store(db):
        with pytest.raises(StoreError, match="being written"):
            Store(db)
        with pytest.raises(StoreError):  # the writer's connection is open: not yet
            Store(db, read_only=True, wait_seconds=0)
    with Store(db) as again:  # closed: the next writer gets in
        again.release()
        with Store(db, read_only=True, wait_seconds=0) as reader:  # released: readers get in
            assert reader.counts()["documents"] == 0
    code = "import os, signal, sys\nfrom tocsin.store.store import Store\nStore(sys.argv[1])\n" \
           "os.kill(os.getpid(), signal.SIGKILL)\n"  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, timeout=120)
    assert proc.returncode < 0
    with Store(db) as after_kill:
        assert after_kill.counts()["documents"] == 0


def _jsonl(path: Path, text: str) -> Path:
    path.write_text(json.dumps({"id": "wire-1", "published": "2024-05-06", "text": text}) + "\n")
    return path


def test_a_corrected_text_replaces_the_document_and_keeps_the_old_one(
    pipeline: object, tmp_path: Path, store_at: str
) -> None:
    db = store_at
    first = _jsonl(
        tmp_path / "first.jsonl", "Gunmen attacked a police post in Gao on Monday, killing three officers."
    )
    fixed = _jsonl(tmp_path / "fixed.jsonl", "Protesters marched peacefully through Bamako on Monday.")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--db", str(db), str(first)]).exit_code == 0
    with Store(db, read_only=True) as store:
        before = [e["event"] for e in store.events()]
    assert "ASSAULT" in before

    corrected = runner.invoke(cli, ["ingest", "--db", str(db), str(fixed)])
    assert corrected.exit_code == 0
    assert "1 corrected" in corrected.stderr
    with Store(db, read_only=True) as store:
        now = [e["event"] for e in store.events()]
        document = store.document("wire-1")
        history = store.versions("wire-1")
        counts = store.counts()
    assert "ASSAULT" not in now and "PROTEST" in now
    assert document is not None and document["version"] == 2 and "Bamako" in document["text"]
    assert [v["version"] for v in history] == [1]
    assert [e["event"] for e in history[0]["events"]] == before
    assert counts["documents"] == 1

    # Either text again changes nothing: the current one is stored, the old one is history.
    for again in (fixed, first):
        rerun = runner.invoke(cli, ["ingest", "--db", str(db), str(again)])
        assert rerun.exit_code == 0 and "1 already stored" in rerun.stderr
    with Store(db, read_only=True) as store:
        assert [e["event"] for e in store.events()] == now
        assert len(store.versions("wire-1")) == 1


def test_a_reader_brings_a_store_of_an_older_tocsin_up_to_date(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as conn:  # as tocsin's schema 4 left it: no imported events yet
        conn.execute("DROP TABLE imported_events")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    listed = CliRunner().invoke(cli, ["events", "--imported", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0 and listed.output == ""
    with Store(db, read_only=True) as store:
        assert list(store.imported_events()) == []


def test_documents_are_written_in_batches_and_one_refused_document_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from tocsin.ingest.documents import Metadata, build_document
    from tocsin.intake import intake
    from tocsin.pipeline import Coded

    docs = [
        build_document(
            f"Story number {i} about the weather in Gao.",
            meta=Metadata(id=f"d{i}", published=date(2022, 3, 1)),
            fmt="text",
            max_bytes=100_000,
            source_path=None,
        )
        for i in range(5)
    ]
    results = [Coded(d.id, d, ()) for d in docs]
    real_add = Store.add
    transactions: list[bool] = []

    def add(self: Store, doc: Any, events: Any, **kw: Any) -> str:
        transactions.append(self._in_transaction)
        if doc.id == "d2":
            raise StoreError("cannot store document d2: a value the store refuses")
        return real_add(self, doc, events, **kw)

    monkeypatch.setattr(Store, "add", add)
    with Store(tmp_path / "b.duckdb") as store:
        outcomes = list(intake(store, results, batch=5))
        stored = store.conn.execute("SELECT id FROM documents ORDER BY id").fetchall()
        rejected = store.rejections()
    assert [o.status for o in outcomes] == ["stored", "stored", "rejected", "stored", "stored"]
    assert stored == [("d0",), ("d1",), ("d3",), ("d4",)]
    assert [(r["source"], r["reason"]) for r in rejected] == [("d2", "failed")]
    # The batch was tried in one transaction, rolled back whole, then written one by one.
    assert transactions[:3] == [True, True, True] and transactions[3:] == [False] * 5


def test_texts_asked_about_before_coding_are_still_told_apart_when_stored(tmp_path: Path) -> None:
    from tocsin.ingest.documents import Metadata, build_document

    def doc(doc_id: str, text: str) -> Any:
        return build_document(text, meta=Metadata(id=doc_id), fmt="text", max_bytes=100_000, source_path=None)

    story = "Rebels shelled the town of Gao on Monday, killing three civilians, officials said."
    first, copy = doc("a", story), doc("b", story)
    fixed = doc("a", story.replace("three", "four"))
    with Store(tmp_path / "s.duckdb") as store:
        # a coder asks about all three before any is stored (as `tocsin ingest` does a batch)
        assert [store.has_document(d) for d in (first, copy, fixed)] == [False, False, False]
        assert store.add(first, ()) == "stored"
        assert store.add(copy, ()) == "duplicate"  # the same text, stored meanwhile
        assert store.add(fixed, ()) == "corrected"  # a new text under a stored id
        assert store.has_document(first) and store.has_document(fixed)


def test_documents_prepared_in_a_batch_are_told_apart_as_those_asked_one_by_one(tmp_path: Path) -> None:
    from tocsin.ingest.documents import Metadata, build_document

    def doc(doc_id: str, text: str) -> Any:
        return build_document(text, meta=Metadata(id=doc_id), fmt="text", max_bytes=100_000, source_path=None)

    wire = (
        "Rebels shelled the town of Gao on Monday, killing three civilians and wounding eleven, officials"
        " said. The army said it had sent reinforcements to the road to the border and that the"
        " attackers had come from across the frontier. Aid agencies suspended deliveries to the camps"
        " near the town until the roads were safe, and local officials counted forty houses burned."
    )
    other = (
        "Gunmen killed two police officers in Sevare on Sunday and burned their post before fleeing"
        " into the bush, the army said. Residents said the attackers came on motorbikes at dawn and"
        " fired on the post for an hour. The governor ordered a curfew in the town and closed the"
        " market, and the army said it was searching the villages along the road to Mopti."
    )
    original, stored_copy = doc("a", wire), doc("b", wire.replace("Monday", "Monday night"))
    later_original, later_copy = doc("g", other), doc("c", other.replace("an hour", "about an hour"))
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(original, ()) == "stored"
        store.prepare([stored_copy, later_copy], originals=True)  # asked before the next writes
        assert [store.has_document(d) for d in (original, stored_copy, later_copy)] == [True, False, False]
        assert store.add(stored_copy, ()) == "near_duplicate"  # of a document stored before
        assert store.add(later_original, ()) == "stored"  # stored after the batch was prepared
        assert store.add(later_copy, ()) == "near_duplicate"
        with store.transaction():  # prepared and added in one transaction, as an ingest does
            same_batch = doc("d", wire.replace("Gao", "Gao city"))
            store.prepare([same_batch], originals=True)
            assert store.add(same_batch, ()) == "near_duplicate"
        assert [(store.document(i) or {}).get("duplicate_of") for i in "bcd"] == ["a", "g", "a"]
