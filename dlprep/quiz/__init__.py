"""Quiz mode: timed multiple-choice and short-answer questions from the cards, graded and stored."""

from dlprep.quiz.answers import is_correct, normalize
from dlprep.quiz.service import AnswerResult, Question, QuizError, QuizResult, QuizRun, QuizService

__all__ = [
    "AnswerResult", "Question", "QuizError", "QuizResult", "QuizRun", "QuizService", "is_correct", "normalize",
]
