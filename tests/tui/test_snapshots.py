"""SVG snapshots of the main screens at 80x24 (the smallest size the app supports)."""

from __future__ import annotations


def test_dashboard_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_review_question_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["r"])


def test_review_answer_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["r", "space"])


def test_multiple_choice_answered_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["r", "space", "4", "a"])


def test_help_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["question_mark"])
