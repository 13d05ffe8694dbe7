"""openfootball (Football.TXT) club lists: parsing, merging into the overlay, the CLI command."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED_DATA, require_shared

from touchline.cli.main import main
from touchline.config import DATA_DIR
from touchline.errors import GazetteerError
from touchline.linking.gazetteer import Gazetteer
from touchline.linking.openfootball import import_openfootball, parse_clubs_text

FIXTURE = """\
====================
=  England

# comment line
Southampton FC, 1885, @ St Mary's Stadium, Southampton › Hampshire   ## a comment
  | Southampton | Soton Saints Eleven
  | Southampton Football Club [en]
 Britannia Road // Southampton SO14 5FP
Kingstonian FC,  1885,  London (Kingston upon Thames)
  | Kingstonian | The K's
Thames AFC (1928-1932),  London
Madeup Rovers FC, @ Imaginary Park, Nowhere
  | Madeup | Madeup R.
ii) Madeup Rovers Reserves
  | Madeup II

== Region ==
Paris Town FC,  Paris
  | Paris
Paris United FC,  Paris
  | Paris
\tTabbed Alt Name
"""


def test_parse_clubs_text_fields() -> None:
    clubs = parse_clubs_text(FIXTURE.replace("\n", "\r\n"), "eng.clubs.txt")
    names = [c.name for c in clubs]
    assert names == [
        "Southampton FC",
        "Kingstonian FC",
        "Thames AFC",
        "Madeup Rovers FC",
        "Madeup Rovers Reserves",
        "Paris Town FC",
        "Paris United FC",
    ]
    saints = clubs[0]
    assert saints.founded == 1885 and saints.stadium == "St Mary's Stadium" and saints.city == "Southampton"
    assert saints.alt_names == ["Southampton", "Soton Saints Eleven", "Southampton Football Club"]
    assert saints.english_names == ["Southampton Football Club"]
    assert saints.country == "ENG" and saints.source == "eng.clubs.txt:5"
    assert clubs[1].city == "London"
    assert clubs[4].reserve_of == "Madeup Rovers FC" and clubs[4].alt_names == ["Madeup II"]
    assert clubs[6].alt_names == ["Paris", "Tabbed Alt Name"]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("= England\n  | Orphan Alias\n", 2, "before any club"),
        ("= England\nii) Reserves\n", 2, "reserve team line before any club"),
        ("Good FC\n, 1900, London\n", 2, "empty club name"),
        ("Good FC, @ , London\n", 1, "'@' without a stadium name"),
        ("Good FC\n  | Bad (name\n", 2, "unbalanced brackets"),
    ],
)
def test_malformed_lines_name_file_and_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(GazetteerError, match=rf"bad\.clubs\.txt:{line}: .*{problem}"):
        parse_clubs_text(text, "bad.clubs.txt")


@pytest.fixture()
def fixture_dir(tmp_path: Path) -> Path:
    d = tmp_path / "clubs" / "europe" / "england"
    d.mkdir(parents=True)
    (d / "eng.clubs.txt").write_text(FIXTURE, encoding="utf-8")
    (d / "eng.clubs.props.txt").write_text("Name, Web\nnot, a club list\n", encoding="utf-8")
    return tmp_path / "clubs"


def overlay_gazetteer(overlay: Path) -> Gazetteer:
    return Gazetteer.from_dirs([DATA_DIR / "gazetteer", overlay])


def test_import_merges_into_existing_clubs(fixture_dir: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    summary = import_openfootball(fixture_dir, overlay)
    assert summary.files == 1 and summary.clubs_read == 7
    assert summary.matched_clubs == 1  # Southampton
    assert summary.new_clubs == 6
    assert summary.merged_aliases == 2  # "Soton Saints Eleven", "... Football Club"; Southampton had the rest
    rows = (overlay / "clubs.tsv").read_text(encoding="utf-8")
    assert sum(1 for line in rows.splitlines() if line.startswith("Southampton\t")) == 1
    gaz = overlay_gazetteer(overlay)
    assert gaz.club("Soton Saints Eleven") == "Southampton"
    assert gaz.club("Southampton Football Club") == "Southampton"
    assert gaz.all_clubs().count("Southampton") == 1
    assert gaz.club("Kingstonian FC") == "Kingstonian"
    assert gaz.club("Thames AFC") == "Thames"
    assert gaz.club("Madeup R.") == "Madeup Rovers"
    assert gaz.home_stadium("Madeup Rovers") == "Imaginary Park"
    assert gaz.stadium("Imaginary Park") == "Imaginary Park"
    # "Paris" is shared by two imported clubs and is their city: never an alias of either
    assert gaz.club("Paris") is None
    assert summary.skipped_aliases >= 2
    # one-word imported names are ordinary words to scan(): "the Thames" is a river
    assert [m.canonical for m in gaz.scan("A boat on the Thames.")] == []
    assert next(m.canonical for m in gaz.scan("He left Kingstonian for Sutton United.")) == "Kingstonian"


def test_import_is_idempotent(fixture_dir: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    import_openfootball(fixture_dir, overlay)
    first = (overlay / "clubs.tsv").read_text(encoding="utf-8")
    again = import_openfootball(fixture_dir, overlay)
    assert again.new_clubs == 0 and again.merged_aliases == 0
    assert (overlay / "clubs.tsv").read_text(encoding="utf-8") == first


def test_import_errors(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        import_openfootball(tmp_path / "missing", tmp_path / "overlay")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GazetteerError, match="no \\*\\.clubs\\.txt"):
        import_openfootball(tmp_path / "empty", tmp_path / "overlay")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.clubs.txt").write_text("= England\n  | Orphan\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"x\.clubs\.txt:2"):
        import_openfootball(bad, tmp_path / "overlay")
    assert not (tmp_path / "overlay").exists()  # nothing written when a file is malformed


def test_cli_import_and_lookup(
    fixture_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from touchline.linking.gazetteer import default_gazetteer

    monkeypatch.setenv("TOUCHLINE_HOME", str(tmp_path / "home"))
    default_gazetteer.cache_clear()
    try:
        assert main(["gazetteer", "import", str(fixture_dir)]) == 0
        out = capsys.readouterr().out
        assert "clubs read:        7" in out and "new clubs:         6" in out
        assert (tmp_path / "home" / "gazetteer" / "clubs.tsv").exists()
        default_gazetteer.cache_clear()
        assert main(["gazetteer", "lookup", "Soton Saints Eleven"]) == 0
        assert capsys.readouterr().out.startswith("club\tSouthampton\tENG\tSt Mary's Stadium")
        assert main(["gazetteer", "lookup", "Middlesboro", "--fuzzy"]) == 0
        assert "Middlesbrough" in capsys.readouterr().out
        assert main(["gazetteer", "lookup", "Carabao Cup"]) == 0
        assert capsys.readouterr().out == "competition\tEFL Cup\n"
        assert main(["gazetteer", "lookup", "Saints"]) == 1
        assert main(["gazetteer", "lookup", "Saints", "--context", "Southampton"]) == 0
        assert main(["gazetteer", "import", str(tmp_path / "missing")]) == 2
        assert "no such file" in capsys.readouterr().err
    finally:
        default_gazetteer.cache_clear()


def test_import_shared_openfootball_clubs(tmp_path: Path) -> None:
    root = require_shared(SHARED_DATA / "openfootball" / "clubs")
    overlay = tmp_path / "overlay"
    summary = import_openfootball(root, overlay)
    assert summary.files >= 5 and summary.clubs_read > 500
    assert summary.matched_clubs > 150 and summary.new_clubs > 100
    gaz = overlay_gazetteer(overlay)
    clubs = gaz.all_clubs()
    for name in ("Southampton", "Tottenham Hotspur", "Bayern Munich", "Celtic", "Paris Saint-Germain"):
        assert clubs.count(name) == 1
    assert not any(c in clubs for c in ("Southampton FC", "Arsenal FC", "Celtic FC", "Bayern München"))
    assert gaz.club("Tottenham Hotspur Football Club") == "Tottenham Hotspur"
    assert gaz.club("Wimbledon") == "Wimbledon" and gaz.club("AFC Wimbledon") == "AFC Wimbledon"
    again = import_openfootball(root, overlay)
    assert again.new_clubs == 0 and again.merged_aliases == 0
    # the package's ordinary-word rules still hold with the imported names loaded
    text = "Reading the game well, he said the derby was a forest fire in the city."
    assert [m for m in gaz.scan(text) if m.kind == "club"] == []
