"""Who an act's noun and its agent name as its doer: its modifiers ("police firing", "the Azerbaijani
advance", "the Artsakh blockade"), the party a means belongs to ("killed by Israeli fire"), and
the party an act comes from ("fire from the rebels")."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.acled import weapon_words
from tocsin.extract.act_nouns import is_event_noun
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.clauses import INSTRUMENTS
from tocsin.extract.lexicon import lexicon
from tocsin.extract.senses import senses
from tocsin.extract.targets import child, is_pronoun, pobj
from tocsin.geo.mentions import modifier_locates

#: Events whose noun trigger takes its actor from a name compound ("the Hamas attack").
ACTOR_COMPOUND_EVENTS = frozenset({"ASSAULT", "MOBILIZE", "PROTEST", "THREATEN"})

#: Sectors whose plain nouns, as a modifier, name who used force: "police firing", "army shelling".
_FORCE_SECTORS = frozenset({"COP", "MIL", "REB", "UAF", "CRM", "PRO"})


def _force_noun(tok: Token) -> bool:
    """Whether a common noun names an armed, state or crowd actor ("police", "army", "militant")."""
    return actor_dictionary().sector_of(tok.lemma_) in _FORCE_SECTORS


def modifiers(tok: Token, event: str) -> tuple[Token | None, Token | None]:
    """The actor and the recipient that an act's noun modifiers name: "police firing", "army
    shelling", "militant attack", "the Azerbaijani advance" (actors); "the Artsakh blockade" (a
    name compound is the actor of an attack but the target of a blockade or siege)."""
    actor: Token | None = None
    recipient: Token | None = None
    for c in tok.lefts:
        if (
            c.dep_ in {"compound", "amod"}
            and (c.pos_ == "NOUN" or c.tag_ == "JJ")
            and event in ACTOR_COMPOUND_EVENTS
            and _force_noun(c)
        ):
            actor = actor or c  # "rebel attack" with the noun tagged as an adjective
            continue
        if c.pos_ not in {"PROPN", "ADJ"} or not c.text[:1].isupper():
            continue
        if c.pos_ == "ADJ" and c.i == c.sent.start and not c.ent_type_:
            continue  # "Widespread protests began": capitalised for its place, not a name
        if c.ent_type_ in {"GPE", "LOC", "FAC"} and modifier_locates(c, country=True):
            continue  # "Ukraine protests", "Kiev clashes": where, not who
        if _designation(c):
            continue  # "the MH17 attack": a flight's number, the target's name
        if c.dep_ == "amod" or (c.dep_ in {"compound", "nmod"} and event in ACTOR_COMPOUND_EVENTS):
            actor = actor or c
        elif c.dep_ in {"compound", "nmod"}:
            recipient = c
    return actor, recipient


def _designation(tok: Token) -> bool:
    """A code of letters and digits that names no known party: a flight, an aircraft or a weapon
    ("MH17", "Su-25", "AN-26"); a group so named is in the actor dictionary ("M23")."""
    if not any(ch.isdigit() for ch in tok.text):
        return False
    known = actor_dictionary().normalise(tok.text)
    return known.entity is None and known.sector is None and known.country is None


def wielder(means: Token, event: str) -> Token | None:
    """Who used the fire, the weapon or the act an agent phrase names ("killed by Israeli fire",
    "wounded by rebel fire", "killed by the army's shelling"): its possessor or its modifier. A
    means without one names no doer ("killed by a roadside bomb")."""
    owner = child(means, "poss")
    if owner is not None and not is_pronoun(owner):
        return owner
    return pobj(means, {"by", "from"}) or modifiers(means, event)[0]


def is_means(tok: Token) -> bool:
    """Whether a noun (or a gerund: "by the army's shelling") names a weapon, a fire or an act
    rather than a party."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "VBG":
        return lemma in lexicon()
    return tok.pos_ == "NOUN" and (lemma in INSTRUMENTS or lemma in weapon_words() or is_event_noun(tok))


def source_of(tok: Token) -> Token | None:
    """Who an act comes *from*, when that is a party and not a place or a time ("a bruising attack
    from backbenchers", "fire from the rebels", "attack from critics"; not "rockets from Gaza", "an
    attack from the air")."""
    origin = pobj(tok, {"from"})
    if origin is None:
        return None
    named = origin.ent_type_ in {"ORG", "NORP", "PERSON"} or origin.lemma_.lower() in senses().speakers
    return origin if named or actor_dictionary().sector_of(origin.lemma_) is not None else None
