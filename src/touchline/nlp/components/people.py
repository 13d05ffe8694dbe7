"""Final people list: one Person per canonical name with all mention spans and a team when known."""

from __future__ import annotations

from touchline.models import Person
from touchline.nlp.context import ArticleContext


def run(ctx: ArticleContext) -> None:
    by_name: dict[str, Person] = {}
    for m in ctx.person_mentions:
        person = by_name.setdefault(m.canonical, Person(m.canonical, ctx.people.team.get(m.canonical)))
        person.mentions.append(ctx.evidence(m.start, m.end))
    for name, team in ctx.people.team.items():
        if name in by_name and team:
            by_name[name].team = team
    ctx.facts.people = list(by_name.values())
