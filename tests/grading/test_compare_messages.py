"""The exact words of a failed case, as a learner reads them in a verdict: which output, where, by how much,
and the inputs that produced it."""

from __future__ import annotations

import warnings

import numpy as np

from dlprep.grading.compare import compare_array, compare_outputs, describe_inputs, describe_value

# ----- which output failed ----------------------------------------------------------------------------------


def test_a_single_output_is_called_the_result() -> None:
    mismatch = compare_outputs([np.array([1, 2])], [np.array([1, 3])], 1e-6, 0.0)
    assert mismatch.output == 0
    assert mismatch.message == ("the result: 1 of 2 values differ; first at index (1,): got 3, expected 2\n"
                                "  got:      [1, 3]\n"
                                "  expected: [1, 2]")


def test_several_outputs_are_numbered_and_the_index_is_reported() -> None:
    mismatch = compare_outputs([np.zeros(1), np.array([True])], [np.zeros(1), np.array([False])], 1e-6, 0.0)
    assert mismatch.output == 1
    assert mismatch.message.startswith("output 1: 1 of 1 values differ; first at index (0,): got False, "
                                       "expected True")


def test_missing_outputs_on_either_side_are_named() -> None:
    none_for_array = compare_outputs([np.zeros(1), np.zeros(2)], [np.zeros(1), None], 1e-6, 0.0)
    assert (none_for_array.message, none_for_array.output) == ("output 1 is None; expected an array", 1)
    array_for_none = compare_outputs([None], [np.zeros(2)], 1e-6, 0.0)
    assert (array_for_none.message, array_for_none.output) == ("the result is an array; expected None", 0)


def test_an_output_that_is_none_on_both_sides_does_not_end_the_comparison() -> None:
    mismatch = compare_outputs([None, np.ones(1)], [None, np.zeros(1)], 1e-6, 0.0)
    assert mismatch is not None and mismatch.output == 1
    assert mismatch.message.startswith("output 1: 1 of 1 values differ")


def test_outputs_past_the_step_labels_keep_their_number() -> None:
    expected, got = [np.zeros(1), np.ones(1)], [np.zeros(1), np.zeros(1)]
    mismatch = compare_outputs(expected, got, 1e-6, 0.0, ["step 1, .forward() returned"])
    assert mismatch.message.startswith("output 1: 1 of 1 values differ")
    labelled = compare_outputs(got, expected, 1e-6, 0.0, ["step 1, .forward() returned", "step 2, .db"])
    assert labelled.message.startswith("output 1 (step 2, .db): 1 of 1 values differ")


# ----- dtypes -----------------------------------------------------------------------------------------------


def test_signed_and_unsigned_integers_compare_by_value() -> None:
    assert compare_array(np.array([1, 200], dtype=np.int64), np.array([1, 200], dtype=np.uint8), 1e-6, 0) is None
    assert compare_array(np.array([1, 2], dtype=np.uint16), np.array([1, 2], dtype=np.int32), 1e-6, 0) is None
    problem = compare_array(np.array([3], dtype=np.uint8), np.array([4], dtype=np.int64), 1e-6, 0)
    assert problem.startswith("1 of 1 values differ; first at index (0,): got 4, expected 3")


def test_a_kind_without_a_name_is_shown_by_its_numpy_letter() -> None:
    assert compare_array(np.zeros(2), np.zeros(2, dtype=np.complex128), 1e-6, 0) == \
        "c values (complex128), expected float (float64)"
    assert compare_array(np.zeros(2, dtype=np.complex64), np.zeros(2, dtype=bool), 1e-6, 0) == \
        "bool values (bool), expected c (complex64)"


# ----- where and how much -----------------------------------------------------------------------------------


def test_a_scalar_output_has_the_empty_index() -> None:
    assert compare_array(np.array(2.0), np.array(2.5), 1e-6, 0.0) == (
        "1 of 1 values differ beyond rtol=1e-06, atol=0; first at index (): got 2.5, expected 2; "
        "largest absolute error 0.5 at (), largest relative error 0.25 at ()\n"
        "  got:      2.5\n"
        "  expected: 2.")
    assert compare_array(np.array(7), np.array(8), 1e-6, 0.0).startswith(
        "1 of 1 values differ; first at index (): got 8, expected 7")


def test_the_full_float_message_with_its_listing() -> None:
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    got = np.array([[1.0, 2.0], [3.0, 5.0]])
    assert compare_array(expected, got, 1e-6, 1e-9) == (
        "1 of 4 values differ beyond rtol=1e-06, atol=1e-09; first at index (1, 1): got 5, expected 4; "
        "largest absolute error 1 at (1, 1), largest relative error 0.25 at (1, 1)\n"
        "  got:      [[1., 2.], [3., 5.]]\n"
        "  expected: [[1., 2.], [3., 4.]]")


def test_the_first_wrong_value_and_the_largest_errors_can_be_in_different_places() -> None:
    problem = compare_array(np.array([10.0, 0.5, 100.0]), np.array([11.0, 0.6, 103.0]), 1e-6, 0.0)
    assert problem.startswith("3 of 3 values differ beyond rtol=1e-06, atol=0; first at index (0,): got 11, "
                              "expected 10; largest absolute error 3 at (2,), largest relative error 0.2 at (1,)\n")


