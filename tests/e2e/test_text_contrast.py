"""Every piece of text on the main pages, as Chromium draws it with the whole stylesheet (ours and the rules of
Oscar's it keeps), meets WCAG AA contrast against what lies behind it: 4.5:1, 3:1 for large text. The stylesheet
test (tests/test_colour_contrast.py) reads only our own rules; Oscar's green "Còn hàng" (#28a745, 3.1:1) came
back with its storefront rules and only a browser sees the cascade."""

import pytest

from catalogue import listing
from tests.e2e.conftest import PHONE
from tests.e2e.test_phone_layout import LAY_OUT_EVERYTHING

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

# Text whose colour, with every ancestor's opacity, does not meet the ratio against the blended background colours
# behind it. Text on a picture or a gradient is not judged here (no single background colour); nor is text of a
# disabled control (WCAG exempts inactive components) or of an element one pixel wide (read by screen readers only).
LOW_CONTRAST_TEXT = """() => {
  const parse = text => {
    const match = text.match(/rgba?\\(([^)]+)\\)/);
    if (!match) { return null; }
    const parts = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const luminance = colour => {
    const channel = value => {
      value /= 255;
      return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
  };
  const behind = element => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none") { return null; }
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) { break; }
      }
    }
    return layers.reduceRight((under, layer) => blend(layer, under), {r: 255, g: 255, b: 255, a: 1});
  };
  const failures = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (!Array.from(element.childNodes).some(node => node.nodeType === 3 && node.textContent.trim())) { continue; }
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility !== "visible" || box.width <= 1 || box.height <= 1) { continue; }
    if (element.closest("[disabled], .disabled, [aria-hidden=true]")) { continue; }
    let opacity = 1;
    for (let node = element; node; node = node.parentElement) { opacity *= parseFloat(getComputedStyle(node).opacity); }
    const ground = behind(element);
    const ink = parse(style.color);
    if (!ground || !ink || opacity === 0) { continue; }
    const colour = blend({...ink, a: ink.a * opacity}, ground);
    const [light, dark] = [luminance(colour), luminance(ground)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const needed = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) {
      const name = element.tagName.toLowerCase() + (element.className ? "." + String(element.className).trim().replace(/\\s+/g, ".") : "");
      failures.push(`${name} "${element.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)} < ${needed}`);
    }
  }
  return Array.from(new Set(failures));
}"""


def _pages():
    return ["/", "/catalogue/", listing.for_sale().order_by("pk").first().get_absolute_url(), "/search/?q=chè"]


@pytest.mark.parametrize("index", range(4), ids=["home", "catalogue", "product", "search"])
def test_every_text_on_the_main_pages_meets_wcag_aa_contrast(new_page, index):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(_pages()[index])
    # The colours as they settle: no frame of a transition, and the home page's shelves drawn though off screen
    # (content-visibility). A loaded machine once read its add-to-basket buttons at 1.1:1 without these.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate(LAY_OUT_EVERYTHING)
    assert page.evaluate(LOW_CONTRAST_TEXT) == []
