"""Score contract output against gold files, category by category.

The categories and rules of spec/score.py (published, matches, scores, match_fields, goals,
goal_fields, roles, people, quotes, claims, evidence), re-implemented here so the project runs
without ../shared, plus team-sheet categories (lineups, substitutions, cards, referee,
attendance) scored only where a gold match carries those keys, ``traps``: each gold
"not_matches" entry is a true positive when no unlisted output match reports that scoreline, and
``other_sport``: each article whose gold says ``"sport"`` is not football is a true positive when the
output holds no football fact (no match, role or claim).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from touchline.eval.names import norm, player_ok, same, text_norm

CATEGORIES: tuple[str, ...] = (
    "published",
    "matches",
    "scores",
    "match_fields",
    "goals",
    "goal_fields",
    "roles",
    "people",
    "quotes",
    "claims",
    "evidence",
    "lineups",
    "substitutions",
    "cards",
    "referee",
    "attendance",
    "traps",
    "other_sport",
)
# the categories of spec/score.py; the rest are this project's extensions
REFERENCE_CATEGORIES = CATEGORIES[:11]
MATCH_FIELDS = ("status", "date", "competition", "round", "venue")
GOAL_FIELDS = ("team", "minute", "added", "period", "kind", "assist")

Json = dict[str, Any]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses.extend(other.misses)

    def hit(self, ok: bool, miss: str = "", *, wrong_is_fp: bool = False) -> None:
        """Count one judged item: tp when ok, else fn (or fp when ``wrong_is_fp``)."""
        if ok:
            self.tp += 1
            return
        if wrong_is_fp:
            self.fp += 1
        else:
            self.fn += 1
        if miss:
            self.misses.append(miss)


def new_tallies() -> dict[str, Tally]:
    return {k: Tally() for k in CATEGORIES}


def find_match(gm: Mapping[str, Any], matches: Iterable[Json], used: set[int] | frozenset[int] = frozenset()):  # type: ignore[no-untyped-def]
    """The output match for gold match ``gm``: same orientation first, then swapped; never one used."""
    free = [m for m in matches if id(m) not in used]
    for m in free:
        if same(gm.get("home"), m.get("home")) and same(gm.get("away"), m.get("away")):
            return m, False
    for m in free:
        if same(gm.get("home"), m.get("away")) and same(gm.get("away"), m.get("home")):
            return m, True
    return None, False


def score_article(name: str, gold: Json, out: Json | None, T: dict[str, Tally]) -> None:
    """Add one article's counts to the tallies ``T``."""
    if out is None:
        # as spec/score.py: one miss in each of its categories; the team-sheet categories miss
        # what the gold states
        for k in REFERENCE_CATEGORIES:
            T[k].fn += 1
        T["matches"].misses.append(f"{name}: no output")
        for gm in gold.get("matches") or []:
            if not gm.get("optional"):
                _score_sheet(name, gm, None, False, T)
        return
    art = out.get("article") or {}
    body = art.get("body") or ""
    T["published"].hit(
        art.get("published") == gold.get("published"),
        f"{name}: published want {gold.get('published')!r} got {art.get('published')!r}",
    )
    _score_matches(name, gold, out.get("matches") or [], T)
    _score_roles(name, gold, out.get("roles") or [], T)
    _score_people(name, gold, out.get("people") or [], T)
    _score_quotes(name, gold, out.get("quotes") or [], T)
    _score_claims(name, gold, out.get("claims") or [], T)
    _score_other_sport(name, gold, out, T)
    for kind in ("matches", "roles", "quotes", "claims"):
        for fact in out.get(kind) or []:
            for ev in fact.get("evidence") or [None]:
                ok = bool(
                    ev and ev.get("text") and body[ev.get("start", 0) : ev.get("end", 0)] == ev.get("text")
                )
                T["evidence"].hit(ok, f"{name}: bad evidence in {kind}: {ev!r}"[:160], wrong_is_fp=True)


# ---- matches ----------------------------------------------------------------------------------


