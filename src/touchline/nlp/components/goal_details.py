"""What the words around a goal say about it (minute, added time, period, kind, assist, team), and
the teams of goals the words leave open, worked out from the score (:func:`solve_teams`)."""

from __future__ import annotations

import itertools
import re

from touchline.models import Match
from touchline.nlp.components.goal_mention import NAME, GoalMention, name_at, words
from touchline.nlp.components.goal_time import (
    _compiled,
    _minute_candidates,
    _ordinal_parts,
    kind_of,
    minute_of,
    period_of,
)
from touchline.nlp.components.match_lexicon import CLUB_RE, NATION_SIDE_RE, PERSON_RE, POSS_RE, nation_side
from touchline.nlp.context import ArticleContext


def describe(ctx: ArticleContext, masked: str, g: GoalMention, match: Match) -> None:
    w = words()
    lo, hi = g.window
    text = ctx.body[lo:hi]
    mtext = masked[lo:hi]
    assist, assist_span = _assist(ctx, masked, lo, hi, g)
    g.assist = assist
    plain = text if assist_span is None else text[: assist_span[0] - lo] + text[assist_span[1] - lo :]
    if g.enumerated:
        after = ctx.body[g.at : hi]
        own = re.match(r"[^,(]*?\(\s*(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*(?:mins?|')?\s*\)", after)
        g.minute, g.added = (
            (int(own.group(1)), int(own.group(2)) if own.group(2) else None) if own else (None, None)
        )
        g.period = period_of(g.minute, g.added, ctx.body[lo : g.at + 1])
    elif g.listed:
        g.period = period_of(g.minute, g.added, "")
    else:
        anchor = max(0, g.at - lo - (len(text) - len(plain) if assist_span and assist_span[0] < g.at else 0))
        g.minute, g.added, _ = minute_of(plain, anchor)
        g.period = period_of(g.minute, g.added, plain, anchor)
        if (
            g.minute is not None
            and g.period == "second_half"
            and re.search(r"first-half stoppage|first half stoppage", plain.lower())
        ):
            g.period = "first_half"
    low = plain.lower()
    if g.kind is None and not g.listed:
        g.kind = kind_of(
            low,
            max(0, g.at - lo - (len(text) - len(plain) if assist_span and assist_span[0] < g.at else 0)),
            g.enumerated,
            plain,
        )
    own_part = ctx.body[g.at : hi]
    later = [p.start for p in ctx.person_mentions if g.at < p.start < hi and p.canonical != g.scorer]
    if later:
        own_part = ctx.body[g.at : min(later)]
    if (
        re.search(r"\b\d{1,3}(?:st|nd|rd|th)?\s+and\s+\d{1,3}(?:st|nd|rd|th)?\s+minutes\b", own_part)
        and not g.enumerated
    ):
        g.count = max(g.count, 2)  # "struck in the 12th and 64th minutes"
    for key, n in (("thrice", 3), ("twice", 2)):
        if _compiled(rf"\b(?:{w[key]})\b").search(own_part.lower()) and not g.enumerated and not g.listed:
            g.count = max(g.count, n)
    if g.count > 1:
        # "scored twice – on 53 minutes and on 66 minutes": one minute for each goal, in order
        tail = plain[max(0, g.at - lo) :].lower()
        g.minutes = [(c[2], c[3]) for c in _minute_candidates(tail)][: g.count]
        labelled = _ordinal_parts(tail, g.count)
        if labelled:  # "scored both, the second a penalty in the 83rd minute"
            if any(m is not None for m, _a, _k in labelled):
                g.minutes = [(m, a) for m, a, _k in labelled]
            g.kinds = [k for _m, _a, k in labelled]
        if g.minutes:
            g.minute, g.added = g.minutes[0]
            g.period = period_of(g.minute, g.added, plain)
        elif re.search(r"\bin each half\b|\bin both halves\b|\beither side of", own_part.lower()):
            g.periods = ["first_half", "second_half"]
            g.period = "first_half"
        g.kind = g.kinds[0] if g.kinds else None
    if g.minute is None and not g.listed and g.count == 1:
        _minute_from_lead_in(ctx, g)
    teams = [t for t in (match.home, match.away) if t]
    g.team = g.team or _team_cue(ctx, mtext, lo, g, teams)
    for cue, pat in (
        (
            "winner",
            r"\bwinner\b|\bwinning goal\b|\bwon it\b|\bsealed\b|\bclinched\b|\bdecider\b|\bdecisive (?:goal|penalty|strike)\b",
        ),
        ("equaliser", r"\bequalis|\bequaliz|\blevell?ed\b|\blevell?er\b"),
        ("opener", r"\bopener\b|\bopened the scoring\b|\bbroke the deadlock\b|\bfirst goal\b"),
        (
            "behind",
            r"\bpulled (?:one|a goal) back\b|\bhalved the deficit\b|\breduced the (?:arrears|deficit)\b",
        ),
        ("consolation", r"\bconsolation\b"),
        (
            "extend",
            r"\bdoubled the (?:lead|advantage)\b|\bextended the lead\b|\badded (?:a|the) (?:second|third|fourth)\b",
        ),
    ):
        if _compiled(pat).search(low) and not g.enumerated:
            g.cues.add(cue)
    if g.team is None and g.scorer in ctx.people.team and ctx.people.team[g.scorer] in teams:
        g.team = ctx.people.team[g.scorer]


