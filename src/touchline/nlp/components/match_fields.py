"""Match fields from the words around a fixture's mentions: home/away, venue, competition, round, date.

Each field is looked for first in the sentences that mention the fixture, then (for an article that
reports one fixture) in the rest of the article outside quotations. Nothing is guessed: a field no
rule finds stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache, partial

from touchline.models import Match
from touchline.nlp.components.match_lexicon import data_path, dated_history, lexicon
from touchline.nlp.components.scorelines import Mention
from touchline.nlp.context import ArticleContext
from touchline.nlp.segment import Segment
from touchline.temporal import find_date_expressions, resolve_relative_date

_NOT_THIS_COMPETITION = re.compile(
    r"^\W{0,3}\s*(?:qualification|qualifying|place|places|spot|spots|berth|football|race|status|survival|"
    r"points total|record|history|debut|era|title race|side|sides|club|clubs|outfit|team|teams|opposition|opponents|"
    r"leaders|champions|strugglers|new boys|newcomers|rivals|high-flyers|holders|new-boys|basement|status|"
    r"matches|games|fixtures|outings|defeats|wins|victories|draws)\b",  # "unbeaten in six League Two matches"
    re.IGNORECASE,
)
# "one game from the Premier League", "promotion to the Championship": the league a club is heading for
_HEADING_FOR = re.compile(
    r"\b(?:(?:one|a|two|three) (?:game|match|win|step|point|points) (?:away )?from|into|reach|reaching|promotion to|"
    r"promoted to|relegation to|relegated to|drop into|dropped into|return to|back in|back into|qualify for|"
    r"qualification for|ticket to|place in|spot in|up to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TARGET_ROUND = re.compile(
    r"(?:\binto|\breach(?:ed|ing)?|\bthrough to|\bplace in|\bspot in|\bprogress(?:ed)? to|\badvance(?:d)? to|"
    r"\bberth in|\bqualif(?:y|ied) for|\bbook(?:ed)? (?:a|their) place in|\bnext|\bmake|\bmade)\s+(?:the\s+)?$|\bwill\b.*$",
    re.IGNORECASE,
)
_FUTURE_LEAD = re.compile(
    r"\b(?:tonight|tomorrow|will|ahead of|this weekend|preview|later today|this evening|faces?|take on|takes on)\b",
    re.IGNORECASE,
)
_NOT_MATCH_DAY = re.compile(r"^(?:since|until|by|from|throughout|during)\b", re.IGNORECASE)


def _quoted(ctx: ArticleContext, start: int, end: int) -> bool:
    quoted = ctx.notes.get("match_quote_mask")
    if quoted is None:
        return ctx.in_quote(start, end)
    return bool(any(quoted[start:end])) or ctx.in_quote(start, end)


def _mention_sentences(ctx: ArticleContext, mentions: list[Mention]) -> list[Segment]:
    seen: dict[int, Segment] = {}
    for m in mentions:
        s = ctx.sentence_at(m.start)
        seen[s.start] = s
    return [seen[k] for k in sorted(seen)]


def _article_sentences(ctx: ArticleContext) -> list[Segment]:
    """Sentences outside quotations (a nickname in quotes, "Jimmy "The Jet" Rourke", leaves its sentence in)."""
    quoted = ctx.notes.get("match_quote_mask")
    out = []
    for s in ctx.sentences:
        if quoted is not None and not ctx.in_quote(s.start, s.start + 1):
            inside = sum(1 for q in quoted[s.start : s.end] if q)
            if inside * 2 < s.end - s.start and not quoted[s.start + (s.end - s.start) // 2]:
                out.append(s)
                continue
        if not _quoted(ctx, s.start, s.start + max(1, (s.end - s.start) // 2)):
            out.append(s)
    return out


def _sentence_is_elsewhere(ctx: ArticleContext, sent: Segment, teams: list[str]) -> bool:
    """A sentence about another game: a club that does not play in this fixture, or an earlier time."""
    lex = lexicon()
    text = ctx.body[sent.start : sent.end].lower()
    if any(p.search(text) for p in lex.historical) or dated_history().search(text):
        return True
    named = {m.canonical for m in ctx.gaz_in(sent.start, sent.end, "club")}
    if len(teams) == 2 and set(teams) <= named:
        return False  # both sides named: about this fixture, whoever else it mentions ("... trip to Leeds")
    if any(m.kind == "club" and m.canonical not in teams for m in ctx.gaz_in(sent.start, sent.end)):
        return True
    for _s, _e, phrase in find_date_expressions(ctx.body[sent.start : sent.end]):
        if re.match(r"(?:back\s+)?in\s", phrase, re.IGNORECASE):
            return True
    return False


def home_and_away(
    ctx: ArticleContext, teams: list[str], mentions: list[Mention], single: bool
) -> tuple[str, str, list[str], bool]:
    """(home, away, flags, from_venue_words)."""

    def pair(home: str) -> tuple[str, str]:
        return home, next(t for t in teams if t != home)

    explicit = [m.home for m in mentions if m.home in teams and not m.home_first]
    if explicit:
        return (*pair(Counter(explicit).most_common(1)[0][0]), [], True)
    sentences = _mention_sentences(ctx, mentions)
    found = _home_from_sentences(ctx, teams, sentences)
    if found:
        return (*pair(found), [], True)
    conventional = [m.home for m in mentions if m.home in teams and m.home_first]
    if conventional:
        return (*pair(conventional[0]), [], False)
    if single:
        rest = [s for s in _article_sentences(ctx) if not _sentence_is_elsewhere(ctx, s, teams)]
        found = _home_from_sentences(ctx, teams, rest)
        if found:
            return (*pair(found), [], True)
    return teams[0], teams[1], ["order_as_given"], False


def _home_from_sentences(ctx: ArticleContext, teams: list[str], sentences: list[Segment]) -> str | None:
    lex = lexicon()
    for sent in sentences:
        for m in ctx.gaz_in(sent.start, sent.end, "stadium"):
            if _quoted(ctx, m.start, m.end):
                continue
            if re.search(
                r"\b(?:at|to|inside|in front of .{0,20}at)\s+(?:the\s+)?$", ctx.body[sent.start : m.start]
            ):
                owner = ctx.gazetteer.club_of_stadium(m.canonical)
                if owner in teams:
                    return owner
        text = ctx.body[sent.start : sent.end]
        clubs = [c for c in ctx.gaz_in(sent.start, sent.end, "club") if c.canonical in teams]
        for (
            c
        ) in clubs:  # "a draw at Fulham", "embarrassment at Brentford": the club named after "at" is at home
            if re.search(r"\bat\s+$", ctx.body[sent.start : c.start]) and not _quoted(ctx, c.start, c.end):
                return c.canonical
        for pattern, who in lex.venue_cues:
            for cue in pattern.finditer(text):
                at = sent.start + cue.start()
                if _quoted(ctx, at, at + 1):
                    continue
                before = [c for c in clubs if c.end <= at]
                after = [c for c in clubs if c.start >= sent.start + cue.end()]
                subject = before[-1].canonical if before else None
                target = (
                    after[0].canonical if after and after[0].start - (sent.start + cue.end()) < 30 else None
                )
                if who == "subject" and subject:
                    return subject
                if who == "other" and target and target != subject:
                    return target
                if who == "other" and subject and not target:
                    return next(t for t in teams if t != subject)
                if who == "subject_away" and subject:
                    return next(t for t in teams if t != subject)
    return None


def venue(
    ctx: ArticleContext, match: Match, mentions: list[Mention], single: bool, by_cue: bool
) -> str | None:
    for m in mentions:
        if m.venue:
            return m.venue
    teams = [t for t in (match.home, match.away) if t]
    sentences = _mention_sentences(ctx, mentions)
    if single:
        sentences += [s for s in _article_sentences(ctx) if not _sentence_is_elsewhere(ctx, s, teams)]
    for sent in sentences:
        for st in ctx.gaz_in(sent.start, sent.end, "stadium"):
            if _quoted(ctx, st.start, st.end):
                continue
            if not re.search(r"\b(?:at|to|inside)\s+(?:the\s+)?$", ctx.body[sent.start : st.start]):
                continue
            owner = ctx.gazetteer.club_of_stadium(st.canonical)
            national = bool(match.home) and ctx.gazetteer.is_national_team(match.home or "")
            if owner is None or owner == match.home or (national and owner not in teams):
                return st.canonical  # (national teams play at club grounds)
        for st in ctx.gaz_in(sent.start, sent.end, "stadium"):
            if (
                match.home
                and ctx.gazetteer.club_of_stadium(st.canonical) == match.home
                and not _quoted(ctx, st.start, st.end)
            ):
                return st.canonical  # "Newcastle United v Sunderland, St James' Park, Sunday 4pm"
    if by_cue and match.home:
        # the home side's ground where the text names it; a side "at home" with no ground named gives
        # no venue (today's ground of a club is not what an older report says)
        grounds = [
            st
            for st in ctx.gaz
            if st.kind == "stadium"
            and ctx.gazetteer.club_of_stadium(st.canonical) == match.home
            and not _quoted(ctx, st.start, st.end)
        ]
        if grounds:
            return grounds[0].canonical
    if not single and match.home:
        # several fixtures: "... but Blackburn turned the tie around at Ewood Park" in a sentence that
        # names no other club gives the home side's ground, when the article gives only that one
        national = ctx.gazetteer.is_national_team(match.home)
        grounds = {
            st.canonical
            for sent in _article_sentences(ctx)
            if not any(p.search(ctx.body[sent.start : sent.end].lower()) for p in lexicon().historical)
            for st in ctx.gaz_in(sent.start, sent.end, "stadium")
            if re.search(r"\b(?:at|inside)\s+(?:the\s+)?$", ctx.body[sent.start : st.start])
            and all(
                c.canonical in teams
                or (national and c.canonical == ctx.gazetteer.club_of_stadium(st.canonical))
                for c in ctx.gaz_in(sent.start, sent.end, "club")
            )  # (national sides play at club grounds: "at the Amex Stadium in Brighton")
            and (
                ctx.gazetteer.club_of_stadium(st.canonical) == match.home
                or (national and ctx.gazetteer.club_of_stadium(st.canonical) not in teams)
            )
        }
        if len(grounds) == 1:
            return grounds.pop()
    return None


def _nearest(items: list[tuple[int, str]], offset: int) -> str | None:
    if not items:
        return None
    return min(items, key=lambda x: abs(x[0] - offset))[1]


@lru_cache(maxsize=1)
def _national() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for line in data_path("national_competitions.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            read, country, meant = (c.strip() for c in line.split("\t"))
            out[(read, country)] = meant
    return out


def national_competition(
    ctx: ArticleContext, competition_name: str | None, home: str | None, away: str | None
) -> str | None:
    """ "a 2-0 Premiership victory over Hibs": when both clubs come from one country whose league bears
    the same short name, the competition is that country's (national_competitions.tsv)."""
    if not competition_name or not home or not away:
        return competition_name
    countries = {ctx.gazetteer.club_country.get(home), ctx.gazetteer.club_country.get(away)}
    if len(countries) != 1:
        return competition_name
    return _national().get((competition_name, countries.pop() or ""), competition_name)


