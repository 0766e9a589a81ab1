"""Each card kind read from a deck, field by field: ids, lines, headings, reverses, options, notes and gen cards."""

from __future__ import annotations

import hashlib

import pytest

from dlprep.content import cloze, parse_deck_text
from dlprep.content.model import Card, Option
from dlprep.content.parser import derive_id, split_card_line

HEADER = "---\ndeck: Batch Norm\nsection: Batch Normalization\ntopic: normalization\n---\n\n"  # body: line 7


def stored_id(text: str, *, case_sensitive: bool = False) -> str:
    """The id a progress database holds for a question of the deck "Batch Norm" (the recipe, written out)."""
    norm = " ".join(text.split())
    key = ("cs:" + norm) if case_sensitive else norm.lower()
    return "batch-norm-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def read(body: str, path: str = "bn.md") -> list[Card]:
    deck = parse_deck_text(HEADER + body, path)
    assert deck.issues == []
    return deck.cards


def test_derived_ids_are_the_stored_ones() -> None:
    digest = hashlib.sha1("what is ε for?".encode()).hexdigest()[:10]
    assert derive_id("Batch Norm", "What is ε for?") == f"batch-norm-{digest}"
    assert derive_id("Batch Norm", "  What is\nε   for? ") == derive_id("Batch Norm", "what IS ε for?")
    assert derive_id("Batch Norm", "Q") == "batch-norm-22ea1c649c"
    assert derive_id("Batch Norm", "Q", case_sensitive=True) == stored_id("Q", case_sensitive=True)
    assert derive_id("Batch Norm", "Q", case_sensitive=True) != derive_id("Batch Norm", "Q")
    assert derive_id("Other deck", "Q").startswith("other-deck-")


def test_a_basic_card_carries_its_deck_and_place() -> None:
    (card,) = read("What does BN normalize?::Each channel over N, H, W.\n", "decks/bn.md")
    assert card == Card(
        id=stored_id("What does BN normalize?"), deck="Batch Norm", section="Batch Normalization", kind="basic",
        question="What does BN normalize?", answer="Each channel over N, H, W.", source_file="decks/bn.md", line=7,
    )


def test_deck_metadata() -> None:
    deck = parse_deck_text(HEADER + "Q::A\n", "bn.md")
    assert (deck.name, deck.section, deck.topic, deck.source, deck.path) == (
        "Batch Norm", "Batch Normalization", "normalization", "notes", "bn.md")
    beyond = parse_deck_text("---\ndeck: X\nsection: S\nsource: beyond-notes\n---\nQ::A\n")
    assert beyond.source == "beyond-notes" and beyond.topic == "" and beyond.path == "<deck>"
    assert beyond.issues == []


def test_windows_line_endings() -> None:
    deck = parse_deck_text(HEADER.replace("\n", "\r\n") + "Q one::A one\r\n\r\nQ?\r\n?\r\nA\r\nB\r\n", "bn.md")
    assert deck.issues == [] and deck.name == "Batch Norm"
    assert [(c.question, c.answer, c.line) for c in deck.cards] == [("Q one", "A one", 7), ("Q?", "A\nB", 9)]


def test_headings_give_the_context_and_close_at_their_level() -> None:
    cards = read("# Training\n## Statistics\nQ1::A1\n\n# Inference\nQ2::A2\n\n"
                 "### Folding\nQ3::A3\n\n## Running\nQ4::A4\n")
    assert [(c.question, c.context, c.line) for c in cards] == [
        ("Q1", "Training › Statistics", 9), ("Q2", "Inference", 12), ("Q3", "Inference › Folding", 15),
        ("Q4", "Inference › Running", 18),
    ]


def test_a_heading_right_under_a_card_still_starts_a_section() -> None:
    cards = read("# Part one\nQ1::A1\n# Part two\nQ2::A2\n")
    assert [(c.question, c.context, c.line) for c in cards] == [("Q1", "Part one", 8), ("Q2", "Part two", 10)]


def test_single_lines_make_one_card_each_with_continuations() -> None:
    cards = read("<!-- id: bn-first -->\nQ1::A1\nQ2::A2\nmore of A2\n  and more\nQ3 :: A3 \n")
    assert [(c.id, c.question, c.answer, c.line) for c in cards] == [
        ("bn-first", "Q1", "A1", 8),
        (stored_id("Q2"), "Q2", "A2\nmore of A2\nand more", 9),
        (stored_id("Q3"), "Q3", "A3", 12),
    ]


