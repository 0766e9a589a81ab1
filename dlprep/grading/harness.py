"""Runs a submission's cases: inside the sandbox child, and (trusted) for references and mistakes.

Imported by the sandbox child as a top-level module beside :mod:`wire`, so it imports nothing from the
package. Every case's recorded values are flattened into a list of plain arrays (``None`` kept as is)
and, in the child, sent to the trusted side as ``.npy`` blobs, one message per case, as soon as each case
finishes.
"""

from __future__ import annotations

import contextlib
import io
import linecache
import os
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

if __package__:
    from . import wire
else:  # the sandbox child imports this file as a top-level module
    import wire

SUBMISSION_FILE = "submission.py"
CASE_OUTPUT_CAP = 2000


def to_framework(value: Any, framework: str) -> Any:
    """Turn numpy inputs into float64/int64/bool tensors for torch drills; numpy drills get copies."""
    if isinstance(value, np.ndarray):
        if framework != "torch":
            return value.copy()
        import torch

        kind = value.dtype.kind
        target = np.float64 if kind == "f" else np.bool_ if kind == "b" else np.int64
        return torch.from_numpy(np.array(value, dtype=target, copy=True))
    if isinstance(value, tuple):
        return tuple(to_framework(v, framework) for v in value)
    if isinstance(value, list):
        return [to_framework(v, framework) for v in value]
    if isinstance(value, dict):
        return {k: to_framework(v, framework) for k, v in value.items()}
    return value


def flatten(value: Any, out: list | None = None, depth: int = 0) -> list:
    """Flatten a returned value into arrays: tuples/lists become several outputs, scalars 0-d arrays.

    Every array is copied at the moment it is recorded, so a value that the code under test updates in
    place later (a parameter list returned by an optimizer, a running mean) keeps the value it had then."""
    out = [] if out is None else out
    if depth > 8:
        raise TypeError("the returned value is nested too deeply")
    if value is None:
        out.append(None)
    elif isinstance(value, tuple | list):
        for item in value:
            flatten(item, out, depth + 1)
    elif isinstance(value, np.ndarray | np.generic | bool | int | float):
        out.append(np.array(value, copy=True))  # a copy: later in-place updates must not reach the record
    elif type(value).__module__.startswith("torch") and hasattr(value, "detach"):
        out.append(np.array(value.detach().cpu().numpy(), copy=True))
    else:
        raise TypeError(f"returned a {type(value).__name__}; expected arrays, tensors or numbers")
    return out


def overwrite_in_place(value: Any) -> None:
    """Scribble over every array or tensor in ``value`` in place, as a caller that reuses its buffers
    after a call does (a case's ``"overwrite_args": True``): code that kept references instead of copies
    then sees different numbers."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "b":
            np.logical_not(value, out=value)
        else:
            np.subtract(7, value * 3, out=value, casting="unsafe")
    elif isinstance(value, tuple | list):
        for item in value:
            overwrite_in_place(item)
    elif isinstance(value, dict):
        for item in value.values():
            overwrite_in_place(item)
    elif type(value).__module__.startswith("torch") and hasattr(value, "logical_not_"):
        import torch

        with torch.no_grad():
            if value.dtype == torch.bool:
                value.logical_not_()
            else:
                value.mul_(-3).add_(7)


def _call(function: Callable, call: dict, framework: str, recorded: list | None) -> Any:
    """Call ``function`` with a case's (or a step's) fresh inputs; flatten the result into ``recorded``
    (when given) before the inputs are overwritten for ``"overwrite_args": True``."""
    args = to_framework(list(call.get("args", [])), framework)
    kwargs = to_framework(dict(call.get("kwargs", {})), framework)
    value = function(*args, **kwargs)
    if recorded is not None:
        flatten(value, recorded)
    if call.get("overwrite_args"):
        overwrite_in_place((args, kwargs))
    return value


def run_case(target: Callable, case: dict, kind: str, framework: str, labels: list | None = None) -> list:
    """Run one case against ``target`` (the entry function or class); return the flattened outputs.

    For class drills, ``labels`` (when given) receives one label per output naming the step that made it."""
    recorded: list = []
    if kind == "function":
        _call(target, case, framework, recorded)
        return recorded
    obj = _call(target, case.get("init", {}), framework, None)
    for number, step in enumerate(case["script"], 1):
        before = len(recorded)
        if "attr" in step:
            flatten(getattr(obj, step["attr"]), recorded)
            label = f"step {number}, .{step['attr']}"
        else:
            _call(getattr(obj, step["call"]), step, framework, recorded)
            label = f"step {number}, .{step['call']}() returned"
        if labels is not None:
            labels.extend([label] * (len(recorded) - before))
    return recorded


def user_traceback(exc: BaseException) -> str:
    """The traceback lines that belong to the submission, then the exception line."""
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_FILE]
        lines = ["Traceback (your code, most recent call last):\n"] if frames else []
        lines += traceback.format_list(frames)
        lines += traceback.format_exception_only(type(exc), exc)
        return "".join(lines)[-4000:]
    except BaseException:  # noqa: BLE001 - the exception object is the user's and may misbehave
        return f"{type(exc).__name__}"


class CaseOutput(io.TextIOBase):
    """Replacement for sys.stdout/sys.stderr: writes through to the fd and keeps a capped copy per case."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.kept: list[str] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        text = str(text)
        if self.size < CASE_OUTPUT_CAP:
            self.kept.append(text[: CASE_OUTPUT_CAP - self.size])
            self.size += len(self.kept[-1])
        with contextlib.suppress(OSError):
            wire.write_all(self.fd, text.encode("utf-8", "replace"))
        return len(text)

    def take(self) -> str:
        text, self.kept, self.size = "".join(self.kept), [], 0
        return text


