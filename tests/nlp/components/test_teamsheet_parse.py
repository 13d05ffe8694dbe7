"""Parsing team-sheet blocks: every layout, inline substitutions, facts lines, and broken blocks."""

from __future__ import annotations

import pytest

from touchline.nlp.components.teamsheet_items import parse_events, parse_player
from touchline.nlp.components.teamsheet_parse import SheetBlock, block_names, find_blocks

GUARDIAN = """Leeds won it late.

Leeds United (4-4-2): Robinson; Mills, Radebe, Matteo, Harte; Bowyer, Bakke (Barmby 70), Dacourt (capt), Kewell; Viduka, Smith (Milner, 80). Subs not used: Martyn, Kelly. Booked: Bowyer, Mills. Newcastle United (4-4-2): Given; Griffin, Dabizas, O'Brien, Hughes; Solano (Jenas 75), Dyer, Speed (capt), Robert; Shearer, Bellamy. Subs not used: Harper. Booked: Speed. Sent off: Dabizas (78).
Goals: Bowyer 35, Dyer 69. Referee: S Dunn (Bristol). Attendance: 39,521.

Venables was pleased."""

PA_LINES = """Report text.

Rangers (4-3-3): Butland; Tavernier (c), Goldson, Souttar, Barisic; Raskin, Lundstram (Cantwell 70), Dowell; Sima, Roofe, Lammers
Subs not used: McCrorie, Davies
Yellow cards: Lundstram 34, Goldson 58

Celtic (4-3-3): Hart; Johnston, Carter-Vickers, Scales, Taylor; Hatate, McGregor (c), O'Riley; Palma (Yang 85), Furuhashi, Maeda
Subs not used: Bain
Yellow cards: Taylor 45+1

Goals: Furuhashi 63
Att: 49,477
Ref: Don Robertson
"""

STRIPPED = """Hearts won 2-1.

Lewis; McCrorie, Gallagher, McKenzie, Ramsay (Hayes 67); Ferguson (capt), Brown, Hernandez (Besuijen 60); Ojo, Ramirez, Jenks. Subs not used: Woods, Bates.
Gordon (capt); Atkinson, Souttar, Kingsley, Cochrane; Devlin, Haring (Halkett 88); Mackay-Steven, McKay, Ginnelly; Boyce. Subs not used: Stewart.
Booked: McCrorie, Haring.
Referee: Nick Walsh. Attendance: 13,812.
"""

BBC = """Brighton won.

Line-ups

Brighton
Verbruggen, Lamptey, Dunk, Van Hecke, Estupinan, Gross, Baleba, March, Pedro, Mitoma, Ferguson
Subs: Steele, Webster, Adingra
Substitutions: Adingra for Mitoma (70')

Wolves
Sa, Semedo, Dawson, Kilman, Ait-Nouri, Lemina, Gomes, Sarabia, Bellegarde, Cunha, Hwang
Subs: Bentley, Traore
Substitutions: Traore for Bellegarde (62')

Booked: Lemina, Gross
Referee: Anthony Taylor
Attendance: 31,541
"""

TIMES = """Spurs drew.

TOTTENHAM HOTSPUR (4-4-2): Keller; Kelly, Gardner, Richards (capt), Taricco (sub Ziege, 65); Davies, Brown, Redknapp (sub Dalmat, 78), Jackson; Keane, Defoe. Subs not used: Hirschfeld.
MIDDLESBROUGH (4-4-2): Schwarzer; Mills, Southgate (capt), Ehiogu, Queudrue; Mendieta, Boateng, Doriva (sub Juninho, 60), Zenden; Job, Ricketts. Subs not used: Jones.
Scorers: Tottenham: Defoe 12, Keane 47 pen; Middlesbrough: Mendieta 31, Job 84.
Man of the match: Zenden.
Referee: M Riley (Leeds). Attendance: 35,407.
"""

SHIRTS = """Wrexham won.

Crewe: 1 Harness, 2 Williams, 5 Offord, 6 Demetriou, 3 Cooney, 8 Finney, 4 Lowery, 7 Holicek, 10 Long, 9 Baker-Richardson, 11 Tracey (17 Thomas 62)
Subs: 12 Booth, 14 Tabiner
Wrexham: 1 Okonkwo, 2 O'Connell, 5 Tozer, 6 Mendy, 3 McClean (capt), 8 Lee (14 Dobson 71), 4 Cannon, 7 Barnett, 11 Marriott, 10 Mullin, 9 Scarr
Att: 6,790
Ref: Sam Barrott
"""

