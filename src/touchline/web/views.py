"""View models for the HTML pages: plain data assembled from the knowledge base, ready for the templates.

Templates stay simple (loops and ifs); the decisions live here: which source provides a match's line-ups,
how an article's facts become highlighted spans, which pages an article links to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from touchline.errors import QueryError
from touchline.linking.people import fold
from touchline.models import Article, ArticleFacts, Card, LineupEntry, Match
from touchline.query.kb import KnowledgeBase
from touchline.query.types import Cite, Hit, MergedGoal, MergedMatch, SearchPage
from touchline.store.base import SourceRef
from touchline.web.highlight import Span, excerpt, highlight, sentence_span

_WORD = re.compile(r"\w{2,}", re.UNICODE)


# ---- links -------------------------------------------------------------------------------
def person_url(name: str) -> str:
    return "/people/" + quote(name, safe="")


def club_url(name: str) -> str:
    return "/clubs/" + quote(name, safe="")


def h2h_url(a: str, b: str) -> str:
    return f"/clubs/{quote(a, safe='')}/vs/{quote(b, safe='')}"


def match_url(match_id: str) -> str:
    return "/matches/" + quote(match_id, safe="")


def article_url(article_id: str, start: int | None = None, end: int | None = None) -> str:
    url = "/articles/" + quote(article_id, safe="")
    if start is not None and end is not None:
        url += f"?hl={start}-{end}#focus"
    return url


def cite_url(cite: Cite) -> str:
    return article_url(cite.article_id, cite.start, cite.end)


def fmt_value(value: Any) -> str:
    """A merged value for display: a (home, away) pair as "2-1", None as "unknown"."""
    if value is None:
        return "unknown"
    if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]}-{value[1]}"
    if isinstance(value, tuple | list):
        return ", ".join(fmt_value(v) for v in value)
    return str(value)


def parse_hl(value: str | None) -> tuple[int, int] | None:
    """``"120-180"`` → (120, 180); anything else → None."""
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value or "")
    if not m or int(m.group(2)) <= int(m.group(1)):
        return None
    return int(m.group(1)), int(m.group(2))


# ---- articles ----------------------------------------------------------------------------
def article_title(article: Article, limit: int = 90) -> str:
    """The stored title, else the opening words of the body."""
    if article.title:
        return article.title
    first = article.body.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def find_article(kb: KnowledgeBase, ident: str) -> Article | None:
    """An article by full id or by a unique prefix of at least six characters."""
    art = kb.store.article(ident)
    if art is None and len(ident) >= 6 and re.fullmatch(r"[0-9a-fA-F]+", ident):
        ids = kb.store.find_article_ids(ident)
        if len(ids) == 1:
            art = kb.store.article(ids[0])
    return art


def _goal_label(home: str | None, away: str | None, g: Any) -> str:
    minute = f" {g.minute}'" if g.minute is not None else ""
    return f"goal: {g.scorer}{minute}" + (f" ({g.team})" if g.team else "")


def fact_spans(facts: ArticleFacts) -> list[Span]:
    """Every fact's evidence in an article as a highlight span (kind = CSS class suffix)."""
    spans: list[Span] = []
    for m in facts.matches:
        label = f"match: {m.home or '?'} v {m.away or '?'}"
        if m.home_score is not None and m.away_score is not None:
            label = f"match: {m.home or '?'} {m.home_score}-{m.away_score} {m.away or '?'}"
        spans += [Span(e.start, e.end, "match", label) for e in m.evidence]
        for g in m.goals:
            spans += [Span(e.start, e.end, "goal", _goal_label(m.home, m.away, g)) for e in g.evidence]
        for c in m.cards or []:
            lab = f"{c.colour} card: {c.person}" + (f" {c.minute}'" if c.minute is not None else "")
            spans += [Span(e.start, e.end, "card", lab) for e in c.evidence]
    for p in facts.people:
        spans += [Span(e.start, e.end, "person", f"person: {p.name}") for e in p.mentions]
    for r in facts.roles:
        label = f"role: {r.person}, {r.role.replace('_', ' ')}" + (f" of {r.club}" if r.club else "")
        spans += [Span(e.start, e.end, "role", f"{label} ({r.event})") for e in r.evidence]
    for q in facts.quotes:
        spans += [Span(e.start, e.end, "quote", f"quote: {q.speaker or 'unattributed'}") for e in q.evidence]
    for cl in facts.claims:
        spans += [
            Span(e.start, e.end, "claim", f"claim ({cl.kind}): {cl.subject} {cl.value}") for e in cl.evidence
        ]
    return spans


