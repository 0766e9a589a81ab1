"""Mutation testing of the drills' cases: how many realistic bugs of each reference do the cases catch?

Usage: ``python benchmarks/mutation.py [--drill ID ...] [--json] [--jobs N] [--max-mutants M]``

For every drill, mutants of ``solutions/<id>.py`` are made with AST operators (below). An oracle runs the
reference and each mutant in this (trusted) process on the drill's cases and on variants of them: every
random float array jittered by 0.1%, scaled by 1e-3, and scaled by 1e3 unless it lies in [0, 1]. Hand-made
arrays (integer or repeated values) are left alone, because cases rely on their equalities. A mutant that
agrees with the reference within the drill's tolerance on all of them is counted as equivalent and discarded.
Every other mutant is graded through the warm worker with :class:`dlprep.grading.Grader`, exactly as
``dlprep check`` grades a file; it is killed when the verdict is not ``pass``. The score is killed /
non-equivalent. Survivors are listed with the variant that showed them different. "1-case" counts killed
mutants that a single case catches: where the cases are thin even though the score is high.

Operators: swap an axis argument, +-1 on an integer constant and on a slice bound, scale a float constant
(eps x10 and x0.1, others x1.5), mean <-> sum, drop one term of a sum or difference, flip < / <= and
> / >=, remove a copy, remove a transpose, swap the two values of a pair, reverse a sign (unary minus
dropped, + <-> -, += <-> -=); and two more that model interview bugs: hard-code a parameter (every use of a
numeric parameter replaced by its default, e.g. eps) and drop a keyword argument (keepdims=, ddof=, ...).
Prints figures; never asserts.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import multiprocessing
import random
import signal
import sys
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AXIS_KEYWORDS = {"axis", "dim", "axes", "dims"}
COPY_METHODS = {"copy", "clone"}
TRANSPOSE_METHODS = {"transpose", "swapaxes", "permute", "moveaxis", "t"}
MEAN_SUM = {"mean": "sum", "sum": "mean", "nanmean": "nansum", "nansum": "nanmean"}
ORACLE_TIMEOUT_S = 20
GRADE_BUDGET_S = 20.0


@dataclass
class Mutant:
    """One mutant: the operator, where, what changed, and its source."""

    operator: str
    line: int
    change: str
    source: str = field(repr=False)


@dataclass
class DrillScore:
    """The outcome for one drill."""

    drill: str
    mutants: int = 0
    equivalent: int = 0
    non_equivalent: int = 0
    killed: int = 0
    by_mistake: int = 0  # killed mutants diagnosed as one of the drill's known mistakes
    by_structure: int = 0  # killed mutants given a structural "looks like ..." diagnosis instead
    single_case: list[dict] = field(default_factory=list)  # killed mutants that only one case catches
    survivors: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    @property
    def score(self) -> float | None:
        return self.killed / self.non_equivalent if self.non_equivalent else None


# ---------------------------------------------------------------- making mutants


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Nodes never mutated: docstrings, annotations, imports, and ``raise`` statements."""
    skip: set[int] = set()

    def cover(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
                    first.value.value, str):
                cover(first)
        if isinstance(node, ast.FunctionDef):
            cover(node.returns)
            for arg in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                cover(arg.annotation)
        if isinstance(node, ast.AnnAssign):
            cover(node.annotation)
        if isinstance(node, ast.Import | ast.ImportFrom | ast.Raise):
            cover(node)
    return skip


