"""Claims: league position, points, relegation/promotion, knock-outs and records the text states.

Each sentence outside quotation marks is masked — clubs become ``CLUB0``…, competitions ``COMP0``…,
people ``PER0``…, ordinal words ``ORD0``… — and the patterns of ``touchline/data/claims/patterns.tsv``
run over it. "they"/"them" is the nearest club named before it in the sentence. A claim whose
wording is hedged or about the future ("would have helped Southampton move onto 12 points", "could
go top") is not a fact and is dropped. Evidence is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.models import Claim
from touchline.nlp.components.match_lexicon import required_parts
from touchline.nlp.components.roles import in_quotation
from touchline.nlp.context import ArticleContext

CLAIM_DIR = DATA_DIR / "claims"
_SIDE = r"(?:PER\d+['’]s?|his|her|PER\d+,\s+whose)\s+(?:side|team|men|charges|troops)\b"
_BOTH = r"both\s+(?:sides|teams|clubs)"
_SUBJECT = rf"(?:{_SIDE}|CLUB\d+|PER\d+|they|them|the\s+(?:club|side|team)|{_BOTH})"
_CLUBS = r"CLUB\d+(?:(?:\s*,\s*|\s*,?\s+and\s+)CLUB\d+)*"
# "go into the game", "head into Saturday's derby": the standing a side takes into a fixture
_INTO = (
    r"(?:go|goes|going|went|head|heads|heading|headed)\s+into\s+(?:the|this|today['’]s|tomorrow['’]s|"
    r"tonight['’]s|\w+day['’]s|\w+['’]s?)\s+(?:[\w-]+\s+)?(?:game|match|fixture|derby|clash|tie|weekend|"
    r"meeting|contest|encounter|round\s+of\s+fixtures)"
)


# words before a club that make it the other side, not what "they"/"them" points back to
def _word_list(name: str) -> frozenset[str]:
    text = (CLAIM_DIR / name).read_text(encoding="utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=4)
def _word_list_cased(name: str) -> frozenset[str]:
    text = (CLAIM_DIR / name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


_OPPONENT = _word_list("opponent_words.txt")
_COMPARE = frozenset({"of", "than", "with", "to"})  # "one ahead of Brighton": a rival in the table
_GAP = r"(?:(?!CLUB\d|PER\d)[^.;:!?]){0,60}?"
_LONGGAP = r"(?:(?!CLUB\d|PER\d)[^.;:!?]){0,130}?"
_CONDITIONAL = re.compile(r"(?:^|[,;:(–—]\s*)(?:if|unless|should)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:they|them|the\s+(?:club|side|team))$", re.IGNORECASE)


@dataclass(frozen=True)
class Pattern:
    kind: str
    value: str
    regex: re.Pattern[str]
    gapped: bool  # the subject may stand far from its verb, so an opponent-framed club is not it
    # named parts every match needs (the subject, a competition): a sentence one is not in is skipped
    needs: tuple[re.Pattern[str], ...] = ()


def _rows(name: str) -> list[list[str]]:
    text = (CLAIM_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    return {word.casefold(): value for word, value in _rows("numbers.tsv")}


@lru_cache(maxsize=1)
def patterns() -> list[Pattern]:
    out = []
    numbers = "|".join(sorted((re.escape(w) for w in number_words()), key=len, reverse=True))
    for kind, value, regex in _rows("patterns.tsv"):
        gapped = "GAP}" in regex
        regex = (
            regex.replace("{S}", _SUBJECT)
            .replace("{GAP}", _GAP)
            .replace("{LONGGAP}", _LONGGAP)
            .replace("{N}", rf"(?:\d{{1,3}}|{numbers})")
            .replace("{CLUBS}", _CLUBS)
            .replace("{INTO}", _INTO)
        )
        # the shared named parts (subject, competition, ordinal) first; lookarounds hold almost anywhere
        parts = sorted(
            (part for part in required_parts(regex) if not part.startswith(("(?=", "(?!", "(?<"))),
            key=lambda part: not part.startswith("(?P<"),
        )
        needs = tuple(re.compile(part, re.IGNORECASE) for part in parts)
        out.append(Pattern(kind.strip(), value.strip(), re.compile(regex, re.IGNORECASE), gapped, needs))
    return out


@lru_cache(maxsize=1)
def ordinals() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {word.casefold(): number for word, number in _rows("ordinals.tsv")}
    alt = "|".join(sorted(table, key=len, reverse=True))
    pattern = rf"(?<![\w-])(?:{alt}|\d{{1,2}}(?:st|nd|rd|th))(?![\w])(?:(?=-placed)|(?!-))"
    return re.compile(pattern, re.IGNORECASE), table


@dataclass
class Masked:
    text: str
    tokens: dict[str, tuple[str, str]]  # token → (kind, canonical or value)
    positions: dict[str, int]  # token → offset in the masked text
    body_offsets: dict[str, int]  # token → offset in the body
    pieces: list[tuple[int, int, int]]  # (masked start, body start, body length) of each unmasked stretch

    def to_body(self, pos: int) -> int:
        """The body offset of a position in the masked text (a token maps to where its name starts)."""
        for token, mpos in self.positions.items():
            if mpos <= pos < mpos + len(token):
                return self.body_offsets[token]
        best = self.pieces[0][1]
        for mstart, bstart, _length in self.pieces:
            if mstart <= pos:
                best = bstart + (pos - mstart)
        return best


def _opening_name(ctx: ArticleContext, start: int, end: int) -> tuple[int, int, str] | None:
    """ "Forest go into the game 11th": a short name opening the sentence that the gazetteer only trusts
    before football words, taken as the club when the article names that club elsewhere."""
    m = re.match(r"\s*((?-i:[A-Z])[\w'’.-]+)\s+([a-z]+)\b", ctx.body[start:end])
    if m is None or ctx.gaz_in(start + m.start(1), start + m.end(1)):
        return None
    named = {g.canonical for g in ctx.gaz if g.kind == "club"}
    club = ctx.gazetteer.club(m.group(1), context=named)
    if club is None or (club not in named and m.group(2) not in _word_list("table_verbs.txt")):
        return None
    return start + m.start(1), start + m.end(1), club


def mask(ctx: ArticleContext, start: int, end: int) -> Masked:
    """The sentence with clubs, competitions, people and ordinals replaced by numbered tokens."""
    spans: list[tuple[int, int, str, str]] = []
    for g in ctx.gaz_in(start, end):
        if g.kind in ("club", "competition"):
            spans.append((g.start, g.end, "CLUB" if g.kind == "club" else "COMP", g.canonical))
    for p in ctx.people_in(start, end):
        if not any(s < p.end and p.start < e for s, e, _k, _c in spans):
            spans.append((p.start, p.end, "PER", p.canonical))
    opener = _opening_name(ctx, start, end)
    if opener is not None and not any(s < opener[1] and opener[0] < e for s, e, _k, _c in spans):
        spans.append((opener[0], opener[1], "CLUB", opener[2]))
    ord_re, table = ordinals()
    for m in ord_re.finditer(ctx.body, start, end):
        a, b = m.start(), m.end()
        if not any(s < b and a < e for s, e, _k, _c in spans):
            word = m.group(0).casefold()
            spans.append((a, b, "ORD", table.get(word) or re.sub(r"\D", "", word)))
    spans.sort()
    pieces: list[str] = []
    tokens: dict[str, tuple[str, str]] = {}
    positions: dict[str, int] = {}
    body_offsets: dict[str, int] = {}
    cursor = start
    counts: dict[str, int] = {}
    length = 0
    stretches: list[tuple[int, int, int]] = []
    for s, e, kind, value in spans:
        stretches.append((length, cursor, s - cursor))
        pieces.append(ctx.body[cursor:s])
        length += s - cursor
        token = f"{kind}{counts.get(kind, 0)}"
        counts[kind] = counts.get(kind, 0) + 1
        tokens[token] = (kind, value)
        positions[token] = length
        body_offsets[token] = s
        pieces.append(token)
        length += len(token)
        cursor = e
    pieces.append(ctx.body[cursor:end])
    stretches.append((length, cursor, end - cursor))
    return Masked("".join(pieces), tokens, positions, body_offsets, stretches)


def _subject(
    masked: Masked,
    token: str,
    at: int,
    previous: str | None = None,
    teams: dict[str, str | None] | None = None,
    gapped: bool = False,
) -> str | None:
    """The canonical subject; "they"/"them" is the nearest club before it in the sentence that is not
    framed as the opponent, else the club the previous sentence opened with (``previous``);
    "Moran's side"/"his side" is that person's club (``teams``)."""
    if _PRONOUN.match(token):
        before = [
            t
            for t, pos in masked.positions.items()
            if t.startswith("CLUB")
            and pos < at
            and _word_before(masked.text, pos) not in _OPPONENT
            # "better Colchester's result": a possessive names a thing of the club, not a subject
            and not re.match(r"['’]s?\s+(?!side|team|men|women)[a-z]", masked.text[pos + len(t) :])
        ]
        if not before:
            return previous
        token = max(before, key=lambda t: masked.positions[t])
    side = re.match(r"(PER\d+|his|her)\b", token, re.IGNORECASE)
    if side and re.match(_SIDE, token, re.IGNORECASE):
        person = side.group(1)
        if not person.upper().startswith("PER"):
            people = [t for t, pos in masked.positions.items() if t.startswith("PER") and pos < at]
            if not people:
                return None
            person = max(people, key=lambda t: masked.positions[t])
        return teams.get(masked.tokens[person.upper()][1]) if teams is not None else None
    hit = masked.tokens.get(token.upper())
    if (
        gapped
        and hit
        and hit[0] == "CLUB"
        and _word_before(masked.text, masked.positions[token.upper()]) in _OPPONENT
    ):
        # "relegated despite a win at Brentford, finishing on 51 points": not Brentford
        return _subject(masked, "they", masked.positions[token.upper()], None, teams, gapped)
    return hit[1] if hit else None


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w-]+)\W*$", text[:pos])
    if m is None:
        return ""
    if m.group(1).casefold() == "with" and re.search(r"(?:^|[,;(]\s*|\band\s+)with\W*$", text[:pos], re.I):
        return ""  # ", with Spurs bottom of the table": an absolute clause, Spurs is its subject
    return m.group(1).casefold()


