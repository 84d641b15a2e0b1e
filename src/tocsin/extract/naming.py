"""What a role filler names, and whether that is a party or a thing (:mod:`tocsin.extract.parties`):
the phrase around it normalised by the actor dictionary, a count of people the people."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.actors import ActorDictionary
from tocsin.extract.casualties import counted
from tocsin.extract.parties import can_be_party
from tocsin.extract.roles import phrase_text
from tocsin.extract.targets import is_pronoun
from tocsin.models import Actor


def party_of(tok: Token, actors: ActorDictionary) -> tuple[Actor, bool]:
    """What a phrase names ("scores of children": the children), and whether that can be a party
    (a highway, justice cannot)."""
    tok = counted(tok)
    actor = actors.normalise(phrase_text(tok))
    return actor, can_be_party(tok, actor)


#: Pronouns that point at a fact or a thing said before, never at a party by themselves.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def thing(tok: Token, actors: ActorDictionary) -> bool:
    """Whether a role filler names a thing, no party ("seized a truck"); a name or a pronoun never
    does (checked first: normalising the phrase is the costly part)."""
    head = counted(tok)
    if tok.lower_ in _DEMONSTRATIVES and tok.dep_ in {"nsubj", "nsubjpass"} and not list(tok.children):
        return True  # "This allows a student to ...", "That supports ...": a fact or a thing, no party
    if is_pronoun(tok) or head.pos_ != "NOUN" or head.ent_type_:
        return False
    return not party_of(tok, actors)[1]


def all_things(toks: list[Token], actors: ActorDictionary) -> bool:
    """Whether role fillers are named and all name things ("the tape provides stability")."""
    return bool(toks) and all(thing(t, actors) for t in toks)
