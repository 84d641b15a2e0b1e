"""The store's bulk writes: rows handed over whole (``store/bulk.py``), documents kept until their
batch's transaction ends, and the collector's freeze of a coding process's models."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tocsin.ingest.documents import Metadata, build_document
from tocsin.store.bulk import insert_rows
from tocsin.store.store import Store


def test_rows_of_every_kind_the_store_writes_come_back_unchanged() -> None:
    conn = duckdb.connect()
    conn.execute(
        "CREATE TABLE t (id VARCHAR PRIMARY KEY, text VARCHAR, day DATE, tags VARCHAR[], x DOUBLE,"
        " n INTEGER, blob BLOB, key UBIGINT)"
    )
    rows: list[list[Any]] = [
        ["a", "the rebels' 'offensive'; DROP TABLE t; --", date(2023, 3, 8), ["AZE", "ARM"], 39.8, 3,
         b"\x00\x1f\x8b'", 2**64 - 1],
        ["b", None, None, [], 1, None, None, 0],
    ]  # fmt: skip
    columns = ("id", "text", "day", "tags", "x", "n", "blob", "key")
    insert_rows(conn, "t", columns, rows, types={"key": "uint64"})
    got = conn.execute("SELECT * FROM t ORDER BY id").fetchall()
    assert [list(r) for r in got] == [rows[0], ["b", None, None, [], 1.0, None, None, 0]]
    # a taken key: skipped where asked, refused otherwise (the caller's transaction then fails)
    insert_rows(conn, "t", ("id", "text"), [["a", "again"], ["c", "new"]])
    assert conn.execute("SELECT id, text FROM t WHERE id IN ('a', 'c') ORDER BY id").fetchall() == [
        ("a", rows[0][1]),
        ("c", "new"),
    ]
    with pytest.raises(duckdb.ConstraintException):
        insert_rows(conn, "t", ("id",), [["c"]], skip_conflicts=False)


def _doc(doc_id: str, text: str) -> Any:
    return build_document(text, meta=Metadata(id=doc_id), fmt="text", max_bytes=100_000, source_path=None)


def test_a_batch_tells_apart_texts_written_earlier_in_the_same_transaction(tmp_path: Path) -> None:
    story = "Rebels shelled the town of Gao on Monday, killing three civilians, officials said."
    first, copy, fixed = _doc("a", story), _doc("b", story), _doc("a", story.replace("three", "four"))
    other = _doc("c", "Gunmen killed two police officers in Sevare on Sunday, the army said.")
    with Store(tmp_path / "s.duckdb") as store:
        store.prepare([first, copy, fixed, other], originals=True)  # asked before any is written
        with store.transaction():
            assert store.add(first, (), raw=b"a\x00raw") == "stored"
            assert store.add(copy, ()) == "duplicate"  # the same text, written earlier in the batch
            assert store.add(other, ()) == "stored"
            assert store.add(fixed, ()) == "corrected"  # a new text under an id of the batch
        rows = store.conn.execute(
            "SELECT id, content_hash, coalesce(version, 1) FROM documents ORDER BY id"
        ).fetchall()
        versions = store.conn.execute("SELECT id, version, content_hash FROM document_versions").fetchall()
        raws = {r.id: r.raw for r in store.raw_documents()}
    assert rows == [("a", fixed.content_hash, 2), ("c", other.content_hash, 1)]
    assert versions == [("a", 1, first.content_hash)]
    assert raws == {"a": None, "c": None}  # the corrected text came without raw bytes


def test_a_document_written_alone_keeps_its_raw_bytes_and_fingerprint(tmp_path: Path) -> None:
    doc = _doc("a", "Rebels shelled the town of Gao on Monday, killing three civilians, officials said.")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(doc, (), raw=b"<html>\x00\xff</html>", raw_format="html") == "stored"
        raw = next(store.raw_documents())
        blob = store.conn.execute("SELECT fingerprint FROM documents WHERE id = 'a'").fetchone()
    assert raw is not None and raw.raw == b"<html>\x00\xff</html>" and raw.raw_format == "html"
    assert blob is not None and len(bytes(blob[0])) == 128 * 8  # one 64-bit hash per permutation


def test_a_fingerprint_is_datasketch_own_minhash_of_the_word_five_grams() -> None:
    """Fingerprints made with the permutations drawn once are those a fresh MinHash of the same
    seed gives (what earlier versions stored stays comparable), and read back unchanged."""
    from datasketch import MinHash

    from tocsin.ingest.dedup import fingerprint, from_bytes, to_bytes

    text = "Rebels shelled the town of Gao on Monday, killing three civilians, officials said."
    words = text.lower().replace(",", "").replace(".", "").split()
    fresh = MinHash(num_perm=128, seed=1, scheme="affine64")
    fresh.update_batch([" ".join(words[i : i + 5]).encode() for i in range(len(words) - 4)])
    made = fingerprint(text)
    assert list(made.hashvalues) == list(fresh.hashvalues)
    again = from_bytes(to_bytes(made))
    other = fingerprint("Nothing of the kind here at all.")
    assert again.jaccard(fresh) == 1.0 and again.jaccard(other) < 0.1


def test_a_coding_process_freezes_its_models_once() -> None:
    script = (
        "import gc; from tocsin.heap import freeze_loaded\n"
        "kept = [[i] for i in range(1000)]\n"
        "freeze_loaded(); first = gc.get_freeze_count()\n"
        "later = [[i] for i in range(1000)]\n"
        "freeze_loaded(); print(first >= 1000, gc.get_freeze_count() == first)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


@pytest.mark.slow
def test_a_value_the_store_refuses_at_the_end_of_a_batch_fails_its_document_alone(
    tmp_path: Path, pipeline: Any
) -> None:
    from dataclasses import replace

    from tocsin.ingest.items import InputItem
    from tocsin.intake import intake
    from tocsin.pipeline import Coded

    towns = ("Gao", "Mopti", "Kidal")
    items = [InputItem(town, f"Gunmen killed three people in {town} on Monday, officials said.", "text",
                       Metadata(id=town, published=date(2022, 3, 1)), None) for town in towns]  # fmt: skip
    results = list(pipeline.run(items))
    bad = results[1]
    assert isinstance(bad, Coded) and bad.events
    # a count no column holds, as a hostile or misread text could give one (rows are written at
    # the batch's end, past the point where one document's own write fails)
    results[1] = replace(bad, events=tuple(replace(e, dead=2**70) for e in bad.events))
    with Store(tmp_path / "s.duckdb") as store:
        outcomes = list(intake(store, results))
        stored = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        (rejected,) = store.rejections()
    assert [o.status for o in outcomes] == ["stored", "rejected", "stored"]
    assert stored == ["Gao", "Kidal"]
    assert (
        rejected["source"] == "Mopti"
        and rejected["reason"] == "failed"
        and "cannot hold" in rejected["detail"]
    )
