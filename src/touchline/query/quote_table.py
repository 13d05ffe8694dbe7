"""Quotes as rows for analysis: each quote with its article, the speaker's role at the time and the match
it followed (the researcher's view: ``kb.quotes_frame()`` → a pandas DataFrame).

The role is taken from the merged tenures that cover the publication date (certain or probable, as
``in_post`` decides); the match is a played match reported by the same article, preferring one of the
speaker's club, on or before the publication date. Either is ``None`` when the knowledge base cannot tell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from touchline.resolve.tenures import in_post

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase
    from touchline.query.types import MergedMatch, Tenure


@dataclass
class QuoteRow:
    speaker: str | None
    text: str
    published: str | None
    article_id: str
    source: str
    start: int
    end: int
    role: str | None  # e.g. "manager", "interim_manager"
    club: str | None  # the club of that role
    match_id: str | None
    match: str | None  # "Home 2-1 Away (date)"
    result: str | None  # W / D / L for the speaker's club in that match

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _role_on(mine: list[Tenure], date: str | None) -> Tenure | None:
    """The speaker's role on ``date`` among their tenures ``mine``: certain over probable, then the
    best-attested tenure."""
    if not date or not mine:
        return None
    found = [
        f
        for club in dict.fromkeys(t.club for t in mine)
        for f in in_post(mine, club, date, roles=tuple({t.role for t in mine}))
    ]
    if not found:
        return None
    best = min(found, key=lambda f: (not f.certain, -len(f.tenure.evidence), f.tenure.first_seen or ""))
    return best.tenure


def _match_of(reported: list[MergedMatch], published: str | None, club: str | None) -> MergedMatch | None:
    """The match a quote followed, among the played matches its article reports."""
    played = [m for m in reported if not published or not m.date or m.date <= published]
    if club:
        own = [m for m in played if club in (m.home, m.away)]
        played = own or played
    return max(played, key=lambda m: m.date or "", default=None) if played else None


def _result(m: MergedMatch, club: str | None) -> str | None:
    if club is None or m.home_score is None or m.away_score is None:
        return None
    side = m.side_of(club)
    if side is None:
        return None
    mine, theirs = (m.home_score, m.away_score) if side == "home" else (m.away_score, m.home_score)
    return "W" if mine > theirs else "L" if mine < theirs else "D"


def quote_rows(
    kb: KnowledgeBase,
    speaker: str | None = None,
    club: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[QuoteRow]:
    """Every stored quote (optionally of one speaker, of a club's people, in a date range) as a row."""
    canon = kb.person_name(speaker) if speaker else None
    club_name = kb.club_name(club) if club else None
    # indexes built once, so each quote costs a lookup rather than a scan of every tenure and match
    tenures_of: dict[str, list[Tenure]] = defaultdict(list)
    for t in kb.tenures:
        tenures_of[t.person].append(t)
    played_in: dict[str, list[MergedMatch]] = defaultdict(list)
    for m in kb.matches:
        if m.status == "played":
            for article_id in dict.fromkeys(src.article_id for src in m.sources):
                played_in[article_id].append(m)
    rows: list[QuoteRow] = []
    for rec in kb.store.quotes():
        who = kb.name_map.get(rec.fact.speaker, rec.fact.speaker) if rec.fact.speaker else None
        if canon and who != canon:
            continue
        published = rec.ref.published
        if (date_from and (not published or published < date_from)) or (
            date_to and (not published or published > date_to)
        ):
            continue
        tenure = _role_on(tenures_of.get(who, []), published) if who else None
        role_club = tenure.club if tenure else None
        if club_name and role_club != club_name:
            continue
        match = _match_of(played_in.get(rec.ref.article_id, []), published, role_club)
        ev = rec.fact.evidence[0] if rec.fact.evidence else None
        rows.append(
            QuoteRow(
                speaker=who,
                text=rec.fact.text,
                published=published,
                article_id=rec.ref.article_id,
                source=rec.ref.source,
                start=ev.start if ev else -1,
                end=ev.end if ev else -1,
                role=tenure.role if tenure else None,
                club=role_club,
                match_id=match.id if match else None,
                match=(
                    f"{match.home} {match.home_score}-{match.away_score} {match.away} ({match.date})"
                    if match
                    else None
                ),
                result=_result(match, role_club) if match else None,
            )
        )
    return rows


def quotes_frame(kb: KnowledgeBase, **filters: Any) -> Any:
    """``quote_rows`` as a pandas DataFrame (pandas is imported only here)."""
    import pandas as pd

    rows = quote_rows(kb, **filters)
    columns = list(QuoteRow.__dataclass_fields__)
    return pd.DataFrame([r.as_dict() for r in rows], columns=columns)
