"""Whether a noun phrase can be a party to an event: people, a group of them, an organisation, a
state. "Teachers blocked the highway", "families blocked a lane", "protested to demand justice":
the highway, the lane and justice are what the act is done to or for, not a party to it.

A phrase the actor dictionary knows (a name, a state, a sector word: "police", "villagers"), a named
entity or a pronoun can be one; a common noun unless its first sense in WordNet is neither a person
nor a group of people (``data/thing_nouns.txt.gz``): "son", "merchant", "staff", "convoy", "crowd"
can; "road", "access", "justice", "house", "lack" cannot. A noun WordNet lacks ("bhakts") is not
judged; a two-word noun that is a person or a group can whatever its head ("its secret service",
``data/party_compounds.txt.gz``), and so can a settlement, which stands for its people ("shelled
the town").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from tocsin.extract.acled import TWO_SIDED
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.lexicon import word_list
from tocsin.extract.senses import senses
from tocsin.geo.mentions import SETTLEMENTS
from tocsin.models import Actor

#: Nouns that stand for the group or post they are "of": "members of", "a base of", "a unit of".
CONTAINER_NOUNS = frozenset(
    {"member", "base", "post", "unit", "group", "convoy", "station", "patrol", "position", "camp", "team",
     "squad", "faction", "wing", "band", "gang", "contingent", "battalion", "brigade", "element", "supporter",
     "leader", "commander", "head", "official", "officer", "spokesman", "spokesperson", "headquarters",
     "section", "crowd", "mob", "number"}
)  # fmt: skip


@lru_cache(maxsize=1)
def thing_nouns() -> frozenset[str]:
    """The bundled common nouns whose first sense is neither a person nor a group of people."""
    return word_list("thing_nouns.txt.gz")


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """The bundled common nouns whose first sense is a group of people ("village", "army")."""
    return word_list("group_nouns.txt.gz")


def one_person(tok: Token) -> bool:
    """Whether a singular common noun names one person: WordNet's first sense of it is neither a
    thing nor a group ("the coach", "the referee"; not "the village", "the army")."""
    word = tok.lemma_.lower()
    known = word in thing_nouns() or word in group_nouns() or word in SETTLEMENTS
    return tok.tag_ == "NN" and not known


@lru_cache(maxsize=1)
def party_compounds() -> frozenset[str]:
    """The bundled two-word nouns whose first sense is a person or a group ("secret service")."""
    return word_list("party_compounds.txt.gz")


#: Parts of speech that name nothing: a party is named by a noun, a name, a pronoun, a number or
#: an adjective of nationality ("the Ukrainians", "two", "Russian").
_NO_NAMES = frozenset({"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "PART", "PUNCT", "SYM", "INTJ"})
_NOUN_MODIFIERS = frozenset({"det", "poss", "compound", "amod", "nummod", "predet"})


def can_be_party(tok: Token, actor: Actor) -> bool:
    """Whether the phrase headed by ``tok``, normalised as ``actor``, can name a party."""
    known = bool(tok.ent_type_ or actor.sector or actor.country or actor.entity)
    if tok.pos_ in _NO_NAMES and not known and not any(c.dep_ in _NOUN_MODIFIERS for c in tok.children):
        # a verb or a particle the parser hung as an object ("fighting breaks out"); a noun it
        # tagged a verb keeps the marks of a noun ("hostage-takers demands", "the demands")
        return False
    if tok.pos_ != "NOUN" or known:
        return True  # a nation's thing stands for the nation, as PLOVER codes it: "Russian aircraft"
    word = tok.lemma_.lower()
    if word not in thing_nouns() or word in SETTLEMENTS or word in CONTAINER_NOUNS:
        return True  # "the militarist wing", "a unit of": a group by what it is part of
    if word in senses().organisations:
        return True  # "the alliance", "both sides": WordNet lists the group sense later
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        before is not None
        and before.dep_ in {"compound", "amod"}
        and before.head.i == tok.i
        and (f"{before.lemma_.lower()} {tok.lemma_.lower()}" in party_compounds())
    )


def hyphened_sides(tok: Token) -> tuple[Token, Token] | None:
    """The two sides a two-sided act's noun names as a hyphened pair before it ("police-VHP
    clash", "army-rebel clashes"): the first is the actor, the second the recipient."""
    doc = tok.doc
    if tok.lemma_.lower() not in TWO_SIDED or tok.i < 3 or doc[tok.i - 2].text not in {"-", "\u2013"}:
        return None
    first, second = doc[tok.i - 3], doc[tok.i - 1]
    modifiers = {"compound", "amod", "nmod"}
    if second.head.i != tok.i or second.dep_ not in modifiers or first.dep_ not in modifiers:
        return None
    if first.head.i not in {tok.i, second.i}:
        return None
    known = actor_dictionary()
    # each a party the dictionary knows ("anti-government clashes": "anti" is none)
    named = (known.normalise(t.text) for t in (first, second))
    if not all(n.sector or n.entity or n.country for n in named):
        return None
    return first, second
