"""Pages printed to PDF by Chromium: the résumé fits two A4 pages; no printout carries navigation or a blank page."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from .conftest import BuiltSite, Scheme, Visit, artifact_path
from .pages import CASES, RESUME, PageCase, assert_built

pytestmark = pytest.mark.browser

MAX_RESUME_PAGES = 2
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


def print_pdf(visit: Visit, name: str) -> PdfReader:
    pdf = visit.page.pdf(format="A4", print_background=True)
    artifact_path("print", f"{name}.pdf").write_bytes(pdf)
    return PdfReader(io.BytesIO(pdf))


@pytest.mark.parametrize("case", PRINTED, ids=lambda case: case.id)
def test_printout_has_no_navigation_and_no_blank_page(
    case: PageCase, public_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    assert_built(case, public_site)
    visit = shared_visit(public_site.url(case.url_path), "light")
    chrome = chrome_only_texts(visit.page.content())
    assert chrome, "found no navigation text to look for; the chrome selectors no longer match Material's markup"

    pdf = print_pdf(visit, case.id)
    pages = [_words(page.extract_text() or "") for page in pdf.pages]
    assert pages, "the printout has no page"
    assert all(pages), f"blank page(s) {[n + 1 for n, text in enumerate(pages) if not text]} of {len(pages)}"
    printed = " ".join(pages)
    for text in case.expected:
        assert _words(text) in printed, f"{text!r} is missing from the printout"
    leaked = sorted(text for text in chrome if text in printed)
    assert not leaked, f"navigation printed: {leaked}"


def test_resume_fits_two_a4_pages(public_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]) -> None:
    assert_built(RESUME, public_site)
    pdf = print_pdf(shared_visit(public_site.url(RESUME.url_path), "light"), "resume-a4")
    assert len(pdf.pages) <= MAX_RESUME_PAGES, f"the résumé prints on {len(pdf.pages)} A4 pages"
