"""Grade results: one :class:`CaseResult` per case and the :class:`GradeResult` of a submission.

``GradeResult.to_dict()`` has the shape of Exercism's test-runner results (version 2) plus dlprep's own
fields: ``drill``, ``passed``, ``total``, ``diagnosis``, ``warnings``, ``isolation`` and ``duration_ms``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dlprep.grading.textsafe import clean_text

OUTPUT_CAP = 64_000


@dataclass
class CaseResult:
    """One case: ``status`` is pass, fail or error; ``message`` explains a failure; ``output`` is what
    the user's code printed during it (capped)."""

    name: str
    status: str
    message: str = ""
    output: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "status": self.status, "message": self.message or None,
                "output": self.output or None}


@dataclass
class GradeResult:
    """The verdict on one submission. ``status`` is pass, fail or error; durations are milliseconds."""

    drill: str
    status: str
    message: str
    passed: int = 0
    total: int = 0
    tests: list[CaseResult] = field(default_factory=list)
    diagnosis: str | None = None
    mistake: str | None = None
    warnings: list[str] = field(default_factory=list)
    output: str = ""
    isolation: list[str] = field(default_factory=list)
    duration_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "pass"

    def sanitized(self) -> GradeResult:
        """This result with every text field passed through :func:`~dlprep.grading.textsafe.clean_text`
        (control characters escaped, valid UTF-8), in place; returns ``self``."""
        self.message = clean_text(self.message)
        self.output = clean_text(self.output)
        self.diagnosis = clean_text(self.diagnosis) if self.diagnosis else self.diagnosis
        self.warnings = [clean_text(w) for w in self.warnings]
        self.isolation = [clean_text(x) for x in self.isolation]
        for test in self.tests:
            test.name, test.message = clean_text(test.name), clean_text(test.message)
            test.output = clean_text(test.output)
        return self

    def to_dict(self) -> dict:
        """Exercism v2 fields first, then dlprep's."""
        return {
            "version": 2,
            "status": self.status,
            "message": self.message,
            "tests": [t.to_dict() for t in self.tests],
            "drill": self.drill,
            "passed": self.passed,
            "total": self.total,
            "diagnosis": self.diagnosis,
            "mistake": self.mistake,
            "warnings": list(self.warnings),
            "isolation": list(self.isolation),
            "output": self.output,
            "duration_ms": round(self.duration_ms, 1),
        }