def test_a_bad_line_among_single_lines_skips_only_itself() -> None:
    deck = parse_deck_text(HEADER + "::no question\nQ2::A2\nQ3:::\nQ4::A4\n", "bn.md")
    assert [(c.question, c.line) for c in deck.cards] == [("Q2", 8), ("Q4", 10)]
    assert [str(i) for i in deck.issues] == [
        "bn.md:7: a 'Question::Answer' line needs text on both sides of '::'",
        "bn.md:9: a 'Question:::Answer' line needs text on both sides of ':::'",
    ]


def test_a_separator_inside_code_does_not_split() -> None:
    (card,) = read("What does `a::b` mean in C++?::Scope resolution\n")
    assert (card.question, card.answer) == ("What does `a::b` mean in C++?", "Scope resolution")
    assert split_card_line("`x:::y` q:::a") == ("`x:::y` q", "a", True)
    assert split_card_line("`x::y` only code") is None
    assert split_card_line("q::a::b") == ("q", "a::b", False)
    assert split_card_line("q:::a::b") == ("q", "a::b", True)
    assert split_card_line("no separator") is None
    assert split_card_line("`::` means scope::yes") == ("`::` means scope", "yes", False)
    assert split_card_line("`a::b` x::y::z") == ("`a::b` x", "y::z", False)


def test_reversed_cards() -> None:
    cards = read("<!-- id: bn-eps -->\nWhat is ε for?:::Numerical stability\n\n"
                 "BN at inference\n??\nuses running stats\n")
    assert [(c.id, c.question, c.answer, c.line, c.kind) for c in cards] == [
        ("bn-eps", "What is ε for?", "Numerical stability", 8, "basic"),
        ("bn-eps::r", "Numerical stability", "What is ε for?", 8, "basic"),
        (stored_id("BN at inference"), "BN at inference", "uses running stats", 10, "basic"),
        (stored_id("BN at inference") + "::r", "uses running stats", "BN at inference", 10, "basic"),
    ]


def test_a_reverse_is_not_added_when_its_card_was_dropped() -> None:
    deck = parse_deck_text(HEADER + "<!-- id: same -->\nQ1::A1\n\n<!-- id: same -->\nQ2:::A2\n", "bn.md")
    assert [c.id for c in deck.cards] == ["same"]
    assert [str(i) for i in deck.issues] == ["bn.md:11: duplicate card id 'same' (first used on line 8)"]


def test_an_id_comment_names_every_kind() -> None:
    cards = read("<!-- id: bn-q -->\nWhy?\n?\nBecause.\n\n<!-- id: bn-x -->\n[explain] Why BN?\n- a point\n\n"
                 "<!-- id: bn-m -->\n[mc] Which?\n- [x] a\n- [ ] b\n")
    assert [(c.kind, c.id) for c in cards] == [("basic", "bn-q"), ("explain", "bn-x"), ("mc", "bn-m")]


def test_an_explanation_may_come_before_the_options_and_after_them() -> None:
    mc, explain = read("[mc] Which?\n> first\n- [ ] a\n- [x] b\n> second\n\n"
                       "[explain] Why?\n> first\n- a point\n> second\n")
    assert (mc.explanation, mc.answer) == ("first\nsecond", "b")
    assert (explain.explanation, explain.key_points) == ("first\nsecond", ["a point"])


def test_multiline_card_keeps_its_lines() -> None:
    (card,) = read("Why the biased variance\n  in training?\n?\nThe batch is the population.\n"
                   "    indented text in the answer\n")
    assert card.question == "Why the biased variance\n  in training?"
    assert card.answer == "The batch is the population.\n    indented text in the answer"
    assert card.line == 7


def test_questions_differing_only_in_case_get_distinct_ids() -> None:
    cards = read(r"What does $\vdash$ mean?::Proves" + "\n" + r"What does $\vDash$ mean?::Entails" + "\n")
    assert [c.id for c in cards] == [
        stored_id(r"What does $\vdash$ mean?"), stored_id(r"What does $\vDash$ mean?", case_sensitive=True)]
    again = read("What  is X?::one\n\nwhat is x?::two\n")  # the same question twice, however spaced, is a duplicate
    assert len(again) == 2 and again[1].id == stored_id("what is x?", case_sensitive=True)
    same = parse_deck_text(HEADER + "What is x?::one\n\nWhat  is\nx?\n?\ntwo\n", "bn.md")
    first = stored_id("What is x?")
    assert [str(i) for i in same.issues] == [f"bn.md:9: duplicate card id '{first}' (first used on line 7)"]