def _int_value(node: ast.AST) -> int | None:
    """An integer written as a literal (``3`` or ``-3``), else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) is int:
        return -node.operand.value
    return None


def _const(value: int | float) -> ast.expr:
    return ast.UnaryOp(ast.USub(), ast.Constant(-value)) if value < 0 else ast.Constant(value)


def _other_axes(k: int) -> list[int]:
    if k >= 0:
        return [k + 1] + ([k - 1] if k > 0 else [])
    return [k - 1] + ([k + 1] if k + 1 < 0 else [])


def _edits(node: ast.AST, parent: ast.AST | None) -> list[tuple[str, ast.AST]]:
    """``(operator, replacement)`` pairs for one node (the replacement takes the node's place)."""
    out: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.keyword) and node.arg in AXIS_KEYWORDS:
        k = _int_value(node.value)
        if k is not None:
            out += [("swap axis", ast.keyword(node.arg, _const(j))) for j in _other_axes(k)]
        elif isinstance(node.value, ast.Tuple) and len(node.value.elts) >= 2:
            for i in range(len(node.value.elts)):
                elts = node.value.elts[:i] + node.value.elts[i + 1:]
                value = elts[0] if len(elts) == 1 else ast.Tuple(elts, ast.Load())
                out.append(("swap axis", ast.keyword(node.arg, value)))
    if isinstance(node, ast.Constant) and type(node.value) is int and not (
            isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.USub)):
        out += [("+-1 integer", _const(node.value + 1)), ("+-1 integer", _const(node.value - 1))]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _int_value(node) is not None:
        k = _int_value(node)
        out += [("+-1 integer", _const(k + 1)), ("+-1 integer", _const(k - 1))]
    if isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is not None and _int_value(value) is None:
                for op in (ast.Add(), ast.Sub()):
                    moved = ast.Slice(node.lower, node.upper, node.step)
                    setattr(moved, bound, ast.BinOp(value, op, ast.Constant(1)))
                    out.append(("+-1 slice bound", moved))
    if isinstance(node, ast.Constant) and type(node.value) is float and node.value != 0.0:
        v = node.value
        scales = (10.0, 0.1) if abs(v) < 1e-2 else (1.5,)
        out += [("scale float", ast.Constant(v * s)) for s in scales]
    if isinstance(node, ast.Attribute) and node.attr in MEAN_SUM:
        out.append(("mean <-> sum", ast.Attribute(node.value, MEAN_SUM[node.attr], node.ctx)))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        out.append(("drop a term", node.left))
        if isinstance(node.op, ast.Add):
            out.append(("drop a term", node.right))
        flipped = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        out.append(("reverse a sign", ast.BinOp(node.left, flipped, node.right)))
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add | ast.Sub):
        flipped = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        out.append(("reverse a sign", ast.AugAssign(node.target, flipped, node.value)))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _int_value(node) is None:
        out.append(("reverse a sign", node.operand))
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        flip = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}.get(type(node.ops[0]))
        if flip is not None:
            out.append(("flip < / <=", ast.Compare(node.left, [flip()], node.comparators)))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        name, receiver = node.func.attr, node.func.value
        if name in COPY_METHODS and not node.args:
            out.append(("remove a copy", receiver))
        if name in TRANSPOSE_METHODS and not (name == "t" and node.args):
            if isinstance(receiver, ast.Name) and receiver.id in ("np", "torch", "numpy"):
                if node.args:
                    out.append(("remove a transpose", node.args[0]))
            else:
                out.append(("remove a transpose", receiver))
            if len(node.args) >= 2 + (isinstance(receiver, ast.Name) and receiver.id in ("np", "torch")):
                offset = 1 if isinstance(receiver, ast.Name) and receiver.id in ("np", "torch") else 0
                args = list(node.args)
                args[offset], args[offset + 1] = args[offset + 1], args[offset]
                out.append(("swap axis", ast.Call(node.func, args, node.keywords)))
        if name in ("array", "copy", "clone", "asarray") and isinstance(receiver, ast.Name) and \
                receiver.id in ("np", "torch") and node.args and name != "asarray":
            out.append(("remove a copy", node.args[0]))
    if isinstance(node, ast.Attribute) and node.attr in ("T", "mT"):
        out.append(("remove a transpose", node.value))
    if isinstance(node, ast.Call):
        for i, kw in enumerate(node.keywords):
            if kw.arg is not None and kw.arg not in AXIS_KEYWORDS | {"dtype", "out"}:
                out.append(("drop a keyword argument",
                            ast.Call(node.func, node.args, node.keywords[:i] + node.keywords[i + 1:])))
    if isinstance(node, ast.FunctionDef):
        out += [("hard-code a parameter", fn) for fn in _hard_coded(node)]
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        a, b = node.elts
        if ast.dump(a) != ast.dump(b):
            out.append(("swap a pair", ast.Tuple([b, a], node.ctx)))
    return out


