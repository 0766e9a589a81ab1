"""content/sections.yaml lists exactly the headings of the notes the content is written from."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from dlprep.sections import all_sections

NOTES = Path(__file__).resolve().parents[2] / "shared" / "notes" / "dl-notes.md"


def test_sections_match_the_notes_headings() -> None:
    if not NOTES.exists():
        pytest.skip(f"the notes are not beside this checkout ({NOTES})")
    tokens = MarkdownIt("commonmark").parse(NOTES.read_text(encoding="utf-8"))
    headings = []
    top = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h1", "h2"):
            text = tokens[i + 1].content.strip()
            if token.tag == "h1":
                top = text
                headings.append((text, None))
            else:
                headings.append((text, top))
    listed = [(s.heading, s.parent) for s in all_sections().values()]
    assert listed == headings


def test_every_section_has_a_title() -> None:
    assert all(s.title.strip() for s in all_sections().values())
