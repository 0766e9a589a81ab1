"""Structural diagnoses: each pattern on hand-made arrays, on mutants of real references, and in verdicts."""

from __future__ import annotations

import numpy as np
import pytest

from dlprep.grading import structural
from dlprep.grading.structural import Tolerance

TOL = Tolerance(1e-6, 1e-9)
RNG = np.random.default_rng(0)


def _one(expected: np.ndarray, got: np.ndarray, case: dict | None = None) -> str | None:
    return structural.diagnose([case or {"name": "c", "args": []}], [0], [[expected]], [[got]], None, 1e-7, 1e-10)


def test_a_factor_of_one_over_n_is_named_as_a_mean_where_a_sum_belongs() -> None:
    e = RNG.standard_normal((4, 3))
    text = _one(e, e / 4)
    assert text.startswith("looks like got = expected / 4 everywhere: a mean where a sum belongs")


def test_a_factor_of_n_and_an_odd_factor() -> None:
    e = RNG.standard_normal(5)
    assert _one(e, 3 * e).startswith("looks like got = 3 x expected everywhere")
    assert "got = 0.7071 x expected" in _one(e, e / np.sqrt(2))


def test_a_reversed_sign() -> None:
    e = RNG.standard_normal((2, 3))
    assert "sign is reversed" in _one(e, -e)


def test_a_transpose_of_a_square_matrix_and_a_permutation_of_axes() -> None:
    e = RNG.standard_normal((3, 3))
    assert _one(e, e.T).startswith("looks like a transpose")
    e4 = RNG.standard_normal((2, 3, 4, 5))
    text = _one(e4, e4.transpose(0, 2, 3, 1))
    assert text.startswith("looks like the axes are in another order")


def test_a_flip_along_one_axis_and_a_rotated_kernel() -> None:
    e = RNG.standard_normal((2, 5))
    assert "reversed along axis 1" in _one(e, e[:, ::-1])
    e4 = RNG.standard_normal((1, 2, 4, 4))
    assert "reversed along axes (2, 3)" in _one(e4, e4[:, :, ::-1, ::-1])


def test_an_off_by_one_shift() -> None:
    e = RNG.standard_normal(8)
    got = np.concatenate([[0.0], e[:-1]])
    assert "off-by-one: along axis 0, your values appear one position later" in _one(e, got)


def test_a_wrong_border() -> None:
    e = RNG.standard_normal((1, 1, 6, 6))
    got = e.copy()
    got[..., 0, :] += 1.0
    got[..., :, -1] -= 2.0
    assert _one(e, got).startswith("looks like a padding problem: the values inside agree and only the outer 1")


def test_a_mask_not_applied_and_an_input_mask() -> None:
    e = RNG.standard_normal((4, 4))
    e[e < 0] = 0.0
    got = np.where(e == 0, 0.3, e)
    assert _one(e, got).startswith("looks like a mask not applied")
    mask = RNG.random((4, 4)) < 0.5
    e2 = RNG.standard_normal((4, 4))
    got2 = np.where(mask, e2 + 1.0, e2)
    text = _one(e2, got2, {"name": "c", "args": [e2, mask], "kwargs": {}})
    assert "except where `argument 2` is True" in text


def test_only_the_first_items_of_a_batch() -> None:
    e = RNG.standard_normal((5, 3))
    got = e.copy()
    got[2:] = RNG.standard_normal((3, 3))
    assert "only the first 2 items of the batch are right (2 of 5)" in _one(e, got)


def test_nan_from_a_large_case_on_names_the_case_and_the_magnitude() -> None:
    cases = [{"name": "small", "args": [np.ones(3)]}, {"name": "huge logits", "args": [np.full(3, 800.0)]}]
    text = structural.diagnose(cases, [1], [[np.ones(3)], [np.full(3, 1 / 3)]], [[np.full(3, np.nan)]], None,
                               1e-7, 1e-10)
    assert text.startswith("looks like a numerical-stability problem")
    assert "'huge logits', whose inputs reach |x| = 800 (the cases that pass stay below 1)" in text


def test_a_class_drill_right_at_step_one_and_drifting_after() -> None:
    exp = [np.array([1.0, 2.0]), np.array([1.5, 2.5]), np.array([1.8, 2.9])]
    got = [np.array([1.0, 2.0]), np.array([1.4, 2.5]), np.array([1.6, 2.7])]
    labels = [["step 1, .step() returned", "step 2, .step() returned", "step 3, .step() returned"]]
    text = structural.diagnose([{"name": "c", "init": {}, "script": []}], [0], [exp], [got], labels, 1e-7, 1e-10)
    assert text.startswith("looks like the state is updated wrongly between calls")
    wrong_first = [np.array([0.0, 2.0])] + got[1:]
    assert "state is updated wrongly" not in (structural.diagnose(
        [{"name": "c", "init": {}, "script": []}], [0], [exp], [wrong_first], labels, 1e-7, 1e-10) or "")