FOR_SUBS = """Draw at the City Ground.

Nottingham Forest: Darlow; Lichaj, Wilson, Hobbs, Fryatt; Lansbury (capt), Vaughan, Osborn; Burke, Assombalonga, Antonio
Subs: Evtimov, Mancienne (for Hobbs 60), Reid (for Burke 72)
West Bromwich Albion: Foster; Wisdom, McAuley, Lescott, Pocognoli; Yacob, Morrison (capt), Gardner; Brunt, Ideye, Sessegnon
Subs: Myhill, Berahino (for Ideye 63)
Goals: Assombalonga 22, Lansbury 51, Berahino 76, 88
Referee: Andre Marriner
"""


def _team(block: SheetBlock, i: int) -> dict[str, tuple[bool, int | None, int | None, bool]]:
    return {p.name.text: (p.starter, p.subbed_on, p.subbed_off, p.captain) for p in block.teams[i].players}


@pytest.mark.parametrize(
    ("text", "labels", "sizes"),
    [
        (GUARDIAN, ["Leeds United", "Newcastle United"], [15, 13]),
        (PA_LINES, ["Rangers", "Celtic"], [14, 13]),
        (STRIPPED, [None, None], [15, 13]),
        (BBC, ["Brighton", "Wolves"], [14, 13]),
        (TIMES, ["TOTTENHAM HOTSPUR", "MIDDLESBROUGH"], [14, 13]),
        (SHIRTS, ["Crewe", "Wrexham"], [14, 12]),
        (FOR_SUBS, ["Nottingham Forest", "West Bromwich Albion"], [14, 13]),
    ],
    ids=["guardian", "pa_lines", "stripped", "bbc", "times_sub", "shirt_numbers", "for_subs"],
)
def test_layouts_split_into_two_teams(text: str, labels: list[str | None], sizes: list[int]) -> None:
    blocks = find_blocks(text)
    assert len(blocks) == 1
    block = blocks[0]
    assert [t.label.text if t.label else None for t in block.teams] == labels
    assert [len(t.players) for t in block.teams] == sizes
    # the block ends where the prose starts again, and every name span points into the text
    assert "Venables" not in text[block.start : block.end]
    assert block.start > text.index("\n\n")  # the opening prose is not part of it
    for span in block_names(block):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "team", "name", "expected"),
    [
        (GUARDIAN, 0, "Bakke", (True, None, 70, False)),
        (GUARDIAN, 0, "Barmby", (False, 70, None, False)),
        (GUARDIAN, 0, "Smith", (True, None, 80, False)),
        (GUARDIAN, 0, "Milner", (False, 80, None, False)),
        (GUARDIAN, 0, "Dacourt", (True, None, None, True)),
        (GUARDIAN, 0, "Martyn", (False, None, None, False)),
        (PA_LINES, 0, "Tavernier", (True, None, None, True)),
        (PA_LINES, 1, "Yang", (False, 85, None, False)),
        (STRIPPED, 0, "Hayes", (False, 67, None, False)),
        (STRIPPED, 1, "Gordon", (True, None, None, True)),
        (BBC, 0, "Mitoma", (True, None, 70, False)),
        (BBC, 0, "Adingra", (False, 70, None, False)),
        (BBC, 1, "Bellegarde", (True, None, 62, False)),
        (TIMES, 0, "Taricco", (True, None, 65, False)),
        (TIMES, 0, "Ziege", (False, 65, None, False)),
        (SHIRTS, 0, "Thomas", (False, 62, None, False)),
        (SHIRTS, 1, "Lee", (True, None, 71, False)),
        (FOR_SUBS, 0, "Hobbs", (True, None, 60, False)),
        (FOR_SUBS, 0, "Mancienne", (False, 60, None, False)),
        (FOR_SUBS, 1, "Berahino", (False, 63, None, False)),
    ],
)
def test_substitutions_and_captains(
    text: str, team: int, name: str, expected: tuple[bool, int | None, int | None, bool]
) -> None:
    assert _team(find_blocks(text)[0], team)[name] == expected


