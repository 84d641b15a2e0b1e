"""The trigger lexicon's rows are well formed (no model needed)."""

from __future__ import annotations

from tocsin.extract.lexicon import CONDITION_KINDS, Trigger, lexicon


def test_every_condition_is_of_a_kind_the_matcher_knows() -> None:
    # A misspelt kind would never hold, and silently disable its row.
    rows = [t for rows in lexicon().values() for t in rows]
    assert len(rows) > 100
    unknown = [
        (t.lemma, t.condition) for t in rows for kind, _ in t.conditions if kind not in CONDITION_KINDS
    ]
    assert unknown == []


def test_several_conditions_are_read_apart() -> None:
    row = Trigger("take", "VERB", "MOBILIZE", "troops", "obj=position;prep=up")
    assert row.conditions == (("obj", frozenset({"position"})), ("prep", frozenset({"up"})))
    assert (row.condition_kind, row.condition_words()) == ("obj", frozenset({"position"}))
    assert Trigger("kill", "VERB", "ASSAULT", None, "").conditions == (("", frozenset()),)
