"""Clean a capitalised run guessed as a speaker's name: "But Ferguson" → "Ferguson", "Matchwinner Rooney"
→ "Rooney"; a one-word speaker as the full name the article prints for it. The words stripped are the ones the name finder never keeps at the start of a name
(``data/roles/not_names.txt``: conjunctions, pronouns…; person nouns of ``person_cues.tsv``/titles)."""

from __future__ import annotations

import re

from touchline.linking.people import fold
from touchline.nlp.components.entities import name_words
from touchline.nlp.context import ArticleContext


def strip_lead(text: str) -> int:
    """How many characters of ``text`` are such words (and the spaces after them) before the name;
    0 when there are none or when nothing of a name would be left."""
    nw = name_words()
    cut = 0
    for m in re.finditer(r"(\S+)\s+", text):
        low = m.group(1).casefold()
        if m.start() != cut or (low not in nw.not_names and low not in nw.person_nouns):
            break
        cut = m.end()
    return cut if cut < len(text) else 0


def full_speaker(ctx: ArticleContext, name: str | None) -> str | None:
    """A one-word speaker ("Parrott") as the full name the article prints once for that surname
    (often only in its headline, "Troy Parrott reflects on..."): a known given name right before it,
    and only one such given name in the article; else the name unchanged."""
    if name is None or " " in name or ctx.people.resolve(name) not in (None, name):
        return name
    firsts = {
        m.group(1)
        for m in re.finditer(rf"\b([A-ZÀ-ÖØ-Þ][\w'’-]+)\s+{re.escape(name)}\b", ctx.body)
        if fold(m.group(1)) in name_words().first_names
    }
    if len(firsts) != 1:
        return name
    full = f"{firsts.pop()} {name}"
    return ctx.people.add(full) or full
