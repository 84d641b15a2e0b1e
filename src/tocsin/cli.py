"""The ``tocsin`` command: parse arguments, call the library, print.

Exit codes: 0 all inputs coded; 1 some inputs were rejected (each named on stderr, the rest of the
batch still coded); 2 usage or configuration error.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from tocsin.config import Settings, load_settings
from tocsin.errors import ConfigError, InputError, TocsinError
from tocsin.ingest.documents import Metadata
from tocsin.ingest.readers import INPUT_FORMATS, iter_inputs
from tocsin.models import Rejection
from tocsin.report.records import event_json, place_mention_json, time_json
from tocsin.store.duckdb_store import EventQuery, Store

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def _say_rejection(r: Rejection) -> None:
    click.echo(f"tocsin: rejected {r.source}: {r.reason}: {r.detail}", err=True)


@functools.lru_cache(maxsize=2)
def _pipeline(settings: Settings) -> Any:
    """The coding pipeline, built once per process (spaCy loads only for commands that code)."""
    from tocsin.pipeline import Pipeline

    return Pipeline.from_settings(settings)


def _coding_inputs(
    ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None
) -> tuple[Any, Iterator[Any]]:
    """The loaded pipeline and the inputs of a coding command (extract, dates, places)."""
    settings = _settings(ctx)
    try:
        pipe = _pipeline(settings)
    except TocsinError as exc:
        raise click.ClickException(str(exc)) from exc
    items = iter_inputs(
        list(paths),
        input_format=input_format,
        stdin=sys.stdin.buffer,
        defaults=Metadata(published=_date_option(published)),
        max_bytes=settings.max_bytes,
    )
    return pipe, items


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Settings file (default ./tocsin.toml, or $TOCSIN_CONFIG).",
)
@click.version_option(package_name="tocsin")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """tocsin: a sourced, geocoded record of conflict events from news and statements."""
    try:
        ctx.obj = load_settings(config_path=config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


_INPUT_FORMAT = click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read PATHs: auto (by content; *.jsonl as JSONL), text, html or jsonl.",
)
_PUBLISHED = click.option(
    "--published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that do not carry their own.",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None) -> None:
    """Print the events found in PATHS (files, directories or - for stdin), one JSON object a line.

    Nothing is stored. With --input-format jsonl each line is a document
    {"id", "text" or "html" or "file", "published", "url", "title", "source"}.
    """
    pipe, items = _coding_inputs(ctx, paths, input_format, published)
    failed = 0
    for result in pipe.run(items):
        if isinstance(result, Rejection):
            failed += 1
            _say_rejection(result)
            continue
        for event in result.events:
            click.echo(json.dumps(event_json(event), ensure_ascii=False))
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def dates(ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None) -> None:
    """Print every temporal expression in PATHS, resolved, one JSON object a line.

    Fields: doc_id, text, start, end (offsets in the document text), value (ISO: 2023-03-27,
    2023-W12, 2023-03, 2023, 2023-Q3, PRESENT_REF ...), end_value (ranges), precision, method.
    Without a publication date, relative expressions stay unresolved (precision unknown).
    """
    from tocsin.pipeline import Parsed

    pipe, items = _coding_inputs(ctx, paths, input_format, published)
    failed = 0
    for result in pipe.run_parsed(items):
        if not isinstance(result, Parsed):
            failed += 1
            _say_rejection(result)
            continue
        for expr in pipe.dates(result):
            click.echo(json.dumps(time_json(result.document.id, expr), ensure_ascii=False))
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="DuckDB file (default from settings: tocsin.duckdb).")
@_INPUT_FORMAT
@_PUBLISHED
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Report progress on stderr every few seconds (default: when stderr is a terminal).",
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, input_format: str,
           published: str | None, progress: bool | None) -> None:  # fmt: skip
    """Code PATHS (files, directories, -, URLs) and keep documents, events and rejections.

    Ingesting the same input again changes nothing; an interrupted run (Ctrl-C) leaves the store
    consistent and, run again, skips what is already stored. A summary goes to stderr.
    """
    from tocsin.pipeline import Coded

    settings = _settings(ctx)
    defaults = Metadata(published=_date_option(published))
    tally = Tally(show=sys.stderr.isatty() if progress is None else progress)
    try:
        pipe = _pipeline(settings)
        store = Store(db or settings.db)
    except TocsinError as exc:
        raise click.ClickException(str(exc)) from exc
    interrupted = False
    with store:
        items = iter_inputs(list(paths), input_format=input_format, stdin=sys.stdin.buffer,
                            defaults=defaults, max_bytes=settings.max_bytes)  # fmt: skip
        try:
            for result in pipe.run(items, known=store.has_document):
                if isinstance(result, Rejection):
                    store.reject(result)
                    _say_rejection(result)
                    tally.count("rejected", reason=result.reason)
                elif isinstance(result, Coded):
                    status = store.add(
                        result.document, result.events, raw=result.raw, raw_format=result.raw_format
                    )
                    tally.count(status, events=len(result.events) if status == "stored" else 0)
                else:
                    tally.count("duplicate")
        except KeyboardInterrupt:
            interrupted = True
        resume = "; interrupted: run the same command again to resume" if interrupted else ""
        click.echo(f"tocsin: {tally.summary()} to {store.path}{resume}", err=True)
    if interrupted:
        ctx.exit(130)
    ctx.exit(EXIT_REJECTED if tally.counts["rejected"] else EXIT_OK)


class Tally:
    """Counts of an ingest run, with a progress line on stderr every few seconds."""

    def __init__(self, *, show: bool, every: float = 2.0) -> None:
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.show, self.every = show, every
        self.start = self.last = time.monotonic()

    def count(self, status: str, *, reason: str = "", events: int = 0) -> None:
        self.counts["read"] += 1
        self.counts[status] += 1
        self.counts["events"] += events
        if reason:
            self.reasons[reason] += 1
        now = time.monotonic()
        if self.show and now - self.last >= self.every:
            self.last = now
            rate = self.counts["read"] / max(now - self.start, 1e-9)
            c = self.counts
            click.echo(f"tocsin: {c['read']} documents, {rate:.1f}/s, {c['stored']} stored,"
                       f" {c['rejected']} rejected so far", err=True)  # fmt: skip

    def summary(self) -> str:
        c = self.counts
        by_reason = ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items()))
        return (f"{c['read']} read, {c['stored']} stored, {c['duplicate']} already stored,"
                f" {c['near_duplicate']} near-duplicates linked, {c['rejected']} rejected"
                f"{f' ({by_reason})' if by_reason else ''}, {c['events']} events added")  # fmt: skip


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def reprocess(ctx: click.Context, db: str | None) -> None:
    """Re-code every stored document from its kept raw input with this version of tocsin.

    Documents keep their ids; their events are replaced. No source needs to be at hand.
    """
    from tocsin.ingest.items import InputItem
    from tocsin.pipeline import Coded

    settings = _settings(ctx)
    path = db or settings.db
    if not Path(path).exists():
        raise click.ClickException(f"no store at {path}: run `tocsin ingest` first")
    pipe = _pipeline(settings)
    done = removed = added = failed = 0
    with Store(path) as store:
        stored = list(store.raw_documents())
        items: list[InputItem | Rejection] = []
        for r in stored:
            if r.raw is None:
                items.append(Rejection(r.id, "missing", "no raw input kept for this document"))
                continue
            meta = Metadata(id=r.id, url=r.url, title=r.title, source=r.source, published=r.published,
                            published_method=r.published_method, author=r.author)  # fmt: skip
            items.append(InputItem(r.id, r.raw, r.raw_format, meta, r.source_path))
        for result in pipe.run(items):
            if isinstance(result, Coded):
                gone, new = store.replace_events(result.document.id, result.events)
                done, removed, added = done + 1, removed + gone, added + new
            elif isinstance(result, Rejection):
                failed += 1
                _say_rejection(result)
    click.echo(f"tocsin: {done} documents re-coded, {removed} events replaced by {added}, {failed} failed",
               err=True)  # fmt: skip
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _parties(parties: list[dict[str, Any]]) -> str:
    return "; ".join(p["name"] for p in parties)


_TABLE = [
    ("id", 8),
    ("date", 10),
    ("event", 8),
    ("mode", 13),
    ("actor", 28),
    ("recipient", 24),
    ("location", 22),
    ("dead", 4),
    ("factuality", 11),
]


def _table_row(e: dict[str, Any]) -> list[str]:
    loc = e["location"]
    values = [
        e["id"][:8],
        e["date"],
        e["event"],
        e["mode"],
        _parties(e["actor"]),
        _parties(e["recipient"]),
        loc and (loc["name"] or loc["text"]),
        e["dead"],
        e["factuality"],
    ]
    return [_cell(v, w).ljust(w) for v, (_, w) in zip(values, _TABLE, strict=True)]


_CSV_FIELDS = [
    "id",
    "doc_id",
    "date",
    "date_end",
    "date_precision",
    "event",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor",
    "recipient",
    "location",
    "country_code",
    "lat",
    "lon",
    "location_precision",
    "dead",
    "injured",
    "arrested",
    "factuality",
    "claimed_by",
    "denied_by",
    "confirmed_by",
    "confidence",
    "evidence",
]


def _csv_row(e: dict[str, Any]) -> dict[str, Any]:
    loc = e["location"] or {}
    return {
        **{
            k: e[k]
            for k in (
                "id",
                "doc_id",
                "date",
                "date_end",
                "date_precision",
                "event",
                "mode",
                "acled_event_type",
                "acled_sub_event_type",
                "dead",
                "injured",
                "arrested",
                "factuality",
                "confidence",
            )
        },
        "actor": _parties(e["actor"]),
        "recipient": _parties(e["recipient"]),
        "location": loc.get("name") or loc.get("text"),
        "country_code": loc.get("country_code"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "claimed_by": _parties(e["claimed_by"]),
        "denied_by": _parties(e["denied_by"]),
        "confirmed_by": _parties(e["confirmed_by"]),
        "evidence": " | ".join(x["text"] for x in e["evidence"]),
    }


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option(
    "--type", "types", multiple=True, metavar="PLOVER", help="PLOVER event type (repeatable), e.g. ASSAULT."
)
@click.option(
    "--country", default=None, metavar="CODE", help="ISO code (AZ or AZE) of the event's place or of a party."
)
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    fmt: str,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    country: str | None,
) -> None:
    """List stored events."""
    settings = _settings(ctx)
    path = db or settings.db
    if not Path(path).exists():
        raise click.ClickException(f"no store at {path}: run `tocsin ingest` first")
    query = EventQuery(since=_date_option(since), until=_date_option(until), types=types, country=country)
    with Store(path) as store:
        records = list(store.events(query))
    if fmt == "jsonl":
        for e in records:
            click.echo(json.dumps(e, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for e in records:
            writer.writerow(_csv_row(e))
    else:
        click.echo(" ".join(name.ljust(w) for name, w in _TABLE).rstrip())
        for e in records:
            click.echo(" ".join(_table_row(e)).rstrip())
        click.echo(f"({len(records)} events)")


@cli.command()
@click.argument("event_id")
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, event_id: str, db: str | None, fmt: str) -> None:
    """Show one event (by id or unique id prefix) with its evidence sentences and source."""
    settings = _settings(ctx)
    path = db or settings.db
    if not Path(path).exists():
        raise click.ClickException(f"no store at {path}: run `tocsin ingest` first")
    with Store(path) as store:
        record = store.event(event_id)
        if record is None:
            raise click.ClickException(f"no single event with id {event_id!r}")
        document = store.document(record["doc_id"]) or {}
    if fmt == "json":
        document.pop("text", None)
        click.echo(json.dumps({"event": record, "document": document}, ensure_ascii=False, indent=2))
        return
    loc = record["location"]
    lines = [
        f"{record['id']}  {record['event']}{'/' + record['mode'] if record['mode'] else ''}"
        f"  ({record['factuality']}, confidence {record['confidence']})",
        f"  date:      {record['date'] or 'unknown'} ({record['date_precision']}, {record['date_method']})",
        f"  actor:     {_parties(record['actor']) or '-'}",
        f"  recipient: {_parties(record['recipient']) or '-'}",
        f"  location:  {(loc['name'] or loc['text']) + ' [' + loc['precision'] + ']' if loc else '-'}",
    ]
    if loc:
        lines.append(f"             {loc['reason']}")
    if record["acled_event_type"]:
        lines.append(f"  ACLED:     {record['acled_event_type']} / {record['acled_sub_event_type']}")
    for label, key in (("dead", "dead"), ("injured", "injured"), ("arrested", "arrested")):
        if record[key] is not None:
            lines.append(f"  {label + ':':<10} {record[key]}")
    for label, key in (
        ("claimed by", "claimed_by"),
        ("denied by", "denied_by"),
        ("confirmed", "confirmed_by"),
    ):
        if record[key]:
            lines.append(f"  {label + ':':<10} {_parties(record[key])}")
    lines.append(
        f"  source:    {document.get('title') or '-'} ({document.get('source') or 'unknown outlet'},"
        f" published {document.get('published') or 'unknown'})"
    )
    for ev in record["evidence"]:
        lines.append(
            f"  evidence:  [{ev['doc_id']} sentence {ev['sentence']}, chars {ev['start']}-{ev['end']}]"
        )
        lines.append(f"             {ev['text']}")
    click.echo("\n".join(lines))


@cli.command()
@click.option("--db", default=None, help="DuckDB file (default from settings).")
@click.pass_context
def rejects(ctx: click.Context, db: str | None) -> None:
    """List the inputs that were rejected, with their reasons, one JSON object a line."""
    settings = _settings(ctx)
    path = db or settings.db
    if not Path(path).exists():
        raise click.ClickException(f"no store at {path}: run `tocsin ingest` first")
    with Store(path) as store:
        for r in store.rejections():
            click.echo(json.dumps(r, ensure_ascii=False))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_INPUT_FORMAT
@_PUBLISHED
@click.pass_context
def places(ctx: click.Context, paths: tuple[str, ...], input_format: str, published: str | None) -> None:
    """Print every place mention in PATHS, resolved, one JSON object a line.

    Fields: doc_id, text, start, end (offsets in the document text), name, geonameid, lat, lon,
    country_code, admin1, precision (exact, near, region, country, unresolved), reason, role
    (location, actor, demonym, other).
    """
    from tocsin.pipeline import Parsed

    pipe, items = _coding_inputs(ctx, paths, input_format, published)
    failed = 0
    for result in pipe.run_parsed(items):
        if not isinstance(result, Parsed):
            failed += 1
            _say_rejection(result)
            continue
        resolver = pipe.extractor.resolver
        for mentions in resolver.document_mentions([(seg.start, doc) for seg, doc in result.paragraphs]):
            for m in mentions:
                click.echo(json.dumps(place_mention_json(result.document.id, m), ensure_ascii=False))
    ctx.exit(EXIT_REJECTED if failed else EXIT_OK)


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


@cli.group()
def evaluate() -> None:
    """Measure tocsin against annotated data."""


def _dev_data(path: Path, what: str, *, folder: bool = False) -> None:
    """Stop with a clear message when an evaluation's data is not where it was said to be."""
    if not (path.is_dir() if folder else path.is_file()):
        raise click.ClickException(f"no {what} at {path}")


