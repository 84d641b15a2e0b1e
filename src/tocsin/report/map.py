"""The bulletin's map: the day's located events over country outlines bundled with tocsin
(``data/countries-50m.geojson.gz``: Natural Earth 1:50m, see ``data/SOURCES.md``), drawn by
matplotlib as an SVG that is the same, byte for byte, for the same events. No tile server, nothing
fetched."""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection

from tocsin.report.svg import draw_svg

#: Degrees around the events shown at least (a single town is shown with its region).
MIN_SPAN = 2.0


@lru_cache(maxsize=1)
def _rings() -> tuple[tuple[tuple[float, float, float, float], list[tuple[float, float]]], ...]:
    """Every outer ring of every country: its bounding box and its points (lon, lat)."""
    raw = resources.files("tocsin.data").joinpath("countries-50m.geojson.gz").read_bytes()
    out = []
    for feature in json.loads(gzip.decompress(raw))["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        for polygon in polygons:
            ring = [(float(x), float(y)) for x, y in polygon[0]]
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            out.append(((min(xs), min(ys), max(xs), max(ys)), ring))
    return tuple(out)


def points(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The located events among ``records`` (event records): id, lat, lon, in id order."""
    out = []
    for r in records:
        loc = r.get("location") or {}
        if loc.get("lat") is not None and loc.get("lon") is not None:
            out.append(
                {"id": r["id"], "lat": round(float(loc["lat"]), 4), "lon": round(float(loc["lon"]), 4)}
            )
    return sorted(out, key=lambda p: p["id"])


def svg(events: list[dict[str, Any]], title: str) -> str | None:
    """A map of the events (``points``) as an SVG document, or ``None`` when none is located."""
    if not events:
        return None
    lons, lats = [p["lon"] for p in events], [p["lat"] for p in events]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half = max(max(lons) - min(lons), max(lats) - min(lats), MIN_SPAN) / 2 * 1.2
    x0, x1, y0, y1 = cx - half, cx + half, cy - half, cy + half
    shown = [ring for (a, b, c, d), ring in _rings() if a <= x1 and c >= x0 and b <= y1 and d >= y0]

    def draw(ax: Axes) -> None:
        ax.add_collection(PolyCollection(shown, facecolors="#eeeeea", edgecolors="#888888", linewidths=0.6))
        ax.scatter(lons, lats, s=18, color="#b22222", zorder=3)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1 / max(math.cos(math.radians(cy)), 0.2))  # degrees of longitude shrink
        ax.set_facecolor("#dfe9f3")
        ax.set_title(title, fontsize=9, loc="left")

    return draw_svg(draw, (4.5, 4.5))
