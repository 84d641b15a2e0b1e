"""Verbs that tell whether the act their complement names was done: "failed to reach an
agreement" (not done), "thwarted an attack" (kept from happening), "demanded the arrest of" (asked
for, not done). Read by :mod:`tocsin.extract.attribution` as it walks up from a trigger."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.lexicon import lexicon


def negated(tok: Token) -> bool:
    """Whether a word has a negation of its own ("did not attack")."""
    return any(c.dep_ == "neg" for c in tok.children)


#: Verbs that tell their complement did not happen ("failed to capture the town", "failed to
#: reach an agreement").
_FAILING = frozenset({"fail"})

#: Verbs that do what their object names ("reach an agreement", "launch an offensive", "hold
#: talks"), unlike those that stop or tell of it ("prevent an attack", "condemn the attack").
_DOING = frozenset(
    {"reach", "conclude", "sign", "strike", "hold", "launch", "carry", "mount", "stage", "conduct",
     "make", "produce", "secure", "achieve", "deliver", "provide", "give"}
)  # fmt: skip


def failed(node: Token, child: Token, trigger: Token) -> bool:
    """Whether ``node`` says the act its complement ``child`` tells was not done: the trigger
    itself or the verb whose object the trigger is ("failed to reach agreement"); not a failure
    to stop an act ("failed to prevent the attack": the attack happened), not a failure denied."""
    if node.lemma_.lower() not in _FAILING or child.dep_ != "xcomp" or negated(node):
        return False
    done = trigger.head.i == child.i and trigger.dep_ in {"dobj", "obj"} and child.lemma_.lower() in _DOING
    return child.i == trigger.i or done


def requested(node: Token, child: Token, trigger: Token) -> bool:
    """Whether the trigger is what the verb ``node`` asks for (a verb of PLOVER's REQUEST in
    ``data/triggers.tsv``), ``child`` being the trigger or the preposition it hangs on: asked for,
    not done ("demanded the arrest of the officers", "called for the release of", "urged the
    government to release them"); not an act something asked for is about ("demanding an inquiry
    into the police firing")."""
    under = child.dep_ == "prep" and trigger.head.i == child.i  # "called for the release"
    if node.pos_ != "VERB" or not (child.i == trigger.i or under):
        return False
    for row in lexicon().get(node.lemma_.lower(), ()):
        if row.event != "REQUEST" or row.pos not in {"VERB", "ANY"}:
            continue
        preps = next((words for kind, words in row.conditions if kind == "prep"), None)
        if preps is not None:
            return child.dep_ == "prep" and child.lower_ in preps
        if {kind for kind, _ in row.conditions} - {"", "noobj"}:
            return False  # a row that needs a given object ("sought refuge"): not read here
        asked_for = child.dep_ == "prep" and child.lower_ == "for"
        return child.dep_ in {"dobj", "obj", "xcomp", "ccomp"} or asked_for
    return False


#: Verbs that tell their object was kept from happening ("foiled an attack", "an attack was
#: thwarted"); not those that stop an act under way ("dispersed the protest", "halted the assault").
PREVENTING = frozenset({"prevent", "thwart", "foil", "avert", "forestall", "preempt", "pre-empt"})

#: Verbs of trying, whose complement may not have come about ("tried to prevent the attack").
_TRYING = _FAILING | {"try", "attempt", "seek", "struggle", "fight"}


def prevented(node: Token, child: Token, trigger: Token) -> bool:
    """Whether ``node`` kept the act its object ``child``, the trigger itself, names from
    happening: "police thwarted an attack", "the attack was foiled"; not "did not prevent",
    "failed to prevent", "tried to prevent", nor "thwarted an attempt to kill" (the attempt)."""
    if node.lemma_.lower() not in PREVENTING or child.dep_ not in {"dobj", "obj", "nsubjpass"}:
        return False
    if child.i != trigger.i:
        return False
    tried = node.dep_ == "xcomp" and node.head.lemma_.lower() in _TRYING
    return not (negated(node) or tried)
