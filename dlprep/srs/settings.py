"""Study settings: one object, loaded once from the store's ``settings`` table, read everywhere.

The defaults below are the single source of truth: the reports read the day-start hour from here too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from dlprep.store import Store

DEFAULT_DAY_START_HOUR = 4  # local hour at which a study day starts (Anki's default)
DEFAULT_LEECH_LAPSES = 8  # lapses that make a card a leech (suspended and tagged)
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200


@dataclass
class StudySettings:
    """Scheduling knobs. Hours are local wall-clock hours; limits count cards per study day."""

    day_start_hour: int = DEFAULT_DAY_START_HOUR
    new_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY
    leech_lapses: int = DEFAULT_LEECH_LAPSES
    desired_retention: float = 0.9
    learning_steps_min: list[float] = field(default_factory=lambda: [1.0, 10.0])
    relearning_steps_min: list[float] = field(default_factory=lambda: [10.0])
    learn_ahead_min: float = 20.0
    fuzz: bool = True  # spread review intervals a little (deterministic per card and review, see srs.fuzz)
    fsrs_parameters: list[float] | None = None

    @classmethod
    def load(cls, store: Store) -> StudySettings:
        """Read every known key from the store; unknown or malformed values fall back to defaults."""
        settings = cls()
        for f in fields(cls):
            raw = store.get_setting(f.name)
            if raw is None:
                continue
            try:
                setattr(settings, f.name, json.loads(raw))
            except (ValueError, TypeError):
                continue
        return settings

    def save(self, store: Store) -> None:
        for key, value in asdict(self).items():
            store.set_setting(key, json.dumps(value))