def _print_report(report: dict[str, Any]) -> None:
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


@evaluate.command("seeds")
@click.option(
    "--docs",
    default="samples/documents.jsonl",
    show_default=True,
    help="JSONL of the seed documents (id, file, published).",
)
@click.option(
    "--gold",
    default="tests/fixtures/gold/seeds.events.jsonl",
    show_default=True,
    help="Gold events, one JSON object a line.",
)
@click.pass_context
def evaluate_seeds(ctx: click.Context, docs: str, gold: str) -> None:
    """Recall of the seeds' gold events, false events per document, claims; JSON on stdout."""
    from tocsin.evaluation.seeds import evaluate as score
    from tocsin.evaluation.seeds import load_gold
    from tocsin.pipeline import Coded

    _dev_data(Path(docs), "seed document list")
    _dev_data(Path(gold), "gold file")
    pipe = _pipeline(_settings(ctx))
    records: list[dict[str, Any]] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for result in pipe.run(iter_inputs([docs], input_format="jsonl")):
        if isinstance(result, Coded):
            spans[result.document.id] = [(s.start, s.end) for s in result.document.body_segments()]
            records.extend(event_json(e) for e in result.events)
        else:
            _say_rejection(result)
    report = score(records, load_gold(Path(gold)), spans)
    _print_report(report.as_dict())