@pytest.mark.parametrize(
    ("item", "names"),
    [
        ("Milner (Ameobi 75)", [("Milner", True, None, 75), ("Ameobi", False, 75, None)]),
        ("Jenas (sub Butt, 80)", [("Jenas", True, None, 80), ("Butt", False, 80, None)]),
        ("Smith (Jones 67')", [("Smith", True, None, 67), ("Jones", False, 67, None)]),
        ("Smith (67 Jones)", [("Smith", True, None, 67), ("Jones", False, 67, None)]),
        (
            "Abada (Maeda 70 (Forrest 85))",
            [("Abada", True, None, 70), ("Maeda", False, 70, 85), ("Forrest", False, 85, None)],
        ),
        (
            "Abada (Maeda 70, Forrest 85)",
            [("Abada", True, None, 70), ("Maeda", False, 70, 85), ("Forrest", False, 85, None)],
        ),
        ("Maguire (capt) (Goss 75)", [("Maguire", True, None, 75), ("Goss", False, 75, None)]),
        ("van Dijk (c)", [("van Dijk", True, None, None)]),
        ("Mac Allister (Endo 90+1)", [("Mac Allister", True, None, 90), ("Endo", False, 90, None)]),
    ],
)
def test_inline_substitution_item(item: str, names: list[tuple[str, bool, int | None, int | None]]) -> None:
    got = parse_player(item, 0, len(item))
    assert got is not None
    assert [(p.name.text, p.starter, p.subbed_on, p.subbed_off) for p in got] == names


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("Bowyer 35, Dyer 69", "goal", [("Bowyer", 35, None, None), ("Dyer", 69, None, None)]),
        (
            "Yorke 17, 41 pen, Taylor 68",
            "goal",
            [("Yorke", 17, None, None), ("Yorke", 41, None, "penalty"), ("Taylor", 68, None, None)],
        ),
        (
            "Todd og 40, Lampard pen 53",
            "goal",
            [("Todd", 40, None, "own_goal"), ("Lampard", 53, None, "penalty")],
        ),
        ("Van Veen 41, 90+2", "goal", [("Van Veen", 41, None, None), ("Van Veen", 90, 2, None)]),
        ("Carr, Hierro", "yellow", [("Carr", None, None, "yellow"), ("Hierro", None, None, "yellow")]),
        ("Dabizas (55)", "red", [("Dabizas", 55, None, "red")]),
        ("Hanlon 77'", "red", [("Hanlon", 77, None, "red")]),
        ("Taylor 45+1", "yellow", [("Taylor", 45, 1, "yellow")]),
    ],
)
def test_goal_and_card_lines(
    line: str, kind: str, expected: list[tuple[str, int | None, int | None, str | None]]
) -> None:
    got = parse_events(line, 0, len(line), kind)
    assert got is not None
    assert [(e.name.text, e.minute, e.added, e.kind) for e in got] == expected


def test_team_labels_inside_a_facts_line() -> None:
    block = find_blocks(TIMES)[0]
    assert [(g.name.text, g.team_label.text if g.team_label else None) for g in block.goals] == [
        ("Defoe", "Tottenham"),
        ("Keane", "Tottenham"),
        ("Mendieta", "Middlesbrough"),
        ("Job", "Middlesbrough"),
    ]
    assert block.others[0][0].text == "Zenden"


@pytest.mark.parametrize(
    ("text", "referee", "attendance"),
    [
        (GUARDIAN, "S Dunn", 39521),
        (PA_LINES, "Don Robertson", 49477),
        (STRIPPED, "Nick Walsh", 13812),
        (BBC, "Anthony Taylor", 31541),
        (SHIRTS, "Sam Barrott", 6790),
        (FOR_SUBS, "Andre Marriner", None),
    ],
)
def test_referee_and_attendance(text: str, referee: str, attendance: int | None) -> None:
    block = find_blocks(text)[0]
    assert block.referee is not None and block.referee.text == referee
    assert block.attendance == attendance


def test_cards_in_a_team_section_belong_to_that_team() -> None:
    block = find_blocks(GUARDIAN)[0]
    assert [(c.name.text, c.kind, c.minute, c.team_index) for c in block.cards] == [
        ("Bowyer", "yellow", None, 0),
        ("Mills", "yellow", None, 0),
        ("Speed", "yellow", None, 1),
        ("Dabizas", "red", 78, 1),
    ]


