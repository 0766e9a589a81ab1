"""The scale benchmark's bulk writer writes exactly what ``rate()`` writes one committed rating at a time."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

from dlprep.services import open_services
from dlprep.srs import StudyService
from dlprep.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _scale():
    spec = importlib.util.spec_from_file_location("scale_benchmark", ROOT / "benchmarks" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tables(path: Path) -> tuple[list, list]:
    store = open_store(path)
    try:
        cards = store.query("SELECT id, deck, kind, note_id, fsrs, state, due, lapses, suspended, buried_until, tags "
                            "FROM cards ORDER BY id")
        reviews = store.query("SELECT * FROM reviews ORDER BY id")
    finally:
        store.close()
    return cards, reviews


def test_batched_ratings_equal_one_committed_rating_at_a_time(tmp_path: Path) -> None:
    scale = _scale()
    end = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    homes = {}
    for name in ("plain", "batched"):
        home = homes[name] = tmp_path / name
        scale.write_decks(home / "decks", 900)  # the built-in decks and one renamed copy
        open_services(home, home / "decks").close()
        path = home / "progress.db"
        store = open_store(path) if name == "plain" else scale.batch_store(path)
        scale.write_reviews(StudyService(store), 600, end, commit_every=97)
        store.close()
    plain_cards, plain_reviews = _tables(homes["plain"] / "progress.db")
    batched_cards, batched_reviews = _tables(homes["batched"] / "progress.db")
    assert len(plain_reviews) == 600
    assert len({r["card_id"] for r in plain_reviews}) > 300
    assert any(r["after"].count("buried_siblings") and '"buried_siblings": {}' not in r["after"]
               for r in plain_reviews)  # cloze siblings were buried along the way
    assert batched_reviews == plain_reviews
    assert batched_cards == plain_cards