def test_a_matching_infinity_does_not_count_as_an_error() -> None:
    problem = compare_array(np.array([np.inf, 1.0]), np.array([np.inf, 1.5]), 1e-6, 0.0)
    assert "largest absolute error 0.5 at (1,), largest relative error 0.5 at (1,)" in problem


def test_relative_error_where_the_expected_value_is_zero() -> None:
    exact_zero = compare_array(np.array([0.0, 2.0]), np.array([0.0, 3.0]), 1e-6, 0.0)
    assert "largest absolute error 1 at (1,), largest relative error 0.5 at (1,)" in exact_zero
    missed_zero = compare_array(np.array([0.0, 2.0]), np.array([0.5, 2.0]), 1e-6, 0.0)
    assert "largest absolute error 0.5 at (0,), largest relative error inf at (0,)" in missed_zero


def test_comparing_never_emits_numpy_warnings() -> None:
    cases = [(np.array([np.inf, 0.0, 2.0]), np.array([np.inf, 1.0, 2.0])),
             (np.array([0.0, 1.0]), np.array([0.0, 3.0])),
             (np.array([1e308, 0.0]), np.array([-1e308, 0.0]))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for expected, got in cases:
            assert compare_array(expected, got, 1e-6, 0.0) is not None


# ----- the got / expected listing ---------------------------------------------------------------------------


def test_the_listing_rounds_to_five_digits_and_never_switches_to_scientific() -> None:
    problem = compare_array(np.array([1 / 3, 1e-7, 2.0]), np.array([1 / 3, 1e-7, 2.5]), 1e-6, 0.0)
    assert problem.endswith("\n  got:      [0.33333, 0. , 2.5 ]\n  expected: [0.33333, 0. , 2. ]")


def test_arrays_up_to_24_values_are_listed_and_larger_ones_are_not() -> None:
    listed = compare_array(np.zeros(24, dtype=np.int64), np.ones(24, dtype=np.int64), 1e-6, 0.0)
    assert listed.endswith("\n  got:      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"
                           "\n  expected: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]")
    unlisted = compare_array(np.zeros(25), np.ones(25), 1e-6, 0.0)
    assert unlisted.endswith("largest relative error inf at (0,)")


# ----- the inputs of a failed case --------------------------------------------------------------------------


def test_small_arrays_show_four_digits_and_larger_ones_only_their_shape() -> None:
    assert describe_value(np.array([1 / 3, 1e-7])) == "float64 array of shape (2,) = [0.3333, 0. ]"
    assert describe_value(np.arange(24, dtype=np.int32).reshape(4, 6)) == (
        "int32 array of shape (4, 6) = [[ 0, 1, 2, 3, 4, 5], [ 6, 7, 8, 9, 10, 11], [12, 13, 14, 15, 16, 17], "
        "[18, 19, 20, 21, 22, 23]]")
    assert describe_value(np.zeros(25, dtype=np.float32)) == "float32 array of shape (25,)"


def test_lists_holding_arrays_are_described_item_by_item() -> None:
    assert describe_value([np.zeros(2), 3, (1, 2)]) == "[float64 array of shape (2,) = [0., 0.], 3, (1, 2)]"
    assert describe_value((np.ones(1, dtype=bool),)) == "[bool array of shape (1,) = [ True]]"
    assert describe_value([1, 2.5]) == "[1, 2.5]"
    assert describe_value("same") == "'same'"


def test_function_inputs_exactly() -> None:
    case = {"args": [np.array([1.0, 2.0]), 3, "valid"], "kwargs": {"stride": 2}}
    assert describe_inputs(case, ["x", "k"]) == (
        "  x: float64 array of shape (2,) = [1., 2.]\n"
        "  k: 3\n"
        "  arg2: 'valid'\n"
        "  stride: 2")
    assert describe_inputs({"args": [0.5]}, ["p"]) == "  p: 0.5"
    assert describe_inputs({"kwargs": {"eps": 1e-5}}, []) == "  eps: 1e-05"


def test_class_inputs_exactly() -> None:
    case = {"init": {"args": [4, 2], "kwargs": {"bias": False, "scale": np.ones(1)}},
            "script": [{"call": "forward", "args": [np.zeros(1), 1], "kwargs": {"train": True}},
                       {"call": "reset"},
                       {"attr": "weight"}]}
    assert describe_inputs(case, ["unused"]) == (
        "  init(4, 2, bias=False, scale=float64 array of shape (1,) = [1.])\n"
        "  step 1: call .forward(float64 array of shape (1,) = [0.], 1, train=True)\n"
        "  step 2: call .reset()\n"
        "  step 3: read .weight")


def test_a_class_built_without_arguments() -> None:
    case = {"script": [{"call": "step", "kwargs": {"lr": 0.1}}]}
    assert describe_inputs(case, []) == "  init()\n  step 1: call .step(lr=0.1)"
    assert describe_inputs({"init": {}, "script": [{"attr": "t"}]}, []) == "  init()\n  step 1: read .t"
