"""Words and text tests for jobs: the title lexicon, quotation and hedge checks, date phrases,
and the club a job belongs to when the sentence does not say (used by the roles component and
by claims/people/entities).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.nlp.context import ArticleContext

ROLE_DIR = DATA_DIR / "roles"
STAFF = frozenset({"manager", "interim_manager", "youth_coach", "coach", "assistant_manager"})
HEAD = frozenset({"manager", "interim_manager"})
NO_CLUB = frozenset({"referee"})
_SUMMER = re.compile(r"\b(?:in|since|during|over)\s+the\s+summer\b", re.IGNORECASE)


def read_rows(name: str) -> list[list[str]]:
    rows = []
    for line in (ROLE_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Lexicon:
    title_re: re.Pattern[str]
    titles: dict[str, str]
    modifiers: dict[str, tuple[str, frozenset[str]]]
    events: list[tuple[re.Pattern[str], str]]
    adjectives: dict[str, str]
    hedge_re: re.Pattern[str]
    opponent_cues: frozenset[str]
    actions: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    titles = {r[0].casefold(): r[1] for r in read_rows("titles.tsv")}
    modifiers = {r[0].casefold(): (r[1], frozenset(r[2].split("|"))) for r in read_rows("modifiers.tsv")}
    alt_t = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in sorted(titles, key=len, reverse=True))
    alt_m = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(modifiers, key=len, reverse=True))
    title_re = re.compile(rf"(?<![\w-])(?:(?P<mod>{alt_m})[\s-]+)?(?P<title>{alt_t})(?![\w-])", re.IGNORECASE)
    events = [
        (re.compile(rf"(?<![\w-]){r[0]}(?![\w-])", re.IGNORECASE), r[1]) for r in read_rows("events.tsv")
    ]
    adjectives = {r[0].casefold(): r[1] for r in read_rows("title_adjectives.tsv")}
    hedges = [re.escape(r[0]).replace(r"\ ", r"\s+") for r in read_rows("hedges.txt")]
    hedge_re = re.compile(rf"(?<![\w])(?:{'|'.join(hedges)})(?![\w])", re.IGNORECASE)
    actions = re.compile("|".join(f"(?:{r[0]})" for r in read_rows("manager_actions.txt")), re.IGNORECASE)
    cues = frozenset(r[0].casefold() for r in read_rows("opponent_cues.txt"))
    return Lexicon(title_re, titles, modifiers, events, adjectives, hedge_re, cues, actions)


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    role: str


def find_titles(text: str) -> list[Title]:
    """Every job title in ``text`` with the role it names ("Under-21s boss" → youth_coach)."""
    lex = lexicon()
    out = []
    for m in lex.title_re.finditer(text):
        title = " ".join(m.group("title").casefold().replace("-", " ").split())
        role = lex.titles.get(title) or lex.titles.get(m.group("title").casefold())
        if role is None:
            continue
        mod = m.group("mod")
        start = m.start()
        if mod:
            new_role, applies = lex.modifiers[" ".join(mod.casefold().split())]
            if role in applies or "*" in applies:
                role = new_role
            else:
                start = m.start("title")
        out.append(Title(start, m.end(), role))
    return out


def description_role(text: str) -> str | None:
    """The role a description names ("the Under-21s boss" → youth_coach), or None."""
    titles = find_titles(text)
    return titles[-1].role if titles else None


@dataclass
class RoleMention:
    person: str
    role: str
    club: str | None
    event: str
    start: int  # the title (or act) that gives the role
    end: int
    described: bool = False  # from a description with no name ("the Saints boss")
    unknown_club: bool = False  # the text names a club the gazetteer does not know ("Wolfsburg head coach")
    boss_of: str | None = None  # "Lyle's assistant": the club is that person's
    explicit: bool = False  # the club comes from the sentence itself, not from elsewhere in the article
    act: bool = False  # from a manager's act ("Silva's side"): only the person's own clues give the club
    opposite: bool = False  # "his opposite number": the other side of a two-club report, or unknown
    dates: list[str] = field(default_factory=list)


# ---- text helpers ---------------------------------------------------------------------------
def in_quotation(ctx: ArticleContext, pos: int) -> bool:
    """Inside quotation marks: the quotes component's spans when set, else the marks in the paragraph."""
    if ctx.quote_spans:
        return ctx.in_quote(pos)
    para = ctx.paragraph_at(pos)
    if para is None:
        return False
    marks, states = _quote_marks(ctx, para.start, para.end)
    i = bisect.bisect_left(marks, pos)  # the marks before pos decide
    return states[i - 1] if i > 0 else False


