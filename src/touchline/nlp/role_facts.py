"""Role facts beyond job titles: when a job began or ended, captains and referees from match facts,
an armband handed over, a manager leaving a club or named as "managed by", and who counts as a player.

Used by the roles component (``touchline.nlp.components.roles``); words live in ``touchline/data/roles``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from touchline.models import Role
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.role_text import (
    HEAD,
    STAFF,
    RoleMention,
    date_phrases,
    hedged,
    in_quotation,
    lede_club,
    lexicon,
    own_clubs,
    read_rows,
    resolve_date,
    summer_year,
)


def job_dates(
    ctx: ArticleContext, lo: int, hi: int, sent_start: int, sent_end: int, event: str, event_pos: int | None
) -> tuple[str | None, str | None]:
    """start/end: "since 2021"/"from 1999" near the mention give a start; the date nearest the event's
    verb ("sacked on Sunday", "appointed in November") gives a start or an end. An attributive event
    ("sacked boss X") takes no date: the sentence's dates belong to its own verb."""
    start = end = None
    best: tuple[int, str] | None = None
    future = event_pos is not None and re.search(
        r"\b(?:will|is\s+to|are\s+to|['’]ll)\s+(?:\w+\s+)?$",
        ctx.body[max(sent_start, event_pos - 20) : event_pos],
    )
    for a, b, phrase in date_phrases(ctx.body[sent_start:sent_end]):
        pos = sent_start + a
        if re.search(r"['’]s?$", phrase) or re.match(
            r"['’]s\b", ctx.body[sent_start + b : sent_start + b + 2]
        ):
            continue  # "for Saturday's game" names a fixture, not when the job changed
        value = summer_year(phrase, ctx.published) or resolve_date(phrase, ctx.published, bool(future))
        if value is None:
            continue
        if re.match(r"(?:since|from)\b", phrase, re.IGNORECASE):
            near = ctx.body[min(hi, pos) : max(lo, pos)]
            in_charge = re.fullmatch(
                r",\s*(?:who\s+(?:has|had)\s+been\s+)?(?:in\s+(?:charge|post)|at\s+the\s+(?:club|helm))\s*",
                near,
            )
            if lo - 80 <= pos <= hi + 80 and ("," not in near or in_charge):  # in the same clause as the job
                start = start or value
            continue
        if event_pos is not None and event != "holds" and 0 <= pos - event_pos <= 60:
            gap = ctx.body[event_pos + 1 : pos]
            others = [p for p in ctx.people_in(event_pos + 1, pos) if not (lo <= p.start < hi)]
            if others or any(p.search(gap) for p, _e in lexicon().events) or re.search(r"\band\b|;", gap):
                continue  # "sacked X on Sunday" yes; "X's dismissal and spoke on Friday" names another act
            if best is None or pos - event_pos < best[0]:
                best = (pos - event_pos, value)
    if best is not None:
        if event in ("appointed", "joined"):
            start = start or best[1]
        else:
            end = best[1]
    return start, end


