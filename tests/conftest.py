"""Shared fixtures. Tests marked ``slow`` load the pinned spaCy model and the full gazetteer."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tocsin.config import Settings, load_settings

# Fuzzing profiles (tests/test_fuzz.py): "ci", a few hundred cases per test, by default; "long", as
# many as $TOCSIN_FUZZ_EXAMPLES per test (scripts/fuzz.sh runs it: the >= 10,000-case campaign).
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
hypothesis_settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=_QUIET)
hypothesis_settings.register_profile(
    "long",
    max_examples=int(os.environ.get("TOCSIN_FUZZ_EXAMPLES", "2500")),
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The tests must not see (or write) a user's own imported places: a private data directory.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="tocsin-tests-")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "seeds.events.jsonl"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(env={})


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Any:
    from tocsin.cli import _pipeline

    return _pipeline(settings)


@pytest.fixture(scope="session")
def seed_results(pipeline: Any) -> list[Any]:
    from tocsin.ingest.readers import iter_inputs

    return list(pipeline.run(iter_inputs([str(SAMPLES / "documents.jsonl")], input_format="jsonl")))


@pytest.fixture(scope="session")
def _seed_store(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples ingested once, through the CLI, into a DuckDB file."""
    from click.testing import CliRunner

    from tocsin.cli import cli

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def seeds_db(_seed_store: Path, tmp_path: Path) -> Path:
    """A test's own copy of the ingested samples, free to be written to."""
    db = tmp_path / _seed_store.name
    shutil.copyfile(_seed_store, db)
    return db


@pytest.fixture(scope="session")
def event_schema() -> dict[str, Any]:
    path = ROOT / "src" / "tocsin" / "data" / "event.schema.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def code_text(pipeline: Any, text: str, published: str | None = "2023-03-29") -> list[dict[str, Any]]:
    """Events (JSON records) of one plain text."""
    from tocsin.ingest.documents import Metadata, parse_published
    from tocsin.ingest.items import InputItem
    from tocsin.pipeline import Coded
    from tocsin.report.records import event_json

    meta = Metadata(id="t", published=parse_published(published), published_method="given")
    (result,) = list(pipeline.run([InputItem("t", text, "text", meta, None)]))
    assert isinstance(result, Coded), result
    return [event_json(e) for e in result.events]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server of the session's own (see tests/postgres.py); its URL."""
    from tests.postgres import Unavailable, server

    folder = Path(tempfile.mkdtemp(prefix="tocsin-pg-"))  # not under pytest's root-only folder
    try:
        with server(folder) as url:
            yield url
    except Unavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed here: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_db(postgres_server: str) -> str:
    """A new empty PostgreSQL database: a ``--db`` URL."""
    from tests.postgres import new_database

    return new_database(postgres_server)


@pytest.fixture(params=["duckdb", "postgresql"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes new stores' ``--db`` values, in each backend in turn: the tests that use it are the
    store's shared suite, run on DuckDB and on PostgreSQL alike."""
    made = iter(range(1_000))
    if request.param == "duckdb":
        return lambda: str(tmp_path / f"store{next(made)}.duckdb")
    server = str(request.getfixturevalue("postgres_server"))

    from tests.postgres import new_database

    return lambda: new_database(server)


@pytest.fixture
def store_at(new_store: Callable[[], str]) -> str:
    """A new store's ``--db`` value (a DuckDB file, then a PostgreSQL database)."""
    return new_store()
