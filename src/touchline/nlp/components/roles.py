"""Roles: who holds which job at which club, what happened to it (appointed, sacked…) and when.

Three kinds of evidence give a role:

* a job title next to a name: "Fulham manager Marco Silva", "sacked boss Russell Martin",
  "Rusk, the Under-21s coach," or "was appointed Celtic manager" / "resigned as boss";
* a definite description with no name: "the Saints boss", "the Cottagers' head coach" — the person the
  article last gave a compatible job;
* a manager's act: "Silva's side", "Silva made a double change", "their unbeaten run under Silva";
* events told without a title: "Rusk, who was appointed in May, was sacked on Sunday", "the sacking of
  X", "Villa, who are managed by X", "X leaves Portsmouth", "handed X the armband", and captains and
  referees printed in a team sheet (see ``touchline.nlp.role_facts``).

A job's club comes from the syntax ("in temporary charge of Palace against Bournemouth": Palace), else
from ``infer_club`` (the person's other jobs, the manager reporting on them, the sentence's own club…).

``collect`` runs inside the entities component (so quotes can resolve "the Saints boss" through
``ctx.people``); ``run`` adds clubs from what later components learnt and writes ``ctx.facts.roles``.
Words live in ``touchline/data/roles``. Sentences inside quotation marks are not used.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.models import Evidence, Role
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.role_facts import (
    armbands,
    job_dates,
    managed_by,
    player_before,
    player_words,
    sheet_roles,
    staff_leaving,
    tenure_starts,
    transfers,
)
from touchline.nlp.role_text import (
    HEAD,
    NO_CLUB,
    STAFF,
    RoleMention,
    Title,
    amicable,
    club_after,
    club_before,
    description_role,
    find_titles,
    hedged,
    in_quotation,
    infer_club,
    lede_club,
    lexicon,
    mask_clubs,
    nickname_before,
    own_clubs,
    read_rows,
    sentence_clubs,
    subject_club,
    uncovered_side,
)

__all__ = ["HEAD", "NO_CLUB", "STAFF", "RoleMention", "Title", "collect", "description_role", "find_titles",
           "hedged", "in_quotation", "lexicon", "run", "sentence_clubs"]  # fmt: skip

_FRAME_BEFORE = re.compile(
    r"(?:\b(?:as|appointed|named|made|become|became|becomes|installed|confirmed|unveiled|hired)\s+"
    r"(?:the\s+|their\s+|its\s+|his\s+|her\s+|new\s+|permanent\s+|full-time\s+)*(?:(?:CLUB|(?-i:[A-Z])[\w.-]*)\s*(?:['’]s?)?\s+)?"
    r"|\b(?:take|takes|took|taken|taking)\s+(?:over|(?:joint\s+|temporary\s+|sole\s+)?charge)(?:\s+(?:of|at)\s+(?:the\s+)?CLUB)?\s+(?:on|in)\s+(?:an?\s+)?"
    r"|\b(?:take|takes|took|taken|taking|given|handed)\s+|\b(?:been|is|was|remains|remained|placed|put|left)\s+in\s+)$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    r"^(?:['’]s?)?\s*(?:,|\(|-|–|—)?\s*(?:(?:who\s+|now\s+)?(?:is|was|has\s+been|had\s+been|became|remains)\s+)?"
    r"(?:the\s+|a\s+|an\s+|(?<=,\s)(?:his|her|their)\s+|CLUB\s*['’]s?\s+)?(?:(?:former|ex-|new|current|then|incoming|outgoing|departing|sacked|"
    r"long-serving|permanent|full-time|club['’]s|team['’]s)\s+)*(?:CLUB\s*(?:['’]s?)?\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,3}(?:CLUB\s+)?$", re.IGNORECASE)
# "Marsh's first afternoon in interim charge": the spell belongs to the person named with the possessive
_POSSESSIVE_NAME = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}(?:CLUB\s+)?$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"\bthe\s+(?:CLUB\s*(?:['’]s?)?\s+)?$|(?:^|\s)CLUB\s*['’]s?\s+$", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "new", "then", "now", "when", "as",
                          "and", "but", "said", "says", "former", "ex", "club", "team"})  # fmt: skip


@lru_cache(maxsize=1)
def _appositive_noun() -> re.Pattern[str]:
    nouns = "|".join(re.escape(r[0]).replace(r"\ ", r"\s+") for r in read_rows("appositive_nouns.txt"))
    return re.compile(rf"\s*,\s*(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Nationalities ("the Italian's assistant"), from the quotes component's word list."""
    path = DATA_DIR / "quotes" / "demonyms.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _title_lead_words() -> frozenset[str]:
    return frozenset(r[0].casefold() for r in read_rows("title_lead_words.txt"))


