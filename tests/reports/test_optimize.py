"""Scheduler fit: metrics checked by hand, predictions against the FSRS formula, and a real fit."""

from __future__ import annotations

import json
import math
import random
from datetime import timedelta

import numpy as np
import pytest
from fsrs import Card, Rating, ReviewLog, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from dlprep.cli import main
from dlprep.paths import database_path
from dlprep.reports import fit_metrics
from dlprep.reports.optimize import NotEnoughReviews, optimize_store, stored_parameters
from dlprep.store import open_store

from .history import add_card, add_review, at


def test_log_loss_by_hand():
    # -(ln 0.8 + ln 0.6) / 2
    assert fit_metrics.log_loss(np.array([0.8, 0.4]), np.array([1, 0])) == pytest.approx(0.366985, abs=1e-6)


def test_auc_by_hand():
    # positives 0.9, 0.3; negatives 0.8, 0.2: 3 of 4 pairs ordered right
    assert fit_metrics.auc(np.array([0.9, 0.8, 0.3, 0.2]), np.array([1, 0, 1, 0])) == 0.75
    assert fit_metrics.auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5
    assert math.isnan(fit_metrics.auc(np.array([0.5, 0.7]), np.array([1, 1])))


def test_rmse_bins_by_hand():
    # bin [0.10, 0.15): mean p 0.13, recall 0.5 (2 reviews); bin [0.90, 0.95): 0.92 vs 1 (1 review)
    got = fit_metrics.rmse_bins(np.array([0.12, 0.14, 0.92]), np.array([0, 1, 1]))
    assert got == pytest.approx(math.sqrt((2 * 0.37**2 + 0.08**2) / 3), abs=1e-9)


def test_predictions_follow_the_fsrs_forgetting_curve():
    t0 = at("2026-01-01T10:00")
    logs = [
        ReviewLog(1, Rating.Good, t0, None),
        ReviewLog(1, Rating.Good, t0 + timedelta(days=10), None),
        ReviewLog(2, Rating.Good, t0, None),
        ReviewLog(2, Rating.Again, t0 + timedelta(hours=2), None),  # same day: not scored
    ]
    p, y = fit_metrics.predictions(DEFAULT_PARAMETERS, logs)
    decay = -0.1542
    factor = 0.9 ** (1 / decay) - 1
    expected = (1 + factor * 10 / 2.3065) ** decay  # stability after a first Good is w[2] = 2.3065 days
    assert list(y) == [1]
    assert p[0] == pytest.approx(expected, rel=1e-9)
    assert len(fit_metrics.predictions(DEFAULT_PARAMETERS, logs, t0 + timedelta(days=11))[0]) == 0


def test_time_split_holds_out_the_most_recent():
    t0 = at("2026-01-01T10:00")
    logs = [ReviewLog(k % 3, Rating.Good, t0 + timedelta(days=k), None) for k in range(10)][::-1]
    train, test, cut = fit_metrics.time_split(logs, 0.2)
    assert [log.review_datetime.day for log in train] == list(range(1, 9))
    assert [log.review_datetime.day for log in test] == [9, 10]
    assert cut == t0 + timedelta(days=8)


def test_not_enough_reviews_says_how_many_are_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    store = open_store(database_path())
    add_card(store, "c", "Dropout", state=2, stability=3, due="2026-03-01T00:00")
    for k in range(100):
        add_review(store, "c", 3, f"2026-01-01T{k // 60:02d}:{k % 60:02d}", 2)
    with pytest.raises(NotEnoughReviews) as err:
        optimize_store(store)
    assert err.value.missing == 412
    store.close()
    assert main(["optimize"]) == 2
    assert "you have 100, 412 more to go" in capsys.readouterr().err


def _simulate(store, true_parameters, cards: int, seed: int) -> int:
    """A learner whose memory follows ``true_parameters``, scheduled by the default scheduler."""
    rng = random.Random(seed)
    truth = Scheduler(parameters=true_parameters, enable_fuzzing=False)
    app = Scheduler(enable_fuzzing=False)
    start = at("2025-01-01T09:00")
    written = 0
    for c in range(cards):
        card_id = f"sim-{c}"
        add_card(store, card_id, "Dropout")
        when = start + timedelta(days=rng.randrange(60), minutes=rng.randrange(600))
        real, shown = Card(card_id=c + 1, due=when), Card(card_id=c + 1, due=when)
        rows = []
        while when < start + timedelta(days=400) and len(rows) < 14:
            recall = truth.get_card_retrievability(real, when) if real.last_review else 0.0
            if real.last_review is None:
                rating = Rating.Good if rng.random() < 0.7 else Rating.Again
            elif rng.random() < recall:
                rating = Rating.Easy if rng.random() < 0.1 else Rating.Good
            else:
                rating = Rating.Again
            rows.append((card_id, int(rating), when.isoformat()))
            real, _ = truth.review_card(real, rating, when)
            shown, _ = app.review_card(shown, rating, when)
            when = max(shown.due, when + timedelta(minutes=1))
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, before, after) "
                "VALUES (?, ?, ?, 5000, '{}', '{}')",
                rows,
            )
        written += len(rows)
    return written


def test_fit_on_a_learner_who_forgets_faster_than_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    store = open_store(tmp_path / "p.db")
    forgetful = list(DEFAULT_PARAMETERS)
    forgetful[0:4] = [0.05, 0.2, 0.4, 2.0]  # initial stabilities (days) far below the defaults
    forgetful[8] = 1.0  # slower stability growth after a successful recall
    written = _simulate(store, forgetful, cards=110, seed=7)
    assert written >= 512
    store.set_setting("fsrs_parameters", json.dumps(list(DEFAULT_PARAMETERS)))
    result = optimize_store(store)
    assert result.train_reviews + result.test_reviews == written
    assert result.test_reviews == pytest.approx(written * 0.2, abs=2)
    assert result.fitted.log_loss < result.default.log_loss
    assert result.current is not None and result.current.log_loss == result.default.log_loss
    assert result.kept
    assert stored_parameters(store) == pytest.approx(result.parameters)
    assert result.parameters[2] < DEFAULT_PARAMETERS[2]  # it learned that Good-rated cards fade faster
    store.close()


def test_reviews_on_the_same_day_do_not_count_toward_the_fit(tmp_path, monkeypatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    store = open_store(tmp_path / "p.db")
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO reviews (card_id, rating, reviewed_at, before, after) VALUES (?, 3, ?, '{}', '{}')",
            [(f"c{k % 300}", (at("2026-01-01T10:00") + timedelta(minutes=k)).isoformat()) for k in range(600)],
        )
    with pytest.raises(NotEnoughReviews) as err:
        optimize_store(store)
    assert err.value.missing == 512
    assert "a day or more after the card's previous one" in str(err.value)
    assert "you have 0, 512 more to go" in str(err.value)
    store.close()