def _name_canonical(ctx: ArticleContext, start: int, surface: str) -> str | None:
    return name_at(ctx, {p.start: p for p in ctx.person_mentions}, start, surface)


def _assist(
    ctx: ArticleContext, masked: str, lo: int, hi: int, g: GoalMention
) -> tuple[str | None, tuple[int, int] | None]:
    w = words()
    text = masked[lo:hi]
    pats = [
        rf"(?i:\b(?:(?:an?|the)\s+)?(?:(?!(?:minute|minutes|with|in|on|after|before|and|of)\b)[a-z][\w-]*\s+){{0,3}}?"
        rf"(?:{w['assist_noun']})\s+(?:from|by)\s+)({NAME})",
        rf"(?i:\b(?:set up|teed up|laid on|assisted|provided|created|supplied|picked out|found|released)\s+by\s+)({NAME})",
        # "a header from a Laurent Robard cross": the name used as an adjective of the pass
        rf"(?i:\b(?:from|off|after|onto|on to)\s+an?\s+)({NAME})\s+(?:[a-z][\w-]*\s+)?(?i:(?:{w['assist_noun']}))\b",
        rf"(?i:\b(?:(?:good|fine|great|excellent|neat|clever|smart|persistent|superb)\s+(?:work|play|build-up|footwork|link-up play)\s+(?:from|by)|(?:exchange|one-two|interchange|combination)\s+with)\s+)({NAME})",
        rf"({NAME}){POSS_RE}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:(?:{w['assist_noun']}))\b",
        rf"({NAME})\s+(?:[a-z]+\s+)?(?i:(?:{w['assist_verb']}))\s+(?:in\s+|across\s+|the ball\s+|it\s+)?(?:(?:in\s+)?for\s+|to\s+)?(?={NAME})",
    ]
    for pat in pats:
        for m in _compiled(pat).finditer(text):
            start = lo + m.start(1)
            if abs(start - g.at) < 2:
                continue
            name = _name_canonical(ctx, start, m.group(1))
            if name and name != g.scorer:
                return name, (lo + m.start(), lo + m.end())
    return None, None


_SIDE_WORDS = {"visitors": "away", "away side": "away", "away team": "away", "hosts": "home", "home side": "home",
               "home team": "home"}  # fmt: skip
_SIDE_RE = r"(?:the\s+)?(?:visitors|away side|away team|hosts|home side|home team)"


