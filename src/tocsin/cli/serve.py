"""The HTTP API: `tocsin serve`."""

from __future__ import annotations

import click

from tocsin.cli.app import _settings, cli


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int) -> None:
    """Serve the store over HTTP: the OpenAPI description at /openapi.json, the events, documents,
    alerts, bulletin, exports and statistics under /api, and /healthz. Writes (POST
    /api/documents) need TOCSIN_API_TOKEN and are refused when it is unset. No CORS headers."""
    import uvicorn

    from tocsin.api.app import create_app

    settings = _settings(ctx)
    uvicorn.run(create_app(db or settings.db, settings), host=host, port=port, log_level="warning")
