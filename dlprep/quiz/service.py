"""Quiz mode: a timed test of multiple-choice and short-answer questions drawn from the cards.

Questions come from multiple-choice cards and from short answers: cloze cards (the hidden span is the
expected answer) and basic cards whose answer is a few words. Each answer is graded at once and stored
(``quiz_sessions``, ``quiz_answers``); a missed question also counts as a failed review of its card
(``study.rate(card, 1, source="quiz")``), so the scheduler brings it back soon. Correct answers leave the
schedule alone: a quiz is not a review.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from dlprep.content import cloze
from dlprep.content.model import Card
from dlprep.errors import DlprepError
from dlprep.quiz.answers import word_count
from dlprep.quiz.typed import TypedVerdict, check_typed
from dlprep.srs import clock
from dlprep.srs.service import StudyService
from dlprep.store import Store

LETTERS = "abcd"
MAX_BASIC_WORDS = 4
MAX_CLOZE_WORDS = 5
DEFAULT_QUESTIONS = 10


class QuizError(DlprepError):
    """A quiz cannot be started (unknown deck, no questions)."""


@dataclass
class Question:
    """One quiz question. ``prompt`` is Markdown with LaTeX math; ``expected`` is the right answer's text."""

    card_id: str
    deck: str
    section: str
    kind: str  # "mc" or "short"
    prompt: str
    expected: str
    options: list[str] = field(default_factory=list)
    correct_option: int | None = None
    explanation: str = ""
    note_id: str = ""


@dataclass
class AnswerResult:
    """How one question was answered. ``given`` is what the learner chose or typed; durations in ms."""

    question: Question
    given: str
    correct: bool
    duration_ms: int
    verdict: TypedVerdict | None = None  # for typed answers: how it was graded, with the words marked
    overridden: bool = False  # the learner said "I was right"


@dataclass
class QuizResult:
    """The end of a quiz: score, total time in ms, and the missed questions in order."""

    session_id: int
    answered: int
    planned: int
    correct: int
    duration_ms: int
    missed: list[AnswerResult]

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


def question_from_card(card: Card) -> Question | None:
    """The quiz question a card gives, or None when it cannot be graded automatically."""
    common = {"card_id": card.id, "deck": card.deck, "section": card.section, "note_id": card.note_id}
    if card.kind == "mc" and card.correct_option is not None:
        return Question(
            kind="mc", prompt=card.question, expected=card.options[card.correct_option].text,
            options=[o.text for o in card.options], correct_option=card.correct_option,
            explanation=card.explanation, **common,
        )
    if card.kind not in ("cloze", "basic") or len(card.answer.split()) > 3 * MAX_CLOZE_WORDS:
        return None  # clearly too long to type: no need to read its math
    if card.kind == "cloze" and 0 < word_count(card.answer) <= MAX_CLOZE_WORDS:
        prompt = cloze.front(card.question, card.cloze_index)
        full = cloze.back(card.question, card.cloze_index)
        return Question(kind="short", prompt=prompt, expected=card.answer, explanation=full, **common)
    if card.kind == "basic" and 0 < word_count(card.answer) <= MAX_BASIC_WORDS:
        return Question(kind="short", prompt=card.question, expected=card.answer, **common)
    return None


