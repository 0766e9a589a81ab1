"""Reading the small history tables (drill attempts) for the statistics, once per report.

Rows come back as dicts with their timestamps parsed (``when``). Inside :func:`snapshot`, each table is
read once and shared by every statistic; outside it, every call reads the store afresh. The large tables
(cards, reviews) are never read whole: :mod:`dlprep.reports.stats` asks SQLite for counts and sums.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from dlprep.store import Store


def parse_time(text: str) -> datetime:
    """Parse a stored ISO-8601 timestamp; a naive one is taken as UTC."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


_snapshots = threading.local()


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Within the block, the statistics read each table of ``store`` once and share the rows.

    :func:`dlprep.reports.summary.build_report` uses it so a full report costs one pass over the
    history; outside it, every function reads the store afresh.
    """
    cache = getattr(_snapshots, "cache", None)
    if cache is not None and id(store) in cache:
        yield
        return
    if cache is None:
        cache = _snapshots.cache = {}
    cache[id(store)] = {}
    try:
        yield
    finally:
        del cache[id(store)]


def _rows(store: Store, name: str, load: Callable[[Store], list[dict]]) -> list[dict]:
    cache = getattr(_snapshots, "cache", None)
    if cache is None or id(store) not in cache:
        return load(store)
    entry = cache[id(store)]
    if name not in entry:
        entry[name] = load(store)
    return entry[name]


def _load_attempts(store: Store) -> list[dict]:
    rows = store.query(
        "SELECT id, drill_id, started_at, finished_at, status, passed, total, hints_used, duration_ms "
        "FROM attempts ORDER BY id"
    )
    for row in rows:
        row["when"] = parse_time(row["finished_at"])
    return rows


def attempt_rows(store: Store, now: datetime) -> list[dict]:
    return [row for row in _rows(store, "attempts", _load_attempts) if row["when"] <= now]
