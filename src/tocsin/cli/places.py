"""Places: the places command and the gazetteer group."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tocsin.cli.app import (
    _INPUT_FORMAT,
    _PUBLISHED,
    EXIT_OK,
    EXIT_REJECTED,
    _parsed_inputs,
    cli,
)
from tocsin.errors import InputError
from tocsin.models import Rejection
from tocsin.report.records import place_mention_json


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def places(ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None) -> None:
    """Print every place mention in PATHS, resolved, one JSON object a line.

    Fields: doc_id, text, start, end (offsets in the document text), name, geonameid, lat, lon,
    country_code, admin1, precision (exact, near, region, country, unresolved), reason, role
    (location, actor, demonym, origin: "migrants from Cuba", other).
    """
    rejected: list[Rejection] = []
    pipe, parsed = _parsed_inputs(ctx, paths, input_format, published, rejected)
    resolver = pipe.extractor.resolver
    for result in parsed:
        for mentions in resolver.document_mentions([(seg.start, doc) for seg, doc in result.paragraphs]):
            for m in mentions:
                click.echo(json.dumps(place_mention_json(result.document.id, m), ensure_ascii=False))
    ctx.exit(EXIT_REJECTED if rejected else EXIT_OK)


@cli.group()
def gazetteer() -> None:
    """The place index: import places, look names up."""


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "geonames", "csv"]),
    default="auto",
    show_default=True,
    help="auto: *.csv as a place list, anything else as a GeoNames dump.",
)
def gazetteer_import(files: tuple[str, ...], fmt: str) -> None:
    """Add places to your gazetteer (GeoNames AM.txt, cities1000.txt, allCountries.zip, or a CSV).

    The CSV has a header with name, lat, lon and optionally alternate_names (|-separated),
    country (ISO alpha-2), admin1, feature. Importing the same file again adds nothing.
    """
    from tocsin.geo.gazetteer import open_gazetteer
    from tocsin.geo.imports import import_file

    gaz = open_gazetteer()
    failed = False
    try:
        for name in files:
            try:
                r = import_file(gaz, Path(name), fmt=fmt)
            except (InputError, OSError, UnicodeDecodeError) as exc:
                click.echo(f"tocsin: cannot import {name}: {exc}", err=True)
                failed = True
                continue
            click.echo(
                f"{r.source}: {r.read} read, {r.added} added, {r.skipped} already there or not a"
                f" place, {r.rejected} rejected"
            )
    finally:
        gaz.close()
    if failed:
        sys.exit(EXIT_REJECTED)


@gazetteer.command("lookup")
@click.argument("name")
def gazetteer_lookup(name: str) -> None:
    """List the places a name may mean, most likely first, one JSON object a line."""
    from tocsin.geo.gazetteer import open_gazetteer

    gaz = open_gazetteer()
    try:
        for e in gaz.lookup(name):
            click.echo(
                json.dumps(
                    {
                        "name": e.name,
                        "kind": e.kind,
                        "geonameid": e.geonameid,
                        "lat": e.lat,
                        "lon": e.lon,
                        "country_code": e.country_code,
                        "admin1": e.admin1,
                        "population": e.population,
                    },
                    ensure_ascii=False,
                )
            )
    finally:
        gaz.close()
