"""Precision on open-world newswire: GLOCON's protest documents (``../shared/dev/glocon/dev.jsonl``).

A GLOCON *protest* document reports a contentious event that happened, with a time and a place and
at least one non-state actor: demonstrations, strikes, group clashes, political violence by
non-state actors. Most documents of the sample are not about conflict at all.

tocsin marks a document as a protest document when it codes a *contentious* event in it: an event
that happened (asserted, claimed or historical; told as news or in passing), typed by ACLED as a
protest or riot, or as violence (battle, remote violence, violence against civilians) by a side
that is not known to be a state force. Measured: precision, recall and F1 of that decision over
documents labelled protest (1) or not (0) (the few labelled "planned or unclear" are left out),
and the share of documents with no contentious event that still get *any* event with an ACLED
type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.evaluation.corpus import code_texts, prf
from tocsin.pipeline import Pipeline

PROTEST_TYPES = frozenset({"Protests", "Riots"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})
#: Organised or collective non-state actors: rebels, armed groups, gangs, crowds.
NON_STATE_SECTORS = frozenset({"REB", "UAF", "CRM", "PRO", "CVL", "OPP", "PTY", "REF"})
#: GLOCON's events have happened or are ongoing, however long ago and however briefly told: an
#: event told in passing ("students arrested while protesting") or from years before ("protesters
#: in 2014 staged noisy demonstrations") counts, what was planned, feared or denied does not.
HAPPENED = frozenset({"asserted", "claimed", "historical"})


@dataclass(frozen=True, slots=True)
class GloconDoc:
    """One labelled newswire story."""

    id: str
    text: str
    published: str | None
    protest: bool
    unclear: bool


def load_glocon(path: Path) -> list[GloconDoc]:
    """The documents of a GLOCON JSONL file (``{id, text, published, labels: {protest, ...}}``)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            labels = r.get("labels") or {}
            out.append(
                GloconDoc(
                    str(r["id"]),
                    r["text"],
                    r.get("published"),
                    bool(labels.get("protest")),
                    bool(labels.get("planned_or_unclear")),
                )
            )
    return out


def contentious(event: dict[str, Any]) -> bool:
    """Whether an event record is a contentious event that happened, in GLOCON's sense."""
    if event["factuality"] not in HAPPENED:
        return False
    kind = event["acled_event_type"]
    if kind in PROTEST_TYPES:
        return True
    if kind in VIOLENT_TYPES:
        # GLOCON needs a non-state actor in the event: one that is named, and not a state's.
        sectors = {a.get("sector") for a in event["actor"]}
        return bool(sectors & NON_STATE_SECTORS) and not sectors & STATE_SECTORS
    return False


@dataclass
class GloconReport:
    """Document-level counts."""

    documents: int = 0
    scored: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    negatives: int = 0
    negatives_typed: int = 0
    rejected: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    #: Stories with no contentious event that still got an ACLED-typed event: its sentence.
    typed: list[str] = field(default_factory=list)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary; ``examples`` false positives, misses and typed stories with no
        contentious event (id: the event's sentence)."""
        p, r, f1 = prf(self.tp, self.fp, self.fn)
        out: dict[str, Any] = {
            "documents": self.documents,
            "scored": self.scored,
            "rejected": self.rejected,
            "protest_documents": self.tp + self.fn,
            "protest_precision": round(p, 3),
            "protest_recall": round(r, 3),
            "protest_f1": round(f1, 3),
            "no_event_documents": self.negatives,
            "no_event_documents_with_acled_type": round(self.negatives_typed / self.negatives, 3)
            if self.negatives
            else 0.0,
        }
        if examples:
            out["false_positives"] = self.false_positives[:examples]
            out["misses"] = self.misses[:examples]
            out["no_event_documents_typed"] = self.typed[:examples]
        return out


def _why(event: dict[str, Any]) -> str:
    ev = event["evidence"][0] if event["evidence"] else {}
    kind = event["acled_sub_event_type"] or event["event"]
    return f"{event['doc_id']} [{kind}, {ev.get('trigger')}]: {ev.get('text', '')[:200]}"


def evaluate(docs: list[GloconDoc], pipeline: Pipeline) -> GloconReport:
    """Code every story and score the protest-document decision."""
    report = GloconReport()
    for doc, coded in code_texts(pipeline, docs):
        report.documents += 1
        events = coded or []
        report.rejected += coded is None
        if doc.unclear:
            continue
        report.scored += 1
        hits = [e for e in events if contentious(e)]
        if doc.protest:
            if hits:
                report.tp += 1
            else:
                report.fn += 1
                report.misses.append(f"{doc.id}: {doc.text[:200]}")
        else:
            report.negatives += 1
            typed = [e for e in events if e["acled_event_type"]]
            report.negatives_typed += bool(typed)
            if typed:
                report.typed.append(_why(typed[0]))
            if hits:
                report.fp += 1
                report.false_positives.append(_why(hits[0]))
    return report
