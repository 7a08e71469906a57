"""Where this careerfolio comes from, so that what it writes installs exactly this version again."""

from __future__ import annotations

from careerfolio import __version__

# The public repository; a placeholder until the first release is published under this name.
SOURCE_URL = "https://github.com/careerfolio/careerfolio"
# False until the first release is on PyPI: until then the name there could be anyone's.
ON_PYPI = False


def install_requirement(version: str = __version__) -> str:
    """A pip requirement for exactly `version`: from PyPI once released there, from the tag in git before."""
    if ON_PYPI:
        return f"careerfolio=={version}"
    return f"careerfolio @ git+{SOURCE_URL}@v{version}"
