"""Place mentions before resolution: what a mention is, its role and extent, and the document's
geographic focus. The words that tell a place from a name (settlements, streets, institutions,
directions) live here beside the tests that use them; :mod:`tocsin.geo.resolve` resolves."""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from tocsin.extract.actors import actor_dictionary
from tocsin.geo.gazetteer import GazetteerEntry, countries, fold
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
AREAL = frozenset({"region", "province", "district", "governorate", "oblast", "county", "state"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
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
    #: Whether every candidate of the name lies in one country (so it may set the document's focus).
    certain: bool = True


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


def _people(tok: Token) -> bool:
    """Whether a noun names people (migrants, a driver, troops: a word the actor dictionary gives a
    sector) rather than a thing or an act."""
    return tok.pos_ == "NOUN" and actor_dictionary().sector_of(tok.lemma_, guess=False) is not None


def _hyphened_name(first: Token, second: Token) -> bool:
    """Whether a place's name is joined by a spaced dash to a name that ends on ``second``
    ("Mogadishu - Heliwa", "Johannesburg - Ivory Park": a quarter named with its city)."""
    between = first.doc[first.i + 1 : second.i]
    return (
        second.text[:1].isupper()
        and len(between) >= 1
        and between[0].text in {"-", "\u2013"}
        and bool(first.whitespace_)
        and bool(between[0].whitespace_)
        and all(t.text[:1].isupper() for t in between[1:])
    )


#: Prepositions that put what follows at a place ("from Cuba, Venezuela ..." lists origins).
_AT = frozenset({"in", "at", "near", "outside", "inside", "around", "within"})


def quarter_of(ent: Span, by_end: dict[int, Span]) -> Span | None:
    """The city a quarter is named with before a spaced dash ("Chicago - West Side", "Manaus -
    East Zone"): the name before it, or ``None``."""
    city = by_end.get(ent.start - 1)
    if city is None or ent.start < 2 or city.label_ not in PLACE_LABELS:
        return None
    return city if _hyphened_name(city[-1], ent[0]) else None


def mention_role(span: Span) -> str:
    root = span.root
    # Widen through the feature noun: "the Lachin Corridor" → the role of "Corridor".
    head = root
    while head.dep_ == "compound" and head.head.lower_ in FEATURE_WORDS | _LINEAR:
        head = head.head
    if root.dep_ == "compound" and _hyphened_name(root, root.head):
        # "New York - Bronx", "Mogadishu - Heliwa district" (the model reads the city as a
        # modifier of its quarter): the place that holds the next, where that is not known
        return "other"
    holder = root.head
    stated = span.end < len(span.doc) and span.doc[span.end].text in {"(", ","}
    if (
        root.dep_ in {"compound", "nmod"}
        and stated
        and holder.i > span.end
        and holder.ent_type_ in {"GPE", "LOC"}
    ):
        # "in Barquisimeto (Lara)", "in Dover-Foxcroft (Maine)": the model reads the town as a
        # modifier of the region stated after it; the town stands where the region does
        return mention_role(holder.doc[holder.i : holder.i + 1])
    before = span.doc[span.start - 1] if span.start > 0 else None
    if stated and before is not None and before.lower_ in _AT:
        # "in Los Reyes Acaquilpan, Mexico, workers ... blocked": a place after "in" and before
        # its region is where, whatever the model made its subject of
        return "location"
    after = span.doc[span.end + 1] if stated and span.end + 1 < len(span.doc) else None
    if root.dep_ in {"compound", "nmod"} and after is not None and after.ent_type_ in {"GPE", "LOC"}:
        # "in Nanchital, Veracruz, members of ... marched": a town written with the region it
        # lies in is an address, whatever noun the model hangs it on; a side is named bare
        return "location"
    if head.dep_ == "pobj" and head.head.lower_ == "by" and head.i == root.i:
        return "actor"  # "an offensive by Azerbaijan", "killed by Nigeria": who acted
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "from Cuba, Venezuela and Guatemala": each listed
    if first.dep_ == "pobj" and first.head.lower_ == "from" and _people(first.head.head):
        return "origin"  # "300 migrants from Cuba", "a truck driver from Zimbabwe": where they come from
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
                "municipality",
                "commune",
                "locality",
                "neighborhood",
                "neighbourhood",
                "suburb",
                "township",
                "settlement",
                "hamlet",
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


@lru_cache(maxsize=1)
def _modified_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(happenings, acts) of ``data/place_roles.toml``."""
    data = tomllib.loads(resources.files("tocsin.data").joinpath("place_roles.toml").read_text("utf-8"))
    return frozenset(data["happenings"]), frozenset(data["acts"])


def modifier_locates(root: Token, *, country: bool) -> bool:
    """Whether a place name before a noun says where the event the noun names happened: before a
    happening with no single doer, any place ("Ukraine fighting", "Kiev clashes"); before an act a
    state carries out, a place that is no country ("the Slavyansk raid", but "the Ukraine assault
    on rebel-held towns" names who acts). ``root`` is the name's head word;
    ``data/place_roles.toml`` lists the nouns."""
    if root.dep_ not in {"compound", "nmod"} or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if country and any(c.dep_ in {"compound", "amod"} and c.lower_ in PART_WORDS for c in root.children):
        country = False  # "east Ukraine assault": a part of the country is a region, no state
    happenings, acts = _modified_nouns()
    words = {root.head.lower_, root.head.lemma_.lower()}
    return bool(words & happenings) or (not country and bool(words & acts))


def feature_extent(
    doc: Doc, span: Span, by_start: dict[int, Span]
) -> tuple[int, int, list[Span], str | None]:
    """Widen a mention over "X-Y road" and "X Corridor"; return start, end, parts, feature word.

    ``by_start``: the text's entities by first token (``doc.ents`` is rebuilt on every access).
    """
    parts = [span]
    end = span.end
    # "Stepanakert-Lisagor road": NAME - NAME FEATURE
    if end + 1 < len(doc) and doc[end].text in {"-", "–"}:
        nxt = by_start.get(end + 1)
        if nxt is not None and nxt.label_ in PLACE_LABELS:
            parts.append(nxt)
            end = nxt.end
    feature = None
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS | _LINEAR:
        feature = doc[end].lower_
        end += 1
    if len(parts) == 2 and feature is None:
        return span.start, span.end, [span], None
    return span.start, end, parts, feature


@dataclass
class Focus:
    """What a document is about, geographically: mention counts by country and by admin1."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Where the document's resolved places below country level cluster (median point), if any.
    centre: tuple[float, float] | None = None
    #: For each first-level region, how many of the document's distinct place names have a
    #: candidate there ("Decatur", "DeKalb County" and "Avondale Estates" all do in Georgia).
    support: Counter[tuple[str, str]] = field(default_factory=Counter)
    names: int = 0

    def country_share(self, code: str) -> float:
        total = sum(self.countries.values())
        return self.countries.get(code, 0) / total if total else 0.0

    def admin1_share(self, code: str, admin1: str | None) -> float:
        total = sum(self.admin1.values())
        return self.admin1.get((code, admin1 or ""), 0) / total if total and admin1 else 0.0

    def admin1_support(self, code: str, admin1: str | None) -> float:
        """Share of the document's place names that could lie in this first-level region."""
        if not admin1 or self.names < 2:
            return 0.0
        return self.support.get((code, admin1), 0) / self.names


#: How much each kind of place is worth before population and focus (see :meth:`PlaceResolver.score`).
KIND_BASE = {"country": 7.0, "region": 6.0, "admin1": 3.0, "admin2": 1.0, "city": 0.0, "place": 1.0}
DEMONYM_LABELS = frozenset({"NORP"})
#: Directions that NER takes for places on their own ("the South", "Central").
COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central"}
)
#: Prepositions before an unmarked name that make it a place when ", <place>" follows.
UNMARKED_PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"of", "to", "from", "on"}
#: Nouns whose "of" names a place: "the town of Martakert".
SETTLEMENTS = frozenset(
    {"town", "village", "city", "hamlet", "settlement", "municipality", "commune", "district", "province",
     "region", "outskirts", "suburb", "township", "county"}
)  # fmt: skip
#: Street words: "X Street" capitalised is an address, not a place named after X.
STREET_WORDS = frozenset({"street", "road", "avenue", "boulevard", "drive", "lane", "square"})
#: Words of direction or extent before a place name ("Northeast Georgia", "Greater London").
PART_WORDS = COMPASS | frozenset(
    {"northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
     "southwestern", "upper", "lower", "greater", "downtown", "historic", "metro", "metropolitan", "inner",
     "outer", "n", "s", "e", "w", "ne", "nw", "se", "sw"}
)  # fmt: skip
#: Entities whose names may hold a place ("Texas Department of Health", "Dublin City Council").
NAMED_BODY_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Words that, after a city's name, make an institution of that city ("Paris High School").
INSTITUTION_WORDS = frozenset(
    {"city", "county", "high", "middle", "elementary", "public", "police", "fire", "school", "schools",
     "library", "council", "community", "chamber", "university", "college", "hospital", "municipal",
     "board", "department", "township", "village", "town", "housing", "area", "regional", "historical",
     "convention", "recreation", "planning", "district", "courthouse", "court", "post", "parks", "mayor",
     "mayoral", "development", "olympic", "airport", "port", "harbor", "harbour", "sheriff", "fair",
     "commonwealth", "parish", "metro", "metropolitan"}
)  # fmt: skip


def compass_only(name: str) -> bool:
    """ "North East", "the North-West", "Central": a name made of words of direction alone."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w and w != "the"]
    return bool(words) and all(w in PART_WORDS for w in words)


def contains(area: GazetteerEntry, place: GazetteerEntry) -> bool:
    """Whether ``place`` lies in ``area``: its country, its first-level region by name, or (for
    second-level and named regions, whose extent the gazetteer lacks, and a first-level region of a
    place whose own the gazetteer lacks: Asuncion in Asuncion) within 150 km of its point."""
    if area.kind == "country":
        return place.country_code == area.country_code and place.kind != "country"
    if area.kind == "admin1" and place.admin1 is not None:
        return place.country_code == area.country_code and place.admin1 == area.name and place is not area
    near = haversine_km(area.lat, area.lon, place.lat, place.lon) <= 150
    return near and place is not area and (not area.country_code or place.country_code == area.country_code)


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Each country's capital, folded, by ISO code."""
    return {c.iso2: fold(c.capital) for c in countries() if c.capital}


def place_context(ent: Span, by_start: dict[int, Span]) -> bool:
    """Whether a name stands where only a place can: "the town of X", "X, <place>" ("Martakert,
    Nagorno-Karabakh"), or listed with places."""
    doc = ent.doc
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in SETTLEMENTS:
        return True
    return next_place(doc, ent.end, by_start) is not None or listed_with_places(ent)


def next_place(doc: Doc, end: int, by_start: dict[int, Span]) -> Span | None:
    """The place named right after ", " or " (" at ``end``: the container a text states."""
    if end + 1 >= len(doc) or doc[end].text not in {",", "("}:
        return None
    nxt = by_start.get(end + 1)
    return nxt if nxt is not None and nxt.label_ in PLACE_LABELS else None


def is_title_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def listed_with_places(ent: Span) -> bool:
    """Whether a name is coordinated with a place ("Lisagor, Yeghtsahogh and Hin Shen")."""
    named = [t for t in (ent.root, *ent.root.conjuncts) if t.ent_type_]
    places = sum(t.ent_type_ in PLACE_LABELS for t in named)
    return places >= 2 and 2 * places >= len(named)  # at least half the names listed are places


def person_names(ents: Sequence[Span]) -> set[str]:
    """Surnames of the people a text names ("Joe Trapani" gives "Trapani"); not first names, which
    NER also gives to places it takes for people ("Greer Station", "Alexandria Blizzard")."""
    return {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
