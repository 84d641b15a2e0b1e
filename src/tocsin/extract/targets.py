"""Whom a statement, a demand or an act of diplomacy is aimed at, and the parse helpers roles share.

A violent act's target is its object ("shelled the village"); a statement's or a gift's is often
not: the object is the thing given or asked for ("gave Tanzania a grant", "demanded the withdrawal
of Serbian forces"), the party stands behind it ("rejected a U.S. request"), or, when no party is
named, the act applies to a place ("lifted the curfew in Montenegro", "arrived in Amman"), which
PLOVER codes as the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.actors import actor_dictionary
from tocsin.extract.lexicon import lexicon
from tocsin.extract.parties import can_be_party

_PARTY_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "that", "this"})
#: Events done for or with someone, whose direct object is often the thing given ("gave Tanzania a
#: grant", "offered troops to Lebanon", "established ties with Iran"): the party is the recipient.
BENEFICIARY_EVENTS = frozenset(
    {"AGREE", "AID", "SUPPORT", "COOPERATE", "CONSULT", "REQUEST", "CONCEDE", "RETREAT", "YIELD"}
)
_BENEFICIARY_PREPS = frozenset({"to", "for", "with"})
#: Events whose object is often a thing that stands for a party: "rejected a U.S. request",
#: "threatened further action against Russia", "refused to meet Jordan's king".
PARTY_BEHIND_EVENTS = BENEFICIARY_EVENTS | frozenset({"REJECT", "THREATEN", "ACCUSE", "SANCTION"})
#: Nouns for what a party proposes or asks: its author is the party a rejection answers.
PROPOSAL_NOUNS = frozenset(
    {"request", "demand", "ultimatum", "call", "appeal", "offer", "invitation", "proposal", "plan",
     "bid", "initiative", "plea", "suggestion", "overture", "resolution", "warning", "accusation",
     "claim", "charge", "allegation"}
)  # fmt: skip


def child(tok: Token, *deps: str) -> Token | None:
    """The first child with one of these dependency labels."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def pobj(tok: Token, preps: frozenset[str] | set[str]) -> Token | None:
    """The object of the first child preposition (or passive agent) with one of these forms."""
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None:
                return obj
    return None


def named(tok: Token) -> bool:
    """Whether a role filler names a party (a country, organisation, people, person)."""
    return tok.ent_type_ in _PARTY_ENTITIES or tok.pos_ == "PROPN"


def party_like(tok: Token) -> bool:
    """Whether a role filler names a party or people of a named place or nation ("Moslem forces",
    "Serbian authorities", "the Montenegro Assembly")."""
    if named(tok):
        return True
    if tok.pos_ != "NOUN" or not can_be_party(tok, actor_dictionary().normalise(tok.text)):
        return False  # "the GOP nomination": a thing, whoever's (not "forces", "the wing")
    return any(named(c) for c in tok.children if c.dep_ in {"amod", "compound", "nmod"})


def beneficiary(tok: Token) -> Token | None:
    """The party something is given to, done for or with: an indirect object ("gave Tanzania a
    grant") or a named object of to/for/with ("aid for Romania", "ties with Iran"), on the trigger
    or on the verb it governs ("offered to hand over to Great Britain")."""
    for verb in [tok, *[c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}]]:
        dative = child(verb, "dative")
        if dative is not None and dative.pos_ in {"PROPN", "NOUN", "PRON"}:
            return dative
        for c in verb.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ in _BENEFICIARY_PREPS:
                obj = child(c, "pobj")
                if obj is not None and (named(obj) or _given_to_people(c, obj)):
                    return obj  # "aid for Romania", "asylum to 18 Rwandan rebels"
        # "aid for Romania", "ties with Iran": the preposition hangs from the object.
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
            for p in obj.children:
                if p.dep_ == "prep" and p.lower_ in _BENEFICIARY_PREPS:
                    target = child(p, "pobj")
                    if target is not None and (named(target) or _given_to_people(p, target)):
                        return target
    return None


def addressee(tok: Token) -> Token | None:
    """Who a demand is made of: the subject of the clause it governs ("demanded that the US
    cancel", "its demand that Israel ease"), the named object of "from", on the demand or on what
    is demanded ("support from the Assembly", "autonomy from Serbian authorities"), or who is to
    do what is demanded ("an admission by Moscow")."""
    for c in tok.children:
        if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"}:
            subj = child(c, "nsubj")
            if subj is not None and not is_pronoun(subj):
                return subj
    demanded = child(tok, "dobj", "obj")
    for found in (
        pobj(tok, {"from"}),
        None if demanded is None else pobj(demanded, {"from", "by"}),
    ):
        if found is not None and party_like(found):
            return found
    return None


