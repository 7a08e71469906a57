"""The Nu HTML Checker finds no error in the markup careerfolio generates.

Material for MkDocs' own markup has errors careerfolio cannot fix without
copying Material's base template; MATERIAL_EXCLUSIONS names each one, matched
by its message and by the Material element it is reported on, so the same
error in careerfolio's markup still fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from helpers import REPO

from .conftest import VNU_JAR, Audience, BuiltSite, require

pytestmark = pytest.mark.browser

FAILING_TYPES = ("error", "non-document-error")


@dataclass(frozen=True)
class Exclusion:
    """An error in Material's markup, recognized by its message and the markup it quotes."""

    why: str
    message_starts: str
    extract_has: str

    def matches(self, message: dict[str, Any]) -> bool:
        return message.get("message", "").startswith(self.message_starts) and self.extract_has in message.get("extract", "")


MATERIAL_EXCLUSIONS = (
    Exclusion(
        why="Material's base.html puts autocomplete=off on its drawer and search toggles, which are checkboxes",
        message_starts="Attribute “autocomplete” is only allowed when the input type is",
        extract_has='<input class="md-toggle" data-md-toggle=',
    ),
)

# A page with one error in careerfolio-style markup and Material's excluded one:
# the first must survive the filter, the second must not, or the filter hides too much.
CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<dl class="cf-facts"><p>Not a term</p></dl>
</body></html>
"""


def own_errors(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The checker's errors, less those in Material's markup."""
    return [m for m in messages if m.get("type") in FAILING_TYPES and not any(e.matches(m) for e in MATERIAL_EXCLUSIONS)]


def describe(messages: list[dict[str, Any]], root: Path) -> str:
    lines = []
    for m in messages:
        where = m.get("url", "?").removeprefix(f"file:{root.as_posix()}/")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}")
    return "\n".join(lines)


Messages = dict[Path, list[dict[str, Any]]]


def run_vnu(files: list[Path], *options: str) -> Messages:
    """Check `files` in one run of the Nu HTML Checker; its messages by file (Path() for none)."""
    require(
        shutil.which("java") is not None, "Java, which runs the Nu HTML Checker", "apt-get install default-jre-headless; .ci/run does it"
    )
    require(VNU_JAR.is_file(), f"the Nu HTML Checker ({VNU_JAR.relative_to(REPO)})", "`make test` installs it with npm ci")
    command = ["java", "-jar", str(VNU_JAR), *options, "--format", "json", "--exit-zero-always", "--stdout", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    by_file: Messages = {f.resolve(): [] for f in files}
    for message in json.loads(result.stdout)["messages"]:
        # The checker writes file:/x/y.html.
        by_file.setdefault(Path(unquote(urlsplit(message.get("url", "")).path)), []).append(message)
    return by_file


STYLESHEETS = sorted((REPO / "templates").rglob("*.css"))  # the ones careerfolio ships


@pytest.fixture(scope="session")
def vnu_messages(sites: dict[Audience, BuiltSite], tmp_path_factory: pytest.TempPathFactory) -> Messages:
    """Every page of both builds, careerfolio's stylesheets and the canaries, checked in one run."""
    canaries = tmp_path_factory.mktemp("vnu")
    (canaries / "canary.html").write_text(CANARY, encoding="utf-8")
    (canaries / "canary.css").write_text(".cf-canary { colr: red; }\n", encoding="utf-8")
    files = [canaries / "canary.html", canaries / "canary.css", *STYLESHEETS, *sites["public"].html_files(), *sites["private"].html_files()]
    return run_vnu(files, "--also-check-css")


def canary_messages(vnu_messages: Messages, name: str) -> list[dict[str, Any]]:
    return next(messages for path, messages in vnu_messages.items() if path.name == name and path.parent.name.startswith("vnu"))


def test_the_filter_keeps_our_errors_and_drops_only_materials(vnu_messages: Messages) -> None:
    kept = own_errors(canary_messages(vnu_messages, "canary.html"))
    assert [m["extract"] for m in kept if "cf-facts" in m.get("extract", "")], "the checker or the filter missed an error in cf- markup"
    assert all("md-toggle" not in m.get("extract", "") for m in kept), "Material's excluded error was not filtered out"


@pytest.mark.parametrize("audience", ["public", "private"])
def test_no_html_error_in_careerfolios_markup(audience: Audience, sites: dict[Audience, BuiltSite], vnu_messages: Messages) -> None:
    site = sites[audience]
    pages = [path.resolve() for path in site.html_files()]
    assert pages, "the build made no HTML"
    unattributed = own_errors(vnu_messages.get(Path(), []))
    errors = unattributed + [m for path in pages for m in own_errors(vnu_messages[path])]
    assert not errors, describe(errors, site.root.resolve())


def test_careerfolios_stylesheets_are_valid_css(vnu_messages: Messages) -> None:
    assert STYLESHEETS, "careerfolio ships no stylesheet"
    assert own_errors(canary_messages(vnu_messages, "canary.css")), "the checker missed an unknown CSS property"
    errors = [m for path in STYLESHEETS for m in own_errors(vnu_messages[path.resolve()])]
    assert not errors, describe(errors, REPO)
