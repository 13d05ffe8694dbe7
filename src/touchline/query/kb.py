"""The knowledge base: stored per-article facts merged into matches, people and tenures, with queries.

    import touchline
    kb = touchline.open_kb("touchline.db")
    kb.ask("who managed Southampton on 2024-12-18?").text
    kb.standings("Premier League", "2024-25", as_of="2025-05-25").rows[0].club

Merged views are computed from the store on first use and cached until the next ``ingest``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from touchline.errors import QueryError
from touchline.linking.gazetteer import Gazetteer, default_gazetteer
from touchline.models import ArticleFacts, Person, Quote, Role
from touchline.query.quote_table import quote_rows as _quote_rows
from touchline.query.search import search as _search
from touchline.query.search import search_page as _search_page
from touchline.query.types import (
    Answer,
    CheckResult,
    Cite,
    MergedLineupEntry,
    MergedMatch,
    PersonEntity,
    Table,
    Tenure,
    cites,
)
from touchline.resolve.details import attach_details
from touchline.resolve.matches import merge_matches
from touchline.resolve.people import canonical_names, merge_people
from touchline.resolve.tenures import InPost, build_tenures, in_post
from touchline.store import Store, open_store
from touchline.store.base import BatchResult, FactRecord, LedgerLink, ResultRecord, SourceRef
from touchline.store.loader import IngestReport


class KnowledgeBase:
    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self._gaz = gazetteer

    @classmethod
    def open(cls, path: str) -> KnowledgeBase:
        return cls(open_store(path))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    # ---- writing -------------------------------------------------------------------------
    def add(self, facts: Sequence[ArticleFacts]) -> BatchResult:
        from touchline.linking.ledger import relink
        from touchline.linking.ledger_seasons import settle

        result = self.store.add_batch(facts)
        relink(self.store, facts)
        settle(self.store)  # the new articles' people may settle older ambiguous links
        self.refresh()
        return result

    def ingest(self, paths: Iterable[str | Path], published: str | None = None) -> IngestReport:
        """Read, extract and store every article under ``paths`` (stored ones are skipped)."""
        from touchline.store.loader import ingest

        report = ingest(self.store, paths, published=published)
        self.refresh()
        return report

    def add_results(self, results: Sequence[ResultRecord]) -> int:
        from touchline.linking.ledger import relink

        n = self.store.add_results(results)
        relink(self.store)
        self.refresh()
        return n

    def refresh(self) -> None:
        for name in (
            "matches",
            "people",
            "tenures",
            "name_map",
            "_people_records",
            "_known_names",
            "known_clubs",
            "ledger_links",
            "article_windows",
        ):
            self.__dict__.pop(name, None)

    # ---- merged views --------------------------------------------------------------------
    @cached_property
    def matches(self) -> list[MergedMatch]:
        """Every match, merged across the articles that report it, oldest first."""
        links = {link.match_id: link for link in self.ledger_links if link.match_id is not None}
        windows = {aid: link.fixture.date or "" for aid, link in self.article_windows.items()}
        return merge_matches(attach_details(self.store, self.store.matches()), links, windows)

    @cached_property
    def ledger_links(self) -> list[LedgerLink]:
        """Every stored link of an extracted match to a reference result (``linking/ledger.py``)."""
        return self.store.ledger_links()

    @cached_property
    def article_windows(self) -> dict[str, LedgerLink]:
        """Undated article → its latest linked match: the article was published on or after that day."""
        from touchline.linking.ledger import inferred_windows

        undated = {link.article_id for link in self.ledger_links if not link.published}
        return inferred_windows(self.ledger_links, undated)

    def source_date(self, ref: SourceRef) -> str:
        """An article's date as shown to users: its publication date, else the window the ledger infers
        ("undated; inferred from the ledger: published on or after …"), else "undated"."""
        if ref.published:
            return ref.published
        inferred = self.inferred_published(ref.article_id)
        return f"undated; {inferred[1]}" if inferred else "undated"

    def inferred_published(self, article_id: str) -> tuple[str, str] | None:
        """(day, explanation) for an undated article whose matches the ledger dates, else None."""
        link = self.article_windows.get(article_id)
        if link is None or not link.fixture.date:
            return None
        f = link.fixture
        return f.date, (
            f"inferred from the ledger: published on or after {f.date}, "
            f"the date of {f.home} {f.home_score}-{f.away_score} {f.away} it reports"
        )

    @cached_property
    def _people_records(self) -> list[FactRecord[Person]]:
        return self.store.people()

    @cached_property
    def name_map(self) -> dict[str, str]:
        """Stored person name → canonical person name (a bare surname joins a unique full name)."""
        return {name: canon for (name, _team), canon in canonical_names(self._people_records).items()}

    @cached_property
    def people(self) -> list[PersonEntity]:
        return merge_people(self._people_records)

    @cached_property
    def _known_names(self) -> dict[str, str]:
        """Folded name → name, for every person, role holder and speaker."""
        from touchline.linking.people import fold

        names = {p.name for p in self.people} | {t.person for t in self.tenures}
        names |= {q.fact.speaker for q in self.store.quotes() if q.fact.speaker}
        sheets = {e.name for m in self.matches for side in ("home", "away") for e in m.lineup(side)}
        names |= {n for n in sheets if len(n.split()) > 1}  # a bare surname on a sheet is nobody yet
        return {fold(n): n for n in sorted(names)}

    @cached_property
    def tenures(self) -> list[Tenure]:
        return build_tenures(self._dated_roles(), self.name_map)

    def _dated_roles(self) -> list[FactRecord[Role]]:
        """Stored roles; a role in an undated article without an ``as_of`` of its own is dated on or after
        the day the ledger dates the article (``article_windows``). Dates the text states win."""
        roles = self.store.roles()
        windows = self.article_windows
        for rec in roles:
            link = windows.get(rec.ref.article_id)
            if link is not None and rec.fact.as_of is None and not rec.ref.published:
                rec.fact.as_of = link.fixture.date
        return roles

    @cached_property
    def known_clubs(self) -> set[str]:
        """Every club named by a merged match, a tenure or a reference result."""
        pairs = [(m.home, m.away) for m in self.matches] + [(r.home, r.away) for r in self.store.results()]
        return {club for pair in pairs for club in pair} | {t.club for t in self.tenures}

    # ---- lookups -------------------------------------------------------------------------
    def club_name(self, text: str) -> str:
        name = self.gazetteer.club(text, fuzzy=True) or self.gazetteer.club(text, context=self.known_clubs)
        if name:
            return name
        folded = {k.casefold(): k for k in self.known_clubs}
        if text.casefold() in folded:
            return folded[text.casefold()]
        raise QueryError(f"unknown club {text!r}")

    def person_name(self, text: str) -> str:
        """The canonical name of a person: exact, case-insensitive, surname, or a close spelling."""
        from touchline.linking.people import fold

        folded = self._known_names
        key = fold(text.strip())
        if key in folded:
            return self.name_map.get(folded[key], folded[key])
        by_surname = [n for k, n in folded.items() if len(k.split()) > 1 and k.split()[-1] == key]
        if len(set(by_surname)) == 1:
            return by_surname[0]
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, list(folded), scorer=fuzz.WRatio, score_cutoff=88)
        if best is not None:
            return folded[best[0]]
        raise QueryError(f"unknown person {text!r}")

    def competition_name(self, text: str) -> str:
        """The gazetteer's name for a competition (close spellings too), else ``text`` as given."""
        return self.gazetteer.competition(text, fuzzy=True) or text

    def find_matches(
        self, club: str | None = None, other: str | None = None, date: str | None = None
    ) -> list[MergedMatch]:
        out = []
        for m in self.matches:
            teams = {m.home, m.away}
            if (club and club not in teams) or (other and other not in teams):
                continue
            if date and m.date and not _near(m.date, date):
                continue
            if date and not m.date:
                continue
            out.append(m)
        return out

    def latest_lineup(
        self, club: str, before: str | None = None
    ) -> tuple[MergedMatch, list[MergedLineupEntry]] | None:
        """The most recent match (on or before ``before``) with a team sheet for ``club``, and that sheet."""
        for m in reversed(self.matches):
            if before and (not m.date or m.date > before):
                continue
            sheet = m.lineup(club)
            if sheet:
                return m, sheet
        return None

    def appearances(self, name: str) -> list[tuple[MergedMatch, str, MergedLineupEntry]]:
        """Team sheets naming this person, oldest first: (match, club, entry). A bare surname on a sheet
        counts only for a club the person is known at (surname + club, never surname alone)."""
        from touchline.resolve.details import surname_key

        canon = self.person_name(name)
        ent = next((p for p in self.people if p.name == canon), None)
        clubs = set(ent.clubs) if ent else set()
        clubs |= {t.club for t in self.tenures if t.person == canon}
        raw = {n for n, c in self.name_map.items() if c == canon} | {canon}
        out = []
        for m in self.matches:
            for side, club in (("home", m.home), ("away", m.away)):
                for e in m.lineup(side):
                    same = e.name in raw or self.name_map.get(e.name) == canon
                    bare = len(e.name.split()) == 1 and surname_key(e.name) == surname_key(canon)
                    if same or (bare and club in clubs):
                        out.append((m, club, e))
        return out

    def match(self, ident: str) -> MergedMatch | None:
        return next((m for m in self.matches if m.id.startswith(ident)), None)

    def person(self, name: str) -> PersonEntity | None:
        canon = self.person_name(name)
        return next((p for p in self.people if p.name == canon), None) or PersonEntity(
            canon, [], [], 0, None, None
        )

    def quotes_by(self, person: str, topic: str | None = None) -> list[FactRecord[Quote]]:
        canon = self.person_name(person)
        raw = [n for n, c in self.name_map.items() if c == canon] or [canon]
        found = [q for n in {canon, *raw} for q in self.store.quotes(n)]
        if topic:
            words = [w.casefold() for w in topic.split() if len(w) > 2]
            found = [q for q in found if all(w in q.fact.text.casefold() for w in words)] or [
                q for q in found if any(w in q.fact.text.casefold() for w in words)
            ]
        return sorted(found, key=lambda q: (q.ref.published or "", q.fact_id))

    def in_post(
        self, club: str, date: str, roles: Iterable[str] = ("manager", "interim_manager")
    ) -> list[InPost]:
        return in_post(self.tenures, club, date, tuple(roles))

    def club_tenures(self, club: str) -> list[Tenure]:
        return [t for t in self.tenures if t.club == club]

    # ---- tables, checks, search, questions -----------------------------------------------
    def ledger(self, competition: str, season: str):  # type: ignore[no-untyped-def]
        from touchline.query.standings import ledger_from_matches, ledger_from_results

        reference = self.store.results(competition, season)
        if reference:
            return ledger_from_results(reference), "reference results"
        return ledger_from_matches(self.matches, competition, season), "article reports"

    def standings(self, competition: str, season: str, as_of: str | None = None) -> Table:
        from touchline.query.standings import compute_table

        comp = self.competition_name(competition)
        entries, source = self.ledger(comp, season)
        if not entries:
            raise QueryError(
                f"no results for {comp} {season}: import them with `touchline results import` or ingest reports"
            )
        return compute_table(entries, comp, season, as_of, source)

    def check(self) -> list[CheckResult]:
        from touchline.query.checks import check_all

        return check_all(self)

    # kb.search(text, club=, person=, competition=, date_from=, date_to=, kinds=, limit=) → list[Hit]
    search = _search
    # kb.search_page(text, ..., limit=, offset=) → SearchPage (hits, true total, near-duplicates collapsed)
    search_page = _search_page

    def ask(self, question: str) -> Answer:
        from touchline.query.ask import answer

        return answer(self, question)

    def summary(self) -> dict[str, int]:
        counts = self.store.counts()
        counts["merged_matches"] = len(self.matches)
        counts["distinct_people"] = len(self.people)
        counts["tenures"] = len(self.tenures)
        return counts

    def evidence_for(self, facts: FactRecord[Quote]) -> list[Cite]:
        return cites(facts.ref, facts.fact.evidence)

    # kb.quote_rows(speaker, club, date_from, date_to) → quotes as rows: article, the speaker's role and
    # club at the time, the match it followed (``query.quote_table``)
    quote_rows = _quote_rows

    def quotes_frame(self, **filters: str | None) -> Any:
        """``quote_rows`` as a pandas DataFrame, for analysis (same filters)."""
        from touchline.query.quote_table import quotes_frame

        return quotes_frame(self, **filters)


def _near(a: str, b: str, days: int = 3) -> bool:
    from touchline.resolve.matches import to_date

    da, db = to_date(a), to_date(b)
    if da is None or db is None:
        return a[: len(b)] == b[: len(a)]
    return abs((da - db).days) <= days