@lru_cache(maxsize=1)
def _other_jobs() -> re.Pattern[str]:
    words = "|".join(re.escape(r[0]).replace(r"\ ", r"[\s-]+") for r in read_rows("other_jobs.txt"))
    return re.compile(rf"(?<![\w-])(?:{words})[\s-]+$", re.IGNORECASE)


_OPPOSITE = re.compile(r"opposite|counterpart", re.IGNORECASE)
_CLUB_ONLY_TITLES = frozenset({"chief"})  # a job only when a club is written right before it
_PAIRED_ROLES = frozenset({"captain", "executive", "owner", "assistant_manager", "youth_coach", "coach"})


def _counterpart_role(ctx: ArticleContext, t: Title, sent_start: int) -> str:
    """ "His Grimsby counterpart X" holds the job of the person "his" points to: a manager's counterpart
    manages the other side, a captain's captains it. The manager unless that person has another job."""
    lead = ctx.body[max(sent_start, t.start - 40) : t.start]
    named = [p for p in ctx.people_in(max(0, sent_start - 400), t.start) if not in_quotation(ctx, p.start)]
    if not re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", lead, re.IGNORECASE) and not re.search(
        r"['’]s?\s+(?:[\w-]+\s+){0,2}$", lead
    ):
        return t.role
    if not named:
        return t.role
    roles = {r for r, _c in ctx.people.roles_of(named[-1].canonical)}
    if not roles:
        return "player"  # "Pantilimon ... his opposite number Ruddy": a player's counterpart plays
    if roles & HEAD or len(roles & _PAIRED_ROLES) != 1:
        return t.role
    return next(iter(roles & _PAIRED_ROLES))


# ---- collection -----------------------------------------------------------------------------
def _person_for_title(
    ctx: ArticleContext, t: Title, sent_start: int, sent_end: int
) -> tuple[PersonMention | None, bool]:
    """The person a title belongs to, and whether it came from a description (no name attached)."""
    after = [m for m in ctx.person_mentions if m.start >= t.end and m.start < sent_end]
    own_spell = re.search(r"(?:spell|stint|reign|charge|tenure)$", ctx.body[t.start : t.end], re.I)
    before = [m for m in ctx.person_mentions if m.end <= t.start and m.start >= sent_start]
    if after and re.fullmatch(
        r"\s*,?\s*(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms)\.?\s+)?", ctx.body[t.end : after[0].start]
    ):
        return after[0], False
    if after and own_spell and re.fullmatch(r"\s+under\s+", ctx.body[t.end : after[0].start]):
        return after[0], False  # "the interim spell under Owen Marsh"
    if after and _appositive_noun().fullmatch(ctx.body[t.end : after[0].start]):
        return after[0], False  # "the club's owner, the Hong Kong-based businessman Ronald Cheung"
    if before:
        between = mask_clubs(ctx, before[-1].end, t.start)
        if _APPOSITION.match(between) or _FRAME_BEFORE.search(between):
            if re.search(r"(?:^|,\s*)having\b", between) and before[0] is not before[-1]:
                return before[0], False  # "X has been in charge since Y left, having spent six years as…": X
            return before[-1], False
    lead = mask_clubs(ctx, max(sent_start, t.start - 60), t.start)
    # "his first caretaker spell" is the subject's job; "his captain"/"his assistant" is someone else
    own_job = re.search(
        r"(?:spell|stint|role|charge|capacity|basis)$", ctx.body[t.start : t.end], re.I
    ) or re.match(
        r"\s+(?:spell|stint|role|job|post|reign|tenure|days|career)\b", ctx.body[t.end : t.end + 12], re.I
    )
    if before and own_job and _POSSESSIVE_NAME.fullmatch(mask_clubs(ctx, before[-1].end, t.start)):
        return before[-1], False
    pronoun = _POSSESSIVE_PRONOUN.search(lead)
    if pronoun and find_titles(pronoun.group(0)):
        pronoun = (
            None  # "his assistant during the interim spell": the spell is the boss's, not the assistant's
        )
    if (own_job and pronoun) or _FRAME_BEFORE.search(lead):
        if before:
            return before[-1], False
        earlier = [m for m in ctx.person_mentions if m.end <= t.start]
        return (earlier[-1], False) if earlier else (None, False)
    if _DESCRIPTION.search(lead) and not re.search(
        r"(?:spell|stint|role|charge|capacity|basis)$", ctx.body[t.start : t.end], re.I
    ):
        return None, True  # "the Saints boss" is a person; "the interim spell" is a period
    return None, False


