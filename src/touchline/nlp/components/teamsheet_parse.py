"""Find team-sheet / match-facts blocks in an article body and read them into plain records.

A block is a run of lines (blank lines allowed between them) that each read as sheet lines: a club
label with a player list ("Leeds United (4-4-2): Robinson; Mills, ..."), an unlabelled player list
(labels stripped), a club name on its own line followed by such a list, or a labelled match-facts
segment ("Subs not used:", "Booked:", "Goals:", "Att:", "Ref:" ..., see data/teamsheet/labels.tsv).
A line may hold several segments ("... Smith (Keane 80). Subs not used: Martyn. Booked: Bowyer.").
The block ends at the first line that is prose or page furniture. A line that cannot be read is
never half-used: it is prose, and the block (if any) ends before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.nlp.components.teamsheet_bare import bookings, in_roster, read_bare
from touchline.nlp.components.teamsheet_items import (
    SheetEvent,
    SheetPlayer,
    Span,
    leading_name,
    name_span,
    parse_events,
    parse_player_list,
    parse_substitutions,
    strip_span,
)

ClubTest = Callable[[str], bool]
MAX_LINE = 4000  # characters; both teams and all the facts fit in well under this
MIN_LABELLED_TEAM = 5  # players in a list that carries a club label
MIN_STRIPPED_TEAM = 7  # players in a list without a label (labels stripped)
_FORMATION = r"(?:\(\s*\d(?:\s*-\s*\d){2,4}\s*\))"
_CLUB_WORDS = r"[A-Z][\w'’.&\-]*(?:\s+(?:[A-Z][\w'’.&\-]*|&|and|of|de|upon|on|the|in))*"
_HEADER = re.compile(
    rf"(?P<h>{_CLUB_WORDS})\s+(?:\((?P<hht>\d{{1,2}})\)\s*)?(?P<hs>\d{{1,2}})\s*(?:\((?P<hg>[^()]*)\))?\s*[,\-–]?\s+"
    rf"(?P<a>{_CLUB_WORDS})\s+(?:\((?P<aht>\d{{1,2}})\)\s*)?(?P<as>\d{{1,2}})\s*(?:\((?P<ag>[^()]*)\))?"
    r"(?:\s*\((?:HT|half-time|h-t)\s*:?\s*(?P<ht1>\d{1,2})\s*[-–]\s*(?P<ht2>\d{1,2})\))?"
    r"(?:\s*\((?:aet|a\.e\.t\.?|after extra time)[^()]*\))?\s*\.?"
)
_ATTENDANCE = re.compile(r"\s*(\d{1,3}(?:[,. ]\d{3})+|\d{3,6})\b")
_SCORE = re.compile(r"\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\b")


@dataclass
class SheetTeam:
    label: Span | None
    players: list[SheetPlayer] = field(default_factory=list)
    staff: list[Span] = field(default_factory=list)  # manager / coach lines


@dataclass
class SheetHeader:
    home: Span
    away: Span
    home_score: int
    away_score: int
    half_time: tuple[int, int] | None
    evidence: Span


@dataclass
class SheetBlock:
    start: int
    end: int
    teams: list[SheetTeam] = field(default_factory=list)
    goals: list[SheetEvent] = field(default_factory=list)
    cards: list[SheetEvent] = field(default_factory=list)
    referee: Span | None = None
    attendance: int | None = None
    attendance_span: Span | None = None
    header: SheetHeader | None = None
    half_time: tuple[int, int] | None = None
    others: list[tuple[Span, int | None]] = field(default_factory=list)  # man of the match etc., team index
    heading: str | None = None
    preview: bool = False  # "Probable teams": names and sides, but not a match's line-ups
    venue: Span | None = None


@dataclass
class _Segment:
    kind: str  # team | team_label | header | heading | a label kind from labels.tsv
    start: int  # content start
    end: int  # content end
    label: Span | None = None
    payload: object = None


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Lower-cased label → kind."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "teamsheet" / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, forms = line.partition("\t")
        for f in forms.split("|"):
            if f.strip():
                out[f.strip().casefold()] = kind.strip()
    return out


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    forms = sorted((f for f, k in labels().items() if k not in ("heading", "preview")), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?P<label>{alt})\s*:\s*", re.IGNORECASE)


_TEAM_LABEL = re.compile(rf"(?P<label>{_CLUB_WORDS})\s*(?P<form>{_FORMATION})?\s*:\s*")


# ---- lines → segments -------------------------------------------------------------------------
def _segment_starts(body: str, start: int, end: int) -> list[tuple[int, str, Span | None, int]]:
    """Where segments begin in a line: (label start, kind, label span, content start)."""
    found: list[tuple[int, str, Span | None, int]] = []
    pos = start
    while pos < end:
        before = len(found)
        m = _label_re().match(body, pos, end)
        if m:
            ls, le = m.start("label"), m.end("label")
            found.append((pos, labels()[m.group("label").casefold()], Span(ls, le, body[ls:le]), m.end()))
        else:
            t = _TEAM_LABEL.match(body, pos, end)
            if t and _team_label_ok(body, t.start("label"), t.end("label")):
                ls, le = t.start("label"), t.end("label")
                found.append((pos, "team", Span(ls, le, body[ls:le]), t.end()))
            elif pos == start:
                found.append((pos, "bare", None, pos))
        if len(found) == before:
            break
        # the next boundary: after ". " / "; " (any label) or before a known label after a space
        nxt = _next_boundary(body, found[-1][3] if found else pos, end)
        if nxt is None:
            break
        pos = nxt
    return found


def _next_boundary(body: str, pos: int, end: int) -> int | None:
    for m in re.finditer(r"(?:[.;,]\s+|\s+)(?=[A-Z])", body[pos:end]):
        cand = pos + m.end()
        sep = m.group(0).strip()
        if _label_re().match(body, cand, end):
            return cand
        if sep in (".", ";"):
            t = _TEAM_LABEL.match(body, cand, end)
            if t and _team_label_ok(body, t.start("label"), t.end("label")):
                nxt = _next_boundary(body, t.end(), end)
                got = parse_player_list(body, t.end(), _trim_end(body, t.end(), nxt if nxt else end))
                if got is not None and got[1] >= MIN_LABELLED_TEAM:
                    return cand
    return None


def _team_label_ok(body: str, s: int, e: int) -> bool:
    words = body[s:e].split()
    return 1 <= len(words) <= 5 and body[s:e].casefold() not in labels()


def _trim_end(body: str, s: int, e: int) -> int:
    s, e = strip_span(body, s, e, " \t.;,")
    return e


def read_line(body: str, start: int, end: int, is_club: ClubTest | None = None) -> list[_Segment] | None:
    """The segments of one line, or None when the line is prose (or a list of clubs, per ``is_club``)."""
    start, end = strip_span(body, start, end)
    if end <= start:
        return []
    if end - start > MAX_LINE:
        return None  # a whole article on one line is prose, not a sheet (and keeps the scan linear)
    text = body[start:end]
    if labels().get(text.strip(" :").casefold()) in ("heading", "preview"):
        return [_Segment("heading", start, end, payload=labels()[text.strip(" :").casefold()])]
    header = _HEADER.fullmatch(body, start, end)
    if header:
        return [_Segment("header", start, end, payload=_read_header(body, header))]
    starts = _segment_starts(body, start, end)
    segments: list[_Segment] = []
    for i, (_seg_start, kind, label, cstart) in enumerate(starts):
        cend = starts[i + 1][0] if i + 1 < len(starts) else end
        cend = _trim_end(body, cstart, cend)
        seg = _read_segment(body, kind, label, cstart, cend, is_club)
        if seg is None:
            if i == 0 and len(starts) == 1 and kind == "bare":
                return _team_label_line(body, start, end)
            return None
        segments.append(seg)
    return segments


def _team_label_line(body: str, start: int, end: int) -> list[_Segment] | None:
    m = re.fullmatch(rf"(?P<label>{_CLUB_WORDS})\s*{_FORMATION}?\s*:?", body[start:end])
    if m and _team_label_ok(body, start, start + m.end("label")):
        return [_Segment("team_label", start, end, Span(start, start + m.end("label"), m.group("label")))]
    return None


def _read_segment(
    body: str, kind: str, label: Span | None, s: int, e: int, is_club: ClubTest | None = None
) -> _Segment | None:
    if kind in ("team", "bare"):
        got = parse_player_list(body, s, e, tolerance=0.2 if kind == "team" else 0.0)
        need = MIN_LABELLED_TEAM if kind == "team" else MIN_STRIPPED_TEAM
        if got is None or got[1] < need:
            return None
        if is_club is not None and sum(1 for p in got[0] if is_club(p.name.text)) >= 3:
            return None  # "Arsenal, Chelsea, Liverpool, ...": clubs, not players
        return _Segment("team", s, e, label, got[0])
    if kind in ("subs", "unused"):
        got = parse_player_list(body, s, e, starter=False)
        if got is None:
            return (
                _Segment(kind, s, e, label, []) if body[s:e].strip(" .").casefold() in ("none", "") else None
            )
        return _Segment(kind, s, e, label, got[0])
    if kind == "substitutions":
        subs = parse_substitutions(body, s, e)
        return None if subs is None else _Segment(kind, s, e, label, subs)
    if kind in ("goals", "booked", "sent_off"):
        ev_kind = {"goals": "goal", "booked": "yellow", "sent_off": "red"}[kind]
        events = parse_events(body, s, e, ev_kind)
        return None if events is None else _Segment(kind, s, e, label, events)
    if kind == "attendance":
        m = _ATTENDANCE.match(body, s, e)
        if not m:
            return None
        return _Segment(
            kind, s, e, label, (int(re.sub(r"\D", "", m.group(1))), Span(m.start(1), m.end(1), m.group(1)))
        )
    if kind in ("referee", "motm", "manager"):
        found = leading_name(body, s, e)
        return None if found is None else _Segment(kind, s, e, label, found[0])
    if kind == "half_time":
        m = _SCORE.match(body, s, e)
        return None if not m else _Segment(kind, s, e, label, (int(m.group(1)), int(m.group(2))))
    if kind == "venue":
        vs, ve = strip_span(body, s, e, " \t.")
        return _Segment(kind, s, e, label, Span(vs, ve, body[vs:ve])) if ve > vs else None
    return None


def _read_header(body: str, m: re.Match[str]) -> SheetHeader:
    home = Span(m.start("h"), m.end("h"), m.group("h"))
    away = Span(m.start("a"), m.end("a"), m.group("a"))
    ht: tuple[int, int] | None = None
    if m.group("hht") and m.group("aht"):
        ht = (int(m.group("hht")), int(m.group("aht")))
    elif m.group("ht1"):
        ht = (int(m.group("ht1")), int(m.group("ht2")))
    return SheetHeader(
        home, away, int(m.group("hs")), int(m.group("as")), ht, Span(m.start(), m.end(), m.group(0))
    )


# ---- lines → blocks ---------------------------------------------------------------------------
def _lines(body: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in body.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def find_blocks(body: str, is_club: ClubTest | None = None) -> list[SheetBlock]:
    """Every team-sheet block in the body, in order. ``is_club`` tells club names from players."""
    lines = _lines(body)
    read: list[list[_Segment] | None] = [read_line(body, s, e, is_club) for s, e in lines]
    # a lone club name is a label only when an unlabelled list follows it
    for i, segs in enumerate(read):
        if segs and segs[0].kind == "team_label":
            nxt = next((r for r in read[i + 1 :] if r != []), None)
            if not (nxt and nxt[0].kind == "team" and nxt[0].label is None):
                read[i] = None
    _read_stripped(body, lines, read, is_club)
    blocks: list[SheetBlock] = []
    run: list[tuple[int, int, list[_Segment]]] = []
    for (s, e), segs in [*zip(lines, read, strict=True), ((len(body), len(body)), None)]:
        if segs is None:
            block = _assemble(body, run)
            if block is not None:
                blocks.append(block)
            run = []
        elif segs:
            run.append((s, e, segs))
    return blocks


def _read_stripped(
    body: str, lines: list[tuple[int, int]], read: list[list[_Segment] | None], is_club: ClubTest | None
) -> None:
    """Inside a sheet whose labels were stripped (an unlabelled line-up opens it), re-read the lines
    that carry no label (see teamsheet_bare): a lone surname is no club label there, "Miller 1,
    McAllister 10" no score header, and a names line no prose."""
    teams_seen = 0
    previous = ""
    for i, ((s, e), segs) in enumerate(zip(lines, read, strict=True)):
        if segs == []:
            continue
        kind = segs[0].kind if segs else ""
        before, previous = previous, kind
        if segs and kind == "team":
            stripped = segs[0].label is None and before != "team_label"
            teams_seen = teams_seen + 1 if stripped else 0
            continue
        if not teams_seen:
            continue
        misread = segs is None or (
            len(segs) == 1
            and (
                (
                    kind == "team_label"
                    and is_club is not None
                    and not is_club(body[segs[0].start : segs[0].end])
                )
                or (kind == "header" and not _header_clubs(body, segs[0], is_club))
            )
        )
        if not misread:
            continue
        got = read_bare(body, s, e, teams_seen)
        if got is None:
            if segs is None:
                teams_seen = 0  # prose: the sheet is over
            continue
        kind, payload = got
        read[i] = [_Segment(kind, s, e, payload=payload)]


