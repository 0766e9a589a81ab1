"""Class drills solved in place: correct code that updates its state in place and returns (or exposes) its
own live arrays must pass, because the grader records a copy of every value at the moment it reads it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dlprep.grading import Grader
from dlprep.grading.harness import run_case
from dlprep.paths import drills_dir

pytestmark = pytest.mark.xdist_group("library")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inplace"
CLASS_DRILLS = sorted(p.parent.name for p in drills_dir().glob("*/drill.yaml") if "kind: class" in p.read_text())
IN_PLACE = sorted(p.stem for p in FIXTURES.glob("*.py"))


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("inplace-home")))
        g = Grader()
        g.start()
        yield g
        g.close()


def test_every_class_drill_of_the_issue_has_an_in_place_solution() -> None:
    named = {"adam_optimizer", "batchnorm1d_module", "weight_averaging", "early_stopping", "linear_layer",
             "standard_scaler"}
    assert named <= set(CLASS_DRILLS)
    assert named <= set(IN_PLACE)


@pytest.mark.parametrize("drill_id", IN_PLACE)
def test_in_place_solution_passes(drill_id: str, grader: Grader) -> None:
    result = grader.grade(drill_id, (FIXTURES / f"{drill_id}.py").read_text())
    failures = [f"{t.name}: {t.message}" for t in result.tests if t.status != "pass"]
    assert result.status == "pass", f"{result.message}\n{failures[:1]}"


class _Counter:
    """Returns the same array every call, incremented in place."""

    def __init__(self) -> None:
        self.value = np.zeros(2)

    def bump(self) -> np.ndarray:
        self.value += 1.0
        return self.value


def test_each_step_is_recorded_as_it_was_then() -> None:
    case = {"init": {}, "script": [{"call": "bump"}, {"attr": "value"}, {"call": "bump"}, {"attr": "value"}]}
    recorded = run_case(_Counter, case, "class", "numpy")
    assert [r.tolist() for r in recorded] == [[1.0, 1.0], [1.0, 1.0], [2.0, 2.0], [2.0, 2.0]]


def test_torch_values_are_recorded_as_they_were_then() -> None:
    import torch

    class Running:
        def __init__(self) -> None:
            self.mean = torch.zeros(2, dtype=torch.float64)

        def update(self) -> torch.Tensor:
            self.mean.mul_(0.5).add_(1.0)
            return self.mean

    case = {"init": {}, "script": [{"call": "update"}, {"attr": "mean"}, {"call": "update"}]}
    recorded = run_case(Running, case, "class", "torch")
    assert [r.tolist() for r in recorded] == [[1.0, 1.0], [1.0, 1.0], [1.5, 1.5]]


def test_a_wrong_step_is_reported_with_that_step_s_value(grader: Grader) -> None:
    """A submission whose second step is wrong: the message shows step 1 as it was (right), step 2 wrong."""
    wrong_at_step_2 = "        self.t += 1\n        if self.t == 2:\n            grads = [2 * g for g in grads]\n"
    code = (FIXTURES / "adam_optimizer.py").read_text().replace("        self.t += 1\n", wrong_at_step_2)
    result = grader.grade("adam_optimizer", code)
    assert result.status == "fail"
    case = next(t for t in result.tests if t.name == "one parameter, three steps")
    assert case.status == "fail"
    assert "(step 2, .step() returned)" in case.message, case.message


def test_overwrite_args_scribbles_on_the_callers_arrays_after_the_call() -> None:
    class Keeper:
        def __init__(self, a: np.ndarray) -> None:
            self.kept, self.copied = a, a.copy()

    case = {"init": {"args": [np.array([1.0, 2.0])], "overwrite_args": True},
            "script": [{"attr": "kept"}, {"attr": "copied"}]}
    kept, copied = run_case(Keeper, case, "class", "numpy")
    assert copied.tolist() == [1.0, 2.0]
    assert kept.tolist() == [4.0, 1.0]  # 7 - 3 * a


def test_an_averager_that_keeps_references_fails_where_the_caller_reuses_its_arrays(grader: Grader) -> None:
    code = (FIXTURES / "weight_averaging.py").read_text().replace(
        "[np.array(p, dtype=np.float64, copy=True) for p in params]", "list(params)")
    result = grader.grade("weight_averaging", code)
    failed = {t.name for t in result.tests if t.status != "pass"}
    assert result.status == "fail"
    # every case where the caller reuses its arrays exposes it, except decay 0 (the initial weights never matter)
    assert failed == {"caller reuses its arrays after each call (equal weights)",
                      "caller reuses its arrays after each call (EMA 0.5)",
                      "EMA 0.99 over ten snapshots, two arrays", "equal weights, several arrays"}
