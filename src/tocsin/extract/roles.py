"""Who did it and to whom: actor and recipient phrases from the dependency parse.

Active and passive voice ("were killed in an ambush by a dozen Azerbaijani soldiers"), noun
triggers ("an offensive by Azerbaijan", "Azerbaijan's offensive", "launched an offensive"),
control ("attempted a second advance") and accusation frames ("accused X of firing": X acts).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.extract.acled import TWO_SIDED
from tocsin.extract.act_nouns import PATIENT_NOUNS, can_fill_role, stood_in_for
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.attribution import CONFIRM_VERBS, DENY_VERBS, SPEECH_VERBS
from tocsin.extract.clauses import coordinated as _coordinated
from tocsin.extract.clauses import misparsed_subject as _misparsed_subject
from tocsin.extract.clauses import toll_of_place
from tocsin.extract.headlines import complement_patient, participle_modifier, reduced_passive_subject
from tocsin.extract.implicatives import PREVENTING, requested
from tocsin.extract.modifiers import is_means, modifiers, source_of, wielder
from tocsin.extract.parties import CONTAINER_NOUNS, hyphened_sides
from tocsin.extract.screen import PROJECTILES
from tocsin.extract.senses import senses
from tocsin.extract.targets import (
    BENEFICIARY_EVENTS,
    PARTY_BEHIND_EVENTS,
    PLACE_TARGET_EVENTS,
    addressee,
    beneficiary,
    child,
    is_pronoun,
    named,
    named_object_of_complement,
    party_behind,
    party_like,
    place_applied,
    pobj,
    wrongdoer,
)

ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "condemn", "denounce", "criticize", "criticise"})
_TARGET_PREPS = frozenset({"at", "on", "upon", "against", "into", "toward", "towards"})
#: Events done *with* someone: "a phone conversation with Bayramov".
JOINT_EVENTS = frozenset({"CONSULT", "COOPERATE", "AGREE"})


#: What a denial may stand on for what was said ("an account police denied", "a version the army
#: rejected"), which the parser joins to the denier as if one noun.
_ACCOUNTS = frozenset({"account", "version"})


def phrase_tokens(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``tok``: its left modifiers and an "of"-complement."""
    # Left modifiers, less a prepositional phrase the parser hung on the noun ("On 2 June, a mob").
    hung = {t.i for c in tok.lefts if c.dep_ in {"prep", "npadvmod"} for t in c.subtree}
    left = [t for t in tok.subtree if tok.left_edge.i <= t.i <= tok.i and t.i not in hung]
    # Drop a leading determiner and anything before a relative marker.
    while left and left[0].dep_ in {"det", "predet", "punct", "cc", "preconj"}:
        left = left[1:]
    if len(left) > 1 and left[0].dep_ == "compound" and left[0].lemma_.lower() in _ACCOUNTS:
        left = left[1:]  # "an account police denied", parsed as one noun: the police
    if (pair := hyphened_sides(tok.head)) is not None and pair[1].i == tok.i:
        left = [tok]  # "police-VHP clash": the VHP, the police the other side
    right: list[Token] = _hyphened(tok)  # "SPLM-IO": one name, though parsed as two
    for nxt in tok.rights:
        if nxt.dep_ == "prep" and nxt.lower_ == "of":
            objs = [g for g in nxt.children if g.dep_ == "pobj"]
            # "the Ministry of Defence", "members of the FARC", "a base of state police officers";
            # not "the death of two civilians" (the event's own noun).
            if objs and (objs[0].pos_ == "PROPN" or tok.lemma_.lower() in CONTAINER_NOUNS):
                right = [nxt, *[t for t in objs[0].subtree if t.dep_ not in {"relcl", "acl"}]]
                right = right[: next((i for i, t in enumerate(right) if t.dep_ in {"relcl", "acl", "punct"}),
                                     len(right))]  # fmt: skip
        break
    return [*left, *right]


