"""What a clause says beyond its trigger: the words and tests the extractor shares.

Whether an event is mentioned in passing ("a man who was killed"), whether the side attacked fought
back, what a date expression modifies, whether "with" names an instrument or a side, and the word
classes that make a civilian act a demonstration.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from tocsin.extract.acled import weapon_words
from tocsin.extract.lexicon import lexicon
from tocsin.extract.screen import public_act
from tocsin.models import (
    Actor,
)

STATEMENT_EVENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})


#: Verbs of a purpose clause that make a civilian act a demonstration ("gathered to demand").
PURPOSE_LEMMAS = frozenset(
    {"demand", "protest", "denounce", "reject", "condemn", "oppose", "support", "express", "show", "call",
     "demonstrate", "decry", "repudiate", "claim", "request", "commemorate", "honour", "honor", "mourn",
     "complain", "criticise", "criticize", "urge", "press", "object", "voice", "advocate", "petition",
     "appeal", "lobby"}
)  # fmt: skip


#: Nouns that tell how a demonstration went, wherever they stand (tear gas, stones, burning tyres).
CONTEXT_NOUNS = frozenset(
    {"teargas", "tear", "cannon", "rubber", "stone", "rock", "molotov", "projectile", "tyre", "tire",
     "barricade", "hostage"}
)  # fmt: skip
#: Triggers that only report a toll ("were killed", "died"): folded into the attack told just before.
CASUALTY_LEMMAS = frozenset({"kill", "die", "wound", "injure", "killing", "shoot"})
#: Verbs that make what follows a commitment ("offered to send troops", "pledged aid").
PROMISE_VERBS = frozenset(
    {
        "promise",
        "pledge",
        "offer",
        "vow",
        "commit",
        "undertake",
        "agree",
        "willing",
        "ready",
        "prepared",
        "committed",
    }
)
COOPERATIVE_EVENTS = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE"})
FORCEFUL_EVENTS = frozenset({"SANCTION", "COERCE", "ASSAULT"})


#: Sectors of armed or state actors: they do not demonstrate, and their force is not a riot's.
ARMED_OR_STATE = frozenset({"MIL", "COP", "REB", "UAF", "GOV", "CRM"})


#: Sectors that do not demonstrate: armed and state actors, firms, media, courts, legislatures.
NOT_DEMONSTRATORS = ARMED_OR_STATE | frozenset({"BUS", "MED", "JUD", "LEG", "IGO", "UNO"})

#: ACLED types that one person acting alone cannot make: no battle, no mob, no political attack.
INDIVIDUAL_CRIME = frozenset({"Violence against civilians", "Battles", "Riots", "Strategic developments"})


#: Objects of "with" that are what was used, not a side: "attacked with rockets", "with knives".
INSTRUMENTS = frozenset(
    {"gun", "rifle", "knife", "machete", "weapon", "firearm", "stone", "rock", "stick", "club", "axe",
     "bullet", "ammunition", "gunfire", "fire", "explosive", "bomb", "grenade", "missile", "rocket",
     "shell", "mortar", "artillery", "drone", "airstrike", "gas", "teargas", "baton", "whip", "pistol"}
)  # fmt: skip


def instrument(prep: Token) -> bool:
    """Whether a "with" phrase names what was used ("with rockets") rather than the other side."""
    weapons = weapon_words()
    return any(g.lemma_.lower() in INSTRUMENTS | weapons for g in prep.children if g.dep_ == "pobj")


def coordinated_with_assembly(tok: Token) -> bool:
    """ "gathered outside the courthouse and demanded justice", "gathered to urge": a demand made by
    gathering in public, coordinated with it or its purpose (not "demonstrate the will", which shows)."""
    verbs = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ in {"conj", "xcomp", "advcl"}:
        verbs.append(tok.head)  # "gathered and demanded", "gathered at the lake to urge"
    return any(v.pos_ == "VERB" and public_act(v) and not _shows(v) for v in verbs)


def _shows(verb: Token) -> bool:
    """ "demonstrate the will", "as was demonstrated": showing, not demonstrating."""
    if verb.lemma_.lower() != "demonstrate":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass", "ccomp"} for c in verb.children)


def owned_act(trigger: Token) -> bool:
    """Whether an act is named only as what responsibility is claimed for ("claimed responsibility
    for the attack"): the act told before, not another."""
    head = trigger.head
    owned = head.head.lemma_.lower() in {"responsibility", "credit"}
    return trigger.dep_ == "pobj" and head.lower_ == "for" and owned


def own_doer(trigger: Token) -> bool:
    """Whether a verb hung on another act as an adverbial clause names a doer of its own ("after
    police fired live rounds"), not a pronoun that may stand for the same one."""
    if trigger.dep_ != "advcl" or trigger.pos_ != "VERB":
        return False
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ != "PRON"


def toll_of_place(verb: Token) -> bool:
    """A relative clause of casualties hung on a place name ("a bombing at a market in Kinshasa,
    which killed 17"): the parser took the nearest noun for what it tells of, but a place kills no
    one; the clause tells the toll of the act named before the place."""
    return (
        verb.dep_ == "relcl"
        and verb.lemma_.lower() in CASUALTY_LEMMAS
        and verb.head.ent_type_ in {"GPE", "LOC", "FAC"}
    )


def armed_or_state(actors: list[Actor]) -> bool:
    return any(a.sector in ARMED_OR_STATE for a in actors)


#: Verbs whose nominal object is what a statement or a demonstration is about, not what it reports.
#: Not "claim": an act claimed
#: ("the air force claimed an airstrike") is claimed done, as "claimed responsibility" says.
ABOUT_VERBS = (PURPOSE_LEMMAS - {"claim"}) | frozenset(
    {"commemorate", "remember", "investigate", "recall", "mark"}
)


#: Words by which a paragraph says the side attacked fought back ("police fired back", "repelled").
RESISTANCE_LEMMAS = frozenset(
    {"repel", "repulse", "retaliate", "counterattack", "firefight", "gunfight", "shootout", "shoot-out",
     "crossfire", "confrontation"}
)  # fmt: skip


def fought_back(tok: Token) -> bool:
    """Whether the token says that the side attacked fought back: "repelled the attack", "fired
    back", "returned fire", "exchanged fire", "responded with gunfire"."""
    lemma = tok.lemma_.lower()
    if lemma in RESISTANCE_LEMMAS:
        return True
    if lemma not in {"fire", "fight", "shoot", "strike", "hit", "return", "exchange", "respond"}:
        return False
    kids = {c.lemma_.lower() for c in tok.children}
    if lemma in {"return", "exchange"}:
        return "fire" in kids
    if lemma == "respond":
        grandkids = {g.lemma_.lower() for c in tok.children for g in c.children}
        return bool((kids | grandkids) & {"fire", "gunfire", "shot", "attack"})
    return "back" in kids


def set_on_fire(tok: Token) -> bool:
    """ "set tyres on fire", "set the market ablaze": burning, told with "set"."""
    if tok.lemma_.lower() != "set":
        return False
    return any(t.lower_ in {"fire", "ablaze", "alight", "afire"} for t in tok.subtree)


def _listed(verb: Token) -> bool:
    """A participle of a list the parser hung on the one before as an adverbial clause ("was
    beaten up, stabbed, and killed": "stabbed" under "beaten"), with no subject, auxiliary or
    marker of its own."""
    own = {"nsubj", "nsubjpass", "aux", "auxpass", "mark"}
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.head.tag_ == "VBN"
        and verb.i > verb.head.i
        and not any(c.dep_ in own for c in verb.children)
    )


