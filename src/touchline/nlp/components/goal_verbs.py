"""Goal descriptions told through how the ball went in, and the facts around them that sit outside
the goal's own clause. A helper of ``goals`` (not a pipeline component).

- :func:`extra_mentions` finds scorers that the main patterns of ``goals`` miss: "X, who
  side-footed in", "X rose highest ... and headed past the keeper", "X marked his debut with the
  opening goal", "through substitute X", "X, stretching to clear, turned it into his own net".
- :func:`enrich` fills what the goal's clause leaves open: a minute and a side from a lead-in
  sentence ("Palace led in the ninth minute."), the build-up before "... and X headed in" (minute,
  flick-on), a pass "for X", a header told by the verb ("nodding in"), "gave them the lead".
- :func:`nearest_match` picks, in a round-up sentence with several results, the match whose club
  is named last before the scorer.

The word lists are data: ``data/matches/finish_verbs.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touchline.models import Match
from touchline.nlp.components.goal_mention import NAME, GoalMention, MentionReader, full_name, name_at, words
from touchline.nlp.components.goal_time import minute_of, number_value, period_of
from touchline.nlp.components.match_lexicon import CLUB_RE, PERSON, PERSON_RE, POSS_RE, data_path
from touchline.nlp.context import ArticleContext
from touchline.nlp.segment import Segment

_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_PHRASE_COUNT = {"brace": 2, "double": 2, "hat-trick": 3, "hat trick": 3, "treble": 3}
# a person between a subject and its finishing verb may only be the object of these words
_OBJECT_BEFORE = re.compile(
    r"(?:\bfrom|\bby|\bwith|\bpast|\bbeat|\bbeating|\brounded|\brounding|\bround|\baround|\bevaded|\bevading|"
    r"\boutpaced|\boutpacing|\bof|\bon\s+for|\breplaced|\breplacing|\bat|\bagainst)\s+(?:[a-z]+\s+){0,2}$"
)
_NOT_SCORING = re.compile(
    r"\b(?:provided|created|set up|laid on|assist\w*|involved|pleased|happy|unhappy|delighted|disappointed|"
    r"angry|furious|frustrated|credited|denied|beaten|blamed|fault|missed|saved|conceded|celebrated)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def finish_words() -> dict[str, str]:
    """kind → one alternation of the rows of that kind in ``finish_verbs.tsv``."""
    rows: dict[str, list[str]] = {}
    for line in data_path("finish_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            rows.setdefault(kind, []).append(pattern.strip())
    return {kind: "|".join(f"(?:{p})" for p in pats) for kind, pats in rows.items()}


def _finish() -> str:
    w = finish_words()
    return rf"(?i:(?:{w['verb']})\s+(?:{w['completion']}))"


def _name() -> str:
    return NAME


def _patterns() -> list[tuple[str, str]]:
    w = finish_words()
    name = _name()
    finish = _finish()
    aux = r"(?:(?:then|later|also|duly|coolly|calmly|neatly|only|could only|had)\s+)*"
    link = r"(?:,\s+|\s+and\s+(?:then\s+)?|\s+(?:when|as|before|after|and|until)\s+(?:he|she)\s+(?:then\s+)?)"
    return [
        ("who", rf"({name}),?\s+who\s+{aux}{finish}"),
        (
            "chain",  # "Substitute X, on for Y eight minutes earlier, ran on to a long ball and slotted past ..."
            rf"({name})(?:,\s+(?=[a-z\d])[^,.;:\"“”]{{1,50}},)?\s+(?=[a-z])((?:(?![.;])[^\n]){{0,160}}?){link}{aux}{finish}",
        ),
        (
            "phrase",
            rf"({name})\s+(?=[a-z])((?:(?![.;]|{PERSON})[^\n]){{0,80}}?)\b(?:with|by scoring|scoring|grabbed|got|"
            rf"netted|struck|claimed|bagged|added|snatched|hit)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?i:({w['goal_phrase']}))\b",
        ),
        (
            "through",
            rf"(?i:\b(?:lead|led|level\w*|ahead|in front|responded|replied|hit back|(?:battled|fought|came|bounced|roared) back|equalis\w*|equaliz\w*|reply|"
            rf"pulled|halved|scored|answered|struck)\b[^.;]{{0,60}}?\bthrough\s+(?:{w['role']})\s+)({name})",
        ),
        (
            "for",  # "only for Dundee United substitute Trapp to equalise", "held it up for Antonio to drive home"
            rf"(?i:\bfor\s+)(?:{CLUB_RE}\s+)?(?:(?i:{w['role']})\s+)?({name})\s+(?i:to\s+(?:{w['to_verb']})\b)",
        ),
        (
            "own",
            rf"({name})(?:,[^,.;{PERSON}]{{1,50}},)?\s+(?:\S+\s+){{0,6}}?(?i:(?:into|past|through|beyond)\s+"
            rf"(?:his|her)\s+own\s+(?:net|goal))",
        ),
    ]


def _subject_kept(between: str) -> bool:
    """No other person between a subject and its finishing verb, except as an object ("a corner
    from X", "X's through ball")."""
    for p in re.finditer(PERSON_RE, between):
        if re.match(POSS_RE, between[p.end() :]):
            continue
        if _OBJECT_BEFORE.search(between[: p.start()]):
            continue
        return False
    if re.search(r"(?:[,;]|\band|\bbut|\bwhile)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+[a-z]+ed\b", between):
        return False  # another (unrecognised) subject: "and Dunne headed"
    return not re.search(r"\bbut\b|\bwhile\b|\bwhereas\b", between)


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:di|de|da|del|dos|van|von|der|den|le|la)\s+$")
_compiled = lru_cache(maxsize=256)(re.compile)  # kept: the re module's cache is shared and small


