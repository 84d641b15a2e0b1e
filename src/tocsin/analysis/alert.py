"""What every alert rule shares: the alert record, the thresholds, levels and areas.

Thresholds come from ``data/alerts.toml`` (see its comments), with the user's overrides.
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from tocsin.analysis.occurrences import Area, Occurrence

LEVELS = ("watch", "warning", "alert")
#: A surge has a dyad when this share of its events are between the same two sides.
DYAD_SHARE = 0.6


_OVERRIDES: list[tuple[str, str, Any]] = []


def configure(overrides: Iterable[tuple[str, str, Any]]) -> None:
    """Use the user's thresholds (``[alerts.RULE]`` in ``tocsin.toml``) over the shipped ones."""
    _OVERRIDES[:] = list(overrides)
    thresholds.cache_clear()


@functools.cache
def thresholds() -> dict[str, Any]:
    """The thresholds: ``data/alerts.toml`` with the user's overrides (see :func:`configure`)."""
    text = resources.files("tocsin.data").joinpath("alerts.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for rule, key, value in _OVERRIDES:
        data[rule][key] = list(value) if isinstance(value, tuple) else value
    return data


@dataclass(frozen=True, slots=True)
class Alert:
    """An alert record (the issue's fields)."""

    issued_at: date
    level: str
    kind: str
    area: Area
    window: tuple[date, date]
    rule: str
    observed: float
    baseline: float
    explanation: str
    event_ids: tuple[str, ...]
    dyad: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        key = f"{self.kind}|{self.area.name}|{self.area.country_code}|{self.window[1]}|{self.level}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issued_at": self.issued_at.isoformat(),
            "level": self.level,
            "kind": self.kind,
            "area": self.area.as_dict(),
            "dyad": self.dyad,
            "window": {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "rule": self.rule,
            "observed": self.observed,
            "baseline": self.baseline,
            "explanation": self.explanation,
            "event_ids": list(self.event_ids),
            **self.extra,
        }


def level_of(ratio: float, cfg: dict[str, Any]) -> str | None:
    found = None
    for level in LEVELS:
        if ratio >= cfg[level]:
            found = level
    return found


def by_area(occurrences: Iterable[Occurrence]) -> dict[Area, list[Occurrence]]:
    out: dict[Area, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        out[o.area].append(o)
    return out
