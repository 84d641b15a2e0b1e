"""What a reader asks of the store's events: the filters of ``tocsin events``, the API and the
exports (:class:`EventQuery`), written as SQL on the ``events`` and ``fused_events`` columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tocsin.geo.gazetteer import country_by_iso2
from tocsin.models import Event

__all__ = ["EventQuery", "event_countries", "iso3", "where_of"]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`Store.events`; ``None`` means no filter."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    country: str | None = None
    doc_id: str | None = None


def iso3(code: str) -> str:
    """A country's ISO alpha-3 code from its alpha-2 (any other code as it is, in capitals)."""
    code = code.strip().upper()
    if len(code) == 2 and code in country_by_iso2():
        return country_by_iso2()[code].iso3
    return code


def event_countries(e: Event) -> list[str]:
    """ISO alpha-3 (or PLOVER) codes the event touches: its place and its parties."""
    codes: list[str] = []
    if e.location is not None and e.location.country_code:
        codes.append(iso3(e.location.country_code))
    for a in (*e.actor, *e.recipient):
        if a.country and a.country not in codes:
            codes.append(a.country)
    return codes


def where_of(q: EventQuery) -> tuple[list[str], list[object]]:
    """The query's filters as SQL conditions (``?`` placeholders) and their values: an event
    lasting into ``since`` counts from it, an event touching the country in any of its places
    or parties counts for it."""
    where: list[str] = []
    params: list[object] = []
    if q.since is not None:
        where.append("coalesce(date_end, date) >= ?")
        params.append(q.since)
    if q.until is not None:
        where.append("date <= ?")
        params.append(q.until)
    if q.types:
        where.append(f"event IN ({', '.join('?' for _ in q.types)})")
        params.extend(t.upper() for t in q.types)
    if q.country:
        where.append("? = ANY(countries)")
        params.append(iso3(q.country))
    return where, params
