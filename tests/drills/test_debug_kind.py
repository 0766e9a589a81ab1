"""The debug drill kind: a drill.yaml with ``bugs`` is listed as kind "debug" and its bug names are validated.

Uses small drill folders written to a temporary directory and the real `dlprep drills --json` command over the
shipped library.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dlprep.drills import DrillError, load_drill

BASE = {
    "id": "toy", "title": "Toy", "section": "Implement DL modules", "difficulty": "easy", "framework": "numpy",
    "kind": "function", "entry": "toy", "tolerance": {"rtol": 1e-6, "atol": 0.0},
    "hints": ["first", "second"], "time_budget_s": 5,
}


def _folder(root: Path, **changes) -> Path:
    folder = root / "toy"
    folder.mkdir()
    (folder / "drill.yaml").write_text(yaml.safe_dump({**BASE, **changes}))
    (folder / "prompt.md").write_text("## Symptom\nIt returns x + 1.\n\nWrite toy(x).")
    (folder / "starter.py").write_text("def toy(x):\n    return x + 1\n")
    (folder / "cases.py").write_text("def cases():\n    return []\n")
    (folder / "mistakes.py").write_text("def plus_one(x):\n    return x + 1\n\n"
                                        "MISTAKES = {'plus_one': (plus_one, 'Off.')}\n")
    return folder


def test_a_drill_with_bugs_is_listed_as_debug(tmp_path: Path) -> None:
    spec = load_drill(_folder(tmp_path, bugs=["plus_one"]), {"Implement DL modules"})
    assert spec.is_debug and spec.bugs == ("plus_one",)
    assert spec.kind == "function"  # how the entry is called does not change
    assert spec.summary()["kind"] == "debug"


def test_a_drill_without_bugs_keeps_its_call_kind(tmp_path: Path) -> None:
    spec = load_drill(_folder(tmp_path), {"Implement DL modules"})
    assert not spec.is_debug and spec.summary()["kind"] == "function"


@pytest.mark.parametrize(("bugs", "text"), [
    ("plus_one", "field 'bugs' must be a list of non-empty strings"),
    (["not a name"], "field 'bugs' entry 'not a name' must name a mistake in mistakes.py"),
    ([""], "field 'bugs' entry 1 must be a non-empty string"),
])
def test_bad_bug_lists_name_the_field(tmp_path: Path, bugs, text: str) -> None:
    with pytest.raises(DrillError, match=text):
        load_drill(_folder(tmp_path, bugs=bugs), {"Implement DL modules"})


def test_dlprep_drills_json_reports_debug_drills(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "dlprep", "--home", str(tmp_path), "drills", "--json"],
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    kinds = {row["id"]: row["kind"] for row in rows}
    assert kinds["debug_causal_mask"] == "debug"
    assert kinds["conv2d"] == "function"
    assert kinds["batchnorm1d_module"] == "class"
    assert sum(kind == "debug" for kind in kinds.values()) >= 8
