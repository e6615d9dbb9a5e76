"""Command line: ``python -m geo ...``."""

from geo.cli.main import main

__all__ = ["main"]
