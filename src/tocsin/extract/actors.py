"""Normalising actor phrases through the versioned actor dictionary and the country list.

"Azerbaijani armed forces" → Military Forces of Azerbaijan (AZE, MIL); "Baku" → Government of
Azerbaijan (metonym); "Artsakh police officers" → Police Forces of Artsakh (AZE, entity Artsakh,
COP). Unknown actors keep their text and get a sector guess from their head noun.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tocsin.geo.gazetteer import countries, country_by_iso2, country_short_names, fold
from tocsin.models import Actor

_DETERMINERS = re.compile(r"^(the|a|an|some|several|its|their|his|her|our)\s+", re.IGNORECASE)
#: A count before the people counted: "about 20 civil servants", "hundreds of thousands of people".
_COUNT = re.compile(
    r"^((about|around|some|nearly|almost|over|more than|at least|up to|roughly|approximately)\s+)?"
    r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a dozen"
    r"|((tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands) of))\s+",
    re.IGNORECASE,
)
ACLED_NAMES = {
    "MIL": "Military Forces of {}",
    "COP": "Police Forces of {}",
    "GOV": "Government of {}",
    "CVL": "Civilians ({})",
    "PRO": "Protesters ({})",
    "REB": "Rebel Group ({})",
    "UAF": "Unidentified Armed Group ({})",
    "CRM": "Unidentified Armed Group ({})",
    "JUD": "Judiciary of {}",
    "LEG": "Legislature of {}",
    "LAB": "Labour Group ({})",
}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One entry of the actor dictionary (or a country derived from ``countries.tsv``)."""

    name: str
    country: str | None
    sector: str | None
    entity: str | None
    kind: str


def _load_json(name: str) -> dict[str, object]:
    text = resources.files("tocsin.data").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


#: Sectors of people who bear no arms as such: "armed" before them makes a militia.
_UNARMED = frozenset({None, "CVL", "PRO", "REF", "EDU", "BUS", "REL", "HLH"})
#: Sectors of people under arms: once off duty, retired or former, they are civilians.
_FORCES = frozenset({"MIL", "COP", "REB", "UAF", "CRM"})


