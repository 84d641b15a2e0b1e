"""The precision stage's verdicts: what it decided on a candidate, and the record of a drop."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Screened:
    """The stage's verdict on one candidate: ``drop`` it, keep it as ``background``, or ``coerce``:
    keep it as force shown at no one (PLOVER's COERCE, "fired into the air"); ``kind`` names the
    test (``accident`` for accidents and disasters: their toll may follow)."""

    action: str
    reason: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate the stage dropped or demoted, where it stood and why (``tocsin extract --debug``)."""

    doc_id: str
    sentence: int
    event: str
    trigger: str
    start: int
    end: int
    action: str
    reason: str
    text: str
