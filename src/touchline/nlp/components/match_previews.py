"""Fixtures named without a score: previews ("Liverpool host Chelsea on Saturday", "Tuesday's home game
against Brentford", "Liverpool v Chelsea") and pairs ("the derby between Cardiff City and Swansea City")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from touchline.nlp.components.match_lexicon import (
    CLUB_RE,
    COMP,
    FILL,
    SCORE_RE,
    STADIUM,
    STADIUM_RE,
    data_path,
)
from touchline.nlp.components.scorelines import _BOUNDARY, Mention, MentionFinder
from touchline.nlp.segment import Segment
from touchline.temporal import find_date_expressions, resolve_relative_date

_NEAR_FUTURE_DAYS = 120
# "Nottingham Forest v Derby County, City Ground, Sunday 12pm": a fixture line's day and kick-off time
_FIXTURE_TIME = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\bk(?:ick)?-?o(?:ff)?:?\s+\d"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\s+(?:[01]\d|2[0-3])[0-5]\d\b",  # "Sat 1500 Leeds v Arsenal"
    re.IGNORECASE,
)


def names_future_date(text: str, published: str | None) -> bool:
    """A day and month without a year that can only be ahead of publication ("on December 3" in an
    article of November): its past reading is most of a year ago, its future one weeks away."""
    if not published:
        return False
    pub = date.fromisoformat(published)
    for _, _, phrase in find_date_expressions(text):
        if re.search(r"\b(?:19|20)\d{2}\b|\b(?:last|ago|yesterday)\b", phrase, re.IGNORECASE):
            continue
        past, ahead = resolve_relative_date(phrase, pub), resolve_relative_date(phrase, pub, future=True)
        if not past or not ahead or len(past) != 10 or len(ahead) != 10:
            continue
        behind_days = (pub - date.fromisoformat(past)).days
        ahead_days = (date.fromisoformat(ahead) - pub).days
        if 0 < ahead_days <= _NEAR_FUTURE_DAYS and behind_days > _NEAR_FUTURE_DAYS:
            return True
    return False


def _score_in_clause(text: str, start: int, end: int) -> bool:
    """A scoreline in the clause around [start, end) of a masked sentence: then it is a result."""
    left = max([0] + [b.end() for b in _BOUNDARY.finditer(text[:start])])
    nxt = _BOUNDARY.search(text, end)
    right = nxt.start() if nxt else len(text)
    return SCORE_RE.search(text[left:right]) is not None


def _fixture_line(self: MentionFinder, sent: Segment, text: str, m: re.Match[str]) -> bool:
    """ "Arsenal v Stoke" alone on its line (a draw or fixture list): a fixture to be played. A line of
    its own, not a headline: the article's first paragraph is its title."""
    para = self.ctx.paragraph_at(sent.start + m.start())
    if para is None or para is self.ctx.paragraphs[0]:
        return False
    return (
        text.strip() == m.group(0).strip()
        and self.ctx.body[para.start : para.end].strip() == self.ctx.body[sent.start : sent.end].strip()
    )


def between_pairs(self: MentionFinder) -> list[Mention]:
    """ "the derby between Cardiff City and Swansea City": a fixture named by its two clubs."""
    out = []
    for sent in self.ctx.sentences:
        self.ctx.check_deadline()
        text = self.masked[sent.start : sent.end]
        for m in re.finditer(
            rf"\b(?:derby|match|game|clash|tie|fixture|meeting|encounter|showdown)\s+between\s+({CLUB_RE})\s+and\s+({CLUB_RE})",
            text,
            re.IGNORECASE,
        ):
            a = sent.start + m.start()
            first, second = self.club_at(sent.start + m.start(1)), self.club_at(sent.start + m.start(2))
            if self.in_quote(a, a + 1) or not first or not second or first == second:
                continue
            if self.is_historical(sent, a, sent.start + m.end()):
                continue
            men = Mention(a, sent.start + m.end(), sent, first, second, kind="result")
            out.append(self._finish(men))
    return out


@lru_cache(maxsize=1)
def _pair_meet() -> re.Pattern[str]:
    """ "Leeds United and Middlesbrough meet at Elland Road on Saturday": two clubs as one subject."""
    lines = data_path("pair_meet_verbs.txt").read_text(encoding="utf-8").splitlines()
    verbs = "|".join(
        re.escape(v.strip()).replace(r"\ ", r"\s+") for v in lines if v.strip() and not v.startswith("#")
    )
    return re.compile(
        rf"({CLUB_RE})\s+(?:and|&)\s+({CLUB_RE})\s+(?:will\s+|are\s+set\s+to\s+|must\s+)?(?i:{verbs})\b"
        rf"(?:\s+(?:again\s+)?(?i:at)\s+(?:the\s+)?({STADIUM_RE}))?"
    )