def phrase_text(tok: Token) -> str:
    """The text of the noun phrase headed by ``tok``."""
    toks = phrase_tokens(tok)
    if not toks:
        return tok.text
    doc = tok.doc
    return doc[toks[0].i : toks[-1].i + 1].text


def _hyphened(tok: Token) -> list[Token]:
    """The hyphen and the word a name goes on with, written without a space ("SPLM-IO", which
    the parser coordinates: "SPLM" and "IO")."""
    doc = tok.doc
    if tok.whitespace_ or tok.i + 2 >= len(doc) or doc[tok.i + 1].tag_ != "HYPH":
        return []
    dash, rest = doc[tok.i + 1], doc[tok.i + 2]
    joined = not dash.whitespace_ and rest.dep_ == "conj" and rest.head.i == tok.i
    return [dash, rest] if joined else []


def with_conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("the UN Security Council and Russian peacekeepers"),
    less the part of a hyphenated name the parser coordinates ("SPLM-IO")."""
    part = {t.i for t in _hyphened(tok)}
    return [tok, *[c for c in tok.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"} and c.i not in part]]


#: Possessive pronouns bound, in their clause, to its subject ("the ILO reiterated its demand").
_OWN = frozenset({"its", "their"})


def _target(tok: Token) -> Token | None:
    """The object of a targeting preposition ("fired at the crowd"), not a time ("on Tuesday")
    nor a bare number, which names no party ("roadblocks set up on the 77", a road); "against"
    before the others, which also say where ("protested at the Zocalo against the director")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
    for c in sorted(preps, key=lambda c: c.lower_ != "against"):
        obj = child(c, "pobj")
        if obj is not None and obj.ent_type_ not in {"DATE", "TIME"} and obj.pos_ != "NUM":
            return obj
    return None


#: Nouns for the people an attack struck, in a sentence that says who they were.
VICTIM_NOUNS = frozenset({"victim", "deceased", "dead", "target"})


def victim_identity(sent: Span) -> Token | None:
    """Who the victims were, when a sentence says so: "The victim was a drug dealer", "One of the
    victims was a police officer", "The victim was recognized as a member of a crime group"."""
    root = sent.root
    subj = child(root, "nsubj", "nsubjpass")
    if subj is None:
        return None
    of = pobj(subj, {"of"})  # "one of the victims"
    if not {subj.lemma_.lower(), of.lemma_.lower() if of is not None else ""} & VICTIM_NOUNS:
        return None
    if root.lemma_.lower() == "be":
        return child(root, "attr")
    if root.lemma_.lower() in {"identify", "recognize", "recognise", "describe", "confirm"}:
        return pobj(root, {"as"})
    return None


def _hung_on_place(verb: Token) -> Token | None:
    """A common noun the parser made an apposition of a place in a phrase before the verb
    ("in Alpuyeca, Morelos, residents captured ..."): the verb's subject."""
    found = [
        t for c in verb.lefts if c.dep_ == "prep" for t in c.subtree
        if t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.pos_ == "PROPN"
    ]  # fmt: skip
    return found[-1] if found else None


def _subject(tok: Token) -> Token | None:
    """A verb's subject; of two (a misparse: "in Alpuyeca, Morelos, residents captured"), the one
    nearest the verb. A headline's passive without auxiliary ("23 servicemen killed") has none."""
    if reduced_passive_subject(tok) is not None:
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < tok.i]
    found = before[-1] if before else (subjects[0] if subjects else None)
    if found is not None and found.ent_type_ in {"GPE", "LOC", "FAC"}:
        # "in Port-au-Prince - Delmas, an unspecified number of residents stoned a thief": the
        # parser made the people an apposition of the place before them; not "Russia, the
        # aggressor, attacked" or "Pakistan, a key U.S. ally, refused", where one thing describes
        # the state: people are many, or a number or a group of them
        hung = [c for c in found.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                and (c.tag_ == "NNS" or any(d.dep_ == "prep" and d.lower_ == "of" for d in c.children))
                and not any(d.lower_ == "the" for d in c.children)]  # fmt: skip
        return hung[-1] if hung else found
    return found


