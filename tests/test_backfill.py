"""`tocsin backfill --engine ray` and `tocsin load`: the same store as `tocsin ingest`, on a real
local Ray cluster (a head and a second worker process), a coding actor killed mid-run (slow)."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow

TOCSIN = str(Path(sys.executable).parent / "tocsin")
RAY = str(Path(sys.executable).parent / "ray")


def _snapshot(db: Path) -> dict[str, list[Any]]:
    """What a store holds, comparable between two stores: documents, reports, rejections, fusion."""
    with duckdb.connect(str(db), read_only=True) as conn:

        def q(sql: str) -> list[Any]:
            return conn.execute(sql).fetchall()

        return {
            "documents": q(
                "SELECT id, content_hash, duplicate_of, source, url, published, text, segments, raw"
                " FROM documents ORDER BY id"
            ),
            "reports": q("SELECT id, doc_id, record FROM events ORDER BY id"),
            "rejections": q("SELECT source, reason, detail FROM rejections ORDER BY ALL"),
            "fused": q("SELECT count(*) FROM fused_events"),
        }


def _stories(folder: Path) -> Path:
    """A backfill input of some length: every paragraph of the two seed articles a story of its
    own, in a JSONL shard and as text files (a folder of shards), plus a broken line."""
    folder.mkdir()
    lines = []
    for path in sorted(SAMPLES.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
        for i, text in enumerate(paragraphs):
            lines.append(json.dumps({"id": f"{path.stem}-{i}", "text": text, "published": "2023-03-29"}))
    (folder / "stories.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    for path in sorted(SAMPLES.glob("*.txt")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


#: The cluster's token (Ray 2.60 authenticates every node and client): one for this test run.
_TOKEN = secrets.token_hex(16)


def _ray_env() -> dict[str, str]:
    """Ray's token authentication on, with this run's token for the nodes and for tocsin."""
    return {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": _TOKEN}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Ray head and a second worker node on this machine, one CPU each; stopped after."""
    port = _free_port()
    address = f"127.0.0.1:{port}"
    env = _ray_env()
    common = ["--num-cpus=1", "--object-store-memory=150000000", "--disable-usage-stats"]
    head = [RAY, "start", "--head", f"--port={port}", "--include-dashboard=false", *common]
    subprocess.run(head, check=True, env=env, capture_output=True, timeout=180)
    try:
        subprocess.run([RAY, "start", f"--address={address}", *common], check=True, env=env,
                       capture_output=True, timeout=180)  # fmt: skip
        yield address
    finally:
        subprocess.run([RAY, "stop", "--force"], env=env, capture_output=True, timeout=120)


def _coder_pids() -> list[int]:
    """The processes of Ray's coding actors (their title names the coder)."""
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines()[1:] if "MapBatches(Coder)" in line]


def test_backfill_on_a_two_node_cluster_with_an_actor_killed_loads_what_ingest_stores(
    cluster: str, tmp_path: Path
) -> None:
    stories = _stories(tmp_path / "in")
    ingested = tmp_path / "ingest.duckdb"
    done = subprocess.run([TOCSIN, "ingest", str(stories), "--db", str(ingested)], capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert done.returncode == 1, done.stderr  # the broken line is rejected, the rest stored
    expected = _snapshot(ingested)
    assert len(expected["documents"]) > 20 and len(expected["reports"]) > 40

    out = tmp_path / "partitions"
    run = subprocess.Popen(
        [TOCSIN, "backfill", str(stories), "--address", cluster, "--workers", "2", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_ray_env(),
    )  # fmt: skip
    deadline = time.monotonic() + 240
    while not _coder_pids() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
    time.sleep(3)  # let the actors load the models and take their first batches
    victims = _coder_pids()
    assert victims and run.poll() is None, "the backfill ended before an actor could be killed"
    os.kill(victims[0], signal.SIGKILL)
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    assert "Traceback" not in err
    assert "written to" in err
    # Only the command's own lines: Ray's (its log level, how it authenticates) stay in its files.
    assert all(line.startswith("tocsin") for line in err.splitlines() if line.strip()), err

    loaded = tmp_path / "load.duckdb"
    first = subprocess.run([TOCSIN, "load", str(out), "--db", str(loaded)], capture_output=True, text=True,
                           timeout=600)  # fmt: skip
    assert first.returncode == 1, first.stderr  # the same rejection as the ingest's
    assert _snapshot(loaded) == expected  # nothing lost to the kill, nothing twice, the same ids

    again = subprocess.run([TOCSIN, "load", str(out), "--db", str(loaded)], capture_output=True, text=True,
                           timeout=600)  # fmt: skip
    assert "0 stored" in again.stderr and _snapshot(loaded) == expected  # loading again changes nothing


def test_load_refuses_a_folder_without_partitions_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run([TOCSIN, "load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert "holds no backfill partitions" in done.stderr and "Traceback" not in done.stderr


def test_backfill_refuses_an_address_with_no_cluster_in_one_line(tmp_path: Path) -> None:
    port = _free_port()
    done = subprocess.run(
        [TOCSIN, "backfill", str(SAMPLES), "--address", f"127.0.0.1:{port}", "--out", str(tmp_path / "o")],
        capture_output=True, text=True, timeout=300, env=_ray_env(),
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "cannot reach a Ray cluster" in done.stderr and "Traceback" not in done.stderr
