"""Bytes → text: UTF-16/UTF-32 with a BOM, UTF-8 (with or without BOM), else Windows-1252, else a
clear InputError."""

from __future__ import annotations

from touchline.errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f"}


# images, archives, PDFs, executables, SQLite files
MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"SQLite format 3",
)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    return head.startswith(MAGIC)


# longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def wide_bom(data: bytes) -> tuple[str, str, int] | None:
    """(codec, name, BOM length) when ``data`` starts with a UTF-16 or UTF-32 byte-order mark."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def decode_bytes(data: bytes, source: str, *, wide_boms: bool = True) -> str:
    """``wide_boms=False`` (a JSON line) never reads a leading FF FE / FE FF as a byte-order mark."""
    wide = wide_bom(data) if wide_boms else None
    if wide:
        codec, name, skip = wide
        try:
            text = data[skip:].decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                source,
                f"undecodable {name} text (byte-order mark present; bad bytes at offset {exc.start + skip})",
            ) from None
        return _check_controls(text, source)
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
    return _check_controls(text, source)


def _check_controls(text: str, source: str) -> str:
    if "\x00" in text:
        raise InputError(source, "binary file, not text (NUL characters)")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > 0.01 * max(1, min(len(text), 20000)):
        raise InputError(source, "binary file, not text (too many control characters)")
    return text