class QuizService:
    """Builds quizzes over one store; ``rng`` and ``timer`` (seconds, monotonic) are injectable for tests."""

    def __init__(
        self,
        store: Store,
        study: StudyService,
        *,
        rng: random.Random | None = None,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.study = study
        self.rng = rng or random.Random()
        self.timer = timer

    def questions(self, deck: str | None = None) -> list[Question]:
        """Every question the live (not retired, not suspended) cards give, optionally of one deck."""
        sql = "SELECT data FROM cards WHERE retired = 0 AND suspended = 0 AND kind IN ('mc', 'cloze', 'basic')"
        params: tuple = ()
        if deck is not None:
            sql += " AND deck = ?"
            params = (deck,)
        found = []
        for row in self.store.query(sql + " ORDER BY deck, rowid", params):
            question = question_from_card(Card.from_data(json.loads(row["data"])))
            if question is not None:
                found.append(question)
        return found

    def deck_choices(self) -> list[tuple[str, int]]:
        """(deck, most questions one quiz can ask) for every deck that has one, by deck name.

        A quiz asks at most one cloze of a note (the others would give its answer away), so a note with
        several clozes counts once: the number shown is the number a long enough quiz really asks.
        """
        notes: dict[str, set[str]] = {}
        for question in self.questions():
            notes.setdefault(question.deck, set()).add(question.note_id or question.card_id)
        return sorted((deck, len(ids)) for deck, ids in notes.items())

    def start(self, deck: str | None = None, n: int = DEFAULT_QUESTIONS) -> QuizRun:
        """Pick ``n`` questions at random (at most one per cloze note) and open a stored session."""
        if n < 1:
            raise QuizError(f"the number of questions must be at least 1, not {n}")
        pool = self.questions(deck)
        if not pool:
            if deck is not None and deck not in dict(self.deck_choices()):
                names = ", ".join(name for name, _ in self.deck_choices()) or "none"
                raise QuizError(f"no quiz questions in a deck named {deck!r}; decks with questions: {names}")
            raise QuizError("no cards can be asked in a quiz yet (multiple-choice, cloze or short-answer cards)")
        self.rng.shuffle(pool)
        chosen: list[Question] = []
        notes: set[str] = set()
        for question in pool:
            if question.note_id and question.note_id in notes:
                continue
            notes.add(question.note_id)
            chosen.append(question)
            if len(chosen) == n:
                break
        return QuizRun(self, deck, chosen)


class QuizRun:
    """One quiz in progress: the current question, answering it, moving on, finishing."""

    def __init__(self, service: QuizService, deck: str | None, questions: list[Question]) -> None:
        self.service = service
        self.questions = questions
        self.results: list[AnswerResult] = []
        self.index = 0
        self.finished: QuizResult | None = None
        self.started = service.timer()
        self.question_started = self.started
        with service.store.transaction() as tx:
            cursor = tx.execute(
                "INSERT INTO quiz_sessions(started_at, deck, questions, correct) VALUES (?, ?, ?, 0)",
                (clock.iso(service.study.now()), deck, len(questions)),
            )
            self.session_id = int(cursor.lastrowid)

    def begin(self) -> None:
        """Restart the clocks when the first question is actually shown (a no-op once answering began)."""
        if not self.results:
            self.started = self.question_started = self.service.timer()

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def answered_current(self) -> bool:
        return len(self.results) > self.index

    def elapsed_ms(self) -> int:
        end = self.service.timer()
        return int((end - self.started) * 1000)

    def answer(self, response: str | int) -> AnswerResult:
        """Grade the current question (an option index for multiple choice, typed text otherwise) and store it."""
        question = self.current
        if question is None or self.answered_current:
            raise QuizError("there is no unanswered question to grade")
        if question.kind == "mc":
            index = int(response)
            if not 0 <= index < len(question.options):
                raise QuizError(f"choose an option from a to {LETTERS[len(question.options) - 1]}")
            given, correct = LETTERS[index], index == question.correct_option
            verdict = None
        else:
            given = str(response).strip()  # empty means "I don't know"
            verdict = check_typed(given, question.expected)
            correct = verdict.correct
        duration_ms = int((self.service.timer() - self.question_started) * 1000)
        result = AnswerResult(question, given, correct, duration_ms, verdict)
        with self.service.store.transaction() as tx:
            tx.execute(
                "INSERT INTO quiz_answers(session_id, card_id, answer, correct, answered_at) VALUES (?, ?, ?, ?, ?)",
                (self.session_id, question.card_id, given, int(correct), clock.iso(self.service.study.now())),
            )
        if not correct:
            self.service.study.rate(question.card_id, 1, duration_ms, source="quiz")
        self.results.append(result)
        return result

    def override(self) -> AnswerResult:
        """"I was right": count the last typed answer as correct and take back the failed review it caused."""
        if not self.results:
            raise QuizError("there is no answer to overrule")
        result = self.results[-1]
        if result.correct:
            return result
        if result.question.kind == "mc":
            raise QuizError("a multiple-choice answer is either the marked option or not")
        if not result.given:
            raise QuizError("nothing was typed, so there is nothing to count as right")
        newest = self.service.store.query("SELECT card_id, source FROM reviews ORDER BY id DESC LIMIT 1")
        if newest and newest[0]["card_id"] == result.question.card_id and newest[0]["source"] == "quiz":
            self.service.study.undo()
        with self.service.store.transaction() as tx:
            tx.execute(
                "UPDATE quiz_answers SET correct = 1 WHERE id = (SELECT MAX(id) FROM quiz_answers "
                "WHERE session_id = ? AND card_id = ?)",
                (self.session_id, result.question.card_id),
            )
        result.correct = result.overridden = True
        return result

    def next(self) -> Question | None:
        """Move to the next question (after the current one was answered); None at the end."""
        if self.answered_current:
            self.index += 1
            self.question_started = self.service.timer()
        return self.current

    def finish(self) -> QuizResult:
        """Close the session (also when ended early: the score counts the answered questions)."""
        if self.finished is not None:
            return self.finished
        correct = sum(r.correct for r in self.results)
        duration_ms = self.elapsed_ms()
        with self.service.store.transaction() as tx:
            tx.execute(
                "UPDATE quiz_sessions SET finished_at = ?, questions = ?, correct = ?, duration_ms = ? WHERE id = ?",
                (clock.iso(self.service.study.now()), len(self.results), correct, duration_ms, self.session_id),
            )
        self.finished = QuizResult(
            session_id=self.session_id, answered=len(self.results), planned=len(self.questions), correct=correct,
            duration_ms=duration_ms, missed=[r for r in self.results if not r.correct],
        )
        return self.finished
