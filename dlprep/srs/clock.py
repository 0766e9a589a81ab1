"""Study days: a day starts at a local hour (default 4, :data:`dlprep.srs.settings.DEFAULT_DAY_START_HOUR`),
as in Anki, so late-night reviews count for the day they belong to.

Local time is a real zone (``zoneinfo``): the one named by ``TZ``, else the system's (``/etc/localtime``),
else UTC. A zone's offset is looked up at each moment converted, so study days start at 4 am local time on
both sides of a daylight-saving switch and in half-hour zones, and a fake clock gets the offset of its
own moment, not the real one's.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SYSTEM_ZONE_FILE = Path("/etc/localtime")


def local_tz() -> tzinfo:
    """The learner's time zone: ``TZ`` (an IANA name such as ``America/New_York``, optionally with the POSIX
    leading colon), else the system zone, else UTC. Unknown names fall through to the next source."""
    return _zone_for(os.environ.get("TZ", ""))


@lru_cache(maxsize=8)
def _zone_for(tz_variable: str) -> tzinfo:
    name = tz_variable.strip().removeprefix(":")
    if name:
        try:
            return ZoneInfo(name) if not name.startswith("/") else _zone_from_file(Path(name))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        return _zone_from_file(SYSTEM_ZONE_FILE)
    except (ValueError, OSError):
        return UTC


def _zone_from_file(path: Path) -> tzinfo:
    """A zone from a TZif file; named after the zone it links to, when it is a link into a zoneinfo tree."""
    target = str(path.resolve())
    if "/zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("/zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError):
            pass
    with path.open("rb") as handle:
        return ZoneInfo.from_file(handle, key=str(path))


def study_day(moment: datetime, day_start_hour: int, tz: tzinfo | None) -> date:
    """The study day that ``moment`` (aware) belongs to; ``tz`` None means :func:`local_tz`."""
    local = moment.astimezone(tz or local_tz())
    return (local.replace(tzinfo=None) - timedelta(hours=day_start_hour)).date()


def day_bounds(day: date, day_start_hour: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """UTC start and end of a study day (23 or 25 hours long across a daylight-saving switch)."""
    start = datetime.combine(day, time(hour=day_start_hour), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(hour=day_start_hour), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def study_days_between(earlier: datetime, later: datetime, day_start_hour: int, tz: tzinfo) -> int:
    """Whole study days from ``earlier`` to ``later`` (0 within one study day, never negative)."""
    return max(0, (study_day(later, day_start_hour, tz) - study_day(earlier, day_start_hour, tz)).days)


def add_study_days(moment: datetime, days: int, tz: tzinfo) -> datetime:
    """The same local wall-clock time ``days`` days later, in UTC (so exactly ``days`` study days later,
    even across a daylight-saving switch, where that is 23 or 25 hours more or less than ``days`` x 24 h)."""
    local = moment.astimezone(tz).replace(tzinfo=None) + timedelta(days=days)
    return local.replace(tzinfo=tz).astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ISO-8601 in UTC with offset, the store's time format."""
    return moment.astimezone(UTC).isoformat()


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
