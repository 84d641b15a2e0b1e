"""What `tocsin watch` remembers between polls and across restarts: per source, when it was last
read, how often in a row it failed, why, and when to try it again (a JSON file beside the store,
replaced atomically)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

#: The first retry of a failing source comes this soon, and each further one twice as late, up to
#: ``BACKOFF_CAP`` polling intervals.
FIRST_RETRY_SECONDS = 60.0
BACKOFF_CAP = 4


@dataclass(slots=True)
class SourceState:
    """One source's record."""

    last_polled: str | None = None
    last_ok: str | None = None
    failures: int = 0
    last_error: str | None = None
    next_at: str | None = None
    documents: int = 0


@dataclass
class WatchState:
    """Every source's record, read from and written to ``path``."""

    path: Path
    sources: dict[str, SourceState] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WatchState:
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)  # none yet, or unreadable: start afresh (the store itself is intact)
        known = set(SourceState.__dataclass_fields__)
        sources = {
            spec: SourceState(**{k: v for k, v in rec.items() if k in known})
            for spec, rec in (raw.get("sources") or {}).items()
            if isinstance(rec, dict)
        }
        return cls(path, sources)

    def save(self) -> None:
        data = {"sources": {spec: asdict(rec) for spec, rec in sorted(self.sources.items())}}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
        os.replace(tmp, self.path)

    def of(self, spec: str) -> SourceState:
        return self.sources.setdefault(spec, SourceState())

    def due(self, spec: str, now: datetime) -> bool:
        when = self.of(spec).next_at
        return when is None or datetime.fromisoformat(when) <= now

    def succeeded(self, spec: str, now: datetime, every: float, documents: int) -> None:
        rec = self.of(spec)
        rec.last_polled = rec.last_ok = now.isoformat(timespec="seconds")
        rec.failures, rec.last_error = 0, None
        rec.documents += documents
        rec.next_at = (now + timedelta(seconds=every)).isoformat(timespec="seconds")

    def failed(self, spec: str, now: datetime, every: float, error: str) -> float:
        """Record a failure; the seconds until the next try (exponential backoff)."""
        rec = self.of(spec)
        rec.last_polled = now.isoformat(timespec="seconds")
        rec.failures += 1
        rec.last_error = error
        delay = float(min(min(FIRST_RETRY_SECONDS, every) * 2 ** (rec.failures - 1), BACKOFF_CAP * every))
        rec.next_at = (now + timedelta(seconds=delay)).isoformat(timespec="seconds")
        return delay


def utc_now() -> datetime:
    return datetime.now(UTC)
