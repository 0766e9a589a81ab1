"""Storing imported notes: cards follow a new id with their history, the rest retire, Obsidian schedules seed.

In process over a real SQLite file: the decks are built here as the notes reader would build them, so each
rule of :mod:`dlprep.srs.imported` is tested on its own (``tests/content`` runs the whole ``dlprep import``).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dlprep.answers.history import typed_answer_writer
from dlprep.answers.keypoints import check_answer
from dlprep.content.model import Card, Deck, SrSchedule
from dlprep.srs import StudyService, StudySettings
from dlprep.srs.gen_reviews import gen_reviews, rate_gen
from dlprep.srs.imported import ImportCounts, fsrs_state, retire_deck, seed_schedules, store_imported
from dlprep.srs.scheduler import numeric_id


@pytest.fixture
def study(store, fake_clock) -> StudyService:
    return StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=UTC)


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    return folder


def card(card_id: str, question: str, answer: str, path: Path | str, kind: str = "basic", **extra) -> Card:
    return Card(id=card_id, deck="Notes", section="Notes", kind=kind, question=question, answer=answer,
                source_file=str(path), **extra)


def deck(*cards: Card, name: str = "Notes", schedules: dict | None = None) -> Deck:
    for each in cards:
        each.deck = name
    return Deck(name, "Notes", cards=list(cards), schedules=schedules or {})


def touch(path: Path) -> Path:
    path.write_text("notes\n", encoding="utf-8")
    return path


def inside(*paths: Path):
    """The ``in_scope`` of an import of these files."""
    names = {str(p) for p in paths}
    return lambda source: source in names


def live(store) -> dict[str, str]:
    """Live imported card id -> question."""
    rows = store.query("SELECT id, data FROM cards WHERE retired = 0 AND origin = 'imported' ORDER BY id")
    return {r["id"]: json.loads(r["data"])["question"] for r in rows}


def history(store, card_id: str) -> list[int]:
    return [r["rating"] for r in store.query("SELECT rating FROM reviews WHERE card_id = ? ORDER BY id", (card_id,))]


def retired(store) -> set[str]:
    return {r["id"] for r in store.query("SELECT id FROM cards WHERE retired = 1")}


# ----- first import, re-import, retiring ------------------------------------------------------------------
def test_first_import_adds_every_card_as_imported(store, study, notes) -> None:
    a = touch(notes / "a.md")
    counts = store_imported(study, [deck(card("i1", "Q1", "A1", a), card("i2", "Q2", "A2", a))], inside(a))
    assert counts == ImportCounts(added=2)
    assert live(store) == {"i1": "Q1", "i2": "Q2"}
    again = store_imported(study, [deck(card("i1", "Q1", "A1 edited", a), card("i2", "Q2", "A2", a))], inside(a))
    assert again == ImportCounts(updated=1, unchanged=1)


def test_a_card_gone_from_an_imported_file_is_retired_with_its_history(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("i1", "Q1", "A1", a), card("i2", "Q2", "A2", a))], inside(a))
    study.rate("i2", 3)
    counts = store_imported(study, [deck(card("i1", "Q1", "A1", a))], inside(a))
    assert counts == ImportCounts(unchanged=1, retired=1)
    assert retired(store) == {"i2"} and history(store, "i2") == [3]
    assert store_imported(study, [deck(card("i1", "Q1", "A1", a))], inside(a)) == ImportCounts(unchanged=1)


def test_importing_one_file_leaves_the_cards_of_another(store, study, notes) -> None:
    a, b = touch(notes / "a.md"), touch(notes / "b.md")
    store_imported(study, [deck(card("a1", "QA", "AA", a))], inside(a))
    counts = store_imported(study, [deck(card("b1", "QB", "AB", b), name="B")], inside(b))
    assert counts == ImportCounts(added=1)
    assert live(store) == {"a1": "QA", "b1": "QB"}


def test_a_card_whose_file_is_gone_is_kept_when_that_file_is_not_imported(store, study, notes) -> None:
    a, b = touch(notes / "a.md"), touch(notes / "b.md")
    store_imported(study, [deck(card("a1", "Only in a", "AA", a))], inside(a))
    a.unlink()
    assert store_imported(study, [deck(card("b1", "QB", "AB", b))], inside(b)) == ImportCounts(added=1)
    assert live(store) == {"a1": "Only in a", "b1": "QB"}


def test_builtin_and_retired_cards_are_never_taken_over(store, study, notes) -> None:
    a = touch(notes / "a.md")
    study.sync_decks([Deck("Attention", "Attention", cards=[card("builtin1", "Q1", "A1", "decks/attention.md")])])
    store_imported(study, [deck(card("i1", "Q2", "A2", a))], inside(a))
    store_imported(study, [deck()], inside(a))  # Q2 left the notes: retired
    counts = store_imported(study, [deck(card("n1", "Q1", "A1", a), card("n2", "Q2", "A2", a))], inside(a))
    assert counts == ImportCounts(added=2)
    assert retired(store) == {"i1"}
    assert store.query("SELECT origin FROM cards WHERE id = 'builtin1'") == [{"origin": "builtin"}]


# ----- following a card to its new id ----------------------------------------------------------------------
def test_a_renamed_file_keeps_every_cards_history_in_every_table(store, study, notes, fake_clock) -> None:
    old = touch(notes / "old.md")
    store_imported(study, [deck(card("o1", "Why warm up?", "Adam's early steps are noisy", old),
                                card("o2", "Explain: dropout", "Drops units at random.", old, kind="explain",
                                     key_points=["drops units at random"]),
                                card("o3", "FLOPs", "", old, kind="gen", generator="attention_flops"))],
                   inside(old))
    study.rate("o1", 3)
    check = check_answer("Explain: dropout", ["drops units at random"], "It drops units at random.")
    study.rate("o2", 3, with_review=typed_answer_writer("It drops units at random.", check, [True]))
    rate_gen(study, card("o3", "FLOPs", "", old, kind="gen", generator="attention_flops"), 3, None, seed=5,
             answer="1e9", correct=True)
    state_before = store.query("SELECT fsrs, state, due FROM cards WHERE id = 'o1'")[0]
    new = notes / "new.md"
    old.rename(new)
    counts = store_imported(study, [deck(card("n1", "Why warm up?", "Adam's early steps are noisy", new),
                                         card("n2", "Explain: dropout", "Drops units at random.", new, kind="explain",
                                              key_points=["drops units at random"]),
                                         card("n3", "FLOPs", "", new, kind="gen", generator="attention_flops"))],
                            inside(new))
    assert counts == ImportCounts(updated=3, moved=3)  # updated: each card's stored file name changed
    assert live(store) == {"n1": "Why warm up?", "n2": "Explain: dropout", "n3": "FLOPs"}
    assert store.query("SELECT COUNT(*) AS n FROM cards")[0]["n"] == 3
    assert history(store, "n1") == [3] and history(store, "n2") == [3] and history(store, "n3") == [3]
    assert store.query("SELECT fsrs, state, due FROM cards WHERE id = 'n1'")[0] == state_before
    assert store.query("SELECT card_id FROM typed_answers") == [{"card_id": "n2"}]
    assert [g.seed for g in gen_reviews(store, "n3").values()] == [5]


def test_a_card_is_followed_by_its_question_when_the_answer_changed(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "What does  momentum\naverage?", "Gradients", a))], inside(a))
    study.rate("o1", 3)
    counts = store_imported(study, [deck(card("n1", "What does momentum average?", "Past gradients", a))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (1, 0, 0)
    assert history(store, "n1") == [3]


def test_a_card_is_followed_by_its_answer_when_the_question_changed(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "What does momentum average?", "Past  gradients", a))], inside(a))
    study.rate("o1", 3)
    counts = store_imported(study, [deck(card("n1", "Momentum is a running mean of what?", "Past\ngradients", a))],
                            inside(a))
    assert (counts.moved, counts.added, counts.retired) == (1, 0, 0)
    assert history(store, "n1") == [3]


def test_the_same_question_of_another_kind_is_a_new_card(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "Name the optimizer", "Adam", a))], inside(a))
    counts = store_imported(study, [deck(card("n1", "Name the optimizer", "Adam", a, kind="cloze", cloze_index=1))],
                            inside(a))
    assert (counts.moved, counts.added, counts.retired) == (0, 1, 1)


def test_cards_without_an_answer_are_not_matched_by_their_empty_answer(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "Old title", "", a, kind="gen", generator="g1"))], inside(a))
    counts = store_imported(study, [deck(card("n1", "New title", "", a, kind="gen", generator="g2"))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (0, 1, 1)


def test_a_heading_card_that_changed_kind_is_followed_by_a_long_enough_answer(store, study, notes) -> None:
    a = touch(notes / "a.md")
    long_answer = "x" * 21
    short_answer = "y" * 20
    store_imported(study, [deck(card("o1", "Explain: Long", long_answer, a, kind="explain", key_points=["x"]),
                                card("o2", "Explain: Short", short_answer, a, kind="explain", key_points=["y"]))],
                   inside(a))
    counts = store_imported(study, [deck(card("n1", "Long, asked", long_answer + " ", a),
                                         card("n2", "Short, asked", short_answer, a))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (1, 1, 1)
    assert live(store) == {"n1": "Long, asked", "n2": "Short, asked"}
    assert retired(store) == {"o2"}


def test_an_explain_heading_that_became_a_question_keeps_its_history(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "Explain: Optimizers › Adam › Why bias correction?",
                                     "The moments start at zero.", a, kind="explain",
                                     key_points=["the moments start at zero"]),
                                card("o2", "Explain: Dropout", "Units are dropped at random.", a, kind="explain",
                                     key_points=["units are dropped at random"]))], inside(a))
    study.rate("o1", 2)
    study.rate("o2", 4)
    counts = store_imported(study, [deck(card("n1", "Why bias correction?", "Zero-initialised moments.", a),
                                         card("n2", "Dropout", "Zeroes activations in training.", a))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (2, 0, 0)
    assert history(store, "n1") == [2] and history(store, "n2") == [4]


def test_two_headings_or_two_questions_with_that_text_prove_nothing(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "Explain: Adam › Why?", "First text.", a, kind="explain", key_points=["a"]),
                                card("o2", "Explain: SGD › Why?", "Second text.", a, kind="explain", key_points=["b"]),
                                card("o3", "Explain: Lion", "Third text.", a, kind="explain", key_points=["c"]))],
                   inside(a))
    counts = store_imported(study, [deck(card("n1", "Why?", "One.", a), card("n3", "Lion", "Two.", a),
                                         card("n4", "Lion", "Three.", a))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (0, 3, 3)


def test_an_explain_card_is_not_followed_by_a_question_of_another_kind(store, study, notes) -> None:
    a = touch(notes / "a.md")
    # An explain heading and a cloze note; now a cloze that reads like the heading, a question like the note.
    store_imported(study, [deck(card("o1", "Explain: Dropout", "Drops units.", a, kind="explain", key_points=["d"]),
                                card("o2", "Momentum", "Averages.", a, kind="cloze"))], inside(a))
    counts = store_imported(study, [deck(card("n1", "Dropout", "Zeroes activations.", a, kind="cloze"),
                                         card("n2", "Momentum", "A running mean.", a))], inside(a))
    assert (counts.moved, counts.added, counts.retired) == (0, 2, 2)


def test_a_shared_key_proves_nothing(store, study, notes) -> None:
    a = touch(notes / "a.md")
    # Two old cards with one question, one new card with it: which one it was is unknown.
    store_imported(study, [deck(card("o1", "Define it", "Alpha", a), card("o2", "Define it", "Beta", a),
                                card("o3", "Unique", "Gamma", a))], inside(a))
    counts = store_imported(study, [deck(card("n1", "Define it", "Delta", a),
                                         card("n3", "Unique", "Epsilon", a), card("n4", "Unique", "Zeta", a))],
                            inside(a))
    assert (counts.moved, counts.added, counts.retired) == (0, 3, 3)


def test_a_card_already_matched_is_not_matched_again(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "What is Adam?", "An optimizer", a))], inside(a))
    study.rate("o1", 3)
    # n1 has o1's content (same hash); n2 asks the same question with another answer, n3 the same answer.
    counts = store_imported(study, [deck(card("n1", "What is Adam?", "An optimizer", a),
                                         card("n2", "What is Adam?", "Adaptive moments", a),
                                         card("n3", "What is SGD?", "An optimizer", a))], inside(a))
    assert (counts.moved, counts.added) == (1, 2)
    assert history(store, "n1") == [3] and history(store, "n2") == [] and history(store, "n3") == []


def test_text_copied_across_renamed_files_follows_its_own_file(store, study, notes) -> None:
    a, b = touch(notes / "a.md"), touch(notes / "b.md")
    common = ("Which norm is per token?", "Layer norm")
    store_imported(study, [deck(card("aw", "A three", "third", a), card("ax", "A one", "first", a),
                                card("ay", "A two", "second", a), card("az", *common, a)),
                           deck(card("bv", "B one", "fourth", b), card("bz", *common, b), name="B")],
                   inside(a, b))
    study.rate("az", 4)
    study.rate("bz", 1)
    a2, b2, c = notes / "a2.md", notes / "b2.md", touch(notes / "c.md")
    a.rename(a2)
    b.rename(b2)
    # Two of a's cards went to a2, one to c; b went to b2; the shared card is in a2 and b2.
    counts = store_imported(study, [deck(card("nx", "A one", "first", a2), card("ny", "A two", "second", a2),
                                         card("nza", *common, a2)),
                                    deck(card("nw", "A three", "third", c), name="C"),
                                    deck(card("nv", "B one", "fourth", b2), card("nzb", *common, b2), name="B")],
                            inside(a2, b2, c))
    assert (counts.moved, counts.added, counts.retired) == (6, 0, 0)
    assert history(store, "nza") == [4] and history(store, "nzb") == [1]


def test_cloze_siblings_of_a_renamed_file_follow_by_their_content(store, study, notes) -> None:
    old = touch(notes / "old.md")
    text = "Adam keeps ==two moment estimates== with ==bias correction==."
    siblings = [card(f"o{k}", text, "", old, kind="cloze", cloze_index=k, note_id="n") for k in (1, 2)]
    store_imported(study, [deck(*siblings)], inside(old))
    study.rate("o1", 4)
    study.rate("o2", 1)
    new = notes / "new.md"
    old.rename(new)
    moved = [card(f"n{k}", text, "", new, kind="cloze", cloze_index=k, note_id="m") for k in (1, 2)]
    counts = store_imported(study, [deck(*moved)], inside(new))
    assert (counts.moved, counts.added, counts.retired) == (2, 0, 0)
    assert history(store, "n1") == [4] and history(store, "n2") == [1]


# ----- Obsidian schedules ---------------------------------------------------------------------------------
def test_fsrs_state_of_an_obsidian_schedule() -> None:
    state = fsrs_state("imp-1", SrSchedule(date(2026, 3, 10), 12, 250))
    assert state["card_id"] == numeric_id("imp-1") == 112639989188077  # the first 12 hex digits of its SHA-1
    assert state["state"] == 2 and state["step"] is None
    assert state["stability"] == 12.0 and state["difficulty"] == 5.0
    assert datetime.fromisoformat(state["due"]) == datetime(2026, 3, 10, tzinfo=UTC)
    assert datetime.fromisoformat(state["last_review"]) == datetime(2026, 2, 26, tzinfo=UTC)
    short = fsrs_state("imp-1", SrSchedule(date(2026, 3, 10), 0, 250))
    assert short["stability"] == 1.0
    assert datetime.fromisoformat(short["last_review"]) == datetime(2026, 3, 9, tzinfo=UTC)


@pytest.mark.parametrize(("ease", "difficulty"), [(250, 5.0), (226, 6.0), (154, 9.0), (130, 10.0), (100, 10.0),
                                                  (274, 4.0), (346, 1.0), (400, 1.0)])
def test_an_easier_ease_is_a_lower_difficulty_within_1_to_10(ease: int, difficulty: float) -> None:
    assert fsrs_state("c", SrSchedule(date(2026, 3, 10), 3, ease))["difficulty"] == pytest.approx(difficulty)


def test_schedules_seed_only_cards_with_no_history_or_state(store, study, notes, fake_clock) -> None:
    a = touch(notes / "a.md")
    cards = [card(f"i{k}", f"Q{k}", f"A{k}", a) for k in range(4)]
    store_imported(study, [deck(*cards)], inside(a))
    study.rate("i1", 3)  # a review history here
    with store.transaction() as tx:  # a reset card: back to new, its history kept
        tx.execute("UPDATE cards SET fsrs = NULL, state = 0, due = NULL WHERE id = 'i1'")
    study.rate("i2", 1)  # in learning here
    with store.transaction() as tx:
        tx.execute("DELETE FROM reviews WHERE card_id = 'i2'")
    schedule = SrSchedule(date(2026, 3, 20), 9, 250)
    counts = store_imported(study, [deck(*cards, schedules={c.id: schedule for c in cards} | {"nope": schedule})],
                            inside(a))
    assert counts.scheduled == 2
    rows = {r["id"]: r for r in store.query("SELECT id, state, due, fsrs FROM cards")}
    assert rows["i0"]["state"] == 2 and rows["i3"]["state"] == 2
    assert rows["i0"]["due"] == datetime(2026, 3, 20, tzinfo=UTC).isoformat()
    assert json.loads(rows["i0"]["fsrs"]) == fsrs_state("i0", schedule)
    assert (rows["i1"]["state"], rows["i1"]["fsrs"]) == (0, None)
    assert rows["i2"]["state"] == 1
    fake_clock.moment = datetime(2026, 3, 20, 12, tzinfo=UTC)
    assert [r["id"] for r in study.queue()[1]] == ["i0", "i3"]  # reviews due that day
    assert seed_schedules(store, {"i0": schedule}) == 0  # seeded once: it has a state now


def test_seed_schedules_with_nothing_to_seed(store) -> None:
    assert seed_schedules(store, {}) == 0


# ----- retiring a whole deck ------------------------------------------------------------------------------
def test_retire_deck_takes_the_deck_and_its_subdecks_only(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("m1", "Q1", "A", a), name="JAX"),
                           deck(card("m2", "Q2", "A", a), name="JAX/pmap"),
                           deck(card("m3", "Q3", "A", a), name="JAXopt"),
                           deck(card("o1", "Q4", "A", a), name="Other")], inside(a))
    study.sync_decks([Deck("JAX", "JAX", cards=[card("b1", "Q5", "A", "decks/jax.md")])])
    assert retire_deck(store, "JAX", dry_run=True) == 2
    assert retire_deck(store, "JAX/", dry_run=True) == 2  # a trailing slash names the same deck
    assert retired(store) == set()
    assert retire_deck(store, "JAX") == 2
    assert retired(store) == {"m1", "m2"}
    assert retire_deck(store, "JAX") == 0
    assert retire_deck(store, "Nowhere") == 0
    assert store.query("SELECT retired FROM cards WHERE id = 'b1'") == [{"retired": 0}]


def test_moving_an_id_touches_only_that_card(store, study, notes, fake_clock) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("o1", "Q1", "Answer one", a), card("k1", "Q2", "Answer two", a))], inside(a))
    study.rate("o1", 3)
    fake_clock.advance(minutes=5)
    study.rate("k1", 4)
    store_imported(study, [deck(card("n1", "Q1 reworded", "Answer one", a), card("k1", "Q2", "Answer two", a))],
                   inside(a))
    assert history(store, "n1") == [3] and history(store, "k1") == [4]


def test_retire_deck_reads_a_name_as_written_underscore_percent_and_case_included(store, study, notes) -> None:
    a = touch(notes / "a.md")
    store_imported(study, [deck(card("u1", "Q1", "A", a), name="A_B"),
                           deck(card("u2", "Q2", "A", a), name="A_B/sub"),
                           deck(card("x1", "Q3", "A", a), name="AxB/sub"),
                           deck(card("p1", "Q4", "A", a), name="100%"),
                           deck(card("p2", "Q5", "A", a), name="100 percent/sub"),
                           deck(card("c1", "Q6", "A", a), name="a_b/sub")], inside(a))
    assert retire_deck(store, "A_B") == 2  # not AxB's subdeck, nor a_b's (deck names keep their case)
    assert retired(store) == {"u1", "u2"}
    assert retire_deck(store, "100%") == 1
    assert retired(store) == {"u1", "u2", "p1"}
