"""Schema migrations for the PostgreSQL store. ``MIGRATIONS[i]`` moves the schema from version i to i+1.

The tables mirror the SQLite store (``store/migrations.py``) so the two can be read the same way by
people and by other tools: one table per kind of fact, every fact row has ``article_id``, and
``evidence`` rows point at (fact_table, fact_id) with exact body offsets. Differences:

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

from touchline.errors import StoreError

if TYPE_CHECKING:
    import psycopg

# Serialises migrations (and batch writes, see postgres.py) between processes sharing one database.
MIGRATION_LOCK = 0x746F7563  # "touc"

V1 = """
CREATE TABLE articles (
    id TEXT COLLATE "C" PRIMARY KEY,  -- sha256 of the normalised body
    source TEXT NOT NULL,             -- path or URL it was read from
    published TEXT COLLATE "C",       -- YYYY-MM-DD or NULL
    title TEXT,
    body TEXT NOT NULL,               -- the text evidence offsets point into
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_facts (          -- the full contract object, for a lossless round trip
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    contract_json TEXT NOT NULL
);

CREATE TABLE matches (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,        -- order within the article
    home TEXT COLLATE "C", away TEXT COLLATE "C",
    home_score INTEGER, away_score INTEGER,
    status TEXT NOT NULL,             -- played | scheduled | unknown
    result TEXT,                      -- home_win | away_win | draw
    match_date TEXT COLLATE "C",      -- YYYY-MM-DD or YYYY-MM
    competition TEXT COLLATE "C", round TEXT, venue TEXT, referee TEXT, attendance INTEGER,
    half_time_home INTEGER, half_time_away INTEGER,
    penalties_home INTEGER, penalties_away INTEGER,
    flags TEXT                        -- comma-separated
);
CREATE INDEX matches_home ON matches(home);
CREATE INDEX matches_away ON matches(away);
CREATE INDEX matches_article ON matches(article_id);
CREATE INDEX matches_competition ON matches(competition);

CREATE TABLE goals (
    id BIGSERIAL PRIMARY KEY,
    match_id BIGINT NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    scorer TEXT COLLATE "C" NOT NULL, team TEXT COLLATE "C",
    minute INTEGER, added_time INTEGER, period TEXT, kind TEXT, assist TEXT
);
CREATE INDEX goals_match ON goals(match_id);
CREATE INDEX goals_scorer ON goals(scorer);

CREATE TABLE people (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL, team TEXT COLLATE "C"
);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_team ON people(team);

CREATE TABLE roles (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person TEXT COLLATE "C" NOT NULL, role TEXT NOT NULL, club TEXT COLLATE "C",
    event TEXT NOT NULL,              -- holds | appointed | sacked | resigned | left | joined
    as_of TEXT, start_date TEXT, end_date TEXT
);
CREATE INDEX roles_club ON roles(club);
CREATE INDEX roles_person ON roles(person);

CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT COLLATE "C", text TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE claims (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, subject TEXT COLLATE "C" NOT NULL, value TEXT NOT NULL
);
CREATE INDEX claims_subject ON claims(subject);

CREATE TABLE evidence (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_table TEXT NOT NULL,         -- matches | goals | people | roles | quotes | claims
    fact_id BIGINT NOT NULL,
    start_offset INTEGER NOT NULL,    -- articles.body[start_offset:end_offset] == text
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_fact ON evidence(fact_table, fact_id);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE VIEW mentions AS               -- every place a person is named, with the person
    SELECT e.article_id, p.name AS person, p.team, e.start_offset, e.end_offset, e.text
    FROM evidence e JOIN people p ON e.fact_table = 'people' AND e.fact_id = p.id;

CREATE TABLE results (                -- reference results (touchline results import)
    id BIGSERIAL PRIMARY KEY,
    competition TEXT COLLATE "C" NOT NULL, season TEXT COLLATE "C" NOT NULL, match_date TEXT COLLATE "C",
    home TEXT COLLATE "C" NOT NULL, away TEXT COLLATE "C" NOT NULL,
    home_score INTEGER NOT NULL, away_score INTEGER NOT NULL,
    round TEXT, stage TEXT NOT NULL DEFAULT 'regular',
    half_time_home INTEGER, half_time_away INTEGER,
    full_time_home INTEGER, full_time_away INTEGER,
    extra_time BOOLEAN NOT NULL DEFAULT false,
    penalties_home INTEGER, penalties_away INTEGER,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (competition, season, match_date, home, away)
);
CREATE INDEX results_season ON results(competition, season);

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

# Run before V1: the text search configuration its generated column needs.
_TEXT_SEARCH = "CREATE TEXT SEARCH CONFIGURATION touchline (COPY = pg_catalog.simple)"
_UNACCENT = (
    "ALTER TEXT SEARCH CONFIGURATION touchline ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, simple"
)

MIGRATIONS: tuple[str, ...] = (V1,)
LATEST = len(MIGRATIONS)


def current_version(conn: psycopg.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def migrate(conn: psycopg.Connection) -> int:
    """Apply every pending migration in one transaction, under an advisory lock. Returns the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        version = current_version(conn)
        if version > LATEST:
            raise StoreError(
                f"the store has schema version {version}, newer than this touchline ({LATEST}); upgrade touchline"
            )
        for target in range(version + 1, LATEST + 1):
            if target == 1:
                _text_search_config(conn)
            for statement in _statements(MIGRATIONS[target - 1]):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (%s, now())",
                (target,),
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


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our string literals)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
