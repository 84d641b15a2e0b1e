"""Hostile and unlucky inputs, signals and kills (issue #11): nothing crashes, nothing is lost.

The regression folder ``tests/fixtures/hostile`` holds one minimal file per input that once
crashed tocsin; the kill tests run the real command in a subprocess and kill it mid-run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from tocsin.cli import cli
from tocsin.ingest.documents import Metadata, build_document
from tocsin.ingest.items import InputItem
from tocsin.ingest.readers import iter_inputs
from tocsin.models import Rejection

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SAMPLES = Path(__file__).parent.parent / "samples"
STORY = "Gunmen attacked a police post in Gao on Monday, killing three officers, the army said."


@pytest.fixture()
def runner(pipeline: object) -> CliRunner:
    return CliRunner()


def _counts(db: Path) -> tuple[int, int, list[str], list[list[str]]]:
    """Documents, reports, report ids and the fused groups (each event's report ids) of a store."""
    with duckdb.connect(str(db), read_only=True) as conn:
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()
        events = conn.execute("SELECT id FROM events ORDER BY id").fetchall()
        groups = conn.execute(
            "SELECT list_sort(list(id)) FROM events GROUP BY fused_id ORDER BY 1"
        ).fetchall()
    assert docs is not None
    return int(docs[0]), len(events), [e[0] for e in events], [g[0] for g in groups]


@pytest.mark.slow
def test_every_hostile_file_is_one_line_and_the_good_ones_are_stored(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOCSIN_LOG", str(tmp_path / "errors.log"))
    db = tmp_path / "h.duckdb"
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(HOSTILE)])
    assert result.exit_code == 1, result.stderr  # some inputs rejected, none crashed
    assert "Traceback" not in result.stderr and "Traceback" not in result.output
    rejected = [line for line in result.stderr.splitlines() if line.startswith("tocsin: rejected")]
    # "tocsin: rejected SOURCE: REASON: DETAIL", SOURCE a path (JSONL: path:line)
    by_file = {
        line.split(": ")[1].removeprefix("rejected ").split(":")[0].split("#")[0].rsplit("/", 1)[-1]
        for line in rejected
    }
    for name in ("atom_year_zero.xml", "bigint.jsonl", "corrupt.warc.gz", "deep.jsonl", "escape.jsonl",
                 "huge_length.warc", "iframe_comment.html", "nul_file.jsonl", "zeros.warc.gz",
                 "endless_header.warc.gz", "dangling_link"):  # fmt: skip
        assert name in by_file, name
    assert all(len(line.split(": ")) >= 3 for line in rejected)  # source, reason, detail
    assert all(line.startswith("tocsin: ") for line in result.stderr.splitlines())  # one line each (warcio)
    docs, _, _, _ = _counts(db)
    with duckdb.connect(str(db), read_only=True) as conn:
        stored = {r[0] for r in conn.execute("SELECT coalesce(source_path, id) FROM documents").fetchall()}
        published = dict(conn.execute("SELECT id, published FROM documents").fetchall())
    assert any(s.endswith("good.txt") for s in stored)
    assert docs >= 5  # good.txt, both surrogate lines, both odd-date lines and the feeds' items
    assert published.get("d1") is None and published.get("d2") is None  # 0001-01-01 and 9999-12-31
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT id, source_path, text, published, source FROM documents").fetchall()
    by_path = {Path(p).name: (i, t, d, o) for i, p, t, d, o in rows if p}
    # 3,000 elements deep: the text before, inside and after the nest is all kept
    nested = by_path["deep_nesting.html"][1]
    assert "Before the nest" in nested and "Inside the nest" in nested and "After the nest" in nested
    assert by_path["future_date.html"][2] is None  # a publication date in 2029 is not taken as given
    # a file named by its folder's manifest is read once, with the manifest's id, date and outlet
    assert by_path["wire-77.txt"][0] == "wire-77" and str(by_path["wire-77.txt"][2]) == "2024-03-07"
    assert by_path["wire-77.txt"][3] == "Example Wire"
    assert sum("Nairobi" in t for _, _, t, _, _ in rows) == 1
    # feed items and inline JSONL documents record the file they came from
    assert {"surrogate_title.rss", "surrogate.jsonl", "odd_dates.jsonl"} <= set(by_path)
    again = runner.invoke(cli, ["ingest", "--db", str(db), str(HOSTILE)])
    assert _counts(db)[0] == docs and "0 stored" in again.stderr  # re-running changes nothing