def coordinated(tok: Token) -> list[Token]:
    """The verbs of the list ``tok`` is in, first to last ("beaten up, stabbed, and killed")."""
    first = tok
    while (first.dep_ == "conj" or _listed(first)) and first.head.i != first.i:
        first = first.head
    out, todo = [], [first]
    while todo:
        verb = todo.pop()
        out.append(verb)
        todo.extend(
            c for c in verb.children if (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}) or _listed(c)
        )
    return sorted(out, key=lambda t: t.i)


def misparsed_subject(verb: Token) -> Token | None:
    """The subject of a sentence the parser read as a noun phrase with a reduced relative: in "a
    mob tied up and assaulted a man" (no finite verb, "tied" hung on "mob") the noun is the one who
    acted, since the verbs take an object of their own, as in "hundreds of nurses protested" (no one
    is demonstrated). Not a headline's passive ("Man killed in attack": no object)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.sent.root.pos_ not in {"NOUN", "PROPN"}:
        return None
    if head.dep_ != "ROOT":
        # hung deeper, on a noun of the subject's own clauses ("family members of a driver who
        # was stabbed under unknown circumstances carried out a protest"): a past form with an
        # object and no agent after a verbless root is the sentence's verb
        agent = any(c.dep_ == "agent" for c in verb.children)
        if verb.tag_ not in {"VBD", "VBN"} or agent or verb.i < verb.sent.root.i:
            return None
        head = verb.sent.root
    if head.lemma_.lower() in lexicon() or any(t.text == ":" for t in head.doc[head.i : verb.i]):
        return None  # "Looting: members of a militia looted houses": a heading, not a subject
    acted = any(c.dep_ in {"dobj", "obj"} for v in coordinated(verb) for c in v.children)
    # "hundreds of nurses protested outside the hospital": no one is demonstrated, so a verb of
    # demonstrating with no agent is the crowd's own act
    crowd = verb.lemma_.lower() in _DEMONSTRATING and not any(c.dep_ == "agent" for c in verb.children)
    return head if acted or crowd else None


#: Verbs of demonstrating: done by a crowd, never to anyone (no passive but "protested by").
_DEMONSTRATING = frozenset({"protest", "demonstrate", "march", "rally", "riot", "picket"})


def _headline_predicate(verb: Token) -> bool:
    """A headline's passive without auxiliary, hung on its subject ("Nine Ukrainian soldiers killed
    in rebel attacks: ministry"): in a sentence whose root is a noun (no finite verb), the
    participle on that noun is what the headline reports, not a clause about the noun. Only in a
    line with no closing stop, as headlines are written: in prose such a root is the parser's
    misreading ("armed individuals suspected to be enforcing a sit-in attacked a bus")."""
    if verb.dep_ != "acl" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in {"NOUN", "PROPN", "NUM"}:
        return False
    return not verb.sent.text.rstrip().endswith((".", "!", "?"))  # prose ends with a stop


def in_passing(tok: Token) -> bool:
    """Whether an event trigger mentions an event in passing rather than reporting it.

    In a relative or participial clause ("the family of a man who was killed", "a man killed by
    police"), as a noun's complement ("justice for the killing of", "the victims of the massacre"),
    or as the nominal object of a demand or grievance ("gathered to repudiate the killing of").
    """
    return passing_kind(tok) is not None


#: What is turned on a matter to make it known: "shine a light on", "draw attention to".
_ATTENTION = frozenset({"spotlight", "light", "attention", "focus"})


def _drawn_to(verb: Token) -> bool:
    """Whether a verb turns attention on something ("train a spotlight on", "draw attention to")."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ATTENTION for c in verb.children
    )


