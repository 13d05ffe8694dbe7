"""Words that open a sentence before a name are not part of a speaker's name."""

from __future__ import annotations

from touchline.models import Article
from touchline.nlp.components.speaker_names import strip_lead
from touchline.nlp.pipeline import default_extractor


def test_strip_lead() -> None:
    assert strip_lead("But Ferguson") == len("But ")
    assert strip_lead("And Then Mourinho") == len("And Then ")
    assert strip_lead("Matchwinner Rooney") == len("Matchwinner ")
    assert strip_lead("Andy Robertson") == 0  # "Andy" is a name, not "And"
    assert strip_lead("But") == 0  # nothing of a name would be left


def test_speaker_without_the_opening_word() -> None:
    text = (
        '"We were the better side," said Eddie Howe. And Guardiola said: "They always seem to have fresh '
        'legs." Matchwinner Rooney said: "It was a great feeling to score."'
    )
    facts = default_extractor().extract(Article("t", "test", None, text))
    speakers = {q.text[:10]: q.speaker for q in facts.quotes}
    assert speakers["They alway"] == "Guardiola"
    assert speakers["It was a g"] == "Rooney"
    assert not any(p.startswith(("And ", "But ", "Matchwinner")) for p in (x.name for x in facts.people))


def test_he_added_goes_on_with_a_new_narrative_speaker() -> None:
    text = (
        '"We will meet his agent," said sporting director Pablo Ruiz. Walker was jeered last month. '
        'Boss Gary Monk had said that he would let the winger go. He added: "It is not down to the fans."'
    )
    facts = default_extractor().extract(Article("t", "test", None, text))
    assert {q.text[:6]: q.speaker for q in facts.quotes}["It is "] == "Gary Monk"


def test_he_added_stays_with_the_speaker_over_a_bystander() -> None:
    text = '"We were poor," said Eddie Howe. Kieran Trippier watched from the stands. "We must improve," he added.'
    facts = default_extractor().extract(Article("t", "test", None, text))
    assert {q.text[:6]: q.speaker for q in facts.quotes}["We mus"] == "Eddie Howe"


def test_one_word_speaker_takes_the_full_name_printed_once() -> None:
    text = (
        "Kasper Dolberg reflects on a big week for Ajax\n"
        'Dolberg insists he is not distracted. "I am really comfortable here," said Dolberg.'
    )
    facts = default_extractor().extract(Article("t", "test", None, text))
    assert [q.speaker for q in facts.quotes] == ["Kasper Dolberg"]


def test_one_word_speaker_stays_when_two_given_names_fit() -> None:
    text = (
        "Kasper Dolberg and Anders Dolberg were both at the game.\n"
        '"I am really comfortable here," said Dolberg.'
    )
    facts = default_extractor().extract(Article("t", "test", None, text))
    assert all(q.speaker != "Kasper Dolberg" for q in facts.quotes)
