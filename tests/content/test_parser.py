"""The deck parser: every card kind, stable ids, errors that name file and line, broken decks beside good ones."""

from __future__ import annotations

from pathlib import Path

from dlprep.content import load_decks, parse_deck_text

HEADER = "---\ndeck: Test deck\nsection: Batch Normalization\n---\n"


def test_every_kind_parses_with_its_fields() -> None:
    text = HEADER + (
        "\n## Basics\n"
        "What does BN normalize over?::Over `N, H, W` per channel.\n"
        "Second question?::Second answer\n"
        "continued answer\n\n"
        "Why biased variance\nin training?\n?\nBecause the batch is the population.\n- point one\n\n"
        "BN learns ==a scale γ== and ==a shift β== per channel; `a==b` is code.\n\n"
        "<!-- id: bn-mc -->\n[mc] Where does BN usually go?\n- [ ] After softmax\n- [x] Before the activation\n"
        "- [ ] On the labels\n> The original paper normalizes pre-activations.\n\n"
        "[explain] Why does BN help?\n- higher learning rates\n- smoother loss landscape\n> Mention the debate.\n"
    )
    deck = parse_deck_text(text, "t.md")
    assert deck.issues == []
    kinds = [c.kind for c in deck.cards]
    assert kinds == ["basic", "basic", "basic", "cloze", "cloze", "mc", "explain"]
    first, second, multi, c1, c2, mc, explain = deck.cards
    assert first.question == "What does BN normalize over?" and first.answer == "Over `N, H, W` per channel."
    assert first.context == "Basics" and first.section == "Batch Normalization"
    assert second.answer == "Second answer\ncontinued answer"
    assert multi.question == "Why biased variance\nin training?"
    assert multi.answer == "Because the batch is the population.\n- point one"
    assert (c1.answer, c2.answer) == ("a scale γ", "a shift β")
    assert c1.note_id == c2.note_id and c1.id == f"{c1.note_id}::c1" and c2.id.endswith("::c2")
    assert mc.id == "bn-mc" and mc.correct_option == 1 and mc.answer == "Before the activation"
    assert [o.text for o in mc.options][0] == "After softmax"
    assert mc.explanation == "The original paper normalizes pre-activations."
    assert explain.key_points == ["higher learning rates", "smoother loss landscape"]
    assert explain.explanation == "Mention the debate."


def test_line_numbers_are_one_based_in_the_file() -> None:
    deck = parse_deck_text(HEADER + "\nQ one::A one\n\nQ two::A two\n", "t.md")
    assert [c.line for c in deck.cards] == [6, 8]


def test_editing_an_answer_keeps_the_id_editing_the_question_does_not() -> None:
    a = parse_deck_text(HEADER + "\nWhat is ε for?::Numerical stability.\n").cards[0]
    b = parse_deck_text(HEADER + "\nWhat is ε for?::Avoiding division by zero.\n").cards[0]
    c = parse_deck_text(HEADER + "\nWhat is epsilon for?::Numerical stability.\n").cards[0]
    assert a.id == b.id != c.id
    assert a.content_hash() != b.content_hash()


def test_cloze_ids_survive_an_edit_of_the_hidden_text() -> None:
    a = parse_deck_text(HEADER + "\nAdam keeps ==two== moving averages.\n").cards[0]
    b = parse_deck_text(HEADER + "\nAdam keeps ==2== moving averages.\n").cards[0]
    assert a.id == b.id


def test_malformed_cards_are_reported_with_line_and_skipped() -> None:
    text = HEADER + (
        "\n[mc] Two correct?\n- [x] a\n- [x] b\n\n"           # line 6
        "[mc] No options at all\n\n"                            # line 10
        "[explain] No key points\n\n"                           # line 12
        "Question without answer\n?\n\n"                        # line 14
        "<!-- id: dup -->\nQ1::A1\n\n<!-- id: dup -->\nQ2::A2\n\n"  # lines 17-21
        "Good one::Fine\n"
    )
    deck = parse_deck_text(text, "bad.md")
    messages = [str(i) for i in deck.issues]
    assert messages[0] == "bad.md:7: multiple-choice card has 2 options marked [x]; mark exactly one"
    assert messages[1:] == [
        "bad.md:10: multiple-choice card needs options as '- [ ] text' / '- [x] text'",
        "bad.md:12: explain card needs its key points as a bullet list right after the question",
        "bad.md:15: card has a '?' line but no answer below it",
        "bad.md:21: duplicate card id 'dup' (first used on line 18)",
    ]
    assert [c.question for c in deck.cards] == ["Q1", "Good one"]


def test_front_matter_problems_name_the_line() -> None:
    deck = parse_deck_text("---\ndeck: [unclosed\nsection: x\n---\nQ::A\n", "fm.md")
    assert [str(i) for i in deck.issues] == ["fm.md:3: front matter: expected ',' or ']', but got ':'"]
    missing = parse_deck_text("Q::A\n", "nofm.md")
    assert [str(i) for i in missing.issues] == [
        "nofm.md:1: missing YAML front matter (a '---' line, 'deck:' and 'section:')"]


def test_a_broken_deck_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(HEADER.replace("Test deck", "A") + "\nQa::Aa\n")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe\x00 not utf-8")
    (tmp_path / "c.md").write_text(HEADER.replace("Test deck", "C") + "\n[mc] broken\n- [ ] x\n- [ ] y\n\nQc::Ac\n")
    decks, issues = load_decks(tmp_path)
    assert [d.name for d in decks] == ["A", "b", "C"]
    assert [len(d.cards) for d in decks] == [1, 0, 1]
    assert [str(i) for i in issues] == [
        f"{tmp_path / 'b.md'}:1: cannot read the file (not UTF-8 text)",
        f"{tmp_path / 'c.md'}:7: multiple-choice card has 0 options marked [x]; mark exactly one",
    ]


def test_empty_folder_and_deck_without_cards(tmp_path: Path) -> None:
    decks, issues = load_decks(tmp_path)
    assert decks == [] and issues == []
    (tmp_path / "empty.md").write_text(HEADER + "\nJust prose, no cards.\n")
    decks, issues = load_decks(tmp_path)
    assert len(decks) == 1 and decks[0].cards == [] and issues == []


def test_duplicate_ids_across_decks_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(HEADER + "\n<!-- id: same -->\nQ::A\n")
    (tmp_path / "b.md").write_text(HEADER.replace("Test deck", "B") + "\n<!-- id: same -->\nQ2::A2\n")
    decks, issues = load_decks(tmp_path)
    assert sum(len(d.cards) for d in decks) == 1
    assert [str(i) for i in issues] == [f"{tmp_path / 'b.md'}:7: card id 'same' is already used in a.md:7"]
