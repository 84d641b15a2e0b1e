"""Accidents and disasters: what kills without anyone attacking (a vehicle, a storm, a gas
explosion, a mine struck by a truck is no accident), and the toll told after one."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.extract.senses import Senses, senses
from tocsin.extract.senses import lemma as _lemma
from tocsin.extract.verdicts import Screened

#: Words that tell a toll ("were killed", "died", "were injured", "was struck").
_TOLL_WORDS = frozenset({"kill", "die", "injure", "wound", "hurt", "strike", "hit"})
_CLOSURES = frozenset({"close", "shut", "block", "cordon", "seal"})
_AIRCRAFT = frozenset({"flight", "airliner", "jetliner", "plane", "aircraft", "airplane"})
_ACCIDENT_VERBS = frozenset({"crash", "collide", "overturn", "capsize", "derail", "drown", "skid", "plunge"})
#: Acts that only a gunner or a crew does: a ship, a tank or a helicopter that fires or shells is
#: its crew ("a coast guard ship fired water cannon at it, injuring four sailors"), no accident.
_AIMED = frozenset({"fire", "shoot", "shell", "strafe"})


#: What a vehicle can strike and be the victim of: "their truck struck a mine" is no accident.
_MINES = frozenset({"mine", "landmine", "ied", "explosive", "bomb", "device", "booby-trap", "grenade"})


def _hit_a_mine(verb: Token) -> bool:
    """ "their truck struck a mine", "a vehicle hit an IED likely planted by ...", "was hit by a
    landmine": a mine it struck (not "struck by a train at a gold mine")."""
    hit = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    hit += [g for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "on"}
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    hit += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children
            if g.dep_ == "nsubj" and verb.i < g.i < c.i]  # fmt: skip
    return any(_lemma(t) in _MINES for t in hit)


def _one_of(tok: Token, words: frozenset[str]) -> bool:
    """Whether a word is one of ``words``, as its lemma or, a plural the tagger took for a name
    ("Wildfires tore through villages"), as its singular; or a name titled with one ("Storm Ciaran",
    "Hurricane Ian", "Cyclone Idai")."""
    lower = tok.lower_
    titled = tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.i < tok.i and _lemma(c) in words for c in tok.children
    )
    return _lemma(tok) in words or lower in words or (lower.endswith("s") and lower[:-1] in words) or titled


