"""Named entities only where they are needed: the model's recognizer run on chosen sentences.

The recognizer of the pinned model has its own token-to-vector layer (it does not listen to the
tagger's and parser's), so it can read a sentence on its own: a new document of the sentence's
words with their norms and the entities already set (the gazetteer ruler's places), which the
recognizer keeps. Its features are local (a window of a few tokens), so a sentence read alone is
named as in its paragraph but at its edges. The sentences not chosen keep only the entities
already set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

_ATTRS: list[int | str] = ["NORM", "ENT_IOB", "ENT_TYPE"]
#: ``ENT_IOB`` codes: inside, begin.
_INSIDE, _BEGIN = 1, 3


def _alone(doc: Doc, sent: Span, array: Ints2d) -> Doc:
    """The sentence as a document of its own, with its tokens' norms and entities. (``Span.as_doc``
    copies the whole document's annotations for each sentence.)"""
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    alone = Doc(doc.vocab, words=words, spaces=spaces)
    rows = array[sent.start : sent.end].copy()
    if rows[0, 1] == _INSIDE:  # an entity across the sentence's start begins here
        rows[0, 1] = _BEGIN
    alone.from_array(_ATTRS, rows)
    return alone


def name_entities(
    nlp: Language, docs: Iterable[Doc], wanted: Callable[[Span], bool], *, batch_size: int
) -> None:
    """Run the pipeline's ``ner`` on the sentences of ``docs`` for which ``wanted`` is true."""
    chosen: list[tuple[Doc, Span, Doc]] = []
    for doc in docs:
        sents = [sent for sent in doc.sents if wanted(sent)]
        if sents:
            array = cast(Ints2d, doc.to_array(_ATTRS))  # uint64 rows, typed as floats by spaCy
            chosen.extend((doc, sent, _alone(doc, sent, array)) for sent in sents)
    if not chosen:
        return
    ner = nlp.get_pipe("ner")
    found: dict[int, tuple[Doc, list[Span]]] = {}
    named = ner.pipe((alone for _, _, alone in chosen), batch_size=batch_size)  # type: ignore[attr-defined]
    for (doc, sent, _), alone in zip(chosen, named, strict=True):
        spans = found.setdefault(id(doc), (doc, []))[1]
        spans.extend(Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in alone.ents)
    for doc, spans in found.values():
        doc.set_ents(spans, default="unmodified")
