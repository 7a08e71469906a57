"""Pages printed to PDF by Chromium: the résumé fits one A4 or Letter page, a long one spills over
without a blank page, and no printout carries navigation."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import make_entry, make_profile, make_role, run_mkdocs, write_site

from .conftest import BuiltSite, Scheme, Visit, artifact_path, serve_site
from .pages import CASES, RESUME, PageCase, assert_built

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

Paper = Literal["A4", "Letter"]
PAPERS: tuple[Paper, ...] = ("A4", "Letter")
PRINTED = [RESUME, next(case for case in CASES if case.name == "achievement")]
# The site's chrome: header, tabs, sidebars with the nav and table of contents, footer, search.
CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-skip, .md-banner"


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def chrome_only_texts(html: str) -> set[str]:
    """Texts of the page's navigation and chrome that its article does not also contain."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    article_text = _words(article.get_text(" ")) if article else ""
    texts = {_words(node.get_text(" ")) for element in soup.select(CHROME) for node in element.find_all(["a", "label", "p", "span", "div"])}
    # Whole links and labels only: a menu item is a few words, never a paragraph of the page.
    return {text for text in texts if text and len(text.split()) <= 8 and text not in article_text}


def print_pdf(page: Page, name: str, paper: Paper = "A4") -> PdfReader:
    """Print the page as Chromium does for paper of that size, kept in test-artifacts/print/, read back."""
    pdf = page.pdf(format=paper, print_background=True)
    artifact_path("print", f"{name}-{paper.lower()}.pdf").write_bytes(pdf)
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: PdfReader) -> list[str]:
    """The words on each printed page, in order; an empty string is a blank page."""
    return [_words(page.extract_text() or "") for page in pdf.pages]


def blank_pages(texts: list[str]) -> list[int]:
    return [number for number, text in enumerate(texts, start=1) if not text]


@pytest.mark.parametrize("case", PRINTED, ids=lambda case: case.id)
def test_printout_has_no_navigation_and_no_blank_page(
    case: PageCase, public_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    assert_built(case, public_site)
    visit = shared_visit(public_site.url(case.url_path), "light")
    chrome = chrome_only_texts(visit.page.content())
    assert chrome, "found no navigation text to look for; the chrome selectors no longer match Material's markup"

    pages = page_texts(print_pdf(visit.page, case.id))
    assert pages, "the printout has no page"
    assert not blank_pages(pages), f"blank page(s) {blank_pages(pages)} of {len(pages)}"
    printed = " ".join(pages)
    for text in case.expected:
        assert _words(text) in printed, f"{text!r} is missing from the printout"
    leaked = sorted(text for text in chrome if text in printed)
    assert not leaked, f"navigation printed: {leaked}"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_example_resume_prints_on_one_page(paper: Paper, public_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]) -> None:
    assert_built(RESUME, public_site)
    pages = page_texts(print_pdf(shared_visit(public_site.url(RESUME.url_path), "light").page, "resume", paper))
    assert len(pages) == 1, f"the résumé prints on {len(pages)} {paper} pages"
    assert pages[0], "the résumé's one page is blank"


@pytest.fixture(scope="module")
def long_resume_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """A career of eight roles with six long-titled achievements each: more than one page of résumé."""
    roles = [make_role(f"r{n}", organization=f"Company {n}", start=f"20{10 + n}-01", end=f"20{10 + n}-12") for n in range(8)]
    entries = [
        make_entry(path=f"journal/r{n}/e{i}.md", date=f"20{10 + n}-0{i}-01", title=f"Achievement {n}.{i} " + "word " * 14, role=f"r{n}")
        for n in range(8)
        for i in range(1, 7)
    ]
    root = write_site(tmp_path_factory.mktemp("long-resume"), [make_profile(), *roles, *entries])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    yield from serve_site("public", root / "site")


@pytest.mark.parametrize("paper", PAPERS)
def test_a_long_resume_has_no_blank_trailing_page(
    paper: Paper, long_resume_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    assert_built(RESUME, long_resume_site)
    pages = page_texts(print_pdf(shared_visit(long_resume_site.url(RESUME.url_path), "light").page, "long-resume", paper))
    assert len(pages) >= 2, "the long résumé fits one page; it no longer tests a page break"
    assert not blank_pages(pages), f"blank page(s) {blank_pages(pages)} of {len(pages)}"


def test_the_page_check_sees_a_blank_trailing_page(visit_page: Callable[..., Visit]) -> None:
    """The blank-page check can fail: a page that forces a break after its only words prints a blank second page."""
    page = visit_page("about:blank").page
    page.set_content(
        '<!doctype html><html lang="en"><title>Blank</title><body><p>Only page with words</p>'
        '<div style="break-before: page; height: 1em"></div></body></html>'
    )
    pages = page_texts(print_pdf(page, "blank-trailing-page"))
    assert pages == ["Only page with words", ""]
    assert blank_pages(pages) == [2]
