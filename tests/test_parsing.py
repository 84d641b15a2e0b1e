"""How texts are parsed: a stop after a headline for the parser only, and entities named only in
the sentences that may hold an event (slow where it parses: loads the model)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import code_text
from tocsin.config import load_settings
from tocsin.errors import ConfigError
from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.nlp.stops import needs_stop, with_stop
from tocsin.pipeline import Pipeline


def test_a_text_that_ends_in_a_word_is_parsed_with_a_stop() -> None:
    assert (
        with_stop("Five civilians killed in Ukraine's Donetsk")
        == "Five civilians killed in Ukraine's Donetsk."
    )
    assert needs_stop('Rebels "seize" town\u201d') and needs_stop("Clashes in 2014")
    for ended in ("Rebels seized the town.", "Who fired first?", "Three killed:", "Curfew!"):
        assert not needs_stop(ended) and with_stop(ended) == ended
    # a long line or several lines that end in a word are text cut short, not a headline
    assert not needs_stop("Rebels shelled the town " * 20) and not needs_stop("Rebels shelled\nthe town")


def test_the_setting_names_where_entities_are_named(tmp_path: Path) -> None:
    assert load_settings(env={}).entities == "events"
    path = tmp_path / "tocsin.toml"
    path.write_text('[nlp]\nentities = "all"\n', encoding="utf-8")
    assert load_settings(config_path=str(path), env={}).entities == "all"
    path.write_text('[nlp]\nentities = "some"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nlp\.entities"):
        load_settings(config_path=str(path), env={})


@pytest.mark.slow
def test_a_headline_parsed_with_a_stop_keeps_its_text_and_finds_its_place(pipeline: Any) -> None:
    text = "Five civilians killed in Ukraine's Donetsk"
    ((_, doc),) = pipeline.parse([pipeline.document(InputItem("h", text, "text", Metadata(id="h"), None))])[
        0:1
    ][0]
    assert doc.text == text and doc[-1].text == "Donetsk" and doc[-1].ent_type_ == "GPE"
    (e,) = [e for e in code_text(pipeline, text, "2014-07-01") if e["event"] == "ASSAULT"]
    assert e["location"]["name"] == "Donetsk" and e["dead"] == 5
    assert e["evidence"][0]["text"] == text and e["evidence"][0]["end"] == len(text)
    # "fighting" at the end is the fighting, not a verb of the four people
    (e,) = [e for e in code_text(pipeline, "Four people killed in east Ukraine fighting", "2014-07-01")]
    assert e["actor"] == [] and e["acled_event_type"] == "Battles"


@pytest.mark.slow
def test_entities_are_named_where_an_event_may_be_and_everywhere_when_asked(pipeline: Any) -> None:
    text = (
        "Maria Petrova, a teacher, spoke to reporters in Kramatorsk on Monday. "
        "Gunmen shot dead two police officers near Sloviansk, Oleksandr Ivanov said."
    )
    item = InputItem("p", text, "text", Metadata(id="p"), None)
    everywhere = Pipeline(nlp=pipeline.nlp, gazetteer=pipeline.gazetteer,
                          settings=replace(pipeline.settings, entities="all"))  # fmt: skip
    named = []
    for pipe, first_named in ((pipeline, False), (everywhere, True)):
        ((_, doc),) = pipe.parse([pipe.document(item)])[0]
        first, second = doc.sents
        people = {e.text for e in first.ents if e.label_ == "PERSON"}
        assert ("Maria Petrova" in people) is first_named
        named.append([(e.text, e.label_) for e in second.ents])
        # the gazetteer finds places in every sentence
        assert any(e.text == "Kramatorsk" for e in first.ents)
        assert any(e.text == "Sloviansk" for e in second.ents)
    # a sentence with a killing is named alone as in its paragraph
    assert named[0] == named[1] and any(label == "PERSON" for _, label in named[0])
    assert "ner" in pipeline.nlp.pipe_names and "ner" not in pipeline.nlp.disabled  # the model left whole
