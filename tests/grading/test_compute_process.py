"""The trusted compute process: real process, real pipes. It answers every request with a value or an error
value, keeps serving after a bad one, is restarted when it dies, and computes what the reference computes."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from dlprep.compute.client import LAUNCH, ROOT, ComputeClient, ComputeError
from dlprep.drills import get_drill, load_cases, load_reference
from dlprep.grading import wire
from dlprep.grading.grader import prepare
from dlprep.grading.harness import run_case


@pytest.fixture
def compute():
    client = ComputeClient()
    yield client
    client.close()


def test_prepare_matches_the_reference_run_here(compute: ComputeClient) -> None:
    spec = get_drill("layer_norm")
    prepared = prepare(spec, compute)
    cases = load_cases(spec)
    reference = load_reference(spec)
    assert [c["name"] for c in prepared.cases] == [c["name"] for c in cases]
    for case, expected in zip(cases, prepared.expected, strict=True):
        here = run_case(reference, copy.deepcopy(case), spec.kind, spec.framework)
        assert len(here) == len(expected)
        for a, b in zip(here, expected, strict=True):
            assert a.dtype == b.dtype and np.array_equal(a, b)
    assert prepared.arg_names[:3] == ["x", "gamma", "beta"]
    assert compute.pid != os.getpid()


def test_an_unknown_kind_is_an_error_value_and_the_process_keeps_serving(compute: ComputeClient) -> None:
    first, _ = compute.request("ping")
    with pytest.raises(ComputeError, match="unknown request kind 'embed_everything'"):
        compute.request("embed_everything")
    with pytest.raises(ComputeError, match="no drill"):
        compute.request("prepare", {"drill": ["not", "a", "name"]})
    with pytest.raises(ComputeError) as info:
        compute.request("prepare", {"drill": "no_such_drill"})
    assert info.value.error_type == "DrillError"
    again, _ = compute.request("ping")
    assert again["pid"] == first["pid"]


def test_a_killed_process_is_replaced_on_the_next_request(compute: ComputeClient) -> None:
    first, _ = compute.request("ping")
    os.kill(first["pid"], signal.SIGKILL)
    second, _ = compute.request("ping")
    assert second["pid"] != first["pid"]


@pytest.mark.parametrize("data", [
    wire.frame(b"{}"),
    wire.frame(b"[1, 2]"),
    wire.frame(b'{"kind": ' * 3000 + b"1" + b"}" * 3000),
    wire.frame(b'{"kind": "diagnose", "drill": "layer_norm", "failed": [0], "got": [[5]]}'),
    wire.frame(b"\xff\xfe not json"),
])
def test_any_request_bytes_end_in_an_error_value(data: bytes) -> None:
    proc = subprocess.Popen([sys.executable, "-B", "-c", LAUNCH, str(ROOT)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        proc.stdin.write(data)
        proc.stdin.flush()
        header, _ = wire.read_message(proc.stdout)
        assert header["ok"] is False and header["error"]
    finally:
        proc.kill()
        proc.wait()
