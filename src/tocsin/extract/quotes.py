"""Who speaks a quotation of several sentences.

"“Many Armenians believe there'll be a spring offensive by Azerbaijan. If this doesn't happen,
our mission is already a success,” Markus Ritter told the German DW." The parser ties the last
sentence of the quotation to "told"; the sentences before it stand alone and read as the outlet's
own word. A quotation is its speaker's: every sentence wholly inside one is claimed by whoever
the words just outside it name as saying it (a verb of saying after the closing mark, or before
the opening mark: "Ritter said: “...”"). Quotation marks are paired as typeset (“ ”) or, for the
straight mark, in turn.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tocsin.extract.attribution import SPEECH_VERBS

_OPEN = frozenset({"“", "«", "„"})
_CLOSE = frozenset({"”", "»"})
_STRAIGHT = '"'


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indices of the paragraph's quotations."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for tok in doc:
        mark = tok.text
        if mark in _OPEN or (mark == _STRAIGHT and opened is None):
            opened = tok.i
        elif (mark in _CLOSE or mark == _STRAIGHT) and opened is not None:
            out.append((opened, tok.i))
            opened = None
    return out


def _speaker(tokens: list[Token]) -> tuple[Token, Token] | None:
    """The subject of the first verb of saying among ``tokens``, with the verb."""
    for tok in tokens:
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in SPEECH_VERBS:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject, tok
    return None


def quoted_speakers(doc: Doc) -> dict[int, Token]:
    """For each sentence (by its first token's index) wholly inside a quotation of several
    sentences, the head of the speaker's name; sentences that hold the verb of saying are read by
    the parse itself."""
    out: dict[int, Token] = {}
    quotations = _quotations(doc)
    sents = list(doc.sents) if quotations else []  # most paragraphs quote no one
    for opening, closing in quotations:
        inside = [s for s in sents if s.start >= opening and s.end - 1 <= closing + 1]
        last = doc[closing].sent
        first = doc[opening].sent
        found = _speaker([t for t in last if t.i > closing]) or _speaker([t for t in first if t.i < opening])
        if found is None:
            continue
        speaker, verb = found
        for sent in inside:
            if not _holds(sent, verb):
                out[sent.start] = speaker
    return out


def _holds(sent: Span, tok: Token) -> bool:
    return sent.start <= tok.i < sent.end