def _inherited_actor(tok: Token) -> Token | None:
    """The actor of a subject-less trigger, from the clause that governs it."""
    if tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG"):
        # Coordinated verbs share their subject, whatever the first one is, and so does a
        # participle of manner: "passengers demonstrated and destroyed facilities", "students
        # demonstrated against the food, burning down a hut".
        first = _coordinated(tok)[0] if tok.dep_ == "conj" else tok.head
        shared = _subject(first)
        # an active verb of its own: an auxiliary or an object ("were shot and critically
        # injured" is still the passive, however "injured" is tagged)
        active = not any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ in {"aux", "dobj", "obj"} for c in tok.children
        )
        if shared is None and tok.dep_ == "conj" and active:
            # "forces have been deployed and are negotiating": the passive's subject acts next
            shared = child(first, "nsubjpass")
        if shared is not None and first.i != tok.i:
            return shared
    controller = child(tok.head, "dobj", "obj") if tok.dep_ == "xcomp" else None
    if controller is not None and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _OBJECT_CONTROL:
        return controller  # "urged the rebels to release the hostages": the rebels would release them
    head = tok.head
    for _ in range(5):
        if head.lemma_.lower() in SPEECH_VERBS and head.lemma_.lower() not in ACCUSE_VERBS:
            # "Three people were killed, police said": the speaker is the claimant, never the actor.
            return None
        if head.pos_ in {"VERB", "AUX"} and head.dep_ != "prep":
            if head.lemma_.lower() in ACCUSE_VERBS:
                return child(head, "dobj", "obj")
            found = _subject(head) or pobj(head, {"by"})
            if found is not None:
                return found
        if head.head.i == head.i:
            break
        head = head.head
    return None


#: Verbs whose object does what their infinitive tells ("urged the rebels to release", "forced
#: residents to leave"); not "used branches to barricade", "blocked the road to demand": a means,
#: a purpose, whose doer is the subject.
_OBJECT_CONTROL = frozenset(
    {"urge", "ask", "order", "request", "press", "pressure", "appeal", "call", "force", "compel",
     "persuade", "tell", "allow", "permit", "encourage", "invite", "instruct", "direct", "require",
     "authorise", "authorize", "advise", "command", "push", "oblige", "lead", "get", "help"}
)  # fmt: skip


def _between(tok: Token, event: str) -> tuple[list[Token], list[Token]] | None:
    """The two sides of talks or a fight "between" them ("talks between the government and the
    rebels", "fighting between the army and the rebels"): the first named is the actor, the
    others the recipients (PLOVER's source and target); one group named in the plural is on both
    sides ("clashes between rival gangs", "talks between the parties")."""
    if event not in JOINT_EVENTS | {"ASSAULT"} or (tok.pos_ != "NOUN" and tok.tag_ != "VBG"):
        return None
    pair = hyphened_sides(tok) if event == "ASSAULT" else None
    if pair is not None:
        return [pair[0]], [pair[1]]  # "police-VHP clash"
    first = pobj(tok, {"between"})
    others = [c for c in with_conjuncts(first)[1:] if c.i > first.i] if first is not None else []
    if first is not None and not others and first.tag_ in {"NNS", "NNPS"} and can_fill_role(first):
        return [first], [first]  # "a shoot-out between rival gangs": the gangs on both sides
    if first is None or not others:
        return None
    kept = [t for t in [first, *others] if can_fill_role(t)]
    return ([first], others) if len(kept) == 1 + len(others) else None


def _governing_patient(tok: Token) -> Token | None:
    """The passive subject of the nearest verb above ("he was killed after being abducted")."""
    for head in list(tok.ancestors)[:4]:
        if head.pos_ in {"VERB", "AUX"}:
            return child(head, "nsubjpass")
    return None


#: Where a gerund stands as a noun ("killed in police firing", "army shelling continued").
_GERUND_DEPS = frozenset({"pobj", "pcomp", "dobj", "nsubj", "nsubjpass"})


