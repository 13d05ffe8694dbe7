"""One exception tree for touchline. The CLI turns any TouchlineError into one readable line."""

from __future__ import annotations


class TouchlineError(Exception):
    """Base class of every error touchline raises on purpose."""


class InputError(TouchlineError):
    """An input file or text could not be read as an article.

    ``source`` names the file (or "<stdin>", or a JSON Lines file with ``:line``).
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StoreError(TouchlineError):
    """The store could not be opened, migrated or written."""


class GazetteerError(TouchlineError):
    """A gazetteer data file or an import source is malformed."""


class QueryError(TouchlineError):
    """A query or question could not be understood."""
