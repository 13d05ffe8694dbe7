"""People in team sheets: which person each sheet name is, and their mentions.

"Bowyer" in a sheet is the "Lee Bowyer" of the prose (unless that Bowyer is staff: "the Leeds manager
Terry Jones" is not the sheet's "Jones"); "G Neville" is "Gary Neville" when only one fits;
"Shay Given" is found in the prose even when the entity model missed it; the entity model's
mentions inside a block (it reads lists badly: "Kewell Viduka") are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.linking.people import clean_name, fold
from touchline.nlp.components.teamsheet_items import Span, is_mark
from touchline.nlp.components.teamsheet_parse import SheetBlock, block_names
from touchline.nlp.context import ArticleContext, PersonMention


def drop_block_mentions(ctx: ArticleContext, blocks: list[SheetBlock]) -> None:
    """The entity model reads lists badly ("Kewell Viduka"): forget its mentions inside blocks."""

    def inside(start: int, end: int) -> bool:
        return any(start < b.end and b.start < end for b in blocks)

    kept = [m for m in ctx.person_mentions if not inside(m.start, m.end)]
    dropped = [m for m in ctx.person_mentions if inside(m.start, m.end)]
    still_used = {m.canonical for m in kept}
    bogus = {m.canonical for m in dropped} - still_used
    for name in bogus:
        _forget_name(ctx, name)
        ctx.people.team.pop(name, None)
    ctx.person_mentions = kept


def learn_full_names(ctx: ArticleContext, blocks: list[SheetBlock]) -> None:
    """Full names printed in a sheet ("Lee Bowyer") let the prose's surnames resolve onto them."""
    for block in blocks:
        for span in block_names(block):
            toks = span.text.split()
            if len(toks) >= 2 and not _is_initial(toks[0]):
                ctx.people.add(_uncapped(span.text))


def prose_full_names(ctx: ArticleContext, blocks: list[SheetBlock]) -> None:
    """'Shay Given' in the prose when the sheet prints 'Given' and the entity model missed the full name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    surnames = set()
    for b in blocks:
        for span in block_names(b):
            known = ctx.people.resolve(span.text)
            toks = span.text.split()
            if len(toks) <= 3 and not _is_initial(toks[0]) and (known is None or known == span.text):
                surnames.add(span.text)
    if not surnames:
        return
    alt = "|".join(_surname_pattern(s) for s in sorted(surnames, key=len, reverse=True))
    taken = [(g.start, g.end) for g in ctx.gaz] + [
        (m.start, m.end) for m in ctx.person_mentions if m.text not in surnames
    ]
    renamed: dict[str, str] = {}
    for hit in re.finditer(rf"\b([A-Z][a-zà-ÿ'’\-]+) ({alt})\b", ctx.body):
        s, e = hit.span()
        first = hit.group(1)
        if (
            in_blocks(s, blocks)
            or first.casefold() in STOP_WORDS
            or first.casefold() in _not_first_names()
            or first in surnames
            or any(a < e and s < b for a, b in taken)
        ):
            continue
        old = ctx.people.resolve(hit.group(2))
        if (
            old is not None
            and len(old.split()) < len(hit.group(0).split())
            and fold(hit.group(0)).endswith(fold(old))
        ):
            _forget_name(ctx, old)
        full = ctx.people.add(hit.group(0))
        if full is None:
            continue
        if old is not None and old != full:
            renamed[old] = full
        ctx.person_mentions = [m for m in ctx.person_mentions if not (s <= m.start and m.end <= e)]
        ctx.person_mentions.append(PersonMention(s, e, hit.group(0), full))
    if renamed:
        ctx.person_mentions = [
            PersonMention(m.start, m.end, m.text, renamed.get(m.canonical, m.canonical))
            for m in ctx.person_mentions
        ]


def _surname_pattern(surname: str) -> str:
    """A sheet surname as a regex; a leading particle matches either case ("Van Veen" ~ "van Veen")."""
    first, _, rest = surname.partition(" ")
    if rest and is_mark(first, "particles"):
        return rf"(?i:{re.escape(first)})\ {re.escape(rest)}"
    return re.escape(surname)


def _forget_name(ctx: ArticleContext, name: str) -> None:
    """Drop a short form ("Defoe", "Mac Allister") from the index so its full form can take its place."""
    ctx.people.full_names = [n for n in ctx.people.full_names if n != name]
    singles = getattr(ctx.people, "singles", None)
    if isinstance(singles, list) and name in singles:
        singles.remove(name)


@lru_cache(maxsize=1)
def _not_first_names() -> frozenset[str]:
    lines = (DATA_DIR / "teamsheet" / "not_first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _staff_words() -> re.Pattern[str]:
    lines = (DATA_DIR / "teamsheet" / "staff_words.txt").read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _is_staff(ctx: ArticleContext, full: str, blocks: list[SheetBlock]) -> bool:
    """A prose full name with a staff word beside it ("the Wednesday manager Dave Jones")."""
    for m in ctx.person_mentions:
        if (
            m.canonical != full
            or in_blocks(m.start, blocks)
            or fold(m.text).split()[-1:] != fold(full).split()[-1:]
        ):
            continue  # only mentions that carry the surname ("Paul" in a quote says nothing)
        sentence = ctx.sentence_at(m.start)
        before = ctx.body[max(sentence.start, m.start - 40) : m.start]
        after = ctx.body[m.end : min(sentence.end, m.end + 40)]
        staff = _staff_words().pattern
        # "Leeds manager Terry Jones", "the manager, Terry Jones" / "Terry Jones, the Leeds manager"
        if re.search(rf"{staff}\s*,?\s*$", before, re.IGNORECASE) or re.match(
            rf"\s*,\s*(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?{staff}", after, re.IGNORECASE
        ):
            return True
        if _speaks_as_staff(ctx, m, blocks):
            return True
    return False


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_SAID = r"(?:said|says|added|admitted|insisted|explained|reflected|conceded|told)"


def _speaks_as_staff(ctx: ArticleContext, mention: PersonMention, blocks: list[SheetBlock]) -> bool:
    """'Dave Jones said ... "...," the Wednesday manager said.': the one person outside the quotes of a
    paragraph that attributes a quote to "the ... manager"."""
    para = ctx.paragraph_at(mention.start)
    if para is None:
        return False
    quoted = [(para.start + q.start(), para.start + q.end()) for q in _QUOTED.finditer(para.text)]
    if any(a <= mention.start < b for a, b in quoted):
        return False
    outside = {
        m.canonical
        for m in ctx.person_mentions
        if para.start <= m.start < para.end
        and not in_blocks(m.start, blocks)
        and not any(a <= m.start < b for a, b in quoted)
    }
    if outside != {mention.canonical}:
        return False
    attribution = rf"\bthe\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_staff_words().pattern})\s+{_SAID}\b"
    return re.search(attribution, para.text, re.IGNORECASE) is not None


def _is_initial(tok: str) -> bool:
    return len(tok.rstrip(".")) == 1 and tok[0].isupper()


def _uncapped(name: str) -> str:
    """'O'BRIEN' → "O'Brien", 'S McPHAIL' → 'S McPhail'; words already in mixed case are left alone."""
    words = []
    for w in name.split():
        if re.fullmatch(r"Mc[A-Z]{2,}", w):
            w = "Mc" + w[2:].capitalize()
        elif len(w) > 2 and w.isupper():
            w = w.title()
        words.append(w)
    return " ".join(words)


