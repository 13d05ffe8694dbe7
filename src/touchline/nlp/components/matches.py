"""Matches: one record per real fixture an article reports (played) or previews (scheduled).

Mentions come from :mod:`scorelines`; mentions of the same fixture are merged (the intro's "a 2-1
defeat against Liverpool" and a later "Liverpool's 2-1 win"); then home and away, competition,
round, venue and date are filled from the words around the mentions, and goals from :mod:`goals`.
When the text cannot tell which side was at home, the order it gives is kept and the match carries
the flag ``order_as_given``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from touchline.linking.gazetteer import GazMention
from touchline.models import Match
from touchline.nlp.components import match_fields as fields
from touchline.nlp.components import match_previews as named
from touchline.nlp.components.goal_attach import attach_goals
from touchline.nlp.components.scorelines import Mention, MentionFinder, mask, quotation_mask
from touchline.nlp.context import ArticleContext
from touchline.nlp.spans import pair_index


@dataclass
class Fixture:
    """Mentions of one fixture, with the two clubs in the order first given."""

    teams: list[str]
    mentions: list[Mention] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    penalties: dict[str, int] = field(default_factory=dict)
    half_time: dict[str, int] = field(default_factory=dict)
    outcome: dict[str, str] = field(default_factory=dict)  # club -> win | loss | draw

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def has_score(self) -> bool:
        return len(self.scores) == 2

    def compatible(self, men: Mention) -> bool:
        """Could ``men`` be about this fixture (same clubs, no contradicting score or outcome)?"""
        if men.subject not in self.teams or (men.other and men.other not in self.teams):
            return False
        subject = men.subject
        other = men.other or next((t for t in self.teams if t != subject), None)
        if other is None:
            return False  # a "fixture" of one club twice (generated text): no other side to be about
        if (
            men.subject_score is not None
            and self.has_score()
            and (self.scores[subject], self.scores[other]) != (men.subject_score, men.other_score)
        ):
            return False
        return not (
            men.outcome
            and subject in self.outcome
            and self.outcome[subject] != men.outcome
            and not men.penalties
        )

    def add(self, men: Mention) -> None:
        self.mentions.append(men)
        subject = men.subject or self.teams[0]
        other = men.other or next((t for t in self.teams if t != subject), self.teams[-1])
        if men.subject_score is not None and not self.has_score():
            self.scores = {subject: men.subject_score, other: men.other_score or 0}
        if men.penalties and not self.penalties:
            self.penalties = {subject: men.penalties[0], other: men.penalties[1]}
        if men.half_time and not self.half_time:
            self.half_time = {subject: men.half_time[0], other: men.half_time[1]}
        if men.outcome and not men.penalties:
            flip = {"win": "loss", "loss": "win", "draw": "draw"}[men.outcome]
            self.outcome.setdefault(subject, men.outcome)
            self.outcome.setdefault(other, flip)


def _pair_fixtures(mentions: list[Mention]) -> list[Fixture]:
    fixtures: list[Fixture] = []
    for men in sorted(mentions, key=lambda m: m.start):
        if not (men.subject and men.other):
            continue
        hit = next((f for f in fixtures if set(f.teams) == men.clubs and f.compatible(men)), None)
        if hit is None:  # new clubs, or the same clubs with another score (a second meeting)
            hit = Fixture([men.subject, men.other])
            fixtures.append(hit)
        hit.add(men)
    return fixtures


def _drop_running_scores(ctx: ArticleContext, fixtures: list[Fixture]) -> list[Fixture]:
    """Live-text running scores ("the breakthrough: Brentford 1-0 Brighton."): a bare "A x-y B" that
    opens its sentence or follows a colon or dash, outside the opening paragraph, for the same clubs as
    a fixture with a larger score in every column, is a score on the way to that result."""
    first_para = ctx.paragraphs[0].end if ctx.paragraphs else 0

    def running(men: Mention, final: Fixture, fx: Fixture) -> bool:
        lead = ctx.body[men.sentence.start : men.start]
        return (
            men.start >= first_para
            and men.home_first
            and men.outcome in (None, "win", "loss", "draw")
            and re.fullmatch(r"(?:.*[:–—])?\s*(?:[A-Z][\w'’&.-]*\s*)+", lead, re.S) is not None
            and all(fx.scores[t] <= final.scores[t] for t in fx.teams)
            and sum(fx.scores.values()) < sum(final.scores.values())
        )

    out = []
    for fx in fixtures:
        finals = [
            f for f in fixtures
            if f is not fx and set(f.teams) == set(fx.teams) and f.has_score() and fx.has_score()
        ]  # fmt: skip
        if (
            finals
            and fx.mentions
            and all(running(m, finals[0], fx) for m in fx.mentions if m.kind == "score")
        ):
            continue
        out.append(fx)
    return out


def _attach_one_sided(ctx: ArticleContext, fixtures: list[Fixture], mentions: list[Mention]) -> None:
    """A mention naming one club ("Fulham's dramatic 2-1 win") joins the fixture it fits."""
    for men in sorted(mentions, key=lambda m: m.start):
        if men.other is not None or men.subject is None:
            continue
        fits = [f for f in fixtures if f.compatible(men)]
        if len(fits) == 1:
            fits[0].add(men)
            continue
        if fits or men.subject_score is None:
            continue
        other = fields.likely_opponent(ctx, men)
        if other:
            men.other = other
            fixture = Fixture([men.subject, other])
            fixture.add(men)
            fixtures.append(fixture)


def _attach_bare(fixtures: list[Fixture], pending: list[Fixture], bare: list[Mention]) -> None:
    """ "The match finished 1-1": a drawn score naming no club belongs to the article's one fixture."""
    for men in bare:
        candidates = [f for f in fixtures + pending if not f.has_score()]
        if men.subject_score != men.other_score or len(candidates) != 1 or len(fixtures + pending) != 1:
            continue
        fixture = candidates[0]
        if any(o != "draw" for o in fixture.outcome.values()):
            continue
        men.subject, men.other, men.outcome = fixture.teams[0], fixture.teams[1], "draw"
        fixture.add(men)
        if fixture in pending:
            pending.remove(fixture)
            fixtures.append(fixture)


