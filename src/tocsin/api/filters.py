"""The event filters every listing endpoint takes (`/api/events`, `/api/stats`, `/api/export`):
parsed once, run in SQL where they can be, and checked exactly on each record where they cannot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import AfterValidator

from tocsin.models import FIRST_DAY, LAST_DAY
from tocsin.store.pages import PageQuery
from tocsin.store.query import EventQuery


def _sane_day(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"a day from {FIRST_DAY} to {LAST_DAY}")
    return day


#: A date parameter: ISO, and within the days tocsin can reckon with.
Day = Annotated[date, AfterValidator(_sane_day)]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise HTTPException(400, "bbox is west,south,east,north in degrees") from exc
    return west, south, east, north


@dataclass(frozen=True)
class EventFilters:
    """What the user asked for: dates, PLOVER and ACLED types, country, area, actor, factuality,
    a box and a text of the evidence."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    acled_type: str | None = None
    country: str | None = None
    area: str | None = None
    actor: str | None = None
    factuality: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None

    def query(self) -> EventQuery:
        """The filters the store runs in SQL on every table."""
        return EventQuery(since=self.since, until=self.until, types=self.types, country=self.country)

    def shape(self, *, after: tuple[str, str] | None = None, limit: int = 100) -> PageQuery:
        """The rest, for a page (or the statistics) of fused events or reports."""
        texts = tuple(t for t in (self.actor, self.area, self.q) if t)
        return PageQuery(after=after, limit=limit, contains=texts, acled_type=self.acled_type,
                         factuality=self.factuality, bbox=self.bbox)  # fmt: skip

    def keep(self, e: dict[str, Any]) -> bool:
        """Whether a record passes every filter (exactly: the SQL may only narrow)."""
        loc = e.get("location") or {}
        if self.acled_type and (e.get("acled_event_type") or "").casefold() != self.acled_type.casefold():
            return False
        if self.factuality and e.get("factuality") != self.factuality:
            return False
        places = {(loc.get("name") or "").casefold(), (loc.get("admin1") or "").casefold()}
        if self.area and self.area.casefold() not in places:
            return False
        if self.actor:
            names = [p.get("name") or "" for p in (*e.get("actor", []), *e.get("recipient", []))]
            if not any(self.actor.casefold() in n.casefold() for n in names):
                return False
        if self.bbox:
            lat, lon = loc.get("lat"), loc.get("lon")
            west, south, east, north = self.bbox
            if lat is None or lon is None or not (west <= lon <= east and south <= lat <= north):
                return False
        if self.q:
            text = " ".join(x.get("text", "") for x in e.get("evidence") or [])
            if self.q.casefold() not in text.casefold():
                return False
        return True


def event_filters(
    since: Day | None = None,
    until: Day | None = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type, repeatable")] = None,
    acled_type: str | None = None,
    country: Annotated[str | None, Query(description="ISO alpha-2 or alpha-3 code")] = None,
    area: Annotated[str | None, Query(description="place or first-level region name")] = None,
    actor: Annotated[str | None, Query(description="part of an actor's or target's name")] = None,
    factuality: str | None = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    q: Annotated[str | None, Query(description="text of the evidence")] = None,
) -> EventFilters:
    """The filters from a request's query string."""
    return EventFilters(since=since, until=until, types=tuple(type or ()), acled_type=acled_type,
                        country=country, area=area, actor=actor, factuality=factuality, bbox=_bbox(bbox),
                        q=q)  # fmt: skip
