"""The drill specification: one dataclass per drill, validated field by field from ``drill.yaml``.

Every problem is reported as a :class:`DrillError` whose message names the file and the field, so a bad
drill can be shown to its author and skipped while the rest of the library loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dlprep.errors import DlprepError

DIFFICULTIES = ("easy", "medium", "hard")
FRAMEWORKS = ("numpy", "torch")
KINDS = ("function", "class")
# ``kind`` says how the entry is called. A debugging drill (its starter is a plausible implementation with
# bugs to find and fix) names those bugs in ``bugs``: names of mistakes in its mistakes.py. ``dlprep drills``
# reports such a drill with kind "debug".
DEBUG_KIND = "debug"
REQUIRED_FILES = ("drill.yaml", "prompt.md", "starter.py", "cases.py", "mistakes.py")
KNOWN_FIELDS = {
    "id", "title", "section", "difficulty", "framework", "kind", "entry",
    "tolerance", "banned", "hints", "time_budget_s", "tags", "bugs",
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
DOTTED_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class DrillError(DlprepError):
    """A drill folder cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class DrillSpec:
    """One drill. ``tolerance`` is ``(rtol, atol)``; ``time_budget_s`` is wall-clock seconds for all cases."""

    id: str
    title: str
    section: str
    difficulty: str
    framework: str
    kind: str
    entry: str
    rtol: float
    atol: float
    banned: tuple[str, ...]
    hints: tuple[str, ...]
    time_budget_s: float
    prompt: str
    starter: str
    path: Path
    tags: tuple[str, ...] = field(default_factory=tuple)
    bugs: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_debug(self) -> bool:
        """True for a debugging drill: the starter runs but is wrong, in the ways ``bugs`` names."""
        return bool(self.bugs)

    @property
    def listed_kind(self) -> str:
        """The kind shown to people: ``debug`` for a debugging drill, else ``function`` or ``class``."""
        return DEBUG_KIND if self.bugs else self.kind

    @property
    def tolerance(self) -> dict[str, float]:
        """The comparison tolerance as written in ``drill.yaml``."""
        return {"rtol": self.rtol, "atol": self.atol}

    def summary(self) -> dict[str, str]:
        """The fields ``dlprep drills --json`` prints."""
        return {
            "id": self.id, "title": self.title, "section": self.section,
            "framework": self.framework, "difficulty": self.difficulty, "kind": self.listed_kind,
        }


def _where(path: Path) -> str:
    """How a drill file is named in messages: ``drills/<id>/<file>`` wherever the library lives."""
    return f"drills/{path.parent.name}/{path.name}"


def _text(raw: dict, key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DrillError(f"{where}: field '{key}' must be a non-empty string")
    return value.strip()


def _choice(raw: dict, key: str, options: tuple[str, ...], where: str) -> str:
    value = raw.get(key)
    if value not in options:
        raise DrillError(f"{where}: field '{key}' must be one of {', '.join(options)} (got {value!r})")
    return value


def _number(value: Any, key: str, where: str, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DrillError(f"{where}: field '{key}' must be a number (got {value!r})")
    if value < 0 or (positive and value == 0):
        raise DrillError(f"{where}: field '{key}' must be {'positive' if positive else 'non-negative'}")
    return float(value)


def _string_list(raw: dict, key: str, where: str, *, minimum: int = 0) -> tuple[str, ...]:
    value = raw.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list):
        raise DrillError(f"{where}: field '{key}' must be a list of non-empty strings")
    for i, item in enumerate(value):
        if isinstance(item, dict):
            raise DrillError(f"{where}: field '{key}' entry {i + 1} parsed as a mapping; quote it "
                             f"(YAML reads an unquoted ': ' as a key)")
        if not isinstance(item, str) or not item.strip():
            raise DrillError(f"{where}: field '{key}' entry {i + 1} must be a non-empty string")
    if len(value) < minimum:
        raise DrillError(f"{where}: field '{key}' needs at least {minimum} entries (has {len(value)})")
    return tuple(v.strip() for v in value)


def spec_from_yaml(raw: Any, folder: Path, sections: set[str] | None = None) -> DrillSpec:
    """Validate the parsed ``drill.yaml`` of ``folder`` and build the spec (reads prompt and starter)."""
    where = _where(folder / "drill.yaml")
    if not isinstance(raw, dict):
        raise DrillError(f"{where}: expected a mapping of fields at the top level")
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        raise DrillError(f"{where}: unknown field '{unknown[0]}'")
    drill_id = _text(raw, "id", where)
    if not ID_PATTERN.match(drill_id):
        raise DrillError(f"{where}: field 'id' must be lowercase letters, digits and _ (got {drill_id!r})")
    if drill_id != folder.name:
        raise DrillError(f"{where}: field 'id' is {drill_id!r} but the folder is {folder.name!r}")
    section = _text(raw, "section", where)
    if sections is not None and section not in sections:
        raise DrillError(f"{where}: field 'section' {section!r} is not a heading in content/sections.yaml")
    entry = _text(raw, "entry", where)
    if not entry.isidentifier():
        raise DrillError(f"{where}: field 'entry' must be a Python identifier (got {entry!r})")
    tolerance = raw.get("tolerance")
    if not isinstance(tolerance, dict) or set(tolerance) - {"rtol", "atol"}:
        raise DrillError(f"{where}: field 'tolerance' must be a mapping with rtol and atol")
    rtol = _number(tolerance.get("rtol"), "tolerance.rtol", where)
    atol = _number(tolerance.get("atol"), "tolerance.atol", where)
    banned = _string_list(raw, "banned", where)
    for name in banned:
        if not DOTTED_PATTERN.match(name):
            raise DrillError(f"{where}: field 'banned' entry {name!r} is not a dotted name")
    bugs = _string_list(raw, "bugs", where)
    for name in bugs:
        if not name.isidentifier():
            raise DrillError(f"{where}: field 'bugs' entry {name!r} must name a mistake in mistakes.py")
    budget = _number(raw.get("time_budget_s"), "time_budget_s", where, positive=True)
    if budget > 120:
        raise DrillError(f"{where}: field 'time_budget_s' must be at most 120 seconds")
    files = {}
    for name in ("prompt.md", "starter.py"):
        try:
            files[name] = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DrillError(f"{_where(folder / name)}: cannot be read ({exc.__class__.__name__})") from None
        if not files[name].strip():
            raise DrillError(f"{_where(folder / name)}: file is empty")
    return DrillSpec(
        id=drill_id,
        title=_text(raw, "title", where),
        section=section,
        difficulty=_choice(raw, "difficulty", DIFFICULTIES, where),
        framework=_choice(raw, "framework", FRAMEWORKS, where),
        kind=_choice(raw, "kind", KINDS, where),
        entry=entry,
        rtol=rtol,
        atol=atol,
        banned=banned,
        hints=_string_list(raw, "hints", where, minimum=2),
        time_budget_s=budget,
        prompt=files["prompt.md"],
        starter=files["starter.py"],
        path=folder,
        tags=_string_list(raw, "tags", where),
        bugs=bugs,
    )