def pair_meetings(self: MentionFinder, text: str, sent: Segment, future: bool) -> list[Mention]:
    """Fixtures told with both clubs as the subject of a meeting verb, in a sentence about the future."""
    out = []
    for m in _pair_meet().finditer(text):
        first, second = self.club_at(sent.start + m.start(1)), self.club_at(sent.start + m.start(2))
        a = sent.start + m.start()
        if not future or not first or not second or first == second or self.in_quote(a, a + 1):
            continue
        if _score_in_clause(text, m.start(), m.end()):
            continue
        men = Mention(a, sent.start + m.end(), sent, first, second, status="scheduled", kind="preview")
        men.told_ahead = True
        if m.group(3):
            ground = self.stadiums[sent.start + m.start(3)].canonical
            owner = self.ctx.gazetteer.club_of_stadium(ground)
            men.venue = ground
            if owner in (first, second):
                men.home = owner
                men.subject, men.other = owner, second if owner == first else first
        out.append(self._finish(men))
    return out


def previews(self: MentionFinder, future_article: bool) -> list[Mention]:
    out = []
    lex = self.lex
    future_words = re.compile(
        r"\b(?:will|tonight|tomorrow|this (?:weekend|evening|afternoon)|next (?:week|weekend|\w+day)|"
        r"ahead of|preview|prepare|preparing|set to|bid to|kick-?off|on (?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday)|at the weekend|later today|upcoming|this week)\b",
        re.IGNORECASE,
    )
    for sent in self.ctx.sentences:
        self.ctx.check_deadline()
        text = self.masked[sent.start : sent.end]
        future_date = names_future_date(self.ctx.body[sent.start : sent.end], self.ctx.published)
        for m in re.finditer(
            rf"(?<!\bthe )(?<!\ba )\b(?:will\s+|set\s+to\s+|to\s+)?({lex.preview_re})\s+(?!of\b)(?:[a-z][\w-]*\s+){{0,2}}?({CLUB_RE})",
            text,
            re.IGNORECASE,
        ):
            if not (future_article or future_date or future_words.search(text)):
                continue
            if _score_in_clause(text, m.start(), m.end()):
                continue
            a = sent.start + m.start()
            other = self.club_at(sent.start + m.start(2))
            subject = self.subject_before(sent, a, other, False)
            if not subject or not other or subject == other or self.in_quote(a, a + 1):
                continue
            men = Mention(a, sent.start + m.end(), sent, subject, other, status="scheduled", kind="preview")
            men.told_ahead = True
            verb = m.group(1).lower()
            for pattern, who in lex.venue_cues:
                if pattern.fullmatch(verb):
                    men.home = subject if who == "subject" else other if who == "other" else None
                    break
            out.append(self._finish(men))
        out += pair_meetings(
            self, text, sent, bool(future_article or future_date or future_words.search(text))
        )
        noun = re.finditer(
            rf"(?:\b\w+['’]s\s+|\bthe\s+|\bthis\s+|\bnext\s+|\bupcoming\s+|\ba\s+|(?={COMP}))(?:(?:[a-z][\w-]*|{COMP}{FILL}*)\s+){{0,3}}?"
            rf"(home\s+|away\s+)?(?:game|match|clash|tie|fixture|meeting|derby|showdown|encounter|trip|visit)\s+"
            rf"(against|with|v|vs|versus|at|to|of)\s+(?:the\s+)?({CLUB_RE}|{STADIUM_RE})",
            text,
            re.IGNORECASE,
        )
        for m in noun:
            if not (future_date or future_words.search(text)) or _score_in_clause(text, m.start(), m.end()):
                continue
            if self.in_quote(sent.start + m.start(), sent.start + m.end()):
                continue
            a = sent.start + m.start()
            target = sent.start + m.start(3)
            if m.group(3).startswith(STADIUM):  # "Sunday's trip to Anfield"
                other = self.ctx.gazetteer.club_of_stadium(self.stadiums[target].canonical)
            else:
                other = self.club_at(target)
            subject = self.subject_before(sent, a, other, True)
            if not subject or not other or subject == other:
                continue
            men = Mention(a, sent.start + m.end(), sent, subject, other, status="scheduled", kind="preview")
            side, prep = (m.group(1) or "").strip().lower(), m.group(2).lower()
            word = m.group(0).lower()
            if side == "home" or (prep == "of" and "visit" in word):
                men.home = subject
            elif side == "away" or prep in ("at", "to"):
                men.home = other
            out.append(self._finish(men))
        for m in re.finditer(rf"({CLUB_RE})\s+(?:v|vs|versus)\.?\s+({CLUB_RE})", text):
            home = self.club_at(sent.start + m.start(1))
            away = self.club_at(sent.start + m.start(2))
            if _score_in_clause(text, m.start(), m.end()):
                continue
            if (
                home
                and away
                and home != away
                and (
                    future_article
                    or future_date
                    or future_words.search(text)
                    or _FIXTURE_TIME.search(text)
                    or _fixture_line(self, sent, text, m)
                )
            ):
                men = Mention(sent.start + m.start(), sent.start + m.end(), sent, home, away, kind="preview")
                men.status, men.home, men.home_first = "scheduled", home, True
                out.append(self._finish(men))
    return out