@pytest.mark.parametrize("noise", [RNG.standard_normal((4, 4)), np.zeros((4, 4)) + 5.0])
def test_unrelated_numbers_get_no_diagnosis(noise: np.ndarray) -> None:
    e = RNG.standard_normal((4, 4))
    assert _one(e, noise) is None


# ---------------------------------------------------------------- on mutants of real references


def _diagnose_mutant(drill_id: str, old: str, new: str) -> str | None:
    """Run the reference and a one-edit mutant of it on the drill's cases; diagnose the failed ones."""
    import copy

    from dlprep.drills import get_drill, load_cases, load_reference, reference_source
    from dlprep.grading.compare import compare_outputs
    from dlprep.grading.harness import run_case

    spec = get_drill(drill_id)
    source = reference_source(drill_id)
    assert old in source
    namespace: dict = {}
    exec(compile(source.replace(old, new, 1), "mutant.py", "exec"), namespace)
    mutant, reference = namespace[spec.entry], load_reference(spec)
    cases = load_cases(spec)
    expected, labels, failed, got = [], [], [], []
    with np.errstate(all="ignore"):
        for i, case in enumerate(cases):
            labels.append([])
            expected.append(run_case(reference, copy.deepcopy(case), spec.kind, spec.framework, labels[-1]))
            out = run_case(mutant, copy.deepcopy(case), spec.kind, spec.framework)
            if compare_outputs(expected[-1], out, spec.rtol, spec.atol) is not None:
                failed.append(i)
                got.append(out)
    assert failed, "the mutant passes every case"
    import inspect

    names = list(inspect.signature(reference).parameters) if spec.kind == "function" else []
    return structural.diagnose(cases, failed, expected, got, labels, spec.rtol, spec.atol, names)


def test_mutant_sum_for_mean_in_cross_entropy() -> None:
    text = _diagnose_mutant("cross_entropy", "return float(np.mean(per_example))", "return float(np.sum(per_example))")
    assert "x expected everywhere: a sum where a mean belongs" in text


def test_mutant_softmax_without_the_max_shift() -> None:
    text = _diagnose_mutant("softmax", "shifted = x - np.max(x, axis=axis, keepdims=True)", "shifted = x")
    assert text.startswith("looks like a numerical-stability problem")
    assert "'large logits (overflow without max shift)'" in text


def test_mutant_linear_backward_with_dw_transposed() -> None:
    text = _diagnose_mutant("linear_backward", "d2.T @ x2", "x2.T @ d2")
    assert text.startswith("looks like a transpose")


def test_mutant_adam_optimizer_with_t_never_advanced() -> None:
    text = _diagnose_mutant("adam_optimizer", "self.t += 1", "self.t = 1")
    assert text.startswith("looks like the state is updated wrongly between calls")


def test_mutant_conv2d_with_edge_padding() -> None:
    text = _diagnose_mutant("conv2d", "(pw, pw)))", "(pw, pw)), mode='edge')")
    assert text.startswith("looks like a padding problem"), text


def test_mutant_cross_attention_ignoring_its_mask() -> None:
    text = _diagnose_mutant("cross_attention", "scores = scores.masked_fill(", "scores = scores.masked_fill(False & ")
    assert text.startswith("looks like a mask problem: exactly the batch items whose `context_mask` has a False"), text


# ---------------------------------------------------------------- in the verdict


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    from dlprep.grading import Grader

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("structural-home")))
        g = Grader()
        yield g
        g.close()


def test_the_verdict_carries_a_structural_diagnosis_when_no_mistake_matches(grader) -> None:  # noqa: ANN001
    from dlprep.drills import reference_source

    code = reference_source("conv2d").replace("(pw, pw)))", "(pw, pw)), mode='edge')")
    result = grader.grade("conv2d", code)
    assert result.status == "fail"
    assert result.mistake is None
    assert result.diagnosis.startswith("looks like a padding problem: the values inside agree")


def test_a_known_mistake_still_takes_precedence(grader) -> None:  # noqa: ANN001
    from dlprep.drills import get_drill

    source = (get_drill("linear_backward").path / "mistakes.py").read_text()
    result = grader.grade("linear_backward", f"{source}\nlinear_backward = MISTAKES['dw_transposed'][0]\n")
    assert result.mistake == "dw_transposed"
    assert result.diagnosis.startswith("looks like dw transposed: ")
