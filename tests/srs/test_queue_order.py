"""The queue's order, limits, scopes and counts, pinned on hand-set card states (fake clock, UTC, day at 4:00).

These hold for any way of finding the cards (a scan filtered in Python, or indexed queries with LIMIT).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _deck(name: str, n: int, extra: str = ""):
    body = "\n".join(f"<!-- id: {name.lower()}{i} -->\nQuestion {name} {i}?::Answer {i}\n" for i in range(n))
    return parse_deck_text(f"---\ndeck: {name}\nsection: Attention\n---\n\n{body}\n{extra}", f"{name}.md")


def _service(store, clock, **settings) -> StudyService:
    return StudyService(store, StudySettings(fuzz=False, **settings), now=clock, tz=UTC)


def _set(store, card_id: str, state: int, due: datetime | None, **extra) -> None:
    fields = {"state": state, "due": due.isoformat() if due else None, **extra}
    with store.transaction() as conn:
        conn.execute(f"UPDATE cards SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                     (*fields.values(), card_id))


def _ids(rows) -> list[str]:
    return [r["id"] for r in rows]


def test_queue_order_limits_and_scopes(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock, new_per_day=3, reviews_per_day=4)
    svc.sync_decks([_deck("A", 8), _deck("B", 6)])
    # learning: a3 and b1 due now (b1 earlier), a4 due later today, a5 due with a3 (tie: creation order)
    _set(store, "a3", 1, T0 - timedelta(minutes=5))
    _set(store, "a5", 3, T0 - timedelta(minutes=5))
    _set(store, "b1", 3, T0 - timedelta(hours=1))
    _set(store, "a4", 1, T0 + timedelta(hours=3))
    # reviews due before the day ends (tomorrow 4:00), most overdue first; b5 is due tomorrow
    _set(store, "a6", 2, T0 - timedelta(days=1))
    _set(store, "a7", 2, T0 + timedelta(hours=10))
    _set(store, "b2", 2, T0 - timedelta(days=3))
    _set(store, "b3", 2, T0 - timedelta(days=2))
    _set(store, "b4", 2, T0 + timedelta(hours=17, minutes=59))
    _set(store, "b5", 2, T0 + timedelta(hours=18))
    learning, reviews, new = svc.queue()
    assert _ids(learning) == ["b1", "a3", "a5"]
    assert _ids(reviews) == ["b2", "b3", "a6", "a7"]  # limit 4 of the 5 due today
    assert _ids(new) == ["a0", "b0", "a1"]  # limit 3, the decks taking turns (first of each, then second)
    learning, reviews, new = svc.queue(deck="B")
    assert (_ids(learning), _ids(reviews), _ids(new)) == (["b1"], ["b2", "b3", "b4"], ["b0"])
    assert svc.next_item().card.id == "b1"
    assert svc.next_item(deck="A").card.id == "a3"
    counts = {c.deck: (c.due, c.learning, c.new, c.total) for c in svc.deck_counts()}
    # learning counts what is due before the day ends (a4 too); due and new are capped by the limits
    assert counts == {"A": (2, 3, 3, 8), "B": (3, 1, 1, 6)}


def test_suspended_buried_and_retired_cards_stay_out(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock)
    svc.sync_decks([_deck("A", 5)])
    _set(store, "a0", 2, T0 - timedelta(days=1), suspended=1, tags="leech")
    _set(store, "a1", 2, T0 - timedelta(days=1), buried_until=(T0 + timedelta(hours=18)).isoformat())
    _set(store, "a2", 1, T0 - timedelta(minutes=1), buried_until=(T0 - timedelta(minutes=2)).isoformat())
    _set(store, "a3", 0, None, retired=1)
    learning, reviews, new = svc.queue()
    assert (_ids(learning), _ids(reviews), _ids(new)) == (["a2"], [], ["a4"])
    assert [(c.due, c.learning, c.new, c.total) for c in svc.deck_counts()] == [(0, 1, 1, 4)]
    assert [c.id for c in svc.leeches()] == ["a0"]
    fake_clock.moment = T0 + timedelta(hours=18)  # the next study day: a1 comes back
    assert _ids(svc.queue()[1]) == ["a1"]


def test_kinds_filter_separates_drills_from_cards(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock)
    svc.sync_decks([_deck("A", 3)])
    with store.transaction() as conn:
        conn.execute("UPDATE cards SET kind = 'drill' WHERE id = 'a1'")
    _set(store, "a1", 2, T0 - timedelta(days=1))
    _set(store, "a2", 2, T0 - timedelta(days=2))
    assert _ids(svc.queue(kinds=("drill",))[1]) == ["a1"]
    assert _ids(svc.queue(kinds=("basic",))[1]) == ["a2"]
    assert [(c.due, c.new, c.total) for c in svc.deck_counts(kinds=("basic",))] == [(1, 1, 2)]


def test_several_kinds_at_once_are_the_union_of_each(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock)
    svc.sync_decks([_deck("A", 6)])
    with store.transaction() as conn:
        conn.execute("UPDATE cards SET kind = 'drill' WHERE id IN ('a0', 'a1')")
        conn.execute("UPDATE cards SET kind = 'mc' WHERE id IN ('a2', 'a3')")
    _set(store, "a0", 2, T0 - timedelta(days=1))  # a drill due
    _set(store, "a2", 2, T0 - timedelta(days=2))  # a multiple-choice card due
    _set(store, "a4", 1, T0 - timedelta(minutes=1))  # a basic card in learning
    both = ("basic", "mc")
    learning, reviews, new = svc.queue(kinds=both)
    assert (_ids(learning), _ids(reviews), sorted(_ids(new))) == (["a4"], ["a2"], ["a3", "a5"])
    assert svc.queue_counts(kinds=both) == (1, 1, 2)
    assert [(c.due, c.learning, c.new, c.total) for c in svc.deck_counts(kinds=both)] == [(1, 1, 2, 4)]
    assert [(c.due, c.new, c.total) for c in svc.deck_counts(kinds=("drill", "mc"))] == [(2, 2, 4)]
    assert svc.next_item(kinds=both).card.id == "a4"


def test_todays_ratings_use_up_the_limits_but_quiz_answers_do_not(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock, new_per_day=2)
    svc.sync_decks([_deck("A", 5)])
    svc.rate("a0", 4)
    svc.rate("a1", 4, source="quiz")
    assert _ids(svc.queue()[2]) == ["a2"]  # one of two new cards left today
    fake_clock.moment = T0 + timedelta(hours=18)
    assert _ids(svc.queue()[2]) == ["a2", "a3"]


def test_learn_ahead_window(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock, new_per_day=0, learn_ahead_min=20.0)
    svc.sync_decks([_deck("A", 3)])
    _set(store, "a0", 1, T0 + timedelta(minutes=25))
    _set(store, "a1", 3, T0 + timedelta(minutes=15))
    assert svc.next_item().card.id == "a1"  # nothing else left: within 20 minutes, shown early
    _set(store, "a1", 3, T0 + timedelta(minutes=21))
    assert svc.next_item() is None
    _set(store, "a2", 2, T0 - timedelta(days=1))
    _set(store, "a1", 3, T0 + timedelta(minutes=5))
    assert svc.next_item().card.id == "a2"  # a due review comes before learning ahead


def test_rating_a_cloze_card_buries_only_its_own_siblings(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock)
    cloze = ("<!-- id: adam -->\nAdam keeps ==two== moving averages of ==the gradient==.\n\n"
             "<!-- id: bn -->\nBatch norm normalizes over the ==batch== axis, per ==channel==.\n")
    svc.sync_decks([_deck("A", 0, cloze)])
    note_of = {r["id"]: r["note_id"] for r in store.query("SELECT id, note_id FROM cards")}
    first = svc.next_item().card.id
    svc.rate(first, 4)
    buried = {r["id"] for r in store.query("SELECT id FROM cards WHERE buried_until IS NOT NULL")}
    assert buried == {i for i, n in note_of.items() if n == note_of[first] and i != first}
    shown = set()
    while (item := svc.next_item()) is not None:
        shown.add(item.card.id)
        svc.rate(item.card.id, 4)
    assert all(note_of[i] != note_of[first] for i in shown) and len(shown) == 1


def test_queue_counts_are_the_sizes_of_the_queue(store, fake_clock) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock, new_per_day=3, reviews_per_day=2)
    svc.sync_decks([_deck("A", 8), _deck("B", 6)])
    _set(store, "a1", 1, T0 - timedelta(minutes=5))
    _set(store, "a2", 3, T0 - timedelta(minutes=1))
    _set(store, "a3", 3, T0 + timedelta(minutes=1))
    _set(store, "b1", 2, T0 - timedelta(days=1))
    _set(store, "b2", 2, T0 - timedelta(days=2))
    _set(store, "b3", 2, T0 - timedelta(days=3), buried_until=(T0 + timedelta(hours=1)).isoformat())
    _set(store, "a4", 2, T0 - timedelta(days=3))
    for deck in (None, "A", "B"):
        for kinds in (None, ("basic",), ("drill",)):
            assert svc.queue_counts(deck, kinds) == tuple(len(part) for part in svc.queue(deck, kinds))
    assert svc.queue_counts() == (2, 2, 3)
    # a review due the day after tomorrow is not today's; one new card and one review already rated today
    _set(store, "b4", 2, T0 + timedelta(days=2))
    svc.rate("a6", 4)
    svc.rate("b2", 3)
    for deck in (None, "A", "B"):
        for kinds in (None, ("basic",)):
            assert svc.queue_counts(deck, kinds) == tuple(len(part) for part in svc.queue(deck, kinds))
    assert svc.queue_counts() == (2, 1, 2)
    assert svc.queue_counts("B") == (0, 1, 2)
    roomy = _service(store, fake_clock, new_per_day=3, reviews_per_day=10)  # the review limit out of the way
    assert roomy.queue_counts() == tuple(len(part) for part in roomy.queue()) == (2, 2, 2)


def test_deck_totals_follow_syncs_and_other_connections(store, fake_clock, tmp_path, open_test_store) -> None:
    fake_clock.moment = T0
    svc = _service(store, fake_clock)
    svc.sync_decks([_deck("A", 3)])
    assert [(c.deck, c.total) for c in svc.deck_counts()] == [("A", 3)]
    svc.sync_decks([_deck("A", 3), _deck("B", 2)])
    assert [(c.deck, c.total) for c in svc.deck_counts()] == [("A", 3), ("B", 2)]
    other = open_test_store(tmp_path / "progress.db")  # another process retires a card
    with other.transaction() as conn:
        conn.execute("UPDATE cards SET retired = 1 WHERE id = 'b0'")
    assert [(c.deck, c.total, c.new) for c in svc.deck_counts()] == [("A", 3, 3), ("B", 1, 1)]
