"""The command line as a person runs it: real processes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def dlprep(*args: str, home: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DLPREP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "dlprep", *args], capture_output=True, text=True, env=env, timeout=120, **kwargs
    )


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = dlprep("--help", home=tmp_path)
    assert result.returncode == 0
    for name in ("decks", "tui"):
        assert name in result.stdout


def test_decks_json_counts_every_builtin_deck(tmp_path: Path) -> None:
    result = dlprep("decks", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(set(r) == {"deck", "section", "source", "cards", "kinds"} for r in rows)
    assert all(r["cards"] == sum(r["kinds"].values()) for r in rows)
    deck_files = list((Path(__file__).parents[1] / "content" / "decks").glob("*.md"))
    assert len([r for r in rows if r["source"] != "imported"]) == len(deck_files)


def test_database_that_is_not_sqlite_gets_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.db").write_text("not a database\n" * 200)
    result = dlprep("--home", str(home), "decks", home=tmp_path / "other")
    # decks reads imported decks from the database, so the bad file is reported there
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.returncode == 2
    assert len(lines) == 1 and "progress.db" in lines[0] and "not a database" in lines[0]
    assert "Traceback" not in result.stderr
    assert (home / "progress.db").read_text().startswith("not a database")


def test_app_refuses_a_bad_database_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "progress.db").write_text("garbage " * 500)
    result = dlprep(home=tmp_path, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "progress.db" in result.stderr and "--home" in result.stderr


def piped(command: str, home: Path) -> subprocess.CompletedProcess:
    """Run ``command`` through a shell pipe that closes early, as `| head` or `| true` do."""
    env = {**os.environ, "DLPREP_HOME": str(home)}
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=120)


def test_a_pipe_closed_early_never_shows_a_traceback(tmp_path: Path) -> None:
    run = f"{sys.executable} -m dlprep"
    # `true` exits at once, so every write (or the final flush) meets a closed pipe.
    for command in (f"{run} report | true", f"{run} decks | head -n 1 >/dev/null", f"{run} doctor | true",
                    f"{run} report --json | head -c 300 >/dev/null", f"{run} drills | true",
                    f"{run} decks --json | true"):
        result = piped(f"set -o pipefail; {command}; echo \"rc=${{PIPESTATUS[0]}}\" >&2", tmp_path)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "BrokenPipeError" not in result.stderr, (command, result.stderr)
        assert "Exception ignored" not in result.stderr, (command, result.stderr)


CARD_FIELDS = {"id", "deck", "kind", "question", "answer", "source", "file", "line", "state", "due", "lapses",
               "suspended", "leech"}


def test_cards_json_lines_list_every_builtin_card_with_its_place(tmp_path: Path) -> None:
    decks = json.loads(dlprep("decks", "--json", home=tmp_path).stdout)
    result = dlprep("cards", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == sum(d["cards"] for d in decks)
    assert all(set(r) == CARD_FIELDS for r in rows)
    assert {r["source"] for r in rows} <= {"notes", "beyond-notes", "imported"}
    first = rows[0]
    lines = Path(first["file"]).read_text(encoding="utf-8").splitlines()
    assert first["state"] == "new" and first["due"] is None
    assert first["question"].split()[0] in lines[first["line"] - 1] or "==" in first["question"]
    one = dlprep("cards", "--deck", first["deck"], "--json", home=tmp_path)
    assert {json.loads(line)["deck"] for line in one.stdout.splitlines()} == {first["deck"]}


def test_cards_for_an_unknown_deck_is_one_line(tmp_path: Path) -> None:
    result = dlprep("cards", "--deck", "No such deck", home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "No such deck" in result.stderr