_JOINT_SUBJECT = re.compile(
    r"\s+and\s+[^,;.]{0,60}?\s+(?:have|were|are|had)\s+(?:also\s+|both\s+)?(?:been\s+)?", re.IGNORECASE
)


def _event_for(
    ctx: ArticleContext, person: PersonMention, t: Title, sent_start: int, sent_end: int
) -> tuple[str | None, int | None]:
    """(holds/appointed/…, where its verb is) for this mention; event None when the sentence only hedges."""
    lex = lexicon()
    # attributive ("sacked boss X", "former Celtic manager X") is presupposed, never hedged
    for word in reversed(re.findall(r"[\w'’-]+", ctx.body[max(sent_start, t.start - 30) : t.start])[-2:]):
        if word.casefold() in lex.adjectives:
            return lex.adjectives[word.casefold()], None
    lo, hi = min(person.start, t.start), max(person.end, t.end)
    best: tuple[int, str, int] | None = None
    for pattern, event in lex.events:
        for m in pattern.finditer(ctx.body, sent_start, sent_end):
            others = [p for p in ctx.person_mentions if p.canonical != person.canonical]
            before = m.end() <= lo
            a, b = (m.end(), lo) if before else (hi, m.start())
            if lo <= m.start() < hi:  # inside the mention: nobody else may stand between name and verb
                a, b = min(person.end, m.start()), max(person.end, m.start())
            between = ctx.body[a:b] if a < b else ""
            joint = not before and _JOINT_SUBJECT.fullmatch(between)  # "X and Y have both been dismissed"
            if not joint and (
                any(a <= p.start < b for p in others) or re.search(r"[;]|\bbut\b|\band\b|\bwhile\b", between)
            ):
                continue
            dist = 0 if lo <= m.start() < hi else min(abs(m.start() - hi), abs(lo - m.end()))
            # "CLUB sacked manager X" / "named X as": the verb sits right before; "X was sacked": after
            if (before and (dist > 30 or "," in between)) or dist > 80:
                continue
            if best is None or dist < best[0]:
                best = (dist, event, m.start())
    if best is None:
        return "holds", None
    if best[1] == "sacked" and amicable().search(ctx.body, sent_start, sent_end):
        best = (best[0], "left", best[2])  # "parted company with X by mutual consent": an agreed exit
    if hedged(ctx, sent_start, best[2], certain_future=True):
        return None, None
    if t.role not in HEAD and re.match(
        r"(?:take|took|takes|taken|taking)\b", ctx.body[best[2] : best[2] + 7], re.I
    ):
        return "holds", None  # "assistant X will take charge": a new (interim) job, see _stand_ins
    return best[1], best[2]


@lru_cache(maxsize=1)
def _role_verbs() -> re.Pattern[str]:
    alt = "|".join(f"(?P<r{i}>{row[0]})" for i, row in enumerate(read_rows("role_verbs.tsv")))
    return re.compile(
        # "X has been at Palace for eight years and has worn the armband": one clause may come between
        rf"(?:['’]s?)?\s*,?\s*(?:who\s+)?(?:(?:has|had)\s+been\s+[^.;,]{{1,60}}?\s+and\s+)?"
        rf"(?:had\s+|has\s+)?(?:previously\s+|once\s+|also\s+|later\s+)?(?:{alt})\s*(?:the\s+)?",
        re.IGNORECASE,
    )


