"""Typed answers kept with their reviews: the text, the matcher's scores and marks, the learner's marks."""

from __future__ import annotations

import json
from dataclasses import dataclass

from dlprep.answers.keypoints import MAX_ANSWER_CHARS, AnswerCheck
from dlprep.store import Store


@dataclass
class TypedAnswer:
    """One stored typed answer. ``marks`` are the learner's final covered/missing marks, per key point."""

    review_id: int
    card_id: str
    answered_at: str
    answer: str
    scores: list[float]
    suggested: list[bool]
    marks: list[bool]

    @property
    def covered(self) -> str:
        return f"{sum(self.marks)}/{len(self.marks)}"


def typed_answer_writer(answer: str, check: AnswerCheck, marks: list[bool]):
    """A ``with_review(tx, review_id)`` callback for :meth:`StudyService.rate`: the typed answer is written in
    the rating's own transaction, so the two are kept together or not at all."""
    text = answer.encode("utf-8", "replace").decode("utf-8")[:MAX_ANSWER_CHARS]  # as much as was checked

    def write(tx, review_id: int) -> None:
        card_id, at = tx.execute("SELECT card_id, reviewed_at FROM reviews WHERE id = ?", (review_id,)).fetchone()
        tx.execute(
            "INSERT INTO typed_answers(review_id, card_id, answered_at, answer, scores, suggested, marks) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (review_id, card_id, at, text, json.dumps([round(p.score, 4) for p in check.points]),
             json.dumps([p.covered for p in check.points]), json.dumps([bool(m) for m in marks])),
        )

    return write


def typed_answers(store: Store, card_id: str) -> dict[int, TypedAnswer]:
    """The card's typed answers by review id."""
    rows = store.query(
        "SELECT review_id, card_id, answered_at, answer, scores, suggested, marks FROM typed_answers "
        "WHERE card_id = ? ORDER BY id", (card_id,))
    out = {}
    for row in rows:
        out[row["review_id"]] = TypedAnswer(
            row["review_id"], row["card_id"], row["answered_at"], row["answer"], json.loads(row["scores"]),
            json.loads(row["suggested"]), json.loads(row["marks"]))
    return out
