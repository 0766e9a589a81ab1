"""The study plan as text for the terminal (``dlprep plan``)."""

from __future__ import annotations

from dlprep.srs.plan_forecast import Plan


def render_plan(plan: Plan) -> str:
    """Budget and pace, recall per section (plan / stop now), then the days."""
    pace = plan.pace

    def source(name: str) -> str:
        return "measured" if name in pace.measured else "default"

    lines = [
        f"Budget {plan.budget_min:g} min a day, target recall {plan.target:.0%} on {plan.date}. "
        f"Pace: {pace.new_s:.0f} s a new card ({source('new')}), {pace.review_s:.0f} s a review "
        f"({source('review')}), {pace.drill_s / 60:.0f} min a drill ({source('drill')}).",
    ]
    if plan.days_left < 0:
        lines.append("The date has passed: normal scheduling is back.")
    if plan.late_cards or plan.late_drills:
        lines.append(
            f"At this budget {plan.late_cards} card(s) and {plan.late_drills} drill(s) are not introduced in time "
            "for two reviews before the date: raise --budget to fit them."
        )
    width = max((len(s) for s in plan.expected_recall.by_section), default=7)
    width = min(max(width, 7), 48)
    lines += ["", f"{'section':<{width}}  plan  stop now"]
    for section, p in plan.expected_recall.by_section.items():
        stop = plan.expected_recall_if_stopped.by_section.get(section, 0.0)
        lines.append(f"{section[:width]:<{width}}  {p:4.0%}  {stop:4.0%}")
    lines.append(f"{'overall':<{width}}  {plan.expected_recall.overall:4.0%}  "
                 f"{plan.expected_recall_if_stopped.overall:4.0%}")
    if plan.daily:
        lines += ["", "day          new  reviews  drills  minutes"]
        lines += [f"{d.day}  {d.new:4d}  {d.reviews:7d}  {d.drills:6d}  {d.minutes:7.0f}" for d in plan.daily]
    return "\n".join(lines) + "\n"
