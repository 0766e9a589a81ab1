"""The sections of the notes that cards and drills belong to (``content/sections.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from dlprep.paths import resource_dir


@dataclass(frozen=True)
class Section:
    """One heading of the notes. ``heading`` is the exact text; ``title`` is for display."""

    heading: str
    title: str
    parent: str | None = None

    @property
    def top(self) -> str:
        """The top-level heading this section rolls up to."""
        return self.parent or self.heading


@cache
def all_sections() -> dict[str, Section]:
    """Every known section by exact heading text, in notes order."""
    raw = yaml.safe_load((resource_dir("content") / "sections.yaml").read_text(encoding="utf-8"))
    return {item["heading"]: Section(item["heading"], item["title"], item.get("parent")) for item in raw}


def section_title(heading: str) -> str:
    """Display title for a heading; unknown headings (imported notes) show as written."""
    found = all_sections().get(heading)
    return found.title if found else heading
