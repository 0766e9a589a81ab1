"""Study days: a day starts at a local hour (default 4 am), as in Anki, so late-night reviews count for
the day they belong to."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def local_tz() -> tzinfo:
    """The machine's local time zone."""
    return datetime.now().astimezone().tzinfo or UTC


def study_day(moment: datetime, day_start_hour: int, tz: tzinfo | None) -> date:
    """The study day that ``moment`` (aware) belongs to; ``tz`` None means the machine's local zone."""
    local = moment.astimezone(tz)
    return (local - timedelta(hours=day_start_hour)).date()


def day_bounds(day: date, day_start_hour: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """UTC start and end of a study day."""
    start = datetime.combine(day, time(hour=day_start_hour), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(hour=day_start_hour), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ISO-8601 in UTC with offset, the store's time format."""
    return moment.astimezone(UTC).isoformat()


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
