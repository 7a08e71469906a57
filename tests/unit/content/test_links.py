"""Where a relative link in a Markdown body leads, as a docs-relative path, or nowhere inside the docs."""

from __future__ import annotations

import pytest

from careerfolio.content.links import resolve_target


@pytest.mark.parametrize(
    ("raw", "target"),
    [
        ("b.md", "journal/2026/b.md"),
        ("../../skills/python.md#level", "skills/python.md"),
        ("/roles/acme.md", "roles/acme.md"),
        (" ./my%20notes.md ", "journal/2026/my notes.md"),
        ("../../../outside.md", None),
        ("https://example.com/a.md", None),
        ("mailto:dana@example.com", None),
        ("//example.com/a.md", None),
        ("#top", None),
    ],
)
def test_a_link_resolves_from_its_pages_folder(raw: str, target: str | None) -> None:
    assert resolve_target("journal/2026/a.md", raw) == target
