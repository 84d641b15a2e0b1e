"""Named entities only where they are needed: the model's recognizer run on chosen sentences.

The recognizer of the pinned model has its own token-to-vector layer (it does not listen to the
tagger's and parser's), so it can read a sentence on its own (``Span.as_doc``); its features are
local (a window of a few tokens), so a sentence read alone is named as in its paragraph but at
its edges. Entities already set (the gazetteer ruler's places) are kept as the recognizer keeps
them; the sentences not chosen keep only those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span


def name_entities(
    nlp: Language, docs: Iterable[Doc], wanted: Callable[[Span], bool], *, batch_size: int
) -> None:
    """Run the pipeline's ``ner`` on the sentences of ``docs`` for which ``wanted`` is true."""
    chosen = [(doc, sent) for doc in docs for sent in doc.sents if wanted(sent)]
    if not chosen:
        return
    ner = nlp.get_pipe("ner")
    found: dict[int, tuple[Doc, list[Span]]] = {}
    named = ner.pipe((sent.as_doc() for _, sent in chosen), batch_size=batch_size)  # type: ignore[attr-defined]
    for (doc, sent), alone in zip(chosen, named, strict=True):
        spans = found.setdefault(id(doc), (doc, []))[1]
        spans.extend(Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in alone.ents)
    for doc, spans in found.values():
        doc.set_ents(spans, default="unmodified")
