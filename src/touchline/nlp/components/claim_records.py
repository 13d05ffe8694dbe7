"""Record and streak claims: "his 20th goal of the season", "a fifth successive away win", "have won only
two of their last 10 League games", "unbeaten in 64 Premier League matches", "their winless run extended
to eight games", "have not won the championship since 1990".

The patterns of ``data/claims/records.tsv`` run over the masked sentence (see ``claims.mask``). The value
is the matched phrase as the body writes it; the subject is the determiner's owner ("his" → the person
named last before it, "their"/"a" → the club, as in ``claims._subject``). An ordinal + noun is a match
event, not a record, unless something makes it a tally: a streak word ("successive"), a qualifier after
it ("of the season", "for the club", "in six games", "since 2011"), a competition or club before the
noun ("first Chelsea goal"), or a round-number milestone ("300th appearance"). Hedged, conditional and
prospective wording ("bid for a third successive win", "could be his 100th appearance") is dropped, and
so is anything inside quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from touchline.models import Claim
from touchline.nlp.components import claims as base
from touchline.nlp.components.roles import in_quotation
from touchline.nlp.context import ArticleContext

# a cheap test on the raw sentence before masking: one of these must be in it
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|"
    r"twentieth|thirtieth|\d+(?:st|nd|rd|th))"
)
# a cheap test on the raw sentence before masking: every pattern needs one of these
_TRIGGER = re.compile(
    rf"\b{_ORDINAL_WORD}\s+(?:[\w'’-]+\s+){{0,3}}?(?:goals?|strike|appearances?|start|cap|hat-trick|penalty|"
    r"assist|game|match|wins?|victory|victories|defeats?|loss|draw|clean\s+sheet|shut-out|title|trophy)\b|"
    r"\b(?:successive|consecutive|straight|unbeaten|winless|undefeated|without\s+a)\b|"
    r"\bwon\s+(?:only\s+|just\s+)?\w+\s+(?:times\s+)?(?:of|from|in)\b|\bwins\s+from\b|"
    r"\b(?:lost|won|drawn)\s+(?:each\s+of\s+)?(?:their|its)\s+(?:last|past|previous)\b|"
    r"\bsince\s+(?:[\w'’-]+\s+){0,4}?(?:19|20)\d\d|\b(?:losing|winning|scoreless|goalless)\s+(?:run|streak)|"
    r"\b(?:quickest|fastest|biggest|heaviest|longest|highest|lowest)\b|\b(?:best|worst)[\s-]+(?:ever|start|run|finish)\b",
    re.IGNORECASE,
)
_STREAK = re.compile(r"\b(?:successive|consecutive|straight|unbeaten|winless)\b", re.IGNORECASE)
_MOD_WORDS = frozenset(
    "league top-flight international senior competitive career european premier professional first-team home away england club".split()  # noqa: SIM905
)
# prospects, not facts: "a bid for a third successive win", "in search of his 100th goal"
_PROSPECT = re.compile(
    r"\b(?:bid(?:ding)?\s+for|chas(?:e|es|ing)|seek(?:s|ing)?|look(?:s|ing)?\s+for|go(?:es|ing)?\s+for|"
    r"search\s+of|hopes?\s+of|hoping\s+for|chance\s+of|aim(?:s|ing)?\s+for|target(?:s|ing)?|eye(?:s|ing)?|"
    r"pursuit\s+of|quest\s+for|hunt\s+for|attempt(?:s|ing)?\s+to|tr(?:y|ies|ying)\s+to|within\s+reach|"
    r"avoid(?:s|ing)?|prevent(?:s|ing)?|stop(?:s|ping)?|deny|denied|denying|thought|believed|appeared\s+to)"
    r"\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
# "still awaiting his first win in charge": the record is the wait, so the words join the value
_WAITING = re.compile(
    r"\b(?:(?:still\s+)?(?:awaiting|waiting\s+for|without|yet\s+to\s+\w+))\s+$", re.IGNORECASE
)
_MODS = r"(?:(?!(?:and|or|but|of|in|to|for|with|as|at|by|from|the|a|an|his|her|their|its|after|before)\b)(?:[\w-]+|COMP\d+|CLUB\d+)['’]?\s+){0,3}?"


@dataclass(frozen=True)
class RecordPattern:
    gate: str  # "milestone" (an ordinal + noun that needs a qualifier) or "any"
    regex: re.Pattern[str]


def _lines(name: str) -> list[str]:
    text = (base.CLAIM_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def nouns() -> dict[str, str]:
    """Record noun → who holds it: person, team or either."""
    return {
        row.split("\t")[0].strip().casefold(): row.split("\t")[1].strip()
        for row in _lines("record_nouns.tsv")
    }


@lru_cache(maxsize=1)
def patterns() -> list[RecordPattern]:
    numbers = "|".join(sorted((re.escape(w) for w in base.number_words()), key=len, reverse=True))
    number = rf"(?:\d{{1,3}}|{numbers})"
    place = r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}"
    quals = [q.replace("{N}", number).replace("{PLACE}", place) for q in _lines("record_qualifiers.txt")]
    noun = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns(), key=len, reverse=True))
    out = []
    for row in _lines("records.tsv"):
        gate, regex = row.split("\t", 1)
        regex = (
            regex.replace("{ORD}", r"(?P<o>ORD\d+|\d{3,4}(?:st|nd|rd|th))")
            .replace("{MODS}", rf"(?P<m>{_MODS})")
            .replace("{NOUN}", rf"(?P<n>{noun})\b")
            .replace("{QUAL}", rf"(?P<q>\s+(?:{'|'.join(f'(?:{q})' for q in quals)}))?")
            .replace("{S}", base._SUBJECT)
            .replace("{GAP}", base._GAP)
            .replace("{N}", number)
        )
        out.append(RecordPattern(gate.strip(), re.compile(regex, re.IGNORECASE)))
    return out


def _is_tally(m: re.Match[str], masked: base.Masked) -> bool:
    """An ordinal + noun that is a record rather than a match event ("his second goal")."""
    mods = m.group("m") or ""
    if _STREAK.search(mods):
        return True
    det = m.group("d").casefold()
    if det == "the" or nouns().get(_noun(m)) == "streak":
        return False  # "scored the first two goals for Hearts", "his first game in charge": events
    if m.group("q"):
        return True
    if det in ("a", "an"):
        return False  # "a second win" needs a streak word or a qualifier
    if re.search(r"\b(?:COMP|CLUB)\d+", mods) or any(w.casefold() in _MOD_WORDS for w in mods.split()):
        return True
    ordinal = m.group("o")
    value = (
        masked.tokens[ordinal.upper()][1] if ordinal.upper() in masked.tokens else re.sub(r"\D", "", ordinal)
    )
    return value.isdigit() and int(value) >= 50 and int(value) % 50 == 0


def _noun(m: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", (m.groupdict().get("n") or "").casefold())


def _body_end(masked: base.Masked, pos: int) -> int:
    """The body offset just after masked position ``pos - 1`` (a token ends where its name ends)."""
    for token, mpos in masked.positions.items():
        if mpos < pos <= mpos + len(token):
            after = [b for m, b, _n in masked.pieces if m >= mpos + len(token)]
            return after[0] if after else masked.to_body(pos - 1) + 1
    return masked.to_body(pos - 1) + 1


# a person right after these words is the object ("beat Mark Schwarzer ... for his 11th goal")
_OBJECT_BEFORE = frozenset(
    [
        "beat",
        "beating",
        "past",
        "round",
        "around",
        "rounded",
        "beyond",
        "deny",
        "denied",
        "denying",
        "fouled",
        "tackled",
    ]
)


def _nearest(masked: base.Masked, kind: str, at: int) -> str | None:
    before = [
        t
        for t, pos in masked.positions.items()
        if t.startswith(kind)
        and pos < at
        and not (kind == "PER" and base._word_before(masked.text, pos) in _OBJECT_BEFORE | base._OPPONENT)
    ]
    return masked.tokens[max(before, key=lambda t: masked.positions[t])][1] if before else None


def _holder(
    ctx: ArticleContext, masked: base.Masked, m: re.Match[str], previous_club: str | None
) -> str | None:
    groups = m.groupdict()
    if groups.get("s"):
        return base._subject(masked, groups["s"], m.start("s"), previous_club, ctx.people.team, True)
    det = groups.get("d") or ""
    at = m.start("d")
    owner = re.match(r"(?:PER|CLUB)\d+", det, re.IGNORECASE)
    if owner:
        return masked.tokens[owner.group(0).upper()][1]
    lowered = det.casefold()
    if lowered in ("his", "her"):
        # "Petr Cech, who was making his 300th appearance": the relative pronoun's antecedent
        rel = re.search(r"(PER\d+),?\s+(?:who|whose)\b[^.;]*$", masked.text[:at])
        return masked.tokens[rel.group(1)][1] if rel else _nearest(masked, "PER", at)
    holder = nouns().get(_noun(m), "team")
    if lowered in ("a", "an", "the") and holder == "person":
        return _nearest(masked, "PER", at)
    # "a Wigan side who suffered a fifth loss": the relative pronoun's antecedent
    rel = re.search(
        r"(CLUB\d+)(?:\s+(?:side|team|men|outfit))?,?\s+(?:who|which|that)\b[^.;]*$", masked.text[:at]
    )
    if rel:
        return masked.tokens[rel.group(1)][1]
    # "Stoke's recovery went on with a fourth win in a row": the nearest club not framed as
    # the opponent ("against Cardiff"); a possessive club counts here
    clubs = [
        t
        for t, pos in masked.positions.items()
        if t.startswith("CLUB") and pos < at and base._word_before(masked.text, pos) not in base._OPPONENT
    ]
    if clubs:
        return masked.tokens[max(clubs, key=lambda t: masked.positions[t])][1]
    return previous_club if lowered in ("their", "its") else None


def _hedged(masked: base.Masked, m: re.Match[str]) -> bool:
    first = m.start("s") if m.groupdict().get("s") else m.start()
    clause = re.split(r"[,;:–—(]\s", masked.text[:first])[-1]
    lead = masked.text[max(0, first - 40) : m.start("v")]
    if base._hedged_text(clause + " " + lead) or _PROSPECT.search(masked.text[: m.start()]):
        return True
    return base._CONDITIONAL.search(masked.text[:first]) is not None


def triggered(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether a sentence can hold a record at all (tested before it is masked)."""
    raw = ctx.body[start:end]
    return _TRIGGER.search(raw) is not None and not raw.rstrip().endswith("?")


def records_in_sentence(
    ctx: ArticleContext,
    start: int,
    end: int,
    previous_club: str | None = None,
    masked: base.Masked | None = None,
) -> list[Claim]:
    if not triggered(ctx, start, end):
        return []
    masked = masked or base.mask(ctx, start, end)
    out: list[Claim] = []
    for pat in patterns():
        for m in pat.regex.finditer(masked.text):
            if pat.gate == "milestone" and not _is_tally(m, masked):
                continue
            if in_quotation(ctx, masked.to_body(m.start("v"))) or _hedged(masked, m):
                continue
            subject = _holder(ctx, masked, m, previous_club)
            if subject is None:
                continue
            vstart = masked.to_body(m.start("v"))
            wait = _WAITING.search(masked.text[max(0, m.start() - 30) : m.start()])
            if wait and m.groupdict().get("d"):
                vstart = masked.to_body(m.start() - len(wait.group(0)))
            value = re.sub(r"\s+", " ", ctx.body[vstart : _body_end(masked, m.end("v"))]).strip()
            out.append(Claim("record", subject, value, [ctx.evidence(start, end)]))
    return out
