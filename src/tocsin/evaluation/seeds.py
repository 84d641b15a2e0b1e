"""Scoring events against the analyst-coded gold events of the seed documents.

An event counts as found when its document matches, its type is the gold ``event`` or one of
``alt_events``, its date equals the gold date where the gold has one (at the gold's precision),
and its location lies within the gold tolerance where the gold has a place. The stricter count
also asks that the event cite the gold's own sentence; an event that matches no gold event that
strictly is a false event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.geo.mentions import haversine_km


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold events, one JSON object a line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _date_matches(event: dict[str, Any], gold: dict[str, Any]) -> bool:
    want = gold.get("date")
    if want is None:
        return True
    got = event.get("date")
    if got is None:
        return False
    return bool(str(got).startswith(str(want)))


def _place_matches(event: dict[str, Any], gold: dict[str, Any]) -> bool:
    place = gold.get("place")
    if place is None:
        return True
    loc = event.get("location")
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return False
    km = haversine_km(loc["lat"], loc["lon"], place["lat"], place["lon"])
    return km <= float(place["tolerance_km"])


def matches(event: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a system event (JSON record) counts as finding the gold event."""
    types = {gold["event"], *gold.get("alt_events", [])}
    return (
        event.get("doc_id") == gold["doc"]
        and event.get("event") in types
        and _date_matches(event, gold)
        and _place_matches(event, gold)
    )


def _norm(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).lower().split())


def evidence_matches(event: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether one of the event's evidence sentences holds the gold evidence (or its first half)."""
    want = _norm(gold.get("evidence") or "")
    if not want:
        return True
    head = want[: max(20, len(want) // 2)]
    return any(
        want in _norm(ev["text"]) or head in _norm(ev["text"]) or _norm(ev["text"]) in want
        for ev in event.get("evidence", [])
    )


def strict_matches(event: dict[str, Any], gold: dict[str, Any]) -> bool:
    """:func:`matches`, and the event is coded from the gold's own sentence."""
    return matches(event, gold) and evidence_matches(event, gold)


def _party_matches(parties: list[dict[str, Any]], pattern: str | None) -> bool:
    if not pattern:
        return True
    rx = re.compile(pattern, re.IGNORECASE)
    return any(rx.search(p.get("text") or "") or rx.search(p.get("name") or "") for p in parties)


@dataclass
class SeedReport:
    """Recall on required and optional gold events, false events, and claim handling."""

    required_found: list[str] = field(default_factory=list)
    required_missed: list[str] = field(default_factory=list)
    optional_found: list[str] = field(default_factory=list)
    optional_missed: list[str] = field(default_factory=list)
    events_per_doc: dict[str, int] = field(default_factory=dict)
    false_per_doc: dict[str, int] = field(default_factory=dict)
    required_strict: list[str] = field(default_factory=list)
    optional_strict: list[str] = field(default_factory=list)
    claimed_total: int = 0
    claimed_right: list[str] = field(default_factory=list)
    from_set_aside: int = 0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        req = len(self.required_found) + len(self.required_missed)
        opt = len(self.optional_found) + len(self.optional_missed)
        return {
            "required_found": len(self.required_found),
            "required_total": req,
            "required_recall": round(len(self.required_found) / req, 3) if req else None,
            "required_found_from_gold_sentence": len(self.required_strict),
            "optional_found": len(self.optional_found),
            "optional_found_from_gold_sentence": len(self.optional_strict),
            "optional_total": opt,
            "required_missed": self.required_missed,
            "optional_missed": self.optional_missed,
            "events_per_doc": self.events_per_doc,
            "false_events_per_doc": self.false_per_doc,
            "claimed_gold_events": self.claimed_total,
            "claimed_marked_with_claimant": len(self.claimed_right),
            "events_from_set_aside_text": self.from_set_aside,
        }


def evaluate(
    events: list[dict[str, Any]], gold: list[dict[str, Any]], body_spans: dict[str, list[tuple[int, int]]]
) -> SeedReport:
    """Score ``events`` (JSON records) against ``gold``; ``body_spans``: each doc's body segments."""
    report = SeedReport()
    for g in gold:
        found = [e for e in events if matches(e, g)]
        bucket = (
            (report.required_found if found else report.required_missed)
            if g.get("required")
            else (report.optional_found if found else report.optional_missed)
        )
        bucket.append(g["id"])
        if any(strict_matches(e, g) for e in found):
            (report.required_strict if g.get("required") else report.optional_strict).append(g["id"])
        if g.get("factuality") == "claimed" and g.get("claimed_by"):
            report.claimed_total += 1
            if any(
                e["factuality"] == "claimed" and _party_matches(e["claimed_by"], g["claimed_by"])
                for e in found
            ):
                report.claimed_right.append(g["id"])
    for e in events:
        doc = e["doc_id"]
        report.events_per_doc[doc] = report.events_per_doc.get(doc, 0) + 1
        if not any(strict_matches(e, g) for g in gold):
            report.false_per_doc[doc] = report.false_per_doc.get(doc, 0) + 1
        spans = body_spans.get(doc, [])
        for ev in e["evidence"]:
            if not any(s <= ev["start"] and ev["end"] <= t for s, t in spans):
                report.from_set_aside += 1
    return report
