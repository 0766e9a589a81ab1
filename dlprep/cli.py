"""The one entry point, ``dlprep``.

Subcommands live in :mod:`dlprep.commands`, one module each, discovered at start-up. A command module
defines ``NAME`` (the subcommand), ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``,
and keeps heavy imports inside ``run`` so that ``dlprep --help`` and the TUI start fast. Commands call
services, never widgets. Without a subcommand, the TUI starts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

from dlprep import commands
from dlprep.errors import DlprepError


def _command_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(commands.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"dlprep.commands.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(module)
    return sorted(found, key=lambda m: m.NAME)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The full argument parser and the command modules by name."""
    parser = argparse.ArgumentParser(
        prog="dlprep",
        description="Deep-learning interview preparation: spaced-repetition cards and graded coding drills.",
    )
    parser.add_argument(
        "--home", metavar="DIR", help="data home (default: $DLPREP_HOME, else ~/.local/share/dlprep)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, ModuleType] = {}
    for module in _command_modules():
        sub_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        if hasattr(module, "add_arguments"):
            module.add_arguments(sub_parser)
        modules[module.NAME] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command (the TUI when none is given)."""
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if args.home:
        os.environ["DLPREP_HOME"] = str(Path(args.home).expanduser().resolve())
    command = args.command or "tui"
    try:
        code = int(modules[command].run(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that has gone away is met here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except DlprepError as exc:
        print(f"dlprep: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _reader_gone() -> int:
    """The reader of our output closed it (``| head``, ``| true``): stop quietly, as a SIGPIPE would.

    stdout is pointed at /dev/null so that the interpreter's own flush at exit cannot fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a process killed by a closed pipe


if __name__ == "__main__":
    sys.exit(main())
