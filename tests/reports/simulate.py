"""Simulated weeks of use through the real study service (fake clock), for reports over realistic data.

The learner's memory follows FSRS with parameters of its own (initial stabilities 30% below the
defaults), some sections are harder (recall probability times 0.8), and a few drills are attempted,
some failing first. Run as a script to fill a data home and print ``dlprep report``::

    DLPREP_HOME=/tmp/sim python -m tests.reports.simulate 28   # the last session is yesterday evening
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from dlprep.content import load_decks
from dlprep.content.model import Card, Deck
from dlprep.srs import StudyService, StudySettings
from dlprep.store import Store

HARD_SECTIONS = {"Deformable Attention", "Graph Neural Network", "Energy based Model", "Mulit-head attention"}
DRILLS = [  # (id, section, chance that a run passes)
    ("dropout", "Dropout", 0.9),
    ("linear_layer", "Implement DL modules", 0.8),
    ("scaled_dot_product_attention", "Scaled dot product attention", 0.5),
    ("adam_step", "ADAM optimizer", 0.35),
]
SKIPPED_DAYS = {9, 17}


class Clock:
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


def simulate(store: Store, *, days: int, start: datetime, seed: int = 1, decks: list[Deck] | None = None,
             new_per_day: int = 12) -> int:
    """Study every day but :data:`SKIPPED_DAYS` at about 19:00 UTC; return the number of ratings made."""
    rng = random.Random(seed)
    random.seed(seed)  # py-fsrs fuzzes intervals with the global generator
    clock = Clock(start)
    settings = StudySettings(new_per_day=new_per_day)
    study = StudyService(store, settings, now=clock, tz=UTC)
    study.sync_decks(decks if decks is not None else load_decks()[0])
    drill_cards = [Card(id=f"drill:{d}", deck="drills", section=s, kind="drill", question=d) for d, s, _ in DRILLS]
    study.sync_decks([Deck(name="drills", section="", cards=drill_cards)], origin="drill")
    learner = list(DEFAULT_PARAMETERS)
    learner[0:4] = [w * 0.7 for w in learner[0:4]]
    truth_scheduler = Scheduler(parameters=learner, enable_fuzzing=False)
    truth: dict[str, FsrsCard] = {}
    ratings = 0
    for day in range(days):
        if day in SKIPPED_DAYS:
            continue
        clock.moment = start + timedelta(days=day, minutes=rng.randrange(-60, 60))
        session_end = clock.moment + timedelta(hours=2)
        idle = 0
        while clock.moment < session_end and idle < 6:
            item = study.next_item(kinds=("basic", "cloze", "mc", "explain"))
            if item is None:
                clock.moment += timedelta(minutes=5)  # wait for learning steps
                idle += 1
                continue
            idle = 0
            card_id = item.card.id
            memory = truth.get(card_id)
            if memory is None:
                rating = Rating.Again if rng.random() < 0.3 else Rating.Good
                memory = FsrsCard(card_id=len(truth) + 1, due=clock.moment)
            else:
                recall = truth_scheduler.get_card_retrievability(memory, clock.moment)
                if item.card.section in HARD_SECTIONS:
                    recall *= 0.8
                if rng.random() < recall:
                    rating = rng.choices([Rating.Hard, Rating.Good, Rating.Easy], [1, 8, 1])[0]
                else:
                    rating = Rating.Again
            truth[card_id], _ = truth_scheduler.review_card(memory, rating, clock.moment)
            duration = rng.randrange(4_000, 25_000)
            clock.moment += timedelta(milliseconds=duration)
            study.rate(card_id, int(rating), duration_ms=duration)
            ratings += 1
        if day % 3 == 0:
            ratings += _drill_session(store, study, clock, rng, day)
    return ratings


def _drill_session(store: Store, study: StudyService, clock: Clock, rng: random.Random, day: int) -> int:
    """Work on one drill: runs until a pass (at most 4), then rate it as the drill service would."""
    drill_id, _section, chance = DRILLS[(day // 3) % len(DRILLS)]
    for failed in range(4):
        spent = rng.randrange(60_000, 600_000)
        started = clock.moment
        clock.moment += timedelta(milliseconds=spent)
        passed = rng.random() < chance
        total = 8
        with store.transaction() as tx:
            tx.execute(
                "INSERT INTO attempts(drill_id, started_at, finished_at, code, status, passed, total, hints_used, "
                "duration_ms, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (drill_id, started.isoformat(), clock.moment.isoformat(), "def f(): ...\n",
                 "pass" if passed else "fail", total if passed else rng.randrange(0, total), total, 0, spent,
                 json.dumps({})),
            )
        if passed:
            study.rate(f"drill:{drill_id}", 3 if failed == 0 else 2, duration_ms=None, source="drill")
            return 1
    study.rate(f"drill:{drill_id}", 1, duration_ms=None, source="drill")
    return 1


if __name__ == "__main__":
    import sys

    from dlprep.paths import database_path
    from dlprep.reports.render_text import render_text
    from dlprep.reports.summary import build_report
    from dlprep.store import open_store

    days = int(sys.argv[1]) if len(sys.argv) > 1 else 28
    path = Path(database_path())
    store = open_store(path)
    today = datetime.now(UTC).replace(hour=19, minute=0, second=0, microsecond=0)
    begin = today - timedelta(days=days)  # the last session ends yesterday evening
    made = simulate(store, days=days, start=begin)
    print(f"{made} ratings over {days} days in {path}", file=sys.stderr)
    sys.stdout.write(render_text(build_report(store, datetime.now(UTC), tz=UTC)))
