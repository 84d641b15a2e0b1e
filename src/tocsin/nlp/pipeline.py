"""The spaCy pipeline tocsin runs: a pinned English model plus the gazetteer ruler."""

from __future__ import annotations

import spacy
from spacy.language import Language

from tocsin.errors import ConfigError
from tocsin.geo.gazetteer import Gazetteer
from tocsin.nlp.gazetteer_ruler import GazetteerRuler

# Imported for its side effect: registers the "tocsin_gazetteer" factory with spaCy.
__all__ = ["GazetteerRuler", "build_nlp"]


def build_nlp(model: str, gazetteer: Gazetteer | None) -> Language:
    """Load ``model`` (an installed spaCy package) and add the gazetteer ruler before ``ner``."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run the setup script (see README)"
        ) from exc
    ruler = nlp.add_pipe("tocsin_gazetteer", before="ner")
    assert isinstance(ruler, GazetteerRuler)
    ruler.gazetteer = gazetteer
    ruler.common = _verbs_and_adjectives(nlp)
    return nlp


def _verbs_and_adjectives(nlp: Language) -> frozenset[str]:
    """The English verbs and adjectives the model's lemmatizer knows (its ``lemma_index``)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj") if pos in index for w in index[pos])
