"""Claims told as an aside after the act ("..., the ministry claimed") and denials of them in the
same sentence, however the parser hangs them (slow: loads the model)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import code_text

pytestmark = pytest.mark.slow


def _claims(pipeline: Any, text: str, event: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e["factuality"], [a["name"] for a in e["claimed_by"]], [a["name"] for a in e["denied_by"]])
        for e in code_text(pipeline, text)
        if e["event"] == event
    ]


def test_a_claim_in_an_aside_and_a_denial_after_it_dispute_the_act(pipeline: Any) -> None:
    captured = (
        "Russian troops captured the village of Novomykhailivka, the Russian Defense Ministry "
        "claimed, but Ukraine's military denied the village had fallen."
    )
    assert _claims(pipeline, captured, "COERCE") == [
        ("claimed", ["Military Forces of Russia"], ["Military Forces of Ukraine"])
    ]
    shot = (
        "At least two people were shot dead in Nairobi, Amnesty International said, an account police denied."
    )
    [(fact, claimed, denied)] = _claims(pipeline, shot, "ASSAULT")
    assert (fact, claimed) == ("claimed", ["Amnesty International"])
    assert len(denied) == 1 and "police" in denied[0].lower() and "account" not in denied[0].lower()


def test_a_denial_after_a_claim_already_read_is_recorded(pipeline: Any) -> None:
    text = "The army said it killed 20 rebels near Gao, a claim the rebels rejected."
    [(fact, claimed, denied)] = _claims(pipeline, text, "ASSAULT")
    assert fact == "claimed" and claimed and [d.lower() for d in denied][-1].endswith("rebels")


def test_a_denial_of_charges_or_by_a_relative_pronoun_is_not_of_the_report(pipeline: Any) -> None:
    arrest = "Police said they arrested a man on Monday, but the man denied the charges."
    assert [denied for _, _, denied in _claims(pipeline, arrest, "COERCE")] == [[]]
    plain = "Rebels attacked the town on Monday, police said."
    assert [(f, d) for f, _, d in _claims(pipeline, plain, "ASSAULT")] == [("claimed", [])]


def test_a_speech_verb_before_a_quotation_introduces_it_and_claims_nothing_before(pipeline: Any) -> None:
    # What "he said" introduces is the quotation after it: the firing told before it is the same
    # asserted killing, not a second event claimed by him.
    text = (
        "a farmer was killed in police firing at kamalpur on monday. mildly critical of the police "
        "firing at kamalpur, he said, \u201cthe police lose all sense of proportion when such "
        "incidents take place.\u201d"
    )
    attacks = [e for e in code_text(pipeline, text) if e["event"] == "ASSAULT"]
    assert [(e["factuality"], len(e["evidence"])) for e in attacks] == [("asserted", 2)]


def test_a_denial_in_the_next_sentence_is_of_the_act_told_before(pipeline: Any) -> None:
    text = (
        "Security forces fired live ammunition at marchers in Khartoum on Thursday, killing three "
        "protesters, a doctors' committee said. The military denied using live fire."
    )
    [(fact, claimed, denied)] = _claims(pipeline, text, "ASSAULT")
    assert fact == "claimed" and claimed and [d.lower() for d in denied] == ["military"]
    # A denial of something else told there is not of the act before it.
    for denial in (
        "The minister denied reports that he would resign.",
        "The minister denied reports of his resignation.",
    ):
        other = f"Police shot dead two men in Kano on Monday, residents said. {denial}"
        assert [denied for _, _, denied in _claims(pipeline, other, "ASSAULT")] == [[]], denial


def test_a_denial_after_an_accusation_is_of_the_accusation_not_the_act_before(pipeline: Any) -> None:
    text = (
        "Security forces fired live ammunition at marchers in Khartoum on Thursday, killing three "
        "protesters, a doctors' committee said. The minister blamed the army for the deaths. The "
        "army denied the allegations."
    )
    assert [denied for _, _, denied in _claims(pipeline, text, "ASSAULT")] == [[]]