def _score_matches(name: str, gold: Json, matches: list[Json], T: dict[str, Tally]) -> None:
    used: set[int] = set()
    gold_matches = gold.get("matches") or []
    # required gold matches claim their output first, so an optional one cannot steal it
    for gm in sorted(gold_matches, key=lambda x: bool(x.get("optional"))):
        label = f"{gm.get('home')} v {gm.get('away')}"
        m, swapped = find_match(gm, matches, used)
        if m is None:
            if not gm.get("optional"):
                T["matches"].hit(False, f"{name}: missing match {label}")
                T["goals"].fn += len(gm.get("goals") or [])  # a missed match misses its goals too
                _score_sheet(name, gm, None, False, T)
            continue
        used.add(id(m))
        T["matches"].tp += 1
        if swapped and gm.get("home_score") is not None:
            T["match_fields"].hit(False, f"{name}: home/away swapped for {label}")
        if gm.get("home_score") is not None:
            hs, as_ = (
                (m.get("away_score"), m.get("home_score"))
                if swapped
                else (m.get("home_score"), m.get("away_score"))
            )
            ok = (hs, as_) == (gm["home_score"], gm["away_score"])
            T["scores"].hit(
                ok,
                f"{name}: score {gm['home']} {gm['home_score']}-{gm['away_score']} {gm['away']} got {hs}-{as_}",
                wrong_is_fp=True,
            )
        for f in MATCH_FIELDS:
            if gm.get(f) is None:
                continue
            got = m.get(f)
            if f in ("status", "date"):
                ok = got == gm[f]
            else:
                ok = same(gm[f], got) or (
                    f == "round"
                    and (norm(gm[f]) or "").replace(" ", "") == (norm(got) or "").replace(" ", "")
                )
            T["match_fields"].hit(ok, f"{name}: {label} {f}: want {gm[f]!r} got {got!r}")
        _score_goals(name, gm.get("goals") or [], list(m.get("goals") or []), T)
        _score_sheet(name, gm, m, swapped, T)
    for m in matches:
        if id(m) in used:
            continue
        # an unlisted match is an error unless gold lists it as optional
        if not any(gm.get("optional") and find_match(gm, [m])[0] for gm in gold_matches):
            T["matches"].fp += 1
            T["matches"].misses.append(
                f"{name}: extra match {m.get('home')} {m.get('home_score')}-{m.get('away_score')} {m.get('away')}"
            )
    _score_traps(name, gold, [m for m in matches if id(m) not in used], T)


def _score_goals(name: str, ggoals: list[Json], egoals: list[Json], T: dict[str, Tally]) -> None:
    for gg in ggoals:
        hit = next((e for e in egoals if same(gg["scorer"], e.get("scorer"))), None)
        if hit is None:
            T["goals"].hit(False, f"{name}: missing goal {gg['scorer']}")
            continue
        egoals.remove(hit)
        T["goals"].tp += 1
        for f in GOAL_FIELDS:
            if gg.get(f) is None:
                continue
            got = hit.get(f)
            ok = same(gg[f], got) if f in ("team", "assist") else got == gg[f]
            T["goal_fields"].hit(ok, f"{name}: goal {gg['scorer']} {f}: want {gg[f]!r} got {got!r}")
    T["goals"].fp += len(egoals)
    T["goals"].misses.extend(f"{name}: extra goal {e.get('scorer')}" for e in egoals)


def _score_traps(name: str, gold: Json, extra: list[Json], T: dict[str, Tally]) -> None:
    for trap in gold.get("not_matches") or []:

        def fell(m: Json, trap: Json = trap) -> bool:
            if (m.get("home_score"), m.get("away_score")) not in (
                (trap.get("home_score"), trap.get("away_score")),
                (trap.get("away_score"), trap.get("home_score")),
            ):
                return False
            teams = [t for t in (trap.get("home"), trap.get("away")) if t]
            return all(same(t, m.get("home")) or same(t, m.get("away")) for t in teams)

        caught = any(fell(m) for m in extra)
        T["traps"].hit(not caught, f"{name}: reported non-result {trap}", wrong_is_fp=True)


# ---- team sheets ------------------------------------------------------------------------------