def competition(ctx: ArticleContext, mentions: list[Mention], single: bool) -> str | None:
    def usable(start: int, end: int) -> bool:
        if _quoted(ctx, start, end) or _NOT_THIS_COMPETITION.match(ctx.body[end : end + 30]):
            return False
        if _HEADING_FOR.search(ctx.body[max(0, start - 40) : start]):
            return False
        # "Premier League Portsmouth" describes the club, not the match
        return not any(
            c.kind == "club"
            and end < c.start <= end + 2
            and not re.search(r"[\n.!?;:]", ctx.body[end : c.start])
            for c in ctx.gaz
        )  # a heading line above a results list is not such a description

    anchor = min(m.start for m in mentions)
    for sent in _mention_sentences(ctx, mentions):
        comps = [
            (c.start, c.canonical)
            for c in ctx.gaz_in(sent.start, sent.end, "competition")
            if usable(c.start, c.end)
        ]
        if comps:
            return _nearest(comps, anchor)
    para = ctx.paragraph_at(anchor)
    if para is not None:
        comps = [
            (c.start, c.canonical)
            for c in ctx.gaz_in(para.start, anchor, "competition")
            if usable(c.start, c.end)
        ]
        if comps:
            return comps[-1][1]
    every = [c for c in ctx.gaz if c.kind == "competition" and not _quoted(ctx, c.start, c.end)]
    names = list(dict.fromkeys(c.canonical for c in every))
    if single and len(names) == 1:
        return names[0]
    lead = lead_sentences(ctx)
    lead_comps = [
        c for s in lead for c in ctx.gaz_in(s.start, s.end, "competition") if usable(c.start, c.end)
    ]
    lead_names = list(dict.fromkeys(c.canonical for c in lead_comps))
    if len(lead_names) == 1:
        return lead_names[0]
    return None