def _quote_marks(ctx: ArticleContext, start: int, end: int) -> tuple[list[int], list[bool]]:
    """Positions of the quotation marks in a paragraph and whether a quotation is open after each
    (worked out once per paragraph: a paragraph-long scan per question made long paragraphs quadratic)."""
    cache = ctx.notes.setdefault("quote_marks", {})
    if start not in cache:
        marks: list[int] = []
        states: list[bool] = []
        inside = False
        body = ctx.body
        for i in range(start, end):
            ch = body[i]
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            elif ch == '"':
                inside = not inside
            else:
                continue
            marks.append(i)
            states.append(inside)
        cache[start] = (marks, states)
    return cache[start]  # type: ignore[no-any-return]


def mask_clubs(ctx: ArticleContext, start: int, end: int) -> str:
    """The text between start and end with each club mention replaced by the word CLUB."""
    text = ctx.body[start:end]
    for g in sorted(ctx.gaz_in(start, end, "club"), key=lambda g: -g.start):
        text = text[: g.start - start] + "CLUB" + text[g.end - start :]
    return text


def club_before(ctx: ArticleContext, pos: int, floor: int) -> str | None:
    """A club mention ending right before ``pos`` ("Fulham manager", "the Cottagers' head coach")."""
    for g in ctx.gaz:
        # "Fulham manager", "the Cottagers' head coach", "Leicester, whose assistant manager,"
        adjacent = (
            re.fullmatch(r"\s*(?:['’]s?)?\s*|\s*,\s*whose\s+", ctx.body[g.end : pos])
            if g.end <= pos
            else None
        )
        if g.kind == "club" and floor <= g.start and adjacent:
            return g.canonical
        if (
            g.kind == "stadium"
            and floor <= g.start
            and adjacent
            and g.canonical in ctx.gazetteer.stadium_club
        ):
            return ctx.gazetteer.stadium_club[g.canonical]  # "Anfield boss": the ground's club
    return None


def nickname_before(ctx: ArticleContext, pos: int, floor: int) -> str | None:
    """ "Toffees gaffer X": a capitalised nickname the gazetteer knows with "the" ("the Toffees"),
    written bare right before a title in headline style. None unless it names exactly one club."""
    m = re.search(r"(?:^|(?<=[\s(]))((?-i:[A-Z])[\w-]+)(?:['’]s?)?\s+$", ctx.body[max(floor, pos - 30) : pos])
    if m is None or ctx.gaz_in(pos - len(m.group(0)), pos):
        return None
    named = {g.canonical for g in ctx.gaz if g.kind == "club"}
    return ctx.gazetteer.club(f"the {m.group(1)}", context=named)


@lru_cache(maxsize=1)
def amicable() -> re.Pattern[str]:
    """Phrases that make a parting agreed ("by mutual consent"): the job is left, not taken away."""
    words = [re.escape(r[0]).replace(r"\ ", r"\s+") for r in read_rows("amicable.txt")]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(words)})(?![\w-])", re.IGNORECASE)


_SUBJECT_CLUB = re.compile(r"^\s*(?:(?:the|[A-Z][\w'’-]*)\s+)?CLUB\s+(?P<rest>[^,;:.()\"“”]{1,70})$")
_OBJECT_TAIL = re.compile(
    r"\s*(?:with\s+|of\s+)?(?:(?:the|their|its|a|new|former|permanent|long-serving|first-team|club)\s+)*$",
    re.IGNORECASE,
)


def subject_club(ctx: ArticleContext, pos: int, sent_start: int) -> str | None:
    """ "Stoke City have parted company with manager X", "Wigan have appointed head coach Y": the club
    that opens the sentence and whose act (an event verb) takes the title at ``pos`` as its object."""
    clubs = ctx.gaz_in(sent_start, pos, "club")
    if not clubs:
        return None
    m = _SUBJECT_CLUB.match(mask_clubs(ctx, sent_start, pos))
    if m is None or "CLUB" in m.group("rest"):
        return None
    rest = m.group("rest")
    for pattern, _event in lexicon().events:
        for e in pattern.finditer(rest):
            if _OBJECT_TAIL.fullmatch(rest[e.end() :]):
                return clubs[0].canonical
    return None


def club_after(ctx: ArticleContext, pos: int, limit: int) -> str | None:
    """ "manager of Hearts", "boss at Celtic"."""
    m = re.match(r"\s+(?:of|at|for)\s+(?:the\s+)?", ctx.body[pos:limit])
    if m is None:
        return None
    for g in ctx.gaz:
        if g.kind == "club" and g.start == pos + m.end():
            return g.canonical
    return None


