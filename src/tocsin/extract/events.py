"""Assembling events from parsed body paragraphs: one place where the stages' answers meet.

For each sentence: triggers → roles → attribution → date → location → casualties, then triggers
of one event in one sentence are merged ("were killed in an ambush"), statements get their own
events (ACCUSE, REJECT) linked to what they allege, and reports of the same event within the
document are merged into one record with all its evidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from tocsin.extract.accidents import WOUND_NOUNS, told_accident
from tocsin.extract.actors import ActorDictionary
from tocsin.extract.attribution import (
    CONFIRM_VERBS,
    SPEECH_VERBS,
    Attribution,
    attribute,
    deniers_of_an_act,
    responsibility_claimants,
    yes_no_question,
)
from tocsin.extract.casualties import Casualty, find_casualties
from tocsin.extract.clauses import (
    CASUALTY_LEMMAS,
    COOPERATIVE_EVENTS,
    FORCEFUL_EVENTS,
    LOCATING_ROLES,
    PROMISE_VERBS,
    STATEMENT_EVENTS,
    instrument,
    own_doer,
    owned_act,
    passing_kind,
    toll_of_place,
)
from tocsin.extract.crime import individual, lone_victim, private_motive
from tocsin.extract.cues import document_cues, violent_protest
from tocsin.extract.dating import dates_for
from tocsin.extract.draft import Context, Draft, SentenceView, actor_keys, add_unique
from tocsin.extract.frames import protest_frames
from tocsin.extract.freeze import arrests_at_protests, crackdowns, freeze, territory_battles
from tocsin.extract.generality import tally
from tocsin.extract.headlines import credit
from tocsin.extract.identity import identified_sector
from tocsin.extract.lexicon import Trigger
from tocsin.extract.naming import all_things, party_of, thing
from tocsin.extract.people import known_person, people_roles
from tocsin.extract.placing import document_focus, event_location
from tocsin.extract.quotes import quoted_speakers
from tocsin.extract.reports import link_denials, merge_reports
from tocsin.extract.roles import phrase_text, roles, victim_identity, with_conjuncts
from tocsin.extract.screen import document_subject, natural_death, nonhuman_victim
from tocsin.extract.stage import drop_partyless, record, screen_drafts
from tocsin.extract.targets import is_pronoun
from tocsin.extract.triggers import PATIENT_SUBJECT_LEMMAS, PATIENT_SUBJECT_MODES, find_triggers
from tocsin.extract.verdicts import Dropped
from tocsin.geo.mentions import precision_rank
from tocsin.geo.resolve import PlaceResolver
from tocsin.ingest.slugs import credits
from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Evidence,
    Factuality,
    PlacePrecision,
    Segment,
)
from tocsin.narrative import DocumentClock

_FALSE_ADVERBS = frozenset({"falsely", "wrongly", "baselessly", "groundlessly"})


class EventExtractor:
    """Turns a document's parsed body paragraphs into events."""

    def __init__(self, actors: ActorDictionary, resolver: PlaceResolver) -> None:
        self.actors = actors
        self.resolver = resolver

    # -- actors -------------------------------------------------------------------------------
    def _actor(self, tok: Token, ctx: Context) -> Actor | None:
        if is_pronoun(tok) and tok.lower_ in {"it", "they", "he", "she"}:
            # "The government announced it will ...": the speaker of the clause above.
            # The pronoun must agree ("he"/"she" a person who speaks, "it"/"they" a body) and come
            # after the speaker: "he shot his girlfriend, police said" is no shooting by the police.
            for above in tok.ancestors:
                subj = next((c for c in above.children if c.dep_ == "nsubj" and c.i != tok.i), None)
                if subj is None or is_pronoun(subj) or above.lemma_.lower() not in SPEECH_VERBS:
                    continue
                if subj.i > tok.i:
                    break  # a pronoun points back: in "he shot her, police said" it is not the police
                person = subj.ent_type_ == "PERSON" or individual(subj)
                if person == (tok.lower_ in {"he", "she"}):
                    return known_person(
                        subj, self.actors.normalise(phrase_text(subj)), ctx.people, self.actors
                    )
        if is_pronoun(tok):
            if tok.lower_ in {"it", "they"} and ctx.last_subject is not None:
                prior = ctx.last_subject
                return Actor(tok.text, prior.name, prior.country, prior.sector, prior.entity)
            return None
        actor, party = party_of(tok, self.actors)
        if not party:
            return None  # "blocked the highway": no party
        return known_person(tok, actor, ctx.people, self.actors)

    def _actors(self, toks: list[Token], ctx: Context) -> list[Actor]:
        out: list[Actor] = []
        for t in toks:
            a = self._actor(t, ctx)
            if a is None:
                continue
            # "shelled Kharkiv": a place that is not a state or a known body is where, not whom.
            if t.ent_type_ in {"GPE", "LOC", "FAC"} and a.country is None and a.sector is None:
                continue
            add_unique(out, [a])
        return out

    # -- the sentence -------------------------------------------------------------------------
    def _sentence(self, sv: SentenceView, ctx: Context) -> list[Draft]:
        sent, index, offset = sv.sent, sv.index, sv.offset
        triggers = find_triggers(sent)
        drafts: list[Draft] = []
        by_token: dict[int, Draft] = {}
        for tok, trig in triggers:
            if trig.wrongdoing:
                for d in self._wrongdoing(tok, trig, sv, ctx):
                    d.date = dates_for(d.trigger, sent, sv.exprs, ctx, sv.published_anchor)[0]
                    drafts.append(d)
                continue
            for d in self._draft(tok, trig, sv, ctx):
                drafts.append(d)
                by_token.setdefault(tok.i, d)
        screened = screen_drafts(drafts, sv, ctx)
        gone = {d.trigger.i for d in drafts} - {d.trigger.i for d in screened}  # their counts: no one's
        drafts, by_token = screened, {i: d for i, d in by_token.items() if d in screened}
        self._merge_in_sentence(drafts, by_token)
        drafts = [d for d in drafts if d.merged_into is None]
        drafts = protest_frames(drafts, sv, ctx, self._draft)
        if any(natural_death(t) for t in sent):
            ctx.after_accident = True  # "died after being hit by lightning": what follows is its toll
        found = [c for c in find_casualties(sent) if c.anchor not in gone]  # "killed its app": none
        if not any(d.event == "ASSAULT" for d in drafts) and ctx.last_violent is not None:
            # "1 fatality." after the sentence that told of the attack.
            self._attach_casualties([ctx.last_violent], found, strict=False)
        self._attach_casualties(drafts, found)
        for d in drafts:
            count = d.dead if d.event == "ASSAULT" else d.arrested if d.event == "COERCE" else None
            why = tally(d.trigger, d.lemma, d.date, count, bool(d.actors))
            if why is not None and not d.background:
                d.background = True
                record(d, sv, ctx, "background", why)
        if not any(d.event == "ASSAULT" for d in drafts) and told_accident(sent):
            ctx.after_accident = True  # "the plane crash which left 100 dead": a toll may follow
        self._statements(drafts, ctx)
        self._victim_identified(drafts, sv, ctx)
        self._claimed_after(drafts, sv, ctx)
        self._denied_after(drafts, sv, ctx)
        drafts = drop_partyless(drafts, sv, ctx)
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

    def _claimed_after(self, drafts: list[Draft], sv: SentenceView, ctx: Context) -> None:
        """ "A suicide bomber killed nine people in Mogadishu. Al-Shabaab claimed responsibility.":
        who claims the act told before (of the paragraph, this sentence telling no other) is its
        actor, in place of one unnamed ("a suicide bomber", "gunmen"), and its claimant."""
        target = ctx.last_violent
        if target is None or any(d is target for d in drafts):  # the same draft, not an equal one
            return
        if any(d.event == "ASSAULT" and not owned_act(d.trigger) for d in drafts):
            return  # another act told here: the claim is this one's (see attribution.py)
        for speaker in responsibility_claimants(sv.sent):
            claimants = self._actors(with_conjuncts(speaker), ctx)
            if all(a.sector in {None, "UAF"} for a in target.actors):
                target.actors = list(claimants)
            add_unique(target.claimed_by, claimants)

    def _victim_identified(self, drafts: list[Draft], sv: SentenceView, ctx: Context) -> None:
        """ "... a man was shot and killed. The victim was involved in drug trafficking.": the
        civilians the act told before was done to were of the armed sector named (identity.py)."""
        target = ctx.last_violent
        if target is None or drafts or (sector := identified_sector(sv.sent, self.actors)) is None:
            return
        target.recipients = [replace(r, sector=sector) if r.sector == "CVL" else r for r in target.recipients]

    def _denied_after(self, drafts: list[Draft], sv: SentenceView, ctx: Context) -> None:
        """ "... killing three protesters, a doctors' committee said. The military denied using live
        fire.": who denies, in a sentence of its own, the act told in the sentence right before it
        (this sentence telling no other) is its denier; a denial after an accusation is of that."""
        target = ctx.last_violent
        if target is None or not target.evidence or target.evidence[-1].sentence != sv.index - 1:
            return
        if any(d.event != "REJECT" for d in drafts):
            return  # another act told here ("denied reports that he would resign"): it is of that one
        for denier in deniers_of_an_act(sv.sent):
            add_unique(target.denied_by, self._actors(with_conjuncts(denier), ctx))

    @staticmethod
    def _fold_casualty_reports(drafts: list[Draft], ctx: Context) -> list[Draft]:
        """ "Two people were killed." right after the clash is the clash's toll, not a new event (but
        not after a trend or a habit, "a rise in violent clashes": those are no one event)."""
        violent = [d for d in drafts if d.event == "ASSAULT"]
        tolls = [d for d in violent if not d.actors and d.lemma in CASUALTY_LEMMAS]
        target = ctx.last_violent
        if (
            target is not None
            and not target.court  # a trend, a habit, what a case is about: no one event
            and violent
            and len(tolls) == len(violent)
            and target.date.start == tolls[0].date.start
        ):
            for d in tolls:
                for kind in ("dead", "injured", "arrested"):
                    if getattr(target, kind) is None:
                        setattr(target, kind, getattr(d, kind))
                target.evidence.extend(d.evidence)
                add_unique(target.recipients, d.recipients)
            drafts = [d for d in drafts if d not in tolls]
        else:
            ctx.last_violent = violent[-1] if violent else ctx.last_violent
        return drafts

    def _draft(self, tok: Token, trig: Trigger, sv: SentenceView, ctx: Context) -> list[Draft]:
        sent, index, offset = sv.sent, sv.index, sv.offset
        patient = trig.condition_kind == "obj" and (
            trig.mode in PATIENT_SUBJECT_MODES or trig.lemma in PATIENT_SUBJECT_LEMMAS
        )
        actor_toks, recipient_toks = roles(tok, event=trig.event, mode=trig.mode, patient_subject=patient)
        att = attribute(tok, statement=trig.event in STATEMENT_EVENTS)
        dates = dates_for(tok, sent, sv.exprs, ctx, sv.published_anchor)
        location = event_location(tok, sent, sv.mentions, ctx.paragraph_places, sv.focus)
        passing = passing_kind(tok)  # mentioned in passing: in a clause, or as what a noun is about
        out = []
        for date_span in dates:
            # "clashed with", "fighting between": two sides; "attacked with rockets": an instrument.
            cues = {
                c.lower_
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"between", "with"} and not instrument(c)
            }
            if trig.mode in {"seize", "restrict"}:
                # what was seized decides ACLED's type (a town, or goods), and what was imposed (a
                # curfew, a state of emergency)
                objects = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
                cues |= {c.lemma_.lower() for c in objects}
                # "500 kilograms of cocaine", "a cache of weapons": what the measure is of.
                cues |= {g.lemma_.lower() for c in objects for p in c.children if p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"}  # fmt: skip
            if trig.event == "PROTEST" and violent_protest(tok):
                cues.add("violent")  # "violent protests", "the march turned violent"
            if tok.pos_ == "NOUN":
                cues.add(tok.head.lemma_.lower())  # "exchanged fire", "heavy fighting erupted"
                # "gunfire erupted between X and Y": the two sides hang from the verb.
                cues |= {c.lower_ for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "between"}
            d = Draft(
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
                unreal=att.unreal,
                background=passing is not None,
                topic=passing == "topic",
                individual=bool(actor_toks) and all(individual(t) for t in actor_toks),
                lone_victim=not actor_toks and lone_victim(recipient_toks),
                things=any(thing(t, self.actors) for t in recipient_toks),
                thing_doers=all_things(actor_toks or recipient_toks, self.actors),
            )
            self._apply_attribution(d, att, ctx)
            if d.factuality is Factuality.ASSERTED and sent.text.rstrip(" \"'”’)").endswith("?"):
                d.factuality = Factuality.HYPOTHETICAL  # a question asserts nothing
                if yes_no_question(sent):
                    d.unreal = "a yes-no question asks whether it happened, it does not tell it"
            self._intent(d, tok)
            out.append(d)
        return out

    @staticmethod
    def _intent(d: Draft, tok: Token) -> None:
        """PLOVER's announced intentions: a promised act of help is AGREE, an announced act of force THREATEN.

        Only when the party who would act is the one announcing it (or nobody else is quoted):
        "Armenians believe there'll be an offensive by Azerbaijan" stays a future ASSAULT.
        """
        promised = any(a.lemma_.lower() in PROMISE_VERBS for a in [tok, *tok.ancestors][:4])
        if d.factuality is not Factuality.FUTURE and not promised:
            return
        speakers = actor_keys(d.claimed_by)
        if speakers and not speakers & actor_keys(d.actors):
            return
        if d.event in COOPERATIVE_EVENTS or (promised and d.event in {"RETREAT", "CONSULT"}):
            d.event = "AGREE"  # "is willing to withdraw", "is ready to host a meeting"
        elif d.event in FORCEFUL_EVENTS and not promised:
            d.event = "THREATEN"

    def _apply_attribution(self, d: Draft, att: Attribution, ctx: Context) -> None:
        for target, toks in (
            (d.claimed_by, att.claimed_by),
            (d.denied_by, att.denied_by),
            (d.confirmed_by, att.confirmed_by),
        ):
            for t in toks:
                add_unique(target, self._actors(with_conjuncts(t), ctx))
        if att.responsible is not None and not d.actors:  # "IS claimed responsibility for the attacks"
            d.actors = self._actors(with_conjuncts(att.responsible), ctx)
        if att.rejecting is not None:
            speaker = att.claimed_by[0] if att.claimed_by else None
            if speaker is not None:
                add_unique(d.denied_by, self._actors([speaker], ctx))
                d.factuality = Factuality.DENIED

    def _wrongdoing(self, tok: Token, trig: Trigger, sv: SentenceView, ctx: Context) -> list[Draft]:
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
        d = Draft(
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
    def _merge_in_sentence(drafts: list[Draft], by_token: dict[int, Draft]) -> None:
        """Triggers of one event in one clause ("killed in an ambush") become one draft; so does the
        toll of an act the clause's verb names as its subject or object ("the clashes left two
        soldiers dead and seven injured", "gunmen opened fire on the bus, wounding five")."""
        for d in drafts:
            if own_doer(d.trigger):
                continue  # "set fire to a police station after police fired live rounds": two acts
            node = d.trigger.head
            toll = d.lemma in CASUALTY_LEMMAS
            # "a bombing at a market in Kinshasa, which killed 17": up past the place to the act;
            # "died of wounds sustained in a mortar attack": up past the wounds to the death
            steps = 6 if toll_of_place(d.trigger) else 3
            while steps > 0:
                steps -= 1
                steps += 3 if node.lemma_.lower() in WOUND_NOUNS else 0
                parent = by_token.get(node.i)
                if parent is None and toll:
                    named = (c for c in node.children if c.dep_ in {"nsubj", "dobj"} and c.i in by_token)
                    parent = next((by_token[c.i] for c in named), None)
                if (
                    parent is not None
                    and parent is not d
                    and parent.event == d.event
                    and parent.date.start == d.date.start
                    and parent.merged_into is None
                ):
                    add_unique(parent.actors, d.actors)
                    add_unique(parent.recipients, d.recipients)
                    parent.mode = parent.mode or d.mode
                    parent.lemmas |= d.lemmas | {d.lemma}
                    d.merged_into = parent
                    break
                if node.lemma_.lower() in SPEECH_VERBS or node.i == node.head.i:
                    break
                if node.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                    break  # a clause with a subject of its own: "while the soldiers fired ... to disperse"
                node = node.head

    def _attach_casualties(self, drafts: list[Draft], found: list[Casualty], *, strict: bool = True) -> None:
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
        arrests = [d for d in drafts if d.event == "COERCE" and d.mode == "arrest"]
        for c in found:
            if not violent:
                break
            # those arrested are the arrest's count, not the raid's ("arrested in overnight raids")
            pool = arrests if c.kind == "arrested" and arrests else violent
            doc = violent[0].trigger.doc
            anchor = doc[c.anchor]
            related = [
                d
                for d in pool
                if d.trigger.i == c.anchor or d.trigger in anchor.subtree or anchor in d.trigger.subtree
            ]
            target = min(related or pool, key=lambda d: abs(d.trigger.i - c.anchor))
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

    def _statements(self, drafts: list[Draft], ctx: Context) -> None:
        """Link accusations to what they allege; "falsely accuses" adds a REJECT by the speaker."""
        accusations = [d for d in drafts if d.event == "ACCUSE" and d.trigger.pos_ == "VERB"]
        for acc in accusations:
            for d in drafts:
                if d is acc or d.event in STATEMENT_EVENTS:
                    continue
                if acc.trigger in d.trigger.ancestors:
                    add_unique(d.claimed_by, acc.actors)
                    if d.factuality is Factuality.ASSERTED:
                        d.factuality = Factuality.CLAIMED
                    acc.related.append(d)
                    d.related.append(acc)
            if any(c.lower_ in _FALSE_ADVERBS for c in acc.trigger.children) and acc.claimed_by:
                reject = Draft(
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
                add_unique(acc.denied_by, acc.claimed_by)
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
        focus = document_focus(mentions)
        ctx = Context(
            clock=DocumentClock(published),
            subject=document_subject(doc for _, doc in parsed),
            people=people_roles((doc for _, doc in parsed), self.actors),
        )
        drafts: list[Draft] = []
        index = 0
        credited = credits(document.text, document.segments)
        for (seg, doc), seg_mentions in zip(parsed, mentions, strict=True):
            ctx.paragraph_places = []
            ctx.last_violent = None
            quoted = quoted_speakers(doc)  # "“... .” Ritter told DW": a quotation is its speaker's
            for sent in doc.sents:
                exprs = ctx.clock.read(sent.text)
                ctx.anchor = ctx.clock.anchor
                view = SentenceView(
                    document.id, sent, index, seg.start, exprs, seg_mentions, focus, published_anchor
                )
                found = self._sentence(view, ctx)
                if seg.start in credited:
                    credit(found, self.actors.normalise(credited[seg.start]))
                for speaker in self._actors([quoted[sent.start]], ctx) if sent.start in quoted else []:
                    credit(found, speaker)
                drafts.extend(found)
                who = victim_identity(sent)
                last = ctx.last_violent
                if who is not None and last is not None:
                    # "The victim was a drug dealer": who was attacked, told after the attack.
                    victims = self._actors([who], ctx)
                    for d in drafts:
                        if d.event == "ASSAULT" and d.sentence == last.sentence:
                            add_unique(d.recipients, victims)
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
        link_denials(drafts)
        merged = merge_reports(drafts)
        # What the document's verbs say happened ("clashed", "dispersed"), and a few telling nouns:
        # "protested the arrest of their leader" is no dispersal.
        cues = document_cues(parsed, self.actors)
        # A document that tells demonstrations on several days (a photo gallery, a round-up):
        # each is violent, dispersed or cracked down on by what its own paragraph says (ACLED:
        # a demonstration is peaceful unless its participants engage in violence).
        days = {d.date.start for d in merged if d.event == "PROTEST" and d.date.start is not None}
        apart = len(days) > 1
        cracked = crackdowns(merged)  # demonstrators killed or hurt: ACLED's excessive force
        private = private_motive(doc for _, doc in parsed)
        events = [
            freeze(
                self.actors,
                document,
                d,
                cues.around(d.offset, own_paragraph=apart),
                d.offset in cues.resisted,
                crackdown=d.offset in cracked if apart else bool(cracked),
                private=private,
            )
            for d in merged
        ]
        return arrests_at_protests(territory_battles(events)), ctx.dropped
