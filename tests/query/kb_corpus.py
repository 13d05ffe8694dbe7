"""A small dated corpus of original articles, with the facts an extractor would give, built by hand.

Offsets are computed from the bodies, so ``body[start:end] == text`` holds for every piece of evidence.
"""

from __future__ import annotations

from touchline.ingest.readers import article_id
from touchline.models import Article, ArticleFacts, Claim, Evidence, Goal, Match, Person, Quote, Role


def ev(body: str, text: str) -> list[Evidence]:
    start = body.index(text)
    return [Evidence(start, start + len(text), text)]


def article(body: str, published: str, source: str) -> Article:
    return Article(article_id(body), source, published, body)


def role(
    body: str,
    sentence: str,
    person: str,
    role_name: str,
    club: str,
    event: str,
    published: str,
    start: str | None = None,
    end: str | None = None,
) -> Role:
    return Role(person, role_name, club, event, published, start, end, ev(body, sentence))


def corpus() -> list[ArticleFacts]:
    out: list[ArticleFacts] = []

    b = (
        "Russell Martin believes Southampton can climb away from trouble before Christmas. "
        "The Saints manager was upbeat after training on Friday."
    )
    out.append(
        ArticleFacts(
            article(b, "2024-11-22", "a1.txt"),
            people=[Person("Russell Martin", "Southampton", ev(b, "Russell Martin"))],
            roles=[
                role(
                    b,
                    "The Saints manager was upbeat after training on Friday.",
                    "Russell Martin",
                    "manager",
                    "Southampton",
                    "holds",
                    "2024-11-22",
                )
            ],
        )
    )

    b = (
        "Southampton sacked manager Russell Martin on Sunday after a heavy home defeat. "
        "Under-21s coach Simon Rusk will take interim charge of the first team."
    )
    out.append(
        ArticleFacts(
            article(b, "2024-12-16", "a2.txt"),
            people=[
                Person("Russell Martin", "Southampton", ev(b, "Russell Martin")),
                Person("Simon Rusk", "Southampton", ev(b, "Simon Rusk")),
            ],
            roles=[
                role(
                    b,
                    "Southampton sacked manager Russell Martin on Sunday after a heavy home defeat.",
                    "Russell Martin",
                    "manager",
                    "Southampton",
                    "sacked",
                    "2024-12-16",
                    end="2024-12-15",
                ),
                role(
                    b,
                    "Under-21s coach Simon Rusk will take interim charge of the first team.",
                    "Simon Rusk",
                    "interim_manager",
                    "Southampton",
                    "appointed",
                    "2024-12-16",
                    start="2024-12-16",
                ),
            ],
        )
    )

    b = (
        "Southampton host Liverpool in the Carabao Cup quarter-final at St Mary's on Wednesday. "
        "Interim boss Simon Rusk said his squad would be ready."
    )
    out.append(
        ArticleFacts(
            article(b, "2024-12-17", "a3.txt"),
            matches=[
                Match(
                    "Southampton",
                    "Liverpool",
                    status="scheduled",
                    date="2024-12-18",
                    competition="EFL Cup",
                    evidence=ev(b, b.split(". ")[0] + "."),
                )
            ],
            roles=[
                role(
                    b,
                    "Interim boss Simon Rusk said his squad would be ready.",
                    "Simon Rusk",
                    "interim_manager",
                    "Southampton",
                    "holds",
                    "2024-12-17",
                )
            ],
        )
    )

    b = (
        "Southampton lost 2-1 to Liverpool in the Carabao Cup quarter-final. Darwin Núñez and Harvey Elliott "
        "scored before the break and Cameron Archer pulled one back. Interim manager Simon Rusk praised the fightback. "
        '"We grew into the game and the lads deserve credit for the second half," said Rusk.'
    )
    m = Match(
        "Southampton",
        "Liverpool",
        1,
        2,
        "played",
        "away_win",
        "2024-12-18",
        "EFL Cup",
        "quarter-final",
        goals=[
            Goal("Darwin Núñez", "Liverpool", evidence=ev(b, "Darwin Núñez")),
            Goal("Harvey Elliott", "Liverpool", evidence=ev(b, "Harvey Elliott")),
            Goal("Cameron Archer", "Southampton", evidence=ev(b, "Cameron Archer")),
        ],
        evidence=ev(b, "Southampton lost 2-1 to Liverpool in the Carabao Cup quarter-final."),
    )
    out.append(
        ArticleFacts(
            article(b, "2024-12-18", "a4.txt"),
            matches=[m],
            people=[Person("Simon Rusk", "Southampton", ev(b, "Simon Rusk"))],
            roles=[
                role(
                    b,
                    "Interim manager Simon Rusk praised the fightback.",
                    "Simon Rusk",
                    "interim_manager",
                    "Southampton",
                    "holds",
                    "2024-12-18",
                )
            ],
            quotes=[
                Quote(
                    "Simon Rusk",
                    "We grew into the game and the lads deserve credit for the second half",
                    ev(b, "We grew into the game and the lads deserve credit for the second half"),
                )
            ],
        )
    )

    b = (
        "Liverpool are through to the semi-finals after beating Southampton 2-1 at St Mary's on Wednesday night. "
        "Harvey Elliott scored in the 42nd minute."
    )
    m = Match(
        "Liverpool",
        "Southampton",
        2,
        1,
        "played",
        None,
        None,
        "EFL Cup",
        flags=["order_as_given"],
        goals=[
            Goal(
                "Harvey Elliott", "Liverpool", 42, evidence=ev(b, "Harvey Elliott scored in the 42nd minute.")
            )
        ],
        evidence=ev(b, b.split(" night.")[0] + " night."),
    )
    out.append(ArticleFacts(article(b, "2024-12-19", "a5.txt"), matches=[m]))

    b = "Southampton have appointed Ivan Jurić as head coach on an 18-month contract, starting on Saturday."
    out.append(
        ArticleFacts(
            article(b, "2024-12-21", "a6.txt"),
            roles=[
                role(
                    b,
                    b,
                    "Ivan Jurić",
                    "manager",
                    "Southampton",
                    "appointed",
                    "2024-12-21",
                    start="2024-12-21",
                )
            ],
        )
    )

    b = (
        "Southampton parted company with Ivan Jurić on Monday with relegation confirmed. "
        "Simon Rusk returns as interim head coach for the remaining seven matches."
    )
    out.append(
        ArticleFacts(
            article(b, "2025-04-07", "a7.txt"),
            roles=[
                role(
                    b,
                    "Southampton parted company with Ivan Jurić on Monday with relegation confirmed.",
                    "Ivan Jurić",
                    "manager",
                    "Southampton",
                    "left",
                    "2025-04-07",
                    end="2025-04-07",
                ),
                role(
                    b,
                    "Simon Rusk returns as interim head coach for the remaining seven matches.",
                    "Simon Rusk",
                    "interim_manager",
                    "Southampton",
                    "appointed",
                    "2025-04-07",
                    start="2025-04-07",
                ),
            ],
        )
    )

    b = (
        "Fulham won 2-1 at Southampton. Jack Stephens opened the scoring before Emile Smith Rowe and Ryan Sessegnon "
        "turned it round, a win that lifted Fulham to eighth. Interim boss Rusk said the players were gutted."
    )
    m = Match(
        "Southampton",
        "Fulham",
        1,
        2,
        "played",
        "away_win",
        "2025-04-26",
        "Premier League",
        goals=[
            Goal("Jack Stephens", "Southampton", 14, evidence=ev(b, "Jack Stephens")),
            Goal("Emile Smith Rowe", "Fulham", 72, evidence=ev(b, "Emile Smith Rowe")),
            Goal("Ryan Sessegnon", "Fulham", 90, 1, evidence=ev(b, "Ryan Sessegnon")),
        ],
        evidence=ev(b, "Fulham won 2-1 at Southampton."),
    )
    out.append(
        ArticleFacts(
            article(b, "2025-04-26", "a8.txt"),
            matches=[m],
            roles=[
                role(
                    b,
                    "Interim boss Rusk said the players were gutted.",
                    "Simon Rusk",
                    "interim_manager",
                    "Southampton",
                    "holds",
                    "2025-04-26",
                )
            ],
            claims=[Claim("position", "Fulham", "8", ev(b, "a win that lifted Fulham to eighth"))],
        )
    )

    b = "Southampton are top of the Premier League after a stunning run of form, a columnist wrote in April."
    out.append(
        ArticleFacts(
            article(b, "2025-04-27", "a9.txt"),
            claims=[
                Claim("position", "Southampton", "1", ev(b, "Southampton are top of the Premier League"))
            ],
        )
    )
    return out
