"""The card list behind the browser and ``dlprep cards``: filters, rows, history and per-card actions.

In process, over a real SQLite file and a fake clock (the browser's own tests drive the Textual app).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dlprep.answers.history import typed_answer_writer
from dlprep.answers.keypoints import check_answer
from dlprep.content.model import Card, Deck, Option
from dlprep.srs import StudyService, StudySettings
from dlprep.srs.cards import CardFilter, CardList, HistoryEntry, answer_text, card_source
from dlprep.srs.gen_reviews import rate_gen

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
DAY_END = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)  # the study day starts at 4:00 UTC


def basic(card_id: str, deck: str, question: str, answer: str, **extra) -> Card:
    return Card(id=card_id, deck=deck, section="Basics", kind="basic", question=question, answer=answer, **extra)


def mc_card() -> Card:
    return Card(id="mc1", deck="Optim", section="Optimizers", kind="mc", question="Which optimizer keeps two moments?",
                options=[Option("SGD with momentum"), Option("Adam", correct=True), Option("Adagrad")],
                explanation="Adam keeps running means of the gradient and of its square.")


def explain_card() -> Card:
    return Card(id="ex1", deck="Optim", section="Optimizers", kind="explain", question="Explain: weight decay",
                key_points=["shrinks weights toward zero", "decoupled in AdamW"])


def gen_card() -> Card:
    return Card(id="gen1", deck="Optim", section="Optimizers", kind="gen", question="Attention FLOPs",
                generator="attention_flops")


def cloze_card() -> Card:
    return Card(id="cz1", deck="Attn", section="Attention", kind="cloze",
                question="Scaled dot-product attention divides by ==sqrt(d_k)==.", cloze_index=1, note_id="n1")


def service(store, clock, **settings) -> StudyService:
    return StudyService(store, StudySettings(fuzz=False, **settings), now=clock, tz=UTC)


@pytest.fixture
def study(store, fake_clock) -> StudyService:
    svc = service(store, fake_clock)
    svc.sync_decks([
        Deck("Optim", "Optimizers", cards=[mc_card(), explain_card(), gen_card(),
                                           basic("b1", "Optim", "What does momentum average?", "Past gradients")]),
        Deck("Attn", "Attention", cards=[cloze_card(), basic("b2", "Attn", "Why scale the logits?",
                                                             "To keep the softmax out of saturation")]),
        Deck("drills", "Coding", cards=[Card(id="drill1", deck="drills", section="Coding", kind="drill",
                                             question="Implement softmax")]),
    ])
    return svc


def ids(rows) -> list[str]:
    return [r.id for r in rows]


def test_decks_lists_live_card_decks_in_order_without_drills_or_retired_cards(store, study) -> None:
    cards = CardList(store, study)
    assert cards.decks() == ["Attn", "Optim"]
    study.sync_decks([Deck("Optim", "Optimizers", cards=[mc_card()])], retire_scope={"Attn"})
    assert cards.decks() == ["Optim"]


def test_every_live_card_but_drills_is_listed_by_deck_then_position(store, study) -> None:
    assert ids(CardList(store, study).list_cards()) == ["cz1", "b2", "mc1", "ex1", "gen1", "b1"]
    assert ids(CardList(store, study).list_cards(CardFilter(limit=2))) == ["cz1", "b2"]
    assert ids(CardList(store, study).list_cards(CardFilter(deck="Optim", limit=1))) == ["mc1"]


def test_filters_by_deck_and_kind(store, study) -> None:
    cards = CardList(store, study)
    assert ids(cards.list_cards(CardFilter(deck="Attn"))) == ["cz1", "b2"]
    assert ids(cards.list_cards(CardFilter(kind="basic"))) == ["b2", "b1"]
    assert ids(cards.list_cards(CardFilter(deck="Optim", kind="basic"))) == ["b1"]
    assert cards.list_cards(CardFilter(deck="Nowhere")) == []


def test_text_filter_needs_every_word_in_any_field_whatever_the_case(store, study) -> None:
    cards = CardList(store, study)

    def found(text: str) -> list[str]:
        return ids(cards.list_cards(CardFilter(text=text)))

    assert found("MOMENTUM") == ["mc1", "b1"]  # an option of the mc card, the question of b1
    assert found("momentum past") == ["b1"]  # every word must appear
    assert found("saturation") == ["b2"]  # the answer
    assert found("square") == ["mc1"]  # the explanation
    assert found("decoupled adamw") == ["ex1"]  # the key points
    assert found("momentum nowhere") == []


def test_state_filter_learning_covers_relearning(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    study.rate("b1", 4)  # Easy: review
    study.rate("b2", 1)  # Again: learning
    study.rate("mc1", 4)
    fake_clock.advance(days=30)
    study.rate("mc1", 1)  # a lapse: relearning
    assert ids(cards.list_cards(CardFilter(state="new"))) == ["cz1", "ex1", "gen1"]
    assert ids(cards.list_cards(CardFilter(state="learning"))) == ["b2", "mc1"]
    assert ids(cards.list_cards(CardFilter(state="review"))) == ["b1"]
    assert [r.state for r in cards.list_cards(CardFilter(deck="Optim"))] == ["relearning", "new", "new", "review"]


def test_flag_filters(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    cards.set_suspended("b1", True)
    with store.transaction() as tx:
        tx.execute("UPDATE cards SET tags = 'hard leech' WHERE id = 'mc1'")
        tx.execute("UPDATE cards SET tags = 'leechlike' WHERE id = 'ex1'")  # a tag that only starts like it
        tx.execute("UPDATE cards SET origin = 'imported' WHERE id = 'b2'")
    until = cards.bury("gen1")
    assert until == DAY_END
    assert ids(cards.list_cards(CardFilter(flag="suspended"))) == ["b1"]
    assert ids(cards.list_cards(CardFilter(flag="leech"))) == ["mc1"]
    assert ids(cards.list_cards(CardFilter(flag="buried"))) == ["gen1"]
    assert ids(cards.list_cards(CardFilter(flag="imported"))) == ["b2"]
    assert ids(cards.list_cards(CardFilter(flag="active"))) == ["cz1", "b2", "mc1", "ex1"]
    fake_clock.moment = DAY_END  # the next study day: the burial is over
    assert cards.list_cards(CardFilter(flag="buried")) == []
    assert ids(cards.list_cards(CardFilter(flag="active"))) == ["cz1", "b2", "mc1", "ex1", "gen1"]
    cards.set_suspended("b1", False)
    assert cards.list_cards(CardFilter(flag="suspended")) == []


def test_a_new_card_row(store, study, tmp_path) -> None:
    row = CardList(store, study).get("b2")
    assert (row.id, row.deck, row.section, row.kind) == ("b2", "Attn", "Basics", "basic")
    assert (row.question, row.answer) == ("Why scale the logits?", "To keep the softmax out of saturation")
    assert (row.state, row.due, row.interval_days, row.lapses) == ("new", None, None, 0)
    assert (row.suspended, row.leech, row.buried_until) == (False, False, None)
    assert row.card == basic("b2", "Attn", "Why scale the logits?", "To keep the softmax out of saturation")
    assert CardList(store, study).get("no-such-card") is None


def test_a_reviewed_card_row_has_its_due_time_interval_lapses_and_flags(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    study.rate("b1", 4)
    due = cards.get("b1").due
    assert cards.get("b1").state == "review" and due > NOW + timedelta(days=1)
    assert cards.get("b1").interval_days == pytest.approx((due - NOW).total_seconds() / 86400)
    fake_clock.moment = due
    study.rate("b1", 1)  # a lapse
    with store.transaction() as tx:
        tx.execute("UPDATE cards SET tags = 'leech' WHERE id = 'b1'")
    cards.set_suspended("b1", True)
    row = cards.get("b1")
    assert (row.state, row.lapses, row.suspended, row.leech) == ("relearning", 1, True, True)
    assert row.due == due + timedelta(minutes=10)  # the relearning step
    assert row.interval_days == pytest.approx(10 / 1440)
    # A state number outside the four known ones is shown as the number.
    with store.transaction() as tx:
        tx.execute("UPDATE cards SET state = 7 WHERE id = 'b1'")
    assert cards.get("b1").state == "7"


def test_a_buried_card_shows_its_burial_until_the_next_study_day(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    assert cards.bury("b1") == DAY_END
    assert cards.get("b1").buried_until == DAY_END
    fake_clock.moment = DAY_END - timedelta(microseconds=1)
    assert cards.get("b1").buried_until == DAY_END
    fake_clock.moment = DAY_END
    assert cards.get("b1").buried_until is None


def test_answer_text_for_each_kind() -> None:
    assert answer_text(mc_card()) == "Adam"
    no_right = Card(id="m", deck="d", section="s", kind="mc", question="q", options=[Option("a"), Option("b")])
    assert answer_text(no_right) == ""
    assert answer_text(explain_card()) == "shrinks weights toward zero; decoupled in AdamW"
    assert answer_text(gen_card()) == "fresh numbers each review (generator attention_flops)"
    assert answer_text(basic("b", "d", "q", "The answer")) == "The answer"
    assert answer_text(cloze_card()) == ""


def test_card_source_reads_the_deck_files_front_matter(tmp_path: Path) -> None:
    def source_of(text: str | None, origin: str = "builtin") -> str:
        path = tmp_path / f"deck{len(list(tmp_path.iterdir()))}.md"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        return card_source(basic("x", "d", "q", "a", source_file=str(path)), origin)

    assert source_of("---\ndeck: A\nsource: beyond-notes\n---\nQ::A\n") == "beyond-notes"
    assert source_of("---\nsource: 'beyond-notes'\n---\n") == "beyond-notes"
    assert source_of("---\ndeck: A\n---\nsource: beyond-notes\n") == "notes"  # after the front matter
    assert source_of("---\nsource:\n---\n") == "notes"
    assert source_of("source: beyond-notes\n") == "notes"  # no front matter
    assert source_of(None) == "notes"  # the file is gone
    assert source_of("---\nsource: beyond-notes\n---\n", origin="imported") == "imported"


def test_card_source_follows_an_edit_of_the_deck_file(tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_text("---\ndeck: A\n---\n", encoding="utf-8")
    card = basic("x", "A", "q", "a", source_file=str(path))
    assert card_source(card, "builtin") == "notes"
    path.write_text("---\ndeck: A\nsource: beyond-notes\n---\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert card_source(card, "builtin") == "beyond-notes"


def test_row_source_and_location(store, fake_clock, tmp_path: Path) -> None:
    deck_file = tmp_path / "extra.md"
    deck_file.write_text("---\ndeck: Extra\nsource: beyond-notes\n---\n\nQ?::A\n", encoding="utf-8")
    svc = service(store, fake_clock)
    svc.sync_decks([Deck("Extra", "S", cards=[basic("e1", "Extra", "Q?", "A", source_file=str(deck_file), line=6)])])
    svc.sync_decks([Deck("Notes", "S", cards=[basic("i1", "Notes", "Q2?", "A2", source_file=str(deck_file))])],
                   origin="imported")
    cards = CardList(store, svc)
    row = cards.get("e1")
    assert (row.source, row.file, row.line) == ("beyond-notes", str(deck_file), 6)
    assert cards.get("i1").source == "imported"


def test_to_dict_is_the_json_listing(store, study) -> None:
    cards = CardList(store, study)
    study.rate("b1", 4)
    due = cards.get("b1").due
    assert cards.get("b1").to_dict() == {
        "id": "b1", "deck": "Optim", "kind": "basic", "question": "What does momentum average?",
        "answer": "Past gradients", "source": "notes", "file": "", "line": 0, "state": "review",
        "due": due.isoformat(), "lapses": 0, "suspended": False, "leech": False,
    }
    assert cards.get("ex1").to_dict()["due"] is None


def test_reset_forgets_the_schedule_and_keeps_history_and_lapses(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    study.rate("b1", 4)
    fake_clock.moment = cards.get("b1").due
    study.rate("b1", 1)
    cards.bury("b1")
    cards.reset("b1")
    row = cards.get("b1")
    assert (row.state, row.due, row.interval_days, row.buried_until, row.lapses) == ("new", None, None, None, 1)
    stored = store.query("SELECT fsrs, due, buried_until FROM cards WHERE id = 'b1'")[0]
    assert stored == {"fsrs": None, "due": None, "buried_until": None}
    assert len(cards.history("b1")) == 2
    assert cards.get("b2").state == "new" and study.next_item() is not None


def test_history_oldest_first_with_intervals(store, study, fake_clock) -> None:
    cards = CardList(store, study)
    assert cards.history("b1") == []
    study.rate("b1", 1, source="review")  # Again: one minute
    fake_clock.advance(minutes=1)
    study.rate("b1", 3, source="quiz")  # Good: ten minutes
    history = cards.history("b1")
    assert [(h.rating, h.source) for h in history] == [(1, "review"), (3, "quiz")]
    assert [h.reviewed_at for h in history] == [NOW, NOW + timedelta(minutes=1)]
    assert [h.interval_days * 1440 for h in history] == pytest.approx([1.0, 10.0])
    assert [(h.typed, h.covered, h.seed) for h in history] == [("", "", None), ("", "", None)]


def test_history_shows_typed_answers_with_the_points_covered(store, study) -> None:
    card = explain_card()
    answer = "It shrinks the weights toward zero."
    check = check_answer(card.question, card.key_points, answer)
    study.rate("ex1", 2, with_review=typed_answer_writer(answer, check, [True, False]))
    study.rate("ex1", 3)
    history = CardList(store, study).history("ex1")
    assert [(h.rating, h.typed, h.covered) for h in history] == [(2, answer, "1/2"), (3, "", "")]


def test_history_shows_a_gen_cards_seed_answer_and_verdict(store, study, fake_clock) -> None:
    card = gen_card()
    first = rate_gen(study, card, 3, 1200, seed=41, answer="2.1 GFLOPs", correct=True)
    fake_clock.advance(minutes=15)
    rate_gen(study, card, 1, None, seed=42, answer="3e9", correct=False)
    history = CardList(store, study).history("gen1")
    assert history == [
        HistoryEntry(NOW, 3, history[0].interval_days, "review", typed="2.1 GFLOPs", covered="right", seed=41),
        HistoryEntry(NOW + timedelta(minutes=15), 1, history[1].interval_days, "review", typed="3e9",
                     covered="wrong", seed=42),
    ]
    assert history[1].interval_days * 1440 == pytest.approx(1.0)
    assert first == store.query("SELECT MIN(id) AS id FROM reviews")[0]["id"]