def party_behind(obj: Token) -> Token | None:
    """The party an object stands for: the author of a proposal ("a U.S. request", "North
    Korea's demand", "calls by Kofi Annan", "an offer from Afghanistan") or the doer of an act
    ("opposed to French mediation", "condemned the Israeli strikes"), or the named party it is
    against, with or for ("further action against Russia")."""
    act = obj.pos_ == "NOUN" and obj.lemma_.lower() in lexicon()
    if obj.lemma_.lower() in PROPOSAL_NOUNS or act:
        for c in obj.children:
            if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}:
                return c
        author = pobj(obj, {"by", "from"})
        if author is not None:
            return author
        for c in obj.children:
            if c.dep_ in {"compound", "amod", "nmod"} and c.text[:1].isupper() and c.pos_ in {"PROPN", "ADJ"}:
                return c
    target = pobj(obj, {"against", "with", "to", "on", "for"})
    return target if target is not None and party_like(target) else None


def wrongdoer(act: Token) -> Token | None:
    """Who did a wrong an accusation or an inquiry is about: "crimes committed by Croat forces",
    "abuses by the police"."""
    done = next((c for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    found = pobj(act, {"by"}) or (pobj(done, {"by"}) if done is not None else None)
    return found if found is not None and party_like(found) else None


_COMPLEMENT_PREPS = frozenset({"in", "to", "with", "against"})


def named_object_of_complement(tok: Token) -> Token | None:
    """ "refused to meet Jordan's King Abdullah", "declined to deploy troops in Iraq", "threatened
    to break relations with Russia": the named object of the verb the trigger governs, or the named
    party its object is with, to or against."""
    for c in tok.children:
        if c.dep_ != "xcomp" or c.pos_ != "VERB":
            continue
        obj = child(c, "dobj", "obj")
        for found in (obj, pobj(c, _COMPLEMENT_PREPS), None if obj is None else pobj(obj, _COMPLEMENT_PREPS)):
            if found is not None and named(found):
                return found
    return None


def is_pronoun(tok: Token) -> bool:
    """Whether a role filler is a pronoun that needs its antecedent."""
    return tok.pos_ == "PRON" or tok.lower_ in _PRONOUNS


def _given_to_people(prep: Token, tok: Token) -> bool:
    """Whether something goes to or is done for people a common noun names: a word the actor
    dictionary gives a sector ("asylum to refugees", "aid for rebels"; not "barriers to exports").
    Done *with* people ("agreed with the police") names a side only by name."""
    return (
        prep.lower_ in {"to", "for"}
        and tok.pos_ == "NOUN"
        and actor_dictionary().sector_of(tok.lemma_) is not None
    )


#: Events whose target, when no party is named, is the place they apply to: troops deployed to
#: Bosnia, a curfew lifted in Montenegro or threatened in Algiers, a state of siege declared in
#: Haiti, forces withdrawn from Panama, a refusal to deploy peacekeepers in Iraq, a demonstration in
#: Serbia (PLOVER codes the place, a country or its capital, as the target).
PLACE_TARGET_EVENTS = BENEFICIARY_EVENTS | frozenset(
    {"MOBILIZE", "REJECT", "THREATEN", "COERCE", "SANCTION", "PROTEST"}
)
_PLACE_PREPS = frozenset({"in", "to", "into", "from"})


def place_applied(tok: Token, *, capital_is_government: bool = True) -> Token | None:
    """The named place an act applies to, on the trigger, on what it acts on ("lifted a curfew in
    Montenegro", "the withdrawal of forces from Panama", "refused to deploy peacekeepers in Iraq")
    or on the verb a noun trigger hangs from ("arrived in Amman on a visit"). A capital stands for
    its government only where ``capital_is_government``: a visit to Amman is one to Jordan's
    government, a curfew or a protest in Dakar is where it is, not whom it is aimed at."""
    nodes = [tok]
    if tok.dep_ == "pobj":
        nodes.append(tok.head.head)
    elif tok.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        nodes.append(tok.head)
    acted_on = [
        c for c in tok.children
        if c.dep_ in {"dobj", "obj", "xcomp", "nsubjpass"} or (c.dep_ == "prep" and c.lower_ == "of")
    ]  # fmt: skip
    nodes += acted_on + [g for c in acted_on for g in c.children if g.dep_ in {"dobj", "obj", "pobj"}]
    for node in nodes:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                obj = child(c, "pobj")
                if (
                    obj is not None
                    and obj.ent_type_ in {"GPE", "LOC"}
                    and (capital_is_government or not _capital(obj))
                ):
                    return obj
    return None


def _capital(place: Token) -> bool:
    """Whether a place is a capital city."""
    return actor_dictionary().is_capital(place.text)
