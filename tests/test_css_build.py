"""The storefront's trimmed stylesheet (scripts/build_css.py → default/css/base.min.css) and where it is served."""

import re
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_css  # noqa: E402

from tests.test_colour_contrast import CARD, PAGE, contrast  # noqa: E402

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def _classes(css):
    """Every class a stylesheet's selectors name."""
    selectors = re.sub(r"\{[^{}]*\}", "\n", build_css.COMMENT.sub("", css))
    return set(build_css.NAMES.findall(selectors)) - set(re.findall(r"#([\w-]+)", selectors))


def test_committed_stylesheet_is_the_scripts_output():
    css, _ = build_css.build()
    assert build_css.OUTPUT.read_text(encoding="utf-8") == css, "run .venv/bin/python scripts/build_css.py"


def test_every_bootstrap_class_of_our_storefront_templates_survives():
    defined = _classes(build_css.SOURCE.read_text(encoding="utf-8"))
    kept = _classes(build_css.OUTPUT.read_text(encoding="utf-8"))
    used = set()
    for path in (ROOT / "themes" / "default" / "templates").rglob("*.html"):
        if "dashboard" not in path.parts:
            for value in CLASS_ATTRIBUTE.findall(path.read_text(encoding="utf-8")):
                used.update(re.sub(r"\{[%{].*?[%}]\}", " ", value).split())
    assert {"btn", "container", "row", "form-control", "fa-star"} <= used & defined
    assert (used & defined) - kept == set()


def test_unused_bootstrap_is_dropped():
    kept = _classes(build_css.OUTPUT.read_text(encoding="utf-8"))
    # Bootstrap components and Font Awesome icons no storefront page uses.
    assert not {"custom-range", "fa-brands", "fa-github", "spinner-grow", "display-4"} & kept
    assert len(build_css.OUTPUT.read_bytes()) < len(build_css.SOURCE.read_bytes()) / 3


def test_links_and_primary_buttons_pass_aa_contrast():
    css = build_css.OUTPUT.read_text(encoding="utf-8")
    link = re.search(r"\na\{color:(#[0-9a-f]{6})", css).group(1)
    primary = re.search(r"\.btn-primary\{color:#fff;background-color:(#[0-9a-f]{6})", css).group(1)
    muted = re.search(r"\.text-muted\{color:(#[0-9a-f]{6})", css).group(1)
    for colour in (link, primary, muted):
        assert contrast(colour, CARD) >= 4.5 and contrast(colour, PAGE) >= 4.5, colour
    assert "#007bff" not in css.lower()


def test_font_subset_holds_every_kept_icon():
    ttLib = pytest.importorskip("fontTools.ttLib")
    pytest.importorskip("brotli")
    css = build_css.OUTPUT.read_text(encoding="utf-8")
    wanted = {int(code, 16) for code in re.findall(r'--fa:\s*"\\([0-9a-f]{4,5})"', css)}
    cmap = ttLib.TTFont(str(build_css.FONT_OUTPUT)).getBestCmap()
    assert wanted and wanted <= set(cmap)


@pytest.mark.django_db
def test_storefront_pages_load_the_trimmed_stylesheet_not_oscars():
    for path in ("/", "/catalogue/", "/en/catalogue/"):
        html = Client().get(path).content.decode()
        assert "default/css/base.min" in html, path
        assert "oscar/css/styles" not in html, path


@pytest.mark.django_db
def test_every_styled_class_of_rendered_storefront_pages_survives():
    from catalogue.listing import for_sale

    product = for_sale().filter(images__isnull=False).order_by("pk").first()
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    paths = ["/", "/catalogue/", product.get_absolute_url(), reverse("search:search") + "?q=chè"]
    paths += [reverse("basket:summary"), reverse("customer:login")]
    defined = _classes(build_css.SOURCE.read_text(encoding="utf-8"))
    kept = _classes(build_css.OUTPUT.read_text(encoding="utf-8"))
    rendered = set()
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        for value in CLASS_ATTRIBUTE.findall(response.content.decode()):
            rendered.update(value.split())
    assert {"product_pod", "btn-primary", "breadcrumb"} <= rendered & kept
    assert (rendered & defined) - kept == set()
