"""Who a person named in a document is: the public role the text gives them once ("Afghan
President Ashraf Ghani", "Eklil Hakimi, the finance minister", "Sen. Rand Paul") holds wherever it
names them again ("Ghani blamed Pakistan", "Paul said"), as a reader carries it.

A person is remembered by their name written in full and by their surname; a surname two people
of different roles share in one document is remembered for neither, and a name written in full is
matched only in full ("Jeb Bush" is not "President George Bush").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tocsin.extract.actors import ActorDictionary
from tocsin.geo.gazetteer import fold
from tocsin.models import Actor

#: Words of courtesy before a name, which say nothing of who the person is.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "madam"})


def _title_before(name: Span) -> str:
    """The words before a name that hang on it: "Afghan President" in "Afghan President Ashraf
    Ghani", "New York Governor" in "New York Governor Andrew Cuomo"."""
    first = min(t.left_edge.i for t in name)
    return name.doc[first : name.start].text if first < name.start else ""


def _apposed(name: Span) -> str:
    """A role set beside the name, up to its head noun: "Eklil Hakimi, the finance minister";
    "the president, Ashraf Ghani" (not what it is of or does: "a radical group aimed at bringing
    down the government" is no government)."""
    root = name.root
    for c in root.children:
        if c.dep_ == "appos" and c.i > name.end - 1:
            return name.doc[c.left_edge.i : c.i + 1].text
    head = root.head
    if root.dep_ == "appos" and head.i < name.start and head.pos_ == "NOUN":
        return name.doc[head.left_edge.i : head.i + 1].text
    return ""


@lru_cache(maxsize=65536)
def _title(word: str, actors: ActorDictionary) -> bool:
    """A word of courtesy or of a role ("Mrs", "Sen.", "Minister"): no word of a name."""
    return fold(word) in HONORIFICS or actors.sector_of(word, guess=False) is not None


def name_words(words: Iterable[Token], actors: ActorDictionary) -> list[str]:
    """The words of a person's name: the capitalised words after the last title or courtesy
    ("Sen. Rand Paul": Rand Paul; "Finance Minister Eklil Hakimi": Eklil Hakimi)."""
    out: list[str] = []
    for t in words:
        if not t.text[:1].isupper() or _title(t.text, actors):
            out = []
        else:
            out.append(t.text)
    return out


#: What the model takes for times, amounts and nationalities: no person's name.
_NO_NAME = frozenset({"NORP", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "EVENT"})
#: ... and for places: no person, whatever title stands before it ("Governor of Texas").
_NO_PERSON = _NO_NAME | {"GPE", "LOC", "FAC"}


def _named(doc: Doc) -> Iterator[Span]:
    """The runs of proper nouns that may name a person: each ending at its head, with the
    proper nouns hung on it before ("Finance Minister Eklil Hakimi"). The model's entity label
    is not required (it takes an unfamiliar name for an organisation as often as a person), only
    that it is no place or time."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ in _NO_PERSON:
            continue
        if tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            continue  # not the run's head
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {"compound", "flat"}:
            start -= 1
        yield doc[start : tok.i + 1]


def people_roles(docs: Iterable[Doc], actors: ActorDictionary) -> dict[str, Actor]:
    """The public role of each person a document names with one, by folded full name and
    surname. A private one ("the mother of ...", "a teacher") is not kept: the person is better
    named than counted among civilians."""
    found: dict[str, Actor | None] = {}
    for doc in docs:
        for span in _named(doc):
            names = name_words(span, actors)
            if not names:
                continue
            role: Actor | None = None
            for phrase, title in ((f"{_title_before(span)} {span.text}", len(names)), (_apposed(span), 0)):
                words = phrase.split()
                # the role is the title's own noun ("Afghan President", "Lt. Gen.", "security
                # chief"), not a word it is of ("police shooting victim Michael Brown" is no police)
                noun = " ".join(words[: len(words) - title][-2:])
                sector = actors.sector_of(noun, guess=False) if noun else None
                if actors.public_sector(sector):
                    role = replace(actors.normalise(phrase.strip()), sector=sector)
                    break
            if role is None:
                continue
            for key in {fold(" ".join(names)), fold(names[-1])}:
                prior = found.get(key, role)
                same = prior is not None and (prior.sector, prior.country) == (role.sector, role.country)
                found[key] = role if same else None
    return {k: v for k, v in found.items() if v is not None}


def known_person(tok: Token, actor: Actor, people: dict[str, Actor], actors: ActorDictionary) -> Actor:
    """A person named with no role where the document gave them one before or after ("Ghani" of
    "President Ashraf Ghani"): the role's sector and country, the name as written. The name is
    matched whatever the model took it for (it tags a bare surname a place or an organisation
    as often as a person), when the phrase is that name alone (not "the World Cup in Sao
    Paulo")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NO_NAME or not people:
        return actor
    if actor.sector or actor.country or actor.entity:
        return actor
    phrase = tok.doc[tok.left_edge.i : tok.i + 1]
    names = name_words(phrase, actors)
    capitals = [t.text for t in phrase if t.text[:1].isupper() and fold(t.text) not in HONORIFICS]
    if not names or capitals != names:
        return actor
    role = people.get(fold(" ".join(names)))
    if role is None:
        return actor
    return Actor(actor.text, actor.name, role.country, role.sector, role.entity)
