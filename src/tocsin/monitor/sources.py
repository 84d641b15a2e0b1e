"""The sources file of `tocsin watch`: one feed URL or local path (file or folder) a line.

Blank lines and lines starting with ``#`` are skipped; a relative path is read from the sources
file's folder, so the file can travel with the feeds it lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tocsin.errors import ConfigError
from tocsin.ingest.urls import is_url


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to poll: ``spec`` as written in the file, and what to read (a URL or a path)."""

    spec: str
    target: str

    @property
    def is_url(self) -> bool:
        return is_url(self.target)


def read_sources(path: Path) -> list[Source]:
    """The sources listed in ``path``, in order, each once; a clear error when there are none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the sources file {path}: {exc}") from exc
    out: dict[str, Source] = {}
    for line in text.splitlines():
        spec = line.strip()
        if not spec or spec.startswith("#"):
            continue
        target = spec if is_url(spec) else str((path.parent / spec).resolve())
        out.setdefault(target, Source(spec, target))
    if not out:
        raise ConfigError(f"the sources file {path} lists no feed, file or folder")
    return list(out.values())
