"""What sport a text is about, so that nothing from rugby, tennis, athletics, cricket, Gaelic games and
the like becomes a football fact.

The evidence is lexical and deliberately simple: words and phrases that are (almost) only used about one
sport (``data/sport_cues.tsv``: "scrum", "Six Nations", "tie-break", "wickets", "All-Ireland final"),
each with a weight, counted in one pass over the text. Football is the default (touchline reads football
news; a manager story may name no sport at all), so a text is another sport only when that sport's cues
are strong (at least ``MIN_OTHER``) and outweigh football's.

Two levels:

* the **article**: its cue totals decide its sport; a non-football article yields no football facts;
* the **paragraph**: in a football article (a round-up, a news digest), a paragraph whose own cues are
  all another sport's, and strong, is that sport, and facts whose evidence lies only there are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.models import ArticleFacts, Evidence

FOOTBALL = "football"
MIN_OTHER = 3  # weight another sport needs before it can outrank football
MIN_PARAGRAPH = 6  # weight one paragraph needs to differ from its article (one stray word is not enough)
CUES_FILE = DATA_DIR / "sport_cues.tsv"


@dataclass(frozen=True)
class _Cues:
    pattern: re.Pattern[str]
    groups: dict[str, tuple[str, int]]  # group name -> (sport, weight)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    parts: list[str] = []
    groups: dict[str, tuple[str, int]] = {}
    for line in CUES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sport, weight, regex = line.split("\t")
        name = f"c{len(groups)}"
        groups[name] = (sport, int(weight))
        parts.append(f"(?P<{name}>{regex})")
    return _Cues(re.compile("|".join(parts), re.IGNORECASE), groups)


@dataclass
class SportReading:
    """The sport of a text and of its paragraphs, with the cue totals behind the decision."""

    sport: str = FOOTBALL
    totals: Counter[str] = field(default_factory=Counter)
    # paragraphs (start, end, sport) whose own cues name a sport other than the article's
    exceptions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def is_football(self) -> bool:
        return self.sport == FOOTBALL

    @property
    def has_football(self) -> bool:
        """Whether any part of the text is about football (the article or one of its paragraphs)."""
        return self.is_football or any(sport == FOOTBALL for _s, _e, sport in self.exceptions)

    def sport_at(self, offset: int) -> str:
        """The sport of the paragraph holding ``offset``."""
        i = bisect.bisect_right(self.exceptions, offset, key=lambda span: span[0]) - 1
        if i >= 0:
            start, end, sport = self.exceptions[i]
            if start <= offset < end:
                return sport
        return self.sport


def decide(totals: Counter[str], minimum: int = MIN_OTHER, hits: Counter[str] | None = None) -> str:
    """Football unless another sport has at least ``minimum`` weight and more than football. Where the
    text has football cues too, one stray word of another sport ("a rugby tackle") does not decide: that
    sport needs two cues or more."""
    football = totals.get(FOOTBALL, 0)
    others = [
        (w, s) for s, w in totals.items() if s != FOOTBALL and (not football or not hits or hits[s] >= 2)
    ]
    if not others:
        return FOOTBALL
    weight, sport = max(others)
    return sport if weight >= minimum and weight > football else FOOTBALL


def _paragraph_sport(totals: Counter[str], article_sport: str) -> str:
    """A paragraph differs from its article only on strong cues of one sport and none of the article's."""
    if totals.get(article_sport, 0):
        return article_sport
    if article_sport == FOOTBALL:
        return decide(totals, MIN_PARAGRAPH)
    return FOOTBALL if totals.get(FOOTBALL, 0) >= MIN_PARAGRAPH and len(totals) == 1 else article_sport


def read_sport(text: str, paragraphs: list[tuple[int, int]] | None = None) -> SportReading:
    """Classify ``text``; ``paragraphs`` (start, end offsets) adds the paragraph level."""
    cues = _cues()
    hits: list[tuple[int, str, int]] = []
    for m in cues.pattern.finditer(text):
        sport, weight = cues.groups[m.lastgroup or ""]
        hits.append((m.start(), sport, weight))
    totals: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for _pos, sport, weight in hits:
        totals[sport] += weight
        counts[sport] += 1
    reading = SportReading(decide(totals, MIN_OTHER, counts), totals)
    if paragraphs and len(paragraphs) > 1:
        positions = [pos for pos, _s, _w in hits]
        for start, end in paragraphs:
            lo, hi = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
            para: Counter[str] = Counter()
            for _pos, sport, weight in hits[lo:hi]:
                para[sport] += weight
            sport = _paragraph_sport(para, reading.sport)
            if sport != reading.sport:
                reading.exceptions.append((start, end, sport))
    return reading


def _elsewhere(evidence: list[Evidence], reading: SportReading) -> bool:
    """True when the evidence lies only in text about another sport than football."""
    return bool(evidence) and all(reading.sport_at(e.start) != FOOTBALL for e in evidence)


def drop_other_sport_facts(facts: ArticleFacts, reading: SportReading) -> None:
    """Remove the facts whose evidence lies only in text (article or paragraphs) about another sport."""
    if reading.is_football and not reading.exceptions:
        return
    facts.matches = [m for m in facts.matches if not _elsewhere(m.evidence, reading)]
    for match in facts.matches:
        match.goals = [g for g in match.goals if not _elsewhere(g.evidence, reading)]
    facts.people = [p for p in facts.people if not _elsewhere(p.mentions, reading)]
    facts.roles = [r for r in facts.roles if not _elsewhere(r.evidence, reading)]
    facts.quotes = [q for q in facts.quotes if not _elsewhere(q.evidence, reading)]
    facts.claims = [c for c in facts.claims if not _elsewhere(c.evidence, reading)]
