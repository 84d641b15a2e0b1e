"""Bytes → text, with a clear reason when the bytes are not usable text."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from tocsin.errors import InputError

_BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",
    b"7z\xbc\xaf",
    b"Rar!",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the encoding it was read in (``utf-8`` unless detected otherwise)."""

    text: str
    encoding: str


def decode(data: bytes, *, max_bytes: int) -> Decoded:
    """Decode input bytes; raise :class:`InputError` with reason empty/binary/too_large/encoding."""
    if len(data) > max_bytes:
        raise InputError("too_large", f"{len(data)} bytes is over the limit of {max_bytes}")
    if not data.strip():
        raise InputError("empty", "no text in the input")
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]:
        raise InputError("binary", "the input is binary, not text")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise InputError("encoding", "not valid UTF-8 and no other encoding fits") from None
        text = str(best)
        encoding = best.encoding
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(text[:20000]) // 100):
        raise InputError("binary", f"{controls} control characters: not text")
    if not text.strip():
        raise InputError("empty", "no text in the input")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)
