"""Team sheets and match facts: line-ups, substitutions, cards, referee, attendance, block-only goals.

Runs after ``matches``. For each block found by ``teamsheet_parse.find_blocks`` it picks the match
the block belongs to (by the club labels, else by the match reported in the prose just above it,
else one made from the block's own score header), fills ``lineups``/``cards``/``referee``/
``attendance`` and the goals the prose did not give, and registers every name in the block as a
person with its team. Sheet surnames link to the full name the prose uses ("Bowyer" → "Lee Bowyer").
The block spans go to ``ctx.notes["teamsheet_spans"]`` so later components can skip them.
"""

from __future__ import annotations

import re

from touchline.linking.gazetteer import norm_key
from touchline.linking.people import fold
from touchline.models import Card, Goal, LineupEntry, Match
from touchline.nlp.components.match_fields import prose_attendance, prose_referee
from touchline.nlp.components.teamsheet_items import SheetEvent
from touchline.nlp.components.teamsheet_parse import SheetBlock, find_blocks
from touchline.nlp.components.teamsheet_people import (
    add_mention,
    drop_block_mentions,
    learn_full_names,
    prose_full_names,
    prose_surnames,
    resolve_sheet_name,
)
from touchline.nlp.context import ArticleContext

SIDES = ("home", "away")


def run(ctx: ArticleContext) -> None:
    blocks = find_blocks(ctx.body, lambda text: ctx.gazetteer.club(text) is not None)
    ctx.notes["teamsheet_spans"] = [(b.start, b.end) for b in blocks]
    ctx.notes["_teamsheet_blocks"] = blocks
    try:
        _run_blocks(ctx, blocks)
    finally:  # "in front of 59,042": the prose's figure when no block gave one
        prose_attendance(ctx, ctx.facts.matches)
        prose_cards(ctx, ctx.facts.matches)
        prose_referee(ctx, ctx.facts.matches)


def _run_blocks(ctx: ArticleContext, blocks: list[SheetBlock]) -> None:
    if not blocks:
        return
    drop_block_mentions(ctx, blocks)
    learn_full_names(ctx, blocks)
    prose_full_names(ctx, blocks)
    used: set[int] = set()
    previous_end = 0
    previous: Match | None = None
    for block in blocks:
        previous = _apply_block(ctx, block, previous_end, used, previous)
        previous_end = block.end
    prose_surnames(ctx, blocks)
    ctx.person_mentions.sort(key=lambda m: m.start)


# ---- which match ------------------------------------------------------------------------------
def _club(ctx: ArticleContext, label: str | None) -> str | None:
    if not label:
        return None
    return ctx.gazetteer.club(label, fuzzy=True)


def _same_club(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and (a == b or norm_key(a or "") == norm_key(b or ""))


def _contradicts(club: str | None, match: Match) -> bool:
    """A label the gazetteer knows as a club that is neither side of the match."""
    return club is not None and not _same_club(club, match.home) and not _same_club(club, match.away)


def _label_name(ctx: ArticleContext, label: str) -> str:
    """A club name for a label: the gazetteer's, else the label ("MIDDLESBROUGH" → "Middlesbrough")."""
    known = _club(ctx, label)
    if known:
        return known
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in label.split())


def _label_fits(ctx: ArticleContext, label: str, club: str | None) -> bool:
    """Does a sheet label ("Leeds", "Sheff Wed", "TOTTENHAM HOTSPUR") name this club?"""
    if not club:
        return False
    known = _club(ctx, label)
    if known is not None and _same_club(known, club):
        return True
    a = [t for t in fold(label).replace(".", " ").split() if t not in ("fc", "afc", "the")]
    b = [t for t in fold(club).replace(".", " ").split() if t not in ("fc", "afc", "the")]
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    # every label word starts a word of the club, in order ("Sheff Wed" → "Sheffield Wednesday")
    return len(a) == len(b) and all(len(x) >= 3 and y.startswith(x) for x, y in zip(a, b, strict=True))


