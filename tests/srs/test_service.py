"""The study service with a fake clock: limits, the day boundary, learning steps, siblings, leeches, undo."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings
from dlprep.srs.scheduler import format_interval
from dlprep.srs.service import SyncSummary

HEADER = "---\ndeck: {name}\nsection: Attention\n---\n"


def deck(name: str, n_basic: int, extra: str = ""):
    body = "\n".join(f"Question {name} {i}?::Answer {i}\n" for i in range(n_basic))
    return parse_deck_text(HEADER.format(name=name) + "\n" + body + "\n" + extra, f"{name}.md")


def service(store, clock, **settings) -> StudyService:
    return StudyService(store, StudySettings(fuzz=False, **settings), now=clock, tz=UTC)


def test_new_card_limit_is_per_study_day(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=3)
    svc.sync_decks([deck("A", 5)])
    seen = []
    while (item := svc.next_item()) is not None and item.state == 0:
        seen.append(item.card.id)
        svc.rate(item.card.id, 4)  # Easy: leaves learning at once
    assert len(seen) == 3
    assert svc.deck_counts()[0].new == 0
    fake_clock.moment = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)  # the next study day starts at 4:00
    assert svc.deck_counts()[0].new == 2


def test_day_boundary_is_at_the_configured_hour(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=1, day_start_hour=4)
    svc.sync_decks([deck("A", 3)])
    fake_clock.moment = datetime(2026, 3, 3, 3, 30, tzinfo=UTC)  # 3:30 still belongs to March 2
    svc.rate(svc.next_item().card.id, 4)
    fake_clock.moment = datetime(2026, 3, 3, 3, 59, tzinfo=UTC)
    assert svc.deck_counts()[0].new == 0
    fake_clock.moment = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)
    assert svc.deck_counts()[0].new == 1


def test_review_limit(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=10, reviews_per_day=2)
    svc.sync_decks([deck("A", 4)])
    # Graduate all four cards into review with Easy, then jump past their due dates.
    for row in store.query("SELECT id FROM cards"):
        svc.rate(row["id"], 4)
    fake_clock.advance(days=60)
    assert svc.deck_counts()[0].due == 2
    first = svc.next_item()
    svc.rate(first.card.id, 3)
    assert svc.deck_counts()[0].due == 1 and svc.queue_counts()[1] == 1
    second = svc.next_item()
    svc.rate(second.card.id, 3)
    assert svc.next_item() is None
    assert svc.deck_counts()[0].due == 0 and svc.queue_counts()[1] == 0


def test_learning_steps_are_honoured_within_the_session(store, fake_clock) -> None:
    svc = service(store, fake_clock, learning_steps_min=[1.0, 10.0], learn_ahead_min=0.0)
    svc.sync_decks([deck("A", 1)])
    item = svc.next_item()
    assert format_interval(item.previews[1]) == "1m" and format_interval(item.previews[3]) == "10m"
    svc.rate(item.card.id, 1)  # Again: back in one minute
    assert svc.next_item() is None
    fake_clock.advance(seconds=59)
    assert svc.next_item() is None
    fake_clock.advance(seconds=2)
    again = svc.next_item()
    assert again is not None and again.card.id == item.card.id and again.state == 1


def test_learn_ahead_shows_a_learning_card_early_when_nothing_else_is_left(store, fake_clock) -> None:
    svc = service(store, fake_clock, learn_ahead_min=20.0)
    svc.sync_decks([deck("A", 1)])
    card_id = svc.next_item().card.id
    svc.rate(card_id, 3)  # Good on a new card: next step in 10 minutes
    assert svc.next_item().card.id == card_id


def test_new_cards_are_interleaved_with_reviews(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=20)
    svc.sync_decks([deck("A", 4)])
    for row in store.query("SELECT id FROM cards"):
        svc.rate(row["id"], 4)
    fake_clock.advance(days=60)
    svc.sync_decks([deck("A", 4), deck("B", 4)])
    order = []
    while (item := svc.next_item()) is not None:
        order.append("new" if item.state == 0 else "review")
        svc.rate(item.card.id, 4)
    assert sorted(order) == ["new"] * 4 + ["review"] * 4
    assert order != ["review"] * 4 + ["new"] * 4 and order != ["new"] * 4 + ["review"] * 4


def test_cloze_siblings_are_buried_until_the_next_day(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 0, "Adam keeps ==two== moving averages of ==the gradient==.\n")])
    first = svc.next_item()
    assert first.card.kind == "cloze"
    svc.rate(first.card.id, 4)
    assert svc.next_item() is None
    fake_clock.moment = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)
    sibling = svc.next_item()
    assert sibling is not None and sibling.card.id != first.card.id and sibling.card.note_id == first.card.note_id


def test_eight_lapses_make_a_leech(store, fake_clock) -> None:
    svc = service(store, fake_clock, leech_lapses=8)
    svc.sync_decks([deck("A", 1)])
    card_id = svc.next_item().card.id
    svc.rate(card_id, 4)
    for lapse in range(1, 9):
        fake_clock.advance(days=400)
        svc.rate(card_id, 1)  # a lapse from review
        row = store.query("SELECT lapses, suspended, tags FROM cards WHERE id = ?", (card_id,))[0]
        assert row["lapses"] == lapse
        if lapse < 8:
            assert row["suspended"] == 0
            fake_clock.advance(days=1)
            svc.rate(card_id, 4)  # back to review
    assert row["suspended"] == 1 and "leech" in row["tags"].split()
    assert [c.id for c in svc.leeches()] == [card_id]
    assert svc.next_item() is None


def test_undo_restores_the_card_exactly_and_deletes_the_review(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 0, "Adam keeps ==two== moving averages of ==the gradient==.\n")])
    fields = "fsrs, state, due, lapses, suspended, buried_until, tags"
    before = store.query(f"SELECT id, {fields} FROM cards ORDER BY id")
    item = svc.next_item()
    svc.rate(item.card.id, 3, duration_ms=1500)
    assert store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 1
    assert store.query(f"SELECT id, {fields} FROM cards ORDER BY id") != before
    assert svc.undo() == item.card.id
    assert store.query(f"SELECT id, {fields} FROM cards ORDER BY id") == before
    assert store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
    assert svc.undo() is None


def test_each_rating_is_committed_with_before_and_after(store, fake_clock, tmp_path, open_test_store) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 2)])
    item = svc.next_item()
    svc.rate(item.card.id, 3, duration_ms=2000)
    other = open_test_store(tmp_path / "progress.db")  # a second connection sees it at once
    row = other.query("SELECT card_id, rating, duration_ms, before, after, source FROM reviews")[0]
    assert (row["card_id"], row["rating"], row["duration_ms"], row["source"]) == (item.card.id, 3, 2000, "review")
    before, after = json.loads(row["before"]), json.loads(row["after"])
    assert before["state"] == 0 and after["state"] == 1
    # before is the whole scheduling state (undo restores it); after is a summary without a second FSRS copy
    assert set(before) == {"fsrs", "state", "due", "lapses", "suspended", "buried_until", "tags"}
    assert set(after) == {"state", "due", "lapses", "suspended", "buried_siblings"}
    card = other.query("SELECT due FROM cards WHERE id = ?", (item.card.id,))[0]
    assert after["due"] == card["due"]


def test_editing_content_keeps_history_and_removed_cards_retire(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 2)])
    card_id = svc.next_item().card.id
    svc.rate(card_id, 4)
    edited = parse_deck_text(HEADER.format(name="A") + "\nQuestion A 0?::A better answer\n", "A.md")
    summary = svc.sync_decks([edited])
    assert (summary.updated, summary.retired) == (1, 1)
    row = store.query("SELECT state, data FROM cards WHERE id = ?", (card_id,))[0]
    assert row["state"] == 2 and json.loads(row["data"])["answer"] == "A better answer"
    assert store.query("SELECT COUNT(*) AS n FROM cards WHERE retired = 1")[0]["n"] == 1


def test_streak_counts_consecutive_study_days(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 5)])
    assert svc.streak() == 0
    for _ in range(3):
        svc.rate(svc.next_item().card.id, 4)
        fake_clock.advance(days=1)
    assert svc.streak() == 3  # today not yet reviewed: the streak ends yesterday
    fake_clock.advance(days=1)
    assert svc.streak() == 0


def test_rating_out_of_range_is_refused(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 1)])
    card_id = svc.next_item().card.id
    with pytest.raises(ValueError, match="^rating must be 1-4, got 5$"):
        svc.rate(card_id, 5)
    with pytest.raises(ValueError, match="^rating must be 1-4, got 0$"):
        svc.rate(card_id, 0)
    assert store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0


@pytest.mark.parametrize(
    ("delta", "text"),
    [(timedelta(seconds=30), "30s"), (timedelta(minutes=10), "10m"), (timedelta(hours=5), "5h"),
     (timedelta(days=4), "4d"), (timedelta(days=75), "2.5mo"), (timedelta(days=730), "2.0y"),
     (timedelta(hours=22), "22h"), (timedelta(hours=23), "1d"), (timedelta(hours=25), "1d"),  # 23 h, 25 h: DST
     (timedelta(0), "0s"), (timedelta(seconds=-5), "0s"), (timedelta(minutes=59), "59m"), (timedelta(hours=1), "1h"),
     (timedelta(hours=10, minutes=30, seconds=1), "11h"), (timedelta(days=2, hours=12, seconds=1), "3d"),
     (timedelta(days=29), "29d"), (timedelta(days=30), "1.0mo"), (timedelta(days=364), "12.1mo"),
     (timedelta(days=365), "1.0y"), (timedelta(days=420), "1.2y")],
)
def test_interval_labels(delta: timedelta, text: str) -> None:
    assert format_interval(delta) == text


def test_study_settings_defaults() -> None:
    settings = StudySettings()
    assert (settings.day_start_hour, settings.leech_lapses) == (4, 8)
    assert (settings.new_per_day, settings.reviews_per_day) == (20, 200)


def test_the_scheduler_and_the_reports_share_the_default_day_start(store) -> None:
    from dlprep.reports import stats

    assert stats.day_start_hour_setting(store) == StudySettings().day_start_hour == 4


def test_undo_undoes_the_newest_rating(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 2)])
    first = svc.next_item().card.id
    svc.rate(first, 3)
    after_first = store.query("SELECT id, fsrs, state, due FROM cards ORDER BY id")
    fake_clock.advance(seconds=30)
    second = svc.next_item().card.id
    assert second != first
    svc.rate(second, 4)
    assert svc.undo() == second
    assert store.query("SELECT id, fsrs, state, due FROM cards ORDER BY id") == after_first
    assert [r["card_id"] for r in store.query("SELECT card_id FROM reviews")] == [first]


def test_deck_counts_add_up_the_sections_of_a_deck(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=5)
    two = parse_deck_text(HEADER.format(name="A") + "\nQ1?::A1\n\nQ2?::A2\n", "A.md")
    other = parse_deck_text("---\ndeck: A\nsection: Transformers\n---\n\nQ3?::A3\n", "A2.md")
    svc.sync_decks([two, other, deck("B", 1)])
    counts = {c.deck: c for c in svc.deck_counts()}
    assert (counts["A"].section, counts["A"].total, counts["A"].new) == ("Attention", 3, 3)
    assert (counts["B"].section, counts["B"].total, counts["B"].new) == ("Attention", 1, 1)


def test_new_cards_are_spread_through_the_reviews_in_proportion(store, fake_clock) -> None:
    svc = service(store, fake_clock, new_per_day=4)
    svc.sync_decks([deck("A", 2)])
    for row in store.query("SELECT id FROM cards"):
        svc.rate(row["id"], 4)
    fake_clock.advance(days=60)
    svc.sync_decks([deck("A", 2), deck("B", 6)])
    order = []
    while (item := svc.next_item()) is not None:
        order.append("new" if item.state == 0 else "review")
        svc.rate(item.card.id, 4)
    # Two reviews and four new cards (the day's limit): a new card whenever its share so far is not ahead.
    assert order == ["new", "new", "review", "new", "new", "review"]


def test_sync_counts_what_it_added_updated_kept_and_retired(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    assert svc.sync_decks([deck("A", 3), deck("B", 2)]) == SyncSummary(added=5)
    assert {r["origin"] for r in store.query("SELECT origin FROM cards")} == {"builtin"}
    assert svc.sync_decks([deck("A", 3), deck("B", 2)]) == SyncSummary(unchanged=5)
    edited = deck("A", 3)
    edited.cards[0].answer = "A better answer"
    assert svc.sync_decks([edited, deck("B", 2)]) == SyncSummary(updated=1, unchanged=4)
    assert svc.sync_decks([deck("A", 2), deck("B", 2)]) == SyncSummary(updated=1, unchanged=3, retired=1)
    assert store.query("SELECT COUNT(*) AS n FROM cards WHERE retired = 1")[0]["n"] == 1
    assert svc.sync_decks([deck("A", 3)], retire_scope={"A"}) == SyncSummary(updated=1, unchanged=2)  # back
    assert store.query("SELECT COUNT(*) AS n FROM cards WHERE retired = 1")[0]["n"] == 0
    # Only deck A is in scope: B's cards are neither read nor retired.
    assert svc.sync_decks([deck("A", 1)], retire_scope={"A"}) == SyncSummary(unchanged=1, retired=2)
    assert svc.sync_decks([deck("A", 1), deck("B", 1)], retire_scope={"A", "B"}) == SyncSummary(
        updated=0, unchanged=2, retired=1)
    assert svc.sync_decks([deck("A", 1), deck("B", 1)], retire_missing=False) == SyncSummary(unchanged=2)


def test_a_dry_run_sync_counts_and_writes_nothing(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 2)])
    before = store.query("SELECT * FROM cards ORDER BY id")
    assert svc.sync_decks([deck("A", 1), deck("B", 2)], dry_run=True) == SyncSummary(added=2, unchanged=1, retired=1)
    assert store.query("SELECT * FROM cards ORDER BY id") == before


def test_a_service_over_an_existing_store_reads_its_settings_and_counts(store, fake_clock) -> None:
    service(store, fake_clock).sync_decks([deck("A", 5)])
    store.set_setting("new_per_day", "2")
    later = StudyService(store, now=fake_clock, tz=UTC)
    assert later.settings.new_per_day == 2
    assert [(c.deck, c.new, c.total) for c in later.deck_counts()] == [("A", 2, 5)]


def test_only_again_on_a_review_card_is_a_lapse_and_an_unsuspended_leech_stays_active(store, fake_clock) -> None:
    svc = service(store, fake_clock, leech_lapses=2)
    svc.sync_decks([deck("A", 1)])
    card_id = svc.next_item().card.id
    with store.transaction() as tx:
        tx.execute("UPDATE cards SET tags = 'hard' WHERE id = ?", (card_id,))
    svc.rate(card_id, 1)  # Again on a new card: not a lapse
    svc.rate(card_id, 4)
    for rating in (2, 1, 4, 1):  # Hard on a review card is not a lapse either
        fake_clock.advance(days=400)
        svc.rate(card_id, rating)
    row = store.query("SELECT lapses, suspended, tags FROM cards WHERE id = ?", (card_id,))[0]
    assert row == {"lapses": 2, "suspended": 1, "tags": "hard leech"}
    svc.set_suspended(card_id, False)  # the learner brings it back
    fake_clock.advance(days=1)
    svc.rate(card_id, 3)
    row = store.query("SELECT lapses, suspended, tags FROM cards WHERE id = ?", (card_id,))[0]
    assert row == {"lapses": 2, "suspended": 0, "tags": "hard leech"}


def test_rating_a_buried_review_card_keeps_it_buried(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 1)])
    card_id = svc.next_item().card.id
    svc.rate(card_id, 4)
    fake_clock.advance(days=60)
    until = "2026-05-02T04:00:00+00:00"
    with store.transaction() as tx:
        tx.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (until, card_id))
    svc.rate(card_id, 3, source="quiz")  # stays in review
    assert store.query("SELECT buried_until FROM cards")[0]["buried_until"] == until
    svc.rate(card_id, 1, source="quiz")  # a lapse: relearning shows it again
    assert store.query("SELECT buried_until FROM cards")[0]["buried_until"] is None
    assert svc.item("no-such-card") is None


def test_next_item_keeps_to_the_kinds_asked_for(store, fake_clock) -> None:
    svc = service(store, fake_clock, learn_ahead_min=0.0)
    svc.sync_decks([deck("A", 1, "Adam keeps ==two== moving averages.\n")])
    basic = store.query("SELECT id FROM cards WHERE kind = 'basic'")[0]["id"]
    svc.rate(basic, 1)  # in learning, due in a minute
    fake_clock.advance(minutes=2)
    assert svc.next_item().card.id == basic
    assert svc.next_item(kinds=("cloze",)).card.kind == "cloze"


def test_deck_totals_follow_the_kinds_asked_for(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 2, "Adam keeps ==two== moving averages.\n")])
    assert [(c.deck, c.total) for c in svc.deck_counts()] == [("A", 3)]
    assert [(c.deck, c.total) for c in svc.deck_counts(kinds=("cloze",))] == [("A", 1)]
    assert [(c.deck, c.total) for c in svc.deck_counts()] == [("A", 3)]


def test_the_service_streak_uses_its_zone(store, fake_clock) -> None:
    from datetime import timezone

    plus9 = timezone(timedelta(hours=9))
    svc = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=plus9)
    svc.sync_decks([deck("A", 3)])
    # 05:00 on March 3, 03:00 on March 4 (March 3's study day) and 05:00 on March 5 at UTC+9.
    for card, moment in zip([r["id"] for r in store.query("SELECT id FROM cards")],
                            [datetime(2026, 3, 2, 20, tzinfo=UTC), datetime(2026, 3, 3, 18, tzinfo=UTC),
                             datetime(2026, 3, 4, 20, tzinfo=UTC)], strict=True):
        fake_clock.moment = moment
        svc.rate(card, 4)
    fake_clock.moment = datetime(2026, 3, 4, 21, tzinfo=UTC)
    assert svc.streak() == 1  # March 5 there; March 4 had no rating
    fake_clock.moment = datetime(2026, 3, 5, 21, tzinfo=UTC)  # March 6 there
    assert svc.streak() == 1
    fake_clock.moment = datetime(2026, 3, 6, 21, tzinfo=UTC)  # March 7 there: March 6 had none
    assert svc.streak() == 0


def test_set_suspended_suspends_by_default(store, fake_clock) -> None:
    svc = service(store, fake_clock)
    svc.sync_decks([deck("A", 1)])
    card_id = store.query("SELECT id FROM cards")[0]["id"]
    svc.set_suspended(card_id)
    assert store.query("SELECT suspended FROM cards")[0]["suspended"] == 1
    assert svc.next_item() is None
    svc.set_suspended(card_id, False)
    assert svc.next_item().card.id == card_id