def _hedged_text(text: str) -> bool:
    from touchline.nlp.components.roles import lexicon

    return lexicon().hedge_re.search(text) is not None


def _listed_before(masked: Masked, at: int) -> list[str]:
    """Clubs listed right before a subject: "Burnley, Hull City and Portsmouth were relegated"."""
    m = re.search(r"(?:CLUB\d+(?:\s*,\s*|\s+and\s+))+$", masked.text[:at])
    if m is None:
        return []
    return [masked.tokens[t][1] for t in re.findall(r"CLUB\d+", m.group(0))]


_KNOCKOUT = re.compile(
    r"\b(?:cup|trophy|shield|vase|champions\s+league|europa|conference\s+league|play-?offs?)\b", re.I
)


def _competition_before(ctx: ArticleContext, pos: int) -> str | None:
    """The knock-out competition named last before ``pos`` (a league cannot knock a club out)."""
    comps = [g for g in ctx.gaz if g.kind == "competition" and g.end <= pos and _KNOCKOUT.search(g.canonical)]
    return comps[-1].canonical if comps else None


def _present(part: re.Pattern[str], text: str, seen: dict[re.Pattern[str], bool]) -> bool:
    if part not in seen:
        seen[part] = part.search(text) is not None
    return seen[part]


def _candidates(pat: Pattern, text: str) -> list[re.Match[str]]:
    """The pattern's matches; after one whose subject is a person ("PER0, with the club sitting 23rd"),
    the search goes on from just after that person, so a later subject in the same stretch is found."""
    out: list[re.Match[str]] = []
    pos = 0
    while pos <= len(text):
        m = pat.regex.search(text, pos)
        if m is None:
            break
        out.append(m)
        person = pat.kind != "record" and re.fullmatch(r"PER\d+", m.group("s") or "")
        pos = m.start("s") + len(m.group("s")) if person else max(m.end(), m.start() + 1)
    return out


