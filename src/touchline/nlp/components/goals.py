"""Goals of the played matches: scorer, team, minute, added time, period, kind and assist.

Goal phrases are found in the masked text (people and clubs replaced by placeholders, see
``match_lexicon``). Mentions of one goal are merged by scorer ("Stephens' 14th-minute opener" and
"Stephens headed home"). Teams come from the words ("levelled for Fulham"), then from what must
be true for the goals to add up to the score (:func:`solve_teams`). Own goals count for the other
team. When the goals cannot add up to the score, the match gets a warning instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touchline.nlp.components.goal_mention import (
    _NAME,
    GoalMention,
    name_at,
    words,
)
from touchline.nlp.components.goal_verbs import (
    extra_mentions,
    other_subject_before,
    own_net_after,
)
from touchline.nlp.components.match_lexicon import (
    CLUB_RE,
    PERSON_RE,
    POSS_RE,
    required_parts,
)
from touchline.nlp.context import ArticleContext
from touchline.nlp.segment import Segment

_NOUN_KIND = {
    "header": "header",
    "penalty": "penalty",
    "spot-kick": "penalty",
    "free-kick": "free_kick",
    "own-goal": "own_goal",
}
# goal nouns that name a goal, not just a shot ("X's opener", unlike "X's header")
_GOAL_ITSELF = re.compile(
    r"(?:\w+\s+)?(?:goal|opener|equali[sz]er|leveller|winner|brace|double|hat-trick|treble|consolation|own[- ]goal)"
)
# "had X converted", "if X scores", "X could have ...": the words before the scorer make it unreal
_COUNTERFACTUAL = re.compile(r"\b(?:had|if|unless|should|would|could|might)\s+(?:[\w-]+\s+)?$")
_CLAUSE_END = re.compile(
    r";|,\s+(?:and|but|while|before|as)\s+(?=[A-Z\u24b8\u24c5])|,\s+(?:and\s+|but\s+)?(?:although|though|even though|whereas)\s+"
    r"|,\s+(?=(?:[A-Z][\w'’-]*|\u24c5[\w\u2007]*)(?:\s+[A-Z][\w'’-]+)?\s+[a-z]{2,})|,\s+(?:and\s+)?(?=[A-Z\u24c5][\w\u2007'’-]*\s+(?:[A-Z][\w'’-]+\s+)?[a-z]+(?:ed|s)\b)|\s+and\s+(?=\u24c5)|,\s+but\s|\s+but\s|,\s+while\s|\s+before\s+(?!half|the\s+(?:break|interval|end|hour))|\s+and\s+then\s|"
    r",\s+(?:and\s+)?(?=[A-Z\u24c5][\w\u2007]+\s+(?:then|later))"
)


@lru_cache(maxsize=1)
def _find_patterns() -> list[tuple[str, re.Pattern[str], tuple[re.Pattern[str], ...]]]:
    """The goal-phrase patterns of :meth:`GoalFinder.find`, compiled once."""
    w = words()
    # a masked name's fill is whitespace to ``\s`` too: a plain ``Ⓟ *`` before ``\s*,`` can split the
    # fill two ways per name, which made a list of six masked names take minutes to fail. The
    # possessive fill (``*+``) takes it all at once; the spans that match are the same.
    item = _NAME.replace(PERSON_RE, PERSON_RE + "+", 1)
    names = rf"{item}(?:\s*(?:,|and|&)\s*{item})*"
    aux = r"(?:(?:then|later|also|duly|eventually|finally|quickly|had|has|have|was|coolly|calmly|neatly|himself|herself)\s+)*"
    not_after = (
        r"(?!\s+(?:[\w-]+\s+)?(?:season|game|match|start|appearance|minutes(?!\s+(?:from|before|after|into|later|in\b))|half|spell|team|touch|year|months|"
        r"campaign|time|job|day|week|contract|cap|call-up|training|chance|shot|leg|round|lost|won|drew|card|booking|yellow|"
        r"afternoon|evening|night|weekend|outing|trip|visit|spell|charge|press|win|defeat|victory|sending-off|"
        r"miss|misses|appeal|shout|claim|successive|consecutive|straight))"
    )
    # "Rourke, on for the crocked Okoro, raced clear": a lower-case aside between name and verb
    appositive = r",\s+(?=[a-z\d])[^,.;:\"“”]{1,45},"
    pats = [
        (
            "enum",
            rf"(?i:\b(?:goals?|strikes?|efforts?|headers?|finishes?|equaliser|equalizer|leveller|winner|opener|consolation|reply|brace|double|hat-trick|tap-in|volley|penalty|spot-kick|drive)\s+(?:(?!(?:{w['assist_noun']})\b)\w+\s+)?(?:from|by))\s+({names})",
        ),
        ("poss", rf"({_NAME}){POSS_RE}\s+(?:[\w-]+\s+){{0,3}}?(?i:({w['goal_noun']}))\b{not_after}"),
        ("attr", rf"\b[a-z][\w-]*\s+({_NAME})\s+(?i:({w['goal_noun']}))\b{not_after}"),
        (
            "nth",
            rf"({_NAME}){POSS_RE}\s+(second|third|fourth|fifth)\b(?=\s*[,(–—]|\s+(?:of the (?:game|match|night|"
            rf"afternoon|evening|day)|came|arrived|followed|was a|was an)\b)",
        ),
        ("verb", rf"({names})\s+{aux}(?i:(?:{w['score_verb']}))"),
        ("verb", rf"({_NAME}){appositive}\s+{aux}(?i:(?:{w['score_verb']}))"),
        (
            "verb",
            rf"({_NAME}),\s+who\s+{aux}(?i:(?:{w['score_verb']}))",
        ),  # "the ball broke for X, who netted"
        (
            "shot",
            rf"({_NAME})(?:{appositive})?\s+{aux}(?:(?:[\w-]+\s+){{1,6}}?and\s+)?(?i:(?:{w['shot_verb']}))\s+(?:\S+\s+){{0,5}}?(?i:(?:{w['completion']}))",
        ),
        (
            "for",
            rf"(?i:\bfor\s+)({_NAME})\s+(?i:to\s+(?:head|fire|slot|tap|turn|stab|sweep|nod|poke|smash|drill|score|finish|rifle|curl|volley|bundle|lash|prod|steer|glance|bury|convert|equalis|equaliz|level|net|grab|snatch|pull|drive|rifle|stroke)\w*)",
        ),
        (
            "met",
            rf"({_NAME})\s+met\s+(?:{_NAME}){POSS_RE}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:(?:{w['assist_noun']}))\b",
        ),
        (
            "came",
            rf"(?i:\b(?:{w['goal_noun']})\s+(?:arrived|came)\b)[^;]*?(?i:\b(?:when|as|through|from|courtesy of)\s+)(?:[a-z][\w-]*\s+){{0,2}}?({_NAME})",
        ),
        (
            "through",
            rf"(?i:\b(?:lead|led|level\w*|ahead|in front|responded|replied|hit back|(?:battled|fought|came|bounced|roared) back|equalis\w*|advantage|doubled|reply|pulled|halved|scored|goal|answered|struck)\b[^.;]{{0,60}}?\bthrough\s+)({names})",
        ),
        ("own", rf"(?i:own[- ]goal\s+(?:from|by)\s+)(?:[a-z][\w-]*\s+){{0,2}}?({_NAME})"),
        (
            "ownby",  # "Neary's cross was turned into his own net by Everton full-back Bright"
            rf"(?i:(?:into|past|through|beyond)\s+(?:his|her|their)\s+own\s+(?:net|goal)\s+by\s+)"
            rf"(?:\S+\s+){{0,3}}?({_NAME})",
        ),
        (
            "by",
            rf"(?i:\b(?:cancelled out|equalised|levelled|matched|answered|pegged back)\s+(?:[a-z]+\s+){{0,2}}?by\s+(?:a\s+)?(?:[a-z][\w-]*\s+){{0,2}}?)({_NAME})",
        ),
        (
            "by",
            rf"({_NAME})\s+(?:(?!{PERSON_RE})[^.;,Ⓟ]){{0,80}}?\bby\s+(?:scoring|netting|heading|firing|grabbing|converting)\b",
        ),
        (
            "own",
            rf"({_NAME})\s+(?:\S+\s+){{0,7}}?(?i:(?:into|past|through|beyond)\s+(?:his|her)\s+own\s+(?:net|goal|goalkeeper|keeper))",
        ),
        (
            "list",
            rf"\(\s*((?:{_NAME}\s+\d{{1,3}}(?:\s*\+\s*\d{{1,2}})?(?:\s*(?:pen|p|og|o\.g\.))?(?:\s*,\s*\d{{1,3}})*\s*[,;]?\s*)+)\)",
        ),
        (
            "pronoun",
            rf"(?i:\b(?:his|her)\s+(?:first|second|third|fourth|goal|strike|header|penalty|brace|double|hat-trick)\b){not_after}",
        ),
        ("pronoun", rf"(?i:\band\s+(?:then\s+|later\s+)?(?:{w['score_verb']}))"),
    ]
    return [(how, re.compile(pat), _gates(pat)) for how, pat in pats]


def _gates(pattern: str) -> tuple[re.Pattern[str], ...]:
    """Parts of ``pattern`` every match needs that are quick to look for on their own (a verb or noun
    list): a sentence one is not in is skipped. Not the name parts (a capitalised word is in nearly
    every sentence) nor lookarounds (they hold nearly everywhere)."""
    parts = [p for p in required_parts(pattern) if not pattern.startswith(p)]  # a leading part: no saving
    return tuple(re.compile(p) for p in parts if _NAME not in p and not p.startswith(("(?=", "(?!", "(?<")))


def _present(part: re.Pattern[str], text: str, seen: dict[re.Pattern[str], bool]) -> bool:
    if part not in seen:
        seen[part] = part.search(text) is not None
    return seen[part]


class GoalFinder:
    def __init__(self, ctx: ArticleContext, masked: str, quoted: list[bool]) -> None:
        self.ctx, self.masked, self.quoted = ctx, masked, quoted
        self.people = {p.start: p for p in ctx.person_mentions}
        self.w = words()
        self._group = 0

    # ---- names ---------------------------------------------------------------------------------
    def name_at(self, start: int, text: str, allow_single: bool = False) -> str | None:
        return name_at(self.ctx, self.people, start, text, allow_single)

    # ---- finding -------------------------------------------------------------------------------
    def find(self) -> list[GoalMention]:
        found: list[GoalMention] = self._scorer_lines() + self._tallies()
        pronouns: list[tuple[Segment, re.Match[str]]] = []
        pats = _find_patterns()
        for sent in self.ctx.sentences:
            self.ctx.check_deadline()
            text = self.masked[sent.start : sent.end]
            present: dict[re.Pattern[str], bool] = {}
            for how, pat, gates in pats:
                if not all(_present(gate, text, present) for gate in gates):
                    continue  # a part every match needs is not in the sentence
                for m in pat.finditer(text):
                    if how == "pronoun":
                        pronouns.append((sent, m))
                    else:
                        found += self.mentions(sent, how, m)
        found += extra_mentions(self, found)
        for sent, m in pronouns:
            found += self._pronoun(sent, m, found)
        # a team-sheet block's goals are the teamsheet component's: it adds the block-only ones and
        # flags a minute the prose gives differently, which it could not do if the block were read here
        blocks = self.sheet_spans()
        return [g for g in found if not any(a <= g.at < b for a, b in blocks)]

    def sheet_spans(self) -> list[tuple[int, int]]:
        """Spans of the team-sheet blocks that list goals (teamsheet_parse.find_blocks)."""
        from touchline.nlp.components.teamsheet_parse import find_blocks

        blocks = find_blocks(self.ctx.body, lambda text: self.ctx.gazetteer.club(text) is not None)
        return [(b.start, b.end) for b in blocks if b.goals]

    def mentions(self, sent: Segment, how: str, m: re.Match[str]) -> list[GoalMention]:
        start = sent.start + m.start(1)
        if any(self.quoted[start : start + 1]) or self.ctx.in_quote(start, start + 1):
            return []
        ahead = self.ctx.body[max(sent.start, start - 45) : start].lower()
        if re.search(
            r"\b(?:saved|save|saving|missed|blocked|denied|kept out|keep out|parried|parry|tipped|tip|palmed|palm|"
            r"pushed|push|clawed|claw)\s+(?:[\w-]+\s+){0,4}$"
            # verbs of a keeper or defender whose direct object is the shot ("holding Ben Haim's strike")
            r"|\b(?:handled|holding|held|gathered|collected|clutched|smothered|matched)\s+(?:an?\s+|the\s+)?$",
            ahead,
        ):
            return []  # "Kelleher saved Mbappé's penalty"
        if how not in ("list", "own", "ownby") and _COUNTERFACTUAL.search(ahead):
            return []  # "It might have been different had Benteke converted a penalty"
        if how == "own" and re.search(r"\b(?:from|by|of|with)\s+(?:[a-z]+\s+)?$", ahead):
            return []  # "turned a low cross from X into his own net": X made the cross
        if how == "own" and re.match(r"\s+by\b", self.masked[sent.start + m.end() :]):
            return []  # "X's cross was turned into his own net by Y": Y put it in
        if how == "came" and re.search(rf"\b(?:{self.w['assist_noun']})\s+from\s+(?:[a-z]+\s+)?$", ahead):
            return []  # "heading in a cross from Mahoney": Mahoney made it
        if (
            how == "poss"
            and re.fullmatch(rf"(?:{self.w['assist_noun']})", m.group(2).lower())
            and re.search(
                r"\b(?:(?:header|volley|finish|shot|strike|tap-in|effort|nod|flick|glance)s?|(?:head|nodd|volley|turn|"
                r"poke|stabb|bundl|fir|sweep|swept|convert)\w*\s+(?:home|in))\s+(?:[\w-]+\s+){0,2}?from\s+(?:an?\s+|the\s+)?$"
                r"|\b(?:met|meeting|onto|on to|on the end of)\s+(?:an?\s+|the\s+)?$",
                ahead,
            )
        ):
            return []  # "a header from McBride's free-kick": McBride made it
        if how == "poss" and not m.group(2).lower().startswith("own") and own_net_after(self.masked, sent, m):
            return []  # "the keeper turned Cairney's shot into his own net": the keeper put it in
        window = self._window(sent, sent.start + m.start(), sent.start + m.end())
        tail = self.ctx.body[sent.start + m.end() : min(window[1], sent.start + m.end() + 45)].lower()
        if how == "verb":
            tail = re.split(r"\b(?:after|when|once|because)\b", tail, maxsplit=1)[
                0
            ]  # the build-up, not the shot
        if re.search(r"\bin$", m.group(0)):
            tail = re.sub(
                r"^\s*off\s+the\s+(?:[\w-]+\s+){0,3}?(?:post|bar|crossbar|upright|woodwork)\b", "", tail
            )
        if how in ("shot", "verb") and re.search(
            r"\b(?:over|wide of) the (?:bar|crossbar|post|target)\b|\bwide\b|\bagainst the (?:post|bar|crossbar|woodwork|upright)\b",
            m.group(0).lower(),
        ):
            return []  # "curled a free-kick over the bar in the 38th minute": the words say it missed
        # (the shot's own clause: "scored the equaliser and was almost involved in another" is a goal)
        shot_clause = re.split(r"\b(?:and|but|before|while|whereas)\b", tail, maxsplit=1)[0]
        if how in ("poss", "attr") and _GOAL_ITSELF.fullmatch(m.group(2).lower()):
            shot_clause = re.split(r"\b(?:should|could|would|might)\s+have\b", shot_clause, maxsplit=1)[0]
            # "X's second goal should have ensured a comfortable end": a goal, whatever came after
        if re.search(rf"^\W*(?:\w+\W+){{0,7}}?(?:{self.w['miss']})", shot_clause) and how not in (
            "enum",
            "own",
            "ownby",
        ):
            return []
        scope = self.ctx.body[window[0] : window[1]].lower()
        if re.search(
            r"\b(?:in|during|won|lost|decided|settled) (?:the|a) (?:penalty )?shoot-?out\b|\bdecisive (?:kick|penalty)\b",
            self.ctx.body[sent.start : window[1]].lower(),
        ) and not re.search(r"\bforced\b", m.group(0).lower()):
            return []  # "In the shoot-out ... Milburn converted the decisive penalty": not a goal of the match
        if re.search(
            r"\bthis (?:season|campaign|term)\b|\bin \d+ (?:games|matches|appearances)\b|\bcareer\b|\btally\b"
            r"|\b(?:have|has) (?:now |already )?scored (?:more|\d+|[a-z]+ (?:goals|times)|in (?:each|every|all))\b",
            scope,
        ):
            return []
        names: list[tuple[int, str]] = []
        if how == "list":
            return self._listed(sent, m)
        if how in ("enum", "verb", "through"):
            for n in re.finditer(_NAME, m.group(1)):
                after = self.masked[start + n.end() : start + n.end() + 40]
                if re.match(
                    rf"{POSS_RE}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{self.w['assist_noun']})\b", after, re.I
                ):
                    continue  # "a header from Robertson's cross": Robertson made it
                names.append((start + n.start(), n.group(0)))
        else:
            names.append((start, m.group(1)))
        self._group += 1
        out = []
        accepted: list[tuple[int, str, str]] = []
        for at, surface in names:
            scorer = self.name_at(at, surface)
            if scorer:
                accepted.append((at, surface, scorer))
        if accepted and how in ("enum", "verb", "through") and accepted[0][0] > start:
            # "on Saturday, Liam Boyce scoring": the clause starts at the first real name
            window = self._window(sent, accepted[0][0], sent.start + m.end())
        for at, surface, scorer in accepted:
            g = GoalMention(scorer, at, window, self._group, enumerated=len(accepted) > 1)
            if how in ("own", "ownby") or re.search(
                r"own[- ]goal", self.ctx.body[at : at + len(surface) + 30].lower()
            ):
                g.kind = "own_goal"
            elif how == "nth":  # "Cuthbert's second, a tap-in": at least that many goals
                g.count = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}[m.group(2).lower()]
            elif how in ("poss", "attr"):
                noun = m.group(2).lower().replace(" ", "-")
                g.kind = _NOUN_KIND.get(noun)
                g.count = {"brace": 2, "double": 2, "hat-trick": 3, "treble": 3}.get(noun, 1)
            out.append(g)
        return out

    def _pronoun(self, sent: Segment, m: re.Match[str], found: list[GoalMention]) -> list[GoalMention]:
        """ "His second, in the 81st minute", "... and then equalised": the scorer named last before it."""
        at = sent.start + m.start()
        before = [g for g in found if g.at < at and at - g.at < 400 and not g.listed]
        if not before or self.in_quote(at):
            return []
        last = max(before, key=lambda g: g.at)
        if any(g.at < at and g.scorer != last.scorer and g.at > last.at for g in found):
            return []
        if other_subject_before(self.ctx, sent.start, at, last):
            return []
        self._group += 1
        window = self._window(sent, at, sent.start + m.end())
        if m.group(0).lower().startswith("and") and last.window[0] <= at <= last.window[1] + 1:
            # "X swept in after 23 minutes and made sure from the spot in the 71st": the words before
            # "and" are the first goal's, the words after it this one's
            window = (at, window[1])
            for o in found:  # every earlier mention of the scorer whose words ran on past "and"
                if o.scorer == last.scorer and o.window[0] <= at < o.window[1]:
                    o.window = (o.window[0], at)
        g = GoalMention(last.scorer, at, window, last.group)
        nth = re.search(r"\b(?:his|her)\s+(second|third|fourth)\b", m.group(0).lower())
        if nth:
            g.count = {"second": 2, "third": 3, "fourth": 4}[nth.group(1)]
        return [g]

    def _tally_items(self, start: int, end: int, score: int) -> list[tuple[int, str, int]] | None:
        """ "(Smith 2, Jones)" after a club's score of 3: (offset, surface, goals) per scorer, when the
        numbers are goal counts that add up to the score (not minutes)."""
        items: list[tuple[int, str, int]] = []
        for part in re.finditer(r"[^,]+", self.ctx.body[start:end]):
            m = re.fullmatch(r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:\s+(\d))?\s*", part.group(0))
            if not m:
                return None
            items.append((start + part.start() + m.start(1), m.group(1), int(m.group(2) or 1)))
        return items if items and sum(n for _a, _s, n in items) == score else None

    def _tallies(self) -> list[GoalMention]:
        """Old results lists: "Arsenal 2 (Smith 2) Coventry City 0", "Everton 1 (Sharp)": scorers in
        brackets after their club's score, with a goal count instead of minutes."""
        out: list[GoalMention] = []
        for m in re.finditer(rf"({CLUB_RE})\s+(\d{{1,2}})\s*\(([^()\n]{{1,120}})\)", self.masked):
            items = self._tally_items(m.start(3), m.end(3), int(m.group(2)))
            club = self.ctx.gaz_in(m.start(1), m.end(1), "club")
            if not items or not club or self.in_quote(m.start()):
                continue
            for at, surface, count in items:
                scorer = self.name_at(at, surface, allow_single=True)
                if scorer is None:
                    continue
                self._group += 1
                g = GoalMention(scorer, at, (at, at + len(surface)), self._group, team=club[0].canonical)
                g.count = count
                g.listed = True
                out.append(g)
        return out

    def _listed(self, sent: Segment, m: re.Match[str]) -> list[GoalMention]:
        """ "(Agboola 12, Carewe 40, Youngman 77 pen)": scorers with minutes in brackets."""
        out: list[GoalMention] = []
        owner_score = re.search(r"(\d{1,2})\s*$", self.masked[sent.start : sent.start + m.start()])
        if owner_score and self._tally_items(
            sent.start + m.start(1), sent.start + m.end(1), int(owner_score.group(1))
        ):
            return out  # goal counts, read by _tallies
        base = sent.start + m.start(1)
        sheet = self.ctx.body[sent.start : sent.end]
        if sheet.count(";") >= 2 or re.search(r"\(capt\)|\(c\)|\bsubs\b", sheet, re.IGNORECASE):
            return out  # a team sheet: brackets hold substitutions
        before = self.ctx.body[max(sent.start, sent.start + m.start() - 30) : sent.start + m.start()]
        after_club = any(
            c.end >= sent.start + m.start() - 2
            for c in self.ctx.gaz_in(sent.start, sent.start + m.start(), "club")
        )
        owner = re.search(
            rf"({CLUB_RE})\s+\(?\d{{1,2}}\)?\s*$", self.masked[sent.start : sent.start + m.start()]
        )
        team = (
            self.ctx.gaz_in(sent.start + owner.start(1), sent.start + owner.end(1), "club") if owner else []
        )
        if re.search(r"[A-Z][\w'’-]+\s*$", before) and not re.search(r"\d\s*$", before) and not after_club:
            return out  # "Bakke (Barmby 70)": a substitution in a team sheet
        for item in re.finditer(
            rf"({_NAME})\s+((?:\d{{1,3}}(?:\s*\+\s*\d{{1,2}})?(?:\s*(?:pen|p|og|o\.g\.))?\s*,?\s*)+)",
            m.group(1),
        ):
            scorer = self.name_at(base + item.start(1), item.group(1), allow_single=True)
            if scorer is None:
                continue
            self._group += 1
            at = base + item.start(1)
            for minute in re.finditer(
                r"(\d{1,3})(?:\s*\+\s*(\d{1,2}))?(\s*(?:pen|p|og|o\.g\.))?", item.group(2)
            ):
                g = GoalMention(scorer, at, (at, base + item.end()), self._group)
                g.team = team[0].canonical if team else None  # "Arsenal 2 (Saka 12, Havertz 70)"
                g.minute = int(minute.group(1))
                g.added = int(minute.group(2)) if minute.group(2) else None
                flag = (minute.group(3) or "").strip()
                g.kind = "penalty" if flag in ("pen", "p") else "own_goal" if flag.startswith("o") else None
                g.listed = True
                out.append(g)
        return out

    def _scorer_lines(self) -> list[GoalMention]:
        """ "Scorers: Tottenham: Defoe 12, Keane 47 pen; Middlesbrough: Mendieta 31" match-facts lines."""
        out: list[GoalMention] = []
        clubs = {c.start: c.canonical for c in self.ctx.gaz if c.kind == "club"}
        for line in re.finditer(r"(?im)^\s*(?:goal)?scorers?\s*:|^\s*goals\s*:", self.masked):
            end = self.masked.find("\n", line.end())
            end = len(self.masked) if end < 0 else end
            for part in re.finditer(r"[^;]+", self.masked[line.end() : end]):
                start = line.end() + part.start()
                text = part.group(0)
                team = None
                head = re.match(rf"\s*({CLUB_RE})\s*[:,-]?", text)
                if head:
                    team = clubs.get(start + head.start(1))
                for item in re.finditer(
                    rf"({_NAME})\s+((?:\d{{1,3}}(?:\s*\+\s*\d{{1,2}})?(?:\s*(?:pen|p|og|o\.g\.))?\s*,?\s*)+)",
                    text,
                ):
                    at = start + item.start(1)
                    scorer = self.name_at(at, item.group(1), allow_single=True)
                    if scorer is None:
                        continue
                    self._group += 1
                    for minute in re.finditer(
                        r"(\d{1,3})(?:\s*\+\s*(\d{1,2}))?(\s*(?:pen|p|og|o\.g\.))?", item.group(2)
                    ):
                        g = GoalMention(scorer, at, (at, start + item.end()), self._group, team=team)
                        g.minute = int(minute.group(1))
                        g.added = int(minute.group(2)) if minute.group(2) else None
                        flag = (minute.group(3) or "").strip()
                        g.kind = (
                            "penalty"
                            if flag in ("pen", "p")
                            else "own_goal"
                            if flag.startswith("o")
                            else None
                        )
                        g.listed = True
                        out.append(g)
        return out

    def in_quote(self, at: int) -> bool:
        return bool(self.quoted[at : at + 1] and self.quoted[at]) or self.ctx.in_quote(at, at + 1)

    def _window(self, sent: Segment, a: int, b: int) -> tuple[int, int]:
        text = self.masked[sent.start : sent.end]
        lo, hi = sent.start, sent.end
        for c in _CLAUSE_END.finditer(text):
            if sent.start + c.end() <= a:
                lo = sent.start + c.end()
            elif sent.start + c.start() >= b:
                hi = sent.start + c.start()
                break
        return lo, hi
