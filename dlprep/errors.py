"""Errors that reach the user as one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations


class DlprepError(Exception):
    """Base class: ``str(err)`` is a complete sentence for the user."""


class StoreError(DlprepError):
    """The progress database cannot be opened, read or written."""


class ContentError(DlprepError):
    """A deck or notes file cannot be used; the message names the file and line."""