def _scan(pattern: str, text: str, how: str) -> list[re.Match[str]]:
    """Matches of ``pattern``; after a match whose subject does not hold, the search starts again
    just after that match's start, so a later subject in the same stretch is still tried."""
    out: list[re.Match[str]] = []
    compiled = _compiled(pattern)
    pos = 0
    while pos < len(text):
        m = compiled.search(text, pos)
        if m is None:
            break
        if _PARTICLE_BEFORE.search(text, 0, m.start(1)):
            pos = m.start() + 1
            continue  # "Paolo di Canio": the surname part of a longer name is not a subject of its own
        if how in ("chain", "phrase") and (
            not _subject_kept(m.group(2)) or (how == "phrase" and _NOT_SCORING.search(m.group(2)))
        ):
            pos = m.start() + 1
            continue
        out.append(m)
        pos = max(m.end(), m.start() + 1)
    return out


def _know_surname(ctx: ArticleContext, surface: str) -> None:
    """A lone surname as a finishing verb's subject names a player when the article gives the one
    fuller form of it elsewhere ("brought down Femi Obi ... Obi settled it, sliding in")."""
    word = surface.strip()
    if PERSON in word or " " in word or ctx.people.resolve(word) is not None:
        return
    full = full_name(ctx, word)
    if full != word and len(full.split()) > 1:
        ctx.people.add(full)


def extra_mentions(finder: MentionReader, found: list[GoalMention]) -> list[GoalMention]:
    """Scorers told by finishing verbs and goal phrases, one per sentence and scorer not yet found."""
    ctx = finder.ctx
    out: list[GoalMention] = []
    for sent in ctx.sentences:
        ctx.check_deadline()
        text = finder.masked[sent.start : sent.end]
        for how, pat in _patterns():
            for m in _scan(pat, text, how):
                _know_surname(ctx, m.group(1))
                kind = how if how in ("own", "through", "for") else "shot"
                for g in finder.mentions(sent, kind, m):
                    if any(o.scorer == g.scorer and sent.start <= o.at < sent.end for o in [*found, *out]):
                        continue
                    if how == "phrase":
                        g.count = _PHRASE_COUNT.get(m.group(3).lower(), 1)
                    out.append(g)
    return out


def _own_part(ctx: ArticleContext, g: GoalMention) -> str:
    hi = g.window[1]
    later = [p.start for p in ctx.person_mentions if g.at < p.start < hi and p.canonical != g.scorer]
    return ctx.body[g.at : min(later)] if later else ctx.body[g.at : hi]


