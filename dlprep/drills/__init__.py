"""Drill specs: load and validate ``drills/<id>/`` folders; the catalog; trusted drill modules."""

from dlprep.drills.catalog import get_drill, load_drill, load_drills, reference_source
from dlprep.drills.modules import load_cases, load_mistakes, load_oracle, load_reference
from dlprep.drills.spec import DrillError, DrillSpec

__all__ = [
    "DrillError", "DrillSpec", "get_drill", "load_cases", "load_drill", "load_drills", "load_mistakes",
    "load_oracle", "load_reference", "reference_source",
]
