"""Demonstrations told by what people do to press a demand: "residents gathered ... to demand",
"drivers blocked the highway to protest", "protesters demanded", "demonstrators denouncing": the act
(or the demand) becomes a PROTEST when no armed or state actor does it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tocsin.extract.clauses import (
    NOT_DEMONSTRATORS,
    PURPOSE_LEMMAS,
    armed_or_state,
    coordinated_with_assembly,
)
from tocsin.extract.draft import Context, Draft, SentenceView
from tocsin.extract.lexicon import Trigger
from tocsin.extract.screen import inanimate, public_act
from tocsin.extract.senses import senses

#: How a draft is made for a token (the extractor's own): the protest frame re-drafts the act.
DraftMaker = Callable[[Token, Trigger, SentenceView, Context], list[Draft]]


def protest_frames(drafts: list[Draft], sv: SentenceView, ctx: Context, draft: DraftMaker) -> list[Draft]:
    """Civilians acting to press a demand are demonstrating, whatever the verb.

    "residents gathered ... to demand", "drivers blocked the highway to protest", "protesters
    demanded": the act (or the demand) becomes a PROTEST when no armed or state actor does it.
    """
    out = list(drafts)
    for tok in sv.sent:
        if tok.lemma_.lower() not in PURPOSE_LEMMAS or tok.dep_ not in {"xcomp", "advcl", "acl", "relcl"}:
            continue
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"  # "gathered ..., claiming fraud"
        if (
            not any(c.lower_ == "to" for c in tok.children)
            and tok.lemma_.lower() != "demand"
            and not participle
        ):
            continue
        # "gathered at overpasses and rest stops to support", "carried out a motorcade to demand",
        # "blocked the entrance as means to demand": the purpose of the nearest public act.
        verbs = [a for a in list(tok.ancestors)[:4] if a.pos_ == "VERB"]
        gov = next((a for a in verbs if public_act(a)), verbs[0] if verbs else tok.head)
        if gov.pos_ != "VERB" or gov.i == tok.i or not public_act(gov):
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
        (protest, *_) = draft(gov, trig, sv, ctx)
        if any(a.sector in NOT_DEMONSTRATORS for a in protest.actors):
            continue  # people press demands in public; states, armies, firms and media do not
        if existing is not None:
            out.remove(existing)
        # The demand itself ("to demand lower prices") is what the protest is about, not another event.
        out = [d for d in out if d.trigger.i != tok.i]
        out.append(protest)
    for d in out:
        # "protesters demanded ...", "taxi drivers blocked the road": civilians' demands and blockades.
        unarmed = bool(d.actors) and not armed_or_state(d.actors)
        civilian = unarmed and any(a.sector in {"PRO", "CVL"} for a in d.actors)
        # A blockade by people with no arms or office ("parents blocked the highway") is a protest;
        # not one by a state ("Azerbaijan has closed the corridor": no sector, but a country).
        # People, not things: "residents blocked the road", not "downed trees blocking roads".
        people = all(a.sector is not None or a.country is None for a in d.actors)
        people = people and not any(a.sector is None and inanimate(a.name) for a in d.actors)
        blockade = unarmed and people and d.event == "COERCE" and d.mode == "restrict"
        blockade = blockade and d.lemma in senses().blockade  # a ban blocks nothing
        # Demonstrators' demands, and demands made by people gathered in public ("gathered outside
        # the courthouse and demanded justice"), are a demonstration; other requests are requests.
        assembled = coordinated_with_assembly(d.trigger)
        protesters = (unarmed and assembled) or (civilian and any(a.sector == "PRO" for a in d.actors))
        # Demonstrators denouncing or rejecting something are demonstrating too.
        voiced = d.event == "REQUEST" or (d.event in {"ACCUSE", "REJECT"} and civilian
                                             and any(a.sector == "PRO" for a in d.actors))  # fmt: skip
        if (protesters and voiced) or blockade:
            d.event, d.mode = "PROTEST", "demo"
    return out