def natural_strike(tok: Token, s: Senses) -> Token | None:
    """The force of nature a strike is of ("a lightning strike": "lightning"), or ``None``; a
    lightning raid is fast force, so only "strike" is read so."""
    if _lemma(tok) != "strike":
        return None
    mods = (c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"})
    return next((c for c in mods if _lemma(c) in s.natural_strikes), None)


def _accidental_blast(blast: Token, s: Senses) -> Token | None:
    """What made an explosion or a fire an accident: "a gas explosion", "the explosion of a
    cylinder", "a blast at a coal mine", "an explosion at a chemical plant" (a mine only as a pit,
    named with what is mined); ``None`` when nothing says so."""
    around = [c for c in blast.children if c.dep_ in {"compound", "amod", "nsubj", "nmod"}]
    if blast.dep_ in {"dobj", "obj"} and blast.head.pos_ == "VERB":
        # "a gas leak caused an explosion": what caused it, and what that was of
        for cause in (c for c in blast.head.children if c.dep_ == "nsubj"):
            around += [cause, *(g for g in cause.children if g.dep_ in {"compound", "amod"})]
    around += [g for c in blast.children if c.lower_ == "of" for g in c.children]
    around += [
        g
        for c in blast.children
        if c.dep_ == "prep" and c.lower_ in {"at", "in", "inside"}
        for g in c.children
        if g.dep_ == "pobj" and (_lemma(g) != "mine" or any(k.dep_ == "compound" for k in g.children))
    ]
    return next((c for c in around if _lemma(c) in s.accident_explosives), None)


def _gunfire(tok: Token, s: Senses) -> bool:
    """ "rebel fire", "Ukrainian mortar fire", "sniper fire": fire from weapons, not a blaze."""
    return _lemma(tok) == "fire" and any(
        _lemma(c) in s.hostile_fire or c.ent_type_ == "NORP"
        for c in tok.children
        if c.dep_ in {"compound", "amod", "nmod", "poss"}
    )


#: What one dies of when something else did it: "died of wounds sustained in a crash".
WOUND_NOUNS = frozenset({"wound", "injury", "burn"})


def _causes(verb: Token) -> list[tuple[Token, Token]]:
    """The verb's prepositions with their objects, and where one is a wound, what the wound came
    from: "died from injuries sustained in a car crash", "died of wounds from the fall"."""
    out = []
    for c in verb.children:
        obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if obj is None:
            continue
        out.append((c, obj))
        if _lemma(obj) in WOUND_NOUNS:
            holders = [obj, *(a for a in obj.children if a.dep_ in {"acl", "relcl"})]
            out.extend((p, g) for h in holders for p in h.children if p.dep_ == "prep"
                       for g in p.children if g.dep_ == "pobj")  # fmt: skip
    return out


def accident_sense(tok: Token, event: str, s: Senses) -> str | None:
    if event != "ASSAULT" or _hit_a_mine(tok):
        return None
    lemma = _lemma(tok)
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "relcl":
        # "the 2009 crash outside Buffalo, which killed 50 people": the antecedent, or what it is in.
        doers.extend([tok.head, *list(tok.head.ancestors)[:3]])
        # "inspired fireworks in New York City that set City Hall on fire": the relative clause
        # may belong to the object of the verb before it, wherever the parse hangs it.
        verb = next((a for a in tok.head.ancestors if a.pos_ == "VERB"), None)
        if verb is not None:
            doers.extend(c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i < tok.i)
    # "An earthquake struck central Italy, killing 120": the subject of the verb it follows, and
    # of the one that verb follows ("..., killing 12 people and destroying dozens of homes").
    verb = tok
    aimed = lemma in _AIMED
    while verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
        verb = verb.head
        aimed = aimed or _lemma(verb) in _AIMED
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "the region was hit by an earthquake, killing 14": the agent of a passive does it
        subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doers.extend(subjects)
        if subjects:
            break
    if aimed:
        return None
    # what kills without attacking: a vehicle, a force of nature, an accident, a disease ("Cholera
    # has killed 300 people"), in the plural too where the tagger took it for a name ("Wildfires")
    agent = next((d for d in doers if (_one_of(d, s.accident_agents | s.accident_events | s.causes)
                  or natural_strike(d, s) is not None) and not _gunfire(d, s)), None)  # fmt: skip
    if agent is not None:
        return f"an accident or disaster: '{agent.text}' is what {tok.text} (no one attacked)"
    # "A gas cylinder explosion killed two people", "A blast at a coal mine killed 15 miners".
    for d in doers:
        what = _accidental_blast(d, s) if _lemma(d) in {"explosion", "blast", "fire"} else None
        if what is not None:
            return f"an accident: a {what.text} {d.text} that was no bomb {tok.text}"
    # "killed in a crash", "were killed and many injured in a collision": the coordinated verbs too.
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    if tok.dep_ == "conj":
        verbs.append(tok.head)
    if tok.dep_ == "ccomp":  # "A child was killed and six were injured in an accident, X said."
        verbs.extend(c for c in tok.head.children if c.dep_ == "ccomp" and c.i != tok.i)
    for verb in verbs:
        for c, obj in _causes(verb):
            if c.lower_ in {"in", "during", "from", "after", "by"} and _lemma(obj) in s.accident_events \
                    and not _gunfire(obj, s):  # fmt: skip
                return f"an accident or disaster: {verb.text} {c.text} a {obj.text}"
            craft = {_lemma(obj), *(_lemma(g) for g in obj.children if g.dep_ == "compound")}
            if c.lower_ in {"on", "aboard"} and craft & _AIRCRAFT:
                return f"an air disaster: {verb.text} {c.text} a {obj.text}"
    if lemma in {"explosion", "blast", "explode", "fire"} or tok.text.lower() in {"exploded", "explosion"}:
        what = _accidental_blast(tok, s)
        if what is not None:
            return f"an accident: a {what.text} {tok.text}, no bomb"
    # "injured when their SUV crashed", "killed when he was struck by a locomotive", "three were
    # killed and five injured when a bus collided with a truck" (the clause hung on either verb).
    for clause in (c for verb in verbs for c in verb.children if c.dep_ == "advcl"):
        subj = [g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}]
        subj += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if _hit_a_mine(clause):
            continue
        if _lemma(clause) in _ACCIDENT_VERBS or any(_lemma(g) in s.accident_agents for g in subj):
            return f"an accident: {tok.text} when ... {clause.text}"
    # "running over a man and killing him", "the bus plunged ... killing 12".
    for verb in [tok, tok.head] + [c for c in tok.head.children if c.dep_ == "conj"]:
        if _lemma(verb) == "run" and any(c.lower_ == "over" for c in verb.children):
            return "a road accident: run over"
        if _lemma(verb) in _ACCIDENT_VERBS and verb.i != tok.i:
            return f"an accident: {verb.text}"
    return None


def toll_of_accident(tok: Token, event: str, has_actor: bool) -> Screened | None:
    """After an accident or a disaster, "Five people were injured." or "One child died at the
    scene." told with no one doing it and no weapon is that accident's toll, not an attack; "The
    road was closed for several hours." told with no one closing it is the accident's aftermath,
    no restriction imposed on anyone."""
    if event == "COERCE" and not has_actor and _lemma(tok) in _CLOSURES:
        return Screened("drop", f"'{tok.text}' by no one named after an accident: its aftermath", "accident")
    if event != "ASSAULT" or has_actor or _lemma(tok) not in _TOLL_WORDS:
        return None
    if any(_lemma(t) in senses().military or _lemma(t) in _MINES for t in tok.sent):
        return None
    return Screened(
        "drop", f"'{tok.text}' with no one doing it: the toll of the accident told before", "accident"
    )


#: Words an animal's attack is told with, once the animal is named ("the attack", "a bite").
_ANIMAL_ATTACKS = frozenset({"attack", "bite", "maul", "mauling", "kill", "killing"})


def attack_of_animal(tok: Token, event: str, has_actor: bool) -> Screened | None:
    """After an animal was told attacking ("killed by a shark"), "the most recent attack" told
    with no attacker named is that animal's kind of attack, not an act of people."""
    if event != "ASSAULT" or has_actor or _lemma(tok) not in _ANIMAL_ATTACKS:
        return None
    if any(_lemma(t) in senses().military or _lemma(t) in _MINES for t in tok.sent):
        return None
    return Screened("drop", f"'{tok.text}' with no attacker named: the animal attack told before", "animal")


def told_accident(sent: Span) -> bool:
    """Whether a sentence names an accident or a disaster as a thing that happened ("the plane
    crash", "the earthquake"): a noun of ``[accident] events``, not one that is a kind of thing."""
    events = senses().accident_events - _ALSO_ATTACKS
    return any(t.pos_ == "NOUN" and _lemma(t) in events and t.dep_ != "compound" for t in sent)


#: Accident words that are as often an attack's ("opened fire", "the blaze the attackers set").
_ALSO_ATTACKS = frozenset({"fire", "blaze", "collapse"})
