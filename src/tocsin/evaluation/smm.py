"""A monitoring mission's figures read right: the OSCE SMM daily reports of ``../shared/dev/smm``.

Each report (its header and summary) is coded as a document published on its issue day; every
region figure the dataset lists (``counts.jsonl``: ceasefire violations, explosions when stated,
and the window, "24h" or "multi-day") must come out as a record with that ``count`` and
``count_of`` for that region, dated by the report's window. Scored: the share of listed figures
read right (value and window), the records tocsin made that the dataset does not list, and the
surge and build-up alerts a replay of the series raises (the dev sample is sparse: 58 reports over
a year), with, for each ``--onset``, the first serious alert before it and its lead, and for each
``--quiet`` span the serious alerts in it (as ``tocsin evaluate alerts`` reports them).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from tocsin.analysis.alerts import replay
from tocsin.analysis.occurrences import from_fused
from tocsin.analysis.rules import thresholds
from tocsin.evaluation.alerts import SERIOUS, onset_report, quiet_report
from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.items import InputItem
from tocsin.pipeline import Coded, Pipeline
from tocsin.report.records import event_json
from tocsin.store.store import Store


def evaluate(
    folder: Path,
    pipeline: Pipeline,
    *,
    examples: int = 0,
    onsets: tuple[date, ...] = (),
    quiet: list[tuple[date, date]] | None = None,
) -> dict[str, Any]:
    """Code every report and compare its region figures with the listed ones; replay the alerts
    the figures raise, scored against ``onsets`` and ``quiet`` spans as ``evaluate alerts`` does."""
    reports = [json.loads(line) for line in (folder / "reports.jsonl").open(encoding="utf-8") if line.strip()]
    gold = [json.loads(line) for line in (folder / "counts.jsonl").open(encoding="utf-8") if line.strip()]
    items = []
    for r in reports:
        meta = Metadata(id=r["id"], published=parse_published(r["issued"]), published_method="given")
        items.append(InputItem(r["id"], r["text"], "text", meta, None))
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    store = Store(":memory:")
    for result in pipeline.run(items):
        if isinstance(result, Coded):
            store.add(result.document, result.events)
            for e in result.events:
                if e.count is not None and e.location is not None:
                    found[(e.doc_id, e.location.name or "", e.count_of or "")] = event_json(e)
    right, wrong = 0, []
    listed: set[tuple[str, str, str]] = set()
    for g in gold:
        key = (g["id"], g["region"], "ceasefire violations")
        listed.add(key)
        mine = found.get(key)
        ok = mine is not None and mine["count"] == g["ceasefire_violations"]
        if ok and mine is not None:
            days = (
                (date.fromisoformat(mine["date_end"]) - date.fromisoformat(mine["date"])).days
                if mine["date_end"]
                else 1
            )
            ok = ("24h" if days <= 1 else "multi-day") == g["window"]
        if ok and g.get("explosions") is not None:
            listed.add((g["id"], g["region"], "explosions"))
            boom = found.get((g["id"], g["region"], "explosions"))
            ok = boom is not None and boom["count"] == g["explosions"]
        right += ok
        if not ok:
            wrong.append({"id": g["id"], "region": g["region"], "gold": g["ceasefire_violations"],
                          "window": g["window"], "found": mine and mine["count"],
                          "sentence": g["source_sentence"]})  # fmt: skip
    extra = sorted(k for k in found if k not in listed)
    store.fuse()
    occurrences = [o for o in (from_fused(r) for r in store.fused_events()) if o is not None]
    store.close()
    span = sorted(o.day for o in occurrences)
    # Up to the last day a figure became known (the day its report was published), or an onset.
    last = max([*(o.known for o in occurrences), *onsets]) if span else None
    alerts = replay(occurrences, span[0], last, kinds=("surge", "buildup")) if span and last else []
    serious = [a for a in alerts if a.level in SERIOUS]
    lead = thresholds()["evaluation"]["lead_days"]
    areas = len({o.area for o in occurrences})
    return {
        "reports": len(reports),
        "figures_listed": len(gold),
        "figures_right": right,
        "accuracy": round(right / len(gold), 3) if gold else 0.0,
        "records_not_listed": len(extra),
        "errors": wrong[:examples],
        "not_listed": [list(k) for k in extra[:examples]],
        "alerts_in_replay": [f"{a.issued_at} {a.level}: {a.explanation}" for a in alerts],
        "onsets": [onset_report(d, alerts, lead) for d in onsets],
        "quiet_spans": quiet_report(quiet or [], serious, areas),
    }