def _header_clubs(body: str, seg: _Segment, is_club: ClubTest | None) -> bool:
    header = seg.payload
    assert isinstance(header, SheetHeader)
    return is_club is None or (is_club(header.home.text) and is_club(header.away.text))


def _assemble(body: str, run: list[tuple[int, int, list[_Segment]]]) -> SheetBlock | None:
    kinds = [seg.kind for _s, _e, segs in run for seg in segs]
    substantive = [k for k in kinds if k not in ("heading", "header", "team_label", "venue")]
    if not substantive:
        return None
    start = min(strip_span(body, s, e)[0] for s, e, _ in run)
    end = max(strip_span(body, s, e)[1] for s, e, _ in run)
    block = SheetBlock(start, end)
    pending_label: Span | None = None
    current: int | None = None
    line_of_team: int | None = None
    benched: set[int] = set()
    for line_no, (_s, _e, segs) in enumerate(run):
        for seg in segs:
            if seg.kind == "heading":
                block.heading = body[seg.start : seg.end]
                block.preview = block.preview or seg.payload == "preview"
            elif seg.kind == "header":
                assert isinstance(seg.payload, SheetHeader)
                block.header = block.header or seg.payload
            elif seg.kind == "team_label":
                pending_label = seg.label
            elif seg.kind == "team":
                assert isinstance(seg.payload, list)
                block.teams.append(SheetTeam(seg.label or pending_label, list(seg.payload)))
                pending_label = None
                current = len(block.teams) - 1
                line_of_team = line_no
            elif seg.kind in ("subs", "unused"):
                if current is not None:
                    assert isinstance(seg.payload, list)
                    _add_bench(block.teams[current], seg.payload)
                    benched.add(current)
            elif seg.kind == "bare_names" and current is not None:
                assert isinstance(seg.payload, list)
                if in_roster(seg.payload, block.teams[current].players):
                    block.cards.extend(bookings(seg.payload, current))
                elif current not in benched:
                    _add_bench(block.teams[current], seg.payload)
                    benched.add(current)
            elif seg.kind == "bare_goals":
                assert isinstance(seg.payload, list)
                for ev in seg.payload:
                    ev.team_index = current
                block.goals.extend(seg.payload)
            elif seg.kind == "substitutions":
                if current is not None:
                    assert isinstance(seg.payload, list)
                    _add_substitutions(block.teams[current], seg.payload)
            elif seg.kind in ("goals", "booked", "sent_off"):
                assert isinstance(seg.payload, list)
                for ev in seg.payload:
                    ev.team_index = current if current is not None and line_of_team == line_no else None
                (block.goals if seg.kind == "goals" else block.cards).extend(seg.payload)
            elif seg.kind == "attendance":
                assert isinstance(seg.payload, tuple)
                block.attendance, block.attendance_span = seg.payload
            elif seg.kind == "referee":
                assert isinstance(seg.payload, Span)
                block.referee = seg.payload
            elif seg.kind == "half_time":
                assert isinstance(seg.payload, tuple)
                block.half_time = seg.payload
            elif seg.kind == "venue":
                assert isinstance(seg.payload, Span)
                block.venue = seg.payload
            elif seg.kind == "manager" and current is not None:
                assert isinstance(seg.payload, Span)
                block.teams[current].staff.append(seg.payload)
            elif seg.kind in ("motm", "manager"):
                assert isinstance(seg.payload, Span)
                block.others.append((seg.payload, None))
    _section_events(block, run)
    if (
        not block.teams
        and block.attendance is None
        and block.referee is None
        and not block.goals
        and not block.cards
    ):
        return None
    return block


