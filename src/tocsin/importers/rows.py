"""What the importers share: the imported record, reading a CSV row by row, country names."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tocsin.geo.gazetteer import countries, country_short_names, fold


class RowError(ValueError):
    """A row that cannot be imported; the message is the reason."""


@dataclass(frozen=True, slots=True)
class Imported:
    """One imported event: its id (``dataset:row_id``), its first and last day, and its record."""

    id: str
    dataset: str
    row_id: str
    day: date
    day_end: date | None
    record: dict[str, Any]


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV export, skipping HXL tag rows ("#event+id", ...)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            values = [v for v in row.values() if isinstance(v, str)]
            if values and all(v.startswith("#") or not v for v in values):
                continue  # the HXL hashtag row under the header
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def header(path: Path) -> list[str]:
    """The CSV's column names."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(io.StringIO(fh.readline())), [])


_MONTHS = (
    "%d %B %Y",
    "%d-%B-%Y",
    "%d %b %Y",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%Y-%m-%d %H:%M:%S",
)


def parse_day(value: str, what: str) -> date:
    """A date in the layouts ACLED and UCDP exports use: ISO, "23 February 2022", and US month-first
    ("2/23/2022 12:00:00 AM", "02/23/2022 00:00"), as both datasets write them."""
    text = value.strip()
    if not text:
        raise RowError(f"no {what}")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for layout in _MONTHS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise RowError(f"{what} {text!r} is not a date")


def number(value: str, what: str, *, required: bool = False) -> float | None:
    """A number cell ("3", "3.0", ""), or ``None`` when empty and not required."""
    if not value.strip():
        if required:
            raise RowError(f"no {what}")
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise RowError(f"{what} {value!r} is not a number") from exc


@functools.cache
def _country_codes() -> dict[str, str]:
    out: dict[str, str] = {}
    short = country_short_names()  # "Democratic Republic of Congo", "Cape Verde", as ACLED writes them
    for c in countries():
        for name in (c.name, *c.aliases, *short.get(c.iso2, ())):
            out.setdefault(fold(name), c.iso2)
    return out


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country name as the datasets write it, if known."""
    key = fold(name)
    codes = _country_codes()
    return codes.get(key) or codes.get(key.removeprefix("the "))