def _team_cue(ctx: ArticleContext, mtext: str, lo: int, g: GoalMention, teams: list[str]) -> str | None:
    """The scorer's side as the words around the goal give it."""
    clubs = {c.start: c.canonical for c in ctx.gaz if c.kind == "club"}
    rel = g.at - lo
    sides = {"home": teams[0], "away": teams[1]} if len(teams) == 2 else {}

    def side_of(m: re.Match[str], group: int) -> str | None:
        text = m.group(group)
        if text.startswith("Ⓒ"):
            club = clubs.get(lo + m.start(group))
            return club if club in teams else None
        if re.fullmatch(NATION_SIDE_RE, text, re.IGNORECASE):
            return nation_side(ctx.gazetteer.club_country, text, teams)
        return sides.get(_SIDE_WORDS.get(" ".join(text.lower().split()[-2:]).replace("the ", ""), ""))

    target = rf"({CLUB_RE}|{NATION_SIDE_RE}|{_SIDE_RE})"
    # "levelled for Fulham", "replied for the home side": the first such phrase after the name
    for m in re.finditer(rf"\bfor\s+(?:the\s+)?{target}", mtext, re.IGNORECASE):
        if m.start() >= rel:
            between = mtext[rel + 3 : m.start()]
            if not g.enumerated and re.search(
                rf"{PERSON_RE}|\b[A-Z][a-z]+(?:['’]s)?\s+(?:[a-z-]+\s+){{0,2}}(?:opener|goal|header|strike)",
                between,
            ):
                break  # another player is named in between: the phrase is theirs
            side = side_of(m, 1)
            if side:
                return side
            break
    for m in re.finditer(
        rf"(?i:\b(?:gave|given|giving|put|putting|handed|fired|edged|nudged|sent|restored|hauled|headed|pulled|brought|earned|earning)\s+)"
        rf"{target}(?:{POSS_RE})?\s+(?i:(?:an?\s+[\w-]+\s+lead|the lead|ahead|in front|level|a \d[-–]\d lead|\d[-–]\d up|(?:two|three|four) (?:goals )?up|advantage|lead|the points|the win|victory|all three points))",
        mtext,
    ):
        if not 0 <= m.start() - rel <= 60:
            continue  # the cue belongs to this scorer's own verb only
        side = side_of(m, 1)
        if side and g.kind == "own_goal":  # "an own goal by Rudd gave the Mariners the lead"
            return next((t for t in teams if t != side), None)
        if side:
            return side
    # "Hartlepool's Anton Sweetman", "Hibs defender Ross Dalgleish"
    for m in re.finditer(
        rf"({CLUB_RE}){POSS_RE}?\s+(?:(?!(?:thanks|to|through|after|when|as|by|from|with|via|and|but|while|for|"
        rf"before|until|despite|courtesy|of|where|who|in|on|at)\b)[a-z][\w-]*\s+){{0,2}}?(?={PERSON_RE}|[A-Z])",
        mtext,
    ):
        if m.end() == rel:
            side = side_of(m, 1)
            if side:
                return side
    # "Carlisle twice led, through Holcroft's header and a penalty from Tunnicliffe": every scorer of the
    # "through" list is the leading club's
    led = re.search(
        rf"{target}\s+(?:[a-z]+\s+){{0,2}}(?:led|went ahead|went in front|were ahead),?\s+through\s+[^;Ⓒ]*$",
        mtext[:rel],
    )
    if led:
        side = side_of(led, 1)
        if side:
            return next((t for t in teams if t != side), None) if g.kind == "own_goal" else side
    # "Everton were ahead on 22 minutes when Calloway headed in": the clause's subject scored
    subject = re.match(
        rf"\W*(?:[A-Za-z][\w-]*\s+){{0,3}}?{target}\s+([^,;Ⓒ]*?)\b(?:when|through|as|after|until)\s+(?:[a-z][\w-]*\s+){{0,2}}?$",
        mtext[:rel],
    )
    if subject and re.search(
        r"\b(?:barely|hardly|scarcely|yet to|not yet|had not|never)\b", subject.group(2), re.I
    ):
        subject = None  # "Wales had barely threatened when X doubled the lead": a time, not a credit
    if subject:
        side = side_of(subject, 1)
        if side and re.search(
            r"\b(?:behind|conceded|trailing|trailed|fell|caught out|undone)\b", subject.group(2), re.I
        ):
            return next((t for t in teams if t != side), None)  # "Celtic went behind when X scored"
        if side and g.kind == "own_goal":
            # "Sporting levelled when Bramwell turned the cross into his own net": the clause's
            # subject was credited, so the scorer plays for the other side
            return next((t for t in teams if t != side), None)
        return side
    return _they_side(ctx, mtext, lo, g, teams) or _comeback_side(ctx, g, teams)


