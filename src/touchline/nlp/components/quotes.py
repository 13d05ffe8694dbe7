"""Quotations and who said them.

Runs after ``entities``. Finds every direct quotation (``quote_spans``), decides which are speech
rather than scare quotes, titles or nicknames, and credits each to a speaker:

1. an attribution next to the quote: ``"...," said X`` / ``X said: "..."`` / ``he added`` /
   ``the Saints boss said`` / ``according to X`` / a dash credit ``- Bolton boss Sam Allardyce:``;
2. otherwise the context: an earlier quote in the same paragraph, the paragraph of a quotation
   that runs on (each paragraph opens with a mark, only the last closes), a run of quote
   paragraphs, the subject of the sentence before, or of the sentence after.

An attribution that names nobody resolvable leaves the speaker None: never a guess.
Sets ``ctx.quote_spans`` (inside the marks) and appends ``Quote`` records to ``ctx.facts.quotes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from touchline.ingest.boilerplate import is_boilerplate
from touchline.models import Quote
from touchline.nlp.components.quote_spans import RawQuote, find_quotes, paragraph_units, sentence_start_before
from touchline.nlp.components.speaker_names import full_speaker
from touchline.nlp.components.speakers import WRITTEN_CREDIT, Lexicon, Referent, SpeakerResolver, lexicon
from touchline.nlp.context import ArticleContext

_WORDS = re.compile(r"[\w'’\-]+")
_SMALL = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "is", "me", "my", "with", "or", "no"}
_POST_STOP = re.compile(r"[.!?;…]|$")
# 'We were robbed' - Allardyce / "..." – Sean Dyche, Burnley manager (a trailing job after a comma)
_DASH_CREDIT = re.compile(
    r"\s*[-–—]\s*([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*){0,3})"
    r"(?:\s*,\s*[^\"“”‘’\n.!?]{1,60})?\s*\.?\s*$"
)
_LEAD = re.compile(r"[\s\-–—•*]*")
_CONTINUES = re.compile(r"(?:added|adds|continued|continues|went\s+on)", re.IGNORECASE)


@dataclass
class Attribution:
    speaker: str | None
    explicit: bool  # a referent or a speech verb credits the quote: no context fallback
    adjacent: bool  # the speech verb or credit touches the quote (a short quote is then speech)


@dataclass
class Found:
    raw: RawQuote
    own: Attribution
    speaker: str | None = None
    chain: int = -1


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def _first_after(body: str, after: list[Referent]) -> Referent | None:
    """The first referent after a verb; a description followed by the name ("said the Leeds
    manager, Terry Venables") gives the name."""
    if not after:
        return None
    first = after[0]
    named = len(after) > 1 and after[1].kind in ("name", "guess")
    if first.kind == "desc" and named and re.fullmatch(r"\s*,?\s*", body[first.end : after[1].start]):
        return after[1]
    return first


class _Attributor:
    def __init__(self, ctx: ArticleContext, raws: list[RawQuote], units: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.body = ctx.body
        self.lex: Lexicon = lexicon()
        self.raws = raws
        self.units = units
        self.res = SpeakerResolver(ctx, [(q.outer_start, q.outer_end) for q in raws])
        self.spoken: list[str] = []  # speakers credited so far, in text order

    def lead(self, unit: int) -> int:
        us, ue = self.units[unit]
        return us + len(_LEAD.match(self.body, us, ue).group(0))  # type: ignore[union-attr]

    def opens_unit(self, q: RawQuote) -> bool:
        return q.open_pos is None or q.open_pos <= self.lead(q.unit)

    def _resolve(self, ref: Referent, verb: str = "") -> str | None:
        name = self.res.resolve(ref, ref.start)
        if (
            ref.kind == "pronoun"
            and _CONTINUES.fullmatch(verb.strip())
            and self.spoken
            and name not in self.spoken
            and self._named_just_before(self.spoken[-1], ref.start)
            and not self._spoke_in_narrative(name, ref.start)
        ):
            # "X confirmed ... Y watched. '...,' he added": the one who has spoken, not a bystander
            name = self.spoken[-1]
        if name is not None:
            self.res.note_speaker(ref, name)
            self.spoken.append(name)
        return name

    def _spoke_in_narrative(self, name: str | None, pos: int) -> bool:
        """``name``'s last mention before ``pos`` is the subject of a speech verb in the same sentence
        ("Boss X had said that he would sell him. He added: ..."): the new speaker goes on."""
        last = [
            m
            for m in self.ctx.person_mentions
            if m.canonical == name and m.end <= pos and not self.res.inside_quote(m.start)
        ]
        if not last:
            return False
        tail = re.split(r"[.!?…:]", self.ctx.body[last[-1].end : min(pos, last[-1].end + 40)])[0]
        return self.res.lex.speech.search(tail) is not None

    def _named_just_before(self, name: str, pos: int) -> bool:
        """``name`` is mentioned in the narrative paragraph before ``pos`` (or earlier in its own)."""
        unit = next((k for k, (us, ue) in enumerate(self.units) if us <= pos < ue), None)
        if unit is None:
            return False
        lo = self.units[unit - 1][0] if unit > 0 else self.units[unit][0]
        return any(
            m.canonical == name and lo <= m.start < pos and not self.res.inside_quote(m.start)
            for m in self.ctx.person_mentions
        )

    # ---- adjacent attribution -------------------------------------------------------------
    def after(self, q: RawQuote, stop: int) -> Attribution | None:
        """``"...," said X`` / ``"...," X told BBC Sport`` / ``"...," he added``."""
        if not q.closed:
            return None
        start = q.outer_end
        dash = _DASH_CREDIT.match(self.body, start, stop)
        if dash is not None and stop == self.units[q.unit][1]:  # 'We were robbed' - Allardyce
            refs = [r for r in self.res.referents_in(dash.start(1), dash.end(1)) if r.kind != "pronoun"]
            if refs and refs[0].start == dash.start(1):
                return Attribution(self._resolve(refs[0]), True, True)
        if WRITTEN_CREDIT.match(self.body, start, stop):
            return Attribution(None, True, True)  # "'...,' read the banner": written, nobody spoke
        inner_end = self.body[q.end - 1]
        credited_inside = inner_end in ",!?…—–-" or self.body[start:stop].lstrip().startswith(",")
        new_sentence = inner_end == "." and (self.opens_unit(q) or self.starts_sentence(q))
        if not credited_inside and not new_sentence:
            return None  # a partial quote running on inside its sentence: no credit after it
        m = _POST_STOP.search(self.body, start, stop)
        end = m.start() if m else stop
        verb = self.lex.speech.search(self.body, start, end)
        if verb is None or _words(self.body[start : verb.start()]) > 6:
            return None
        refs = self.res.referents_in(start, end, guess_near=(verb.start(), verb.end()))
        before = [r for r in refs if r.end <= verb.start()]
        after = [r for r in refs if r.start >= verb.end() and _words(self.body[verb.end() : r.start]) <= 5]
        according = verb.group(0).lower().startswith("according")
        ref = _first_after(self.body, after) if according or not before else before[-1]
        if ref is None:
            return Attribution(None, True, False)  # "said a club spokesman": credited, to nobody named
        return Attribution(self._resolve(ref, verb.group(0)), True, True)

    def starts_sentence(self, q: RawQuote) -> bool:
        head = self.body[self.units[q.unit][0] : q.outer_start].rstrip()
        return not head or head[-1] in ".!?…:\"”’'"

    def before(self, q: RawQuote, lo: int) -> Attribution | None:
        """``X said: "..."`` / ``According to X, "..."`` / ``- Bolton boss Sam Allardyce: "..."``."""
        if q.open_pos is None:
            return None
        end = q.open_pos
        start = sentence_start_before(self.body, lo, end)
        if self.opens_unit(q) and q.unit > 0:
            pus, pue = self.units[q.unit - 1]
            if not self.body[pus:pue].rstrip().endswith(":"):
                return None
            start, end = sentence_start_before(self.body, pus, pue), pue
        clause = self.body[start:end].rstrip()
        colon = clause.endswith(":")
        verbs = list(self.lex.speech.finditer(self.body, start, end))
        if not verbs:
            if not colon or _words(clause) > 16:
                return None
            refs = self.res.referents_in(start, end)
            subjects = [r for r in refs if self.res.clause_role(start, r) == "main"]
            ref = subjects[-1] if subjects else None  # not "statement on Rob Haskins' injury:"
            if ref is None:
                return None
            return Attribution(
                self._resolve(ref), True, True
            )  # "he smiled:" / "- Bolton boss Sam Allardyce:"
        verb = verbs[-1]
        refs = self.res.referents_in(start, end, guess_near=(verb.start(), verb.end()))
        before = [r for r in refs if r.end <= verb.start()]
        after = [r for r in refs if r.start >= verb.end() and _words(self.body[verb.end() : r.start]) <= 5]
        according = verb.group(0).lower().startswith("according")
        ref = _first_after(self.body, after) if according or not before else before[-1]
        tail = self.body[verb.end() : end]
        adjacent = (
            colon or clause.endswith(",") or _words(tail) <= 1 or bool(re.fullmatch(r"\s*that\s*", tail))
        )
        if ref is None:
            return Attribution(None, True, False) if adjacent else None
        return Attribution(self._resolve(ref, verb.group(0)), True, adjacent)

    def own(self, i: int) -> Attribution:
        q = self.raws[i]
        us, ue = self.units[q.unit]
        nxt = self.raws[i + 1] if i + 1 < len(self.raws) and self.raws[i + 1].unit == q.unit else None
        prev = self.raws[i - 1] if i > 0 and self.raws[i - 1].unit == q.unit else None
        pre = self.before(q, prev.outer_end if prev else us)
        post = self.after(q, nxt.outer_start if nxt else ue)
        if pre and self.body[: q.outer_start].rstrip().endswith(":"):
            return pre
        return post or pre or Attribution(None, False, False)

    # ---- context --------------------------------------------------------------------------
    def subject_between(self, lo: int, hi: int) -> tuple[bool, str | None]:
        """Subject of the last sentence in body[lo:hi] that has one: (found, canonical)."""
        for s, e in reversed(self.res.sentence_spans(lo, hi)):
            ref = self.sayer_in(s, e) or self.res.subject_of(s, e)
            if ref is not None:
                return True, self.res.resolve(ref, ref.start)
        return False, None

    def sayer_in(self, start: int, end: int) -> Referent | None:
        """The subject of a speech verb in a sentence ("..., but Hume said his club form ...")."""
        verbs = list(self.lex.speech.finditer(self.body, start, end))
        if not verbs:
            return None
        refs = self.res.referents_in(start, end)
        before = [
            r for r in refs if r.end <= verbs[-1].start() and self.res.clause_role(start, r) is not None
        ]
        if before and _words(self.body[before[-1].end : verbs[-1].start()]) <= 2:
            return before[-1]
        return None

    def subject_after_quote(self, q: RawQuote) -> tuple[bool, str | None]:
        """Subject of a narrative sentence after quote ``q`` in its paragraph (its own credit
        fragment, ``," said X.``, is not such a sentence)."""
        spans = self.res.sentence_spans(q.outer_end, self.units[q.unit][1])
        if spans and not re.search(r"[.!?…]$", self.body[q.start : q.end]):
            spans = spans[1:]
        for s, e in reversed(spans):
            ref = self.res.subject_of(s, e)
            if ref is not None:
                return True, self.res.resolve(ref, ref.start)
        return False, None

    def credit_after(self, q: RawQuote, stop: int) -> tuple[bool, str | None]:
        """Only a following sentence that credits the words ("The words were those of X")."""
        return self.subject_after(q, stop, cue_only=True)

    def subject_after(self, q: RawQuote, stop: int, cue_only: bool = False) -> tuple[bool, str | None]:
        """The speaker named in the sentence after the quote: its subject when it is in the same
        paragraph, or the person a speech word points at ("That was the verdict of Dyche")."""
        ue = self.units[q.unit][1]
        spans = self.res.sentence_spans(q.outer_end, stop) if q.closed else []
        if spans and not re.search(r"[.!?…]$", self.body[q.start : q.end]):
            spans = spans[1:]
        same_unit = bool(spans)
        if not spans and stop == ue and q.unit + 1 < len(self.units):
            nus, nue = self.units[q.unit + 1]
            if self.body[nus] not in "\"“‘'":
                spans = self.res.sentence_spans(nus, nue)[:1]
        if not spans:
            return False, None
        s, e = spans[0]
        cue = self.lex.speech_nouns.search(self.body, s, e) or self.lex.speech.search(self.body, s, e)
        if cue is not None:
            refs = [r for r in self.res.referents_in(s, e) if r.kind != "pronoun"]
            if refs:
                near = min(refs, key=lambda r: min(abs(r.start - cue.end()), abs(cue.start() - r.end)))
                return True, self.res.resolve(near, near.start)
        if not same_unit or cue_only:
            return False, None
        ref = self.res.subject_of(s, e)
        if ref is None or ref.kind == "pronoun":
            return False, None
        return True, self.res.resolve(ref, ref.start)


def _is_speech(att: _Attributor, q: RawQuote, own: Attribution) -> bool:
    body = att.body
    text = body[q.start : q.end]
    n = _words(text)
    if (
        q.open_pos is not None
        and n <= 8
        and att.lex.title_cues.search(body[max(0, q.open_pos - 40) : q.open_pos])
    ):
        return False  # a song, book or programme title
    if own.adjacent:
        return n > 0
    sentence = text[:1].isupper() and text[-1] in ".!?" and (att.opens_unit(q) or att.starts_sentence(q))
    if 2 <= n <= 3 and _reported(att, q):
        return True  # "Galtier admitted his side had "lost control" after the equaliser"
    if n <= 3 and not sentence:
        return False  # scare quotes, nicknames, one-word titles (a short full sentence is speech)
    words = text.split()
    capitalised = [w for w in words if w[:1].isupper() or w.lower() in _SMALL]
    title_case = n <= 8 and len(capitalised) == len(words) and not re.search(r"[.!?,;:]", text)
    return not (title_case and not att.opens_unit(q))  # Title Case mid-sentence: a title or a name


def _reported(att: _Attributor, q: RawQuote) -> bool:
    """A short lowercase quotation that ends a clause of reported speech: a named speaker's speech verb
    a few words before it ("X said his players had "never stopped believing" after ...")."""
    body = att.body
    text = body[q.start : q.end]
    if q.open_pos is None or not q.closed or not text[:1].islower():
        return False
    unit_start = att.units[q.unit][0]
    start = sentence_start_before(body, unit_start, q.open_pos)
    clause = body[start : q.open_pos]
    verbs = list(att.lex.speech.finditer(clause))
    if not verbs or re.search(r"[\"“”‘’]|[.!?;:]\s", clause[verbs[-1].end() :]):
        return False
    if _words(clause[verbs[-1].end() :]) > 8:
        return False
    if re.search(r"\b(?:the|a|an|his|her|their|its|our|this|that|so-called)\s*$", clause, re.IGNORECASE):
        return False  # 'said the "new signings" were…': a label in the sentence, not the words said
    after = body[q.outer_end : q.outer_end + 12]
    if not re.match(
        r"\s*(?:[.,;!?]|$)|\s+(?:after|before|at|in|on|against|when|while|and|but|as|since|"
        r"during|for|with|despite|because|until|from|to|of|by|this|last|all)\b",
        after,
    ):
        return False  # the quotation ends the reported clause
    sayer = att.sayer_in(start, q.open_pos)
    return sayer is not None and sayer.kind in ("name", "desc", "guess")


def _attribute(att: _Attributor, found: list[Found]) -> None:
    body = att.body
    chain = 0
    for k, f in enumerate(found):
        att.ctx.check_deadline()
        q = f.raw
        prev = found[k - 1] if k > 0 else None
        if prev and prev.raw.unit == q.unit:
            f.chain = prev.chain
        elif (
            prev
            and att.opens_unit(q)
            and prev.raw.unit == q.unit - 1
            and not prev.raw.closed
            and prev.raw.end == att.units[prev.raw.unit][1]
        ):
            f.chain = prev.chain  # a quotation running on over paragraphs
        else:
            chain += 1
            f.chain = chain
        if f.own.explicit:
            f.speaker = f.own.speaker
            continue
        us, ue = att.units[q.unit]
        nxt = found[k + 1].raw if k + 1 < len(found) and found[k + 1].raw.unit == q.unit else None
        stop = nxt.outer_start if nxt else ue
        if prev and prev.raw.unit == q.unit:
            ok, who = att.subject_between(prev.raw.outer_end, q.outer_start)
            f.speaker = who if ok else prev.speaker
            continue
        if att.opens_unit(q):
            if prev and prev.chain == f.chain:
                f.speaker = prev.speaker
                continue
            ok, who = att.credit_after(q, stop)
            if ok:
                f.speaker = who
                continue
            if prev and prev.raw.unit == q.unit - 1:
                ok, who = att.subject_after_quote(prev.raw)
                f.speaker = who if ok else prev.speaker
                continue
            if q.unit > 0:
                pus, pue = att.units[q.unit - 1]
                ok, who = att.subject_between(sentence_start_before(body, pus, pue), pue)
                if ok:
                    f.speaker = who
                    continue
        else:
            ok, who = att.subject_between(us, q.outer_start)
            if ok:
                f.speaker = who
                continue
        ok, who = att.subject_after(q, stop)
        f.speaker = who if ok else None
    # a quotation running on whose credit comes in a later paragraph: credit the earlier ones
    for f in found:
        if f.speaker is None and not f.own.explicit:
            later = [
                g
                for g in found
                if g.chain == f.chain and g.own.explicit and g.speaker and g.raw.start > f.raw.start
            ]
            if later:
                f.speaker = later[0].speaker


def run(ctx: ArticleContext) -> None:
    body = ctx.body
    paras = [p for p in ctx.paragraphs if not is_boilerplate(p.text)]
    units = paragraph_units(body, paras)
    lex = lexicon()

    def opens_speech(unit_start: int, pos: int) -> bool:
        clause = body[sentence_start_before(body, unit_start, pos) : pos].rstrip()
        if clause.endswith(":"):
            return True
        tail = " ".join(clause.split()[-10:])
        return bool(lex.speech.search(tail))

    def looks_attributed(pos: int) -> bool:
        frag = body[pos : pos + 80]
        frag = re.split(r"[.!?;\"“”‘]", frag, maxsplit=1)[0]
        return bool(lex.speech.search(" ".join(frag.split()[:6])))

    raws = find_quotes(body, units, opens_speech, looks_attributed)
    att = _Attributor(ctx, raws, units)
    found = []
    for i, q in enumerate(raws):
        ctx.check_deadline()
        own = att.own(i)
        if _is_speech(att, q, own):
            found.append(Found(q, own))
    _attribute(att, found)
    ctx.quote_spans = [(f.raw.start, f.raw.end) for f in found]
    for f in found:
        start, end = f.raw.start, f.raw.end
        while end > start and body[end - 1] in ", ":
            end -= 1
        if end > start:
            speaker = full_speaker(ctx, f.speaker)  # "Parrott" → "Troy Parrott" named in the headline
            ctx.facts.quotes.append(Quote(speaker, body[start:end], [ctx.evidence(start, end)]))
    known = {(m.start, m.end) for m in ctx.person_mentions}
    extra = [m for m in att.res.added if (m.start, m.end) not in known]
    if extra:
        ctx.person_mentions = sorted([*ctx.person_mentions, *extra], key=lambda m: m.start)
        for m in extra:
            if m.canonical not in ctx.people.full_names and len(m.canonical.split()) > 1:
                ctx.people.add(m.canonical)
