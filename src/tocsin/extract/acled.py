"""ACLED's event and sub-event types for PLOVER-coded events, following ACLED's coding rules.

A battle needs two organised armed sides; violence on people who cannot defend themselves
(civilians, police taken unawares) is violence against civilians; remote weapons are explosions /
remote violence whatever the target; territory taken without fighting is a strategic development.
Events outside ACLED's scope (statements, consultations) get no ACLED type.
"""

from __future__ import annotations

from tocsin.models import Actor

ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP"})
UNARMED_SECTORS = frozenset({"CVL", "REF", "NGO", "MED", "HLH", "EDU", "REL", "BUS", "PRO", "JUD", "LEG"})
_REMOTE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
}
_ONE_SIDED_TRIGGERS = frozenset(
    {
        "ambush",
        "massacre",
        "execute",
        "behead",
        "lynch",
        "murder",
        "abduct",
        "kidnap",
        "abduction",
        "kidnapping",
        "rape",
        "torture",
        "stab",
    }
)
_VAC = "Violence against civilians"
_SD = "Strategic developments"
_EXPLOSIONS = "Explosions/Remote violence"


def _sectors(actors: tuple[Actor, ...]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def acled_type(
    event: str,
    mode: str | None,
    triggers: frozenset[str],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
) -> tuple[str | None, str | None]:
    """ACLED ``(event_type, sub_event_type)`` for an event, or ``(None, None)`` out of scope.

    ``triggers``: the lemmas of the words that signalled the event.
    """
    targets = _sectors(recipients)
    if event == "ASSAULT":
        if mode in _REMOTE:
            return _EXPLOSIONS, _REMOTE[mode]
        if mode == "abduct":
            return _VAC, "Abduction/forced disappearance"
        if mode == "sexual":
            return _VAC, "Sexual violence"
        if mode == "property":
            return _SD, "Looting/property destruction"
        if targets & UNARMED_SECTORS and not targets & ARMED_SECTORS:
            return _VAC, "Attack"
        if triggers & _ONE_SIDED_TRIGGERS and targets:
            return _VAC, "Attack"
        return "Battles", "Armed clash"
    if event == "COERCE":
        if mode == "seize":
            return _SD, "Non-violent transfer of territory"
        if mode == "arrest":
            return _SD, "Arrests"
        return None, None
    if event == "PROTEST":
        if mode == "riot":
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest"
    if event == "AGREE" and mode == "ceasefire":
        return _SD, "Agreement"
    return None, None
