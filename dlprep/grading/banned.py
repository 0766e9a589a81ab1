"""Banned-API warnings (honour system, not a security claim): an AST scan of the submission that
resolves import aliases, plus the torch calls the sandbox's dispatch watcher saw."""

from __future__ import annotations

import ast


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
    if not banned or not any(ban.rsplit(".", 1)[-1] in code for ban in banned):
        return []
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    aliases: dict[str, str] = {}
    references: list[tuple[list[str], int]] = []
    imported: list[tuple[str, int]] = []
    inner: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                aliases[alias.asname or top] = alias.name if alias.asname else top
                imported.append((alias.name, node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                aliases[alias.asname or alias.name] = full
                imported.append((full, node.lineno))
        elif isinstance(node, ast.Attribute):
            inner.add(id(node.value))
            parts = None if id(node) in inner else _dotted(node)
            if parts:
                references.append((parts, node.lineno))
        elif isinstance(node, ast.Name) and id(node) not in inner:
            references.append(([node.id], node.lineno))
    candidates = imported + [(".".join([aliases.get(p[0], p[0]), *p[1:]]), line) for p, line in references]
    found: dict[str, int] = {}
    for name, line in candidates:
        for ban in banned:
            if name == ban or name.startswith(ban + "."):
                found[ban] = min(line, found.get(ban, line))
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