class ActorDictionary:
    """Alias index over organisations, disputed entities, countries, demonyms and capitals."""

    def __init__(self) -> None:
        self._aliases: dict[str, ActorEntry] = {}
        self._demonyms: dict[str, ActorEntry] = {}
        self._capitals: dict[str, ActorEntry] = {}
        self._own_words: dict[str, set[str]] = {}
        #: ACLED's name of an organisation, by tocsin's ("JNIM" -> "JNIM: Group for Support of ...")
        self._acled: dict[str, str] = {}
        #: Codes that only count written in capitals ("AND" is Andorra, "and" is a word).
        self._codes: set[str] = set()
        short = country_short_names()
        # A demonym shared by several entities ("American", "Dominican") names the most populous.
        for c in sorted(countries(), key=lambda c: -c.population):
            entry = ActorEntry(c.name, c.iso3, None, None, "state")
            for alias in (c.name, *c.aliases, c.iso3, *short.get(c.iso2, ())):
                self._aliases.setdefault(fold(alias), entry)
            self._codes.add(fold(c.iso3))
            for demonym in c.demonyms:
                self._demonyms.setdefault(fold(demonym), entry)
                self._demonyms.setdefault(fold(demonym) + "s", entry)
            if c.capital:
                self._capitals.setdefault(fold(c.capital), ActorEntry(c.name, c.iso3, "GOV", None, "capital"))
        raw = _load_json("actors.json")["actors"]
        assert isinstance(raw, list)
        for item in raw:
            entry = ActorEntry(
                item["name"], item.get("country"), item.get("sector"), item.get("entity"), item["type"]
            )
            for alias in (item["name"], *item.get("aliases", [])):
                self._aliases[fold(alias)] = entry
            if item.get("acled"):
                self._acled[item["name"]] = item["acled"]
            #: the words of an organisation's own names ("state" in "Islamic State" says no sector)
            self._own_words[entry.name] = {w for alias in (item["name"], *item.get("aliases", []))
                                           for w in fold(re.sub(r"['’]s\b", "", alias)).split()}  # fmt: skip
        sectors = _load_json("sectors.json")["sectors"]
        assert isinstance(sectors, dict)
        self._sector_words: list[tuple[str, str]] = sorted(
            ((_spaced(word), code) for code, words in sectors.items() for word in words),
            key=lambda pair: -len(pair[0]),
        )
        self.max_alias_tokens = max(len(a.split()) for a in self._aliases)
        extra = _load_json("sectors.json")
        lists: list[list[str]] = []
        for key in ("off_duty", "collective", "armed", "unidentified"):
            words = extra[key]
            assert isinstance(words, list)
            lists.append([fold(str(w)) if key == "off_duty" else _spaced(str(w)) for w in words])
        self._off_duty, self._collective, self._armed, self._unidentified = (tuple(w) for w in lists)
        private = extra["private"]
        assert isinstance(private, list)
        self._private = frozenset(str(code) for code in private)

    def is_organisation(self, name: str) -> bool:
        """Whether ``name`` is a known non-state actor (so not a place, whatever a gazetteer says)."""
        entry = self._aliases.get(fold(_DETERMINERS.sub("", name)))
        return entry is not None and entry.kind not in {"state", "disputed"}

    def is_state(self, name: str) -> bool:
        """Whether ``name`` is the name of a state ("Russia", "Israel")."""
        entry = self._aliases.get(fold(_DETERMINERS.sub("", name)))
        return entry is not None and entry.kind == "state"

    def public(self, actor: Actor) -> bool:
        """Whether an actor acts in public life: a state, its organs, an armed, political or civic
        organisation (``private`` in ``data/sectors.json`` lists the sectors of private life:
        civilians, firms, media, schools, medics, refugees); a name of no sector is public only
        when the dictionary knows it as a state or an organisation ("Pakistan", "NATO"), not as a
        person named without a role ("Doudna", "Mr Fernandes")."""
        if actor.entity is not None or self.public_sector(actor.sector):
            return True
        if actor.sector is not None:
            # "doctors from two aid groups": people of private life acting for the public body
            # they are of ("office workers" are no office's)
            parts = re.split(r"\s+(?:of|from|with)\s+", f" {_spaced(actor.text)} ", maxsplit=1)
            words = f" {parts[1]} " if len(parts) == 2 else ""
            return any(
                code not in self._private and (f" {word} " in words or f" {word}s " in words)
                for word, code in self._sector_words
            )
        return actor.country is not None or self.is_organisation(actor.name)

    def public_sector(self, sector: str | None) -> bool:
        """Whether a sector is one of public life (``private`` in ``data/sectors.json``)."""
        return sector is not None and sector not in self._private

    def acled_name(self, name: str) -> str | None:
        """The name ACLED's actor list gives the organisation tocsin names ``name``, if it differs."""
        return self._acled.get(name)

    def is_capital(self, name: str) -> bool:
        """Whether ``name`` is a capital city (which, as a party, stands for its government)."""
        return fold(_DETERMINERS.sub("", name)) in self._capitals

    def sector_of(self, phrase: str, *, guess: bool = True) -> str | None:
        """The PLOVER sector that the phrase's words suggest: a keyword at its head ("government
        soldier" is MIL) before one elsewhere in it, longest keyword first; with ``guess`` false,
        only a keyword (no sector for "a group", "a crowd")."""
        words = f" {_spaced(phrase)} "
        head = words.split(" of ")[0].rstrip() + " "  # "members of the army": the head is "members"
        found = [
            (word, code) for word, code in self._sector_words if f" {word} " in words or f" {word}s " in words
        ]
        # the head's own word first, then one anywhere in the head before "of" ("family members of
        # police officers" are a family's), then one after it ("members of the army")
        code = next(
            (code for word, code in found if head.endswith(f" {word} ") or head.endswith(f" {word}s ")),
            next(
                (code for word, code in found if f" {word} " in head or f" {word}s " in head),
                found[0][1] if found else None,
            ),
        )
        if code in _UNARMED and any(f" {w} " in words for w in self._armed):
            return "UAF"  # "armed pastoralists", "armed youths": a militia, not a crowd
        if code in _FORCES and self.stood_down(re.split(r"\s+of\s+", phrase)[0]):
            return "CVL"  # "an off-duty police officer", "a former soldier": civilians, as ACLED codes them
        if not guess:
            return code
        collective = code is None and bool(head.split()) and head.split()[-1] in self._collective
        if collective and any(f" {w} " in words for w in self._unidentified):
            return "UAF"  # "an unidentified group": ACLED's unidentified armed group
        if collective:
            return "CVL"  # "a group", "a crowd": people, no kind of actor named
        return code

    def stood_down(self, phrase: str) -> bool:
        """Whether the phrase says its people are no longer, or not now, under arms ("former",
        "retired", "off-duty": ``off_duty`` in ``data/sectors.json``)."""
        # "ex-soldier" is a former soldier; "ex-Seleka" the name of a coalition still under arms
        words = f" {fold(re.sub(r'-(?=[a-z])', ' ', phrase))} "
        return any(f" {w.replace('-', ' ')} " in words for w in self._off_duty)

    def _find(self, tokens: list[str], written: list[str]) -> ActorEntry | None:
        """Longest alias, demonym or capital inside the token list, matched only where the text
        writes it as a name (``written``: the same tokens as written, see :func:`_name_like`)."""
        n = len(tokens)
        for size in range(min(n, self.max_alias_tokens), 0, -1):
            for start in range(0, n - size + 1):
                key = " ".join(tokens[start : start + size])
                if not _name_like(written[start : start + size], code=key in self._codes):
                    continue
                entry = self._aliases.get(key) or self._demonyms.get(key)
                if entry is not None and self._first_name(entry, key, tokens, written):
                    continue
                if entry is not None:
                    return entry
                if size == n and key in self._capitals:
                    return self._capitals[key]
        return None

    def _first_name(self, entry: ActorEntry, key: str, tokens: list[str], written: list[str]) -> bool:
        """ "Chad Hull", "Jordan Peterson": a state's name before or after one other word written
        as a name is (a capital, then small letters) that is no known name or sector word is a
        person's name, not the state ("NATO-member Norway" is the state)."""
        if entry.kind != "state" or key in self._demonyms or len(tokens) != 2 or key not in tokens:
            return False
        at = 1 - tokens.index(key)
        other, word = tokens[at], written[at]
        known = other in self._aliases or other in self._demonyms or self.sector_of(other) is not None
        given = word[:1].isupper() and word[1:].isalpha() and word[1:].islower()
        return not known and given and written[1 - at][:1].isupper()

    def normalise(self, text: str) -> Actor:
        """The actor a phrase names, with country, sector and (for disputed entities) entity."""
        phrase = _DETERMINERS.sub("", text.strip())
        # "Democratic People's Republic of Korea (DPRK)": the abbreviation after the name repeats it
        phrase = re.sub(r"(?<=\w)\s*\([^()]*\)$", "", phrase) or phrase
        phrase = _COUNT.sub("", phrase) or phrase
        key = fold(phrase)
        split = re.compile(r"[\s’']+")
        written = [t for t in split.split(re.sub(r"['’]s\b", "", phrase)) if t and t not in {"s", "S"}]
        tokens = [fold(t) for t in written]
        whole = self._aliases.get(key) or self._capitals.get(key)
        if whole is not None and not (len(tokens) > 1 or _name_like(written, code=key in self._codes)):
            whole = None
        if whole is not None and whole.kind not in {"state", "capital", "disputed"}:
            return Actor(text, whole.name, whole.country, whole.sector, whole.entity)
        entry = whole or (self._find(tokens, written) if len(tokens) == len(written) else None)
        sector = self.sector_of(phrase)
        if entry is None:
            return Actor(text, phrase, None, sector, None)
        if entry.kind not in {"state", "capital"}:
            # a known organisation's own sector, unless the phrase names one of its organs ("Hamas
            # police") in words that are not its name ("Islamic State extremist group" is REB)
            own = self._own_words.get(entry.name, set())
            rest = " ".join(w for w, t in zip(written, tokens, strict=True) if t not in own)
            sector = (self.sector_of(rest, guess=False) if rest else None) or entry.sector
            if sector in _FORCES and self.stood_down(rest):
                return Actor(text, phrase, entry.country, "CVL", None)  # "a former FARC member"
        if entry.kind == "capital":
            sector = sector or "GOV"
        label = entry.entity or entry.name
        if entry.kind in {"state", "capital", "disputed"} or (entry.entity and sector):
            template = ACLED_NAMES.get(sector or "")
            name = template.format(label) if template else label
        else:
            name = entry.name
        return Actor(text, name, entry.country, sector, entry.entity)

    def localise(self, actor: Actor, country_iso2: str | None, *, crowd: str | None = None) -> Actor:
        """A domestic actor named without a country takes the event's ("police" → Police Forces of X).

        ``crowd``: "Protesters" or "Rioters": civilians demonstrating, or turned violent, are named
        as ACLED names them.
        """
        country = actor.country
        label = actor.entity
        if country is None and country_iso2 and actor.sector in DOMESTIC_SECTORS:
            found = country_by_iso2().get(country_iso2)
            if found is None:
                return actor
            country, label = found.iso3, found.name
        elif label is None and country is not None:
            found = next((c for c in countries() if c.iso3 == country), None)
            label = found.name if found else None
        if label is None or actor.sector is None:
            return actor
        if crowd and actor.sector in {"PRO", "CVL"}:
            return Actor(actor.text, f"{crowd} ({label})", country, actor.sector, actor.entity)
        template = ACLED_NAMES.get(actor.sector)
        named = self._aliases.get(fold(actor.name))  # a known organisation keeps its name ("Hamas")
        own = named is not None and named.name == actor.name and named.kind not in _PLACE_KINDS
        if template is None or (actor.country is not None and (actor.name != actor.text or own) and not crowd
                                and not actor.name.startswith(("Civilians", "Protesters"))):  # fmt: skip
            return Actor(actor.text, actor.name, country, actor.sector, actor.entity)
        return Actor(actor.text, template.format(label), country, actor.sector, actor.entity)


