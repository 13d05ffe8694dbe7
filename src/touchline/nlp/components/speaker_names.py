"""Clean a capitalised run guessed as a speaker's name: "But Ferguson" → "Ferguson", "Matchwinner Rooney"
→ "Rooney". The words stripped are the ones the name finder never keeps at the start of a name
(``data/roles/not_names.txt``: conjunctions, pronouns…; person nouns of ``person_cues.tsv``/titles)."""

from __future__ import annotations

import re

from touchline.nlp.components.entities import name_words


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
