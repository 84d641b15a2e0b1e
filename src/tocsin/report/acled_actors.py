"""The sides of an event as ACLED's codebook names them, for the ACLED layout of an export.

A tocsin record names the parties a report names, as it names them; ACLED's rows follow rules of
their own, and a file in ACLED's layout follows them too:

* a demonstration's first actor is its crowd, "Protesters (Country)", and a riot's "Rioters
  (Country)", of the country where it happens, whoever is named as its doers: the groups named go to
  ``assoc_actor_1`` ("Protesters (Mexico)" with "STPRM members"). The forces that intervene (police,
  military) are its second actor; a protest's aim ("against the government") is no actor in ACLED;
* political violence whose doer no report names is an "Unidentified Armed Group (Country)"'s, as
  ACLED codes an unknown perpetrator; a militia named after the region where it acts ("Katsina
  militiamen" in Katsina) is that area's "Communal Militia", and herders who act named by their
  people ("armed Fulani pastoralists") that people's "Ethnic Militia", as ACLED names them;
* a state's forces and people are named with ACLED's country names and article ("Military Forces of
  the Democratic Republic of Congo", "Protesters (United States)"), unnamed criminals as an
  "Unidentified Gang (Country)", unnamed rebels or militants as an "Unidentified Armed Group
  (Country)" (ACLED names a rebel group only by its own name), an organisation by the name
  ACLED's actor list gives it (``acled`` in ``data/actors.json``: "JNIM: Group for Support of
  Islam and Muslims").
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tocsin.extract.actors import ACLED_NAMES, actor_dictionary
from tocsin.geo.gazetteer import countries, country_by_iso2, fold

#: The crowd a demonstration or a riot has as its first actor, its sector and ACLED's actor type.
_CROWDS = {"Protests": ("Protesters", "PRO", 6), "Riots": ("Rioters", "PRO", 5)}
#: Event types of political violence: an unnamed doer is an unidentified armed group.
_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: Sectors of the forces that intervene in a demonstration.
_FORCES = frozenset({"MIL", "COP"})


@dataclass(frozen=True, slots=True)
class AcledSides:
    """ACLED's first and second sides of an event: each a list of parties (record parties with
    ACLED's names; a crowd or an unidentified group made for the row carries its ``inter`` code)."""

    first: list[dict[str, Any]]
    second: list[dict[str, Any]]


@functools.cache
def _naming() -> dict[str, Any]:
    text = resources.files("tocsin.data").joinpath("exports.toml").read_text(encoding="utf-8")
    acled: dict[str, Any] = tomllib.loads(text)["acled"]
    return acled


@functools.cache
def _our_names() -> dict[str, str]:
    return {c.iso3: c.name for c in countries()}


def event_country(e: dict[str, Any]) -> tuple[str, str]:
    """(ISO alpha-3, name) of the event's place, else of its first party with a country; or empty."""
    code = ((e.get("location") or {}).get("country_code") or "").upper()
    c = country_by_iso2().get(code)
    if c is not None:
        return c.iso3, c.name
    by_iso3 = {x.iso3: x for x in country_by_iso2().values()}
    for p in (*e["actor"], *e["recipient"]):
        if p.get("country") in by_iso3:
            return p["country"], by_iso3[p["country"]].name
    return "", ""


def acled_country_name(iso3: str) -> str:
    """ACLED's name of a country ("Democratic Republic of Congo"); GeoNames' where they agree."""
    return str(_naming()["country_names"].get(iso3) or _our_names().get(iso3, ""))


def _label(iso3: str, template: str) -> str:
    name = acled_country_name(iso3)
    if template.endswith(" of {}") and iso3 in _naming()["actor_names"]["article"]:
        return f"the {name}"
    return name


def acled_party(party: dict[str, Any]) -> dict[str, Any]:
    """A record party under ACLED's name: an organisation's from ACLED's actor list, a state's forces
    or people with ACLED's country name; any other as the record names it."""
    name = party.get("name") or party.get("text") or ""
    listed = actor_dictionary().acled_name(name)
    if listed:
        return {**party, "name": listed}
    iso3, template = party.get("country") or "", ACLED_NAMES.get(party.get("sector") or "")
    ours = _our_names().get(iso3)
    if template and ours and not party.get("entity") and name == template.format(ours):
        if party.get("sector") == "CRM":  # gang members, a cartel's gunmen: ACLED's unnamed gang
            return {**party, "name": f"Unidentified Gang ({acled_country_name(iso3)})"}
        if party.get("sector") == "REB":
            # "militants", "an armed group", "rebels" no report names: ACLED names a rebel group
            # only by its name, and an unnamed one is an unidentified armed group (a militia's code)
            return {**party, "name": f"Unidentified Armed Group ({acled_country_name(iso3)})", "inter": 3}
        return {**party, "name": template.format(_label(iso3, template))}
    return {**party, "name": name}


