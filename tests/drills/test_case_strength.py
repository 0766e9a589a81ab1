"""Case strength: realistic bugs that once slipped through (or were caught by a single case) now fail several
cases, and the mutation score of a few drills stays at or above 95% (benchmarks/mutation.py for all)."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from dlprep.drills import get_drill, load_cases, reference_source
from dlprep.grading import Grader
from dlprep.grading.compare import compare_outputs
from dlprep.grading.harness import run_case

pytestmark = pytest.mark.xdist_group("library")

ROOT = Path(__file__).resolve().parents[2]
GIOU_EPS_1E6 = ("giou = inter / union - (enclose - union) / enclose",
                "giou = inter / (union + 1e-6) - (enclose - union) / (enclose + 1e-6)")
LOOP_1D = '''
import math
import numpy as np

def warmup_cosine_lr(steps, base_lr, warmup_steps, total_steps, min_lr=0.0):
    out = []
    for s in steps:
        if s < warmup_steps:
            out.append(base_lr * (s + 1) / warmup_steps)
        else:
            p = min(max((s - warmup_steps) / (total_steps - warmup_steps), 0.0), 1.0)
            out.append(min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * p)))
    return np.array(out, dtype=np.float64)
'''

# drill, what the bug is, (old, new) edit of the reference or a whole source
BUGS = [
    ("giou_loss", "eps 1e-6 added to both denominators", GIOU_EPS_1E6),
    ("conv2d_backward", "stride pair read as (w, h)", ("sh, sw = _pair(stride)", "sw, sh = _pair(stride)")),
    ("conv2d_backward", "padding pair read as (w, h)", ("ph, pw = _pair(padding)", "pw, ph = _pair(padding)")),
    ("batchnorm_backward", "eps hard-coded to 1e-5", ("np.sqrt(var + eps)", "np.sqrt(var + 1e-5)")),
    ("maxpool2d_backward", "window row from the argmax divided by kh",
     ("flat_arg // kw", "flat_arg // kh")),
    ("maxpool2d_backward", "kernel pair read as (kw, kh)",
     ("kh, kw = _pair(kernel_size)", "kw, kh = _pair(kernel_size)")),
    ("warmup_cosine_lr", "a Python loop over a 1-D steps array", LOOP_1D),
    ("weight_averaging", "decay 0.0 taken as None", ("if self.decay is None:", "if not self.decay:")),
    ("weight_averaging", "keeps references to the caller's arrays",
     ("self.average = [np.array(p, dtype=np.float64) for p in params]", "self.average = list(params)")),
    ("early_stopping", "min_delta with the wrong sign in mode max",
     ("self.best + self.min_delta", "self.best - self.min_delta")),
]


def _failing_cases(drill_id: str, source: str) -> list[str]:
    spec = get_drill(drill_id)
    namespace: dict = {"__name__": "bug"}
    exec(compile(source, "bug.py", "exec"), namespace)
    bug, reference = namespace[spec.entry], {}
    exec(compile(reference_source(drill_id), "reference.py", "exec"), reference)
    failing = []
    with np.errstate(all="ignore"):
        for case in load_cases(spec):
            expected = run_case(reference[spec.entry], copy.deepcopy(case), spec.kind, spec.framework)
            try:
                got = run_case(bug, copy.deepcopy(case), spec.kind, spec.framework)
            except Exception:  # noqa: BLE001 - raising fails the case too
                failing.append(case["name"])
                continue
            if compare_outputs(expected, got, spec.rtol, spec.atol) is not None:
                failing.append(case["name"])
    return failing


@pytest.mark.parametrize(("drill_id", "bug", "edit"), BUGS, ids=[f"{d}: {b}" for d, b, _ in BUGS])
def test_each_known_bug_fails_several_cases(drill_id: str, bug: str, edit) -> None:  # noqa: ANN001
    source = reference_source(drill_id)
    if isinstance(edit, tuple):
        assert edit[0] in source, "the reference changed: update the bug's edit"
        source = source.replace(edit[0], edit[1])
    else:
        source = edit
    failing = _failing_cases(drill_id, source)
    assert len(failing) >= 3, f"{bug}: only {failing} fail"


def test_giou_with_the_prompts_eps_of_1e7_passes() -> None:
    source = reference_source("giou_loss").replace(GIOU_EPS_1E6[0], GIOU_EPS_1E6[1].replace("1e-6", "1e-7"))
    assert _failing_cases("giou_loss", source) == []


def _mutation_module():
    path = ROOT / "benchmarks" / "mutation.py"
    spec = importlib.util.spec_from_file_location("dlprep_mutation_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("strength-home")))
        g = Grader()
        g.start()
        yield g
        g.close()


@pytest.mark.parametrize("drill_id", ["early_stopping", "softmax", "linear_backward", "clip_grad_norm"])
def test_mutation_score_of_a_few_drills(drill_id: str, grader: Grader) -> None:
    mutation = _mutation_module()
    score = mutation.score_drill(drill_id, grader=grader)
    assert score.error is None, score.error
    assert score.non_equivalent >= 4, "too few mutants to mean anything"
    assert score.killed / score.non_equivalent >= 0.95, score.survivors


def test_mutants_cover_every_operator_on_a_reference() -> None:
    mutation = _mutation_module()
    source = ("import numpy as np\n\ndef f(x, w, eps=1e-5):\n    a, b = x.shape\n    y = np.copy(x).T[:a]\n"
              "    s = x.mean(axis=0, keepdims=True) + 2 - w.sum(axis=1)\n"
              "    return y[1:] if a < b else -s / np.sqrt(y + eps)\n")
    operators = {m.operator for m in mutation.make_mutants(source)}
    assert operators == {"swap axis", "+-1 integer", "scale float", "mean <-> sum", "drop a term", "flip < / <=",
                         "remove a copy", "remove a transpose", "swap a pair", "reverse a sign", "+-1 slice bound",
                         "hard-code a parameter", "drop a keyword argument"}
