"""deck_counts() reuses its result only while nothing was written, on any connection, on the same study day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings
from dlprep.srs import service as service_module

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _deck(name: str, n: int):
    body = "\n".join(f"<!-- id: {name.lower()}{i} -->\nQuestion {name} {i}?::Answer {i}\n" for i in range(n))
    return parse_deck_text(f"---\ndeck: {name}\nsection: Attention\n---\n\n{body}\n", f"{name}.md")


def _numbers(svc: StudyService) -> dict:
    return {c.deck: (c.due, c.learning, c.new, c.total) for c in svc.deck_counts()}


def test_counts_follow_every_write_the_day_and_the_clock(store, fake_clock, tmp_path, open_test_store,
                                                        monkeypatch) -> None:
    fake_clock.moment = T0
    settings = StudySettings(fuzz=False, new_per_day=10)
    svc = StudyService(store, settings, now=fake_clock, tz=UTC)
    svc.sync_decks([_deck("A", 3)])
    assert _numbers(svc) == {"A": (0, 0, 3, 3)}
    svc.rate("a0", 3)  # a write on this connection
    assert _numbers(svc) == {"A": (0, 1, 2, 3)}
    other = StudyService(open_test_store(tmp_path / "progress.db"), settings, now=fake_clock, tz=UTC)
    other.rate("a1", 4)  # a write on another connection: the first one's counts must see it
    assert _numbers(svc) == {"A": (0, 1, 1, 3)}
    with store.transaction() as conn:  # a review due tomorrow morning, before the next day starts at 4:00
        conn.execute("UPDATE cards SET state = 2, due = ? WHERE id = 'a1'", ((T0 + timedelta(hours=17)).isoformat(),))
    assert _numbers(svc)["A"][0] == 1
    with store.transaction() as conn:
        conn.execute("UPDATE cards SET due = ? WHERE id = 'a1'", ((T0 + timedelta(days=1)).isoformat(),))
    assert _numbers(svc)["A"][0] == 0
    fake_clock.advance(days=1)  # nothing written, but a new study day: a1 is due now
    assert _numbers(svc)["A"][0] == 1
    with store.transaction() as conn:  # behind the service's back, with no write it could see: not possible in
        conn.execute("UPDATE cards SET due = ? WHERE id = 'a1'", ((T0 + timedelta(days=5)).isoformat(),))
    assert _numbers(svc)["A"][0] == 0  # a transaction is a write: never a stale count
    monkeypatch.setattr(service_module, "COUNTS_FRESH_S", 0.0)  # and no result outlives its age limit
    assert _numbers(svc) == _numbers(svc)
