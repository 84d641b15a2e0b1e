"""A report: what one document says about an occurrence, as fusion sees it (a view of the stored
event record, with the outlet and publication day of its document)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from tocsin.extract.actors import actor_dictionary
from tocsin.fuse.rules import rules
from tocsin.geo.gazetteer import countries


@dataclass(frozen=True, slots=True)
class Report:
    """The fields of an event record that decide identity, and the record itself."""

    id: str
    doc_id: str
    outlet: str
    published: date | None
    event: str
    mode: str | None
    acled_type: str | None
    acled_sub_type: str | None
    start: date | None
    end: date | None
    precision: str
    method: str
    lat: float | None
    lon: float | None
    place_precision: str | None
    country: str | None
    admin1: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    dead: int | None
    injured: int | None
    factuality: str
    #: Those harmed who are no side and foreigners where it happened: ``"MED:RUS"`` for a Russian
    #: journalist killed in Ukraine.
    foreigners: frozenset[str]
    record: dict[str, Any] = field(compare=False, hash=False, repr=False)
    #: Proper names of people on either side that no dictionary knows ("Andrea Rocchelli"): a
    #: named person identifies an occurrence, though names are no side.
    names: frozenset[str] = frozenset()

    @property
    def parties(self) -> frozenset[str]:
        """Every named party, on either side."""
        return self.actors | self.recipients


def outlet_of(source: str | None, url: str | None, doc_id: str) -> str:
    """Who published a document, as a key: the outlet's name, else the URL's host, else the
    document itself (an unknown outlet counts once per document)."""
    if source and source.strip():
        return source.strip().casefold()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"doc:{doc_id}"


def _named(parties: list[dict[str, Any]]) -> frozenset[str]:
    """The sides the parties stand for: a country ("Ukraine", "Military Forces of Ukraine" and
    "Police Forces of Ukraine" are one side, told at different grain), else a dictionary entity;
    bare sectors ("gunmen") and those who are no side (civilians, medics: ``[parties]`` in
    ``data/fusion.toml``) name none."""
    out = set()
    for p in parties:
        if p.get("sector") in rules().not_sides:
            continue
        if p.get("country"):
            out.add(f"country:{p['country']}")
        elif p.get("entity") and p.get("name"):
            out.add(f"entity:{p['name']}")
    return frozenset(out)


@functools.cache
def _iso3(iso2: str) -> str | None:
    return next((c.iso3 for c in countries() if c.iso2 == iso2), None)


def _foreigners(recipients: list[dict[str, Any]], iso2: str | None) -> frozenset[str]:
    """The kinds and nationalities of those harmed who are no side (``[parties]`` in
    ``data/fusion.toml``) and not of the country where it happened."""
    home = _iso3(iso2) if iso2 else None
    if home is None:
        return frozenset()
    no_side = rules().not_sides
    return frozenset(
        f"{p['sector']}:{p['country']}"
        for p in recipients
        if p.get("sector") in no_side and p.get("country") not in {None, home}
    )


@functools.lru_cache(maxsize=65536)
def _sector_word(word: str) -> bool:
    """Whether a word names a sector ("Forces", "Police"): fusion reads every report it touches."""
    return actor_dictionary().sector_of(word, guess=False) is not None


def _person_names(parties: list[dict[str, Any]]) -> frozenset[str]:
    """The names of people the parties are written with, as a trailing run of two or more
    capitalised words ("Italian photojournalist Andrea Rocchelli": Andrea Rocchelli), that are no
    dictionary entity, no named body with a sector ("National Guard") and no words of a sector
    ("Security Forces")."""
    out = set()
    for p in parties:
        if p.get("entity"):
            continue
        run: list[str] = []
        words = (p.get("text") or "").split()
        for word in reversed(words):
            if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
                break
            run.insert(0, word)
        body = len(run) == len(words) and p.get("sector")
        if len(run) >= 2 and not body and not any(_sector_word(w) for w in run):
            out.add(" ".join(run).casefold())
    return frozenset(out)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def report_of(record: dict[str, Any], *, outlet: str, published: date | None) -> Report:
    """The report view of a stored event record."""
    loc = record.get("location") or None
    return Report(
        id=record["id"],
        doc_id=record["doc_id"],
        outlet=outlet,
        published=published,
        event=record["event"],
        mode=record.get("mode"),
        acled_type=record.get("acled_event_type"),
        acled_sub_type=record.get("acled_sub_event_type"),
        start=_day(record.get("date")),
        end=_day(record.get("date_end")),
        precision=record.get("date_precision") or "unknown",
        method=record.get("date_method") or "none",
        lat=loc.get("lat") if loc else None,
        lon=loc.get("lon") if loc else None,
        place_precision=loc.get("precision") if loc else None,
        country=(loc.get("country_code") or None) if loc else None,
        admin1=(loc.get("admin1") or None) if loc else None,
        actors=_named(record.get("actor") or []),
        recipients=_named(record.get("recipient") or []),
        dead=record.get("dead"),
        injured=record.get("injured"),
        factuality=record.get("factuality") or "asserted",
        foreigners=_foreigners(
            record.get("recipient") or [], (loc.get("country_code") or None) if loc else None
        ),
        record=record,
        names=_person_names([*(record.get("actor") or []), *(record.get("recipient") or [])]),
    )
