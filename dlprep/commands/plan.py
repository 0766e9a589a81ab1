"""``dlprep plan --date YYYY-MM-DD [--budget MIN] [--target 0.9] [--json] | --clear``: the interview date.

Stores the date (with the daily budget and the target recall) and prints the study plan that aims at it;
without options it prints the plan for the stored date.
"""

from __future__ import annotations

import argparse
import json

NAME = "plan"
HELP = "set an interview date and print the study plan that aims at it (expected recall on the day)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the interview date (stored; replaces the last one)")
    parser.add_argument("--budget", type=float, metavar="MIN", help="minutes a day to study (default 30)")
    parser.add_argument("--target", type=float, metavar="P", help="recall to keep each card above on the day "
                        "(default 0.9)")
    parser.add_argument("--clear", action="store_true", help="remove the interview date: normal scheduling")
    parser.add_argument("--json", action="store_true", help="print the plan as one JSON object")


def run(args: argparse.Namespace) -> int:
    from dlprep.services import open_services
    from dlprep.srs import clock
    from dlprep.srs.plan import InterviewGoal, PlanError, parse_goal
    from dlprep.srs.plan_forecast import plan_for, summary_line

    if args.clear and (args.date or args.budget is not None or args.target is not None):
        raise PlanError("--clear takes no other option")
    services = open_services()
    try:
        study = services.study
        if args.clear:
            removed = InterviewGoal.clear(services.store)
            print("Interview date removed: normal scheduling." if removed else "No interview date was set.")
            return 0
        today = clock.study_day(study.now(), study.settings.day_start_hour, study.tz)
        stored = InterviewGoal.load(services.store)
        if args.date is None and (args.budget is not None or args.target is not None):
            if stored is None:
                raise PlanError("no interview date is set: give one with --date YYYY-MM-DD")
            args.date = stored.date.isoformat()
        if args.date is not None:
            goal = parse_goal(args.date, today, args.budget if args.budget is not None else
                              (stored.budget_min if stored else None),
                              args.target if args.target is not None else (stored.target if stored else None))
            goal.save(services.store)
        elif stored is None:
            print("No interview date set. Set one with `dlprep plan --date YYYY-MM-DD`.")
            return 0
        _sync_drills(services)
        plan = plan_for(study)
        if args.json:
            print(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
        else:
            from dlprep.srs.plan_render import render_plan

            print(summary_line(study))
            print(render_plan(plan), end="")
    finally:
        services.close()
    return 0


def _sync_drills(services) -> None:
    """Drills count in the plan: register them as cards when the drill files changed (as the dashboard does)."""
    from dlprep.errors import DlprepError

    try:
        if services.drills_need_sync():
            from dlprep.drills.practice import DrillPractice

            DrillPractice(services.store, services.study).sync()
            services.mark_drills_synced()
    except DlprepError:
        pass