def _verb_titles(ctx: ArticleContext) -> list[tuple[Title, PersonMention]]:
    """ "Robson, who managed Newcastle", "Keane captained United": a role from a verb and a club."""
    rows = read_rows("role_verbs.tsv")
    out = []
    for pm in ctx.person_mentions:
        ctx.check_deadline()
        m = _role_verbs().match(ctx.body, pm.end)
        if m is None:
            continue
        index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        role = rows[index][1]
        club = next((g for g in ctx.gaz if g.kind == "club" and g.start == m.end()), None)
        if club is None and role != "youth_coach" and not re.search(r"armband|captaincy", m.group(0), re.I):
            continue  # "wore the armband" names the job without a club; "captained" needs one
        out.append((Title(m.start(), club.end if club else m.end(), role), pm))
    return out


_TAKES_CHARGE = re.compile(
    r"(?:\s*,[^,;.]{0,80},)?\s+(?:will\s+|is\s+to\s+|has\s+|had\s+|have\s+)?(?:now\s+)?"
    r"(?:take|takes|took|taken|taking)\s+(?:temporary\s+|interim\s+|caretaker\s+)?charge\b",
    re.IGNORECASE,
)


def _stand_ins(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    """An assistant, coach or youth coach who "will take charge" is the interim manager."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        ctx.check_deadline()
        m = _TAKES_CHARGE.match(ctx.body, pm.end)
        if m is None or in_quotation(ctx, pm.start):
            continue
        jobs = [r for r in found if r.person == pm.canonical]
        if not jobs or any(r.role in HEAD for r in jobs) or not any(r.role in STAFF for r in jobs):
            continue
        sent = ctx.sentence_at(pm.start)
        named = _named(ctx, pm, Title(pm.end, m.end(), "interim_manager"), None, sent.start, sent.end)
        if named is not None:
            named.club = next((r.club for r in jobs if r.club), None)
            named.explicit = named.club is not None
            out.append(named)
            ctx.people.note_role(named.person, named.role, named.club)
    return out


_SACKED_AFTER = re.compile(
    r"(?:['’]s?\s+(?:sacking|dismissal|departure\s+by\s+mutual\s+consent)\b|"
    r"(?:['’]s?)?(?:\s*,[^,;.]{1,60},)?\s*,?\s*(?:who\s+)?(?:was|has\s+been|had\s+been|is|got)\s+(?:\w+\s+)?"
    r"(?:sacked|dismissed|fired|axed)\b)",
    re.IGNORECASE,
)
_SACKED_BEFORE = re.compile(
    r"\b(?:have|has|had)?\s*(?:sacked|dismissed|fired|axed|sacking|dismissing|firing|axing)\s+$",
    re.IGNORECASE,
)
# a sending-off told with "dismissed": a player (or a manager sent to the stands), not a sacking
_SENT_OFF = re.compile(
    r"\bdismiss(?:ed|al)\s+(?:from\s+the\s+(?:touchline|dugout|bench|technical\s+area|field|pitch)|for\s+"
    r"(?:a|an|his|her|two|handling|dissent|violent|serious|foul|kicking|elbowing|striking|pushing|berating)\b|"
    r"in\s+the\s+\d+\w*[\s-]+minute|by\s+(?:the\s+)?referee|after\s+(?:a|picking|receiving|collecting)\b)"
    r"|\breferee\b[^.;]{0,80}\bdismiss(?:ed|ing)\b|\b(?:red\s+card|second\s+(?:booking|yellow)|sent\s+off)\b",
    re.IGNORECASE,
)
_SACKING_OF = re.compile(r"\b(?:sacking|dismissal|firing|axing)\s+of\s+$", re.IGNORECASE)


def _called_a_player(ctx: ArticleContext, pm: PersonMention) -> bool:
    """The article signs the person or calls them "the striker" in a sentence naming them: a player
    sacked by a club ("Mutu was sacked by Chelsea") is no manager."""
    words = "|".join(re.escape(w) for w in sorted(player_words()))
    for other in ctx.person_mentions:
        if other.canonical != pm.canonical:
            continue
        sent = ctx.sentence_at(other.start)
        if re.search(
            r"\bsign(?:ing|ed|s)?\s+$", ctx.body[max(sent.start, other.start - 10) : other.start], re.I
        ):
            return True
        if re.search(rf"\bthe\s+(?:{words})\b", ctx.body[other.end : sent.end], re.I):
            return True
    return False


def _sackings(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    """ "Marlow was dismissed", "Prowse's sacking", "Wigan have sacked Lyle": a manager sacked."""
    out: list[RoleMention] = []
    for pm in ctx.person_mentions:
        ctx.check_deadline()
        sent = ctx.sentence_at(pm.start)
        if (
            in_quotation(ctx, pm.start)
            or any(r.person == pm.canonical for r in found)
            or any(r.person == pm.canonical and sent.start <= r.start < sent.end for r in out)
        ):
            continue
        after = _SACKED_AFTER.match(ctx.body, pm.end)
        lead = ctx.body[max(sent.start, pm.start - 30) : pm.start]
        before = _SACKED_BEFORE.search(lead)
        if before is None and after is None:
            before = _SACKING_OF.search(lead)  # "three days after the sacking of Gavin Rourke"
        elif after is None and before is not None and not ctx.gaz_in(sent.start, pm.start, "club"):
            before = None
        if after is None and before is None:
            continue
        if (
            _SENT_OFF.search(ctx.body, sent.start, sent.end)
            or player_before(ctx, pm)
            or _called_a_player(ctx, pm)
        ):
            continue  # "Zamora was dismissed for a reckless tackle": sent off, not sacked
        span = (pm.end, after.end()) if after else (pm.start - len(lead) + before.start(), pm.start)  # type: ignore[union-attr]
        club = None
        if before is not None and after is None:
            clubs = ctx.gaz_in(sent.start, pm.start, "club")
            club = clubs[-1].canonical if clubs and not _SACKING_OF.search(lead) else None
        if after is not None:  # "who was sacked by the Saints in 2010": the club that sacked him
            by = re.match(r"\s+by\s+(?:the\s+)?", ctx.body[after.end() : after.end() + 10])
            named = [
                g
                for g in ctx.gaz_in(after.end(), sent.end, "club")
                if by and g.start == after.end() + by.end()
            ]
            if by and not named:
                continue  # sacked by a club we cannot name: not the club the article is about
            club = named[0].canonical if named else None
        named = _named(ctx, pm, Title(span[0], span[1], "manager"), club, sent.start, sent.end)
        if named is not None and named.event in ("sacked", "left"):
            out.append(named)
            ctx.people.note_role(named.person, named.role, named.club)
    return out


def collect(ctx: ArticleContext) -> list[RoleMention]:
    """Role mentions from titles, descriptions and a manager's acts; registers holders in ``ctx.people``."""
    found: list[RoleMention] = []
    for t in find_titles(ctx.body):
        if in_quotation(ctx, t.start) or _other_jobs().search(ctx.body, max(0, t.start - 20), t.start):
            continue  # "stadium manager X", "watching national-team manager X": not the club's manager
        sent = ctx.sentence_at(t.start)
        person, described = _person_for_title(ctx, t, sent.start, sent.end)
        club = (
            None
            if t.role in NO_CLUB
            else (
                club_before(ctx, t.start, sent.start)
                or club_after(ctx, t.end, sent.end)
                or nickname_before(ctx, t.start, sent.start)
                or subject_club(ctx, t.start, sent.start)
            )
        )
        if club is None and t.role not in NO_CLUB:
            club = _side_word_club(ctx, t.start, sent.start)
        if ctx.body[t.start : t.end].casefold() in _CLUB_ONLY_TITLES and (
            club is None or re.match(r"\s+[a-z]", ctx.body[t.end : t.end + 3])
        ):
            continue  # "Toffees chief X" is the manager; "police chief X", "Everton chief scout X" are not
        if _OPPOSITE.search(ctx.body[t.start : t.end]):
            t = Title(t.start, t.end, _counterpart_role(ctx, t, sent.start))
            if t.role == "player":
                continue
        if t.role == "coach" and club and ctx.body[t.start : t.end].casefold() == "coach":
            t = Title(t.start, t.end, "manager")  # "Porto coach X": the head coach, as on the continent
        if person is None and described:
            name = _holder_for(ctx, t.role, club) or _unnamed_antecedent(ctx, t, club, sent.start)
            if name is None:
                continue
            known = {r for r, _c in ctx.people.roles_of(name)}
            if t.role in known or (t.role in HEAD and known & HEAD) or (t.role == "coach" and known & STAFF):
                continue
            mention = RoleMention(name, t.role, club, "holds", t.start, t.end, described=True)
        elif person is not None:
            mention_ = _named(ctx, person, t, club, sent.start, sent.end)
            if mention_ is None:
                continue
            mention = mention_
            partner = _coordinated(ctx, person, t, sent.start)
            if partner is not None:
                # the pair shares the job and what happens to it ("X and Y will take joint charge")
                extra = RoleMention(partner.canonical, t.role, club, mention.event, t.start, t.end)
                extra.dates = list(mention.dates)
                found.append(extra)
                ctx.people.note_role(extra.person, extra.role, extra.club, extra.event != "left")
        else:
            continue
        mention.unknown_club = club is None and _unknown_club_before(ctx, t, sent.start)
        if club is None and re.search(
            r"\b(?:their|its)\s+(?:new\s+|former\s+|current\s+)?$",
            ctx.body[max(sent.start, t.start - 20) : t.start],
            re.I,
        ):
            earlier = own_clubs(ctx, sent.start, t.start)
            if not earlier and re.search(r"\bthe\s+club\b", ctx.body[sent.start : t.start], re.I):
                earlier = [c for c in [lede_club(ctx)] if c]  # "the club … their captain": the story's club
            if not earlier:
                prev = ctx.sentence_at(max(0, sent.start - 1))
                earlier = [
                    g.canonical
                    for g in ctx.gaz_in(prev.start, sent.start, "club")
                    if g.canonical in own_clubs(ctx, prev.start, sent.start)
                    and not in_quotation(ctx, g.start)
                ]
            mention.club = club = earlier[0] if earlier else None
        if _OPPOSITE.search(ctx.body[t.start : t.end]):
            mention.unknown_club = club is None
            mention.opposite = club is None
        mention.explicit = club is not None
        lead = ctx.body[max(sent.start, t.start - 40) : t.start]
        owner = [
            p
            for p in ctx.people_in(max(sent.start, t.start - 40), t.start)
            if re.fullmatch(r"['’]s?\s+", ctx.body[p.end : t.start])
        ]
        if not owner and re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+)?$", lead):
            owner = [p for p in ctx.people_in(sent.start, t.start) if p.canonical != mention.person]
        if club is None and owner and owner[-1].canonical != mention.person:
            mention.boss_of = owner[-1].canonical
        found.append(mention)
        ctx.people.note_role(mention.person, mention.role, mention.club, mention.event != "left")
    for t, person in _verb_titles(ctx):
        if in_quotation(ctx, t.start):
            continue
        sent = ctx.sentence_at(t.start)
        clubs = ctx.gaz_in(t.start, t.end, "club")
        club = clubs[-1].canonical if clubs else None
        own = _attributive_club(ctx, person)
        if club is None and t.role == "captain" and own is not None:
            # "Rangers defender X keeps the captaincy" in a story about Scotland: the club is his
            # employer, the armband may be another side's; take the story's side when it differs
            lede = lede_club(ctx)
            club = lede if lede is not None else own
        named = _named(ctx, person, t, club, sent.start, sent.end)
        if named is not None:
            named.explicit = club is not None
            found.append(named)
            ctx.people.note_role(named.person, named.role, named.club, named.event != "left")
    found += transfers(ctx)
    found += armbands(ctx)
    found += managed_by(ctx, found)
    found += staff_leaving(ctx, found)
    found += _stand_ins(ctx, found)
    found += _sackings(ctx, found)
    found += _manager_acts(ctx, found)
    ctx.notes["roles.mentions"] = found
    return found


