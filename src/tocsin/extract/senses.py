"""The precision stage's word classes (``data/senses.toml``): what a word can mean, read once."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Senses:
    """The word classes of ``data/senses.toml``."""

    min_cues: int
    ratio: float
    domains: dict[str, frozenset[str]]
    #: Cues that count as verbs too (a recipe's "whisk", "simmer"); the others only as nouns.
    domain_verbs: frozenset[str]
    conflict: frozenset[str]
    figurative: frozenset[str]
    figurative_modifiers: frozenset[str]
    abstract: frozenset[str]
    #: abstract objects that are also places ("market"): not abstract where a place is named
    places: frozenset[str]
    #: abstract objects that arms strike ("target"): not abstract where a munition is named
    struck: frozenset[str]
    blockable: frozenset[str]
    #: Verbs whose object is a meaning ("Talib means mines and explosions"), not an act.
    meaning: frozenset[str]
    medical_modifiers: frozenset[str]
    causes: frozenset[str]
    accident_agents: frozenset[str]
    accident_events: frozenset[str]
    accident_explosives: frozenset[str]
    hostile_fire: frozenset[str]
    #: What strikes by nature ("a lightning strike": ``[accident] natural_strikes``).
    natural_strikes: frozenset[str]
    nonhuman: frozenset[str]
    legal: frozenset[str]
    #: Who tries a case, and where: what they are told or tell is the case (``[legal] courtroom``).
    courtroom: frozenset[str]
    individuals: frozenset[str]
    #: Nouns news uses for a party in a sense WordNet lists after another ("the alliance", "both
    #: sides"): parties whatever the noun lists say (``[individual] organisations``).
    organisations: frozenset[str]
    political: frozenset[str]
    assembly: frozenset[str]
    assembly_phrasal: frozenset[str]
    blockade: frozenset[str]
    not_protest: frozenset[str]
    #: Words of a stoppage of work: "the strike" with one of them is workers'.
    labour: frozenset[str]
    #: Where a shot fired at no one goes ("into the air", "into the sea").
    aimless: frozenset[str]
    military: frozenset[str]
    #: Weapon words by ACLED class (aerial, heavy-weapons, explosives, grenade, suicide, chemical).
    weapons: dict[str, frozenset[str]]
    #: What makes a munition one of crowd control ("tear gas shells": ``[riot_control]``).
    riot_control: frozenset[str]
    #: Who shoots pictures, not guns (``[photography]``).
    photographers: frozenset[str]
    #: Crime for gain (robbery, hijacking): violence in it is crime.
    crime_gain: frozenset[str]
    #: Victims whose harm is political by who they are (a councillor, a journalist, a soldier).
    public_roles: frozenset[str]
    #: Words of a document that say armed or political actors are about (militants, a war).
    armed: frozenset[str]
    #: Words of a private motive (a quarrel, jealousy, a burglary): violence for it is crime.
    personal: frozenset[str]
    #: Quarrels: violence in one is between people over a private matter.
    quarrels: frozenset[str]
    #: Words of frequency ("a week", "every year", "usually"): a rate, not one event.
    frequency: frozenset[str]
    #: Measures of a trend ("an increase in protests"): what they measure is no one event.
    trends: frozenset[str]
    #: Nouns that a trigger noun may modify and still be an event ("strike action").
    act_heads: frozenset[str]
    #: Media words are carried on ("by telephone", "on Twitter") and texts they are put in ("in a
    #: statement"): an attack through them is verbal.
    platforms: frozenset[str]
    texts: frozenset[str]
    #: "fight", "battle": a dispute unless armed sides, weapons or harm are told (``[dispute]``).
    dispute: frozenset[str]
    disputants: frozenset[str]
    speakers: frozenset[str]
    hackers: frozenset[str]
    verbal: frozenset[str]
    harm: frozenset[str]
    care: frozenset[str]
    #: Fiction: works, verbs of playing a part, parts that are real, modifiers of the unreal, and
    #: verbs of what a work tells.
    works: frozenset[str]
    plays: frozenset[str]
    real_parts: frozenset[str]
    unreal: frozenset[str]
    tells: frozenset[str]


@lru_cache(maxsize=1)
def senses() -> Senses:
    """The bundled word classes, loaded once."""
    raw = resources.files("tocsin.data").joinpath("senses.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    subject = data["subject"]

    def words(items: Iterable[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in items)

    return Senses(
        min_cues=int(subject["min_cues"]),
        ratio=float(subject["ratio"]),
        domains={k: words(v) for k, v in subject["domains"].items()},
        domain_verbs=words(subject["verbs"]),
        conflict=words(data["conflict"]["words"]),
        figurative=words(data["figurative"]["lemmas"]),
        figurative_modifiers=words(data["figurative"]["modifiers"]),
        abstract=words(data["objects"]["abstract"]),
        places=words(data["objects"]["places"]),
        struck=words(data["objects"]["struck"]),
        blockable=words(data["objects"]["blockable"]),
        meaning=words(data["objects"]["meaning"]),
        medical_modifiers=words(data["medical"]["modifiers"]),
        causes=words(data["medical"]["causes"]),
        accident_agents=words(data["accident"]["agents"]),
        accident_events=words(data["accident"]["events"]),
        accident_explosives=words(data["accident"]["explosives"]),
        hostile_fire=words(data["accident"]["hostile_fire"]),
        natural_strikes=words(data["accident"]["natural_strikes"]),
        nonhuman=words(data["nonhuman"]["victims"]),
        legal=words(data["legal"]["heads"]),
        courtroom=words(data["legal"]["courtroom"]),
        individuals=words(data["individual"]["persons"]),
        organisations=words(data["individual"]["organisations"]),
        political=words(data["arrest"]["political"]),
        assembly=words(data["protest"]["assembly"]),
        assembly_phrasal=words(data["protest"]["assembly_phrasal"]),
        blockade=words(data["protest"]["blockade"]),
        not_protest=words(data["protest"]["not_protest"]),
        labour=words(data["protest"]["labour"]),
        aimless=words(data["protest"]["aimless"]),
        military=words([*data["weapons"]["aerial"], *data["weapons"]["heavy-weapons"], "bomb", "sortie"]),
        weapons={k: words(v) for k, v in data["weapons"].items()},
        riot_control=words(data["riot_control"]["modifiers"]),
        photographers=words(data["photography"]["doers"]),
        crime_gain=words(data["crime"]["gain"]),
        public_roles=words(data["individual"]["public_roles"]),
        armed=words(data["crime"]["armed"]),
        personal=words(data["crime"]["personal"]),
        quarrels=words(data["crime"]["quarrels"]),
        frequency=words(data["habitual"]["words"]),
        trends=words(data["habitual"]["trends"]),
        act_heads=words(data["modifier"]["act_heads"]),
        platforms=words(data["modifier"]["platforms"]),
        texts=words(data["modifier"]["texts"]),
        dispute=words(data["dispute"]["lemmas"]),
        disputants=frozenset(data["dispute"]["disputants"]),
        speakers=words(data["dispute"]["speakers"]),
        hackers=words(data["dispute"]["hackers"]),
        verbal=words(data["dispute"]["verbal"]),
        harm=words(data["dispute"]["harm"]),
        care=words(data["dispute"]["care"]),
        works=words(data["fiction"]["works"]),
        plays=words(data["fiction"]["roles"]),
        real_parts=words(data["fiction"]["real_parts"]),
        unreal=words(data["fiction"]["modifiers"]),
        tells=words(data["fiction"]["tells"]),
    )


def lemma(tok: Token) -> str:
    """A word's lemma, lower case: how the word classes are matched."""
    return tok.lemma_.lower()


def mentions(tokens: Iterable[Token], words: frozenset[str]) -> bool:
    """Whether any of the tokens is one of the words, by lemma or as written."""
    return any(lemma(t) in words or t.lower_ in words for t in tokens)


def name_heads(name: str) -> frozenset[str]:
    """What a party's name says it is: its last word, as written and without a plural "s"
    ("critics": "critics", "critic")."""
    words = name.lower().split()
    return frozenset({words[-1], words[-1].removesuffix("s")}) if words else frozenset()
