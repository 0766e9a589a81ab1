"""In a quiz, an empty answer is "I don't know", and "I was right" takes back the failed review."""

from __future__ import annotations

import pytest

from dlprep.quiz import QuizError


def run_to(quiz, card_id: str):
    run = quiz.start("Normalization", n=5)
    while run.current is not None and run.current.card_id != card_id:
        question = run.current
        run.answer(question.correct_option if question.kind == "mc" else question.expected)
        run.next()
    assert run.current is not None
    return run


def reviews(services) -> list[tuple[str, int, str]]:
    rows = services.store.query("SELECT card_id, rating, source FROM reviews ORDER BY id")
    return [(r["card_id"], r["rating"], r["source"]) for r in rows]


def test_an_empty_answer_counts_as_i_do_not_know(quiz, services) -> None:
    run = run_to(quiz, "q-basic-scale")
    result = run.answer("")
    assert not result.correct and result.verdict.how == "no answer (I don't know)"
    assert reviews(services) == [("q-basic-scale", 1, "quiz")]
    with pytest.raises(QuizError, match="nothing was typed"):
        run.override()


def test_i_was_right_takes_back_the_failed_review_and_counts_the_answer(quiz, services) -> None:
    run = run_to(quiz, "q-basic-scale")
    before = services.store.query("SELECT state, due, fsrs FROM cards WHERE id = 'q-basic-scale'")
    result = run.answer("the learned scale parameter")
    assert not result.correct
    assert reviews(services) == [("q-basic-scale", 1, "quiz")]
    overruled = run.override()
    assert overruled.correct and overruled.overridden
    assert reviews(services) == []
    assert services.store.query("SELECT state, due, fsrs FROM cards WHERE id = 'q-basic-scale'") == before
    stored = services.store.query("SELECT correct FROM quiz_answers WHERE card_id = 'q-basic-scale'")
    assert stored == [{"correct": 1}]
    run.next()
    while run.current is not None:
        question = run.current
        run.answer(question.correct_option if question.kind == "mc" else question.expected)
        run.next()
    result = run.finish()
    assert result.correct == result.answered and not result.missed


def test_a_multiple_choice_answer_cannot_be_overruled(quiz) -> None:
    run = run_to(quiz, "q-mc-layer")
    run.answer(0)
    with pytest.raises(QuizError, match="multiple-choice"):
        run.override()
