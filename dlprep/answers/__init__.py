"""Typed answers: which key points of an explain card an answer covers, as suggestions the learner confirms."""

from dlprep.answers.keypoints import AnswerCheck, PointScore, check_answer, suggested_rating

__all__ = ["AnswerCheck", "PointScore", "check_answer", "suggested_rating"]
