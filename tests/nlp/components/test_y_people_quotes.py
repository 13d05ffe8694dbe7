"""People, quotes, claims and prose cards after the second hold-out batch: a county or country next to
a speech verb is not a speaker or a person; a given name plus middle name the model cut keeps its
surname; "slump to 20th" is a league position; a red card told in prose survives a running score read
as a second match. Sentences written for these tests in several styles."""

from __future__ import annotations

import pytest

from touchline.config import settings
from touchline.linking.people import PeopleIndex, is_place
from touchline.models import Article, Match
from touchline.nlp.components import entities, teamsheet
from touchline.nlp.context import ArticleContext
from touchline.nlp.pipeline import default_extractor, load_spacy


def facts(text: str, published: str = "2021-03-01"):  # type: ignore[no-untyped-def]
    return default_extractor().extract(Article("t", "test", published, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staffordshire", True),
        ("the Midlands", True),
        ("South Wales", True),
        ("West Yorkshire", True),
        ("Argentina", True),
        ("Kent", False),  # also a surname
        ("Jordan", False),  # also a given name
        ("Jordan Henderson", False),
        ("Ryan Kent", False),
    ],
)
def test_is_place(text: str, expected: bool) -> None:
    assert is_place(text) is expected


def test_people_index_refuses_a_place_but_keeps_a_known_person() -> None:
    index = PeopleIndex()
    assert index.add("Lancashire", allow_single=True) is None
    assert index.add("North Wales") is None
    assert index.add("Ryan Kent") == "Ryan Kent"
    assert index.add("Kent", allow_single=True) == "Ryan Kent"


@pytest.mark.parametrize(
    ("text", "speaker", "not_people"),
    [
        # club statement style: the county ends a subordinate clause before "said"
        (
            "Harkin, who spent four years as Morecambe manager before moving to Lancashire, said he was "
            '"proud to be given the chance".',
            "Neil Harkin",
            {"Lancashire"},
        ),
        # Scottish feature: a region the model may take for a name
        (
            'Ross Dunlop, whose family still lives in Ayrshire, said: "We owe the supporters a performance."',
            "Ross Dunlop",
            {"Ayrshire"},
        ),
        # international copy: a country right before the verb
        (
            'Nicolás Ferreyra, who left for Argentina in the summer, said: "I miss the rain, honestly."',
            "Nicolás Ferreyra",
            {"Argentina"},
        ),
    ],
)
def test_place_is_not_a_speaker(text: str, speaker: str, not_people: set[str]) -> None:
    lead = "Oldham Athletic have appointed Neil Harkin as manager. " if "Harkin" in text else ""
    out = facts(lead + text)
    quoted = [q for q in out.quotes if len(q.text) > 12]
    assert quoted and all(q.speaker == speaker for q in quoted), [(q.speaker, q.text) for q in out.quotes]
    assert not ({p.name for p in out.people} & not_people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"The response was brilliant," said Wrexham manager Gareth Owain Jones.', "Gareth Owain Jones"),
        ('"It was a proper cup tie," said Newport County manager Rhys Emlyn Hughes.', "Rhys Emlyn Hughes"),
        ("Goals from Sean Aled Morgan and Dylan Price gave Cardiff City the points.", "Sean Aled Morgan"),
        (
            '"We never stopped," said Carlisle United boss Ian Huw Pritchard, whose side climbed to ninth.',
            "Ian Huw Pritchard",
        ),
    ],
)
def test_three_part_names_are_kept_whole(text: str, name: str) -> None:
    names = {p.name for p in facts(text).people}
    assert name in names
    assert " ".join(name.split()[:2]) not in names


def _ctx(text: str) -> ArticleContext:
    ctx = ArticleContext(
        Article("t", "test", "2019-02-10", text),
        default_extractor().gazetteer,
        load_spacy(settings().spacy_model),
    )
    entities.run(ctx)
    return ctx


