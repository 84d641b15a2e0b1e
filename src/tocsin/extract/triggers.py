"""Finding event triggers in a parsed sentence from the lexicon and the dependency parse."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from tocsin.extract.headlines import participle_modifier, reduced_passive_subject
from tocsin.extract.lexicon import Trigger, act_nouns, lexicon, subject_heads

#: Subjects of these verbs are the victims, not the perpetrators ("their truck struck a mine").
PATIENT_SUBJECT_MODES = frozenset({"explosives"})
#: Triggers whose subject is the victim however the act was done ("died of his wounds").
PATIENT_SUBJECT_LEMMAS = frozenset({"die", "dies", "succumb"})


#: Prepositions of place: "struck by a train at a gold mine" struck no mine.
_WHERE = frozenset({"at", "in", "near", "inside", "outside", "around", "beside", "behind", "across"})
#: Nouns of what a gathering is for, after "in": "in support of", "in memory of".
_FOR = frozenset({"support", "solidarity", "memory", "honor", "honour", "defense", "defence", "protest",
                  "opposition", "rejection", "commemoration", "tribute", "favor", "favour"})  # fmt: skip


def _objects(tok: Token) -> set[str]:
    out = set()
    if participle_modifier(tok):
        out.add(tok.head.lemma_.lower())  # "Malaysian airliner downed in Ukraine": a passive's patient
    passive = reduced_passive_subject(tok)
    if passive is not None:
        out.add(passive.lemma_.lower())  # "helicopter downed in east": a headline's passive
    for child in tok.children:
        if child.dep_ in {"dobj", "obj", "attr", "nsubjpass", "pobj", "oprd"}:
            out.add(child.lemma_.lower())
            # "established police and military checkpoints": each object of a list
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "conj")
            # "targeted the camps with artillery fire": the instrument the parser hung on the object
            out.update(g.lemma_.lower() for p in child.children if p.dep_ == "prep" and p.lower_ == "with"
                       for g in p.children if g.dep_ == "pobj")  # fmt: skip
            # "intercepted 35 of 40 drones", "burned down dozens of homes": the drones, the homes
            if child.like_num or child.pos_ in {"NUM", "PRON", "DET"} or child.lemma_.lower() in _MANY:
                out.update(g.lemma_.lower() for p in child.children if p.lower_ == "of" for g in p.children
                           if g.dep_ == "pobj")  # fmt: skip
        elif child.dep_ in {"prep", "prt", "advmod"} and child.lower_ not in _WHERE:
            out.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep":
            # "gathered in support of", "in solidarity with": what for, though "in" also says where
            purposes = {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"} & _FOR
            out.update(purposes)
        elif child.dep_ == "ccomp":
            # "struck an IED likely planted by ...", parsed as a clause: its subject, right after
            # the verb, is what was struck.
            out.update(
                g.lemma_.lower() for g in child.children if g.dep_ == "nsubj" and tok.i < g.i < child.i
            )
    return out


def _temporal(prep: Token) -> bool:
    """A preposition of time ("fired on Monday", "at noon"), not the one a condition asks for;
    its object's first word counts too, however the parser grouped it ("on Monday closed schools")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return any(g.ent_type_ in {"DATE", "TIME"} or g.left_edge.ent_type_ in {"DATE", "TIME"} for g in objects)


def _where_or_when(prep: Token) -> bool:
    """ "in" before a named place or a time says where or when ("stormed to victory in Abu Dhabi"),
    not what was reached ("stormed in through the gate")."""
    return prep.lower_ == "in" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for g in prep.children
    )


#: What makes a noun one that is counted: "a demand", "their demand", "two demands".
_COUNTING = frozenset({"det", "poss", "nummod", "predet"})


