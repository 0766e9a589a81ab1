"""``dlprep answer`` as a learner runs it: a file or stdin in, key points marked out, the card not rated."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CARD = "attention-layer-norm-why"


def dlprep(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, DLPREP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "dlprep", *args], input=stdin.encode("utf-8"), env=env,
                          capture_output=True, timeout=120)


def test_json_report_for_an_answer_on_stdin(tmp_path: Path) -> None:
    answer = ("Layer norm normalizes each token over its own features, so it does not depend on the batch. "
              "Sequences have different lengths, so batch statistics would mix in padding.")
    done = dlprep(tmp_path, "answer", CARD, "--json", stdin=answer)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["card"] == CARD
    assert [p["covered"] for p in report["key_points"]] == [True, True, False, False]
    assert report["coverage"] == 0.5 and report["suggested_rating"] == 2
    assert "padding" in report["key_points"][1]["evidence"]
    assert not (tmp_path / "progress.db").exists()  # checking an answer rates nothing


def test_answer_from_a_file_in_words(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("I don't know.", encoding="utf-8")
    done = dlprep(tmp_path, "answer", CARD, str(path))
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "0 of 4 key points look covered; suggested rating: Again" in out


def test_unknown_card_and_non_explain_card_get_one_line_errors(tmp_path: Path) -> None:
    done = dlprep(tmp_path, "answer", "no-such-card")
    assert done.returncode == 2 and done.stderr.decode().strip() == (
        "dlprep: no card with id 'no-such-card' (`dlprep decks` lists the decks)")
    done = dlprep(tmp_path, "answer", "attention-pre-post-ln", stdin="x")
    assert done.returncode == 2 and "only explain cards" in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_a_huge_or_binary_answer_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    done = dlprep(tmp_path, "answer", CARD, stdin="x" * 1_100_000)
    assert done.returncode == 2 and "over 1,000,000 bytes" in done.stderr.decode()
    env = dict(os.environ, DLPREP_HOME=str(tmp_path))
    binary = subprocess.run([sys.executable, "-m", "dlprep", "answer", CARD, "--json"], input=b"\xff\xfe\x00\x9c" * 100,
                            env=env, capture_output=True, timeout=120)
    assert binary.returncode == 0 and json.loads(binary.stdout)["coverage"] == 0.0
