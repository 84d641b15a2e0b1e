"""Scoring ACLED typing, fatalities, places, dates and actors on ACLED's own event notes.

Each row's ``notes`` (the coder's description) is a document published on its ``event_date``.
tocsin's *main event* for a note is the first event it asserts with an ACLED type, else its first
event with an ACLED type, else its first event.
Measures, over all notes (a note with no event counts as wrong on every measure): event type
and sub-event type accuracy, in the data's own mix and balanced (the mean of the per-type
accuracies: what a set with the same number of notes of each type would give); fatalities exact
(ACLED codes 0 when none are reported, so an unstated count is compared as 0); location within
25 km of ACLED's point; date exact; actor1 match (tocsin's ACLED-style actor name against
ACLED's, without its year range): the main event's first actor as the record names it
(``actor1_match``), and the ``actor1`` its row in an ACLED export gets (``actor1_match_acled_layout``:
a protest's crowd, an unnamed doer of violence, ACLED's names of organisations and countries).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tocsin.geo.mentions import haversine_km
from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.models import Rejection
from tocsin.pipeline import Coded, Pipeline
from tocsin.report.acled_actors import acled_sides, event_country
from tocsin.report.records import event_json

_YEARS = re.compile(r"\s*\(\d{4}-(\d{4})?\)\s*$")


@dataclass(frozen=True, slots=True)
class AcledRow:
    """The fields of an ACLED event row this evaluation reads."""

    event_id: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    lat: float
    lon: float
    fatalities: int
    notes: str


def load_acled(path: Path) -> list[AcledRow]:
    """The rows of an ACLED CSV export (with ``notes``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            AcledRow(
                r["event_id_cnty"],
                date.fromisoformat(r["event_date"]),
                r["event_type"],
                r["sub_event_type"],
                r["actor1"],
                float(r["latitude"]),
                float(r["longitude"]),
                int(float(r["fatalities"] or 0)),
                r["notes"],
            )
            for r in csv.DictReader(fh)
        ]


def actor_matches(ours: str, theirs: str) -> bool:
    """tocsin's actor name against ACLED's actor1, year ranges and case aside."""
    return _YEARS.sub("", theirs).strip().lower() == _YEARS.sub("", ours).strip().lower()


@dataclass
class AcledReport:
    """Accuracy counts over the notes, with confusion of event types."""

    notes: int = 0
    with_event: int = 0
    type_right: int = 0
    sub_right: int = 0
    dead_right: int = 0
    place_right: int = 0
    date_right: int = 0
    actor_right: int = 0
    layout_actor_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    sub_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Notes and right answers per gold event type and sub-event type.
    per_type: Counter[str] = field(default_factory=Counter)
    per_type_right: Counter[str] = field(default_factory=Counter)
    per_sub: Counter[str] = field(default_factory=Counter)
    per_sub_right: Counter[str] = field(default_factory=Counter)

    def balanced(self, totals: Counter[str], right: Counter[str]) -> float:
        """Accuracy with the same number of notes of each gold class: the mean of per-class accuracy."""
        if not totals:
            return 0.0
        return round(sum(right[k] / n for k, n in totals.items()) / len(totals), 3)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary; ``examples`` commonest type and sub-type confusions."""

        def ratio(a: int) -> float:
            return round(a / self.notes, 3) if self.notes else 0.0

        out: dict[str, Any] = {
            "notes": self.notes,
            "notes_with_an_event": ratio(self.with_event),
            "event_type_accuracy": ratio(self.type_right),
            "sub_event_type_accuracy": ratio(self.sub_right),
            "event_type_accuracy_balanced": self.balanced(self.per_type, self.per_type_right),
            "sub_event_type_accuracy_balanced": self.balanced(self.per_sub, self.per_sub_right),
            "event_type_accuracy_by_type": {
                k: round(self.per_type_right[k] / n, 3) for k, n in sorted(self.per_type.items())
            },
            "sub_event_type_accuracy_by_sub_type": {
                k: round(self.per_sub_right[k] / n, 3) for k, n in sorted(self.per_sub.items())
            },
            "fatalities_exact": ratio(self.dead_right),
            "location_within_25km": ratio(self.place_right),
            "date_exact": ratio(self.date_right),
            "actor1_match": ratio(self.actor_right),
            "actor1_match_acled_layout": ratio(self.layout_actor_right),
        }
        if examples:
            out["type_confusions"] = [
                f"{g} -> {s}: {n}" for (g, s), n in self.confusion.most_common(examples)
            ]
            out["sub_type_confusions"] = [
                f"{g} -> {s}: {n}" for (g, s), n in self.sub_confusion.most_common(examples)
            ]
        return out


def main_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event a note is about: the first the note asserts with an ACLED type, else the first typed
    one (a grievance protesters name, a claim), else the first event; events mentioned in passing
    ("the family of a man who was killed") only when no other qualifies."""
    typed = [e for e in events if e["acled_event_type"]]
    asserted = [e for e in typed if e["factuality"] == "asserted"]
    reported = [e for e in typed if not e.get("background")]
    for pool in ([e for e in reported if e["factuality"] == "asserted"], reported, asserted, typed, events):
        if pool:
            return pool[0]
    return None


def evaluate(rows: list[AcledRow], pipeline: Pipeline) -> AcledReport:
    """Code every note and score its main event against the row."""
    report = AcledReport()
    items = [
        InputItem(
            r.event_id,
            r.notes,
            "text",
            Metadata(id=r.event_id, published=r.event_date, published_method="given"),
            None,
        )
        for r in rows
    ]
    by_id = {r.event_id: r for r in rows}
    for result in pipeline.run(items):
        row = by_id[result.source if isinstance(result, Rejection) else result.label]
        report.notes += 1
        report.per_type[row.event_type] += 1
        report.per_sub[row.sub_event_type] += 1
        events = [event_json(e) for e in result.events] if isinstance(result, Coded) else []
        main = main_event(events)
        if main is None:
            report.confusion[(row.event_type, "none")] += 1
            continue
        report.with_event += 1
        got_type = main["acled_event_type"] or "none"
        got_sub = main["acled_sub_event_type"] or "none"
        report.type_right += got_type == row.event_type
        report.sub_right += got_sub == row.sub_event_type
        report.per_type_right[row.event_type] += got_type == row.event_type
        report.per_sub_right[row.sub_event_type] += got_sub == row.sub_event_type
        if got_type != row.event_type:
            report.confusion[(row.event_type, got_type)] += 1
        if got_sub != row.sub_event_type:
            report.sub_confusion[(row.sub_event_type, got_sub)] += 1
        report.dead_right += (main["dead"] or 0) == row.fatalities
        loc = main["location"]
        if loc and loc["lat"] is not None and haversine_km(loc["lat"], loc["lon"], row.lat, row.lon) <= 25:
            report.place_right += 1
        report.date_right += main["date"] == row.event_date.isoformat()
        report.actor_right += any(actor_matches(a["name"], row.actor1) for a in main["actor"][:1])
        first = acled_sides(main, event_country(main)[0]).first
        report.layout_actor_right += any(actor_matches(a["name"], row.actor1) for a in first[:1])
    return report