#: A count of an act's dead: the act it is the toll of is what a sentence giving it reports.
_TOLLS = frozenset({"toll", "tally"})
#: Nouns whose "for" names the act itself: to claim or deny responsibility for an attack tells
#: the attack (who did it, and whether they say so), not a topic.
_ANSWERED_FOR = frozenset({"responsibility", "credit", "blame"})


def _gerund_compound(tok: Token) -> bool:
    """ "three others died in police firing": the parser hangs "firing" on "police" as a clause
    ("police who were firing"); a gerund right after the object of a preposition, with no object
    or subject of its own, names the act as a noun would ("police firing", "army shelling")."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.head.i == tok.i - 1
        and tok.head.dep_ == "pobj"
        and not any(c.dep_ in {"dobj", "obj", "nsubj", "ccomp", "xcomp"} for c in tok.children)
    )


def passing_kind(tok: Token) -> str | None:
    """How an event is mentioned in passing: ``clause`` (a relative or participial clause, which
    a misparse can make of a report's main verb) or ``topic`` (a noun's complement, or what a
    demand or grievance is about: surely not what the sentence reports); ``None``: reported."""
    node = tok
    while node.i != node.head.i:
        if _gerund_compound(node):
            node = node.head  # "died in police firing": the police's firing, told as a noun
            continue
        if node.dep_ in {"relcl", "acl"} and misparsed_subject(node) is not None:
            return None  # the sentence's own verb, misread as a clause on a noun
        if node.dep_ in {"relcl", "acl"} and not _headline_predicate(node):
            return "clause"
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"NOUN", "PROPN"}:
            if head.head.lemma_.lower() in _TOLLS and head.lower_ in {"from", "in", "of"}:
                node = head.head  # "the death toll from the attack rose to 12" tells the attack
                continue
            if head.head.lemma_.lower() in _ANSWERED_FOR and head.lower_ == "for":
                node = head.head  # "claimed responsibility for the attack"
                continue
            return "topic"
        if tok.pos_ == "NOUN" and node.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in ABOUT_VERBS:
            return "topic"
        if head.dep_ == "prep" and head.head.lemma_.lower() in ABOUT_VERBS and tok.pos_ == "NOUN":
            return "topic"
        if (
            node.dep_ == "pobj"
            and head.lower_ in {"on", "to"}
            and _drawn_to(head.head)
            and tok.pos_ == "NOUN"
        ):
            return "topic"  # "to train a spotlight on the killing of", "drew attention to the attacks"
        node = head
    return None


#: Place mentions that can say where an event happened (not "Baku said", not "Azerbaijani").
LOCATING_ROLES = frozenset({"location", "other"})
TEMPORAL_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "since",
        "during",
        "by",
        "until",
        "till",
        "at",
        "from",
        "before",
        "after",
        "between",
        "through",
        "throughout",
        "over",
        "around",
        "of",
    }
)


EVENT_SPAN_PREPOSITIONS = frozenset({"in", "during", "since", "after", "before", "until", "throughout"})


def temporal_governor(root: Token) -> Token | None:
    """The word a date expression modifies: "launched ... on Tuesday" → launched.

    Only temporal attachments count (a temporal preposition's object, a bare temporal noun
    phrase); a year inside a name ("the 2020 war") governs nothing.
    """
    tok = root
    for _ in range(4):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPOSITIONS:
            return tok.head.head
        if tok.dep_ in {"npadvmod", "tmod", "advmod", "obl"}:
            return tok.head
        if tok.dep_ in {"compound", "nummod", "appos"} and tok.head.ent_type_ == "DATE":
            tok = tok.head
            continue
        # "in the 2020 war": a year naming an event dates what happened during it.
        if (
            tok.dep_ in {"nummod", "compound", "amod"}
            and tok.head.dep_ == "pobj"
            and tok.head.head.lower_ in EVENT_SPAN_PREPOSITIONS
        ):
            return tok.head.head.head
        return None
    return None


#: "a day after", "two weeks before": a clause dated from another.
DAY_OFFSET = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\b",
    re.IGNORECASE,
)
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def unsaid(tok: Token) -> bool:
    """Whether a word is said not to have been: "without a fight", "no clashes", "clashes were not
    reported" (the territory was taken without fighting)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not"} for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "neg" for c in head.children)