LEAVES = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:left|leaves|quit|quits|departs|departed)\s+(?:the\s+)?(?=\S)", re.I
)
MANAGED_BY = re.compile(
    r",?\s+(?:who|which)\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been)\s+(?:now\s+)?"
    r"(?:managed|coached|led)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)


ARMBAND_BEFORE = re.compile(r"\b(?:handed|gave|given|awarded|hands|gives)\s+$", re.IGNORECASE)
ARMBAND_AFTER = re.compile(r"\s+the\s+(?:captain['’]s\s+)?(?:armband|captaincy)\b", re.IGNORECASE)


def armbands(ctx: ArticleContext) -> list[RoleMention]:
    """ "The manager handed Finch the armband on Friday": a captain appointed."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        m = ARMBAND_AFTER.match(ctx.body, pm.end)
        lead = ARMBAND_BEFORE.search(ctx.body, max(0, pm.start - 12), pm.start)
        if m is None or lead is None or in_quotation(ctx, pm.start):
            continue
        sent = ctx.sentence_at(pm.start)
        if hedged(ctx, sent.start, lead.start(), certain_future=True):
            continue
        mention = RoleMention(pm.canonical, "captain", None, "appointed", lead.start(), m.end())
        start, _end = job_dates(ctx, lead.start(), m.end(), sent.start, sent.end, "appointed", lead.start())
        mention.dates = [start or "", ""]
        out.append(mention)
        ctx.people.note_role(mention.person, mention.role, None)
    return out


def staff_leaving(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    """ "Redknapp leaves Portsmouth": a manager the article gave a job elsewhere leaves the named club."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        m = LEAVES.match(ctx.body, pm.end)
        club = club_starting(ctx, m.end()) if m else None
        if club is None or m is None or in_quotation(ctx, pm.start):
            continue
        jobs = [r for r in found if r.person == pm.canonical and r.role in HEAD]
        if not jobs or any(r.club == club for r in jobs + out if r.person == pm.canonical):
            continue
        sent = ctx.sentence_at(pm.start)
        if hedged(ctx, sent.start, m.end(), certain_future=True):
            continue
        mention = RoleMention(pm.canonical, "manager", club, "left", pm.start, m.end() + 1, explicit=True)
        out.append(mention)
        ctx.people.note_role(mention.person, mention.role, club, current=False)
    return out


def managed_by(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    """ "Sunderland, who are managed by Sam Allerton": the manager of that club."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        lead = ctx.body[max(0, pm.start - 70) : pm.start]
        m = MANAGED_BY.search(lead)
        if m is None or in_quotation(ctx, pm.start) or any(r.person == pm.canonical for r in found):
            continue
        pos = pm.start - len(lead) + m.start()
        clubs = [g for g in ctx.gaz if g.kind == "club" and g.end == pos]
        if not clubs:
            continue
        mention = RoleMention(
            pm.canonical, "manager", clubs[0].canonical, "holds", pos, pm.end, explicit=True
        )
        out.append(mention)
        ctx.people.note_role(mention.person, mention.role, mention.club)
    return out


def club_starting(ctx: ArticleContext, pos: int) -> str | None:
    return next((g.canonical for g in ctx.gaz if g.kind == "club" and g.start == pos), None)


@lru_cache(maxsize=1)
def player_words() -> frozenset[str]:
    return frozenset(r[0].casefold() for r in read_rows("player_words.txt"))


def player_before(ctx: ArticleContext, pm: PersonMention) -> bool:
    m = re.search(r"([\w-]+)\s+$", ctx.body[max(0, pm.start - 30) : pm.start])
    return m is not None and m.group(1).casefold() in player_words()


CAPTAIN_MARK = r"\s*\((?:capt|captain|c)\.?\)"


def name_at(ctx: ArticleContext, name: str, after: str = "", before: str = "") -> tuple[int, int] | None:
    """Where ``name`` is printed (preferring a place with ``before`` right ahead of it and ``after`` right behind)."""
    core = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    for pattern in (rf"(?:{before})\s*({core})(?:{after})", rf"({core})(?:{after})", rf"({core})"):
        if "()" in pattern:
            continue
        m = re.search(pattern, ctx.body, re.IGNORECASE)
        if m is not None:
            return m.start(1), m.end(1)
    return None


def sheet_roles(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    """Captains marked "(capt)" in a team sheet and the referee of its match facts."""
    out: list[RoleMention] = []
    for match in ctx.facts.matches:
        for side, entries in (match.lineups or {}).items():
            club = match.home if side == "home" else match.away if side == "away" else None
            for entry in entries:
                if not entry.captain or any(
                    r.person == entry.name and r.role == "captain" for r in found + out
                ):
                    continue
                at = name_at(ctx, entry.name, after=CAPTAIN_MARK)
                if at is not None:
                    out.append(
                        RoleMention(entry.name, "captain", club, "holds", *at, explicit=club is not None)
                    )
        referee = match.referee
        if referee and not any(r.person == referee and r.role == "referee" for r in found + out):
            at = name_at(ctx, referee, before=r"\breferee\b\s*[:\-–—]?")
            if at is not None:
                out.append(RoleMention(referee, "referee", None, "holds", *at))
    return out


TENURE = re.compile(
    r"(?:['’]s?)?\s*,?\s*(?:\d{2}\s*,\s*)?(?:who\s+)?(?:(?:was|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:appointed|hired|installed|in\s+charge|in\s+the\s+(?:job|post|role))(?:\s+(?:at|of)\s+[^,.;]{1,40}?)?"
    r"|(?:bought|purchased|acquired|took\s+over)(?:\s+(?:the\s+club|control(?:\s+of\s+the\s+club)?))?)"
    r"\s+(?=(?:in|since|on|from)\s)",
    re.IGNORECASE,
)


def tenure_starts(ctx: ArticleContext, roles: list[Role]) -> None:
    """ "Lyle, who was appointed in June 2009", "Halloway had been in charge since November 2019":
    when a job began, for a person whose job the article gave elsewhere."""
    for pm in ctx.person_mentions:
        m = TENURE.match(ctx.body, pm.end)
        if m is None or in_quotation(ctx, pm.start):
            continue
        jobs = [r for r in roles if r.person == pm.canonical and r.role in STAFF | {"executive", "owner"}]
        if not jobs or jobs[0].start:
            continue
        sent = ctx.sentence_at(pm.start)
        found = [d for d in date_phrases(ctx.body[m.end() : sent.end]) if d[0] == 0]
        if found:
            value = summer_year(found[0][2], ctx.published) or resolve_date(found[0][2], ctx.published)
            if value:
                jobs[0].start = value
                told = m.group(0)
                if (
                    jobs[0].event == "holds"
                    and not re.search(r"\bwho\b", told, re.I)
                    and re.search(r"\b(?:appointed|hired|installed)\b", told, re.I)
                    and not hedged(ctx, sent.start, pm.end + len(told))
                    and recent(value, ctx.published)
                ):
                    jobs[
                        0
                    ].event = "appointed"  # "Ibáñez was appointed on Tuesday": the news is the appointment
                ev = ctx.evidence(sent.start, sent.end)
                if ev not in jobs[0].evidence:
                    jobs[0].evidence.append(ev)


def recent(value: str, published: str | None, days: int = 31) -> bool:
    """``value`` (YYYY-MM-DD) lies within ``days`` before publication: the article's news, not history."""
    try:
        then, now = date.fromisoformat(value), date.fromisoformat(published or "")
    except ValueError:
        return False
    return 0 <= (now - then).days <= days


_SIGNED_BEFORE = re.compile(
    r"(?:have|has|had)?\s*(?:signed|re-signed|completed\s+the\s+(?:[\w-]+\s+)?signing\s+of|snapped\s+up|brought\s+in)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_JOINED_AFTER = re.compile(
    r"(?:['’]s?)?\s*,?\s*(?:who\s+)?(?:has\s+|have\s+|had\s+)?(?:(?:also|then|later|finally)\s+)?"
    r"(?:joined|joins|signed\s+for|signs\s+for|completed\s+(?:a|his|her)\s+(?:[\w£-]+\s+){0,2}(?:move|transfer|switch)\s+to|"
    r"moved\s+to|(?:summer\s+|loan\s+)?(?:move|transfer|switch)\s+to)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)
_FROM_AFTER = re.compile(
    r"(?:['’]s?)?\s*,?\s*(?:who\s+)?(?:joined|arrived|signed|came)\s+(?:on\s+loan\s+)?from\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


_BY_JOINING = re.compile(
    r"[^.;:]{0,80}?\bby\s+(joining|signing\s+for|moving\s+to|completing\s+a\s+move\s+to)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)
_ENDED_STAY = re.compile(
    r"\b(?:ended|ends|ending|brought\s+an\s+end\s+to)\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:association|stay|spell|stint|career|time|relationship)\s+(?:with|at)\s+(?:(?P<club>the\s+club)|the\s+)?",
    re.IGNORECASE,
)
_DEPARTURE_OF = re.compile(
    r"\b(?:departure|exit|sale|release)\s+of\s+(?:(?:striker|forward|winger|midfielder|defender|goalkeeper|"
    r"keeper|captain|full-back|centre-back)\s+)?$",
    re.IGNORECASE,
)


def transfers(ctx: ArticleContext) -> list[RoleMention]:
    """Players moving: "Villa have signed X from Arsenal", "X joined Stoke", "X, who joined from Charlton"."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        if in_quotation(ctx, pm.start):
            continue
        sent = ctx.sentence_at(pm.start)
        moves: list[tuple[str, str, int, int]] = []  # (club, event, verb position, span end)
        lead = ctx.body[max(sent.start, pm.start - 90) : pm.start]
        signed = _SIGNED_BEFORE.search(lead)
        if signed:
            pos = pm.start - len(lead) + signed.start()
            buyers = [
                g
                for g in ctx.gaz_in(sent.start, pos + 1, "club")
                if re.fullmatch(r"\s*", ctx.body[g.end : pos])
            ]
            if buyers and not ctx.people_in(pos, pm.start):
                moves.append((buyers[-1].canonical, "joined", pos, pm.end))
        joined = _JOINED_AFTER.match(ctx.body, pm.end)
        if joined and (club := club_starting(ctx, joined.end())):
            moves.append((club, "joined", pm.end, joined.end()))
        came = _FROM_AFTER.match(ctx.body, pm.end)
        if came and (club := club_starting(ctx, came.end())):
            moves.append((club, "left", pm.end, came.end()))
        gerund = _BY_JOINING.match(ctx.body, pm.end)
        if gerund and not ctx.people_in(pm.end, gerund.end()) and (club := club_starting(ctx, gerund.end())):
            moves.append(
                (club, "joined", gerund.start(1), gerund.end())
            )  # "X ended his stay by joining Celtic"
            ended = _ENDED_STAY.search(ctx.body, pm.end, gerund.start(1))
            if ended is not None:
                named = club_starting(ctx, ended.end()) if ended.group("club") is None else lede_club(ctx)
                if named is not None and named != club:  # "ended a 12-year association with the club"
                    moves.append((named, "left", ended.start(), ended.end()))
        gone = _DEPARTURE_OF.search(lead)
        staff = any(role in STAFF for role, _c in ctx.people.roles_of(pm.canonical))
        if gone and not staff and not any(e == "left" for _c, e, _v, _e in moves):
            here = own_clubs(ctx, sent.start, sent.end)
            club_left = here[0] if len(here) == 1 else lede_club(ctx)
            if club_left is not None and all(c != club_left for c, *_rest in moves):
                # "following the departure of Andy Pryor": he left the club the story is about
                moves.append((club_left, "left", pm.start - len(lead) + gone.start(), pm.end))
        tail = re.match(r"\s+(?:on\s+loan\s+)?from\s+(?:the\s+)?", ctx.body[pm.end : pm.end + 30])
        if moves and moves[0][1] == "joined" and tail and (club := club_starting(ctx, pm.end + tail.end())):
            moves.append((club, "left", pm.end, pm.end + tail.end()))
        for club, event, verb, end in moves:
            if hedged(ctx, sent.start, verb, certain_future=True):
                continue
            mention = RoleMention(
                pm.canonical, "player", club, event, min(verb, pm.start), end, explicit=True
            )
            start, stop = job_dates(ctx, pm.start, end, sent.start, sent.end, "joined", end - 1)
            mention.dates = [start or "", ""] if event == "joined" else ["", start or stop or ""]
            out.append(mention)
    return out
