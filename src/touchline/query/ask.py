"""Rule-based questions over the knowledge base (no model, no network).

Understood question kinds (clubs through the gazetteer, people through the stored names):

* who managed / coached CLUB on DATE?              → ``manager``
* what was the score of A v B (on DATE)?           → ``score``
* who scored for CLUB against OTHER?               → ``scorers``
* what did PERSON say about TOPIC?                 → ``quote``
* when did PERSON leave / join CLUB?               → ``tenure``
* where is / was CLUB in the table (on DATE)?      → ``table``

Many phrasings of each are understood (coached / was in charge of / was the boss of; v / vs / against /
"when A played B"; "Palace's goals"; "what was X's view on"; "when was X sacked / appointed"), with
clubs by name or nickname in any case, and dates as a day, a month, a season or a year (see
``query.dates``).

Each answer carries its evidence (article ids + sentences). When the store has nothing to go on the
answer says so plainly (``known=False``) instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from touchline.config import DATA_DIR
from touchline.errors import QueryError
from touchline.query.dates import _DMY, _ISO, _MDY, _MY, parse_date, parse_period
from touchline.query.types import Answer, Cite, MergedGoal, MergedMatch
from touchline.resolve.holders import CERTAIN, rank_holders

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

_WORD = re.compile(r"[\w&]+(?:['’.-]\w+)*['’]?")
_SPLIT_V = re.compile(r"\s+(?:v|vs\.?|versus|against|and|-)\s+", re.I)

_SAY = (
    r"(?:say|said|think|thought|have\s+to\s+say|tell\s+(?:reporters|journalists|the\s+press|the\s+media|us))"
)
_LEAVE = r"leave|left|depart|quit|resign|get\s+(?:the\s+)?sack(?:ed)?|stop\s+being|step\s+down|lose\s+(?:his|her|the)\s+job"
_JOIN = r"join|joined|arrive|take\s+charge|take\s+over|become|start|sign\s+for|get\s+the\s+job"
_SPELL = r"(?:interim\s+)?(?:spell|time|reign|tenure|stint|job|role)"

KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "quote",
        re.compile(
            rf"\bwhat\s+(?:did|does|has|have)\s+(?P<person>.+?)\s+{_SAY}\b(?:\s+(?P<conn>about|on|of|regarding|over|after|before|following|at)\s+(?P<topic>.+?))?\s*\??$",
            re.I,
        ),
    ),
    (
        "quote",
        re.compile(
            r"\bwhat\s+(?:was|is)\s+(?P<person>.+?)['’]s?\s+(?:view|views|opinion|take|verdict|reaction|thoughts?)\s+(?:on|of|about|regarding|to)\s+(?P<topic>.+?)\s*\??$",
            re.I,
        ),
    ),
    (
        "tenure",
        re.compile(
            rf"\bwhen\s+did\s+(?P<person>.+?)['’]s?\s+{_SPELL}\b(?P<rest>.*?)\b(?P<verb>end|finish|start|begin)\b.*$",
            re.I,
        ),
    ),
    (
        "tenure",
        re.compile(rf"\bwhen\s+did\s+(?P<person>.+?)\s+(?P<verb>{_LEAVE}|{_JOIN})\b(?P<rest>.*)$", re.I),
    ),
    (
        "tenure",
        re.compile(
            r"\bwhen\s+was\s+(?P<person>.+?)\s+(?P<verb>sacked|fired|dismissed|let\s+go|appointed|hired|named|unveiled)\b(?P<rest>.*)$",
            re.I,
        ),
    ),
    (
        "scorers",
        re.compile(
            r"\b(?:who|which\s+(?:players?|men))\b.*?\b(?P<verb>scored|scorers?|goalscorers?|found\s+the\s+net|got\b.*\bgoals?)\b(?P<rest>.*)$",
            re.I,
        ),
    ),
    ("score", re.compile(r"\b(?:score|result|final score)\b\s*(?:of|in|for|between)?\s*(?P<rest>.*)$", re.I)),
    ("score", re.compile(r"\bhow\s+did\s+(?P<rest>.+?)\s+(?:get\s+on|do|fare)\b(?P<tail>.*)$", re.I)),
    (
        "table",
        re.compile(
            r"\b(?:where\b.*\b(?:table|league|standings|position|placed|stand|sit|lie|finish)|(?:what|which)\s+(?:position|place)\b"
            r"|(?:league|table)\s+(?:position|place|standing)\b|position\s+in\s+the\s+(?:table|league|standings)\b)",
            re.I,
        ),
    ),
    ("manager", re.compile(r"\bwho\b.*\b(?:manag\w*|coach\w*|boss|in\s+charge|gaffer)\b", re.I)),
)
LEAVING = re.compile(rf"^(?:{_LEAVE}|end|finish|sacked|fired|dismissed|let\s+go)$", re.I)


def club_spans(kb: KnowledgeBase, text: str) -> list[tuple[int, int, str]]:
    """(start, end, club) for every club named in ``text``, in order of position.

    Questions are short and often lowercase ("who was in charge of saints"), which defeats the
    capitalisation cues the prose scanner relies on; so after the scanner every run of up to five words
    not yet covered is looked up as a whole alias, longest first, with the clubs the store knows as
    context (that is what makes "Saints" mean Southampton). Clubs the store knows but the gazetteer does
    not (e.g. from an imported ledger) are matched by name last.
    """
    found: list[tuple[int, int, str]] = []
    for g in kb.gazetteer.scan(text, context_clubs=kb.known_clubs):
        if g.kind == "club":
            found.append((g.start, g.end, g.canonical))
    for start, end in _word_runs(text, (5, 4, 3, 2, 1)):
        if _overlaps(start, end, found):
            continue
        phrase = re.sub(r"['’]s?$", "", text[start:end])
        club = kb.gazetteer.club(phrase, context=kb.known_clubs)
        if club:
            found.append((start, end, club))
    folded = text.casefold()
    for name in sorted(kb.known_clubs, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
            if not _overlaps(m.start(), m.end(), found):
                found.append((m.start(), m.end(), name))
    return sorted(found)


def _word_runs(text: str, sizes: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of ``n`` consecutive words of ``text``, for each ``n`` of ``sizes`` in turn."""
    tokens = [(t.start(), t.end()) for t in _WORD.finditer(text)]
    for n in sizes:
        for i in range(len(tokens) - n + 1):
            yield tokens[i][0], tokens[i + n - 1][1]


