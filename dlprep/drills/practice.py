"""Drill practice: the workspace file, runs and their history, hints, reset, give up, status, scheduling.

The trusted side of the drill screen and of ``dlprep watch``; no widget touches the database.

Every run is stored in ``attempts`` with a snapshot of the code, the verdict, the cases passed, the hints
used (``hints_used``: hints shown since the drill's previous attempt) and the time spent (``duration_ms``:
working time since the previous attempt, or since the drill was opened). Both columns therefore sum to
the drill's totals. Resets and give-ups are stored too, with status ``reset`` and ``gave_up``; a run of
the untouched starter is not stored.

Scheduling. A drill is the card ``drill:<id>`` and is rated through :meth:`StudyService.rate`. An
*episode* is everything since the drill's last rating. A pass rates the drill when it is due (new, or due
now); a pass while not due is practice and is stored but not rated.

- first run of the episode passes, no hint shown: Good, or Easy when the episode took less than a third of
  the drill's expected solve time (:data:`EXPECTED_SOLVE_S`: easy 10 min, medium 20 min, hard 30 min,
  so Easy under about 3, 7 and 10 minutes);
- a pass after a hint or after failed runs (fail or error): Hard;
- giving up: Again (always: it is evidence of forgetting), unless the drill was already rated Again with
  no run since.

Recall from scratch. When a drill that was rated before comes due, the first time it is opened in the new
episode (:meth:`DrillPractice.open_code`) the workspace starts again from the starter: the code that was
there is kept as a ``reset`` attempt, so nothing typed is lost. One key restores the latest earlier code
(:meth:`DrillPractice.restore_previous`, stored as a ``restored`` attempt); from then on the episode is
practice and a pass is not rated. A pass whose code equals code stored before the episode began (pasted
back in) is not rated either: a rating measures recall, so the code must be written in the episode.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from dlprep.content.model import Card, Deck
from dlprep.drills.catalog import get_drill, load_drills, reference_source
from dlprep.drills.spec import ID_PATTERN, DrillError, DrillSpec
from dlprep.srs import StudyService, SyncSummary, clock
from dlprep.srs.service import NEW
from dlprep.store import Store

EXPECTED_SOLVE_S = {"easy": 600, "medium": 1200, "hard": 1800}
EASY_SHARE = 1 / 3
DRILL_DECK = "drills"
STATUSES = ("new", "passed", "due", "failing")
RUN_STATUSES = ("pass", "fail", "error")
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def card_id(drill_id: str) -> str:
    """The schedulable card of a drill."""
    return f"drill:{drill_id}"


def choose_rating(*, failed_runs: int, hints: int, seconds: float, difficulty: str) -> tuple[int, str]:
    """The rating of a pass, and why (a sentence for the person)."""
    if hints or failed_runs:
        why = []
        if failed_runs:
            why.append(f"{failed_runs} failed run{'s' if failed_runs > 1 else ''}")
        if hints:
            why.append(f"{hints} hint{'s' if hints > 1 else ''}")
        return HARD, f"Hard: passed after {' and '.join(why)}"
    limit = EXPECTED_SOLVE_S.get(difficulty, EXPECTED_SOLVE_S["medium"]) * EASY_SHARE
    if seconds < limit:
        return EASY, f"Easy: first run passed, no hints, in {_minutes(seconds)} (under {_minutes(limit)})"
    return GOOD, f"Good: first run passed, no hints, in {_minutes(seconds)}"


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


@dataclass
class Attempt:
    """One stored attempt. Times are ISO-8601 UTC; ``duration_ms`` is working time (see module docs)."""

    id: int
    drill_id: str
    started_at: str
    finished_at: str
    code: str
    status: str
    passed: int
    total: int
    hints_used: int
    duration_ms: int | None
    result: dict = field(default_factory=dict)


@dataclass
class DrillStatus:
    """A drill's standing: ``status`` is one of :data:`STATUSES`; ``last_*`` describe the latest verdict."""

    drill_id: str
    status: str
    last_status: str | None = None
    last_passed: int = 0
    last_total: int = 0
    last_at: datetime | None = None
    due: datetime | None = None
    attempts: int = 0


