"""Loading drill folders: every field validated, errors name the file and the field, bad drills are
reported while the rest load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dlprep.drills import DrillError, load_cases, load_drill, load_drills, load_mistakes

GOOD = {
    "id": "toy", "title": "Toy", "section": "Implement DL modules", "difficulty": "easy", "framework": "numpy",
    "kind": "function", "entry": "toy", "tolerance": {"rtol": 1e-6, "atol": 0.0}, "banned": ["numpy.sum"],
    "hints": ["first", "second"], "time_budget_s": 5,
}
SECTIONS = {"Implement DL modules"}


def make(root: Path, name: str = "toy", **changes) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    data = {**GOOD, "id": name, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    (folder / "drill.yaml").write_text(yaml.safe_dump(data))
    (folder / "prompt.md").write_text("Write toy(x).")
    (folder / "starter.py").write_text("def toy(x):\n    raise NotImplementedError\n")
    (folder / "cases.py").write_text("import numpy as np\n\ndef cases():\n"
                                     "    return [{'name': 'a', 'args': [np.ones(2)], 'kwargs': {}}]\n")
    (folder / "mistakes.py").write_text("def wrong(x):\n    return x\n\nMISTAKES = {'wrong': (wrong, 'Wrong.')}\n")
    return folder


def test_a_good_drill_loads(tmp_path: Path) -> None:
    spec = load_drill(make(tmp_path), SECTIONS)
    assert (spec.id, spec.entry, spec.rtol, spec.atol, spec.hints) == ("toy", "toy", 1e-6, 0.0, ("first", "second"))
    assert spec.prompt == "Write toy(x)."
    assert spec.summary() == {"id": "toy", "title": "Toy", "section": "Implement DL modules",
                              "framework": "numpy", "difficulty": "easy", "kind": "function"}
    assert load_cases(spec)[0]["name"] == "a"
    assert list(load_mistakes(spec)) == ["wrong"]


@pytest.mark.parametrize(("changes", "text"), [
    ({"id": "other"}, "field 'id' is 'other' but the folder is 'toy'"),
    ({"title": ""}, "field 'title' must be a non-empty string"),
    ({"section": "Nowhere"}, "field 'section' 'Nowhere' is not a heading"),
    ({"difficulty": "brutal"}, "field 'difficulty' must be one of easy, medium, hard"),
    ({"framework": "jax"}, "field 'framework' must be one of numpy, torch"),
    ({"kind": "script"}, "field 'kind' must be one of function, class"),
    ({"entry": "not valid"}, "field 'entry' must be a Python identifier"),
    ({"tolerance": {"rtol": "small"}}, "field 'tolerance.rtol' must be a number"),
    ({"tolerance": [1, 2]}, "field 'tolerance' must be a mapping"),
    ({"banned": ["torch nn"]}, "field 'banned' entry 'torch nn' is not a dotted name"),
    ({"hints": ["only one"]}, "field 'hints' needs at least 2 entries"),
    ({"hints": [{"Clamp": "it"}, "b"]}, "field 'hints' entry 1 parsed as a mapping; quote it"),
    ({"time_budget_s": 0}, "field 'time_budget_s' must be positive"),
    ({"time_budget_s": None}, "field 'time_budget_s' must be a number"),
    ({"colour": "red"}, "unknown field 'colour'"),
])
def test_each_bad_field_is_named(tmp_path: Path, changes: dict, text: str) -> None:
    with pytest.raises(DrillError) as err:
        load_drill(make(tmp_path, **changes), SECTIONS)
    assert str(err.value).startswith("drills/toy/drill.yaml: ")
    assert text in str(err.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "drill.yaml").write_text("id: toy\ntitle: [unclosed\n")
    with pytest.raises(DrillError, match=r"drills/toy/drill.yaml: invalid YAML at line \d"):
        load_drill(folder, SECTIONS)


def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "mistakes.py").unlink()
    with pytest.raises(DrillError, match="drills/toy/mistakes.py: file is missing"):
        load_drill(folder, SECTIONS)


@pytest.mark.parametrize(("source", "text"), [
    ("def cases():\n    return []\n", "must return a non-empty list"),
    ("def cases():\n    return [{'args': []}]\n", "case 0 needs a non-empty 'name'"),
    ("def cases():\n    return [{'name': 'a'}, {'name': 'a'}]\n", "duplicate name 'a'"),
    ("def cases():\n    return [{'name': 'a', 'args': [object()]}]\n", "unsupported value of type object"),
    ("import numpy as np\ndef cases():\n    return [{'name': 'a', 'args': [np.array([None])]}]\n",
     "plain numeric or bool ndarrays"),
    ("def cases():\n    return [{'name': 'a', 'argz': []}]\n", "unknown key 'argz'"),
    ("def cases():\n    raise ValueError('boom')\n", "cases() raised ValueError: boom"),
    ("x = 1 / 0\n", "importing it raised ZeroDivisionError"),
])
def test_bad_cases_are_named(tmp_path: Path, source: str, text: str) -> None:
    folder = make(tmp_path)
    (folder / "cases.py").write_text(source)
    with pytest.raises(DrillError) as err:
        load_cases(load_drill(folder, SECTIONS))
    assert str(err.value).startswith("drills/toy/cases.py: ")
    assert text in str(err.value)


def test_class_scripts_are_validated(tmp_path: Path) -> None:
    folder = make(tmp_path, kind="class", entry="Toy")
    (folder / "cases.py").write_text("def cases():\n    return [{'name': 'a', 'init': {}, 'script': [{'go': 1}]}]\n")
    with pytest.raises(DrillError, match="step 0: must be"):
        load_cases(load_drill(folder, SECTIONS))


def test_bad_mistakes_are_named(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "mistakes.py").write_text("MISTAKES = {'x': (1, 'not callable')}\n")
    with pytest.raises(DrillError, match=r"mistakes.py: MISTAKES\['x'\] must be \(callable, non-empty sentence\)"):
        load_mistakes(load_drill(folder, SECTIONS))


def test_bad_drills_are_reported_and_the_rest_load(tmp_path: Path) -> None:
    make(tmp_path, "alpha")
    make(tmp_path, "beta", difficulty="impossible")
    make(tmp_path, "gamma")
    drills, errors = load_drills(tmp_path)
    assert [d.id for d in drills] == ["alpha", "gamma"]
    assert len(errors) == 1 and errors[0].startswith("drills/beta/drill.yaml: field 'difficulty'")
