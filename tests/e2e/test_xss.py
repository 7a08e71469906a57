"""Front matter values cannot inject markup or script into any public output.

Every text field of every public content type carries a payload that tries to
close the element it lands in, break out of a double- or single-quoted
attribute, and add an element with an event handler; every URL field carries
a `javascript:` URL. The real public build is parsed as HTML, XML and JSON.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from helpers import front_matter, make_entry, make_profile, make_role, make_skill, output_text, run_mkdocs, write_site

PAYLOAD = "</title></textarea><script>alert(1)</script>\" onmouseover=\"alert(1)' onerror='alert(1)<img src=x onerror=alert(1)>"
URLS = ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "java\tscript:alert(1)")
_DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


def _files() -> list[tuple[str, bytes]]:
    files = [
        make_entry(
            path="journal/2026/xss.md",
            title=PAYLOAD,
            impact=PAYLOAD,
            tags=[PAYLOAD, "ok"],
            skills=["python", PAYLOAD],
            role=PAYLOAD,
            pinned=True,
        ),
        make_entry(path="journal/2026/heading.md", title=None, body=f"# {PAYLOAD}\n\nBody."),
        make_skill("python", name=PAYLOAD, category=PAYLOAD),
        make_role("acme", organization=PAYLOAD, title=PAYLOAD, location=PAYLOAD, url=URLS[0]),
        make_role("globex", organization="Globex", title="Engineer", start="2019-01", end="2021-05", url=URLS[1]),
        make_profile(
            name=PAYLOAD,
            headline=PAYLOAD,
            email=f"{PAYLOAD}@example.com",
            location=PAYLOAD,
            links=[{"label": PAYLOAD, "url": url} for url in URLS],
        ),
        ("index.md", front_matter({"title": PAYLOAD, "visibility": "public"}, "Welcome.")),
        # A page without a title is named after its file, which can hold quotes and brackets too.
        ('notes/"><img src=x onerror=alert(1)>.md', front_matter({"visibility": "public"}, "Named by its file.")),
    ]
    return files


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = write_site(tmp_path_factory.mktemp("xss"), _files(), extra_config="site_url: https://example.com/\n")
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    return output_text(root / "site")


def _html_files(outputs: dict[str, str]) -> list[tuple[str, BeautifulSoup]]:
    return [(name, BeautifulSoup(text, "html.parser")) for name, text in outputs.items() if name.endswith(".html")]


def test_no_injected_script(outputs: dict[str, str]) -> None:
    pages = _html_files(outputs)
    assert len(pages) >= 5
    for name, soup in pages:
        for script in soup.find_all("script"):
            text = script.string or ""
            assert "alert" not in str(script.get("src", "")), name
            if script.get("type") in ("application/ld+json", "application/json"):
                # Data, not code: the payload may be in it, as one JSON value that did not end the element.
                json.loads(text)
            else:
                assert "alert" not in text, name


def test_no_injected_element_or_attribute(outputs: dict[str, str]) -> None:
    for name, soup in _html_files(outputs):
        assert soup.find("img", src="x") is None, name
        assert soup.find("textarea") is None, name
        for element in soup.find_all(True):
            assert isinstance(element, Tag)
            handlers = [attribute for attribute in element.attrs if attribute.lower().startswith("on")]
            assert handlers == [], f"{name}: <{element.name} {handlers}>"


def test_no_link_to_a_script_url(outputs: dict[str, str]) -> None:
    for name, soup in _html_files(outputs):
        for element in soup.find_all(True):
            for attribute in ("href", "src", "action", "formaction", "xlink:href", "data"):
                value = element.get(attribute)
                if isinstance(value, str):
                    squeezed = "".join(value.split()).lower()
                    assert not squeezed.startswith(_DANGEROUS_SCHEMES), f"{name}: {attribute}"


def test_titles_show_the_payload_as_text(outputs: dict[str, str]) -> None:
    soup = BeautifulSoup(outputs["journal/2026/xss/index.html"], "html.parser")
    assert soup.title is not None
    assert soup.title.get_text().startswith(PAYLOAD)
    assert PAYLOAD in soup.get_text()


def test_structured_outputs_still_parse(outputs: dict[str, str]) -> None:
    for name, text in outputs.items():
        if name.endswith((".xml", ".xml.gz")):
            ET.fromstring(text)
        elif name.endswith(".json"):
            json.loads(text)
    for _name, soup in _html_files(outputs):
        for script in soup.find_all("script", type="application/ld+json"):
            json.loads(script.string or "")


def test_svg_takes_no_links_or_foreign_content_from_data(outputs: dict[str, str]) -> None:
    for name, soup in _html_files(outputs):
        for svg in soup.find_all("svg"):
            assert svg.find("foreignobject") is None and svg.find("foreignObject") is None, name
    for name, text in outputs.items():
        if name.endswith(".svg"):
            assert "<script" not in text and "alert(1)" not in text.replace("alert(1)&", ""), name


def test_the_payload_site_has_what_a_reader_sees(outputs: dict[str, str]) -> None:
    # The test would prove nothing if the payload pages were left out of the build.
    names = set(outputs)
    assert "journal/2026/xss/index.html" in names
    assert "skills/python/index.html" in names
    assert "roles/acme/index.html" in names
    assert Path("index.html").as_posix() in names
