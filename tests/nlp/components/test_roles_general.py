"""Roles through the whole pipeline: clubs from syntax rather than the last club named, sackings
with relative clauses, captains and referees from match facts, and when a job began or ended."""

from __future__ import annotations

import pytest

from touchline.models import Article, ArticleFacts
from touchline.nlp.pipeline import default_extractor

Row = tuple[str, str, str | None, str]


def extract(text: str, published: str | None = "2024-03-08") -> ArticleFacts:
    return default_extractor().extract(Article("t", "test", published, text))


def rows(facts: ArticleFacts) -> set[Row]:
    return {(r.person, r.role, r.club, r.event) for r in facts.roles}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # a spell "in temporary charge of X against Y": X, never the opponent Y
        ("Tomas Lindqvist says he is ready for his first game in temporary charge of Everton against Fulham at "
         "Goodison Park tomorrow.\n\nThe Under-21s coach was handed the reins on Monday after Peter Hallam's "
         "dismissal.\n\nLindqvist confirmed that captain Aled Morgan is fit.\n\nFulham manager Jon Trask will be "
         "without two players.",
         {("Tomas Lindqvist", "interim_manager", "Everton", "holds"),
          ("Tomas Lindqvist", "youth_coach", "Everton", "holds"),
          ("Peter Hallam", "manager", "Everton", "sacked"),
          ("Aled Morgan", "captain", "Everton", "holds"),
          ("Jon Trask", "manager", "Fulham", "holds")},
         {("Aled Morgan", "captain", "Fulham", "holds"), ("Peter Hallam", "manager", "Fulham", "sacked")}),
        # "X's first afternoon in interim charge of CLUB"
        ("Ricky Doyle's first afternoon in interim charge of Burnley ended in a draw with Luton Town.",
         {("Ricky Doyle", "interim_manager", "Burnley", "holds")}, set()),
        # "his assistant during the interim spell" is not the assistant's own spell
        ("Norwich City have given Kyle Parr the job for good. Sam Eddowes, his assistant during the interim "
         "spell, stays on.",
         set(), {("Sam Eddowes", "interim_manager", "Norwich City", "holds")}),
        # "has been CLUB manager since": a job held, with its start
        ("Lee Tranter has been Exeter City manager since 2019 and leaves at the weekend.",
         {("Lee Tranter", "manager", "Exeter City", "holds")}, set()),
        # a relative clause between the name and "was sacked"
        ("Hull City confirmed the news on Monday. Grant Mowbray, who was appointed in May 2022, was sacked on "
         "Sunday after a home defeat.",
         {("Grant Mowbray", "manager", "Hull City", "sacked")}, set()),
        # "after sacking X", "the sacking of X"
        ("Stoke City have appointed Ian Carver as manager after sacking Neil Ruddock-Hale late on Saturday.",
         {("Neil Ruddock-Hale", "manager", "Stoke City", "sacked"), ("Ian Carver", "manager", "Stoke City",
                                                                     "appointed")}, set()),
        # two people sharing one verb
        ("Watford sporting director Ralf Engel and first-team coach Dario Pesce have also been dismissed.",
         {("Ralf Engel", "executive", "Watford", "sacked"), ("Dario Pesce", "coach", "Watford", "sacked")}, set()),
        # "the club's owner, the businessman X"; "CLUB, whose assistant manager, X"
        ("Leicester City lost again on Saturday. The club's owner, the Singapore-based businessman Henry Lau, was "
         "in the stands.\n\nMark Tully replied for Leicester, whose assistant manager, Joe Pellow, was sent to the "
         "stands after a row with Aston Villa's bench.",
         {("Henry Lau", "owner", "Leicester City", "holds"),
          ("Joe Pellow", "assistant_manager", "Leicester City", "holds")},
         {("Joe Pellow", "assistant_manager", "Aston Villa", "holds")}),
        # a capital at the start of a sentence is not an unknown club
        ("Derby County are up for sale. Current owner Maurice Glendon, who bought the club in 2015, wants out.",
         {("Maurice Glendon", "owner", "Derby County", "holds")}, set()),
        # "X's job is safe" and "X's side" get the club of the sentence, of its scorers or of the one before
        ("Leicester City chairman Ron Beale insists Gary Adlow's job is safe.",
         {("Gary Adlow", "manager", "Leicester City", "holds")}, set()),
        ("Aston Villa climbed to third with a 3-0 win over Blackburn Rovers last night. Phil Marsden's side have "
         "now won four in a row.",
         {("Phil Marsden", "manager", "Aston Villa", "holds")}, set()),
        ("Hearts were crowned champions with 87 points, six ahead of Celtic, and Jim Corran's side also lifted the "
         "League Cup.",
         {("Jim Corran", "manager", "Heart of Midlothian", "holds")}, set()),
        # a player reported by his manager is not the manager
        ("Frank Dillon has told his Crystal Palace players to be brave at Molineux.\n\nDillon said striker Nils "
         "Berg had trained fully.\n\n\"It is never easy there,\" the Palace manager said on Friday.",
         {("Frank Dillon", "manager", "Crystal Palace", "holds")},
         {("Nils Berg", "manager", "Crystal Palace", "holds")}),
        # "his opposite number" in a two-club report: the other side
        ("Swansea City and Reading drew 2-2 at the Liberty Stadium on Saturday.\n\nSwansea manager Karl Dunmore "
         "was frustrated.\n\nHis opposite number, Brian McDonald, was delighted with the response.",
         {("Brian McDonald", "manager", "Reading", "holds")}, {("Brian McDonald", "manager", "Swansea City", "holds")}),
        ("Newcastle sit 19th, one place below Sunderland, who are managed by Pete Allard.",
         {("Pete Allard", "manager", "Sunderland", "holds")}, set()),
        # a manager appointed elsewhere leaves the club he led
        ("Tottenham Hotspur have appointed Roy Hendon as manager. Hendon leaves Portsmouth after Spurs agreed a fee.",
         {("Roy Hendon", "manager", "Tottenham Hotspur", "appointed"), ("Roy Hendon", "manager", "Portsmouth", "left")},
         set()),
        ("Manager Rob Hallam handed Callum Fenn the armband on Friday before Aston Villa beat Luton Town.",
         {("Callum Fenn", "captain", "Aston Villa", "appointed")}, set()),
        ("Crystal Palace began the year by thrashing Brentford 4-0 to extend their unbeaten run under Luis Ortega "
         "to seven games.", {("Luis Ortega", "manager", "Crystal Palace", "holds")}, set()),
        ("Everton have appointed Mario Baptista as manager. Baptista will bring his long-time assistant Pedro Ruas "
         "with him, while interim boss Owen Kent returns to his role with the Under-21s.",
         {("Pedro Ruas", "assistant_manager", "Everton", "appointed"), ("Owen Kent", "youth_coach", "Everton", "holds"),
          ("Owen Kent", "interim_manager", "Everton", "holds")},
         {("Mario Baptista", "assistant_manager", "Everton", "holds")}),
        ("Wales manager Tom Rhys has named his squad. Cardiff City defender Ian Powell keeps the captaincy despite "
         "injury.", {("Ian Powell", "captain", "Wales", "holds")}, {("Ian Powell", "captain", "Cardiff City", "holds")}),
        ("Stoke City boss Gary Mowbray was sacked on Sunday. Mowbray leaves with his assistant Neil Carr.",
         {("Neil Carr", "assistant_manager", "Stoke City", "left")}, set()),
        ("Terry Swan's diving header and a Gary Rye penalty sent Portsmouth up, and manager Ken Mallet was "
         "carried off. Sheffield United boss Graham Tuckwell was gracious.",
         {("Ken Mallet", "manager", "Portsmouth", "holds")}, {("Ken Mallet", "manager", "Sheffield United", "holds")}),
        ("Ipswich Town president Sir Malcolm Tanner has urged supporters to be patient.",
         {("Malcolm Tanner", "executive", "Ipswich Town", "holds")}, set()),
        ("Danny Pruitt has been at Crystal Palace for eight years and has worn the captain's armband for three of "
         "them.", {("Danny Pruitt", "captain", "Crystal Palace", "holds")}, set()),
        # a nationality before the title is not an unknown club
        ("Everton have appointed Rui Matos as manager, days after Carlo Benedetti was sacked. Matos will bring "
         "his assistant, Nuno Feio, with him. The Italian's assistant, Dario Moretti, has also left the club.",
         {("Dario Moretti", "assistant_manager", "Everton", "left")}, set()),
        ("Everton signed two forwards on deadline day, while midfielder Liam Conway ended a long association with "
         "the club by joining Celtic.", {("Liam Conway", "player", "Celtic", "joined")}, set()),
        ("Aston Villa beat Luton Town on Saturday. Manager Rob Hallam handed Callum Fenn the armband following the "
         "departure of Andy Prior, who joined Stoke City earlier in the week.",
         {("Andy Prior", "player", "Aston Villa", "left"), ("Andy Prior", "player", "Stoke City", "joined")}, set()),
    ],
)  # fmt: skip
def test_roles_in_context(text: str, wanted: set[Row], unwanted: set[Row]) -> None:
    got = rows(extract(text))
    assert wanted <= got, got
    assert not (unwanted & got), got


