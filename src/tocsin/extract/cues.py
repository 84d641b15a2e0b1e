"""What a whole document says about its demonstrations and attacks: the verbs and telling nouns
of its course ("clashed", "dispersed", "set ... on fire", tear gas) counted only when the
demonstrators themselves did them (ACLED: a demonstration is peaceful unless its participants
turn violent), and the paragraphs in which the side attacked fought back."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tocsin.extract.acled import GESTURES, INTERVENTION_CUES, LIVE_FIRE, VIOLENT_CUES
from tocsin.extract.actors import ActorDictionary
from tocsin.extract.clauses import ARMED_OR_STATE, CONTEXT_NOUNS, fought_back, in_passing, set_on_fire, unsaid
from tocsin.extract.crime import individual
from tocsin.extract.roles import phrase_text, roles
from tocsin.extract.screen import kind_of_thing
from tocsin.extract.targets import is_pronoun
from tocsin.models import Segment


@dataclass(frozen=True, slots=True)
class Cues:
    """What a document's verbs say happened, in the whole document and in each paragraph (by
    start), and the paragraphs that say the side attacked fought back."""

    document: frozenset[str]
    paragraphs: dict[int, frozenset[str]]
    resisted: set[int]

    def around(self, offset: int, *, own_paragraph: bool) -> frozenset[str]:
        """The cues an event in the paragraph at ``offset`` is typed with: the document's, or
        only its paragraph's when the document tells several demonstrations apart."""
        return self.paragraphs.get(offset, frozenset()) if own_paragraph else self.document


def document_cues(parsed: list[tuple[Segment, Doc]], actors: ActorDictionary) -> Cues:
    """What the document's verbs say happened ("clashed", "dispersed", "set ... on fire") and a
    few telling nouns, leaving out force by armed or state actors and violence told in passing;
    and the paragraphs (by start) that say the side attacked fought back. One pass over the text."""
    paragraphs: dict[int, set[str]] = {}
    resisted: set[int] = set()
    for seg, doc in parsed:
        context = paragraphs.setdefault(seg.start, set())
        for t in doc:
            lemma = t.lemma_.lower()
            if kind_of_thing(t) or unsaid(t):
                continue  # "riot police": a kind of police, not a riot; "no clashes were reported"
            if lemma in INTERVENTION_CUES and t.pos_ == "VERB" and _not_its_course(t):
                continue  # "demand the release of those who were arrested", "call on police to intervene"
            if (t.pos_ == "VERB" or lemma in CONTEXT_NOUNS) and not _force_or_grievance(t, actors):
                context.add(lemma)
            elif t.pos_ == "NOUN" and lemma in _DEMONSTRATION_NOUNS and not in_passing(t):
                # "attack a bank during a protest": a demonstration was held (a "rally" may be
                # a campaign's, where supporters' violence is mob violence)
                context.add(lemma)
            if set_on_fire(t):
                context.add("burn")
            if lemma in _LETHAL_ROUNDS and any(c.lower_ == "live" for c in t.children):
                context.add(LIVE_FIRE)  # "live ammunition", "live bullets": lethal force
            if fought_back(t):
                resisted.add(seg.start)
    whole = frozenset(w for words in paragraphs.values() for w in words)
    return Cues(whole, {k: frozenset(v) for k, v in paragraphs.items()}, resisted)


#: Nouns that name a demonstration, or those who hold one, and nothing else.
_DEMONSTRATION_NOUNS = frozenset({"protest", "demonstration", "sit-in", "protester", "demonstrator"})
#: What "live" makes lethal: the forces firing live ammunition at a crowd use ACLED's excessive force.
_LETHAL_ROUNDS = frozenset({"ammunition", "bullet", "round", "fire", "munition"})


def violent_protest(trigger: Token) -> bool:
    """ "violent protests", "the march turned violent", "protesters became violent": the
    demonstration itself called violent (ACLED: its participants engaged in violence); not
    "non-violent protests", not "was not violent". Read on a protest's own trigger: "violent
    demonstrations a few days earlier" say nothing of the day's."""
    said = [c for c in trigger.children if c.dep_ == "amod"]
    if trigger.dep_ in {"nsubj", "nsubjpass"}:
        said += [c for c in trigger.head.children if c.dep_ in {"acomp", "oprd"}]
    for word in said:
        if word.lower_ != "violent" or any(c.dep_ == "neg" for t in (word, word.head) for c in t.children):
            continue
        if word.i >= 2 and word.doc[word.i - 1].text == "-" and word.doc[word.i - 2].lower_ == "non":
            continue
        return True
    return False


#: Verbs by which an act is asked for, not done: "called on the authorities to intervene".
_ASKING = frozenset({"call", "demand", "ask", "urge", "request", "press", "want", "appeal", "petition"})


def _not_its_course(tok: Token) -> bool:
    """Whether an arrest, a detention or an intervention is no part of a demonstration's course: told
    in passing ("relatives of a man who was detained", "teachers arrested for their involvement in
    protests") or asked for ("called the authorities to intervene", "asked for those responsible to
    be arrested")."""
    if in_passing(tok):
        return True
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _ASKING:
            return True
    return False


def _force_or_grievance(tok: Token, actors: ActorDictionary) -> bool:
    """Whether a violent verb tells of anything but demonstrators' own violence: force by armed
    or state actors ("police beat up the demonstrators"), by someone unnamed ("they beat me up"),
    or violence mentioned in passing ("a man who was stabbed"). ACLED's rule: a demonstration is
    peaceful unless its participants engage in violence or destruction."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in VIOLENT_CUES:
        return False
    if tok.dep_ == "amod":
        # "blocked the road with burning debris": what the sentence's people burned; but "its
        # damaged facilities", a state after a determiner, is what they complain of (not "burnt
        # miners' machines", a verb the parser took for an adjective)
        determined = any(c.dep_ in {"det", "poss"} and c.i < tok.i for c in tok.head.children)
        return tok.tag_ == "VBN" and determined
    if in_passing(tok):
        return True
    if tok.lemma_.lower() == "burn" and any(
        o.lemma_.lower() in GESTURES for o in tok.children if o.dep_ in {"dobj", "obj", "nsubjpass"}
    ):
        return True  # a flag, an effigy or a passport burned is a protest's gesture (ACLED: peaceful)
    doers, victims = roles(tok, event="ASSAULT")  # subject, passive agent, or coordinated verb's
    named = [d for d in doers if not is_pronoun(d)]
    sectors = {actors.normalise(phrase_text(d)).sector for d in named}
    if named and all(d.ent_type_ == "PERSON" for d in named):
        return True  # a named person's act ("Schumer attacked the filibuster"): no crowd turned violent
    if named and not sectors & (ARMED_OR_STATE | {"LEG", "OPP", "JUD"}):
        return False  # "protesters attacked a bank", "seaweed collectors burned tyres"
    if not doers and victims and tok.tag_ == "VBN":
        # "shops were looted", "cars were torched": property destroyed, no one named; not people.
        hurt = {actors.normalise(phrase_text(v)).sector for v in victims}
        people = any(v.ent_type_ == "PERSON" or individual(v) for v in victims)
        return people or bool(hurt - {None, "BUS", "EDU", "REL", "HLH"})
    return True