def _rounds_in(ctx: ArticleContext, start: int, end: int, future: bool = False) -> list[tuple[int, str]]:
    """Rounds named in [start, end), leaving out the rounds a club is heading for ("into the semi-finals");
    for a fixture still to be played, "will host Port Vale in the third round" names its own round."""
    out: list[tuple[int, str]] = []
    text = ctx.body[start:end]
    for pattern, canonical in lexicon().rounds:
        for m in pattern.finditer(text):
            at = start + m.start()
            target = _TARGET_ROUND.search(ctx.body[max(start, at - 40) : at])
            if _quoted(ctx, at, at + 1) or (target and not (future and "will" in target.group(0).lower())):
                continue
            if re.match(
                r"\s+(?:place|places|spot|berth|ticket|tickets|hopes|dream)\b",
                ctx.body[start + m.end() : end],
            ):
                continue  # "chasing a semi-final place": the round they hope to reach
            if any(a <= at < a + 25 for a, _ in out):
                continue
            out.append((at, m.expand(canonical).lower()))
    return out


def match_round(ctx: ArticleContext, mentions: list[Mention], single: bool) -> str | None:
    anchor = min(m.start for m in mentions)
    future = all(m.status == "scheduled" for m in mentions)
    for sent in _mention_sentences(ctx, mentions):
        found = _rounds_in(ctx, sent.start, sent.end, future)
        if found:
            return _play_off(ctx, _nearest(found, anchor))
    if single:
        found = []
        for sent in _article_sentences(ctx):
            found += _rounds_in(ctx, sent.start, sent.end)
        if found:
            return sorted(found)[0][1]
        return None
    found = []
    for sent in lead_sentences(ctx):
        found += _rounds_in(ctx, sent.start, sent.end)
    if len({r for _a, r in found}) == 1:
        return found[0][1]
    return None


