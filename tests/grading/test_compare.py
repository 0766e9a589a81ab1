"""Comparison messages and the banned-API scan."""

from __future__ import annotations

import numpy as np

from dlprep.grading.banned import scan_source, watcher_warnings
from dlprep.grading.compare import compare_array, compare_outputs, describe_inputs


def test_equal_within_tolerance() -> None:
    assert compare_array(np.array([1.0, 2.0]), np.array([1.0 + 1e-9, 2.0]), 1e-6, 0.0) is None


def test_value_error_names_the_worst_place() -> None:
    msg = compare_array(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 5.0]]), 1e-6, 1e-9)
    assert "1 of 4 values differ" in msg
    assert "got 5, expected 4" in msg
    assert "largest absolute error 1 at (1, 1)" in msg
    assert "largest relative error 0.25 at (1, 1)" in msg


def test_shape_mismatch_names_both_shapes() -> None:
    assert compare_array(np.zeros((2, 3)), np.zeros((3, 2)), 1e-6, 0) == "shape (3, 2), expected (2, 3)"


def test_dtype_kind_mismatch() -> None:
    msg = compare_array(np.zeros(3), np.zeros(3, dtype=np.int64), 1e-6, 0)
    assert msg.startswith("integer values (int64), expected float")


def test_integers_must_match_exactly() -> None:
    msg = compare_array(np.array([0, 2, 1]), np.array([0, 1, 2]), 1.0, 1.0)
    assert "2 of 3 values differ; first at index (1,): got 1, expected 2" in msg


def test_nan_and_inf_must_be_where_expected() -> None:
    assert compare_array(np.array([np.nan, np.inf, 1.0]), np.array([np.nan, np.inf, 1.0]), 1e-6, 0) is None
    msg = compare_array(np.array([0.0, 1.0]), np.array([0.0, np.nan]), 1e-6, 0)
    assert "NaN or infinite" in msg and "(1,)" in msg
    assert compare_array(np.array([np.inf]), np.array([-np.inf]), 1e-6, 0) is not None


def test_output_count_and_none() -> None:
    assert compare_outputs([np.zeros(1), np.zeros(1)], [np.zeros(1)], 1e-6, 0).message == \
        "returned 1 value(s); expected 2"
    assert compare_outputs([None], [None], 1e-6, 0) is None
    assert "is an array; expected None" in compare_outputs([None], [np.zeros(1)], 1e-6, 0).message


def test_inputs_are_described_with_parameter_names() -> None:
    case = {"args": [np.array([1.0, 2.0]), np.zeros((50, 50))], "kwargs": {"stride": 2}}
    text = describe_inputs(case, ["x", "w"])
    assert "x: float64 array of shape (2,) = [1., 2.]" in text
    assert "w: float64 array of shape (50, 50)\n" in text
    assert "stride: 2" in text


def test_banned_names_are_found_through_aliases() -> None:
    code = (
        "import torch.nn.functional as F\nfrom scipy import signal as sg\nfrom torch.nn.functional import conv2d as c\n"
        "def f(x, w):\n    a = F.conv2d(x, w)\n    b = sg.convolve2d(x, w)\n    return c(x, w)\n"
    )
    warnings = scan_source(code, ("torch.nn.functional.conv2d", "scipy.signal.convolve2d", "numpy.pad"))
    assert warnings == [
        "uses torch.nn.functional.conv2d (line 3), which this drill asks you to write yourself",
        "uses scipy.signal.convolve2d (line 6), which this drill asks you to write yourself",
    ]


def test_clean_code_and_bad_syntax_give_no_warning() -> None:
    assert scan_source("import numpy as np\ndef f(x):\n    return np.pad(x, 1)\n", ("torch.nn.functional.pad",)) == []
    assert scan_source("def f(:\n", ("torch.conv2d",)) == []


def test_watcher_reports_banned_torch_calls_the_scan_missed() -> None:
    banned = ("torch.nn.functional.conv2d", "scipy.signal.convolve2d")
    assert watcher_warnings(["add", "conv2d"], banned, []) == [
        "calls torch.nn.functional.conv2d at run time, which this drill asks you to write yourself"]
    already = ["uses torch.nn.functional.conv2d (line 3), which this drill asks you to write yourself"]
    assert watcher_warnings(["conv2d"], banned, already) == []


def test_class_outputs_are_named_by_their_step() -> None:
    case = {"init": {"args": [np.zeros(2)], "kwargs": {}},
            "script": [{"call": "forward", "args": [np.ones(2)], "kwargs": {}}, {"attr": "db"}]}
    assert describe_inputs(case, []) == (
        "  init(float64 array of shape (2,) = [0., 0.])\n"
        "  step 1: call .forward(float64 array of shape (2,) = [1., 1.])\n"
        "  step 2: read .db")
    mismatch = compare_outputs([np.zeros(2), np.ones(1)], [np.zeros(2), np.zeros(1)], 1e-6, 0,
                               ["step 1, .forward() returned", "step 2, .db"])
    assert mismatch.message.startswith("output 1 (step 2, .db): 1 of 1 values differ")


def test_inputs_say_when_the_caller_overwrites_its_arrays() -> None:
    case = {"init": {"args": [np.zeros(2)], "overwrite_args": True},
            "script": [{"call": "update", "args": [np.ones(2)], "overwrite_args": True}, {"attr": "n"}]}
    lines = describe_inputs(case, []).splitlines()
    assert lines[0].endswith("init(float64 array of shape (2,) = [0., 0.]); then the caller overwrites the arrays "
                             "it passed")
    assert lines[1].endswith("; then the caller overwrites the arrays it passed")
    assert lines[2] == "  step 2: read .n"