def enrich(ctx: ArticleContext, masked: str, g: GoalMention, match: Match) -> None:
    """Fill the fields the goal's own clause left open from the words around it."""
    if g.listed:
        return
    teams = [t for t in (match.home, match.away) if t]
    own = _own_part(ctx, g)
    if g.kind is None and not g.enumerated:
        w = finish_words()
        if re.search(rf"(?i:\b(?:{w['header']})\s+(?:{w['completion']}))", own):
            g.kind = "header"
    many = re.search(
        r"\b(?:scor\w*|nett\w*|got|getting|grabb\w*|struck|hit)\s+all\s+(two|three|four|five|six)\b(?!\s+(?:points|of|games|matches))",
        own,
        re.IGNORECASE,
    )
    if many and not g.enumerated:
        g.count = max(g.count, _COUNT_WORDS[many.group(1).lower()])
    sent = ctx.sentence_at(g.at)
    if g.minute is None and g.count == 1:
        minute, added = _build_up_minute(ctx, masked, g, sent.start)
        if minute is None:
            minute, added, side = _lead_in(ctx, masked, g, teams)
            if side and g.team is None:
                g.team = side if g.kind != "own_goal" else next((t for t in teams if t != side), None)
        if minute is not None:
            g.minute, g.added = minute, added
            g.period = period_of(minute, added, "")
    elif g.team is None:
        _m, _a, side = _lead_in(ctx, masked, g, teams)
        if side:
            g.team = side if g.kind != "own_goal" else next((t for t in teams if t != side), None)
    if g.enumerated and g.minute is None:
        # "A scored early on, with B and C adding the others after the break": period words after the
        # listed names are the list's, ahead of any before it
        after = period_of(None, None, ctx.body[g.at : g.window[1]])
        if after is not None:
            g.period = after
    if g.period is None and g.minute is None:
        early = re.search(
            r"\b(?:inside|within)\s+(?:the\s+(?:first|opening)\s+)?(\d{1,2}|[a-z]+(?:[- ][a-z]+)?)\s+minutes\b"
            r"(?!\s+of\b)",  # "within seven minutes of coming on", "inside ten minutes of the restart"
            ctx.body[g.at : g.window[1]],
        )
        n = number_value(early.group(1)) if early else None
        if n is not None and n <= 45:
            g.period = "first_half"  # "put Cardiff two up inside 25 minutes"
    if g.assist is None:
        g.assist = _assist_before(ctx, masked, g, sent.start)
    if g.team is None and g.kind != "own_goal":
        g.team = _them_side(ctx, g, teams)


def _lead_in(
    ctx: ArticleContext, masked: str, g: GoalMention, teams: list[str]
) -> tuple[int | None, int | None, str | None]:
    """ "Palace led in the ninth minute. Mabbott ... for Ferreira, who side-footed in": a short
    sentence naming no player, whose subject is a club of the match with a scoring verb, gives the
    next sentence's first scorer its minute and side."""
    i = ctx.sentence_index_at(g.at)
    if i <= 0:
        return None, None, None
    prev, sent = ctx.sentences[i - 1], ctx.sentences[i]
    para = ctx.paragraph_at(g.at)
    if para is None or prev.start < para.start or ctx.people_in(prev.start, prev.end):
        return None, None, None
    if any(p.start < g.at and p.canonical != g.scorer for p in ctx.people_in(sent.start, sent.end)) and not (
        re.search(r"\b(?:for|to)\s+$", masked[sent.start : g.at])
    ):
        return None, None, None  # another player, not the one who set the scorer up, is named first
    w = finish_words()
    head = re.match(
        rf"\s*({CLUB_RE}|They)\s+(?:had\s+)?(?:{w['lead_in']})\b",
        masked[prev.start : prev.end],
    )
    if not head or prev.end - prev.start > 120:
        return None, None, None
    minute, added, _ = minute_of(ctx.body[prev.start : prev.end])
    side = None
    if head.group(1) != "They":
        club = ctx.gaz_in(prev.start + head.start(1), prev.start + head.end(1), "club")
        side = club[0].canonical if club and club[0].canonical in teams else None
    return minute, added, side


def _build_up_minute(
    ctx: ArticleContext, masked: str, g: GoalMention, sent_start: int
) -> tuple[int | None, int | None]:
    """ "X's corner in the 38th minute was flicked on by Y and Z headed in": the build-up clause before
    "and Z" gives the goal its minute, when it describes a pass and names no goal."""
    before = masked[sent_start : g.at]
    if not re.search(r"\s+and\s+(?:then\s+)?$", before):
        return None, None
    w = words()
    if not re.search(
        rf"(?i:\b(?:{w['assist_noun']})\b|\b(?:{finish_words()['assist_move']})\b)", before
    ) or re.search(rf"(?i:\b(?:{w['score_verb']}))", before):
        return None, None
    minute, added, _ = minute_of(ctx.body[sent_start : g.at])
    return minute, added


