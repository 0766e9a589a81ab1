"""The learner's zone from ``TZ`` as a path to a zone file, and from the system when ``TZ`` is unset."""

from __future__ import annotations

import shutil
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dlprep.srs import clock

ZONEINFO = Path("/usr/share/zoneinfo")
pytestmark = pytest.mark.skipif(not (ZONEINFO / "Asia" / "Kolkata").exists(), reason="no system zoneinfo tree")

JANUARY, JULY = datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC)


def offsets(tz) -> tuple[timedelta, timedelta]:
    return JANUARY.astimezone(tz).utcoffset(), JULY.astimezone(tz).utcoffset()


def test_tz_as_a_path_into_the_zoneinfo_tree_names_the_zone(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", str(ZONEINFO / "America" / "New_York"))
    tz = clock.local_tz()
    assert str(tz) == "America/New_York"
    assert offsets(tz) == (timedelta(hours=-5), timedelta(hours=-4))
    link = tmp_path / "localtime"
    link.symlink_to(ZONEINFO / "Asia" / "Kolkata")  # as /etc/localtime links into the tree
    monkeypatch.setenv("TZ", ":" + str(link))
    assert str(clock.local_tz()) == "Asia/Kolkata"


def test_tz_as_a_zone_file_elsewhere_is_read_from_the_file(monkeypatch, tmp_path: Path) -> None:
    copy = tmp_path / "my-zone"
    shutil.copy(ZONEINFO / "Asia" / "Kolkata", copy)
    monkeypatch.setenv("TZ", str(copy))
    tz = clock.local_tz()
    assert str(tz) == str(copy)
    assert offsets(tz) == (timedelta(hours=5, minutes=30), timedelta(hours=5, minutes=30))


def test_a_zone_file_in_a_zoneinfo_folder_under_an_unknown_name_is_read_from_the_file(monkeypatch, tmp_path) -> None:
    odd = tmp_path / "zoneinfo" / "Not_A_Zone"
    odd.parent.mkdir()
    shutil.copy(ZONEINFO / "America" / "New_York", odd)
    monkeypatch.setenv("TZ", str(odd))
    tz = clock.local_tz()
    assert str(tz) == str(odd)
    assert offsets(tz) == (timedelta(hours=-5), timedelta(hours=-4))


def test_without_tz_the_system_zone_is_used(monkeypatch) -> None:
    monkeypatch.delenv("TZ", raising=False)
    system = Path("/etc/localtime")
    if system.exists():
        with system.open("rb") as handle:
            expected = ZoneInfo.from_file(handle)
    else:
        expected = UTC
    assert offsets(clock.local_tz()) == offsets(expected)


def test_utc_now_is_an_aware_utc_moment() -> None:
    now = clock.utc_now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)


@pytest.fixture
def system_zone_kolkata(monkeypatch):
    """The process's own zone (what ``astimezone()`` without an argument uses) set to UTC+05:30."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_stored_times_are_utc_whatever_the_system_zone(system_zone_kolkata) -> None:
    new_york = ZoneInfo("America/New_York")
    moment = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    assert clock.iso(moment) == "2026-03-02T12:00:00+00:00"
    assert clock.iso(moment.astimezone(new_york)) == "2026-03-02T12:00:00+00:00"
    start, end = clock.day_bounds(date(2026, 3, 2), 4, new_york)
    assert (start.isoformat(), end.isoformat()) == ("2026-03-02T09:00:00+00:00", "2026-03-03T09:00:00+00:00")
    later = clock.add_study_days(moment, 7, new_york)  # across the spring switch: 23 hours less
    assert later.isoformat() == "2026-03-09T11:00:00+00:00"


def test_parse_iso_reads_an_offset_and_takes_a_bare_time_as_utc() -> None:
    assert clock.parse_iso("2026-03-02T12:00:00+05:30") == datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
    bare = clock.parse_iso("2026-03-02T12:00:00")
    assert bare.tzinfo is UTC and bare == datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_study_days_between_counts_local_study_days() -> None:
    plus9 = timezone(timedelta(hours=9))
    # 18:00 and 20:00 UTC on one UTC day are 03:00 (still March 2's study day) and 05:00 on March 3 at UTC+9.
    earlier, later = datetime(2026, 3, 2, 18, tzinfo=UTC), datetime(2026, 3, 2, 20, tzinfo=UTC)
    assert clock.study_days_between(earlier, later, 4, plus9) == 1
    assert clock.study_days_between(earlier, later, 4, UTC) == 0
    assert clock.study_days_between(later, earlier, 4, plus9) == 0  # never negative