_LEAD_IN = re.compile(
    r"\s*(?:The|Their|His|Her)\s+(?:[a-z-]+\s+)?(?:winner|equaliser|equalizer|opener|leveller|breakthrough|"
    r"goal|decisive goal|second|third|fourth)\s+(?:came|arrived|followed)\b",
)


# a short sentence that announces a goal without naming anyone ("Then, on 27 minutes, the breakthrough.")
_LEAD_IN_LOOSE = re.compile(
    r"\b(?:the|a|their|its)\s+(?:long-awaited\s+|deserved\s+)?(?:breakthrough|opener|winner|equaliser|equalizer|"
    r"leveller|opening goal)\b|\bthe points were (?:secured|sealed|safe)\b|\bsealed (?:it|the win|victory)\b",
    re.IGNORECASE,
)


_SCORED_CLAUSE = re.compile(
    r"\b(?:went|were|got|moved) (?:ahead|in front)\b|\btook (?:the|an? (?:early |late )?)lead\b|\b(?:levelled|equalised|"
    r"equalized|hit back|replied|responded|struck first|drew level|pulled one back|doubled (?:the|their) lead)\b",
    re.IGNORECASE,
)


def _minute_from_lead_in(ctx: ArticleContext, g: GoalMention) -> None:
    """ "The winner came with eight minutes left. ... Tremonte drove the loose ball in": a sentence that
    announces a goal with its time and names nobody gives its minute to the next sentence's scorer."""
    i = ctx.sentence_index_at(g.at)
    sent = ctx.sentences[i] if 0 <= i < len(ctx.sentences) else None
    if sent is not None and sent.start < g.window[0]:
        # "Norwich went ahead seven minutes after the interval, Ormesher rising to head in": a clause
        # before the scorer's own that says a side scored, naming nobody, gives the goal its time
        head = ctx.body[sent.start : g.window[0]]
        if _SCORED_CLAUSE.search(head) and not ctx.people_in(sent.start, g.window[0]):
            minute, added, _ = minute_of(head)
            if minute is not None:
                g.minute, g.added = minute, added
                g.period = period_of(minute, added, "")
                return
    if i <= 0:
        return
    prev = ctx.sentences[i - 1]
    para = ctx.paragraph_at(g.at)
    head = ctx.body[prev.start : prev.end]
    if para is None or prev.start < para.start:
        return
    if not _LEAD_IN.match(head) and not (len(head) <= 120 and _LEAD_IN_LOOSE.search(head)):
        return
    if ctx.people_in(prev.start, prev.end):
        return  # the lead-in names its own player
    minute, added, _ = minute_of(ctx.body[prev.start : prev.end])
    if minute is not None:
        g.minute, g.added = minute, added
        g.period = period_of(minute, added, "")


_COMEBACK = re.compile(
    r"\b(?:came back|come back|hit back|fought back|rallied|staged a (?:\w+ )?comeback)\b", re.I
)


def _comeback_side(ctx: ArticleContext, g: GoalMention, teams: list[str]) -> str | None:
    """ "Huddersfield came back again. Elias Koroma pulled one back ...": a sentence that opens with the
    scorer and names no club continues the comeback the sentence before gave one club of the match."""
    i = ctx.sentence_index_at(g.at)
    if i <= 0:
        return None
    sent, prev = ctx.sentences[i], ctx.sentences[i - 1]
    if ctx.body[sent.start : g.at].strip() or ctx.gaz_in(sent.start, sent.end, "club"):
        return None
    para = ctx.paragraph_at(g.at)
    if para is None or prev.start < para.start or not _COMEBACK.search(ctx.body[prev.start : prev.end]):
        return None
    named = {c.canonical for c in ctx.gaz_in(prev.start, prev.end, "club") if c.canonical in teams}
    if len(named) != 1:
        return None
    side = named.pop()
    if g.kind == "own_goal":
        return next((t for t in teams if t != side), None)
    return side


