"""Segmentation of plain-text copies of web pages (no model needed)."""

from __future__ import annotations

from tests.conftest import SAMPLES
from tocsin.ingest.webcopy import segment_text


def _labelled(text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in segment_text(text)]


def test_seed_000_sets_aside_exactly_captions_bio_comments_and_form() -> None:
    text = (SAMPLES / "000_13139eaf30470846.txt").read_text(encoding="utf-8")
    parts = _labelled(text)
    by_label: dict[str, list[str]] = {}
    for label, para in parts:
        by_label.setdefault(label, []).append(para)
    assert by_label["title"] == ["EU mission warns of new offensive after Azerbaijani advance on Artsakh"]
    assert by_label["caption"] == [
        "Azerbaijani armed forces cross line of contact (NKR InfoCenter)",
        "Footage of reported construction work on Stepanakert-Lisagor road released by Azerbaijan"
        " (NKR InfoCenter)",
    ]
    assert by_label["byline"] == ["Lillian Avedian", "Lillian Avedian"]
    assert len(by_label["bio"]) == 1 and by_label["bio"][0].startswith("Lillian Avedian is the assistant")
    assert by_label["comments"][0] == "13 Comments"
    assert any("machine guns" in c for c in by_label["comments"])
    assert by_label["form"][0] == "Leave a Reply"
    # The body is exactly the article: first and last paragraphs, nothing after.
    body = by_label["body"]
    assert body[0].startswith("The head of the European Union monitoring mission")
    assert body[-1].startswith("On February 22, the International Court of Justice")
    assert len(body) == 20  # counted by hand in the source text
    assert not any("1915" in b or "Pashinyan" in b for b in body)


def test_seed_003_title_then_body() -> None:
    text = (SAMPLES / "003_e3ffa5165f87010f.txt").read_text(encoding="utf-8")
    parts = _labelled(text)
    assert parts[0] == ("title", "Azerbaijan Launches New Offensive Into Breakaway Region")
    assert [label for label, _ in parts[1:]] == ["body"] * 10


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Soldiers fired on the village of\nexample on Monday, witnesses said.\n\nSecond paragraph here."
    parts = _labelled(text)
    assert [p for _, p in parts] == [
        "Soldiers fired on the village of\nexample on Monday, witnesses said.",
        "Second paragraph here.",
    ]


def test_a_lone_paragraph_ending_in_parentheses_is_the_text_not_a_caption() -> None:
    note = (
        "On 5 April 2022, militants sabotaged electric towers between the villages of Bounou "
        "(Kompienga) and Kompanti (Soudougui, Koulpelogo)"
    )
    assert _labelled(note) == [("body", note)]
    # The same line below a paragraph of text is still a caption.
    page = "Militants attacked the power grid on Tuesday, officials said.\n\nElectric towers (AFP)"
    assert [label for label, _ in _labelled(page)] == ["body", "caption"]


def test_teasers_furniture_and_tables_are_set_aside() -> None:
    text = (
        "Gunmen attacked a village in Borno State on Tuesday, killing 12 people.\n\n"
        "Related: Las Vegas shooting followed a depressingly familiar routine\n\n"
        "MORE: Five killed in attack on army base\n\n"
        "Related article: Actress compares a bad review to being attacked\n\n"
        "Our comment policy: comments are moderated and may take a day to appear.\n\n"
        "Please consider a donation to support independent journalism.\n\n"
        "Killed | Wounded | Missing | Province\n\n"
        "Residents said the attackers arrived on motorcycles."
    )
    labels = [label for label, _ in _labelled(text)]
    assert labels == ["body", "teaser", "teaser", "teaser", "boilerplate", "boilerplate", "table", "body"]


def test_a_sentence_that_only_mentions_more_is_body() -> None:
    text = "More than 200 people marched in Lagos.\n\nMore: the police said nothing."
    assert [label for label, _ in _labelled(text)] == ["body", "teaser"]
    assert [label for label, _ in _labelled("More than 200 people marched in Lagos.\n\nThey dispersed.")] == [
        "body",
        "body",
    ]
