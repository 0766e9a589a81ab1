"""Interview date: the plan's new limit, every section introduced and reviewed twice before the date,
pulled-forward reviews, expected recall from FSRS's own model, the days after the date. A fake clock."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Scheduler

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings, clock
from dlprep.srs.plan import (
    InterviewGoal,
    Pace,
    PlanError,
    Quota,
    day_quota,
    introduction_order,
    measure_pace,
    parse_goal,
    pull_forward_day,
)
from dlprep.srs.plan_forecast import plan_for, summary_line
from dlprep.srs.plan_render import render_plan
from dlprep.srs.scheduler import make_scheduler

SECTIONS = ("Attention", "Batch Normalization", "Diffusion")


def decks(per_section: int = 10, sections: tuple[str, ...] = SECTIONS):
    out = []
    for s, section in enumerate(sections):
        body = "\n".join(f"Question {s}-{i}?::Answer {i}\n" for i in range(per_section))
        out.append(parse_deck_text(f"---\ndeck: D{s}\nsection: {section}\n---\n\n{body}", f"d{s}.md"))
    return out


def service(store, clock_, **settings) -> StudyService:
    svc = StudyService(store, StudySettings(fuzz=False, **settings), now=clock_, tz=UTC)
    return svc


def today(svc: StudyService) -> date:
    return clock.study_day(svc.now(), svc.settings.day_start_hour, svc.tz)


def set_goal(svc: StudyService, days: int, **kwargs) -> InterviewGoal:
    goal = parse_goal((today(svc) + timedelta(days=days)).isoformat(), today(svc), **kwargs)
    goal.save(svc.store)
    return goal


def study_the_day(svc: StudyService, clock_, rating: int = 3) -> list[tuple[str, int]]:
    """Rate everything the queue offers now (learning steps come back through the learn-ahead window)."""
    rated = []
    while (item := svc.next_item()) is not None:
        rated.append((item.card.id, item.state))
        svc.rate(item.card.id, rating, duration_ms=8000)
        clock_.advance(seconds=10)
    return rated


def test_the_new_limit_follows_the_plan_and_takes_every_section_in_turn(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(10))
    assert len(svc.queue()[2]) == 20  # no date: the settings' 20 a day, the decks taking turns
    assert {r["section"] for r in svc.queue()[2][:3]} == set(SECTIONS)
    set_goal(svc, 12)  # 30 cards over 12 - 2 days: 3 a day
    new = svc.queue()[2]
    assert len(new) == 3 and {r["section"] for r in new} == set(SECTIONS)
    assert [c.new for c in svc.deck_counts()] == [3, 3, 3]  # each deck as its own review would show it
    set_goal(svc, 12, budget_min=1)  # one minute at 30 s a new card: 2 a day
    assert len(svc.queue()[2]) == 2


def test_a_month_of_following_the_plan_introduces_every_card_in_time_and_reviews_it_twice(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(12))  # 36 cards
    goal = set_goal(svc, 15)
    first_plan = plan_for(svc)
    assert first_plan.daily[0].new == 3 and len(first_plan.daily) == 15  # 36 over 13 days
    introduced: dict[str, date] = {}
    for _ in range(15):
        day = today(svc)
        limit = svc.queue()[2]
        allowed = len(limit)
        rated = study_the_day(svc, fake_clock)
        new_today = [cid for cid, state in rated if state == 0]
        assert len(new_today) == allowed <= 3  # the plan's limit, never more
        for cid in new_today:
            introduced[cid] = day
        fake_clock.moment = datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC) + timedelta(hours=12)
    assert today(svc) == goal.date
    assert len(introduced) == 36
    assert max(introduced.values()) <= goal.date - timedelta(days=3)
    start, _ = clock.day_bounds(goal.date, 4, UTC)
    counts = {r["card_id"]: r["n"] for r in store.query(
        "SELECT card_id, COUNT(*) AS n FROM reviews WHERE json_extract(before, '$.state') = 2 "
        "AND reviewed_at < ? GROUP BY card_id", (clock.iso(start),))}
    assert len(counts) == 36 and min(counts.values()) >= 2
    # On the day itself the goal is inert: the settings' limits are back.
    extra = parse_deck_text("---\ndeck: E\nsection: Extra\n---\n\n" + "\n".join(
        f"Extra {i}?::Answer\n" for i in range(25)), "e.md")
    svc.sync_decks(decks(12) + [extra])
    assert len(svc.queue()[2]) == 20


def graduate_easy_then_good(svc, clock_, card_id: str) -> None:
    """Easy at once, then Good at each of its next two due dates: two reviews, a long interval."""
    svc.rate(card_id, 4)
    for _ in range(2):
        row = svc.store.query("SELECT due FROM cards WHERE id = ?", (card_id,))[0]
        clock_.moment = clock.parse_iso(row["due"])
        svc.rate(card_id, 3)


def test_a_review_due_after_the_date_is_pulled_forward_only_when_recall_on_the_day_falls_short(store, fake_clock):
    svc = service(store, fake_clock)
    svc.sync_decks(decks(1, ("Attention",)))
    card = store.query("SELECT id FROM cards")[0]["id"]
    graduate_easy_then_good(svc, fake_clock, card)
    row = store.query("SELECT fsrs, due FROM cards WHERE id = ?", (card,))[0]
    state, due = json.loads(row["fsrs"]), clock.parse_iso(row["due"])
    interval = (due - fake_clock.moment).days
    assert interval > 30
    fsrs = make_scheduler(svc.settings, fuzz=False)
    # A date 30 days ahead, before the card's due: FSRS's recall on the day is above 90%.
    goal = set_goal(svc, 30)
    moment = clock.day_bounds(goal.date, 4, UTC)[0]
    recall = fsrs.get_card_retrievability(FsrsCard.from_dict(state), moment)
    assert 0.9 < recall < 0.99
    assert pull_forward_day(state, 2, goal, svc.settings, fsrs, UTC) is None  # not stretched, not pulled
    for _ in range(29):
        fake_clock.advance(days=1)
        assert svc.queue()[1] == []
    # The same card with a target above its recall on the day: pulled to the last day FSRS still gives it 99%.
    fake_clock.moment -= timedelta(days=29)
    goal = set_goal(svc, 30, target=0.99)
    aligned = FsrsCard.from_dict(state)
    aligned.last_review = clock.day_bounds(today(svc), 4, UTC)[0]  # whole days from here to each day's start
    at_99 = [k for k in range(1, 30) if fsrs.get_card_retrievability(
        aligned, clock.day_bounds(today(svc) + timedelta(days=k), 4, UTC)[0]) >= 0.99]
    assert at_99 == list(range(1, len(at_99) + 1)) and 2 < len(at_99) < 29
    pulled = pull_forward_day(state, 2, goal, svc.settings, fsrs, UTC)
    assert pulled == today(svc) + timedelta(days=len(at_99))
    fake_clock.advance(days=len(at_99) - 1)
    assert svc.queue()[1] == [] and sum(c.due for c in svc.deck_counts()) == 0
    fake_clock.advance(days=1)
    assert [r["id"] for r in svc.queue()[1]] == [card] and sum(c.due for c in svc.deck_counts()) == 1
    svc.rate(card, 3)  # reviewed on the day it was pulled to: its next interval starts from here
    after = json.loads(store.query("SELECT fsrs FROM cards WHERE id = ?", (card,))[0]["fsrs"])
    assert fsrs.get_card_retrievability(FsrsCard.from_dict(after), moment) > recall


def test_a_card_with_fewer_than_two_reviews_is_pulled_forward_to_fit_them(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(1, ("Attention",)))
    card = store.query("SELECT id FROM cards")[0]["id"]
    svc.rate(card, 4)  # Easy: in review with no review yet, due in about a week
    due = clock.parse_iso(store.query("SELECT due FROM cards")[0]["due"])
    days_to_due = clock.study_days_between(fake_clock.moment, due, 4, UTC)
    set_goal(svc, days_to_due)  # due on the day of the interview: too late for a review before it
    mid = max(1, days_to_due // 3)  # two reviews still needed: the first at a third of the gap
    assert mid >= 2
    fake_clock.advance(days=mid - 1)
    assert svc.queue()[1] == []
    fake_clock.advance(days=1)
    assert [r["id"] for r in svc.queue()[1]] == [card]


def test_expected_recall_is_fsrs_retrievability_on_the_day_and_new_cards_count_zero(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(2, ("Attention", "Diffusion")))
    ids = [r["id"] for r in store.query("SELECT id FROM cards ORDER BY section, id")]
    fake_clock.moment = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)  # at the start of a study day
    svc.rate(ids[0], 3)
    svc.rate(ids[0], 3)  # Good twice: in review
    svc.rate(ids[1], 4)
    svc.rate(ids[2], 2)
    svc.rate(ids[2], 3)
    # ids[3] (Diffusion) stays new.
    goal = set_goal(svc, 9)
    plan = plan_for(svc)
    moment = datetime(2026, 3, 11, 4, 0, tzinfo=UTC)  # the interview day's start: whole days after each review
    fsrs = Scheduler()  # the default parameters, as the settings use
    by_hand = {}
    for cid in ids[:3]:
        state = json.loads(store.query("SELECT fsrs FROM cards WHERE id = ?", (cid,))[0]["fsrs"])
        by_hand[cid] = fsrs.get_card_retrievability(FsrsCard.from_dict(state), moment)
    stopped = plan.expected_recall_if_stopped
    assert stopped.by_section["Attention"] == pytest.approx((by_hand[ids[0]] + by_hand[ids[1]]) / 2, abs=1e-9)
    assert stopped.by_section["Diffusion"] == pytest.approx(by_hand[ids[2]] / 2, abs=1e-9)
    assert stopped.overall == pytest.approx(sum(by_hand.values()) / 4, abs=1e-9)
    assert all(0.5 < p < 1 for p in by_hand.values())
    # Following the plan introduces the new card and reviews the rest: recall on the day goes up everywhere.
    followed = plan.expected_recall
    assert followed.by_section["Diffusion"] > 0.8 > stopped.by_section["Diffusion"]
    assert followed.overall > stopped.overall
    assert goal.date.isoformat() == plan.date and plan.days_left == 9


def test_recall_counts_study_days_for_a_review_late_in_the_day(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(1, ("Attention",)))
    card = store.query("SELECT id FROM cards")[0]["id"]
    fake_clock.moment = datetime(2026, 3, 2, 22, 0, tzinfo=UTC)
    svc.rate(card, 4)
    set_goal(svc, 5)
    state = json.loads(store.query("SELECT fsrs FROM cards")[0]["fsrs"])
    fed = FsrsCard.from_dict(state)
    fed.last_review = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)  # five study days before 2026-03-07 04:00
    expected = Scheduler().get_card_retrievability(fed, datetime(2026, 3, 7, 4, 0, tzinfo=UTC))
    assert plan_for(svc).expected_recall_if_stopped.overall == pytest.approx(expected, abs=1e-9)


def test_drills_count_in_the_plan_and_the_recall(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    drill = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\nImplement attention::code\n", "x.md")
    drill.cards[0].id = "drill:attention"
    drill.cards[0].kind = "drill"
    svc.sync_decks(decks(4, ("Attention",)) + [drill])
    set_goal(svc, 10)
    plan = plan_for(svc)
    assert plan.daily[0].new == 1 and plan.daily[0].drills == 1  # 4 cards over 8 days, the drill at once
    assert plan.daily[0].minutes == pytest.approx((30 + 900) / 60)  # default pace: 30 s a card, 15 min a drill
    assert len(svc.queue()[2]) == 2
    assert [r["id"] for r in svc.queue(kinds=("drill",))[2]] == ["drill:attention"]  # the cards leave its slot
    assert len(svc.queue(kinds=("basic",))[2]) == 1
    assert plan.expected_recall.by_section["Attention"] > 0.8


def test_the_pace_is_measured_from_the_history(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(12, ("Attention",)))
    assert measure_pace(store).measured == frozenset()
    for row in store.query("SELECT id FROM cards"):
        svc.rate(row["id"], 3, duration_ms=12_000)  # new -> learning
        svc.rate(row["id"], 3, duration_ms=6_000)  # learning -> review
    pace = measure_pace(store)
    assert pace.measured == {"new"} and pace.new_s == pytest.approx(18.0)
    assert pace.review_s == 10.0  # still the default


def test_the_summary_line_before_on_and_after_the_date(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(10))
    assert summary_line(svc) is None
    set_goal(svc, 12)
    line = summary_line(svc)
    assert line.startswith("Interview in 12 days · expected recall ")
    assert "(0% if you stop now) · today: 0 reviews, 3 new, 0 drills, ~2 min" in line
    fake_clock.advance(days=12)
    assert summary_line(svc).startswith("Interview today")
    fake_clock.advance(days=1)
    assert "has passed: normal scheduling is back" in summary_line(svc)
    assert len(svc.queue()[2]) == 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-03-01", "the interview date 2026-03-01 is in the past (today is 2026-03-02)"),
        ("2026-13-01", "bad interview date '2026-13-01': expected YYYY-MM-DD"),
        ("next friday", "bad interview date 'next friday': expected YYYY-MM-DD"),
        ("20260320", "bad interview date '20260320': expected YYYY-MM-DD"),
    ],
)
def test_bad_dates_get_one_sentence(text: str, message: str) -> None:
    with pytest.raises(PlanError) as err:
        parse_goal(text, date(2026, 3, 2))
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_bad_budget_and_target() -> None:
    with pytest.raises(PlanError, match="bad budget 0"):
        parse_goal("2026-04-01", date(2026, 3, 2), budget_min=0)
    with pytest.raises(PlanError, match="bad target 1.5"):
        parse_goal("2026-04-01", date(2026, 3, 2), target=1.5)


def test_introduction_order_keeps_every_section_at_one_pace_and_spreads_cloze_siblings() -> None:
    rows = [{"id": i, "section": s, "note_id": n} for i, s, n in (
        ("n1::c1", "A", "n1"), ("n1::c2", "A", "n1"), ("n1::c3", "A", "n1"), ("a4", "A", ""),
        ("b1", "B", ""), ("b2", "B", ""))]
    assert [r["id"] for r in introduction_order(rows)] == ["n1::c1", "b1", "a4", "n1::c2", "b2", "n1::c3"]


def test_the_day_quota_spreads_new_cards_within_the_budget_and_a_due_drill_never_starves_them() -> None:
    pace = Pace(new_s=30.0, review_s=10.0, drill_s=900.0)
    # 200 cards over 12 - 2 days: 20 a day. 60 reviews take 10 minutes; 20 new cards 10 more; the due drill
    # (15 minutes) leaves no room for a new drill.
    quota = day_quota(new_cards_left=200, new_drills_left=10, reviews=60, drills_due=1, days_left=12, pace=pace,
                      budget_min=30)
    assert quota == Quota(new_cards=20, new_drills=0)
    # Without the due drill, the 10 minutes left are too few for a 15-minute drill.
    assert day_quota(new_cards_left=200, new_drills_left=10, reviews=60, drills_due=0, days_left=12, pace=pace,
                     budget_min=30) == Quota(20, 0)
    assert day_quota(new_cards_left=200, new_drills_left=10, reviews=30, drills_due=0, days_left=12, pace=pace,
                     budget_min=30) == Quota(20, 1)  # 5 + 10 minutes, then a 15-minute drill
    # 150 reviews take 25 of the 30 minutes: 10 new cards fit.
    assert day_quota(new_cards_left=200, new_drills_left=0, reviews=150, drills_due=2, days_left=12, pace=pace,
                     budget_min=30) == Quota(10, 0)
    assert day_quota(new_cards_left=5, new_drills_left=1, reviews=0, drills_due=0, days_left=2, pace=pace,
                     budget_min=30) == Quota(5, 1)  # too late for two reviews: everything at once
    assert day_quota(new_cards_left=5, new_drills_left=1, reviews=0, drills_due=0, days_left=0, pace=pace,
                     budget_min=30) == Quota(0, 0)


def test_new_drills_are_only_spread_as_far_as_the_days_left_can_pay_for_their_two_reviews() -> None:
    pace = Pace(new_s=30.0, review_s=10.0, drill_s=900.0)
    # 12 days of 30 minutes: 360 minutes, room for 8 drills at 45 minutes each (a session and two reviews).
    free = {"new_cards_left": 0, "new_drills_left": 10, "reviews": 0, "drills_due": 0, "days_left": 12,
            "pace": pace, "budget_min": 30}
    assert day_quota(**free) == Quota(0, 1)
    # 24 review sessions owed by drills already introduced take all 360 minutes: no new drill.
    assert day_quota(**free, drill_reviews_owed=24) == Quota(0, 0)
    assert day_quota(**free, drill_reviews_owed=20) == Quota(0, 1)  # 60 minutes left: one more drill


def test_the_summary_line_the_day_before_counts_one_review_and_one_drill(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    drill = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\nImplement attention::code\n", "x.md")
    drill.cards[0].id = "drill:attention"
    drill.cards[0].kind = "drill"
    svc.sync_decks(decks(1, ("Attention",)) + [drill])
    card = store.query("SELECT id FROM cards WHERE kind = 'basic'")[0]["id"]
    svc.rate(card, 4)
    svc.rate("drill:attention", 4)  # both in review, due on the same day
    fake_clock.moment = clock.parse_iso(store.query("SELECT due FROM cards WHERE id = ?", (card,))[0]["due"])
    goal = set_goal(svc, 1)
    line = summary_line(svc)
    assert line.startswith("Interview tomorrow · expected recall ")
    assert line.endswith(" if you stop now) · today: 1 review, 0 new, 1 drill, ~15 min")  # 10 s + 15 min
    fake_clock.advance(days=2)
    assert summary_line(svc) == (f"Interview date {goal.date.isoformat()} has passed: normal scheduling is back "
                                 "(`dlprep plan --clear` removes the date)")


def test_the_plan_counts_days_in_the_learners_zone(store, fake_clock) -> None:
    from datetime import timezone

    plus9 = timezone(timedelta(hours=9))
    svc = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=plus9)
    svc.sync_decks(decks(2, ("Attention",)))
    fake_clock.moment = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 05:00 on March 3 at UTC+9: study day March 3
    InterviewGoal(date(2026, 3, 6)).save(store)
    plan = plan_for(svc)
    assert plan.days_left == 3
    assert [d.day for d in plan.daily] == ["2026-03-03", "2026-03-04", "2026-03-05"]
    assert summary_line(svc).startswith("Interview in 3 days · ")


def test_with_a_date_the_deck_counts_of_drills_alone_are_what_their_queue_offers(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    drills = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\n"
                             + "\n".join(f"Implement part {k}::code\n" for k in range(3)), "x.md")
    for k, card in enumerate(drills.cards):
        card.id, card.kind = f"drill:part{k}", "drill"
    svc.sync_decks(decks(6, ("Attention",)) + [drills])
    set_goal(svc, 10)
    offered = svc.queue(kinds=("drill",))[2]
    assert len(offered) == 1  # a 30-minute budget pays for one new 15-minute drill today
    counts = {c.deck: c for c in svc.deck_counts(kinds=("drill",))}
    assert list(counts) == ["drills"] and counts["drills"].new == 1 and counts["drills"].total == 3
    assert svc.queue_counts(kinds=("drill",)) == (0, 0, 1)


@pytest.mark.parametrize(("days", "active"), [
    # FSRS's own intervals after Good: 2 days, then 11; a date 10 days out pulls the second review forward.
    (10, [("2026-03-02", 1, 0, 1), ("2026-03-04", 0, 1, 1), ("2026-03-08", 0, 1, 1)]),
    # Far enough out, two reviews are done and recall on the day stays above target: nothing more is pulled.
    (40, [("2026-03-02", 1, 0, 1), ("2026-03-04", 0, 1, 1), ("2026-03-15", 0, 1, 1)]),
])
def test_once_a_card_has_its_two_reviews_the_plan_stops_pulling_it_forward(store, fake_clock, days, active) -> None:
    svc = service(store, fake_clock)
    drill = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\nImplement attention::code\n", "x.md")
    drill.cards[0].id = "drill:attention"
    drill.cards[0].kind = "drill"
    svc.sync_decks(decks(1, ("Attention",)) + [drill])
    set_goal(svc, days)
    plan = plan_for(svc)
    assert [(d.day, d.new, d.reviews, d.drills) for d in plan.daily if d.new or d.reviews or d.drills] == active


@pytest.mark.parametrize("budget", [60, 3])  # minutes a day: the quota follows the days left, or the budget
def test_todays_quota_is_the_same_after_a_restart_in_the_middle_of_the_day(store, fake_clock, budget) -> None:
    from dlprep.srs import plan_queue

    svc = service(store, fake_clock)
    drills = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\n"
                             + "\n".join(f"Implement part {k}::code\n" for k in range(4)), "x.md")
    for k, card in enumerate(drills.cards):
        card.id, card.kind = f"drill:part{k}", "drill"
    svc.sync_decks(decks(30, ("Attention",)) + [drills])
    learned = [r["id"] for r in store.query("SELECT id FROM cards WHERE kind = 'basic' ORDER BY rowid LIMIT 6")]
    for card in [*learned, "drill:part0", "drill:part1"]:
        svc.rate(card, 3)
        svc.rate(card, 3)  # in review, due in two days
    fake_clock.advance(days=3)
    svc.rate("drill:part1", 3)  # a drill review on an earlier day: it still owes one
    fake_clock.advance(days=2)
    set_goal(svc, 15, budget_min=budget)
    plan_queue._QUOTA_CACHE.clear()
    morning = plan_queue.queue_hook(svc)
    _, reviews, new = svc.queue()
    assert len(new) == morning.cards_left + morning.drills_left
    studied = [r for r in reviews if r["id"].startswith("drill:")] + [r for r in reviews if r["kind"] == "basic"][:3]
    for row in studied + new:
        svc.rate(row["id"], 3, duration_ms=10_000)
        fake_clock.advance(minutes=1)
    plan_queue._QUOTA_CACHE.clear()  # the app restarted: the quota is computed again
    afternoon = plan_queue.queue_hook(svc)
    assert afternoon.quota == morning.quota
    assert (afternoon.cards_left, afternoon.drills_left, afternoon.new_limit) == (0, 0, len(new))
    assert svc.queue()[2] == []


def test_goal_limits_are_inclusive() -> None:
    today_ = date(2026, 3, 2)
    assert parse_goal("2026-03-02", today_) == InterviewGoal(today_)  # today itself is allowed
    assert parse_goal("2026-04-01", today_, budget_min=1440, target=0.5).budget_min == 1440
    assert parse_goal("2026-04-01", today_, budget_min=1, target=0.99).target == 0.99
    with pytest.raises(PlanError, match="bad budget 1441: expected minutes a day between 1 and 1440"):
        parse_goal("2026-04-01", today_, budget_min=1441)
    with pytest.raises(PlanError, match="bad target 1: expected a recall between 0.5 and 0.99"):
        parse_goal("2026-04-01", today_, target=1.0)
    with pytest.raises(PlanError, match="bad target 0.49"):
        parse_goal("2026-04-01", today_, target=0.49)


def test_pace_minutes() -> None:
    assert Pace(new_s=30.0, review_s=12.0, drill_s=900.0).minutes(2, 5, 1) == pytest.approx((60 + 60 + 900) / 60)


def test_the_drill_pace_is_the_attempts_working_time_per_drill_rating(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    drill = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\nImplement attention::code\n", "x.md")
    drill.cards[0].id, drill.cards[0].kind = "drill:attention", "drill"
    svc.sync_decks([drill])

    def attempt(ms: int | None) -> None:
        with store.transaction() as tx:
            tx.execute("INSERT INTO attempts(drill_id, started_at, finished_at, code, status, duration_ms) "
                       "VALUES ('attention', '2026-03-02T12:00:00+00:00', '2026-03-02T12:10:00+00:00', '', 'fail', ?)",
                       (ms,))

    for ms in (300_000, 420_000):
        attempt(ms)
        svc.rate("drill:attention", 3)
        fake_clock.advance(days=1)
    assert measure_pace(store).measured == frozenset()  # two ratings: too few
    attempt(None)  # an attempt without a time
    svc.rate("drill:attention", 3)  # three ratings, 720 s of attempts in all
    pace = measure_pace(store)
    assert pace.measured == {"drill"} and pace.drill_s == pytest.approx(720 / 3)
    assert (pace.new_s, pace.review_s) == (30.0, 10.0)


def test_the_drill_pace_needs_timed_attempts(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    drill = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\nImplement attention::code\n", "x.md")
    drill.cards[0].id, drill.cards[0].kind = "drill:attention", "drill"
    svc.sync_decks([drill])
    for _ in range(4):
        svc.rate("drill:attention", 3)
        fake_clock.advance(days=1)
    assert measure_pace(store) == Pace()


def test_review_counts_for_some_cards(store, fake_clock) -> None:
    from dlprep.srs.plan import review_counts

    svc = service(store, fake_clock)
    svc.sync_decks(decks(3, ("Attention",)))
    ids = [r["id"] for r in store.query("SELECT id FROM cards ORDER BY rowid")]
    for card in ids:
        svc.rate(card, 4)  # new: not a review
    fake_clock.advance(days=30)
    svc.rate(ids[0], 3)
    svc.rate(ids[1], 3)
    assert review_counts(store) == {ids[0]: 1, ids[1]: 1}
    assert review_counts(store, [ids[1], ids[2]]) == {ids[1]: 1}
    assert review_counts(store, []) == {}


def test_without_a_goal_limit_new_keeps_the_first_cards_within_the_limit() -> None:
    from dlprep.srs.plan_queue import QueueHook

    rows = [{"id": f"c{k}", "kind": "basic", "section": "S", "note_id": ""} for k in range(5)]
    assert QueueHook(3).limit_new(rows, 1) == rows[:2]
    assert QueueHook(3).limit_new(rows, 0) == rows[:3]
    assert QueueHook(3).limit_new(rows, 4) == []


def test_the_plan_follows_the_expected_path_even_when_reviews_are_fuzzed(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(8, ("Attention", "Diffusion")))
    for row in store.query("SELECT id FROM cards ORDER BY rowid LIMIT 6"):
        svc.rate(row["id"], 3)
        svc.rate(row["id"], 3)
    fake_clock.advance(days=2)
    set_goal(svc, 40)
    plain = plan_for(svc)
    fuzzed = plan_for(StudyService(store, StudySettings(fuzz=True), now=fake_clock, tz=UTC))
    assert fuzzed.daily == plain.daily
    assert fuzzed.expected_recall == plain.expected_recall


def test_introduction_order_with_equal_sections_and_a_note_of_three_clozes() -> None:
    rows = [{"id": i, "section": s, "note_id": n} for i, s, n in (
        ("a1", "A", "na"), ("a2", "A", "na"), ("a3", "A", "na"), ("a4", "A", "nb"), ("a5", "A", "nb"),
        ("b1", "B", ""), ("b2", "B", ""), ("b3", "B", ""), ("b4", "B", ""), ("b5", "B", ""))]
    # Within A: each note's first cloze, then each note's second, then the third; A and B take turns.
    assert [r["id"] for r in introduction_order(rows)] == [
        "a1", "b1", "a4", "b2", "a2", "b3", "a5", "b4", "a3", "b5"]


def test_the_day_quota_worked_by_hand() -> None:
    pace = Pace(new_s=30.0, review_s=10.0, drill_s=900.0)
    # Three days left, one to introduce on: 40 cards come in today. Today has room for two drills after
    # them, but the days can pay for one new drill only: 3 x (4500 - 30 x 10) - 40 x (30 + 2 x 10)
    # - (1 due + 5 owed) x 900 = 5200 s, and a drill with its two reviews costs 2700 s.
    assert day_quota(new_cards_left=40, new_drills_left=10, reviews=30, drills_due=1, days_left=3, pace=pace,
                     budget_min=75, drill_reviews_owed=5) == Quota(40, 1)
    # Nothing else to pay for: three drills are affordable, but today has room for two after the two due.
    assert day_quota(new_cards_left=0, new_drills_left=10, reviews=0, drills_due=2, days_left=3, pace=pace,
                     budget_min=60) == Quota(0, 2)
    # The day before the interview still introduces what it can.
    assert day_quota(new_cards_left=5, new_drills_left=0, reviews=0, drills_due=0, days_left=1, pace=pace,
                     budget_min=60) == Quota(5, 0)
    assert day_quota(new_cards_left=5, new_drills_left=0, reviews=0, drills_due=0, days_left=0, pace=pace,
                     budget_min=60) == Quota(0, 0)


def test_pulled_reviews_are_counted_per_deck_and_kind(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    cloze = parse_deck_text("---\ndeck: C\nsection: Attention\n---\n\nAdam keeps ==two== moving averages.\n", "c.md")
    svc.sync_decks(decks(1, ("Attention",)) + [cloze])
    ids = [r["id"] for r in store.query("SELECT id FROM cards ORDER BY rowid")]
    for card in ids:
        svc.rate(card, 4)
    fake_clock.advance(days=1)
    set_goal(svc, 5)  # both are due after the date with no review yet: pulled forward to fit two
    fake_clock.advance(days=1)
    assert sorted(r["id"] for r in svc.queue()[1]) == sorted(ids)
    assert {c.deck: c.due for c in svc.deck_counts()} == {"D0": 1, "C": 1}
    assert {c.deck: c.due for c in svc.deck_counts(kinds=("cloze",))} == {"C": 1}
    assert svc.queue_counts() == (0, 2, 0)
    assert svc.queue_counts(deck="C") == (0, 1, 0)
    assert [r["id"] for r in svc.queue(kinds=("basic",))[1]] == [ids[0]]


def test_quiz_answers_do_not_use_up_the_days_new_cards_with_a_date(store, fake_clock) -> None:
    from dlprep.srs import plan_queue

    svc = service(store, fake_clock)
    svc.sync_decks(decks(10, ("Attention",)))
    set_goal(svc, 12)
    plan_queue._QUOTA_CACHE.clear()
    before = plan_queue.queue_hook(svc)
    assert before.cards_left > 0
    quizzed = store.query("SELECT id FROM cards ORDER BY rowid DESC LIMIT 1")[0]["id"]
    svc.rate(quizzed, 1, source="quiz")
    plan_queue._QUOTA_CACHE.clear()
    after = plan_queue.queue_hook(svc)
    assert (after.cards_left, after.new_limit) == (before.cards_left, before.new_limit)


@pytest.mark.parametrize(("days", "last"), [(2, 2), (3, 3), (4, 2), (6, 4)])
def test_late_cards_are_those_not_introduced_by_the_last_day_with_room_for_two_reviews(store, fake_clock, days,
                                                                                       last) -> None:
    svc = service(store, fake_clock)
    drills = parse_deck_text("---\ndeck: drills\nsection: Attention\n---\n\n"
                             + "\n".join(f"Implement part {k}::code\n" for k in range(3)), "x.md")
    for k, card in enumerate(drills.cards):
        card.id, card.kind = f"drill:part{k}", "drill"
    svc.sync_decks(decks(30, ("Attention",)) + [drills])
    set_goal(svc, days, budget_min=5)  # 5 minutes a day: no 15-minute drill ever fits
    plan = plan_for(svc)
    # ``last`` days leave room for two reviews before the date (all of them when there are three or fewer).
    assert plan.late_cards == 30 - sum(d.new for d in plan.daily[:last])
    assert (plan.late_cards > 0) == (days < 6)  # six days leave four to bring 30 cards in at this budget
    assert plan.late_drills == 3
    assert (plan.budget_min, plan.target) == (5, 0.9)
    assert render_plan(plan).startswith(
        f"Budget 5 min a day, target recall 90% on {plan.date}. Pace: 30 s a new card (default), "
        "10 s a review (default), 15 min a drill (default).\n"
        f"At this budget {plan.late_cards} card(s) and 3 drill(s) are not introduced in time")


def test_the_plan_on_the_day_before_and_on_the_day(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(4, ("Attention",)))
    set_goal(svc, 1)
    tomorrow = plan_for(svc)
    assert len(tomorrow.daily) == 1 and tomorrow.daily[0].new == 4
    assert tomorrow.expected_recall.overall > tomorrow.expected_recall_if_stopped.overall == 0.0
    set_goal(svc, 0)
    on_the_day = plan_for(svc)
    assert on_the_day.daily == [] and on_the_day.days_left == 0
    assert on_the_day.expected_recall == on_the_day.expected_recall_if_stopped


def test_a_plan_without_cards(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    set_goal(svc, 10)
    plan = plan_for(svc)
    assert plan.expected_recall.overall == 0.0 and plan.expected_recall.by_section == {}
    assert (plan.late_cards, plan.late_drills) == (0, 0) and all(d.new == 0 for d in plan.daily)


def test_with_a_date_next_item_keeps_to_the_deck_and_kinds_asked_for_and_serves_the_earliest_review(
        store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks(decks(4))
    set_goal(svc, 12)  # the plan decides today's new cards: next_item takes the planned queue
    assert svc.next_item(deck="D2").card.deck == "D2"
    assert svc.next_item(deck="D1").card.deck == "D1"
    assert svc.next_item(kinds=("drill",)) is None  # no drills in these decks, however many cards are new
    # two review cards of D0, due on different days: the one due first comes first
    first, second = [r["id"] for r in svc.queue(deck="D0")[2][:2]]
    for card_id in (first, second):
        svc.rate(card_id, 4)
    due = clock.iso(svc.now() + timedelta(days=1))
    earlier = clock.iso(svc.now() + timedelta(hours=20))
    with svc.store.transaction() as tx:
        tx.execute("UPDATE cards SET due = ? WHERE id = ?", (due, first))
        tx.execute("UPDATE cards SET due = ? WHERE id = ?", (earlier, second))
    fake_clock.advance(days=2)
    served = []
    while (item := svc.next_item(deck="D0")) is not None and len(served) < 50:
        assert item.card.deck == "D0"
        served.append(item.card.id)
        svc.rate(item.card.id, 3)
    assert [card_id for card_id in served if card_id in (first, second)] == [second, first]


def test_a_learner_nine_hours_east_of_utc_gets_the_plan_of_a_learner_in_utc_at_the_same_local_times(
        store, fake_clock, tmp_path, open_test_store) -> None:
    """The same local history gives the same plan in any zone: every step of the plan (interview moment, recall
    on the day, pulled-forward days, day bounds) counts study days in the learner's zone, not the system's."""
    from datetime import timezone

    from tests.conftest import FakeClock

    plus9 = timezone(timedelta(hours=9))
    local_start = datetime(2026, 3, 3, 5, 0)  # 05:00: in UTC+9 that is 20:00 UTC on the day before
    plans = []
    for zone, path in ((plus9, None), (UTC, tmp_path / "utc.db")):
        clock_ = FakeClock(local_start.replace(tzinfo=zone).astimezone(UTC))
        svc = StudyService(open_test_store(path) if path else store, StudySettings(fuzz=False), now=clock_, tz=zone)
        svc.sync_decks(decks(4))
        InterviewGoal(date(2026, 3, 12)).save(svc.store)
        for hours in (0, 21, 26, 47):  # ratings late in a study day and early in the next
            clock_.moment = (local_start + timedelta(hours=hours)).replace(tzinfo=zone).astimezone(UTC)
            study_the_day(svc, clock_, rating=3)
        clock_.advance(days=2)
        plans.append(plan_for(svc))
    assert plans[0].to_dict() == plans[1].to_dict()
    assert (plans[0].late_cards, plans[0].late_drills) == (plans[1].late_cards, plans[1].late_drills)
    assert plans[0].days_left == 5 and sum(d.reviews for d in plans[0].daily) > 0