def _score_sheet(name: str, gm: Json, m: Json | None, swapped: bool, T: dict[str, Tally]) -> None:
    """Lineups, substitutions, cards, referee and attendance, where gold states them."""
    label = f"{gm.get('home')} v {gm.get('away')}"
    if "lineups" in gm:
        got_lineups = (m or {}).get("lineups") or {}
        for side in ("home", "away"):
            other = ("away" if side == "home" else "home") if swapped else side
            _score_side(
                f"{name}: {label} {side}",
                gm["lineups"].get(side) or [],
                list(got_lineups.get(other) or []),
                T,
            )
    if "cards" in gm:
        got_cards = list((m or {}).get("cards") or [])
        for gc in gm["cards"]:
            hit = next(
                (
                    c
                    for c in got_cards
                    if same(gc["person"], c.get("person")) or player_ok(gc["person"], c.get("person"))
                ),
                None,
            )
            ok = (
                hit is not None
                and hit.get("colour") == gc.get("colour")
                and (gc.get("minute") is None or hit.get("minute") == gc["minute"])
            )
            if hit is not None:
                got_cards.remove(hit)
            T["cards"].hit(
                ok,
                f"{name}: {label} card {gc} got {hit and {k: hit.get(k) for k in ('person', 'minute', 'colour')}}",
            )
        T["cards"].fp += len(got_cards)
        T["cards"].misses.extend(
            f"{name}: {label} extra card {c.get('person')} {c.get('colour')}" for c in got_cards
        )
    for key in ("referee", "attendance"):
        if key not in gm:
            continue
        want, got = gm[key], (m or {}).get(key)
        if want is None:
            if got is not None:
                T[key].hit(False, f"{name}: {label} {key}: want None got {got!r}", wrong_is_fp=True)
            continue
        ok = same(want, got) if key == "referee" else got == want
        T[key].hit(ok, f"{name}: {label} {key}: want {want!r} got {got!r}")
        if not ok and got is not None:
            T[key].fp += 1


def _score_side(label: str, gold_side: list[Json], got_side: list[Json], T: dict[str, Tally]) -> None:
    for gp in gold_side:
        hit = next((p for p in got_side if player_ok(gp["name"], p.get("name"))), None)
        if hit is not None:
            got_side.remove(hit)
        starter = bool(gp.get("starter", True))
        T["lineups"].hit(
            hit is not None and bool(hit.get("starter", True)) == starter,
            f"{label}: player {gp['name']} (starter={starter}) got {hit and hit.get('starter')}",
        )
        if gp.get("captain"):
            T["lineups"].hit(bool(hit and hit.get("captain")), f"{label}: captain {gp['name']} not flagged")
        elif hit is not None and hit.get("captain"):
            T["lineups"].hit(False, f"{label}: {gp['name']} flagged captain", wrong_is_fp=True)
        for key in ("subbed_on", "subbed_off"):
            want, got = gp.get(key), (hit or {}).get(key)
            if want is None and got is None:
                continue
            if want is None:
                T["substitutions"].hit(
                    False, f"{label}: {gp['name']} {key} want None got {got!r}", wrong_is_fp=True
                )
                continue
            T["substitutions"].hit(got == want, f"{label}: {gp['name']} {key} want {want!r} got {got!r}")
            if got is not None and got != want:
                T["substitutions"].fp += 1
    for p in got_side:
        T["lineups"].fp += 1
        T["lineups"].misses.append(f"{label}: extra player {p.get('name')!r}")
        T["substitutions"].fp += sum(p.get(k) is not None for k in ("subbed_on", "subbed_off"))


# ---- people, roles, quotes, claims ------------------------------------------------------------


def _score_roles(name: str, gold: Json, roles: list[Json], T: dict[str, Tally]) -> None:
    gold_roles = gold.get("roles") or []
    for gr in gold_roles:
        hit = any(
            same(gr["person"], r.get("person"))
            and r.get("role") == gr["role"]
            and same(gr.get("club"), r.get("club"))
            and (gr.get("event") is None or r.get("event") == gr["event"])
            for r in roles
        )
        if hit:
            T["roles"].tp += 1
        elif not gr.get("optional"):
            T["roles"].hit(False, f"{name}: missing role {gr}")
    gold_people = gold.get("people") or []
    for r in roles:
        if any(same(gr["person"], r.get("person")) and gr["role"] == r.get("role") for gr in gold_roles):
            continue
        # a role for someone gold gives no role counts only for a non-person or a wrong club:
        # players' roles are not all listed
        gp = next((p for p in gold_people if same(p["name"], r.get("person"))), None)
        if gp is None or (r.get("club") and not same(gp.get("team"), r.get("club"))):
            T["roles"].fp += 1
            T["roles"].misses.append(
                f"{name}: unexpected role {r.get('person')} {r.get('role')} {r.get('club')}"
            )