def sentence_clubs(ctx: ArticleContext, start: int, end: int) -> list[str]:
    """Clubs named in [start, end) that are not framed as an opponent ("against Liverpool", "at Fulham")."""
    lex = lexicon()
    out: list[str] = []
    opponent_end = -1  # where the last opponent ended: "lost to A and B" makes B an opponent too
    for g in ctx.gaz_in(start, end, "club"):
        prev = re.search(r"([\w-]+)\W*$", ctx.body[max(0, g.start - 25) : g.start])
        if (prev and prev.group(1).casefold() in lex.opponent_cues) or (
            opponent_end >= 0
            and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?", ctx.body[opponent_end : g.start])
        ):
            opponent_end = g.end
            continue
        opponent_end = -1
        if g.canonical not in out:
            out.append(g.canonical)
    return out


def hedged(ctx: ArticleContext, start: int, pos: int, certain_future: bool = False) -> bool:
    """A hedge ("could", "set to", "linked with") in the few words before ``pos`` within its clause.

    With ``certain_future`` a plain "will" ("Davis will take charge") is not a hedge: an announced
    appointment is news, while "could take charge" is speculation.
    """
    window = ctx.body[max(start, pos - 40) : pos]
    window = re.split(r"[,;:]\s|\bbut\b|\bafter\b", window)[-1]
    if certain_future:
        window = re.sub(r"\bwill\b|['’]ll\b", " ", window, flags=re.IGNORECASE)
    return lexicon().hedge_re.search(window) is not None


def summer_year(phrase: str, published: str | None) -> str | None:
    if not published:
        return None
    year, month = int(published[:4]), int(published[5:7])
    return str(year if month >= 6 else year - 1) if _SUMMER.search(phrase) else None


def resolve_date(phrase: str, published: str | None, future: bool = False) -> str | None:
    """``touchline.temporal.resolve_relative_date``; ``future`` for what "will" happen ("on Tuesday")."""
    from touchline.temporal import resolve_relative_date

    return resolve_relative_date(phrase, published, future=future)


def date_phrases(text: str) -> list[tuple[int, int, str]]:
    from touchline.temporal import find_date_expressions

    found = list(find_date_expressions(text))
    found += [(m.start(), m.end(), m.group(0)) for m in _SUMMER.finditer(text)]
    return sorted(found)


# ---- clubs for jobs the sentence gives none -------------------------------------------------
_FIXTURE_BEFORE = re.compile(
    r"\b(?:visit|trip|journey|game|match|clash|tie|meeting|defeat|win|draw)\s+(?:of|to|at|against|with|by|over)\s+(?:the\s+)?$",
    re.I,
)
_NOT_OWN_CLUB = frozenset({"leaving", "left", "leave", "trip", "to", "into", "visit", "visiting", "joined",
                           "join", "replaced", "by", "with", "for"})  # fmt: skip


def own_clubs(ctx: ArticleContext, start: int, end: int) -> list[str]:
    """Clubs in [start, end) that could be the sentence's own: not an opponent, a former club or a fixture."""
    out = []
    excluded_end = -1  # "lost to A and B": B is not the sentence's own club either
    kept = sentence_clubs(ctx, start, end)
    decided: set[str] = set()  # a club is judged by its first mention in the span
    for g in ctx.gaz_in(start, end, "club"):
        first = g.canonical not in decided
        decided.add(g.canonical)
        lead = ctx.body[max(0, g.start - 25) : g.start]
        prev = re.search(r"([\w-]+)\W*$", lead)
        coordinated = excluded_end >= 0 and re.fullmatch(
            r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?", ctx.body[excluded_end : g.start]
        )
        if (
            g.canonical not in kept
            or coordinated
            or (prev is not None and prev.group(1).casefold() in _NOT_OWN_CLUB)
            or _FIXTURE_BEFORE.search(lead)
        ):
            excluded_end = g.end
            continue
        excluded_end = -1
        if first and g.canonical not in out:
            out.append(g.canonical)
    return out


def _article_clubs(ctx: ArticleContext, match_sides_only: bool = False) -> list[str]:
    """The sides of the article: its matches' clubs, else the clubs named at least twice (most first)."""
    sides = [c for m in ctx.facts.matches for c in (m.home, m.away) if c]
    if sides:
        return list(dict.fromkeys(sides))
    if match_sides_only:
        return []
    counts: dict[str, int] = {}
    for g in ctx.gaz:
        if g.kind == "club" and not in_quotation(ctx, g.start):
            counts[g.canonical] = counts.get(g.canonical, 0) + 1
    return [c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= 2]


