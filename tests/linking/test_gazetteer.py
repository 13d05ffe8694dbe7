"""The package gazetteer: alias lookup, fuzzy lookup, scanning offsets, ordinary words, context."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchline.errors import GazetteerError
from touchline.linking.gazetteer import Gazetteer, default_gazetteer, fold, norm_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


CLUB_ALIASES = [
    # nicknames
    ("Spurs", "Tottenham Hotspur"),
    ("the Cottagers", "Fulham"),
    ("the Toffees", "Everton"),
    ("Boro", "Middlesbrough"),
    ("the Gunners", "Arsenal"),
    ("the Hammers", "West Ham United"),
    ("the Magpies", "Newcastle United"),
    ("the Black Cats", "Sunderland"),
    ("Pompey", "Portsmouth"),
    ("the Canaries", "Norwich City"),
    ("the Owls", "Sheffield Wednesday"),
    ("the Blades", "Sheffield United"),
    ("the Bhoys", "Celtic"),
    ("the Gers", "Rangers"),
    ("Hibs", "Hibernian"),
    ("Jambos", "Heart of Midlothian"),
    ("the Red Devils", "Manchester United"),
    ("the Seagulls", "Brighton & Hove Albion"),
    ("Wolves", "Wolverhampton Wanderers"),
    ("Juve", "Juventus"),
    # short names and abbreviations
    ("Man Utd", "Manchester United"),
    ("Man City", "Manchester City"),
    ("QPR", "Queens Park Rangers"),
    ("West Brom", "West Bromwich Albion"),
    ("Sheff Utd", "Sheffield United"),
    ("Newcastle Utd", "Newcastle United"),
    ("Nott'm Forest", "Nottingham Forest"),
    ("MK Dons", "Milton Keynes Dons"),
    ("PSG", "Paris Saint-Germain"),
    ("Barça", "Barcelona"),
    ("Inter", "Inter Milan"),
    ("Middlesbrough FC", "Middlesbrough"),
    ("Southampton FC", "Southampton"),
    # spelling variants
    ("Brighton and Hove Albion", "Brighton & Hove Albion"),
    ("Paris St Germain", "Paris Saint-Germain"),
    ("Saint Mirren", "St Mirren"),
    ("St. Johnstone", "St Johnstone"),
    ("Bayern München", "Bayern Munich"),
    ("Bayern Munchen", "Bayern Munich"),
    ("Atletico Madrid", "Atlético Madrid"),
    ("Fenerbahce", "Fenerbahçe"),
    # old names, separate clubs
    ("Woolwich Arsenal", "Arsenal"),
    ("Small Heath", "Birmingham City"),
    ("Wimbledon FC", "Wimbledon"),
    ("AFC Wimbledon", "AFC Wimbledon"),
    ("Stevenage Borough", "Stevenage"),
    ("Clapton Orient", "Leyton Orient"),
    ("Dynamo Kiev", "Dynamo Kyiv"),
]


@pytest.mark.parametrize(("text", "canonical"), CLUB_ALIASES)
def test_club_alias(gaz: Gazetteer, text: str, canonical: str) -> None:
    assert gaz.club(text) == canonical


COMPETITIONS = [
    ("Carabao Cup", "EFL Cup"),
    ("Worthington Cup", "EFL Cup"),
    ("Rumbelows Cup", "EFL Cup"),
    ("Premiership", "Premier League"),
    ("Barclays Premier League", "Premier League"),
    ("Sky Bet Championship", "Championship"),
    ("Football League Championship", "Championship"),
    ("First Division", "First Division"),
    ("Johnstone's Paint Trophy", "EFL Trophy"),
    ("Papa John's Trophy", "EFL Trophy"),
    ("Emirates FA Cup", "FA Cup"),
    ("Charity Shield", "Community Shield"),
    ("Clydesdale Bank Premier League", "Scottish Premiership"),
    ("cinch Premiership", "Scottish Premiership"),
    ("SPL", "Scottish Premiership"),
    ("CIS Insurance Cup", "Scottish League Cup"),
    ("Viaplay Cup", "Scottish League Cup"),
    ("UEFA Cup", "Europa League"),
    ("Europa Conference League", "Conference League"),
    ("European Cup", "Champions League"),
    ("Euro 2024", "European Championship"),
    ("LaLiga", "La Liga"),
]


@pytest.mark.parametrize(("text", "canonical"), COMPETITIONS)
def test_competition_alias(gaz: Gazetteer, text: str, canonical: str) -> None:
    assert gaz.competition(text) == canonical


STADIUMS = [
    ("St Mary's", "St Mary's Stadium", "Southampton"),
    ("Saint Mary's Stadium", "St Mary's Stadium", "Southampton"),
    ("Highbury", "Highbury", "Arsenal"),
    ("Upton Park", "Boleyn Ground", "West Ham United"),
    ("Maine Road", "Maine Road", "Manchester City"),
    ("The Dell", "The Dell", "Southampton"),
    ("White Hart Lane", "White Hart Lane", "Tottenham Hotspur"),
    ("Ayresome Park", "Ayresome Park", "Middlesbrough"),
    ("Villa Park", "Villa Park", "Aston Villa"),
    ("Britannia Stadium", "bet365 Stadium", "Stoke City"),
    ("Nou Camp", "Camp Nou", "Barcelona"),
]


@pytest.mark.parametrize(("text", "canonical", "club"), STADIUMS)
def test_stadium_alias_and_club(gaz: Gazetteer, text: str, canonical: str, club: str) -> None:
    assert gaz.stadium(text) == canonical
    assert gaz.club_of_stadium(canonical) == club


def test_home_stadium(gaz: Gazetteer) -> None:
    assert gaz.home_stadium("Southampton") == "St Mary's Stadium"
    assert gaz.home_stadium("Arsenal") == "Emirates Stadium"


MISSPELLINGS = [
    ("Middlesboro", "Middlesbrough"),
    ("Tottenham Hotpsur", "Tottenham Hotspur"),
    ("Southhampton", "Southampton"),
    ("Nottingham Forrest", "Nottingham Forest"),
    ("Wolverhampton Wanders", "Wolverhampton Wanderers"),
    ("Arsnal", "Arsenal"),
    ("Chelsey", "Chelsea"),
    ("Man Citty", "Manchester City"),
]


@pytest.mark.parametrize(("text", "canonical"), MISSPELLINGS)
def test_fuzzy_misspellings(gaz: Gazetteer, text: str, canonical: str) -> None:
    assert gaz.club(text) is None or gaz.club(text) == canonical
    assert gaz.club(text, fuzzy=True) == canonical


@pytest.mark.parametrize(
    "text", ["Leads", "Hul", "Manchester", "Sheffield", "Bristol", "the city", "Wednesdays"]
)
def test_fuzzy_never_guesses_short_or_partial_names(gaz: Gazetteer, text: str) -> None:
    assert gaz.club(text, fuzzy=True) is None


@pytest.mark.parametrize(
    "text", ["United", "City", "Saints", "the Reds", "Rovers", "Wednesday", "Albion", "the Dons"]
)
def test_ambiguous_aliases_need_context(gaz: Gazetteer, text: str) -> None:
    assert gaz.club(text) is None


@pytest.mark.parametrize(
    ("text", "context", "canonical"),
    [
        ("United", ["Newcastle"], "Newcastle United"),
        ("City", ["Man City", "Arsenal"], "Manchester City"),
        ("Saints", ["Southampton"], "Southampton"),
        ("Saints", ["St Mirren"], "St Mirren"),
        ("the Reds", ["Liverpool"], "Liverpool"),
        ("Rovers", ["Blackburn Rovers"], "Blackburn Rovers"),
        ("Albion", ["West Brom"], "West Bromwich Albion"),
        ("the Dons", ["Aberdeen"], "Aberdeen"),
    ],
)
def test_ambiguous_aliases_with_context(
    gaz: Gazetteer, text: str, context: list[str], canonical: str
) -> None:
    assert gaz.club(text, context=context) == canonical


def test_norm_key_and_fold() -> None:
    assert norm_key("St. Mary’s") == norm_key("Saint Marys")
    assert norm_key("Brighton & Hove Albion FC") == "brighton and hove albion"
    text = "Bayern München – Atlético’s İstanbul"
    assert len(fold(text)) == len(text)
    assert fold("München") == "munchen"


def spans(gaz: Gazetteer, text: str, **kw: object) -> list[tuple[str, str]]:
    out = []
    for m in gaz.scan(text, **kw):  # type: ignore[arg-type]
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.canonical))
    return out


def test_scan_offsets_exact(gaz: Gazetteer) -> None:
    text = "Southampton lost to Liverpool at St Mary’s in the Carabao Cup; Saints were poor."
    found = gaz.scan(text)
    assert [(m.start, m.end, m.kind, m.canonical) for m in found] == [
        (0, 11, "club", "Southampton"),
        (20, 29, "club", "Liverpool"),
        (33, 42, "stadium", "St Mary's Stadium"),
        (50, 61, "competition", "EFL Cup"),
        (63, 69, "club", "Southampton"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_scan_prefers_longest_match(gaz: Gazetteer) -> None:
    assert spans(gaz, "Sheffield Wednesday v Sheffield United at Villa Park") == [
        ("Sheffield Wednesday", "Sheffield Wednesday"),
        ("Sheffield United", "Sheffield United"),
        ("Villa Park", "Villa Park"),
    ]


NO_CLUB = [
    "Reading the game well, he found space.",
    "The derby was tense from the first whistle.",
    "He lives in the city and walks past the forest every day.",
    "A forest fire closed the road.",
    "Bury your doubts and keep going.",
    "It was the Derby at Epsom, not a football match.",
    "Derby Day crowds filled the course.",
    "a Derby-born striker",
    "He grew up in Reading and later in Derby.",
    "Bobby Charlton and Chris Sutton watched from the stand.",
    "They walked through Epping Forest and Sherwood Forest.",
    "The spurs on his boots were new, and the wolves howled.",
    "We met on Wednesday night and again last Wednesday.",
    "United we stand, said the city council of the Albion Street estate.",
    "The saints and the reds of the autumn leaves.",
    "David Villa scored for Spain.",
    "He told the Liverpool Echo that Everton Soares and Antonio Valencia would stay.",
    "Leicester Tigers beat Northampton Saints at Welford Road.",
    "The United Nations met near Liverpool Street station.",
]


@pytest.mark.parametrize("text", NO_CLUB)
def test_scan_ordinary_words_are_not_clubs(gaz: Gazetteer, text: str) -> None:
    clubs = [m for m in gaz.scan(text) if m.kind == "club" and m.canonical != "Spain"]
    assert clubs == []


WITH_CLUB = [
    ("Reading beat Leeds 2-1 on Saturday.", [("Reading", "Reading"), ("Leeds", "Leeds United")]),
    ("Derby have sacked their manager.", [("Derby", "Derby County")]),
    ("Bury were expelled from the league.", [("Bury", "Bury")]),
    ("Forest won at the City Ground.", [("Forest", "Nottingham Forest"), ("the City Ground", "City Ground")]),
    ("He joined Reading from Derby in 2019.", [("Reading", "Reading"), ("Derby", "Derby County")]),
    ("The Derby manager left; Palace lost.", [("Derby", "Derby County"), ("Palace", "Crystal Palace")]),
    ("England's captain scored against Wales.", [("England", "England"), ("Wales", "Wales")]),
    ("When Villa scored, Reading fans left.", [("Villa", "Aston Villa"), ("Reading", "Reading")]),
    (
        "Premier League Chelsea beat League One Bolton.",
        [
            ("Premier League", "Premier League"),
            ("Chelsea", "Chelsea"),
            ("League One", "League One"),
            ("Bolton", "Bolton Wanderers"),
        ],
    ),
    ("Arsenal Women beat Chelsea FC Women.", [("Arsenal", "Arsenal"), ("Chelsea FC", "Chelsea")]),
]


@pytest.mark.parametrize(("text", "expected"), WITH_CLUB)
def test_scan_ordinary_word_clubs_in_football_context(
    gaz: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(gaz, text) == expected


def test_scan_context_resolution(gaz: Gazetteer) -> None:
    text = "Manchester City beat Arsenal. City were superb and United, their rivals, watched."
    assert ("City", "Manchester City") in spans(gaz, text)
    assert all(t != "United" for t, _ in spans(gaz, text))  # no Manchester United named: dropped
    assert ("United", "Manchester United") in spans(gaz, text, context_clubs=["Man Utd"])
    # two candidate clubs named: ambiguous, dropped
    both = "Newcastle United drew with West Ham United. United were better."
    assert [t for t, _ in spans(gaz, both)].count("United") == 0
    # a nickname with one default owner and a context owner
    assert spans(gaz, "Chelsea lost to Arsenal; the Eagles flew.")[-1] == ("the Eagles", "Crystal Palace")
    assert spans(gaz, "Benfica won; the Eagles flew.")[-1] == ("the Eagles", "Benfica")
    assert "the Eagles" not in [t for t, _ in spans(gaz, "Crystal Palace and Benfica: the Eagles flew.")]
    # several candidates named: the one named earlier in the same paragraph, else earlier in the text
    para = "Sheffield United lost.\nUnited host Middlesbrough on Tuesday. Leeds United won."
    assert ("United", "Sheffield United") in spans(gaz, para)
    two = "Leeds United beat Sheffield United.\n\nUnited were superb."
    assert [t for t, _ in spans(gaz, two)].count("United") == 0


ENGLISH_LEAGUE_CLUBS_2000_2026 = """Accrington Stanley|AFC Wimbledon|Aldershot Town|Arsenal|Aston Villa|Barnet|Barnsley|Barrow|
Birmingham City|Blackburn Rovers|Blackpool|Bolton Wanderers|Boston United|Bournemouth|Bradford City|Brentford|
Brighton & Hove Albion|Bristol City|Bristol Rovers|Bromley|Burnley|Burton Albion|Bury|Cambridge United|Cardiff City|
Carlisle United|Charlton Athletic|Chelsea|Cheltenham Town|Chester City|Chesterfield|Colchester United|Coventry City|
Crawley Town|Crewe Alexandra|Crystal Palace|Dagenham & Redbridge|Darlington|Derby County|Doncaster Rovers|Everton|
Exeter City|Fleetwood Town|Forest Green Rovers|Fulham|Gillingham|Grimsby Town|Halifax Town|Harrogate Town|
Hartlepool United|Hereford United|Huddersfield Town|Hull City|Ipswich Town|Kidderminster Harriers|Leeds United|
Leicester City|Leyton Orient|Lincoln City|Liverpool|Luton Town|Macclesfield Town|Manchester City|Manchester United|
Mansfield Town|Middlesbrough|Millwall|Milton Keynes Dons|Morecambe|Newcastle United|Newport County|Northampton Town|
Norwich City|Nottingham Forest|Notts County|Oldham Athletic|Oxford United|Peterborough United|Plymouth Argyle|
Port Vale|Portsmouth|Preston North End|Queens Park Rangers|Reading|Rochdale|Rotherham United|Rushden & Diamonds|
Salford City|Scunthorpe United|Sheffield United|Sheffield Wednesday|Shrewsbury Town|Southampton|Southend United|
Stevenage|Stockport County|Stoke City|Sunderland|Sutton United|Swansea City|Swindon Town|Torquay United|
Tottenham Hotspur|Tranmere Rovers|Walsall|Watford|West Bromwich Albion|West Ham United|Wigan Athletic|Wimbledon|
Wolverhampton Wanderers|Wrexham|Wycombe Wanderers|Yeovil Town|York City"""
SCOTTISH_TOP_FLIGHT_2000_2026 = """Aberdeen|Celtic|Dundee|Dundee United|Dunfermline Athletic|Falkirk|Gretna|
Hamilton Academical|Heart of Midlothian|Hibernian|Inverness Caledonian Thistle|Kilmarnock|Livingston|Motherwell|
Partick Thistle|Rangers|Ross County|St Johnstone|St Mirren"""


@pytest.mark.parametrize("group", [ENGLISH_LEAGUE_CLUBS_2000_2026, SCOTTISH_TOP_FLIGHT_2000_2026])
def test_league_clubs_are_all_known_with_a_home_stadium(gaz: Gazetteer, group: str) -> None:
    names = [n.strip() for n in group.replace("\n", "").split("|")]
    missing = [n for n in names if gaz.club(n) != n]
    assert missing == []
    no_ground = [n for n in names if not gaz.home_stadium(n) and n != "Wimbledon"]
    assert no_ground == []


def test_data_files_are_consistent(gaz: Gazetteer) -> None:
    clubs = set(gaz.all_clubs())
    assert len(clubs) > 350
    for stadium, club in gaz.stadium_club.items():
        assert club in clubs, f"{stadium} names unknown club {club}"
    assert gaz.is_national_team("England") and not gaz.is_national_team("Southampton")


def test_malformed_data_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "clubs.tsv").write_text("# header\nGood FC\tENG\t\n\tENG\tnameless\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"clubs\.tsv:3"):
        Gazetteer.from_dirs([tmp_path])
    (tmp_path / "clubs.tsv").write_text("Good FC\tENG\t=?\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"clubs\.tsv:1: .*no name"):
        Gazetteer.from_dirs([tmp_path])


def test_overlay_extends_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "gazetteer"
    overlay.mkdir()
    (overlay / "clubs.tsv").write_text(
        "Southampton\t\tSoton Saints XI\nKingstonian\tENG\t~Kingstonian\n", encoding="utf-8"
    )
    monkeypatch.setenv("TOUCHLINE_HOME", str(tmp_path))
    default_gazetteer.cache_clear()
    try:
        g = default_gazetteer()
        assert g.club("Soton Saints XI") == "Southampton"
        assert g.club("Kingstonian") == "Kingstonian"
        assert g.home_stadium("Southampton") == "St Mary's Stadium"
    finally:
        default_gazetteer.cache_clear()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("HEARTS 2 DUNDEE UNITED 1", [("HEARTS", "Heart of Midlothian"), ("DUNDEE UNITED", "Dundee United")]),
        ("SOCCER - WEDNESDAY COME FROM BEHIND TO BEAT QPR", [("QPR", "Queens Park Rangers")]),
        ("SPURS WIN AGAIN", [("SPURS", "Tottenham Hotspur")]),
        ("ASTON VILLA 3 LEEDS UNITED 0", [("ASTON VILLA", "Aston Villa"), ("LEEDS UNITED", "Leeds United")]),
    ],
)
def test_scan_all_caps_lines(text: str, want: list[tuple[str, str]]) -> None:
    got = [(m.text, m.canonical) for m in default_gazetteer().scan(text) if m.kind == "club"]
    assert got == want


@pytest.mark.parametrize("text", ["READING THE GAME", "the hearts of the fans", "Hearts and minds"])
def test_scan_caps_and_ordinary_words_stay_words(text: str) -> None:
    assert [m for m in default_gazetteer().scan(text) if m.kind == "club"] == []


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("They won at St Mary\u2019s.", "St Mary\u2019s", "St Mary's Stadium"),
        ("AT ST MARY\u2019S TONIGHT", "ST MARY\u2019S", "St Mary's Stadium"),
        ("Bolton were held at the Reebok.", "the Reebok", "Toughsheet Community Stadium"),
        ("a night at Tynecastle", "Tynecastle", "Tynecastle Park"),
        ("the FA Youth Cup final", "the FA Youth Cup", "FA Youth Cup"),
        ("the Worthington Cup", "Worthington Cup", "EFL Cup"),
        ("the Carling Cup", "Carling Cup", "EFL Cup"),
        ("the Coca-Cola Championship", "Coca-Cola Championship", "Championship"),
        ("in Nationwide League Division One", "Nationwide League Division One", "First Division"),
    ],
)
def test_scan_old_names_and_curly_apostrophes(text: str, surface: str, canonical: str) -> None:
    got = [(m.text, m.canonical) for m in default_gazetteer().scan(text)]
    assert (surface, canonical) in got


def test_rangers_means_qpr_when_the_text_names_them() -> None:
    gaz = default_gazetteer()
    text = "Queens Park Rangers lost. Rangers went ahead early."
    assert [m.canonical for m in gaz.scan(text) if m.kind == "club"] == ["Queens Park Rangers"] * 2
    assert [m.canonical for m in gaz.scan("Rangers went ahead early.")] == ["Rangers"]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("club", "Heart of Midlothian"), ("club", "Real Betis"), ("club", "Porto"), ("club", "Rennes"),
        ("club", "Shakhtar Donetsk"), ("club", "Sporting CP"), ("club", "Lille"), ("club", "Scotland"),
        ("club", "Wales"), ("stadium", "Tynecastle Park"), ("competition", "Scottish Cup"),
        ("competition", "League One"), ("competition", "League Two"), ("competition", "Championship"),
        ("competition", "FA Youth Cup"), ("competition", "EFL Cup"), ("competition", "Women's FA Cup"),
    ],
)  # fmt: skip
def test_canonical_names_exist(kind: str, name: str) -> None:
    gaz = default_gazetteer()
    lookup = {"club": gaz.club, "stadium": gaz.stadium, "competition": gaz.competition}[kind]
    assert lookup(name) == name


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Carlisle United drew. Carlisle twice led.", ["Carlisle United", "Carlisle United"]),
        ("Derby County won. Derby finished strongly.", ["Derby County", "Derby County"]),
        ("Carlisle twice led.", []),  # no full name in the text: still a word
        ("Reading FC won. Reading glasses are needed.", ["Reading"]),
        ("Derby County won. Derby day is coming.", ["Derby County"]),
    ],
)
def test_sentence_initial_ordinary_word_alias_needs_the_full_name(text: str, want: list[str]) -> None:
    assert [m.canonical for m in default_gazetteer().scan(text) if m.kind == "club"] == want


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Barclays League Division One", "First Division"),
        ("Today League Division Two", "Second Division"),
        ("Canon League Division Four", "Fourth Division"),
    ],
)
def test_old_football_league_sponsor_names(text: str, canonical: str) -> None:
    assert default_gazetteer().competition(text) == canonical


def test_sentence_initial_national_team_with_and() -> None:
    text = "Wales and Scotland shared a draw. Wales manager Robert Page was happy."
    assert [m.canonical for m in default_gazetteer().scan(text)] == ["Wales", "Scotland", "Wales"]