def _watch_torch(names: set[str], banned_ids: dict[int, str] | None = None) -> Any:
    """A dispatch watcher recording the name of every torch op called under it, and the banned name of
    any op that *is* one of ``banned_ids`` (by identity, however the submission reached it)."""
    from torch.overrides import TorchFunctionMode

    class Watcher(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):  # noqa: ANN001
            names.add(getattr(func, "__name__", "?"))
            if banned_ids:
                hit = banned_ids.get(id(func))
                if hit is not None:
                    names.add(hit)
            return func(*args, **(kwargs or {}))

    return Watcher()


def _resolve(name: str) -> Any:
    """The object a dotted name refers to among modules already imported (nothing is imported)."""
    parts = name.split(".")
    obj = sys.modules.get(parts[0])
    for i, part in enumerate(parts[1:], 1):
        if obj is None:
            return None
        obj = getattr(obj, part, None) or sys.modules.get(".".join(parts[: i + 1]))
    return obj


def watch_banned(names: list[str], called: set[str]) -> dict[int, str]:
    """Arrange for banned functions to be seen however they are reached: torch ops are returned by
    identity for the dispatch watcher; other functions (numpy's) are replaced, where they are defined and
    where they are exported, by a wrapper that records the call. Modules and classes are left to the AST
    scan (a banned class's work shows up as the banned ops it calls)."""
    torch_ids: dict[int, str] = {}
    for name in names:
        obj = _resolve(name) if isinstance(name, str) else None
        if obj is None or isinstance(obj, type | type(sys)) or not callable(obj):
            continue
        if name.startswith("torch."):
            torch_ids[id(obj)] = name
            continue

        def spy(*args: Any, _real: Any = obj, _name: str = name, **kwargs: Any) -> Any:
            called.add(_name)
            return _real(*args, **kwargs)

        parent = _resolve(name.rsplit(".", 1)[0])
        home = sys.modules.get(getattr(obj, "__module__", None) or "")
        attr = getattr(obj, "__name__", name.rsplit(".", 1)[-1])
        for holder, key in ((parent, name.rsplit(".", 1)[-1]), (home, attr)):
            if holder is not None and getattr(holder, key, None) is obj:
                with contextlib.suppress(AttributeError, TypeError):
                    setattr(holder, key, spy)
    return torch_ids


def spy_on_imports(top: str, seen: set[str]) -> None:
    """Record in ``seen`` when the submission imports ``top`` by ``import``, ``__import__`` or
    ``importlib.import_module``, even when the module is already loaded (and so never re-imported)."""
    import builtins
    import importlib

    def check(name: Any) -> None:
        if isinstance(name, str) and name.split(".")[0] == top:
            seen.add(top)

    real_import, real_module, real_dunder = builtins.__import__, importlib.import_module, importlib.__import__

    def spy_import(name: Any, *args: Any, **kwargs: Any) -> Any:
        check(name)
        return real_import(name, *args, **kwargs)

    def spy_module(name: Any, package: Any = None) -> Any:
        check(name)
        return real_module(name, package)

    def spy_dunder(name: Any, *args: Any, **kwargs: Any) -> Any:
        check(name)
        return real_dunder(name, *args, **kwargs)

    builtins.__import__, importlib.import_module, importlib.__import__ = spy_import, spy_module, spy_dunder


