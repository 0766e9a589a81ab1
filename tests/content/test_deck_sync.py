"""Start-up deck sync re-parses only the files that changed, with the same result as a full parse."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlprep.content import loader, parser
from dlprep.services import open_services


def _write(folder: Path, name: str, deck: str, cards: dict[str, str], *, bump: int = 0) -> Path:
    body = "\n".join(f"<!-- id: {cid} -->\n{q}?::Answer to {q}\n" for cid, q in cards.items())
    path = folder / name
    path.write_text(f"---\ndeck: {deck}\nsection: Attention\n---\n\n{body}", encoding="utf-8")
    if bump:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + bump))
    return path


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    names: list[str] = []
    real = parser.parse_deck  # the loader imports it when a file is to be parsed

    def counting(path):
        names.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(parser, "parse_deck", counting)
    return names


def _start(home: Path, folder: Path):
    services = open_services(home, folder)
    rows = services.store.query("SELECT id, deck, retired, data FROM cards ORDER BY id")
    issues = [str(i) for i in services.deck_issues]
    services.close()
    return {r["id"]: (r["deck"], r["retired"]) for r in rows}, issues, rows


def test_only_changed_files_are_parsed(tmp_path, parsed) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    _write(folder, "a.md", "A", {"a1": "Qa1", "a2": "Qa2"})
    _write(folder, "b.md", "B", {"b1": "Qb1"})
    _write(folder, "c.md", "C", {"c1": "Qc1"})
    cards, _, _ = _start(tmp_path / "home", folder)
    assert sorted(parsed) == ["a.md", "b.md", "c.md"] and len(cards) == 4
    parsed.clear()
    _start(tmp_path / "home", folder)
    assert parsed == []  # nothing changed: nothing parsed
    _write(folder, "a.md", "A", {"a1": "Qa1 edited", "a3": "Qa3"}, bump=10**9)
    (folder / "c.md").unlink()
    _write(folder, "d.md", "D", {"d1": "Qd1"})
    cards, _, rows = _start(tmp_path / "home", folder)
    assert sorted(parsed) == ["a.md", "d.md"]
    assert cards == {"a1": ("A", 0), "a2": ("A", 1), "a3": ("A", 0), "b1": ("B", 0), "c1": ("C", 1), "d1": ("D", 0)}
    assert "Qa1 edited" in next(r["data"] for r in rows if r["id"] == "a1")


def test_an_id_taken_by_an_untouched_file_is_reported_and_skipped(tmp_path, parsed) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    _write(folder, "a.md", "A", {"a1": "Qa1"})
    _write(folder, "b.md", "B", {"b1": "Qb1"})
    _start(tmp_path / "home", folder)
    _write(folder, "b.md", "B", {"b1": "Qb1", "a1": "Stolen"}, bump=10**9)
    cards, issues, rows = _start(tmp_path / "home", folder)
    assert cards == {"a1": ("A", 0), "b1": ("B", 0)}
    assert "Stolen" not in next(r["data"] for r in rows if r["id"] == "a1")
    assert any("b.md:" in i and "card id 'a1' is already used in a.md:" in i for i in issues)
    # the same as a full parse reports
    _, full = loader.load_decks(folder)
    assert [str(i) for i in full] == issues


def test_files_sharing_a_deck_name_are_parsed_together(tmp_path, parsed) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    _write(folder, "one.md", "Shared", {"s1": "Qs1"})
    _write(folder, "two.md", "Shared", {"s2": "Qs2"})
    _write(folder, "other.md", "Other", {"o1": "Qo1"})
    _start(tmp_path / "home", folder)
    parsed.clear()
    _write(folder, "one.md", "Shared", {"s1": "Qs1 edited"}, bump=10**9)
    cards, _, _ = _start(tmp_path / "home", folder)
    assert sorted(parsed) == ["one.md", "two.md"]
    assert cards == {"o1": ("Other", 0), "s1": ("Shared", 0), "s2": ("Shared", 0)}


def test_problems_in_untouched_files_are_still_reported(tmp_path, parsed) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "bad.md").write_text("no front matter\n", encoding="utf-8")
    _write(folder, "a.md", "A", {"a1": "Qa1"})
    _, first, _ = _start(tmp_path / "home", folder)
    _write(folder, "a.md", "A", {"a1": "Qa1", "a2": "Qa2"}, bump=10**9)
    _, second, _ = _start(tmp_path / "home", folder)
    assert first == second and any("bad.md:1" in i for i in first)
