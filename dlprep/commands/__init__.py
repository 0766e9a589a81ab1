"""Subcommands of ``dlprep``: one module each, discovered by :mod:`dlprep.cli`."""