#: Kinds of dictionary entries named after a place: a state's forces are named by their sector.
_PLACE_KINDS = frozenset({"state", "capital", "disputed"})

_CONNECTORS = frozenset({"of", "the", "and", "de", "du", "des", "la", "le", "al", "el", "for", "-"})


def _spaced(text: str) -> str:
    """Folded, with a hyphen between words read as a space: "Vice-President" holds "president",
    "self-defense group" is matched however it is written."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", fold(text))


def _name_like(written: list[str], *, code: bool = False) -> bool:
    """Whether words are written as a name: capitalised (connectors aside), and a country code
    ("AND", "CAN", "PER") in capitals. A dictionary name never matches a lower-case word ("and",
    "can", "male", "arm")."""
    if code:
        return len(written) == 1 and written[0].isupper()
    return any(_capitalised(w) for w in written) and all(
        _capitalised(w) or not w[:1].isalpha() or w.lower() in _CONNECTORS for w in written
    )


def _capitalised(word: str) -> bool:
    """Written as a name: a capital first, or after an article joined by a hyphen ("al-Qaeda")."""
    return word[:1].isupper() or bool(re.match(r"(al|el|ad|an|ar|as|ash|at|az|ul)-[A-Z]", word))


#: Sectors whose actors, named without a country, belong to the country where the event happens.
DOMESTIC_SECTORS = frozenset(
    {"MIL", "COP", "GOV", "CVL", "PRO", "UAF", "JUD", "LEG", "REB", "CRM", "MED", "HLH", "LAB"}
)


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The bundled actor dictionary, loaded once per process."""
    return ActorDictionary()
