"""Claims, denials, confirmations and factuality, read off the path from a trigger to its root.

"Baku says the death of two civilians ..." → claimed by Baku; "accused X of firing" → the firing
is claimed by the accuser; "falsely accuses" → the accusation is denied by whoever says so;
"confirmed that" → confirmed; "did not support" → negated; "there'll be an offensive" → future.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tocsin.extract.implicatives import PREVENTING, failed, prevented, requested
from tocsin.extract.implicatives import negated as _negated
from tocsin.extract.senses import senses
from tocsin.models import Factuality

SPEECH_VERBS = frozenset(
    {
        "say",
        "claim",
        "allege",
        "report",
        "state",
        "announce",
        "tell",
        "insist",
        "add",
        "write",
        "assert",
        "argue",
        "declare",
        "post",
        "publish",
        "suggest",
        "warn",
        "accuse",
        "blame",
        "charge",
        "believe",
        "think",
        "fear",
        "expect",
        "reiterate",
        # what protesters protest about is their claim, not an event the text itself asserts
        "protest",
        "denounce",
        "condemn",
        "decry",
        "mourn",
        "demonstrate",
        "march",
        "rally",
    }
)
ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "allege", "suspect"})
GRIEVANCE_VERBS = frozenset(
    {"protest", "denounce", "condemn", "decry", "mourn", "demonstrate", "march", "rally"}
)
CONFIRM_VERBS = frozenset({"confirm", "verify", "acknowledge", "corroborate"})
DENY_VERBS = frozenset({"deny", "reject", "refute", "dismiss", "disprove"})
FUTURE_VERBS = frozenset(
    {
        "plan",
        "intend",
        "threaten",
        "prepare",
        "vow",
        "pledge",
        "promise",
        "aim",
        "expect",
        "fear",
        "warn",
        "seek",
        "want",
        "hope",
        "propose",
    }
)
#: What is only meant or due to happen: "the attack was supposed to take place", "the march is
#: scheduled to begin".
_DUE = frozenset({"suppose", "schedule", "plan", "set", "due", "expect", "intend"})
_HAPPEN = frozenset({"take", "happen", "occur", "begin", "start", "go"})


def _yet_to_happen(node: Token, child: Token) -> bool:
    if node.lemma_.lower() not in _DUE or child.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _HAPPEN for c in node.children)


#: Words that tell of what is coming by what they are a warning of: "warned of an imminent
#: offensive", "a warning of attacks", "warning about a new assault".
_WARNINGS = frozenset({"warn", "warning"})


def _warned_of(node: Token, child: Token) -> bool:
    """Whether ``child`` is what ``node`` warns of, unless a clause on it tells that it happened
    ("had warned of the attack that killed 12")."""
    if node.lemma_.lower() not in _WARNINGS or child.dep_ != "prep" or child.lower_ not in {"of", "about"}:
        return False
    told = (c for o in child.children if o.dep_ == "pobj" for c in o.children)
    return not any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in told)


_EPISTEMIC = frozenset({"believe", "fear", "expect", "predict", "anticipate"})
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should"})
#: Marks of a clause that only supposes or asks ("if he had been shot", "whether they attacked").
_CONDITIONS = frozenset({"if", "unless", "whether"})
_FALSE_ADVERBS = frozenset({"falsely", "wrongly", "baselessly", "groundlessly", "untruthfully"})
_ALLEGED = frozenset({"allegedly", "reportedly", "purportedly", "apparently", "supposedly"})


#: What one claims for an act when one claims to have done it.
_RESPONSIBILITY = frozenset({"responsibility", "credit"})


@dataclass(slots=True)
class Attribution:
    """What the path above a trigger says about it; tokens are the heads of the parties named."""

    factuality: Factuality = Factuality.ASSERTED
    claimed_by: list[Token] = field(default_factory=list)
    denied_by: list[Token] = field(default_factory=list)
    confirmed_by: list[Token] = field(default_factory=list)
    #: A speaker who says the accusation governing this trigger is false ("falsely accuses").
    rejecting: Token | None = None
    #: The accuse/report verb that governs the trigger, if any.
    reporter: Token | None = None
    #: Who claims to have done it: the speaker of "claimed responsibility (credit) for the attack".
    responsible: Token | None = None
    #: Why the text does not say the act happened at all (a plot, a fear, a condition or a
    #: yes-no question), or ``None``: the act is told as having happened, claimed or coming.
    unreal: str | None = None


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return c
    return _agent(tok)


def _agent(verb: Token) -> Token | None:
    """The agent of a passive verb: "by" and its object."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _according_to(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for g in c.subtree:
                if g.dep_ == "pobj":
                    return g
    return None


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _property_denied(trigger: Token, clause: Token) -> bool:
    """ "The protest was not violent": a noun's copula denies what it was, not that it was."""
    return (
        clause is not trigger
        and trigger.dep_ == "nsubj"
        and clause.lemma_ == "be"
        and any(c.dep_ in {"acomp", "attr"} for c in clause.children)
    )


