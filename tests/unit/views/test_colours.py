"""Colour with meaning: one non-red colour per level in both schemes, red kept for what needs action."""

from __future__ import annotations

import colorsys
import re

import pytest

from careerfolio.content.levels import LEVELS
from careerfolio.views.charts import LEVEL_COLORS
from careerfolio.views.render import templates_dir

CSS = (templates_dir() / "dashboard" / "dashboard.css").read_text(encoding="utf-8")


def _block(selector: str) -> dict[str, str]:
    """The custom properties set in the first rule for `selector`."""
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert match, selector
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", match.group(1)))


def _hue_saturation(hex_colour: str) -> tuple[float, float]:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    return hue * 360, saturation


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material's default background and its slate scheme's.
BACKGROUNDS = {":root": "#ffffff", '[data-md-color-scheme="slate"]': "#1e2129"}


@pytest.mark.parametrize("scheme", list(BACKGROUNDS), ids=["light", "dark"])
def test_each_level_has_its_own_non_red_colour_that_reads_on_the_page(scheme: str) -> None:
    colours = _block(scheme)
    levels = [colours[f"--cf-level-{level.id}"] for level in LEVELS]
    assert len(set(levels)) == len(LEVELS)
    for colour in levels:
        hue, saturation = _hue_saturation(colour)
        assert not (saturation > 0.3 and (hue < 20 or hue > 330)), f"{colour} reads as red, the colour of what needs action"
        # At least 3:1 against the page, as a chart's marks and the swatches need (WCAG 1.4.11).
        assert _contrast(colour, BACKGROUNDS[scheme]) >= 3
    action_hue, _ = _hue_saturation(colours["--cf-action"])
    assert action_hue < 20 or action_hue > 330
    assert _contrast(colours["--cf-action"], BACKGROUNDS[scheme]) >= 4.5  # it colours text: the due dates


def test_charts_and_pages_use_the_same_level_colours() -> None:
    assert {level.id: f"var(--cf-level-{level.id})" for level in LEVELS} == LEVEL_COLORS
    for level in LEVELS:
        assert re.search(rf"\.cf-swatch-{level.id}\s*\{{\s*background: var\(--cf-level-{level.id}\);", CSS)
    # Red appears only through --cf-action, and only on the next steps.
    uses = re.findall(r"([^{}]+)\{[^}]*var\(--cf-action\)", CSS)
    assert all("cf-step" in selector for selector in uses), uses
