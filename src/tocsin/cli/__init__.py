"""The ``tocsin`` command: parse arguments, call the library, print.

Exit codes: 0 all inputs coded; 1 some inputs were rejected (each named on stderr, the rest of the
batch still coded); 2 usage, configuration or store error; 3 an internal error (one line on
stderr naming the log file that holds its traceback); 130 interrupted (Ctrl-C or SIGTERM: what was
stored stays, and the same command resumes). One module per command group; importing this package
registers them all on :data:`cli`.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

from tocsin.cli import alerts, browse, coding, evaluate, fused, imports, monitor, places, report, scale, serve
from tocsin.cli.app import EXIT_INTERNAL, EXIT_USAGE, _pipeline, cli
from tocsin.crashlog import log_exception, warnings_to_log
from tocsin.errors import TocsinError, is_interrupt, one_line

__all__ = [
    "_pipeline",
    "alerts",
    "browse",
    "cli",
    "coding",
    "evaluate",
    "fused",
    "imports",
    "main",
    "monitor",
    "places",
    "report",
    "scale",
    "serve",
]


def _terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (``kill``, ``timeout``, a service manager) stops a run the way Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the ``tocsin`` script: never a traceback on the terminal."""
    signal.signal(signal.SIGTERM, _terminate)
    warnings_to_log()
    try:
        cli.main(standalone_mode=True)
    except TocsinError as exc:
        click.echo(f"tocsin: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        click.echo("tocsin: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if is_interrupt(exc):  # DuckDB's own error for a signal that landed inside a query
            click.echo("tocsin: interrupted", err=True)
            sys.exit(130)
        where = log_exception(" ".join(sys.argv), exc)
        click.echo(f"tocsin: internal error ({one_line(exc)}); traceback in {where}", err=True)
        sys.exit(EXIT_INTERNAL)
