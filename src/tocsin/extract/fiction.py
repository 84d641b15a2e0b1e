"""Fiction: what a film, a novel or a game tells, or a part an actor plays, did not happen
(``[fiction]`` in ``data/senses.toml``)."""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.extract.senses import Senses
from tocsin.extract.senses import lemma as _lemma

#: How many heads up from the trigger a work or a part played may stand ("the movie, in which the
#: hero battles an army invading the city": the invading is two clauses below the movie).
_REACH = 4


def _unreal(tok: Token, s: Senses) -> Token | None:
    """A modifier of the unreal on the trigger, its objects or the nouns of its prepositions:
    "fighting rebels in a fictional war"."""
    nouns = [tok, *(c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"})]
    nouns += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return next((m for n in nouns for m in n.children if m.dep_ == "amod" and _lemma(m) in s.unreal), None)


def fiction(tok: Token, s: Senses) -> str | None:
    """Why the act of ``tok`` is fiction, or ``None``: it is told in a relative clause on a work
    ("the movie, in which the hero battles an alien army") or by a verb of telling the work is the
    subject of ("the film opens with a bomb exploding"), it is what a part played does ("plays
    a soldier fighting rebels", "stars as a general who invades"), a modifier of the unreal says
    so ("a fictional war"), or what is shot is a work or part of one ("the film's finale was
    shot")."""
    if _lemma(tok) == "shoot":
        shot = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        named = [w for p in shot for w in (p, *p.children) if w is p or w.dep_ == "poss"]  # not "a film crew"
        work = next((w for w in named if _lemma(w) in s.works), None)
        if work is not None:
            return f"'{tok.text}' of the {work.text}: filmed"  # "the film's finale was shot in Morocco"
    unreal = _unreal(tok, s)
    if unreal is not None:
        return f"'{unreal.text}': {tok.text} in fiction"
    node = tok
    for _ in range(_REACH):
        head = node.head
        if head is node:
            break
        if node.dep_ == "relcl" and _lemma(head) in s.works:
            return f"what the {head.text} tells: fiction"
        teller = next((c for c in head.children if c.dep_ == "nsubj" and _lemma(c) in s.works), None)
        if teller is not None and _lemma(head) in s.tells:
            return f"what the {teller.text} tells: fiction"  # "the film opens with a bomb exploding"
        played = node.dep_ in {"dobj", "attr"} and _lemma(head) in s.plays
        played = played or (node.dep_ == "pobj" and head.lower_ == "as" and _lemma(head.head) in s.plays)
        if played and _lemma(node) not in s.real_parts:
            return f"the part of a {node.text} that an actor plays: fiction"
        node = head
    return None
