"""Which key points of an explain card does a typed answer cover? A keyword matcher, no model.

Both the key point and the answer are folded through the glossary (abbreviations and synonyms become one
token), split into words, stemmed (Snowball) and stripped of stop words. A key point's score against one
sentence of the answer is the share of the key point's word weight that the sentence contains; words that also
appear in the question weigh less (an answer repeats the question's words whether or not it knows the point),
and so do words shared by many key points of the same card. The score of a point is its best sentence (or
pair of neighbouring sentences), and that span is the evidence shown to the learner.

Negation is checked: when the evidence says "no", "not", "never", "without" or "cannot" and the key point does
not (or the reverse), the score is halved. The marks are suggestions: no keyword method tells a point from a
fluent statement of its opposite, so the learner confirms every mark before rating.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from dlprep.answers.glossary import fold_terms

MAX_ANSWER_CHARS = 20_000  # longer answers are scored on their first 20,000 characters
QUESTION_WORD_WEIGHT = 0.35
NEGATION_PENALTY = 0.5
DEFAULT_THRESHOLD = 0.42

_STOP_WORD_TEXT = """
a an the and or but if then than so as of in on at to for from by with into onto over under about is are was
were be been being it its this that these those there their they them he she we you i me my our your his her do
does did done can could would should may might must will shall also just only very much more most less least
such which who whom what when where why how all any each every some many few one both either neither other
another same own not no nor never without cannot can't don't doesn't isn't aren't won't has have had having
get gets got up out off again further once here while because until use used uses using like etc e g eg ie
usually often typically mainly especially way ways thing things
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
NEGATIONS = frozenset(["no", "not", "never", "without", "cannot", "can't", "don't", "doesn't", "isn't", "aren't",
                       "won't", "none", "nothing"])
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_stemmer = None


def _stem(word: str) -> str:
    global _stemmer
    if _stemmer is None:
        import snowballstemmer

        _stemmer = snowballstemmer.stemmer("english")
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words after folding glossary terms (negations kept; used for polarity)."""
    return _WORD.findall(fold_terms(text.lower().replace("’", "'")))


def content_stems(text: str) -> list[str]:
    """The stems of ``text``'s content words: glossary-folded, stemmed, stop words removed."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def has_negation(text: str) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in words(text))


def sentences(answer: str) -> list[str]:
    """The answer cut into sentences (and lines); empty pieces dropped."""
    return [s.strip() for s in _SENTENCE.split(answer) if s.strip()]


@dataclass
class PointScore:
    """One key point's result: ``score`` in [0, 1], ``covered`` when it reaches the threshold."""

    text: str
    score: float
    covered: bool
    evidence: str = ""

    def to_dict(self) -> dict:
        return {"text": self.text, "covered": self.covered, "score": round(self.score, 3), "evidence": self.evidence}


@dataclass
class AnswerCheck:
    """The result for a whole answer: one :class:`PointScore` per key point, in the card's order."""

    points: list[PointScore]
    notice: str = ""

    @property
    def coverage(self) -> float:
        return sum(p.covered for p in self.points) / len(self.points) if self.points else 0.0


def point_weights(question: str, key_points: list[str]) -> list[dict[str, float]]:
    """Per key point, each content stem's weight: rarer across the card's points and absent from the question."""
    stems = [set(content_stems(p)) for p in key_points]
    in_question = set(content_stems(question))
    spread = Counter(s for point in stems for s in point)
    n = max(1, len(key_points))
    out = []
    for point in stems:
        weights = {}
        for s in point:
            idf = math.log(1 + n / spread[s])
            weights[s] = idf * (QUESTION_WORD_WEIGHT if s in in_question else 1.0)
        out.append(weights)
    return out


def score_point(weights: dict[str, float], point_text: str, spans: list[tuple[str, set[str]]]) -> PointScore:
    """The best span's share of ``weights``, halved when the span's polarity differs from the point's."""
    total = sum(weights.values())
    best = PointScore(point_text, 0.0, False)
    if not total:
        return best
    point_negated = has_negation(point_text)
    for text, stems in spans:
        matched = [s for s in weights if s in stems]
        score = sum(weights[s] for s in matched) / total
        if score and has_negation(text) != point_negated:
            score *= NEGATION_PENALTY
        if score > best.score:
            best = PointScore(point_text, score, False, text)
    return best


def check_answer(question: str, key_points: list[str], answer: str,
                 threshold: float = DEFAULT_THRESHOLD) -> AnswerCheck:
    """Score ``answer`` against every key point; never raises on any text."""
    notice = ""
    if len(answer) > MAX_ANSWER_CHARS:
        answer = answer[:MAX_ANSWER_CHARS]
        notice = f"only the first {MAX_ANSWER_CHARS:,} characters were checked"
    pieces = sentences(answer)
    spans = [(p, set(content_stems(p))) for p in pieces]
    spans += [(f"{a} {b}", sa | sb) for (a, sa), (b, sb) in zip(spans, spans[1:], strict=False)]
    results = []
    for weights, text in zip(point_weights(question, key_points), key_points, strict=True):
        result = score_point(weights, text, spans)
        result.covered = result.score >= threshold
        results.append(result)
    return AnswerCheck(results, notice)


def suggested_rating(covered: int, total: int) -> int:
    """Good when every key point is covered, Hard from half of them, else Again (never Easy).

    The same rule as ticking the checklist by hand, so a suggestion never exceeds what the marks support.
    """
    if total <= 0:
        return 1
    share = covered / total
    return 3 if share == 1 else 2 if share >= 0.5 else 1
