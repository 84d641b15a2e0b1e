"""A pipeline component that marks gazetteer place names as entities before spaCy's NER.

spaCy's small model finds few of the places in conflict news (villages, disputed regions). This
component proposes proper-noun runs that the gazetteer knows, so that NER keeps them and labels
what is left around them. It is deliberately conservative: a name inside a longer proper-noun run
("Markus Ritter", "Artsakh Defense Army") is not a place, nor are months and weekdays.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from tocsin.extract.actors import ActorDictionary
from tocsin.geo.gazetteer import Gazetteer, fold

#: Nouns that, after a place name, make a feature named after it ("Lachin Corridor").
FEATURE_WORDS = frozenset(
    {
        "corridor",
        "road",
        "roadway",
        "motorway",
        "expressway",
        "railway",
        "highway",
        "route",
        "river",
        "valley",
        "region",
        "province",
        "district",
        "governorate",
        "oblast",
        "county",
        "state",
        "border",
        "crossing",
        "pass",
        "gorge",
        "mountains",
        "lake",
        "bridge",
        "checkpoint",
        "airport",
        "port",
        "strait",
        "canal",
        "city",
        "town",
        "village",
        "airbase",
        "base",
        "camp",
        "street",
        "square",
    }
)
#: Words after which a capitalised name is very likely a place ("in X", "near X").
LOCATIVE_WORDS = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "across",
        "toward",
        "towards",
        "through",
        "around",
        "between",
        "via",
        "inside",
        "within",
        "of",
        "and",
        "north",
        "south",
        "east",
        "west",
    }
)
_CALENDAR = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)


def _is_name_token(tok: object) -> bool:
    text = getattr(tok, "text", "")
    return bool(text) and text[0].isupper() and getattr(tok, "pos_", "") == "PROPN"


class GazetteerRuler:
    """Marks proper-noun runs that the gazetteer knows as ``GPE`` entities (before ``ner``)."""

    def __init__(self) -> None:
        self.gazetteer: Gazetteer | None = None
        self.actors: ActorDictionary | None = None
        #: English verbs and adjectives (the model's lemmatizer index): a sentence's first word
        #: among them is capitalised for its place in the sentence, not for a name ("Man killed
        #: in ...": not the town in Ivory Coast).
        self.common: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None:
            return doc
        spans: list[Span] = []
        i = 0
        n = len(doc)
        while i < n:
            if not _is_name_token(doc[i]) or doc[i].lower_ in _CALENDAR:
                i += 1
                continue
            matched = self._longest_match(doc, i)
            if matched is None:
                i += 1
                continue
            end = matched
            left_ok = i == 0 or not _is_name_token(doc[i - 1])
            # "Court of Justice", "Republic of Azerbaijan": part of a longer "X of Y" name.
            if i >= 2 and doc[i - 1].lower_ == "of" and _is_name_token(doc[i - 2]):
                left_ok = False
            if end + 1 < n and doc[end].lower_ == "of" and _is_name_token(doc[end + 1]):
                left_ok = False
            if self.actors is not None and self.actors.is_organisation(doc[i:end].text):
                left_ok = False
            if left_ok and end - i == 1 and not self._confident(doc, i):
                left_ok = False
            right = doc[end] if end < n else None
            right_ok = right is None or not _is_name_token(right) or right.lower_ in FEATURE_WORDS
            if self._glued(doc, i, end):
                right_ok = False  # "Cali-Ganey": part of a longer name, not the city of Cali
            if left_ok and right_ok:
                spans.append(Span(doc, i, end, label="GPE"))
            i = end
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc

    def _confident(self, doc: Doc, i: int) -> bool:
        """Whether a one-word match is a place rather than a surname or a word ("Jones said").

        Countries, regions and large cities are (a city named like an English verb or adjective
        not as a sentence's first word); a small place only after a locative preposition ("in
        Lisagor") or beside a comma and another place ("Alexandria, La.").
        """
        assert self.gazetteer is not None
        key = fold(doc[i].text)
        # Size vouches only for a place's own name: "Brown" is short for a county, and surnames are
        # alternate names of large cities; context below vouches for alternate names too.
        cands = [c for c in self.gazetteer.lookup(doc[i].text) if fold(c.name) == key or c.kind == "country"]
        if any(c.kind in {"country", "region", "admin1"} for c in cands):
            return True
        first_word = doc[i].is_sent_start and doc[i].lower_ in self.common
        if not first_word and any(c.population >= 100_000 for c in cands):
            return True
        if i > 0 and doc[i - 1].lower_ in LOCATIVE_WORDS:
            return True
        # "Stepanakert-Lisagor": a place on the other side of the hyphen (not "Wal-Mart").
        if i > 1 and doc[i - 1].text == "-" and self.gazetteer.lookup(doc[i - 2].text):
            return True
        if i + 2 < len(doc) and doc[i + 1].text == "-" and self.gazetteer.lookup(doc[i + 2].text):
            return True
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        after = doc[i + 2] if i + 2 < len(doc) else None
        if (
            nxt is not None
            and nxt.text == ","
            and after is not None
            and after.text[:1].isupper()
            and self.gazetteer.lookup(after.text)
        ):
            return True
        return nxt is not None and nxt.lower_ in FEATURE_WORDS

    def _glued(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name is glued by a hyphen to a name the gazetteer does not know ("Cali-Ganey";
        not "Stepanakert-Lisagor", two places, nor "D-Charleston", a legislator's party)."""
        assert self.gazetteer is not None
        for dash, other in ((end, end + 1), (start - 1, start - 2)):
            if not (0 <= other < len(doc) and 0 <= dash < len(doc)) or doc[dash].text != "-":
                continue
            left, right = (doc[end - 1], doc[dash]) if dash == end else (doc[other], doc[dash])
            glued = not left.whitespace_ and not right.whitespace_
            word = doc[other].text  # a name, not an initial or an acronym ("D-Charleston", "Watertown-ML")
            name = len(word) >= 3 and word[:1].isupper() and word[1:].islower()
            if glued and name and not self.gazetteer.lookup(word):
                return True
        return False

    def _longest_match(self, doc: Doc, start: int) -> int | None:
        assert self.gazetteer is not None
        # the name's words, not its tokens: a hyphen joining words inside a name is no word
        # ("Port-au-Prince" is five tokens, three words)
        limit, words = start, 0
        while limit < len(doc) and words < self.gazetteer.max_tokens:
            hyphen = doc[limit].text == "-" and limit > start and not doc[limit - 1].whitespace_
            words += not hyphen
            limit += 1
        for end in range(limit, start, -1):
            # a longer name ends on a capitalised word, whatever the tagger made of it ("Uniao dos
            # Palmares", its last word read as a plural noun); the gazetteer vouches for the whole
            if not doc[end - 1].text[:1].isupper() and end - 1 != start:
                continue
            if doc[start:end].text in self.gazetteer:
                return end
        return None


@Language.factory("tocsin_gazetteer")
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """spaCy factory; the gazetteer is attached after construction (see :func:`build_nlp`)."""
    return GazetteerRuler()