_SIDE_WORD = re.compile(r"\b(?P<side>home|visiting|away|host|hosts['’])\s+$", re.IGNORECASE)


def _side_word_club(ctx: ArticleContext, pos: int, sent_start: int) -> str | None:
    """ "home boss X", "visiting manager Y": the home or away side of the article's one match."""
    m = _SIDE_WORD.search(ctx.body, max(sent_start, pos - 12), pos)
    if m is None:
        return None
    home_word = m.group("side").casefold().startswith(("home", "host"))
    sides = {(x.home, x.away) for x in ctx.facts.matches if x.home and x.away}
    if len(sides) == 1:
        home, away = sides.pop()
        return home if home_word else away
    grounds = [ctx.gazetteer.stadium_club.get(g.canonical) for g in ctx.gaz if g.kind == "stadium"]
    grounds = [c for c in dict.fromkeys(grounds) if c]
    return (
        grounds[0] if home_word and len(grounds) == 1 and not sides else None
    )  # "At Emirates Stadium … home boss"


def _attributive_club(ctx: ArticleContext, pm: PersonMention) -> str | None:
    """ "Rangers defender Scott Kerrigan": the club written before a player word before the name."""
    m = re.search(r"([\w-]+)\s+$", ctx.body[max(0, pm.start - 30) : pm.start])
    if m is None or m.group(1).casefold() not in player_words():
        return None
    pos = pm.start - len(m.group(0))
    clubs = [
        g for g in ctx.gaz_in(max(0, pos - 40), pos, "club") if re.fullmatch(r"\s*", ctx.body[g.end : pos])
    ]
    return clubs[-1].canonical if clubs else None


