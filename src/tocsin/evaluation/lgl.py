"""Scoring place recognition and resolution on LGL (Lieberman et al. 2010, ``lgl.xml``).

Recognition: a system mention matches a gold toponym when their spans overlap; precision and
recall over mentions (exact-span figures are reported too). Resolution, for matched mentions: the
share resolved within 161 km (100 miles, the field's usual threshold) of the gold point, counting
unresolved mentions as misses, and the median error in km of those resolved.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from tocsin.geo.mentions import haversine_km
from tocsin.geo.resolve import PlaceResolver


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated toponym: span, text and gold point."""

    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class LglArticle:
    """One LGL article: its text and gold toponyms."""

    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_lgl(path: Path) -> list[LglArticle]:
    """Every article of ``lgl.xml`` with its gold toponyms (those with coordinates)."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            if lat is None or lon is None:
                continue
            tops.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                    t.findtext("phrase") or "", float(lat), float(lon)))  # fmt: skip
        out.append(LglArticle(art.attrib.get("docid", ""), text, tuple(tops)))
    return out


@dataclass
class LglReport:
    """Recognition and resolution figures over a set of articles."""

    articles: int = 0
    gold: int = 0
    system: int = 0
    matched_gold: int = 0
    matched_system: int = 0
    exact_span: int = 0
    within_161: int = 0
    unresolved_matched: int = 0
    errors_km: list[float] = field(default_factory=list)
    misses: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    far: Counter[str] = field(default_factory=Counter)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary; ``examples`` most common misses, false alarms and far resolutions."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        out: dict[str, Any] = {
            "articles": self.articles,
            "gold_toponyms": self.gold,
            "system_mentions": self.system,
            "recognition_recall": ratio(self.matched_gold, self.gold),
            "recognition_precision": ratio(self.matched_system, self.system),
            "exact_span_recall": ratio(self.exact_span, self.gold),
            "resolved_within_161km_of_matched": ratio(self.within_161, self.matched_gold),
            "unresolved_of_matched": ratio(self.unresolved_matched, self.matched_gold),
            "median_error_km": round(statistics.median(self.errors_km), 1) if self.errors_km else None,
        }
        if examples:
            out["top_misses"] = self.misses.most_common(examples)
            out["top_false_alarms"] = self.false_alarms.most_common(examples)
            out["top_far_resolutions"] = self.far.most_common(examples)
        return out


def evaluate(articles: list[LglArticle], nlp: Language, resolver: PlaceResolver) -> LglReport:
    """Recognise and resolve the places of each article; score against the gold."""
    report = LglReport()
    for art, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        report.articles += 1
        mentions = resolver.document_mentions([(0, doc)])[0]
        report.gold += len(art.toponyms)
        report.system += len(mentions)
        used: set[int] = set()
        for g in art.toponyms:
            hit = next(
                (i for i, m in enumerate(mentions)
                 if i not in used and m.place.start < g.end and g.start < m.place.end),
                None,
            )  # fmt: skip
            if hit is None:
                report.misses[g.phrase] += 1
                continue
            used.add(hit)
            report.matched_gold += 1
            place = mentions[hit].place
            if (place.start, place.end) == (g.start, g.end):
                report.exact_span += 1
            if place.lat is None or place.lon is None:
                report.unresolved_matched += 1
                continue
            km = haversine_km(place.lat, place.lon, g.lat, g.lon)
            report.errors_km.append(km)
            if km <= 161:
                report.within_161 += 1
            else:
                report.far[f"{g.phrase} -> {place.name} ({place.country_code})"] += 1
        for i, m in enumerate(mentions):
            if i in used:
                report.matched_system += 1
            elif not any(m.place.start < g.end and g.start < m.place.end for g in art.toponyms):
                report.false_alarms[m.place.text] += 1
            else:
                report.matched_system += 1  # a second system piece of one gold toponym
    return report
