"""Who did what: police killings, arrests and force at sentence level on IndiaPoliceEvents.

Each article of ``../shared/dev/ipe/dev.jsonl`` (Times of India, March 2002, lower-case as printed)
is coded as one document; ``dev_sents.jsonl`` labels each of its sentences with the police actions
it reports (KILL, ARREST, FORCE). Each labelled sentence is found in the article's text, and an
event counts for the sentence that holds its trigger. tocsin says a sentence reports:

- ARREST: an arrest (PLOVER COERCE/arrest, ACLED Arrests) that happened, by the police, a state
  actor or nobody named (an arrest is made by the authorities);
- KILL: a violent event (ASSAULT) that happened, by the police, with deaths;
- FORCE: a violent or coercive event that happened, by the police, other than an arrest or a
  restriction (a curfew, a ban: regulation, not force; KILL included, as in the labels).

Many sentences tell of mob violence the police did not commit: an event done by a mob is no police
action. Precision, recall and F1 per label over all labelled sentences.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.evaluation.corpus import code_texts, prf
from tocsin.pipeline import Pipeline

LABELS = ("KILL", "ARREST", "FORCE")
HAPPENED = frozenset({"asserted", "claimed"})
AUTHORITIES = frozenset({"COP", "GOV", "MIL"})
#: Coercion that is no force: a curfew, a ban, a closure, censorship (IPE's FORCE asks whether the
#: police used force or violence on people: firing, a lathi charge, tear gas).
NOT_FORCE = frozenset({"restrict", "cyber"})


@dataclass(frozen=True, slots=True)
class IpeSentence:
    """One labelled sentence of an article."""

    index: int
    text: str
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class IpeDoc:
    """An article and its labelled sentences."""

    id: str
    text: str
    published: str | None
    sentences: tuple[IpeSentence, ...]


def load_ipe(docs_path: Path, sents_path: Path) -> list[IpeDoc]:
    """The articles of ``dev.jsonl`` with the sentences of ``dev_sents.jsonl``."""
    sents: dict[str, list[IpeSentence]] = defaultdict(list)
    with sents_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                labels = frozenset(k for k, v in (r.get("labels") or {}).items() if v)
                sents[str(r["doc_id"])].append(IpeSentence(int(r["sent_idx"]), r["text"], labels))
    out = []
    with docs_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                doc_id = str(r["id"])
                ordered = tuple(sorted(sents.get(doc_id, []), key=lambda s: s.index))
                out.append(IpeDoc(doc_id, r["text"], r.get("published"), ordered))
    return out


def sentence_spans(text: str, sentences: tuple[IpeSentence, ...]) -> list[tuple[int, int] | None]:
    """Where each labelled sentence lies in the article's text (``None``: not found)."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for s in sentences:
        needle = s.text.strip()
        at = text.find(needle, cursor) if needle else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(needle)))
        cursor = at + len(needle)
    return spans


def police_actions(event: dict[str, Any]) -> set[str]:
    """The IPE labels an event record stands for (empty when it is no police action that happened)."""
    if event["factuality"] not in HAPPENED or event.get("background"):
        return set()
    sectors = {a.get("sector") for a in event["actor"]}
    police = "COP" in sectors
    if event["event"] == "COERCE" and event["mode"] == "arrest":
        return {"ARREST"} if (not sectors - {None} or sectors & AUTHORITIES) else set()
    if not police:
        return set()
    if event["event"] == "ASSAULT":
        return {"FORCE", "KILL"} if event.get("dead") else {"FORCE"}
    if event["event"] == "COERCE" and event["mode"] not in NOT_FORCE:
        return {"FORCE"}
    return set()


@dataclass
class IpeReport:
    """Per-label sentence counts."""

    articles: int = 0
    sentences: int = 0
    unplaced: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    errors: list[str] = field(default_factory=list)

    def as_dict(self, *, examples: int = 0) -> dict[str, Any]:
        """JSON-ready summary, one block per label."""
        out: dict[str, Any] = {
            "articles": self.articles,
            "sentences": self.sentences,
            "sentences_not_found_in_text": self.unplaced,
        }
        for label in LABELS:
            tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
            p, r, f1 = prf(tp, fp, fn)
            out[label.lower()] = {
                "gold": tp + fn,
                "predicted": tp + fp,
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f1, 3),
            }
        if examples:
            out["errors"] = self.errors[:examples]
        return out


def evaluate(docs: list[IpeDoc], pipeline: Pipeline) -> IpeReport:
    """Code every article and score each labelled sentence."""
    report = IpeReport()
    for doc, coded in code_texts(pipeline, docs):
        report.articles += 1
        events = coded or []
        spans = sentence_spans(doc.text, doc.sentences)
        predicted: list[set[str]] = [set() for _ in doc.sentences]
        for e in events:
            actions = police_actions(e)
            if not actions:
                continue
            for ev in e["evidence"]:
                at = ev["trigger_start"]
                for i, span in enumerate(spans):
                    if span is not None and span[0] <= at < span[1]:
                        predicted[i] |= actions
        for sent, span, got in zip(doc.sentences, spans, predicted, strict=True):
            report.sentences += 1
            report.unplaced += span is None
            for label in LABELS:
                gold = label in sent.labels
                if gold and label in got:
                    report.tp[label] += 1
                elif label in got:
                    report.fp[label] += 1
                    report.errors.append(f"false {label}: {doc.id}/{sent.index}: {sent.text[:200]}")
                elif gold:
                    report.fn[label] += 1
                    report.errors.append(f"missed {label}: {doc.id}/{sent.index}: {sent.text[:200]}")
    return report