def _unknown_club_before(ctx: ArticleContext, t: Title, sent_start: int) -> bool:
    """A capitalised word that is not a person right before the title, mid-sentence: a club we do not know."""
    m = re.search(
        r"(?:^|(?<=\s))([A-ZÀ-Þ][\w.-]*)(?:['’]s?)?\s+$", ctx.body[max(sent_start, t.start - 40) : t.start]
    )
    if m is None:
        return False
    word = m.group(1).casefold()
    lex = lexicon()
    if word in _DETERMINERS or word in lex.adjectives or word in lex.modifiers or word in lex.titles:
        return False
    if word in _title_lead_words() or word in _demonyms():
        return False  # "Current owner X", "the Italian's assistant": no club named
    pos = t.start - len(m.group(0))
    return not ctx.people_in(pos, t.start) and not ctx.gaz_in(pos, t.start)


def _named(
    ctx: ArticleContext, person: PersonMention, t: Title, club: str | None, sent_start: int, sent_end: int
) -> RoleMention | None:
    event, event_pos = _event_for(ctx, person, t, sent_start, sent_end)
    if event is None:
        return None
    mention = RoleMention(person.canonical, t.role, club, event, t.start, t.end)
    lo, hi = min(person.start, t.start), max(person.end, t.end)
    start, end = job_dates(ctx, lo, hi, sent_start, sent_end, event, event_pos)
    mention.dates = [start or "", end or ""]
    return mention


