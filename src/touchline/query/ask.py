"""Rule-based questions over the knowledge base (no model, no network).

Understood question kinds (clubs through the gazetteer, people through the stored names):

* who managed / coached CLUB on DATE?              → ``manager``
* what was the score of A v B (on DATE)?           → ``score``
* who scored for CLUB against OTHER?               → ``scorers``
* what did PERSON say about TOPIC?                 → ``quote``
* when did PERSON leave / join CLUB?               → ``tenure``
* where is / was CLUB in the table (on DATE)?      → ``table``

Each answer carries its evidence (article ids + sentences). When the store has nothing to go on the
answer says so plainly (``known=False``) instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from touchline.errors import QueryError
from touchline.query.types import Answer, Cite, MergedMatch

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON3 = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS}|{_MON3})\.?,?\s+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b({_MONTHS}|{_MON3})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MY = re.compile(rf"\b({_MONTHS}|{_MON3})\.?\s+(\d{{4}})\b", re.I)
_SPLIT_V = re.compile(r"\s+(?:v|vs\.?|versus|against|and|-)\s+", re.I)

KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "quote",
        re.compile(
            r"\bwhat\s+(?:did|does|has)\s+(?P<person>.+?)\s+(?:say|said|think|thought)\b(?:\s+(?:about|on|of|regarding)\s+(?P<topic>.+?))?\s*\??$",
            re.I,
        ),
    ),
    (
        "tenure",
        re.compile(
            r"\bwhen\s+did\s+(?P<person>.+?)\s+(?P<verb>leave|left|join|joined|arrive|depart|take charge|get sacked|become)\b(?P<rest>.*)$",
            re.I,
        ),
    ),
    (
        "tenure",
        re.compile(
            r"\bwhen\s+was\s+(?P<person>.+?)\s+(?P<verb>sacked|fired|dismissed|appointed|hired|named)\b(?P<rest>.*)$",
            re.I,
        ),
    ),
    ("scorers", re.compile(r"\bwho\s+scored\b(?P<rest>.*)$", re.I)),
    ("score", re.compile(r"\b(?:score|result|final score)\b\s*(?:of|in|for|between)?\s*(?P<rest>.*)$", re.I)),
    (
        "table",
        re.compile(
            r"\b(?:where|what\s+position|which\s+position)\b.*\b(?:table|league|standings|position|placed|stand)\b",
            re.I,
        ),
    ),
    ("manager", re.compile(r"\bwho\b.*\b(?:manag\w*|coach\w*|boss|in charge)\b", re.I)),
)


def parse_date(text: str) -> str | None:
    m = _ISO.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.search(text)
        if m:
            day, mon, year = (
                (m.group(1), m.group(2), m.group(3))
                if order == "dmy"
                else (m.group(2), m.group(1), m.group(3))
            )
            month = next(
                i for i, name in enumerate(_MONTHS.split("|"), 1) if name.startswith(mon.lower()[:3])
            )
            return _valid(int(year), month, int(day))
    m = _MY.search(text)
    if m:  # a month: its middle day stands for it
        month = next(
            i for i, name in enumerate(_MONTHS.split("|"), 1) if name.startswith(m.group(1).lower()[:3])
        )
        return _valid(int(m.group(2)), month, 15)
    return None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def clubs_in(kb: KnowledgeBase, text: str) -> list[str]:
    """Clubs named in ``text``, in order (the gazetteer, also tried on the title-cased text)."""
    found: list[tuple[int, str]] = []
    for variant in (text, text.title()):
        for g in kb.gazetteer.scan(variant, context_clubs=kb.known_clubs):
            if g.kind == "club" and all(g.canonical != c for _, c in found):
                found.append((g.start, g.canonical))
        if found:
            break
    if not found:  # clubs the store knows but the gazetteer does not (e.g. from an imported ledger)
        folded = text.casefold()
        for name in sorted(kb.known_clubs, key=len, reverse=True):
            m = re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded)
            if m and not any(start <= m.start() < start + len(c) for start, c in found):
                found.append((m.start(), name))
    return [c for _, c in sorted(found)]


def _strip_date(text: str) -> str:
    for rx in (_ISO, _DMY, _MDY, _MY):
        text = rx.sub("", text)
    return re.sub(r"\b(?:on|in)\s*\??\s*$", "", text.strip(" ?")).strip(" ?")


def answer(kb: KnowledgeBase, question: str) -> Answer:
    q = " ".join(question.split())
    for kind, rx in KIND_PATTERNS:
        m = rx.search(q)
        if m:
            try:
                return HANDLERS[kind](kb, q, m)
            except QueryError as exc:
                return Answer(q, kind, f"I don't know: {exc}.", False)
    return Answer(
        q,
        "unknown",
        "I don't understand the question. I can answer: who managed CLUB on DATE; what was the score of A v B; "
        "who scored for CLUB against OTHER; what did PERSON say about TOPIC; when did PERSON leave/join CLUB; "
        "where is CLUB in the table on DATE.",
        False,
    )


def _manager(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    clubs = clubs_in(kb, q)
    if not clubs:
        raise QueryError("no club named in the question")
    club = clubs[0]
    date = parse_date(q)
    if date is None:
        latest = sorted(
            (t for t in kb.club_tenures(club) if t.role in ("manager", "interim_manager")),
            key=lambda t: t.last_seen or "",
        )
        if not latest:
            return Answer(
                q, "manager", f"I don't know who managed {club}: no stored report names a manager.", False
            )
        date = latest[-1].last_seen or ""
    found = kb.in_post(club, date)
    if not found:
        return Answer(
            q,
            "manager",
            f"I don't know who managed {club} on {date}: no stored report covers that date.",
            False,
        )
    lines = []
    evidence: list[Cite] = []
    for f in found:
        t = f.tenure
        role = "interim manager" if t.role == "interim_manager" else "manager"
        qualifier = "" if f.certain else f" (probably: {f.note})"
        lines.append(f"{t.person} ({role}){qualifier}")
        evidence += sorted(t.evidence, key=lambda c: _days_apart(c.published, date))
    text = f"{club} on {date}: " + "; ".join(lines)
    return Answer(q, "manager", text, True, evidence, [f.tenure for f in found])


def _days_apart(a: str | None, b: str) -> int:
    try:
        return abs((dt.date.fromisoformat(a or "") - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 1 << 30


def _pair(kb: KnowledgeBase, rest: str) -> tuple[str, str | None]:
    clubs = clubs_in(kb, rest)
    if len(clubs) >= 2:
        return clubs[0], clubs[1]
    parts = _SPLIT_V.split(_strip_date(rest), maxsplit=1)
    names = [kb.club_name(p.strip(" ?.")) for p in parts if p.strip(" ?.")]
    if len(clubs) == 1 and clubs[0] not in names:
        names.insert(0, clubs[0])
    if not names:
        raise QueryError("no club named in the question")
    return names[0], names[1] if len(names) > 1 else None


def _match_evidence(m: MergedMatch) -> list[Cite]:
    return m.evidence + [c for g in m.goals for c in g.evidence]


def _score(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    rest = m.group("rest") if clubs_in(kb, m.group("rest")) else q
    a, b = _pair(kb, rest)
    date = parse_date(q)
    found = [x for x in kb.find_matches(a, b, date) if x.score]
    if not found:
        return Answer(
            q,
            "score",
            f"I don't know: no stored report gives a score for {a} v {b}"
            + (f" around {date}." if date else "."),
            False,
        )
    parts, evidence = [], []
    for x in found:
        goals = ", ".join(f"{g.scorer} {g.minute}'" if g.minute else g.scorer for g in x.goals)
        note = f" (sources disagree; {x.score_rule})" if x.score_rule else ""
        parts.append(f"{x.label()}{note}" + (f"; goals: {goals}" if goals else ""))
        evidence += _match_evidence(x)
    return Answer(q, "score", " | ".join(parts), True, evidence, found)


def _scorers(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    rest = m.group("rest")
    for_part = re.search(
        r"\bfor\s+(?P<club>.+?)(?:\s+(?:against|v|vs\.?|versus)\s+(?P<other>.+?))?\s*\??$", rest, re.I
    )
    if for_part:
        club = kb.club_name(_strip_date(for_part.group("club")))
        other = kb.club_name(_strip_date(for_part.group("other"))) if for_part.group("other") else None
    else:  # "who scored in A v B": both sides
        club, other = _pair(kb, rest)
        return _all_scorers(kb, q, club, other)
    date = parse_date(q)
    found = [x for x in kb.find_matches(club, other, date) if x.status == "played"]
    if not found:
        return Answer(
            q,
            "scorers",
            f"I don't know: no stored report of {club}" + (f" v {other}" if other else "") + " with goals.",
            False,
        )
    parts, evidence = [], []
    for x in found:
        goals = [g for g in x.goals if g.team == club]
        names = ", ".join(f"{g.scorer}" + (f" {g.minute}'" if g.minute else "") for g in goals)
        scored = x.home_score if x.home == club else x.away_score
        if names:
            parts.append(f"{x.label()}: {names}")
        elif scored == 0:
            parts.append(f"{x.label()}: {club} did not score")
        else:
            parts.append(f"{x.label()}: the reports do not name {club}'s scorers")
        evidence += [c for g in goals for c in g.evidence] or x.evidence
    known = any(": the reports do not" not in p for p in parts)
    return Answer(q, "scorers", " | ".join(parts), known, evidence, found)


def _all_scorers(kb: KnowledgeBase, q: str, a: str, b: str | None) -> Answer:
    found = [x for x in kb.find_matches(a, b, parse_date(q)) if x.status == "played"]
    if not found:
        return Answer(
            q, "scorers", f"I don't know: no stored report of {a}" + (f" v {b}" if b else "") + ".", False
        )
    parts, evidence = [], []
    for x in found:
        if x.goals:
            names = ", ".join(
                f"{g.scorer}" + (f" {g.minute}'" if g.minute else "") + (f" ({g.team})" if g.team else "")
                for g in x.goals
            )
            parts.append(f"{x.label()}: {names}")
            evidence += [c for g in x.goals for c in g.evidence]
        elif x.home_score == 0 and x.away_score == 0:
            parts.append(f"{x.label()}: no goals")
            evidence += x.evidence
        else:
            parts.append(f"{x.label()}: the reports do not name the scorers")
    return Answer(q, "scorers", " | ".join(parts), bool(evidence), evidence, found)


def _quote(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    person = kb.person_name(m.group("person"))
    topic = (m.group("topic") or "").strip(" ?") or None
    found = kb.quotes_by(person, topic)
    if not found:
        about = f" about {topic}" if topic else ""
        return Answer(q, "quote", f"I don't know: no stored quote of {person}{about}.", False)
    texts = [f"“{r.fact.text}” ({r.ref.published or 'undated'})" for r in found[:3]]
    evidence = [c for r in found for c in kb.evidence_for(r)]
    return Answer(q, "quote", f"{person}: " + " | ".join(texts), True, evidence, found)


def _tenure(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    person = kb.person_name(m.group("person"))
    verb = m.group("verb").lower()
    leaving = verb in ("leave", "left", "depart", "get sacked", "sacked", "fired", "dismissed")
    clubs = clubs_in(kb, m.group("rest"))
    tenures = [t for t in kb.tenures if t.person == person and (not clubs or t.club == clubs[0])]
    if not tenures:
        return Answer(
            q,
            "tenure",
            f"I don't know: no stored role of {person}" + (f" at {clubs[0]}" if clubs else "") + ".",
            False,
        )
    parts, evidence = [], []
    for t in tenures:
        if leaving:
            if not t.end:
                parts.append(
                    f"no departure of {person} from {t.club} is reported (last seen as {t.role.replace('_', ' ')} on {t.last_seen})"
                )
                continue
            when = t.end if t.end_exact else f"on or before {t.end}"
            parts.append(f"{person} left {t.club} ({t.role.replace('_', ' ')}) {when}")
        else:
            if t.start and t.start_exact:
                parts.append(f"{person} joined {t.club} as {t.role.replace('_', ' ')} on {t.start}")
            else:
                parts.append(
                    f"the start of {person}'s spell at {t.club} is not reported (first seen as {t.role.replace('_', ' ')} on {t.first_seen})"
                )
                continue
        evidence += t.evidence
    known = bool(evidence)
    return Answer(q, "tenure", "; ".join(parts), known, evidence, tenures)


def _table(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    from touchline.query.checks import _Checker
    from touchline.query.standings import season_of

    clubs = clubs_in(kb, q)
    if not clubs:
        raise QueryError("no club named in the question")
    club = clubs[0]
    date = parse_date(q) or dt.date.today().isoformat()
    season = season_of(date)
    comp = _Checker(kb).league_of(club, season)
    if comp is None:
        return Answer(q, "table", f"I don't know: no league results for {club} in {season}.", False)
    table = kb.standings(comp, season, date)
    row = table.row(club)
    if row is None:
        return Answer(q, "table", f"I don't know: {club} has no {comp} results before {date}.", False)
    from touchline.query.checks import _ordinal

    text = (
        f"{club} were {_ordinal(row.position)} of {len(table.rows)} in the {comp} on {date} with {row.points} "
        f"points from {row.played} games (goal difference {row.goal_difference:+d}; from {table.ledger_source})"
    )
    if table.ledger_source == "reference results":
        return Answer(q, "table", text, True, [], table)
    evidence = [
        x.evidence[0]
        for x in kb.find_matches(club)
        if x.evidence and x.date and x.date <= date and x.competition == comp
    ]
    text = (
        f"I don't know for sure: there are no reference results for the {comp} {season}, and the "
        f"{table.matches} matches reported in articles are not a full ledger. From those alone: {text}"
    )
    return Answer(q, "table", text, False, evidence, table)


HANDLERS = {
    "manager": _manager,
    "score": _score,
    "scorers": _scorers,
    "quote": _quote,
    "tenure": _tenure,
    "table": _table,
}
