"""Acts among or by sides that bear no arms: a fight or an attack among sides that dispute
without arms is words or a quarrel, a clash between two people with no harm told a row, an attack
by hackers is on computers, and a deployment of rescuers or doctors mobilises no force
(``[dispute]`` in ``data/senses.toml``)."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.acled import ARMED_SECTORS
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.crime import individual
from tocsin.extract.parties import one_person
from tocsin.extract.senses import lemma, mentions, name_heads, senses
from tocsin.extract.verdicts import Screened
from tocsin.models import Actor


def dispute(tok: Token, actors: list[Actor], recipients: list[Actor]) -> Screened | None:
    """ "Local contractors fight over it", "the two firms battled for the contract", "the party
    attacked the minister": a fight, a battle or an attack among sides that dispute without arms
    (``[dispute]`` in ``data/senses.toml``), with no weapon and no harm told in its sentence, is a
    dispute, not violence. With no side named, or a state, an armed group, civilians or
    protesters among them, the violent sense stands."""
    s = senses()
    sides = [*actors, *recipients]
    # an adjective on the act tells how hard it was, no one's harm ("a bruising attack")
    told = [t for t in tok.sent if not (t.dep_ == "amod" and t.head.i == tok.i)]
    harm = mentions(told, s.harm | s.military)
    if _came_under_fire(tok) and not harm and not any(a.sector in ARMED_SECTORS for a in sides):
        # "the minister came under fire for his remarks": fire comes on soldiers, police, a
        # convoy or a patrol, or with harm told; on anyone else it is criticism
        return Screened("drop", f"'came under {tok.text}' with no armed side and no harm: criticism")
    bodily = mentions(told, (s.harm - s.care) | s.military)  # a hospital is what hackers hit
    if not actors and lemma(tok) in s.verbal and not bodily and mentions(tok.sent, s.hackers):
        # "the attack, blamed on a ransomware group": no doer named but a computer's attackers
        return Screened("drop", f"'{tok.text}' told with hackers and no harm: an attack on computers")
    if not harm and _between_people(tok):
        return Screened("drop", f"'{tok.text}' between people who bear no arms, no harm told: a row")
    if not actors:
        return None
    if lemma(tok) in s.verbal:
        # who attacks decides ("the party attacked the minister"); an attacker of unknown kind
        # ("the men attacked") may be armed
        if all(name_heads(a.text) & s.hackers for a in actors):
            return Screened("drop", f"'{tok.text}' by {actors[0].text}: an attack on computers")
        armed = any(a.sector not in s.disputants and not name_heads(a.text) & s.speakers for a in actors)
    else:
        armed = lemma(tok) not in s.dispute or any(
            a.sector not in s.disputants and (a.sector or a.country or a.entity) for a in sides
        )
    if armed or harm:
        return None
    names = ", ".join(a.text for a in sides)
    why = f"'{tok.text}' among {names}: no weapon, no harm and no armed side told (a dispute)"
    return Screened("drop", why)


#: Words of a clash, a fight or a row: between two people, words, unless harm is told.
_CLASHES = frozenset({"clash", "fight", "feud", "spar", "tussle", "row", "quarrel", "wrangle"})


def _between_people(tok: Token) -> bool:
    """ "The minister clashed with the opposition leader", "his clash with Mrs Thatcher", "Trump
    clashed with reporters": every side of a clash one person (a name, "the coach") or of a kind
    that disputes without arms; not "police clashed with protesters" nor "a man clashed with
    soldiers"."""
    if lemma(tok) not in _CLASHES:
        return False
    sides = [c for c in tok.children if c.dep_ in {"nsubj", "poss"}]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "against", "between"}):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            sides += [obj, *obj.conjuncts]
    return len(sides) >= 2 and all(_unarmed_side(t) for t in sides)


def _unarmed_side(tok: Token) -> bool:
    """One person ("he", "his", a name, "the coach": a singular noun of no sector whose first sense
    is a person) or a side of a kind that disputes without arms ("reporters", "the party")."""
    if individual(tok) or tok.lower_ in {"his", "her"}:
        return True
    sector = actor_dictionary().normalise(tok.text).sector
    return sector in senses().disputants or (sector is None and one_person(tok))


def _came_under_fire(tok: Token) -> bool:
    return lemma(tok) == "fire" and tok.dep_ == "pobj" and tok.head.lower_ == "under"


#: Sectors that carry no arms and keep no order: a deployment of theirs (rescue teams, aid
#: workers, doctors) is no mobilisation of force.
_UNARMED = frozenset({"CVL", "HLH", "NGO", "MED", "REL", "EDU", "REF"})


def unarmed_deployment(tok: Token, actors: list[Actor], recipients: list[Actor]) -> Screened | None:
    """ "Rescue teams were deployed", "the charity sent doctors": PLOVER's MOBILIZE is forces
    moved or readied; when every side named is one that bears no arms, nothing is mobilised."""
    sides = [*actors, *recipients]
    if sides and all(a.sector in _UNARMED for a in sides):
        names = ", ".join(a.text for a in sides)
        return Screened("drop", f"'{tok.text}' of {names}: no armed force or police moved")
    return None
