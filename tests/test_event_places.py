"""Which of a sentence's places is where its event happened (slow: loads the model)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import code_text

pytestmark = pytest.mark.slow


def test_a_place_in_what_an_act_is_about_is_not_where_it_was(pipeline: Any) -> None:
    text = (
        "In Montero (Santa Cruz), residents blocked a road as a demonstration to complain about "
        "the poor state of the Okinawa highway."
    )
    protests = [e for e in code_text(pipeline, text) if e["event"] == "PROTEST"]
    assert protests and {e["location"]["name"] for e in protests} == {"Montero"}