def test_a_bad_jsonl_line_loses_neither_the_lines_before_nor_after(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"g{i}", "text": STORY}) for i in range(20)]
    lines.append('{"id": "bad", "text": "' + "[" * 10 + '", "x": ' + "9" * 5000 + "}")
    lines += [json.dumps({"id": f"h{i}", "text": STORY}) for i in range(5)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(path)]))
    assert sum(isinstance(o, InputItem) for o in out) == 25
    (bad,) = [o for o in out if isinstance(o, Rejection)]
    assert bad.reason == "malformed" and "\n" not in bad.detail


def test_paths_that_never_end_or_never_answer_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "z", "file": "zero"}) + "\n", encoding="utf-8")
    dangling = tmp_path / "gone"
    dangling.symlink_to(tmp_path / "nothing-here")
    started = time.monotonic()
    out = list(iter_inputs(["/dev/zero", str(fifo), str(link), str(manifest), str(dangling)], max_bytes=1000))
    assert time.monotonic() - started < 10
    # the manifest's "zero" resolves to /dev/zero, outside its folder: refused before any read
    assert [o.reason for o in out if isinstance(o, Rejection)] == ["unsupported"] * 3 + ["refused", "missing"]


def test_a_jsonl_file_may_name_only_files_in_its_folder_or_allowed_roots(tmp_path: Path) -> None:
    inside, outside = tmp_path / "feed", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (inside / "a.txt").write_text(STORY, encoding="utf-8")
    (outside / "b.txt").write_text(STORY, encoding="utf-8")
    (inside / "link.txt").symlink_to(outside / "b.txt")
    manifest = inside / "m.jsonl"
    rows = [
        {"id": "a", "file": "a.txt"},
        {"id": "b", "file": "../elsewhere/b.txt"},
        {"id": "c", "file": "link.txt"},
    ]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(manifest)]))
    assert [type(o).__name__ for o in out] == ["InputItem", "Rejection", "Rejection"]
    assert {o.reason for o in out if isinstance(o, Rejection)} == {"refused"}
    allowed = list(iter_inputs([str(manifest)], file_roots=(str(outside),)))
    assert all(isinstance(o, InputItem) for o in allowed)


def test_long_paragraphs_are_cut_and_long_documents_rejected() -> None:
    words = ("soldiers shelled the town " * 40_000).strip()  # ~1,000,000 characters, no full stop
    doc = build_document(words, meta=Metadata(id="long"), fmt="text", max_bytes=5_000_000, source_path=None,
                         max_chars=2_000_000, max_paragraph_chars=20_000)  # fmt: skip
    assert max(s.end - s.start for s in doc.segments) <= 20_000
    assert sum(s.end - s.start for s in doc.body_segments()) >= len(words) - len(doc.segments)
    # a run of symbols in the middle of a paragraph is cut too: the tokenizer splits it in quadratic time
    mixed = "Troops attacked the village of Kramatorsk on Monday. " + "(" * 5_000 + " officials said."
    doc = build_document(mixed, meta=Metadata(id="run"), fmt="text", max_bytes=5_000_000, source_path=None)
    pieces = [doc.text[s.start : s.end] for s in doc.segments]
    assert max(len(w) for p in pieces for w in p.split()) <= 1_000
    assert "".join(pieces).replace(" ", "") == doc.text.strip().replace(" ", "")  # nothing lost
    from tocsin.errors import InputError

    with pytest.raises(InputError, match="budget"):
        build_document(words, meta=Metadata(id="long"), fmt="text", max_bytes=5_000_000, source_path=None,
                       max_chars=400_000)  # fmt: skip


