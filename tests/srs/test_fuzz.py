"""The fuzz draw: uniform over cards, fixed per card and review, different from one review to the next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dlprep.srs.fuzz import fuzz_draw, fuzz_range, fuzzed_days


def test_the_draw_is_uniform_over_cards() -> None:
    draws = [fuzz_draw(f"card-{k}", None) for k in range(4000)]
    assert all(0.0 <= d < 1.0 for d in draws)
    assert min(draws) < 0.002 and max(draws) > 0.998
    assert abs(sum(draws) / len(draws) - 0.5) < 0.02
    assert abs(sum(d < 0.25 for d in draws) / len(draws) - 0.25) < 0.03


def test_the_draw_is_fixed_per_card_and_review_and_changes_with_the_review() -> None:
    first = datetime(2026, 3, 2, 12, tzinfo=UTC)
    assert fuzz_draw("c1", first) == fuzz_draw("c1", first)
    later = [fuzz_draw("c1", first + timedelta(days=k)) for k in range(50)]
    assert len(set(later)) == 50
    assert fuzz_draw("c1", None) not in later
    assert abs(sum(later) / len(later) - 0.5) < 0.15


def test_fuzzed_days_spread_an_interval_over_its_range() -> None:
    assert fuzzed_days(2, 0.99, 36500) == 2  # under 2.5 days: kept
    assert fuzz_range(30, 36500) == (27, 33)
    assert [fuzzed_days(30, draw, 36500) for draw in (0.0, 0.45, 0.85)] == [27, 30, 33]  # draw x 7 + 27, rounded
