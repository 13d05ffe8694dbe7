"""What the spaCy model reads: the body with the same length and offsets, in bounded pieces.

* ``model_text``: spaCy's tokenizer is quadratic in the length of one whitespace-free run of
  punctuation (8,000 quote marks take a minute). A run longer than ``MAX_RUN`` characters gets a
  space every ``MAX_RUN`` characters; the length, and so every character offset, is unchanged.
  Real words and URLs are far shorter, so real articles reach the model unchanged.
* ``make_doc``: a body longer than ``CHUNK_CHARS`` is parsed in pieces of ``PIECE_CHARS`` cut at
  paragraph breaks (or spaces) and joined back with ``Doc.from_docs``, so the model's working memory is bounded by the
  piece, not the article. Joined pieces keep every character, so entity offsets index the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_RUN = 100
CHUNK_CHARS = 20_000  # a body up to this long is parsed whole (every real article so far: <= 15,200)
PIECE_CHARS = 5_000  # a longer one in pieces this long: the model's time per character grows with the
# length of what it reads at once (10 KB of ". " 5 s, 20 KB 12 s), so small pieces keep it linear
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def model_text(body: str) -> str:
    if _LONG_RUN.search(body) is None:
        return body
    chars = list(body)
    for m in _LONG_RUN.finditer(body):
        for i in range(m.start() + MAX_RUN, m.end(), MAX_RUN + 1):
            chars[i] = " "
    return "".join(chars)


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Consecutive pieces of ``text`` (joined they are ``text``), each at most ``size`` characters
    where a paragraph break or a space allows, cut just after it."""
    start = 0
    while len(text) - start > size:
        lo = start + size // 2
        cut = text.rfind("\n\n", lo, start + size)
        if cut < 0:
            cut = text.rfind(" ", lo, start + size)
        cut = cut + 1 if cut >= 0 else start + size
        yield text[start:cut]
        start = cut
    yield text[start:]


def make_doc(nlp: Language, body: str, check: Callable[[], None] | None = None) -> Doc:
    """The spaCy Doc of ``body`` (its model text); ``check`` runs between pieces (a deadline)."""
    text = model_text(body)
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = []
    for piece in chunks(text, PIECE_CHARS):
        if check is not None:
            check()
        docs.append(nlp(piece))
    return Doc.from_docs(docs, ensure_whitespace=False)
