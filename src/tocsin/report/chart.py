"""The bulletin's 30-day chart: violent events (and counted violations) per day, drawn by matplotlib
as an SVG that is the same, byte for byte, for the same figures."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from matplotlib.axes import Axes

from tocsin.report.svg import draw_svg

DAYS = 30


def series(per_day: dict[str, int], day: date) -> list[dict[str, Any]]:
    """The 30 days up to ``day``, each with its count (0 when nothing was recorded)."""
    first = day - timedelta(days=DAYS - 1)
    return [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "events": per_day.get((first + timedelta(days=i)).isoformat(), 0),
        }
        for i in range(DAYS)
    ]


def svg(points: list[dict[str, Any]], title: str) -> str:
    """A bar chart of the series as an SVG document."""

    def draw(ax: Axes) -> None:
        ax.bar(range(len(points)), [p["events"] for p in points], color="#4a6fa5")
        ticks = sorted(range(len(points) - 1, -1, -7))  # every week back from the day itself
        ax.set_xticks(ticks, [points[i]["date"][5:] for i in ticks])
        ax.set_title(title, fontsize=9, loc="left")
        ax.spines[["top", "right"]].set_visible(False)

    return draw_svg(draw, (7, 1.8))
