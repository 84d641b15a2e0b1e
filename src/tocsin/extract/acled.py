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
  deployments, bases established, looting and destruction are strategic developments. Territory
  taken where the document tells of fighting is a battle: a government regaining it, or a
  non-state actor overtaking it. Statements and consultations get no ACLED type.
- The weapon named in the sentence decides a remote attack's sub-type whatever the verb: a grenade,
  a suicide bomber, a chemical weapon, an air strike, shelling, an IED (``[weapons]`` in
  ``data/senses.toml``).
- Lethal or injuring force against demonstrators is excessive force against protesters, a type
  of protest event in ACLED's typology.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from tocsin.extract.actors import actor_dictionary
from tocsin.extract.senses import senses
from tocsin.models import Actor


def _word_classes() -> dict[str, frozenset[str]]:
    """The word classes of ``data/acled_words.toml`` (what each is for is said there)."""
    raw = resources.files("tocsin.data").joinpath("acled_words.toml").read_text(encoding="utf-8")
    return {key: frozenset(words) for key, words in tomllib.loads(raw).items()}


#: Read once, when the module is imported: the words the rules below test (``data/acled_words.toml``).
_WORDS = _word_classes()
#: Sectors that fight: criminal gangs and cartels too, so that gang against gang is a battle.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "CRM"})
_REMOTE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
}
_ONE_SIDED = _WORDS["one_sided"]
TWO_SIDED = _WORDS["two_sided"]
VIOLENT_CUES = _WORDS["violent_cues"]
INTERVENTION_CUES = _WORDS["intervention_cues"]
DEMONSTRATION_CUES = _WORDS["demonstration_cues"]
GESTURES = _WORDS["gestures"]
_HARMING = _WORDS["harming"]
#: Sectors of unarmed people: their violence, as a crowd, is mob violence (a riot).
CROWD_SECTORS = frozenset({"CVL", "PRO", "REF"})
_PLACES = _WORDS["places"]
_SEARCHES = _WORDS["searches"]
_LAW_ENFORCEMENT = _WORDS["law_enforcement"]
_ROLES = _WORDS["roles"]
_WEAPONS = _WORDS["weapons"]
_GOODS = _WORDS["goods"]
_DRUGS = _WORDS["drugs"]
_INTANGIBLE = _WORDS["intangible"]
_FIGHTING = _WORDS["fighting"]
_GROUND_COMBAT = _WORDS["ground_combat"]
#: The document's context says the forces fired live ammunition (a marker, not a word of the text).
LIVE_FIRE = "<live fire>"
_STATE = frozenset({"MIL", "GOV", "COP"})
#: Modes that say force was used but not how: the weapon named decides. An abduction, a rape or
#: property destroyed stay what they are whatever vehicle or tool the sentence names.
_GENERIC_FORCE = frozenset({None, "firearms", "primitive", "aerial"})
_NON_STATE_ARMED = frozenset({"REB", "UAF", "CRM"})
_VAC = "Violence against civilians"

_SD = "Strategic developments"
_EXPLOSIONS = "Explosions/Remote violence"


def weapon_classes() -> dict[str, frozenset[str]]:
    """The weapon words of ``data/senses.toml`` by class (aerial, heavy-weapons, explosives,
    grenade, suicide, chemical), read once with the precision stage's word classes."""
    return senses().weapons


@lru_cache(maxsize=1)
def weapon_words() -> frozenset[str]:
    """Every weapon word of ``data/senses.toml``, whatever its class."""
    return frozenset(w for ws in weapon_classes().values() for w in ws)


def weapon_mode(words: frozenset[str]) -> str | None:
    """The most specific weapon class among a sentence's lemmas: chemical, suicide and grenade
    before the remote kinds, explosives before shelling before air."""
    classes = weapon_classes()
    for name in ("chemical", "suicide", "grenade", "explosives", "heavy-weapons", "aerial"):
        if words & classes.get(name, frozenset()):
            return name
    return None


