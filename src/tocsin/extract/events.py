"""Assembling events from parsed body paragraphs: one place where the stages' answers meet.

For each sentence: triggers → roles → attribution → date → location → casualties, then triggers
of one event in one sentence are merged ("were killed in an ambush"), statements get their own
events (ACCUSE, REJECT) linked to what they allege, and reports of the same event within the
document are merged into one record with all its evidence.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from tocsin.extract.acled import VIOLENT_CUES, acled_type
from tocsin.extract.actors import ActorDictionary
from tocsin.extract.attribution import CONFIRM_VERBS, SPEECH_VERBS, Attribution, attribute
from tocsin.extract.casualties import Casualty, find_casualties
from tocsin.extract.lexicon import Trigger
from tocsin.extract.roles import is_pronoun, phrase_text, roles, victim_identity, with_conjuncts
from tocsin.extract.screen import (
    Dropped,
    document_subject,
    individual,
    natural_death,
    nonhuman_victim,
    political_arrest,
    screen,
    senses,
)
from tocsin.extract.triggers import PATIENT_SUBJECT_MODES, find_triggers
from tocsin.geo.resolve import PlaceMention, PlaceResolver, precision_rank
from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Segment,
)
from tocsin.time import DocumentClock, TimeExpression

STATEMENT_EVENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONSULT"})
_FALSE_ADVERBS = frozenset({"falsely", "wrongly", "baselessly", "groundlessly"})
_OFFSET = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\b",
    re.IGNORECASE,
)
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


#: Verbs of a purpose clause that make a civilian act a demonstration ("gathered to demand").
PURPOSE_LEMMAS = frozenset(
    {"demand", "protest", "denounce", "reject", "condemn", "oppose", "support", "express", "show", "call",
     "demonstrate", "decry", "repudiate", "claim", "request", "commemorate", "honour", "honor", "mourn"}
)  # fmt: skip


#: Nouns that tell how a demonstration went, wherever they stand (tear gas, stones, burning tyres).
CONTEXT_NOUNS = frozenset(
    {"teargas", "tear", "cannon", "rubber", "stone", "rock", "molotov", "projectile", "tyre", "tire",
     "barricade"}
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


#: ACLED types that one person acting alone cannot make: no battle, no mob, no political attack.
INDIVIDUAL_CRIME = frozenset({"Violence against civilians", "Battles", "Riots"})


#: Objects of "with" that are what was used, not a side: "attacked with rockets", "with knives".
INSTRUMENTS = frozenset(
    {"gun", "rifle", "knife", "machete", "weapon", "firearm", "stone", "rock", "stick", "club", "axe",
     "bullet", "ammunition", "gunfire", "fire", "explosive", "bomb", "grenade", "missile", "rocket",
     "shell", "mortar", "artillery", "drone", "airstrike", "gas", "teargas", "baton", "whip", "pistol"}
)  # fmt: skip


def _instrument(prep: Token) -> bool:
    """Whether a "with" phrase names what was used ("with rockets") rather than the other side."""
    return any(g.lemma_.lower() in INSTRUMENTS for g in prep.children if g.dep_ == "pobj")


def _coordinated_with_assembly(tok: Token) -> bool:
    """ "gathered outside the courthouse and demanded justice": a demand coordinated with a verb of
    gathering in public (not "demonstrate the will", which shows)."""
    verbs = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        verbs.append(tok.head)
    return any(
        v.pos_ == "VERB"
        and v.lemma_.lower() in senses().assembly
        and not any(c.dep_ in {"dobj", "nsubjpass", "ccomp"} for c in v.children)
        for v in verbs
    )


def _armed_or_state(actors: list[Actor]) -> bool:
    return any(a.sector in ARMED_OR_STATE for a in actors)


#: Verbs whose nominal object is what a statement or a demonstration is about, not what it reports.
ABOUT_VERBS = PURPOSE_LEMMAS | frozenset({"commemorate", "remember", "investigate", "recall", "mark"})


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


def in_passing(tok: Token) -> bool:
    """Whether an event trigger mentions an event in passing rather than reporting it.

    In a relative or participial clause ("the family of a man who was killed", "a man killed by
    police"), as a noun's complement ("justice for the killing of", "the victims of the massacre"),
    or as the nominal object of a demand or grievance ("gathered to repudiate the killing of").
    """
    node = tok
    while node.i != node.head.i:
        if node.dep_ in {"relcl", "acl"}:
            return True
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"NOUN", "PROPN"}:
            return True
        if tok.pos_ == "NOUN" and node.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in ABOUT_VERBS:
            return True
        if head.dep_ == "prep" and head.head.lemma_.lower() in ABOUT_VERBS and tok.pos_ == "NOUN":
            return True
        node = head
    return False


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


def _temporal_governor(root: Token) -> Token | None:
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


@dataclass(slots=True)
class _Draft:
    """An event while it is being assembled (mutable); frozen into :class:`Event` at the end."""

    event: str
    mode: str | None
    trigger: Token
    lemma: str
    sentence: int
    #: Where the trigger's paragraph starts in the document text.
    offset: int
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    date: DateSpan = field(
        default_factory=lambda: DateSpan(None, None, DatePrecision.UNKNOWN, DateMethod.NONE)
    )
    location: Place | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    factuality: Factuality = Factuality.ASSERTED
    claimed_by: list[Actor] = field(default_factory=list)
    denied_by: list[Actor] = field(default_factory=list)
    confirmed_by: list[Actor] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    related: list[_Draft] = field(default_factory=list)
    merged_into: _Draft | None = None
    #: Lemmas of every trigger merged into this draft ("kill" and "ambush").
    lemmas: set[str] = field(default_factory=set)
    #: Sentences whose reports were merged into this draft.
    sentences: set[int] = field(default_factory=set)
    #: Mentioned in passing (see :func:`in_passing`), not what its sentence reports.
    background: bool = False
    #: What a court case or a charge is about (screen.py): background, and not typed by ACLED.
    court: bool = False
    #: Done by one person acting alone ("he", "a man", a named person): crime, not political violence.
    individual: bool = False


def _actor_keys(actors: list[Actor]) -> set[str]:
    keys = set()
    for a in actors:
        keys.add(a.name.lower())
        if a.entity:
            keys.add(a.entity.lower())
        elif a.country:
            keys.add(a.country)
    return keys


def _add_unique(target: list[Actor], new: list[Actor]) -> None:
    names = {a.name for a in target}
    for a in new:
        if a.name not in names:
            target.append(a)
            names.add(a.name)


@dataclass(frozen=True, slots=True)
class _SentenceView:
    """One sentence as the extractor sees it: where it stands and what the stages found in it."""

    doc_id: str
    sent: Span
    index: int
    offset: int
    exprs: list[TimeExpression]
    mentions: list[PlaceMention]
    focus: Place | None
    published_anchor: DateSpan | None


@dataclass(slots=True)
class _Context:
    """What the narrative has established so far in a document."""

    clock: DocumentClock
    anchor: DateSpan | None = None
    last_subject: Actor | None = None
    paragraph_places: list[Place] = field(default_factory=list)
    #: The last violent event of the paragraph, for counts told in the next sentence.
    last_violent: _Draft | None = None
    #: What the document is about when it is not conflict (sport, markets, ...): see screen.py.
    subject: str | None = None
    #: Candidates the precision stage dropped or demoted, with their reasons.
    dropped: list[Dropped] = field(default_factory=list)


class EventExtractor:
    """Turns a document's parsed body paragraphs into events."""

    def __init__(self, actors: ActorDictionary, resolver: PlaceResolver) -> None:
        self.actors = actors
        self.resolver = resolver

    # -- actors -------------------------------------------------------------------------------
    def _actor(self, tok: Token, ctx: _Context) -> Actor | None:
        if is_pronoun(tok) and tok.lower_ in {"it", "they", "he", "she"}:
            # "The government announced it will ...": the speaker of the clause above.
            for above in tok.ancestors:
                subj = next((c for c in above.children if c.dep_ == "nsubj" and c.i != tok.i), None)
                if subj is not None and not is_pronoun(subj) and above.lemma_.lower() in SPEECH_VERBS:
                    return self.actors.normalise(phrase_text(subj))
        if is_pronoun(tok):
            if tok.lower_ in {"it", "they"} and ctx.last_subject is not None:
                prior = ctx.last_subject
                return Actor(tok.text, prior.name, prior.country, prior.sector, prior.entity)
            return None
        return self.actors.normalise(phrase_text(tok))

    def _actors(self, toks: list[Token], ctx: _Context) -> list[Actor]:
        out: list[Actor] = []
        for t in toks:
            a = self._actor(t, ctx)
            if a is None:
                continue
            # "shelled Kharkiv": a place that is not a state or a known body is where, not whom.
            if t.ent_type_ in {"GPE", "LOC", "FAC"} and a.country is None and a.sector is None:
                continue
            _add_unique(out, [a])
        return out

    # -- dates --------------------------------------------------------------------------------
    @staticmethod
    def _expr_root(sent: Span, expr: TimeExpression) -> Token | None:
        span = sent.doc.char_span(
            sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
        )
        return span.root if span is not None else None

    def _dates_for(
        self,
        trigger: Token,
        sent: Span,
        exprs: list[TimeExpression],
        ctx: _Context,
        published_anchor: DateSpan | None,
    ) -> list[DateSpan]:
        clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
        attached: list[TimeExpression] = []
        for expr in exprs:
            root = self._expr_root(sent, expr)
            governor = _temporal_governor(root) if root is not None else None
            if governor is None:
                continue
            # The date modifies the trigger, its clause, or a noun right under the trigger
            # ("firing on civilians on March 15"); not something deeper in a modifier.
            near = governor.head.i == trigger.i or (
                governor.head.head.i == trigger.i and governor.head.pos_ == "ADP"
            )
            if governor.i in {trigger.i, clause.i} or (
                trigger.pos_ in {"VERB", "AUX"} and near and governor.pos_ in {"NOUN", "PROPN"}
            ):
                attached.append(expr)
        if attached:
            return [e.span for e in attached]
        base = ctx.anchor or published_anchor
        offset = self._clause_offset(trigger, sent)
        if offset is not None and base is not None and base.start is not None:
            return [
                DateSpan(
                    base.start + timedelta(days=offset),
                    None,
                    DatePrecision.DAY,
                    DateMethod.NARRATIVE,
                    f"{-offset:+d} day(s) from {base.start}",
                )
            ]
        # Unattached expressions date the event only if they are not names of other events
        # ("the 2020 war") and stand in the trigger's own clause or before it.
        loose = [e for e in exprs if e.kind not in {"ref", "namedyear"}]
        if loose:
            before = [e for e in loose if sent.start_char + e.start <= trigger.idx]
            chosen = before[-1] if before else loose[0]
            return [chosen.span]
        if base is None or base.start is None:
            return [DateSpan(None, None, DatePrecision.UNKNOWN, DateMethod.NONE)]
        return [DateSpan(base.start, None, base.precision, DateMethod.INFERRED, None)]

    @staticmethod
    def _clause_offset(trigger: Token, sent: Span) -> int | None:
        """ "a day after <clause>": the clause's events are that many days before the main one."""
        for m in _OFFSET.finditer(sent.text):
            connector = sent.doc.char_span(sent.start_char + m.start("dir"), sent.start_char + m.end("dir"))
            if connector is None:
                continue
            tok = connector[0]
            clause = tok.head if tok.dep_ == "mark" else tok
            if trigger in clause.subtree and trigger.i > tok.i:
                n = _NUM.get(m.group("n").lower()) or int(m.group("n"))
                days = n * (7 if m.group("unit").lower().startswith("week") else 1)
                return -days if m.group("dir").lower() == "after" else days
        return None

    # -- places -------------------------------------------------------------------------------
    def _location(
        self, trigger: Token, sent: Span, mentions: list[PlaceMention], ctx: _Context, focus: Place | None
    ) -> Place | None:
        in_sent = [m for m in mentions if m.sentence_start == sent.start and m.role in LOCATING_ROLES]
        clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
        attached = [m for m in in_sent if m.head in {t.i for t in clause.subtree}]
        pool = attached or in_sent
        resolved = [m for m in pool if m.place.precision is not PlacePrecision.UNRESOLVED]
        if resolved:
            best = min(
                resolved,
                key=lambda m: (
                    m.role != "location",
                    precision_rank(m.place.precision),
                    abs(m.head - trigger.i),
                ),
            )
            if best.place.precision is PlacePrecision.COUNTRY and ctx.paragraph_places:
                nearer = ctx.paragraph_places[-1]
                if precision_rank(nearer.precision) < precision_rank(PlacePrecision.COUNTRY):
                    return self._carried(nearer)
            return best.place
        unresolved = [m for m in pool if m.place.precision is PlacePrecision.UNRESOLVED]
        if unresolved and focus is not None:
            u = unresolved[0].place
            why = f"{u.text} is not in the gazetteer; placed at the document's focus, {focus.name}"
            return replace(
                focus, text=u.text, start=u.start, end=u.end, precision=PlacePrecision.REGION, reason=why
            )
        if ctx.paragraph_places:
            return self._carried(ctx.paragraph_places[-1])
        if focus is not None:
            why = f"no place in the sentence; the document's focus, {focus.name}"
            return replace(focus, precision=PlacePrecision.REGION, reason=why)
        return None

    @staticmethod
    def _carried(p: Place) -> Place:
        return replace(p, reason=f"from an earlier sentence of the paragraph: {p.reason}")

    @staticmethod
    def _focus(mentions: list[list[PlaceMention]]) -> Place | None:
        counts: Counter[str] = Counter()
        first: dict[str, Place] = {}
        for ms in mentions:
            for m in ms:
                p = m.place
                if (
                    p.precision in {PlacePrecision.REGION, PlacePrecision.EXACT, PlacePrecision.NEAR}
                    and p.name
                ):
                    counts[p.name] += 1
                    first.setdefault(p.name, p)
        if not counts:
            return None
        name, _ = counts.most_common(1)[0]
        return first[name]

    # -- the sentence -------------------------------------------------------------------------
    def _sentence(self, sv: _SentenceView, ctx: _Context) -> list[_Draft]:
        sent, index, offset = sv.sent, sv.index, sv.offset
        triggers = find_triggers(sent)
        drafts: list[_Draft] = []
        by_token: dict[int, _Draft] = {}
        for tok, trig in triggers:
            if trig.wrongdoing:
                for d in self._wrongdoing(tok, trig, sv, ctx):
                    d.date = self._dates_for(d.trigger, sent, sv.exprs, ctx, sv.published_anchor)[0]
                    drafts.append(d)
                continue
            for d in self._draft(tok, trig, sv, ctx):
                drafts.append(d)
                by_token.setdefault(tok.i, d)
        drafts = self._screen(drafts, sv, ctx)
        by_token = {i: d for i, d in by_token.items() if d in drafts}
        self._merge_in_sentence(drafts, by_token)
        drafts = [d for d in drafts if d.merged_into is None]
        drafts = self._protest_frames(drafts, sv, ctx)
        found = find_casualties(sent)
        if not any(d.event == "ASSAULT" for d in drafts) and ctx.last_violent is not None:
            # "1 fatality." after the sentence that told of the attack.
            self._attach_casualties([ctx.last_violent], found, strict=False)
        self._attach_casualties(drafts, found)
        self._statements(drafts, ctx)
        for d in drafts:
            d.evidence.append(
                Evidence(
                    sv.doc_id,
                    index,
                    offset + sent.start_char,
                    offset + sent.end_char,
                    sent.text,
                    d.trigger.text,
                    offset + d.trigger.idx,
                    offset + d.trigger.idx + len(d.trigger.text),
                )
            )
        return self._fold_casualty_reports(drafts, ctx)

    @staticmethod
    def _screen(drafts: list[_Draft], sv: _SentenceView, ctx: _Context) -> list[_Draft]:
        """The precision stage (screen.py): drop candidates whose trigger has no violent or
        contentious sense here; mark as background the acts a court case is about."""
        kept = []
        for d in drafts:
            verdict = screen(d.trigger, d.event, ctx.subject)
            if verdict is not None:
                start = sv.offset + d.trigger.idx
                end = start + len(d.trigger.text)
                text = sv.sent.text
                found = Dropped(sv.doc_id, sv.index, d.event, d.trigger.text, start, end, verdict.action,
                                verdict.reason, text)  # fmt: skip
                ctx.dropped.append(found)
            if verdict is not None and verdict.action == "drop":
                continue
            if verdict is not None:
                d.background = d.court = True
            kept.append(d)
        return kept

    @staticmethod
    def _fold_casualty_reports(drafts: list[_Draft], ctx: _Context) -> list[_Draft]:
        """ "Two people were killed." right after the clash is the clash's toll, not a new event."""
        violent = [d for d in drafts if d.event == "ASSAULT"]
        tolls = [d for d in violent if not d.actors and d.lemma in CASUALTY_LEMMAS]
        target = ctx.last_violent
        if (
            target is not None
            and violent
            and len(tolls) == len(violent)
            and target.date.start == tolls[0].date.start
        ):
            for d in tolls:
                for kind in ("dead", "injured", "arrested"):
                    if getattr(target, kind) is None:
                        setattr(target, kind, getattr(d, kind))
                target.evidence.extend(d.evidence)
                _add_unique(target.recipients, d.recipients)
            drafts = [d for d in drafts if d not in tolls]
        else:
            ctx.last_violent = violent[-1] if violent else ctx.last_violent
        return drafts

    def _draft(self, tok: Token, trig: Trigger, sv: _SentenceView, ctx: _Context) -> list[_Draft]:
        sent, index, offset = sv.sent, sv.index, sv.offset
        patient = trig.mode in PATIENT_SUBJECT_MODES and trig.condition_kind == "obj"
        actor_toks, recipient_toks = roles(tok, event=trig.event, patient_subject=patient)
        att = attribute(tok, statement=trig.event in STATEMENT_EVENTS)
        dates = self._dates_for(tok, sent, sv.exprs, ctx, sv.published_anchor)
        location = self._location(tok, sent, sv.mentions, ctx, sv.focus)
        out = []
        for date_span in dates:
            # "clashed with", "fighting between": two sides; "attacked with rockets": an instrument.
            cues = {
                c.lower_
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"between", "with"} and not _instrument(c)
            }
            if trig.mode == "seize":  # what was seized decides ACLED's type: a town, or goods
                objects = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
                cues |= {c.lemma_.lower() for c in objects}
                # "500 kilograms of cocaine", "a cache of weapons": what the measure is of.
                cues |= {g.lemma_.lower() for c in objects for p in c.children if p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"}  # fmt: skip
            if tok.pos_ == "NOUN":
                cues.add(tok.head.lemma_.lower())  # "exchanged fire", "heavy fighting erupted"
                # "gunfire erupted between X and Y": the two sides hang from the verb.
                cues |= {c.lower_ for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "between"}
            d = _Draft(
                lemmas={"exchange" if cue in {"between", "with"} else cue for cue in cues},
                event=trig.event,
                mode=trig.mode,
                trigger=tok,
                lemma=tok.lemma_.lower(),
                sentence=index,
                offset=offset,
                actors=self._actors(actor_toks, ctx),
                recipients=self._actors(recipient_toks, ctx),
                date=date_span,
                location=location,
                factuality=att.factuality,
                background=in_passing(tok),
                individual=bool(actor_toks) and all(individual(t) for t in actor_toks),
            )
            self._apply_attribution(d, att, ctx)
            self._intent(d, tok)
            out.append(d)
        return out

    def _protest_frames(self, drafts: list[_Draft], sv: _SentenceView, ctx: _Context) -> list[_Draft]:
        """Civilians acting to press a demand are demonstrating, whatever the verb.

        "residents gathered ... to demand", "drivers blocked the highway to protest", "protesters
        demanded": the act (or the demand) becomes a PROTEST when no armed or state actor does it.
        """
        out = list(drafts)
        for tok in sv.sent:
            if tok.lemma_.lower() not in PURPOSE_LEMMAS or tok.dep_ not in {"xcomp", "advcl"}:
                continue
            if not any(c.lower_ == "to" for c in tok.children) and tok.lemma_.lower() != "demand":
                continue
            gov = tok.head
            if gov.pos_ != "VERB" or gov.i == tok.i or gov.lemma_.lower() not in senses().assembly:
                continue  # a protest needs people in public: "raising funds to support" is none
            if any(
                d.event == "PROTEST" and d.trigger.head.i == gov.i and d.trigger.dep_ in {"dobj", "obj"}
                for d in out
            ):
                # "staged a protest to demand ...": the protest is there; the demand is what it is about.
                out = [d for d in out if d.trigger.i != tok.i]
                continue
            existing = next((d for d in out if d.trigger.i == gov.i), None)
            if existing is not None and existing.event not in {"COERCE", "REQUEST", "MOBILIZE", "CONSULT"}:
                continue
            trig = Trigger(gov.lemma_.lower(), "VERB", "PROTEST", "demo", "")
            (protest, *_) = self._draft(gov, trig, sv, ctx)
            if _armed_or_state(protest.actors):
                continue
            if existing is not None:
                out.remove(existing)
            # The demand itself ("to demand lower prices") is what the protest is about, not another event.
            out = [d for d in out if d.trigger.i != tok.i]
            out.append(protest)
        for d in out:
            # "protesters demanded ...", "taxi drivers blocked the road": civilians' demands and blockades.
            unarmed = bool(d.actors) and not _armed_or_state(d.actors)
            civilian = unarmed and any(a.sector in {"PRO", "CVL"} for a in d.actors)
            # A blockade by people with no arms or office ("parents blocked the highway") is a protest;
            # not one by a state ("Azerbaijan has closed the corridor": no sector, but a country).
            people = all(a.sector is not None or a.country is None for a in d.actors)
            blockade = unarmed and people and d.event == "COERCE" and d.mode == "restrict"
            # Demonstrators' demands, and demands made by people gathered in public ("gathered outside
            # the courthouse and demanded justice"), are a demonstration; other requests are requests.
            assembled = _coordinated_with_assembly(d.trigger)
            protesters = (unarmed and assembled) or (civilian and any(a.sector == "PRO" for a in d.actors))
            if (protesters and d.event == "REQUEST") or blockade:
                d.event, d.mode = "PROTEST", "demo"
        return out

    @staticmethod
    def _intent(d: _Draft, tok: Token) -> None:
        """PLOVER's announced intentions: a promised act of help is AGREE, an announced act of force THREATEN.

        Only when the party who would act is the one announcing it (or nobody else is quoted):
        "Armenians believe there'll be an offensive by Azerbaijan" stays a future ASSAULT.
        """
        promised = any(a.lemma_.lower() in PROMISE_VERBS for a in [tok, *tok.ancestors][:4])
        if d.factuality is not Factuality.FUTURE and not promised:
            return
        speakers = _actor_keys(d.claimed_by)
        if speakers and not speakers & _actor_keys(d.actors):
            return
        if d.event in COOPERATIVE_EVENTS or (promised and d.event in {"RETREAT", "CONSULT"}):
            d.event = "AGREE"  # "is willing to withdraw", "is ready to host a meeting"
        elif d.event in FORCEFUL_EVENTS and not promised:
            d.event = "THREATEN"

    def _apply_attribution(self, d: _Draft, att: Attribution, ctx: _Context) -> None:
        for target, toks in (
            (d.claimed_by, att.claimed_by),
            (d.denied_by, att.denied_by),
            (d.confirmed_by, att.confirmed_by),
        ):
            for t in toks:
                _add_unique(target, self._actors(with_conjuncts(t), ctx))
        if att.rejecting is not None:
            speaker = att.claimed_by[0] if att.claimed_by else None
            if speaker is not None:
                _add_unique(d.denied_by, self._actors([speaker], ctx))
                d.factuality = Factuality.DENIED

    def _wrongdoing(self, tok: Token, trig: Trigger, sv: _SentenceView, ctx: _Context) -> list[_Draft]:
        """ "X confirmed that Y had violated the ceasefire" → ACCUSE by X against Y."""
        index, offset = sv.index, sv.offset
        node = tok.head
        while node.i != node.head.i and node.lemma_.lower() not in SPEECH_VERBS | CONFIRM_VERBS:
            node = node.head
        if node.lemma_.lower() not in SPEECH_VERBS | CONFIRM_VERBS or node.i == tok.i:
            return []
        speaker = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        wrongdoer, _ = roles(tok)
        if speaker is None:
            return []
        d = _Draft(
            event="ACCUSE",
            mode=trig.mode,
            trigger=node,
            lemma=node.lemma_.lower(),
            sentence=index,
            offset=offset,
            actors=self._actors(with_conjuncts(speaker), ctx),
            recipients=self._actors(wrongdoer, ctx),
        )
        return [d]

    @staticmethod
    def _merge_in_sentence(drafts: list[_Draft], by_token: dict[int, _Draft]) -> None:
        """Triggers of one event in one clause ("killed in an ambush") become one draft."""
        for d in drafts:
            node = d.trigger.head
            for _ in range(3):
                parent = by_token.get(node.i)
                if (
                    parent is not None
                    and parent is not d
                    and parent.event == d.event
                    and parent.date.start == d.date.start
                    and parent.merged_into is None
                ):
                    _add_unique(parent.actors, d.actors)
                    _add_unique(parent.recipients, d.recipients)
                    parent.mode = parent.mode or d.mode
                    parent.lemmas |= d.lemmas | {d.lemma}
                    d.merged_into = parent
                    break
                if node.lemma_.lower() in SPEECH_VERBS or node.i == node.head.i:
                    break
                node = node.head

    def _attach_casualties(self, drafts: list[_Draft], found: list[Casualty], *, strict: bool = True) -> None:
        """Counts go to the violent event they belong to; ``strict=False``: to the given one only."""
        if not strict:
            target = drafts[0]
            doc = target.trigger.doc
            for c in (c for c in found if not self._no_casualty(doc, c)):
                if getattr(target, c.kind) is None:
                    setattr(target, c.kind, c.count)
            return
        violent = [d for d in drafts if d.event == "ASSAULT"] or [d for d in drafts if d.event == "COERCE"]
        if violent:
            doc = violent[0].trigger.doc
            found = [c for c in found if not self._no_casualty(doc, c)]
        for c in found:
            if not violent:
                break
            doc = violent[0].trigger.doc
            anchor = doc[c.anchor]
            related = [
                d
                for d in violent
                if d.trigger.i == c.anchor or d.trigger in anchor.subtree or anchor in d.trigger.subtree
            ]
            target = min(related or violent, key=lambda d: abs(d.trigger.i - c.anchor))
            if c.victim is not None and doc[c.victim].pos_ in {"NOUN", "PROPN"}:
                victim = self.actors.normalise(phrase_text(doc[c.victim]))
                if victim.sector and not any(r.sector for r in target.recipients):
                    target.recipients[:] = [victim]
            current = getattr(target, c.kind)
            if current is None or (c.count > current and c.anchor != target.trigger.i):
                setattr(target, c.kind, c.count if current is None else max(current, c.count))

    @staticmethod
    def _no_casualty(doc: Doc, c: Casualty) -> bool:
        """Deaths of animals, and deaths from illness or old age, are no casualties of violence."""
        victim = doc[c.victim] if c.victim is not None else None
        return nonhuman_victim(victim) or natural_death(doc[c.anchor])

    def _statements(self, drafts: list[_Draft], ctx: _Context) -> None:
        """Link accusations to what they allege; "falsely accuses" adds a REJECT by the speaker."""
        accusations = [d for d in drafts if d.event == "ACCUSE" and d.trigger.pos_ == "VERB"]
        for acc in accusations:
            for d in drafts:
                if d is acc or d.event in STATEMENT_EVENTS:
                    continue
                if acc.trigger in d.trigger.ancestors:
                    _add_unique(d.claimed_by, acc.actors)
                    if d.factuality is Factuality.ASSERTED:
                        d.factuality = Factuality.CLAIMED
                    acc.related.append(d)
                    d.related.append(acc)
            if any(c.lower_ in _FALSE_ADVERBS for c in acc.trigger.children) and acc.claimed_by:
                reject = _Draft(
                    event="REJECT",
                    mode=None,
                    trigger=acc.trigger,
                    lemma="reject",
                    sentence=acc.sentence,
                    offset=acc.offset,
                    actors=list(acc.claimed_by),
                    recipients=list(acc.actors),
                    date=acc.date,
                )
                _add_unique(acc.denied_by, acc.claimed_by)
                reject.related.append(acc)
                acc.related.append(reject)
                drafts.append(reject)

    # -- the document -------------------------------------------------------------------------
    def extract(self, document: Document, parsed: list[tuple[Segment, Doc]]) -> list[Event]:
        """Events of a document whose body segments have been parsed (in document order)."""
        return self.extract_screened(document, parsed)[0]

    def extract_screened(
        self, document: Document, parsed: list[tuple[Segment, Doc]]
    ) -> tuple[list[Event], list[Dropped]]:
        """The events of a document, and the candidates the precision stage dropped or demoted."""
        published = document.published
        published_anchor = (
            DateSpan(published, None, DatePrecision.DAY, DateMethod.INFERRED) if published else None
        )
        mentions = self.resolver.document_mentions([(seg.start, doc) for seg, doc in parsed])
        focus = self._focus(mentions)
        ctx = _Context(clock=DocumentClock(published), subject=document_subject(doc for _, doc in parsed))
        drafts: list[_Draft] = []
        index = 0
        for (seg, doc), seg_mentions in zip(parsed, mentions, strict=True):
            ctx.paragraph_places = []
            ctx.last_violent = None
            for sent in doc.sents:
                exprs = ctx.clock.read(sent.text)
                ctx.anchor = ctx.clock.anchor
                view = _SentenceView(
                    document.id, sent, index, seg.start, exprs, seg_mentions, focus, published_anchor
                )
                drafts.extend(self._sentence(view, ctx))
                who = victim_identity(sent)
                last = ctx.last_violent
                if who is not None and last is not None:
                    # "The victim was a drug dealer": who was attacked, told after the attack.
                    victims = self._actors([who], ctx)
                    for d in drafts:
                        if d.event == "ASSAULT" and d.sentence == last.sentence:
                            _add_unique(d.recipients, victims)
                subj = next((t for t in sent.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and not is_pronoun(subj):
                    ctx.last_subject = self.actors.normalise(phrase_text(subj))
                here = [
                    m.place
                    for m in seg_mentions
                    if m.sentence_start == sent.start
                    and m.role in LOCATING_ROLES
                    and m.place.precision is not PlacePrecision.UNRESOLVED
                ]
                if here:
                    ctx.paragraph_places.append(min(here, key=lambda p: precision_rank(p.precision)))
                index += 1
        self._link_denials(drafts)
        merged = self._merge_reports(drafts)
        # What the document's verbs say happened ("clashed", "dispersed"), and a few telling nouns:
        # "protested the arrest of their leader" is no dispersal.
        context, resisted = self._document_cues(parsed)
        return [self._freeze(document, d, context, d.offset in resisted) for d in merged], ctx.dropped

    def _document_cues(self, parsed: list[tuple[Segment, Doc]]) -> tuple[frozenset[str], set[int]]:
        """What the document's verbs say happened ("clashed", "dispersed", "set ... on fire") and a
        few telling nouns, leaving out force by armed or state actors and violence told in passing;
        and the paragraphs (by start) that say the side attacked fought back. One pass over the text."""
        context: set[str] = set()
        resisted: set[int] = set()
        for seg, doc in parsed:
            for t in doc:
                lemma = t.lemma_.lower()
                if (t.pos_ == "VERB" or lemma in CONTEXT_NOUNS) and not self._force_or_grievance(t):
                    context.add(lemma)
                if set_on_fire(t):
                    context.add("burn")
                if fought_back(t):
                    resisted.add(seg.start)
        return frozenset(context), resisted

    def _force_or_grievance(self, tok: Token) -> bool:
        """Whether a violent verb tells of force by armed or state actors ("police beat up the
        demonstrators", "he was attacked by national guards") or is mentioned in passing ("a man
        who was stabbed"): neither turns a demonstration violent."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in VIOLENT_CUES:
            return False
        if in_passing(tok):
            return True
        doers, _ = roles(tok, event="ASSAULT")  # subject, passive agent, or the coordinated verb's
        return any(self.actors.normalise(phrase_text(d)).sector in ARMED_OR_STATE for d in doers)

    @staticmethod
    def _link_denials(drafts: list[_Draft]) -> None:
        """A REJECT by A of B marks B's accusations against A as denied by A."""
        for rej in (d for d in drafts if d.event == "REJECT"):
            deniers, accused = _actor_keys(rej.actors), _actor_keys(rej.recipients)
            for acc in (d for d in drafts if d.event == "ACCUSE"):
                if _actor_keys(acc.actors) & accused and _actor_keys(acc.recipients) & deniers:
                    _add_unique(acc.denied_by, rej.actors)

    @staticmethod
    def _compatible(k: _Draft, d: _Draft) -> bool:
        """Whether two reports can be one event: no conflicting victims or counts."""
        ks = {r.sector for r in k.recipients if r.sector}
        ds = {r.sector for r in d.recipients if r.sector}
        if ks and ds and not ks & ds:
            return False
        for kind in ("dead", "injured", "arrested"):
            a, b = getattr(k, kind), getattr(d, kind)
            if a is not None and b is not None and a != b:
                return False
        return True

    @classmethod
    def _merge_reports(cls, drafts: list[_Draft]) -> list[_Draft]:
        """Reports of the same event within one document become one record with all evidence."""
        kept: list[_Draft] = []
        for d in drafts:
            twin = None
            for k in kept:
                if (
                    k.event == d.event
                    and k.date.start == d.date.start
                    and k.factuality == d.factuality
                    and d.sentence not in k.sentences
                    and cls._compatible(k, d)
                    and (k.location is None or d.location is None or k.location.name == d.location.name)
                    and k.mode == d.mode
                    and (
                        _actor_keys(k.actors) & _actor_keys(d.actors)
                        or ((not k.actors or not d.actors) and k.lemma == d.lemma)
                    )
                    and k.event not in STATEMENT_EVENTS
                ):
                    twin = k
                    break
            if twin is None:
                d.sentences.add(d.sentence)
                kept.append(d)
                continue
            twin.sentences.add(d.sentence)
            _add_unique(twin.actors, d.actors)
            _add_unique(twin.recipients, d.recipients)
            _add_unique(twin.claimed_by, d.claimed_by)
            _add_unique(twin.denied_by, d.denied_by)
            _add_unique(twin.confirmed_by, d.confirmed_by)
            twin.evidence.extend(d.evidence)
            twin.related.extend(r for r in d.related if r not in twin.related)
            for kind in ("dead", "injured", "arrested"):
                if getattr(twin, kind) is None:
                    setattr(twin, kind, getattr(d, kind))
            if twin.location is None or (
                d.location is not None
                and precision_rank(d.location.precision) < precision_rank(twin.location.precision)
            ):
                twin.location = d.location
            d.merged_into = twin
        for k in kept:
            k.related = [r.merged_into or r for r in k.related]
            k.related = [r for r in k.related if r is not k]
        return kept

    @staticmethod
    def _event_id(doc_id: str, d: _Draft) -> str:
        key = f"{doc_id}|{d.event}|{d.offset + d.trigger.idx}|{d.date.start}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def _freeze(self, document: Document, d: _Draft, context: frozenset[str], resisted: bool) -> Event:
        factuality = d.factuality
        if (
            document.published
            and d.date.start is not None
            and factuality is Factuality.ASSERTED
            and (d.date.end or d.date.start) < document.published - timedelta(days=365)
        ):
            factuality = Factuality.HISTORICAL
        elif (
            document.published
            and d.date.start is not None
            and factuality is Factuality.ASSERTED
            and d.date.start > document.published + timedelta(days=1)
        ):
            factuality = Factuality.FUTURE  # "talks are scheduled for next week"
        actors, recipients = tuple(d.actors), tuple(d.recipients)
        actors = tuple(
            self.actors.localise(a, d.location.country_code if d.location else None) for a in actors
        )
        recipients = tuple(
            self.actors.localise(a, d.location.country_code if d.location else None) for a in recipients
        )
        acled = acled_type(
            d.event,
            d.mode,
            frozenset(d.lemmas | {d.lemma}),
            actors,
            recipients,
            context=context,
            resisted=resisted,
            sentence=frozenset(t.lemma_.lower() for t in d.trigger.sent),
            casualties=bool(d.dead or d.injured),
        )
        if factuality in {Factuality.NEGATED, Factuality.HYPOTHETICAL, Factuality.FUTURE}:
            acled = (None, None)  # ACLED codes what happened, not what was feared, planned or denied
        if acled[1] == "Arrests" and not political_arrest(d.trigger):
            acled = (None, None)  # ACLED codes political arrests, not every suspect taken in
        if d.court:
            acled = (None, None)  # what a court case is about: coded from its own report, not this one
        sides = {a.sector for a in actors + recipients}
        if d.individual and acled[0] in INDIVIDUAL_CRIME and not sides & ARMED_OR_STATE:
            acled = (None, None)  # one person against another, no armed or state side: crime
        crowd = {"Riots": "Rioters", "Protests": "Protesters"}.get(acled[0] or "")
        if crowd:
            actors = tuple(self.actors.localise(a, None, crowd=crowd) for a in actors)
        confidence = (
            0.5
            + 0.15 * bool(actors)
            + 0.1 * bool(recipients)
            + 0.1 * (d.date.method not in {DateMethod.INFERRED, DateMethod.NONE})
            + 0.1 * (d.location is not None and d.location.precision is not PlacePrecision.UNRESOLVED)
        )
        return Event(
            id=self._event_id(document.id, d),
            doc_id=document.id,
            event=d.event,
            mode=d.mode,
            acled_event_type=acled[0],
            acled_sub_event_type=acled[1],
            actor=actors,
            recipient=recipients,
            date=d.date,
            location=d.location,
            dead=d.dead,
            injured=d.injured,
            arrested=d.arrested,
            factuality=factuality,
            claimed_by=tuple(d.claimed_by),
            denied_by=tuple(d.denied_by),
            confirmed_by=tuple(d.confirmed_by),
            evidence=tuple(d.evidence),
            confidence=round(min(confidence, 0.95), 2),
            related=tuple(self._event_id(document.id, r) for r in d.related),
            background=d.background,
        )
