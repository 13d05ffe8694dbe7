"""What a goal mention is and how a scorer's name is read: the base layer of the goal modules.

``goals`` (finding), ``goal_verbs`` (finishing verbs), ``goal_time`` (minutes, periods, kinds),
``goal_details`` (assists, teams) and ``goal_attach`` all import from here; this module imports none
of them, so the imports run one way: goal_mention → goal_time → goal_verbs/goal_details → goals →
goal_attach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from touchline.linking.people import clean_name, fold
from touchline.nlp.components.match_lexicon import PERSON, PERSON_RE, data_path
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.segment import Segment

NAME = rf"(?:{PERSON_RE}|(?:[A-ZÀ-Þ][\w'’-]+\s+){{0,2}}[A-ZÀ-Þ][\w'’-]*[\w])"
_NOT_NAMES = {
    "The", "A", "An", "But", "And", "After", "Before", "When", "While", "His", "Her", "Their", "He", "She", "It",
    "They", "This", "That", "Then", "First", "Second", "Half", "Goals", "Goal", "In", "On", "At", "For", "With",
    "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "VAR", "Just", "Only", "Late",
}  # fmt: skip
_NAME = NAME  # the name pattern under its old private name
_ROLE_WORDS = re.compile(
    r"^(?:Substitute|Sub|Striker|Defender|Midfielder|Captain|Skipper|Winger|Forward|Keeper|Goalkeeper|Veteran|"
    r"Teenager|Youngster|Boss|Manager|Coach)\s+"
)


def full_name(ctx: ArticleContext, name: str) -> str:
    """The one longer name the article gives for a surname ("Defoe" → "Jermain Defoe"), else the name."""
    tokens = fold(name).split()
    longer = [
        n for n in dict.fromkeys([*ctx.people.full_names, *(p.canonical for p in ctx.person_mentions)])
        if len(n.split()) > len(tokens) and fold(n).split()[-len(tokens) :] == tokens and not any(c.isdigit() for c in n)
    ]  # fmt: skip
    if len(longer) == 1:
        return longer[0]
    if len(tokens) <= 2 and not longer and _capitalised_word_before(ctx.body, name):
        # the article's own fuller form of the name, even when no name finder caught it
        forms = {
            clean_name(m.group(0))
            for m in _fuller_form_re(name).finditer(ctx.body)
            if not any(
                t in _NOT_NAMES or t.endswith(("'s", "’s")) or t.lower() in _epithets()
                for t in m.group(0).split()[:-1]
            )
            and not ctx.gaz_in(m.start(), m.end())
        }
        if len(forms) == 1:
            return forms.pop()
    return name


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'’-"


def _capitalised_word_before(body: str, name: str) -> bool:
    """Whether some occurrence of ``name`` follows whitespace after a word that starts upper-case and
    ends lower-case: what :func:`_fuller_form_re` needs, checked without building that pattern."""
    at = body.find(name)
    while at >= 0:
        end = at
        while end > 0 and body[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and _word_char(body[start - 1]):
            start -= 1
        if (
            end < at
            and start < end
            and ("A" <= body[start] <= "Z" or "À" <= body[start] <= "Þ")
            and ("a" <= body[end - 1] <= "z" or "à" <= body[end - 1] <= "ÿ")
        ):
            return True
        at = body.find(name, at + 1)
    return False


@lru_cache(maxsize=4096)
def _fuller_form_re(name: str) -> re.Pattern[str]:
    """A name with one or two capitalised words before it ("Jermain Defoe" for "Defoe")."""
    return re.compile(rf"(?<![\w'’-])(?:[A-ZÀ-Þ][\w’'-]*[a-zà-ÿ]\s+){{1,2}}{re.escape(name)}\b")


@lru_cache(maxsize=1)
def _epithets() -> frozenset[str]:
    """Words that lead a name in tabloid copy without being part of it ("Big Dan Okoro")."""
    lines = data_path("name_epithets.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Connectives and nationality words that may stand before a surname (``name_lead_words.txt``)."""
    lines = data_path("name_lead_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def words() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in data_path("goal_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, pattern = line.split("\t", 1)
            out[key] = pattern.strip()
    return out


@dataclass
class GoalMention:
    scorer: str
    at: int  # offset of the scorer's name
    window: tuple[int, int]
    group: int  # names listed together ("goals from A and B") share a group
    minute: int | None = None
    added: int | None = None
    period: str | None = None
    kind: str | None = None
    assist: str | None = None
    team: str | None = None  # the scorer's side as the words say it (before own-goal flipping)
    cues: set[str] = field(default_factory=set)
    count: int = 1
    enumerated: bool = False
    listed: bool = False  # from a bracketed scorer list: minute and kind already known
    minutes: list[tuple[int | None, int | None]] = field(default_factory=list)  # one per goal when count > 1
    periods: list[str] = field(default_factory=list)  # "in each half": one period per goal
    kinds: list[str | None] = field(default_factory=list)  # "the second a penalty": one kind per goal


class MentionReader(Protocol):
    """What :func:`goal_verbs.extra_mentions` needs of a goal finder."""

    ctx: ArticleContext
    masked: str

    def mentions(self, sent: Segment, how: str, m: re.Match[str]) -> list[GoalMention]: ...


def _without_lead(ctx: ArticleContext, tokens: list[str]) -> list[str]:
    """Name tokens without a leading connective or nationality word ("Although Berbatov", "Ivorian
    Bony"), dropped only when the rest names someone ("French" may be a first name)."""
    lead = _lead_words()
    while len(tokens) >= 2 and tokens[0].lower() in lead:
        rest = tokens[1:]
        if len(rest) == 1:
            # the one name the article gives for that surname, leaving aside forms with such a word
            known = {*ctx.people.full_names, *(p.canonical for p in ctx.person_mentions)}
            fuller = {n for n in known if n.split()[-1:] == rest and n.split()[0].lower() not in lead}
            if len(fuller) != 1:
                break
            return fuller.pop().split()
        tokens = rest
    return tokens


def name_at(
    ctx: ArticleContext, people: dict[int, PersonMention], start: int, text: str, allow_single: bool = False
) -> str | None:
    """The canonical scorer name for the name (or person placeholder) at ``start``; a new mention is
    recorded in ``ctx.person_mentions`` and ``people`` (offset → mention). None when it names nobody."""
    if text.startswith(PERSON):
        p = people.get(start)
        if p is None:
            return None
        bare = " ".join(_without_lead(ctx, _ROLE_WORDS.sub("", p.canonical).split()))
        return _ROLE_WORDS.sub("", full_name(ctx, ctx.people.resolve(bare) or bare))
    cleaned = clean_name(text)
    name = re.sub(_ROLE_WORDS, "", cleaned)
    allow_single = allow_single or name != cleaned  # "Midfielder Edu": the role word says it is a person
    tokens = _without_lead(ctx, name.split())
    if " ".join(tokens) != name:
        shift = text.find(tokens[0])
        start, text = (start + shift, text[shift:]) if shift > 0 else (start, text)
    name = " ".join(tokens)
    first = name.split()[0] if name else ""
    if not name or first in _NOT_NAMES:
        return None
    if len(name.split()) == 1 and not allow_single and ctx.people.resolve(name) is None:
        return None  # a lone capitalised word that names nobody known ("Wolves replied")
    tokens = name.split()
    while len(tokens) >= 3 and tokens[0].lower() in _epithets():
        tokens = tokens[1:]  # "Big Dan Okoro": a tabloid epithet before the name
    name = " ".join(tokens)
    known = ctx.people.resolve(name) or ctx.people.add(name)
    if known and any(c.isdigit() for c in known):
        known = None  # a name finder's span that swallowed a minute ("Bailey 40")
    canonical = _ROLE_WORDS.sub("", full_name(ctx, known or name))
    end = start + len(text.rstrip("'’s"))
    if not any(p.start <= start < p.end for p in ctx.person_mentions):
        ctx.person_mentions.append(PersonMention(start, end, ctx.body[start:end], canonical))
        people[start] = ctx.person_mentions[-1]
    return canonical
