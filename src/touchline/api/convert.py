"""Query-layer records → response models, with every piece of evidence tied to its article."""

from __future__ import annotations

from touchline.api import schemas as s
from touchline.models import Article, ArticleFacts, Evidence, Quote
from touchline.query.types import Answer, to_jsonable
from touchline.store.base import FactRecord, SourceRef


def evidence(ref: SourceRef | Article, evs: list[Evidence]) -> list[s.EvidenceOut]:
    if isinstance(ref, Article):
        ref = SourceRef(ref.id, ref.published, ref.source)
    return [
        s.EvidenceOut(
            article_id=ref.article_id,
            published=ref.published,
            source=ref.source,
            start=e.start,
            end=e.end,
            text=e.text,
        )
        for e in evs
    ]


def article_summary(art: Article) -> s.ArticleSummary:
    return s.ArticleSummary(
        id=art.id, source=art.source, published=art.published, title=art.title, length=len(art.body)
    )


def quote(rec: FactRecord[Quote]) -> s.QuoteOut:
    return s.QuoteOut(
        speaker=rec.fact.speaker,
        text=rec.fact.text,
        article_id=rec.ref.article_id,
        published=rec.ref.published,
        source=rec.ref.source,
        evidence=evidence(rec.ref, rec.fact.evidence),
    )


def article_detail(art: Article, facts: ArticleFacts | None) -> s.ArticleDetail:
    base = article_summary(art).model_dump()
    if facts is None:
        return s.ArticleDetail(**base, body=art.body)
    ref = SourceRef(art.id, art.published, art.source)
    return s.ArticleDetail(
        **base,
        body=art.body,
        matches=[
            s.MatchFact(
                home=m.home,
                away=m.away,
                home_score=m.home_score,
                away_score=m.away_score,
                status=m.status,
                date=m.date,
                competition=m.competition,
                venue=m.venue,
                goals=[
                    s.GoalFact(
                        scorer=g.scorer,
                        team=g.team,
                        minute=g.minute,
                        added=g.added,
                        kind=g.kind,
                        evidence=evidence(ref, g.evidence),
                    )
                    for g in m.goals
                ],
                evidence=evidence(ref, m.evidence),
            )
            for m in facts.matches
        ],
        people=[
            s.PersonFact(name=p.name, team=p.team, evidence=evidence(ref, p.mentions)) for p in facts.people
        ],
        roles=[
            s.RoleFact(
                person=r.person,
                role=r.role,
                club=r.club,
                event=r.event,
                as_of=r.as_of,
                start=r.start,
                end=r.end,
                evidence=evidence(ref, r.evidence),
            )
            for r in facts.roles
        ],
        quotes=[quote(FactRecord(0, ref, q)) for q in facts.quotes],
        claims=[
            s.ClaimFact(kind=c.kind, subject=c.subject, value=c.value, evidence=evidence(ref, c.evidence))
            for c in facts.claims
        ],
    )


def answer(ans: Answer) -> s.AnswerOut:
    return s.AnswerOut(
        question=ans.question,
        kind=ans.kind,
        text=ans.text,
        known=ans.known,
        evidence=[s.EvidenceOut.model_validate(c) for c in ans.evidence],
        article_ids=ans.article_ids,
        data=to_jsonable(ans.data),
    )
