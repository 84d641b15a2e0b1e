"""Importing places into the user's gazetteer: GeoNames dumps and a user's own CSV.

GeoNames dumps (``AM.txt``, ``cities1000.txt``, ``allCountries.zip``) are tab-separated with 19
columns: geonameid, name, asciiname, alternatenames (comma-separated), latitude, longitude,
feature class, feature code, country code, cc2, admin1 code, admin2, admin3, admin4, population,
elevation, dem, timezone, modification date. A user's CSV has a header row with at least ``name``,
``lat`` and ``lon``, and optionally ``alternate_names`` (``|``-separated), ``country`` (ISO
alpha-2), ``admin1`` and ``feature``. Imports are idempotent: a place already there (same GeoNames
id, or same name, point and country) is skipped.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tocsin.errors import InputError
from tocsin.geo.gazetteer import Gazetteer, GazetteerEntry, admin1_names

#: GeoNames feature classes worth resolving news places to (A: regions, P: populated places,
#: L: areas such as parks and reserves, T: mountains and passes, H: water, S: spots and buildings, R: roads).
GEONAMES_CLASSES = frozenset("APLTHSR")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did."""

    source: str
    read: int
    added: int
    skipped: int
    rejected: int


def _kind(feature_class: str, feature_code: str) -> str:
    if feature_code in {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"}:
        return "country"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code.startswith("ADM"):
        return "admin2"
    return "city" if feature_class == "P" else "place"


def _geonames_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [
                n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")
            ]
            if not members:
                raise InputError("malformed", f"{path}: no .txt member in the archive")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def import_geonames(gazetteer: Gazetteer, path: Path) -> ImportReport:
    """Add the places of a GeoNames dump (``.txt`` or ``.zip``) to the user's gazetteer."""
    names = admin1_names()
    read = added = skipped = rejected = 0
    for line in _geonames_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        read += 1
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            rejected += 1
            continue
        try:
            geonameid, lat, lon, population = int(cols[0]), float(cols[4]), float(cols[5]), int(cols[14] or 0)
        except ValueError:
            rejected += 1
            continue
        if cols[6] not in GEONAMES_CLASSES:
            skipped += 1
            continue
        cc = cols[8]
        entry = GazetteerEntry(geonameid, cols[1], lat, lon, cc, names.get((cc, cols[10])), population,
                               _kind(cols[6], cols[7]))  # fmt: skip
        alternates = [a for a in cols[3].split(",") if a]
        if gazetteer.add([cols[1], cols[2], *alternates], entry, source=path.name):
            added += 1
        else:
            skipped += 1
    gazetteer.commit()
    return ImportReport(str(path), read, added, skipped, rejected)


def import_csv(gazetteer: Gazetteer, path: Path) -> ImportReport:
    """Add a user's own place list (CSV with a header: name, lat, lon, ...) to the gazetteer."""
    read = added = skipped = rejected = 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"name", "lat", "lon"} - set(reader.fieldnames or [])
        if missing:
            raise InputError("malformed", f"{path}: the CSV needs the columns {', '.join(sorted(missing))}")
        for row in reader:
            read += 1
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                rejected += 1
                continue
            if not row["name"] or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                rejected += 1
                continue
            feature = (row.get("feature") or "").strip().lower()
            kind = {"admin1": "admin1", "region": "admin2", "country": "country"}.get(feature, "place")
            entry = GazetteerEntry(None, row["name"], lat, lon, (row.get("country") or "").upper(),
                                   row.get("admin1") or None, 0, kind)  # fmt: skip
            alternates = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
            if gazetteer.add([row["name"], *alternates], entry, source=path.name):
                added += 1
            else:
                skipped += 1
    gazetteer.commit()
    return ImportReport(str(path), read, added, skipped, rejected)


def import_file(gazetteer: Gazetteer, path: Path, *, fmt: str = "auto") -> ImportReport:
    """Import a GeoNames dump or a CSV place list; ``fmt``: auto (by name), geonames or csv."""
    if not path.is_file():
        raise InputError("missing", f"{path}: no such file")
    if fmt == "auto":
        fmt = "csv" if path.suffix.lower() == ".csv" else "geonames"
    if fmt == "csv":
        return import_csv(gazetteer, path)
    return import_geonames(gazetteer, path)