def _overlaps(start: int, end: int, spans: Iterable[tuple[Any, ...]]) -> bool:
    """Whether ``start``–``end`` overlaps one of ``spans`` ((start, end, …) tuples)."""
    return any(s < end and start < e for s, e, *_ in spans)


def clubs_in(kb: KnowledgeBase, text: str) -> list[str]:
    """Clubs named in ``text``, in order of position (see ``club_spans``)."""
    out: list[str] = []
    for _, _, club in club_spans(kb, text):
        if club not in out:
            out.append(club)
    return out


def _strip_date(text: str) -> str:
    for rx in (_ISO, _DMY, _MDY, _MY):
        text = rx.sub("", text)
    return re.sub(r"\b(?:on|in)\s*\??\s*$", "", text.strip(" ?")).strip(" ?")


UNDERSTOOD = (
    "who managed CLUB on DATE (or: who is the CLUB manager?); what was the score of A v B; "
    "who scored for CLUB against OTHER; what did PERSON say about TOPIC; when did PERSON leave/join CLUB; "
    "where is CLUB in the table on DATE"
)


def answer(kb: KnowledgeBase, question: str) -> Answer:
    """The answer to ``question``; never raises for what a user may type (see ``UNDERSTOOD``)."""
    q = " ".join(question.split())
    for kind, rx in KIND_PATTERNS:
        m = rx.search(q)
        if m:
            try:
                return HANDLERS[kind](kb, q, m)
            except QueryError as exc:
                try:
                    retry = _with_spelling_fixed(kb, q, kind, rx)
                except (QueryError, ValueError, LookupError):
                    retry = None
                return retry or _unknown(q, kind, f"{exc}.")
            except (ValueError, LookupError, OverflowError) as exc:  # a date or name the rules cannot use
                return _unknown(
                    q, kind, f"I could not read the question ({exc}). I can answer: {UNDERSTOOD}."
                )
    return Answer(q, "unknown", f"I don't understand the question. I can answer: {UNDERSTOOD}.", False)


def _unknown(q: str, kind: str, why: str, data: Any = None) -> Answer:
    """The answer when the store has nothing to go on: "I don't know" and why."""
    return Answer(q, kind, f"I don't know: {why}", False, [], data)


