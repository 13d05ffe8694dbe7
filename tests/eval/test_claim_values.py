"""Claim values: exact for places and competitions, half the gold's content words for free text."""

from __future__ import annotations

from touchline.eval.scorer import value_ok


def test_free_text_half_of_content_words() -> None:
    assert value_ok("record", "his sixth goal of the season", "sixth goal of the season")
    assert value_ok("record", "first win at White Hart Lane in 10 years", "first win at White Hart Lane")
    assert not value_ok("record", "first win at White Hart Lane in 10 years", "first win")
    assert not value_ok("record", "third successive draw", "sixth clean sheet")


def test_other_kinds_exact() -> None:
    assert value_ok("position", "3", "3")
    assert not value_ok("position", "3", "13")
    assert not value_ok("eliminated", "FA Cup", "FA Cup third round")
