"""Events as the alert rules see them: a day, an area, what kind of act, deaths, who reported it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tocsin.geo.gazetteer import Territory, admin1_names, country_by_iso2, territories
from tocsin.geo.mentions import haversine_km

VIOLENT_FACTUALITY = frozenset({"asserted", "claimed", "disputed"})
#: ACLED's event types of armed political violence (its codebook: battles, explosions and remote
#: violence, violence against civilians). A seizure of ground coded as ACLED's "Government regains
#: territory" is a battle whatever PLOVER calls it (COERCE/seize): violent, like any ASSAULT.
#: Riots stay out: mob violence is not the armed escalation the rules watch for.
ARMED_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class Area:
    """Where events are counted: a first-level region, a region named as such (a disputed
    territory), or a country when no region is known."""

    name: str
    country_code: str | None
    admin1: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "country_code": self.country_code, "admin1": self.admin1}

    def matches(self, wanted: str | None) -> bool:
        """Whether this is the area asked for by name or ISO code (every area when none is)."""
        return wanted is None or wanted.casefold() in {
            self.name.casefold(),
            (self.country_code or "").casefold(),
        }


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One event on one day in one area; ``known`` is the first day a monitor could have seen it."""

    id: str
    day: date
    known: date
    area: Area
    event: str
    mode: str | None
    factuality: str
    dead: int
    sources: frozenset[str]
    claimed_by: tuple[str, ...]
    #: How many acts it stands for: a mission's figure ("591 ceasefire violations") counts as many.
    count: int = 1
    #: The two sides, as UCDP names a dyad ("Government of Ukraine - DPR"), when both are known.
    dyad: str | None = None
    #: How many days it spans: a mission's figure for a weekend counts over three days.
    days: int = 1
    #: A mission's figure (the record gives a count), not one event coded from the news.
    counted: bool = False
    #: ACLED's event type, when the record has one.
    acled_type: str | None = None

    @property
    def violent(self) -> bool:
        """An act of armed violence that happened, or that a side says happened."""
        armed = self.event == "ASSAULT" or self.acled_type in ARMED_VIOLENCE
        return armed and self.factuality in VIOLENT_FACTUALITY


def _territory(location: dict[str, Any], cc: str | None) -> Territory | None:
    """The bundled territory of its own whose circle holds the location's point (in the same
    state), if any: the Stepanakert-Lisagor road and the Lachin corridor are Nagorno-Karabakh's."""
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return None
    for territory in territories():
        if territory.country_code == cc and haversine_km(lat, lon, territory.lat, territory.lon) <= (
            territory.radius_km
        ):
            return territory
    return None


def _area(location: dict[str, Any] | None) -> Area | None:
    """The area an event counts for: a territory of its own that holds its point (``regions.tsv``),
    else its first-level region, else a region it is placed in as a whole, else its country."""
    if not location:
        return None
    cc = (location.get("country_code") or "").upper() or None
    admin1 = location.get("admin1") or None
    country = country_by_iso2().get(cc or "")
    territory = _territory(location, cc)
    if territory is not None:
        return Area(territory.name, cc, None)
    if admin1:
        name = admin1_names().get((cc or "", admin1), admin1)  # a GeoNames code, or a name as imported
        return Area(name, cc, admin1)
    if location.get("precision") == "region" and location.get("name"):
        return Area(location["name"], cc, None)  # a region of its own (Nagorno-Karabakh, Donbas)
    if country is not None:
        return Area(country.name, cc, None)
    return (
        Area(location.get("country") or cc or "unknown", cc, None) if cc or location.get("country") else None
    )


def _dyad(record: dict[str, Any]) -> str | None:
    """The record's two sides, sorted (a dyad has no direction), when both are named."""
    first = [p.get("name") for p in record.get("actor") or [] if p.get("name")]
    second = [p.get("name") for p in record.get("recipient") or [] if p.get("name")]
    if not first or not second or first[0] == second[0]:
        return None
    return " - ".join(sorted((first[0], second[0])))


def _claimant(party: dict[str, Any]) -> str:
    """Who says it, as an alert tells it: people by the text's words ("Many Armenians", not the
    state "Armenia" their name stands for), a body with a role by its name ("Baku": "Government of
    Azerbaijan")."""
    if not party.get("sector") and not party.get("entity") and party.get("text"):
        return str(party["text"])
    return str(party.get("name") or party.get("text") or "")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _figure_days(record: dict[str, Any], start: date) -> tuple[date, int]:
    """The first day and the number of days a mission's figure stands for. Its window runs from one
    evening to a later one ("as of 19:30 18 February": dated 17 to 18 February; "between the
    evenings of 18 and 20 February"), so its days are those after the first evening: 18 February;
    19 and 20 February. Any other record: its own day, one day."""
    end = _day(record.get("date_end"))
    if record.get("count") is None or end is None or end <= start:
        return start, 1
    return start + timedelta(days=1), (end - start).days


def from_fused(record: dict[str, Any]) -> Occurrence | None:
    """An occurrence of a fused event (none without a day or a place)."""
    day, area = _day(record.get("date")), _area(record.get("location"))
    first = _day(record.get("first_reported"))
    if day is None and record.get("factuality") == "future":
        day = first  # a warning with no date of its own: dated the day it was given
    if day is None or area is None:
        return None
    sources = frozenset(c["source"] for c in record.get("claims") or [] if c.get("source"))
    day, days = _figure_days(record, day)
    known = first if record.get("factuality") == "future" and first else max(day, first) if first else day
    return Occurrence(
        record["id"],
        day,
        known,
        area,
        record["event"],
        record.get("mode"),
        record["factuality"],
        record.get("dead_best") or 0,
        sources,
        tuple(_claimant(p) for p in record.get("claimed_by") or []),
        record["count"] if record.get("count") is not None else 1,
        _dyad(record),
        days,
        record.get("count") is not None,
        record.get("acled_event_type"),
    )


def from_imported(record: dict[str, Any]) -> Occurrence | None:
    """An occurrence of an imported ACLED or UCDP event (known on its own day in a replay)."""
    day, area = _day(record.get("date")), _area(record.get("location"))
    if day is None or area is None or not record.get("event"):
        return None
    return Occurrence(
        record["id"],
        day,
        day,
        area,
        record["event"],
        record.get("mode"),
        "asserted",
        record.get("dead_best") or 0,
        frozenset({record["dataset"]}),
        (),
        1,
        _dyad(record),
        acled_type=record.get("acled_event_type"),
    )


def collect(fused: Iterable[dict[str, Any]], imported: Iterable[dict[str, Any]]) -> list[Occurrence]:
    """The occurrences of a store's fused and imported events (those with a day and a place)."""
    found = [*(from_fused(r) for r in fused), *(from_imported(r) for r in imported)]
    return [o for o in found if o is not None]
