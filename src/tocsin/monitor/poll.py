"""Reading one source of `tocsin watch`: a feed or page by a conditional request through an HTTP
cache (hishel, RFC 9111: the stored ETag and Last-Modified are sent back, and a 304 means nothing
new), or a local file or folder (whose stored documents the pipeline skips)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from hishel import CacheOptions, SqliteStorage
from hishel.httpx import CacheClient

from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.ingest.readers import iter_inputs
from tocsin.ingest.urls import client_options, fetch_with
from tocsin.models import Rejection
from tocsin.monitor.sources import Source

#: Rejection reasons that say the source itself could not be read (not one bad item in it).
SOURCE_FAILURES = frozenset({"unreachable", "refused", "too_large", "missing"})


@dataclass
class Polled:
    """What one poll found: the items to ingest (read lazily), and afterwards whether the source
    was unchanged since the last poll or failed, and why."""

    items: Iterator[InputItem | Rejection]
    unchanged: bool = False
    error: str | None = None
    rejections: list[Rejection] = field(default_factory=list)


class Poller:
    """Polls sources through one caching HTTP client whose cache lives in ``cache_path``."""

    def __init__(
        self, cache_path: Path, *, max_bytes: int, allow_private: bool, timeout: float = 15.0,
        file_roots: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        self.max_bytes, self.allow_private, self.file_roots = max_bytes, allow_private, file_roots
        storage = SqliteStorage(database_path=str(cache_path))
        self.client = CacheClient(
            storage=storage,
            rfc=CacheOptions(shared=False),
            **client_options(timeout=timeout, allow_private=allow_private),
        )

    def close(self) -> None:
        self.client.close()

    def poll(self, source: Source, defaults: Metadata) -> Polled:
        polled = Polled(iter(()))
        polled.items = self._items(source, defaults, polled)
        return polled

    def _items(self, source: Source, defaults: Metadata, polled: Polled) -> Iterator[InputItem | Rejection]:
        def revalidated(response: httpx.Response) -> bool:
            caching = response.extensions.get("caching") or {}
            polled.unchanged = bool(caching.get("from_cache"))
            return polled.unchanged

        if source.is_url:
            # "no-cache": always ask the server, sending back the validators it gave last time.
            items = fetch_with(self.client, source.target, max_bytes=self.max_bytes, defaults=defaults,
                               headers={"Cache-Control": "no-cache"}, unchanged=revalidated)  # fmt: skip
        else:
            items = iter_inputs([source.target], defaults=defaults, max_bytes=self.max_bytes,
                                file_roots=self.file_roots)  # fmt: skip
        for item in items:
            if isinstance(item, Rejection) and item.reason == "empty" and item.source == source.target:
                continue  # a drop folder with nothing in it yet: nothing to read, nothing wrong
            if isinstance(item, Rejection) and _is_the_source(item, source):
                polled.error = f"{item.reason}: {item.detail}"
                polled.rejections.append(item)
            yield item


def _is_the_source(rejection: Rejection, source: Source) -> bool:
    where = rejection.source
    same = where == source.target or (not source.is_url and Path(where).resolve() == Path(source.target))
    return same and rejection.reason in SOURCE_FAILURES
