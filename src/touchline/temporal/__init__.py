"""Relative dates resolved against a publication date, and football seasons."""

from touchline.temporal.relative import (
    Season,
    find_date_expressions,
    parse_season,
    resolve_relative_date,
    season_of,
)

__all__ = ["Season", "find_date_expressions", "parse_season", "resolve_relative_date", "season_of"]
