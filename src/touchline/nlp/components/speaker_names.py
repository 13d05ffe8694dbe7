"""Clean a capitalised run guessed as a speaker's name: "But Ferguson" → "Ferguson", "Matchwinner Rooney"
→ "Rooney"; a one-word speaker as the full name the article prints for it. The words stripped are the ones the name finder never keeps at the start of a name
(``data/roles/not_names.txt``: conjunctions, pronouns…; person nouns of ``person_cues.tsv``/titles)."""

from __future__ import annotations

import re

from touchline.linking.people import fold, is_place
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
    """A one-word speaker ("Parrott") as the full name the article prints once for that surname (often
    only in its headline, "Troy Parrott reflects on..."): one capitalised word right before the surname
    that is a known given name, or a word the article never writes in lower case and that is no title,
    club or other non-name; only when exactly one such word fits. Else the name unchanged."""
    if name is None or " " in name:
        return name
    known = ctx.people.resolve(name)
    if known is not None and known != name:
        return known  # "Parrott" after "Troy Parrott" was registered
    text = f"{ctx.article.title or ''}\n{ctx.body}"
    nw = name_words()
    firsts = set()
    for m in re.finditer(rf"\b([A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+)\s+{re.escape(name)}\b", text):
        word, low = m.group(1), m.group(1).casefold()
        if fold(word) in nw.first_names or (
            low not in nw.not_names
            and low not in nw.person_nouns
            and low not in nw.org_words
            and ctx.gazetteer.club(word) is None
            and not is_place(word)
            and re.search(rf"\b{re.escape(low)}\b", text) is None  # "When Parrott…": "when" is a word
        ):
            firsts.add(word)
    if len(firsts) != 1:
        return name
    full = f"{firsts.pop()} {name}"
    return ctx.people.add(full) or full