#: A militia named after where its people come from: "Katsina militiamen", "a Zamfara militia".
#: Words before a group's name that say nothing of who they are ("suspected", "armed").
_HEDGES = r"^(?:(?:an?|the|some|suspected|presumed|armed)\s+)*"
_PLACE_MILITIA = re.compile(_HEDGES + r"((?:[A-Z][\w'-]*\s+)+)militia(?:men|man)?$")


def _communal(party: dict[str, Any], e: dict[str, Any], iso3: str) -> dict[str, Any]:
    """A militia named after the region where it acts ("Katsina militiamen attacked ... in
    Batagarawa, Katsina") is ACLED's communal militia of that area ("Katsina Communal Militia
    (Nigeria)", actor type 4); a militia of any other name keeps it ("Mayi Mayi militia")."""
    found = _PLACE_MILITIA.match((party.get("text") or "").strip())
    if found is None or party.get("sector") != "UAF" or party.get("entity") or not iso3:
        return party
    where = e.get("location") or {}
    areas = {fold(str(where.get(k) or "")) for k in ("admin1", "name")} - {""}
    words = found.group(1).strip()
    if not any(fold(words) in area.split() or fold(words) == area for area in areas):
        return party
    return {**party, "name": f"{words} Communal Militia ({acled_country_name(iso3)})", "inter": 4}


#: Herders named by their people: "armed Fulani pastoralists", "Pokot herders".
_PEOPLE_HERDERS = re.compile(_HEDGES + r"([A-Z][\w'-]*)\s+(?:pastoralists?|herders?|herdsm[ae]n)$")


def _ethnic(party: dict[str, Any], iso3: str) -> dict[str, Any]:
    """Herders who act named by their people ("armed Fulani pastoralists attacked") are ACLED's
    ethnic militia of that people ("Fulani Ethnic Militia (Nigeria)", actor type 4); a
    nationality is no people ("Nigerian herders")."""
    found = _PEOPLE_HERDERS.match((party.get("text") or "").strip())
    if found is None or party.get("entity") or not iso3:
        return party
    people = found.group(1)
    if actor_dictionary().normalise(people).country is not None:
        return party
    return {**party, "name": f"{people} Ethnic Militia ({acled_country_name(iso3)})", "inter": 4}


def acled_sides(e: dict[str, Any], iso3: str) -> AcledSides:
    """The event's sides in ACLED's terms (``iso3``: the country where it happens, or empty)."""
    actors = [
        _ethnic(_communal(acled_party(p), e, iso3), iso3)
        for p in e["actor"]
        if p.get("name") or p.get("text")
    ]
    recipients = [
        _communal(acled_party(p), e, iso3) for p in e["recipient"] if p.get("name") or p.get("text")
    ]
    kind = e.get("acled_event_type") or ""
    crowd = _CROWDS.get(kind)
    if crowd and iso3:
        word, sector, inter = crowd
        label = f"{word} ({acled_country_name(iso3)})"
        head = {"text": "", "name": label, "country": iso3, "sector": sector, "entity": None, "inter": inter}
        forces = [p for p in (*actors, *recipients) if p.get("sector") in _FORCES]
        named = [p for p in actors if p not in forces and p["name"] != label]
        others = [p for p in recipients if p not in forces and p["name"] != label]
        if kind == "Protests":
            # counter-protesters are a protest's second side; what it is against is none
            others = [p for p in others if p.get("sector") == "PRO"]
        return AcledSides([head, *named], [*forces, *others])
    if kind in _VIOLENCE and not actors and iso3:
        label = f"Unidentified Armed Group ({acled_country_name(iso3)})"
        head = {"text": "", "name": label, "country": iso3, "sector": "UAF", "entity": None, "inter": 3}
        return AcledSides([head], recipients)
    return AcledSides(actors, recipients)
