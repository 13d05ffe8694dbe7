"""Attaching found goal mentions to the played matches of an article: which match each goal belongs
to, merging mentions of one goal, teams worked out from the score, and the goals-add-up check.

The mentions come from :class:`touchline.nlp.components.goals.GoalFinder`.
"""

from __future__ import annotations

import re

from touchline.models import Goal, Match
from touchline.nlp.components.goal_details import describe, solve_teams
from touchline.nlp.components.goal_mention import GoalMention
from touchline.nlp.components.goal_time import minutes_later
from touchline.nlp.components.goal_verbs import enrich, nearest_match
from touchline.nlp.components.goals import GoalFinder
from touchline.nlp.components.match_lexicon import dated_history, lexicon
from touchline.nlp.context import ArticleContext


def attach_goals(ctx: ArticleContext, masked: str, matches: list[Match], quoted: list[bool]) -> None:
    played = [m for m in matches if m.status == "played" and m.home and m.away]
    if not played:
        return
    finder = GoalFinder(ctx, masked, quoted)
    mentions = finder.find()
    _stop_at_next_scorer(ctx, mentions)
    by_match: dict[int, list[GoalMention]] = {}
    for g in mentions:
        match = _match_for(ctx, g, played)
        if match is None:
            continue
        describe(ctx, masked, g, match)
        enrich(ctx, masked, g, match)
        by_match.setdefault(id(match), []).append(g)
    for match in played:
        merged = _merge(by_match.get(id(match), []))
        minutes_later(ctx, merged)
        solve_teams(ctx, match, merged)
        match.goals = [_to_goal(ctx, g, match) for g in merged]
        _check(match)


def _match_for(ctx: ArticleContext, g: GoalMention, played: list[Match]) -> Match | None:
    sent = ctx.sentence_at(g.at)
    text = ctx.body[sent.start : sent.end].lower()
    if any(p.search(text) for p in lexicon().historical) or dated_history().search(text):
        return None  # (a dated "reverse fixture" is a match of its own, but not this one's goals)
    if len(played) == 1:
        match = played[0]
        teams = {match.home, match.away}
        others = [c for c in ctx.gaz_in(g.window[0], g.window[1], "club") if c.canonical not in teams]
        return (
            None if others and not any(c.canonical in teams for c in ctx.gaz_in(*g.window, "club")) else match
        )
    # several matches: the one whose clubs the goal's clause names, else the one mentioned last before the
    # goal (or first after it) in the same paragraph, else the last one mentioned before it
    named = {c.canonical for c in ctx.gaz_in(*g.window, "club")}
    by_club = [m for m in played if named & {m.home, m.away}]
    if len(by_club) == 1:
        return by_club[0]
    near = nearest_match(ctx, g, played)
    if near is not None:
        return near
    main = [m for m in played if not _aside(ctx, m)]
    if main and len(main) < len(played):
        played = main  # a result told in passing ("Chelsea, beaten 1-0 by Valencia last time, ...")
        if len(played) == 1:
            return played[0]
    para = ctx.paragraph_at(g.at)
    best: tuple[int, Match] | None = None
    for match in played:
        for ev in match.evidence:
            if para and not (para.start <= ev.start < para.end):
                continue
            distance = g.at - ev.start if ev.start <= g.at else 10_000 + ev.start - g.at
            if best is None or distance < best[0]:
                best = (distance, match)
    if best is not None and best[0] >= 10_000 and para is not None:
        # only a match told later in the paragraph, in another sentence: the scorer continues the
        # previous paragraph's match ("Colchester beat Preston 1-0. // Fenner's header was enough ...
        # Crawley could only draw 2-2")
        sent = ctx.sentence_at(g.at)
        later = next(ev for ev in best[1].evidence if ev.start > g.at)
        prev = [p for p in ctx.paragraphs if p.end <= para.start]
        if not (sent.start <= later.start < sent.end) and prev:
            inside = [
                (ev.start, m)
                for m in played
                for ev in m.evidence
                if prev[-1].start <= ev.start < prev[-1].end
            ]
            if inside:
                return max(inside, key=lambda x: x[0])[1]
    if best is None:
        before = [(ev.start, m) for m in played for ev in m.evidence if ev.start <= g.at]
        if before:
            return max(before, key=lambda x: x[0])[1]
    return best[1] if best else None