def _section_events(block: SheetBlock, run: list[tuple[int, int, list[_Segment]]]) -> None:
    """Events on lines between team i's list and team i+1's list belong to team i."""
    team_starts = [seg.start for _s, _e, segs in run for seg in segs if seg.kind == "team"]
    if len(team_starts) < 2:
        return
    for ev in [*block.goals, *block.cards]:
        if ev.team_index is None:
            for i in range(len(team_starts) - 1):
                if team_starts[i] < ev.evidence.start < team_starts[i + 1]:
                    ev.team_index = i


def _add_bench(team: SheetTeam, bench: list[SheetPlayer]) -> None:
    known = {p.name.text.casefold(): p for p in team.players}
    for p in bench:
        if p.replaces is not None:
            off = known.get(p.replaces.text.casefold())
            if off is not None and off.subbed_off is None:
                off.subbed_off = p.subbed_on
        hit = known.get(p.name.text.casefold())
        if hit is not None:
            if hit.subbed_on is None:
                hit.subbed_on = p.subbed_on
            hit.captain = hit.captain or p.captain
            continue
        team.players.append(p)
        known[p.name.text.casefold()] = p


def _add_substitutions(team: SheetTeam, subs: list[tuple[Span, Span, int | None]]) -> None:
    known = {p.name.text.casefold(): p for p in team.players}
    for on, off, minute in subs:
        leaving = known.get(off.text.casefold())
        if leaving is not None and leaving.subbed_off is None:
            leaving.subbed_off = minute
        coming = known.get(on.text.casefold())
        if coming is None:
            coming = SheetPlayer(on, starter=False)
            team.players.append(coming)
            known[on.text.casefold()] = coming
        if coming.subbed_on is None:
            coming.subbed_on = minute


def block_names(block: SheetBlock) -> list[Span]:
    """Every person named in the block (players, staff, referee, others), in text order."""
    spans = [p.name for t in block.teams for p in t.players]
    spans += [s for t in block.teams for s in t.staff]
    spans += [ev.name for ev in [*block.goals, *block.cards]]
    spans += [s for s, _ in block.others]
    if block.referee is not None:
        spans.append(block.referee)
    return sorted(set(spans), key=lambda s: s.start)


__all__ = ["SheetBlock", "SheetHeader", "SheetTeam", "block_names", "find_blocks", "name_span", "read_line"]
