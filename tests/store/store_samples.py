"""Hand-built ArticleFacts for the store tests (offsets computed from the bodies)."""

from __future__ import annotations

from touchline.ingest.readers import article_id
from touchline.models import (
    Article,
    ArticleFacts,
    Card,
    Claim,
    Evidence,
    Goal,
    LineupEntry,
    Match,
    Person,
    Quote,
    Role,
)


def ev(body: str, text: str) -> list[Evidence]:
    start = body.index(text)
    return [Evidence(start, start + len(text), text)]


def sample(n: int, published: str | None = "2025-01-04") -> ArticleFacts:
    """One article with a match, a goal, a person, a role, a quote and a claim (6 evidence rows)."""
    body = (
        f"Article {n}: Fulham beat Chelsea 2-1 at Craven Cottage. Raúl Jiménez scored twice. "
        f'"We were brilliant," said Marco Silva. Fulham are eighth.'
    )
    goal = Goal(
        "Raúl Jiménez",
        "Fulham",
        30,
        None,
        "first_half",
        "penalty",
        None,
        ev(body, "Raúl Jiménez scored twice."),
    )
    match = Match(
        "Fulham",
        "Chelsea",
        2,
        1,
        "played",
        "home_win",
        published,
        "Premier League",
        None,
        "Craven Cottage",
        [goal],
        ev(body, "Fulham beat Chelsea 2-1 at Craven Cottage."),
        flags=["x"],
        half_time=(1, 0),
        lineups={"home": [LineupEntry("Bernd Leno")], "away": []},
        cards=[Card("Cole Palmer", "Chelsea", 55, "yellow", [])],
        referee="Anthony Taylor",
        attendance=24000,
    )
    return ArticleFacts(
        Article(article_id(body), f"a{n}.txt", published, body),
        [match],
        [Person("Marco Silva", "Fulham", ev(body, "Marco Silva"))],
        [
            Role(
                "Marco Silva",
                "manager",
                "Fulham",
                "holds",
                published,
                None,
                None,
                ev(body, "said Marco Silva"),
            )
        ],
        [Quote("Marco Silva", "We were brilliant,", ev(body, "We were brilliant,"))],
        [Claim("position", "Fulham", "8", ev(body, "Fulham are eighth."))],
    )


def plain(body: str, published: str | None, source: str) -> ArticleFacts:
    """An article with no facts, only a body to search."""
    return ArticleFacts(Article(article_id(body), source, published, body))
