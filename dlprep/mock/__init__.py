"""Mock interviews: a timed rapid-fire, concepts and coding session with a scored, stored report."""

from dlprep.mock.service import MockError, MockItem, MockRun, MockService, build_report, mock_history

__all__ = ["MockError", "MockItem", "MockRun", "MockService", "build_report", "mock_history"]
