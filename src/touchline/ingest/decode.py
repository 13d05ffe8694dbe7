"""Bytes → text: UTF-8 (with or without BOM), else Windows-1252, else a clear InputError."""

from __future__ import annotations

from touchline.errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f"}


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # images, archives, PDFs
    return head.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff"))


def decode_bytes(data: bytes, source: str) -> str:
    if looks_binary(data):
        raise InputError(source, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                source,
                f"undecodable bytes: neither UTF-8 nor Windows-1252 (first bad byte at offset {utf8_error.start})",
            ) from None
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > 0.01 * max(1, min(len(text), 20000)):
        raise InputError(source, "binary file, not text (too many control characters)")
    return text