def _they_side(ctx: ArticleContext, mtext: str, lo: int, g: GoalMention, teams: list[str]) -> str | None:
    """ "They led through Shearwood's header": a sentence opening with "They" ahead of a lead verb is
    about the club of the match that the sentence before names first."""
    rel = g.at - lo
    if not re.match(
        r"\s*They\s+(?:had\s+|were\s+)?(?:led|went ahead|went in front|took the lead|struck first|scored first|"
        r"levelled|equalised|replied|hit back)\b[^.;]*?\b(?:through|when|as|via)\s+(?:[a-z][\w-]*\s+){0,2}$",
        mtext[:rel],
    ):
        return None
    i = ctx.sentence_index_at(lo)
    if i <= 0:
        return None
    prev = ctx.sentences[i - 1]
    named = [c for c in ctx.gaz_in(prev.start, prev.end, "club") if c.canonical in teams]
    side = named[0].canonical if named else None
    if side and g.kind == "own_goal":
        return next((t for t in teams if t != side), None)
    return side


def solve_teams(ctx: ArticleContext, match: Match, goals: list[GoalMention]) -> None:
    """Fill the team of goals the words left open, when only one assignment fits the score."""
    if match.home_score is None or match.away_score is None or not match.home or not match.away:
        return
    home, away = match.home, match.away
    home_score, away_score = match.home_score, match.away_score
    winner = (
        home if match.home_score > match.away_score else away if match.away_score > match.home_score else None
    )
    loser = (away if winner == home else home) if winner else None

    def credited(g: GoalMention, side: str | None) -> str | None:
        if side is None or g.kind != "own_goal":
            return side
        return away if side == home else home

    for g in goals:
        if g.team is None and winner and g.kind != "own_goal":
            if "winner" in g.cues:
                g.team = winner
            elif "consolation" in g.cues:
                g.team = loser
    first_group: dict[str, int] = {}
    for g in goals:  # one scorer plays for one side
        if g.kind != "own_goal":
            g.group = first_group.setdefault(g.scorer, g.group)
    for g in goals:
        if g.team is None and g.kind != "own_goal":
            g.team = next(
                (o.team for o in goals if o.scorer == g.scorer and o.team and o.kind != "own_goal"), None
            )
    open_groups = sorted({g.group for g in goals if g.team is None})
    if not open_groups or len(open_groups) > 10:
        return
    ordered = sorted(goals, key=lambda x: (x.minute if x.minute is not None else 999, x.added or 0, x.at))
    timed = all(g.minute is not None for g in goals)

    def fits(assign: dict[int, str], chronology: bool) -> bool:
        sides = {id(g): credited(g, g.team or assign[g.group]) for g in goals}
        h = sum(1 for g in goals if sides[id(g)] == home)
        a = len(goals) - h
        if h > home_score or a > away_score:
            return False
        if len(goals) == home_score + away_score and (h, a) != (home_score, away_score):
            return False
        if not chronology:
            return True
        score = {home: 0, away: 0}
        for g in ordered if timed else sorted(goals, key=lambda x: x.at):
            side = sides[id(g)]
            if side is None:
                return False
            other = away if side == home else home
            if "equaliser" in g.cues and score[side] + 1 != score[other]:
                return False
            if "behind" in g.cues and score[side] >= score[other]:
                return False
            if "opener" in g.cues and score[side] + score[other] != 0:
                return False
            if "extend" in g.cues and score[side] <= score[other]:
                return False
            score[side] += 1
        return True

    for chronology in (True, False):
        good = []
        for combo in itertools.product((home, away), repeat=len(open_groups)):
            assign = dict(zip(open_groups, combo, strict=True))
            if fits(assign, chronology):
                good.append(assign)
        if len(good) == 1:
            for g in goals:
                if g.team is None:
                    g.team = good[0][g.group]
            break
        if good:
            break
    _exhaustive_first_half(match, goals)


def _exhaustive_first_half(match: Match, goals: list[GoalMention]) -> None:
    """ "First-half goals from A and B": when every goal of the match is listed, the others came later."""
    total = (match.home_score or 0) + (match.away_score or 0)
    listed = [g for g in goals if g.enumerated and g.period == "first_half"]
    if not listed or len(goals) != total:
        return
    last = max(g.at for g in listed)
    for g in goals:
        if g.period is None and g.minute is None and g.at > last:
            g.period = "second_half"