def _first_offset(m: Match) -> int:
    return min((e.start for e in m.evidence), default=10**9)


def _pick_match(ctx: ArticleContext, block: SheetBlock, previous_end: int, used: set[int]) -> Match | None:
    labels = [t.label.text for t in block.teams[:2] if t.label is not None]
    if block.header is not None:
        labels = labels or [block.header.home.text, block.header.away.text]
    matches = [m for m in ctx.facts.matches if id(m) not in used]
    if labels:
        scored = []
        for m in matches:
            hits = sum(1 for lab in labels if _label_fits(ctx, lab, m.home) or _label_fits(ctx, lab, m.away))
            if hits:
                scored.append((-hits, m.status != "played", abs(_first_offset(m) - block.start), m))
        scored.sort(key=lambda x: x[:3])
        for _hits, _status, _distance, m in scored:
            # a partial fit ("Wolves" unknown to the gazetteer) is fine unless a label names a third club
            if not any(_contradicts(_club(ctx, lab), m) for lab in labels):
                return m
        if block.header is not None or all(_club(ctx, lab) for lab in labels):
            return _made_match(ctx, block, labels)
    before = [m for m in matches if _first_offset(m) < block.start]
    section = [m for m in before if _first_offset(m) >= previous_end]
    after = [m for m in matches if _first_offset(m) > block.end]  # a sheet printed above its report
    for pool, pick in ((section, min), (before, min), (after, min)):
        played = [m for m in pool if m.status == "played"] or pool
        if played:
            return pick(played, key=_first_offset)
    return _made_match(ctx, block, labels) if labels else None


def _made_match(ctx: ArticleContext, block: SheetBlock, labels: list[str]) -> Match | None:
    """A match the prose did not report, made from the block's header or its two club labels."""
    h = block.header
    if h is not None:
        m = Match(
            _label_name(ctx, h.home.text),
            _label_name(ctx, h.away.text),
            h.home_score,
            h.away_score,
            status="played",
            evidence=[ctx.evidence(h.evidence.start, h.evidence.end)],
        )
        m.half_time = h.half_time
        m.compute_result()
    elif len(labels) >= 2 and (block.attendance is not None or block.goals or block.cards or block.referee):
        m = Match(
            _label_name(ctx, labels[0]),
            _label_name(ctx, labels[1]),
            status="played",
            evidence=[ctx.evidence(block.start, block.end)],
        )
    else:
        return None
    m.flags.append("from_teamsheet")
    ctx.facts.matches.append(m)
    return m


def _sides(ctx: ArticleContext, block: SheetBlock, match: Match | None) -> list[str]:
    """home/away for each team list: by its label when that names one side of the match, else by order."""
    order = [SIDES[i] if i < 2 else "" for i in range(len(block.teams))]
    if match is None:
        return order
    by_label: list[str | None] = []
    for team in block.teams[:2]:
        label = team.label.text if team.label else None
        home = bool(label) and _label_fits(ctx, label or "", match.home)
        away = bool(label) and _label_fits(ctx, label or "", match.away)
        by_label.append("home" if home and not away else "away" if away and not home else None)
    if len(by_label) == 1 and by_label[0]:
        return [by_label[0]]
    if len(by_label) == 2:
        a, b = by_label
        a = a or ("away" if b == "home" else "home" if b == "away" else None)
        b = b or ("away" if a == "home" else "home" if a == "away" else None)
        if a and b and a != b:
            return [a, b, *order[2:]]
    return order


