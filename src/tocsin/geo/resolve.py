"""Place mentions in a parsed text and their resolution to gazetteer points, with a reason.

A mention is a ``GPE``/``LOC``/``FAC`` entity (the gazetteer ruler proposes the ones spaCy misses),
widened to the feature it names ("the Lachin Corridor", "the Stepanakert-Lisagor road"). Each one
gets a role: ``location`` (the object of in, at, near, along ...), ``actor`` (a metonym or a
modifier of an actor: "Baku said", "Azerbaijani forces", "Artsakh authorities") or ``other``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tocsin.extract.actors import ActorDictionary
from tocsin.geo.gazetteer import Gazetteer, GazetteerEntry
from tocsin.models import Place, PlacePrecision
from tocsin.nlp.gazetteer_ruler import FEATURE_WORDS

LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "along",
        "into",
        "across",
        "through",
        "outside",
        "inside",
        "around",
        "toward",
        "towards",
        "within",
        "between",
        "from",
        "on",
        "onto",
        "to",
        "of",
        "throughout",
        "via",
        "beyond",
    }
)
_LINEAR = frozenset({"road", "highway", "corridor", "route", "border", "line", "railway", "pipeline"})
_AREAL = frozenset({"region", "province", "district", "governorate", "oblast", "county", "state"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORDER = {
    PlacePrecision.EXACT: 0,
    PlacePrecision.NEAR: 1,
    PlacePrecision.REGION: 2,
    PlacePrecision.COUNTRY: 3,
    PlacePrecision.UNRESOLVED: 4,
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place mention in a parsed text: the resolved place, its role and its head token index."""

    place: Place
    role: str
    head: int
    sentence_start: int


def precision_rank(p: PlacePrecision) -> int:
    """Sort key: exact first, unresolved last."""
    return _ORDER[p]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _role(span: Span) -> str:
    root = span.root
    # Widen through the feature noun: "the Lachin Corridor" → the role of "Corridor".
    head = root
    while head.dep_ == "compound" and head.head.lower_ in FEATURE_WORDS | _LINEAR:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS:
        if head.head.lower_ == "of" and head.head.head.pos_ not in {"NOUN", "PROPN"}:
            return "other"
        if head.head.lower_ == "of" and head.head.head.lower_ not in (
            FEATURE_WORDS
            | _LINEAR
            | {
                "north",
                "south",
                "east",
                "west",
                "outskirts",
                "town",
                "city",
                "village",
                "capital",
                "part",
                "area",
                "centre",
                "center",
            }
        ):
            return "actor" if head.i == root.i else "other"
        return "location"
    if head.dep_ in {"nsubj", "nsubjpass", "poss", "agent"} and head.i == root.i:
        return "actor"
    if root.dep_ in {"compound", "amod", "nmod"} and head.i == root.i:
        return "actor"
    if head.i != root.i:
        return "location"
    return "other"


def _feature_extent(doc: Doc, span: Span) -> tuple[int, int, list[Span], str | None]:
    """Widen a mention over "X-Y road" and "X Corridor"; return start, end, parts, feature word."""
    parts = [span]
    end = span.end
    # "Stepanakert-Lisagor road": NAME - NAME FEATURE
    if end + 1 < len(doc) and doc[end].text in {"-", "–"}:
        nxt = [e for e in doc.ents if e.start == end + 1 and e.label_ in _PLACE_LABELS]
        if nxt:
            parts.append(nxt[0])
            end = nxt[0].end
    feature = None
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS | _LINEAR:
        feature = doc[end].lower_
        end += 1
    if len(parts) == 2 and feature is None:
        return span.start, span.end, [span], None
    return span.start, end, parts, feature


class PlaceResolver:
    """Finds and resolves the place mentions of parsed texts against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, actors: ActorDictionary) -> None:
        self.gazetteer = gazetteer
        self.actors = actors

    def _candidates(self, name: str, focus: Counter[str]) -> list[GazetteerEntry]:
        cands = self.gazetteer.lookup(name)
        if name.isupper() and len(name) <= 4:
            # Acronyms ("DW", "ICJ") meet obscure alternate names of small places; only
            # countries and regions are known by such short codes ("US", "DRC", "UAE").
            cands = [c for c in cands if c.kind in {"country", "region"}]
        if not cands:
            return []
        kind_order = {"country": 0, "region": 1, "place": 2, "city": 2}
        return sorted(
            cands,
            key=lambda e: (
                -focus.get(e.country_code, 0) if e.kind == "city" else 0,
                kind_order.get(e.kind, 3),
                -e.population,
            ),
        )

    def _resolve_parts(
        self, text: str, start: int, end: int, parts: list[Span], feature: str | None, focus: Counter[str]
    ) -> Place:
        entries: list[GazetteerEntry] = []
        for part in parts:
            cands = self._candidates(part.text, focus)
            if cands:
                entries.append(cands[0])
        if not entries or len(entries) < len(parts):
            missing = [p.text for p in parts if not self._candidates(p.text, focus)]
            return Place(
                text,
                start,
                end,
                None,
                None,
                None,
                None,
                None,
                None,
                PlacePrecision.UNRESOLVED,
                f"not in the gazetteer: {', '.join(missing)}",
            )
        if len(entries) == 2:
            a, b = entries
            lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
            return Place(
                text,
                start,
                end,
                text,
                None,
                lat,
                lon,
                a.country_code,
                a.admin1,
                PlacePrecision.NEAR,
                f"{feature or 'feature'} between {a.name} and {b.name}: midpoint of the two",
            )
        e = entries[0]
        if e.kind == "country":
            precision = PlacePrecision.COUNTRY
        elif e.kind == "region" or (feature in _AREAL):
            precision = PlacePrecision.REGION
        elif feature is not None:
            precision = PlacePrecision.NEAR
        else:
            precision = PlacePrecision.EXACT
        n_cands = len(self.gazetteer.lookup(parts[0].text))
        how = f"GeoNames {e.kind} {e.name}" if e.geonameid else f"bundled {e.kind} {e.name}"
        pop = f", population {e.population}" if e.population else ""
        why = f"{how} ({e.country_code}{pop}), best of {n_cands} candidate(s)"
        if focus.get(e.country_code):
            why += ", in the document's focus country"
        if feature is not None:
            why += f"; the {feature} named after it"
        return Place(
            text, start, end, e.name, e.geonameid, e.lat, e.lon, e.country_code, e.admin1, precision, why
        )

    def mentions(self, doc: Doc, offset: int, focus: Counter[str]) -> list[PlaceMention]:
        """Place mentions of a parsed text whose characters start at ``offset`` in the document."""
        out: list[PlaceMention] = []
        consumed = -1
        for ent in doc.ents:
            if ent.label_ not in _PLACE_LABELS or ent.start < consumed:
                continue
            if self.actors.is_organisation(ent.text):
                continue
            start, end, parts, feature = _feature_extent(doc, ent)
            consumed = end
            span = doc[start:end]
            text = span.text
            place = self._resolve_parts(
                text, offset + span.start_char, offset + span.end_char, parts, feature, focus
            )
            role = _role(ent) if feature is None else "location"
            head: Token = span.root
            out.append(PlaceMention(place, role, head.i, ent.sent.start))
        return out

    @staticmethod
    def focus(mention_lists: list[list[PlaceMention]]) -> Counter[str]:
        """Country codes the document's mentions point to, with counts (its country focus)."""
        focus: Counter[str] = Counter()
        for mentions in mention_lists:
            for m in mentions:
                if m.place.country_code:
                    focus[m.place.country_code] += 1
        return focus
