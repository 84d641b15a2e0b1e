"""When an event happened: the date expression attached to its trigger in the parse, else the
sentence's, else the narrative's day; "a day after <clause>" dates the clause a day before."""

from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Span, Token

from tocsin.extract.clauses import DAY_OFFSET, SMALL_NUMBERS, temporal_governor
from tocsin.extract.draft import Context
from tocsin.models import DateMethod, DatePrecision, DateSpan
from tocsin.time import TimeExpression


def _expr_root(sent: Span, expr: TimeExpression) -> Token | None:
    span = sent.doc.char_span(
        sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
    )
    return span.root if span is not None else None


def dates_for(
    trigger: Token,
    sent: Span,
    exprs: list[TimeExpression],
    ctx: Context,
    published_anchor: DateSpan | None,
) -> list[DateSpan]:
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    attached: list[TimeExpression] = []
    for expr in exprs:
        root = _expr_root(sent, expr)
        governor = temporal_governor(root) if root is not None else None
        if governor is None:
            continue
        # The date modifies the trigger, its clause, or a noun right under the trigger
        # ("firing on civilians on March 15"); not something deeper in a modifier.
        near = governor.head.i == trigger.i or (
            governor.head.head.i == trigger.i and governor.head.pos_ == "ADP"
        )
        if governor.i in {trigger.i, clause.i} or (
            trigger.pos_ in {"VERB", "AUX"} and near and governor.pos_ in {"NOUN", "PROPN"}
        ):
            attached.append(expr)
    if attached:
        return [e.span for e in attached]
    base = ctx.anchor or published_anchor
    offset = _clause_offset(trigger, sent)
    if offset is not None and base is not None and base.start is not None:
        return [
            DateSpan(
                base.start + timedelta(days=offset),
                None,
                DatePrecision.DAY,
                DateMethod.NARRATIVE,
                f"{-offset:+d} day(s) from {base.start}",
            )
        ]
    # Unattached expressions date the event only if they are not names of other events
    # ("the 2020 war") and stand in the trigger's own clause or before it.
    loose = [e for e in exprs if e.kind not in {"ref", "namedyear"}]
    if loose:
        before = [e for e in loose if sent.start_char + e.start <= trigger.idx]
        chosen = before[-1] if before else loose[0]
        return [chosen.span]
    if base is None or base.start is None:
        return [DateSpan(None, None, DatePrecision.UNKNOWN, DateMethod.NONE)]
    return [DateSpan(base.start, None, base.precision, DateMethod.INFERRED, None)]


def _clause_offset(trigger: Token, sent: Span) -> int | None:
    """ "a day after <clause>": the clause's events are that many days before the main one."""
    for m in DAY_OFFSET.finditer(sent.text):
        connector = sent.doc.char_span(sent.start_char + m.start("dir"), sent.start_char + m.end("dir"))
        if connector is None:
            continue
        tok = connector[0]
        clause = tok.head if tok.dep_ == "mark" else tok
        if trigger in clause.subtree and trigger.i > tok.i:
            n = SMALL_NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
            days = n * (7 if m.group("unit").lower().startswith("week") else 1)
            return -days if m.group("dir").lower() == "after" else days
    return None
