"""Containers: the areas a text states a place lies in ("Paris, Texas", "Sarh (Moyen-Chari)"), the
region a name after a place stands for, and places the gazetteer lacks where every namesake it
knows lies abroad."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from tocsin.geo.gazetteer import Gazetteer, GazetteerEntry, fold
from tocsin.geo.mentions import PLACE_LABELS, Focus, PlaceMention, contains, next_place
from tocsin.models import Place, PlacePrecision

#: Kinds of gazetteer entries that hold other places.
AREAS = frozenset({"country", "admin1", "admin2", "region"})


def stated_container(
    gazetteer: Gazetteer, doc: Doc, end: int, by_start: dict[int, Span]
) -> list[GazetteerEntry]:
    """The areas a mention is said to lie in: "Martakert, Nagorno-Karabakh", "Paris, Texas",
    "Alexandria, La.", "Sarh (Moyen-Chari)": the regions or countries the next name can be.
    Inside brackets, the first name of the list the gazetteer knows as an area ("Shika (Gassol,
    Taraba)": a district it lacks, then the state); after a comma only the next place ("Denver,
    Indianapolis, Kentucky" is a list)."""
    bracketed = end < len(doc) and doc[end].text == "("
    nxt = next_place(doc, end, by_start)
    for _ in range(3 if bracketed else 1):
        if nxt is None:
            return []
        areas = [c for c in gazetteer.lookup(nxt.text) if c.kind in AREAS]
        if areas:
            return areas
        nxt = next_place(doc, nxt.end, by_start)
    return []


def area_holding_previous(
    gazetteer: Gazetteer, doc: Doc, ent: Span, by_end: dict[int, Span], place: Place
) -> Place | None:
    """A name stated after a place as where it lies ("Xalapa-Enriquez, Veracruz", "Sarh
    (Moyen-Chari)") is the region of that name that holds the place, not the city ``place``
    named like it."""
    sep = ent.start - 1
    before = by_end.get(sep)
    if sep < 1 or doc[sep].text not in {",", "("} or before is None or before.label_ not in PLACE_LABELS:
        return None
    areas = [c for c in gazetteer.lookup(ent.text) if c.kind in AREAS - {"country"}]
    places = gazetteer.lookup(before.text)
    area = next((a for a in areas if any(contains(a, c) for c in places)), None)
    if area is None and "." in ent.text:
        # "Bogota, D.C.": the abbreviation ends the name of the region a candidate lies in
        mark = " " + fold(ent.text)
        regions = [(c.admin1, c.country_code) for c in places if c.admin1 and fold(c.admin1).endswith(mark)]
        area = next((a for name, cc in regions for a in gazetteer.lookup(name)
                     if a.kind == "admin1" and a.country_code == cc), None)  # fmt: skip
    if area is None:
        return None
    why = f"{area.kind} {area.name} ({area.country_code}): where {before.text} lies, as the text says"
    return Place(place.text, place.start, place.end, area.name, area.geonameid, area.lat, area.lon,
                 area.country_code, area.admin1, PlacePrecision.REGION, why)  # fmt: skip


def abroad(gazetteer: Gazetteer, name: str, focus: Focus) -> str | None:
    """The country the document is about (half its certain names or more), when every place of
    this name is a small town in another ("Awara, Abuna Ginde Beret (West Shewa, Oromia)": the
    gazetteer knows only Awara in Japan): a place it lacks, not the namesake."""
    total = sum(focus.countries.values())
    if not total:
        return None
    home, n = focus.countries.most_common(1)[0]
    cands = gazetteer.lookup(name)
    small = all(c.kind == "city" and c.population < 100_000 and c.country_code != home for c in cands)
    return home if n / total >= 0.5 and cands and small else None


def lacked(m: PlaceMention, home: str, mentions: list[PlaceMention]) -> PlaceMention:
    """A name whose every place is a small town abroad, in a sentence that names a place in the
    document's country: a place the gazetteer lacks, unresolved ("in Awara, Abuna Ginde Beret
    (West Shewa, Oromia)": not Awara in Japan)."""
    here = any(o.sentence_start == m.sentence_start and o is not m and o.place.country_code == home
               for o in mentions)  # fmt: skip
    if not here:
        return m
    p = m.place
    why = f"every {p.text} the gazetteer knows is a small town outside {home}, where its sentence is"
    unknown = Place(
        p.text, p.start, p.end, None, None, None, None, None, None, PlacePrecision.UNRESOLVED, why
    )
    return replace(m, place=unknown)