@dataclass
class Related:
    """The pages an article leads to: its merged matches, the people and clubs it names."""

    matches: list[MergedMatch] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    clubs: list[str] = field(default_factory=list)


def related(kb: KnowledgeBase, article_id: str, people_limit: int = 8) -> Related:
    out = Related(matches=[m for m in kb.matches if article_id in m.article_ids])
    facts = kb.store.facts(article_id)
    counts: dict[str, int] = {}
    clubs: list[str] = []
    for m in out.matches:
        clubs += [m.home, m.away]
    if facts is not None:
        for p in facts.people:
            canon = kb.name_map.get(p.name, p.name)
            counts[canon] = counts.get(canon, 0) + max(1, len(p.mentions))
            if p.team:
                clubs.append(p.team)
        for r in facts.roles:
            if r.club:
                clubs.append(r.club)
    known = kb.known_clubs
    out.clubs = [c for c in dict.fromkeys(clubs) if c in known]
    out.people = sorted(counts, key=lambda n: (-counts[n], n))[:people_limit]
    return out


@dataclass
class ArticleView:
    article: Article
    title: str
    body: Markup
    spans: int
    related: Related
    facts: ArticleFacts | None
    focus: tuple[int, int] | None
    source: str


def article_view(kb: KnowledgeBase, article: Article, hl: str | None = None) -> ArticleView:
    facts = kb.store.facts(article.id)
    spans = fact_spans(facts) if facts else []
    focus = parse_hl(hl)
    if focus and focus[1] <= len(article.body):
        spans.append(Span(focus[0], focus[1], "focus", "the evidence you followed", anchor="focus"))
    else:
        focus = None
    return ArticleView(
        article,
        article_title(article),
        highlight(article.body, spans),
        len(spans),
        related(kb, article.id),
        facts,
        focus,
        source_label(article.source),
    )