# ---- filling ------------------------------------------------------------------------------------
def _apply_block(
    ctx: ArticleContext, block: SheetBlock, previous_end: int, used: set[int], previous: Match | None
) -> Match | None:
    if block.preview:
        match: Match | None = None  # probable teams name people and sides, not a match's line-ups
    elif not block.teams and block.header is None and previous is not None:
        match = previous  # "Att: ... Ref: ..." lines split off the team lines above them
    else:
        match = _pick_match(ctx, block, previous_end, used)
    if match is not None:
        used.add(id(match))
    sides = _sides(ctx, block, match)
    club_of: dict[str, str | None] = {}
    for team, side in zip(block.teams, sides, strict=False):
        if side:
            from_match = getattr(match, side) if match is not None else None
            club_of[side] = from_match or (_label_name(ctx, team.label.text) if team.label else None)
    side_of: dict[str, str] = {}
    if not block.teams and match is not None and match.lineups:
        # a facts-only block: its names are found in the line-ups already read for this match
        for side, entries in match.lineups.items():
            club_of[side] = getattr(match, side)
            for entry in entries:
                side_of.setdefault(fold(entry.name), side)
    lineups: dict[str, list[LineupEntry]] = {"home": [], "away": []}
    for team, side in zip(block.teams, sides, strict=False):
        if not side:
            continue
        for p in team.players:
            name = resolve_sheet_name(ctx, p.name.text)
            side_of.setdefault(fold(name), side)
            side_of.setdefault(fold(p.name.text), side)
            add_mention(ctx, p.name, name)
            ctx.people.set_team(name, club_of.get(side))
            lineups[side].append(LineupEntry(name, p.starter, p.subbed_off, p.subbed_on, p.captain))
        for staff in team.staff:
            name = resolve_sheet_name(ctx, staff.text)
            add_mention(ctx, staff, name)
            ctx.people.set_team(name, club_of.get(side))
    roster = _roster(lineups if block.teams else (match.lineups or {}) if match is not None else {})
    cards = _cards(ctx, block, sides, side_of, club_of, roster)
    for span, _ in block.others:
        name = resolve_sheet_name(ctx, span.text)
        add_mention(ctx, span, name)
        ctx.people.set_team(name, club_of.get(side_of.get(fold(name), "")))
    referee = None
    if block.referee is not None:
        referee = resolve_sheet_name(ctx, block.referee.text)
        add_mention(ctx, block.referee, referee)
    if match is None:
        for ev in block.goals:
            add_mention(ctx, ev.name, resolve_sheet_name(ctx, ev.name.text))
        return None
    if block.teams and match.lineups is None:
        match.lineups = lineups
    if cards:
        existing = list(match.cards or [])
        match.cards = existing + [c for c in cards if not _same_card_in(existing, c)]
    if referee and match.referee is None:
        match.referee = referee
    if block.attendance is not None and match.attendance is None:
        match.attendance = block.attendance
    if block.venue is not None and match.venue is None:
        match.venue = ctx.gazetteer.stadium(block.venue.text, fuzzy=True)
    if match.half_time is None:
        match.half_time = block.half_time or (block.header.half_time if block.header else None)
    _goals(ctx, block, match, sides, side_of, club_of, roster)
    _goal_teams_from_lineups(match, side_of, club_of)
    return match


def _goal_teams_from_lineups(match: Match, side_of: dict[str, str], club_of: dict[str, str | None]) -> None:
    """A prose goal without a team gets the side its scorer is listed on (own goals: the other side)."""
    surname_sides: dict[str, set[str]] = {}
    for listed_side, entries in (match.lineups or {}).items():
        for entry in entries:
            surname_sides.setdefault(fold(entry.name).split()[-1], set()).add(listed_side)
    for goal in match.goals:
        if goal.team is not None or not goal.scorer.strip():
            continue
        side: str | None = side_of.get(fold(goal.scorer))
        if side is None:
            sides = surname_sides.get(fold(goal.scorer).split()[-1], set())
            side = next(iter(sides)) if len(sides) == 1 else None
        if side is None:
            continue
        if goal.kind == "own_goal":
            side = "away" if side == "home" else "home"
        goal.team = club_of.get(side)


def _roster(lineups: dict[str, list[LineupEntry]]) -> dict[str, set[str]]:
    """Surname → the line-up names that end with it."""
    out: dict[str, set[str]] = {}
    for entries in lineups.values():
        for entry in entries:
            out.setdefault(fold(entry.name).split()[-1], set()).add(entry.name)
    return out


