"""The interview plan as ``dlprep plan`` prints it and as ``--json`` writes it, from a plan built by hand."""

from __future__ import annotations

from dlprep.srs.plan import Pace
from dlprep.srs.plan_forecast import DayPlan, Plan, Recall
from dlprep.srs.plan_render import render_plan


def plan(**changes) -> Plan:
    values = dict(
        date="2026-04-01", days_left=2,
        daily=[DayPlan("2026-03-02", new=15, reviews=42, drills=1, minutes=35.4),
               DayPlan("2026-03-03", new=8, reviews=103, drills=0, minutes=21.86)],
        expected_recall=Recall(0.84126, {"Attention": 0.9, "Optimizers and schedules": 0.75514}),
        expected_recall_if_stopped=Recall(0.61, {"Attention": 0.64}),
        pace=Pace(new_s=42.4, review_s=9.6, drill_s=1250.0, measured=frozenset({"new", "drill"})),
        budget_min=37.5, target=0.9, late_cards=3, late_drills=1,
    )
    values.update(changes)
    return Plan(**values)


def test_render_plan_budget_pace_recall_per_section_and_days() -> None:
    assert render_plan(plan()).split("\n") == [
        "Budget 37.5 min a day, target recall 90% on 2026-04-01. Pace: 42 s a new card (measured), "
        "10 s a review (default), 21 min a drill (measured).",
        "At this budget 3 card(s) and 1 drill(s) are not introduced in time for two reviews before the date: "
        "raise --budget to fit them.",
        "",
        "section                   plan  stop now",
        "Attention                  90%   64%",
        "Optimizers and schedules   76%    0%",
        "overall                    84%   61%",
        "",
        "day          new  reviews  drills  minutes",
        "2026-03-02    15       42       1       35",
        "2026-03-03     8      103       0       22",
        "",
    ]


def test_render_plan_after_the_date_and_with_short_or_long_section_names() -> None:
    past = plan(days_left=-1, daily=[], late_cards=0, late_drills=0, budget_min=30.0, target=0.85,
                pace=Pace(measured=frozenset({"review"})),
                expected_recall=Recall(0.5, {"RL": 0.5}), expected_recall_if_stopped=Recall(0.5, {"RL": 0.5}))
    assert render_plan(past) == (
        "Budget 30 min a day, target recall 85% on 2026-04-01. Pace: 30 s a new card (default), 10 s a review "
        "(measured), 15 min a drill (default).\n"
        "The date has passed: normal scheduling is back.\n"
        "\n"
        "section  plan  stop now\n"
        "RL        50%   50%\n"
        "overall   50%   50%\n"
    )
    long = "A section name far longer than any column should be, cut"
    wide = plan(late_cards=0, late_drills=2, daily=[], expected_recall=Recall(1.0, {long: 1.0}),
                expected_recall_if_stopped=Recall(0.0, {long: 0.0}))
    lines = render_plan(wide).split("\n")
    assert lines[1].startswith("At this budget 0 card(s) and 2 drill(s) are not introduced")
    assert lines[3:6] == [
        f"{'section':<48}  plan  stop now",
        f"{long[:48]}  100%    0%",
        f"{'overall':<48}  100%    0%",
    ]
    assert len(lines) == 7 and lines[6] == ""


def test_render_plan_without_sections() -> None:
    empty = plan(days_left=0, daily=[], late_cards=0, late_drills=0, expected_recall=Recall(0.0),
                 expected_recall_if_stopped=Recall(0.0))
    assert render_plan(empty).split("\n")[1:] == ["", "section  plan  stop now", "overall    0%    0%", ""]


def test_plan_to_dict_is_the_json_shape_rounded() -> None:
    assert plan().to_dict() == {
        "date": "2026-04-01",
        "days_left": 2,
        "daily": [{"day": "2026-03-02", "new": 15, "reviews": 42, "drills": 1, "minutes": 35.4},
                  {"day": "2026-03-03", "new": 8, "reviews": 103, "drills": 0, "minutes": 21.9}],
        "expected_recall": {"overall": 0.8413, "by_section": {"Attention": 0.9, "Optimizers and schedules": 0.7551}},
        "expected_recall_if_stopped": {"overall": 0.61, "by_section": {"Attention": 0.64}},
    }
