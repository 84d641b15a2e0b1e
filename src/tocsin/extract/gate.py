"""Which sentences can hold an event: those the named-entity pass must read.

Named-entity recognition is half of what the spaCy model costs, and most sentences of most stories
hold no event (three in four of the dev news): a sentence without a trigger (``triggers.tsv``), a
word of harm (what the casualty reader looks for: "1 fatality." after the attack it counts) or a
word for a victim ("The victim was a police officer") gives no event and adds nothing to one but
the places it names, which the gazetteer still finds there. Read after the tagger, the parser and
the lemmatizer, before entities: what the gate reads does not depend on them (a trigger that
entities would screen out still opens its sentence).
"""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.extract.casualties import ARREST_WORDS, DEATH_NOUNS, INJURY_WORDS
from tocsin.extract.clauses import CASUALTY_LEMMAS
from tocsin.extract.roles import VICTIM_NOUNS
from tocsin.extract.triggers import find_triggers

#: The words the casualty and victim readers look for.
_WORDS = CASUALTY_LEMMAS | VICTIM_NOUNS | DEATH_NOUNS | INJURY_WORDS | ARREST_WORDS


def may_hold_event(sent: Span) -> bool:
    """Whether the sentence has a trigger or a word of harm or of victims."""
    return any(t.lemma_.lower() in _WORDS for t in sent) or bool(find_triggers(sent))