@pytest.mark.parametrize(
    ("text", "published", "person", "start", "end", "event"),
    [
        ("Grant Mowbray, who was appointed in May 2022, was sacked by Hull City on Sunday morning.",
         "2023-11-20", "Grant Mowbray", "2022-05", "2023-11-19", "sacked"),
        ("Pau Riera enjoyed his first win as Watford head coach. Riera was appointed on Tuesday and has had four "
         "sessions.", "2019-12-08", "Pau Riera", "2019-12-03", None, "appointed"),
        ("Lee Tranter has been Exeter City manager since 2019.", "2023-11-20", "Lee Tranter", "2019", None, "holds"),
        # "dismissal and spoke … on Friday": the Friday is the other act's
        ("The coach was handed the reins after Peter Hallam's dismissal by Everton and spoke to the media on "
         "Friday.", "2023-10-27", "Peter Hallam", None, None, "sacked"),
        # an appointment long ago stays a held job
        ("Norwich City head coach Rob Smithson was relegated. Smithson was appointed in November.", "2022-05-01",
         "Rob Smithson", "2021-11", None, "holds"),
    ],
)  # fmt: skip
def test_job_dates(
    text: str, published: str, person: str, start: str | None, end: str | None, event: str
) -> None:
    roles = [r for r in extract(text, published).roles if r.person == person and r.role == "manager"]
    assert [(r.start, r.end, r.event) for r in roles] == [(start, end, event)]


def test_captains_and_referee_from_match_facts() -> None:
    text = (
        "Leeds United 2 Millwall 0\n\n"
        "Leeds won comfortably at Elland Road on Saturday.\n\n"
        "Leeds United: Mercer; Boyd, Rankin, Stoll (capt), Ferris; Amos, Tate; Lyle, Aske, Sallis; Voss.\n\n"
        "Millwall: Robb; Hart, Cooper (capt), Tamm, Steer; Dunn, Sage; Ade, Cobb, Mitch; Ivers.\n\n"
        "Referee: Tony Harland. Attendance: 36,102."
    )
    got = rows(extract(text, "2025-02-16"))
    assert {
        ("Stoll", "captain", "Leeds United", "holds"),
        ("Cooper", "captain", "Millwall", "holds"),
        ("Tony Harland", "referee", None, "holds"),
    } <= got, got
