"""The HTTP API: `tocsin serve` (FastAPI on uvicorn), reading the store and, with a token, adding to it.

Every read opens the store read-only for the request (readers wait for an ingest's writes, as the
CLI's do); a write takes the store's writer lock for the request and is refused with 409 while
another process writes. Errors are JSON ``{"error": {"code", "message"}}``; no traceback is ever
returned (an internal error is logged with its traceback, as the CLI logs them).
"""

import base64
import json
import os
import secrets
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from tocsin.api.filters import Day, EventFilters, event_filters
from tocsin.config import Settings
from tocsin.crashlog import log_exception
from tocsin.errors import StoreError, TocsinError
from tocsin.store.access import CODING_WRITER_THREADS
from tocsin.store.connection import exists, is_postgres, shown
from tocsin.store.query import EventQuery
from tocsin.store.store import Store

#: The most events one page may hold.
PAGE_CAP = 1000
#: The most days one alert replay over the API may cover (ten years).
MAX_REPLAY_DAYS = 3660
EXPORT_TYPES = {
    "acled-csv": "text/csv",
    "ucdp-csv": "text/csv",
    "plover-jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _cursor(key: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode()


def _uncursor(value: str) -> tuple[str, str]:
    try:
        first, second = json.loads(base64.urlsafe_b64decode(value.encode()))
        date.fromisoformat(first)
        return str(first), str(second)
    except (ValueError, TypeError) as exc:
        raise HTTPException(400, "not a cursor this API gave") from exc


def create_app(db: str, settings: Settings) -> FastAPI:
    """The application for the store at ``db``."""
    app = FastAPI(
        title="tocsin",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="Sourced, geocoded conflict events: reports, fused events, alerts, bulletins.",
    )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        codes = {
            400: "bad_request",
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            409: "busy",
            413: "too_large",
        }
        return _error(exc.status_code, codes.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid", f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, StoreError):
            return _error(503, "store", str(exc))
        where = log_exception(f"api {request.method} {request.url.path}", exc)
        return _error(500, "internal", f"internal error, logged in {where}")

    def store() -> Iterator[Store]:
        if not exists(db):
            raise HTTPException(404, f"no store at {shown(db)}: ingest documents first")
        with Store(db, read_only=True, wait_seconds=settings.store_wait_seconds) as s:
            yield s

    Reader = Annotated[Store, Depends(store)]
    Filters = Annotated[EventFilters, Depends(event_filters)]

    static = Path(__file__).resolve().parent.parent / "web" / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        """The dashboard: one page, its script and style from this server, nothing else."""
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        """The server is up; ``store``: whether its store can be read (a PostgreSQL database is
        connected to, briefly; a DuckDB file is looked for)."""
        if not is_postgres(db):
            return {"status": "ok", "store": exists(db)}
        try:
            Store(db, read_only=True, wait_seconds=1).close()
        except StoreError:
            return {"status": "ok", "store": False}
        return {"status": "ok", "store": True}

    @app.get("/api/events")
    def events(
        s: Reader,
        filters: Filters,
        level: str = "events",
        limit: Annotated[int, Query(ge=1, le=PAGE_CAP)] = 100,
        cursor: str | None = None,
    ) -> dict[str, Any]:
        """Fused events (``level=reports``: reports) matching the filters, by date then id, a page at
        a time: pass ``next_cursor`` back as ``cursor`` for the next page."""
        if level not in {"events", "reports"}:
            raise HTTPException(400, "level is events or reports")
        shape = filters.shape(after=_uncursor(cursor) if cursor else None, limit=limit)
        items, following = s.page(level, filters.query(), shape, filters.keep)
        return {"items": items, "count": len(items), "next_cursor": _cursor(following) if following else None}

    @app.get("/api/events/{event_id}")
    def event(s: Reader, event_id: str) -> dict[str, Any]:
        """A fused event with its reports and history, or a report with the event it belongs to."""
        fused = s.fused_event(event_id)
        if fused is not None:
            reports = [r for r in (s.event(rid) for rid in fused["report_ids"]) if r is not None]
            return {"event": fused, "reports": reports, "history": s.history(fused["id"])}
        report = s.event(event_id)
        if report is None:
            raise HTTPException(404, f"no event or report with id {event_id!r}")
        return {
            "report": report,
            "event": s.fused_event(report["fused_id"]) if report.get("fused_id") else None,
        }

    @app.get("/api/documents/{doc_id}")
    def document(s: Reader, doc_id: str) -> dict[str, Any]:
        """A stored document: its text and metadata, and the evidence spans of its reports."""
        found = s.document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        spans = [
            {
                "report_id": e["id"],
                "event": e["event"],
                **{k: x[k] for k in ("sentence", "start", "end")},
                "trigger_start": x["trigger_start"],
                "trigger_end": x["trigger_end"],
            }
            for e in s.events(EventQuery(doc_id=doc_id))
            for x in e["evidence"]
            if x["doc_id"] == doc_id
        ]
        return {**found, "evidence": spans, "versions": s.versions(doc_id)}

    @app.get("/api/alerts")
    def alerts(
        s: Reader,
        since: Day | None = None,
        until: Day | None = None,
        area: str | None = None,
        replay: bool = False,
    ) -> dict[str, Any]:
        """Alerts on the day ``until`` (default: the last event's), or every day of a replay."""
        from tocsin.analysis.alerts import SpanError, watch
        from tocsin.analysis.occurrences import collect
        from tocsin.analysis.rules import configure

        configure(settings.alert_overrides)
        occ = collect(s.fused_events(), s.imported_events())
        try:
            raised = watch(
                occ, since=since, until=until, replay_days=replay, area=area, max_days=MAX_REPLAY_DAYS
            )
        except SpanError as exc:
            raise HTTPException(400, str(exc)) from exc
        items = [a.as_dict() for a in raised]
        return {"items": items}

    @app.get("/api/bulletin")
    def bulletin(s: Reader, date: Day, area: str | None = None, format: str = "json") -> Response:
        """The daily bulletin (json, md or html)."""
        from tocsin.analysis.rules import configure
        from tocsin.report.bulletin import bulletin as make
        from tocsin.report.bulletin import load
        from tocsin.report.render import markdown, page

        configure(settings.alert_overrides)
        b = make(load(s, date), date, area)
        if format == "json":
            return JSONResponse(b)
        if format == "md":
            return Response(markdown(b), media_type="text/markdown; charset=utf-8")
        if format == "html":
            return Response(page(b), media_type="text/html; charset=utf-8")
        raise HTTPException(400, "format is json, md or html")

    @app.get("/api/export")
    def export(s: Reader, format: str, filters: Filters) -> Response:
        """The fused events matching the filters in another dataset's layout (see `tocsin export`)."""
        from tocsin.report.exports import WRITERS

        if format not in WRITERS:
            raise HTTPException(400, f"format is one of {', '.join(WRITERS)}")
        records = [e for e in s.fused_events(filters.query()) if filters.keep(e)]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"export.{format}"
            WRITERS[format](records, out)
            body = out.read_bytes()
        return Response(
            body,
            media_type=EXPORT_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="tocsin.{format}"'},
        )

    @app.get("/api/stats")
    def stats(s: Reader, filters: Filters) -> JSONResponse:
        """Counts of the fused events matching the filters of /api/events, by day (with deaths), by
        type, by map cell (with its types) and by country, for a timeline and a map."""
        # plain JSON values already: sent as they are (FastAPI's encoder would walk every cell)
        return JSONResponse(s.stats(filters.query(), filters.shape(), filters.keep))

    @app.post("/api/documents")
    async def add_documents(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        """Ingest documents (the JSONL document shape: one object or a list of them); needs
        ``Authorization: Bearer $TOCSIN_API_TOKEN``, and writes are refused when that is unset."""
        token = os.environ.get("TOCSIN_API_TOKEN")
        if not token:
            raise HTTPException(403, "writes are disabled: set TOCSIN_API_TOKEN to allow them")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a bearer token is required")
        declared = int(request.headers.get("content-length") or 0)
        if declared > settings.max_bytes:
            raise HTTPException(413, f"over the limit of {settings.max_bytes} bytes")
        body = await request.body()
        if len(body) > settings.max_bytes:
            raise HTTPException(413, f"over the limit of {settings.max_bytes} bytes")
        return _ingest(body, db, settings)

    return app


def _ingest(body: bytes, db: str, settings: Settings) -> dict[str, Any]:
    """Code and store the posted documents; rejections listed with their reasons."""
    from tocsin.cli.app import _pipeline
    from tocsin.ingest.readers import iter_inputs
    from tocsin.intake import intake

    try:
        data = json.loads(body)
    except ValueError as exc:
        raise HTTPException(400, f"not JSON: {exc}") from exc
    docs = data if isinstance(data, list) else [data]
    if not all(isinstance(d, dict) for d in docs):
        raise HTTPException(
            400, "a document is a JSON object: {id, text | html, published, url, title, source}"
        )
    lines = "".join(json.dumps(d) + "\n" for d in docs).encode()
    import io

    items = iter_inputs(["-"], input_format="jsonl", stdin=io.BytesIO(lines), max_bytes=settings.max_bytes)
    stored, rejected = [], []
    try:
        with Store(db, wait_seconds=settings.store_wait_seconds, threads=CODING_WRITER_THREADS) as store:
            for outcome in intake(
                store, _pipeline(settings).run(items, known=store.has_document, prefetch=store.prepare)
            ):
                if outcome.rejection is not None:
                    r = outcome.rejection
                    rejected.append({"source": r.source, "reason": r.reason, "detail": r.detail})
                else:
                    stored.append({"id": outcome.doc_id, "status": outcome.status, "events": outcome.events})
            store.fuse()
    except StoreError as exc:
        if "being written" in str(exc):
            raise HTTPException(409, str(exc)) from exc
        raise
    except TocsinError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"documents": stored, "rejected": rejected}
