"""The backfill's Parquet rows: every result of the pipeline read back as it was, in input order,
and a folder split into shards read as one run reads it (slow: codes the seeds)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


def test_results_come_back_from_their_rows_unchanged_and_in_order(pipeline: Any) -> None:
    from tocsin.ingest.readers import iter_inputs
    from tocsin.models import Rejection
    from tocsin.pipeline import Coded
    from tocsin.scale.partitions import decode, result_rows, results, to_table

    items = list(iter_inputs([str(SAMPLES), str(ROOT / "tests" / "fixtures" / "hostile")]))
    coded = list(pipeline.run(items))
    assert any(isinstance(r, Rejection) for r in coded) and any(
        isinstance(r, Coded) and r.events for r in coded
    )
    rows = [row for seq, r in enumerate(coded) for row in result_rows(0, seq, r)]
    table = to_table(list(reversed(rows)))  # stored in any order
    cols = table.to_pydict()
    picked = {
        t: [i for i, x in enumerate(cols["table"]) if x == t] for t in ("documents", "reports", "rejections")
    }

    def of(t: str, *names: str) -> list[tuple[Any, ...]]:
        out = [tuple(cols[n][i] for n in names) for i in picked[t]]
        return sorted(out, key=lambda r: (r[0], r[1]))

    docs = of("documents", "shard", "seq", "record", "text", "raw")
    reports = sorted(
        [tuple(cols[n][i] for n in ("shard", "seq", "record", "n")) for i in picked["reports"]],
        key=lambda r: (r[0], r[1], r[3]),
    )
    back = list(results(docs, [r[:3] for r in reports], of("rejections", "shard", "seq", "record")))

    def kept(r: Any) -> Any:  # what the store keeps of a result (not the precision stage's drops)
        return (r.label, r.document, r.events, r.raw, r.raw_format) if isinstance(r, Coded) else r

    assert [kept(r) for r in back] == [kept(r) for r in coded]
    # lone surrogates in a hostile text survive the trip (Arrow strings could not hold them)
    assert all(decode(r["record"]).encode("utf-8", "surrogatepass") == r["record"] for r in rows)


def test_a_folder_in_shards_reads_as_the_folder_does() -> None:
    from tocsin.ingest.readers import iter_inputs, shards

    paths = [str(SAMPLES), str(ROOT / "tests" / "fixtures")]

    def labels(items: Any) -> list[str]:
        return [getattr(x, "label", None) or x.source for x in items]

    split = shards(paths)
    assert len(split) > len(paths)  # the folders became their files
    assert labels(x for s in split for x in iter_inputs([s])) == labels(iter_inputs(paths))