def _uncovered_side(ctx: ArticleContext, r: RoleMention, mentions: list[RoleMention]) -> str | None:
    """With two sides and the other's head already named, a second head belongs to the remaining one."""
    if r.role not in HEAD or r.event != "holds":
        return None
    if r.role == "interim_manager" and any(m.event in ("appointed", "sacked", "resigned") for m in mentions):
        return None  # a caretaker in a story about a change of manager stands in at the club that changed
    sides = _article_clubs(ctx, match_sides_only=True)
    if len(sides) != 2:
        return None
    taken = {
        m.club
        for m in mentions
        if m.person != r.person and m.club and m.role in HEAD and m.event in ("holds", "appointed")
    }
    free = [c for c in sides if c not in taken]
    return free[0] if len(free) == 1 else None


def infer_club(ctx: ArticleContext, r: RoleMention, mentions: list[RoleMention]) -> str | None:
    """A club for a role the text gave without one, in order: the same person's other jobs, the
    holder whose assistant they are, their team, the one own club of the sentence, the other side of
    a two-club match report, then article-level guesses: the lede club for board members, the nearest
    job with a stated club, the one club of the paragraph or article, the lede club."""
    if r.opposite:
        return _uncovered_side(ctx, r, mentions)
    if r.unknown_club:
        return None
    same = [m for m in mentions if m.person == r.person and m.club and m.event in ("holds", r.event)]
    if same:
        r.explicit = same[0].explicit
        return same[0].club
    if r.boss_of:
        boss = [m.club for m in mentions if m.person == r.boss_of and m.club]
        if boss or ctx.people.team.get(r.boss_of):
            return boss[0] if boss else ctx.people.team[r.boss_of]
    if ctx.people.team.get(r.person):
        return ctx.people.team[r.person]
    sent = ctx.sentence_at(r.start)
    if r.act:  # "Fulham pressed, and Silva made a change": a club before the act, never its object
        return _act_club(ctx, r, mentions)
    clubs = own_clubs(ctx, sent.start, sent.end)
    if len(clubs) == 1 or (clubs and _opens(ctx, sent.start, clubs[0])):
        r.explicit = True
        return clubs[0]
    if r.role in HEAD and not clubs and not _concede_words().search(ctx.body, sent.start, sent.end):
        scored = _scorer_club(ctx, sent.start, sent.end)  # "X's header sent the crowd wild, and manager Y…"
        if scored is not None:
            return scored
    speaker = _reporting_boss(ctx, r, mentions)
    if speaker is not None:
        return speaker
    side = _uncovered_side(ctx, r, mentions)
    if side is not None:
        return side
    clubs_of: dict[str, set[str]] = {}
    for m in mentions:
        if m.club and m.explicit:
            clubs_of.setdefault(m.person, set()).add(m.club)
    staff = [
        m
        for m in mentions
        if m.club
        and m.explicit
        and m.role in STAFF | {"executive", "owner"}
        and m is not r
        and m.event != "left"  # the club someone left says nothing about who else works there
        and len(clubs_of.get(m.person, ())) < 2  # a manager moving between two clubs says nothing here
        and not (r.role in HEAD and r.event == "holds" and m.role in HEAD and m.event == "holds")
    ]
    if r.role in ("executive", "owner"):  # a board member speaks for the club the article is about
        lede = _lede_club(ctx)
        if lede is not None:
            return lede
    if staff:
        here = ctx.sentence_at(r.start)
        return min(
            staff,
            key=lambda m: (not here.start <= m.start < here.end, abs(m.start - r.start), m.start > r.start),
        ).club
    para = ctx.paragraph_at(r.start)
    if para is not None:
        clubs = own_clubs(ctx, para.start, para.end)
        if len(clubs) == 1:
            return clubs[0]
    sides = _article_clubs(ctx)
    if len(sides) == 1:
        return sides[0]
    return _lede_club(ctx)


