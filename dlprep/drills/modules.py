"""Trusted drill code (cases, mistakes, oracle, reference), imported by path outside the sandbox.

These modules run only in trusted processes. Each is imported under a private module name so two drills
with the same file names never collide, and every structural problem is reported as a
:class:`~dlprep.drills.spec.DrillError` naming the file and the item.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from dlprep.drills.spec import DrillError, DrillSpec

STEP_KEYS = ({"call", "args", "kwargs", "overwrite_args"}, {"attr"})


def _rel(path: Path) -> str:
    if path.parent.name == "solutions":
        return f"solutions/{path.name}"
    return f"drills/{path.parent.name}/{path.name}"


def import_path(path: Path, module_name: str) -> ModuleType:
    """Import the Python file at ``path`` as ``module_name`` (replacing an earlier import of it)."""
    if not path.is_file():
        raise DrillError(f"{_rel(path)}: file is missing")
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise DrillError(f"{_rel(path)}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        last = traceback.extract_tb(exc.__traceback__)[-1]
        raise DrillError(
            f"{_rel(path)}: importing it raised {exc.__class__.__name__}: {exc} (line {last.lineno})"
        ) from None
    return module


def _check_value(value: Any, where: str, depth: int = 0) -> None:
    import numpy as np

    if depth > 6:
        raise DrillError(f"{where}: values are nested too deeply")
    if isinstance(value, np.ndarray):
        if type(value) is not np.ndarray or value.dtype.kind not in "biuf":
            raise DrillError(f"{where}: arrays must be plain numeric or bool ndarrays (got {value.dtype})")
        return
    if value is None or isinstance(value, bool | int | float | str | np.generic):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_value(item, where, depth + 1)
        return
    raise DrillError(f"{where}: unsupported value of type {type(value).__name__}")


def _check_call(raw: Any, where: str, *, allow_missing: bool = False) -> None:
    if not isinstance(raw, dict):
        raise DrillError(f"{where}: must be a mapping with args and kwargs")
    args, kwargs = raw.get("args", []), raw.get("kwargs", {})
    if not isinstance(args, list | tuple):
        raise DrillError(f"{where}: 'args' must be a list")
    if not isinstance(kwargs, dict) or not all(isinstance(k, str) for k in kwargs):
        raise DrillError(f"{where}: 'kwargs' must be a mapping of names to values")
    for i, value in enumerate(args):
        _check_value(value, f"{where} args[{i}]")
    for key, value in kwargs.items():
        _check_value(value, f"{where} kwargs[{key!r}]")


def validate_cases(spec: DrillSpec, cases: Any) -> list[dict]:
    """Check the structure of ``cases()``'s result for ``spec``; return it as a list."""
    where = _rel(spec.path / "cases.py")
    if not isinstance(cases, list | tuple) or not cases:
        raise DrillError(f"{where}: cases() must return a non-empty list of dicts")
    names: set[str] = set()
    for i, case in enumerate(cases):
        item = f"{where}: case {i}"
        if not isinstance(case, dict):
            raise DrillError(f"{item} must be a dict")
        name = case.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DrillError(f"{item} needs a non-empty 'name'")
        if name in names:
            raise DrillError(f"{item}: duplicate name {name!r}")
        names.add(name)
        item = f"{where}: case {name!r}"
        if spec.kind == "function":
            if set(case) - {"name", "args", "kwargs"}:
                raise DrillError(f"{item}: unknown key {sorted(set(case) - {'name', 'args', 'kwargs'})[0]!r}")
            _check_call(case, item)
            continue
        if set(case) - {"name", "init", "script"}:
            raise DrillError(f"{item}: unknown key {sorted(set(case) - {'name', 'init', 'script'})[0]!r}")
        _check_call(case.get("init", {}), f"{item} init")
        script = case.get("script")
        if not isinstance(script, list | tuple) or not script:
            raise DrillError(f"{item}: 'script' must be a non-empty list of steps")
        for j, step in enumerate(script):
            if not isinstance(step, dict) or not any(set(step) <= keys for keys in STEP_KEYS):
                raise DrillError(f"{item} step {j}: must be {{'call': name, 'args', 'kwargs'}} or {{'attr': name}}")
            key = step.get("call", step.get("attr"))
            if not isinstance(key, str) or not key.isidentifier():
                raise DrillError(f"{item} step {j}: the method or attribute name must be an identifier")
            if "call" in step:
                _check_call(step, f"{item} step {j}")
    return list(cases)


def load_cases(spec: DrillSpec) -> list[dict]:
    """Run the drill's ``cases()`` and validate what it returns."""
    module = import_path(spec.path / "cases.py", f"_dlprep_drill_{spec.id}_cases")
    func = getattr(module, "cases", None)
    if not callable(func):
        raise DrillError(f"{_rel(spec.path / 'cases.py')}: must define cases()")
    try:
        cases = func()
    except Exception as exc:
        raise DrillError(f"{_rel(spec.path / 'cases.py')}: cases() raised {exc.__class__.__name__}: {exc}") from None
    return validate_cases(spec, cases)


def load_mistakes(spec: DrillSpec) -> dict[str, tuple[Callable, str]]:
    """The drill's named mistakes: name -> (callable or class, one sentence)."""
    where = _rel(spec.path / "mistakes.py")
    module = import_path(spec.path / "mistakes.py", f"_dlprep_drill_{spec.id}_mistakes")
    mistakes = getattr(module, "MISTAKES", None)
    if not isinstance(mistakes, dict):
        raise DrillError(f"{where}: must define MISTAKES, a dict of name -> (callable, sentence)")
    for name, value in mistakes.items():
        ok = isinstance(value, tuple) and len(value) == 2 and callable(value[0]) and isinstance(value[1], str)
        if not isinstance(name, str) or not ok or not value[1].strip():
            raise DrillError(f"{where}: MISTAKES[{name!r}] must be (callable, non-empty sentence)")
    return dict(mistakes)


def load_entry(path: Path, spec: DrillSpec, module_name: str) -> Callable:
    """Import ``path`` and return the drill's entry point from it."""
    module = import_path(path, module_name)
    entry = getattr(module, spec.entry, None)
    if not callable(entry):
        raise DrillError(f"{_rel(path)}: does not define {spec.entry}")
    return entry


def reference_path(spec: DrillSpec) -> Path:
    """Where the drill's reference solution lives."""
    from dlprep.paths import solutions_dir

    return solutions_dir() / f"{spec.id}.py"


def load_reference(spec: DrillSpec) -> Callable:
    """The reference entry point from ``solutions/<id>.py``."""
    return load_entry(reference_path(spec), spec, f"_dlprep_solution_{spec.id}")


def load_oracle(spec: DrillSpec) -> Callable | None:
    """``oracle.py``'s ``oracle`` function, or None when the drill has no oracle."""
    path = spec.path / "oracle.py"
    if not path.exists():
        return None
    module = import_path(path, f"_dlprep_drill_{spec.id}_oracle")
    func = getattr(module, "oracle", None)
    if not callable(func):
        raise DrillError(f"{_rel(path)}: must define oracle()")
    return func
