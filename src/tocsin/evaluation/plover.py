"""Scoring PLOVER typing and who-did-what-to-whom on PLOVER's gold-standard example sentences.

The gold records (``PLOVER_GSR_CAMEO.txt``, a JSON array) were coded with PLOVER's 2016 type
names; the four since renamed or merged are mapped to the current sixteen: DEMAND → REQUEST,
DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT. Each sentence is a document; its
*main event* is tocsin's first event (a sentence with none counts as wrong). Source (target) match:
a main-event actor (recipient) shares a content word with a gold source (target) or its country code.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.items import InputItem
from tocsin.pipeline import Coded, Pipeline
from tocsin.report.records import event_json

RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_STOP = frozenset({"the", "of", "a", "an", "and", "in", "for", "to", "on", "at", "by", "s"})
_WORD = re.compile(r"[a-z0-9]+")


def load_plover(path: Path) -> list[dict[str, Any]]:
    """The example sentences with a PLOVER event (the documentation record left out)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def party_matches(ours: list[dict[str, Any]], gold: Any) -> bool:
    """Whether one of our parties names one of the gold parties (a shared word or country code)."""
    for item in gold if isinstance(gold, list) else [gold]:
        g = item if isinstance(item, dict) else {"actorText": str(item)}  # a few records give bare names
        words = _words(g.get("actorText") or "")
        code = str(g.get("code") or "")[:3]
        for a in ours:
            if words & (_words(a["text"]) | _words(a["name"])) or (code and a.get("country") == code):
                return True
    return False


@dataclass
class PloverReport:
    """Type accuracy and party matches over the sentences."""

    sentences: int = 0
    with_event: int = 0
    type_right: int = 0
    type_any: int = 0
    source_scored: int = 0
    source_right: int = 0
    target_scored: int = 0
    target_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        out: dict[str, Any] = {
            "sentences": self.sentences,
            "sentences_with_an_event": ratio(self.with_event, self.sentences),
            "event_type_accuracy": ratio(self.type_right, self.sentences),
            "gold_type_among_any_event": ratio(self.type_any, self.sentences),
            "source_match": ratio(self.source_right, self.source_scored),
            "target_match": ratio(self.target_right, self.target_scored),
        }
        if examples:
            out["type_confusions"] = [
                f"{g} -> {s}: {n}" for (g, s), n in self.confusion.most_common(examples)
            ]
        return out


def evaluate(records: list[dict[str, Any]], pipeline: Pipeline) -> PloverReport:
    """Code every example sentence and score its main event."""
    report = PloverReport()
    items = [
        InputItem(
            r["id"],
            r["text"],
            "text",
            Metadata(id=r["id"], published=parse_published(r.get("date")), published_method="given"),
            None,
        )
        for r in records
    ]
    by_id = {r["id"]: r for r in records}
    for result in pipeline.run(items):
        key = result.label if isinstance(result, Coded) else getattr(result, "source", "")
        gold = by_id[key]
        want = RENAMED.get(gold["event"], gold["event"])
        report.sentences += 1
        events = [event_json(e) for e in result.events] if isinstance(result, Coded) else []
        if not events:
            report.confusion[(want, "none")] += 1
            continue
        report.with_event += 1
        main = events[0]
        report.type_right += main["event"] == want
        report.type_any += any(e["event"] == want for e in events)
        if main["event"] != want:
            report.confusion[(want, main["event"])] += 1
        if gold.get("source"):
            report.source_scored += 1
            report.source_right += party_matches(main["actor"], gold["source"])
        if gold.get("target"):
            report.target_scored += 1
            report.target_right += party_matches(main["recipient"], gold["target"])
    return report