def _coordinated(
    ctx: ArticleContext, person: PersonMention, t: Title, sent_start: int
) -> PersonMention | None:
    """ "Whitmore and academy manager Dennison will take charge": the first of two joined people."""
    if t.start < person.end:
        return None
    earlier = [p for p in ctx.people_in(sent_start, person.start) if p.canonical != person.canonical]
    if earlier and re.fullmatch(r"\s+and\s+(?:[\w-]+\s+){0,3}", ctx.body[earlier[-1].end : person.start]):
        return earlier[-1]
    return None


def _unnamed_antecedent(ctx: ArticleContext, t: Title, club: str | None, sent_start: int) -> str | None:
    """ "Dunmore has never liked the spotlight, but the Brentford manager…": with a club named and
    nobody holding the job yet, the last person named in this or the previous sentence with no job."""
    if club is None:
        return None
    prev = ctx.sentence_at(max(0, sent_start - 1)).start if sent_start > 0 else sent_start
    scorers = {g.scorer for m in ctx.facts.matches for g in m.goals}
    candidates: list[PersonMention] = []
    for pm in reversed(ctx.people_in(prev, t.start)):
        if in_quotation(ctx, pm.start) or pm.canonical in scorers or player_before(ctx, pm):
            continue  # "said striker Jonah Ferreira": a player is not "the Palace manager"
        if ctx.people.roles_of(pm.canonical) or ctx.people.team.get(pm.canonical) not in (None, club):
            return None
        candidates.append(pm)
    if not candidates:
        return None
    # the subject of a sentence ("Tilley confirmed that Mabbott will miss out") before an object
    subjects = [pm for pm in candidates if not ctx.body[ctx.sentence_at(pm.start).start : pm.start].strip()]
    return (subjects or candidates)[0].canonical


def _holder_for(ctx: ArticleContext, role: str, club: str | None) -> str | None:
    family = STAFF if role in STAFF else frozenset({role})
    return ctx.people.holder(family, club)


# "their unbeaten run under X", "a revival under X": a team's spell under its manager
_UNDER = re.compile(
    r"\b(?:run|spell|reign|era|tenure|start|revival|resurgence|form|record|renaissance)\s+under\s+$",
    re.IGNORECASE,
)