def _particles(tok: Token) -> list[Token]:
    """The prepositions and particles of a verb, wherever the parser hangs them: a particle it takes
    for an adverb ("shot down", "rounded up"), a preposition it hangs on the object ("launched 40
    drones against Ukraine")."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    attached = [*tok.children, *(p for o in objects for p in o.children if p.dep_ == "prep")]
    return [c for c in attached if c.dep_ in {"prep", "prt", "agent", "advmod"}]


#: Pronouns of people ("rounded them up").
_PERSONAL = frozenset({"them", "him", "her", "us", "me", "you", "everyone", "everybody", "anyone"})


def _people(noun: Token, words: frozenset[str]) -> bool:
    """Whether a verb's object is people: a number or share of them ("40", "dozens of
    dissidents"), a person's or a people's name, a personal pronoun, a word the actor dictionary
    gives a sector ("protesters", "villagers"), or one of ``words`` ("suspects")."""
    of = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"), None)  # fmt: skip
    if of is not None and (
        noun.like_num or noun.pos_ in {"PRON", "NUM", "DET"} or noun.lemma_.lower() in _MANY
    ):
        return _people(of, words)  # "some of the protesters", "hundreds of migrants"
    if noun.like_num or noun.ent_type_ in {"PERSON", "NORP"} or noun.lower_ in _PERSONAL:
        return True
    from tocsin.extract.actors import actor_dictionary

    lemma = noun.lemma_.lower()
    return lemma in words or actor_dictionary().sector_of(lemma) is not None


@lru_cache(maxsize=1)
def _arms_words() -> frozenset[str]:
    from tocsin.extract.senses import senses

    return frozenset().union(*senses().weapons.values()) | _ARMS


def _arms(noun: Token) -> bool:
    """Whether a noun names weapons ("tanks", "missile defence systems", "a bunch of drones")."""
    arms = _arms_words()
    words = [noun, *(g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in arms for w in words for t in w.subtree if t.i <= w.i)


#: Arms the weapon classes do not name: "deployed warships", "artillery batteries".
_ARMS = frozenset({"weapon", "arm", "warship", "ship", "vessel", "submarine", "carrier", "frigate",
                   "destroyer", "battery", "armour", "armor", "vehicle", "gun", "troop",
                   "force"})  # fmt: skip


#: Nouns of a number or a part of people, and measures of goods: "dozens of migrants", "500 members
#: of the army", "25,000 tons of food aid", "a shipment of weapons".
_MANY = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                   "group", "number", "lot", "band", "crowd", "member", "element", "ton", "tonne",
                   "truckload", "shipment", "consignment", "batch", "package", "load", "worth", "quantity",
                   "amount", "supply"})  # fmt: skip


def _act(noun: Token) -> bool:
    """Whether a noun names an act: a trigger's lemma, or a noun WordNet gives an act's sense and
    does not first make a thing ("the evacuation", "an investigation"; not "flowers", "a drink")."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon() or (noun.pos_ == "NOUN" and lemma in act_nouns())


def _done_to(tok: Token) -> list[Token]:
    """Who or what a verb acts on: its object or passive subject; a passive participle joined to
    another verb with none of its own shares that verb's ("two boys were arrested, attacked and
    stripped naked": the boys were stripped)."""
    done_to = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    verb = tok
    joined = {"conj", "advcl"}
    while not done_to and verb.dep_ in joined and verb.tag_ == "VBN" and verb.head.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in {"nsubj", "csubj"} for c in verb.children):
            break
        verb = verb.head
        done_to = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return done_to


def _condition_holds(trig: Trigger, tok: Token) -> bool:
    return all(_holds(kind, words, tok) for kind, words in trig.conditions)


def _holds(kind: str, words: frozenset[str], tok: Token) -> bool:
    if kind in {"", "wrongdoing"}:
        return True
    if kind == "obj":
        return bool(_objects(tok) & words)
    if kind == "whom":
        done_to = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        return bool(done_to) and not any(c.lemma_.lower() in words for c in done_to)
    if kind == "people":
        return any(_people(c, words) for c in _done_to(tok))
    if kind == "act":
        if any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
            return True  # "ordered troops to withdraw", "ordered that the camp be closed"
        done_to = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        return any(_people(c, words) or _act(c) for c in done_to)
    if kind == "armed":
        moved = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        return not moved or any(_people(c, words) or _arms(c) for c in moved)
    if kind == "noobj" and tok.pos_ == "NOUN":
        return not _objects(tok) & words  # "invasion of privacy": what a noun is done to
    if kind == "noobj":
        return not any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in words for c in tok.children)
    if kind == "prep":
        return any(c.lower_ in words and not _temporal(c) for c in _particles(tok))
    if kind == "nomod":
        return not any(
            c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in words for c in tok.children
        )
    if kind == "noprep":
        return not any(c.dep_ in {"prep", "prt"} and c.lower_ in words for c in tok.children)
    if kind == "noprt":
        return not any(c.dep_ == "prt" and c.lower_ in words for c in tok.children)
    if kind == "head":
        head = tok.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        return head.lemma_.lower() in words or tok.head.lemma_.lower() in words
    if kind == "subject":
        # "violence erupted", "violence and looting erupted"; a headline's "violence flares",
        # which the parser reads as two nouns; not "intensified its inquiry into the violence"
        doer = tok.head if tok.dep_ == "conj" else tok
        return doer.dep_ in {"nsubj", "compound"} and doer.head.lemma_.lower() in words
    if kind == "under":
        return tok.dep_ == "pobj" and tok.head.lower_ in words
    if kind == "next":
        after = next((t for t in tok.doc[tok.i + 1 : tok.i + 4] if t.pos_ != "ADV"), None)
        return after is not None and after.lower_ in words
    if kind == "nocomp":
        return not any(c.dep_ in {"ccomp", "dobj", "obj", "xcomp"} for c in tok.children)
    if kind == "reach":
        return any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in tok.children) or any(
            c.dep_ in {"prep", "prt"} and c.lower_ in words and not _where_or_when(c) for c in tok.children
        )
    if kind == "intransitive":
        return not any(c.dep_ in {"ccomp", "dobj", "obj", "nsubjpass", "auxpass"} for c in tok.children)
    if kind == "counted":
        if tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ in _COUNTING for c in tok.children):
            return True
        modified = any(c.dep_ in {"amod", "compound"} for c in tok.children)
        return tok.dep_ in {"dobj", "obj", "pobj", "conj", "appos"} and not modified
    if kind == "child":
        lemmas = {c.lemma_.lower() for c in tok.children}
        lemmas |= {g.lemma_.lower() for c in tok.children for g in c.children}
        # "stripped them of their clothes"
        lemmas |= {g.lemma_.lower() for p in _particles(tok) for g in p.children}
        return bool(lemmas & words)
    return False