def _stop_at_next_scorer(ctx: ArticleContext, mentions: list[GoalMention]) -> None:
    """ "Colquhoun levelled on the stroke of half-time and substitute Pinnegar forced a shoot-out with
    four minutes of extra time left": a goal's words end where the next scorer's begin (before "a
    header from" when that introduces the next scorer)."""
    for g in mentions:
        if g.enumerated or g.listed:
            continue
        nxt = [o.at for o in mentions if g.at < o.at < g.window[1] and o.scorer != g.scorer and not o.listed]
        if not nxt:
            continue
        cut = min(nxt)
        lead = re.search(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:from|by)\s+$", ctx.body[g.at : cut])
        g.window = (g.window[0], g.at + lead.start() if lead else cut)


def _aside(ctx: ArticleContext, match: Match) -> bool:
    """Every sentence that gives this match's score gives it in a clause set off by commas after the
    sentence's subject ("Chelsea, beaten 1-0 at home by Valencia in their opening game, fell behind"):
    the article is about another match."""
    if match.home_score is None or match.away_score is None or not match.evidence:
        return False
    score = rf"(?<!\d)(?:{match.home_score}|{match.away_score})\s?[-–]\s?(?:{match.away_score}|{match.home_score})(?!\d)"
    for ev in match.evidence:
        m = re.match(rf"[^,]{{2,60}},\s[^,]*?{score}[^,]*,\s+(?:[a-z]+\s+){{0,2}}[a-z]+", ev.text)
        if not m:
            return False
    return True


def _merge(mentions: list[GoalMention]) -> list[GoalMention]:
    out: list[GoalMention] = []
    for g in sorted(mentions, key=lambda x: x.at):
        same = [
            o for o in out
            if o.scorer == g.scorer
            and (o.minute is None or g.minute is None or (o.minute, o.added) == (g.minute, g.added)
                 or ((o.listed or g.listed) and abs(o.minute - g.minute) <= 2 and o.added == g.added))
            and (o.kind == g.kind or o.kind is None or g.kind is None)
            and (o.period is None or g.period is None or o.period == g.period)
        ]  # fmt: skip
        if same:
            o = same[0]
            if g.listed and not o.listed:
                o.minute, o.added, o.listed = g.minute, g.added, True  # match facts beat prose
            for attr in ("minute", "added", "period", "kind", "assist", "team"):
                if getattr(o, attr) is None and getattr(g, attr) is not None:
                    setattr(o, attr, getattr(g, attr))
            o.cues |= g.cues
            o.count = max(o.count, g.count)
            o.minutes = o.minutes or g.minutes
            o.periods = o.periods or g.periods
            if o.minutes and o.minute is None:
                o.minute, o.added = o.minutes[0]
                o.period = (
                    "first_half"
                    if (o.minute or 0) <= 45
                    else "second_half"
                    if (o.minute or 0) <= 90
                    else o.period
                )
            o.enumerated = o.enumerated or g.enumerated
            continue
        out.append(g)
    extra = []
    for g in out:
        have = sum(1 for o in out if o.scorer == g.scorer)
        for i in range(have, g.count):
            # the words that gave the count describe one goal: "added his second from the spot"
            # makes the second a penalty, not the first
            copy = GoalMention(g.scorer, g.at, g.window, g.group, period=g.period, team=g.team)
            if i < len(g.periods):
                copy.period = g.periods[i]
            if i < len(g.kinds):
                copy.kind = g.kinds[i]
            if i < len(g.minutes):
                copy.minute, copy.added = g.minutes[i]
                copy.period = (
                    "first_half"
                    if (copy.minute or 99) <= 45
                    else g.period
                    if copy.minute is None
                    else ("second_half" if copy.minute <= 90 else "extra_time")
                )
            extra.append(copy)
    return out + extra


def _to_goal(ctx: ArticleContext, g: GoalMention, match: Match) -> Goal:
    team = g.team
    if g.kind == "own_goal" and team in (match.home, match.away):
        team = match.away if team == match.home else match.home  # own goals count for the other side
    if team:
        own_side = team if g.kind != "own_goal" else (match.away if team == match.home else match.home)
        ctx.people.set_team(g.scorer, own_side)
        if g.assist:
            ctx.people.set_team(g.assist, team)
    sent = ctx.sentence_at(g.at)
    return Goal(
        g.scorer, team, g.minute, g.added, g.period, g.kind, g.assist, [ctx.evidence(sent.start, sent.end)]
    )


def _check(match: Match) -> None:
    if match.home_score is None or match.away_score is None or not match.goals:
        return
    home = sum(1 for g in match.goals if g.team == match.home)
    away = sum(1 for g in match.goals if g.team == match.away)
    if (
        home > match.home_score
        or away > match.away_score
        or len(match.goals) > match.home_score + match.away_score
    ):
        match.warnings.append(
            f"goals listed ({home} {match.home}, {away} {match.away}, {len(match.goals)} in all) "
            f"do not fit the score {match.home_score}-{match.away_score}"
        )
