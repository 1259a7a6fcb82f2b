"""The storefront's trimmed stylesheet (scripts/build_css.py → default/css/base.min.css) and where it is served."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_colour_contrast import CARD, PAGE, contrast

ROOT = Path(__file__).resolve().parents[1]


def _script(name):
    """A module of scripts/ (a folder of commands, not a package), loaded from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_css = _script("build_css")

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


def test_every_selector_of_the_stylesheet_is_whole():
    """Selectors were split at every comma, inside ``:is(…)`` too: the build wrote ``:is(.fas,.far{…}``, and a
    browser dropped that rule and every rule after it (Oscar's storefront styles, the icons' glyphs)."""
    css = build_css.OUTPUT.read_text(encoding="utf-8")
    preludes = re.findall(r"(?:^|[{}])\s*([^{}@][^{}]*)\{", build_css.COMMENT.sub("", css))
    unbalanced = [prelude for prelude in preludes if prelude.count("(") != prelude.count(")")]
    assert unbalanced == []
    assert ':is(.fas,.far)::before{content:var(--fa)/""}' in css  # what draws every icon
    assert ".reviewrating select{display:none}" in css  # a rule of Oscar's, after Font Awesome's


def test_an_is_list_keeps_the_alternatives_in_use():
    trimmer = build_css.Trimmer({"fas", "far", "alert"}, set())
    assert build_css.split_selectors(":is(.fas,.fab) p, .alert") == [":is(.fas,.fab) p", ".alert"]
    assert trimmer.trim_selector(":is(.fas,.far,.fab,.fa-brands)::before") == ":is(.fas,.far)::before"
    assert trimmer.trim_selector(":is(.fab,.fa-brands)::before") is None
    assert trimmer.trim_selector(".alert :where(.fas)") == ".alert :where(.fas)"


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
    """The committed subset is a whole WOFF2 file, a subset, cut to (at least) every icon the stylesheet keeps."""
    font = build_css.FONT_OUTPUT.read_bytes()
    assert font[:4] == b"wOF2" and int.from_bytes(font[8:12], "big") == len(font)
    assert len(font) < 10 * 1024, "not a subset: Font Awesome's whole solid font is 111 KB"
    css = build_css.OUTPUT.read_text(encoding="utf-8")
    wanted = {int(code, 16) for code in re.findall(r'--fa:\s*"\\([0-9a-f]{4,5})"', css)}
    cut_to = {int(code, 16) for code in build_css.FONT_GLYPHS.read_text(encoding="utf-8").split()}
    missing = sorted(f"{code:x}" for code in wanted - cut_to)
    assert wanted and not missing, f"icons missing from the font subset {missing}: run scripts/build_css.py --fonts"


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
