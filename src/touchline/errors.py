"""One exception tree for touchline. The CLI turns any TouchlineError into one readable line."""

from __future__ import annotations

import unicodedata

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control and format characters (newlines, ESC and
    OSC sequences, bidi overrides), lone surrogates (undecodable bytes of a file name) and backslashes
    are shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``), so a hostile file name cannot break the line or reach the terminal."""
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif unicodedata.category(ch) == "Cs" or ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


def safe_source(text: str) -> str:
    """A file name or source as storable text: lone surrogates (bytes that were not UTF-8 in a file
    name, kept by ``surrogateescape``, or a ``\\ud800`` escape in JSON) become visible escapes;
    everything else is kept as it is."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


class TouchlineError(Exception):
    """Base class of every error touchline raises on purpose."""


class InputError(TouchlineError):
    """An input file or text could not be read as an article.

    ``source`` names the file (or "<stdin>", or a JSON Lines file with ``:line``).
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{printable(source)}: {printable(problem)}")


class InputWarning(InputError):
    """A problem in an input that was still read: a JSON line whose ``title`` is an object is stored
    without a title, with one line saying so."""


class StoreError(TouchlineError):
    """The store could not be opened, migrated or written."""


class GazetteerError(TouchlineError):
    """A gazetteer data file or an import source is malformed."""


class QueryError(TouchlineError):
    """A query or question could not be understood."""
