"""A timed mock interview: rapid fire, concepts and one coding problem, scored, stored and fed to FSRS.

Parts and their share of the time (45 minutes by default: 5, 15 and 25 minutes):

- **rapid fire**: 6-8 multiple-choice and short-answer questions, drawn with weights toward weak and due
  cards (lapses, due now, recent misses);
- **concepts**: 2-3 explain cards answered by typing; the key points stay hidden until the part ends;
- **coding**: one drill not passed in the last 7 days, from its starter, graded when the learner is done or
  the time runs out; a pass counts only within the time.

Scores (each 0-1): rapid fire is the share answered right; concepts the share of key points covered (as the
matcher suggests them: a mock gives no time to confirm marks); coding the share of cases passed, or 0 when
the code was submitted after the time ran out. The overall score weights the parts by their planned time.
Every question answered feeds FSRS as a review: a miss is Again, a right answer Good, an explain answer its
suggested rating. The coding part is stored as a drill attempt and rated as :mod:`dlprep.drills.practice`
rates a pass (when the drill is due). An abandoned mock is stored with status ``abandoned``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from dlprep.answers import check_answer, suggested_rating
from dlprep.content.model import Card
from dlprep.errors import DlprepError
from dlprep.quiz.service import Question, question_from_card
from dlprep.quiz.typed import check_typed
from dlprep.srs import clock
from dlprep.srs.service import StudyService
from dlprep.store import Store

PARTS = ("rapid", "concepts", "coding")
PART_TITLES = {"rapid": "Rapid fire", "concepts": "Concepts", "coding": "Coding"}
PART_SHARE = {"rapid": 5 / 45, "concepts": 15 / 45, "coding": 25 / 45}
RAPID_RANGE = (6, 8)
CONCEPT_RANGE = (2, 3)
RECENT_PASS_DAYS = 7


class MockError(DlprepError):
    """A mock interview cannot start or an action does not fit its state."""


@dataclass
class MockItem:
    """One question of a mock. ``ref`` is a card id (or ``drill:<id>`` for the coding part)."""

    part: str
    ref: str
    prompt: str
    kind: str  # "mc", "short", "explain" or "drill"
    expected: str = ""
    options: list[str] = field(default_factory=list)
    correct_option: int | None = None
    key_points: list[str] = field(default_factory=list)
    section: str = ""
    starter: str = ""  # the coding part's starter code
    answer: str | None = None
    score: float = 0.0
    correct: bool = False
    detail: dict = field(default_factory=dict)
    duration_ms: int = 0

    @property
    def answered(self) -> bool:
        return self.answer is not None


def weight(row: dict, now_iso: str) -> float:
    """How much a card should be favoured: weak (lapses) and due cards first, new ones a little."""
    w = 1.0 + 2.0 * min(row.get("lapses") or 0, 5)
    if row.get("state") in (1, 2, 3) and row.get("due") and row["due"] <= now_iso:
        w += 3.0
    if row.get("state") == 0:
        w += 0.5
    return w


def weighted_sample(rng: random.Random, rows: list[dict], n: int, now_iso: str) -> list[dict]:
    """``n`` distinct rows, each drawn with probability proportional to :func:`weight` (Efraimidis-Spirakis)."""
    keyed = [(rng.random() ** (1.0 / weight(r, now_iso)), i) for i, r in enumerate(rows)]
    keyed.sort(reverse=True)
    return [rows[i] for _, i in keyed[:n]]


def _option_index(response: str | int) -> int:
    """An option index from 0-3 or a letter a-d; -1 for anything else (a wrong answer, never an error)."""
    if isinstance(response, int):
        return response
    text = str(response).strip().lower()
    if len(text) == 1 and text in "abcd":
        return "abcd".index(text)
    return int(text) if text.isdigit() else -1


class MockService:
    """Builds and runs mocks over one store. ``timer`` is monotonic seconds (a fake one in tests)."""

    def __init__(self, store: Store, study: StudyService, *, practice=None,
                 timer: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.study = study
        self.practice = practice
        self.timer = timer

    # ----- choosing the questions -------------------------------------------------------------------
    def _cards(self, kinds: tuple[str, ...], sections: list[str] | None) -> list[dict]:
        sql = (f"SELECT id, data, state, due, lapses, section FROM cards WHERE retired = 0 AND suspended = 0 "
               f"AND kind IN ({', '.join('?' for _ in kinds)})")
        params: list = list(kinds)
        if sections:
            sql += f" AND section IN ({', '.join('?' for _ in sections)})"
            params += sections
        return self.store.query(sql + " ORDER BY id", tuple(params))

    def _drill_candidates(self, sections: list[str] | None) -> list[str]:
        if self.practice is None:
            return []
        since = clock.iso(self.study.now() - timedelta(days=RECENT_PASS_DAYS))
        recent = {r["drill_id"] for r in self.store.query(
            "SELECT DISTINCT drill_id FROM attempts WHERE status = 'pass' AND finished_at >= ?", (since,))}
        specs = self.practice.specs()
        return sorted(i for i, s in specs.items()
                      if i not in recent and (not sections or s.section in sections) and s.kind != "debug")

    def plan(self, *, minutes: float = 45, sections: list[str] | None = None, seed: int | None = None) -> MockRun:
        """Choose the questions of a mock and open its stored session."""
        if minutes < 3:
            raise MockError("a mock needs at least 3 minutes")
        rng = random.Random(seed)
        now_iso = clock.iso(self.study.now())
        rapid_rows = []
        for row in self._cards(("mc", "cloze", "basic"), sections):
            question = question_from_card(Card.from_data(json.loads(row["data"])))
            if question is not None:
                rapid_rows.append({**row, "question": question})
        explain_rows = self._cards(("explain",), sections)
        n_rapid = min(len(rapid_rows), rng.randint(*RAPID_RANGE))
        n_concepts = min(len(explain_rows), rng.randint(*CONCEPT_RANGE))
        items: list[MockItem] = []
        notes: set[str] = set()
        for row in weighted_sample(rng, rapid_rows, len(rapid_rows), now_iso):
            q: Question = row["question"]
            if q.note_id and q.note_id in notes:
                continue
            notes.add(q.note_id)
            items.append(MockItem("rapid", q.card_id, q.prompt, q.kind, q.expected, q.options, q.correct_option,
                                  section=q.section))
            if len(items) == n_rapid:
                break
        for row in weighted_sample(rng, explain_rows, n_concepts, now_iso):
            card = Card.from_data(json.loads(row["data"]))
            items.append(MockItem("concepts", card.id, card.question, "explain", key_points=card.key_points,
                                  section=card.section))
        drills = self._drill_candidates(sections)
        if drills:
            drill_id = rng.choice(drills)
            spec = self.practice.spec(drill_id)
            items.append(MockItem("coding", f"drill:{drill_id}", spec.prompt, "drill", section=spec.section,
                                  starter=spec.starter, detail={"title": spec.title}))
        if not items:
            raise MockError("nothing to ask: no cards or drills match" + (" those sections" if sections else ""))
        return MockRun(self, items, minutes=minutes, sections=sections or [], seed=seed)


class MockRun:
    """One mock in progress: parts in order, a clock per part, answers, then the report."""

    def __init__(self, service: MockService, items: list[MockItem], *, minutes: float, sections: list[str],
                 seed: int | None) -> None:
        self.service = service
        self.items = items
        self.minutes = minutes
        self.budget_s = {p: PART_SHARE[p] * minutes * 60 for p in PARTS}
        self.parts = [p for p in PARTS if any(i.part == p for i in items)]
        self.part_index = 0
        self.part_started = service.timer()
        self.part_seconds: dict[str, float] = {}
        self.item_started = self.part_started
        self.status = "running"
        with service.store.transaction() as tx:
            cursor = tx.execute(
                "INSERT INTO mock_sessions(started_at, status, minutes, seed, sections) VALUES (?, ?, ?, ?, ?)",
                (clock.iso(service.study.now()), "running", minutes, seed, json.dumps(sections)),
            )
            self.session_id = int(cursor.lastrowid)

    # ----- where we are -------------------------------------------------------------------------------
    @property
    def part(self) -> str | None:
        return self.parts[self.part_index] if self.part_index < len(self.parts) else None

    def part_items(self, part: str | None = None) -> list[MockItem]:
        part = part or self.part
        return [i for i in self.items if i.part == part]

    @property
    def current(self) -> MockItem | None:
        """The first unanswered item of the current part (None when the part is done or over)."""
        return next((i for i in self.part_items() if not i.answered), None) if self.part else None

    def remaining_s(self) -> float:
        """Seconds left in the current part (negative once over)."""
        if self.part is None:
            return 0.0
        return self.budget_s[self.part] - (self.service.timer() - self.part_started)

    def timed_out(self) -> bool:
        return self.part is not None and self.remaining_s() <= 0

    # ----- answering ----------------------------------------------------------------------------------
    def _took_ms(self) -> int:
        now = self.service.timer()
        took, self.item_started = int((now - self.item_started) * 1000), now
        return took

    def answer(self, response: str | int) -> MockItem:
        """Answer the current rapid-fire or concept question (an option index for multiple choice)."""
        item = self.current
        if item is None or item.part == "coding":
            raise MockError("there is no question waiting for an answer")
        item.duration_ms = self._took_ms()
        if item.kind == "mc":
            index = _option_index(response)
            item.answer = "abcd"[index] if 0 <= index < len(item.options) else str(response)[:40]
            item.correct = index == item.correct_option
            item.score = float(item.correct)
        elif item.kind == "short":
            item.answer = str(response).strip()
            verdict = check_typed(item.answer, item.expected)
            item.correct, item.score = verdict.correct, float(verdict.correct)
            item.detail = {"how": verdict.how}
        else:
            item.answer = str(response)
            check = check_answer(item.prompt, item.key_points, item.answer)
            covered = [p.covered for p in check.points]
            item.score = sum(covered) / len(covered) if covered else 0.0
            item.correct = all(covered)
            item.detail = {"covered": covered, "scores": [round(p.score, 3) for p in check.points],
                           "evidence": [p.evidence for p in check.points],
                           "suggested_rating": suggested_rating(sum(covered), len(covered))}
        return item

    def submit_code(self, code: str, grader, *, at_deadline: bool = False) -> MockItem:
        """Grade the coding part's code; a pass counts only within the part's time.

        ``at_deadline`` is for code taken when the time ran out: it is graded as handed in on time.
        """
        item = self.current
        if item is None or item.part != "coding":
            raise MockError("the coding part is not running")
        late = self.timed_out() and not at_deadline
        item.duration_ms = self._took_ms()
        drill_id = item.ref.removeprefix("drill:")
        result = grader.grade(drill_id, code)
        item.answer = code
        item.correct = result.status == "pass" and not late
        item.score = 0.0 if late or not result.total else result.passed / result.total
        item.detail = {"title": item.detail.get("title", ""), "status": result.status, "passed": result.passed,
                       "total": result.total, "late": late, "message": result.message,
                       "diagnosis": getattr(result, "diagnosis", None) or ""}
        practice = self.service.practice
        if practice is not None and code.strip() != item.starter.strip() and not late:
            outcome = practice.record_run(drill_id, code, result, duration_ms=item.duration_ms)
            item.detail["rating"] = outcome.rating
        return item

    def end_part(self) -> str | None:
        """Close the current part (early or at its time) and start the next; returns the new part or None."""
        if self.part is None:
            return None
        self.part_seconds[self.part] = self.service.timer() - self.part_started
        self.part_index += 1
        self.part_started = self.item_started = self.service.timer()
        return self.part

    # ----- the end ------------------------------------------------------------------------------------
    def abandon(self) -> None:
        """Stop without a report; stored as abandoned, and nothing is rated."""
        self._store("abandoned", None)

    def finish(self) -> dict:
        """Rate what was answered, store everything, and return the report."""
        if self.status != "running":
            raise MockError(f"this mock is already {self.status}")
        while self.part is not None:
            self.end_part()
        study = self.service.study
        for item in self.items:
            if not item.answered or item.part == "coding":
                continue
            rating = item.detail["suggested_rating"] if item.kind == "explain" else (3 if item.correct else 1)
            study.rate(item.ref, rating, item.duration_ms, source="mock")
            item.detail["rating"] = rating
        report = build_report(self)
        self._store("finished", report)
        return report

    def _store(self, status: str, report: dict | None) -> None:
        self.status = status
        store = self.service.store
        with store.transaction() as tx:
            tx.execute(
                "UPDATE mock_sessions SET finished_at = ?, status = ?, score = ?, report = ? WHERE id = ?",
                (clock.iso(self.service.study.now()), status, report["overall"] if report else None,
                 json.dumps(report) if report else None, self.session_id),
            )
            for item in self.items:
                tx.execute(
                    "INSERT INTO mock_items(session_id, part, ref, kind, answer, correct, score, duration_ms, detail) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.session_id, item.part, item.ref, item.kind, item.answer, int(item.correct), item.score,
                     item.duration_ms, json.dumps(item.detail)),
                )


def build_report(run: MockRun) -> dict:
    """Scores per part and overall, time per part, missed key points, the drill's verdict, what to study next."""
    parts = {}
    for part in run.parts:
        items = run.part_items(part)
        score = sum(i.score for i in items) / len(items) if items else 0.0
        parts[part] = {
            "title": PART_TITLES[part], "score": round(score, 3), "answered": sum(i.answered for i in items),
            "questions": len(items), "seconds": round(run.part_seconds.get(part, 0.0), 1),
            "planned_seconds": round(run.budget_s[part], 1),
        }
    weights = {p: PART_SHARE[p] for p in parts}
    total_weight = sum(weights.values()) or 1.0
    overall = sum(parts[p]["score"] * weights[p] for p in parts) / total_weight
    missed_points = [
        {"card": i.ref, "point": point}
        for i in run.items if i.kind == "explain"
        for point, ok in zip(i.key_points, i.detail.get("covered", [False] * len(i.key_points)), strict=True)
        if not ok
    ]
    missed_cards = [{"card": i.ref, "prompt": i.prompt, "expected": i.expected, "answer": i.answer}
                    for i in run.items if i.part == "rapid" and not i.correct]
    coding = next(({"drill": i.ref.removeprefix("drill:"), **{k: i.detail.get(k) for k in
                   ("status", "passed", "total", "late", "message", "diagnosis")}}
                   for i in run.items if i.part == "coding"), None)
    weak: dict[str, float] = {}
    for item in run.items:
        if item.section:
            weak[item.section] = weak.get(item.section, 0.0) + (1.0 - item.score)
    study_next = [s for s, loss in sorted(weak.items(), key=lambda kv: -kv[1]) if loss > 0][:3]
    return {
        "session": run.session_id, "minutes": run.minutes, "parts": parts, "overall": round(overall, 3),
        "how": "rapid fire: share right; concepts: share of key points covered; coding: share of cases passed "
               "(0 if after the time); overall: the parts weighted by their planned time",
        "missed_questions": missed_cards, "missed_key_points": missed_points, "coding": coding,
        "study_next": study_next,
    }


def mock_history(store: Store) -> list[dict]:
    """Finished and abandoned mocks, oldest first: when, status, overall score and part scores."""
    out = []
    for row in store.query("SELECT id, started_at, status, score, report FROM mock_sessions "
                           "WHERE status != 'running' ORDER BY id"):
        report = json.loads(row["report"]) if row["report"] else {}
        out.append({"session": row["id"], "started_at": row["started_at"], "status": row["status"],
                    "overall": row["score"],
                    "parts": {p: v["score"] for p, v in report.get("parts", {}).items()}})
    return out
