"""Fetching a URL (httpx): timeouts, an overall deadline, a size cap, redirects and a user agent;
never a crash, and never an address inside the monitor's own network unless the settings allow it."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from tocsin import __version__
from tocsin.errors import one_line
from tocsin.ingest.documents import Metadata
from tocsin.ingest.feeds import feed_items
from tocsin.ingest.items import InputItem
from tocsin.ingest.sniff import sniff
from tocsin.models import Rejection

USER_AGENT = f"tocsin/{__version__} (conflict-event monitor)"


def is_url(text: str) -> bool:
    """Whether a command-line input is an http(s) URL."""
    return text.startswith(("http://", "https://"))


class RefusedAddress(Exception):
    """A request (or a redirect) to a loopback, private, link-local or reserved address."""


def private_host(host: str) -> str | None:
    """The first address ``host`` resolves to that is not on the public internet, or ``None``."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError, ValueError):
        return None  # unresolvable: httpx will say so
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not addr.is_global or addr.is_multicast:
            return str(addr)
    return None


def _guard(request: httpx.Request) -> None:
    """httpx request hook: runs before the first request and before every redirect."""
    host = request.url.host
    found = private_host(host)
    if found is not None:
        raise RefusedAddress(f"{host} resolves to {found}, not a public address")


def client_options(*, timeout: float, allow_private: bool) -> dict[str, Any]:
    """The settings every tocsin HTTP client shares: timeouts, redirects, the user agent and, unless
    allowed, the guard against addresses inside the monitor's own network."""
    return {
        "timeout": timeout,
        "follow_redirects": True,
        "max_redirects": 5,
        "headers": {"User-Agent": USER_AGENT},
        "event_hooks": {} if allow_private else {"request": [_guard]},
    }


def fetch(
    url: str, *, max_bytes: int, timeout: float = 15.0, deadline: float = 60.0, defaults: Metadata,
    allow_private: bool = False,
) -> Iterator[InputItem | Rejection]:  # fmt: skip
    """The document (or feed items) at ``url``, or a rejection saying why not. ``timeout`` bounds
    each read, ``deadline`` the whole transfer (a server trickling a byte at a time)."""
    with httpx.Client(**client_options(timeout=timeout, allow_private=allow_private)) as client:
        yield from fetch_with(client, url, max_bytes=max_bytes, deadline=deadline, defaults=defaults)


def fetch_with(
    client: httpx.Client, url: str, *, max_bytes: int, deadline: float = 60.0, defaults: Metadata,
    headers: dict[str, str] | None = None, unchanged: Callable[[httpx.Response], bool] | None = None,
) -> Iterator[InputItem | Rejection]:  # fmt: skip
    """:func:`fetch` through a given client (a caching one for `tocsin watch`); nothing at all when
    ``unchanged`` says the response is the one already read (a feed not modified since)."""
    started = time.monotonic()
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code >= 400:
                yield Rejection(url, "unreachable", f"HTTP {response.status_code}")
                return
            if unchanged is not None and unchanged(response):
                return
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                if time.monotonic() - started > deadline:
                    yield Rejection(url, "unreachable", f"the transfer took longer than {deadline:.0f} s")
                    return
                size += len(chunk)
                if size > max_bytes:
                    yield Rejection(url, "too_large", f"more than {max_bytes} bytes")
                    return
                chunks.append(chunk)
            final_url = str(response.url)
            ctype = response.headers.get("content-type", "").lower()
    except RefusedAddress as exc:
        yield Rejection(url, "refused", f"{exc} (set ingest.allow_private_urls to allow it)")
        return
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        yield Rejection(url, "unreachable", one_line(exc))
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
