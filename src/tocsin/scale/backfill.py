"""`tocsin backfill --engine ray`: the ingest pipeline on Ray Data, written as Parquet partitions.

The sources are split into shards the way ``tocsin ingest`` reads them (``ingest.readers.shards``:
a folder's files one by one, in its order); Ray reads each shard into inputs (light tasks), codes
them in a pool of actors that each load the models once (``_Coder``), and writes every result as
rows of ``scale/partitions.py`` under ``OUT/table=documents|reports|rejections/``. ``tocsin load``
then stores them in input order. An actor that dies (killed, out of memory) is restarted and its
batch coded again (at-least-once: the rows of a batch are written once, when it is done).

``address`` joins a running cluster (``ray start --head`` on one machine, ``ray start --address``
on the others; every node needs tocsin installed, and ``OUT`` must be a folder all nodes and the
caller share, or a cloud storage URI); without it Ray starts a local cluster for the run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import shutil
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from tocsin.config import Settings
from tocsin.errors import TocsinError
from tocsin.ingest.documents import Metadata
from tocsin.ingest.readers import iter_inputs, shards
from tocsin.scale.partitions import TABLES, result_rows, to_table

#: Inputs coded per actor call: small enough that a killed actor loses little work.
BATCH = 16
#: Bytes of a block between Ray Data's operators (its default is 128 MiB, a whole shard).
BLOCK_BYTES = 32 * 1024


class BackfillError(TocsinError):
    """The engine could not run the backfill (no cluster at the address, a failed job)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """How a shard is read: the options of ``tocsin ingest``."""

    input_format: str
    published: date | None
    max_bytes: int
    file_roots: tuple[str, ...]
    allow_private_urls: bool


def _read_shard(row: dict[str, Any], reading: Reading) -> list[dict[str, Any]]:
    """One shard's inputs (or rejections), numbered in reading order; pickled for the coder."""
    items = iter_inputs(
        [str(row["source"])],
        input_format=reading.input_format,
        defaults=Metadata(published=reading.published),
        max_bytes=reading.max_bytes,
        file_roots=reading.file_roots,
        allow_private_urls=reading.allow_private_urls,
    )
    return [{"shard": row["shard"], "seq": seq, "item": pickle.dumps(item)} for seq, item in enumerate(items)]


class _Coder:
    """A Ray actor: the models loaded once, then batches of inputs coded into partition rows."""

    #: The run's settings, set on a subclass made for the run (:func:`_coder`): constructor
    #: arguments would sit in Ray's object store, and an actor restarted after they are gone
    #: could not be built again.
    settings: Settings

    def __init__(self) -> None:
        from tocsin.heap import freeze_loaded
        from tocsin.pipeline import Pipeline

        self.pipeline = Pipeline.from_settings(self.settings)
        freeze_loaded()

    def __call__(self, batch: pa.Table) -> pa.Table:
        places = list(zip(batch.column("shard").to_pylist(), batch.column("seq").to_pylist(), strict=True))
        items = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        rows: list[dict[str, Any]] = []
        for (shard, seq), result in zip(places, self.pipeline.run(items, batch=len(items)), strict=True):
            rows += result_rows(shard, seq, result)
        return to_table(rows)


def _coder(settings: Settings) -> type[_Coder]:
    """A coder class that carries ``settings`` with it (pickled with the class)."""
    return type("Coder", (_Coder,), {"settings": settings})


def _quiet() -> None:
    """Ray's and Ray Data's own log lines (progress, "execution finished") stay in Ray's log files:
    the command prints its own summary."""
    for name in list(logging.root.manager.loggerDict):
        if name == "ray" or name.startswith("ray."):
            logging.getLogger(name).setLevel(logging.ERROR)


@contextlib.contextmanager
def _native_stderr_muted() -> Iterator[None]:
    """Ray's C++ core says on the terminal, as it starts, the log level it read from the
    environment (ray-project/ray#12010): while it starts, the process's own stderr goes nowhere.
    What fails comes back as an exception all the same."""
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _reachable(address: str, timeout: float = 5.0) -> None:
    """Refuse at once an address where no cluster listens (Ray itself retries for minutes)."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=timeout):
            return
    except (OSError, ValueError) as exc:
        raise BackfillError(f"cannot reach a Ray cluster at {address}: {exc}") from exc


def clear(out: str) -> None:
    """Remove a previous run's partitions from a local ``out`` (a run rewrites them all)."""
    if "://" in out:
        return
    for table in TABLES:
        shutil.rmtree(Path(out) / f"table={table}", ignore_errors=True)


def backfill(
    paths: list[str], out: str, settings: Settings, reading: Reading, *, address: str | None, workers: int
) -> None:
    """Code ``paths`` on Ray and write the partitions under ``out``."""
    # Ray's C++ core logs at INFO to the terminal; its own files keep everything.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    import ray

    sources = shards(paths, input_format=reading.input_format, file_roots=reading.file_roots)
    if address is not None and address != "auto":
        _reachable(address)
    _quiet()  # a warning of how the cluster authenticates, logged as it starts
    try:
        with _native_stderr_muted():
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    except (ConnectionError, RuntimeError, ValueError, ray.exceptions.RayError) as exc:
        hint = " (a cluster with token authentication needs RAY_AUTH_MODE=token here too)"
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BackfillError(f"cannot reach a Ray cluster at {address}: {why}{hint}") from exc
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    # Small blocks: a shard's inputs are cut into many, so that every actor gets some (a
    # repartition would need a CPU the actors hold).
    context.target_max_block_size = BLOCK_BYTES
    _quiet()
    try:
        clear(out)
        listed = ray.data.from_items([{"shard": i, "source": s} for i, s in enumerate(sources)])
        # Reading is light and must not wait for a CPU the coders hold (a deadlock on 2 cores).
        read = listed.flat_map(partial(_read_shard, reading=reading), num_cpus=0, concurrency=workers)
        coded = read.map_batches(
            _coder(settings),
            batch_size=BATCH,
            batch_format="pyarrow",
            concurrency=workers,
            num_cpus=1,
            max_restarts=-1,
            max_task_retries=-1,
        )
        _quiet()
        coded.write_parquet(out, partition_cols=["table"])
    except ray.exceptions.RayError as exc:
        raise BackfillError(f"the backfill failed on Ray: {str(exc).splitlines()[0]}") from exc
    finally:
        ray.shutdown()