def _play_off(ctx: ArticleContext, found: str | None) -> str | None:
    """ "they face Bournemouth in the final" in an article that names the play-off final: that final."""
    if found != "final":
        return found
    named = any(
        not _quoted(ctx, m.start(), m.end()) for m in re.finditer(r"\bplay-?off final\b", ctx.body, re.I)
    )
    return "play-off final" if named else found


def _date_phrases(ctx: ArticleContext, sent: Segment, future: bool = False) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for s, _e, phrase in find_date_expressions(ctx.body[sent.start : sent.end]):
        at = sent.start + s
        if _quoted(ctx, at, at + 1) or _NOT_MATCH_DAY.match(phrase):
            continue
        if (
            phrase.isupper()
            and phrase.strip().lower().endswith("day")
            and phrase.strip().lower() != "yesterday"
        ):
            continue  # "WEDNESDAY COME FROM BEHIND": a headline word in capitals, a club as often as a day
        if any(g.kind == "club" and g.start < at + len(phrase) and at < g.end for g in ctx.gaz):
            continue  # "Wednesday took control": Sheffield Wednesday, not a day
        if not future and re.search(
            r"\b(?:will|replay (?:is|on|takes)|rearranged|postponed until)\b", ctx.body[sent.start : at]
        ):
            continue  # "they will meet again on January 13": another day than this result's
        out.append((at, phrase))
    return out


