"""Schema migrations for the SQLite store. ``MIGRATIONS[i]`` moves the schema from version i to i+1.

Never edit a migration that has shipped; append a new one. Table and column names are meant to be
read by people opening the file in other SQLite tools: one table per kind of fact, every fact row
has ``article_id``, and ``evidence`` rows point at (fact_table, fact_id) with exact body offsets.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,              -- sha256 of the normalised body
    source TEXT NOT NULL,             -- path or URL it was read from
    published TEXT,                   -- YYYY-MM-DD or NULL
    title TEXT,
    body TEXT NOT NULL,               -- the text evidence offsets point into
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_facts (          -- the full contract object, for a lossless round trip
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    contract_json TEXT NOT NULL
);

CREATE TABLE matches (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,        -- order within the article
    home TEXT, away TEXT,
    home_score INTEGER, away_score INTEGER,
    status TEXT NOT NULL,             -- played | scheduled | unknown
    result TEXT,                      -- home_win | away_win | draw
    match_date TEXT,                  -- YYYY-MM-DD or YYYY-MM
    competition TEXT, round TEXT, venue TEXT, referee TEXT, attendance INTEGER,
    half_time_home INTEGER, half_time_away INTEGER,
    penalties_home INTEGER, penalties_away INTEGER,
    flags TEXT                        -- comma-separated
);
CREATE INDEX matches_home ON matches(home);
CREATE INDEX matches_away ON matches(away);
CREATE INDEX matches_article ON matches(article_id);

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    scorer TEXT NOT NULL, team TEXT,
    minute INTEGER, added_time INTEGER, period TEXT, kind TEXT, assist TEXT
);
CREATE INDEX goals_match ON goals(match_id);
CREATE INDEX goals_scorer ON goals(scorer);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, team TEXT
);
CREATE INDEX people_name ON people(name);

CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person TEXT NOT NULL, role TEXT NOT NULL, club TEXT,
    event TEXT NOT NULL,              -- holds | appointed | sacked | resigned | left | joined
    as_of TEXT, start_date TEXT, end_date TEXT
);
CREATE INDEX roles_club ON roles(club);
CREATE INDEX roles_person ON roles(person);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT, text TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, subject TEXT NOT NULL, value TEXT NOT NULL
);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_table TEXT NOT NULL,         -- matches | goals | people | roles | quotes | claims
    fact_id INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,    -- articles.body[start_offset:end_offset] == text
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_fact ON evidence(fact_table, fact_id);

CREATE VIEW mentions AS               -- every place a person is named, with the person
    SELECT e.article_id, p.name AS person, p.team, e.start_offset, e.end_offset, e.text
    FROM evidence e JOIN people p ON e.fact_table = 'people' AND e.fact_id = p.id;

CREATE TABLE results (                -- reference results (touchline results import)
    id INTEGER PRIMARY KEY,
    competition TEXT NOT NULL, season TEXT NOT NULL, match_date TEXT,
    home TEXT NOT NULL, away TEXT NOT NULL,
    home_score INTEGER NOT NULL, away_score INTEGER NOT NULL,
    round TEXT, stage TEXT NOT NULL DEFAULT 'regular',
    half_time_home INTEGER, half_time_away INTEGER,
    full_time_home INTEGER, full_time_away INTEGER,
    extra_time INTEGER NOT NULL DEFAULT 0,
    penalties_home INTEGER, penalties_away INTEGER,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (competition, season, match_date, home, away)
);
CREATE INDEX results_season ON results(competition, season);

CREATE VIRTUAL TABLE search_index USING fts5(
    text, kind UNINDEXED, article_id UNINDEXED, fact_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

MIGRATIONS: tuple[str, ...] = (V1,)
LATEST = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every pending migration, each in its own transaction. Returns the resulting version."""
    version = current_version(conn)
    conn.commit()
    if version > LATEST:
        from touchline.errors import StoreError

        raise StoreError(
            f"the store has schema version {version}, newer than this touchline ({LATEST}); upgrade touchline"
        )
    for target in range(version + 1, LATEST + 1):
        script = MIGRATIONS[target - 1]
        conn.execute("BEGIN")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (target,),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return LATEST


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our string literals)."""
    lines = [line.split("--", 1)[0] if "'--" not in line else line for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
