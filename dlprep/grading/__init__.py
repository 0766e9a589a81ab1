"""Grading drills: a warm worker forks a sandboxed child per submission; the trusted side compares.

``Grader().grade(drill_id, code)`` returns a :class:`GradeResult`. Importing this package is cheap:
numpy is imported when the first grade is prepared and torch only for torch drills.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dlprep.grading.grader import Grader
    from dlprep.grading.result import CaseResult, GradeResult

__all__ = ["CaseResult", "GradeResult", "Grader"]


def __getattr__(name: str):  # noqa: ANN202 - lazy exports keep `import dlprep.grading` light
    if name == "Grader":
        from dlprep.grading.grader import Grader

        return Grader
    if name in ("GradeResult", "CaseResult"):
        from dlprep.grading import result

        return getattr(result, name)
    raise AttributeError(name)