def _assist_before(ctx: ArticleContext, masked: str, g: GoalMention, sent_start: int) -> str | None:
    """The player who set the goal up in the words before the scorer: "X ... pulled the ball back for
    SCORER", "X's corner was flicked on by Y and SCORER headed in" (Y)."""
    before = masked[sent_start : g.at]
    move = finish_words()["assist_move"]
    name = _name()
    m = re.search(
        rf"(?i:\b(?:{move})\b(?:\s+(?:the\s+ball|it|an?\s+(?:[\w-]+\s+)?(?:ball|pass|cross)))?"
        rf"(?:\s+(?:back|across|in|through|over|square|inside|on|down|up|off|out))?\s+(?:for|to)\s+)$",
        before,
    )
    if m:
        subjects = [p for p in ctx.people_in(sent_start, sent_start + m.start()) if p.canonical != g.scorer]
        if subjects:
            last = subjects[-1]
            lead = masked[sent_start : last.start]
            if not _OBJECT_BEFORE.search(lead):
                return name_at(
                    ctx,
                    {p.start: p for p in ctx.person_mentions},
                    last.start,
                    ctx.body[last.start : last.end],
                )
        return None
    flick = re.search(
        rf"(?i:\b(?:flicked|headed|nodded|knocked|laid|touched|helped)\s+(?:on|down|off|back|across)\s+by\s+)({name})"
        rf"\s+and\s+(?:then\s+)?$",
        before,
    )
    if flick:
        flick_at = sent_start + flick.start(1)
        found = name_at(
            ctx,
            {p.start: p for p in ctx.person_mentions},
            flick_at,
            ctx.body[flick_at : sent_start + flick.end(1)],
        )
        return found if found != g.scorer else None
    return None


def _them_side(ctx: ArticleContext, g: GoalMention, teams: list[str]) -> str | None:
    """ "X gave them the lead": "them" is the one club of the match the sentence before names."""
    if not re.match(
        r"[^.;,]{0,30}?\b(?:gave|put|drew|pulled|brought|fired|headed|sent|restored)\s+them\b",
        ctx.body[g.at : g.window[1]],
    ):
        return None
    i = ctx.sentence_index_at(g.at)
    here = [c for c in ctx.gaz_in(ctx.sentences[i].start, g.at, "club") if c.canonical in teams]
    if here:
        return here[-1].canonical  # "Arsenal levelled through A, and B headed them in front"
    if i <= 0:
        return None
    prev = ctx.sentences[i - 1]
    named = {c.canonical for c in ctx.gaz_in(prev.start, prev.end, "club") if c.canonical in teams}
    return named.pop() if len(named) == 1 else None


def nearest_match(ctx: ArticleContext, g: GoalMention, played: list[Match]) -> Match | None:
    """Of several matches, the one of the club named last before the scorer in the scorer's sentence
    ("Brighton won 1-0 at Bournemouth ..., while Fulham beat Aston Villa 3-1, Marco Pellegrini
    scoring all three"; "At Victoria Park, Hartlepool's A opened the scoring and B doubled the lead")."""
    sent = ctx.sentence_at(g.at)
    for club in sorted(ctx.gaz_in(sent.start, g.at, "club"), key=lambda c: c.start, reverse=True):
        left = ctx.body.rfind(",", sent.start, club.start)
        right = ctx.body.find(",", club.end, g.at)
        aside = ctx.body[left:right] if left >= 0 and right >= 0 else ""
        if re.match(
            r",\s+(?!(?:while|and|but|where|as|with|after|before|when|although|though|whereas|then)\b)[a-z]",
            aside,
        ) and re.search(r"\d\s*[-–]\s*\d", aside):
            continue  # a result told in passing: "Chelsea, beaten 1-0 by Valencia last time, fell behind"
        owners = [m for m in played if club.canonical in (m.home, m.away)]
        if len(owners) == 1:
            return owners[0]
        if owners:
            return None
    return None


def other_subject_before(ctx: ArticleContext, sent_start: int, at: int, last: GoalMention) -> bool:
    """ "Ferreira might have won it late on but his header was clawed away": another player named
    earlier in the pronoun's own sentence (and after the last scorer) is the one "his" points to."""
    for p in ctx.people_in(max(sent_start, last.at), at):
        if p.canonical == last.scorer or p.start <= last.at or re.match(POSS_RE, ctx.body[p.end : p.end + 2]):
            continue
        if re.fullmatch(r"\W*(?:[A-Za-z]+\W+){0,2}", ctx.body[sent_start : p.start]):
            return True  # the sentence's own subject
    return False


def own_net_after(masked: str, sent: Segment, m: re.Match[str]) -> bool:
    """ "Meslier turned Cairney's shot into his own net": the shot's owner did not score it."""
    tail = masked[sent.start + m.end() : sent.end]
    return (
        re.match(
            r"\s+(?:\S+\s+){0,3}?(?i:(?:into|past|beyond)\s+(?:his|her|their)\s+own\s+(?:net|goal))", tail
        )
        is not None
    )
