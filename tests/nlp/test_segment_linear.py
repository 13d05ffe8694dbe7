"""Segmentation stays exact and bounded on text with no paragraph breaks or no full stops."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from touchline.nlp.segment import MAX_SENTENCE_CHARS, _word_before, capped_spans, sentences

_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


@given(st.text(alphabet="ab_1'’. ,!é\"-\n", max_size=40))
def test_word_before_is_the_regex_it_replaced(text: str) -> None:
    m = _LAST_WORD.search(text)
    assert _word_before(text, len(text)) == (m.group(1) if m else None)


def test_a_sentence_without_full_stops_is_cut_after_a_space() -> None:
    body = "the ball went wide and " * 1000
    got = sentences(body.strip())
    assert len(got) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in got)
    assert all(body[s.start : s.end] == s.text and not s.text[0].isspace() for s in got)
    assert all(body[s.end] == " " for s in got[:-1])  # cut at a space, never inside a word


def test_capped_spans_cover_the_text_and_cut_a_word_only_when_there_is_no_space() -> None:
    body = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    spans = capped_spans(body, 0, len(body))
    assert [e - s for s, e in spans] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


def test_real_sentences_are_unchanged() -> None:
    body = "Saints lost. Rusk was sad.\n\nMr. Smith spoke."
    assert [s.text for s in sentences(body)] == ["Saints lost.", "Rusk was sad.", "Mr. Smith spoke."]
