"""Headline grammar: a passive written without its auxiliary, and the credit that names who says it.

Headlines drop the auxiliary of a passive ("23 servicemen killed in 24 hours", "16 slain in raid",
"Police officer killed"), and the parser then reads the victims as the verb's subject. A verb that
cannot be used without an object ("kill", "wound", "abduct": ``data/headlines.toml``,
``[passive]``), written with a subject, no object and no auxiliary, is such a passive: its subject
is who was harmed. Prose keeps the object ("gunmen killed three") or the auxiliary ("three were
killed"), so the rule does not touch it. A credit after the headline ("...: Kiev", set apart by
:mod:`tocsin.ingest.slugs`) is its claimant.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from tocsin.extract.draft import Draft, add_unique
from tocsin.extract.targets import child
from tocsin.models import Actor, Factuality

#: What a verb with an object, a clause for one or an auxiliary has: not a headline's passive.
_OBJECTS = frozenset({"dobj", "obj", "ccomp", "xcomp", "aux", "auxpass", "nsubjpass", "dative", "attr"})
#: A clause before the verb is no object of it ("Ukraine separatists down army helicopter, 14
#: killed": the parser hangs the first clause on the second).
_CLAUSES = frozenset({"ccomp", "xcomp"})


@lru_cache(maxsize=1)
def _passive() -> dict[str, frozenset[str]]:
    text = resources.files("tocsin.data").joinpath("headlines.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["passive"]
    return {key: frozenset(table[key]) for key in ("verbs", "resultative", "raising")}


def _harms(verb: Token) -> bool:
    """A verb that needs an object: "kill", or "shoot" with its result ("shot dead", "to death")."""
    lemma = verb.lemma_.lower()
    if lemma in _passive()["verbs"]:
        return True
    return lemma in _passive()["resultative"] and any(
        c.lower_ in {"dead", "down"} or (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        for c in verb.children
    )


def participle_modifier(verb: Token) -> bool:
    """A participle qualifying the noun it hangs on ("a man killed by police", "Six servicemen
    killed in clash"): an ``acl`` tagged VBN, or VBD, the same form of a regular verb that the
    tagger gives a headline's "killed" (an ``acl`` is never a finite verb). Not one with a direct
    object: a participle qualifying a noun is passive, and "a series of attacks ... killed at least
    130 people" is the parser's misreading of a finite verb, not a series killed."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBN", "VBD"}
        and not any(c.dep_ in {"dobj", "obj"} for c in verb.children)
    )


def reduced_passive_subject(verb: Token) -> Token | None:
    """The subject of a headline's passive without auxiliary (who was harmed), else None."""
    if verb.tag_ not in {"VBN", "VBD"} or not _harms(verb):
        return None
    if any(c.dep_ in _OBJECTS and (c.i > verb.i or c.dep_ not in _CLAUSES) for c in verb.children):
        return None
    if verb.dep_ == "conj" or any(c.dep_ == "conj" for c in verb.children):
        return None  # "residents captured and beat up a robber": coordinated verbs share the object
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return subjects[-1] if subjects else None


def complement_patient(verb: Token) -> Token | None:
    """Who a participle complement befell: "two soldiers were reported killed", "Italian journalist
    believed killed" (a headline's passive without auxiliary), "left two people wounded": the
    object of the verb it completes, else that verb's subject (``[passive] raising``)."""
    if verb.tag_ not in {"VBN", "VBD"} or verb.dep_ not in {"xcomp", "oprd"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"} for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() not in _passive()["raising"] or head.i > verb.i:
        return None
    if participle_modifier(head) and head.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return head.head  # "Two soldiers believed killed": the participle qualifies the noun
    return child(head, "dobj", "obj", "nsubjpass") or (
        child(head, "nsubj") if head.tag_ in {"VBN", "VBD"} else None
    )


def credit(drafts: list[Draft], speaker: Actor) -> None:
    """A headline's credit ("...: Kiev", "... - militia") is the claimant of what the headline
    tells, as "Kiev said" is in prose."""
    for d in drafts:
        add_unique(d.claimed_by, [speaker])
        if d.factuality is Factuality.ASSERTED:
            d.factuality = Factuality.CLAIMED