@pytest.mark.parametrize(
    ("text", "widened"),
    [
        ("He thanked Gareth Owain Jones.", "Gareth Owain Jones"),
        ("He thanked Gareth Owain Jones's staff.", "Gareth Owain Jones"),
        ("He thanked Gareth Owain Wrexham.", "Gareth Owain"),  # a club, not a surname
        ("He thanked Gareth Owain Rangers staff.", "Gareth Owain"),  # headline style: club before a noun
        ("He thanked Gareth Owain Monday.", "Gareth Owain"),  # a day
        ("He thanked Gareth Owain Staffordshire.", "Gareth Owain"),  # a county
        ("He thanked Gareth Owain Jones Smith.", "Gareth Owain"),  # not where the name ends
    ],
)
def test_third_name_rule(text: str, widened: str) -> None:
    ctx = ArticleContext(
        Article("t", "test", None, text), default_extractor().gazetteer, load_spacy(settings().spacy_model)
    )
    ctx.gaz = ctx.gazetteer.scan(text)  # as when the entities component reads the model's spans
    start = text.index("Gareth")
    end = entities._third_name(ctx, start, start + len("Gareth Owain"))
    assert text[start:end] == widened


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        (
            "The result lifts Sheffield United up to fifth, while Sheffield Wednesday slump to 20th.",
            "Sheffield Wednesday",
            "20",
        ),
        ("Hartlepool United plunged to 23rd after a fifth straight defeat.", "Hartlepool United", "23"),
        ("Bury tumbled to 22nd.", "Bury", "22"),
        ("Leyton Orient soared to third with a sixth win in a row.", "Leyton Orient", "3"),
    ],
)
def test_falling_and_rising_verbs_give_positions(text: str, subject: str, value: str) -> None:
    claims = {(c.kind, c.subject, c.value) for c in facts(text).claims}
    assert ("position", subject, value) in claims


def test_former_club_is_not_the_subject_of_a_position() -> None:
    text = (
        "Leckie was appointed in November 2021 after leaving Burton Albion, but leaves with Stoke City "
        "18th in the Championship."
    )
    claims = {(c.kind, c.subject, c.value) for c in facts(text, "2023-03-14").claims}
    assert ("position", "Stoke City", "18") in claims
    assert ("position", "Burton Albion", "18") not in claims


def test_prose_red_card_with_a_repeated_pairing() -> None:
    text = (
        "Brentford beat Brighton 2-0 at the Gtech. Brighton's Pascal Grunwald was sent off in the 88th "
        "minute after a second booking."
    )
    ctx = _ctx(text)
    first = Match(
        home="Brentford", away="Brighton & Hove Albion", home_score=2, away_score=0, status="played"
    )
    echo = Match(home="Brentford", away="Brighton & Hove Albion", home_score=1, away_score=0, status="played")
    teamsheet.prose_cards(ctx, [first, echo])
    assert [(c.person, c.team, c.minute, c.colour) for c in first.cards or []] == [
        ("Pascal Grunwald", "Brighton & Hove Albion", 88, "red")
    ]
    assert not echo.cards


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # reported speech ending in a short quotation: the speaker's words
        (
            'Rovers boss Ian Holloway said his players had "run themselves ragged" in the heat.',
            ("Ian Holloway", "run themselves ragged"),
        ),
        (
            'Dundee manager Tony Docherty admitted his defence had been "far too soft".',
            ("Tony Docherty", "far too soft"),
        ),
        # not speech: a scare quote with no speech verb, a one-word label, a title
        ('The so-called "new era" began with a home defeat by Stoke City.', None),
        ('Millwall boss Neil Harris said his squad and the "new signings" were settling in well.', None),
        ('Millwall boss Neil Harris said his side would study the "expected goals" numbers later.', None),
        ('Harris said he had watched "Match of the Day" twice.', None),
    ],
)
def test_short_reported_quotations(text: str, wanted: tuple[str, str] | None) -> None:
    quotes = {(q.speaker, q.text) for q in facts(text).quotes}
    if wanted is None:
        assert not quotes
    else:
        assert wanted in quotes
