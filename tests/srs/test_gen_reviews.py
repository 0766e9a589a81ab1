"""A gen card's reviews keep their seed, typed answer and verdict with the rating, and go with it on undo."""

from __future__ import annotations

from datetime import UTC

import pytest

from dlprep.content.model import Card, Deck
from dlprep.srs import StudyService, StudySettings
from dlprep.srs.gen_reviews import GenReview, gen_review, gen_reviews, rate_gen


def gen_card(card_id: str = "gen1", generator: str = "attention_flops") -> Card:
    return Card(id=card_id, deck="Gen", section="Attention", kind="gen", question="Attention FLOPs",
                generator=generator)


@pytest.fixture
def study(store, fake_clock) -> StudyService:
    svc = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=UTC)
    svc.sync_decks([Deck("Gen", "Attention", cards=[gen_card(), gen_card("gen2", "kv_cache_bytes")])])
    return svc


def test_rate_gen_keeps_the_seed_answer_and_verdict_with_the_review(store, study) -> None:
    first = rate_gen(study, gen_card(), 3, 900, seed=7, answer="4.2e9", correct=True)
    other = rate_gen(study, gen_card("gen2", "kv_cache_bytes"), 1, None, seed=8, answer="12 MB", correct=False)
    second = rate_gen(study, gen_card(), 2, None, seed=2**40, answer="", correct=0)
    reviews = store.query("SELECT id, card_id, rating, duration_ms FROM reviews ORDER BY id")
    assert [(r["id"], r["card_id"], r["rating"], r["duration_ms"]) for r in reviews] == [
        (first, "gen1", 3, 900), (other, "gen2", 1, None), (second, "gen1", 2, None)]
    assert gen_reviews(store, "gen1") == {
        first: GenReview(first, "gen1", "attention_flops", 7, "4.2e9", True),
        second: GenReview(second, "gen1", "attention_flops", 2**40, "", False),
    }
    assert list(gen_reviews(store, "gen1")) == [first, second]
    assert gen_review(store, other) == GenReview(other, "gen2", "kv_cache_bytes", 8, "12 MB", False)
    assert gen_review(store, first) == GenReview(first, "gen1", "attention_flops", 7, "4.2e9", True)
    assert gen_review(store, second + 1) is None
    assert gen_reviews(store, "no-such-card") == {}
    assert store.query("SELECT correct FROM gen_reviews ORDER BY review_id") == [
        {"correct": 1}, {"correct": 0}, {"correct": 0}]


def test_a_long_answer_is_stored_cut_to_the_limit(store, study) -> None:
    review = rate_gen(study, gen_card(), 3, None, seed=1, answer="9" * 540, correct=False)
    assert gen_review(store, review).answer == "9" * 500


def test_undo_removes_the_seed_with_the_rating(store, study) -> None:
    kept = rate_gen(study, gen_card(), 3, None, seed=1, answer="1", correct=True)
    undone = rate_gen(study, gen_card(), 3, None, seed=2, answer="2", correct=True)
    assert study.undo() == "gen1"
    assert gen_review(store, undone) is None
    assert list(gen_reviews(store, "gen1")) == [kept]


def test_a_failed_rating_keeps_no_seed(store, study) -> None:
    with pytest.raises(KeyError):
        rate_gen(study, gen_card("gone"), 3, None, seed=1, answer="1", correct=True)
    with pytest.raises(ValueError, match="rating must be 1-4, got 5"):
        rate_gen(study, gen_card(), 5, None, seed=1, answer="1", correct=True)
    assert store.query("SELECT COUNT(*) AS n FROM gen_reviews")[0]["n"] == 0
    assert store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
