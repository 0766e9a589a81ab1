"""The learner's zone from ``TZ`` as a path to a zone file, and from the system when ``TZ`` is unset."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
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