def _ingest_process(db: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HOME": str(home), "TOCSIN_LOG": str(home / "errors.log")}
    code = "from tocsin.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "ingest", "--db", str(db), str(SAMPLES)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip


@pytest.mark.slow
def test_kill_and_sigterm_at_any_moment_then_resume_to_the_same_store(tmp_path: Path) -> None:
    clean = tmp_path / "clean.duckdb"
    proc = _ingest_process(clean, tmp_path)
    assert proc.wait(timeout=300) in {0, 1}
    expected = _counts(clean)
    assert expected[0] >= 2 and expected[1] > 0
    # Moments: at start-up, then counted from when the store file appears (so that the kill lands
    # while the store is new and being written, on a fast machine or a slow one).
    moments = [(signal.SIGKILL, False, 0.05), (signal.SIGKILL, True, 0.0), (signal.SIGTERM, True, 0.0),
               (signal.SIGKILL, True, 0.4), (signal.SIGTERM, True, 0.4)]  # fmt: skip
    for n, (sig, after_store, delay) in enumerate(moments):
        db = tmp_path / f"killed{n}.duckdb"
        proc = _ingest_process(db, tmp_path)
        while after_store and not db.exists() and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=300)
        assert b"Traceback" not in err
        if sig == signal.SIGTERM and after_store and proc.returncode not in {0, 1}:
            assert proc.returncode == 130, err  # handled like Ctrl-C once the command runs
        resumed = _ingest_process(db, tmp_path)
        _, err = resumed.communicate(timeout=300)
        assert resumed.returncode in {0, 1}, err  # the store opens, whenever the kill came
        assert _counts(db) == expected, (sig, after_store, delay)


