"""Lines of a team sheet whose labels were stripped (BBC Sport 2004-05 as syndicated).

After an unlabelled line-up ("Gordon, Webster, Miller (MacFarlane 64), ...") such a sheet prints, per
side, its unused substitutes, its bookings and its goals, then the attendance and the referee, each
on its own line without the "Subs not used:", "Booked:", "Goals:", "Att:", "Ref:" label:

    Moilanen, Kizys.          unused substitutes or bookings (told apart by the line-up, see teamsheet_parse)
    Miller 1, McAllister 10.  goals: every item a name with a minute
    9,796                     attendance: a number alone, once both line-ups are read
    A Freeland                referee: an initial and a surname, once both line-ups are read

A line is read this way only inside such a sheet (``teamsheet_parse.find_blocks`` decides that), and
only when it reads wholly as one of these shapes; anything else ends the sheet.
"""

from __future__ import annotations

import re

from touchline.nlp.components.teamsheet_items import (
    SheetEvent,
    SheetPlayer,
    Span,
    parse_events,
    parse_player_list,
    strip_span,
)

_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{3,6})\.?")
_REFEREE = re.compile(
    r"(?P<name>[A-Z]\.?(?:\s?[A-Z]\.?)?\s[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+)?)\s*(?:\([^()]{2,40}\))?\s*\.?"
)
MAX_BARE_LINE = 400  # characters: a goals or names line of one side


def read_bare(body: str, start: int, end: int, teams_seen: int) -> tuple[str, object] | None:
    """(kind, payload) for one stripped line, or None. Kinds: attendance, referee, bare_goals, bare_names."""
    start, end = strip_span(body, start, end, " \t:")  # ": Vincze, Horvath." keeps its label's colon
    if end <= start or end - start > MAX_BARE_LINE:
        return None
    if teams_seen >= 1:
        number = _NUMBER.fullmatch(body, start, end)
        if number:
            text = number.group(1)
            return "attendance", (int(text.replace(",", "")), Span(number.start(1), number.end(1), text))
    if teams_seen >= 2 and "," not in body[start:end]:
        ref = _REFEREE.fullmatch(body, start, end)
        if ref:
            return "referee", Span(ref.start("name"), ref.end("name"), ref.group("name"))
    if re.search(r"\d", body[start:end]):
        events = parse_events(body, start, end, "goal")
        if events and all(ev.minute is not None and ev.team_label is None for ev in events):
            return "bare_goals", events
        return None
    got = parse_player_list(body, start, end, starter=False)
    if got is None or got[1] == 0 or any(p.replaces is not None or p.subbed_on is not None for p in got[0]):
        return None
    return "bare_names", got[0]


def bookings(players: list[SheetPlayer], team_index: int) -> list[SheetEvent]:
    """A stripped names line read as the side's bookings (labels stripped: "Booked:" is the one BBC uses)."""
    return [SheetEvent(p.name, p.name, kind="yellow", team_index=team_index) for p in players]


def in_roster(players: list[SheetPlayer], roster: list[SheetPlayer]) -> bool:
    """Most of the names are already in the side's line-up (bookings), not new ones (the bench)."""
    known = {p.name.text.casefold() for p in roster}
    known |= {p.name.text.split()[-1].casefold() for p in roster}
    hits = sum(
        1 for p in players if p.name.text.casefold() in known or p.name.text.split()[-1].casefold() in known
    )
    return hits * 2 > len(players)


__all__ = ["bookings", "in_roster", "read_bare"]
