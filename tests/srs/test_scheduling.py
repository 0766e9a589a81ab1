"""Scheduling you can trust: the interval on a rating key is the one applied, elapsed time counts in study
days, and a card in (re)learning is never buried by its sibling. A fake clock throughout."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings, clock

KINDS = """---
deck: K
section: Kinds
---

What does dropout do at test time?::Nothing: activations were already scaled during training.

Adam keeps ==two== moving averages of ==the gradient==.

[mc] Which normalization averages over the batch?
- [x] Batch norm
- [ ] Layer norm

[explain] Why does attention divide the scores by the square root of d?
- dot products of random vectors grow like the square root of d
- large scores saturate the softmax and shrink its gradients
"""

ONE_CARD = "---\ndeck: A\nsection: Attention\n---\n\nWhat does a softmax return?::A probability vector.\n"
CLOZE = "---\ndeck: C\nsection: Attention\n---\n\nAdam keeps ==two== moving averages of ==the gradient==.\n"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def make(store, fake_clock, text: str, **settings) -> StudyService:
    svc = StudyService(store, StudySettings(**settings), now=fake_clock, tz=UTC)
    svc.sync_decks([parse_deck_text(text, "deck.md")])
    return svc


def fsrs_state(store, card_id: str) -> dict:
    return json.loads(store.query("SELECT fsrs FROM cards WHERE id = ?", (card_id,))[0]["fsrs"])


def due_of(store, card_id: str) -> datetime:
    return clock.parse_iso(store.query("SELECT due FROM cards WHERE id = ?", (card_id,))[0]["due"])


def put_in_state(svc: StudyService, fake_clock, card_id: str, state: str) -> None:
    """Bring a new card into ``state``; its last rating is at 09:00:10 on the day before the clock ends up
    at 09:00:00, so that showing it and rating it 17 s later straddle a whole 24 hours since that rating."""
    day = fake_clock.moment.replace(hour=9, minute=0, second=10, microsecond=0)
    fake_clock.moment = day
    if state == "new":
        fake_clock.moment = day + timedelta(seconds=-10)
        return
    if state == "learning":
        svc.rate(card_id, 3)  # Good on a new card: the 10-minute step
        fake_clock.moment = day + timedelta(days=1, seconds=-10)
        return
    svc.rate(card_id, 4)  # Easy: straight to review
    if state == "relearning":
        fake_clock.moment = due_of(svc.store, card_id).replace(hour=9, minute=0, second=10)
        svc.rate(card_id, 1)  # a lapse: the 10-minute relearning step
        fake_clock.moment += timedelta(days=1, seconds=-10)
        return
    fake_clock.moment = due_of(svc.store, card_id).replace(hour=9, minute=0, second=0)


@pytest.mark.parametrize("state", ["new", "learning", "review", "relearning"])
def test_the_interval_on_each_key_is_the_interval_applied(store, fake_clock, state: str) -> None:
    # Failed before the fix: labels came from an unfuzzed preview and were computed when the card was shown.
    svc = make(store, fake_clock, KINDS)  # default settings: fuzz on
    rows = store.query("SELECT id, kind FROM cards ORDER BY id")
    assert {r["kind"] for r in rows} == {"basic", "cloze", "mc", "explain"}
    start = fake_clock.moment
    mismatches = []
    for row in rows:
        fake_clock.moment = start
        put_in_state(svc, fake_clock, row["id"], state)
        for rating in (1, 2, 3, 4):
            shown_at = fake_clock.moment
            item = svc.item(row["id"])
            assert item.state == {"new": 0, "learning": 1, "review": 2, "relearning": 3}[state]
            fake_clock.moment = shown_at + timedelta(seconds=17)
            after = svc.rate(row["id"], rating)
            applied = clock.parse_iso(after["due"]) - fake_clock.moment
            if applied != item.previews[rating]:
                mismatches.append((row["kind"], rating, item.previews[rating], applied))
            assert svc.undo() == row["id"]
            fake_clock.moment = shown_at
    assert mismatches == []


def test_labels_hold_for_a_whole_study_day(store, fake_clock) -> None:
    """A review shown at 09:00 and rated at 23:00 (the same study day) gets what the keys said at 09:00."""
    svc = make(store, fake_clock, ONE_CARD)
    card_id = store.query("SELECT id FROM cards")[0]["id"]
    svc.rate(card_id, 4)
    fake_clock.moment = due_of(store, card_id).replace(hour=9, minute=0, second=0)
    shown = svc.item(card_id).previews
    for rating in (1, 2, 3, 4):
        fake_clock.moment = fake_clock.moment.replace(hour=23)
        applied = clock.parse_iso(svc.rate(card_id, rating)["due"]) - fake_clock.moment
        assert applied == shown[rating]
        svc.undo()


def _graduate_at_13_22(svc: StudyService, fake_clock, card_id: str) -> None:
    """Hard, Good, Good at 13:00, 13:11, 13:22: in review with a 1-day interval (stability about 1.38)."""
    for rating, minute in ((2, 0), (3, 11), (3, 22)):
        fake_clock.moment = at(f"2026-03-02T13:{minute:02d}:00")
        svc.rate(card_id, rating)


def test_a_due_review_rated_in_the_morning_gets_the_same_stability_as_at_its_due_time(store, fake_clock) -> None:
    # Failed before the fix: at 09:00 less than 24 h had passed, so fsrs took its same-day formula.
    svc = make(store, fake_clock, ONE_CARD, fuzz=False)
    card_id = store.query("SELECT id FROM cards")[0]["id"]
    _graduate_at_13_22(svc, fake_clock, card_id)
    assert due_of(store, card_id) == at("2026-03-03T13:22:00")
    outcomes = {}
    for moment in ("2026-03-03T09:00:00", "2026-03-03T13:22:00", "2026-03-03T23:30:00", "2026-03-04T03:59:00"):
        fake_clock.moment = at(moment)
        assert svc.item(card_id).state == 2
        after = svc.rate(card_id, 3)
        outcomes[moment] = (json.loads(after["fsrs"])["stability"], clock.parse_iso(after["due"]) - at(moment))
        svc.undo()
    # The reference: fsrs itself, rated exactly at the due time.
    reference = Scheduler(enable_fuzzing=False)
    card = FsrsCard.from_dict(fsrs_state(store, card_id))
    expected, _ = reference.review_card(card, Rating.Good, at("2026-03-03T13:22:00"))
    for stability, interval in outcomes.values():
        assert stability == pytest.approx(expected.stability, rel=0.01)
        assert interval == expected.due - at("2026-03-03T13:22:00")


def test_a_second_review_within_one_study_day_is_still_short_term(store, fake_clock) -> None:
    svc = make(store, fake_clock, ONE_CARD, fuzz=False)
    card_id = store.query("SELECT id FROM cards")[0]["id"]
    _graduate_at_13_22(svc, fake_clock, card_id)
    fake_clock.moment = at("2026-03-03T09:00:00")
    svc.rate(card_id, 3)
    morning = FsrsCard.from_dict(fsrs_state(store, card_id))
    fake_clock.moment = at("2026-03-04T03:30:00")  # 18.5 h later, still the study day of March 3
    after = svc.rate(card_id, 3)
    expected, _ = Scheduler(enable_fuzzing=False).review_card(morning, Rating.Good, fake_clock.moment)
    assert json.loads(after["fsrs"])["stability"] == pytest.approx(expected.stability, rel=1e-9)
    assert expected.stability < morning.stability * 1.5  # fsrs's same-day formula: a small step


def test_a_review_just_after_the_day_boundary_counts_one_day(store, fake_clock) -> None:
    """Like Anki: 03:50 and 04:10 are 20 minutes apart but one study day."""
    svc = make(store, fake_clock, ONE_CARD, fuzz=False)
    card_id = store.query("SELECT id FROM cards")[0]["id"]
    _graduate_at_13_22(svc, fake_clock, card_id)
    fake_clock.moment = at("2026-03-04T03:50:00")  # study day March 3, its due day
    svc.rate(card_id, 3)
    before = FsrsCard.from_dict(fsrs_state(store, card_id))
    fake_clock.moment = at("2026-03-04T04:10:00")
    after = svc.rate(card_id, 3)
    expected, _ = Scheduler(enable_fuzzing=False).review_card(before, Rating.Good, at("2026-03-05T03:50:00"))
    assert json.loads(after["fsrs"])["stability"] == pytest.approx(expected.stability, rel=1e-9)


def test_a_relearning_card_is_offered_at_its_step_despite_its_sibling(store, fake_clock) -> None:
    # Failed before the fix: rating the sibling at 04:01 buried the lapsed card until the next day.
    svc = make(store, fake_clock, CLOZE, fuzz=False, learn_ahead_min=0.0)
    first = svc.next_item().card.id
    svc.rate(first, 4)  # review; the sibling is buried until 04:00 tomorrow
    due = due_of(store, first)
    fake_clock.moment = (due + timedelta(days=1)).replace(hour=3, minute=58)  # still the due study day
    svc.rate(first, 1)  # a lapse: relearning step due at 04:08
    fake_clock.moment = fake_clock.moment.replace(hour=4, minute=1)  # a new study day
    sibling = svc.next_item()
    assert sibling is not None and sibling.card.id != first and sibling.state == 0
    svc.rate(sibling.card.id, 3)  # learning step of its own; must not bury the relearning card
    row = store.query("SELECT state, buried_until FROM cards WHERE id = ?", (first,))[0]
    assert row["state"] == 3 and row["buried_until"] is None
    fake_clock.moment = fake_clock.moment.replace(hour=4, minute=9)
    offered = svc.next_item()
    assert offered is not None and offered.card.id == first and offered.state == 3


def test_review_and_new_siblings_are_buried_learning_siblings_are_not(store, fake_clock) -> None:
    svc = make(store, fake_clock, "---\ndeck: C\nsection: Attention\n---\n\nA transformer block has "
               "==attention== then ==an MLP== then ==a residual==.\n", fuzz=False)
    a, b, c = (r["id"] for r in store.query("SELECT id FROM cards ORDER BY created_at, rowid"))
    _, end = svc.today_bounds()
    svc.rate(a, 4)  # review
    svc.rate(b, 3)  # rated although buried (as a quiz miss can): now in learning, so no longer buried
    rows = {r["id"]: r for r in store.query("SELECT id, state, buried_until FROM cards")}
    assert (rows[a]["state"], rows[a]["buried_until"]) == (2, clock.iso(end))  # review sibling: buried
    assert (rows[c]["state"], rows[c]["buried_until"]) == (0, clock.iso(end))  # new sibling: buried
    assert (rows[b]["state"], rows[b]["buried_until"]) == (1, None)
    svc.rate(c, 3)
    assert store.query("SELECT buried_until FROM cards WHERE id = ?", (b,))[0]["buried_until"] is None


def test_custom_fsrs_parameters_change_the_intervals(store, fake_clock) -> None:
    from dlprep.content.model import Card, Deck

    card = Card(id="c1", deck="A", section="S", kind="basic", question="Q", answer="A")
    easy_first = list(Scheduler().parameters)
    easy_first[3] = 30.0  # the initial stability after Easy, in days
    default = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=UTC)
    default.sync_decks([Deck("A", "S", cards=[card])])
    custom = StudyService(store, StudySettings(fuzz=False, fsrs_parameters=easy_first), now=fake_clock, tz=UTC)
    assert default.item("c1").previews[4].days == 8
    assert custom.item("c1").previews[4].days == 30
