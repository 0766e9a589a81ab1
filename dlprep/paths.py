"""Where dlprep keeps the user's data and where it finds its shipped content.

The data home is ``$DLPREP_HOME`` if set, else ``$XDG_DATA_HOME/dlprep`` (``~/.local/share/dlprep``).
A ``--home DIR`` option on the command line overrides both by setting ``DLPREP_HOME`` early.

Shipped resources (``content/``, ``drills/``, ``solutions/``) live at the top of a source checkout and
inside the wheel under ``dlprep/_data/``; :func:`resource_dir` finds whichever exists.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent
WHEEL_DATA_DIR = PACKAGE_DIR / "_data"

RESOURCE_NAMES = ("content", "drills", "solutions")


def data_home() -> Path:
    """Return the data home directory (not created)."""
    explicit = os.environ.get("DLPREP_HOME")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "dlprep"


def ensure_data_home() -> Path:
    """Create the data home if needed and return it."""
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_path() -> Path:
    """The progress database inside the data home."""
    return data_home() / "progress.db"


def workspace_dir() -> Path:
    """Where the user's drill code lives (``workspace/<drill id>.py``)."""
    return data_home() / "workspace"


def backups_dir() -> Path:
    """Rolling copies of the progress database."""
    return data_home() / "backups"


def resource_dir(name: str) -> Path:
    """Return the shipped resource folder ``name`` (one of :data:`RESOURCE_NAMES`).

    An editable checkout wins over the wheel's copy so that edits to decks and drills show at once.
    """
    if name not in RESOURCE_NAMES:
        raise ValueError(f"unknown resource {name!r}; expected one of {RESOURCE_NAMES}")
    checkout = CHECKOUT_DIR / name
    if checkout.is_dir() and (CHECKOUT_DIR / "pyproject.toml").is_file():
        return checkout
    return WHEEL_DATA_DIR / name


def decks_dir() -> Path:
    """The built-in card decks."""
    return resource_dir("content") / "decks"


def drills_dir() -> Path:
    """The built-in drills, one folder each."""
    return resource_dir("drills")


def solutions_dir() -> Path:
    """Reference implementations, one module per drill. Never readable from the sandbox."""
    return resource_dir("solutions")