def lead_sentences(ctx: ArticleContext, skip_history: bool = True, prose: bool = False) -> list[Segment]:
    """The opening of the article outside quotations: up to four sentences of its first two paragraphs
    (with ``prose``, instead the first four sentences of five words or more, skipping headlines and team
    sheets). Sentences about earlier seasons are left out unless ``skip_history`` is off."""
    lex = lexicon()
    end = ctx.paragraphs[min(1, len(ctx.paragraphs) - 1)].end if ctx.paragraphs else 0
    out: list[Segment] = []
    for sent in _article_sentences(ctx):
        text = ctx.body[sent.start : sent.end]
        if len(out) == 4 or (not prose and sent.start >= end):
            break
        if prose and (len(text.split()) < 5 or text.count(";") >= 2 or text.count(",") >= 6):
            continue
        if not skip_history or not any(p.search(text.lower()) for p in lex.historical):
            out.append(sent)
    return out


def lead_date_phrase(ctx: ArticleContext) -> str | None:
    """The first phrase of the article's opening prose that names a day ("last night", "on Saturday")."""
    found = [
        p for sent in lead_sentences(ctx, skip_history=False, prose=True) for p in _date_phrases(ctx, sent)
    ]
    if ctx.paragraphs and len(ctx.body[ctx.paragraphs[0].start : ctx.paragraphs[0].end].split()) <= 12:
        # a headline: "FOOTBALL: SATURDAY'S LEAGUE RESULTS" dates a results list that has no prose
        first = ctx.paragraphs[0]
        found += [
            p for s in ctx.sentences if first.start <= s.start < first.end for p in _date_phrases(ctx, s)
        ]
    for _at, phrase in found:
        resolved = resolve_relative_date(phrase, ctx.published)
        if resolved and len(resolved) == 10:
            return phrase
    return None


def match_date(
    ctx: ArticleContext, mentions: list[Mention], status: str, single: bool, lead: str | None
) -> str | None:
    future = status == "scheduled"
    for sent in _mention_sentences(ctx, mentions):
        found = _date_phrases(ctx, sent, future)
        here = [m for m in mentions if sent.start <= m.start < sent.end]
        if found:  # the phrase nearest the result; a vague one ("last week" over two months) gives no date
            at, phrase = min(found, key=partial(_distance, mentions=here, body=ctx.body))
            resolved = resolve_relative_date(phrase, ctx.published, future=future)
            if resolved and len(resolved) == 10 and here:
                resolved = _days_before(ctx, at + len(phrase), here[0].start, resolved)
            return resolved if resolved and len(resolved) >= 7 else None
    if lead:
        resolved = resolve_relative_date(lead, ctx.published, future=future)
        if resolved:
            return resolved
    if status == "played" and (single or not _any_day_named(ctx)):
        # a report with no date words is about the games of its publication day
        return ctx.published
    return None


_DAYS_AFTER = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|\d)\s+days?\s+after\s+(?:a|an|the|their|his|her|its|last\w*)\b",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _days_before(ctx: ArticleContext, lo: int, hi: int, resolved: str) -> str:
    """ "sacked on Monday, two days after a 2-1 defeat": the result was that many days before the date
    phrase, when "N days after" stands between the phrase and the result."""
    m = _DAYS_AFTER.search(ctx.body[lo:hi]) if lo < hi else None
    if m is None:
        return resolved
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else _SMALL_NUMBERS[word]
    return (date.fromisoformat(resolved) - timedelta(days=n)).isoformat()


def _distance(item: tuple[int, str], mentions: list[Mention], body: str = "") -> float:
    """How far a date phrase is from the nearest of the mentions: characters, more across a comma."""
    at, phrase = item
    best = float("inf")
    for m in mentions:
        lo, hi = (at + len(phrase), m.start) if at < m.start else (m.end, at)
        gap = abs(hi - lo) + (50 if "," in body[lo:hi] else 0)
        best = min(best, gap)
    return best


def _any_day_named(ctx: ArticleContext) -> bool:
    for sent in _article_sentences(ctx):
        for _at, phrase in _date_phrases(ctx, sent):
            resolved = resolve_relative_date(phrase, ctx.published)
            if resolved and len(resolved) == 10:
                return True
    return False


def is_preview_article(ctx: ArticleContext, scored: list[Mention]) -> bool:
    if any(m.kind == "score" for m in scored):
        return False
    opening = ctx.sentences[:2]
    return any(_FUTURE_LEAD.search(ctx.body[s.start : s.end]) for s in opening)