@evaluate.command("timebank")
@click.option(
    "--dir",
    "directory",
    default="../shared/dev/timebank",
    show_default=True,
    help="Folder of TimeML .tml files (TempEval-3 TBAQ).",
)
@click.option("--examples", default=0, show_default=True, help="Also list this many misses and errors.")
@click.pass_context
def evaluate_timebank(ctx: click.Context, directory: str, examples: int) -> None:
    """Date recognition (relaxed span) and value accuracy on TimeBank DATE expressions; JSON."""
    from tocsin.evaluation.timebank import evaluate as score
    from tocsin.evaluation.timebank import load_dir

    path = Path(directory)
    _dev_data(path, "TimeBank folder", folder=True)
    pipe = _pipeline(_settings(ctx))
    report = score(load_dir(path), pipe.nlp)
    _print_report(report.as_dict(examples=examples))


@evaluate.command("lgl")
@click.option(
    "--file", "path", default="../shared/dev/lgl/lgl.xml", show_default=True, help="The LGL corpus (lgl.xml)."
)
@click.option("--limit", default=0, show_default=True, help="Only the first N articles (0: all).")
@click.option("--examples", default=0, show_default=True, help="Also list this many misses and errors.")
@click.pass_context
def evaluate_lgl(ctx: click.Context, path: str, limit: int, examples: int) -> None:
    """Place recognition (span overlap) and resolution (within 161 km, median km) on LGL; JSON."""
    from tocsin.evaluation.lgl import evaluate as score
    from tocsin.evaluation.lgl import load_lgl

    _dev_data(Path(path), "LGL file")
    pipe = _pipeline(_settings(ctx))
    articles = load_lgl(Path(path))
    report = score(articles[:limit] if limit else articles, pipe.nlp, pipe.extractor.resolver)
    _print_report(report.as_dict(examples=examples))