def roles(
    tok: Token, *, event: str = "", mode: str | None = None, patient_subject: bool = False
) -> tuple[list[Token], list[Token]]:
    """Head tokens of the actor(s) and recipient(s) of the event that ``tok`` triggers.

    ``patient_subject``: the grammatical subject is the victim ("their truck struck a mine").
    """
    sides = _between(tok, event)
    if sides is not None:
        return sides
    actor: Token | None = None
    recipient: Token | None = None
    if tok.pos_ in {"VERB", "AUX"}:
        subj = _subject(tok)
        passive_subj = child(tok, "nsubjpass")
        # "23 servicemen killed", "two soldiers were reported killed"
        passive_subj = passive_subj or reduced_passive_subject(tok) or complement_patient(tok)
        if subj is None and passive_subj is None and tok.dep_ == "ROOT":
            # "On 7 April, in Cuernavaca, Morelos, a member of the cartel was shot": the parser hung
            # the subject on the place as an apposition.
            hung = _hung_on_place(tok)
            if hung is not None and any(c.dep_ == "auxpass" for c in tok.children):
                passive_subj = hung
            else:
                subj = hung
        # Verbs of one list share their subject and their agent: "she was confronted and attacked
        # by an intruder", "was beaten up, stabbed, and killed by residents".
        chain = _coordinated(tok)
        noun_head = tok.dep_ == "acl" or (tok.dep_ == "advcl" and tok.head.pos_ in {"NOUN", "PROPN"})
        if subj is None and passive_subj is None and noun_head and tok.tag_ == "VBG":
            # "the police union attacking De Blasio", "gunmen firing at a crowd"; "Ukraine rebels
            # down helicopter, killing 14 troops" (the verb read as a preposition, "killing" hung
            # on its subject)
            subj = tok.head
        if subj is None and passive_subj is None:
            subj = _misparsed_subject(chain[0])
        if passive_subj is None and subj is None and tok.dep_ == "conj" and tok.tag_ == "VBN":
            passive_subj = child(chain[0], "nsubjpass")
        # "seven were killed and four others wounded": the second passive's "were" left out (the
        # participle read as a past tense with no object)
        bare = not any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in tok.children)
        gapped = tok.dep_ == "conj" and tok.tag_ in {"VBN", "VBD"} and bare
        if subj is not None and gapped and any(c.dep_ == "auxpass" for c in tok.head.children):
            passive_subj, subj = subj, None
        own_passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive_subj is None and subj is None and own_passive and tok.dep_ in {"pcomp", "advcl", "xcomp"}:
            # "died after being shot by gunmen": the governing clause's subject was shot
            passive_subj = _inherited_actor(tok) or _governing_patient(tok)
        opposed = tok.lemma_.lower() == "oppose" and pobj(tok, {"by"}) is None and pobj(tok, {"to"})
        if passive_subj is not None and opposed:
            actor, recipient = passive_subj, opposed  # "Israel is opposed to French mediation"
        elif passive_subj is not None:
            recipient = passive_subj
            actor = pobj(tok, {"by"}) or next(
                (a for c in chain if (a := pobj(c, {"by"})) is not None and c.tag_ == "VBN"), None
            )
        else:
            actor = subj
            recipient = child(tok, "dobj", "obj")
            means = None
            if recipient is not None and (
                recipient.lemma_.lower() in PROJECTILES or tok.lemma_.lower() == "use"
            ):
                # "fired rubber bullets at the crowd", "used force against protesters": what was
                # fired or used, not at whom; at whom may hang on it
                means, recipient = recipient, None
            recipient = recipient or _target(tok) or (_target(means) if means is not None else None)
            if tok.lemma_.lower() in TWO_SIDED:
                recipient = pobj(tok, {"with", "against"}) or recipient  # "rebels clashed with soldiers"
        if event in BENEFICIARY_EVENTS and (recipient is None or not named(recipient)):
            recipient = beneficiary(tok) or addressee(tok) or recipient
        if event == "REQUEST" and recipient is None:
            recipient = pobj(tok, {"for"})  # "called for sanctions against Nigeria": see below
        if event in JOINT_EVENTS and recipient is None:
            recipient = pobj(tok, {"with"})  # "met with the Russian ambassador"
        if event in PARTY_BEHIND_EVENTS and recipient is not None and not named(recipient):
            recipient = party_behind(recipient) or recipient
        if event in PARTY_BEHIND_EVENTS and recipient is None:
            recipient = named_object_of_complement(tok)
        if patient_subject:
            actor, recipient = None, actor
        # A passive without an agent has none: the governing clause's subject did not do it.
        if (actor is None and not patient_subject and passive_subj is None
                and tok.dep_ in {"xcomp", "pcomp", "advcl", "ccomp", "conj"}):  # fmt: skip
            actor = _inherited_actor(tok)
        relative = tok.dep_ == "relcl" and (actor is None or actor.lower_ in _RELATIVES)
        if relative and passive_subj is None:
            actor = None if toll_of_place(tok) else tok.head  # "gunmen who attacked": the noun did it
        elif tok.dep_ == "relcl" and passive_subj is not None and passive_subj.lower_ in _RELATIVES:
            recipient = tok.head  # "children who were killed": it was done to the noun
        # "the village that the rebels shelled": the clause has a subject of its own ("vendors
        # that, for $150, provide a station", "that" read as a marker, have none: they provide)
        own_subject = any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVES for c in tok.children)
        object_relative = own_subject and any(
            c.dep_ in {"mark", "dobj"} and c.lower_ in _RELATIVES for c in tok.children
        )
        if tok.dep_ == "relcl" and (
            object_relative or (recipient is not None and recipient.lower_ in _RELATIVES)
        ):
            recipient = tok.head  # "the village that the rebels shelled"
        if actor is None and not patient_subject and tok.tag_ == "VBG" and tok.dep_ in _GERUND_DEPS:
            # a gerund as a noun names its doer as a noun would: "killed in police firing",
            # "killed in shelling by government forces", "killed in Russian shelling"
            actor = pobj(tok, {"by"}) or modifiers(tok, event)[0]
        if participle_modifier(tok) and actor is None and not patient_subject:
            # "a man killed by police": the noun is the victim, the agent the actor.
            actor = pobj(tok, {"by"})
            recipient = recipient or tok.head
        if actor is not None and actor.head.lower_ == "by" and is_means(actor) and not patient_subject:
            actor = wielder(actor, event)  # "killed by Israeli fire": Israel's, not the fire
        elif actor is not None and is_means(actor) and not can_fill_role(actor) and not patient_subject:
            actor = wielder(actor, event) or actor  # "Russian missiles hit a block, killing 12"
    else:
        actor = pobj(tok, {"by"}) or source_of(tok)
        owner = child(tok, "poss")
        undergone = owner is not None and tok.lemma_.lower() in PATIENT_NOUNS and pobj(tok, {"of"}) is None
        if owner is not None and undergone:
            recipient = owner  # "his arrest", "her abduction": the one it was done to
        elif owner is not None:
            actor = actor or owner  # "Russia's invasion", "the army's killing of civilians"
        by_modifier, named_target = modifiers(tok, event)
        actor = actor or by_modifier
        recipient = named_target or recipient
        preps = _TARGET_PREPS | ({"with"} if event in JOINT_EVENTS else set())
        if tok.lemma_.lower() in _OF_TARGET:
            preps = preps | {"of"}
        recipient = pobj(tok, preps) or recipient
        slot = stood_in_for(tok)  # "gave 5.1 million dollars of aid": the aid is what was given
        light = slot.head if slot.dep_ in {"dobj", "obj"} and slot.head.pos_ == "VERB" else None
        if recipient is None and light is not None:
            # "opened investigations against 28 officials"; an act of force aimed where the light
            # verb's preposition points: "opened fire at two police officers", "on the crowd"
            recipient = _aimed_at(light) if event == "ASSAULT" else pobj(light, {"against"})
        if event == "ACCUSE" and recipient is not None and not party_like(recipient):
            recipient = wrongdoer(recipient) or recipient  # "an investigation into crimes by X"
        if event in BENEFICIARY_EVENTS and (recipient is None or not named(recipient)):
            # "its demand that Israel ease restrictions"; "gave the Ivory Coast 5.1 million dollars
            # of aid": whom the verb gives to
            given_to = beneficiary(light) if light is not None else None
            recipient = addressee(tok) or given_to or recipient
        # ... not the subject of the clause around it when that is who underwent it ("the
        # commander appeared in court following his arrest")
        governor = slot.head.head if slot.dep_ == "pobj" else slot.head
        if owner is not None and actor is owner and is_pronoun(owner) and owner.lower_ in _OWN:
            # "the ILO reiterated its demand": a possessive bound to the subject of its clause
            bound = _subject(governor) if slot.dep_ in {"dobj", "obj"} else None
            actor = bound if bound is not None and not is_pronoun(bound) else actor
        if slot.dep_ in {"dobj", "obj", "pobj"} and governor.pos_ in {"VERB", "AUX"} \
                and governor.lemma_.lower() in _UNDERGOING:  # fmt: skip
            # "the town suffered an attack", "the convoy came under attack from militants": the
            # subject is the target, never the doer, who is who it came from however "from" is hung
            recipient = recipient or _subject(governor)
            actor = actor or source_of(governor)
        elif tok.dep_ == "pobj" and governor.lemma_.lower() in ACCUSE_VERBS:
            actor = actor or child(governor, "dobj", "obj")  # "blamed the rebels for the attack"
        elif tok.dep_ in {"dobj", "obj", "nsubjpass"} and governor.lemma_.lower() in ACCUSE_VERBS:
            # "the UN condemned the killing" (or "the killing was condemned by the UN"): who condemns
            # or blames did not do it; whom an act is blamed on did ("blamed the attack on the
            # rebels", however "on" is hung)
            blamed = pobj(governor, {"on"})
            if blamed is not None and blamed.ent_type_ in {"DATE", "TIME"}:
                blamed = None  # "condemned the attack on Monday"
            if blamed is None and governor.lemma_.lower() == "blame":
                blamed = pobj(tok, {"on"})
                recipient = None if blamed is not None and recipient == blamed else recipient
            actor = actor or blamed
        elif (
            actor is None
            and not undergone
            and slot.dep_ in {"dobj", "obj", "pobj", "attr", "nsubjpass"}
            and governor.pos_ in {"VERB", "AUX"}
            and not _not_its_doer(slot, governor, event)
        ):
            # "police launched an attack": the subject of the verb it hangs on did it; "failed to
            # reach agreement": the subject of the clause that governs that verb
            actor = _subject(governor) or pobj(governor, {"by"})
            if actor is None and (
                governor.dep_ == "xcomp" or (governor.dep_ == "conj" and slot.dep_ in {"dobj", "obj"})
            ):
                actor = _inherited_actor(governor)  # "armed men chased and opened fire on a man"
        if event == "RETREAT" and actor is None:
            # "demanded the withdrawal of Armenian forces": they withdraw ("the US speeded up the
            # withdrawal of its forces": the US withdraws them)
            actor = pobj(tok, {"of"})
        if patient_subject:
            actor, recipient = None, recipient or actor  # a headline's "Protester dies of wounds"
    if event in PLACE_TARGET_EVENTS and (recipient is None or not can_fill_role(recipient)):
        # "lifted the curfew in Montenegro"
        # a capital stands for its government where one goes to it ("a visit to Amman"), not
        # where talks are held or a truce signed ("a truce was signed in Doha")
        held_there = event == "AGREE" or (event == "CONSULT" and mode != "visit")
        host = event in BENEFICIARY_EVENTS and not held_there
        recipient = place_applied(tok, capital_is_government=host) or recipient
    actors = [] if actor is None else with_conjuncts(actor)
    recipients = [] if recipient is None else with_conjuncts(recipient)
    recipients = [r for r in recipients if can_fill_role(r)]
    actors = [a for a in actors if can_fill_role(a)]
    return actors, recipients


