"""Nouns that name acts: an act ("the incursion"), a number or a measure of acts ("a series of
attacks", "10 days of war games", "5.1 million dollars of aid"), a state of violence; and which
role fillers can be parties at all (not a date, a number or an act)."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.casualties import counted
from tocsin.extract.lexicon import lexicon

#: Entity types that name no party: dates, times, numbers, sums, amounts.
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


#: Nouns of a number of acts: "a series of coordinated attacks killed 130" is the attacks.
_SERIES = frozenset(
    {"series", "wave", "spate", "string", "spree", "rash", "succession", "chain", "barrage", "volley",
     "flurry"}
)  # fmt: skip


def is_event_noun(tok: Token) -> bool:
    """An act named by a noun ("the incursion"), or a number of them ("a series of attacks"), or a
    state of violence ("violence in Odessa killed three": no one did it by that name)."""
    if tok.lemma_.lower() in _STATES_OF_VIOLENCE and tok.pos_ in {"NOUN", "PROPN"}:
        return True
    if tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return tok.lemma_.lower() in lexicon()  # a gerund as a noun: "Fighting between them killed 12"
    if tok.pos_ != "NOUN":
        return False
    if tok.lemma_.lower() in lexicon():
        return True
    return tok.lemma_.lower() in _SERIES and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(is_event_noun(g) for g in c.children if g.dep_ == "pobj")
        for c in tok.children
    )


#: Entity types of a measure: a sum, an amount, a stretch of time ("5.1 million dollars of aid").
_MEASURES = frozenset({"MONEY", "QUANTITY", "CARDINAL"})

#: Nouns of a stretch of time, plural: "hours of negotiations", "days of fighting".
_DURATIONS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def stood_in_for(tok: Token) -> Token:
    """The noun an act's noun stands in for when it is what a measure or a series is of: the verb
    is done to the act ("gave 5.1 million dollars of aid", "launched 10 days of war games", "after
    hours of negotiations", "launched a series of attacks"); else the noun itself."""
    of = tok.head
    if tok.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ not in {"NOUN", "NUM"}:
        return tok
    measure = of.head
    counted_out = any(c.dep_ == "nummod" for c in measure.children) or measure.ent_type_ in _MEASURES
    duration = measure.lemma_.lower() in _DURATIONS and measure.tag_ == "NNS"
    return measure if counted_out or duration or measure.lemma_.lower() in _SERIES else tok


def can_fill_role(tok: Token) -> bool:
    """Dates, numbers and event nouns ("the incursion was repelled") are not parties; a count of
    people is ("dozens of students", a number to the model, are the students)."""
    return not is_event_noun(tok) and counted(tok).ent_type_ not in _NOT_ACTORS


#: Nouns of violence as a state of things, acts of no one in particular.
_STATES_OF_VIOLENCE = frozenset(
    {"violence", "unrest", "bloodshed", "hostility", "hostilities", "turmoil", "chaos"}
)

#: Nouns of an act done to someone: with no "of" after them, their possessive is who it was done
#: to ("his arrest", "her abduction", "their release"), not who did it ("the army's killing of").
PATIENT_NOUNS = frozenset(
    {"arrest", "detention", "abduction", "kidnapping", "killing", "murder", "assassination",
     "execution", "release", "capture", "deportation", "expulsion", "imprisonment", "torture",
     "beating", "rape", "lynching", "jailing", "eviction", "disappearance", "internment"}
)  # fmt: skip
