"""Banned-API warnings (honour system, not a security claim).

Two sources, merged into the verdict's warnings:

- an AST scan of the submission that resolves import aliases, ``__import__`` and
  ``importlib.import_module`` calls and ``getattr(obj, "name")`` with names built from string constants
  (``"to" + "rch"``, ``"".join([...])``, f-strings of constants);
- what the sandbox child saw at run time: the banned functions it was asked to watch that were called
  (torch ops through the dispatch watcher, however they were reached; other functions through a
  recording wrapper) and, for numpy drills, whether torch was imported by any route.

A numpy drill asks for numpy: importing torch in it is always flagged, whatever its banned list says.
"""

from __future__ import annotations

import ast

IMPORTERS = {"__import__", "importlib.import_module", "importlib.__import__"}


def constant_string(node: ast.AST | None, depth: int = 0) -> str | None:
    """The value of an expression built only from string constants, else None."""
    if node is None or depth > 50:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = constant_string(node.left, depth + 1), constant_string(node.right, depth + 1)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.JoinedStr):
        parts = [constant_string(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1) for v in node.values]
        return "".join(parts) if all(p is not None for p in parts) else None
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join"
            and len(node.args) == 1 and isinstance(node.args[0], ast.List | ast.Tuple)):
        sep = constant_string(node.func.value, depth + 1)
        items = [constant_string(e, depth + 1) for e in node.args[0].elts]
        return sep.join(items) if sep is not None and all(i is not None for i in items) else None
    return None


class _Scan(ast.NodeVisitor):
    """Collects (dotted name, line) for every import and every name or attribute chain used."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}
        self.found: list[tuple[str, int]] = []
        self.imports: list[tuple[str, int]] = []

    def resolve(self, node: ast.AST) -> str | None:
        """The dotted name an expression refers to, through aliases and ``getattr`` with a constant name."""
        if isinstance(node, ast.Call):
            func = self.resolve(node.func)
            if func == "getattr" and len(node.args) >= 2:
                base, attr = self.resolve(node.args[0]), constant_string(node.args[1])
                return f"{base}.{attr}" if base and attr else None
            if func in IMPORTERS and node.args:
                return constant_string(node.args[0])
            return None
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id, node.id)
        return None

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            top = alias.name.split(".")[0]
            self.aliases[alias.asname or top] = alias.name if alias.asname else top
            self.imports.append((alias.name, node.lineno))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            self.imports.append((node.module, node.lineno))
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                self.aliases[alias.asname or alias.name] = full
                self.found.append((full, node.lineno))

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        target = self.resolve(node.value) if isinstance(node.value, ast.Call | ast.Attribute) else None
        if target and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self.aliases[node.targets[0].id] = target

    def visit_Call(self, node: ast.Call) -> None:
        name = self.resolve(node)
        func = self.resolve(node.func)
        if func in IMPORTERS and name:
            self.imports.append((name, node.lineno))
        elif name:
            self.found.append((name, node.lineno))
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = self.resolve(node)
        if name:
            self.found.append((name, node.lineno))
        else:
            self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        self.found.append((self.aliases.get(node.id, node.id), node.lineno))


def _matches(name: str, ban: str) -> bool:
    return name == ban or name.startswith(ban + ".")


def scan_source(code: str, banned: tuple[str, ...], framework: str | None = None) -> list[str]:
    """Warnings for each banned name the code refers to (with the line), in source order; for a numpy
    drill (``framework="numpy"``) also for importing torch."""
    if not banned and framework != "numpy":
        return []
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    scan = _Scan()
    try:
        scan.visit(tree)
    except RecursionError:
        return []
    found: dict[str, int] = {}
    for name, line in scan.imports + scan.found:
        for ban in banned:
            if _matches(name, ban):
                found[ban] = min(line, found.get(ban, line))
    warnings = [(line, f"uses {ban} (line {line}), which this drill asks you to write yourself")
                for ban, line in found.items()]
    if framework == "numpy" and not any(ban.split(".")[0] == "torch" for ban in found):
        lines = [line for name, line in scan.imports if name.split(".")[0] == "torch"]
        if lines:
            warnings.append((min(lines), f"imports torch (line {min(lines)}), but this drill is to be written "
                                         "with numpy"))
    return [text for _, text in sorted(warnings)]


def watcher_warnings(called: list[str], banned: tuple[str, ...], already: list[str]) -> list[str]:
    """Warnings for banned functions the sandbox saw called and the AST scan did not flag. ``called``
    holds banned names the child matched by identity, and torch op names from the dispatch watcher."""
    seen = set(called)
    out = []
    for ban in banned:
        if any(w.startswith(f"uses {ban} ") for w in already):
            continue
        if ban in seen or (ban.startswith("torch.") and ban.rsplit(".", 1)[-1] in seen):
            out.append(f"calls {ban} at run time, which this drill asks you to write yourself")
    return out


def runtime_warnings(imported: list[str], framework: str, already: list[str]) -> list[str]:
    """For a numpy drill: a warning when the child saw torch imported or used at run time and the AST
    scan did not already say so."""
    if framework != "numpy" or "torch" not in imported:
        return []
    if any("torch" in w.split(" (line", 1)[0] for w in already):
        return []
    return ["imports torch at run time, but this drill is to be written with numpy"]
