"""Fusion against UCDP GED: do the reports of one UCDP event become one tocsin event?

Every source UCDP lists for an event (``source_article``: ``"Outlet,YYYY-MM-DD,Headline"`` entries
separated by ``;``) becomes a document: its text the headline, published on its date, from its
outlet. All are coded and fused in a fresh in-memory store; then, over the headlines that belong to
exactly one UCDP event (one article may support several events, as round-ups do):

* B-cubed precision, recall and F1 of tocsin's grouping against UCDP's, for all such headlines and
  for those of UCDP events with two or more headlines (leaving every headline alone already scores
  well on single-source events; the multi-headline figure is the one that matters). A headline's
  tocsin group is every headline whose reports share a fused event with one of its own reports
  (a headline with no report is alone);
* the recall perfect fusion of the reports given would reach (every headline that gave a report
  joined with exactly the other such headlines of its event), and how many headlines gave one;
* the false-merge rate: the share of tocsin's events holding headlines of two UCDP events;
* the share of UCDP events whose tocsin ``dead_best`` lies within UCDP's [low, high] (the fused
  event holding most of the UCDP event's own headlines, those that report no other UCDP event, or
  of all its headlines when none of its own gave a report: a round-up's total, "At least 15 killed
  in eastern Ukraine", is no figure for any one of the events UCDP splits it into; an event with no
  figure counts as outside), over all UCDP events, over those given a figure, and over those given
  a figure from their own headlines.

A headline the store links to another as its near-duplicate (the same words under another credit)
is not coded again: it stands with its original's events.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.pipeline import Coded, Pipeline
from tocsin.store.store import Store


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A UCDP event: its id, the ids of its headlines, and its death range."""

    id: str
    headlines: tuple[str, ...]
    low: int
    best: int
    high: int


@dataclass(frozen=True, slots=True)
class Headline:
    """One source article as UCDP lists it."""

    id: str
    outlet: str
    published: date | None
    text: str


def _sources(field: str) -> list[tuple[str, str, str]]:
    """(outlet, date, headline) of each entry of a ``source_article`` cell."""
    out = []
    for entry in field.split('";"'):
        entry = entry.strip().strip('"')
        parts = entry.split(",", 2)
        if len(parts) == 3 and parts[2].strip():
            out.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return out


def load_ucdp(path: Path) -> tuple[list[GoldEvent], dict[str, Headline]]:
    """UCDP events and their distinct headlines from a GED CSV."""
    events: list[GoldEvent] = []
    headlines: dict[str, Headline] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ids = []
            for outlet, day, text in _sources(row.get("source_article") or ""):
                hid = hashlib.sha1(f"{outlet}|{day}|{text}".encode()).hexdigest()[:16]
                try:
                    published = date.fromisoformat(day)
                except ValueError:
                    published = None
                headlines.setdefault(hid, Headline(hid, outlet, published, text))
                ids.append(hid)
            if ids:
                low, best, high = (int(float(row[k] or 0)) for k in ("low", "best", "high"))
                events.append(GoldEvent(row["id"], tuple(dict.fromkeys(ids)), low, best, high))
    return events, headlines


def _bcubed(items: list[str], gold: dict[str, set[str]], pred: dict[str, set[str]]) -> dict[str, float]:
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "headlines": 0}
    scope = set(gold)
    p = r = 0.0
    for h in items:
        mine = (pred.get(h, {h}) & scope) | {h}
        both = len(mine & gold[h])
        p += both / len(mine)
        r += both / len(gold[h])
    p, r = p / len(items), r / len(items)
    f1 = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": f1, "headlines": len(items)}


def _ceiling(multi: list[str], gold: dict[str, set[str]], reported: set[str]) -> float:
    """B-cubed recall over ``multi`` if every headline that gave a report were joined with exactly
    the other reported headlines of its UCDP event: what perfect fusion of these reports reaches
    (a headline that gave none, a bare place name among UCDP's sources, stays alone)."""
    if not multi:
        return 0.0
    total = 0.0
    for h in multi:
        group = (gold[h] & reported) | {h} if h in reported else {h}
        total += len(group & gold[h]) / len(gold[h])
    return round(total / len(multi), 3)


def _votes(headlines: list[str], of_headline: dict[str, set[str]]) -> dict[str, int]:
    """How many of the headlines each fused event holds."""
    counts: dict[str, int] = defaultdict(int)
    for h in headlines:
        for f in of_headline.get(h, ()):
            counts[f] += 1
    return counts


