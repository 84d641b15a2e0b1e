"""A monitoring mission's figures: how many ceasefire violations (explosions, ...) it recorded in a
region over its reporting window.

Missions report aggregates: "In Donetsk region, the SMM recorded 591 ceasefire violations,
including 553 explosions. In the previous reporting period, it recorded 222 ceasefire violations in
the region." Each figure becomes a :class:`Figure` with its count and what it counts, dated by the
report's window: the evenings it names ("between the evenings of 18 and 20 February"), else the
24 hours to the report's "as of" time. A figure given for comparison (the previous period's, in
parentheses or after "In the previous reporting period") is kept as ``previous`` of the figure it
compares with, never as a figure of its own. What is counted is data (``data/figures.toml``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources

from spacy.tokens import Doc

from tocsin.extract.casualties import NUMBER_WORDS
from tocsin.geo.gazetteer import Gazetteer
from tocsin.models import (
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Segment,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: ``count`` of ``count_of`` in ``region`` between ``start`` and ``end``."""

    region: str
    count: int
    count_of: str
    start: date
    end: date
    begin: int  # the figure's offsets in the sentence
    stop: int
    previous: int | None = None

    @property
    def window(self) -> str:
        return "24h" if (self.end - self.start).days <= 1 else "multi-day"


@functools.cache
def _lexicon() -> tuple[dict[str, str], tuple[str, ...]]:
    data = tomllib.loads(resources.files("tocsin.data").joinpath("figures.toml").read_text(encoding="utf-8"))
    plural = {form: pair[1] for pair in data["counted"] for form in pair}
    return plural, tuple(data["previous"])


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    plural, _ = _lexicon()
    words = "|".join(sorted((re.escape(w) for w in [*NUMBER_WORDS, "none"] if w not in {"a", "an", "single"}),
                            key=len, reverse=True))  # fmt: skip
    num = rf"\b(?i:\d[\d,]*|(?:{words})(?:[- ](?:{words}))*)\b"
    what = "(?i:" + "|".join(sorted((re.escape(w) for w in plural), key=len, reverse=True)) + ")"
    name = r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?"
    # "13 ceasefire violations in Donetsk region", "none in Luhansk region", "no ceasefire
    # violations in both Donetsk and Luhansk regions", "in either Donetsk or Luhansk region"
    after = re.compile(
        rf"(?i:at least |a total of |some )?(?P<n>{num})(?:\s+(?P<what>{what}))?"
        rf"(?:,\s*including (?P<m>{num}) (?P<sub>{what}),)?"
        rf"\s+in\s+(?:both\s+|either\s+)?(?P<regions>{name}(?:\s+(?:and|or)\s+{name})?)\s+regions?\b",
    )
    # "In Donetsk region, the SMM recorded 591 ceasefire violations, including 553 explosions"
    before = re.compile(
        rf"\bIn (?P<regions>{name}) region,\s+(?:the (?:SMM|Mission)|it) recorded (?:at least |some )?"
        rf"(?P<n>{num})\s+(?P<what>{what})(?:,\s*including (?:at least )?(?P<m>{num}) (?P<sub>{what}))?",
    )
    evenings = re.compile(
        r"between the evenings of (?P<d1>\d{1,2})(?: (?P<m1>[A-Z][a-z]+))?"
        r" and (?P<d2>\d{1,2}) (?P<m2>[A-Z][a-z]+)",
        re.IGNORECASE,
    )
    return after, before, evenings


_AS_OF = re.compile(r"as of \d{1,2}:\d{2},? (\d{1,2} [A-Z][a-z]+ \d{4})")


