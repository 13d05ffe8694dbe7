"""Original reports of one match with team sheets, cards, referee and attendance that partly disagree.

Built by hand like ``kb_corpus``: offsets come from the bodies, so ``body[start:end] == text`` holds.
"""

from __future__ import annotations

from kb_corpus import article, ev

from touchline.models import ArticleFacts, Card, LineupEntry, Match

DAY = "2025-03-22"


def sheet(*names: str) -> list[LineupEntry]:
    """``"Name"`` a starter, ``"Name>67"`` a starter off on 67, ``"Name<67"`` a sub on at 67,
    ``"Name<"`` an unused sub, ``"Name*"`` the captain."""
    out = []
    for raw in names:
        captain = raw.endswith("*")
        raw = raw.rstrip("*")
        if ">" in raw:
            name, minute = raw.split(">")
            out.append(LineupEntry(name, True, subbed_off=int(minute), captain=captain))
        elif "<" in raw:
            name, minute = raw.split("<")
            out.append(LineupEntry(name, False, subbed_on=int(minute) if minute else None, captain=captain))
        else:
            out.append(LineupEntry(raw, True, captain=captain))
    return out


def details_corpus() -> list[ArticleFacts]:
    out: list[ArticleFacts] = []

    b = (
        "Everton host Brentford at Goodison Park on Saturday. The likely home side is Pickford; O'Brien, "
        "Branthwaite, Keane, Mykolenko; Gueye, Garner; Lindstrom, Ndiaye, Harrison; Calvert-Lewin."
    )
    preview = Match("Everton", "Brentford", None, None, "scheduled", None, DAY, "Premier League")
    preview.evidence = ev(b, "Everton host Brentford at Goodison Park on Saturday.")
    preview.lineups = {
        "home": sheet(
            "Pickford",
            "O'Brien",
            "Branthwaite",
            "Keane",
            "Mykolenko",
            "Gueye",
            "Garner",
            "Lindstrom",
            "Ndiaye",
            "Harrison",
            "Calvert-Lewin",
        ),
        "away": [],
    }
    out.append(ArticleFacts(article(b, "2025-03-20", "d1.txt"), matches=[preview]))

    b = (
        "Everton and Brentford drew 1-1 at Goodison Park. Beto scored for the hosts and Bryan Mbeumo replied.\n\n"
        "Everton: Pickford; O'Brien, Tarkowski, Branthwaite, Mykolenko; Gueye, Garner; Ndiaye, Doucoure (Harrison 70), "
        "Alcaraz; Beto (Broja 81). Subs not used: Virginia, Young.\n"
        "Brentford: Flekken; Ajer, Collins, Van den Berg, Lewis-Potter; Norgaard (capt), Janelt; Mbeumo, Damsgaard, "
        "Schade (Wissa 64); Yarmoliuk.\n"
        "Booked: Gueye 33, Janelt 58. Referee: Darren England. Attendance: 39,021."
    )
    report = Match("Everton", "Brentford", 1, 1, "played", "draw", DAY, "Premier League")
    report.evidence = ev(b, "Everton and Brentford drew 1-1 at Goodison Park.")
    report.lineups = {
        "home": sheet(
            "Pickford",
            "O'Brien",
            "Tarkowski",
            "Branthwaite",
            "Mykolenko",
            "Gueye",
            "Garner",
            "Ndiaye",
            "Doucoure>70",
            "Alcaraz",
            "Beto>81",
            "Harrison<70",
            "Broja<81",
            "Virginia<",
            "Young<",
        ),
        "away": sheet(
            "Flekken",
            "Ajer",
            "Collins",
            "Van den Berg",
            "Lewis-Potter",
            "Norgaard*",
            "Janelt",
            "Mbeumo",
            "Damsgaard",
            "Schade>64",
            "Yarmoliuk",
            "Wissa<64",
        ),
    }
    report.cards = [
        Card("Gueye", "Everton", 33, "yellow", ev(b, "Gueye 33")),
        Card("Janelt", "Brentford", 58, "yellow", ev(b, "Janelt 58")),
    ]
    report.referee = "Darren England"
    report.attendance = 39021
    out.append(ArticleFacts(article(b, DAY, "d2.txt"), matches=[report]))

    # the next day, told from Brentford's side with the clubs in the other order (home/away unknown)
    b = (
        "Brentford took a point from Everton. James Tarkowski captained the hosts. Idrissa Gueye was booked "
        "in the 35th minute and Janelt after 58 minutes. England refereed in front of 39,200.\n\n"
        "Brentford: Flekken; Ajer, Collins, Van den Berg, Lewis-Potter; Norgaard, Janelt; Mbeumo, Damsgaard, "
        "Schade; Yarmoliuk.\nEverton: Pickford; O'Brien, Tarkowski (capt), Branthwaite, Mykolenko; Gueye, "
        "Garner; Ndiaye, Doucoure, Alcaraz; Beto (Broja 80)."
    )
    later = Match("Brentford", "Everton", 1, 1, "played", "draw", None, "Premier League")
    later.flags = ["order_as_given"]
    later.evidence = ev(b, "Brentford took a point from Everton.")
    later.lineups = {
        "home": sheet(
            "Flekken",
            "Ajer",
            "Collins",
            "Van den Berg",
            "Lewis-Potter",
            "Norgaard",
            "Janelt",
            "Mbeumo",
            "Damsgaard",
            "Schade",
            "Yarmoliuk",
        ),
        "away": sheet(
            "Pickford",
            "O'Brien",
            "James Tarkowski*",
            "Branthwaite",
            "Mykolenko",
            "Gueye",
            "Garner",
            "Ndiaye",
            "Doucoure",
            "Alcaraz",
            "Beto>80",
            "Broja<80",
        ),
    }
    later.cards = [
        Card("Idrissa Gueye", "Everton", 35, "yellow", ev(b, "Idrissa Gueye was booked in the 35th minute")),
        Card("Janelt", "Brentford", 58, "yellow", ev(b, "Janelt after 58 minutes")),
    ]
    later.referee = "England"
    later.attendance = 39200
    out.append(ArticleFacts(article(b, "2025-03-23", "d3.txt"), matches=[later]))
    return out
