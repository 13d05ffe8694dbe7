"""Schema migrations for the PostgreSQL store. ``MIGRATIONS[i]`` moves the schema from version i to i+1.

The tables are the SQLite store's (``TABLES_V1`` in ``store/migrations.py``, rendered here with
PostgreSQL column types) so the two can be read the same way by people and by other tools: one table
per kind of fact, every fact row has ``article_id``, and ``evidence`` rows point at (fact_table,
fact_id) with exact body offsets. Differences:

- ids are ``BIGSERIAL``; the store reserves them per batch with ``nextval`` so it can write with COPY;
- text columns that are compared or sorted use the "C" collation, so ordering is byte-wise as in SQLite;
- full-text search is a ``search_index`` table with a stored ``tsvector`` column (GIN index) built with
  the ``touchline`` text search configuration: the ``simple`` dictionary (no stemming, no stop words,
  like FTS5's unicode61 tokenizer) behind ``unaccent`` when that extension can be created, so
  "jimenez" finds "Jiménez".

Never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from touchline.store.migrations import TABLES_V1, TABLES_V2, V3, apply, current_version, pending, render

if TYPE_CHECKING:
    import psycopg

# Serialises migrations (and batch writes, see postgres.py) between processes sharing one database.
MIGRATION_LOCK = 0x746F7563  # "touc"

POSTGRES_TYPES = {
    "KEY": 'TEXT COLLATE "C"',
    "ID": "BIGSERIAL PRIMARY KEY",
    "REF": "BIGINT",
    "NOW": "TIMESTAMPTZ NOT NULL DEFAULT now()",
    "FLAG": "BOOLEAN NOT NULL DEFAULT false",
}

V1 = (
    render(TABLES_V1, POSTGRES_TYPES)
    + """
CREATE INDEX matches_competition ON matches(competition);
CREATE INDEX people_team ON people(team);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE TABLE search_index (           -- article bodies and quotes, for full-text search
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,               -- article | quote
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_id BIGINT,                   -- quotes.id for a quote
    published TEXT COLLATE "C",       -- the article's, so date filters need no join
    text TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('touchline', text)) STORED
);
CREATE INDEX search_index_tsv ON search_index USING GIN (tsv);
CREATE INDEX search_index_article ON search_index(article_id)
"""
)

# Run before V1: the text search configuration its generated column needs.
_TEXT_SEARCH = "CREATE TEXT SEARCH CONFIGURATION touchline (COPY = pg_catalog.simple)"
_UNACCENT = (
    "ALTER TEXT SEARCH CONFIGURATION touchline ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, simple"
)

MIGRATIONS: tuple[str, ...] = (V1, render(TABLES_V2, POSTGRES_TYPES), V3)
LATEST = len(MIGRATIONS)


def migrate(conn: psycopg.Connection) -> int:
    """Apply every pending migration in one transaction, under an advisory lock. Returns the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        for target in pending(current_version(conn, "TIMESTAMPTZ"), LATEST):
            if target == 1:
                _text_search_config(conn)
            apply(
                conn,
                MIGRATIONS[target - 1],
                "INSERT INTO schema_version (version, applied_at) VALUES (%s, now())",
                target,
            )
    return LATEST


def _text_search_config(conn: psycopg.Connection) -> None:
    """The ``touchline`` configuration; accent folding only when ``unaccent`` can be created."""
    import psycopg

    exists = conn.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'touchline'").fetchone()
    if exists:
        return
    conn.execute(_TEXT_SEARCH)
    try:
        with conn.transaction():  # a savepoint: without the extension we still get a working store
            conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            conn.execute(_UNACCENT)
    except psycopg.Error:
        pass