@cache
def _question_words() -> frozenset[str]:
    path = DATA_DIR / "query" / "question_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def _with_spelling_fixed(kb: KnowledgeBase, q: str, kind: str, rx: re.Pattern[str]) -> Answer | None:
    """When a question names no club the gazetteer knows, read a close spelling of one ("Southamptn")
    as that club, and say so in the answer; None when there is no such reading or it does not help."""
    if kind not in ("manager", "score", "scorers", "table"):
        return None
    covered = [(s, e) for s, e, _ in club_spans(kb, q)]
    fixed, notes = q, []
    for start, end in _word_runs(q, (3, 2, 1)):
        words = q[start:end].casefold().split()
        if _overlaps(start, end, covered) or any(w in _question_words() for w in words):
            continue
        if len(words[0]) < 3 or len(words[-1]) < 3:  # "Palce on": edges are never short words
            continue
        if len(q[start:end]) < 6 or kb.gazetteer.club(q[start:end], context=kb.known_clubs):
            continue
        club = kb.gazetteer.club(q[start:end], fuzzy=True)
        if club:
            covered.append((start, end))
            notes.append(f"'{q[start:end]}' as {club}")
            fixed = fixed.replace(q[start:end], club, 1)
    m = rx.search(fixed) if notes else None
    if m is None:
        return None
    try:
        found = HANDLERS[kind](kb, fixed, m)
    except QueryError:
        return None
    found.question = q
    found.text = f"(reading {', '.join(notes)}) {found.text}"
    return found


def _clubs_named(kb: KnowledgeBase, q: str) -> list[str]:
    """``clubs_in`` the question; a QueryError when it names none."""
    clubs = clubs_in(kb, q)
    if not clubs:
        raise QueryError("no club named in the question")
    return clubs


_PRESENT = re.compile(r"\bwho\s*(?:is|['’]s|are)\b|\bcurrent(?:ly)?\b|\bnow\b|\btoday\b", re.I)


