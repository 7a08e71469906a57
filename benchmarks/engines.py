"""Site engines that cannot share careerfolio's venv, each in a venv of its own made once under .cache/engines/.

Zensical brings its own floors for click, Markdown and pymdown-extensions, which
would lift the oldest set the suite is tested on; it runs as a separate command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The newest Zensical on the registry when this was written; raise it with the engine's releases.
ZENSICAL_VERSION = "0.0.73"
ENGINES_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "engines"


def zensical_command() -> Path:
    """The `zensical` command of a venv holding only the pinned Zensical, made with uv on first use."""
    venv = ENGINES_CACHE / f"zensical-{ZENSICAL_VERSION}"
    command = venv / "bin" / "zensical"
    if not command.is_file():
        uv = Path(sys.executable).parent / "uv"
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, venv], check=True)
        subprocess.run([uv, "pip", "install", "-q", "--python", venv / "bin" / "python", f"zensical=={ZENSICAL_VERSION}"], check=True)
    return command
