"""Where an event happened: the place its sentence names for it, else the paragraph's or the
document's (each with the reason it was chosen)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from tocsin.extract.clauses import LOCATING_ROLES
from tocsin.geo.mentions import PlaceMention, precision_rank
from tocsin.models import Place, PlacePrecision

_AREAS = frozenset({PlacePrecision.REGION, PlacePrecision.COUNTRY})
_POINTS = frozenset({PlacePrecision.EXACT, PlacePrecision.NEAR})


def _inside(area: Place, place: Place) -> bool:
    """Whether a place lies in a region or country named in its sentence, as far as the record
    tells (the same country, and the same first-level region where the area is one)."""
    if place.country_code != area.country_code:
        return False
    return area.precision is PlacePrecision.COUNTRY or area.admin1 is None or place.admin1 == area.admin1


def coherent(candidates: list[PlaceMention], sentence: list[PlaceMention]) -> list[PlaceMention]:
    """The candidate places that agree with the regions and countries their sentence names ("in
    Xalapa, Veracruz, ... in Colonia Revolucion": not the Colonia Revolucion of another state
    the gazetteer knows), where some do; all of them where none does."""
    areas = [
        m.place for m in sentence if m.place.precision in {PlacePrecision.REGION, PlacePrecision.COUNTRY}
    ]
    points = [m for m in candidates if m.place.precision in {PlacePrecision.EXACT, PlacePrecision.NEAR}]
    if not areas or not points:
        return candidates
    agreeing = [m for m in points if all(_inside(a, m.place) for a in areas)]
    if not agreeing or len(agreeing) == len(points):
        return candidates
    return [m for m in candidates if m not in points or m in agreeing]


#: Prepositions that say what an act is about, not where it is.
_TOPICAL = frozenset({"about", "regarding", "concerning"})


def carried(p: Place) -> Place:
    return replace(p, reason=f"from an earlier sentence of the paragraph: {p.reason}")


def event_location(
    trigger: Token,
    sent: Span,
    mentions: list[PlaceMention],
    paragraph_places: list[Place],
    focus: Place | None,
) -> Place | None:
    """The place of the event ``trigger`` names: the best place its clause (else its sentence)
    names, else the paragraph's last, else the document's focus."""
    in_sent = [m for m in mentions if m.sentence_start == sent.start and m.role in LOCATING_ROLES]
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    # what the act is about is no place of it ("blocked a highway to complain about the maintenance
    # of the Okinawa highway"): a place there may still be where, when the sentence names no other
    topics = {t.i for p in clause.subtree if p.dep_ == "prep" and p.lower_ in _TOPICAL for t in p.subtree}
    attached = [m for m in in_sent if m.head in {t.i for t in clause.subtree} and m.head not in topics]
    pool = attached or in_sent
    resolved = coherent([m for m in pool if m.place.precision is not PlacePrecision.UNRESOLVED], in_sent)
    if resolved:
        best = min(
            resolved,
            key=lambda m: (
                m.role != "location",
                precision_rank(m.place.precision),
                abs(m.head - trigger.i),
            ),
        )
        if best.place.precision is PlacePrecision.COUNTRY and paragraph_places:
            nearer = paragraph_places[-1]
            if precision_rank(nearer.precision) < precision_rank(PlacePrecision.COUNTRY):
                return carried(nearer)
        return best.place
    unresolved = [m for m in pool if m.place.precision is PlacePrecision.UNRESOLVED]
    if unresolved and focus is not None:
        u = unresolved[0].place
        why = f"{u.text} is not in the gazetteer; placed at the document's focus, {focus.name}"
        return replace(
            focus, text=u.text, start=u.start, end=u.end, precision=PlacePrecision.REGION, reason=why
        )
    if paragraph_places:
        return carried(paragraph_places[-1])
    if focus is not None:
        why = f"no place in the sentence; the document's focus, {focus.name}"
        return replace(focus, precision=PlacePrecision.REGION, reason=why)
    return None


def document_focus(mentions: list[list[PlaceMention]]) -> Place | None:
    """The place the document names most often below country level (the first of them on a tie)."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for ms in mentions:
        for m in ms:
            p = m.place
            if p.precision in {PlacePrecision.REGION, PlacePrecision.EXACT, PlacePrecision.NEAR} and p.name:
                counts[p.name] += 1
                first.setdefault(p.name, p)
    if not counts:
        return None
    name, _ = counts.most_common(1)[0]
    return first[name]
