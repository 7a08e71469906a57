"""The `careerfolio` command: checks, authoring and exports, without running a build."""

from careerfolio.adapters.cli.commands import main

__all__ = ["main"]
