"""The typed, immutable records that cross tocsin's stage boundaries.

Every stage takes and returns these frozen dataclasses; dicts appear only at the edges (JSON
output, the store's JSON columns), through :mod:`tocsin.report.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Factuality(StrEnum):
    """How the source presents an event (DESIGN.md section 2)."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    DENIED = "denied"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    HISTORICAL = "historical"


class DatePrecision(StrEnum):
    """How finely a date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class DateMethod(StrEnum):
    """How a date was obtained."""

    EXPLICIT = "explicit"
    PUBLICATION = "relative_to_publication"
    NARRATIVE = "relative_to_narrative"
    INFERRED = "inferred"
    NONE = "none"


class PlacePrecision(StrEnum):
    """How closely a resolved point stands for the place meant."""

    EXACT = "exact"
    NEAR = "near"
    REGION = "region"
    COUNTRY = "country"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Segment:
    """A labelled span of a document's text: ``body``, ``title``, ``caption``, ``comments`` ..."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after ingestion: its text, metadata and set-aside parts.

    ``text`` is the full text as received (decoded); offsets in evidence point into it.
    ``segments`` label its parts; only ``body`` segments are coded for events.
    """

    id: str
    content_hash: str
    text: str
    segments: tuple[Segment, ...]
    source_path: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    published_method: str = "none"
    language: str = "en"
    author: str | None = None

    def body_segments(self) -> tuple[Segment, ...]:
        """The segments that may yield events."""
        return tuple(s for s in self.segments if s.label == "body")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document (or input line) that was not coded, with the reason why. Its source and detail
    are one line of printable text whatever the input held (line breaks, control characters, lone
    surrogates from a hostile header or file name become spaces or "?")."""

    source: str
    reason: str
    detail: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", _printable(self.source))
        object.__setattr__(self, "detail", _printable(self.detail))


def _printable(text: str) -> str:
    """``text`` as one line: control characters as spaces, lone surrogates as "?"."""
    line = "".join(" " if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in text)
    return line.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(line) else line


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event is stated: a sentence of a document, with character offsets into its text."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to an event: text as written, normalised name, country and PLOVER sector."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention and its resolution; unresolved places keep their text."""

    text: str
    start: int
    end: int
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    precision: PlacePrecision
    reason: str


#: The days a command or a request may name: the bulletin reads the year before its day and
#: alerts a baseline of weeks, so a day at the calendar's ends would run off it.
FIRST_DAY = date(1000, 1, 1)
LAST_DAY = date(9998, 12, 31)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A resolved time: start, optional end, precision and how it was obtained."""

    start: date | None
    end: date | None
    precision: DatePrecision
    method: DateMethod
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence (the record of issue #2, DESIGN.md section 2)."""

    id: str
    doc_id: str
    event: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    date: DateSpan
    location: Place | None
    dead: int | None
    injured: int | None
    arrested: int | None
    factuality: Factuality
    claimed_by: tuple[Actor, ...]
    denied_by: tuple[Actor, ...]
    confirmed_by: tuple[Actor, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    related: tuple[str, ...] = field(default=())
    #: Mentioned in passing ("the family of a man who was killed"), not what its sentence reports.
    background: bool = False
    #: How many acts the record stands for, when the source gives a number of them (a monitoring
    #: mission's "591 ceasefire violations"), and what is counted; ``None`` for a single act.
    count: int | None = None
    count_of: str | None = None
