"""A venue comes from the text: "won at Arsenal" with no ground named has no venue (not the club's
ground from the gazetteer); the home side's ground named anywhere in the text is its venue."""

from __future__ import annotations

from test_matches_ctx import run_matches


def test_at_home_without_a_ground_named_has_no_venue() -> None:
    matches = run_matches("Chelsea won 2-0 at Arsenal on Saturday.")
    assert [(m.home, m.away) for m in matches] == [("Arsenal", "Chelsea")]
    assert matches[0].venue is None


def test_home_ground_named_elsewhere_in_the_text_is_the_venue() -> None:
    text = (
        "Chelsea won 2-0 at Arsenal on Saturday.\n\n"
        "The mood at the Emirates Stadium turned sour long before the end."
    )
    matches = run_matches(text)
    assert matches[0].venue == "Emirates Stadium"