@pytest.mark.slow
def test_reading_commands_read_together_and_write_nothing(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert (
        runner.invoke(cli, ["ingest", "--db", str(db), "--published", "2024-05-06", str(story)]).exit_code
        == 0
    )
    before = db.stat().st_mtime_ns
    # another reader holds the store open in its own process meanwhile
    code = (
        "import duckdb, sys, time\n"
        "c = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print('open', flush=True)\n"
        "time.sleep(20)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
        assert listed.exit_code == 0, listed.stderr
        assert any(json.loads(line)["event"] == "ASSAULT" for line in listed.output.splitlines())
        assert runner.invoke(cli, ["rejects", "--db", str(db)]).exit_code == 0
    finally:
        holder.kill()
        holder.wait()
    assert db.stat().st_mtime_ns == before


@pytest.mark.parametrize("moment", ["after_open", "after_a_write"])
def test_a_store_killed_before_its_first_checkpoint_opens_again(tmp_path: Path, moment: str) -> None:
    """DuckDB could not replay a log holding CREATE ... DEFAULT current_timestamp then ALTER TABLE:
    a new store killed in its first seconds could never be opened again."""
    db = tmp_path / "new.duckdb"
    code = (
        "import os, signal, sys\n"
        "from tocsin.store.store import Store\n"
        "from tocsin.models import Rejection\n"
        "s = Store(sys.argv[1])\n"
        "if sys.argv[2] == 'after_a_write':\n"
        "    s.reject(Rejection('x', 'empty', 'nothing'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(db), moment], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    from tocsin.store.store import Store

    with Store(db) as store:  # opens, and holds what was written before the kill
        assert store.counts()["rejections"] == (1 if moment == "after_a_write" else 0)


def test_a_budget_interrupts_work_that_runs_over() -> None:
    from tocsin.budget import Overtime, time_budget

    started = time.monotonic()
    with pytest.raises(Overtime), time_budget(0.2):
        while True:
            pass
    assert time.monotonic() - started < 5
    with time_budget(5):  # work within its budget is untouched, and the timer is cleared after
        total = sum(range(1000))
    time.sleep(0.3)
    assert total == 499500


@pytest.mark.slow
def test_a_document_over_its_time_budget_is_rejected_and_the_batch_goes_on(pipeline: Any) -> None:
    from dataclasses import replace

    from tocsin.pipeline import Coded, Pipeline

    slow = Pipeline(nlp=pipeline.nlp, gazetteer=pipeline.gazetteer,
                    settings=replace(pipeline.settings, doc_seconds=1))  # fmt: skip
    long_text = "\n\n".join(
        f"Paragraph {i}: {STORY} Residents said the market stayed shut." for i in range(1500)
    )
    items = [InputItem("short", STORY, "text", Metadata(), None),
             InputItem("long", long_text, "text", Metadata(), None),
             InputItem("short-again", STORY + " Two more were hurt.", "text", Metadata(), None)]  # fmt: skip
    out = list(slow.run(items))
    assert [type(o).__name__ for o in out] == ["Coded", "Rejection", "Coded"]
    rejected = out[1]
    assert isinstance(rejected, Rejection) and rejected.reason == "too_slow"
    assert "ingest.doc_seconds" in rejected.detail
    assert all(o.events for o in out if isinstance(o, Coded))


def test_a_signal_inside_a_duckdb_query_is_an_interruption() -> None:
    """DuckDB turns a KeyboardInterrupt raised while it runs a query into its own error; that is
    still Ctrl-C or SIGTERM (exit 130), not an internal error (exit 3)."""
    from tocsin.errors import StoreError, is_interrupt

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as inner:
            raise RuntimeError("Query interrupted") from inner
    except RuntimeError as exc:
        assert is_interrupt(exc)
        wrapped = StoreError("cannot store document x")
        wrapped.__cause__ = exc
        assert is_interrupt(wrapped)
    assert not is_interrupt(RuntimeError("Query interrupted"))  # the message alone proves nothing


def _run(args: list[str], home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HOME": str(home), "TOCSIN_LOG": str(home / "errors.log")}
    return subprocess.Popen([sys.executable, "-c", "from tocsin.cli import main; main()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)  # fmt: skip


@pytest.mark.slow
def test_import_events_and_reprocess_killed_then_run_again_give_an_uninterrupted_runs_store(
    tmp_path: Path,
) -> None:
    import csv

    from tests.test_imports import _acled_row
    from tocsin.report.exports import ACLED_COLUMNS

    export = tmp_path / "acled.csv"
    with export.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(_acled_row(event_id_cnty=f"UGA{i}", fatalities=str(i % 7)) for i in range(10_000))
    clean = tmp_path / "clean.duckdb"
    assert (
        _run(["import-events", "--format", "acled", "--db", str(clean), str(export)], tmp_path).wait(300) == 0
    )

    def imported(db: Path) -> list[tuple[str, int]]:
        with duckdb.connect(str(db), read_only=True) as conn:
            return conn.execute("SELECT id, dead_best FROM imported_events ORDER BY id").fetchall()

    expected = imported(clean)
    for n, (sig, delay) in enumerate([(signal.SIGKILL, 0.3), (signal.SIGTERM, 0.6)]):
        db = tmp_path / f"killed{n}.duckdb"
        proc = _run(["import-events", "--format", "acled", "--db", str(db), str(export)], tmp_path)
        while not db.exists() and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=300)
        assert b"Traceback" not in err
        again = _run(["import-events", "--format", "acled", "--db", str(db), str(export)], tmp_path)
        assert again.wait(300) == 0
        assert imported(db) == expected, (sig, delay)
    # reprocess: the samples' store re-coded, killed part-way, re-coded again: the same reports and groups
    store = tmp_path / "samples.duckdb"
    assert _ingest_process(store, tmp_path).wait(300) in {0, 1}
    before = _counts(store)
    proc = _run(["reprocess", "--db", str(store)], tmp_path)
    time.sleep(4)  # the models load, then documents are re-coded one by one
    proc.send_signal(signal.SIGKILL)
    proc.wait(60)
    assert _run(["reprocess", "--db", str(store)], tmp_path).wait(300) == 0
    assert _counts(store) == before
