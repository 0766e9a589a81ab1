"""Spaced repetition: FSRS scheduling (py-fsrs), study days, the daily queue, leeches and undo."""

from dlprep.srs.service import DeckCounts, StudyItem, StudyService, SyncSummary
from dlprep.srs.settings import StudySettings

__all__ = ["DeckCounts", "StudyItem", "StudyService", "StudySettings", "SyncSummary"]
