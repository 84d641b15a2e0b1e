"""The ``tocsin`` command: parse arguments, call the library, print.

Exit codes: 0 all inputs coded; 1 some inputs were rejected (each named on stderr, the rest of the
batch still coded); 2 usage or configuration error. One module per command group; importing this
package registers them all on :data:`cli`.
"""

from __future__ import annotations

import sys

import click

from tocsin.cli import browse, coding, evaluate, places
from tocsin.cli.app import EXIT_USAGE, _pipeline, cli
from tocsin.errors import TocsinError

__all__ = ["_pipeline", "browse", "cli", "coding", "evaluate", "main", "places"]


def main() -> None:
    """Entry point of the ``tocsin`` script."""
    try:
        cli.main(standalone_mode=True)
    except TocsinError as exc:
        click.echo(f"tocsin: {exc}", err=True)
        sys.exit(EXIT_USAGE)
