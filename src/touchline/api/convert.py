"""Query-layer records → response models, with every piece of evidence tied to its article.

Most response models name their fields after the record they are built from (``MatchFact`` after
``Match``, ``RoleFact`` after ``Role``, …), so one builder, ``fact``, copies the fields the two share
and ties the record's evidence spans to the article they come from. Only what differs is passed by
hand: nested lists (a match's goals), evidence kept under another name (a person's ``mentions``) and
the article fields of records that do not carry them (a quote's ``article_id``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from touchline.api import schemas as s
from touchline.api.deps import Page
from touchline.models import Article, ArticleFacts, Evidence, Quote
from touchline.query.types import Answer, PersonEntity, Tenure, cites, to_jsonable
from touchline.store.base import FactRecord, SourceRef

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


def paged(items: Sequence[R], page: Page, to_model: Callable[[R], BaseModel]) -> dict[str, object]:
    """One page of ``items`` (a ``Paged`` body); only the records on the page are converted."""
    return {
        "total": len(items),
        "limit": page.limit,
        "offset": page.offset,
        "items": [to_model(x) for x in page.slice(items)],
    }


def source_ref(art: Article) -> SourceRef:
    return SourceRef(art.id, art.published, art.source)


def evidence(ref: SourceRef | Article, evs: list[Evidence]) -> list[s.EvidenceOut]:
    """Evidence spans as response models, each naming the article (``ref``) it was found in."""
    if isinstance(ref, Article):
        ref = source_ref(ref)
    return [s.EvidenceOut.model_validate(c) for c in cites(ref, evs)]


def fact(model: type[M], record: Any, ref: SourceRef, evs: list[Evidence] | None = None, **given: Any) -> M:
    """``model`` filled from the same-named attributes of ``record``, with ``given`` fields as passed
    and ``evs`` (by default ``record.evidence``) as its evidence in the article ``ref``."""
    copied = {n: getattr(record, n) for n in model.model_fields if n != "evidence" and n not in given}
    return model(**copied, **given, evidence=evidence(ref, record.evidence if evs is None else evs))


def article_summary(art: Article) -> s.ArticleSummary:
    return s.ArticleSummary(
        id=art.id, source=art.source, published=art.published, title=art.title, length=len(art.body)
    )


def quote(rec: FactRecord[Quote]) -> s.QuoteOut:
    """A stored quote with the article it was said in."""
    ref = rec.ref
    return fact(
        s.QuoteOut, rec.fact, ref, article_id=ref.article_id, published=ref.published, source=ref.source
    )


def article_detail(art: Article, facts: ArticleFacts | None) -> s.ArticleDetail:
    """An article with every fact extracted from it (none when it has no stored facts)."""
    base = article_summary(art).model_dump()
    if facts is None:
        return s.ArticleDetail(**base, body=art.body)
    ref = source_ref(art)
    return s.ArticleDetail(
        **base,
        body=art.body,
        matches=[
            fact(s.MatchFact, m, ref, goals=[fact(s.GoalFact, g, ref) for g in m.goals])
            for m in facts.matches
        ],
        people=[fact(s.PersonFact, p, ref, p.mentions) for p in facts.people],
        roles=[fact(s.RoleFact, r, ref) for r in facts.roles],
        quotes=[quote(FactRecord(0, ref, q)) for q in facts.quotes],
        claims=[fact(s.ClaimFact, c, ref) for c in facts.claims],
    )


def person_detail(
    person: PersonEntity, tenures: list[Tenure], quotes: list[FactRecord[Quote]]
) -> s.PersonDetail:
    """A merged person with their role tenures and the quotes they are reported to have said."""
    return s.PersonDetail(
        **s.PersonOut.model_validate(person).model_dump(),
        tenures=[s.TenureOut.model_validate(t) for t in tenures],
        quotes=[quote(q) for q in quotes],
    )


def answer(ans: Answer) -> s.AnswerOut:
    """An answer to a question; its evidence already names the articles (``Cite``)."""
    return s.AnswerOut(
        question=ans.question,
        kind=ans.kind,
        text=ans.text,
        known=ans.known,
        evidence=[s.EvidenceOut.model_validate(c) for c in ans.evidence],
        article_ids=ans.article_ids,
        data=to_jsonable(ans.data),
    )