def _to_match(ctx: ArticleContext, fx: Fixture, single: bool, lead_date: str | None) -> Match | None:
    home, away, flags, by_cue = fields.home_and_away(ctx, fx.teams, fx.mentions, single)
    match = Match(home, away)
    match.flags = flags
    if fx.has_score():
        match.home_score, match.away_score = fx.scores[home], fx.scores[away]
        match.status = "played"
        match.compute_result()
    elif fx.penalties:
        match.status = "played"
        match.result = "draw"
    elif all(m.status == "scheduled" for m in fx.mentions):
        match.status = "scheduled"
    else:
        return None
    if fx.penalties:
        match.penalties = (fx.penalties[home], fx.penalties[away])
    if fx.half_time:
        match.half_time = (fx.half_time[home], fx.half_time[away])
    match.venue = fields.venue(ctx, match, fx.mentions, single, by_cue)
    match.competition = fields.national_competition(
        ctx, fields.competition(ctx, fx.mentions, single), match.home, match.away
    )
    match.round = fields.match_round(ctx, fx.mentions, single)
    match.date = fields.match_date(ctx, fx.mentions, match.status, single, lead_date)
    spans = sorted({ctx.sentence_at(m.start).start for m in fx.mentions})
    match.evidence = [ctx.sentence_evidence(s) for s in spans]
    return match


def _supplement_gazetteer(ctx: ArticleContext) -> None:
    """Names the scan missed because of how they are written: a curly apostrophe ("St Mary’s") or capitals
    ("BOLTON 2 CHARLTON 0"). The same scan runs over a copy with straight apostrophes and capitalised
    words (same length, so the offsets hold)."""
    plain = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).capitalize(), ctx.body.replace("’", "'"))
    if plain == ctx.body:
        return
    taken = [(m.start, m.end) for m in ctx.gaz] + [(p.start, p.end) for p in ctx.person_mentions]
    extra = []
    for m in ctx.gazetteer.scan(plain):
        if ctx.body[m.start : m.end] != m.text and not any(s < m.end and m.start < e for s, e in taken):
            extra.append(type(m)(m.start, m.end, ctx.body[m.start : m.end], m.kind, m.canonical))
    if extra:
        ctx.gaz = sorted([*ctx.gaz, *extra], key=lambda m: m.start)


def _without_surnames(ctx: ArticleContext) -> None:
    """Drop club mentions that are a person's surname ("Nigel Crewe" is not Crewe Alexandra): the name
    finder's PERSON span covers them and more."""
    if ctx.doc_ is None and ctx.nlp is None:
        return
    starts_by_end: dict[int, list[int]] = {}  # PERSON spans by their end, in document order
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON":
            starts_by_end.setdefault(ent.end_char, []).append(ent.start_char)
    taken = pair_index(list({(m.start, m.end) for m in ctx.gaz}))

    def surname(m: GazMention) -> bool:
        if m.kind != "club" or " " in m.text:
            return False
        for s in starts_by_end.get(m.end, []):
            if s < m.start and re.fullmatch(r"(?:[A-Z][a-zà-ÿ'’-]+\s+){1,2}", ctx.body[s : m.start]):
                return not taken.overlaps(s, m.start)
        return False

    ctx.gaz = [m for m in ctx.gaz if not surname(m)]


