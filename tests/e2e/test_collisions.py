"""A file of the user's at a path careerfolio generates: a located error, the user's file kept, never a silent replacement.

Every case is a real `mkdocs build`: with `--strict` it must fail and name the
user's file; without, the built site must hold the user's bytes, not ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import make_entry, make_profile, run_mkdocs, write_site

PRIVATE = {"CAREERFOLIO_AUDIENCE": "private"}
LINKS = b"[feed](feed.xml) [resume](resume.json) [style](assets/careerfolio/portfolio.css)"
LINKING_PAGE = ("links.md", b"---\nvisibility: public\n---\n# Links\n\n" + LINKS + b"\n")
OWN_PAGE = b"---\nvisibility: public\n---\n# My own achievements\n\nWritten by me.\n"

CASES = [
    # (user's file, its bytes, audience, the output file that must hold the user's version)
    ("feed.xml", b"<feed>my own feed</feed>\n", "public", "feed.xml"),
    ("feed.xml", b"<feed>my own feed</feed>\n", "private", "feed.xml"),
    ("resume.json", b'{"mine": true}\n', "public", "resume.json"),
    ("assets/careerfolio/portfolio.css", b"/* my own style */\n", "public", "assets/careerfolio/portfolio.css"),
    ("dashboard/data.json", b'{"mine": true}\n', "private", "dashboard/data.json"),
    ("achievements.md", OWN_PAGE, "public", "achievements/index.html"),
    ("experience/index.md", OWN_PAGE, "private", "experience/index.html"),
]
IDS = ["feed-public", "feed-private", "resume-json", "portfolio-css", "dashboard-data", "page-same-url", "page-same-path-private"]


@pytest.mark.parametrize(("name", "data", "audience", "output"), CASES, ids=IDS)
def test_a_users_file_at_a_generated_path_stops_a_strict_build_and_wins_otherwise(
    tmp_path: Path, name: str, data: bytes, audience: str, output: str
) -> None:
    write_site(tmp_path, [make_profile(), make_entry(), LINKING_PAGE, (name, data)])
    env = PRIVATE if audience == "private" else None
    strict = run_mkdocs(tmp_path, "build", "--strict", env=env)
    assert strict.returncode != 0
    located = [line for line in strict.stderr.splitlines() if f"{name}: error:" in line]
    assert located, strict.stderr
    assert output in located[0]  # says which generated file it is in the way of

    lenient = run_mkdocs(tmp_path, "build", env=env)
    assert lenient.returncode == 0, lenient.stderr
    site = tmp_path / ("site-private" if audience == "private" else "site")
    built = (site / output).read_bytes()
    if name.endswith(".md"):
        assert b"Written by me." in built
        # The portfolio's nav item leads to the page that was kept, not to the one left out.
        nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select(".md-nav--primary a.md-nav__link")
        hrefs = {a.get_text(strip=True): str(a["href"]) for a in nav}
        assert (site / hrefs[output.split("/")[0].capitalize()] / "index.html").resolve() == (site / output).resolve()
    else:
        assert built == data


def test_without_a_clash_the_generated_files_are_there_and_the_strict_build_passes(tmp_path: Path) -> None:
    write_site(tmp_path, [make_profile(), make_entry(), LINKING_PAGE])
    for env, folder in ((None, "site"), (PRIVATE, "site-private")):
        result = run_mkdocs(tmp_path, "build", "--strict", env=env)
        assert result.returncode == 0, result.stderr
        assert b"<feed" in (tmp_path / folder / "feed.xml").read_bytes()
