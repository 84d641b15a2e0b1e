"""Coding in several processes: the same events and ids whatever the number of workers, and an
ingest that resumes (slow: spawns workers that load the model)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from tocsin.cli import cli

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STORIES = [
    "Rebels attacked an army post near Beni on Monday, killing four soldiers, the army said.",
    "Hundreds of teachers marched in Accra on Tuesday to demand unpaid salaries.",
    "Police fired tear gas at protesters in Goma on Wednesday; two people were injured.",
    "The central bank raised interest rates on Thursday, citing inflation.",
    "Gunmen abducted a councillor in Zamfara on Friday, residents said.",
]


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": t, "published": "2022-03-07"}) for i, t in enumerate(STORIES)]
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docs


def _reports(db: Path) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT id, doc_id, coalesce(fused_id, '') FROM events ORDER BY id").fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def test_extract_gives_the_same_output_with_two_workers(inputs: Path, pipeline: Any) -> None:
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(inputs), str(SAMPLES)])
    two = runner.invoke(cli, ["extract", "--workers", "2", str(inputs), str(SAMPLES)])
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout.count("\n") > 20
    assert two.stdout == one.stdout  # the same events, ids and order


def test_ingest_with_two_workers_stores_the_same_reports_and_resumes(inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    a, b = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert runner.invoke(cli, ["ingest", "--db", str(a), str(inputs), str(SAMPLES)]).exit_code == 0
    first = runner.invoke(cli, ["ingest", "--workers", "2", "--db", str(b), str(inputs), str(SAMPLES)])
    assert first.exit_code == 0, first.output
    assert _reports(a) == _reports(b) and len(_reports(a)) > 20
    again = runner.invoke(cli, ["ingest", "--workers", "2", "--db", str(b), str(inputs), str(SAMPLES)])
    assert again.exit_code == 0 and " 0 stored, 7 already stored" in again.output
