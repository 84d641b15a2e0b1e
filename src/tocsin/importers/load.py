"""Loading an export into the store: every row read, bad rows rejected with their line and reason."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tocsin.errors import InputError
from tocsin.importers.acled import REQUIRED as ACLED_REQUIRED
from tocsin.importers.acled import acled_row
from tocsin.importers.rows import Imported, RowError, header, read_rows
from tocsin.importers.ucdp import REQUIRED as UCDP_REQUIRED
from tocsin.importers.ucdp import ucdp_row
from tocsin.models import Rejection

FORMATS: dict[str, tuple[tuple[str, ...], Callable[[dict[str, str], Path], Imported]]] = {
    "acled": (ACLED_REQUIRED, acled_row),
    "ucdp": (UCDP_REQUIRED, ucdp_row),
}


@dataclass
class ImportReport:
    """What an import did."""

    read: int = 0
    events: list[Imported] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_export(path: Path, fmt: str) -> ImportReport:
    """The events of an ACLED or UCDP export; ``InputError`` if the file is not one at all."""
    required, parse = FORMATS[fmt]
    try:
        columns = header(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("missing", f"{path}: {exc}") from exc
    absent = [c for c in required if c not in columns]
    if absent:
        raise InputError("malformed", f"{path} is not a {fmt.upper()} export: no column {', '.join(absent)}")
    report = ImportReport()
    seen: set[str] = set()
    try:
        for line, row in read_rows(path):
            report.read += 1
            try:
                event = parse(row, path)
            except RowError as exc:
                report.rejected.append(Rejection(f"{path}:{line}", "malformed", str(exc)))
                continue
            if event.id in seen:
                report.rejected.append(
                    Rejection(f"{path}:{line}", "malformed", f"a second row with id {event.row_id}")
                )
                continue
            seen.add(event.id)
            report.events.append(event)
    except (UnicodeDecodeError, ValueError) as exc:  # the CSV breaks off (bad encoding, a NUL byte)
        report.rejected.append(Rejection(str(path), "malformed", f"could not be read to its end: {exc}"))
    return report


def digest(event: Imported) -> str:
    """What tells a changed row from the same row: its record without the file it came from."""
    record = {k: v for k, v in event.record.items() if k != "provenance"}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()[:16]