def _aimed_at(verb: Token) -> Token | None:
    """The object of the verb's first preposition of aim that is no date ("On 14 January, gunmen
    opened fire at two police officers")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}:
                return obj
    return None


#: Verbs whose subject undergoes the act that is their object ("suffered an attack", "survived an
#: ambush", "came under fire") or dies in it ("two civilians died in the fighting").
_UNDERGOING = frozenset(
    {"suffer", "sustain", "survive", "endure", "withstand", "face", "come", "repel", "die", "perish"}
)

#: Verbs of stopping an act: their subject is who stopped it, not who did it ("police dispersed
#: the protest", "broke up a rally", "soldiers foiled an attack").
_COUNTERING = PREVENTING | {"disperse", "stop", "halt", "quell", "suppress", "scatter"}

#: What one tells the figure of: the subject of "raised the death toll" did not do the act.
_COUNTS = frozenset({"toll", "tally", "count", "figure", "number"})

#: Acts done by saying, and verbs of saying one again: their subject is its author ("the
#: ministry reiterated this demand", "the rebels renewed their threat").
_SAID_EVENTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
_RESTATING = frozenset({"reiterate", "repeat", "renew", "restate", "voice", "echo", "issue"})

#: Acts whose "of" names whom or what they are done to: "the killing of", "the invasion of".
_OF_TARGET = frozenset({"killing", "abduction", "arrest", "detention", "blockade", "siege", "invasion"})

#: Relative pronouns: in a relative clause, the noun it hangs on.
_RELATIVES = frozenset({"who", "which", "that", "whom"})


def _not_its_doer(tok: Token, governor: Token, event: str) -> bool:
    """Whether the subject of the verb a noun trigger hangs on is someone other than its doer: who
    tells of an act or comes upon what it left ("police reported a shooting", "police found two
    men dead after the attack"), who calls it something ("Robinson dismissed the march as an
    event"), who revises its count ("Ukraine raises the death toll from the rebel attack to 17"),
    a text or a work that tells of it ("the report opens with the killing"), who asks for it
    ("demanded the withdrawal"), who stopped it
    ("police dispersed the protest"), or the forces of order acting during a protest ("police hit
    a demonstrator during a protest"; "demonstrators attacked a bank during a protest" held it)."""
    lemma = governor.lemma_.lower()
    if event in _SAID_EVENTS and lemma in _RESTATING:
        return False  # "the ministry reiterated this demand": who says it again makes it
    if lemma in (SPEECH_VERBS - ACCUSE_VERBS) | CONFIRM_VERBS | _FINDING:
        return True
    below = tok.head if tok.dep_ == "pobj" and tok.head.i > governor.i else tok
    if requested(governor, below, tok):
        # "Baku demanded the withdrawal of Armenian forces", "called for the release of": whom it
        # asks does it (not "For this battle, Chandor asked his actor ...", "called the massacre")
        return True
    if lemma in _COUNTERING or (lemma == "break" and any(c.lower_ == "up" for c in governor.children)):
        return True  # "police dispersed a protest", "soldiers thwarted an attack": who stopped it
    told_by = _subject(governor)
    teller = told_by.lemma_.lower() if told_by is not None else ""
    if teller in senses().texts or teller in senses().works:
        return True  # "the report opens with the killing of 12 villagers": a text tells of it
    if lemma in DENY_VERBS and any(c.lower_ == "as" for c in governor.children):
        return True
    if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _COUNTS for c in governor.children):
        return True
    during = tok.dep_ == "pobj" and tok.head.lower_ in {"during", "amid"}
    return during and event == "PROTEST" and _forces_of_order(_subject(governor))


def _forces_of_order(tok: Token | None) -> bool:
    """Whether a subject is the police or the army."""
    return tok is not None and actor_dictionary().normalise(phrase_text(tok)).sector in {"COP", "MIL"}


#: Verbs of coming upon what an act left.
_FINDING = frozenset({"find", "discover"})