def _hard_coded(func: ast.FunctionDef) -> list[ast.FunctionDef]:
    """Copies of ``func`` where every use of one numeric parameter is replaced by its default value (a
    hard-coded eps, momentum or stride), one copy per such parameter."""
    args = func.args.posonlyargs + func.args.args
    defaults = dict(zip([a.arg for a in args[len(args) - len(func.args.defaults):]], func.args.defaults, strict=True))
    defaults.update({a.arg: d for a, d in zip(func.args.kwonlyargs, func.args.kw_defaults, strict=True) if d})
    copies = []
    for name, default in defaults.items():
        if not (isinstance(default, ast.Constant) and type(default.value) in (int, float)):
            continue
        new = copy.deepcopy(func)
        used = False
        for body_node in new.body:
            for sub in ast.walk(body_node):
                for field_name, value in ast.iter_fields(sub):
                    if isinstance(value, ast.Name) and value.id == name and isinstance(value.ctx, ast.Load):
                        setattr(sub, field_name, ast.Constant(default.value))
                        used = True
                    elif isinstance(value, list):
                        for i, item in enumerate(value):
                            if isinstance(item, ast.Name) and item.id == name and isinstance(item.ctx, ast.Load):
                                value[i] = ast.Constant(default.value)
                                used = True
        if used:
            copies.append(new)
    return copies


def _replace(parent: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for name, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, name, new)
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = new
                    return
    raise ValueError("node not found in its parent")


def make_mutants(source: str) -> list[Mutant]:
    """Every distinct mutant of ``source`` (deduplicated by the mutated source text)."""
    tree = ast.parse(source)
    original = ast.unparse(tree)
    skip = _skipped_nodes(tree)
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    nodes = list(ast.walk(tree))
    seen = {original}
    mutants: list[Mutant] = []
    for index, node in enumerate(nodes):
        if id(node) in skip:
            continue
        for number, (operator, _) in enumerate(_edits(node, parents.get(id(node)))):
            work = copy.deepcopy(tree)
            work_nodes = list(ast.walk(work))
            target = work_nodes[index]
            work_parents = {id(c): n for n in work_nodes for c in ast.iter_child_nodes(n)}
            replacement = _edits(target, work_parents.get(id(target)))[number][1]
            before = ast.unparse(target) if not isinstance(target, ast.keyword) else f"{target.arg}=..."
            try:
                _replace(work_parents[id(target)], target, replacement)
                ast.fix_missing_locations(work)
                text = ast.unparse(work)
                compile(text, "mutant.py", "exec")
            except (ValueError, SyntaxError, KeyError, TypeError):
                continue
            if text in seen:
                continue
            seen.add(text)
            after = ast.unparse(replacement) if not isinstance(replacement, ast.keyword) else \
                f"{replacement.arg}={ast.unparse(replacement.value)}"
            if isinstance(target, ast.keyword):
                before = f"{target.arg}={ast.unparse(target.value)}"
            change = f"{_short(before)} -> {_short(after)}"
            if operator == "hard-code a parameter":
                change = f"in {target.name}(): {_hard_coded_name(target, replacement)} replaced by its default"
            elif operator == "drop a keyword argument":
                dropped = {k.arg for k in target.keywords} - {k.arg for k in replacement.keywords}
                change = f"{_short(before)}: without {', '.join(sorted(dropped))}="
            mutants.append(Mutant(operator, getattr(node, "lineno", 0), change, text))
    return mutants