def _event_person(
    ctx: ArticleContext, text: str, side_of: dict[str, str], roster: dict[str, set[str]]
) -> str:
    """A name on a 'Booked:' or 'Goals:' line: 'Batty' is the line-up's 'D Batty' when only one fits."""
    name = resolve_sheet_name(ctx, text)
    if fold(name) in side_of:
        return name
    toks = fold(name).split()
    hits = roster.get(toks[-1], set()) if toks else set()
    if len(hits) == 1 and (len(toks) == 1 or fold(next(iter(hits))).endswith(" ".join(toks))):
        return next(iter(hits))
    return name


def _event_side(
    ctx: ArticleContext,
    ev: SheetEvent,
    name: str,
    sides: list[str],
    side_of: dict[str, str],
    club_of: dict[str, str | None],
) -> str | None:
    side = side_of.get(fold(name)) or side_of.get(fold(ev.name.text))
    if side:
        return side
    if ev.team_label is not None:
        for s, club in club_of.items():
            if _label_fits(ctx, ev.team_label.text, club):
                return s
    if ev.team_index is not None and ev.team_index < len(sides):
        return sides[ev.team_index] or None
    return None


def _cards(
    ctx: ArticleContext,
    block: SheetBlock,
    sides: list[str],
    side_of: dict[str, str],
    club_of: dict[str, str | None],
    roster: dict[str, set[str]],
) -> list[Card]:
    cards: list[Card] = []
    for ev in block.cards:
        name = _event_person(ctx, ev.name.text, side_of, roster)
        side = _event_side(ctx, ev, name, sides, side_of, club_of)
        club = club_of.get(side) if side else None
        add_mention(ctx, ev.name, name)
        ctx.people.set_team(name, club)
        card = Card(
            name, club, ev.minute, ev.kind or "yellow", [ctx.evidence(ev.evidence.start, ev.evidence.end)]
        )
        if not _same_card_in(cards, card):
            cards.append(card)
    for team, side in zip(block.teams, sides, strict=False):
        for p in team.players:
            for colour, minute, span in p.cards:
                name = resolve_sheet_name(ctx, p.name.text)
                card = Card(
                    name, club_of.get(side), minute, colour, [ctx.evidence(p.name.start, span.end + 1)]
                )
                if not _same_card_in(cards, card):
                    cards.append(card)
    return cards


def _same_card_in(cards: list[Card], card: Card) -> bool:
    """The same card told twice (a second yellow at another minute is another card)."""
    return any(
        fold(c.person) == fold(card.person)
        and c.colour == card.colour
        and (c.minute is None or card.minute is None or c.minute == card.minute)
        for c in cards
    )


def _period(minute: int | None, added: int | None) -> str | None:
    if minute is None:
        return None
    if minute <= 45:
        return "first_half"
    if minute <= 90:
        return "second_half"
    return None


def _same_person(a: str, b: str) -> bool:
    fa, fb = fold(a).split(), fold(b).split()
    if fa == fb:
        return True
    n = min(len(fa), len(fb))
    return n >= 1 and fa[-n:] == fb[-n:] and (len(fa) == 1 or len(fb) == 1)