def source_label(source: str) -> str:
    """A URL as is; a file path by its file name (the server's folders are not the reader's business)."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I):
        return source
    return re.split(r"[\\/]", source)[-1] or source


# ---- evidence in context -----------------------------------------------------------------
@dataclass
class EvidenceView:
    """A cite shown inside its article: the sentence and the exact span highlighted."""

    cite: Cite
    title: str
    sentence: Markup
    context: Markup
    url: str


def evidence_view(kb: KnowledgeBase, cite: Cite, anchor: str | None = None) -> EvidenceView | None:
    art = kb.store.article(cite.article_id)
    if art is None or cite.end > len(art.body):
        return None
    lo, hi = sentence_span(art.body, cite.start, cite.end)
    spans = [
        Span(lo, hi, "sentence", "evidence sentence", anchor=anchor),
        Span(cite.start, cite.end, "evidence", "evidence"),
    ]
    sentence = highlight(art.body[lo:hi], [Span(cite.start - lo, cite.end - lo, "evidence", "evidence")])
    return EvidenceView(cite, article_title(art), sentence, excerpt(art.body, lo, hi, spans), cite_url(cite))


def evidence_views(kb: KnowledgeBase, cites: list[Cite], limit: int = 6) -> list[EvidenceView]:
    out: list[EvidenceView] = []
    seen: set[tuple[str, int, int]] = set()
    for c in cites:
        key = (c.article_id, c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        view = evidence_view(kb, c, anchor=f"ev-{len(out)}")
        if view:
            out.append(view)
        if len(out) >= limit:
            break
    return out


def mark_words(text: str, query: str) -> Markup:
    """``text`` escaped, with the words of ``query`` (prefix matches) highlighted."""
    words = {w.casefold() for w in _WORD.findall(query)}
    spans = [
        Span(m.start(), m.end(), "term")
        for m in _WORD.finditer(text)
        if any(m.group().casefold().startswith(w) for w in words)
    ]
    return highlight(text, spans)


@dataclass
class HitView:
    hit: Hit
    title: str
    sentence: Markup
    url: str
    speaker: str | None
    related: Related


@dataclass
class SearchPager:
    """The hit count and the links to the previous and next pages of a search."""

    total: int
    first: int  # 1-based number of the first hit shown
    last: int
    page: int
    pages: int
    prev_url: str | None
    next_url: str | None
    capped: bool


def search_pager(form: dict[str, str], found: SearchPage, page: int) -> SearchPager:
    pages = max(1, -(-found.total // max(found.limit, 1)))

    def url(n: int) -> str:
        params = {k: v for k, v in form.items() if v and not (k == "kind" and v == "all")}
        return "/search?" + urlencode({**params, "page": n})

    return SearchPager(
        found.total,
        found.offset + 1 if found.hits else 0,
        found.offset + len(found.hits),
        page,
        pages,
        url(page - 1) if page > 1 else None,
        url(page + 1) if found.offset + len(found.hits) < found.total else None,
        found.capped,
    )


def hit_views(kb: KnowledgeBase, hits: list[Hit], query: str) -> list[HitView]:
    out = []
    for h in hits:
        art = kb.store.article(h.article_id)
        title = h.title or (article_title(art) if art else h.article_id[:12])
        speaker = None
        if h.evidence:
            c = h.evidence[0]
            url = cite_url(c)
            text = c.text
            if art and c.end <= len(art.body):
                lo, hi = sentence_span(art.body, c.start, c.end)
                text = art.body[lo:hi]
        else:
            url, text = article_url(h.article_id), h.snippet
        if h.kind == "quote":
            speaker = _quote_speaker(kb, h)
        out.append(HitView(h, title, mark_words(text, query), url, speaker, related(kb, h.article_id, 5)))
    return out


def _quote_speaker(kb: KnowledgeBase, hit: Hit) -> str | None:
    facts = kb.store.facts(hit.article_id)
    if facts is None or not hit.evidence:
        return None
    start = hit.evidence[0].start
    for q in facts.quotes:
        if q.speaker and any(e.start == start for e in q.evidence):
            return kb.name_map.get(q.speaker, q.speaker)
    return None


# ---- matches -----------------------------------------------------------------------------
@dataclass
class SourceDetails:
    """What one source article says about a match beyond the merged fields (team sheets and match facts)."""

    ref: SourceRef
    lineups: dict[str, list[LineupEntry]] | None
    cards: list[Card]
    referee: str | None
    attendance: int | None
    warnings: list[str]


@dataclass
class MatchView:
    match: MergedMatch
    goals: list[tuple[MergedGoal, str | None]]  # goal and the running score after it (when known)
    lineups: dict[str, list[LineupEntry]] | None
    lineup_source: SourceRef | None
    cards: list[Card]
    referee: str | None
    attendance: int | None
    notes: list[str]  # disagreements between sources on the match facts
    warnings: list[tuple[str, SourceRef]]
    evidence: list[EvidenceView]
    people: dict[str, str]  # name as printed (sheet, scorer, card) → canonical person with a page


def _same_match(m: Match, merged: MergedMatch) -> bool:
    return {m.home, m.away} == {merged.home, merged.away}


def source_details(kb: KnowledgeBase, merged: MergedMatch) -> list[SourceDetails]:
    out = []
    for ref in merged.sources:
        facts = kb.store.facts(ref.article_id)
        if facts is None:
            continue
        for m in facts.matches:
            if not _same_match(m, merged):
                continue
            lineups = m.lineups
            if lineups and m.home == merged.away and m.away == merged.home:
                lineups = {"home": lineups.get("away", []), "away": lineups.get("home", [])}
            out.append(SourceDetails(ref, lineups, m.cards or [], m.referee, m.attendance, m.warnings))
            break
    return out


def _running_scores(merged: MergedMatch, goals: list[MergedGoal]) -> list[str | None]:
    """The score after each goal, when every goal has a known team and the goals add up to the score."""
    teams = [g.team for g in goals]
    if not goals or any(t not in (merged.home, merged.away) for t in teams):
        return [None] * len(goals)
    if any(g.minute is None for g in goals):
        return [None] * len(goals)
    if (merged.home_score, merged.away_score) != (teams.count(merged.home), teams.count(merged.away)):
        return [None] * len(goals)
    h = a = 0
    out: list[str | None] = []
    for t in teams:
        h, a = (h + 1, a) if t == merged.home else (h, a + 1)
        out.append(f"{h}-{a}")
    return out


def match_view(kb: KnowledgeBase, merged: MergedMatch) -> MatchView:
    goals = sorted(merged.goals, key=lambda g: (g.minute is None, g.minute or 0, g.added or 0))
    details = source_details(kb, merged)
    with_lineups = next((d for d in details if d.lineups), None)
    cards = next((d.cards for d in details if d.cards), [])
    notes = []
    referees = {d.referee for d in details if d.referee}
    attendances = {d.attendance for d in details if d.attendance is not None}
    in_conflicts = {c.field for c in merged.conflicts}
    if len(referees) > 1 and "referee" not in in_conflicts:
        notes.append("sources name different referees: " + ", ".join(sorted(referees)))
    if len(attendances) > 1 and "attendance" not in in_conflicts:
        notes.append(
            "sources give different attendances: " + ", ".join(f"{n:,}" for n in sorted(attendances))
        )
    warnings = [(w, d.ref) for d in details for w in d.warnings]
    view = MatchView(
        merged,
        list(zip(goals, _running_scores(merged, goals), strict=True)),
        with_lineups.lineups if with_lineups else None,
        with_lineups.ref if with_lineups else None,
        sorted(cards, key=lambda c: (c.minute is None, c.minute or 0)),
        next((d.referee for d in details if d.referee), None),
        next((d.attendance for d in details if d.attendance is not None), None),
        notes,
        warnings,
        evidence_views(kb, merged.evidence, limit=4),
        {},
    )
    names = [g.scorer for g in goals] + [c.person for c in view.cards]
    for entries in (view.lineups or {}).values():
        names += [e.name for e in entries]
    view.people = resolve_people(kb, names)
    return view


def resolve_people(kb: KnowledgeBase, names: list[str]) -> dict[str, str]:
    """Printed name → canonical person name, for names that lead to a person page (others stay text).

    A bare surname is resolved only through the stored name map or a unique known full name; a name
    the knowledge base cannot place is left unlinked rather than guessed.
    """
    out: dict[str, str] = {}
    for name in dict.fromkeys(names):
        if name in kb.name_map:
            out[name] = kb.name_map[name]
            continue
        try:
            canon = kb.person_name(name)
        except QueryError:
            continue
        if fold(canon.split()[-1]) == fold(name.split()[-1]):  # not a fuzzy jump to someone else
            out[name] = canon
    return out


def result_letter(m: MergedMatch, club: str) -> str | None:
    """W / D / L for ``club`` in a played match with a score."""
    if m.home_score is None or m.away_score is None or m.status != "played":
        return None
    ours, theirs = (m.home_score, m.away_score) if m.home == club else (m.away_score, m.home_score)
    return "W" if ours > theirs else "D" if ours == theirs else "L"


def recent_matches(kb: KnowledgeBase, limit: int = 10) -> list[MergedMatch]:
    dated = sorted(kb.matches, key=lambda m: (m.date or "", m.id), reverse=True)
    return dated[:limit]


def example_questions(kb: KnowledgeBase) -> list[str]:
    """A few questions this store can answer, built from what it holds (shown under the ask box)."""
    out: list[str] = []
    managers = [t for t in kb.tenures if t.role == "manager" and (t.last_seen or t.start)]
    if managers:
        t = max(managers, key=lambda t: len(t.evidence))
        out.append(f"who managed {t.club} on {t.last_seen or t.start}?")
    scored = [m for m in kb.matches if m.score]
    if scored:
        m = max(scored, key=lambda m: (len(m.sources), m.date or ""))
        out.append(f"what was the score of {m.home} v {m.away}?")
    with_goals = [m for m in kb.matches if any(g.team for g in m.goals)]
    if with_goals:
        m = max(with_goals, key=lambda m: (len(m.goals), m.date or ""))
        team = next(g.team for g in m.goals if g.team)
        other = m.away if team == m.home else m.home
        out.append(f"who scored for {team} against {other}?")
    leavers = [t for t in kb.tenures if t.end]
    if leavers:
        t = leavers[0]
        out.append(f"when did {t.person} leave {t.club}?")
    return out
