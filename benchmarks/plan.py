"""Thirty days of a simulated learner, with and without an interview date: recall on the date and minutes.

Usage: python benchmarks/plan.py [--days 30] [--budget 30] [--seed 1] [--no-drills] [--json]

The learner studies the built-in decks (and the drills, as the cards ``drill:<id>``) through the real
study service on a real SQLite file, with a fake clock, once a day at 19:00 (UTC), rating whatever the
queue offers: the cards first, then the drills, as the review screen does.

Ground truth is an FSRS memory with the default weights, one ``fsrs.Card`` per item, kept apart from the
app's state: at each rating the learner recalls with that memory's retrievability at that moment (a first
sight is recalled with probability 0.7), rates Good when recalling (Easy one time in ten) and Again when
not, and the memory takes the same rating. Time per rating: 12 s for a new or learning card, 8 s for a
recalled review, 15 s for a forgotten one, 15 minutes for a drill (20 when it fails, 3 for the same day's
retry after a miss, the reference just seen); these are stored as the ratings' durations, so the plan
measures the cards' pace (drill pace comes from attempts, which this learner does not store: 15 minutes).

- **without a date**: the settings' limits (20 new cards and 200 reviews a day); the learner does at most one
  drill a day (there are 58; every new drill the queue offered would be 15 minutes more each day).
- **with a date** (``dlprep plan --date`` the last day + 1, ``--budget``): everything the queue offers.

Recall on the date is the ground-truth memory's mean retrievability at the start of the interview day over
every card and drill (0 for one never seen), overall and for cards and drills apart; the plan's own
prediction on day 0 is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time as time_module
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from dlprep import paths
from dlprep.content.loader import load_decks
from dlprep.drills.practice import DrillPractice
from dlprep.srs import StudyService, StudySettings, clock
from dlprep.srs.plan import InterviewGoal
from dlprep.srs.plan_forecast import plan_for
from dlprep.store import open_store

CARD_KINDS = ("basic", "cloze", "mc", "explain")
START = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


class Learner:
    """The ground-truth memory: FSRS with default weights, recall drawn from its retrievability."""

    def __init__(self, seed: int) -> None:
        self.fsrs = Scheduler(enable_fuzzing=False)
        self.cards: dict[str, FsrsCard] = {}
        self.rng = random.Random(seed)

    def answer(self, card_id: str, now: datetime) -> tuple[int, bool]:
        card = self.cards.get(card_id)
        p = 0.7 if card is None else self.fsrs.get_card_retrievability(card, now)
        recalled = self.rng.random() < p
        rating = (Rating.Easy if self.rng.random() < 0.1 else Rating.Good) if recalled else Rating.Again
        card = card or FsrsCard(card_id=len(self.cards) + 1, due=now)
        self.cards[card_id], _ = self.fsrs.review_card(card, rating, review_datetime=now)
        return int(rating), recalled

    def recall(self, card_id: str, moment: datetime) -> float:
        card = self.cards.get(card_id)
        return 0.0 if card is None else self.fsrs.get_card_retrievability(card, moment)


def seconds(drill: bool, state: int, recalled: bool) -> float:
    if drill:
        if state in (1, 3):  # the same day's retry, with the reference just seen
            return 180.0
        return 900.0 if recalled else 1200.0
    if state in (0, 1):
        return 12.0
    return 8.0 if recalled else 15.0


def study_session(study: StudyService, learner: Learner, clock_, kinds: tuple[str, ...], limit: int | None) -> float:
    """Rate what the queue offers for ``kinds`` (at most ``limit`` items); the seconds spent."""
    spent, done = 0.0, 0
    while (limit is None or done < limit) and (item := study.next_item(kinds=kinds)) is not None:
        drill = item.card.id.startswith("drill:")
        rating, recalled = learner.answer(item.card.id, clock_.moment)
        cost = seconds(drill, item.state, recalled)
        study.rate(item.card.id, rating, duration_ms=int(cost * 1000), source="drill" if drill else "review")
        clock_.moment += timedelta(seconds=cost)
        spent += cost
        done += 1
    return spent


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def simulate(*, with_date: bool, days: int, budget: float, seed: int, drills: bool, folder: Path) -> dict:
    store = open_store(folder / ("date.db" if with_date else "normal.db"))
    fake = Clock(START)
    study = StudyService(store, StudySettings(), now=fake, tz=UTC)
    decks, _issues = load_decks(paths.decks_dir())
    study.sync_decks(decks)
    if drills:
        DrillPractice(store, study, workspace=folder / "workspace").sync()
    interview = (START + timedelta(days=days)).date()
    predicted = None
    if with_date:
        InterviewGoal(interview, budget_min=budget).save(store)
        predicted = plan_for(study).expected_recall.overall
    learner = Learner(seed)
    minutes: list[float] = []
    for day in range(days):
        fake.moment = START + timedelta(days=day)
        spent = study_session(study, learner, fake, CARD_KINDS, None)
        if drills:
            spent += study_session(study, learner, fake, ("drill",), None if with_date else 1)
        minutes.append(spent / 60)
    moment = clock.day_bounds(interview, study.settings.day_start_hour, UTC)[0]
    items = store.query("SELECT id, section FROM cards WHERE retired = 0")
    store.close()
    recall = {i["id"]: learner.recall(i["id"], moment) for i in items}
    cards = [r for cid, r in recall.items() if not cid.startswith("drill:")]
    drill_recall = [r for cid, r in recall.items() if cid.startswith("drill:")]
    sections = {i["section"] for i in items}
    seen_sections = {i["section"] for i in items if i["id"] in learner.cards}
    return {
        "mode": "with date" if with_date else "without date",
        "recall_on_date": sum(recall.values()) / len(recall),
        "recall_cards": sum(cards) / len(cards),
        "recall_drills": sum(drill_recall) / len(drill_recall) if drill_recall else None,
        "predicted_on_day_0": predicted,
        "total_minutes": sum(minutes),
        "max_day_minutes": max(minutes),
        "daily_minutes": [round(m) for m in minutes],
        "items_seen": len(learner.cards),
        "items": len(recall),
        "sections_seen": f"{len(seen_sections)}/{len(sections)}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--budget", type=float, default=30.0, help="minutes a day in date mode (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-drills", action="store_true", help="cards only")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for with_date in (False, True):
            started = time_module.perf_counter()
            row = simulate(with_date=with_date, days=args.days, budget=args.budget, seed=args.seed,
                           drills=not args.no_drills, folder=Path(tmp))
            row["run_seconds"] = time_module.perf_counter() - started
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{args.days} days, budget {args.budget:g} min in date mode, seed {args.seed}, "
          f"drills {'off' if args.no_drills else 'on'}")
    print(f"{'mode':<13} {'recall':>6} {'cards':>6} {'drills':>6} {'predicted':>9} {'minutes':>8} "
          f"{'max/day':>7} {'seen':>9} {'sections':>8}")
    for r in rows:
        drills_text = f"{r['recall_drills']:.1%}" if r["recall_drills"] is not None else "-"
        predicted = f"{r['predicted_on_day_0']:.1%}" if r["predicted_on_day_0"] is not None else "-"
        print(f"{r['mode']:<13} {r['recall_on_date']:6.1%} {r['recall_cards']:6.1%} {drills_text:>6} "
              f"{predicted:>9} {r['total_minutes']:8.0f} {r['max_day_minutes']:7.0f} "
              f"{r['items_seen']:>4}/{r['items']:<4} {r['sections_seen']:>8}")
    for r in rows:
        print(f"minutes a day, {r['mode']}: {' '.join(str(m) for m in r['daily_minutes'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