def _number(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    if text == "none":
        return 0
    total = 0
    for part in re.split(r"[- ]", text):
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value in (100, 1000) and total else total + value
    return total


def report_end(text: str, published: date | None) -> date | None:
    """The end of a report's window: its "as of" day, else the day before publication."""
    m = _AS_OF.search(text)
    if m:
        try:
            return datetime.strptime(m.group(1), "%d %B %Y").date()
        except ValueError:
            pass
    return published - timedelta(days=1) if published else None


def _window(sentence: str, end: date) -> tuple[date, date]:
    m = _patterns()[2].search(sentence)
    if not m:
        return end - timedelta(days=1), end
    try:
        last = datetime.strptime(f"{m['d2']} {m['m2']} {end.year}", "%d %B %Y").date()
        first = datetime.strptime(f"{m['d1']} {m['m1'] or m['m2']} {end.year}", "%d %B %Y").date()
    except ValueError:
        return end - timedelta(days=1), end
    if first > last:  # "between the evenings of 30 December and 1 January"
        first = first.replace(year=first.year - 1)
    return first, last


def _is_previous(sentence: str, at: int) -> bool:
    """Whether the figure at ``at`` is stated for comparison: inside parentheses, right after
    "compared with", or in a sentence that opens on the previous period ("In the previous
    reporting period, it recorded ...")."""
    _, previous = _lexicon()
    opened = sentence.rfind("(", 0, at)
    if opened > sentence.rfind(")", 0, at):
        return True
    if "compared with" in sentence[max(0, at - 25) : at].lower():
        return True
    opening = re.sub(r"\([^)]*\)", "", sentence[:at]).lower().lstrip(" -(")
    return opening.startswith("in the ") and any(p in opening[:40] for p in previous)


def figures(sentence: str, end: date) -> list[Figure]:
    """The figures a sentence states (not those of the previous period)."""
    plural, _ = _lexicon()
    after, before, _ = _patterns()
    start, stop = _window(sentence, end)
    out: list[Figure] = []
    last_what = None
    matches = sorted([*before.finditer(sentence), *after.finditer(sentence)], key=lambda m: m.start())
    taken: list[tuple[int, int]] = []
    for m in matches:
        if any(s <= m.start() < e for s, e in taken):
            continue
        what = plural[m["what"].lower()] if m["what"] else last_what
        count = _number(m["n"])
        if what is None or count is None:
            continue
        last_what = what
        taken.append((m.start(), m.end()))
        if _is_previous(sentence, m.start()):
            continue
        regions = re.split(r"\s+(?:and|or)\s+", m["regions"])
        for region in regions:
            out.append(Figure(region, count, what, start, stop, m.start(), m.end()))
            sub = _number(m["m"]) if m["m"] else None
            if sub is not None and m["sub"]:
                out.append(Figure(region, sub, plural[m["sub"].lower()], start, stop, m.start(), m.end()))
    return out


def figure_events(document: Document, parsed: list[tuple[Segment, Doc]], gazetteer: Gazetteer) -> list[Event]:
    """One record per figure of the document's sentences, located at its region and dated by
    the report's window; none when the document has no "as of" day or publication date."""
    end = report_end(document.text, document.published)
    if end is None:
        return []
    out: list[Event] = []
    index = 0
    for seg, doc in parsed:
        for sent in doc.sents:
            base = seg.start + sent.start_char
            for f in figures(sent.text, end):
                place = _region(f.region, gazetteer, base + f.begin, base + f.stop)
                key = f"{document.id}|figure|{f.region}|{f.count_of}|{f.start}|{f.end}"
                evidence = Evidence(document.id, index, base, base + len(sent.text), sent.text,
                                    sent.text[f.begin : f.stop], base + f.begin, base + f.stop)  # fmt: skip
                span = DateSpan(
                    f.start, f.end, DatePrecision.DAY, DateMethod.EXPLICIT, f"{f.start} to {f.end}"
                )
                eid = hashlib.sha1(key.encode()).hexdigest()[:16]
                out.append(Event(eid, document.id, "ASSAULT", None, None, None, (), (), span, place, None,
                                 None, None, Factuality.ASSERTED, (), (), (), (evidence,), 0.9,
                                 count=f.count, count_of=f.count_of))  # fmt: skip
            index += 1
    return out


def _region(name: str, gazetteer: Gazetteer, start: int, end: int) -> Place | None:
    """The first-level region a figure is given for ("Donetsk region")."""
    regions = [e for e in gazetteer.lookup(name) if e.kind in {"admin1", "region"}]
    if not regions:
        return None
    best = max(regions, key=lambda e: e.population)
    reason = f"first-level region {best.name} ({best.country_code})"
    return Place(f"{name} region", start, end, best.name, best.geonameid, best.lat, best.lon,
                 best.country_code, best.admin1, PlacePrecision.REGION, reason)  # fmt: skip
