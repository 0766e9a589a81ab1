"""Quiz behaviour that the daily queue and the typed-answer matcher must keep."""

from __future__ import annotations

from dlprep.quiz.answers import is_correct
from dlprep.srs import StudySettings


def test_a_missed_quiz_question_does_not_use_up_the_daily_new_limit(services, quiz) -> None:
    services.study.settings = StudySettings(fuzz=False, new_per_day=2)
    before = {counts.deck: counts.new for counts in services.study.deck_counts()}
    assert before["Normalization"] == 2  # five new cards, two allowed today

    run = quiz.start("Normalization", n=5)
    missed = 0
    while run.current is not None:
        question = run.current
        if question.kind == "mc":
            wrong = next(i for i in range(len(question.options)) if i != question.correct_option)
            run.answer(wrong)
        else:
            run.answer("something else entirely")
        missed += 1
        run.next()
    assert missed >= 2
    rows = services.store.query("SELECT source FROM reviews")
    assert rows and {row["source"] for row in rows} == {"quiz"}

    after = {counts.deck: counts.new for counts in services.study.deck_counts()}
    assert after["Normalization"] == 2


def test_an_answer_that_merely_contains_the_expected_one_is_rejected() -> None:
    assert is_correct("layer norm", "Layer norm")
    assert not is_correct("batch norm or layer norm", "Layer norm")
    assert not is_correct("not layer norm", "Layer norm")
    assert not is_correct("layer norm and group norm", "Layer norm")
