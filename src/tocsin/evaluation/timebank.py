"""Scoring date recognition and normalisation on TimeBank (TempEval-3 TBAQ, TimeML ``.tml``).

Each document's creation time (DCT) is the publication date. Gold expressions are the TIMEX3 of
type DATE (the DCT itself excluded). A system expression *matches* a gold one when their spans
overlap (TempEval's relaxed match). System expressions that overlap a TIMEX3 of another type
(TIME, DURATION, SET) are neither right nor wrong here and are left out of precision. For matched
pairs, the value is right when the ISO values are equal.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from tocsin.narrative import DocumentClock
from tocsin.time import TimeExpression


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One TIMEX3 of a TimeML document: offsets into the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A TimeML document's plain text, creation time and TIMEX3s."""

    name: str
    text: str
    dct: date
    timexes: tuple[GoldTimex, ...]


def read_tml(path: Path) -> TimeMLDoc:
    """Plain text and gold TIMEX3 offsets of one ``.tml`` file."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path}: no DCT")
    dct = date.fromisoformat(dct_el.attrib["value"][:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(GoldTimex(start, length, "".join(parts)[start:length], el.attrib.get("type", ""),
                                     el.attrib.get("value", "")))  # fmt: skip

    walk(text_el)
    return TimeMLDoc(path.name, "".join(parts), dct, tuple(timexes))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class TimeBankReport:
    """Recognition precision and recall, and value accuracy on matched DATE expressions."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    matched_gold: int = 0
    matched_system: int = 0
    value_right: int = 0
    ignored_other_types: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    wrong_values: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary; ``examples`` most common misses, false alarms and wrong values."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        recall = ratio(self.matched_gold, self.gold)
        precision = ratio(self.matched_system, self.system)
        out: dict[str, Any] = {
            "documents": self.documents,
            "gold_date_expressions": self.gold,
            "system_expressions_scored": self.system,
            "recognition_recall": recall,
            "recognition_precision": precision,
            "recognition_f1": round(2 * recall * precision / (recall + precision), 3)
            if recall + precision
            else 0.0,
            "value_accuracy_on_matched": ratio(self.value_right, self.matched_gold),
            "value_right_over_all_gold": ratio(self.value_right, self.gold),
            "system_expressions_on_other_timex_types": self.ignored_other_types,
        }
        if examples:
            out["top_misses"] = self.misses.most_common(examples)
            out["top_false_alarms"] = self.false_alarms.most_common(examples)
            out["wrong_values"] = self.wrong_values[:examples]
        return out


def evaluate(docs: list[TimeMLDoc], nlp: Language) -> TimeBankReport:
    """Run the date finder over each document's sentences (spaCy) and score against the gold."""
    report = TimeBankReport()
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        report.documents += 1
        clock = DocumentClock(doc.dct)
        found: list[TimeExpression] = []
        for sent in parsed.sents:
            found.extend(clock.read(sent.text, offset=sent.start_char))
        gold = [t for t in doc.timexes if t.type == "DATE"]
        others = [t for t in doc.timexes if t.type != "DATE"]
        report.gold += len(gold)
        used: set[int] = set()
        for g in gold:
            hit = next(
                (
                    i
                    for i, e in enumerate(found)
                    if i not in used and _overlaps(e.start, e.end, g.start, g.end)
                ),
                None,
            )
            if hit is None:
                report.misses[g.text.lower()] += 1
                continue
            used.add(hit)
            report.matched_gold += 1
            if found[hit].value == g.value:
                report.value_right += 1
            else:
                report.wrong_values.append((g.text, g.value, found[hit].value, doc.dct.isoformat()))
        for i, e in enumerate(found):
            if i in used:
                report.system += 1
                report.matched_system += 1
            elif any(_overlaps(e.start, e.end, g.start, g.end) for g in gold):
                continue  # a second system piece of one gold expression: neither right nor wrong
            elif any(_overlaps(e.start, e.end, o.start, o.end) for o in others):
                report.ignored_other_types += 1
            else:
                report.system += 1
                report.false_alarms[e.text.lower()] += 1
    return report


def load_dir(directory: Path) -> list[TimeMLDoc]:
    """Every ``.tml`` document of a directory, sorted by name."""
    return [read_tml(p) for p in sorted(directory.glob("*.tml"))]
