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
from touchline.nlp.budget import check
from touchline.nlp.model_text import make_doc
from touchline.nlp.segment import Segment, paragraphs, sentences
from touchline.nlp.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    canonical: str


class TrackedList(list):  # type: ignore[type-arg]
    """A list that counts its in-place changes, so an index built over it knows when it is stale."""

    version = 0

    def _bump(self) -> None:
        self.version += 1


def _tracking(name: str):  # type: ignore[no-untyped-def]
    base = getattr(list, name)

    def method(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._bump()
        return base(self, *args, **kwargs)

    method.__name__ = name
    return method


for _name in (
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "sort",
    "reverse",
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
):
    setattr(TrackedList, _name, _tracking(_name))

_TRACKED = frozenset({"gaz", "person_mentions", "quote_spans"})


@dataclass
class ArticleContext:
    article: Article
    gazetteer: Gazetteer
    nlp: Language | None = None
    doc_: Doc | None = None
    deadline: float | None = None  # time.thread_time() value after which extraction gives up (nlp/budget.py)
    paragraphs: list[Segment] = field(init=False)
    sentences: list[Segment] = field(init=False)
    gaz: list[GazMention] = field(default_factory=list)  # clubs, competitions, stadiums (set by entities)
    person_mentions: list[PersonMention] = field(default_factory=list)  # set by entities
    people: PeopleIndex = field(default_factory=PeopleIndex)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # set by quotes: inside the marks
    notes: dict[str, Any] = field(default_factory=dict)  # free-form hand-over between components
    facts: ArticleFacts = field(init=False)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _TRACKED and type(value) is not TrackedList:
            value = TrackedList(value)
        super().__setattr__(name, value)

    def __post_init__(self) -> None:
        self.paragraphs = paragraphs(self.article.body)
        self.sentences = sentences(self.article.body)
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._indexes: dict[str, tuple[int, int, SpanIndex[Any]]] = {}
        self.facts = ArticleFacts(self.article)

    def _index(self, name: str, kind: str | None = None) -> SpanIndex[Any]:
        """A SpanIndex over ``self.<name>`` (only items of ``kind`` for the gazetteer), rebuilt when the
        list was replaced or changed in place."""
        items = getattr(self, name)
        key = f"{name}:{kind}"
        stamp = (id(items), items.version)
        cached = self._indexes.get(key)
        if cached is not None and cached[:2] == stamp:
            return cached[2]
        if name == "quote_spans":
            index: SpanIndex[Any] = SpanIndex(items, lambda x: x)
        else:
            chosen = items if kind is None else [m for m in items if m.kind == kind]
            index = SpanIndex(chosen, lambda m: (m.start, m.end))
        self._indexes[key] = (*stamp, index)
        return index

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
            self.doc_ = make_doc(self.nlp, self.body, self.check_deadline)
        return self.doc_

    def check_deadline(self) -> None:
        """Raise ``TooComplex`` when this article's time budget is spent (cheap: call it in long loops)."""
        check(self.deadline)

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
        # paragraphs are disjoint and in text order: only the last one starting at or before offset can hold it
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return self._index("quote_spans").covers(start, end)

    def gaz_in(self, start: int, end: int, kind: str | None = None) -> list[GazMention]:
        return self._index("gaz", kind).within(start, end)

    def gaz_covering(self, start: int, end: int) -> GazMention | None:
        """The first gazetteer mention (in list order) that covers body[start:end]."""
        return self._index("gaz").first_covering(start, end)  # type: ignore[no-any-return]

    def gaz_overlapping(self, start: int, end: int) -> bool:
        """Any gazetteer mention overlaps body[start:end]."""
        return self._index("gaz").overlaps(start, end)

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        return self._index("person_mentions").within(start, end)