def _called(verb: Token, child: Token, trigger: Token) -> bool:
    """ "dismissed the march as an event": the act itself, the object, said to be something; not
    denied to have happened (unlike "dismissed the reports as propaganda")."""
    return (
        child.i == trigger.i
        and child.dep_ == "dobj"
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    )


def _without(tok: Token) -> bool:
    """ "without damaging your home", "left without firing a shot": what was not done."""
    return tok.dep_ in {"pcomp", "pobj"} and tok.head.lower_ == "without"


_NOBODY = frozenset({"nobody", "none", "noone", "nothing"})


def _none_of_it(trigger: Token) -> bool:
    """Whether the act is said to have had no instance or no one to undergo or do it: "no arrests
    were made", "no one was arrested", "nobody was hurt", "police killed no one"."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
    for c in trigger.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and (
            c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return True
    return False


#: Words of risk and fear: an act they point at ("vulnerable to an attack", "the risk of
#: clashes", "fear of reprisals") is what may happen, not what did.
_RISK = frozenset(
    {"vulnerable", "risk", "threat", "fear", "danger", "possibility", "prospect", "likelihood",
     "susceptible", "prone", "exposed", "chance", "spectre", "specter", "worry", "concern"}
)  # fmt: skip


#: Adjectives of an act that may come: "a possible ground invasion", "a potential attack".
_PROSPECTIVE = frozenset({"possible", "potential", "likely", "feared", "hypothetical", "eventual", "looming"})


def _feared(trigger: Token) -> bool:
    """Whether a noun trigger is what a word of risk or fear points at ("vulnerable to an attack")."""
    while trigger.dep_ == "conj" and trigger.pos_ in {"NOUN", "PROPN"}:
        trigger = trigger.head  # "concerns of attempted genocide or ethnic cleansing"
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    return prep.lower_ in {"to", "of", "against"} and prep.head.lemma_.lower() in _RISK


#: Nouns of a scheme: an act they are for ("a plot to kill", "conspiracy to commit murder") was
#: planned; the scheme may be real, the act has not happened.
_SCHEMES = frozenset({"plot", "conspiracy", "scheme", "plan", "plotting", "conspire", "plotter"})


def _schemed(trigger: Token) -> bool:
    """Whether the trigger is the act a plot or conspiracy was for ("conspiracy to commit murder"),
    not one a plot carried out ("a plot that killed five": a relative clause)."""
    child = trigger
    for above in list(trigger.ancestors)[:3]:
        if child.dep_ == "relcl":
            return False
        lemma = above.lemma_.lower()
        if lemma in _SCHEMES:
            return True
        if above.pos_ == "VERB" and lemma not in {"commit", "carry"}:
            return False
        child = above
    return False


#: Nouns of ability, right, will, need, time or command: their to-infinitive is a possibility or
#: what is to be done, as after a modal verb ("the courage to attack me", "the right to protest",
#: "the capacity to strike", "20 days' time to arrest them", "an order to arrest the journalist").
_MODAL_NOUNS = frozenset(
    {"ability", "capacity", "capability", "power", "right", "freedom", "courage", "will", "chance",
     "opportunity", "means", "need", "licence", "license", "permission", "authority", "temptation",
     "urge", "desire", "willingness", "readiness", "option", "wherewithal", "nerve", "strength",
     "time", "order", "warrant", "instruction", "directive", "mandate", "duty", "obligation"}
)  # fmt: skip


#: Adjectives of necessity or possibility: their to-infinitive is what should or could be done
#: ("it is necessary to establish a checkpoint", "it is possible to strike"), as after "must" or
#: "could". Not "able": who was able to flee fled.
_MODAL_ADJECTIVES = frozenset(
    {"necessary", "unnecessary", "essential", "imperative", "vital", "crucial", "important",
     "needed", "required", "possible", "impossible", "urgent", "advisable", "desirable",
     "appropriate", "legitimate", "permissible", "justified"}
)  # fmt: skip


def _modal_frame(trigger: Token) -> bool:
    """ "it is necessary to establish ...": the infinitive hangs from an adjective of necessity or
    possibility, or from the copula that takes one."""
    if trigger.dep_ != "xcomp":
        return False
    head = trigger.head
    if head.pos_ == "ADJ":
        return head.lemma_.lower() in _MODAL_ADJECTIVES
    return any(c.dep_ == "acomp" and c.lemma_.lower() in _MODAL_ADJECTIVES for c in head.children)


def _potential(trigger: Token) -> bool:
    """Whether a to-infinitive trigger only says what could be done: with its own subject ("with
    no ground troops to fight", "for the army to attack"), after a noun of ability, right or
    will ("the courage to attack me"), or after an adjective of necessity ("it is necessary to
    establish"). Not "a rally to protest" (a purpose) nor "an attempt to kill" (an act)."""
    if any(c.dep_ == "mark" and c.lower_ in {"with", "for"} for c in trigger.children):
        return True
    if _modal_frame(trigger):
        return True
    return trigger.dep_ in {"acl", "relcl"} and trigger.head.lemma_.lower() in _MODAL_NOUNS


def yes_no_question(sent: Span) -> bool:
    """Whether a sentence asks yes or no ("Is anyone being attacked in your house?"): it opens
    with an auxiliary, not a wh-word (which takes the act as given: "Who attacked them?")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and words[0].pos_ == "AUX" and words[0].dep_ in {"aux", "auxpass", "ROOT"}


def _in_case_of(trigger: Token) -> bool:
    """ "even in cases of murder", "in case of attack": a kind of case, named as a condition."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "of":
        return False
    case = prep.head
    return case.lemma_.lower() == "case" and case.dep_ == "pobj" and case.head.lower_ == "in"


#: Grounds for a claim: "no reason to believe", "no evidence that", "no sign that" deny it.
_GROUNDS = frozenset({"reason", "evidence", "proof", "sign", "indication", "confirmation", "suggestion"})


def attribute(trigger: Token, *, statement: bool) -> Attribution:
    """Read factuality and claimants for ``trigger``; ``statement`` marks ACCUSE/REJECT-like events.

    A statement event is asserted by the article itself unless a further speech verb governs it.
    """
    att = Attribution()
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    # Negation, tense and modality of the trigger's own clause.
    for tok in {trigger, clause}:
        kept_from = tok is not trigger and tok.lemma_.lower() in PREVENTING  # "did not prevent it"
        if (_negated(tok) and not _property_denied(trigger, tok) and not kept_from) or (
            tok is trigger and (_none_of_it(tok) or _without(tok))
        ):
            att.factuality = Factuality.NEGATED
        aux = _aux(tok)
        if aux & _FUTURE_AUX or ("going" in aux and any(c.lower_ == "to" for c in tok.children)):
            att.factuality = Factuality.FUTURE
        elif aux & _HYPOTHETICAL_AUX and att.factuality is Factuality.ASSERTED:
            att.factuality = Factuality.HYPOTHETICAL
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in _CONDITIONS), None)
        if mark is not None:
            att.factuality = Factuality.HYPOTHETICAL
            att.unreal = f"'{mark.text} ...': a condition or a yes-no question, not an act"
        if any(c.lower_ in _ALLEGED for c in tok.children):
            att.factuality = Factuality.CLAIMED
        source = _according_to(tok)
        if source is not None:
            att.claimed_by.append(source)
            att.factuality = Factuality.CLAIMED
    if _schemed(trigger) and att.factuality is Factuality.ASSERTED:
        att.factuality = Factuality.HYPOTHETICAL  # "a plot to kill", "conspiracy to commit murder"
        att.unreal = "what a plot or a conspiracy was for, not an act"
    prospects = (c for c in trigger.children if c.dep_ == "amod" and c.lemma_.lower() in _PROSPECTIVE)
    prospect = next(prospects, None)
    if trigger.pos_ == "NOUN" and prospect is not None and att.factuality is Factuality.ASSERTED:
        att.factuality = Factuality.HYPOTHETICAL  # "a possible ground invasion"
        att.unreal = f"'{prospect.text} {trigger.text}': what may come, not an act"
    if _feared(trigger) and att.factuality is Factuality.ASSERTED:
        att.factuality = Factuality.HYPOTHETICAL  # "vulnerable to an attack", "fear of attacks"
        att.unreal = "what is feared or risked, not an act"
    to = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 0 and trigger.doc[to.i - 1].lower_ == "way":
        att.factuality = Factuality.FUTURE  # "on their way to bomb an ATM", however it is parsed
    elif (
        to is not None
        and trigger.dep_ == "ROOT"
        and any(c.i < to.i and c.pos_ in {"NOUN", "PROPN", "PRON"} for c in trigger.children)
    ):
        att.factuality = Factuality.FUTURE  # a headline's "US to deploy jets": it will
    elif to is not None and _potential(trigger):
        att.factuality = Factuality.HYPOTHETICAL
        att.unreal = f"'{trigger.head.text} {to.text} {trigger.text}': what could be done, not an act"
    if _in_case_of(trigger):
        att.factuality = Factuality.HYPOTHETICAL
        att.unreal = "'in cases of ...': a kind of case, not an act"
    # Walk up through the governing verbs.
    child = trigger
    node = trigger.head
    while node.i != child.i:
        lemma = node.lemma_.lower()
        speaker = _subject(node)
        # "the attack was claimed by Islamic State", "confirmed by police": a passive's agent speaks
        agent = _agent(node) if child.dep_ == "nsubjpass" else None
        speaker = agent or speaker
        # What a verb says is its clausal complement or object; a preposition carries content only
        # for accusations ("accused X of firing", "blamed X for the attack").
        governs_content = (
            agent is not None
            or child.dep_ in {"ccomp", "xcomp", "dobj", "nsubj", "attr", "csubj", "parataxis"}
            or (
                child.dep_ == "prep"
                and (
                    (child.lower_ in {"of", "for"} and lemma in ACCUSE_VERBS | DENY_VERBS)
                    or (child.lower_ in {"against", "over"} and lemma in GRIEVANCE_VERBS)
                )
            )
        )
        warned = _warned_of(node, child)  # "observers warning of an imminent offensive"
        if lemma in CONFIRM_VERBS and governs_content:
            if speaker is not None:
                att.confirmed_by.append(speaker)
        elif (
            lemma in DENY_VERBS
            and governs_content
            and child.dep_ != "nsubj"
            and not _called(node, child, trigger)
        ):
            if speaker is not None:
                att.denied_by.append(speaker)
            att.factuality = Factuality.DENIED
        elif lemma in SPEECH_VERBS and governs_content and not (statement and node.i == trigger.i):
            if lemma in _EPISTEMIC and att.factuality is Factuality.FUTURE:
                if speaker is not None:
                    att.claimed_by.append(speaker)
            else:
                if speaker is not None:
                    att.claimed_by.append(speaker)
                owned = child.dep_ == "dobj" and child.lemma_.lower() in _RESPONSIBILITY
                if owned or (
                    lemma == "claim" and child.i == trigger.i and child.dep_ in {"dobj", "nsubjpass"}
                ):
                    att.responsible = speaker  # to claim responsibility for an act, or the act, is to own it
                if att.factuality is Factuality.ASSERTED:
                    att.factuality = Factuality.CLAIMED
                if att.reporter is None:
                    att.reporter = node
                if lemma in ACCUSE_VERBS and any(c.lower_ in _FALSE_ADVERBS for c in node.children):
                    att.rejecting = node
        elif (lemma in FUTURE_VERBS and (
            child.dep_ in {"xcomp", "ccomp"} or (child.dep_ == "prep" and child.lower_ in {"at", "to"})
        )) or warned:  # fmt: skip
            att.factuality = Factuality.FUTURE  # "plans to attack", "aimed at blowing things up"
            if warned and speaker is not None and speaker not in att.claimed_by:
                att.claimed_by.append(speaker)  # who warns of it says it is coming
            if _negated(node) and lemma not in _EPISTEMIC | {"warn"}:
                # "did not seek to have her boyfriend killed": an intention denied tells no act
                # ("did not expect to be attacked" still tells the attack)
                att.factuality = Factuality.NEGATED
                att.unreal = f"'not {node.text}': an intention denied, not an act"
        elif _yet_to_happen(node, child):
            att.factuality = Factuality.FUTURE
        elif requested(node, child, trigger) and att.factuality is Factuality.ASSERTED:
            att.factuality = Factuality.HYPOTHETICAL  # "demanded the arrest of": wanted, not done
        elif failed(node, child, trigger):
            att.factuality = Factuality.NEGATED  # "failed to reach an agreement"
        elif prevented(node, child, trigger):
            att.factuality = Factuality.NEGATED  # kept, as "did not attack" is: a foiled attack
        if (
            node.pos_ == "NOUN"
            and node.lemma_.lower() in _GROUNDS
            and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children)
        ):
            att.factuality = Factuality.NEGATED  # "has no reason to believe he was killed"
        source = _according_to(node)
        if source is not None and source not in att.claimed_by:
            att.claimed_by.append(source)
            if att.factuality is Factuality.ASSERTED:
                att.factuality = Factuality.CLAIMED
        child, node = node, node.head
    if att.confirmed_by and att.factuality is Factuality.CLAIMED and not att.claimed_by:
        att.factuality = Factuality.ASSERTED
    if not statement:
        said, denier = _aside(trigger, att.reporter if att.claimed_by else None)
        if said is not None:
            att.claimed_by.append(said)
        if said is not None and att.factuality in {Factuality.ASSERTED, Factuality.DENIED}:
            att.factuality = Factuality.CLAIMED  # claimed by one, denied by another: disputed
        if denier is not None and denier not in att.denied_by:
            att.denied_by.append(denier)
    return att


