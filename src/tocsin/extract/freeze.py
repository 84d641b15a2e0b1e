"""A finished draft becomes an :class:`Event`: stable id, factuality by date, actors named as ACLED
names them, and the ACLED type of what happened (none for what was feared, planned or denied, for
non-political arrests, for one person against another, for crime for gain, and for what a court
case is about)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from spacy.tokens import Token

from tocsin.extract.acled import DEMONSTRATION_CUES, acled_type, weapon_words
from tocsin.extract.actors import ActorDictionary
from tocsin.extract.clauses import ARMED_OR_STATE, INDIVIDUAL_CRIME, unsaid
from tocsin.extract.crime import for_gain, in_quarrel
from tocsin.extract.draft import Draft
from tocsin.extract.headlines import participle_modifier, reduced_passive_subject
from tocsin.extract.screen import political_arrest
from tocsin.extract.senses import senses
from tocsin.models import Actor, DateMethod, Document, Event, Factuality, PlacePrecision

#: Sides whose violence is political whatever else it is: state forces and rebels.
POLITICAL_FORCES = frozenset({"MIL", "COP", "GOV", "REB"})
#: An arrest of this many people or more is a mass arrest, which ACLED codes whoever is taken.
MASS_ARREST = 10


def _acled_arrest(d: Draft, actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> bool:
    """ACLED's arrests: political (its sentence says so), mass arrests, arrests by the military,
    and detentions of migrants or refugees; not every suspect the police take in."""
    return (
        political_arrest(d.trigger)
        or (d.arrested or 0) >= MASS_ARREST
        or any(a.sector == "MIL" for a in actors)
        or any(r.sector == "REF" for r in recipients)
    )


def _downed(verb: Token) -> list[Token]:
    """What a verb says was brought down ("rebels down a helicopter", "a plane shot down by
    rebels", "airliner downed in Ukraine"): a target, not the weapon of the attack. "down" with a
    subject is the verb however it was tagged, and so is "down" taken for a preposition ("Ukraine
    rebels down army helicopter")."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "down" and verb.dep_ in {"prep", "advmod"}:
        # "Ukraine rebels down helicopter" parsed with "down" as a preposition: its object was downed
        return [c for c in verb.children if c.dep_ == "pobj"]
    has_subject = any(c.dep_ == "nsubj" for c in verb.children)
    # "shot down", "brought down", "knocked down"; and a headline's noun the parser took for the
    # verb whose particle "down" is ("Ukraine separatists down army helicopter")
    downs = (lemma == "down" and (verb.pos_ == "VERB" or has_subject)) or any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children
    )
    if not downs:
        return []
    out = [c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass", "pobj"}]
    if participle_modifier(verb):
        out.append(verb.head)
    passive = reduced_passive_subject(verb)
    return [*out, passive] if passive is not None else out


def _instrument_words(d: Draft) -> frozenset[str]:
    """The lemmas of the event's sentence, less what is destroyed, seized or found: "destroyed an
    IED" names no weapon used (it is disrupted weapons use); "fired rockets" does."""
    if d.event == "ASSAULT" and d.mode != "property":
        downed = {t.i for v in d.trigger.sent for n in _downed(v) for t in n.subtree}
        return frozenset(
            t.lemma_.lower()
            for t in d.trigger.sent
            if not unsaid(t) and t.i not in downed and not _crowd_control(t)
        )
    acted_on = {t.i for c in d.trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass"} for t in c.subtree}
    # ... but what is said to be used is the means, wherever the parse hangs it ("three bridges in
    # the district with dynamite").
    used = {t.i for p in d.trigger.sent if p.lower_ in {"with", "using"} for t in p.subtree}
    return frozenset(
        t.lemma_.lower() for t in d.trigger.sent if (t.i not in acted_on or t.i in used) and not unsaid(t)
    )


def _riot_modified(tok: Token) -> bool:
    """A noun modified by a word of crowd control ("tear gas", "rubber bullets", "stun")."""
    modifiers = (t for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"} for t in c.subtree)
    return any(t.lemma_.lower() in senses().riot_control for t in modifiers)


def _crowd_control(tok: Token) -> bool:
    """A munition named as one of crowd control ("tear gas shells", "stun grenades")."""
    return tok.lemma_.lower() in weapon_words() and _riot_modified(tok)


_EXCESSIVE = "Excessive force against protesters"
_CONTROLLED = "Protest with intervention"
#: What a gun or a launcher fires, besides the weapons of ``data/senses.toml``.
_ROUNDS = frozenset({"bullet", "round", "ammunition", "munition", "pellet", "cartridge", "canister", "gas"})


@lru_cache(maxsize=1)
def _munitions() -> frozenset[str]:
    """Every weapon word and every round fired."""
    return weapon_words() | _ROUNDS


def _crowd_control_only(d: Draft) -> bool:
    """The draft's sentence names munitions of crowd control and no other ("fired teargas
    canisters and rubber bullets to disperse the crowd"; not "rubber and live bullets")."""
    said = [t for t in d.trigger.sent if not unsaid(t)]
    munitions = [t for t in said if t.lemma_.lower() in _munitions()]
    crowd = [t for t in munitions if _riot_modified(t) and not any(m.lower_ == "live" for m in t.subtree)]
    gas = [t for t in said if t.lemma_.lower() in {"teargas", "tear-gas"}]
    return bool(crowd or gas) and len(crowd) == len(munitions)


def _crowd_controlled(d: Draft, acled: tuple[str | None, str | None], context: frozenset[str],
                      actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> bool:  # fmt: skip
    """Force used on demonstrators to control them, killing no one: teargas, rubber bullets, a
    dispersal ("police fired tear gas at protesters", "dispersed the group with tear gas" where a
    demonstration is told). ACLED codes it as the demonstration's intervention, not as an attack;
    harm done with these alone is no excessive force either. Who uses them is the forces of order,
    named ("police") or not by a sector ("the PNC"); no armed group or crowd."""
    if d.event != "ASSAULT" or d.dead:
        return False
    if acled[1] == _EXCESSIVE:
        return _crowd_control_only(d)
    controlled = _crowd_control_only(d) or "disperse" in d.lemmas | {d.lemma}
    targets = {r.sector for r in recipients}
    demonstrators = "PRO" in targets or bool(targets and context & DEMONSTRATION_CUES)
    on_demonstrators = demonstrators and not targets - {"PRO", "CVL", None}
    by_forces = not {a.sector for a in actors} - {"COP", "MIL", "GOV", None}
    return controlled and on_demonstrators and by_forces and acled[0] is not None


def crackdowns(drafts: list[Draft]) -> set[int]:
    """The paragraphs (by offset) where the forces of order killed or hurt people: ACLED's
    excessive force against protesters. Injuries from crowd-control munitions alone are an
    intervention, as ACLED codes teargas and rubber bullets; a death is excessive force whatever
    the weapon."""
    return {
        d.offset
        for d in drafts
        if d.event in {"ASSAULT", "COERCE"}
        and any(a.sector in {"COP", "MIL"} for a in d.actors)
        and (d.dead or (d.injured and not _crowd_control_only(d)))
    }


def told_in_past(trigger: Token) -> bool:
    """Whether the clause of a trigger is in a past tense ("was injured", "had attacked", "clashed")."""
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head  # a noun trigger: the verb it hangs from ("the protest was held")
    auxiliaries = (c for c in verb.children if c.dep_ in {"aux", "auxpass"})
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries)


def of_past_era(trigger: Token) -> bool:
    """Whether an act is named as one of a past era: "World War I-era massacres", "Soviet-era
    killings" (an era word joined by a hyphen to the name of the era, before the noun)."""
    return any(
        c.lemma_.lower() == "era" and c.i < trigger.i and any(g.tag_ == "HYPH" for g in c.children)
        for c in trigger.children
    )


def event_id(doc_id: str, d: Draft) -> str:
    # The date's words too: one trigger with three unresolved dates ("on March 15, March 19 and
    # March 22" with no publication date) is three events, and needs three ids.
    when = d.date.start if d.date.start is not None else d.date.text
    key = f"{doc_id}|{d.event}|{d.offset + d.trigger.idx}|{when}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def freeze(
    actor_dict: ActorDictionary,
    document: Document,
    d: Draft,
    context: frozenset[str],
    resisted: bool,
    *,
    crackdown: bool = False,
    private: bool = False,
) -> Event:
    factuality = d.factuality
    long_ago = (
        document.published
        and d.date.start is not None
        and factuality is Factuality.ASSERTED
        and (d.date.end or d.date.start) < document.published - timedelta(days=365)
    )
    if long_ago or (factuality in {Factuality.ASSERTED, Factuality.CLAIMED} and of_past_era(d.trigger)):
        factuality = Factuality.HISTORICAL
    elif (
        document.published
        and d.date.start is not None
        and factuality is Factuality.ASSERTED
        and d.date.start > document.published + timedelta(days=1)
        and d.date.method not in {DateMethod.INFERRED, DateMethod.NONE}
        and not told_in_past(d.trigger)
    ):
        # "talks are scheduled for next week"; not a date only carried over from the sentences
        # before, nor an act told in the past tense ("was injured on June 12" in a page updated
        # after its first publication)
        factuality = Factuality.FUTURE
    actors, recipients = tuple(d.actors), tuple(d.recipients)
    # a visitor to a state is not of it ("the foreign minister visited Moscow"; a president
    # "visiting San Francisco" may well be of the country)
    where = d.location.country_code if d.location else None
    state_visit = d.mode == "visit" and any(r.country for r in d.recipients)
    actors = tuple(actor_dict.localise(a, None if state_visit else where) for a in actors)
    recipients = tuple(actor_dict.localise(a, where) for a in recipients)
    acled = acled_type(
        d.event,
        d.mode,
        frozenset(d.lemmas | {d.lemma}),
        actors,
        recipients,
        context=context,
        resisted=resisted,
        sentence=_instrument_words(d),
        casualties=bool(d.dead or d.injured),
        crackdown=crackdown,
        things=d.things,
    )
    if _crowd_controlled(d, acled, context, actors, recipients):
        acled = ("Protests", _CONTROLLED)  # hurt by rubber bullets: an intervention
    elif d.lemmas | {d.lemma} == {"disperse"} and not (d.dead or d.injured):
        acled = (None, None)  # a crowd sent away, no demonstration told and no one hurt: no attack
    if factuality in {Factuality.NEGATED, Factuality.HYPOTHETICAL, Factuality.FUTURE}:
        acled = (None, None)  # ACLED codes what happened, not what was feared, planned or denied
    if of_past_era(d.trigger):
        # acts named as those of a past era ("World War I-era massacres") are a class of history,
        # not a report of one event: nothing ACLED codes (acts told years later keep their type:
        # ACLED codes an event it learns of late, from the report that tells it)
        acled = (None, None)
    if acled[1] == "Arrests" and not _acled_arrest(d, actors, recipients):
        acled = (None, None)  # ACLED codes political or mass arrests, not every suspect taken in
    if d.topic and d.event != "PROTEST":
        # What a noun or a grievance is about ("justice for the killing of", "the victims of the
        # massacre"): ACLED codes an event from its own report, not from every later mention.
        acled = (None, None)
    if d.court:
        acled = (None, None)  # what a court case is about: coded from its own report, not this one
    sides = {a.sector for a in actors + recipients}
    if d.individual and acled[0] in INDIVIDUAL_CRIME and not sides & ARMED_OR_STATE:
        acled = (None, None)  # one person against another, no armed or state side: crime
    in_crime = acled[0] in {"Violence against civilians", "Battles"} and (
        for_gain(d.trigger) or in_quarrel(d.trigger)
    )
    if in_crime and not sides & POLITICAL_FORCES:
        # violence in a robbery, a hijacking or a quarrel, no political side: crime
        acled = (None, None)
    violence = acled[0] in {"Violence against civilians", "Battles"}
    if d.lone_victim and private and violence and not sides & ARMED_OR_STATE:
        acled = (None, None)  # no one named hurt one person, for a private motive: crime
    crowd = {"Riots": "Rioters", "Protests": "Protesters"}.get(acled[0] or "")
    if crowd:
        actors = tuple(actor_dict.localise(a, None, crowd=crowd) for a in actors)
    confidence = (
        0.5
        + 0.15 * bool(actors)
        + 0.1 * bool(recipients)
        + 0.1 * (d.date.method not in {DateMethod.INFERRED, DateMethod.NONE})
        + 0.1 * (d.location is not None and d.location.precision is not PlacePrecision.UNRESOLVED)
    )
    return Event(
        id=event_id(document.id, d),
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
        related=tuple(event_id(document.id, r) for r in d.related),
        background=d.background,
    )


#: ACLED's sub-types of territory changing hands by force.
_TAKEOVERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def territory_battles(events: list[Event]) -> list[Event]:
    """A battle in which territory changed hands is coded as the change (ACLED: "clashed with the
    army and took control of the area" is one event, a non-state actor overtaking territory): an
    armed clash, a shelling or a strike stated in the sentence of a takeover takes its type."""
    takeovers = {
        (ev.doc_id, ev.sentence): e.acled_sub_event_type
        for e in events
        if e.acled_sub_event_type in _TAKEOVERS
        for ev in e.evidence
    }
    out = []
    for e in events:
        where = next((takeovers[(ev.doc_id, ev.sentence)] for ev in e.evidence
                      if (ev.doc_id, ev.sentence) in takeovers), None)  # fmt: skip
        if where is not None and e.acled_event_type in {"Battles", "Explosions/Remote violence"}:
            e = replace(e, acled_event_type="Battles", acled_sub_event_type=where)
        out.append(e)
    return out


#: ACLED's sub-event types of a demonstration met by the forces of order.
_INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})


def arrests_at_protests(events: list[Event]) -> list[Event]:
    """Demonstrators arrested at a demonstration the forces of order intervened in, on its day, are
    that intervention (ACLED codes the demonstration "with intervention", no arrests of their
    own): the arrest keeps its PLOVER record and loses its ACLED type. Arrests of a party's or a
    group's members, or on another day, stay. An undated document's are of one day."""
    days = {e.date.start for e in events if e.acled_sub_event_type in _INTERVENED}
    # the crowd control itself ("used tear gas to disperse demonstrators protesting"), typed as the
    # demonstration's intervention, is the demonstration's row when the demonstration is told (a
    # killing keeps its own, with its dead)
    marched = {e.date.start for e in events if e.event == "PROTEST" and e.acled_sub_event_type in _INTERVENED}
    out = []
    for e in events:
        protesters = all(r.sector in {"PRO", "CVL", None} for r in e.recipient)  # "12 people", "protesters"
        arrested = e.acled_sub_event_type == "Arrests" and e.date.start in days
        force = e.event == "ASSAULT" and e.acled_sub_event_type == _CONTROLLED and e.date.start in marched
        if (arrested or force) and protesters:
            e = replace(e, acled_event_type=None, acled_sub_event_type=None)
        out.append(e)
    return out