def claims_in_sentence(
    ctx: ArticleContext, start: int, end: int, previous_club: str | None = None, masked: Masked | None = None
) -> list[Claim]:
    masked = masked or mask(ctx, start, end)
    out: list[Claim] = []
    present: dict[re.Pattern[str], bool] = {}
    for pat in patterns():
        if not all(_present(part, masked.text, present) for part in pat.needs):
            continue  # a part every match needs is nowhere in the sentence
        for m in _candidates(pat, masked.text):
            token = m.group("s")
            if pat.kind != "record" and re.fullmatch(r"PER\d+", token):
                continue  # a person is not relegated or on 11 points; their side is
            pair = _both(ctx, masked, m.start("s"), start) if re.fullmatch(_BOTH, token, re.I) else []
            subject = (
                pair[0]
                if pair
                else _subject(masked, token, m.start("s"), previous_club, ctx.people.team, pat.gapped)
            )
            if subject is None:
                continue
            anchor = masked.to_body(m.start("s"))
            if in_quotation(ctx, anchor) or in_quotation(ctx, masked.to_body(max(m.start(), m.end() - 1))):
                continue
            if pat.kind != "record":
                first = min(m.start(), m.start("s"))
                lead = re.split(r"[,;:]\s", masked.text[max(0, first - 40) : first])[-1]
                # a relative clause's hedge is not the main verb's: "Ipswich, who could go down, are 19th"
                inner = re.sub(r",\s*(?:who|which)\b[^,]*,", ",", masked.text[m.start("s") : m.end()])
                clause = re.search(r"[,;]\s+(?:and|but|while|whereas)\s+", inner)
                if clause is not None:
                    # "could only draw at home to X, and they go down": a new clause has its own verb
                    lead, inner = "", inner[clause.end() :]
                if m.start() < m.start("s") and m.end() == m.end("s"):
                    # attributive ("behind leaders Liverpool", "already-relegated Derby"): presupposed, so
                    # only a hedge right before it counts ("would have relegated Burnley")
                    lead = masked.text[max(0, m.start() - 14) : m.start()]
                    inner = ""
                if _hedged_text(lead) or _hedged_text(inner):
                    continue
                if _CONDITIONAL.search(masked.text[:first]):
                    continue  # "If they lose, Burnley are relegated": a condition, not a fact
                tail = masked.text[m.end() : m.end() + 12]
                if re.match(r"\s*(?:if|unless)\b", tail, re.IGNORECASE):
                    continue
            value = pat.value
            groups = m.groupdict()
            if "{comp}" in value:
                inside = re.findall(r"COMP\d+", m.group(0))
                comp = (
                    masked.tokens[groups["c"].upper()][1]
                    if groups.get("c")
                    else masked.tokens[inside[0]][1]
                    if inside
                    else _competition_before(ctx, anchor)
                )
                value = comp or value
            if value == "{promo}":
                league = masked.tokens[groups["c"].upper()][1] if groups.get("c") else None
                value = "true" if league in _word_list_cased("promotion_leagues.txt") else value
            if "{ord}" in value and groups.get("o"):
                value = masked.tokens[groups["o"].upper()][1]
            if "{n}" in value and groups.get("n"):
                value = number_words().get(groups["n"].casefold(), groups["n"])
            if "{" in value:
                continue
            subjects = [subject] if pat.kind == "record" else [*_listed_before(masked, m.start("s")), subject]
            if groups.get("w"):  # "go down with Notts County, Yeovil Town and Leyton Orient"
                subjects += [masked.tokens[t][1] for t in re.findall(r"CLUB\d+", groups["w"])]
            if pair:
                subjects = pair
            for who in dict.fromkeys(subjects):
                out.append(Claim(pat.kind, who, value, [ctx.evidence(start, end)]))
    return out


