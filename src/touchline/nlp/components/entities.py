"""Entity mentions: gazetteer clubs/competitions/stadiums, and people (spaCy PERSON + name resolution).

Sets ``ctx.gaz``, ``ctx.person_mentions`` and fills ``ctx.people``. spaCy's labels are not trusted
blindly: anything the gazetteer knows as a club, competition or stadium is never a person.
"""

from __future__ import annotations

import re

from touchline.nlp.context import ArticleContext, PersonMention

_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]+", re.UNICODE)


def run(ctx: ArticleContext) -> None:
    ctx.gaz = ctx.gazetteer.scan(ctx.body)
    taken = [(m.start, m.end) for m in ctx.gaz]

    def overlaps(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    candidates: list[tuple[int, int, str]] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start_char, ent.end_char
        text = ctx.body[start:end]
        # trim possessive endings so the span is the name itself
        m = re.search(r"['’]s?$", text)
        if m:
            end -= len(m.group(0))
            text = ctx.body[start:end]
        if not text or overlaps(start, end):
            continue
        candidates.append((start, end, text))

    # full names first, so single surnames can resolve onto them
    for start, end, text in sorted(candidates, key=lambda c: -len(c[2].split())):
        ctx.people.add(text)
    mentions: list[PersonMention] = []
    for start, end, text in candidates:
        canonical = ctx.people.resolve(text)
        if canonical:
            mentions.append(PersonMention(start, end, text, canonical))
    # surnames the model missed: any capitalised token equal to a known surname
    seen = {(m.start, m.end) for m in mentions}
    surnames = {n.split()[-1]: n for n in ctx.people.full_names}
    for tok in _NAME_TOKEN.finditer(ctx.body):
        word = re.sub(r"['’]s?$", "", tok.group(0))
        full = surnames.get(word)
        span = (tok.start(), tok.start() + len(word))
        if full and span not in seen and not overlaps(*span) and not any(m.start <= span[0] < m.end for m in mentions):
            mentions.append(PersonMention(span[0], span[1], word, ctx.people.resolve(word) or full))
    ctx.person_mentions = sorted(mentions, key=lambda m: m.start)