@evaluate.command("acled")
@click.option(
    "--file",
    "path",
    default="../shared/dev/acled/acled_2022_dev.csv",
    show_default=True,
    help="An ACLED CSV export with notes.",
)
@click.option("--limit", default=0, show_default=True, help="Only the first N rows (0: all).")
@click.option("--examples", default=0, show_default=True, help="Also list this many confusions.")
@click.pass_context
def evaluate_acled(ctx: click.Context, path: str, limit: int, examples: int) -> None:
    """ACLED type, sub-type, fatalities, place, date and actor1 of each note's main event; JSON."""
    from tocsin.evaluation.acled import evaluate as score
    from tocsin.evaluation.acled import load_acled

    _dev_data(Path(path), "ACLED file")
    rows = load_acled(Path(path))
    report = score(rows[:limit] if limit else rows, _pipeline(_settings(ctx)))
    _print_report(report.as_dict(examples=examples))


@evaluate.command("plover")
@click.option(
    "--file",
    "path",
    default="../shared/dev/plover/PLOVER_GSR_CAMEO.txt",
    show_default=True,
    help="PLOVER's gold-standard records (a JSON array).",
)
@click.option("--examples", default=0, show_default=True, help="Also list this many type confusions.")
@click.pass_context
def evaluate_plover(ctx: click.Context, path: str, examples: int) -> None:
    """PLOVER event type, source and target of each example sentence's main event; JSON."""
    from tocsin.evaluation.plover import evaluate as score
    from tocsin.evaluation.plover import load_plover

    _dev_data(Path(path), "PLOVER file")
    report = score(load_plover(Path(path)), _pipeline(_settings(ctx)))
    _print_report(report.as_dict(examples=examples))


def main() -> None:
    """Entry point of the ``tocsin`` script."""
    try:
        cli.main(standalone_mode=True)
    except TocsinError as exc:
        click.echo(f"tocsin: {exc}", err=True)
        sys.exit(EXIT_USAGE)
