"""The thresholds of fusion, read from the versioned data file ``data/fusion.toml``."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rules:
    """What ``data/fusion.toml`` says; see its comments for what each value means."""

    explicit_slack_days: int
    inferred_slack_days: int
    inferred_methods: frozenset[str]
    exact_km: float
    near_km: float
    region_km: float
    same_day: float
    adjacent_day: float
    coarse_overlap: float
    same_point: float
    same_region: float
    same_country: float
    shared_party: float
    same_foreigners: float
    same_name: float
    same_toll: float
    same_toll_min: int
    same_sub_type: float
    same_ongoing: float
    ongoing_modes: frozenset[str]
    join: float
    count_floor: int
    count_ratio: float
    distinct_sub_types: frozenset[str]
    alone: frozenset[str]
    statements: frozenset[str]
    not_sides: frozenset[str]


@functools.cache
def rules() -> Rules:
    """The fusion rules shipped with tocsin."""
    text = resources.files("tocsin.data").joinpath("fusion.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    d, p, e, c, t = data["dates"], data["places"], data["evidence"], data["counts"], data["types"]
    return Rules(
        explicit_slack_days=int(d["explicit_slack_days"]),
        inferred_slack_days=int(d["inferred_slack_days"]),
        inferred_methods=frozenset(d["inferred_methods"]),
        exact_km=float(p["exact_km"]),
        near_km=float(p["near_km"]),
        region_km=float(p["region_km"]),
        same_day=float(e["same_day"]),
        adjacent_day=float(e["adjacent_day"]),
        coarse_overlap=float(e["coarse_overlap"]),
        same_point=float(e["same_point"]),
        same_region=float(e["same_region"]),
        same_country=float(e["same_country"]),
        shared_party=float(e["shared_party"]),
        same_foreigners=float(e["same_foreigners"]),
        same_name=float(e["same_name"]),
        same_toll=float(e["same_toll"]),
        same_toll_min=int(e["same_toll_min"]),
        same_sub_type=float(e["same_acled_sub_event_type"]),
        same_ongoing=float(e["same_ongoing"]),
        ongoing_modes=frozenset(e["ongoing_modes"]),
        join=float(e["join"]),
        count_floor=int(c["floor"]),
        count_ratio=float(c["ratio"]),
        distinct_sub_types=frozenset(t["distinct_sub_event_types"]),
        alone=frozenset(t["alone"]),
        statements=frozenset(t["statements"]),
        not_sides=frozenset(data["parties"]["not_sides"]),
    )
