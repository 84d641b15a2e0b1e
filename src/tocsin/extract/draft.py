"""An event while it is assembled, the sentence it is read from, and what the narrative holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tocsin.extract.verdicts import Dropped
from tocsin.geo.mentions import PlaceMention
from tocsin.models import (
    Actor,
    DateMethod,
    DatePrecision,
    DateSpan,
    Evidence,
    Factuality,
    Place,
)
from tocsin.narrative import DocumentClock
from tocsin.time import TimeExpression


@dataclass(slots=True)
class Draft:
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
    related: list[Draft] = field(default_factory=list)
    merged_into: Draft | None = None
    #: Lemmas of every trigger merged into this draft ("kill" and "ambush").
    lemmas: set[str] = field(default_factory=set)
    #: Sentences whose reports were merged into this draft.
    sentences: set[int] = field(default_factory=set)
    #: Mentioned in passing (see :func:`in_passing`), not what its sentence reports.
    background: bool = False
    #: Mentioned as what a noun or a grievance is about (see :func:`passing_kind`): not typed by ACLED.
    topic: bool = False
    #: What a court case or a charge is about (screen.py): background, and not typed by ACLED.
    court: bool = False
    #: Done by one person acting alone ("he", "a man", a named person): crime, not political violence.
    individual: bool = False
    #: Done by no one named to one private person ("a man was shot dead"): see ``extract/crime.py``.
    lone_victim: bool = False
    #: Done to a thing, no party ("seized a truck", "blocked the road"): see ``extract/parties.py``.
    things: bool = False
    #: Its doers named are all things ("the tape provides stability"), or none is named and all it
    #: is done to are things ("the grants support programs"): see ``extract/stage.py``.
    thing_doers: bool = False
    #: Why the text does not say the act happened (attribution.py's ``unreal``), or ``None``.
    unreal: str | None = None


def actor_keys(actors: list[Actor]) -> set[str]:
    keys = set()
    for a in actors:
        keys.add(a.name.lower())
        if a.entity:
            keys.add(a.entity.lower())
        elif a.country:
            keys.add(a.country)
    return keys


def add_unique(target: list[Actor], new: list[Actor]) -> None:
    names = {a.name for a in target}
    for a in new:
        if a.name not in names:
            target.append(a)
            names.add(a.name)


@dataclass(frozen=True, slots=True)
class SentenceView:
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
class Context:
    """What the narrative has established so far in a document."""

    clock: DocumentClock
    anchor: DateSpan | None = None
    last_subject: Actor | None = None
    paragraph_places: list[Place] = field(default_factory=list)
    #: The last violent event of the paragraph, for counts told in the next sentence.
    last_violent: Draft | None = None
    #: What the document is about when it is not conflict (sport, markets, ...): see screen.py.
    subject: str | None = None
    #: An accident or a disaster was told, and no attack since: a toll with no one doing it is its.
    after_accident: bool = False
    #: An animal was last told attacking (screen.py): "the attack" after it is the animal's.
    after_animal: bool = False
    #: A strike by arms was told (an air or missile strike): "the strike" after it is that one.
    after_armed_strike: bool = False
    #: Candidates the precision stage dropped or demoted, with their reasons.
    dropped: list[Dropped] = field(default_factory=list)
    #: The public roles of the people the document names with one (``extract/people.py``).
    people: dict[str, Actor] = field(default_factory=dict)
