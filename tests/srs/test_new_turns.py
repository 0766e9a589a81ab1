"""New cards take turns across decks, counting the cards each deck has already started."""

from __future__ import annotations

from datetime import UTC, datetime

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings, queue

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _deck(name: str, n: int):
    body = "\n".join(f"<!-- id: {name.lower()}{i} -->\nQuestion {name} {i}?::Answer {i}\n" for i in range(n))
    return parse_deck_text(f"---\ndeck: {name}\nsection: Attention\n---\n\n{body}\n", f"{name}.md")


def _started(store, *ids: str) -> None:
    with store.transaction() as conn:
        conn.executemany("UPDATE cards SET state = 2, due = ? WHERE id = ?",
                         [("2026-04-01T00:00:00+00:00", card) for card in ids])


def test_a_decks_started_cards_push_its_new_cards_back(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = StudyService(store, StudySettings(fuzz=False, new_per_day=100), now=fake_clock, tz=UTC)
    svc.sync_decks([_deck("A", 8), _deck("B", 6), _deck("C", 3)])
    _started(store, "a0", "a1", "a2", "c0")
    # turns: B 1, 2, 3, ...; C (one started) 2, 3; A (three started) 4, 5, ... Ties: the order added (A, B, C).
    everything = [r["id"] for r in svc.queue()[2]]
    assert everything == ["b0", "b1", "c1", "b2", "c2", "a3", "b3", "a4", "b4", "a5", "b5", "a6", "a7"]
    scope = queue.Scope(now=T0.isoformat())
    for limit in range(1, 14):  # with a limit, the same order cut short (the per-deck rank cut loses nothing)
        assert [r["id"] for r in queue.new(store, scope, limit)] == everything[:limit]
    assert [r["id"] for r in queue.new(store, queue.Scope(now=T0.isoformat(), deck="A"), 2)] == ["a3", "a4"]
    assert queue.new(store, scope, 0) == []
    row = queue.new(store, scope, 1)[0]
    assert (row["deck"], row["state"], row["section"]) == ("B", 0, "Attention")  # whole queue rows