@lru_cache(maxsize=1)
def _report_verbs() -> re.Pattern[str]:
    words = [re.escape(r[0]).replace(r"\ ", r"\s+") for r in read_rows("report_verbs.txt")]
    return re.compile(rf"\s*(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:{'|'.join(words)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _concede_words() -> re.Pattern[str]:
    words = [re.escape(r[0]).replace(r"\ ", r"\s+") for r in read_rows("concede_words.txt")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


def _reporting_boss(ctx: ArticleContext, r: RoleMention, mentions: list[RoleMention]) -> str | None:
    """ "Marsh confirmed that captain Danny Pruett is available": the club of the manager or executive
    who reports on the person, when that manager is the subject of the sentence's reporting verb."""
    if r.role in HEAD:
        return None
    sent = ctx.sentence_at(r.start)
    for pm in reversed(ctx.people_in(sent.start, r.start)):
        if pm.canonical == r.person or not _report_verbs().match(ctx.body, pm.end):
            continue
        clubs = {
            m.club
            for m in mentions
            if m.person == pm.canonical
            and m.club
            and m.role in STAFF | {"executive", "owner"}
            and m.event != "left"
        }
        if len(clubs) == 1:
            return clubs.pop()
    return None


def _scorer_club(ctx: ArticleContext, start: int, end: int) -> str | None:
    """The one team credited with the goals of the scorers named in [start, end)."""
    teams = {
        g.team
        for m in ctx.facts.matches
        for g in m.goals
        if g.team and g.kind != "own_goal" and any(p.canonical == g.scorer for p in ctx.people_in(start, end))
    }
    return teams.pop() if len(teams) == 1 else None


def _act_club(ctx: ArticleContext, r: RoleMention, mentions: list[RoleMention]) -> str | None:
    """The club of "Silva's side" / "Silva made a change": a club named in the act ("told his Palace
    players"), the one own club before it, the sentence's opening club, the team of the sentence's
    scorers, the club the previous sentence opened with, the other side of a two-club report."""
    sent = ctx.sentence_at(r.start)
    inside = ctx.gaz_in(r.start, r.end, "club")
    if len(inside) == 1:
        return inside[0].canonical
    if re.search(r"\bfor\s+(?:the\s+)?$", ctx.body[max(sent.start, r.start - 10) : r.start], re.IGNORECASE):
        # "a header was enough for Ashdown's side": the team the sentence's goals were for
        if _concede_words().search(ctx.body, sent.start, sent.end):
            return None
        return _scorer_club(ctx, sent.start, sent.end)
    if _OBJECT_OF.search(ctx.body, max(sent.start, r.start - 25), r.start):
        # "pile pressure on Wenger's men", "a draw against Ferguson's side": the team is an object, often
        # the opponent of everyone else the sentence names; only a two-side report can say whose it is
        return _uncovered_side(ctx, r, mentions)
    before = own_clubs(ctx, sent.start, r.start)
    if len(before) == 1 or (before and _opens(ctx, sent.start, before[0])):
        return before[0]
    if before:
        return None
    scorers = _scorer_club(ctx, sent.start, sent.end)
    if scorers is not None and not _concede_words().search(ctx.body, sent.start, sent.end):
        return scorers
    if sent.start > 0:
        prev = ctx.sentence_at(sent.start - 1)
        named = {g.canonical for g in ctx.gaz_in(sent.start, sent.end, "club")}
        opening = own_clubs(ctx, prev.start, prev.end)
        if opening and _opens(ctx, prev.start, opening[0]) and opening[0] not in named:
            return opening[0]
    return _uncovered_side(ctx, r, mentions)


# a preposition or verb right before "X's side": that team is the object of the sentence
_OBJECT_OF = re.compile(
    r"\b(?:on|against|over|by|to|past|beat|beating|beaten|from|than|with|into|at|of|deny|denied|"
    r"frustrate[ds]?|stun(?:ned|s)?|hold|held|trouble[ds]?|troubling)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _opens(ctx: ArticleContext, start: int, club: str) -> bool:
    """``club`` is the first word(s) of the sentence at ``start`` (its subject)."""
    first = next(iter(ctx.gaz_in(start, start + 200, "club")), None)
    return first is not None and first.canonical == club and len(ctx.body[start : first.start].split()) <= 1


def _lede_club(ctx: ArticleContext) -> str | None:
    """The club the article opens with: the subject or the only own club of its first sentence."""
    for sent in ctx.sentences[:2]:
        clubs = own_clubs(ctx, sent.start, sent.end)
        if clubs and (len(clubs) == 1 or _opens(ctx, sent.start, clubs[0])):
            return clubs[0]
        if clubs:
            return None  # "X dragged Newcastle clear … to see off Stoke": the opening names both sides
    return None


def uncovered_side(ctx: ArticleContext, r: RoleMention, mentions: list[RoleMention]) -> str | None:
    """The side of a two-side report whose manager is not yet named (see ``_uncovered_side``)."""
    return _uncovered_side(ctx, r, mentions)


def lede_club(ctx: ArticleContext) -> str | None:
    """The club (or national side) the article opens with, or None."""
    return _lede_club(ctx)
