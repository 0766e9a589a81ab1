"""Study settings: one object, loaded once from the store's ``settings`` table, read everywhere."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from dlprep.store import Store


@dataclass
class StudySettings:
    """Scheduling knobs. Hours are local wall-clock hours; limits count cards per study day."""

    day_start_hour: int = 4
    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_lapses: int = 8
    desired_retention: float = 0.9
    learning_steps_min: list[float] = field(default_factory=lambda: [1.0, 10.0])
    relearning_steps_min: list[float] = field(default_factory=lambda: [10.0])
    learn_ahead_min: float = 20.0
    fuzz: bool = True
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
