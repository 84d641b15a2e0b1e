"""Crime or political violence: whether an act of violence is in ACLED's scope.

ACLED records political violence: violence by organised armed groups, state forces or crowds, or
aimed at political targets. Violence between individuals ("a man stabbed his neighbour"), violence
in the course of a crime for gain ("shot dead during a robbery") and violence by no one named
against one person for a private motive ("shot outside a cafe by a man he had been arguing with")
are crime as far as their text says. The word classes are in
``data/senses.toml`` (``[individual]``, ``[crime]``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.tokens import Doc, Token

from tocsin.extract.senses import lemma as _lemma
from tocsin.extract.senses import senses


def individual(tok: Token) -> bool:
    """Whether a role filler is one person acting alone: "he", "a man", "the suspect", a person's
    name (see ``[individual]`` in senses.toml); not a name holding an acronym, which names an
    organisation the model took for a person ("Nyatura CMC clashed with ...")."""
    if tok.ent_type_ == "PERSON":
        return not any(t.is_upper and len(t.text) >= 2 for t in _entity(tok))
    if tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "one of the occupants hurled a bottle": one person, of several there
    if tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in tok.children):
        return False
    return _lemma(tok) in senses().individuals or tok.lower_ in senses().individuals


def _entity(tok: Token) -> list[Token]:
    """The tokens of the named entity ``tok`` is in."""
    return next((list(ent) for ent in tok.doc.ents if ent.start <= tok.i < ent.end), [tok])


def public_figure(tok: Token) -> bool:
    """Whether a victim is hurt for who they are: an official, a politician, a journalist, a
    police officer ("a councillor", "an aid worker", "Mchunu, an ANC activist")."""
    roles = senses().public_roles
    words = [tok, *(c for c in tok.children if c.dep_ in {"compound", "amod", "appos"})]
    words += [g for c in tok.children if c.dep_ == "appos" for g in c.children if g.dep_ == "compound"]
    return any(_lemma(w) in roles or w.lower_ in roles for w in words)


def lone_victim(victims: Iterable[Token]) -> bool:
    """Whether an act's victims are one private person ("a 19-year-old man", "she", "Refilwe
    Mokau"): no group, no count of people, no public figure."""
    victims = list(victims)
    return bool(victims) and all(individual(v) and not public_figure(v) for v in victims)


def for_gain(tok: Token) -> bool:
    """Whether a violent act is told as happening in the course of a crime for gain: "shot dead
    during a robbery", "wounded in a hijacking". Not violence *against* robbers ("a mob beat a man
    they caught robbing": mob violence), nor the robbery itself (looting, when armed men do it)."""
    crimes = senses().crime_gain
    verb = tok.head if tok.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"} else tok
    if _during(verb, crimes):
        return True
    # "hijacked and killed", "robbed and stabbed": one act of the crime.
    return any(_lemma(c) in crimes for c in (*verb.conjuncts, verb) if c.pos_ == "VERB")


def in_quarrel(tok: Token) -> bool:
    """Whether a violent act is told as happening in a personal quarrel ("stabbed him during the
    ensuing argument", "shot in an altercation"): violence between people over a private matter,
    which ACLED leaves out. Not a land or communal dispute, which it codes."""
    verb = tok.head if tok.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"} else tok
    return _during(verb, senses().quarrels)


def _during(verb: Token, words: frozenset[str]) -> bool:
    """ "during a failed robbery", "in an argument" wherever the parser hangs it in the act's
    clause ("shot dead in his home in Westdene during a failed robbery")."""
    for c in verb.subtree:
        during = c.dep_ == "prep" and c.lower_ in {"during", "in", "amid"}
        if during and any(_lemma(g) in words for g in c.children if g.dep_ == "pobj"):
            return True
    return False


def private_motive(docs: Iterable[Doc]) -> bool:
    """Whether a document tells of violence with a private motive and of no armed or political
    actor: it speaks of a quarrel, jealousy, an intruder or a ransom ("two young men with whom he
    had been arguing fled the scene"), and of no militants, soldiers, war, election or protest.
    Violence by no one named against one person in it is crime; with no motive given, it stays
    political violence by an unidentified armed group, as ACLED codes it."""
    s = senses()
    words: set[str] = set()
    for doc in docs:  # the distinct lemmas and lower-case forms, read as arrays (no Token objects)
        strings = doc.vocab.strings
        words.update(strings[int(h)].lower() for h in np.unique(doc.to_array(["LEMMA", "LOWER"])))
    return bool(words & s.personal) and not words & s.armed
