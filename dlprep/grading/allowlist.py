"""What a sandboxed child may read: an allow-list, never a deny-list (stdlib only).

The child may read the Python standard library, exactly the installed distributions its drill's
framework needs (numpy; torch and everything torch requires for torch drills, found through
``importlib.metadata``), and the few system files those load (shared libraries, random devices, CPU
information). Nothing else: not dlprep itself or its shipped data (an editable install copies the
references into ``site-packages/dlprep/_data``), not the data home, the checkout, other distributions,
``/home``, ``/root``, ``/var``, ``/opt``, ``/usr/share`` or ``/usr/local``.

Imported by the grading worker as a top-level module, so it imports nothing from the package.
"""

from __future__ import annotations

import csv
import importlib.metadata as metadata
import os
import re
import sys
import sysconfig

FRAMEWORK_DISTRIBUTIONS = {"numpy": ("numpy",), "torch": ("torch", "numpy")}
NEVER = {"dlprep"}
SITE_DIR_NAMES = {"site-packages", "dist-packages"}
SYSTEM_FILES = ("/etc/ld.so.cache", "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random",
                "/proc/cpuinfo", "/sys/devices/system/cpu")  # the last two: torch's CPU detection
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _marker_holds(requirement: str) -> bool:
    """Whether a requirement applies here; extras are never wanted. Without ``packaging`` to evaluate
    other markers, the requirement is kept (it is still one of the framework's own dependencies)."""
    if ";" not in requirement:
        return True
    marker = requirement.split(";", 1)[1]
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    try:
        return Marker(marker.strip()).evaluate()
    except Exception:  # noqa: BLE001 - an unreadable marker keeps the dependency
        return True


def distribution_closure(roots: tuple[str, ...]) -> list[metadata.Distribution]:
    """The installed distributions ``roots`` need, their requirements included, recursively."""
    found: dict[str, metadata.Distribution] = {}
    todo = list(roots)
    while todo:
        name = _normal(todo.pop())
        if name in found or name in NEVER:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = dist
        for requirement in dist.requires or []:
            match = _NAME.match(requirement)
            if match and _marker_holds(requirement):
                todo.append(match.group(1))
    return list(found.values())


def _record_paths(dist: metadata.Distribution) -> list[str]:
    """The paths listed in ``dist``'s RECORD (read directly: ``Distribution.files`` builds an object per
    line, slow for torch's tens of thousands)."""
    text = dist.read_text("RECORD")
    if text is None:
        return [str(f) for f in dist.files or []]
    paths = []
    for line in text.splitlines():
        if line.startswith('"'):  # a quoted path (it holds a comma): let csv read it
            paths.extend(row[0] for row in csv.reader([line]) if row)
        elif line:
            paths.append(line.split(",", 1)[0])
    return paths


def distribution_paths(dist: metadata.Distribution) -> list[str]:
    """What ``dist`` installed: its top-level folders and files and its metadata. Shared folders
    (``__pycache__``) give their listed files only."""
    base = os.path.realpath(str(dist.locate_file("")))
    paths: set[str] = set()
    for entry in _record_paths(dist):
        parts = entry.split("/")
        if not parts[0] or parts[0] == "..":
            continue
        if len(parts) == 1 or parts[0] == "__pycache__":
            paths.add(os.path.join(base, *parts))
        else:
            paths.add(os.path.join(base, parts[0]))
    info = getattr(dist, "_path", None)
    if info is not None:
        paths.add(os.path.realpath(str(info)))
    return sorted(p for p in paths if os.path.exists(p))


def stdlib_dirs() -> list[str]:
    """The standard library folders of the base interpreter (never a venv's own ``lib/pythonX.Y``)."""
    base = {"base": sys.base_prefix, "platbase": sys.base_exec_prefix,
            "installed_base": sys.base_prefix, "installed_platbase": sys.base_exec_prefix}
    paths = sysconfig.get_paths(vars=base)
    dirs = {os.path.realpath(paths["stdlib"]), os.path.realpath(paths["platstdlib"]),
            os.path.dirname(os.path.realpath(os.__file__))}
    return sorted(d for d in dirs if os.path.isdir(d))


def library_dirs() -> list[str]:
    """Where the system's shared libraries live (the multiarch folders, not all of ``/usr/lib``)."""
    arch = sysconfig.get_config_var("MULTIARCH") or ""
    candidates = ["/lib64", "/usr/lib64"]
    if arch:
        candidates += [f"/lib/{arch}", f"/usr/lib/{arch}"]
    return sorted({os.path.realpath(p) for p in candidates if os.path.isdir(p)})


def read_allow_list(framework: str) -> list[str]:
    """The paths a child of a ``framework`` drill may read beneath. The site folders themselves are
    not listable: imports find names through the import system's caches, filled before the fork."""
    readable: set[str] = set(library_dirs())
    readable.update(p for p in SYSTEM_FILES if os.path.exists(p))
    for dist in distribution_closure(FRAMEWORK_DISTRIBUTIONS.get(framework, ("numpy",))):
        readable.update(distribution_paths(dist))
    for folder in stdlib_dirs():
        readable.update(carve(folder, lambda name: name in SITE_DIR_NAMES))
    return sorted(readable)


def carve(folder: str, excluded) -> list[str]:  # noqa: ANN001 - a predicate on entry names
    """``folder``'s entries except those ``excluded`` names (Landlock only grants: a folder holding
    something to keep out is replaced by its other entries)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    if not any(excluded(name) for name in names):
        return [folder]
    return [os.path.join(folder, name) for name in names if not excluded(name)]

