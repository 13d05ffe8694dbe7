"""Final people list: one Person per canonical name with all mention spans and a team when known.

Runs last, so it sees what every other component learnt: goal scorers' teams (matches), team
sheets, job holders' clubs (roles), stated affiliations (entities). For the rest it uses links
between people in one clause of a match report:

* team-mates: "Smith Rowe controlled Iwobi's pass", "a delivery by Manning", "crossed in for Sessegnon";
* opponents: "had a shot deflected over Ramsdale", "beat Ramsdale" — the other side of the match;
* a clause naming exactly one club that is not framed as the opponent ("Fulham responded well but
  Jimenez missed") gives its people that club.

Unknown stays None.
"""

from __future__ import annotations

import itertools
import re

from touchline.models import Person
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.role_text import in_quotation, own_clubs

_TEAMMATE_BETWEEN = re.compile(
    r"^(?:['’]s?)?\s+(?:\w+\s+){0,4}?(?:(?:pass|cross|corner|free-kick|delivery|ball|assist|through-ball|lay-off|"
    r"cut-back|flick|knock-down)\s+(?:\w+\s+){0,3}?(?:by|from|for|to)?\s*|"
    r"(?:crossed|passed|squared|laid\s+off|set\s+up|teed\s+up|picked\s+out|found|fed|released)\s+(?:\w+\s+){0,3}?(?:for|to)?\s*)$",
    re.IGNORECASE,
)
_OPPONENT_BETWEEN = re.compile(
    r"\b(?:over|past|beyond|beat|beating|rounded|rounding|beyond)\s+(?:the\s+(?:keeper|goalkeeper)\s+)?$"
    r"|\b(?:brought\s+down|fouled|tripped|clipped|upended|tackled|denied|saved\s+from)\s+$",
    re.IGNORECASE,
)


def _match_sides(ctx: ArticleContext) -> tuple[str, str] | None:
    sides = [(m.home, m.away) for m in ctx.facts.matches if m.home and m.away and m.status == "played"]
    sides = sides or [(m.home, m.away) for m in ctx.facts.matches if m.home and m.away]
    return sides[0] if len(set(sides)) == 1 and sides[0][0] and sides[0][1] else None  # type: ignore[return-value]


def _pair_links(ctx: ArticleContext, team: dict[str, str | None]) -> None:
    """Team-mate and opponent links between consecutive people in a sentence."""
    sides = _match_sides(ctx)
    for _round in range(2):
        for a, b in zip(ctx.person_mentions, ctx.person_mentions[1:], strict=False):
            if a.canonical == b.canonical or ctx.sentence_at(a.start) is not ctx.sentence_at(b.start):
                continue
            if in_quotation(ctx, a.start):
                continue
            between = ctx.body[a.end : b.start]
            if len(between) > 80:
                continue
            ta, tb = team.get(a.canonical), team.get(b.canonical)
            if _TEAMMATE_BETWEEN.search(between):
                if ta and not tb:
                    team[b.canonical] = ta
                elif tb and not ta:
                    team[a.canonical] = tb
            elif sides and _OPPONENT_BETWEEN.search(between):
                other = {sides[0]: sides[1], sides[1]: sides[0]}
                if ta in other and not tb:
                    team[b.canonical] = other[ta]
                elif tb in other and not ta:
                    team[a.canonical] = other[tb]
        # a goal's assist: "controlled Iwobi's pass" — the scorer before, the passer after
        for a, b in zip(ctx.person_mentions, ctx.person_mentions[1:], strict=False):
            if ctx.sentence_at(a.start) is not ctx.sentence_at(b.start):
                continue
            between = ctx.body[a.end : b.start]
            tail = ctx.body[b.end : b.end + 40]
            if re.search(r"^\s+(?:\w+\s+){0,2}$", between) and re.match(
                r"['’]s?\s+(?:\w+\s+)?(?:pass|cross|corner|free-kick|delivery|through-ball|lay-off|cut-back)\b",
                tail,
            ):
                ta, tb = team.get(a.canonical), team.get(b.canonical)
                if ta and not tb:
                    team[b.canonical] = ta
                elif tb and not ta:
                    team[a.canonical] = tb


def _clause_club(ctx: ArticleContext, pm: PersonMention) -> str | None:
    sent = ctx.sentence_at(pm.start)
    if in_quotation(ctx, pm.start):
        return None
    text = ctx.body[sent.start : sent.end]
    cuts = [0] + [m.end() for m in re.finditer(";", text)] + [len(text)]
    for lo, hi in itertools.pairwise(cuts):
        a, b = sent.start + lo, sent.start + hi
        if a <= pm.start < b:
            all_clubs = {g.canonical for g in ctx.gaz_in(a, b, "club")}
            clubs = own_clubs(ctx, a, b)
            contested = re.search(r"\b(?:brought\s+down|fouled|tripped|over|past|beat)\b", ctx.body[a:b])
            if len(clubs) == 1 and len(all_clubs) == 1 and len(ctx.people_in(a, b)) <= 3 and not contested:
                return clubs[0]
    return None


def run(ctx: ArticleContext) -> None:
    team: dict[str, str | None] = {}
    for role in ctx.facts.roles:
        if role.club and role.role != "referee" and role.event not in ("left", "sacked", "resigned"):
            team.setdefault(role.person, role.club)
    for name, club in ctx.people.team.items():
        if club:
            team.setdefault(name, club)
    _pair_links(ctx, team)
    former = {(r.person, r.club) for r in ctx.facts.roles if r.event == "left"}
    officials = {r.person for r in ctx.facts.roles if r.role == "referee"}
    for name in officials:
        team.pop(name, None)
    for pm in ctx.person_mentions:
        if not team.get(pm.canonical) and pm.canonical not in officials:
            club = _clause_club(ctx, pm)
            if club and (pm.canonical, club) not in former:
                team[pm.canonical] = club
    by_name: dict[str, Person] = {}
    for m in ctx.person_mentions:
        person = by_name.setdefault(m.canonical, Person(m.canonical, team.get(m.canonical)))
        person.mentions.append(ctx.evidence(m.start, m.end))
    ctx.facts.people = list(by_name.values())
