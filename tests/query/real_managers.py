"""Twenty "who managed CLUB on DATE" questions written from the real articles in ``../shared/corpus``.

The articles carry no date. Each date below is one the article's own content supports (the clue, in our
own words, is in ``clue``: a fixture it reports, a stage of a competition, a transfer window), and each answer
is the manager the article names for that club (``source`` is the corpus file). The answers come from
the articles, not from memory; the dates do need the calendar of the season the article tells of.

Half the clubs had another manager in the other corpus season (Chelsea: Mourinho in 2004-05, Benitez
in 2012-13; Everton: Moyes, then Martinez), so a right answer there needs the evidence dated:
the store is built with the openfootball results of 2004-05, 2012-13 and 2013-14 imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
LEDGER = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "openfootball" / "england"
SEASONS = ("2004-05", "2012-13", "2013-14")


@dataclass(frozen=True)
class Question:
    club: str
    date: str
    manager: str
    source: str  # corpus file naming the manager
    clue: str  # what in the article dates it


QUESTIONS: tuple[Question, ...] = (
    # BBC Sport 2004-05
    Question(
        "Arsenal",
        "2004-12-29",
        "Arsene Wenger",
        "bbc-sport-2004/0020.txt",
        "the Gunners travel to St James' Park on Wednesday after a 2-0 victory over Fulham on Sunday",
    ),
    Question(
        "Chelsea",
        "2005-02-23",
        "Jose Mourinho",
        "bbc-sport-2004/0209.txt",
        "Wednesday's 2-1 loss at the Nou Camp (Champions League last 16)",
    ),
    Question(
        "Liverpool",
        "2005-02-28",
        "Rafael Benitez",
        "bbc-sport-2004/0283.txt",
        "dropped for the Carling Cup final, lost 3-2 to Chelsea after extra time on Sunday",
    ),
    Question(
        "Newcastle United",
        "2004-12-20",
        "Graeme Souness",
        "bbc-sport-2004/0162.txt",
        "closing in on signing Babayaro when the transfer window reopens",
    ),
    Question(
        "Middlesbrough",
        "2005-02-25",
        "Steve McClaren",
        "bbc-sport-2004/0034.txt",
        "2-1 Uefa Cup win over Graz AK booked their place in the last 16",
    ),
    Question(
        "Manchester United",
        "2005-02-22",
        "Alex Ferguson",
        "bbc-sport-2004/0058.txt",
        "Wednesday's Champions League first-leg tie against AC Milan",
    ),
    Question(
        "Southampton",
        "2005-02-03",
        "Harry Redknapp",
        "bbc-sport-2004/0012.txt",
        "Prutton's dismissal against Arsenal in the 1-1 draw",
    ),
    Question(
        "Everton",
        "2005-01-12",
        "David Moyes",
        "bbc-sport-2004/0260.txt",
        "Real Madrid talks over Gravesen while the transfer window is open",
    ),
    Question(
        "Rangers",
        "2004-12-02",
        "Alex McLeish",
        "bbc-sport-2004/0096.txt",
        "Uefa Cup exit to Auxerre at Ibrox on Wednesday (group stage)",
    ),
    Question(
        "Bolton Wanderers",
        "2005-01-31",
        "Sam Allardyce",
        "bbc-sport-2004/0140.txt",
        "signed Roma's Candela on a five-month deal (January transfer window)",
    ),
    # Press Association Premier League reports 2012-13 and 2013-14
    Question(
        "Chelsea",
        "2013-05-12",
        "Rafael Benitez",
        "pa-premier-league-2012/012.txt",
        "the final two games of the season; Chelsea are Europa League finalists",
    ),
    Question(
        "Manchester United",
        "2013-10-01",
        "David Moyes",
        "pa-premier-league-2012/014.txt",
        "new manager David Moyes at the start of what was supposed to be an easy run of fixtures",
    ),
    Question(
        "Everton",
        "2013-08-24",
        "Roberto Martinez",
        "pa-premier-league-2012/140.txt",
        "new Everton boss Roberto Martinez kept waiting for his first win (goalless draw with West Brom)",
    ),
    Question(
        "Liverpool",
        "2013-09-01",
        "Brendan Rodgers",
        "pa-premier-league-2012/038.txt",
        "debut for new loan signing Aly Cissokho",
    ),
    Question(
        "Manchester City",
        "2013-09-14",
        "Manuel Pellegrini",
        "pa-premier-league-2012/074.txt",
        "under new manager Manuel Pellegrini, ahead of the start of their Champions League campaign",
    ),
    Question(
        "Newcastle United",
        "2013-03-10",
        "Alan Pardew",
        "pa-premier-league-2012/150.txt",
        "Thursday night's 0-0 Champions League (Europa League) draw with Anzhi in Moscow",
    ),
    Question(
        "Southampton",
        "2013-10-21",
        "Mauricio Pochettino",
        "pa-premier-league-2012/022.txt",
        "Crystal Palace (promoted 2013) at St Mary's",
    ),
    Question(
        "Tottenham Hotspur",
        "2013-10-20",
        "Andre Villas-Boas",
        "pa-premier-league-2012/069.txt",
        "the report follows a home defeat by West Ham (2013-10-06)",
    ),
    Question(
        "Cardiff City",
        "2013-10-19",
        "Malky Mackay",
        "pa-premier-league-2012/002.txt",
        "Cardiff (promoted 2013) at Stamford Bridge after an international break, Mourinho on the touchline",
    ),
    Question(
        "Swansea City",
        "2013-03-02",
        "Michael Laudrup",
        "pa-premier-league-2012/033.txt",
        "with the League Cup proudly on display before kick-off",
    ),
)

_FOOTBALL = re.compile(
    r"\b(?:Premiership|Premier League|Uefa|Champions League|FA Cup|Carling Cup|striker|midfielder|"
    r"goalkeeper|Scottish Premier|Championship|League One|League Two)\b"
)


def corpus_paths() -> list[Path]:
    """Every PA report and every BBC article that reads as football (the rest is athletics, rugby and
    tennis): the 20 questions' articles plus some 300 others, the distractors."""
    pa = sorted((CORPUS / "pa-premier-league-2012").glob("*.txt"))
    bbc = [
        p
        for p in sorted((CORPUS / "bbc-sport-2004").glob("*.txt"))
        if _FOOTBALL.search(p.read_text(encoding="latin-1"))
    ]
    return pa + bbc


def main_answer(text: str) -> str:
    """The answer before any "Also reported" part."""
    return text.split(". Also reported:")[0]