BROKEN = [
    # an unclosed bracket in one item of a labelled list: the rest of the list is kept
    (
        "Pompey: Schmid; Ogilvie, Poole, Shaughnessy, Rafferty; Pack, Dozzell (Lang 70), Murphy; Saydee, Bishop (Yengi 80, Ritchie\n",
        {
            "Schmid",
            "Ogilvie",
            "Poole",
            "Shaughnessy",
            "Rafferty",
            "Pack",
            "Dozzell",
            "Lang",
            "Murphy",
            "Saydee",
        },
    ),
    # a truncated list with page furniture: not a team sheet at all
    ("Plymouth: Hazard, Edwards, Gibson, Pleguezuelo ... (full line-ups on page 47)\n", set()),
    # prose with a colon and commas is not a sheet
    (
        'Rusk said: "Smith, Jones, Brown and the rest were brilliant, absolutely brilliant, all of them, honestly."\n',
        set(),
    ),
    ("Goals: a problem all season, and Smith, Jones, Brown, Green, White, Black and Grey know it.\n", set()),
    # a list in a sentence is not a line-up
    ("He named Robinson, Mills, Radebe, Matteo, Harte, Bowyer, Bakke and Viduka among the best.\n", set()),
    ("Subs not used: Martyn, Kelly\n", set()),  # no team for it to belong to
    ("", set()),
    ("(((( Smith, Jones ))))\n", set()),
]


@pytest.mark.parametrize(("text", "names"), BROKEN)
def test_broken_blocks_never_invent_names(text: str, names: set[str]) -> None:
    body = "Intro paragraph.\n\n" + text + "\nClosing paragraph with Robinson in it."
    blocks = find_blocks(body)
    found = {s.text for b in blocks for s in block_names(b)}
    assert found == names
    for b in blocks:
        assert "Closing" not in body[b.start : b.end]


def test_facts_only_block_is_found() -> None:
    body = "Report.\n\nAttendance: 20,118. Referee: Tom Nield.\n\nMore prose."
    (block,) = find_blocks(body)
    assert (block.attendance, block.referee and block.referee.text, block.teams) == (20118, "Tom Nield", [])


def test_two_blocks_in_a_round_up() -> None:
    body = STRIPPED + "\nMansfield drew at home.\n\n" + STRIPPED
    assert len(find_blocks(body)) == 2


def test_squad_lists_are_not_team_sheets() -> None:
    body = (
        "England named their squad.\n\n"
        "Goalkeepers: Pickford, Pope, Ramsdale, Henderson, Trafford\n"
        "Defenders: Alexander-Arnold, Dunk, Gomez, Guehi, Konsa, Shaw, Stones, Trippier, Walker\n\n"
        "More prose."
    )
    assert find_blocks(body) == []


def test_probable_teams_are_marked_as_a_preview() -> None:
    body = "Preview.\n\nProbable teams\n\n" + PA_LINES.split("\n\n", 1)[1]
    (block,) = find_blocks(body)
    assert block.preview and len(block.teams) == 2


@pytest.mark.parametrize(
    ("header", "scores", "half_time"),
    [
        ("Leeds United 1 Newcastle United 1", (1, 1), None),
        ("LEEDS UNITED (1) 1 NEWCASTLE UNITED (0) 1", (1, 1), (1, 0)),
        ("Swansea City 1 Bristol City 1 (aet; Bristol City win 4-3 on penalties)", (1, 1), None),
        ("Celtic 2 (Kyogo 12, Maeda 60) Rangers 1 (Morelos 70)", (2, 1), None),
    ],
)
def test_score_header_in_a_block(
    header: str, scores: tuple[int, int], half_time: tuple[int, int] | None
) -> None:
    body = "Intro.\n\n" + header + "\n\n" + GUARDIAN.split("\n\n")[1]
    (block,) = find_blocks(body)
    assert block.header is not None
    assert (block.header.home_score, block.header.away_score) == scores
    assert block.header.half_time == half_time


def test_bench_minutes_and_singular_label() -> None:
    body = (
        "Report.\n\nLeeds United: Robinson; Mills, Radebe, Matteo, Harte; Bowyer, Bakke, Dacourt, Kewell; Viduka, Smith."
        " Subs: Martyn, Barmby (70), Milner (80). Sub not used: Kelly.\n"
    )
    (block,) = find_blocks(body)
    bench = {p.name.text: (p.starter, p.subbed_on) for p in block.teams[0].players if not p.starter}
    assert bench == {
        "Martyn": (False, None),
        "Barmby": (False, 70),
        "Milner": (False, 80),
        "Kelly": (False, None),
    }
