"""Turning command-line inputs (files, directories, ``-``, JSONL) into items to code.

Readers never raise for one bad input: they yield a :class:`~tocsin.models.Rejection` in its place
and go on with the rest of the batch.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from tocsin.errors import InputError, one_line
from tocsin.ingest.documents import Metadata, parse_published
from tocsin.ingest.feeds import feed_items
from tocsin.ingest.items import InputItem
from tocsin.ingest.sniff import sniff
from tocsin.ingest.urls import fetch, is_url
from tocsin.ingest.warc import warc_items
from tocsin.models import Rejection

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "feed", "warc")


def _jsonl_items(
    lines: Iterator[bytes], label: str, base: Path | None, defaults: Metadata,
    roots: tuple[Path, ...] = (), max_bytes: int = 5_000_000, source_path: str | None = None,
) -> Iterator[InputItem | Rejection]:  # fmt: skip
    """The items of a JSONL stream; ``source_path`` (the JSONL file, if any) is recorded as the
    origin of documents given inline (``text``, ``html``)."""
    for lineno, raw in enumerate(lines, start=1):
        where = f"{label}:{lineno}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (ValueError, RecursionError) as exc:  # bad JSON, bad UTF-8, a 5,000-digit number, deep nesting
            yield Rejection(where, "malformed", f"not a JSON object: {one_line(exc)}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, "malformed", "a JSONL line must be a JSON object")
            continue
        try:
            yield _jsonl_item(obj, where, base, defaults, roots, max_bytes, source_path)
        except InputError as exc:
            yield Rejection(where, exc.reason, exc.detail)


def _manifest_path(name: str, base: Path | None, roots: tuple[Path, ...]) -> Path:
    """The file a JSONL line names, which must lie inside the JSONL's own folder (after symlinks)
    or inside one of the ``roots`` the settings allow: never ``../``, ``/etc`` or a link out."""
    if "\x00" in name:
        raise InputError("malformed", "`file` holds a NUL character")
    folder = (base or Path.cwd()).resolve()
    path = (folder / name).resolve()
    allowed = (folder, *(r.resolve() for r in roots))
    if not any(path == r or path.is_relative_to(r) for r in allowed):
        raise InputError("refused", f"`file` {name!r} lies outside the JSONL's folder {folder}")
    return path


@contextmanager
def _regular_file(path: Path) -> Iterator[BinaryIO]:
    """``path`` opened for reading if it is a regular file: not a device, a FIFO or a socket, which
    could block forever or never end, whatever ``st_size`` says (``/dev/zero``, a named pipe)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError("missing", f"{path}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise InputError("unsupported", f"{path} is not a regular file (a device, FIFO or socket)")
        yield fh


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes; ``too_large`` past ``max_bytes``, read no further."""
    with _regular_file(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("too_large", f"{path}: over the limit of {max_bytes} bytes")
    return data


def guarded(source: str, items: Iterator[InputItem | Rejection]) -> Iterator[InputItem | Rejection]:
    """The items of one source; if reading it fails midway (a truncated archive, a parser's own
    bug), the items read before are kept and the rest of the source becomes one rejection."""
    try:
        yield from items
    except InputError as exc:
        yield Rejection(source, exc.reason, exc.detail)
    except Exception as exc:  # one bad source never stops the batch (RecursionError included)
        yield Rejection(source, "malformed", f"could not be read to its end: {one_line(exc)}")


def _jsonl_item(
    obj: dict[str, object], where: str, base: Path | None, defaults: Metadata,
    roots: tuple[Path, ...] = (), max_bytes: int = 5_000_000, source_path: str | None = None,
) -> InputItem:  # fmt: skip
    doc_id = obj.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError("malformed", "`id` must be a string")
    published = parse_published(obj.get("published")) or defaults.published
    meta = Metadata(
        id=str(doc_id) if doc_id is not None else None,
        url=_opt_str(obj.get("url")),
        title=_opt_str(obj.get("title")),
        source=_opt_str(obj.get("source")),
        published=published,
        published_method="given" if published else "none",
    )
    label = f"{where} ({doc_id})" if doc_id is not None else where
    if isinstance(obj.get("text"), str):
        return InputItem(label, str(obj["text"]), "text", meta, source_path)
    if isinstance(obj.get("html"), str):
        return InputItem(label, str(obj["html"]), "html", meta, source_path)
    if isinstance(obj.get("file"), str):
        path = _manifest_path(str(obj["file"]), base, roots)
        data = _read_bounded(path, max_bytes)
        return InputItem(label, data, "auto", meta, str(path))
    raise InputError("malformed", "a JSONL document needs `text`, `html` or `file`")


def _opt_str(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value else None


def _file_items(
    path: Path, input_format: str, defaults: Metadata, max_bytes: int, roots: tuple[Path, ...] = ()
) -> Iterator[InputItem | Rejection]:
    fmt = input_format
    try:
        if fmt in {"auto", "warc"}:
            with _regular_file(path) as fh:
                head = fh.read(65536)
            if fmt == "auto":
                fmt = "jsonl" if path.suffix == ".jsonl" else sniff(head, name=path.name)
        if fmt == "warc":
            yield from warc_items(path, defaults=defaults, max_bytes=max_bytes)
            return
        if fmt == "jsonl":
            with path.open("rb") as fh:
                yield from _jsonl_items(
                    iter(fh), str(path), path.parent, defaults, roots, max_bytes, str(path)
                )
            return
        data = _read_bounded(path, max_bytes)
    except InputError as exc:
        yield Rejection(str(path), exc.reason, exc.detail)
        return
    except OSError as exc:
        yield Rejection(str(path), "missing", exc.strerror or str(exc))
        return
    if fmt == "feed":
        yield from feed_items(data, label=str(path), defaults=defaults, source_path=str(path))
        return
    meta = Metadata(published=defaults.published, published_method="given" if defaults.published else "none")
    yield InputItem(
        str(path), data, "auto" if fmt == "text" and input_format == "auto" else fmt, meta, str(path)
    )


def iter_inputs(
    paths: list[str],
    *,
    input_format: str = "auto",
    stdin: BinaryIO | None = None,
    defaults: Metadata | None = None,
    max_bytes: int = 5_000_000,
    file_roots: tuple[str, ...] = (),
    allow_private_urls: bool = False,
) -> Iterator[InputItem | Rejection]:
    """Items (or rejections) for every input: files, directories (recursively, sorted, by content
    type), ``-`` for stdin, and http(s) URLs. Nothing here raises for one bad input: a source that
    fails midway keeps what was read from it and becomes one rejection for the rest."""
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format must be one of {INPUT_FORMATS}")
    base_meta = defaults or Metadata()
    roots = tuple(Path(r) for r in file_roots)
    for raw in paths:
        if raw == "-":
            yield from guarded("<stdin>", _stdin_items(stdin, input_format, base_meta, roots, max_bytes))
            continue
        if is_url(raw):
            yield from guarded(raw, fetch(raw, max_bytes=max_bytes, defaults=base_meta,
                                          allow_private=allow_private_urls))  # fmt: skip
            continue
        path = Path(raw)
        if path.is_dir():
            yield from guarded(raw, _folder_items(path, input_format, base_meta, max_bytes, roots))
        elif path.exists():
            yield from guarded(raw, _file_items(path, input_format, base_meta, max_bytes, roots))
        elif path.is_symlink():
            yield Rejection(raw, "missing", "a symbolic link to nothing")
        else:
            yield Rejection(raw, "missing", "no such file or directory")


def shards(paths: list[str], *, input_format: str = "auto", file_roots: tuple[str, ...] = ()) -> list[str]:
    """The sources of ``paths`` one by one, in the order :func:`iter_inputs` reads them: a folder
    becomes its files (recursively, sorted, less hidden ones and files a JSONL manifest in it
    names); anything else (a file, a URL, a missing path, an empty folder) stays as it is.
    ``iter_inputs`` on each in turn reads what ``iter_inputs`` on ``paths`` reads, in the same
    order: a distributed run codes them apart and still stores them as one run would."""
    roots = tuple(Path(r) for r in file_roots)
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-" or is_url(raw) or not path.is_dir():
            out.append(raw)
            continue
        entries = sorted(
            p for p in path.rglob("*") if not any(x.startswith(".") for x in p.relative_to(path).parts)
        )
        files = [p for p in entries if p.is_file()]
        if not files:
            out.append(raw)  # read alone, it is rejected as empty
            continue
        listed = _listed_in_manifests(files, roots) if input_format in {"auto", "jsonl"} else set()
        out += [str(p) for p in entries if (p.is_symlink() and not p.exists()) or
                (p.is_file() and p.resolve() not in listed)]  # fmt: skip
    return out


def _folder_items(
    path: Path, input_format: str, defaults: Metadata, max_bytes: int, roots: tuple[Path, ...]
) -> Iterator[InputItem | Rejection]:
    entries = sorted(
        p for p in path.rglob("*") if not any(x.startswith(".") for x in p.relative_to(path).parts)
    )
    files = [p for p in entries if p.is_file()]
    if not files:
        yield Rejection(str(path), "empty", "the directory holds no files")
    listed = _listed_in_manifests(files, roots) if input_format in {"auto", "jsonl"} else set()
    for p in entries:
        if p.is_symlink() and not p.exists():
            yield Rejection(str(p), "missing", "a symbolic link to nothing")
        elif p.is_file() and p.resolve() not in listed:
            yield from guarded(str(p), _file_items(p, input_format, defaults, max_bytes, roots))


def _listed_in_manifests(files: list[Path], roots: tuple[Path, ...]) -> set[Path]:
    """Files a JSONL manifest in the folder names: they are read through the manifest, with the
    id, date and outlet it gives them, not a second time on their own without them."""
    listed: set[Path] = set()
    for manifest in (f for f in files if f.suffix == ".jsonl"):
        try:
            with _regular_file(manifest) as fh:
                for line in fh:
                    try:
                        obj = json.loads(line)
                        if isinstance(obj, dict) and isinstance(obj.get("file"), str):
                            listed.add(_manifest_path(obj["file"], manifest.parent, roots))
                    except (ValueError, RecursionError, InputError):
                        continue  # the manifest's own reading rejects this line
        except (OSError, InputError):
            continue
    return listed


def _stdin_items(
    stdin: BinaryIO | None, input_format: str, defaults: Metadata, roots: tuple[Path, ...], max_bytes: int
) -> Iterator[InputItem | Rejection]:
    if stdin is None:
        yield Rejection("-", "missing", "no standard input")
        return
    if input_format == "jsonl":
        yield from _jsonl_items(iter(stdin), "<stdin>", None, defaults, roots, max_bytes)
        return
    data = stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection("<stdin>", "too_large", f"over the limit of {max_bytes} bytes")
        return
    if input_format == "feed" or (input_format == "auto" and sniff(data[:65536]) == "feed"):
        yield from feed_items(data, label="<stdin>", defaults=defaults)
        return
    meta = Metadata(published=defaults.published, published_method="given" if defaults.published else "none")
    yield InputItem("<stdin>", data, input_format if input_format in {"text", "html"} else "auto", meta, None)
