"""The TimeBank scorer on a small TimeML file written for this test (slow: sentence splitting)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ROOT
from tocsin.evaluation.timebank import evaluate, read_tml

SAMPLE = ROOT / "tests" / "fixtures" / "timeml" / "sample.tml"


def test_read_tml_offsets_point_at_the_expressions() -> None:
    doc = read_tml(SAMPLE)
    assert str(doc.dct) == "2023-09-19"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "2023-09-18"),
        ("three days", "DURATION", "P3D"),
        ("August", "DATE", "2023-08"),
        ("now", "DATE", "PRESENT_REF"),
        ("last year", "DATE", "2022"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


@pytest.mark.slow
def test_scores_on_the_sample(pipeline: Any) -> None:
    report = evaluate([read_tml(SAMPLE)], pipeline.nlp).as_dict()
    assert report["gold_date_expressions"] == 4
    assert report["recognition_recall"] == 1.0
    assert report["recognition_precision"] == 1.0
    assert report["value_accuracy_on_matched"] == 1.0