def run(ctx: ArticleContext) -> None:
    original = ctx.gaz
    try:
        _without_surnames(ctx)
        _supplement_gazetteer(ctx)
        _run(ctx)
    finally:
        ctx.gaz = original  # the extra and dropped names are this component's reading only
        ctx.person_mentions.sort(key=lambda m: m.start)  # scorers found here were appended


def _goals_fit(match: Match) -> bool:
    """Goals credited to the sides that add up to no more than the score, at least one of them."""
    home = sum(1 for g in match.goals if g.team == match.home)
    away = sum(1 for g in match.goals if g.team == match.away)
    return home + away > 0 and home <= (match.home_score or 0) and away <= (match.away_score or 0)


def _drop_contradicted(matches: list[Match]) -> list[Match]:
    """Two readings of one meeting with the score the other way round ("pushed Sunderland to a 3-0
    defeat" read as a Sunderland win, "Sunderland lost 3-0" as a loss): the reading whose narrated goals
    add up is kept, with the other's evidence; with no goals to decide, both stay (no guess)."""
    out = list(matches)
    for a in matches:
        for b in matches:
            if a is b or a not in out or b not in out or a.status != "played" or b.status != "played":
                continue
            if (a.home, a.away, a.date) != (b.home, b.away, b.date) or a.home_score == a.away_score:
                continue
            if (a.home_score, a.away_score) != (b.away_score, b.home_score) or a.home_score is None:
                continue
            if _goals_fit(a) and not b.goals:
                a.evidence.extend(e for e in b.evidence if e not in a.evidence)
                out.remove(b)
    return out


def _run(ctx: ArticleContext) -> None:
    masked = mask(ctx)
    quoted = quotation_mask(ctx)
    ctx.notes["match_quote_mask"] = quoted
    finder = MentionFinder(ctx, masked, quoted)
    scored = finder.scorelines()
    results = finder.results_without_score() + named.between_pairs(finder)
    future_article = fields.is_preview_article(ctx, scored)
    previews = named.previews(finder, future_article)
    half_times = [m for m in scored if m.kind == "half_time"]
    bare = [m for m in scored if m.kind == "bare"]
    scored = [m for m in scored if m.kind not in ("half_time", "bare")]

    fixtures = _drop_running_scores(ctx, _pair_fixtures([m for m in scored if m.other]))
    two_sided_results = [m for m in results if m.other]
    # results without a score only join fixtures they fit, or pair a one-sided scoreline
    for men in two_sided_results:
        hit = next((f for f in fixtures if set(f.teams) == men.clubs and f.compatible(men)), None)
        if hit:
            hit.add(men)
    one_sided = [m for m in scored if not m.other]
    pending = [
        f
        for f in _pair_fixtures(two_sided_results)
        if not any(set(f.teams) == set(g.teams) for g in fixtures)
    ]
    for men in one_sided:
        fits = [f for f in fixtures if f.compatible(men)]
        if not fits:
            fits = [f for f in pending if f.compatible(men)]
            if len(fits) == 1:
                fixtures.append(fits[0])
                pending.remove(fits[0])
    _attach_one_sided(ctx, fixtures, one_sided)
    _attach_bare(fixtures, pending, bare)
    for men in previews:
        # a fixture still to come is not the clubs' scored meeting ("won the reverse fixture 2-0 ...")
        hit = next(
            (f for f in fixtures if set(f.teams) == men.clubs and not (men.told_ahead and f.has_score())),
            None,
        )
        if hit is None:
            hit = Fixture([men.subject or "", men.other or ""])
            fixtures.append(hit)
        hit.mentions.append(men)
    for men in half_times:
        hit = next((f for f in fixtures if men.clubs and men.clubs <= set(f.teams) and f.has_score()), None)
        if hit and men.subject and men.half_time:
            other = men.other or next(t for t in hit.teams if t != men.subject)
            hit.half_time = hit.half_time or {men.subject: men.half_time[0], other: men.half_time[1]}

    fixtures.sort(key=lambda f: f.first)
    playable = [
        f
        for f in fixtures
        if f.has_score() or f.penalties or any(m.status == "scheduled" for m in f.mentions)
    ]
    single = len(playable) == 1
    lead_date = fields.lead_date_phrase(ctx)
    matches = []
    for fx in playable:
        match = _to_match(ctx, fx, single, lead_date)
        if match is not None:
            matches.append(match)
    attach_goals(ctx, masked, matches, finder.quoted)
    ctx.facts.matches.extend(_drop_contradicted(matches))