def _both(ctx: ArticleContext, masked: Masked, at: int, start: int) -> list[str]:
    """ "Both sides are on 34 points": the two clubs named before it in the sentence, else in the
    sentence before, else the two sides of the article's one match; [] when that is not clear."""
    before = list(dict.fromkeys(masked.tokens[t][1] for t, pos in masked.positions.items()
                                if t.startswith("CLUB") and pos < at))  # fmt: skip
    if len(before) == 2:
        return before
    if not before and start > 0:
        prev = ctx.sentence_at(start - 1)
        named = list(
            dict.fromkeys(
                g.canonical
                for g in ctx.gaz_in(prev.start, prev.end, "club")
                # "thrashing Barnsley", "at Aston Villa" are that day's opponents; "ahead of Brighton" is not
                if _word_before(ctx.body[prev.start : g.start], g.start - prev.start)
                not in _OPPONENT - _COMPARE
            )
        )
        if len(named) == 2:
            return named
    sides = {(m.home, m.away) for m in ctx.facts.matches if m.home and m.away and m.status == "played"}
    if not before and len(sides) == 1:
        home, away = sides.pop()
        return [home, away]
    return []


def _opening_club(ctx: ArticleContext, start: int, end: int) -> str | None:
    clubs = ctx.gaz_in(start, end, "club")
    return clubs[0].canonical if clubs else None


def run(ctx: ArticleContext) -> None:
    from touchline.nlp.components.claim_records import records_in_sentence  # it imports this module

    found: dict[tuple[str, str, str], Claim] = {}
    previous_club: str | None = None
    for sent in ctx.sentences:
        ctx.check_deadline()
        if in_quotation(ctx, sent.start) and in_quotation(ctx, max(sent.start, sent.end - 1)):
            previous_club = None
            continue
        opening = _opening_club(ctx, sent.start, sent.end)
        masked = mask(ctx, sent.start, sent.end)  # shared by the table claims and the records
        found_here = claims_in_sentence(ctx, sent.start, sent.end, previous_club, masked)
        found_here += records_in_sentence(ctx, sent.start, sent.end, previous_club, masked)
        for claim in found_here:
            key = (claim.kind, claim.subject, claim.value)
            if key in found:
                for ev in claim.evidence:
                    if ev not in found[key].evidence:
                        found[key].evidence.append(ev)
            else:
                found[key] = claim
        previous_club = opening
    ctx.facts.claims = list(found.values())