def _score_people(name: str, gold: Json, people: list[Json], T: dict[str, Tally]) -> None:
    gold_people = gold.get("people") or []
    for gp in gold_people:
        if gp.get("optional"):  # neither rewarded nor missed
            continue
        hit = any(same(gp["name"], p.get("name")) for p in people)
        T["people"].hit(hit, f"{name}: missing person {gp['name']}")
    for p in people:
        if not any(same(gp["name"], p.get("name")) for gp in gold_people):
            T["people"].fp += 1
            T["people"].misses.append(f"{name}: unlisted person {p.get('name')!r}")


def _score_quotes(name: str, gold: Json, quotes: list[Json], T: dict[str, Tally]) -> None:
    gold_quotes = gold.get("quotes") or []
    claimed: set[int] = set()
    for gq in gold_quotes:
        s = text_norm(gq["starts"])
        hits = [q for q in quotes if s in text_norm(q.get("text"))]
        good = [q for q in hits if same(gq["speaker"], q.get("speaker"))]
        claimed.update(id(q) for q in (good or hits))
        if good:
            T["quotes"].tp += 1
            continue
        why = f"attributed to {hits[0].get('speaker')!r}" if hits else "not found"
        T["quotes"].hit(False, f"{name}: quote {gq['starts'][:30]!r} by {gq['speaker']}: {why}")
        T["quotes"].fp += bool(hits)
    for q in quotes:
        if id(q) in claimed:
            continue
        qt = text_norm(q.get("text"))
        if any(qt in text_norm(gq["starts"]) or text_norm(gq["starts"]) in qt for gq in gold_quotes):
            continue
        if len(qt) > 12:  # short scare quotes ("gutted") are not counted either way
            T["quotes"].fp += 1
            T["quotes"].misses.append(
                f"{name}: unexpected quote {q.get('text', '')[:40]!r} by {q.get('speaker')!r}"
            )
    for gb in gold.get("boilerplate") or []:
        if any(gb.casefold() in text_norm(q.get("text")) for q in quotes):
            T["quotes"].fp += 1
            T["quotes"].misses.append(f"{name}: boilerplate quoted: {gb!r}")


# words that carry no content in a free-text claim value (spec/score.py's STOP)
_VALUE_STOP = frozenset(
    "a an the of in on to for and into at by with his their its this that as from was is be has have had been season club".split()  # noqa: SIM905
)


def value_ok(kind: str, gold: object, got: object) -> bool:
    """A claim's value: equal or the same name; for free-text kinds (record, other) at least half of the
    gold value's content words are in the output's value (as in spec/score.py)."""
    if norm(str(got)) == norm(str(gold)) or same(str(gold), str(got)):
        return True
    if kind in ("record", "other"):
        g = {w for w in (norm(str(gold)) or "").split() if w not in _VALUE_STOP}
        o = {w for w in (norm(str(got)) or "").split() if w not in _VALUE_STOP}
        return bool(g) and len(g & o) / len(g) >= 0.5
    return False


def _score_claims(name: str, gold: Json, claims: list[Json], T: dict[str, Tally]) -> None:
    for gc in gold.get("claims") or []:
        hit = any(
            c.get("kind") == gc["kind"]
            and same(gc["subject"], c.get("subject"))
            and value_ok(gc["kind"], gc["value"], c.get("value"))
            for c in claims
        )
        if hit:
            T["claims"].tp += 1
        elif not gc.get("optional"):
            T["claims"].hit(False, f"{name}: missing claim {gc}")


def _score_other_sport(name: str, gold: Json, out: Json, T: dict[str, Tally]) -> None:
    sport = gold.get("sport")
    if not sport or sport == "football":
        return
    facts = {k: len(out.get(k) or []) for k in ("matches", "roles", "claims")}
    found = ", ".join(f"{n} {k}" for k, n in facts.items() if n)
    T["other_sport"].hit(not found, f"{name}: {sport} article yields football facts: {found}")