def evaluate(path: Path, pipeline: Pipeline, *, limit: int = 0, examples: int = 0) -> dict[str, Any]:
    """Code and fuse every headline; score the grouping and the death ranges against UCDP. With
    ``examples``, also list that many events of each kind of error: a fused event holding two UCDP
    events' headlines, a UCDP event whose reported headlines stay apart, a figure outside UCDP's
    range."""
    events, headlines = load_ucdp(path)
    if limit:
        events = events[:limit]
        wanted = {h for e in events for h in e.headlines}
        headlines = {k: v for k, v in headlines.items() if k in wanted}
    items = [InputItem(h.id, h.text, "text", Metadata(id=h.id, source=h.outlet, published=h.published,
                                                        published_method="given" if h.published else "none"),
                       None) for h in headlines.values()]  # fmt: skip
    store = Store(":memory:")
    coded = 0
    copies: dict[str, str] = {}  # a near-duplicate headline -> the original it was linked to
    for result in pipeline.run(items):
        if isinstance(result, Coded):
            if store.add(result.document, result.events) == "near_duplicate":
                stored = store.document(result.document.id) or {}
                if stored.get("duplicate_of"):
                    copies[result.document.id] = stored["duplicate_of"]
            coded += 1
    store.fuse()
    groups: dict[str, set[str]] = defaultdict(set)  # fused event -> headlines
    of_headline: dict[str, set[str]] = defaultdict(set)  # headline -> fused events
    dead: dict[str, int | None] = {}
    for record in store.fused_events():
        dead[record["id"]] = record["dead_best"]
        for doc_id in record["doc_ids"]:
            groups[record["id"]].add(doc_id)
            of_headline[doc_id].add(record["id"])
    store.close()
    for copy, original in copies.items():  # a copy's reports are its original's
        for f in of_headline.get(original, ()):
            groups[f].add(copy)
            of_headline[copy].add(f)
    pred = {h: set().union(*(groups[f] for f in fs)) for h, fs in of_headline.items()}
    owners: dict[str, list[str]] = defaultdict(list)
    for e in events:
        for h in e.headlines:
            owners[h].append(e.id)
    gold = {
        h: set(next(e.headlines for e in events if e.id == ids[0]))
        for h, ids in owners.items()
        if len(ids) == 1
    }
    single = sorted(gold)
    multi = [h for h in single if len(gold[h]) >= 2]
    event_of = {h: owners[h][0] for h in single}
    merged = [f for f, hs in groups.items() if len({event_of[h] for h in hs if h in event_of}) >= 2]
    multi_doc = [f for f, hs in groups.items() if len(hs) >= 2]
    within = with_figure = within_own = with_own_figure = 0
    outside: list[dict[str, Any]] = []
    for e in events:
        own = _votes([h for h in e.headlines if len(owners[h]) == 1], of_headline)
        counts = own or _votes(list(e.headlines), of_headline)
        if not counts:
            continue
        chosen = max(sorted(counts), key=lambda f: counts[f])
        best = dead[chosen]
        if best is not None:
            with_figure += 1
            within += e.low <= best <= e.high
            if own:
                with_own_figure += 1
                within_own += e.low <= best <= e.high
            if not e.low <= best <= e.high:
                texts = [headlines[h].text for h in e.headlines if h in headlines]
                fused = sorted(headlines[h].text for h in groups[chosen] if h in headlines)
                outside.append(
                    {"ucdp_id": e.id, "low": e.low, "high": e.high, "dead_best": best,
                     "from_own_headlines": bool(own), "headlines": texts, "fused_headlines": fused}
                )  # fmt: skip
    report: dict[str, Any] = {
        "ucdp_events": len(events),
        "headlines": len(headlines),
        "headlines_coded": coded,
        "fused_events": len(groups),
        "bcubed_all": _bcubed(single, gold, pred),
        "bcubed_multi_headline": _bcubed(multi, gold, pred),
        "bcubed_multi_headline_all_alone": _bcubed(multi, gold, {}),
        "multi_headlines_with_a_report": sum(h in of_headline for h in multi),
        "bcubed_multi_headline_recall_ceiling": _ceiling(multi, gold, set(of_headline)),
        "false_merge_rate": round(len(merged) / len(groups), 4) if groups else 0.0,
        "false_merge_rate_multi_document_events": round(len(merged) / len(multi_doc), 4)
        if multi_doc
        else 0.0,
        "multi_document_events": len(multi_doc),
        "dead_best_within_range": round(within / len(events), 3) if events else 0.0,
        "dead_best_within_range_where_given": round(within / with_figure, 3) if with_figure else 0.0,
        "ucdp_events_with_a_tocsin_figure": with_figure,
        "dead_best_within_range_from_own_headlines": round(within_own / with_own_figure, 3)
        if with_own_figure
        else 0.0,
        "ucdp_events_with_a_figure_from_own_headlines": with_own_figure,
    }
    if examples:
        report["examples"] = {
            "false_merges": [
                {
                    "fused_id": f,
                    "headlines": sorted(
                        f"{event_of[h]}: {headlines[h].text}" for h in groups[f] if h in event_of
                    ),
                }
                for f in merged[:examples]
            ],
            "split": _splits(events, owners, of_headline, headlines)[:examples],
            "deaths_outside_range": outside[:examples],
        }
    return report


def _splits(
    events: list[GoldEvent],
    owners: dict[str, list[str]],
    of_headline: dict[str, set[str]],
    headlines: dict[str, Headline],
) -> list[dict[str, Any]]:
    """UCDP events whose own headlines that gave a report lie in more than one fused event."""
    out = []
    for e in events:
        given = [h for h in e.headlines if len(owners[h]) == 1 and h in of_headline]
        if len({frozenset(of_headline[h]) for h in given}) >= 2:
            out.append(
                {
                    "ucdp_id": e.id,
                    "headlines": [f"{','.join(sorted(of_headline[h]))}: {headlines[h].text}" for h in given],
                }
            )
    return out
