"""tocsin's exception tree and its coded rejection reasons.

Library code raises these, never ``SystemExit``; the CLI turns them into one-line messages.
Rejection reasons are short stable codes so that users can count and filter them.
"""

from __future__ import annotations


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    return f"{type(exc).__name__}: {first}"[:300] if first else type(exc).__name__


def is_interrupt(exc: BaseException) -> bool:
    """Whether an exception is Ctrl-C or SIGTERM: a ``KeyboardInterrupt``, or the error DuckDB
    raises in its place when the signal lands while it runs a query ("Query interrupted", caused by
    the ``KeyboardInterrupt``)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class TocsinError(Exception):
    """Base of every error tocsin raises on purpose."""


class InputError(TocsinError):
    """An input that cannot become a document; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class ConfigError(TocsinError):
    """A configuration file or value that cannot be used."""


class StoreError(TocsinError):
    """The event store cannot be opened or written."""


#: Rejection reasons, with what each means. Stable: users' scripts count them.
REASONS: dict[str, str] = {
    "missing": "the path does not exist or cannot be read",
    "empty": "the input holds no text",
    "binary": "the input is not text (NUL bytes or a known binary signature)",
    "encoding": "the bytes could not be decoded as text in any detected encoding",
    "too_large": "the input is larger than the configured size limit",
    "malformed": "a structured input (JSONL line, HTML) could not be parsed",
    "not_english": "the text is not in a supported language",
    "no_body": "no article text was found in the input",
    "unsupported": "a kind of content tocsin does not code (a PDF or image response in a WARC)",
    "unreachable": "a URL that could not be fetched (network error, timeout, HTTP error status)",
    "refused": "an input tocsin will not read: a private address, a path outside the allowed folders",
    "too_slow": "reading, parsing or coding the input took longer than its budget (ingest.doc_seconds)",
    "failed": "tocsin could not code this input (an internal error, logged with its traceback)",
}
