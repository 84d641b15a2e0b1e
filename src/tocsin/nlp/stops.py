"""A stop after a text that has none, for the parser only.

Headlines, subheadings and list items end without a full stop, and the model, trained on sentences
that have one, misreads the last word: "Four people killed in east Ukraine fighting" makes
"fighting" the main verb (the four people fought), "Five civilians killed in Ukraine's Donetsk"
makes "Donetsk" a common noun and no place. Such a text is parsed with a stop after it; the stop
is then cut from the parsed document, so that the text, its offsets and its evidence are those of
the document.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tocsin.ingest.slugs import headline_line

#: Characters a text may end with and still need a stop: a word, a number, a closing bracket or quote.
_OPEN_END = frozenset(")]\"'\u2019\u201d")


def needs_stop(text: str) -> bool:
    """Whether the text is a line that ends in a word (no full stop, question or exclamation mark,
    colon), no longer than a headline (a longer text that ends in a word is prose cut short, and
    cutting the stop off again costs a copy of its whole parse)."""
    return headline_line(text) and bool(text) and (text[-1].isalnum() or text[-1] in _OPEN_END)


def with_stop(text: str) -> str:
    """The text to parse: with a stop after it when it needs one."""
    return f"{text}." if needs_stop(text) else text


def without_stop(doc: Doc, text: str) -> Doc | None:
    """The parse of ``text`` from the parse of ``with_stop(text)``: the stop cut off (its
    annotations kept), or ``None`` when the tokenizer joined the stop to the last word ("U.S.")."""
    if len(doc.text) == len(text):
        return doc
    last = doc[-1]
    if last.text != "." or last.idx != len(text):
        return None
    return doc[:-1].as_doc()