def _manager(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    """One manager for the club on the date (the holder whose evidence brackets it best), the others
    as "also reported" with why they rank lower. With no date ("who is the Arsenal manager?") the date
    is the club's latest dated report, or, when no report is dated, the reports themselves decide."""
    clubs = _clubs_named(kb, q)
    club = clubs[0]
    period = parse_period(q)
    note = ""
    if period is None and len(clubs) > 1:  # "who was in charge of A when they played B": that match's day
        met = [x for x in kb.find_matches(club, clubs[1]) if x.date and len(x.date) == 10]
        days = sorted({x.date for x in met if x.date})
        if not days:
            raise QueryError(f"no dated match of {club} v {clubs[1]} is stored to say when")
        if len(days) > 1:
            raise QueryError(f"{club} and {clubs[1]} met on {', '.join(days)}: say which date")
        period = (days[0], days[0])
        note = f" (the day of {met[0].label()})"
    mine = [t for t in kb.club_tenures(club) if t.role in ("manager", "interim_manager")]
    if not mine:
        return _unknown(q, "manager", f"no stored report names a manager of {club}.")
    if period is None:
        dated = sorted(t.last_seen for t in mine if t.last_seen)
        day = dated[-1] if dated else ""
        period = (day, day)
        if day:
            note = " (the latest report)"
    first, last = period
    if not first:
        when = "(no stored report is dated)"
    else:
        when = f"on {first}" if first == last else f"between {first} and {last}"
    ranked = rank_holders(kb.tenures, club, first, last)
    if not ranked:
        return _unknown(q, "manager", f"no stored report covers {club} {when}.")
    best, others = ranked[0], ranked[1:]
    qualifier = (
        ""
        if best.grade == CERTAIN and not others
        else f" ({'' if best.grade == CERTAIN else 'probably: '}{best.how()})"
    )
    text = f"{club} {when}{note}: {best.person} ({best.role}){qualifier}"
    if others:
        text += ". Also reported: " + "; ".join(
            f"{h.person} ({h.role}; {h.how()}; ranks lower: {h.why_lower(best)})" for h in others
        )
    evidence: list[Cite] = []
    for h in ranked:
        cites_ = [c for t in h.tenures for c in t.evidence]
        evidence += sorted(cites_, key=lambda c: _days_apart(c.published, first)) if first else cites_
    return Answer(q, "manager", text, True, evidence, [t for h in ranked for t in h.tenures])


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


def _matches_in(kb: KnowledgeBase, a: str, b: str | None, q: str) -> list[MergedMatch]:
    """Matches of ``a`` (v ``b``) on the day the question names (within three days) or in its span."""
    period = parse_period(q)
    if period is None:
        return kb.find_matches(a, b)
    first, last = period
    if first == last:
        return kb.find_matches(a, b, first)
    return [
        x for x in kb.find_matches(a, b) if x.date and first[: len(x.date)] <= x.date <= last[: len(x.date)]
    ]


def _match_evidence(m: MergedMatch) -> list[Cite]:
    return m.evidence + [c for g in m.goals for c in g.evidence]


def _score(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    rest = m.group("rest")
    if not clubs_in(kb, rest) or (len(clubs_in(kb, rest)) < 2 and len(clubs_in(kb, q)) >= 2):
        rest = q
    a, b = _pair(kb, rest)
    date = parse_date(q)
    found = [x for x in _matches_in(kb, a, b, q) if x.score]
    if not found:
        around = f" around {date}." if date else "."
        return _unknown(q, "score", f"no stored report gives a score for {a} v {b}{around}")
    parts, evidence = [], []
    for x in found:
        goals = ", ".join(_goal_text(g) for g in x.goals)
        note = f" (sources disagree; {x.score_rule})" if x.score_rule else ""
        parts.append(f"{x.label()}{note}" + (f"; goals: {goals}" if goals else ""))
        evidence += _match_evidence(x)
    return Answer(q, "score", " | ".join(parts), True, evidence, found)


def _scorers(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    """The scoring club is the one after "for" or written possessive ("Palace's goals"); the other is the
    opponent. With no scoring club marked, both sides' scorers are given."""
    spans = club_spans(kb, q)
    scoring = [
        c
        for start, end, c in spans
        if re.search(r"\bfor\s+(?:the\s+)?$", q[:start], re.I)
        or q[start:end].endswith(("'s", "’s", "'", "’"))
        or q[end : end + 1] in ("'", "’")
    ]
    clubs = list(dict.fromkeys(c for _, _, c in spans))
    if not scoring:
        named = re.search(r"\bfor\s+(?P<club>.+?)(?:\s+(?:against|v|vs\.?|versus)\s+|\s*\??$)", q, re.I)
        if named and _strip_date(named.group("club")):
            scoring = [kb.club_name(_strip_date(named.group("club")))]  # raises when the club is unknown
    if not scoring:
        if not clubs:
            raise QueryError("no club named in the question")
        club, other = clubs[0], clubs[1] if len(clubs) > 1 else None
        return _all_scorers(kb, q, club, other)
    club = scoring[0]
    others = [c for c in clubs if c != club]
    other = others[0] if others else None
    against = re.search(r"\b(?:against|v|vs\.?|versus|playing|beat|at|in)\s+(?P<other>.+?)\s*\??$", q, re.I)
    if other is None and against and not clubs_in(kb, against.group("other")):
        text = _strip_date(against.group("other"))
        if text and not re.fullmatch(r"(?:the\s+)?(?:game|match|cup|league|final)", text, re.I):
            other = kb.club_name(text)  # raises when the opponent is not known
    found = [x for x in _matches_in(kb, club, other, q) if x.status == "played"]
    if not found:
        versus = f" v {other}" if other else ""
        return _unknown(q, "scorers", f"no stored report of {club}{versus} with goals.")
    parts, evidence = [], []
    for x in found:
        goals = [g for g in x.goals if g.team == club]
        names = ", ".join(_goal_text(g) for g in goals)
        scored = x.home_score if x.home == club else x.away_score
        lede: tuple[list[str], list[Cite]] = ([], [])
        if names:
            parts.append(f"{x.label()}: {names}")
        elif scored == 0:
            parts.append(f"{x.label()}: {club} did not score")
        elif (lede := _lede_names(kb, x, club))[0]:
            parts.append(
                f"{x.label()}: {', '.join(lede[0])} (named in the report's first sentence; its goals are not itemised)"
            )
        else:
            parts.append(f"{x.label()}: the reports do not name {club}'s scorers")
        evidence += [c for g in goals for c in g.evidence] or lede[1] or x.evidence
    known = any(": the reports do not" not in p for p in parts)
    return Answer(q, "scorers", " | ".join(parts), known, evidence, found)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _lede_names(kb: KnowledgeBase, x: MergedMatch, club: str) -> tuple[list[str], list[Cite]]:
    """People of ``club`` (or of no known club) named in the first sentence of a report of ``x``
    ("Papiss Cisse dragged Newcastle clear with an injury-time winner"), with that sentence as evidence."""
    for ref in x.sources:
        facts = kb.store.facts(ref.article_id)
        if facts is None:
            continue
        body = facts.article.body
        start = 0
        for m in _SENTENCE_END.finditer(body):
            text = body[start : m.end()].strip()
            if m.group(0) == "\n" and not text.endswith((".", "!", "?")) and len(text.split()) < 12:
                start = m.end()  # a headline line: the first sentence is the next one
                continue
            if text:
                break
            start = m.end()
        else:
            m = None
        end = m.end() if m is not None else len(body)
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        staff = {r.person for r in facts.roles if r.role != "player"}  # a manager or referee scores nothing
        names = [
            kb.name_map.get(p.name, p.name)
            for p in facts.people
            if p.team in (club, None)
            and p.name not in staff
            and any(start <= e.start < end for e in p.mentions)
        ]
        if names:
            cite = Cite(ref.article_id, ref.published, ref.source, start, end, body[start:end])
            return list(dict.fromkeys(names)), [cite]
    return [], []


def _all_scorers(kb: KnowledgeBase, q: str, a: str, b: str | None) -> Answer:
    found = [x for x in _matches_in(kb, a, b, q) if x.status == "played"]
    if not found:
        return _unknown(q, "scorers", f"no stored report of {a}" + (f" v {b}" if b else "") + ".")
    parts, evidence = [], []
    for x in found:
        if x.goals:
            names = ", ".join(_goal_text(g, with_team=True) for g in x.goals)
            parts.append(f"{x.label()}: {names}")
            evidence += [c for g in x.goals for c in g.evidence]
        elif x.home_score == 0 and x.away_score == 0:
            parts.append(f"{x.label()}: no goals")
            evidence += x.evidence
        else:
            parts.append(f"{x.label()}: the reports do not name the scorers")
    return Answer(q, "scorers", " | ".join(parts), bool(evidence), evidence, found)


def _goal_text(g: MergedGoal, with_team: bool = False) -> str:
    """A goal as "Scorer 23'", with " (Team)" after it when asked for and known."""
    team = f" ({g.team})" if with_team and g.team else ""
    return g.scorer + (f" {g.minute}'" if g.minute else "") + team


_MATCH_WORDS = frozenset(
    {"the", "a", "game", "match", "defeat", "win", "draw", "loss", "victory", "clash", "tie", "against"}
    | {"v", "vs", "versus", "home", "away", "their", "his", "her", "at", "in", "to", "over", "with"}
    | {"cup", "league", "final", "semi-final", "quarter-final", "derby", "fixture", "trip", "visit", "loss"}
)
_AROUND_WORDS = ("before", "after", "following")
AROUND_MATCH_DAYS = 7  # "after the game" = reports within a week after it; "before" = within a week before


def _around(when: str, match_day: str | None, published: str | None) -> bool:
    """Whether a report published on ``published`` is "before"/"after" a match on ``match_day``."""
    if when not in _AROUND_WORDS or not match_day or not published:
        return True
    gap = -_days_apart(published, match_day) if published < match_day else _days_apart(published, match_day)
    if when == "before":
        return -AROUND_MATCH_DAYS <= gap < 0
    return 0 <= gap <= AROUND_MATCH_DAYS


def _quote(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    """Quotes of a person, on a topic (words of the quote), or around a match when the topic names a
    club ("after the Brighton defeat": quotes in the reports of that match)."""
    person = kb.person_name(m.group("person"))
    topic = (m.group("topic") or "").strip(" ?") or None
    spans = club_spans(kb, topic) if topic else []
    if topic and spans:
        rest = topic
        for start, end, _ in reversed(spans):
            rest = rest[:start] + " " + rest[end:]
        words = [w for w in re.findall(r"[\w'’-]+", _strip_date(rest).casefold()) if w not in _MATCH_WORDS]
        other = spans[1][2] if len(spans) > 1 else None
        matches = _matches_in(kb, spans[0][2], other, topic)
        if other is None:  # "after the win at Villa": Villa against the speaker's club, when known
            own = {t.club for t in kb.tenures if t.person == person} - {spans[0][2]}
            matches = [x for x in matches if {x.home, x.away} & own] or matches
        when = (m.groupdict().get("conn") or "").casefold()
        # before/after a match: its reports, and other articles about the club in the week around it
        about = kb.store.article_ids_about(club=spans[0][2]) if when in _AROUND_WORDS else set()
        found = []
        for r in kb.quotes_by(person, " ".join(words) or None):
            for x in matches:
                linked = r.ref.article_id in about or any(s.article_id == r.ref.article_id for s in x.sources)
                if linked and _around(when, x.date, r.ref.published):
                    found.append(r)
                    break
    else:
        found = kb.quotes_by(person, topic)
    if not found:
        subject = f" about {topic}" if topic else ""
        return _unknown(q, "quote", f"no stored quote of {person}{subject}.")
    texts = [f"“{r.fact.text}” ({r.ref.published or 'undated'})" for r in found[:3]]
    evidence = [c for r in found for c in kb.evidence_for(r)]
    return Answer(q, "quote", f"{person}: " + " | ".join(texts), True, evidence, found)


def _tenure(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    person = kb.person_name(m.group("person"))
    verb = " ".join(m.group("verb").lower().split())
    leaving = bool(LEAVING.match(verb))
    clubs = clubs_in(kb, m.group("rest")) or clubs_in(kb, q[m.end("person") :])
    tenures = [t for t in kb.tenures if t.person == person and (not clubs or t.club == clubs[0])]
    roles = {t.role for t in tenures}
    asked = [r for r in roles if r.replace("_", " ") in q.casefold()]
    if "interim" in q.casefold():
        asked = [r for r in roles if r.startswith("interim")] or asked
    if asked:  # the question names the role ("interim manager"): answer for that role only
        tenures = [t for t in tenures if t.role in asked]
    if not tenures:
        return _unknown(
            q, "tenure", f"no stored role of {person}" + (f" at {clubs[0]}" if clubs else "") + "."
        )
    known_parts: list[str] = []
    unknown_parts: list[str] = []
    evidence: list[Cite] = []
    for t in sorted(
        tenures, key=lambda t: (t.role not in ("manager", "interim_manager"), t.first_seen or "")
    ):
        role = t.role.replace("_", " ")
        if leaving:
            if not t.end:
                unknown_parts.append(
                    f"no departure of {person} from {t.club} is reported (last seen as {role} {_on(t.last_seen)})"
                )
                continue
            when = t.end if t.end_exact else f"on or before {t.end}"
            known_parts.append(f"{person} left {t.club} ({role}) {when}")
        elif t.start:
            when = (
                f"on {t.start}"
                if t.start_exact
                else f"on or before {t.start} (when the appointment was reported)"
            )
            known_parts.append(f"{person} joined {t.club} as {role} {when}")
        else:
            unknown_parts.append(
                f"the start of {person}'s spell at {t.club} is not reported (first seen as {role} {_on(t.first_seen)})"
            )
            continue
        evidence += t.evidence
    if known_parts:
        return Answer(q, "tenure", "; ".join(known_parts), True, evidence, tenures)
    return _unknown(q, "tenure", "; ".join(unknown_parts), tenures)


def _on(day: str | None) -> str:
    """ "on 2023-10-01", or "in an undated report" (never "on None")."""
    return f"on {day}" if day else "in an undated report"


def _table(kb: KnowledgeBase, q: str, m: re.Match[str]) -> Answer:
    from touchline.query.checks import _Checker
    from touchline.query.standings import season_of

    club = _clubs_named(kb, q)[0]
    period = parse_period(q)  # a span (a month, "2024-25") is asked about as of its last day
    date = min(period[1], dt.date.today().isoformat()) if period else dt.date.today().isoformat()
    season = season_of(date)
    comp = _Checker(kb).league_of(club, season)
    if comp is None:
        return _unknown(q, "table", f"no league results for {club} in {season}.")
    table = kb.standings(comp, season, date)
    row = table.row(club)
    if row is None:
        return _unknown(q, "table", f"{club} has no {comp} results before {date}.")
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
