"""ArticleContext: what every extractor component reads and writes for one article.

Components never pass spaCy objects out of ``touchline.nlp``: they turn what they find into the
records of ``touchline.models`` on ``ctx.facts``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from touchline.linking.gazetteer import Gazetteer, GazMention
from touchline.linking.people import PeopleIndex
from touchline.models import Article, ArticleFacts, Evidence
from touchline.nlp.segment import Segment, paragraphs, sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    canonical: str


@dataclass
class ArticleContext:
    article: Article
    gazetteer: Gazetteer
    nlp: Language | None = None
    doc_: Doc | None = None
    paragraphs: list[Segment] = field(init=False)
    sentences: list[Segment] = field(init=False)
    gaz: list[GazMention] = field(default_factory=list)  # clubs, competitions, stadiums (set by entities)
    person_mentions: list[PersonMention] = field(default_factory=list)  # set by entities
    people: PeopleIndex = field(default_factory=PeopleIndex)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # set by quotes: inside the marks
    notes: dict[str, Any] = field(default_factory=dict)  # free-form hand-over between components
    facts: ArticleFacts = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = paragraphs(self.article.body)
        self.sentences = sentences(self.article.body)
        self._sentence_starts = [s.start for s in self.sentences]
        self.facts = ArticleFacts(self.article)

    # ---- text access -----------------------------------------------------------------------
    @property
    def body(self) -> str:
        return self.article.body

    @property
    def published(self) -> str | None:
        return self.article.published

    @property
    def doc(self) -> Doc:
        """The spaCy Doc of the body, made on first use (or handed in by a batched pipe)."""
        if self.doc_ is None:
            if self.nlp is None:
                raise RuntimeError("ArticleContext.doc needs a spaCy pipeline")
            self.doc_ = self.nlp(self.body)
        return self.doc_

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.body, start, end)

    def sentence_index_at(self, offset: int) -> int:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return max(0, min(i, len(self.sentences) - 1))

    def sentence_at(self, offset: int) -> Segment:
        return self.sentences[self.sentence_index_at(offset)]

    def sentence_evidence(self, offset: int) -> Evidence:
        s = self.sentence_at(offset)
        return self.evidence(s.start, s.end)

    def paragraph_at(self, offset: int) -> Segment | None:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return any(qs <= start and end <= qe for qs, qe in self.quote_spans)

    def gaz_in(self, start: int, end: int, kind: str | None = None) -> list[GazMention]:
        return [m for m in self.gaz if m.start >= start and m.end <= end and (kind is None or m.kind == kind)]

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        return [m for m in self.person_mentions if m.start >= start and m.end <= end]