def resolve_sheet_name(ctx: ArticleContext, text: str) -> str:
    """The canonical name for a sheet name: the prose's full name when it is unique, else as printed."""
    name = _uncapped(clean_name(text))
    toks = name.split()
    if len(toks) >= 2 and _is_initial(toks[0]):
        surname = fold(" ".join(toks[1:])).split()
        initial = fold(toks[0])[0]
        hits = [
            f
            for f in ctx.people.full_names
            if fold(f).split()[-len(surname) :] == surname
            and fold(f)[0] == initial
            and len(f.split()) > len(surname)
        ]
        return hits[0] if len(hits) == 1 else name
    full = ctx.people.resolve(name)
    if full is None or full == name:
        return name
    if len(toks) < len(full.split()) and _is_staff(ctx, full, ctx.notes.get("_teamsheet_blocks", [])):
        return name  # "Jones" in the sheet is not the manager Dave Jones
    return full


def add_mention(ctx: ArticleContext, span: Span, canonical: str) -> None:
    if not any(m.start == span.start and m.end == span.end for m in ctx.person_mentions):
        ctx.person_mentions.append(PersonMention(span.start, span.end, span.text, canonical))


def prose_surnames(ctx: ArticleContext, blocks: list[SheetBlock]) -> None:
    """Prose mentions of a sheet-only surname ("Viduka's header") that the entity model did not tag."""
    singles = {
        m.canonical for m in ctx.person_mentions if " " not in m.canonical and in_blocks(m.start, blocks)
    }
    if not singles:
        return
    taken = [(m.start, m.end) for m in ctx.person_mentions] + [(g.start, g.end) for g in ctx.gaz]
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(s) for s in sorted(singles, key=len, reverse=True)) + r")\b"
    )
    for hit in pattern.finditer(ctx.body):
        s, e = hit.start(1), hit.end(1)
        if in_blocks(s, blocks) or any(a < e and s < b for a, b in taken):
            continue
        sentence = ctx.sentence_at(s)
        if sentence.start == s or ctx.body[s - 2 : s].strip() in ('"', "“", "‘", "'"):
            continue  # "Given the ..." at a sentence start is not a keeper
        ctx.person_mentions.append(PersonMention(s, e, hit.group(1), hit.group(1)))


def in_blocks(offset: int, blocks: list[SheetBlock]) -> bool:
    return any(b.start <= offset < b.end for b in blocks)
