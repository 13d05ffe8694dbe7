"""Schema migrations. ``MIGRATIONS[i]`` moves the schema from version i to i+1.

The tables are written once (``TABLES_V1``) for both stores, with the few column types that differ
left as fields: ``render(TABLES_V1, SQLITE_TYPES)`` is the SQLite schema, ``postgres_migrations.py``
renders the PostgreSQL one. This module also holds the migration steps both stores run, and the
SQLite store's ``migrate``.

Never edit a migration that has shipped; append a new one. Table and column names are meant to be
read by people opening the file in other tools: one table per kind of fact, every fact row has
``article_id``, and ``evidence`` rows point at (fact_table, fact_id) with exact body offsets.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol

from touchline.errors import StoreError

# Fields: KEY a text column that is compared or sorted, ID a row id, REF a column holding one,
# NOW the ingestion timestamp, FLAG a true/false column.
TABLES_V1 = """
CREATE TABLE articles (
    id {KEY} PRIMARY KEY,              -- sha256 of the normalised body
    source TEXT NOT NULL,             -- path or URL it was read from
    published {KEY},                   -- YYYY-MM-DD or NULL
    title TEXT,
    body TEXT NOT NULL,               -- the text evidence offsets point into
    ingested_at {NOW}
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_facts (          -- the full contract object, for a lossless round trip
    article_id {KEY} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    contract_json TEXT NOT NULL
);

CREATE TABLE matches (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,        -- order within the article
    home {KEY}, away {KEY},
    home_score INTEGER, away_score INTEGER,
    status TEXT NOT NULL,             -- played | scheduled | unknown
    result TEXT,                      -- home_win | away_win | draw
    match_date {KEY},                  -- YYYY-MM-DD or YYYY-MM
    competition {KEY}, round TEXT, venue TEXT, referee TEXT, attendance INTEGER,
    half_time_home INTEGER, half_time_away INTEGER,
    penalties_home INTEGER, penalties_away INTEGER,
    flags TEXT                        -- comma-separated
);
CREATE INDEX matches_home ON matches(home);
CREATE INDEX matches_away ON matches(away);
CREATE INDEX matches_article ON matches(article_id);

CREATE TABLE goals (
    id {ID},
    match_id {REF} NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    scorer {KEY} NOT NULL, team {KEY},
    minute INTEGER, added_time INTEGER, period TEXT, kind TEXT, assist TEXT
);
CREATE INDEX goals_match ON goals(match_id);
CREATE INDEX goals_scorer ON goals(scorer);

CREATE TABLE people (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name {KEY} NOT NULL, team {KEY}
);
CREATE INDEX people_name ON people(name);

CREATE TABLE roles (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person {KEY} NOT NULL, role TEXT NOT NULL, club {KEY},
    event TEXT NOT NULL,              -- holds | appointed | sacked | resigned | left | joined
    as_of TEXT, start_date TEXT, end_date TEXT
);
CREATE INDEX roles_club ON roles(club);
CREATE INDEX roles_person ON roles(person);

CREATE TABLE quotes (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker {KEY}, text TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE claims (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, subject {KEY} NOT NULL, value TEXT NOT NULL
);

CREATE TABLE evidence (
    id {ID},
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_table TEXT NOT NULL,         -- matches | goals | people | roles | quotes | claims
    fact_id {REF} NOT NULL,
    start_offset INTEGER NOT NULL,    -- articles.body[start_offset:end_offset] == text
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_fact ON evidence(fact_table, fact_id);

CREATE VIEW mentions AS               -- every place a person is named, with the person
    SELECT e.article_id, p.name AS person, p.team, e.start_offset, e.end_offset, e.text
    FROM evidence e JOIN people p ON e.fact_table = 'people' AND e.fact_id = p.id;

CREATE TABLE results (                -- reference results (touchline results import)
    id {ID},
    competition {KEY} NOT NULL, season {KEY} NOT NULL, match_date {KEY},
    home {KEY} NOT NULL, away {KEY} NOT NULL,
    home_score INTEGER NOT NULL, away_score INTEGER NOT NULL,
    round TEXT, stage TEXT NOT NULL DEFAULT 'regular',
    half_time_home INTEGER, half_time_away INTEGER,
    full_time_home INTEGER, full_time_away INTEGER,
    extra_time {FLAG},
    penalties_home INTEGER, penalties_away INTEGER,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (competition, season, match_date, home, away)
);
CREATE INDEX results_season ON results(competition, season);

"""

SQLITE_TYPES = {
    "KEY": "TEXT",
    "ID": "INTEGER PRIMARY KEY",
    "REF": "INTEGER",
    "NOW": "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    "FLAG": "INTEGER NOT NULL DEFAULT 0",
}


def render(template: str, types: dict[str, str]) -> str:
    """``template`` with its fields (``{KEY}``, ``{ID}``…) replaced by a dialect's column types."""
    return template.format(**types)


V1 = (
    render(TABLES_V1, SQLITE_TYPES)
    + """CREATE VIRTUAL TABLE search_index USING fts5(
    text, kind UNINDEXED, article_id UNINDEXED, fact_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
)

# Version 2: links from extracted matches to the reference result (ledger fixture) they report
# (``linking/ledger.py``). A fixture is named by the results table's key, so re-importing results
# keeps the links; evidence rows of a link use fact_table = 'ledger_links'.
TABLES_V2 = """
CREATE TABLE ledger_links (
    id {ID},
    match_id {REF} NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    article_id {KEY} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    status {KEY} NOT NULL,            -- linked | contradicted | ambiguous
    competition {KEY} NOT NULL, season {KEY} NOT NULL, match_date {KEY},  -- the fixture (results key)
    home {KEY} NOT NULL, away {KEY} NOT NULL,
    home_score INTEGER NOT NULL, away_score INTEGER NOT NULL,  -- the fixture's final score
    candidates INTEGER NOT NULL,      -- fixtures of these clubs in the window
    reason TEXT NOT NULL
);
CREATE INDEX ledger_links_match ON ledger_links(match_id);
CREATE INDEX ledger_links_article ON ledger_links(article_id);
CREATE INDEX ledger_links_fixture ON ledger_links(competition, season, home, away);

CREATE VIEW article_windows AS        -- undated articles: published on or after their latest linked match
    SELECT l.article_id, MAX(l.match_date) AS published_on_or_after, COUNT(*) AS linked_matches
    FROM ledger_links l JOIN articles a ON a.id = l.article_id
    WHERE l.status = 'linked' AND a.published IS NULL AND l.match_date IS NOT NULL
    GROUP BY l.article_id;
"""


# Version 3: why an article was stored without facts (NULL: extracted). "too complex, not extracted (...)"
# marks an article over its extraction budget (touchline.nlp.budget), kept for a later re-extraction.
V3 = "ALTER TABLE articles ADD COLUMN extraction TEXT"

MIGRATIONS: tuple[str, ...] = (V1, render(TABLES_V2, SQLITE_TYPES), V3)
LATEST = len(MIGRATIONS)


class Connection(Protocol):
    """What the migration steps need of a connection (sqlite3 and psycopg both have it)."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of an SQLite file that is not a touchline store: it has tables but no
    ``schema_version`` (touchline's marker, created before anything else). Empty for a new file or a
    touchline store. Reads only, so a foreign file is left exactly as it was."""
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        if not r[0].startswith("sqlite_")
    ]
    return [] if not names or "schema_version" in names else names


def current_version(conn: Connection, timestamp: str = "TEXT") -> int:
    """The schema version (0 for a new database); creates the ``schema_version`` table if needed."""
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at {timestamp} NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def pending(version: int, latest: int) -> range:
    """The migrations to apply after ``version``; a store newer than this code is an error."""
    if version > latest:
        raise StoreError(
            f"the store has schema version {version}, newer than this touchline ({latest}); upgrade touchline"
        )
    return range(version + 1, latest + 1)


def apply(conn: Connection, script: str, stamp: str, target: int) -> None:
    """Run one migration script and record ``target`` with the ``stamp`` INSERT (inside the caller's
    transaction)."""
    for statement in statements(script):
        conn.execute(statement)
    conn.execute(stamp, (target,))


def statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our string literals)."""
    lines = [line.split("--", 1)[0] if "'--" not in line else line for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version, read without writing; None when there is no ``schema_version`` table yet."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every pending migration, each in its own ``BEGIN IMMEDIATE`` transaction. Returns the
    resulting version.

    Safe when several processes open (and create) the same new store at once: the version is read
    again after the write lock is taken, so a migration another process applied meanwhile is never
    applied twice. An up-to-date store is not written to at all.
    """
    if (stored_version(conn) or 0) == LATEST:
        return LATEST
    while True:
        conn.execute("BEGIN IMMEDIATE")  # waits (busy handler) for another process creating the store
        try:
            version = current_version(conn)
            todo = pending(version, LATEST)
            if not todo:
                conn.execute("COMMIT")
                return LATEST
            target = todo[0]
            apply(
                conn,
                MIGRATIONS[target - 1],
                "INSERT INTO schema_version (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                target,
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
