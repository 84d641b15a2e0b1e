"""ACLED's event and sub-event types for PLOVER-coded events, following ACLED's coding rules.

- Remote weapons (shelling, air and drone strikes, mines and IEDs) are explosions / remote
  violence, whatever the target.
- A battle needs two organised armed sides: an armed actor against an armed recipient, or a
  two-sided trigger ("clashed", "fighting"). Violence on people who cannot defend themselves
  (civilians, police taken unawares in an ambush, unknown victims) is violence against civilians.
- Violence by a crowd of civilians (residents, a mob) is a riot: mob violence.
- A demonstration is peaceful unless the text says it turned violent (riot: violent
  demonstration) or was dispersed (protest with intervention); protesters killed by the forces
  dispersing them is excessive force.
- Territory taken without fighting, arrests, agreements between armed actors (surrenders too),
  deployments, looting and destruction are strategic developments. Statements and consultations
  get no ACLED type.
"""

from __future__ import annotations

from tocsin.models import Actor

#: Sectors that fight: criminal gangs and cartels too, so that gang against gang is a battle.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "CRM"})
_REMOTE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
}
_ONE_SIDED = frozenset(
    {"ambush", "massacre", "execute", "behead", "lynch", "murder", "abduct", "kidnap", "abduction",
     "kidnapping", "rape", "torture", "stab", "assassinate", "assassination"}
)  # fmt: skip
_TWO_SIDED = frozenset(
    {
        "clash",
        "fight",
        "fighting",
        "battle",
        "exchange",
        "repel",
        "skirmish",
        "engage",
        "shootout",
        "shoot-out",
        "firefight",
        "gunfight",
    }
)
#: Words that turn a demonstration violent, or say that it was dispersed.
VIOLENT_CUES = frozenset(
    {
        "damage",
        "destroy",
        "rock",
        "molotov",
        "projectile",
        "clash",
        "burn",
        "loot",
        "vandalize",
        "vandalise",
        "stone",
        "riot",
        "torch",
        "smash",
        "pelt",
        "ransack",
        "rampage",
        "barricade",
        "tyre",  # burning tyres
        "tire",
        "attack",
        "assault",
        "beat",
    }
)
INTERVENTION_CUES = frozenset(
    {"disperse", "teargas", "tear", "arrest", "detain", "cannon", "rubber", "break", "intervene"}
)
#: Words of a document that make a crowd's violence part of a demonstration.
DEMONSTRATION_CUES = frozenset({"protest", "demonstrate", "demonstration", "march", "rally", "sit-in"})
#: Sectors of unarmed people: their violence, as a crowd, is mob violence (a riot).
CROWD_SECTORS = frozenset({"CVL", "PRO", "REF"})
#: Objects of "seized" that make it territory, or loot (passed in ``triggers`` as the object's lemma).
_PLACES = frozenset(
    {
        "town",
        "village",
        "city",
        "area",
        "territory",
        "position",
        "height",
        "hill",
        "base",
        "post",
        "checkpoint",
        "airport",
        "bridge",
        "road",
        "district",
        "region",
        "control",
        "locality",
        "outpost",
        "camp",
        "mine",
        "border",
    }
)
#: Seized weapons or explosives: ACLED's "disrupted weapons use".
_WEAPONS = frozenset(
    {
        "weapon",
        "arm",
        "firearm",
        "gun",
        "rifle",
        "explosive",
        "ammunition",
        "ied",
        "bomb",
        "grenade",
        "cartridge",
        "munition",
    }
)
_GOODS = frozenset(
    {
        "goods",
        "good",
        "property",
        "cattle",
        "livestock",
        "vehicle",
        "car",
        "money",
        "food",
        "motorcycle",
        "phone",
        "equipment",
        "shop",
        "store",
        "cow",
        "goat",
        "crop",
        "harvest",
        "supply",
        "aid",
        "fuel",
        "weapon",
        "arm",
        # Drugs seized are property destroyed in ACLED's coding, not disrupted weapons use.
        "drug",
        "cocaine",
        "marijuana",
        "cannabis",
        "heroin",
        "methamphetamine",
        "plant",
        "plantation",
        "laboratory",
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
    *,
    context: frozenset[str] = frozenset(),
    resisted: bool = False,
) -> tuple[str | None, str | None]:
    """ACLED ``(event_type, sub_event_type)`` for an event, or ``(None, None)`` out of scope.

    ``triggers``: the lemmas of the words that signalled the event; ``context``: the lemmas of
    the document (for a demonstration's course: "clashed", "dispersed"); ``resisted``: the
    event's paragraph says the side attacked fought back ("police fired back"), which makes an
    attack by an armed or unknown side a battle.
    """
    doers = _sectors(actors)
    targets = _sectors(recipients)
    if event == "ASSAULT":
        return _violence(mode, triggers, doers, targets, context=context, resisted=resisted)
    if event == "COERCE":
        if mode == "seize" and triggers & _WEAPONS:
            return _SD, "Disrupted weapons use"
        if mode == "seize" and triggers & _GOODS:
            return _SD, "Looting/property destruction"
        if mode == "seize" and triggers & _PLACES:
            return _SD, "Non-violent transfer of territory"
        if mode == "seize" and doers & (ARMED_SECTORS | {"GOV"}) and recipients and not targets:
            return _SD, "Looting/property destruction"  # forces seizing a laboratory, a depot, plants
        if mode == "seize":
            return None, None  # a person seized is neither territory nor, without more, an arrest
        if mode == "arrest":
            return _SD, "Arrests"
        return None, None
    if event == "PROTEST":
        violent = bool(context & VIOLENT_CUES) or mode == "riot"
        dispersed = bool(context & INTERVENTION_CUES)
        if violent:
            return "Riots", "Violent demonstration"
        if dispersed:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if event in {"AGREE", "RETREAT"} and mode == "ceasefire":
        return _SD, "Agreement"
    if (event == "RETREAT" and mode == "surrender") or (
        event == "AGREE" and (doers | targets) & ARMED_SECTORS
    ):
        return _SD, "Agreement"  # armed actors agreeing, or surrendering to one another
    if event == "MOBILIZE" and doers & ARMED_SECTORS:
        return _SD, "Change to group/activity"  # deployments, reinforcements
    return None, None


def _violence(mode: str | None, triggers: frozenset[str], doers: set[str], targets: set[str], *,
              context: frozenset[str], resisted: bool) -> tuple[str, str]:  # fmt: skip
    if mode in _REMOTE:
        return _EXPLOSIONS, _REMOTE[mode]
    if doers & CROWD_SECTORS and not doers & ARMED_SECTORS:
        # Villagers seizing and beating suspects, students vandalising a school: a mob, whatever it
        # did; in a demonstration, a violent demonstration.
        if context & DEMONSTRATION_CUES:
            return "Riots", "Violent demonstration"
        return "Riots", "Mob violence"
    if mode == "abduct":
        return _VAC, "Abduction/forced disappearance"
    if mode == "sexual":
        return _VAC, "Sexual violence"
    if mode == "property":
        return _SD, "Looting/property destruction"
    if resisted and (doers & ARMED_SECTORS or not doers):
        return "Battles", "Armed clash"  # the side attacked fought back
    if triggers & _ONE_SIDED and not targets & (ARMED_SECTORS - {"COP"}):
        # Police ambushed cannot act defensively (ACLED: violence against civilians); soldiers
        # ambushed are in a battle.
        return _VAC, "Attack"
    if triggers & _TWO_SIDED or (targets & ARMED_SECTORS and (doers & ARMED_SECTORS or not doers)):
        return "Battles", "Armed clash"
    return _VAC, "Attack"
