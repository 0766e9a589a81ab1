"""Banned-API warnings (honour system, not a security claim): an AST scan of the submission that
resolves import aliases, plus the torch calls the sandbox's dispatch watcher saw."""

from __future__ import annotations

import ast


def _aliases(tree: ast.AST) -> dict[str, str]:
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST) -> list[str] | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def scan_source(code: str, banned: tuple[str, ...]) -> list[str]:
    """Warnings for each banned name the code refers to (with the line), in source order."""
    if not banned:
        return []
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    aliases = _aliases(tree)
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                f"{node.module}.{a.name}" for a in node.names if node.module and not node.level]
            candidates = modules
        elif isinstance(node, ast.Attribute | ast.Name) and (parts := _dotted(node)):
            head = aliases.get(parts[0], parts[0])
            candidates = [".".join([head, *parts[1:]])]
        else:
            continue
        for name in candidates:
            for ban in banned:
                if (name == ban or name.startswith(ban + ".")) and ban not in found:
                    found[ban] = node.lineno
    return [f"uses {ban} (line {line}), which this drill asks you to write yourself"
            for ban, line in sorted(found.items(), key=lambda item: item[1])]


def watcher_warnings(called: list[str], banned: tuple[str, ...], already: list[str]) -> list[str]:
    """Warnings for banned torch functions the dispatch watcher saw and the AST scan did not."""
    seen = set(called)
    out = []
    for ban in banned:
        if not ban.startswith("torch.") or any(w.startswith(f"uses {ban} ") for w in already):
            continue
        if ban.rsplit(".", 1)[-1] in seen:
            out.append(f"calls {ban} at run time, which this drill asks you to write yourself")
    return out