#: What a denial after a report may deny for the report to be denied: the report itself, or the
#: part of the denier in it ("denied it", "denied the claim", "denied involvement").
_WHAT_WAS_SAID = frozenset(
    {"it", "this", "that", "claim", "report", "account", "allegation", "accusation", "involvement",
     "responsibility", "story", "version"}
)  # fmt: skip
#: What sets off an aside before its first word or after its verb.
_BEFORE_ASIDE = frozenset({",", "—", "–", '"', "”", "'"})
_AFTER_ASIDE = frozenset({",", ".", ";", "—", "–", "!", "?"})
_OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})


def _aside_subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb said as an aside after what it reports, which the parser
    often hangs elsewhere: set off before its subject, saying nothing after it ("..., the Russian
    Defense Ministry claimed, but ...", "..., Amnesty International said.")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or (subj.pos_ == "PRON" and subj.lower_ == "it"):
        return None
    doc = verb.doc
    start = subj.left_edge.i
    if start == 0 or doc[start - 1].text not in _BEFORE_ASIDE:
        return None
    if any(c.dep_ in {"ccomp", "xcomp", "dobj", "obj"} and c.i > verb.i for c in verb.children):
        return None
    after = verb.i + 1
    if after + 1 < len(doc) and doc[after].text in {",", ":"} and doc[after + 1].text in _OPENING_QUOTES:
        return None  # '..., he said, "the police lose all sense ...': what he said follows
    return subj if after >= verb.sent.end or doc[after].text in _AFTER_ASIDE else None


def _aside(trigger: Token, reporter: Token | None) -> tuple[Token | None, Token | None]:
    """Who claims an act in an aside after it, and who denies the claim after it: "Russian troops
    captured the village, the Russian Defense Ministry claimed, but Ukraine's military denied the
    village had fallen"; "Two people were shot dead, Amnesty International said, an account police
    denied."; with the ``reporter`` verb already found, the denial only ("The army said it killed
    20 rebels, a claim the rebels rejected"). (claimant, denier), either ``None``."""
    said: Token | None = None
    claimed = reporter is not None
    at = max(trigger.i, reporter.i) if reporter is not None else trigger.i
    for tok in trigger.sent:
        if tok.i <= at or tok.pos_ not in {"VERB", "AUX"} or _negated(tok):
            continue
        lemma = tok.lemma_.lower()
        if not claimed and lemma in SPEECH_VERBS - DENY_VERBS:
            said = _aside_subject(tok)
            claimed, at = said is not None, tok.i
        elif claimed and lemma in DENY_VERBS:
            denier = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            denied = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
            if denied and not all(c.lemma_.lower() in _WHAT_WAS_SAID for c in denied):
                continue  # "the man denied the charges": his guilt, not what was reported
            if denier is not None and denier.i > at and denier.tag_ not in {"WP", "WDT"}:
                return said, denier
    return said, None


#: Words that make a denial one of an act of force ("denied using live fire", "rejected reports of
#: shelling"), besides the words of harm.
_FORCE_WORDS = frozenset(
    {"fire", "force", "ammunition", "bullet", "shelling", "attack", "strike", "bombing", "raid",
     "torture", "abuse"}
)  # fmt: skip


def deniers_of_an_act(sent: Span) -> list[Token]:
    """Who denies, in a sentence of its own, an act told before it: the named subject of a verb of
    denial whose object is what was reported ("denied it", "rejected the allegations") or speaks of
    force or harm ("The military denied using live fire")."""
    harm = senses().harm
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in DENY_VERBS or _negated(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            continue
        said = [c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _WHAT_WAS_SAID
                and not any(g.dep_ in {"acl", "ccomp", "relcl"} for g in c.children)]  # fmt: skip
        told = [t for c in tok.children if c.i != subj.i for t in c.subtree]
        force = any(t.lemma_.lower() in harm or t.lemma_.lower() in _FORCE_WORDS for t in told)
        if said or force:
            out.append(subj)
    return out


#: Verbs by which a group owns an act: "claimed responsibility", "took credit", "admitted responsibility".
_OWNING = frozenset({"claim", "take", "accept", "assume", "admit"})


def responsibility_claimants(sent: Span) -> list[Token]:
    """Who claims an act as their own in a sentence ("Al-Shabaab claimed responsibility."): the
    subject of a verb of owning whose object is responsibility or credit, unless negated ("no
    group has claimed responsibility")."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _OWNING or _negated(tok):
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSIBILITY for c in tok.children):
            continue
        speaker = _subject(tok)
        if speaker is not None and not any(c.dep_ == "neg" or c.lower_ == "no" for c in speaker.children):
            out.append(speaker)
    return out
