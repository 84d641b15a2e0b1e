"""Acts spoken of in general, not one that happened: a rate or a habit ("two workers are killed a
week", "police routinely beat them"), what is done as a rule ("Australia detains refugees who
come"), a kind of act ("escape unharmed from violent attacks", "I don't go to marches"), acts a
rule forbids ("banned all demonstrations"). Each returns the reason, or ``None``; the precision
stage keeps such acts as background, and drops those forbidden."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.attribution import SPEECH_VERBS
from tocsin.extract.casualties import parse_number
from tocsin.extract.senses import Senses
from tocsin.extract.senses import lemma as _lemma
from tocsin.models import DateMethod, DatePrecision, DateSpan


def habitual(tok: Token, s: Senses) -> str | None:
    """A rate or a habit, not one event: "two workers are killed a week", "police routinely beat
    them", "daily attacks", "every year" (a frequency on the trigger or its verb)."""
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "of"} and _lemma(tok.head.head) in s.trends:
        return f"'{tok.head.head.text} {tok.head.text} {tok.text}': a trend, not one event"
    around = [tok, tok.head] if tok.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"} else [tok]
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "murder and rape were regular occurrences"
        around += [c for c in tok.head.children if c.dep_ == "attr"]
    for node in around:
        for c in node.children:
            often = [c, *c.conjuncts] if c.dep_ in {"advmod", "amod"} else []  # "nasty and regular"
            hit = next((o for o in often if o.pos_ in {"ADV", "ADJ"} and _lemma(o) in s.frequency), None)
            if hit is not None:
                return f"'{hit.text}': a habit or a rate, not one event"
            if c.dep_ != "npadvmod" or _lemma(c) not in s.frequency:
                continue
            dets = {g.lower_ for g in c.children if g.dep_ in {"det", "prep"}}
            others = [g for g in c.children if g.dep_ not in {"det", "amod", "nummod"}]
            if dets & {"a", "an", "every", "each", "per"} and not others:
                return f"'{' '.join(t.text for t in c.subtree)}': a rate, not one event"
    return None


def generic_present(tok: Token) -> str | None:
    """ "Australia detains refugees who come to seek asylum", "while they kill IS soldiers": a verb
    in the simple present with a bare plural object and no time in its sentence tells what is
    done as a rule, not one event. (A headline's present, "Rebels attack villages in Borno", is
    the caller's to leave out: it is the document's first sentence.)"""
    if tok.pos_ != "VERB" or tok.tag_ not in {"VBZ", "VBP"}:
        return None
    if any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return None  # "are attacking", "is attacked": not the simple present
    if any(t.ent_type_ in {"DATE", "TIME"} for t in tok.sent):
        return None
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or obj.tag_ not in {"NNS", "NNPS"}:
        return None
    if any(c.dep_ in {"det", "nummod", "poss", "quantmod"} for c in obj.children):
        return None  # "arrest 20 protesters", "attack the villages"
    return f"'{tok.text} {obj.text}': the simple present with a bare plural, what is done as a rule"


def generic_kind(tok: Token) -> str | None:
    """ "plan for their safety so as to escape unharmed from violent attacks": an act named by a
    bare plural noun (no article, number or possessive), in a sentence in the simple present that
    names no time and no place, is a kind of act spoken of in general, not one that happened."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return None
    if any(c.dep_ in {"det", "nummod", "poss", "quantmod", "predet"} for c in tok.children):
        return None
    # the clause it is in: the sentence's, or one quoted ("'I don't go to marches,' he said")
    root = tok.sent.root
    quoted = next((c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and tok in c.subtree), None)
    if quoted is not None and root.lemma_.lower() in SPEECH_VERBS and quoted.tag_ in {"VBZ", "VBP", "VB"}:
        root = quoted
    helped = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.lemma_ != "do"]  # "don't go"
    if root.tag_ not in {"VBZ", "VBP", "VB"} or helped:
        return None
    if root.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in {"do", "does"} for c in root.children):
        return None
    if any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"} for t in tok.sent):
        return None
    if any(t.ent_type_ in {"ORG", "NORP", "PERSON"} for t in root.subtree):
        return None  # "part of nationwide demonstrations carried out by CONAIE": someone's, these
    if any(t.tag_ in {"VBD", "VBN"} and t.dep_ not in {"amod", "acl"} for t in root.subtree):
        return None  # something in it is told as done ("attacks that killed ...", "were held")
    return f"'{tok.text}': a bare plural in the simple present with no time or place, acts in general"


#: Verbs and nouns of forbidding: what they forbid is a kind of act, not one that happened.
_FORBIDDING = frozenset({"ban", "prohibit", "outlaw", "forbid", "criminalise", "criminalize"})


def forbidden(tok: Token) -> str | None:
    """ "the government banned all demonstrations", "a law banning protests", "protests were
    prohibited", "a ban on rallies": acts a rule forbids, not one that took place."""
    head = tok.head
    if tok.dep_ in {"dobj", "obj", "nsubjpass"} and _lemma(head) in _FORBIDDING and head.pos_ == "VERB":
        return f"'{head.text} {tok.text}': acts forbidden, not one that happened"
    if tok.dep_ == "pobj" and head.lower_ == "on" and _lemma(head.head) in _FORBIDDING:
        return f"'{head.head.text} on {tok.text}': acts forbidden, not one that happened"
    return None


#: Words that only count what was done: a toll ("535 people were killed"), arrests made.
_COUNTING_LEMMAS = frozenset(
    {"kill", "die", "killing", "death", "arrest", "detain", "detention", "wound", "injure"}
)
#: How many victims or arrests over a month or a year make a tally rather than one act's toll.
_TALLY_FLOOR = 10


def tally(trigger: Token, lemma: str, when: DateSpan, count: int | None, has_actor: bool) -> str | None:
    """ "535 people were killed in July", "more than 800,000 arrests were made last year": a count of
    victims, or of acts ("800,000 arrests"), told for a whole month or year, by no one named and with
    no act named, tallies many acts; it is no one event (an attack in March that killed 40 names
    its act)."""
    if trigger.pos_ == "NOUN" and trigger.tag_ == "NNS":
        number = next((c for c in trigger.children if c.dep_ == "nummod"), None)
        acts = parse_number([number]) if number is not None else None
        count = max(count or 0, acts or 0) or None
    if lemma not in _COUNTING_LEMMAS or has_actor or count is None or count < _TALLY_FLOOR:
        return None
    stated = when.method in {DateMethod.EXPLICIT, DateMethod.PUBLICATION}  # "in July", "last year"
    if when.precision not in {DatePrecision.MONTH, DatePrecision.YEAR} or not stated:
        return None
    return f"{count} over a {when.precision.value}: a tally of many acts, not one event"
