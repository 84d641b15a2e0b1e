"""Ranking a name's gazetteer candidates for a document: kind, population, and where the
document's other places lie (its focus)."""

from __future__ import annotations

import math

from tocsin.geo.gazetteer import Gazetteer, GazetteerEntry, fold
from tocsin.geo.mentions import AREAL, KIND_BASE, Focus, capital_names, haversine_km


class CandidateRanker:
    """The candidates of names in a gazetteer, best first for a focus."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # Rankings already made with one focus (a pass over a document names the same places
        # again and again); the focus is held so that the cache never outlives it.
        self._ranked: dict[tuple[str, str | None], list[GazetteerEntry]] = {}
        self._ranked_focus: Focus | None = None

    @staticmethod
    def score(entry: GazetteerEntry, name: str, focus: Focus, feature: str | None) -> float:
        """How likely ``entry`` is the place meant by ``name`` in a document with this focus.

        kind (countries, then regions, then cities) + log10(population) + 6 x the document's
        share of mentions in the candidate's country + 3 x its share in the candidate's admin1
        + up to 2 for lying near where the document's other places cluster;
        minus 3 when only an alternate name matched ("Egypt" is also a hamlet in Arizona), and
        regions get +3 when a regional noun follows ("Idlib province").
        """
        value = KIND_BASE.get(entry.kind, 0.0) + math.log10(entry.population + 10)
        value += 6.0 * focus.country_share(entry.country_code)
        value += 3.0 * focus.admin1_share(entry.country_code, entry.admin1)
        if entry.kind != "country":
            value += 4.0 * focus.admin1_support(entry.country_code, entry.admin1)
        if focus.centre is not None and entry.kind != "country":
            km = haversine_km(entry.lat, entry.lon, *focus.centre)
            value += 2.0 * math.exp(-km / 300.0)
        if entry.kind not in {"country", "region"} and fold(entry.name) != fold(name):
            value -= 3.0
        if feature in AREAL and entry.kind in {"admin1", "admin2", "region"}:
            value += 3.0
        return value

    def candidates(self, name: str, focus: Focus, feature: str | None = None) -> list[GazetteerEntry]:
        """The gazetteer's candidates for a name, best first for this focus."""
        if focus is not self._ranked_focus:
            self._ranked, self._ranked_focus = {}, focus
        key = (name, feature)
        if key not in self._ranked:
            self._ranked[key] = self._rank(name, focus, feature)
        return list(self._ranked[key])

    def _rank(self, name: str, focus: Focus, feature: str | None) -> list[GazetteerEntry]:
        cands = self.gazetteer.lookup(name)
        if name.isupper() and len(name) <= 4 and "." not in name:
            # Acronyms ("DW", "ICJ") meet obscure alternate names of small places; only
            # countries and regions are known by such short codes ("US", "DRC", "UAE").
            cands = [c for c in cands if c.kind in {"country", "region", "admin1"}]
        if not cands:
            return []
        ranked = sorted(cands, key=lambda e: -self.score(e, name, focus, feature))
        best = ranked[0]
        country = next((c for c in ranked if c.kind == "country" and fold(c.name) == fold(name)), None)
        if country is not None and best.kind in {"city", "place", "admin2"}:
            # A country's name is the country, whatever the document's focus: "a group linked to
            # Russia" in a story from Ohio is not the hamlet of Russia, Ohio (a stated container,
            # "Russia, Ohio", picks the hamlet before this ranking is used). Its name, not another
            # one it has: "Holland" in a story from Michigan is the town.
            ranked.remove(country)
            ranked.insert(0, country)
            best = country
        if best.kind in {"admin1", "admin2"} and feature not in AREAL:
            # "in Donetsk": the city, not the oblast named after it, unless "region" follows;
            # "Washington": the national capital, not the state named like it.
            # "Kiev": the capital Kyiv, whichever of its names the text writes, not Kiev oblast;
            # but a name its country bears too ("Villa Canales, Guatemala") is no capital's
            capital_name = capital_names().get(best.country_code)
            country_named = any(c.kind == "country" and fold(c.name) == fold(name) for c in ranked)
            capital = capital_name == fold(name) or (not country_named and any(
                c.kind == "city" and c.country_code == best.country_code and fold(c.name) == capital_name
                for c in ranked
            ))  # fmt: skip
            inside = [
                c
                for c in ranked
                if c.kind == "city"
                and c.country_code == best.country_code
                and (
                    (fold(c.name) == fold(best.name) and (c.admin1 == best.admin1 or best.kind == "admin2"))
                    or capital
                    or _seat(c, best)
                )
            ]
            if capital:
                inside.sort(key=lambda c: -c.population)
            if inside:
                ranked.remove(inside[0])
                ranked.insert(0, inside[0])
        return ranked


#: How far from a second-level region's point a town known by the region's name may lie and be
#: its seat (municipalities and districts are rarely wider).
_SEAT_KM = 60.0


def _seat(city: GazetteerEntry, region: GazetteerEntry) -> bool:
    """Whether a town that also bears a second-level region's name, in its first-level region and
    near its point, is the region's seat: "in Caborca, Sonora" is the town GeoNames calls
    "Heroica Caborca", not the municipality of Caborca around it."""
    return (
        region.kind == "admin2"
        and city.admin1 == region.admin1
        and haversine_km(city.lat, city.lon, region.lat, region.lon) <= _SEAT_KM
    )