def _hard_coded_name(before: ast.FunctionDef, after: ast.FunctionDef) -> str:
    names = {n.id for n in ast.walk(before) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    left = {n.id for n in ast.walk(after) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return ", ".join(sorted(names - left)) or "a parameter"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def sample(mutants: list[Mutant], limit: int, seed: int = 0) -> list[Mutant]:
    """At most ``limit`` mutants, drawn round-robin over the operators so every operator is represented."""
    if limit <= 0 or len(mutants) <= limit:
        return mutants
    rng = random.Random(seed)
    by_op: dict[str, list[Mutant]] = {}
    for m in mutants:
        by_op.setdefault(m.operator, []).append(m)
    for group in by_op.values():
        rng.shuffle(group)
    picked: list[Mutant] = []
    while len(picked) < limit:
        for group in by_op.values():
            if group and len(picked) < limit:
                picked.append(group.pop())
    return sorted(picked, key=lambda m: (m.line, m.operator, m.change))


# ---------------------------------------------------------------- the equivalence oracle


def _map_floats(value, fn):  # noqa: ANN001, ANN202
    import numpy as np

    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return fn(value)
    if isinstance(value, list):
        return [_map_floats(v, fn) for v in value]
    if isinstance(value, tuple):
        return tuple(_map_floats(v, fn) for v in value)
    if isinstance(value, dict):
        return {k: _map_floats(v, fn) for k, v in value.items()}
    return value


def _structured(a) -> bool:  # noqa: ANN001
    """Hand-made arrays (integer values, repeated values, 0/1 masks) carry equalities a case relies on
    (a zero-area box, a symmetric adjacency, a tie); the oracle leaves them as they are."""
    import numpy as np

    finite = a[np.isfinite(a)]
    return bool(finite.size < 2 or np.all(finite == np.round(finite)) or np.unique(finite).size < finite.size)


def oracle_inputs(cases: list[dict]) -> list[tuple[str, dict]]:
    """The drill's cases, then, for every random (unstructured) float array: jittered twice
    (x * (1 + 1e-3 N(0, 1))) and scaled by 1e-3 and by 1e3."""
    import numpy as np

    rng = np.random.default_rng(12345)
    variants: list[tuple[str, dict]] = [("cases", c) for c in cases]
    for label, fn in (
        ("jittered", lambda a: a * (1 + 1e-3 * rng.standard_normal(a.shape))),
        ("jittered", lambda a: a * (1 + 1e-3 * rng.standard_normal(a.shape))),
        ("scaled x1e-3", lambda a: a * 1e-3),
        ("scaled x1e3", lambda a: a if np.all((a >= 0) & (a <= 1)) else a * 1e3),  # probabilities stay <= 1
    ):
        variants += [(label, _map_floats(copy.deepcopy(c), lambda a, fn=fn: a if _structured(a) else fn(a)))
                     for c in cases]
    return variants


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001, ANN202, ARG001
    raise _Timeout


def _outputs(target, case: dict, kind: str, framework: str):  # noqa: ANN001, ANN202
    from dlprep.grading.harness import run_case

    try:
        return run_case(target, copy.deepcopy(case), kind, framework)
    except _Timeout:
        raise
    except Exception as exc:  # noqa: BLE001 - a raise is an outcome to compare
        return f"raises {type(exc).__name__}"


def _differs(expected, got, rtol: float, atol: float) -> bool:  # noqa: ANN001
    from dlprep.grading.compare import compare_outputs

    if isinstance(expected, str) or isinstance(got, str):
        return expected != got
    try:
        return compare_outputs(expected, got, rtol, atol) is not None
    except Exception:  # noqa: BLE001
        return True


def first_difference(mutant: Mutant, spec, inputs: list[tuple[str, dict]], expected: list) -> str | None:  # noqa: ANN001
    """The label of the first oracle input where the mutant differs from the reference, else None."""
    namespace: dict = {"__name__": "mutant"}
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(ORACLE_TIMEOUT_S)
    try:
        exec(compile(mutant.source, "mutant.py", "exec"), namespace)
        target = namespace[spec.entry]
        for (label, case), want in zip(inputs, expected, strict=True):
            if _differs(want, _outputs(target, case, spec.kind, spec.framework), spec.rtol, spec.atol):
                return label
        return None
    except _Timeout:
        return "timeout"
    except Exception as exc:  # noqa: BLE001 - a mutant that does not even load differs
        return f"load error {type(exc).__name__}"
    finally:
        signal.alarm(0)


# ---------------------------------------------------------------- scoring


def score_drill(drill_id: str, max_mutants: int = 0, grader=None) -> DrillScore:  # noqa: ANN001
    """Make, filter and grade the mutants of one drill."""
    import numpy as np

    from dlprep.drills import get_drill, load_cases, load_reference, reference_source
    from dlprep.grading import Grader

    started = time.perf_counter()
    result = DrillScore(drill_id)
    own = grader is None
    grader = grader or Grader(time_budget_s=GRADE_BUDGET_S)
    try:
        spec = get_drill(drill_id)
        if spec.framework == "torch":
            import torch

            torch.set_num_threads(1)
        mutants = sample(make_mutants(reference_source(drill_id)), max_mutants)
        result.mutants = len(mutants)
        inputs = oracle_inputs(load_cases(spec))
        reference = load_reference(spec)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            expected = [_outputs(reference, case, spec.kind, spec.framework) for _, case in inputs]
            differing = []
            for mutant in mutants:
                where = first_difference(mutant, spec, inputs, expected)
                if where is None:
                    result.equivalent += 1
                else:
                    differing.append((mutant, where))
        result.non_equivalent = len(differing)
        for mutant, where in differing:
            verdict = grader.grade(drill_id, mutant.source)
            if verdict.status != "pass":
                result.killed += 1
                caught_by = [t.name for t in verdict.tests if t.status != "pass"]
                if len(caught_by) == 1:
                    result.single_case.append({"line": mutant.line, "operator": mutant.operator,
                                               "change": mutant.change, "case": caught_by[0]})
                if verdict.mistake:
                    result.by_mistake += 1
                elif verdict.diagnosis:
                    result.by_structure += 1
            else:
                result.survivors.append({"line": mutant.line, "operator": mutant.operator, "change": mutant.change,
                                         "shown_by": where})
    except Exception as exc:  # noqa: BLE001 - one broken drill must not stop the run
        result.error = f"{type(exc).__name__}: {exc}"
    finally:
        if own:
            grader.close()
    result.seconds = time.perf_counter() - started
    return result


def _job(args: tuple[str, int]) -> DrillScore:
    return score_drill(*args)


def format_table(scores: list[DrillScore]) -> str:
    head = f"{'drill':34} {'mutants':>7} {'equiv':>5} {'non-eq':>6} {'killed':>6} {'score':>6} {'1-case':>6}"
    lines = [head + "  seconds"]
    for s in scores:
        score = "-" if s.score is None else f"{100 * s.score:5.1f}%"
        lines.append(f"{s.drill:34} {s.mutants:7d} {s.equivalent:5d} {s.non_equivalent:6d} {s.killed:6d} "
                     f"{score:>6} {len(s.single_case):6d}  {s.seconds:6.1f}"
                     + (f"  ERROR {s.error}" if s.error else ""))
    total_ne = sum(s.non_equivalent for s in scores)
    total_k = sum(s.killed for s in scores)
    if total_ne:
        lines.append(f"{'all':34} {sum(s.mutants for s in scores):7d} {sum(s.equivalent for s in scores):5d} "
                     f"{total_ne:6d} {total_k:6d} {100 * total_k / total_ne:5.1f}%")
    if total_k:
        mistake, structure = sum(s.by_mistake for s in scores), sum(s.by_structure for s in scores)
        lines.append(f"killed mutants with a diagnosis: {mistake + structure} of {total_k} "
                     f"({mistake} a known mistake, {structure} a structural pattern)")
    for s in scores:
        for one in s.single_case:
            lines.append(f"caught by one case only: {s.drill} line {one['line']}: {one['operator']}: {one['change']} "
                         f"({one['case']!r})")
    for s in scores:
        for sv in s.survivors:
            lines.append(f"survivor {s.drill} line {sv['line']}: {sv['operator']}: {sv['change']} "
                         f"(differs on {sv['shown_by']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drill", action="append", help="a drill id (repeatable); default every drill")
    parser.add_argument("--json", action="store_true", help="print one JSON object per drill")
    parser.add_argument("--jobs", type=int, default=1, help="drills scored in parallel (one worker each)")
    parser.add_argument("--max-mutants", type=int, default=0,
                        help="at most this many mutants per drill, drawn over every operator (0: all)")
    args = parser.parse_args(argv)
    from dlprep.paths import drills_dir

    drills = args.drill or sorted(p.parent.name for p in drills_dir().glob("*/drill.yaml"))
    work = [(d, args.max_mutants) for d in drills]
    scores: list[DrillScore] = []

    def report(s: DrillScore) -> None:
        scores.append(s)
        if args.json:  # one line per drill as soon as it is scored
            print(json.dumps(dict(asdict(s), score=s.score)), flush=True)
        else:
            print(f"... {s.drill}: {s.killed}/{s.non_equivalent} in {s.seconds:.0f} s", file=sys.stderr, flush=True)

    if args.jobs > 1:
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            for s in pool.imap(_job, work):
                report(s)
    else:
        for w in work:
            report(_job(w))
    if not args.json:
        print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
