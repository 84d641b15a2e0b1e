"""Place mentions in a parsed text and their resolution to gazetteer points, with a reason.

A mention is a ``GPE``/``LOC``/``FAC`` entity (the gazetteer ruler proposes the ones spaCy misses),
widened to the feature it names ("the Lachin Corridor", "the Stepanakert-Lisagor road"); a place
inside an organisation's or a person's name ("the Texas Department of Health", "Anderson County
Sheriff"); a name NER took for a person or organisation where only a place can stand ("the town
of Martakert", "in Torrington", a list of places); or a demonym ("Azerbaijani", "Ohioans").
Surnames of people the text names, street addresses, unknown acronyms and names that only look
like towns are left out. Each mention gets a role: ``location`` (the object of in, at, near,
along ...), ``actor`` (a metonym or a modifier of an actor: "Baku said", "Azerbaijani forces",
"Artsakh authorities", "an offensive by Azerbaijan", an organisation's place), ``demonym`` or
``other``.

Resolution keeps to a stated container ("Paris, Texas"), else ranks candidates with
:meth:`PlaceResolver.score` over three passes (see :meth:`PlaceResolver.document_mentions`).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from tocsin.extract.actors import ActorDictionary
from tocsin.geo.containers import abroad, area_holding_previous, lacked, stated_container
from tocsin.geo.gazetteer import Gazetteer, GazetteerEntry, countries, fold
from tocsin.geo.mentions import (
    AREAL,
    COMPASS,
    DEMONYM_LABELS,
    INSTITUTION_WORDS,
    LOCATIVE_PREPOSITIONS,
    NAMED_BODY_LABELS,
    PART_WORDS,
    PLACE_LABELS,
    STREET_WORDS,
    UNMARKED_PLACE_PREPOSITIONS,
    Focus,
    PlaceMention,
    compass_only,
    contains,
    feature_extent,
    haversine_km,
    is_title_name,
    listed_with_places,
    mention_role,
    modifier_locates,
    next_place,
    person_names,
    place_context,
    quarter_of,
)
from tocsin.geo.ranking import CandidateRanker
from tocsin.models import Place, PlacePrecision

#: How far from a city's point its quarters may lie ("Johannesburg - Diepsloot", 30 km out).
_METRO_KM = 50.0


class PlaceResolver:
    """Finds and resolves the place mentions of parsed texts against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, actors: ActorDictionary) -> None:
        self.gazetteer = gazetteer
        self.actors = actors
        self._demonyms: dict[str, GazetteerEntry] = {}
        self._ranker = CandidateRanker(gazetteer)
        # A demonym several countries share ("Chinese", "French") names the most populous.
        for c in sorted(countries(), key=lambda c: c.population):
            entry = GazetteerEntry(c.geonameid, c.name, c.lat, c.lon, c.iso2, None, 0, "country")
            for demonym in c.demonyms:
                for form in (demonym, demonym + "s"):
                    self._demonyms[fold(form)] = entry

    def _candidates(self, name: str, focus: Focus, feature: str | None = None) -> list[GazetteerEntry]:
        """The gazetteer's candidates for a name, best first for this focus."""
        return self._ranker.candidates(name, focus, feature)

    def _resolve_parts(
        self,
        text: str,
        start: int,
        end: int,
        parts: list[Span],
        feature: str | None,
        focus: Focus,
        within: list[GazetteerEntry] | None = None,
    ) -> Place:
        entries: list[GazetteerEntry] = []
        missing: list[str] = []
        stated = False
        for part in parts:
            cands = self._candidates(part.text, focus, feature)
            inside = [c for c in cands if any(contains(w, c) for w in within or [])]
            if within and not inside:
                # "Bogota, D.C.": an abbreviation a candidate's own region ends with too (Bogotá's
                # is "Bogota D.C.", a capital district), not the namesake of the abbreviation abroad
                marks = {w for a in within if "." in (w := fold(a.name).split()[-1])}
                inside = [
                    c for c in cands if c.admin1 and any(fold(c.admin1).endswith(" " + m) for m in marks)
                ]
            if inside:
                cands, stated = inside, True  # "Russia, Ohio": the hamlet
            elif within and cands and len(parts) == 1 and cands[0].kind != "country":
                # "Nawa, Helmand province": none of the Nawas it may be lies in Helmand, so it is
                # a place the gazetteer lacks, somewhere in the container (not a namesake abroad);
                # not a country ("migrants from Cuba, Venezuela ...": each country, listed)
                area = within[0]
                why = f"{part.text} inside {area.name} as the text says, not in the gazetteer; {area.name}"
                return Place(text, start, end, area.name, area.geonameid, area.lat, area.lon,
                             area.country_code, area.admin1, PlacePrecision.REGION, why)  # fmt: skip
            if compass_only(part.text) and not stated:
                # "the North East": a name made of directions is part of a country the document
                # is about, or of none that can be told.
                cands = [c for c in cands if focus.country_share(c.country_code) >= 0.3]
            if cands:
                entries.append(cands[0])
            else:
                missing.append(part.text)
        if missing:
            return Place(text, start, end, None, None, None, None, None, None, PlacePrecision.UNRESOLVED,
                         f"not in the gazetteer: {', '.join(missing)}")  # fmt: skip
        if len(entries) == 2:
            a, b = entries
            why = f"{feature or 'feature'} between {a.name} and {b.name}: midpoint of the two"
            lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
            return Place(
                text, start, end, text, None, lat, lon, a.country_code, a.admin1, PlacePrecision.NEAR, why
            )
        e = entries[0]
        if e.kind == "country":
            precision = PlacePrecision.COUNTRY
        elif e.kind in {"region", "admin1", "admin2"} or feature in AREAL:
            precision = PlacePrecision.REGION
        elif feature is not None:
            precision = PlacePrecision.NEAR
        else:
            precision = PlacePrecision.EXACT
        n_cands = len(self.gazetteer.lookup(parts[0].text))
        how = f"GeoNames {e.kind} {e.name}" if e.geonameid else f"{e.kind} {e.name}"
        where = ", ".join(x for x in (e.admin1 if e.admin1 != e.name else None, e.country_code) if x)
        pop = f", population {e.population}" if e.population else ""
        why = f"{how} ({where}{pop}), best of {n_cands} candidate(s)"
        if stated and within:
            why += f", inside {within[0].name} as the text says"
        elif focus.country_share(e.country_code) >= 0.3:
            why += ", in the document's focus country"
        if feature is not None:
            why += f"; the {feature} named after it"
        return Place(
            text, start, end, e.name, e.geonameid, e.lat, e.lon, e.country_code, e.admin1, precision, why
        )

    def mentions(self, doc: Doc, offset: int, focus: Focus) -> list[PlaceMention]:
        """Place mentions of a parsed text whose characters start at ``offset`` in the document."""
        out: list[PlaceMention] = []
        consumed = -1
        ents = doc.ents
        people = person_names(ents)
        by_start = {e.start: e for e in ents}
        by_end = {e.end: e for e in ents}
        strangers: list[tuple[int, str]] = []  # mentions whose every place is a small town abroad
        for ent in ents:
            if ent.start < consumed:
                continue
            if ent.label_ in DEMONYM_LABELS:
                demonym = self._demonym(ent, offset)
                if demonym is not None:
                    out.append(demonym)
                continue
            if ent.label_ in NAMED_BODY_LABELS:
                inside = self._within_name(
                    ent,
                    offset,
                    focus,
                    person=ent.label_ == "PERSON",
                    within=stated_container(self.gazetteer, doc, ent.end, by_start),
                )
                if inside or not place_context(ent, by_start):
                    out.extend(inside)
                    continue
                # "the town of Martakert", "Lisagor, Yeghtsahogh, Hin Shen and Mets Shen": a place,
                # whatever NER took it for; resolved below, or kept unresolved with its text.
            elif ent.label_ not in PLACE_LABELS or (
                self.actors.is_organisation(ent.text) and not self._where_named(ent)
            ):
                continue
            elif len(ent) == 1 and (ent.text in people or ent[0].lower_ in COMPASS):
                continue  # "Trapani said", after "Joe Trapani": the person; "North": no place
            start, end, parts, feature = feature_extent(doc, ent, by_start)
            consumed = end
            span = doc[start:end]
            if (
                len(parts) == 1
                and feature in STREET_WORDS
                and (doc[end - 1].text[:1].isupper() or feature != "road")
            ):
                # "Darby Street", "Mayfield Road", "Armas square": an address, not the town it is
                # named after ("the Lachin road" leads to Lachin)
                continue
            stated = stated_container(self.gazetteer, doc, end, by_start)
            place = self._resolve_parts(
                span.text, offset + span.start_char, offset + span.end_char, parts, feature, focus, stated
            )
            city = quarter_of(ent, by_end) if feature is None else None
            if city is not None:
                place = self._in_city(place, city, offset, focus, stated)
            certain = all(self._certain(p.text) for p in parts)
            if place.precision is PlacePrecision.UNRESOLVED and len(parts) == 1 and feature is None:
                place = self._part_of(ent, offset, focus) or place
            if place.precision is PlacePrecision.UNRESOLVED and len(ent) > 1 and ent.label_ != "FAC":
                inner = self._demonym(ent, offset)  # "Sri Lankan", taken for a place
                found = [inner] if inner is not None else self._within_name(ent, offset, focus)
                if found:
                    out.extend(found)  # "the Henderson County Jail": Henderson County
                    continue
            if place.precision is PlacePrecision.UNRESOLVED and ent.label_ == "FAC":
                # Buildings and streets the gazetteer does not know are not places to map; the
                # place in their name may be ("Laurel County High School").
                out.extend(self._within_name(ent, offset, focus))
                continue
            if feature is None and place.precision is PlacePrecision.EXACT:
                place = area_holding_previous(self.gazetteer, doc, ent, by_end, place) or place
            role = mention_role(ent) if feature is None else "location"
            home = abroad(self.gazetteer, span.text, focus) if role == "location" and not stated else None
            if home is not None and place.precision is PlacePrecision.EXACT:
                strangers.append((len(out), home))
            if role == "actor" and modifier_locates(
                ent.root, country=place.precision is PlacePrecision.COUNTRY
            ):
                role = "location"
            unknown = place.precision is PlacePrecision.UNRESOLVED
            if (
                (unknown or (len(span) == 1 and self._look_alike(span.text, focus)))
                and role != "location"
                and not listed_with_places(ent)
            ):
                continue  # an unknown name, not where something happened nor listed with places
            if unknown and len(span) == 1 and span.text.isupper():
                continue  # "TLC", "UNAMID": an acronym no gazetteer knows is an organisation
            out.append(PlaceMention(place, role, span.root.i, ent.sent.start, certain))
        for i, home in strangers:
            out[i] = lacked(out[i], home, out)
        out.extend(self._unnamed_before_container(doc, offset, focus, by_start))
        return sorted(out, key=lambda m: m.place.start)

    def _where_named(self, ent: Span) -> bool:
        """A body's name that is also a city's, named as where something happened ("farmers
        protested in Brussels": the city, though "Brussels" elsewhere stands for the EU, as a
        capital stands for its government)."""
        named_here = ent.label_ == "GPE" and mention_role(ent) == "location"
        return named_here and bool(self.gazetteer.lookup(ent.text))

    def _unnamed_before_container(
        self, doc: Doc, offset: int, focus: Focus, by_start: dict[int, Span]
    ) -> list[PlaceMention]:
        """Names no model marked, where only a place can stand: after a locative preposition and
        before ", <place>" or "(<place>)" ("near Martakert, Nagorno-Karabakh"). Resolved inside
        the container if the gazetteer knows them, else kept unresolved with their text."""
        out: list[PlaceMention] = []
        # From each place that follows a comma, back over the unmarked capitalised words before it.
        for container in by_start.values():
            comma = container.start - 1
            if comma < 2 or next_place(doc, comma, by_start) is None:
                continue
            start = comma
            while start > 0 and is_title_name(doc[start - 1]) and not doc[start - 1].ent_type_:
                start -= 1
            if start == comma or start == 0 or doc[start - 1].lower_ not in UNMARKED_PLACE_PREPOSITIONS:
                continue
            span = doc[start:comma]
            place = self._resolve_parts(
                span.text,
                offset + span.start_char,
                offset + span.end_char,
                [span],
                None,
                focus,
                stated_container(self.gazetteer, doc, comma, by_start),
            )
            certain = self._certain(span.text)
            out.append(PlaceMention(place, "location", span.root.i, span.sent.start, certain))
        return out

    def _certain(self, name: str) -> bool:
        """Whether a name is sure of its country: all its candidates lie in one, or it names a
        country or first-level region outright ("Texas", though hamlets in Australia share it)."""
        cands = self.gazetteer.lookup(name)
        if len({c.country_code for c in cands}) <= 1:
            return True
        # One country or first-level region by that very name ("Georgia" is two: not sure).
        areas = {
            c.country_code
            for c in cands
            if c.kind in {"country", "admin1", "region"} and fold(c.name) == fold(name)
        }
        return len(areas) == 1

    def _in_city(
        self, place: Place, city: Span, offset: int, focus: Focus, stated: list[GazetteerEntry]
    ) -> Place:
        """A quarter named with its city ("Chicago - West Side (Illinois)"): where the gazetteer
        has no such quarter in the city, it lies in the city, not at the region stated after it."""
        town = self._resolve_parts(city.text, offset + city.start_char, offset + city.end_char, [city],
                                   None, focus, stated)  # fmt: skip
        if town.precision is not PlacePrecision.EXACT or town.lat is None or town.lon is None:
            return place
        if (
            place.lat is not None
            and place.lon is not None
            and place.precision is PlacePrecision.EXACT
            and haversine_km(place.lat, place.lon, town.lat, town.lon) <= _METRO_KM
        ):
            return place  # the gazetteer knows the quarter, in its city's reach
        why = f"{place.text}, a quarter of {town.name} as the text names it: {town.name}"
        return Place(place.text, place.start, place.end, town.name, town.geonameid, town.lat, town.lon,
                     town.country_code, town.admin1, PlacePrecision.NEAR, why)  # fmt: skip

    def _part_of(self, ent: Span, offset: int, focus: Focus) -> Place | None:
        """ "Northeast Georgia", "South Philadelphia", "Eastern Kentucky": the place after a word
        of direction or extent, to region (or near) precision, when the whole is not known; a part
        of a country to the country's."""
        words = [t for t in ent if t.lower_ not in {"the", "a"}]
        if len(words) < 2 or words[0].lower_.rstrip(".") not in PART_WORDS or compass_only(ent.text):
            return None  # "North East" is no part of a place called "East"
        rest = ent.doc[words[1].i : ent.end]
        cands = self._candidates(rest.text, focus)
        if not cands:
            return None
        e = cands[0]
        # A part of a region lies near the region's centre; a part of a country ("Eastern Ukraine")
        # may lie far from the country's, which is the only point known: country precision.
        precision = (
            PlacePrecision.COUNTRY
            if e.kind == "country"
            else PlacePrecision.REGION
            if e.kind in {"region", "admin1", "admin2"}
            else PlacePrecision.NEAR
        )
        where = ", ".join(x for x in (e.admin1, e.country_code) if x)
        why = f"part of {e.name} ({where}): {words[0].text}"
        start, end = offset + ent.start_char, offset + ent.end_char
        return Place(
            ent.text, start, end, e.name, e.geonameid, e.lat, e.lon, e.country_code, e.admin1, precision, why
        )

    def _one_region(self, name: str) -> bool:
        """Whether every candidate of a name lies in one first-level region."""
        return len({(c.country_code, c.admin1) for c in self.gazetteer.lookup(name)}) <= 1

    def _look_alike(self, name: str, focus: Focus) -> bool:
        """Whether a name only looks like towns' names: every candidate a town of under a million
        whose own name differs ("Wal" for an alternate name of Chincoteague, "Bush" for Būsh), none
        near where the document's places are ("Shushi" in a story about Karabakh is Shusha)."""
        centre = focus.centre
        cands = self.gazetteer.lookup(name)
        return bool(cands) and all(
            c.kind == "city"
            and c.population < 1_000_000
            and c.name.lower() != name.lower()
            and (centre is None or haversine_km(c.lat, c.lon, *centre) > 150)
            for c in cands
        )

    def _within_name(
        self,
        ent: Span,
        offset: int,
        focus: Focus,
        *,
        person: bool = False,
        within: list[GazetteerEntry] | None = None,
    ) -> list[PlaceMention]:
        """Places named inside an organisation's or a building's name: "Texas Department of
        Health", "U.S. House", "Dublin City Council", "University of Georgia", "American Red Cross".

        A country, first-level region, county or demonym at the start of the name or after "of";
        a city only when an institutional word follows it ("Paris High School", "Dublin City
        Council"), since "Lincoln Financial" and "Wells Fargo" name no place. Role ``actor``: an
        organisation's place is never where an event happened. NER also takes whole place names
        for organisations or people ("in Torrington", "Anderson County Sheriff"): a name that is
        a place after a locative preposition is one (``location``); in a person's name only a
        county or a city before an institutional word is.
        """
        if self.actors.is_organisation(ent.text):
            return []
        first = ent.start + 1 if ent[0].lower_ in {"the", "a", "an"} and len(ent) > 1 else ent.start
        starts = [first] + [t.i + 1 for t in ent if t.lower_ in {"of", "for"} and t.i + 1 < ent.end]
        locative = ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE_PREPOSITIONS - {"of"}
        out: list[PlaceMention] = []
        for start in starts:
            for size in (3, 2, 1):
                end = start + size
                if end > ent.end:
                    continue
                part = ent.doc[start:end]
                if not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in part):
                    continue
                whole = start == first and end == ent.end
                if whole and not locative:
                    continue
                following = ent.doc[end].lower_ if end < ent.end else None
                mention = self._named_part(
                    part,
                    following,
                    offset,
                    focus,
                    whole=whole,
                    person=person,
                    within=within if whole else None,
                )
                if mention is not None:
                    out.append(mention)
                    break
        return out

    def _named_part(
        self,
        part: Span,
        following: str | None,
        offset: int,
        focus: Focus,
        *,
        whole: bool,
        person: bool,
        within: list[GazetteerEntry] | None = None,
    ) -> PlaceMention | None:
        """The place (or demonym) ``part`` of a name stands for, if it is sure enough to be one."""
        if not person:
            demonym = self._demonym(part, offset)
            if demonym is not None:
                return demonym
        if len(part) == 1 and part[0].lower_ in PART_WORDS:
            return None
        cands = self._candidates(part.text, focus)
        if not cands:
            return None
        kinds = {c.kind for c in cands if fold(c.name) == fold(part.text) or c.kind in {"country", "region"}}
        county = part[-1].lower_ in {"county", "parish"} and "admin2" in {c.kind for c in cands}
        institution = following in INSTITUTION_WORDS and "city" in kinds
        named = bool(kinds) and whole  # "in Torrington", tagged as an organisation
        if not ((kinds & {"country", "region", "admin1"} and not person) or county or institution or named):
            return None
        place = self._resolve_parts(
            part.text, offset + part.start_char, offset + part.end_char, [part], None, focus, within
        )
        certain = self._certain(part.text)
        return PlaceMention(place, "location" if whole else "actor", part.root.i, part.sent.start, certain)

    def _demonym(self, ent: Span, offset: int) -> PlaceMention | None:
        """ "Azerbaijani", "Russians": the country they name, as a mention that is never a location."""
        entry = self._demonyms.get(fold(ent.text)) or self._regional_demonym(ent.text)
        if entry is None:
            return None
        precision = PlacePrecision.COUNTRY if entry.kind == "country" else PlacePrecision.REGION
        place = Place(ent.text, offset + ent.start_char, offset + ent.end_char, entry.name, entry.geonameid,
                      entry.lat, entry.lon, entry.country_code, entry.admin1, precision,
                      f"demonym of {entry.name}")  # fmt: skip
        return PlaceMention(place, "demonym", ent.root.i, ent.sent.start)

    def _regional_demonym(self, text: str) -> GazetteerEntry | None:
        """A region's people by the usual English endings: "Ohioans", "Texan", "Dagestani",
        "South Ossetian", "Ontarians" name Ohio, Texas, Dagestan, South Ossetia, Ontario."""
        word = text[:-1] if text.endswith("s") else text
        if len(word) < 5 or word[-1] not in "ni":
            return None
        for form in (word[:-1], word[:-2], word[:-1] + "s", word[:-3] + "o"):
            for c in self.gazetteer.lookup(form):
                if c.kind in {"admin1", "region"} and fold(c.name) == fold(form):
                    return c
        return None

    def document_mentions(self, parsed: list[tuple[int, Doc]]) -> list[list[PlaceMention]]:
        """Place mentions of a document's parsed paragraphs (each with its character offset).

        Three passes: the first finds what the document is about (countries and first-level
        regions from names sure of them, and how many names could lie in each region), the second
        resolves every mention with that focus, the third adds where the second put the
        document's places (their median point) for the names still in doubt.
        """
        unknown = Focus()
        first = [self.mentions(doc, offset, unknown) for offset, doc in parsed]
        focus = self.focus(first)
        if not focus.countries:  # no country named: those of the armed groups the story names
            focus.countries.update(self._home_countries(doc for _, doc in parsed))
        focus.support, focus.names = self._support(first)
        second = [self.mentions(doc, offset, focus) for offset, doc in parsed]
        # A third pass centres on where the second pass put everything, ambiguous names included.
        refined = self.focus(second, certain_only=False)
        refined.countries, refined.admin1 = focus.countries, focus.admin1
        refined.support, refined.names = focus.support, focus.names
        return [self.mentions(doc, offset, refined) for offset, doc in parsed]

    def _home_countries(self, docs: Iterable[Doc]) -> Counter[str]:
        """The countries (ISO2) of the known non-state organisations named ("Al-Shabaab fighters
        seized the town of Mahas": the Somali one), one vote a mention: a group fights where it
        is based, so a story that names no country is read there first."""
        iso2 = {c.iso3: c.iso2 for c in countries()}
        votes: Counter[str] = Counter()
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ not in {"ORG", "PERSON", "NORP"} or not self.actors.is_organisation(ent.text):
                    continue
                country = self.actors.normalise(ent.text).country
                if country in iso2:
                    votes[iso2[country]] += 1
        return votes

    def _support(self, mention_lists: list[list[PlaceMention]]) -> tuple[Counter[tuple[str, str]], int]:
        """How many distinct place names of the document have a candidate in each admin1."""
        names = {fold(m.place.text) for ms in mention_lists for m in ms if m.role != "demonym"}
        support: Counter[tuple[str, str]] = Counter()
        for name in names:
            regions = {
                (c.country_code, c.admin1)
                for c in self.gazetteer.lookup(name)
                if c.admin1 and (fold(c.name) == name or c.kind in {"admin1", "region"})
            }
            support.update(regions)
        return support, len(names)

    def focus(self, mention_lists: list[list[PlaceMention]], *, certain_only: bool = True) -> Focus:
        """The countries and first-level regions the document's mentions point to.

        A first-level region gets a vote only from a name that lies in it whatever the choice
        ("Hall County" could be in Georgia or Texas: no vote; "Georgia" votes for itself).
        """
        focus = Focus()
        lats: list[float] = []
        lons: list[float] = []
        for mentions in mention_lists:
            for m in mentions:
                if certain_only and not m.certain:
                    continue  # "Paris" must not vote France into a Texas story
                if m.place.country_code:
                    focus.countries[m.place.country_code] += 1
                if (
                    m.place.admin1
                    and m.place.country_code
                    and (not certain_only or self._one_region(m.place.text))
                ):
                    focus.admin1[(m.place.country_code, m.place.admin1)] += 1
                if m.place.precision in {PlacePrecision.EXACT, PlacePrecision.NEAR, PlacePrecision.REGION} \
                        and m.place.lat is not None and m.place.lon is not None:  # fmt: skip
                    lats.append(m.place.lat)
                    lons.append(m.place.lon)
        if lats:
            focus.centre = (statistics.median(lats), statistics.median(lons))
        return focus
