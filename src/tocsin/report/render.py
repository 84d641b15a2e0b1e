"""The daily bulletin as Markdown and as one self-contained HTML page."""

from __future__ import annotations

import html
from typing import Any

from tocsin.report.chart import svg as chart_svg
from tocsin.report.map import svg as map_svg


def _num(value: Any) -> str:
    return "-" if value is None else str(value)


def _dead(a: dict[str, Any]) -> str:
    if a["dead_best"] is None:
        return "none reported"
    spread = (
        ""
        if a["dead_low"] == a["dead_high"]
        else f" (low {_num(a['dead_low'])}, high {_num(a['dead_high'])})"
    )
    return f"{a['dead_best']}{spread}, {a['dead_confirmed']} asserted by an independent source"


def _annex_row(r: dict[str, Any]) -> list[str]:
    count = f"{r['count']} {r['count_of']}" if r["count"] is not None else ""
    kind = f"{r['event']}{'/' + r['mode'] if r['mode'] else ''}"
    return [
        r["id"],
        r["date"] or "",
        r["area"],
        kind,
        count,
        _num(r["dead"]),
        r["factuality"],
        ", ".join(r["sources"]),
    ]


ANNEX = ["id", "date", "area", "type", "count", "dead", "factuality", "sources"]


def markdown(b: dict[str, Any]) -> str:
    """The bulletin as Markdown (the JSON's order, nothing added)."""
    lines = _text(b)
    lines += ["## Annex: the day's events", "", "| " + " | ".join(ANNEX) + " |", "|" + "---|" * len(ANNEX)]
    lines += ["| " + " | ".join(_annex_row(r)) + " |" for r in b["annex"]]
    return "\n".join(lines) + "\n"


def _text(b: dict[str, Any]) -> list[str]:
    lines = [
        f"# Daily bulletin, {b['date']}",
        "",
        f"Window: {b['window']['start']} to {b['window']['end']} (UTC). Compared with the day before:"
        " more or fewer when the change exceeds 20%, else similar.",
        "",
    ]
    if not b["areas"]:
        lines += ["No events recorded for this day.", ""]
    for a in b["areas"]:
        basis = "ceasefire violations" if a["ceasefire_violations"] is not None else "violent events"
        previous = next(iter(a["previous"].values()))
        lines += [f"## {a['name']}{' (' + a['country_code'] + ')' if a['country_code'] else ''}", ""]
        if a["ceasefire_violations"] is not None:
            boom = f", including {a['explosions']} explosions" if a["explosions"] is not None else ""
            lines.append(f"- Ceasefire violations: {a['ceasefire_violations']}{boom}.")
        share = a["heavy_weapons_share"]
        heavy = "" if share is None else f" ({share:.0%} with heavy weapons)"
        lines.append(f"- Violent events: {a['events']}{heavy}.")
        said = {
            "more": f"More {basis} than",
            "fewer": f"Fewer {basis} than",
            "similar": f"About as many {basis} as",
        }
        lines.append(f"- {said[a['change']]} the day before ({previous}).")
        lines.append(f"- Deaths: {_dead(a)}; injured: {a['injured']}.")
        lines.append("")
    if b["where_most"]:
        lines += [f"Most events were recorded in {b['where_most']}.", ""]
    for title, key in (
        ("Claims and counter-claims", "claims"),
        ("Restrictions and blockades", "restrictions"),
    ):
        if b[key]:
            lines += [f"## {title}", ""]
            for c in b[key]:
                who = "; ".join(
                    filter(
                        None,
                        [
                            f"claimed by {', '.join(c['claimed_by'])}" if c.get("claimed_by") else "",
                            f"denied by {', '.join(c['denied_by'])}" if c.get("denied_by") else "",
                            f"confirmed by {', '.join(c['confirmed_by'])}" if c.get("confirmed_by") else "",
                        ],
                    )
                )
                lines.append(
                    f"- {c['area']}: {c.get('text') or c['event_id']}{' (' + who + ')' if who else ''}"
                )
            lines.append("")
    if b["alerts"] or b["warned"]:
        lines += ["## Alerts and warnings", ""]
        lines += [f"- {a['level']} ({a['kind']}): {a['explanation']}" for a in b["alerts"]]
        for w in b["warned"]:
            done = w.get("fulfilled")
            state = f"; followed on {done['day']}, {done['lead_days']} days later" if done else "; still open"
            lines.append(f"- warning: {w['explanation']}{state}")
        lines.append("")
    return lines


def page(b: dict[str, Any]) -> str:
    """The bulletin as one self-contained HTML page (no scripts, no external files)."""
    body = []
    items: list[str] = []
    for line in _text(b):
        text = html.escape(line)
        if line.startswith("- "):
            items.append(f"<li>{text[2:]}</li>")
            continue
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.startswith("# "):
            body.append(f"<h1>{text[2:]}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{text[3:]}</h2>")
        elif line:
            body.append(f"<p>{text}</p>")
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    title = "Violent events and counted violations, the 30 days to " + b["date"]
    body.append("<h2>The last 30 days</h2>" + chart_svg(b["chart"], title))
    drawn = map_svg(b.get("map") or [], "The day's located events")
    if drawn is not None:
        body.append("<h2>Where</h2>" + drawn)
    head = "".join(f"<th>{h}</th>" for h in ANNEX)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _annex_row(r)) + "</tr>" for r in b["annex"]
    )
    body.append(f"<h2>Annex: the day's events</h2><table><tr>{head}</tr>{rows}</table>")
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
        "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}table{border-collapse:collapse}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Daily bulletin {b["date"]}'
        f"</title><style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
