"""The command line as a user runs it: bad input, exit codes, storing twice, listing (slow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from tocsin.cli import cli

pytestmark = pytest.mark.slow

ARTICLE = "On Monday, Russian forces shelled Kharkiv, killing two civilians, officials said."


@pytest.fixture()
def runner(pipeline: Any) -> CliRunner:
    return CliRunner()


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "binary": tmp_path / "image.png",
        "empty": tmp_path / "empty.txt",
        "latin1": tmp_path / "latin1.txt",
        "broken": tmp_path / "broken.txt",
    }
    files["good"].write_text(ARTICLE, encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    files["empty"].write_bytes(b"")
    files["latin1"].write_bytes("Rebels attacked the café in Goma on Monday, police said.".encode("latin-1"))
    files["broken"].write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40 + b"\xff\xfe" * 10)
    return files


def test_extract_bad_input_one_line_each_rest_still_coded(runner: CliRunner, tmp_path: Path) -> None:
    f = _bad_inputs(tmp_path)
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text('{"id": "j1", "text": "' + ARTICLE + '"}\n{broken json\n', encoding="utf-8")
    paths = [str(f[k]) for k in ("binary", "empty", "good", "latin1", "broken")]
    result = runner.invoke(
        cli, ["extract", "--published", "2023-03-29", *paths, str(tmp_path / "missing.txt"), str(jsonl)]
    )
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5  # binary, empty, broken, missing, the bad JSONL line
    reasons = {line.split(": ")[2] for line in errors}
    assert reasons == {"binary", "empty", "encoding", "missing", "malformed"}
    assert all(line.startswith("tocsin: rejected ") for line in errors)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {e["doc_id"] for e in events}
    assert "j1" in docs and len(docs) == 3  # good.txt, latin1.txt and the JSONL document


def test_extract_all_good_exits_zero_and_matches_schema(
    runner: CliRunner, tmp_path: Path, event_schema: dict[str, Any]
) -> None:
    result = runner.invoke(cli, ["extract", "--input-format", "jsonl", str(SAMPLES / "documents.jsonl")])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) > 20
    for e in events:
        jsonschema.validate(e, event_schema)
    assert {e["doc_id"] for e in events} == {"seed-000", "seed-003"}
    # Stable ids: the same input gives the same ids.
    again = runner.invoke(cli, ["extract", "--input-format", "jsonl", str(SAMPLES / "documents.jsonl")])
    assert [json.loads(x)["id"] for x in again.stdout.splitlines()] == [e["id"] for e in events]


def test_extract_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "--published", "2022-03-14", "-"], input=ARTICLE)
    assert result.exit_code == 0
    (event,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert event["event"] == "ASSAULT" and event["date"] == "2022-03-14" and event["dead"] == 2


def test_ingest_twice_changes_nothing_then_list_and_show(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    args = ["ingest", "--db", db, "--input-format", "jsonl", str(SAMPLES / "documents.jsonl")]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    assert "2 stored" in first.stderr
    listed = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    ids = [json.loads(x)["id"] for x in listed.stdout.splitlines()]
    second = runner.invoke(cli, args)
    assert "0 stored, 2 already stored" in second.stderr and "0 events added" in second.stderr
    again = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    assert [json.loads(x)["id"] for x in again.stdout.splitlines()] == ids

    assaults = runner.invoke(
        cli,
        [
            "events",
            "--db",
            db,
            "--format",
            "jsonl",
            "--type",
            "ASSAULT",
            "--since",
            "2023-03-01",
            "--until",
            "2023-03-31",
        ],
    )
    rows = [json.loads(x) for x in assaults.stdout.splitlines()]
    assert rows and all(r["event"] == "ASSAULT" and "2023-03-01" <= r["date"] <= "2023-03-31" for r in rows)
    by_country = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--country", "AZ"])
    assert by_country.stdout.splitlines()[0].startswith("id,doc_id,date")
    table = runner.invoke(cli, ["events", "--db", db])
    assert table.stdout.splitlines()[0].split()[:3] == ["id", "date", "event"]

    killed = next(r for r in rows if r["dead"] == 3)
    shown = runner.invoke(cli, ["show", "--db", db, killed["id"][:10]])
    assert shown.exit_code == 0
    assert "three Artsakh police officers" in shown.stdout
    assert "Armenian Weekly" in shown.stdout


def test_ingest_records_rejections(runner: CliRunner, tmp_path: Path) -> None:
    f = _bad_inputs(tmp_path)
    db = str(tmp_path / "r.duckdb")
    result = runner.invoke(cli, ["ingest", "--db", db, str(f["binary"]), str(f["good"])])
    assert result.exit_code == 1
    assert "1 stored" in result.stderr and "1 rejected (binary 1)" in result.stderr
    listed = runner.invoke(cli, ["rejects", "--db", db])
    (row,) = [json.loads(x) for x in listed.stdout.splitlines()]
    assert row["reason"] == "binary" and row["source"].endswith("image.png")


def test_events_without_store_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2  # a store error, not a rejected input
    assert "run `tocsin ingest` first" in result.stderr


def test_dates_command_prints_resolved_expressions(runner: CliRunner, tmp_path: Path) -> None:
    text = "On Monday, troops shelled the town. That same day, talks began.\n"
    result = runner.invoke(cli, ["dates", "--published", "2022-03-16", "-"], input=text)
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["text"], r["value"], r["method"]) for r in rows] == [
        ("Monday", "2022-03-14", "relative_to_publication"),
        ("That same day", "2022-03-14", "relative_to_narrative"),
    ]
    assert text[rows[1]["start"] : rows[1]["end"]] == "That same day"
    undated = runner.invoke(cli, ["dates", "-"], input=text)
    assert [json.loads(x)["precision"] for x in undated.stdout.splitlines()] == ["unknown", "unknown"]


def test_evaluations_name_missing_data_instead_of_failing(runner: CliRunner, tmp_path: Path) -> None:
    for args, message in (
        (["evaluate", "seeds", "--gold", str(tmp_path / "none.jsonl")], "no gold file at"),
        (["evaluate", "timebank", "--dir", str(tmp_path / "none")], "no TimeBank folder at"),
        (["evaluate", "acled", "--file", str(tmp_path / "none.csv")], "no ACLED file at"),
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2 and message in result.stderr, args


@pytest.mark.parametrize(
    ("command", "content"),
    [
        (["evaluate", "glocon", "--file"], '{"id": "1", "text": "x"\n'),  # broken JSON
        (["evaluate", "glocon", "--file"], '{"text": "no id"}\n'),  # a field missing
        (["evaluate", "plover", "--file"], "[{"),
    ],
)
def test_an_unreadable_evaluation_file_is_one_line_not_a_traceback(
    runner: CliRunner, tmp_path: Path, command: list[str], content: str
) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, [*command, str(data)])
    assert result.exit_code == 2
    assert "could not be read" in result.output and str(data) in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, (ValueError, KeyError))


def test_a_day_at_the_calendars_end_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import cli

    result = CliRunner().invoke(cli, ["bulletin", "--date", "0001-01-01", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "outside the days tocsin reckons with" in result.output
