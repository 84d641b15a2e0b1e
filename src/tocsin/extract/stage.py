"""The precision stage over a sentence's candidates: each is kept, dropped with its reason, or
kept as background (what a court case is about, a habit), and the verdicts are recorded for
``tocsin extract --debug``. The reasons themselves live in :mod:`tocsin.extract.screen` and
:mod:`tocsin.extract.accidents`."""

from __future__ import annotations

from tocsin.extract.accidents import attack_of_animal, toll_of_accident
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.clauses import COOPERATIVE_EVENTS
from tocsin.extract.draft import Context, Draft, SentenceView
from tocsin.extract.generality import forbidden, generic_kind, generic_present
from tocsin.extract.screen import screen
from tocsin.extract.senses import name_heads, senses
from tocsin.extract.unarmed import dispute, unarmed_deployment
from tocsin.extract.verdicts import Dropped, Screened
from tocsin.models import Actor

#: Acts only a party does: giving, supporting, allowing, cooperating, agreeing, meeting.
_DONE_BY_PARTIES = COOPERATIVE_EVENTS | {"AGREE", "CONSULT"}
#: PLOVER's acts between two parties, as opposed to acts of force and protest, which are events
#: whoever did them ("a bomb exploded", "a crowd gathered"): said, given or agreed by someone to
#: someone. One with neither side named tells no political event ("a request to our readers", "a
#: casual visit", "the investigation"): the word is in its everyday sense, or its parties are lost.
_BETWEEN_PARTIES = _DONE_BY_PARTIES | {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "RETREAT", "SANCTION"}


def screen_drafts(drafts: list[Draft], sv: SentenceView, ctx: Context) -> list[Draft]:
    """The precision stage (screen.py): drop candidates whose trigger has no violent or
    contentious sense here; mark as background the acts a court case is about."""
    kept = []
    for d in drafts:
        verdict = screen(d.trigger, d.event, ctx.subject)
        if d.unreal is not None and d.event == "ASSAULT":
            verdict = Screened("drop", d.unreal)  # violence the text does not say happened
        if verdict is None and d.thing_doers and d.event in _DONE_BY_PARTIES:
            # "a piece of tape provides stability", "the grants support programs": giving, allowing
            # and agreeing are done by parties; a thing that does them is the word's other sense
            # (a statement may speak for its authors: "a declaration demanding" is kept)
            why = f"'{d.trigger.text}' done by a thing, or by no one to things: no party acts"
            verdict = Screened("drop", why)
        if verdict is None and d.event in {"ASSAULT", "MOBILIZE"}:
            verdict = (dispute if d.event == "ASSAULT" else unarmed_deployment)(
                d.trigger, d.actors, d.recipients
            )
        if verdict is None and d.event in {"ASSAULT", "PROTEST"}:
            ban = forbidden(d.trigger)  # "banned all demonstrations": a kind of act, none held
            verdict = Screened("drop", ban) if ban is not None else None
        if verdict is None and d.event in {"ASSAULT", "COERCE", "PROTEST"} and sv.index > 0:
            # acts done as a rule, or a kind of act ("I don't go to marches") spoken of in general
            habit = generic_present(d.trigger) if d.event != "PROTEST" else None
            habit = habit or generic_kind(d.trigger)
            verdict = Screened("background", habit) if habit is not None else None
        if verdict is None and d.event == "PROTEST" and d.lemma == "strike" and ctx.after_armed_strike:
            verdict = _the_strike_told(d)
        if verdict is None and ctx.after_accident:
            verdict = toll_of_accident(d.trigger, d.event, bool(d.actors))
        if verdict is not None:
            record(d, sv, ctx, verdict.action, verdict.reason)
        if verdict is None and ctx.after_animal:
            verdict = attack_of_animal(d.trigger, d.event, bool(d.actors))
        if verdict is not None and verdict.kind == "accident":
            ctx.after_accident = True
        elif verdict is not None and verdict.kind == "animal":
            ctx.after_animal = True
        elif verdict is None and d.event == "ASSAULT":
            ctx.after_accident = False  # an attack told since: what follows may be its toll
            ctx.after_animal = ctx.after_animal and not d.actors
        if verdict is None and d.event == "ASSAULT" and d.lemma == "strike":
            ctx.after_armed_strike = True
        if verdict is not None and verdict.action == "drop":
            continue
        if verdict is not None and verdict.action == "coerce":
            # shots into the air, a missile into the sea: force shown, no one attacked
            d.event, d.mode = "COERCE", "warning"
            d.recipients = [r for r in d.recipients if r.text.lower() not in senses().aimless]
            kept.append(d)
            continue
        if verdict is not None:
            d.background = d.court = True
        kept.append(d)
    return kept


def drop_partyless(drafts: list[Draft], sv: SentenceView, ctx: Context) -> list[Draft]:
    """Drop the acts between parties that name no party on either side, once the sentence's
    claims and denials are read (a denial of "his resignation" is of that, not of the shooting
    told before): "a request to our readers", "a casual visit", "the investigation". A truce
    goes without its sides ("a ceasefire took effect"). Drop too those whose sides are all of
    private life (PLOVER codes political acts: "people ask this", "the company offers a
    service", "she met him on Facebook"; ``ActorDictionary.public``)."""
    kept = []
    for d in drafts:
        between = d.event in _BETWEEN_PARTIES and d.mode != "ceasefire"
        why = None
        if between and not (d.actors or d.recipients):
            why = f"'{d.trigger.text}' names no party on either side: no act between parties told"
        elif between and not any(_public(a) for a in (*d.actors, *d.recipients)):
            why = f"'{d.trigger.text}' between private people, firms or things only: no political act"
        if why is not None:
            record(d, sv, ctx, "drop", why)
            for other in drafts:
                other.related = [r for r in other.related if r is not d]
            continue
        kept.append(d)
    return kept


def _public(actor: Actor) -> bool:
    """Whether a party acts in public life: the dictionary's test (a state, its organs, an armed,
    political or civic organisation), or a word for a side or for those whose harm is political
    ("the two sides", "critics", "village elders", "refugees": ``organisations`` and
    ``public_roles`` in ``data/senses.toml``), whatever sector the word sets ("the agreement
    allows refugees to return home" is a political act though refugees act in private life)."""
    s = senses()
    roles = s.organisations | s.public_roles
    return actor_dictionary().public(actor) or bool(name_heads(actor.text) & roles)


def record(d: Draft, sv: SentenceView, ctx: Context, action: str, reason: str) -> None:
    """Keep what the stage did to a candidate and why, for ``tocsin extract --debug``."""
    start = sv.offset + d.trigger.idx
    end = start + len(d.trigger.text)
    ctx.dropped.append(Dropped(sv.doc_id, sv.index, d.event, d.trigger.text, start, end, action, reason,
                               sv.sent.text))  # fmt: skip


def _the_strike_told(d: Draft) -> Screened | None:
    """ "The United Nations condemned the strike", after an air strike: the strike named again, a
    definite "the strike" with no word of work stopped in its sentence, is that strike by arms."""
    tok = d.trigger
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
        return None
    if any(t.lemma_.lower() in senses().labour for t in tok.sent):
        return None
    return Screened("drop", "'the strike' after a strike by arms: that strike again, no stoppage of work")
