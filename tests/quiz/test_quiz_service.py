"""The quiz service on a real database: which cards become questions, grading, storage, failed reviews."""

from __future__ import annotations

import pytest

from dlprep.quiz import QuizError

# What each fixture card should give, written out by hand: card id -> (kind, expected answer).
EXPECTED = {
    "q-mc-layer": ("mc", "Layer norm"),
    "q-mc-denominator": ("mc", "$\\sqrt{\\sigma^2 + \\epsilon}$"),
    "q-basic-scale": ("short", "$\\gamma$"),
    "q-cloze::c1": ("short", "two parameters"),
    "q-cloze::c2": ("short", "shift"),
    "q-adam": ("mc", "The gradient and the squared gradient"),
}
RIGHT_MC = {"q-mc-layer": 1, "q-mc-denominator": 1, "q-adam": 0}
RIGHT_TYPED = {"q-basic-scale": "gamma", "q-cloze::c1": "Two parameters.", "q-cloze::c2": "a shift"}


def reviews(services) -> list[dict]:
    return services.store.query("SELECT card_id, rating, source, duration_ms FROM reviews ORDER BY id")


def test_questions_come_from_mc_cloze_and_short_basic_cards(quiz) -> None:
    found = {q.card_id: (q.kind, q.expected) for q in quiz.questions()}
    assert found == EXPECTED  # not the long basic answer, not the explain card


def test_cloze_prompt_hides_only_its_own_span(quiz) -> None:
    by_id = {q.card_id: q for q in quiz.questions()}
    assert by_id["q-cloze::c2"].prompt == "Batch norm learns two parameters per channel: a scale and a […]."
    assert by_id["q-mc-layer"].options == ["Batch norm", "Layer norm", "Neither"]
    assert by_id["q-mc-layer"].explanation == "Layer norm normalizes each example over its own features."


def test_deck_filter_and_deck_choices(quiz) -> None:
    assert {q.card_id for q in quiz.questions("Optimizers")} == {"q-adam"}
    assert quiz.deck_choices() == [("Normalization", 4), ("Optimizers", 1)]  # one question per cloze note


def test_retired_and_suspended_cards_are_not_asked(quiz, services) -> None:
    services.study.set_suspended("q-adam")
    with services.store.transaction() as tx:
        tx.execute("UPDATE cards SET retired = 1 WHERE id = 'q-basic-scale'")
    ids = {q.card_id for q in quiz.questions()}
    assert "q-adam" not in ids and "q-basic-scale" not in ids and len(ids) == 4


def test_start_picks_n_questions_with_at_most_one_sibling_per_cloze_note(quiz) -> None:
    run = quiz.start(None, 50)
    ids = [q.card_id for q in run.questions]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert sum(i.startswith("q-cloze") for i in ids) == 1
    assert len(quiz.start("Normalization", 2).questions) == 2


def test_start_refuses_bad_requests(quiz) -> None:
    with pytest.raises(QuizError, match="no quiz questions in a deck named 'Nope'; decks with questions: "
                                        "Normalization, Optimizers"):
        quiz.start("Nope", 5)
    with pytest.raises(QuizError, match="at least 1"):
        quiz.start(None, 0)


def test_a_whole_quiz_is_graded_stored_and_misses_become_failed_reviews(quiz, services, ticker) -> None:
    run = quiz.start(None, 5)
    run.begin()
    missed = set()
    for k, question in enumerate(run.questions):
        assert run.current is question
        ticker.advance(4)
        if k % 2 == 0:  # right
            response = RIGHT_MC[question.card_id] if question.kind == "mc" else RIGHT_TYPED[question.card_id]
        else:  # wrong
            response = (RIGHT_MC[question.card_id] + 1) % len(question.options) if question.kind == "mc" else "zzz"
            missed.add(question.card_id)
        result = run.answer(response)
        assert result.correct == (k % 2 == 0)
        assert result.duration_ms == 4000
        ticker.advance(2)  # reading the feedback is not part of the next question's time
        run.next()
    assert run.current is None
    outcome = run.finish()
    assert (outcome.answered, outcome.correct, outcome.duration_ms) == (5, 3, 30000)
    assert {r.question.card_id for r in outcome.missed} == missed
    session = services.store.query("SELECT * FROM quiz_sessions")
    assert len(session) == 1
    assert (session[0]["questions"], session[0]["correct"], session[0]["duration_ms"]) == (5, 3, 30000)
    assert session[0]["finished_at"] is not None
    answers = services.store.query("SELECT card_id, correct FROM quiz_answers ORDER BY id")
    assert [a["card_id"] for a in answers] == [q.card_id for q in run.questions]
    assert sum(a["correct"] for a in answers) == 3
    assert sorted(reviews(services), key=lambda r: r["card_id"]) == sorted(
        ({"card_id": c, "rating": 1, "source": "quiz", "duration_ms": 4000} for c in missed),
        key=lambda r: r["card_id"],
    )
    states = services.store.query("SELECT id, state FROM cards")
    for row in states:
        assert (row["state"] != 0) == (row["id"] in missed)  # only the missed cards were scheduled


def test_ending_early_scores_the_answered_questions(quiz, services) -> None:
    run = quiz.start("Optimizers", 1)
    assert run.finish().answered == 0
    run = quiz.start("Normalization", 3)
    first = run.current
    run.answer(RIGHT_MC[first.card_id] if first.kind == "mc" else RIGHT_TYPED[first.card_id])
    result = run.finish()
    assert (result.answered, result.planned, result.correct, result.percent) == (1, 3, 1, 100)
    assert services.store.query("SELECT questions, correct FROM quiz_sessions ORDER BY id")[-1] == {
        "questions": 1, "correct": 1,
    }
    assert run.finish() is result


def test_a_question_cannot_be_answered_twice_or_with_a_missing_option(quiz) -> None:
    run = quiz.start("Optimizers", 1)
    with pytest.raises(QuizError, match="choose an option from a to b"):
        run.answer(3)
    run.answer(0)
    with pytest.raises(QuizError, match="no unanswered question"):
        run.answer(0)