@dataclass
class RunOutcome:
    """A graded run: the verdict, its attempt id (None when not stored), and the rating it gave (or None)."""

    result: Any
    attempt_id: int | None
    rating: int | None
    reason: str


class DrillPractice:
    """Practice over one store. ``workspace`` defaults to ``workspace/`` in the data home."""

    def __init__(self, store: Store, study: StudyService, *, workspace: Path | None = None,
                 drills_root: Path | None = None) -> None:
        from dlprep import paths

        self.store = store
        self.study = study
        self.workspace = Path(workspace) if workspace is not None else paths.workspace_dir()
        self.drills_root = drills_root
        self._specs: dict[str, DrillSpec] | None = None
        self._single: dict[str, DrillSpec] = {}
        self.load_errors: list[str] = []
        self._lock = threading.Lock()

    # ----- the catalog and the cards ----------------------------------------------------------------
    def specs(self) -> dict[str, DrillSpec]:
        """Every valid drill by id (loaded once); problems are kept in :attr:`load_errors`."""
        if self._specs is None:
            drills, self.load_errors = load_drills(self.drills_root)
            self._specs = {d.id: d for d in drills}
        return self._specs

    def spec(self, drill_id: str) -> DrillSpec:
        """One drill (loaded alone when the whole catalog is not needed)."""
        if self._specs is not None or self.drills_root is not None:
            found = self.specs().get(drill_id)
            if found is None:
                raise DrillError(f"unknown drill {drill_id!r} (see `dlprep drills`)")
            return found
        if drill_id not in self._single:
            self._single[drill_id] = get_drill(drill_id)
        return self._single[drill_id]

    def sync(self) -> SyncSummary:
        """Upsert every drill as the card ``drill:<id>`` (deck ``drills``); removed drills are retired."""
        cards = [
            Card(id=card_id(s.id), deck=DRILL_DECK, section=s.section, kind="drill", question=s.title)
            for s in self.specs().values()
        ]
        return self.study.sync_decks([Deck(name=DRILL_DECK, section="", cards=cards)], origin="drill")

    def ensure_card(self, drill_id: str) -> None:
        """Create the card ``drill:<id>`` if it is missing (without retiring any other drill)."""
        if self.store.query("SELECT 1 AS x FROM cards WHERE id = ?", (card_id(drill_id),)):
            return
        s = self.spec(drill_id)
        card = Card(id=card_id(s.id), deck=DRILL_DECK, section=s.section, kind="drill", question=s.title)
        self.study.sync_decks([Deck(name=DRILL_DECK, section="", cards=[card])], origin="drill",
                              retire_missing=False)

    # ----- the workspace file ---------------------------------------------------------------------
    def workspace_path(self, drill_id: str) -> Path:
        if not ID_PATTERN.match(drill_id):
            raise DrillError(f"unknown drill {drill_id!r} (see `dlprep drills`)")
        return self.workspace / f"{drill_id}.py"

    def read_code(self, drill_id: str) -> str:
        """The code in the workspace file, created from the starter when missing."""
        path = self.workspace_path(drill_id)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            starter = self.spec(drill_id).starter
            self.save_code(drill_id, starter)
            return starter
        except (OSError, UnicodeDecodeError) as exc:
            raise DrillError(f"{path}: cannot be read ({exc.__class__.__name__})") from None

    def save_code(self, drill_id: str, code: str) -> tuple[int, int]:
        """Write the workspace file atomically (temp file, fsync, rename); returns its (mtime_ns, size)."""
        path = self.workspace_path(drill_id)
        atomic_write(path, code)
        return file_stamp(path)

    # ----- episodes -----------------------------------------------------------------------------------
    def _last_rating(self, drill_id: str) -> dict | None:
        rows = self.store.query(
            "SELECT rating, reviewed_at FROM reviews WHERE card_id = ? ORDER BY id DESC LIMIT 1",
            (card_id(drill_id),),
        )
        return rows[0] if rows else None

    def _episode_start(self, drill_id: str) -> str:
        last = self._last_rating(drill_id)
        return last["reviewed_at"] if last else ""

    def hints_revealed(self, drill_id: str) -> list[str]:
        """The hints shown in the current episode, in order."""
        rows = self.store.query(
            "SELECT COUNT(DISTINCT hint_index) AS n FROM hints_shown WHERE drill_id = ? AND shown_at > ?",
            (drill_id, self._episode_start(drill_id)),
        )
        return list(self.spec(drill_id).hints[: rows[0]["n"]])

    def reveal_hint(self, drill_id: str) -> tuple[int, str] | None:
        """Show the next hint (logged in ``hints_shown``): (1-based number, text), or None when all are shown."""
        hints = self.spec(drill_id).hints
        with self._lock:
            index = len(self.hints_revealed(drill_id))
            if index >= len(hints):
                return None
            with self.store.transaction() as tx:
                tx.execute(
                    "INSERT INTO hints_shown(drill_id, hint_index, shown_at) VALUES (?, ?, ?)",
                    (drill_id, index, clock.iso(self.study.now())),
                )
        return index + 1, hints[index]

    def _episode(self, drill_id: str) -> tuple[int, int, int]:
        """(failed runs, hints shown, working ms) since the last rating, before the run being stored."""
        since = self._episode_start(drill_id)
        row = self.store.query(
            "SELECT SUM(status IN ('fail', 'error')) AS failed, COALESCE(SUM(duration_ms), 0) AS ms "
            "FROM attempts WHERE drill_id = ? AND finished_at > ?",
            (drill_id, since),
        )[0]
        hints = len(self.hints_revealed(drill_id))
        return int(row["failed"] or 0), hints, int(row["ms"])

    def is_due(self, drill_id: str) -> bool:
        """New, or due now."""
        rows = self.store.query("SELECT state, due FROM cards WHERE id = ?", (card_id(drill_id),))
        if not rows or rows[0]["state"] == NEW or not rows[0]["due"]:
            return True
        return clock.parse_iso(rows[0]["due"]) <= self.study.now()

    # ----- recall from scratch ----------------------------------------------------------------------
    def _attempts_in_episode(self, drill_id: str, statuses: tuple[str, ...] | None = None) -> int:
        since = self._episode_start(drill_id)
        sql = "SELECT COUNT(*) AS n FROM attempts WHERE drill_id = ? AND finished_at > ?"
        params: tuple = (drill_id, since)
        if statuses:
            sql += f" AND status IN ({', '.join('?' for _ in statuses)})"
            params += statuses
        return int(self.store.query(sql, params)[0]["n"])

    def needs_fresh_start(self, drill_id: str) -> bool:
        """Rated before, due now, and nothing done yet in this episode: the learner recalls it from scratch."""
        rows = self.store.query("SELECT state FROM cards WHERE id = ?", (card_id(drill_id),))
        if not rows or rows[0]["state"] == NEW or self._last_rating(drill_id) is None:
            return False
        return self.is_due(drill_id) and self._attempts_in_episode(drill_id) == 0

    def open_code(self, drill_id: str) -> tuple[str, bool]:
        """The code to show when the drill opens, and whether it was reset to the starter for recall.

        A due drill opens on its starter (see the module docs); the previous workspace code is kept as a
        ``reset`` attempt first, so :meth:`restore_previous` can bring it back.
        """
        code = self.read_code(drill_id)
        starter = self.spec(drill_id).starter
        with self._lock:
            if not self.needs_fresh_start(drill_id) or code.strip() == starter.strip():
                return code, False
            self._insert_attempt(drill_id, code, "reset", result={"reason": "due: recall from scratch"})
            self.save_code(drill_id, starter)
        return starter, True

    def previous_code(self, drill_id: str) -> str | None:
        """The latest stored code that is not the starter (None when there is none)."""
        starter = self.spec(drill_id).starter.strip()
        for row in self.store.query(
            "SELECT code FROM attempts WHERE drill_id = ? AND status != 'restored' ORDER BY id DESC LIMIT 50",
            (drill_id,),
        ):
            if row["code"].strip() and row["code"].strip() != starter:
                return row["code"]
        return None

    def restore_previous(self, drill_id: str, code: str) -> str | None:
        """Bring back the latest earlier code (``code`` on screen is kept first); the episode becomes practice."""
        previous = self.previous_code(drill_id)
        if previous is None:
            return None
        with self._lock:
            self._insert_attempt(drill_id, code, "restored")
            self.save_code(drill_id, previous)
        return previous

    def _written_before(self, drill_id: str, code: str) -> bool:
        """Whether ``code`` (ignoring surrounding blank space) was already stored before this episode."""
        since = self._episode_start(drill_id)
        if not since:
            return False
        rows = self.store.query(
            "SELECT code FROM attempts WHERE drill_id = ? AND finished_at <= ? AND LENGTH(code) BETWEEN ? AND ?",
            (drill_id, since, len(code.strip()), len(code) + 64),
        )
        return any(row["code"].strip() == code.strip() for row in rows)

    # ----- runs ---------------------------------------------------------------------------------------
    def _insert_attempt(self, drill_id: str, code: str, status: str, *, passed: int = 0, total: int = 0,
                        duration_ms: int | None = None, result: dict | None = None,
                        started_at: datetime | None = None) -> int:
        now = self.study.now()
        previous = self.store.query("SELECT MAX(finished_at) AS t FROM attempts WHERE drill_id = ?", (drill_id,))
        hints = self.store.query(
            "SELECT COUNT(*) AS n FROM hints_shown WHERE drill_id = ? AND shown_at > ?",
            (drill_id, previous[0]["t"] or ""),
        )[0]["n"]
        with self.store.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO attempts(drill_id, started_at, finished_at, code, status, passed, total, hints_used, "
                "duration_ms, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (drill_id, clock.iso(started_at or now), clock.iso(now), code, status, passed, total, hints,
                 duration_ms, json.dumps(result or {}, ensure_ascii=False)),
            )
            return int(cur.lastrowid)

    def record_run(self, drill_id: str, code: str, result: Any, *, duration_ms: int | None = None,
                   started_at: datetime | None = None) -> RunOutcome:
        """Store a graded run (``result`` is a GradeResult) and schedule the drill when it passes."""
        spec = self.spec(drill_id)
        status = result.status if result.status in RUN_STATUSES else "error"
        if status != "pass" and code.strip() == spec.starter.strip():
            return RunOutcome(result, None, None, "The starter code is unchanged, so this run is not recorded")
        with self._lock:
            failed, hints, spent_ms = self._episode(drill_id)
            due = self.is_due(drill_id)
            attempt_id = self._insert_attempt(
                drill_id, code, status, passed=int(result.passed), total=int(result.total),
                duration_ms=duration_ms, result=result.to_dict(), started_at=started_at,
            )
            if status != "pass":
                return RunOutcome(result, attempt_id, None, "")
            if not due:
                return RunOutcome(result, attempt_id, None, "Practice: the drill is not due, so it is not rated")
            if self._attempts_in_episode(drill_id, ("restored",)):
                return RunOutcome(result, attempt_id, None,
                                  "Practice: your earlier code was restored, so this pass is not rated")
            if self._written_before(drill_id, code):
                return RunOutcome(result, attempt_id, None,
                                  "Practice: this is code you had already stored, so this pass is not rated")
            seconds = (spent_ms + (duration_ms or 0)) / 1000
            self.ensure_card(drill_id)
            rating, reason = choose_rating(failed_runs=failed, hints=hints, seconds=seconds,
                                           difficulty=self.spec(drill_id).difficulty)
            self.study.rate(card_id(drill_id), rating, spent_ms + (duration_ms or 0), source="drill")
        return RunOutcome(result, attempt_id, rating, reason)

    def run(self, drill_id: str, code: str, grader: Any, *, progress: Callable[[int, int], None] | None = None,
            cancel: threading.Event | None = None, duration_ms: int | None = None) -> RunOutcome | None:
        """Grade ``code`` with ``grader`` and store it; None when the run was cancelled (nothing stored)."""
        started = self.study.now()
        result = grader.grade(drill_id, code, progress=progress, cancel=cancel)
        if cancel is not None and cancel.is_set():
            return None
        return self.record_run(drill_id, code, result, duration_ms=duration_ms, started_at=started)

    def reset(self, drill_id: str, code: str, *, duration_ms: int | None = None) -> str:
        """Keep ``code`` as a ``reset`` attempt, write the starter to the workspace and return it."""
        starter = self.spec(drill_id).starter
        self._insert_attempt(drill_id, code, "reset", duration_ms=duration_ms)
        self.save_code(drill_id, starter)
        return starter

    def give_up(self, drill_id: str, code: str, *, duration_ms: int | None = None) -> tuple[str, int | None]:
        """Store a ``gave_up`` attempt, rate Again (see module docs); returns (reference source, rating)."""
        reference = reference_source(drill_id)
        with self._lock:
            last = self._last_rating(drill_id)
            runs_since = self.store.query(
                "SELECT COUNT(*) AS n FROM attempts WHERE drill_id = ? AND finished_at > ? AND status IN "
                "('pass', 'fail', 'error')",
                (drill_id, last["reviewed_at"] if last else ""),
            )[0]["n"]
            _, _, spent_ms = self._episode(drill_id)
            self._insert_attempt(drill_id, code, "gave_up", duration_ms=duration_ms)
            rating = None
            if last is None or last["rating"] != AGAIN or runs_since:
                rating = AGAIN
                self.ensure_card(drill_id)
                self.study.rate(card_id(drill_id), AGAIN, spent_ms + (duration_ms or 0), source="drill")
        return reference, rating

    # ----- history and status -------------------------------------------------------------------------
    def attempts(self, drill_id: str, limit: int = 200) -> list[Attempt]:
        """The drill's attempts, newest first."""
        rows = self.store.query(
            "SELECT id, drill_id, started_at, finished_at, code, status, passed, total, hints_used, duration_ms, "
            "result FROM attempts WHERE drill_id = ? ORDER BY id DESC LIMIT ?",
            (drill_id, limit),
        )
        out = []
        for row in rows:
            try:
                row["result"] = json.loads(row["result"] or "{}")
            except json.JSONDecodeError:
                row["result"] = {}
            out.append(Attempt(**row))
        return out

    def statuses(self, drill_ids: list[str] | None = None) -> dict[str, DrillStatus]:
        """The :class:`DrillStatus` of ``drill_ids`` (default: every drill), in two queries."""
        latest = {
            r["drill_id"]: r for r in self.store.query(
                "SELECT a.drill_id, a.status, a.passed, a.total, a.finished_at, c.n FROM attempts a JOIN "
                "(SELECT drill_id, MAX(id) AS last_id, COUNT(*) AS n FROM attempts "
                " WHERE status NOT IN ('reset', 'restored') GROUP BY drill_id) c ON a.id = c.last_id"
            )
        }
        cards = {
            r["id"]: r for r in self.store.query(
                "SELECT id, state, due FROM cards WHERE deck = ? AND kind = 'drill'", (DRILL_DECK,)
            )
        }
        now = self.study.now()
        out = {}
        for drill_id in self.specs() if drill_ids is None else drill_ids:
            card = cards.get(card_id(drill_id))
            due = clock.parse_iso(card["due"]) if card and card["due"] else None
            last = latest.get(drill_id)
            entry = DrillStatus(drill_id, "new", due=due)
            if last is not None:
                entry.last_status, entry.last_passed, entry.last_total = last["status"], last["passed"], last["total"]
                entry.last_at = clock.parse_iso(last["finished_at"])
                entry.attempts = last["n"]
            rated = card is not None and card["state"] != NEW
            if last is not None and last["status"] != "pass":
                entry.status = "failing"
            elif rated and due is not None and due <= now:
                entry.status = "due"
            elif last is not None or rated:
                entry.status = "passed"
            out[drill_id] = entry
        return out

    def status(self, drill_id: str) -> DrillStatus:
        return self.statuses([drill_id])[drill_id]


def file_stamp(path: Path) -> tuple[int, int]:
    """(mtime_ns, size) of ``path``, or (0, -1) when it is missing."""
    try:
        st = path.stat()
    except OSError:
        return 0, -1
    return st.st_mtime_ns, st.st_size


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