def _goals(
    ctx: ArticleContext,
    block: SheetBlock,
    match: Match,
    sides: list[str],
    side_of: dict[str, str],
    club_of: dict[str, str | None],
    roster: dict[str, set[str]],
) -> None:
    """Pair the block's goals with the prose's (same scorer: same minute first, then one without a
    minute in the same half, then the nearest minute, which is a disagreement); add the rest."""
    prose_goals = list(match.goals)
    paired: set[int] = set()
    read: list[tuple[SheetEvent, str, str | None]] = []
    for ev in block.goals:
        name = _event_person(ctx, ev.name.text, side_of, roster)
        add_mention(ctx, ev.name, name)
        side = _event_side(ctx, ev, name, sides, side_of, club_of)
        if side and ev.kind != "own_goal":
            ctx.people.set_team(name, club_of.get(side))
        team = None
        if side:
            other = "away" if side == "home" else "home"
            team = club_of.get(other) if ev.kind == "own_goal" else club_of.get(side)
        elif ev.team_label is not None:  # "Scorers: Arsenal: Saka 17": no line-ups, but a club label
            labelled = _club(ctx, ev.team_label.text)
            if labelled in (match.home, match.away):
                flipped = match.away if labelled == match.home else match.home
                team = flipped if ev.kind == "own_goal" else labelled
        read.append((ev, name, team))
    chosen: dict[int, Goal | None] = {}
    for i, (ev, name, _team) in enumerate(read):  # exact minutes first
        exact = [
            g
            for g in prose_goals
            if id(g) not in paired
            and _same_person(g.scorer, name)
            and g.minute is not None
            and g.minute == ev.minute
        ]
        if exact:
            chosen[i] = exact[0]
            paired.add(id(exact[0]))
    for i, (ev, name, _team) in enumerate(read):
        if i in chosen:
            continue
        same = [g for g in prose_goals if id(g) not in paired and _same_person(g.scorer, name)]
        half = _period(ev.minute, ev.added)
        untimed = [g for g in same if g.minute is None]
        timed = sorted(
            (g for g in same if g.minute is not None), key=lambda g: abs((g.minute or 0) - (ev.minute or 0))
        )
        pick = next((g for g in untimed if g.period in (None, half)), None) or (
            untimed[0] if untimed else None
        )
        if pick is None and timed and ev.minute is not None:
            pick = timed[0]
        chosen[i] = pick
        if pick is not None:
            paired.add(id(pick))
    for i, (ev, name, team) in enumerate(read):
        _merge_goal(ctx, match, chosen.get(i), ev, name, team)
    total = (match.home_score or 0) + (match.away_score or 0)
    if read and match.home_score is not None and match.away_score is not None and len(read) == total:
        # the sheet lists every goal of the score: a prose "goal" it does not list was no goal
        match.goals = [g for g in match.goals if id(g) in paired or not any(g is p for p in prose_goals)]


def _merge_goal(
    ctx: ArticleContext, match: Match, prose: Goal | None, ev: SheetEvent, name: str, team: str | None
) -> None:
    evidence = ctx.evidence(ev.evidence.start, ev.evidence.end)
    half = _period(ev.minute, ev.added)
    if prose is None:
        match.goals.append(Goal(name, team, ev.minute, ev.added, half, ev.kind, None, [evidence]))
        return
    if (
        ev.minute is not None
        and prose.minute is not None
        and (prose.minute != ev.minute or (ev.added is not None and prose.added != ev.added))
    ):
        match.warnings.append(
            f"goal minute for {prose.scorer}: prose says {prose.minute}, team sheet says {ev.minute}"
            + (f"+{ev.added}" if ev.added else "")
            + "; kept the team sheet's"
        )
    if ev.minute is not None:
        prose.minute, prose.added = ev.minute, ev.added
        prose.period = half or prose.period
    if ev.kind and prose.kind and ev.kind != prose.kind:
        match.warnings.append(
            f"goal kind for {prose.scorer}: prose says {prose.kind}, team sheet says {ev.kind}"
        )
    prose.kind = ev.kind or prose.kind  # the sheet's explicit "pen"/"og" beats a reading of the prose
    prose.team = prose.team or team
    if not any(e.start == evidence.start for e in prose.evidence):
        prose.evidence.append(evidence)


__all__ = ["resolve_sheet_name", "run"]


# ---- cards told in the prose ------------------------------------------------------------------
_PROSE_CARD = re.compile(
    r"\s+(?:was|were|had been|has been)\s+(?:(?P<red>sent off|dismissed|shown (?:a |the )?(?:straight )?red(?: card)?)"
    r"|(?P<yellow>booked|cautioned|shown (?:a |the )?yellow(?: card)?))\b"
    r"|\s+(?P<red2>received (?:his|her) marching orders|saw red)\b"
)


