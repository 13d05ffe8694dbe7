"""Read openfootball Football.TXT league and cup files into reference results.

The format, as used in the openfootball ``england`` repository::

    = English Premier League 2024/25
    » Matchday 1
      Fri Aug/16 2024
        20.00  Manchester United FC    v Fulham FC                1-0 (0-0)
    [Tue Feb/16]
      19.45  Altrincham FC            0-3 (0-2)  Chester FC
           Walsall FC   v Exeter City   4-3 pen. (1-1, 0-1)
           Carlisle United   v Wigan Athletic   0-2 a.e.t. (0-0)
    == Playoffs

Dates without a year take the season year whose weekday matches (so postponed fixtures listed out of
order still land in the right year). A score "A-B pen." is the shoot-out, "A-B a.e.t." the score
after extra time, and the bracket holds the full-time score (then half-time) when either is present,
otherwise the half-time score. Cancelled fixtures ("A - B [cancelled]") and fixtures without a score
are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from touchline.errors import InputError
from touchline.linking.gazetteer import Gazetteer, default_gazetteer
from touchline.store.base import ResultRecord

_TITLE = re.compile(r"^=\s*(?P<name>.+?)\s+(?P<y1>\d{4})(?:/(?P<y2>\d{2,4}))?\s*$")
_STAGE = re.compile(r"^==\s*(?P<stage>.+?)\s*$")
_ROUND = re.compile(
    r"^\s*»?\s*(?P<round>(?:Matchday|Round|Quarter|Semi|Final|Play|Preliminary|Replay)[^\[]*?)\s*$", re.I
)
_DATE = re.compile(
    r"^\s*\[?\s*(?:(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\s+)?(?P<mon>[A-Z][a-z]{2})\w*/(?P<day>\d{1,2})(?:\s+(?P<year>\d{4}))?\s*\]?\s*$"
)
_TIME = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s+")
_SCORE_BLOCK = re.compile(
    r"\s(?P<block>\d+-\d+(?:\s+(?:pen\.|a\.e\.t\.)|\s+\d+-\d+(?=\s+a\.e\.t\.))*(?:\s*\((?P<paren>[\d\s,\-]+)\))?)(?=\s|$)"
)
_PAIR = re.compile(r"(\d+)-(\d+)")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_WEEKDAYS = {w: i for i, w in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))}
_CLUB_AFFIXES = re.compile(r"^(?:AFC|FC)\s+|\s+(?:AFC|FC)$")


def canonical_club(name: str, gaz: Gazetteer) -> str:
    """Gazetteer name when known, otherwise the name without its 'FC'/'AFC' affix."""
    name = " ".join(name.split())
    return gaz.club(name) or _CLUB_AFFIXES.sub("", name).strip() or name


def canonical_competition(name: str, gaz: Gazetteer) -> str:
    bare = re.sub(r"^(?:English|Scottish|Spanish|German|Italian|French)\s+", "", name)
    return gaz.competition(name) or gaz.competition(bare) or bare


def season_label(y1: int, y2: int | None) -> str:
    """2024, 25 → '2024-25'; a calendar-year season → '2024'."""
    if y2 is None:
        return str(y1)
    return f"{y1}-{y2 % 100:02d}"


def _pick_year(
    month: int, day: int, weekday: str | None, explicit: int | None, start: int, last: int | None
) -> int | None:
    if explicit:
        return explicit
    candidates = [start, start + 1]
    preferred = start if month >= 7 else start + 1
    order = [preferred] + [y for y in candidates if y != preferred]
    if last is not None and last not in order:
        order.append(last)
    if weekday:
        for year in order:
            try:
                if dt.date(year, month, day).weekday() == _WEEKDAYS[weekday]:
                    return year
            except ValueError:
                continue
    return preferred


Pair = tuple[int, int]


@dataclass
class Score:
    final: Pair | None = None  # after extra time when played
    full_time: Pair | None = None  # only given when extra time or penalties followed
    half_time: Pair | None = None
    penalties: Pair | None = None
    extra_time: bool = False


def parse_score(block: str, paren: str | None) -> Score:
    """The score block after the teams → final score, full time, half time, extra time, penalties."""
    head = block.split("(")[0]
    pairs = [(int(a), int(b)) for a, b in _PAIR.findall(head)]
    bracket = [(int(a), int(b)) for a, b in _PAIR.findall(paren or "")]
    out = Score()
    rest = pairs
    if "pen." in head:
        out.penalties = rest[0]
        rest = rest[1:]
    if "a.e.t." in head or out.penalties is not None:
        out.extra_time = "a.e.t." in head or len(rest) > 0
        # bracket = (full time, half time); the final score is after extra time, else the full time
        out.full_time = bracket[0] if bracket else None
        out.half_time = bracket[1] if len(bracket) > 1 else None
        out.final = rest[0] if rest else out.full_time
    else:
        out.final = rest[0] if rest else None
        out.half_time = bracket[0] if bracket else None
    return out


def parse_lines(lines: list[str], source: str, gaz: Gazetteer | None = None) -> Iterator[ResultRecord]:
    gaz = gaz or default_gazetteer()
    competition = season = None
    start_year: int | None = None
    year: int | None = None
    date: str | None = None
    round_name: str | None = None
    stage = "regular"
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("=="):
            m = _STAGE.match(line)
            label = (m.group("stage") if m else "").lower()
            stage = "regular" if label.startswith("regular") else label or "other"
            continue
        if line.startswith("="):
            m = _TITLE.match(line)
            if not m:
                raise InputError(f"{source}:{number}", f"title line without a season: {line.strip()!r}")
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if m.group("y2") else None
            if y2 is not None and y2 < 100:
                y2 += (y1 // 100) * 100
            competition = canonical_competition(m.group("name"), gaz)
            season = season_label(y1, y2)
            start_year = year = y1
            continue
        d = _DATE.match(line)
        if d and d.group("mon") in _MONTHS:
            if start_year is None:
                raise InputError(f"{source}:{number}", "date before the '= Competition YYYY/YY' title line")
            month, day = _MONTHS[d.group("mon")], int(d.group("day"))
            explicit = int(d.group("year")) if d.group("year") else None
            year = _pick_year(month, day, d.group("wd"), explicit, start_year, year)
            if year is None:
                continue
            try:
                date = dt.date(year, month, day).isoformat()
            except ValueError:
                raise InputError(f"{source}:{number}", f"impossible date {line.strip()!r}") from None
            continue
        r = _ROUND.match(line)
        if r and not _SCORE_BLOCK.search(line):
            round_name = r.group("round").strip()
            continue
        record = _parse_match(line, competition, season, date, round_name, stage, f"{source}:{number}", gaz)
        if record is not None:
            yield record


def _parse_match(
    line: str,
    competition: str | None,
    season: str | None,
    date: str | None,
    round_name: str | None,
    stage: str,
    where: str,
    gaz: Gazetteer,
) -> ResultRecord | None:
    text = _TIME.sub("", line).strip()
    text = re.sub(r"\s*\[[^\]]*\]\s*$", "", text)  # trailing notes such as [cancelled]
    text = re.sub(r"\s+@\s+.*$", "", text)  # venue
    m = _SCORE_BLOCK.search(" " + text)
    if not m or competition is None or season is None:
        return None
    before = (" " + text)[: m.start()].strip()
    after = (" " + text)[m.end() :].strip()
    if re.search(r"\s+v\s+", before):
        home, away = re.split(r"\s+v\s+", before, maxsplit=1)
    else:
        home, away = before, after
    if not home.strip() or not away.strip():
        return None
    score = parse_score(m.group("block"), m.group("paren"))
    if score.final is None:
        return None
    return ResultRecord(
        competition=competition,
        season=season,
        date=date,
        home=canonical_club(home, gaz),
        away=canonical_club(away, gaz),
        home_score=score.final[0],
        away_score=score.final[1],
        round=round_name,
        stage=stage,
        half_time=score.half_time,
        full_time=score.full_time,
        extra_time=score.extra_time,
        penalties=score.penalties,
        source=where,
    )


def read_path(path: str | Path, gaz: Gazetteer | None = None) -> Iterator[ResultRecord | InputError]:
    """Every result in a Football.TXT file or a folder of them (recursively); errors are yielded, not raised."""
    p = Path(path)
    if not p.exists():
        yield InputError(str(p), "no such file or directory")
        return
    folder = p.is_dir()
    files = sorted(f for f in p.rglob("*.txt") if f.is_file() and not _hidden(f, p)) if folder else [p]
    for f in files:
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(str(f), f"cannot read as UTF-8 text ({exc})")
            continue
        count = 0
        try:
            for record in parse_lines(lines, str(f), gaz):
                count += 1
                yield record
        except InputError as exc:
            yield exc
            continue
        if count == 0 and not folder:  # in a folder, squad lists and notes are not results
            yield InputError(str(f), "no results found (not a Football.TXT file?)")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
