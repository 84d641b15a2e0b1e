"""Fetching a URL (httpx): timeouts, a size cap, redirects and a user agent; never a crash."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from tocsin import __version__
from tocsin.ingest.documents import Metadata
from tocsin.ingest.feeds import feed_items
from tocsin.ingest.items import InputItem
from tocsin.ingest.sniff import sniff
from tocsin.models import Rejection

USER_AGENT = f"tocsin/{__version__} (conflict-event monitor)"


def is_url(text: str) -> bool:
    """Whether a command-line input is an http(s) URL."""
    return text.startswith(("http://", "https://"))


def fetch(
    url: str, *, max_bytes: int, timeout: float = 15.0, defaults: Metadata
) -> Iterator[InputItem | Rejection]:
    """The document (or feed items) at ``url``, or a rejection saying why not."""
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, max_redirects=5, headers={"User-Agent": USER_AGENT}
            ) as client,  # fmt: skip
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                yield Rejection(url, "unreachable", f"HTTP {response.status_code}")
                return
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    yield Rejection(url, "too_large", f"more than {max_bytes} bytes")
                    return
                chunks.append(chunk)
            final_url = str(response.url)
            ctype = response.headers.get("content-type", "").lower()
    except httpx.HTTPError as exc:
        yield Rejection(url, "unreachable", f"{type(exc).__name__}: {exc}")
        return
    data = b"".join(chunks)
    kind = sniff(data[:65536], name=final_url)
    if kind == "feed":
        yield from feed_items(data, label=url, defaults=defaults)
        return
    fmt = "html" if "html" in ctype or kind == "html" else "auto"
    meta = Metadata(url=final_url, source=defaults.source, published=defaults.published,
                    published_method="given" if defaults.published else "none")  # fmt: skip
    yield InputItem(url, data, fmt, meta, None)
