"""MkDocs hooks for the benchmark's case (r): a build in which MkDocs renders nothing.

Each page still goes through MkDocs' whole build (the site folder is cleaned,
every file read and its front matter parsed, every plugin event run, the
search index made, every page written), but Python-Markdown is skipped (a
page's HTML is one fixed paragraph) and the theme's page template is replaced
by one that prints that paragraph. What is left is what a full build costs
MkDocs itself, whatever a plugin does: plain `mkdocs serve` makes such a
build after every save, so no plugin can bring its rebuilds below this.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

STUB_TEMPLATE = "careerfolio-bench-stub.html"  # in benchmarks/stub_theme/
STUB_HTML = "<p>Stub.</p>"


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    page.meta["template"] = STUB_TEMPLATE
    # An attribute of this page object only: MkDocs calls page.render right after this event.
    page.render = partial(_render_nothing, page)  # type: ignore[method-assign]
    return markdown


def _render_nothing(page: Page, config: Any, files: Any) -> None:
    """What Page.render leaves on a page, for a page with one paragraph and no heading."""
    page.content = STUB_HTML
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}
