"""Where internal errors go: a traceback in a log file, and one line naming it for the user.

A monitor runs unattended on whatever arrives; an error in tocsin's own code must neither stop the
batch nor print a traceback. The file is ``$TOCSIN_LOG`` or ``~/.local/state/tocsin/errors.log``.
"""

from __future__ import annotations

import os
import traceback
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO


def log_path() -> Path:
    """The error log's path."""
    env = os.environ.get("TOCSIN_LOG")
    if env:
        return Path(env)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "tocsin" / "errors.log"


def _append(entry: str) -> str:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(entry)
    except OSError:
        return "the error log could not be written"
    return str(path)


def _warning_to_log(
    message: Warning | str, category: type[Warning], filename: str, lineno: int,
    file: TextIO | None = None, line: str | None = None,
) -> None:  # fmt: skip
    _append(f"--- {datetime.now(UTC).isoformat()} warning\n"
            f"{warnings.formatwarning(message, category, filename, lineno, line)}\n")  # fmt: skip


def warnings_to_log() -> None:
    """Send the warnings libraries print (dateutil on a time zone it does not know, ...) to the log,
    not to the terminal, where they would break the one-line-per-message promise."""
    warnings.showwarning = _warning_to_log


def log_exception(context: str, exc: BaseException) -> str:
    """Append ``exc``'s traceback to the log under ``context``; the log's path (or a note that it
    could not be written, so the error is still one line)."""
    text = "".join(traceback.format_exception(exc))
    return _append(f"--- {datetime.now(UTC).isoformat()} {context}\n{text}\n")