def _weapon_sub_type(mode: str | None, triggers: frozenset[str], sentence: frozenset[str]) -> str | None:
    """Grenade, suicide bomb or chemical weapon: the weapon named beside an attack that is told
    as one (a remote weapon, a grenade, a bomber); not a word on its own ("a suicide note")."""
    if mode == "grenade":
        return "Grenade"
    if triggers & TWO_SIDED:
        return None
    classes = weapon_classes()
    special = classes["chemical"] | classes["suicide"] | classes["grenade"]
    remote = mode in _REMOTE or weapon_mode(sentence - special) is not None or "bomber" in sentence
    named_agent = sentence & (classes["chemical"] - {"chemical", "toxic", "nerve"})
    if named_agent or ("chemical" in sentence and sentence & {"weapon", "gas", "agent", "munition"}):
        return "Chemical weapon"  # sarin, chlorine, mustard gas; "chemical weapons"
    # "detonated himself", "blew herself up": the bomber died by the bomb.
    self_detonated = bool(sentence & {"detonate", "blow"}) and bool(
        sentence & {"himself", "herself", "themselves"}
    )
    if (sentence & classes["suicide"] and (remote or "attacker" in sentence)) or self_detonated:
        return "Suicide bomb"
    if sentence & classes["grenade"]:
        return "Grenade"
    return None


def _territory(
    event: str, mode: str | None, triggers: frozenset[str], doers: set[str], *, fought: bool
) -> str | None:
    """Territory taken by force: regained by a government, or overtaken by a non-state actor."""
    if event != "COERCE" or mode not in {"seize", "retake"}:
        return None
    if mode == "seize" and not triggers & _PLACES:
        return None
    state_only = bool(doers) and not doers - _STATE
    if state_only and (mode == "retake" or fought):
        return "Government regains territory"
    if mode == "retake" and not doers:
        return "Government regains territory"
    if (fought or mode == "retake") and doers & _NON_STATE_ARMED and not doers & _STATE:
        return "Non-state actor overtakes territory"
    return None