def likely_opponent(ctx: ArticleContext, men: Mention) -> str | None:
    """The other club of a one-sided scoreline: a stadium's owner in its sentence, else the article's
    clearly most-mentioned other club."""
    sent = men.sentence
    for st in ctx.gaz_in(sent.start, sent.end, "stadium"):
        owner = ctx.gazetteer.club_of_stadium(st.canonical)
        if owner and owner != men.subject:
            return owner
    here = {c.canonical for c in ctx.gaz_in(sent.start, sent.end, "club")} - {men.subject}
    if len(here) == 1:
        return here.pop()
    counts = Counter(
        m.canonical
        for m in ctx.gaz
        if m.kind == "club" and m.canonical != men.subject and not _quoted(ctx, m.start, m.end)
    )
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# ---- attendance stated in the prose -----------------------------------------------------------
_ATTENDANCE_PROSE = re.compile(
    r"\b(?:attendance|att\.?)\s*(?::|was|of)?\s*(?P<a>\d{1,3}(?:,\d{3})+|\d{4,6})\b"
    r"|\b(?:in front of|watched by|before)\s+(?:a\s+(?:crowd|gate)\s+of\s+)?(?P<b>\d{1,3}(?:,\d{3})+|\d{5,6})\b"
    r"|\b(?:crowd|gate)\s+of\s+(?P<c>\d{1,3}(?:,\d{3})+|\d{5,6})\b",  # bare 4 digits: a year
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:more than|over|almost|nearly|around|about|some|close to|under|fewer than)\s+$", re.I
)


def prose_attendance(ctx: ArticleContext, matches: list[Match]) -> None:
    """ "in front of 59,042", "Attendance: 24,133" in the prose: the attendance of the one match played,
    or, in a results list, of the one result on the same line ("Everton 1 Luton Town 1. Att: 22,528.").
    Rounded or hedged crowds ("more than 41,000", "a crowd of 18,000") are not figures."""
    played = [m for m in matches if m.status == "played"]
    if not played:
        return
    for m in _ATTENDANCE_PROSE.finditer(ctx.body):
        raw = m.group("a") or m.group("b") or m.group("c")
        value = int(raw.replace(",", ""))
        if _quoted(ctx, m.start(), m.end()) or value < 500 or value % 1000 == 0:
            continue  # a round thousand is an estimate, not a count
        start = m.start("a") if m.group("a") else m.start("b") if m.group("b") else m.start("c")
        if _HEDGE.search(ctx.body[max(0, start - 20) : start]):
            continue
        if m.group("b") and re.search(r"\d+\s+(?:minutes|mins|yards|metres)", ctx.body[start : start + 20]):
            continue
        line_start = ctx.body.rfind("\n", 0, start) + 1
        line_end = ctx.body.find("\n", start)
        line_end = len(ctx.body) if line_end < 0 else line_end
        on_line = [x for x in played if any(ev.start < line_end and ev.end > line_start for ev in x.evidence)]
        target = on_line[0] if len(on_line) == 1 else played[0] if len(played) == 1 else None
        if target is not None and target.attendance is None:
            target.attendance = value
            target.evidence.append(ctx.evidence(start, start + len(raw)))


_REFEREE_BEFORE = re.compile(r"\b(?:referee|ref)\s*[:,]?\s*$", re.IGNORECASE)


def prose_referee(ctx: ArticleContext, matches: list[Match]) -> None:
    """ "The Dutch referee Joost Verhaeg booked ...", "referee Kirsty Dowling": the official named in
    the prose, for the one match played, when no match-facts block gave one."""
    played = [m for m in matches if m.status == "played"]
    if len(played) != 1 or played[0].referee is not None:
        return
    for p in ctx.person_mentions:
        before = ctx.body[max(0, p.start - 30) : p.start]
        if "\n" in before.rstrip(" "):
            before = before[before.rfind("\n") + 1 :]
        if re.search(
            r"\b(?:former|ex-|retired|assistant|fourth|video|var)\s*(?:\w+\s+)?(?:referee|ref)\b",
            before,
            re.I,
        ):
            continue  # "former referee X", "assistant referee X": not the match official
        if _REFEREE_BEFORE.search(before) and not _quoted(ctx, p.start, p.end):
            played[0].referee = p.canonical
            played[0].evidence.append(ctx.evidence(p.start, p.end))
            return