def prose_cards(ctx: ArticleContext, matches: list[Match]) -> None:
    """ "Gateshead's Kevin Moan was sent off in the 71st minute", "Ødegård was booked": cards told in the
    report, for the one match played; a card the team sheet already lists is not added twice."""
    from touchline.nlp.components.goal_time import minute_of

    played = [m for m in matches if m.status == "played" and m.home and m.away]
    # the same pairing twice (a running score read as a second match): the first report is the match
    played = [
        m for i, m in enumerate(played) if all((p.home, p.away) != (m.home, m.away) for p in played[:i])
    ]
    if not played:
        return
    spans = ctx.notes.get("teamsheet_spans") or []
    booked = _active_bookings(ctx)
    for p in ctx.person_mentions:
        if any(a <= p.start < b for a, b in spans) or ctx.in_quote(p.start, p.end):
            continue
        m = _PROSE_CARD.match(ctx.body, p.end)
        if m:
            colour = "yellow" if m.group("yellow") else "red"
            rest = ctx.body[m.end() : ctx.sentence_at(p.start).end]
        elif p.start in booked:
            colour, rest = booked[p.start], ""
        else:
            continue
        sent = ctx.sentence_at(p.start)
        minute, _added, _ = minute_of(re.split(r"[;,]|\band\b", rest)[0]) if rest else (None, None, None)
        # several matches: the one the player's side plays in ("Bradford midfielder X was sent off")
        sides = [(x, _card_team(ctx, p, x)) for x in played]
        known = [(x, t) for x, t in sides if t]
        if len(played) > 1 and len(known) != 1:
            continue
        match, team = known[0] if len(played) > 1 else sides[0]
        card = Card(p.canonical, team, minute, colour, [ctx.evidence(sent.start, sent.end)])
        surname = fold(p.canonical).split()[-1:]
        have = match.cards or []
        if any(fold(c.person).split()[-1:] == surname and c.colour == colour for c in have):
            continue
        match.cards = [*have, card]


_ACTIVE_CARD = re.compile(
    r"\b(?:(?P<yellow>booked|cautioned|showed (?:a )?yellow cards? to)|(?P<red>sent off|showed (?:a )?(?:straight )?"
    r"red cards? to))\s+(?=[A-ZÀ-Þ])"
)


def _active_bookings(ctx: ArticleContext) -> dict[int, str]:
    """ "The referee booked Coyle, Gonçalves and Celtic's Ødegård": colour per listed person's offset
    (the names that follow the verb, joined by commas and "and", up to the clause's end)."""
    out: dict[int, str] = {}
    for m in _ACTIVE_CARD.finditer(ctx.body):
        if ctx.in_quote(m.start(), m.end()):
            continue
        end = re.search(
            r"[.;:]|\s(?:for|after|before|when|as|but|in the|with|to|while)\s|$", ctx.body[m.end() :]
        )
        stop = m.end() + (end.start() if end else 0)
        colour = "yellow" if m.group("yellow") else "red"
        for p in sorted(ctx.person_mentions, key=lambda x: x.start):
            if m.end() <= p.start < stop:
                out[p.start] = colour
    return out


def _card_team(ctx: ArticleContext, p: object, match: Match) -> str | None:
    """The side of a booked player: "Gateshead's Kevin Moan", else the team the article gives them."""
    start = getattr(p, "start", 0)
    for c in ctx.gaz_in(max(0, start - 40), start, "club"):
        if re.match(r"(?:['’]s?)?\s+(?:[a-z-]+\s+)?$", ctx.body[c.end : start]) and c.canonical in (
            match.home,
            match.away,
        ):
            return c.canonical
    team = ctx.people.team.get(getattr(p, "canonical", ""))
    return team if team in (match.home, match.away) else None