def _pos_ok(trig: Trigger, tok: Token) -> bool:
    if trig.pos == "ANY":
        return tok.pos_ in {"VERB", "NOUN", "PROPN"}
    if trig.pos == "VERB":
        return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT")
    return tok.pos_ in {"NOUN", "PROPN"} if trig.pos == "NOUN" else tok.pos_ == trig.pos


def match_trigger(tok: Token) -> Trigger | None:
    """The first lexicon row whose lemma, part of speech and condition fit the token."""
    # By lemma, then by the word as written ("firing" is a noun of its own, not only "fire").
    for key in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for trig in lexicon().get(key, ()):
            if _pos_ok(trig, tok) and _condition_holds(trig, tok):
                return trig
    return None


def _hyphenated(tok: Token) -> Trigger | None:
    """A trigger the tokenizer split at its hyphen ("shoot-out", "sit-in"), on its last word, the
    phrase's head ("a shoot-out between rival groups")."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or (tok.i > 2 and doc[tok.i - 3].text == "-"):
        return None
    first = doc[tok.i - 2].lower_
    rows = lexicon().get(f"{first}-{tok.lower_}", ())
    if not rows and tok.lower_.endswith("s"):
        rows = lexicon().get(f"{first}-{tok.lower_[:-1]}", ())  # "shoot-outs", "sit-ins": the plural
    return rows[0] if rows and tok.pos_ in {"NOUN", "PROPN", "VERB"} else None


def find_triggers(sent: Span) -> list[tuple[Token, Trigger]]:
    """Every token of the sentence that the lexicon marks as an event trigger."""
    out = []
    for tok in sent:
        hyphenated = _hyphenated(tok)
        if hyphenated is not None:
            out.append((tok, hyphenated))
            continue
        if tok.is_stop and tok.lemma_.lower() not in lexicon():
            continue
        # Participles used as adjectives ("occupied Shushi", "the blockaded highway") name states,
        # unless the parser gave one a subject of its own: a clause it hung on a noun ("Shells hit
        # a school, 4 killed - eyewitnesses"); a date is never a trigger ("On 31 March 2022").
        adjective = tok.dep_ == "amod" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        if adjective or tok.ent_type_ in {"DATE", "TIME"}:
            continue
        # A noun that modifies another names a kind of thing, not an event ("rape seed", "attack
        # helicopter", "strike force", "the murder case").
        # A word inside a hyphenated phrase names a kind ("the-gentleman-doth-protest-too-much").
        doc = tok.doc
        if 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "-" and doc[tok.i + 1].text == "-":
            continue
        trig = match_trigger(tok)
        if trig is None:
            continue
        if (
            tok.dep_ == "compound"
            and tok.pos_ == "NOUN"
            and tok.head.pos_ in {"NOUN", "PROPN"}
            and tok.head.lemma_.lower() not in lexicon()  # "a bomb attack": the head is the event
            and trig.event != "PROTEST"  # "a protest sit-in", "a protest camp": forms of protest
            # a noun after it that a row names as the verb the trigger is the subject of is that
            # verb, which a headline's parse took for a noun ("Ukraine violence flares")
            and tok.head.lemma_.lower() not in subject_heads(trig.lemma)
        ):
            continue
        out.append((tok, trig))
    return out
