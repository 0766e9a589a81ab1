"""The drill library's quality bar, checked for every drill folder found in drills/.

All grading goes through ONE warm worker shared by the module, so the whole library stays fast; the
module is kept on one xdist worker (``--dist loadgroup``).
"""

from __future__ import annotations

import copy
import inspect
import re
from pathlib import Path

import numpy as np
import pytest

from dlprep.drills import load_cases, load_drill, load_mistakes, load_oracle, load_reference, reference_source
from dlprep.grading import Grader
from dlprep.grading.compare import compare_outputs
from dlprep.grading.harness import run_case
from dlprep.paths import drills_dir
from dlprep.sections import all_sections

pytestmark = pytest.mark.xdist_group("library")

DRILL_IDS = sorted(p.name for p in drills_dir().iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
ORACLE_RTOL, ORACLE_ATOL = 1e-7, 1e-9


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("library-home")))
        g = Grader()
        g.start()
        yield g
        g.close()


def _spec(drill_id: str):
    return load_drill(drills_dir() / drill_id, set(all_sections()))


def _is_debug(drill_id: str) -> bool:
    try:
        return _spec(drill_id).is_debug
    except Exception:  # noqa: BLE001 - a broken drill is reported by test_drill_loads
        return False


DEBUG_IDS = [d for d in DRILL_IDS if _is_debug(d)]
BUILD_IDS = [d for d in DRILL_IDS if d not in DEBUG_IDS]
MIN_DRILLS, MIN_DEBUG_DRILLS = 80, 8


def _size(value) -> int:
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, list | tuple):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 0


def _case_size(case: dict) -> int:
    if "script" in case:
        return _size(case.get("init", {})) + sum(_size(step) for step in case["script"])
    return _size(case.get("args", [])) + _size(case.get("kwargs", {}))


def _parameters(spec, reference) -> list[str]:
    """Parameters a person must know: the function's, or the class's __init__ and public methods'."""
    if spec.kind == "function":
        targets = [reference]
    else:
        targets = [reference.__init__] + [
            member for name, member in vars(reference).items() if callable(member) and not name.startswith("_")
        ]
    names: list[str] = []
    for target in targets:
        try:
            params = inspect.signature(target).parameters.values()
        except (TypeError, ValueError):
            continue
        names += [p.name for p in params if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return names


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_drill_loads(drill_id: str) -> None:
    spec = _spec(drill_id)
    assert load_cases(spec)
    assert load_reference(spec)
    assert spec.section in all_sections()


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_hints_and_mistakes(drill_id: str) -> None:
    spec = _spec(drill_id)
    assert len(spec.hints) >= 2
    assert len(load_mistakes(spec)) >= 2


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_reference_passes_in_the_sandbox(drill_id: str, grader: Grader) -> None:
    result = grader.grade(drill_id, reference_source(drill_id))
    assert result.status == "pass", f"{result.message}\n{[t.message for t in result.tests if t.status != 'pass'][:1]}"
    assert result.warnings == [], result.warnings


@pytest.mark.parametrize("drill_id", BUILD_IDS)
def test_starter_is_cleanly_not_implemented(drill_id: str, grader: Grader) -> None:
    spec = _spec(drill_id)
    result = grader.grade(drill_id, spec.starter)
    assert result.status == "error"
    assert "not implemented" in result.message, result.message


@pytest.mark.parametrize("drill_id", DEBUG_IDS)
def test_debug_starter_runs_fails_and_is_diagnosed_as_its_listed_bug(drill_id: str, grader: Grader) -> None:
    """A debugging drill's starter is plausible code that runs: it must fail (not error, not pass), and the
    diagnosis must name one of the bugs drill.yaml lists, each of which is a mistake in mistakes.py."""
    spec = _spec(drill_id)
    assert set(spec.bugs) <= set(load_mistakes(spec)), f"bugs {spec.bugs} not all in mistakes.py"
    assert "NotImplementedError" not in spec.starter
    result = grader.grade(drill_id, spec.starter)
    assert result.status == "fail", f"{result.status}: {result.message}"
    assert result.mistake in spec.bugs, f"starter diagnosed as {result.mistake}, expected one of {spec.bugs}"


@pytest.mark.parametrize("drill_id", DEBUG_IDS)
def test_debug_prompt_states_the_observed_symptom(drill_id: str) -> None:
    prompt = _spec(drill_id).prompt
    assert re.search(r"^## Symptom\s*$", prompt, re.MULTILINE), "a debugging prompt has a '## Symptom' section"


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_each_mistake_fails_and_is_diagnosed_as_itself(drill_id: str, grader: Grader) -> None:
    spec = _spec(drill_id)
    prepared = grader.prepared(drill_id)
    source = (spec.path / "mistakes.py").read_text()
    for name, (mistake, _sentence) in load_mistakes(spec).items():
        differs = False
        for case, expected in zip(prepared.cases, prepared.expected, strict=True):
            try:
                got = run_case(mistake, copy.deepcopy(case), spec.kind, spec.framework)
            except Exception:  # noqa: BLE001 - raising also differs from the reference
                differs = True
                break
            if compare_outputs(expected, got, spec.rtol, spec.atol) is not None:
                differs = True
                break
        assert differs, f"mistake {name} agrees with the reference on every case"
        result = grader.grade(drill_id, f"{source}\n\n{spec.entry} = MISTAKES[{name!r}][0]\n")
        assert result.status == "fail", f"mistake {name}: {result.status} {result.message}"
        assert result.mistake == name, f"mistake {name} was diagnosed as {result.mistake}"


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_prompt_names_every_parameter(drill_id: str) -> None:
    spec = _spec(drill_id)
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", spec.prompt))
    missing = [p for p in _parameters(spec, load_reference(spec)) if p not in words]
    assert not missing, f"prompt.md does not mention {missing}"


@pytest.mark.parametrize("drill_id", DRILL_IDS)
def test_cases_grow_from_small_to_large(drill_id: str) -> None:
    cases = load_cases(_spec(drill_id))
    assert _case_size(cases[0]) <= _case_size(cases[-1])


@pytest.mark.parametrize("drill_id", [d for d in DRILL_IDS if (drills_dir() / d / "oracle.py").exists()])
def test_reference_agrees_with_the_oracle(drill_id: str) -> None:
    spec = _spec(drill_id)
    oracle = load_oracle(spec)
    reference = load_reference(spec)
    for case in load_cases(spec):
        expected = run_case(reference, copy.deepcopy(case), spec.kind, spec.framework)
        got = run_case(oracle, copy.deepcopy(case), spec.kind, "numpy")
        mismatch = compare_outputs(got, expected, ORACLE_RTOL, ORACLE_ATOL)
        assert mismatch is None, f"case {case['name']!r}: reference vs oracle: {mismatch.message}"


def test_the_library_is_not_empty() -> None:
    assert len(DRILL_IDS) >= MIN_DRILLS, len(DRILL_IDS)
    assert len(DEBUG_IDS) >= MIN_DEBUG_DRILLS, DEBUG_IDS
    assert Path(drills_dir() / "conv2d" / "drill.yaml").is_file()