def _manager_acts(ctx: ArticleContext, found: list[RoleMention]) -> list[RoleMention]:
    out: list[RoleMention] = []
    scorers = {g.scorer for m in ctx.facts.matches for g in m.goals}
    lex = lexicon()
    for pm in ctx.person_mentions:
        ctx.check_deadline()
        m = lex.actions.match(ctx.body, pm.end) or lex.actions.match(ctx.body, pm.end + 1)
        under = _UNDER.search(ctx.body, max(0, pm.start - 40), pm.start)
        if (m is None and under is None) or in_quotation(ctx, pm.start) or pm.canonical in scorers:
            continue
        if any(r.person == pm.canonical and (r.role in STAFF or m is None) for r in found + out):
            continue
        if any(r.person == pm.canonical and r.role in ("captain", "player") for r in found) or player_before(
            ctx, pm
        ):
            continue  # "captain X said his side had…" speaks for a team he does not manage
        sent = ctx.sentence_at(pm.start)
        if hedged(ctx, sent.start, pm.start):
            continue
        start, end = (pm.start, m.end()) if m is not None else (under.start(), pm.end)  # type: ignore[union-attr]
        mention = RoleMention(pm.canonical, "manager", None, "holds", start, end, act=True)
        out.append(mention)
        ctx.people.note_role(mention.person, mention.role, None)
    return out


# ---- the component --------------------------------------------------------------------------
_EVENT_RANK = {"holds": 0, "joined": 1, "left": 2, "appointed": 3, "resigned": 4, "sacked": 5}


def run(ctx: ArticleContext) -> None:
    if ctx.quote_spans or "roles.mentions" not in ctx.notes:
        # the quotes component knows the quotation spans better than the paragraph heuristic
        ctx.people.roles = []
        collect(ctx)
    mentions: list[RoleMention] = ctx.notes["roles.mentions"]
    mentions = mentions + sheet_roles(ctx, mentions)
    officials = {r.person for r in mentions if r.role == "referee"}
    # "enough to convince Foy the Gunners captain had…": the referee of the report holds no club job in it
    mentions = [r for r in mentions if r.person not in officials or r.role == "referee"]
    for r in mentions:
        if r.club is None and r.role not in NO_CLUB:
            r.club = infer_club(ctx, r, mentions)
        if r.club and r.role not in NO_CLUB and r.event != "left":
            ctx.people.set_team(r.person, r.club)
    _one_manager_per_club(ctx, mentions)
    merged: dict[tuple[str, str, str | None], Role] = {}
    for r in mentions:
        key = (r.person, r.role, r.club)
        sent = ctx.sentence_at(r.start)
        ev: Evidence = ctx.evidence(sent.start, sent.end)
        role = merged.get(key)
        if role is None:
            role = merged[key] = Role(r.person, r.role, r.club, r.event, _as_of(ctx.published))
        elif _EVENT_RANK[r.event] > _EVENT_RANK[role.event]:
            role.event = r.event
        start, end = [*r.dates, "", ""][:2]
        role.start = role.start or start or None
        role.end = role.end or end or None
        if ev not in role.evidence:
            role.evidence.append(ev)
    tenure_starts(ctx, list(merged.values()))
    ctx.facts.roles = list(merged.values())


def _one_manager_per_club(ctx: ArticleContext, mentions: list[RoleMention]) -> None:
    """A club has one manager at a time: a manager whose club was only inferred ("Jol's side", "manager
    X" with no club written) does not share it with someone the text names as that club's manager, nor
    with an earlier inferred one; it moves to the other side of a two-side report, else stays unknown."""
    stated: dict[str, set[str]] = {}
    for r in mentions:
        if r.club and r.role == "manager" and r.event in ("holds", "appointed") and r.explicit:
            stated.setdefault(r.club, set()).add(r.person)
    inferred: dict[str, str] = {}
    for r in sorted(mentions, key=lambda m: m.start):
        if not r.club or r.role != "manager" or r.event != "holds" or r.explicit:
            continue
        own = stated.get(r.club, set())
        first = inferred.setdefault(r.club, r.person)
        if r.person in own or (not own and first == r.person):
            continue
        old = r.club
        r.club = None
        side = uncovered_side(ctx, r, mentions)
        r.club = side if side != old else None


def _as_of(published: str | None) -> str | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published).isoformat()
    except ValueError:
        return None
