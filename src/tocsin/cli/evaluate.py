"""The evaluate group: each evaluation on annotated data prints JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from tocsin.cli.app import (
    Failure,
    _pipeline,
    _say_rejection,
    _settings,
    cli,
)
from tocsin.errors import one_line
from tocsin.ingest.readers import iter_inputs
from tocsin.report.records import event_json

T = TypeVar("T")


@cli.group()
def evaluate() -> None:
    """Measure tocsin against annotated data."""


def _dev_data(path: Path, what: str, *, folder: bool = False) -> None:
    """Stop with a clear message when an evaluation's data is not where it was said to be."""
    if not (path.is_dir() if folder else path.is_file()):
        raise Failure(f"no {what} at {path}")


def _loaded(what: str, load: Callable[..., T], *paths: Path, folder: bool = False) -> T:
    """An evaluation's data read by ``load``; data that is not there, or a file that cannot be read
    (bad JSON or CSV, a missing field, a wrong encoding), stops with one line naming it."""
    for path in paths:
        _dev_data(path, what, folder=folder)
    try:
        return load(*paths)
    except (ValueError, KeyError, TypeError, OSError) as exc:
        where = ", ".join(str(p) for p in paths)
        raise Failure(f"{what} at {where} could not be read: {one_line(exc)}") from exc


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
    report = score(records, _loaded("gold file", load_gold, Path(gold)), spans)
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

    documents = _loaded("TimeBank folder", load_dir, Path(directory), folder=True)
    report = score(documents, _pipeline(_settings(ctx)).nlp)
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

    articles = _loaded("LGL file", load_lgl, Path(path))
    pipe = _pipeline(_settings(ctx))
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

    rows = _loaded("ACLED file", load_acled, Path(path))
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

    report = score(_loaded("PLOVER file", load_plover, Path(path)), _pipeline(_settings(ctx)))
    _print_report(report.as_dict(examples=examples))


@evaluate.command("glocon")
@click.option(
    "--file",
    "path",
    default="../shared/dev/glocon/dev.jsonl",
    show_default=True,
    help="GLOCON documents, one JSON object a line ({id, text, published, labels}).",
)
@click.option("--limit", default=0, show_default=True, help="Only the first N documents (0: all).")
@click.option(
    "--examples", default=0, show_default=True, help="Also list this many false positives and misses."
)
@click.pass_context
def evaluate_glocon(ctx: click.Context, path: str, limit: int, examples: int) -> None:
    """Protest-document precision, recall and F1 on open-world newswire, and the share of
    documents with no contentious event that still get an ACLED-typed event; JSON."""
    from tocsin.evaluation.glocon import evaluate as score
    from tocsin.evaluation.glocon import load_glocon

    docs = _loaded("GLOCON file", load_glocon, Path(path))
    report = score(docs[:limit] if limit else docs, _pipeline(_settings(ctx)))
    _print_report(report.as_dict(examples=examples))


@evaluate.command("fusion")
@click.option(
    "--file",
    "path",
    default="../shared/dev/ucdp/ucdp_ged_ukraine_2014.csv",
    show_default=True,
    help="UCDP GED CSV whose source_article column lists each event's sources.",
)
@click.option("--limit", default=0, show_default=True, help="Only the first N UCDP events (0: all).")
@click.option(
    "--examples",
    default=0,
    show_default=True,
    help="Also list this many false merges, split events and figures outside UCDP's range.",
)
@click.pass_context
def evaluate_fusion(ctx: click.Context, path: str, limit: int, examples: int) -> None:
    """Fusion of UCDP's source headlines (each a document) against UCDP's events: B-cubed over all
    and multi-headline events, false merges, deaths within UCDP's range; JSON."""
    from tocsin.evaluation.fusion import evaluate as score

    file = Path(path)
    if not file.is_file():
        raise Failure(f"UCDP file not found: {file} (the dev data lives in ../shared/dev/ucdp)")
    _print_report(score(file, _pipeline(_settings(ctx)), limit=limit, examples=examples))


