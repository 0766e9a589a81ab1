"""New cards take turns across decks by their place in the deck: every deck's first card before any second."""

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


def _order(store, limit: int | None = None) -> list[str]:
    return [r["id"] for r in queue.new(store, queue.Scope(now=T0.isoformat()), limit)]


def test_a_card_takes_its_place_in_the_deck_file_and_a_reset_card_goes_back_to_it(store, fake_clock) -> None:
    from dlprep.srs.cards import CardList

    fake_clock.moment = T0
    svc = StudyService(store, StudySettings(fuzz=False, new_per_day=100), now=fake_clock, tz=UTC)
    svc.sync_decks([_deck("A", 3), _deck("B", 2)])
    assert store.query("SELECT id, position FROM cards WHERE deck = 'A' ORDER BY id") == [
        {"id": "a0", "position": 1}, {"id": "a1", "position": 2}, {"id": "a2", "position": 3}]
    assert _order(store) == ["a0", "b0", "a1", "b1", "a2"]
    moved = _deck("A", 3)
    moved.cards.reverse()  # the file now lists a2, a1, a0: nothing else about the cards changed
    summary = svc.sync_decks([moved, _deck("B", 2)])
    assert (summary.updated, summary.unchanged) == (0, 5)  # a new place is not reported as an edit
    assert _order(store) == ["a2", "b0", "a1", "b1", "a0"]
    svc.rate("a2", 3)
    svc.rate("a1", 3)
    assert _order(store) == ["b0", "b1", "a0"]  # a0 is third in its file: B's first two come first
    CardList(store, svc).reset("a2")
    assert _order(store) == ["a2", "b0", "b1", "a0"]  # back to its place, first in its deck


def test_migration_numbers_existing_cards_in_the_order_they_were_added(tmp_path) -> None:
    from dlprep.store import open_store
    from tests.conftest import old_schema

    path = tmp_path / "v6.db"
    conn = old_schema(path, 6)
    added = [("x2", "X", "2026-01-02"), ("y0", "Y", "2026-01-01"), ("x0", "X", "2026-01-01"),
             ("x1", "X", "2026-01-01"), ("y1", "Y", "2026-01-05")]
    conn.executemany("INSERT INTO cards(id, deck, section, kind, data, created_at) VALUES (?, ?, 'S', 'basic', "
                     "'{\"question\": \"q\"}', ?)", added)
    conn.commit()
    conn.close()
    store = open_store(path, backup_dir=tmp_path / "backups")
    try:
        places = {r["id"]: r["position"] for r in store.query("SELECT id, position FROM cards")}
        # within a deck: by the time added, then the order inserted
        assert places == {"x0": 1, "x1": 2, "x2": 3, "y0": 1, "y1": 2}
        assert _order(store) == ["y0", "x0", "x1", "y1", "x2"]
    finally:
        store.close()


def test_a_progress_file_from_before_places_gets_them_numbered(tmp_path, fake_clock) -> None:
    import json

    from dlprep.reports.backup import _checksum, export_progress, import_progress
    from dlprep.store import open_store

    fake_clock.moment = T0
    source = open_store(tmp_path / "a.db")
    StudyService(source, StudySettings(fuzz=False), now=fake_clock, tz=UTC).sync_decks([_deck("A", 2), _deck("B", 2)])
    current, old = tmp_path / "current.json", tmp_path / "old.json"
    export_progress(source, current)
    document = json.loads(current.read_text(encoding="utf-8"))
    for row in document["tables"]["cards"]:
        del row["position"]
    document["checksum"] = _checksum(document["tables"])  # a well-formed file, as the earlier version wrote it
    old.write_text(json.dumps(document), encoding="utf-8")
    for path in (current, old):
        target = open_store(tmp_path / f"{path.stem}.db")
        import_progress(target, path, safety_copy=False)
        assert {r["id"]: r["position"] for r in target.query("SELECT id, position FROM cards")} == {
            "a0": 1, "a1": 2, "b0": 1, "b1": 2}
        assert _order(target) == ["a0", "b0", "a1", "b1"]
        target.close()
    source.close()


def test_learning_today_is_the_deck_counts_sum(store, fake_clock) -> None:
    from datetime import timedelta

    fake_clock.moment = T0
    svc = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=UTC)
    svc.sync_decks([_deck("A", 4), _deck("B", 3)])
    with store.transaction() as conn:
        for card, state, due in (("a0", 1, T0 - timedelta(minutes=5)), ("a1", 3, T0 + timedelta(hours=5)),
                                 ("a2", 1, T0 + timedelta(days=2)), ("b0", 3, T0 + timedelta(minutes=1)),
                                 ("b1", 2, T0 - timedelta(days=1))):
            conn.execute("UPDATE cards SET state = ?, due = ? WHERE id = ?", (state, due.isoformat(), card))
        conn.execute("UPDATE cards SET buried_until = ? WHERE id = 'b0'", ((T0 + timedelta(hours=2)).isoformat(),))
    per_deck = {c.deck: c.learning for c in svc.deck_counts()}
    assert per_deck == {"A": 2, "B": 0}  # a2 is due after today; b0 is buried; b1 is a review
    assert (svc.learning_today(), svc.learning_today("A"), svc.learning_today("B")) == (2, 2, 0)
    assert svc.learning_today(kinds=("cloze",)) == 0
