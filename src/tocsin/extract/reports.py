"""Reports of one event within a document: merged into one record, denials linked to accusations."""

from __future__ import annotations

from tocsin.extract.clauses import STATEMENT_EVENTS
from tocsin.extract.draft import Draft, actor_keys, add_unique
from tocsin.geo.mentions import precision_rank
from tocsin.models import Actor


def link_denials(drafts: list[Draft]) -> None:
    """A REJECT by A of B marks B's accusations against A as denied by A."""
    for rej in (d for d in drafts if d.event == "REJECT"):
        deniers, accused = actor_keys(rej.actors), actor_keys(rej.recipients)
        for acc in (d for d in drafts if d.event == "ACCUSE"):
            if actor_keys(acc.actors) & accused and actor_keys(acc.recipients) & deniers:
                add_unique(acc.denied_by, rej.actors)


def compatible(k: Draft, d: Draft) -> bool:
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


#: Sectors of a state's own forces.
_STATE_FORCES = frozenset({"MIL", "COP"})


def _forces_of(forces: list[Actor], states: list[Actor]) -> bool:
    """Whether ``forces`` are only a state's forces not yet given their state ("an offensive by the
    military") and ``states`` only states ("an offensive by Azerbaijan"): one side, named twice."""
    return (
        bool(forces)
        and bool(states)
        and all(a.sector in _STATE_FORCES and a.country is None and a.entity is None for a in forces)
        and all(a.sector is None and a.country is not None for a in states)
    )


def _unnamed(actors: list[Actor]) -> bool:
    """Whether no doer is named: none, or only armed people unidentified ("the armed clash",
    "gunmen"), who may be any named side told elsewhere."""
    return all(a.sector == "UAF" and a.country is None and a.entity is None for a in actors)


def _one_side(a: list[Actor], b: list[Actor]) -> bool:
    return _forces_of(a, b) or _forces_of(b, a)


def merge_reports(drafts: list[Draft]) -> list[Draft]:
    """Reports of the same event within one document become one record with all evidence."""
    kept: list[Draft] = []
    for d in drafts:
        twin = None
        for k in kept:
            if (
                k.event == d.event
                and k.date.start == d.date.start
                and k.factuality == d.factuality
                and d.sentence not in k.sentences
                and compatible(k, d)
                and (k.location is None or d.location is None or k.location.name == d.location.name)
                and k.mode == d.mode
                and (
                    actor_keys(k.actors) & actor_keys(d.actors)
                    or ((_unnamed(k.actors) or _unnamed(d.actors)) and k.lemma == d.lemma)
                    or (k.lemma == d.lemma and _one_side(k.actors, d.actors))
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
        if twin.actors and _unnamed(twin.actors) and not _unnamed(d.actors):
            twin.actors = list(d.actors)  # "gunmen" told first, named later: the named side
        elif not (twin.actors and _unnamed(d.actors)):
            add_unique(twin.actors, d.actors)
        add_unique(twin.recipients, d.recipients)
        add_unique(twin.claimed_by, d.claimed_by)
        add_unique(twin.denied_by, d.denied_by)
        add_unique(twin.confirmed_by, d.confirmed_by)
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
