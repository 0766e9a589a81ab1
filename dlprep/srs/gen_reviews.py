"""The seed of each review of a ``[gen]`` card, kept with the review so it can be shown again exactly.

:func:`rate_gen` commits the rating and the seed (with what was typed and the verdict) in one transaction;
:func:`gen_reviews` reads them back by review id; ``dlprep.content.gen.draw(card, seed)`` redraws the
question a review showed.
Undoing the rating deletes the row with the review (a trigger in the schema).
"""

from __future__ import annotations

from dataclasses import dataclass

from dlprep.content.model import Card
from dlprep.srs.service import StudyService
from dlprep.store import Store

MAX_STORED_CHARS = 500


@dataclass(frozen=True)
class GenReview:
    """One review of a gen card: the seed it was drawn with, the typed answer and whether it was right."""

    review_id: int
    card_id: str
    generator: str
    seed: int
    answer: str
    correct: bool


def rate_gen(study: StudyService, card: Card, rating: int, duration_ms: int | None, *, seed: int, answer: str,
             correct: bool) -> int:
    """Rate ``card`` and keep the review's seed in the same transaction; returns the review id."""
    saved: list[int] = []

    def keep(tx, review_id: int) -> None:
        tx.execute(
            "INSERT INTO gen_reviews(review_id, card_id, generator, seed, answer, correct) VALUES (?, ?, ?, ?, ?, ?)",
            (review_id, card.id, card.generator, int(seed), answer[:MAX_STORED_CHARS], int(bool(correct))),
        )
        saved.append(review_id)

    study.rate(card.id, rating, duration_ms, with_review=keep)
    return saved[0]


def gen_reviews(store: Store, card_id: str) -> dict[int, GenReview]:
    """The card's gen reviews by review id, oldest first."""
    rows = store.query(
        "SELECT review_id, card_id, generator, seed, answer, correct FROM gen_reviews WHERE card_id = ? "
        "ORDER BY review_id", (card_id,))
    return {r["review_id"]: GenReview(r["review_id"], r["card_id"], r["generator"], r["seed"], r["answer"],
                                      bool(r["correct"])) for r in rows}


def gen_review(store: Store, review_id: int) -> GenReview | None:
    """One gen review by its review id, or None."""
    rows = store.query(
        "SELECT review_id, card_id, generator, seed, answer, correct FROM gen_reviews WHERE review_id = ?",
        (review_id,))
    if not rows:
        return None
    r = rows[0]
    return GenReview(r["review_id"], r["card_id"], r["generator"], r["seed"], r["answer"], bool(r["correct"]))
