"""WCAG AA colour contrast of the storefront's own stylesheet: every rule that sets a text colour is
checked against its own background, or against the white cards and the page background it sits on
(4.5:1 for text), the OCOP star glyphs included: they are text too."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[1] / "themes/default/static/default/css/site.css"
PAGE, CARD = "#fafaf7", "#ffffff"


def _luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(ch * 2 for ch in hex_colour)
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rules():
    text = CSS.read_text()
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", text))
    resolve = lambda value: variables.get(value[6:-1], value) if value.startswith("var(") else value  # noqa: E731
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        colour = re.search(r"(?<![-\w])color:\s*([^;]+)", body)
        background = re.search(r"background(?:-color)?:\s*([^;]+)", body)
        yield (
            selectors.strip(),
            resolve(colour.group(1).strip()) if colour else None,
            resolve(background.group(1).strip()) if background else None,
        )


def test_text_colours_meet_wcag_aa():
    failures = []
    # Rules without a background of their own, inside a coloured container.
    inherited = {
        ".site-header": "#b3261e",
        ".site-brand": "#b3261e",
        ".language-switch": "#b3261e",
        ".site-footer": "#2b2b2b",
        ".hero": "#3b2a1a",
        ".campaign-banner": "#b3261e",
    }
    for selectors, colour, background in _rules():
        if not colour or not colour.startswith("#"):
            continue
        if background and background.startswith("#"):
            grounds = [background]
        else:
            grounds = [bg for prefix, bg in inherited.items() if selectors.startswith(prefix)] or [PAGE, CARD]
        for ground in grounds:
            ratio = contrast(colour, ground)
            if ratio < 4.5:
                failures.append(f"{selectors}: {colour} on {ground} = {ratio:.2f}")
    assert not failures, failures


def test_the_contrast_formula_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-failing grey