def _span(value: str) -> tuple[date, date]:
    try:
        first, last = (date.fromisoformat(v) for v in value.split(":", 1))
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not START:END (YYYY-MM-DD:YYYY-MM-DD)") from exc
    return first, last


@evaluate.command("alerts")
@click.option("--import", "fmt", type=click.Choice(["acled", "ucdp"]), required=True, help="Format of FILE.")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--onset", "onsets", multiple=True, metavar="YYYY-MM-DD", help="A major onset (repeatable).")
@click.option("--quiet", "quiet", multiple=True, metavar="START:END", help="A quiet span (repeatable).")
@click.pass_context
def evaluate_alerts(
    ctx: click.Context, fmt: str, file: str, onsets: tuple[str, ...], quiet: tuple[str, ...]
) -> None:
    """Alerts replayed on an ACLED or UCDP history: the lead before each onset, serious alerts per
    area-year in quiet spans, and the share of serious alerts followed by escalation; JSON."""
    from tocsin.analysis.rules import configure
    from tocsin.evaluation.alerts import evaluate as score

    configure(_settings(ctx).alert_overrides)
    path = Path(file)
    if not path.is_file():
        raise Failure(f"no such file: {path}")
    try:
        days = [date.fromisoformat(d) for d in onsets]
    except ValueError as exc:
        raise click.BadParameter(f"an onset is not a YYYY-MM-DD date: {exc}") from exc
    _print_report(score(path, fmt, days, [_span(q) for q in quiet]))


@evaluate.command("smm")
@click.option("--dir", "directory", default="../shared/dev/smm", show_default=True,
              help="Folder with reports.jsonl and counts.jsonl.")  # fmt: skip
@click.option("--examples", default=0, show_default=True, help="Also list this many errors.")
@click.option(
    "--onset",
    "onsets",
    multiple=True,
    metavar="YYYY-MM-DD",
    help="A major onset: the first serious alert before it and its lead (repeatable).",
)
@click.option(
    "--quiet",
    multiple=True,
    metavar="START:END",
    help="A quiet span: the serious alerts in it, per area and year (repeatable).",
)
@click.pass_context
def evaluate_smm(
    ctx: click.Context, directory: str, examples: int, onsets: tuple[str, ...], quiet: tuple[str, ...]
) -> None:
    """A monitoring mission's region figures read right (value and window) on OSCE SMM daily
    reports, and the alerts a replay of them raises; JSON."""
    from tocsin.analysis.rules import configure
    from tocsin.evaluation.smm import evaluate as score

    configure(_settings(ctx).alert_overrides)
    folder = Path(directory)
    if not (folder / "reports.jsonl").is_file() or not (folder / "counts.jsonl").is_file():
        raise Failure(f"no SMM reports in {folder} (reports.jsonl and counts.jsonl)")
    try:
        days = tuple(date.fromisoformat(d) for d in onsets)
    except ValueError as exc:
        raise click.BadParameter(f"an onset is not a YYYY-MM-DD date: {exc}") from exc
    report = score(folder, _pipeline(_settings(ctx)), examples=examples, onsets=days,
                   quiet=[_span(q) for q in quiet])  # fmt: skip
    _print_report(report)


@evaluate.command("ipe")
@click.option(
    "--dir",
    "directory",
    default="../shared/dev/ipe",
    show_default=True,
    help="Folder with dev.jsonl (articles) and dev_sents.jsonl (labelled sentences).",
)
@click.option("--limit", default=0, show_default=True, help="Only the first N articles (0: all).")
@click.option("--examples", default=0, show_default=True, help="Also list this many sentence errors.")
@click.pass_context
def evaluate_ipe(ctx: click.Context, directory: str, limit: int, examples: int) -> None:
    """Police killings, arrests and force at sentence level on IndiaPoliceEvents; JSON."""
    from tocsin.evaluation.ipe import evaluate as score
    from tocsin.evaluation.ipe import load_ipe

    folder = Path(directory)
    docs = _loaded("IPE files", load_ipe, folder / "dev.jsonl", folder / "dev_sents.jsonl")
    report = score(docs[:limit] if limit else docs, _pipeline(_settings(ctx)))
    _print_report(report.as_dict(examples=examples))