def _sectors(actors: tuple[Actor, ...]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _force_sectors(actors: tuple[Actor, ...]) -> set[str]:
    """The sectors of the doers of an act of force: a state named as its doer ("Russia bombed
    Aleppo", "Israeli airstrikes") acts by its armed forces."""
    states = actor_dictionary()
    named_state = any(a.sector is None and a.entity is None and states.is_state(a.name) for a in actors)
    return _sectors(actors) | ({"MIL"} if named_state else set())


def acled_type(
    event: str,
    mode: str | None,
    triggers: frozenset[str],
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    *,
    context: frozenset[str] = frozenset(),
    resisted: bool = False,
    sentence: frozenset[str] = frozenset(),
    casualties: bool = False,
    crackdown: bool = False,
    things: bool = False,
) -> tuple[str | None, str | None]:
    """ACLED ``(event_type, sub_event_type)`` for an event, or ``(None, None)`` out of scope.

    ``triggers``: the lemmas of the words that signalled the event; ``context``: the lemmas of
    the document (for a demonstration's course: "clashed", "dispersed"); ``resisted``: the
    event's paragraph says the side attacked fought back ("police fired back"), which makes an
    attack by an armed or unknown side a battle; ``sentence``: the lemmas of the event's
    sentences (the weapon named there); ``casualties``: someone was killed or injured;
    ``crackdown``: the document tells of the forces of order killing or injuring people; ``things``:
    the act was done to a thing, no party ("seized a depot").
    """
    doers = _force_sectors(actors) if event == "ASSAULT" else _sectors(actors)
    targets = _sectors(recipients)
    if event == "ASSAULT":
        if mode == "invade":
            return None, None  # an invasion is a campaign: ACLED codes its battles and strikes, each
        if "PRO" in targets and casualties and not doers - _STATE and mode not in _REMOTE:
            return "Protests", "Excessive force against protesters"  # demonstrators killed or hurt
        if triggers & _SEARCHES and not casualties and not doers - _STATE and sentence & _LAW_ENFORCEMENT:
            return None, None  # a police raid that searched, seized or arrested, hurting no one
        special = _weapon_sub_type(mode, triggers, sentence)
        remote = special is not None or mode in _REMOTE or weapon_mode(sentence) is not None
        if remote and sentence & _GROUND_COMBAT and (doers | targets) & ARMED_SECTORS:
            return "Battles", "Armed clash"  # an IED, a strike or a grenade in a firefight
        if special is not None:
            return _EXPLOSIONS, special
        # The weapon another word names before the trigger's own: "warplanes bombed the town" is an
        # air strike, "militants bombed a bus station" a bomb.
        weapon = (
            (weapon_mode(sentence - triggers) or weapon_mode(sentence)) if not triggers & TWO_SIDED else None
        )
        if mode == "aerial" and weapon == "explosives" and weapon_mode(sentence - triggers) is None and \
                doers and doers <= _STATE:  # fmt: skip
            weapon = None  # "government forces bombed the town": a state bombs from the air
        if mode in _GENERIC_FORCE and weapon in _REMOTE and not resisted:
            mode = weapon  # "attacked the village with rockets", "killed by a landmine"
        elif mode == "property" and weapon == "explosives":
            mode = weapon  # "damaged three bridges with dynamite": what was destroyed is not the means
        if mode == "abduct" and (casualties or triggers & _HARMING):
            mode = None  # ACLED: an abduction with a killing or an injury is an attack, not a disappearance
        return _violence(mode, triggers, doers, targets, context=context, resisted=resisted)
    if event == "MOBILIZE" and mode == "base" and doers & ARMED_SECTORS:
        return _SD, "Headquarters or base established"
    fought = bool((context | sentence) & _FIGHTING) or resisted
    territory = _territory(event, mode, triggers, doers, fought=fought)
    if territory is not None:
        return "Battles", territory
    if event == "COERCE":
        if mode == "seize" and triggers & _WEAPONS:
            return _SD, "Disrupted weapons use"
        if mode == "seize" and triggers & _DRUGS:
            return _SD, "Looting/property destruction"
        if mode == "seize" and triggers & _GOODS:
            if not doers - _STATE:
                # The police seizing cash or counterfeits, or goods "seized" by no one named:
                # law enforcement, not looting.
                return None, None
            return _SD, "Looting/property destruction"
        held = triggers & _PLACES if doers & (ARMED_SECTORS | {"GOV"}) else triggers & (_PLACES - _ROLES)
        if mode == "seize" and held:
            # Territory is taken by armed actors or governments, not by investors "taking positions".
            return _SD, "Non-violent transfer of territory"
        if mode == "seize" and triggers & _INTANGIBLE:
            return None, None  # "seized power", "seized the initiative": no place, no property
        # Forces seizing a laboratory, a depot, plants; not the police seizing what is no drug
        # (law enforcement).
        forces = doers & (ARMED_SECTORS | {"GOV"}) and not doers <= {"COP", "GOV"}
        if mode == "seize" and forces and (things or recipients) and not targets:
            return _SD, "Looting/property destruction"
        if mode == "seize":
            return None, None  # a person seized is neither territory nor, without more, an arrest
        if mode == "arrest":
            return _SD, "Arrests"
        driven = "displace" in triggers or (doers & _NON_STATE_ARMED and not doers & _STATE)
        if mode == "expel" and recipients and driven:
            return _SD, "Other"  # ACLED's displacement: people driven from their homes (people named)
        if mode == "restrict" and triggers & _SECURITY_MEASURES and not doers & CROWD_SECTORS:
            return _SD, "Change to group/activity"  # ACLED's security measures: a curfew imposed

        return None, None
    if event == "PROTEST":
        violent = bool(context & VIOLENT_CUES) or mode == "riot" or "violent" in triggers
        dispersed = bool(context & INTERVENTION_CUES)
        if violent:
            return "Riots", "Violent demonstration"
        if crackdown or LIVE_FIRE in context:
            # the forces killed or hurt demonstrators, or fired live ammunition at them
            return "Protests", "Excessive force against protesters"
        if dispersed:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if event in {"AGREE", "RETREAT"} and mode == "ceasefire":
        return _SD, "Agreement"
    # The one who surrenders is armed, or, unnamed, gives up to soldiers or rebels: a suspect who
    # surrenders to the police ends a manhunt, law enforcement, no agreement between armed sides.
    gave_up = doers & (ARMED_SECTORS - {"COP"}) or (not doers and targets & (ARMED_SECTORS - {"COP", "CRM"}))
    if (event == "RETREAT" and mode == "surrender" and gave_up) or (
        event == "AGREE" and doers and targets and (doers | targets) & ARMED_SECTORS
    ):
        # Armed actors agreeing with another side, or surrendering to one another; not a promise
        # made to no one ("police offered a reward"), nor an agreement with no one named on the
        # other side ("we have agreed with the police to have them patrol schools").
        return _SD, "Agreement"
    # Deployments, reinforcements, withdrawals of armed forces ("troops were deployed": the forces
    # moved are the passive's subject).
    if event == "MOBILIZE" and ("patrol" in triggers or mode == "checkpoint"):
        # Run by a non-state armed group a patrol or a checkpoint is ACLED's non-violent activity
        # ("Other"); a checkpoint the state sets up is one of its security measures; a patrol is
        # routine for the forces of order.
        if doers & _NON_STATE_ARMED and not doers & _STATE:
            return _SD, "Other"
        if mode == "checkpoint" and doers & _STATE:
            return _SD, "Change to group/activity"
        return None, None
    if event == "MOBILIZE" and (doers | targets) & ARMED_SECTORS:
        return _SD, "Change to group/activity"
    if event == "RETREAT" and mode == "withdraw" and (doers | targets) & ARMED_SECTORS:
        return _SD, "Change to group/activity"
    return None, None


#: Words of a security measure a state imposes (ACLED's "Change to group/activity"): a curfew, a
#: state of emergency.
_SECURITY_MEASURES = frozenset({"curfew", "emergency"})

#: Verbs of throwing things at people (``data/triggers.tsv``: a missile thrown, people stoned).
_THROWING = frozenset({"throw", "hurl", "pelt", "stone", "lob"})


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
    if triggers & _THROWING and not doers & (ARMED_SECTORS | _STATE) and context & DEMONSTRATION_CUES:
        # stones and bottles thrown where people demonstrate, by no armed or state side: the
        # demonstrators' own violence (a crowd's elsewhere is mob violence, above)
        return "Riots", "Violent demonstration"
    if mode == "abduct":
        return _VAC, "Abduction/forced disappearance"
    if mode == "sexual":
        return _VAC, "Sexual violence"
    if mode == "property":
        return _SD, "Looting/property destruction"
    if resisted and (doers & ARMED_SECTORS or not doers):
        return "Battles", "Armed clash"  # the side attacked fought back
    if triggers & _ONE_SIDED and not targets & ARMED_SECTORS:
        return _VAC, "Attack"  # soldiers or police ambushed are in a battle: both sides are armed
    forces_on_crowd = doers and doers <= {"COP", "MIL"} and targets and targets <= CROWD_SECTORS
    if triggers & TWO_SIDED and forces_on_crowd:
        # forces clashing with a crowd that fights back: a riot, a demonstration's if one was held
        return "Riots", "Violent demonstration" if context & DEMONSTRATION_CUES else "Mob violence"
    if triggers & TWO_SIDED or (targets & ARMED_SECTORS and (doers & ARMED_SECTORS or not doers)):
        return "Battles", "Armed clash"
    return _VAC, "Attack"