def test_multiple_choice_fields() -> None:
    card, after = read("<!-- id: bn-mc -->\n[mc]   Where does BN go?\n- [ ] After softmax\n"
                       "- [X] Before the activation  \n- [ ]   On the labels\n"
                       "> The paper normalizes\n> pre-activations.\n\n\nNext::card\n")
    assert card.kind == "mc" and card.id == "bn-mc" and card.line == 8
    assert card.question == "Where does BN go?"
    assert card.options == [Option("After softmax", False), Option("Before the activation", True),
                            Option("On the labels", False)]
    assert card.answer == "Before the activation"
    assert card.explanation == "The paper normalizes\npre-activations."
    assert card.context == ""
    assert (after.question, after.line) == ("Next", 16)  # two blank lines still end the card


def test_mc_without_explanation_and_its_derived_id() -> None:
    cards = read("[mc] Which?\n- [x] this\n- [ ] that\n- [ ] other\n- [ ] last\n\nNext::card\n")
    assert cards[0].explanation == "" and cards[0].correct_option == 0 and len(cards[0].options) == 4
    assert cards[0].id == stored_id("Which?")
    assert [c.question for c in cards] == ["Which?", "Next"]


def test_explain_card_fields() -> None:
    (card,) = read("[explain]  Why does BN help?\n- higher learning rates\n  without divergence\n"
                   "- a smoother loss\n  - nested detail\n> Mention\n> the debate.\n")
    assert card.kind == "explain" and card.id == stored_id("Why does BN help?") and card.line == 7
    assert card.question == "Why does BN help?"
    assert card.key_points == ["higher learning rates\nwithout divergence", "a smoother loss"]
    assert card.answer == "- higher learning rates\nwithout divergence\n- a smoother loss"
    assert card.explanation == "Mention\nthe debate."


def test_cloze_note_and_its_siblings() -> None:
    cards = read("BN learns ==a scale γ== and ==a shift β==; `a==b` is code.\n\n"
                 "<!-- id: bn-cl -->\nAdam keeps ==two== moving averages.\n")
    masked = "BN learns […] and […]; `a==b` is code."
    assert [(c.id, c.note_id, c.cloze_index, c.answer, c.line) for c in cards] == [
        (stored_id(masked) + "::c1", stored_id(masked), 1, "a scale γ", 7),
        (stored_id(masked) + "::c2", stored_id(masked), 2, "a shift β", 7),
        ("bn-cl::c1", "bn-cl", 1, "two", 10),
    ]
    assert cards[0].question == "BN learns ==a scale γ== and ==a shift β==; `a==b` is code."
    assert {c.kind for c in cards} == {"cloze"}


def test_an_empty_cloze_is_skipped_and_its_siblings_keep_their_numbers() -> None:
    deck = parse_deck_text(HEADER + "A ==  == and ==b==\n", "bn.md")
    assert [(c.cloze_index, c.answer, c.id.rsplit("::", 1)[1]) for c in deck.cards] == [(2, "b", "c2")]
    assert [str(i) for i in deck.issues] == ["bn.md:7: cloze 1 is empty"]


def test_gen_cards() -> None:
    cards = read("[gen] conv_shape   Output   shape of a conv\n\n<!-- id: bn-gen -->\n[gen] fold_bn\n\n[gen]\tpool2\n\n"
                 "[gen] attn_flops Attention FLOPs\n")
    assert [(c.kind, c.id, c.generator, c.question, c.line) for c in cards] == [
        ("gen", stored_id("[gen] conv_shape"), "conv_shape", "Output shape of a conv", 7),
        ("gen", "bn-gen", "fold_bn", "", 10),
        ("gen", stored_id("[gen] pool2"), "pool2", "", 12),
        ("gen", stored_id("[gen] attn_flops"), "attn_flops", "Attention FLOPs", 14),
    ]


def test_imported_notes_read_their_own_cloze_markers() -> None:
    from dlprep.content.notes_cards import parse_notes_text

    markers = cloze.markers_from_names(["highlight", "bold"])
    deck = parse_notes_text("# Terms\n\nA **bold** word and ==hl==.\n\nOnly **bold** here.\n", "notes/terms.md",
                            markers=markers)
    clozes = [c for c in deck.cards if c.kind == "cloze"]
    assert [(c.answer, c.cloze_index, c.question, c.line) for c in clozes] == [
        ("bold", 1, "A ==bold== word and ==hl==.", 3), ("hl", 2, "A ==bold== word and ==hl==.", 3),
        ("bold", 1, "Only ==bold== here.", 5)]
    assert deck.issues == []


@pytest.mark.parametrize("body", ["Just prose.\n", "- a list\n", "> a quote\n", "<!-- a comment -->\n", "# Heading\n",
                                  "```\nQ::A\n```\n", "Prose that mentions [mc] later.\n"])
def test_prose_makes_no_card_and_no_issue(body: str) -> None:
    assert read(body) == []
