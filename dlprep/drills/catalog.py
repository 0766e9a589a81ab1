"""The drill catalog: every folder under ``drills/`` loaded and validated; bad drills are reported."""

from __future__ import annotations

from pathlib import Path

import yaml

from dlprep.drills.spec import REQUIRED_FILES, DrillError, DrillSpec, spec_from_yaml


def _sections() -> set[str] | None:
    try:
        from dlprep.sections import all_sections

        return set(all_sections())
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return None


def load_drill(folder: Path, sections: set[str] | None = None) -> DrillSpec:
    """Load and validate the drill in ``folder``; raises :class:`DrillError` naming file and field."""
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise DrillError(f"drills/{folder.name}/{name}: file is missing")
    where = f"drills/{folder.name}/drill.yaml"
    try:
        raw = yaml.safe_load((folder / "drill.yaml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise DrillError(f"{where}: invalid YAML{line}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DrillError(f"{where}: cannot be read ({exc.__class__.__name__})") from None
    return spec_from_yaml(raw, folder, sections)


def load_drills(root: Path | None = None) -> tuple[list[DrillSpec], list[str]]:
    """Every valid drill under ``root`` (default: the shipped drills), sorted by id, and error lines."""
    from dlprep.paths import drills_dir

    root = root or drills_dir()
    sections = _sections()
    drills: list[DrillSpec] = []
    errors: list[str] = []
    if not root.is_dir():
        return drills, [f"{root}: drills folder not found"]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            drills.append(load_drill(folder, sections))
        except DrillError as exc:
            errors.append(str(exc))
    return drills, errors


def get_drill(drill_id: str) -> DrillSpec:
    """The drill ``drill_id``; raises :class:`DrillError` if it is unknown or invalid."""
    from dlprep.paths import drills_dir

    folder = drills_dir() / drill_id
    if not drill_id or "/" in drill_id or drill_id.startswith(".") or not (folder / "drill.yaml").is_file():
        raise DrillError(f"unknown drill {drill_id!r} (see `dlprep drills`)")
    return load_drill(folder, _sections())


def reference_source(drill_id: str) -> str:
    """The text of ``solutions/<id>.py`` (for showing the solution; trusted side only)."""
    from dlprep.drills.modules import reference_path

    path = reference_path(get_drill(drill_id))
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise DrillError(f"solutions/{drill_id}.py: reference is missing") from None