def prewarm() -> None:
    """Touch the common numpy (and, when loaded, torch) code paths in a standby child before its request
    arrives, so that the first case of a grade does not pay for page faults and first-call set-up."""
    a = np.arange(12.0).reshape(3, 4)
    b = np.exp(a - a.max(axis=-1, keepdims=True)) @ a.T
    np.einsum("ij,kj->ik", a, a)
    wire.array_bytes(b)
    if "torch" in sys.modules:
        import torch

        torch.set_num_threads(1)
        with _watch_torch(set()):
            t = torch.from_numpy(a)
            u = t.reshape(2, 6).view(3, 4).unsqueeze(0).permute(0, 2, 1).contiguous().squeeze(0)
            m = t.mean(dim=-1, keepdim=True)
            v = t.var(dim=-1, unbiased=False, keepdim=True)
            y = (t - m) / torch.sqrt(v + 1e-5) * torch.ones(4, dtype=t.dtype) + torch.zeros_like(t)
            z = torch.cat([y, torch.tanh(y), torch.sigmoid(y), torch.relu(y)], dim=0).sum(0)
            w = torch.where(t > 1, torch.exp(t), torch.log1p(t.abs())).max(dim=-1).values
            (t.softmax(-1) @ u + t.sum() + torch.einsum("ij,kj->ik", t, t).sum() + z.sum() + w.sum()).numpy()


def _send(fd: int, header: dict, blobs: list[bytes] = ()) -> None:
    wire.write_all(fd, wire.pack_message(header, blobs))


def _encode_outputs(outputs: list) -> tuple[list, list[bytes]]:
    items, blobs = [], []
    for value in outputs:
        if value is None:
            items.append({"none": True})
            continue
        try:
            blobs.append(wire.array_bytes(np.asarray(value)))
            items.append({"npy": len(blobs) - 1})
        except (ValueError, TypeError) as exc:
            items.append({"bad": f"cannot be sent as a numeric array ({exc})"[:200]})
    return items, blobs


def run_submission(request: dict, cases: list[dict], result_fd: int) -> None:
    """Child side: load the submission, run every case, send one message per case, then ``done``."""
    out = CaseOutput(1)
    sys.stdout = sys.stderr = out
    framework, kind, entry = request["framework"], request["kind"], request["entry"]
    code = request["code"]
    linecache.cache[SUBMISSION_FILE] = (len(code), None, code.splitlines(True), SUBMISSION_FILE)
    called: set[str] = set()
    imported: set[str] = set()
    torch_ops: set[str] = set()  # numpy drills: torch ops seen when torch was already loaded
    watcher = None
    banned_ids = watch_banned(list(request.get("watch") or []), called)
    torch_before = "torch" in sys.modules
    if framework == "torch":
        import torch

        torch.set_num_threads(1)
        watcher = _watch_torch(called, banned_ids)
    else:  # a numpy drill: any import or use of torch is reported
        if torch_before:
            watcher = _watch_torch(torch_ops)
        spy_on_imports("torch", imported)  # after the harness's own imports
    namespace: dict[str, Any] = {"__name__": "submission", "__file__": SUBMISSION_FILE}
    try:
        compiled = compile(code, SUBMISSION_FILE, "exec")
        if watcher is not None:
            with watcher:
                exec(compiled, namespace)
        else:
            exec(compiled, namespace)
        target = namespace.get(entry)
        if not callable(target):
            raise LookupError(f"your code does not define {entry}")
    except SystemExit as exc:
        _send(result_fd, {"type": "fatal", "error": f"your code called sys.exit({exc.code!r}) while loading",
                          "output": out.take()})
        return
    except BaseException as exc:  # noqa: BLE001 - every failure of user code is reported
        _send(result_fd, {"type": "fatal", "error": user_traceback(exc), "output": out.take()})
        return
    for index, case in enumerate(cases):
        started = time.perf_counter()
        header: dict[str, Any] = {"type": "case", "index": index}
        blobs: list[bytes] = []
        try:
            if watcher is not None:
                with watcher:
                    outputs = run_case(target, case, kind, framework)
            else:
                outputs = run_case(target, case, kind, framework)
            header["status"] = "ok"
            header["outputs"], blobs = _encode_outputs(outputs)
        except SystemExit as exc:
            header.update(status="error", error=f"your code called sys.exit({exc.code!r})")
        except BaseException as exc:  # noqa: BLE001
            header.update(status="error", error=user_traceback(exc),
                          not_implemented=isinstance(exc, NotImplementedError))
        header["ms"] = (time.perf_counter() - started) * 1000
        header["output"] = out.take()
        _send(result_fd, header, blobs)
    if framework != "torch" and ((not torch_before and "torch" in sys.modules) or (torch_before and torch_ops)):
        imported.add("torch")
    hits = sorted(name for name in called if "." in name)
    _send(result_fd, {"type": "done", "called": (hits + sorted(called - set(hits)))[:500],
                      "imported": sorted(imported)})
    sys.stdout = sys.__stdout__
    os.close(result_fd)
