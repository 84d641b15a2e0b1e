"""A person's public role, given once in a document, holds where the document names them again
(slow: loads the model)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import code_text

pytestmark = pytest.mark.slow


def _sides(event: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["name"], a["sector"]) for a in event["actor"]]


def test_a_surname_carries_the_role_the_document_gave_it(pipeline: Any) -> None:
    text = (
        "Talks opened in Kabul on Monday. Afghan President Ashraf Ghani was there.\n\n"
        "Ghani asked the elders to support the peace talks."
    )
    (asked,) = [e for e in code_text(pipeline, text) if e["event"] == "REQUEST"]
    assert _sides(asked) == [("Government of Afghanistan", "GOV")]


def test_a_role_set_beside_the_name_counts_too(pipeline: Any) -> None:
    text = (
        "Talks on the budget opened in Kabul on Monday. Eklil Hakimi, the finance minister, "
        "arrived late.\n\nHakimi met the elders of the province."
    )
    (met,) = [e for e in code_text(pipeline, text) if e["event"] == "CONSULT"]
    assert met["actor"][0]["sector"] == "GOV"


def test_another_person_of_the_same_surname_is_not_given_the_role(pipeline: Any) -> None:
    text = (
        "Talks opened in Kabul on Monday. Afghan President Ashraf Ghani was there.\n\n"
        "Rahim Ghani asked his neighbours to support the local football team."
    )
    # Rahim Ghani is no president: the request between private people is no political event
    assert [e for e in code_text(pipeline, text) if e["event"] == "REQUEST"] == []


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Any:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_the_role_is_the_titles_own_noun_not_a_word_it_is_of() -> None:
    from tocsin.extract.actors import actor_dictionary
    from tocsin.extract.people import people_roles

    # "police shooting victim Michael Brown spoke": a victim of the police is no police officer
    victim = _parsed(
        ["police", "shooting", "victim", "Michael", "Brown", "spoke"],
        [1, 2, 4, 4, 5, 5],
        ["compound", "compound", "compound", "compound", "nsubj", "ROOT"],
        ["NOUN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB"],
    )
    assert people_roles([victim], actor_dictionary()) == {}
    # "police chief Michael Brown spoke": the chief of the police is
    chief = _parsed(
        ["police", "chief", "Michael", "Brown", "spoke"],
        [1, 3, 3, 4, 4],
        ["compound", "compound", "compound", "nsubj", "ROOT"],
        ["NOUN", "NOUN", "PROPN", "PROPN", "VERB"],
    )
    assert people_roles([chief], actor_dictionary())["brown"].sector == "COP"
