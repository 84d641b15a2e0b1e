"""The JSON form of tocsin's records: the event schema of ``data/event.schema.json``."""

from __future__ import annotations

from typing import Any

from tocsin.geo.mentions import PlaceMention
from tocsin.models import Actor, DateSpan, Document, Event, Evidence, Place
from tocsin.time import TimeExpression, iso_value


def actor_json(a: Actor) -> dict[str, Any]:
    """An actor as ``{text, name, country, sector, entity}``."""
    return {"text": a.text, "name": a.name, "country": a.country, "sector": a.sector, "entity": a.entity}


def place_json(p: Place | None) -> dict[str, Any] | None:
    """A resolved place as the ``location`` object."""
    if p is None:
        return None
    return {
        "text": p.text,
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "precision": p.precision.value,
        "reason": p.reason,
        "start": p.start,
        "end": p.end,
    }


def evidence_json(e: Evidence) -> dict[str, Any]:
    """One piece of evidence: the sentence, its offsets and the trigger's offsets."""
    return {
        "doc_id": e.doc_id,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "trigger": e.trigger,
        "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end,
    }


def _date_fields(d: DateSpan) -> dict[str, Any]:
    return {
        "date": d.start.isoformat() if d.start else None,
        "date_end": d.end.isoformat() if d.end else None,
        "date_precision": d.precision.value,
        "date_method": d.method.value,
        "date_value": iso_value(d),
        "date_text": d.text,
    }


def event_json(e: Event) -> dict[str, Any]:
    """The event record, as printed by ``tocsin extract`` and kept by the store."""
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "event": e.event,
        "mode": e.mode,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "actor": [actor_json(a) for a in e.actor],
        "recipient": [actor_json(a) for a in e.recipient],
        **_date_fields(e.date),
        "location": place_json(e.location),
        "dead": e.dead,
        "injured": e.injured,
        "arrested": e.arrested,
        "factuality": e.factuality.value,
        "claimed_by": [actor_json(a) for a in e.claimed_by],
        "denied_by": [actor_json(a) for a in e.denied_by],
        "confirmed_by": [actor_json(a) for a in e.confirmed_by],
        "evidence": [evidence_json(x) for x in e.evidence],
        "confidence": e.confidence,
        "related": list(e.related),
        "background": e.background,
        "count": e.count,
        "count_of": e.count_of,
    }


def document_json(d: Document) -> dict[str, Any]:
    """A document's metadata and segments (without its text)."""
    return {
        "id": d.id,
        "content_hash": d.content_hash,
        "source_path": d.source_path,
        "url": d.url,
        "title": d.title,
        "source": d.source,
        "published": d.published.isoformat() if d.published else None,
        "published_method": d.published_method,
        "language": d.language,
        "segments": [{"label": s.label, "start": s.start, "end": s.end} for s in d.segments],
    }


def time_json(doc_id: str, e: TimeExpression) -> dict[str, Any]:
    """A temporal expression as printed by ``tocsin dates``."""
    return {
        "doc_id": doc_id,
        "text": e.text,
        "start": e.start,
        "end": e.end,
        "value": e.value,
        "end_value": e.end_value,
        "precision": e.span.precision.value,
        "method": e.span.method.value,
        "kind": e.kind,
    }


def place_mention_json(doc_id: str, m: PlaceMention) -> dict[str, Any]:
    """A place mention as printed by ``tocsin places``."""
    place = place_json(m.place)
    assert place is not None
    return {"doc_id": doc_id, **place, "role": m.role}
