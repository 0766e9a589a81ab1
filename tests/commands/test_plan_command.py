"""``dlprep plan`` as a person runs it: a real process on the built-in decks; one-line errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dlprep.srs import clock
from dlprep.store import open_store


def dlprep(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DLPREP_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "dlprep", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_plan_json_has_the_documented_shape_and_the_date_is_stored(tmp_path: Path) -> None:
    today = clock.study_day(datetime.now(UTC), 4, clock.local_tz())
    date = (today + timedelta(days=20)).isoformat()
    result = dlprep("plan", "--date", date, "--budget", "40", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert list(plan) == ["date", "days_left", "daily", "expected_recall", "expected_recall_if_stopped"]
    assert plan["date"] == date and plan["days_left"] == 20 and len(plan["daily"]) == 20
    assert all(list(day) == ["day", "new", "reviews", "drills", "minutes"] for day in plan["daily"])
    assert plan["daily"][0]["day"] == today.isoformat()
    # minutes to one decimal (how they fit the budget is pinned in tests/srs/test_plan.py with a fake clock: a real
    # clock in the last minutes of a study day sends today's learning steps into tomorrow)
    assert all(isinstance(d["minutes"], float) and round(d["minutes"], 1) == d["minutes"] for d in plan["daily"])
    assert list(plan["expected_recall"]) == ["overall", "by_section"]
    assert plan["expected_recall_if_stopped"]["overall"] == 0  # nothing studied yet
    assert 0.5 < plan["expected_recall"]["overall"] <= 1
    assert "Attention" in plan["expected_recall"]["by_section"]
    store = open_store(tmp_path / "progress.db")
    try:
        assert json.loads(store.get_setting("interview_date")) == date
        assert json.loads(store.get_setting("interview_budget_min")) == 40
    finally:
        store.close()
    text = dlprep("plan", home=tmp_path)
    assert text.returncode == 0 and text.stdout.startswith("Interview in 20 days · expected recall ")
    cleared = dlprep("plan", "--clear", home=tmp_path)
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    assert "No interview date set" in dlprep("plan", home=tmp_path).stdout


def test_a_past_or_malformed_date_gets_one_line_and_changes_nothing(tmp_path: Path) -> None:
    for bad, words in (("2001-01-01", "is in the past"), ("2026-02-30", "expected YYYY-MM-DD"),
                       ("tomorrow", "expected YYYY-MM-DD")):
        result = dlprep("plan", "--date", bad, home=tmp_path)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.returncode == 2 and len(lines) == 1, result.stderr
        assert lines[0].startswith("dlprep: ") and words in lines[0] and "Traceback" not in result.stderr
    store = open_store(tmp_path / "progress.db")
    try:
        assert store.get_setting("interview_date") is None
    finally:
        store.close()
